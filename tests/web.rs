//! Browser tests: mount flows in headless Chromium and assert on the DOM.
//!
//! Run with `.ci/test browser` (wasm-bindgen-test-runner + chromedriver).

#![cfg(target_arch = "wasm32")]

mod common;

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use leptos_kratos::components::{ErrorView, FlowForm, GroupOrder};
use leptos_kratos::config::KratosConfig;
use leptos_kratos::i18n::Translator;
use leptos_kratos::model::*;
use serde_json::{Value, json};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element in the page to mount into.
fn container() -> HtmlElement {
    let document = document();
    let section = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&section).unwrap();
    section.unchecked_into()
}

/// Parses a fixture of any kind into a flow to render.
fn fixture_flow(kind: &str, json: &str) -> Flow {
    let value: Value = serde_json::from_str(json).unwrap();
    match kind {
        "flow" => serde_json::from_value(value).unwrap(),
        "ui" => Flow {
            ui: serde_json::from_value(value).unwrap(),
            ..Default::default()
        },
        "nodes" => Flow {
            ui: UiContainer {
                nodes: serde_json::from_value(value).unwrap(),
                ..Default::default()
            },
            ..Default::default()
        },
        "node" => Flow {
            ui: UiContainer {
                nodes: vec![serde_json::from_value(value).unwrap()],
                ..Default::default()
            },
            ..Default::default()
        },
        other => panic!("unexpected fixture kind {other}"),
    }
}

/// What the English catalogue shows for a Kratos message.
fn english(message: &UiText) -> String {
    Translator::default().message(message)
}

fn flow_from(value: Value) -> Flow {
    serde_json::from_value(value).unwrap()
}

/// Mounts a flow form; the returned guard unmounts it when dropped.
fn mount_flow(flow: Flow) -> (HtmlElement, impl Drop) {
    mount_flow_with(KratosConfig::default(), flow)
}

/// Mounts a flow form under this configuration.
fn mount_flow_with(config: KratosConfig, flow: Flow) -> (HtmlElement, impl Drop) {
    let root = container();
    let handle = mount_to(root.clone(), move || {
        provide_context(config);
        view! { <FlowForm flow=Signal::stored(flow) /> }
    });
    (root.clone(), Unmount(handle, root))
}

/// The test page's origin (where Kratos is when `kratos_url` is empty).
fn origin() -> String {
    window().location().origin().unwrap()
}

struct Unmount<T>(T, HtmlElement);
impl<T> Drop for Unmount<T> {
    fn drop(&mut self) {
        self.1.remove();
    }
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|node| node.unchecked_into::<Element>())
        .collect()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}: {}", root.inner_html()))
}

fn attr(element: &Element, name: &str) -> Option<String> {
    element.get_attribute(name)
}

fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

/// Checks that every input node is a form control, in Kratos's order, with
/// its name, type, value and attributes, and that visible fields are labelled.
fn check_controls(file: &str, root: &Element, flow: &Flow) {
    let form = one(root, "form");
    let controls = all(&form, "input, button, select");
    // Method groups in the default order, Kratos's order within a group.
    let order = GroupOrder::sign_in();
    let mut inputs: Vec<&UiNode> = flow
        .ui
        .nodes
        .iter()
        .filter(|n| n.input().is_some())
        .collect();
    inputs.sort_by_key(|n| order.rank(&n.group));
    assert_eq!(
        controls.len(),
        inputs.len(),
        "{file}: one control per input node"
    );
    for (node, control) in inputs.iter().zip(&controls) {
        let input = node.input().unwrap();
        let tag = control.tag_name().to_ascii_lowercase();
        assert_eq!(
            attr(control, "name").as_deref(),
            Some(input.name.as_str()),
            "{file}: name"
        );
        let value = input.value.as_ref().map(value_to_form_string);
        match &input.input_type {
            InputType::Submit | InputType::Button => {
                assert_eq!(tag, "button", "{file}: {} is a button", input.name);
                assert_eq!(
                    attr(control, "type").as_deref(),
                    Some(input.input_type.as_str())
                );
                assert_eq!(
                    attr(control, "value"),
                    value,
                    "{file}: {} value",
                    input.name
                );
                assert!(
                    !text(control).trim().is_empty(),
                    "{file}: {} has a caption",
                    input.name
                );
                assert!(
                    attr(control, "onclick").is_none(),
                    "inline JavaScript is never rendered"
                );
            }
            InputType::Checkbox => {
                let checkbox: &HtmlInputElement = control.unchecked_ref();
                assert_eq!(attr(control, "type").as_deref(), Some("checkbox"));
                assert_eq!(
                    checkbox.checked(),
                    input.is_checked(),
                    "{file}: {} checked",
                    input.name
                );
            }
            _ if tag == "select" => {
                let options = input.options.as_ref().unwrap();
                assert!(all(control, "option").len() >= options.len());
            }
            other => {
                assert_eq!(tag, "input", "{file}: {}", input.name);
                assert_eq!(
                    attr(control, "type").as_deref(),
                    Some(other.html_type()),
                    "{file}: type"
                );
                assert_eq!(
                    attr(control, "value"),
                    value,
                    "{file}: {} value",
                    input.name
                );
            }
        }
        if input.onclick_trigger.is_some() {
            // WebAuthn triggers run their ceremony instead of submitting, and
            // wait (disabled) until the script can run them.
            assert_eq!(
                attr(control, "type").as_deref(),
                Some("button"),
                "{file}: trigger"
            );
            assert_eq!(
                attr(control, "data-trigger").as_deref(),
                input.onclick_trigger.as_ref().map(|t| t.as_str())
            );
        } else if leptos_kratos::webauthn::click_call(input).is_some() {
            // A legacy inline call runs its ceremony too; no ceremony may run
            // while the form's action is not Kratos's (snapshots have none).
            let allowed = KratosConfig::default()
                .url_policy(&window().location().href().unwrap())
                .form_action(&flow.ui.action, None)
                .is_ok();
            if !allowed {
                assert!(control.has_attribute("disabled"), "{file}: ceremony");
            }
        } else {
            assert_eq!(
                control.has_attribute("disabled"),
                input.is_disabled(),
                "{file}: disabled"
            );
        }
        if !input.input_type.is_button() && input.input_type != InputType::Hidden {
            assert_eq!(
                control.has_attribute("required"),
                input.is_required(),
                "{file}: required"
            );
            assert_eq!(
                attr(control, "autocomplete"),
                input.autocomplete.clone(),
                "{file}: autocomplete"
            );
            assert_eq!(
                attr(control, "pattern"),
                input.pattern.clone(),
                "{file}: pattern"
            );
            assert_eq!(
                attr(control, "maxlength"),
                input.maxlength.map(|m| m.to_string()),
                "{file}: maxlength"
            );
            // Visible fields are labelled by a <label for=id> with the node's label.
            let id = attr(control, "id").expect("fields have an id");
            let label = one(root, &format!("label[for=\"{id}\"]"));
            let expected = node.label().map(english);
            if let Some(expected) = expected.filter(|t| !t.is_empty()) {
                assert_eq!(
                    text(&label).trim(),
                    expected.trim(),
                    "{file}: label of {}",
                    input.name
                );
            } else {
                assert!(
                    !text(&label).trim().is_empty(),
                    "{file}: fallback label of {}",
                    input.name
                );
            }
        }
    }
}

/// Checks that every message (flow-level and per node) is shown as text.
fn check_messages(file: &str, root: &Element, flow: &Flow) {
    let live = one(root, ".lk-messages");
    assert_eq!(attr(&live, "aria-live").as_deref(), Some("polite"));
    for message in &flow.ui.messages {
        assert!(
            text(&live).contains(english(message).trim()),
            "{file}: ui message {}",
            message.id
        );
    }
    for node in &flow.ui.nodes {
        for message in &node.messages {
            let shown = all(root, ".lk-node-messages .lk-message").iter().any(|p| {
                attr(p, "data-id") == Some(message.id.to_string()) && text(p) == english(message)
            });
            assert!(shown, "{file}: node message {} shown", message.id);
        }
    }
}

/// Checks the non-input nodes: images, links, texts, divs, scripts.
fn check_content(file: &str, root: &Element, flow: &Flow) {
    assert!(
        all(root, "script").is_empty(),
        "{file}: scripts are not rendered"
    );
    for node in &flow.ui.nodes {
        match &node.attributes {
            NodeAttributes::Image(image) => {
                let img = if image.id.is_empty() {
                    one(root, ".lk-image img")
                } else {
                    one(root, &format!("img[id=\"{}\"]", image.id))
                };
                let expected = (!image.src.is_empty()).then(|| {
                    web_sys::Url::new_with_base(&image.src, &window().location().href().unwrap())
                        .unwrap()
                        .href()
                });
                assert_eq!(attr(&img, "src"), expected, "{file}: img src");
                assert_eq!(attr(&img, "width"), image.width.map(|w| w.to_string()));
                assert_eq!(attr(&img, "height"), image.height.map(|h| h.to_string()));
            }
            NodeAttributes::Anchor(anchor) if !anchor.id.is_empty() => {
                let link = one(root, &format!("a[id=\"{}\"]", anchor.id));
                let expected =
                    web_sys::Url::new_with_base(&anchor.href, &window().location().href().unwrap())
                        .unwrap()
                        .href();
                assert_eq!(attr(&link, "href"), Some(expected), "{file}: link");
            }
            NodeAttributes::Text(text_attrs) if !text_attrs.id.is_empty() => {
                let element = one(root, &format!("[id=\"{}\"]", text_attrs.id));
                let shown = text(&element);
                if let Some(t) = &text_attrs.text {
                    let secrets = t.context_secrets();
                    if secrets.is_empty() {
                        let expected = t
                            .context_value("secret")
                            .map(value_to_form_string)
                            .unwrap_or_else(|| english(t));
                        assert!(
                            shown.contains(&expected),
                            "{file}: text {shown} has {expected}"
                        );
                    } else {
                        assert_eq!(
                            all(&element, "li").len(),
                            secrets.len(),
                            "{file}: one item per secret"
                        );
                    }
                }
            }
            _ => {}
        }
    }
}

#[wasm_bindgen_test]
async fn every_fixture_renders_every_node() {
    let mut rendered = 0;
    for (file, kind, json) in common::fixtures::FIXTURES {
        let flow = fixture_flow(kind, json);
        let (root, _guard) = mount_flow(flow.clone());
        tick().await;
        check_controls(file, &root, &flow);
        check_messages(file, &root, &flow);
        check_content(file, &root, &flow);
        rendered += 1;
    }
    assert!(rendered > 120, "{rendered} fixtures");
}

#[wasm_bindgen_test]
async fn the_form_posts_to_the_flow_action() {
    let (root, _guard) = mount_flow_with(
        KratosConfig::new("https://auth.example.com"),
        flow_from(json!({
            "id": "f1", "state": "choose_method", "active": "password",
            "ui": {"action": "https://auth.example.com/self-service/login?flow=f1", "method": "GET", "nodes": []}
        })),
    );
    tick().await;
    let form = one(&root, "form");
    assert_eq!(
        attr(&form, "action").as_deref(),
        Some("https://auth.example.com/self-service/login?flow=f1")
    );
    assert_eq!(attr(&form, "method").as_deref(), Some("post"));
    let flow = one(&root, ".lk-flow");
    assert_eq!(attr(&flow, "data-state").as_deref(), Some("choose_method"));
    assert_eq!(attr(&flow, "data-active").as_deref(), Some("password"));
}

#[wasm_bindgen_test]
async fn node_errors_are_announced_on_their_field() {
    let (root, _guard) = mount_flow(flow_from(json!({
        "id": "f", "ui": {"action": "/self-service/registration?flow=f", "method": "POST",
        "messages": [{"id": 4000006, "text": "The provided credentials are invalid.", "type": "error"}],
        "nodes": [{"type": "input", "group": "default",
                   "attributes": {"name": "traits.email", "type": "email", "required": true, "autocomplete": "email", "disabled": false, "node_type": "input"},
                   "messages": [{"id": 4000002, "text": "Property email is missing.", "type": "error", "context": {"property": "email"}}],
                   "meta": {"label": {"id": 1070002, "text": "E-Mail", "type": "info"}}}]}
    })));
    tick().await;
    let input = one(&root, "input[name=\"traits.email\"]");
    assert_eq!(attr(&input, "aria-invalid").as_deref(), Some("true"));
    let described = attr(&input, "aria-describedby").expect("described by its messages");
    let messages = one(&root, &format!("#{described}"));
    assert_eq!(
        text(&messages),
        english(&flow_message_of(4000002, json!({"property": "email"})))
    );
    assert_eq!(
        attr(&one(&messages, "p"), "data-type").as_deref(),
        Some("error")
    );
    assert_eq!(attr(&input, "autocomplete").as_deref(), Some("email"));
    let flow_message = one(&root, ".lk-messages [data-id=\"4000006\"]");
    assert_eq!(
        text(&flow_message),
        english(&flow_message_of(4000006, Value::Null))
    );
}

#[wasm_bindgen_test]
async fn kratos_data_is_text_and_unsafe_urls_are_not_followed() {
    let evil = "<img src=x onerror=alert(1)><script>alert(2)</script>";
    let (root, _guard) = mount_flow(flow_from(json!({
        "id": "f", "ui": {"action": "javascript:alert(1)", "method": "POST",
        "messages": [{"id": 1, "text": evil, "type": "info"}],
        "nodes": [
            {"type": "input", "group": "default", "attributes": {"name": "x", "type": "text", "value": evil, "disabled": false},
             "messages": [], "meta": {"label": {"id": 2, "text": evil, "type": "info"}}},
            {"type": "a", "group": "code", "attributes": {"id": "continue", "href": "javascript:alert(3)",
             "title": {"id": 3, "text": evil, "type": "info"}}, "messages": [], "meta": {}},
            {"type": "img", "group": "totp", "attributes": {"id": "qr", "src": "javascript:alert(4)", "width": 1, "height": 1},
             "messages": [], "meta": {}},
            {"type": "input", "group": "webauthn", "attributes": {"name": "trigger", "type": "button", "value": "", "disabled": false,
             "onclick": "alert(5)", "onload": "alert(6)"}, "messages": [], "meta": {}}
        ]}
    })));
    tick().await;
    assert!(all(&root, "script").is_empty());
    assert_eq!(all(&root, "img").len(), 1, "only the image node's own img");
    assert_eq!(attr(&one(&root, "img"), "src"), None);
    assert_eq!(attr(&one(&root, "form"), "action"), None);
    assert!(
        all(&root, "a").is_empty(),
        "the javascript: link is not a link"
    );
    assert!(text(&one(&root, "#continue")).contains("<script>"));
    assert!(text(&one(&root, ".lk-messages")).contains("<img src=x"));
    assert_eq!(
        attr(&one(&root, "input[name=x]"), "value").as_deref(),
        Some(evil)
    );
    let button = one(&root, "button[name=trigger]");
    assert!(attr(&button, "onclick").is_none() && attr(&button, "onload").is_none());
}

#[wasm_bindgen_test]
async fn captcha_container_keeps_id_class_and_data() {
    let (root, _guard) = mount_flow(flow_from(json!({
        "id": "f", "ui": {"action": "/self-service/login?flow=f", "method": "POST", "nodes": [
            {"type": "div", "group": "captcha", "attributes": {"id": "captcha_turnstile_inject", "class": "captcha-box",
             "data": {"sitekey": "abc", "theme": "auto"}, "node_type": "div"}, "messages": [], "meta": {}},
            {"type": "script", "group": "captcha", "attributes": {"src": "https://challenges.cloudflare.com/turnstile/v0/api.js",
             "async": true, "referrerpolicy": "no-referrer", "crossorigin": "anonymous", "integrity": "", "type": "text/javascript",
             "id": "captcha_script", "nonce": "n", "node_type": "script"}, "messages": [], "meta": {}}
        ]}
    })));
    tick().await;
    let div = one(&root, "div#captcha_turnstile_inject");
    assert_eq!(attr(&div, "class").as_deref(), Some("captcha-box"));
    assert_eq!(attr(&div, "data-sitekey").as_deref(), Some("abc"));
    assert_eq!(attr(&div, "data-theme").as_deref(), Some("auto"));
    assert!(all(&root, "script").is_empty());
    assert!(
        one(&root, ".lk-group-body")
            .text_content()
            .unwrap()
            .trim()
            .is_empty(),
        "nothing visible but the group's legend"
    );
}

#[wasm_bindgen_test]
async fn unknown_nodes_and_types_render_something_sensible() {
    let (root, _guard) = mount_flow(flow_from(json!({
        "id": "f", "ui": {"action": "/self-service/login?flow=f", "method": "POST", "nodes": [
            {"type": "hologram", "group": "future", "attributes": {"id": "h1", "node_type": "hologram"},
             "messages": [{"id": 7, "text": "Look up", "type": "info"}], "meta": {"label": {"id": 8, "text": "A hologram", "type": "info"}}},
            {"type": "input", "group": "profile", "attributes": {"name": "traits.colour", "type": "color", "value": "#ff0000", "disabled": false},
             "messages": [], "meta": {}},
            {"type": "input", "group": "profile", "attributes": {"name": "traits.size", "type": "text", "value": "m", "disabled": false,
             "options": [{"value": "s"}, {"value": "m"}, {"value": "l"}]}, "messages": [], "meta": {}},
            {"type": "input", "group": "default", "attributes": {"name": "traits.age", "type": "number", "value": 42, "disabled": false},
             "messages": [], "meta": {}}
        ]}
    })));
    tick().await;
    let unknown = one(&root, ".lk-unknown");
    assert_eq!(
        attr(&unknown, "data-node-type").as_deref(),
        Some("hologram")
    );
    assert!(text(&unknown).contains("A hologram") && text(&unknown).contains("Look up"));
    let colour = one(&root, "input[name=\"traits.colour\"]");
    assert_eq!(attr(&colour, "type").as_deref(), Some("text"));
    assert_eq!(
        text(&one(
            &root,
            &format!("label[for=\"{}\"]", attr(&colour, "id").unwrap())
        )),
        "Colour"
    );
    let select = one(&root, "select[name=\"traits.size\"]");
    tick().await;
    assert_eq!(
        select.unchecked_ref::<web_sys::HtmlSelectElement>().value(),
        "m"
    );
    assert_eq!(
        attr(&one(&root, "input[name=\"traits.age\"]"), "value").as_deref(),
        Some("42")
    );
}

#[wasm_bindgen_test]
async fn a_new_flow_updates_the_same_elements() {
    let first = flow_from(json!({
        "id": "f", "ui": {"action": "/self-service/login?flow=f", "method": "POST", "nodes": [
            {"type": "input", "group": "default", "attributes": {"name": "csrf_token", "type": "hidden", "value": "one", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "default", "attributes": {"name": "identifier", "type": "text", "value": "", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "password", "attributes": {"name": "method", "type": "submit", "value": "password", "disabled": false}, "messages": [], "meta": {}}
        ]}
    }));
    let mut second = first.clone();
    if let NodeAttributes::Input(csrf) = &mut second.ui.nodes[0].attributes {
        csrf.value = Some(json!("two"));
    }
    second.ui.nodes[1].messages.push(UiText {
        id: 4000002,
        text: "Property identifier is missing.".into(),
        message_type: MessageType::Error,
        ..Default::default()
    });
    let flow = RwSignal::new(first);
    let root = container();
    let _handle = mount_to(root.clone(), move || view! { <FlowForm flow /> });
    tick().await;
    let identifier = one(&root, "input[name=identifier]");
    identifier.unchecked_ref::<HtmlElement>().focus().unwrap();
    identifier
        .unchecked_ref::<HtmlInputElement>()
        .set_value("typed");
    flow.set(second);
    tick().await;
    let after = one(&root, "input[name=identifier]");
    assert!(after.is_same_node(Some(&identifier)), "the element is kept");
    assert_eq!(after.unchecked_ref::<HtmlInputElement>().value(), "typed");
    assert_eq!(
        document()
            .active_element()
            .map(|e| e.is_same_node(Some(&identifier))),
        Some(true)
    );
    assert_eq!(attr(&after, "aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        attr(&one(&root, "input[name=csrf_token]"), "value").as_deref(),
        Some("two")
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn translations_replace_kratos_texts() {
    let flow = flow_from(json!({
        "id": "f", "ui": {"action": "/self-service/login?flow=f", "method": "POST",
        "messages": [{"id": 4000006, "text": "The provided credentials are invalid.", "type": "error"}],
        "nodes": [{"type": "input", "group": "password", "attributes": {"name": "password", "type": "password", "disabled": false},
                   "messages": [], "meta": {"label": {"id": 1070001, "text": "Password", "type": "info"}}}]}
    }));
    let root = container();
    let _handle = mount_to(root.clone(), move || {
        provide_context(Translator::default().with_messages(|t| match t.id {
            4000006 => Some("Anmeldedaten ungültig".into()),
            1070001 => Some("Passwort".into()),
            _ => None,
        }));
        view! { <FlowForm flow=Signal::stored(flow) /> }
    });
    tick().await;
    assert_eq!(text(&one(&root, ".lk-messages")), "Anmeldedaten ungültig");
    assert_eq!(text(&one(&root, "label")), "Passwort");
    root.remove();
}

#[wasm_bindgen_test]
async fn errors_show_status_reason_and_a_way_back() {
    let error = GenericError {
        id: Some(leptos_kratos::model::ErrorId::SecurityCsrfViolation),
        code: Some(403),
        message: "the request was rejected to protect you from Cross-Site-Request-Forgery".into(),
        reason: Some("Please retry the flow and optionally clear your cookies.".into()),
        ..Default::default()
    };
    let root = container();
    let _handle = mount_to(root.clone(), move || {
        view! { <ErrorView error=Signal::stored(error) start_over="/login".to_string() /> }
    });
    tick().await;
    let view = one(&root, ".lk-error");
    assert_eq!(attr(&view, "role").as_deref(), Some("alert"));
    assert_eq!(
        attr(&view, "data-error-id").as_deref(),
        Some("security_csrf_violation")
    );
    assert!(text(&view).contains("(403)") && text(&view).contains("Please retry the flow"));
    assert_eq!(
        attr(&one(&root, "a"), "href"),
        Some(format!("{}/login", origin()))
    );
    root.remove();
}

/// A login flow with a checkbox, a hidden field, two submit buttons and a
/// script trigger button.
fn submission_flow() -> Flow {
    flow_from(json!({
        "id": "f", "ui": {"action": "/self-service/login?flow=f", "method": "POST", "nodes": [
            {"type": "input", "group": "default", "attributes": {"name": "csrf_token", "type": "hidden", "value": "tok", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "default", "attributes": {"name": "identifier", "type": "text", "value": "", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "password", "attributes": {"name": "password", "type": "password", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "default", "attributes": {"name": "traits.newsletter", "type": "checkbox", "value": false, "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "password", "attributes": {"name": "method", "type": "submit", "value": "password", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "code", "attributes": {"name": "method", "type": "submit", "value": "code", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "webauthn", "attributes": {"name": "webauthn_login_trigger", "type": "button", "value": "{}", "disabled": false, "onclickTrigger": "oryWebAuthnLogin"}, "messages": [], "meta": {}}
        ]}
    }))
}

#[wasm_bindgen_test]
async fn submissions_carry_the_form_and_the_clicked_button() {
    use leptos_kratos::controller::{Submission, request_body};
    let submitted = RwSignal::new(Vec::<Submission>::new());
    let root = container();
    let flow = submission_flow();
    let _handle = mount_to(root.clone(), move || {
        let on_submit = Callback::new(move |s: Submission| submitted.update(|all| all.push(s)));
        view! { <FlowForm flow=Signal::stored(flow) on_submit /> }
    });
    tick().await;
    type_into(&root, "input[name=identifier]", "ada@example.com");
    type_into(&root, "input[name=password]", "secret words");
    one(&root, "input[type=checkbox]")
        .unchecked_ref::<HtmlElement>()
        .click();
    one(&root, "button[value=code]")
        .unchecked_ref::<HtmlElement>()
        .click();
    one(&root, "button[name=webauthn_login_trigger]")
        .unchecked_ref::<HtmlElement>()
        .click();
    tick().await;
    let all = submitted.get_untracked();
    assert_eq!(all.len(), 1, "a type=button node never submits");
    let body = request_body(&all[0]);
    assert_eq!(
        body,
        json!({"csrf_token": "tok", "identifier": "ada@example.com", "password": "secret words",
               "traits.newsletter": true, "method": "code"})
    );
    assert_eq!(
        root.query_selector("form")
            .unwrap()
            .unwrap()
            .get_attribute("action"),
        Some(format!("{}/self-service/login?flow=f", origin()))
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn a_rejected_submission_clears_the_password_and_moves_focus() {
    let first = submission_flow();
    let mut rejected = first.clone();
    rejected.ui.nodes[1].messages.push(UiText {
        id: 4000002,
        text: "Property identifier is missing.".into(),
        message_type: MessageType::Error,
        ..Default::default()
    });
    let flow = RwSignal::new(first);
    let errors = RwSignal::new(0u32);
    let root = container();
    let _handle = mount_to(
        root.clone(),
        move || view! { <FlowForm flow focus_errors=errors /> },
    );
    tick().await;
    let password = one(&root, "input[name=password]");
    password
        .unchecked_ref::<HtmlInputElement>()
        .set_value("wrong one");
    let identifier = one(&root, "input[name=identifier]");
    identifier
        .unchecked_ref::<HtmlInputElement>()
        .set_value("typed");
    // A replacement flow (e.g. after expiry) keeps everything typed.
    flow.update(|f| {
        if let Some(csrf) = f.ui.nodes[0].input_mut() {
            csrf.value = Some(json!("tok2"));
        }
    });
    tick().await;
    assert_eq!(
        password.unchecked_ref::<HtmlInputElement>().value(),
        "wrong one"
    );
    // A rejected submission: the password goes, focus lands on the invalid field.
    flow.set(rejected);
    errors.set(1);
    tick().await;
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        window().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
    assert_eq!(password.unchecked_ref::<HtmlInputElement>().value(), "");
    assert_eq!(
        identifier.unchecked_ref::<HtmlInputElement>().value(),
        "typed"
    );
    assert_eq!(
        document()
            .active_element()
            .map(|e| e.is_same_node(Some(&identifier))),
        Some(true)
    );
    root.remove();
}

/// Kratos's WebAuthn script as the browser tests serve it (see
/// `tests/browser-assets/`), and its hash: a changed file fails the test.
const WEBAUTHN_JS: &str = "/tests/browser-assets/.well-known/ory/webauthn.js";
const WEBAUTHN_JS_INTEGRITY: &str = "sha512-h8Amgt89ldPbqAOorcyGa4OjRqKOZ1Hca1gywwg+ikd20Qm0vljI2mc+wBz9CWvGol8Cp9iwNAwjJodY3aBknw==";

/// A flow with a script node and a WebAuthn trigger button.
fn webauthn_flow(script_id: &str, src: &str, integrity: &str) -> Flow {
    flow_from(json!({
        "id": "w", "ui": {"action": "/self-service/login?flow=w", "method": "POST", "nodes": [
            {"type": "script", "group": "webauthn", "attributes": {"src": src, "async": true, "referrerpolicy": "no-referrer",
             "crossorigin": "anonymous", "integrity": integrity, "type": "text/javascript", "id": script_id,
             "nonce": "n0nce", "node_type": "script"}, "messages": [], "meta": {}},
            {"type": "input", "group": "webauthn", "attributes": {"name": "webauthn_login_trigger", "type": "button",
             "value": "{\"publicKey\":{\"challenge\":\"Y2hhbGxlbmdl\",\"allowCredentials\":[]}}", "disabled": false,
             "onclickTrigger": "oryWebAuthnLogin", "onclick": "window.oryWebAuthnLogin()", "node_type": "input"},
             "messages": [], "meta": {"label": {"id": 1010008, "text": "Sign in with a hardware key", "type": "info"}}},
            {"type": "input", "group": "webauthn", "attributes": {"name": "webauthn_login", "type": "hidden", "value": "", "disabled": false},
             "messages": [], "meta": {}}
        ]}
    }))
}

async fn until(mut condition: impl FnMut() -> bool) {
    for _ in 0..100 {
        if condition() {
            return;
        }
        let pause = js_sys::Promise::new(&mut |resolve, _| {
            window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(pause).await.unwrap();
    }
    panic!("condition not met in time");
}

#[wasm_bindgen_test]
async fn scripts_load_once_and_triggers_call_their_function() {
    // Kratos "lives" under /tests/browser-assets of the test server (it
    // serves the package's files): its webauthn.js there defines the trigger
    // function, and is loaded only with its integrity hash.
    let config = KratosConfig::new("/tests/browser-assets");
    let first = container();
    let mut flow = webauthn_flow("webauthn_script", WEBAUTHN_JS, WEBAUTHN_JS_INTEGRITY);
    flow.ui.action = "/tests/browser-assets/self-service/login?flow=w".into();
    let flow2 = flow.clone();
    let config2 = config.clone();
    let _a = mount_to(first.clone(), move || {
        provide_context(config);
        view! { <FlowForm flow=Signal::stored(flow) /> }
    });
    let second = container();
    let _b = mount_to(second.clone(), move || {
        provide_context(config2);
        view! { <FlowForm flow=Signal::stored(flow2) /> }
    });
    tick().await;
    let scripts = all(
        &document().document_element().unwrap(),
        "script[data-lk-script=\"webauthn_script\"]",
    );
    assert_eq!(scripts.len(), 1, "loaded once for both forms");
    let script = &scripts[0];
    assert_eq!(
        attr(script, "src"),
        Some(format!("{}{WEBAUTHN_JS}", origin()))
    );
    assert_eq!(
        attr(script, "integrity").as_deref(),
        Some(WEBAUTHN_JS_INTEGRITY)
    );
    assert_eq!(attr(script, "crossorigin").as_deref(), Some("anonymous"));
    assert_eq!(
        attr(script, "referrerpolicy").as_deref(),
        Some("no-referrer")
    );
    assert_eq!(attr(script, "nonce").as_deref(), Some("n0nce"));
    assert_eq!(attr(script, "type").as_deref(), Some("text/javascript"));
    assert!(script.has_attribute("async"));
    assert!(all(&first, "script").is_empty(), "nothing inside the form");

    let button = one(&first, "button[name=webauthn_login_trigger]");
    assert_eq!(attr(&button, "type").as_deref(), Some("button"));
    assert!(attr(&button, "onclick").is_none());
    until(|| !button.has_attribute("disabled")).await;
    button.unchecked_ref::<HtmlElement>().click();
    let called = js_sys::Reflect::get(&window(), &"__lkTriggered".into()).unwrap();
    let challenge = js_sys::Reflect::get(
        &js_sys::Reflect::get(&called, &"publicKey".into()).unwrap(),
        &"challenge".into(),
    )
    .unwrap();
    assert_eq!(
        challenge.as_string().as_deref(),
        Some("Y2hhbGxlbmdl"),
        "called with the node's options"
    );
    first.remove();
    second.remove();
}

#[wasm_bindgen_test]
async fn a_script_that_fails_to_load_says_so_and_can_be_retried() {
    let root = container();
    // A wrong integrity hash: the browser refuses the script.
    let flow = webauthn_flow(
        "broken_script",
        "/.well-known/ory/webauthn.js?missing",
        "sha512-AAAA",
    );
    let _handle = mount_to(
        root.clone(),
        move || view! { <FlowForm flow=Signal::stored(flow) /> },
    );
    until(|| root.query_selector(".lk-script-error").unwrap().is_some()).await;
    let error = one(&root, ".lk-script-error");
    assert_eq!(attr(&error, "role").as_deref(), Some("alert"));
    assert!(text(&error).contains("could not be loaded"));
    let button = one(&root, "button[name=webauthn_login_trigger]");
    assert!(
        button.has_attribute("disabled"),
        "the trigger stays disabled"
    );
    one(&error, "button").unchecked_ref::<HtmlElement>().click();
    tick().await;
    let scripts = all(
        &document().document_element().unwrap(),
        "script[data-lk-script=\"broken_script\"]",
    );
    assert_eq!(scripts.len(), 1, "the retry replaced the element");
    root.remove();
}

/// A message with an id and a context, as Kratos sends it.
fn flow_message_of(id: i64, context: Value) -> UiText {
    UiText {
        id,
        context: (!context.is_null()).then_some(context),
        ..Default::default()
    }
}

/// A settings-like flow: a profile, a password and a linked provider.
fn settings_flow() -> Flow {
    flow_from(json!({
        "id": "s", "ui": {"action": "/self-service/settings?flow=s", "method": "POST", "nodes": [
            {"type": "input", "group": "default", "attributes": {"name": "csrf_token", "type": "hidden", "value": "tok", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "oidc", "attributes": {"name": "link", "type": "submit", "value": "github", "disabled": false}, "messages": [],
             "meta": {"label": {"id": 1050002, "text": "Link github", "type": "info", "context": {"provider": "github"}}}},
            {"type": "input", "group": "profile", "attributes": {"name": "traits.email", "type": "email", "value": "ada@example.com", "disabled": false}, "messages": [],
             "meta": {"label": {"id": 1070002, "text": "E-Mail", "type": "info", "context": {"title": "E-Mail"}}}},
            {"type": "input", "group": "profile", "attributes": {"name": "method", "type": "submit", "value": "profile", "disabled": false}, "messages": [],
             "meta": {"label": {"id": 1070003, "text": "Save", "type": "info"}}},
            {"type": "input", "group": "password", "attributes": {"name": "password", "type": "password", "disabled": false, "autocomplete": "new-password"}, "messages": [],
             "meta": {"label": {"id": 1070001, "text": "Password", "type": "info"}}},
            {"type": "input", "group": "password", "attributes": {"name": "method", "type": "submit", "value": "password", "disabled": false}, "messages": [],
             "meta": {"label": {"id": 1070003, "text": "Save", "type": "info"}}}
        ]}
    }))
}

#[wasm_bindgen_test]
async fn groups_are_fieldsets_with_social_sign_in_first() {
    let flow = flow_from(json!({
        "id": "f", "ui": {"action": "/self-service/login?flow=f", "method": "POST", "nodes": [
            {"type": "input", "group": "default", "attributes": {"name": "csrf_token", "type": "hidden", "value": "t", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "default", "attributes": {"name": "identifier", "type": "text", "disabled": false}, "messages": [],
             "meta": {"label": {"id": 1070004, "text": "ID", "type": "info"}}},
            {"type": "input", "group": "password", "attributes": {"name": "password", "type": "password", "disabled": false}, "messages": [],
             "meta": {"label": {"id": 1070001, "text": "Password", "type": "info"}}},
            {"type": "input", "group": "password", "attributes": {"name": "method", "type": "submit", "value": "password", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "code", "attributes": {"name": "method", "type": "submit", "value": "code", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "oidc", "attributes": {"name": "provider", "type": "submit", "value": "github", "disabled": false}, "messages": [],
             "meta": {"label": {"id": 1010002, "text": "Sign in with github", "type": "info", "context": {"provider": "github"}}}}
        ]}
    }));
    let (root, _guard) = mount_flow(flow);
    tick().await;
    let groups: Vec<Option<String>> = all(&root, "fieldset.lk-group")
        .iter()
        .map(|f| attr(f, "data-group"))
        .collect();
    assert_eq!(
        groups,
        [
            Some("oidc".into()),
            Some("default".into()),
            Some("password".into()),
            Some("code".into())
        ]
    );
    let legends: Vec<String> = all(&root, "fieldset > legend").iter().map(text).collect();
    assert!(legends.iter().all(|l| !l.is_empty()), "{legends:?}");
    // Social sign-in comes before an "or" divider, then the other methods.
    let divider = one(&root, ".lk-divider");
    let previous = divider.previous_element_sibling().unwrap();
    assert_eq!(attr(&previous, "data-group").as_deref(), Some("oidc"));
    assert_eq!(
        text(&one(&root, "button[value=github]")).trim(),
        "Sign in with github"
    );
    // The whole flow is still one form.
    assert_eq!(all(&root, "form").len(), 1);
    // The password method is the main action; the code method an alternative.
    let primary: Vec<_> = all(&root, "fieldset[data-primary]")
        .iter()
        .map(|f| attr(f, "data-group"))
        .collect();
    assert_eq!(primary, [Some("password".to_string())]);
}

#[wasm_bindgen_test]
async fn settings_groups_are_forms_of_their_own() {
    use leptos_kratos::components::FormLayout;
    use leptos_kratos::controller::{Submission, request_body};
    let submitted = RwSignal::new(Vec::<Submission>::new());
    let root = container();
    let _handle = mount_to(root.clone(), move || {
        let on_submit = Callback::new(move |s: Submission| submitted.update(|all| all.push(s)));
        view! { <FlowForm flow=Signal::stored(settings_flow()) on_submit layout=FormLayout::PerGroup /> }
    });
    tick().await;
    let forms: Vec<Option<String>> = all(&root, "form")
        .iter()
        .map(|f| attr(f, "data-group"))
        .collect();
    assert_eq!(
        forms,
        [
            Some("profile".into()),
            Some("password".into()),
            Some("oidc".into())
        ]
    );
    for form in all(&root, "form") {
        assert_eq!(
            attr(&form, "action"),
            Some(format!("{}/self-service/settings?flow=s", origin()))
        );
        assert_eq!(
            all(&form, "input[name=csrf_token]").len(),
            1,
            "every form has the token"
        );
    }
    let ids: std::collections::HashSet<String> = all(&root, "[id]")
        .iter()
        .filter_map(|e| attr(e, "id"))
        .collect();
    assert_eq!(
        ids.len(),
        all(&root, "[id]").len(),
        "element ids stay unique"
    );
    type_into(&root, "input[name=password]", "a new passphrase");
    one(&root, "button[value=password]")
        .unchecked_ref::<HtmlElement>()
        .click();
    tick().await;
    let all_submitted = submitted.get_untracked();
    assert_eq!(all_submitted.len(), 1);
    assert_eq!(
        request_body(&all_submitted[0]),
        json!({"csrf_token": "tok", "password": "a new passphrase", "method": "password"}),
        "the profile is not sent with the password"
    );
    root.remove();
}

#[cfg(feature = "locale-de")]
#[wasm_bindgen_test]
async fn a_locale_translates_labels_messages_and_phrases() {
    use leptos_kratos::i18n::Phrase;
    let german = Translator::for_languages(&["de-AT", "en"]);
    assert_eq!(german.locale(), "de");
    let flow = flow_from(json!({
        "id": "f", "ui": {"action": "/self-service/login?flow=f", "method": "POST",
        "messages": [{"id": 4000006, "text": "The provided credentials are invalid.", "type": "error"}],
        "nodes": [{"type": "input", "group": "default", "attributes": {"name": "traits.email", "type": "email", "disabled": false},
                   "messages": [{"id": 4000002, "text": "Property email is missing.", "type": "error", "context": {"property": "email"}}],
                   "meta": {"label": {"id": 1070002, "text": "E-Mail", "type": "info", "context": {"title": "E-Mail"}}}},
                  {"type": "input", "group": "password", "attributes": {"name": "password", "type": "password", "disabled": false},
                   "messages": [], "meta": {"label": {"id": 1070001, "text": "Password", "type": "info"}}},
                  {"type": "input", "group": "future_method", "attributes": {"name": "x", "type": "submit", "value": "x", "disabled": false},
                   "messages": [], "meta": {"label": {"id": 9999999, "text": "Brand-new button", "type": "info"}}}]}
    }));
    let root = container();
    let shown = german.clone();
    let _handle = mount_to(root.clone(), move || {
        provide_context(shown);
        view! { <FlowForm flow=Signal::stored(flow) /> }
    });
    tick().await;
    let flow_text = text(&one(&root, ".lk-messages"));
    let expected = german.message(&flow_message_of(4000006, Value::Null));
    assert_eq!(flow_text, expected);
    assert_ne!(flow_text, english(&flow_message_of(4000006, Value::Null)));
    let node_text = text(&one(&root, ".lk-node-messages"));
    assert!(
        node_text.contains("email"),
        "context interpolated: {node_text}"
    );
    assert_ne!(
        node_text,
        english(&flow_message_of(4000002, json!({"property": "email"})))
    );
    assert_eq!(
        text(&one(&root, "label[for$=password]")).trim(),
        german.message(&flow_message_of(1070001, Value::Null))
    );
    // An id no catalogue knows: the server's own text, never the id.
    assert_eq!(
        text(&one(&root, "button[name=x]")).trim(),
        "Brand-new button"
    );
    let legend = text(&one(&root, "fieldset[data-group=password] legend"));
    assert_eq!(legend, german.phrase(Phrase::GroupPassword));
    root.remove();
}

#[wasm_bindgen_test]
async fn lookup_secrets_and_dates_are_readable() {
    let used_at = 1_700_000_000_i64;
    let (root, _guard) = mount_flow(flow_from(json!({
        "id": "f", "ui": {"action": "/self-service/login?flow=f", "method": "POST", "nodes": [
            {"type": "text", "group": "lookup_secret", "attributes": {"id": "lookup_secret_codes", "node_type": "text",
             "text": {"id": 1050015, "type": "info", "text": "abc, 1050014",
                      "context": {"secrets": [
                          {"id": 1050009, "type": "info", "text": "abc", "context": {"secret": "abc"}},
                          {"id": 1050014, "type": "info", "text": "Secret was used at 2023-11-14", "context": {"used_at_unix": used_at}}]}}},
             "messages": [], "meta": {}}
        ]}
    })));
    tick().await;
    let items = all(&root, "#lookup_secret_codes li");
    assert_eq!(items.len(), 2);
    assert_eq!(text(&items[0]), "abc");
    let used = text(&items[1]);
    assert!(used.contains("2023"), "a local date: {used}");
    assert!(
        !used.contains(&used_at.to_string()),
        "no raw timestamp: {used}"
    );
}

#[wasm_bindgen_test]
async fn enter_in_a_field_submits_its_own_method() {
    use leptos_kratos::controller::Submission;
    let submitted = RwSignal::new(Vec::<Submission>::new());
    let flow = flow_from(json!({
        "id": "f", "ui": {"action": "/self-service/login?flow=f", "method": "POST", "nodes": [
            {"type": "input", "group": "default", "attributes": {"name": "identifier", "type": "text", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "password", "attributes": {"name": "password", "type": "password", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "password", "attributes": {"name": "method", "type": "submit", "value": "password", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "code", "attributes": {"name": "method", "type": "submit", "value": "code", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "oidc", "attributes": {"name": "provider", "type": "submit", "value": "github", "disabled": false}, "messages": [], "meta": {}}
        ]}
    }));
    let root = container();
    let _handle = mount_to(root.clone(), move || {
        let on_submit = Callback::new(move |s: Submission| submitted.update(|all| all.push(s)));
        view! { <FlowForm flow=Signal::stored(flow) on_submit /> }
    });
    tick().await;
    // The social button comes first in the form, yet Enter signs in with the password.
    assert_eq!(
        attr(&all(&root, "button")[0], "value").as_deref(),
        Some("github")
    );
    for field in ["identifier", "password"] {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("Enter");
        init.set_bubbles(true);
        init.set_cancelable(true);
        let enter =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        one(&root, &format!("input[name={field}]"))
            .dispatch_event(&enter)
            .unwrap();
        assert!(enter.default_prevented(), "{field}: handled");
    }
    tick().await;
    let submitters: Vec<_> = submitted
        .get_untracked()
        .into_iter()
        .map(|s| s.submitter)
        .collect();
    let password = Some(("method".to_string(), "password".to_string()));
    assert_eq!(submitters, [password.clone(), password]);
    root.remove();
}

fn two_step_flow(active: Option<&str>, identifier_error: bool) -> Flow {
    let identifier_messages = if identifier_error {
        json!([{"id": 4000002, "type": "error", "text": "Property identifier is missing.", "context": {"property": "identifier"}}])
    } else {
        json!([])
    };
    flow_from(json!({
        "id": "f", "active": active, "ui": {"action": "/self-service/login?flow=f", "method": "POST", "nodes": [
            {"type": "input", "group": "default", "attributes": {"name": "csrf_token", "type": "hidden", "value": "tok", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "oidc", "attributes": {"name": "provider", "type": "submit", "value": "github", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "default", "attributes": {"name": "identifier", "type": "text", "required": true, "disabled": false}, "messages": identifier_messages, "meta": {}},
            {"type": "input", "group": "password", "attributes": {"name": "password", "type": "password", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "password", "attributes": {"name": "method", "type": "submit", "value": "password", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "code", "attributes": {"name": "method", "type": "submit", "value": "code", "disabled": false}, "messages": [], "meta": {}}
        ]}
    }))
}

/// The groups whose fieldsets are shown.
fn shown_groups(root: &Element) -> Vec<String> {
    all(root, "fieldset.lk-group:not([hidden])")
        .iter()
        .filter_map(|f| attr(f, "data-group"))
        .collect()
}

fn click(root: &Element, selector: &str) {
    one(root, selector).unchecked_ref::<HtmlElement>().click();
}

#[wasm_bindgen_test]
async fn two_step_layout_asks_identifier_then_method() {
    use leptos_kratos::components::FormLayout;
    use leptos_kratos::controller::Submission;
    let submitted = RwSignal::new(Vec::<Submission>::new());
    let flow = RwSignal::new(two_step_flow(None, false));
    let root = container();
    let _handle = mount_to(root.clone(), move || {
        let on_submit = Callback::new(move |s: Submission| submitted.update(|all| all.push(s)));
        view! { <FlowForm flow on_submit layout=FormLayout::TwoStep /> }
    });
    tick().await;
    let step = |root: &Element| attr(&one(root, ".lk-flow"), "data-step");
    assert_eq!(
        attr(&one(&root, ".lk-flow"), "data-layout").as_deref(),
        Some("two-step")
    );
    assert_eq!(step(&root).as_deref(), Some("identify"));
    assert_eq!(
        shown_groups(&root),
        ["oidc", "default"],
        "identifier and social sign-in first"
    );

    // An empty identifier keeps the first step.
    click(&root, "[data-step-next]");
    tick().await;
    assert_eq!(step(&root).as_deref(), Some("identify"));

    type_into(&root, "input[name=identifier]", "ada@example.com");
    click(&root, "[data-step-next]");
    tick().await;
    assert_eq!(step(&root).as_deref(), Some("choose"));
    assert!(shown_groups(&root).is_empty());
    let choices: Vec<_> = all(&root, "[data-choose]")
        .iter()
        .map(|b| (attr(b, "data-choose").unwrap(), text(b)))
        .collect();
    assert_eq!(
        choices,
        [
            ("password".to_string(), "Password".to_string()),
            ("code".to_string(), "One-time code".to_string())
        ]
    );

    click(&root, "[data-choose=password]");
    tick().await;
    assert_eq!(step(&root).as_deref(), Some("method"));
    assert_eq!(shown_groups(&root), ["password"]);
    assert_eq!(text(&one(&root, "[data-step-back]")), "Use another method");
    type_into(&root, "input[name=password]", "secret words");
    click(&root, "button[value=password]");
    tick().await;
    let body = leptos_kratos::controller::request_body(&submitted.get_untracked()[0]);
    assert_eq!(
        body,
        json!({"csrf_token": "tok", "identifier": "ada@example.com", "password": "secret words", "method": "password"}),
        "the hidden identifier step is submitted with the method"
    );

    // Kratos's answers pick the step: the method it names as active ...
    flow.set(two_step_flow(Some("code"), false));
    tick().await;
    assert_eq!(shown_groups(&root), ["code"]);
    // ... and errors on the identifier bring its step back.
    flow.set(two_step_flow(Some("password"), true));
    tick().await;
    assert_eq!(step(&root).as_deref(), Some("identify"));
    assert_eq!(
        attr(&one(&root, "input[name=identifier]"), "aria-invalid").as_deref(),
        Some("true")
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn overrides_wrap_or_replace_nodes_groups_and_messages() {
    use leptos_kratos::components::{NodeKind, Overrides};
    let mut flow = submission_flow();
    flow.ui.messages = vec![flow_message_of(4000006, json!({}))];
    let root = container();
    let _handle = mount_to(root.clone(), move || {
        let overrides = Overrides::new()
            .node_where(
                |node| node.name() == Some("identifier"),
                |_| {
                    Some(view! { <input class="custom-identifier" name="identifier" /> }.into_any())
                },
            )
            .node(NodeKind::Button, |cx| {
                Some(view! { <div class="custom-button">{cx.default_view()}</div> }.into_any())
            })
            .group(NodeGroup::Code, |cx| {
                let count = cx.nodes.with_untracked(Vec::len);
                Some(
                    view! { <p class="custom-code">{format!("{count} code nodes")}</p> }.into_any(),
                )
            })
            .messages(|cx| {
                Some(view! { <div class="custom-messages">{cx.default_view()}</div> }.into_any())
            });
        provide_context(overrides);
        view! { <FlowForm flow=Signal::stored(flow) /> }
    });
    tick().await;
    // Replaced by name; the default field is gone.
    assert_eq!(all(&root, "input[name=identifier]").len(), 1);
    one(&root, "input.custom-identifier");
    // Wrapped by kind: the default button inside the custom frame.
    let wrapped: Vec<_> = all(&root, ".custom-button > .lk-action button")
        .iter()
        .filter_map(|b| attr(b, "value"))
        .collect();
    assert!(wrapped.contains(&"password".to_string()), "{wrapped:?}");
    // A whole group replaced; its nodes were handed over.
    assert_eq!(text(&one(&root, ".custom-code")), "1 code nodes");
    assert!(root.query_selector("button[value=code]").unwrap().is_none());
    // The message list wrapped, still the live region with the message.
    let messages = one(&root, ".custom-messages > .lk-messages");
    assert_eq!(attr(&messages, "aria-live").as_deref(), Some("polite"));
    assert_eq!(all(&messages, ".lk-message").len(), 1);
    // Everything not overridden is the default.
    one(&root, ".lk-field input[name=password]");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_card_has_slots_classes_and_can_be_wrapped() {
    use leptos_kratos::components::{Card, Overrides};
    let root = container();
    let _handle = mount_to(root.clone(), move || {
        provide_context(Overrides::new().card(|cx| {
            let name = cx.name.clone();
            Some(
                view! { <div class="custom-card" data-name=name>{cx.default_view()}</div> }
                    .into_any(),
            )
        }));
        view! {
            <Card
                name="login"
                heading="Sign in"
                class="brand"
                header=|| view! { <img class="logo" alt="Acme" src="data:," /> }
                footer=|| view! { <small>"Terms"</small> }
            >
                <p class="content">"Hello"</p>
            </Card>
        }
    });
    tick().await;
    let card = one(
        &root,
        ".custom-card[data-name=login] > section.lk-card.brand",
    );
    assert_eq!(text(&one(&card, "h1.lk-title")), "Sign in");
    one(&card, "header.lk-card-header > img.logo");
    assert_eq!(text(&one(&card, "footer.lk-card-footer")), "Terms");
    assert_eq!(text(&one(&card, "p.content")), "Hello");
    let order: Vec<String> = all(&card, ":scope > *")
        .iter()
        .map(|e| e.tag_name().to_lowercase())
        .collect();
    assert_eq!(order, ["header", "h1", "p", "footer"]);
    root.remove();
}

// Hostile flows (tests/hostile/): nothing runs, nothing leaves the origin,
// the rest of the form works.

const HOSTILE: [(&str, &str); 4] = [
    ("urls.json", include_str!("hostile/urls.json")),
    ("text.json", include_str!("hostile/text.json")),
    ("scripts.json", include_str!("hostile/scripts.json")),
    ("types.json", include_str!("hostile/types.json")),
];

fn hostile(name: &str) -> Value {
    let (_, text) = HOSTILE.iter().find(|(file, _)| *file == name).unwrap();
    serde_json::from_str(text).unwrap()
}

fn js_get(name: &str) -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(&window(), &name.into()).unwrap()
}

/// Replaces the functions a trigger name could reach (`alert`, `open`,
/// `confirm`, `prompt`) with spies that mark the page as compromised.
fn install_spies() {
    js_sys::Reflect::set(
        &window(),
        &"__lkPwned".into(),
        &wasm_bindgen::JsValue::UNDEFINED,
    )
    .unwrap();
    for name in ["alert", "open", "confirm", "prompt"] {
        let spy = js_sys::Function::new_no_args(&format!("window.__lkPwned = '{name}';"));
        js_sys::Reflect::set(&window(), &name.into(), &spy).unwrap();
    }
}

/// Whether `href` is an http(s) URL on the test page's origin.
fn same_origin(href: &str) -> bool {
    web_sys::Url::new_with_base(href, &window().location().href().unwrap())
        .map(|url| url.origin() == origin())
        .unwrap_or(false)
}

async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The checks every hostile flow must pass once rendered in `root`.
fn check_nothing_escaped(file: &str, root: &Element) {
    assert!(
        js_get("__lkPwned").is_undefined(),
        "{file}: {:?}",
        js_get("__lkPwned")
    );
    // The good nodes are there and usable.
    assert_eq!(
        attr(&one(root, "input[name=csrf_token]"), "value").as_deref(),
        Some("good-token"),
        "{file}"
    );
    one(root, "input[name=identifier]");
    one(root, "input[name=password][type=password]");
    one(root, "button[name=method][value=password]");
    // No inline handlers, no markup from Kratos's text.
    for element in all(root, "*") {
        let names = element.get_attribute_names();
        for index in 0..names.length() {
            let name = names.get(index).as_string().unwrap_or_default();
            assert!(
                !name.starts_with("on"),
                "{file}: {name} on <{}>",
                element.tag_name()
            );
        }
    }
    assert!(
        all(root, "iframe, svg, b, object, embed").is_empty(),
        "{file}"
    );
    assert!(
        all(root, "script").is_empty(),
        "{file}: no script inside the form"
    );
    // Links: http(s) on this origin, or elsewhere with rel=noopener noreferrer.
    for link in all(root, "a") {
        let href = attr(&link, "href").unwrap_or_default();
        let parsed =
            web_sys::Url::new_with_base(&href, &window().location().href().unwrap()).unwrap();
        assert!(
            matches!(parsed.protocol().as_str(), "http:" | "https:"),
            "{file}: {href}"
        );
        if !same_origin(&href) {
            assert_eq!(
                attr(&link, "rel").as_deref(),
                Some("noopener noreferrer"),
                "{file}: {href}"
            );
        }
    }
    // Images: none from elsewhere by a relative trick, none scripted.
    for image in all(root, "img") {
        if let Some(src) = attr(&image, "src") {
            assert!(
                src.starts_with("data:image/") || same_origin(&src),
                "{file}: {src}"
            );
        }
    }
    // Scripts the library added to the page: this origin only.
    for script in all(
        &document().document_element().unwrap(),
        "script[data-lk-script]",
    ) {
        let src = attr(&script, "src").unwrap_or_default();
        assert!(same_origin(&src), "{file}: script {src}");
    }
    // The form posts only to this origin's flow endpoint, or nowhere.
    for form in all(root, "form") {
        assert_eq!(attr(&form, "method").as_deref(), Some("post"), "{file}");
        if let Some(action) = attr(&form, "action") {
            assert!(
                same_origin(&action) && action.contains("/self-service/login?"),
                "{file}: {action}"
            );
        }
    }
}

#[wasm_bindgen_test]
async fn hostile_flows_run_nothing_and_keep_the_good_nodes() {
    use leptos_kratos::controller::Submission;
    for (file, _) in HOSTILE {
        install_spies();
        let submitted = RwSignal::new(0);
        let root = container();
        let flow = Flow::from_json(&hostile(file)).unwrap();
        let handle = mount_to(root.clone(), move || {
            let on_submit = Callback::new(move |_: Submission| submitted.update(|n| *n += 1));
            view! { <FlowForm flow=Signal::stored(flow) on_submit /> }
        });
        tick().await;
        pause(100).await;
        // Press everything: triggers, links are not followed (no href to
        // javascript:), submit buttons hand over to the callback or not at all.
        for button in all(&root, "button") {
            button.unchecked_ref::<HtmlElement>().click();
        }
        pause(50).await;
        check_nothing_escaped(file, &root);
        let foreign = file == "urls.json";
        if foreign {
            assert_eq!(
                submitted.get_untracked(),
                0,
                "{file}: a foreign action is never sent"
            );
            let alert = one(&root, ".lk-refused");
            assert_eq!(attr(&alert, "role").as_deref(), Some("alert"));
        } else {
            assert!(
                submitted.get_untracked() > 0,
                "{file}: the good form submits"
            );
        }
        drop(handle);
        root.remove();
    }
    // Every broken part of types.json was dropped or degraded alone.
    let flow = Flow::from_json(&hostile("types.json")).unwrap();
    assert!(flow.skipped >= 8, "{}", flow.skipped);
    assert_eq!(flow.ui.messages.len(), 2);
}

/// Replaces `window.fetch` with canned answers (each `{status, body}`, the
/// last one repeated; `"hang"` never answers but honours the abort signal)
/// and records every request as `METHOD url`. Dropping it restores fetch.
struct StubFetch(wasm_bindgen::JsValue);

impl StubFetch {
    fn new(answers: Value) -> Self {
        let original = js_get("fetch");
        js_sys::Reflect::set(
            &window(),
            &"__lkAnswers".into(),
            &js_sys::JSON::parse(&answers.to_string()).unwrap(),
        )
        .unwrap();
        js_sys::Reflect::set(&window(), &"__lkRequests".into(), &js_sys::Array::new()).unwrap();
        let stub = js_sys::Function::new_with_args(
            "input, init",
            "const url = typeof input === 'string' ? input : input.url;
             const method = (init && init.method) || 'GET';
             window.__lkRequests.push(method + ' ' + new URL(url, location.href).href);
             const answers = window.__lkAnswers;
             const answer = answers.length > 1 ? answers.shift() : answers[0];
             if (answer === 'hang') {
               return new Promise((_, reject) => init.signal.addEventListener('abort',
                 () => reject(new DOMException('aborted', 'AbortError'))));
             }
             return Promise.resolve(new Response(JSON.stringify(answer.body),
               {status: answer.status, headers: {'content-type': 'application/json'}}));",
        );
        js_sys::Reflect::set(&window(), &"fetch".into(), &stub).unwrap();
        Self(original)
    }

    fn requests(&self) -> Vec<String> {
        js_sys::Array::from(&js_get("__lkRequests"))
            .iter()
            .filter_map(|r| r.as_string())
            .collect()
    }
}

impl Drop for StubFetch {
    fn drop(&mut self) {
        js_sys::Reflect::set(&window(), &"fetch".into(), &self.0).unwrap();
    }
}

/// Waits until `selector` matches in `root`.
async fn appears(root: &Element, selector: &str) {
    until(|| root.query_selector(selector).unwrap().is_some()).await;
}

/// Types `value` into the input `selector` matches.
fn type_into(root: &Element, selector: &str, value: &str) {
    one(root, selector)
        .unchecked_ref::<HtmlInputElement>()
        .set_value(value);
}

/// The value of the input `selector` matches.
fn value_of(root: &Element, selector: &str) -> String {
    one(root, selector)
        .unchecked_ref::<HtmlInputElement>()
        .value()
}

/// Mounts a flow component with a navigator that records instead of leaving.
fn mount_component(
    config: KratosConfig,
    view: impl FnOnce() -> AnyView + 'static,
) -> (
    HtmlElement,
    std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    impl Drop,
) {
    use leptos_kratos::navigation::Navigator;
    let went = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let record = went.clone();
    let root = container();
    let handle = mount_to(root.clone(), move || {
        provide_context(config);
        provide_context(Navigator::new(move |url| {
            record.lock().unwrap().push(url.to_owned())
        }));
        view()
    });
    (root.clone(), went, Unmount(handle, root))
}

#[wasm_bindgen_test]
async fn a_flow_component_sends_nothing_to_another_origin() {
    use leptos_kratos::flows::{FlowParams, Login};
    install_spies();
    let fetch = StubFetch::new(json!([{"status": 200, "body": hostile("urls.json")}]));
    let (root, went, _guard) = mount_component(KratosConfig::default(), || {
        view! { <Login params=FlowParams::new().flow("hostile-urls").return_to("/\\evil.example") /> }.into_any()
    });
    appears(&root, "input[name=password]").await;
    type_into(&root, "input[name=identifier]", "ada@example.com");
    type_into(&root, "input[name=password]", "secret words");
    click(&root, "button[name=method]");
    pause(100).await;
    assert_eq!(
        fetch.requests(),
        [format!(
            "GET {}/self-service/login/flows?id=hostile-urls",
            origin()
        )],
        "the password never left for https://evil.example"
    );
    assert!(went.lock().unwrap().is_empty());
    one(&root, ".lk-refused");
    assert_eq!(
        value_of(&root, "input[name=password]"),
        "secret words",
        "nothing typed is lost"
    );
    check_nothing_escaped("urls.json via <Login>", &root);
}

#[wasm_bindgen_test]
async fn after_sign_in_the_pages_return_to_stays_on_this_origin() {
    use leptos_kratos::flows::{FlowParams, Login};
    let mut flow = hostile("text.json");
    flow["return_to"] = json!("//evil.example/kratos-said");
    for (page_return_to, continue_with, expected) in [
        // The page's own return_to leads elsewhere: the default instead.
        ("/\\evil.example", json!([]), format!("{}/", origin())),
        ("https://evil.example/", json!([]), format!("{}/", origin())),
        ("/billing", json!([]), format!("{}/billing", origin())),
        // Kratos's redirect is followed (it validated it) ...
        (
            "/billing",
            json!([{"action": "redirect_browser_to", "redirect_browser_to": "https://shop.example/done"}]),
            "https://shop.example/done".to_owned(),
        ),
        // ... but not when it would run script.
        (
            "/billing",
            json!([{"action": "redirect_browser_to", "redirect_browser_to": "javascript:window.__lkPwned=1"}]),
            String::new(),
        ),
    ] {
        install_spies();
        let _fetch = StubFetch::new(json!([
            {"status": 200, "body": flow},
            {"status": 200, "body": {"session": {"id": "s1", "active": true}, "continue_with": continue_with}}
        ]));
        let params = FlowParams::new()
            .flow("hostile-text")
            .return_to(page_return_to);
        let (root, went, guard) = mount_component(KratosConfig::default(), move || {
            view! { <Login params /> }.into_any()
        });
        appears(&root, "input[name=password]").await;
        type_into(&root, "input[name=password]", "pw");
        click(&root, "button[name=method]");
        pause(100).await;
        let went = went.lock().unwrap().clone();
        if expected.is_empty() {
            assert!(went.is_empty(), "{went:?}");
            one(&root, "[data-problem=unsafe-target]");
        } else {
            assert_eq!(went, [expected], "return_to {page_return_to}");
        }
        assert!(js_get("__lkPwned").is_undefined());
        drop(guard);
    }
}

#[wasm_bindgen_test]
async fn a_server_that_keeps_replacing_the_flow_is_stopped() {
    use leptos_kratos::flows::{FlowParams, Verification};
    let replaced = json!({"status": 410, "body": {
        "error": {"id": "self_service_flow_replaced", "code": 410, "status": "Gone", "message": "replaced"},
        "use_flow_id": "again"}});
    let fetch = StubFetch::new(json!([replaced]));
    let (root, went, _guard) = mount_component(KratosConfig::default(), || {
        view! { <Verification params=FlowParams::new().flow("first") /> }.into_any()
    });
    appears(&root, "[data-problem=too-many-hops]").await;
    let count = fetch.requests().len();
    pause(300).await;
    assert_eq!(fetch.requests().len(), count, "no request after giving up");
    assert!(count <= 5, "{count} requests: {:?}", fetch.requests());
    assert!(went.lock().unwrap().is_empty());
    let problem = one(&root, "[data-problem=too-many-hops]");
    assert_eq!(attr(&problem, "role").as_deref(), Some("alert"));
    one(&problem, "a.lk-start-over");
}

#[wasm_bindgen_test]
async fn a_request_that_never_ends_times_out_and_keeps_what_was_typed() {
    use leptos_kratos::flows::{FlowParams, Login};
    let fetch = StubFetch::new(json!([{"status": 200, "body": hostile("types.json")}, "hang"]));
    let config = KratosConfig::default().with_request_timeout_ms(300);
    let (root, _went, _guard) = mount_component(config, || {
        view! { <Login params=FlowParams::new().flow("hostile-types") /> }.into_any()
    });
    appears(&root, "input[name=identifier]").await;
    type_into(&root, "input[name=identifier]", "ada@example.com");
    let submit = one(&root, "button[name=method]");
    submit.unchecked_ref::<HtmlElement>().click();
    tick().await;
    // In flight: the form is busy, its submit button says so and ignores clicks.
    assert_eq!(
        attr(&one(&root, "form"), "aria-busy").as_deref(),
        Some("true")
    );
    assert_eq!(attr(&submit, "aria-disabled").as_deref(), Some("true"));
    assert_eq!(attr(&submit, "aria-busy").as_deref(), Some("true"));
    submit.unchecked_ref::<HtmlElement>().click();
    appears(&root, "[data-problem=timed-out]").await;
    assert_eq!(
        fetch.requests().len(),
        2,
        "one GET, one POST: {:?}",
        fetch.requests()
    );
    assert_eq!(value_of(&root, "input[name=identifier]"), "ada@example.com");
    assert_eq!(
        attr(&submit, "aria-disabled"),
        None,
        "the form can be sent again"
    );
    assert_eq!(attr(&one(&root, "form"), "aria-busy"), None);
    assert!(text(&one(&root, "[data-problem=timed-out]")).contains("try again"));
}

/// A flow with `count` text fields (and a csrf token), as Kratos would send
/// a very large form.
fn large_flow(count: usize, value: &str) -> Flow {
    let mut nodes = vec![json!({"type": "input", "group": "default",
        "attributes": {"name": "csrf_token", "type": "hidden", "value": "t"}, "messages": [], "meta": {}})];
    for index in 0..count {
        nodes.push(json!({"type": "input", "group": if index % 2 == 0 { "default" } else { "profile" },
            "attributes": {"name": format!("traits.field{index}"), "type": "text", "value": value},
            "messages": [], "meta": {"label": {"id": 1070002, "text": format!("Field {index}"), "type": "info"}}}));
    }
    Flow::from_json(&json!({"id": "large", "ui": {"action": "/self-service/settings?flow=large", "method": "POST", "nodes": nodes}})).unwrap()
}

/// Not a timed assertion: prints how long a 5,000-node flow takes from JSON
/// to DOM, and to update in place after an answer that changes a few nodes
/// (a new CSRF token, an error on one field) and after one that changes
/// every value (README §Safety quotes the figures); checks that every node
/// is there and updated.
#[wasm_bindgen_test]
async fn five_thousand_nodes_render_and_update() {
    let performance = window().performance().unwrap();
    let started = performance.now();
    let flow = RwSignal::new(large_flow(5000, "a"));
    let parsed = performance.now();
    let root = container();
    let handle = mount_to(root.clone(), move || view! { <FlowForm flow /> });
    tick().await;
    let rendered = performance.now();
    assert_eq!(all(&root, "input[type=text]").len(), 5000);

    let mut answer = large_flow(5000, "a");
    if let Some(input) = answer.ui.nodes[0].input_mut() {
        input.value = Some(json!("t2"));
    }
    answer.ui.nodes[2500]
        .messages
        .push(flow_message_of(4000002, json!({"property": "field2499"})));
    answer.ui.nodes[2500].messages[0].message_type = MessageType::Error;
    let answering = performance.now();
    flow.set(answer);
    tick().await;
    let answered = performance.now();
    assert_eq!(all(&root, "[aria-invalid=true]").len(), 1);
    assert_eq!(
        attr(&one(&root, "input[name=csrf_token]"), "value").as_deref(),
        Some("t2")
    );

    let every = large_flow(5000, "b");
    let updating = performance.now();
    flow.set(every);
    tick().await;
    let updated = performance.now();
    let last = one(&root, "input[name=\"traits.field4999\"]");
    assert_eq!(last.unchecked_ref::<HtmlInputElement>().value(), "b");
    console_log!(
        "render benchmark: 5,000 nodes from JSON to DOM in {:.0} ms (JSON {:.0} ms); an answer changing 2 nodes applied in {:.0} ms; one changing all 5,000 in {:.0} ms",
        rendered - started,
        parsed - started,
        answered - answering,
        updated - updating
    );
    drop(handle);
    root.remove();
}

// Kratos's and Hydra's answers a kinder server would not give (issue 11).

fn consent_request() -> ConsentRequest {
    serde_json::from_value(json!({
        "challenge": "cc1",
        "client": {"client_id": "demo", "client_name": "Demo <Client>", "logo_uri": "javascript:alert(1)",
                   "policy_uri": "https://example.com/privacy", "tos_uri": "javascript:alert(2)"},
        "requested_scope": ["openid", "email", "calendar.read"],
        "skip": false, "subject": "u1"
    }))
    .unwrap()
}

#[wasm_bindgen_test]
async fn the_consent_form_grants_what_is_left_checked() {
    use leptos_kratos::components::ConsentForm;
    let decided = RwSignal::new(Vec::<ConsentDecision>::new());
    let root = container();
    let _handle = mount_to(root.clone(), move || {
        let on_decide = Callback::new(move |d: ConsentDecision| decided.update(|all| all.push(d)));
        view! { <ConsentForm request=Signal::stored(consent_request()) on_decide /> }
    });
    tick().await;
    assert_eq!(
        text(&one(&root, ".lk-client-name")),
        "Demo <Client>",
        "text, never markup"
    );
    assert!(
        all(&root, "img").is_empty(),
        "a javascript: logo is not loaded"
    );
    let scopes: Vec<String> = all(&root, "input[name=grant_scope]")
        .iter()
        .map(|input| attr(input, "value").unwrap_or_default())
        .collect();
    assert_eq!(scopes, ["openid", "email", "calendar.read"]);
    assert!(
        all(&root, "input[name=grant_scope]")
            .iter()
            .all(|i| i.unchecked_ref::<HtmlInputElement>().checked())
    );
    let email_label = one(
        &root,
        &format!(
            "label[for={}]",
            attr(&all(&root, "input[name=grant_scope]")[1], "id").unwrap()
        ),
    );
    assert_eq!(text(&email_label), "Your email address");
    let links = all(&root, ".lk-links a");
    assert_eq!(links.len(), 1, "the javascript: terms link is left out");
    assert_eq!(
        attr(&links[0], "rel").as_deref(),
        Some("noopener noreferrer")
    );
    // Uncheck a scope, remember, allow.
    click(&root, "input[value=\"calendar.read\"]");
    click(&root, "input[name=remember]");
    click(&root, "button[value=true]");
    tick().await;
    // Deny.
    click(&root, "button[value=false]");
    tick().await;
    let all_decided = decided.get_untracked();
    assert_eq!(
        all_decided,
        [
            ConsentDecision {
                consent_challenge: "cc1".into(),
                accept: true,
                grant_scope: vec!["openid".into(), "email".into()],
                remember: true
            },
            ConsentDecision {
                consent_challenge: "cc1".into(),
                accept: false,
                grant_scope: vec!["openid".into(), "email".into()],
                remember: true
            }
        ]
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn the_logout_confirmation_asks_before_signing_out() {
    use leptos_kratos::components::LogoutConfirmation;
    let decided = RwSignal::new(Vec::<bool>::new());
    let root = container();
    let request: LogoutRequest = serde_json::from_value(json!({
        "challenge": "lc1", "client": {"client_id": "demo", "client_name": "Demo Client"}, "subject": "u1"
    }))
    .unwrap();
    let _handle = mount_to(root.clone(), move || {
        let on_decide =
            Callback::new(move |d: LogoutDecision| decided.update(|all| all.push(d.accept)));
        view! { <LogoutConfirmation request=Signal::stored(request) on_decide /> }
    });
    tick().await;
    assert!(text(&root).contains("Demo Client"));
    click(&root, "button[value=false]");
    click(&root, "button[value=true]");
    tick().await;
    assert_eq!(decided.get_untracked(), [false, true]);
    root.remove();
}

/// Sets the test page's query (the components read the address bar).
fn set_query(query: &str) {
    let path = window().location().pathname().unwrap();
    window()
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{query}")),
        )
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_error_page_shows_hydras_oauth2_errors() {
    use leptos_kratos::flows::ErrorPage;
    let fetch = StubFetch::new(
        json!([{"status": 404, "body": {"error": {"code": 404, "message": "not found"}}}]),
    );
    set_query(
        "?error=invalid_client&error_description=Unknown+client&error_hint=The+client+does+not+exist.",
    );
    let root = container();
    let handle = mount_to(root.clone(), || view! { <ErrorPage /> });
    tick().await;
    let error = one(&root, ".lk-error");
    assert_eq!(
        attr(&error, "data-error-id").as_deref(),
        Some("invalid_client")
    );
    assert_eq!(text(&one(&error, ".lk-error-message")), "Unknown client");
    assert_eq!(
        text(&one(&error, ".lk-error-reason")),
        "The client does not exist."
    );
    assert!(
        fetch.requests().is_empty(),
        "nothing is asked of Kratos: {:?}",
        fetch.requests()
    );
    drop(handle);
    root.remove();
    set_query("");
}

/// A login flow as Kratos sends it, with these extra fields.
fn login_flow(extra: Value) -> Value {
    let mut flow = json!({"id": "l1", "type": "browser", "state": "choose_method",
    "ui": {"action": "/self-service/login?flow=l1", "method": "POST", "nodes": [
        {"type": "input", "group": "default", "attributes": {"name": "csrf_token", "type": "hidden", "value": "t"}, "messages": [], "meta": {}},
        {"type": "input", "group": "default", "attributes": {"name": "identifier", "type": "text"}, "messages": [], "meta": {"label": {"id": 1070004, "text": "ID", "type": "info"}}},
        {"type": "input", "group": "password", "attributes": {"name": "method", "type": "submit", "value": "password"}, "messages": [], "meta": {}}
    ]}});
    if let (Some(flow), Some(extra)) = (flow.as_object_mut(), extra.as_object()) {
        flow.extend(extra.clone());
    }
    flow
}

#[wasm_bindgen_test]
async fn links_under_a_flow_keep_its_context_or_offer_to_sign_out() {
    use leptos_kratos::flows::{FlowParams, Login};
    let _fetch = StubFetch::new(
        json!([{"status": 200, "body": login_flow(json!({"oauth2_login_challenge": "c1"}))}]),
    );
    let params = FlowParams::new()
        .flow("l1")
        .login_challenge("c1")
        .return_to("/back");
    let (root, _went, guard) = mount_component(KratosConfig::default(), move || {
        view! { <Login params /> }.into_any()
    });
    appears(&root, ".lk-links a").await;
    let hrefs: Vec<String> = all(&root, ".lk-links a")
        .iter()
        .filter_map(|a| attr(a, "href"))
        .collect();
    assert_eq!(
        hrefs,
        [
            "/recovery?return_to=%2Fback",
            "/registration?login_challenge=c1&return_to=%2Fback"
        ]
    );
    drop(guard);

    // A second-factor login: no sign-up link, but a way out.
    let _fetch = StubFetch::new(
        json!([{"status": 200, "body": login_flow(json!({"requested_aal": "aal2"}))}]),
    );
    let (root, _went, _guard) = mount_component(KratosConfig::default(), || {
        view! { <Login params=FlowParams::new().flow("l1").aal("aal2") /> }.into_any()
    });
    appears(&root, "input[name=identifier]").await;
    assert!(all(&root, ".lk-links a").is_empty());
    let another = one(&root, ".lk-links button[data-action=logout]");
    assert_eq!(text(&another), "Use another account");
}

#[wasm_bindgen_test]
async fn a_wrong_code_answered_with_200_is_still_a_validation_error() {
    use leptos_kratos::flows::{FlowParams, Recovery};
    let sent = json!({"id": "r1", "type": "browser", "state": "sent_email", "active": "code",
    "ui": {"action": "/self-service/recovery?flow=r1", "method": "POST",
    "messages": [{"id": 1060003, "text": "sent", "type": "info"}],
    "nodes": [
        {"type": "input", "group": "default", "attributes": {"name": "csrf_token", "type": "hidden", "value": "t"}, "messages": [], "meta": {}},
        {"type": "input", "group": "code", "attributes": {"name": "code", "type": "text", "required": true}, "messages": [], "meta": {"label": {"id": 1070011, "text": "Recovery code", "type": "info"}}},
        {"type": "input", "group": "code", "attributes": {"name": "method", "type": "submit", "value": "code"}, "messages": [], "meta": {}}
    ]}});
    let mut wrong = sent.clone();
    wrong["ui"]["messages"] = json!([{"id": 4060006, "text": "The recovery code is invalid or has already been used. Please try again.", "type": "error"}]);
    let _fetch =
        StubFetch::new(json!([{"status": 200, "body": sent}, {"status": 200, "body": wrong}]));
    let invalid = std::sync::Arc::new(std::sync::Mutex::new(0));
    let counted = invalid.clone();
    let (root, _went, _guard) = mount_component(KratosConfig::default(), move || {
        let on_validation_error = Callback::new(move |_: Flow| *counted.lock().unwrap() += 1);
        view! { <Recovery params=FlowParams::new().flow("r1") on_validation_error /> }.into_any()
    });
    appears(&root, "input[name=code]").await;
    type_into(&root, "input[name=code]", "000000");
    click(&root, "button[name=method]");
    appears(&root, ".lk-messages [data-id=\"4060006\"]").await;
    until(|| *invalid.lock().unwrap() == 1).await;
    until(|| {
        document()
            .active_element()
            .is_some_and(|e| e.closest(".lk-messages").ok().flatten().is_some())
    })
    .await;
}

#[wasm_bindgen_test]
async fn recovery_while_signed_in_goes_to_settings_and_says_why() {
    use leptos_kratos::flows::{FlowParams, Recovery};
    let _fetch = StubFetch::new(json!([{"status": 400, "body": {"error": {
        "id": "session_already_available", "code": 400, "status": "Bad Request", "message": "A valid session was detected"}}}]));
    let (_root, went, _guard) = mount_component(KratosConfig::default(), || {
        view! { <Recovery params=FlowParams::new() /> }.into_any()
    });
    until(|| !went.lock().unwrap().is_empty()).await;
    assert_eq!(
        *went.lock().unwrap(),
        [format!("{}/settings?notice=signed_in", origin())]
    );
    // The settings page shows the notice.
    let _fetch = StubFetch::new(
        json!([{"status": 401, "body": {"error": {"id": "session_inactive", "code": 401, "message": "no session"}}}]),
    );
    let (root, _went, _guard) = mount_component(KratosConfig::default(), || {
        view! { <leptos_kratos::flows::Settings params=FlowParams::new().set("notice", "signed_in") /> }.into_any()
    });
    appears(&root, ".lk-notice").await;
    assert_eq!(
        text(&one(&root, ".lk-notices")),
        "You are already signed in. You can change your password here."
    );
}

#[wasm_bindgen_test]
async fn starting_over_after_a_forbidden_return_to_leaves_it_out() {
    use leptos_kratos::flows::{FlowParams, Login};
    let _fetch = StubFetch::new(json!([{"status": 400, "body": {"error": {
        "id": "self_service_flow_return_to_forbidden", "code": 400, "status": "Bad Request",
        "message": "Requested return_to URL is not allowed.", "reason": "Requested return_to URL \"https://evil.example/\" is not allowed."}}}]));
    let (root, _went, _guard) = mount_component(KratosConfig::default(), || {
        view! { <Login params=FlowParams::new().return_to("https://evil.example/").login_challenge("c1") /> }.into_any()
    });
    appears(&root, ".lk-start-over").await;
    assert_eq!(
        attr(&one(&root, ".lk-start-over"), "href"),
        Some(format!("{}/login?login_challenge=c1", origin()))
    );
    assert!(text(&root).contains("The address to return to afterwards is not allowed"));
}
