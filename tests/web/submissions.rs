//! Submissions: what the form hands over, and a rejected submission.

use crate::components::type_into;
use crate::support::*;

/// A login flow with a checkbox, a hidden field, two submit buttons and a
/// script trigger button.
pub(crate) fn submission_flow() -> Flow {
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
    let errors = Trigger::new();
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
    errors.notify();
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

#[wasm_bindgen_test]
async fn a_password_can_be_shown_without_submitting() {
    let submitted = RwSignal::new(0usize);
    let root = container();
    let _handle = mount_to(root.clone(), move || {
        let on_submit = Callback::new(move |_: leptos_kratos::controller::Submission| {
            submitted.update(|n| *n += 1)
        });
        view! { <FlowForm flow=Signal::stored(submission_flow()) on_submit /> }
    });
    tick().await;
    let password = one(&root, "input[name=password]");
    let toggle = one(&root, "button.lk-reveal");
    assert_eq!(
        attr(&toggle, "type").as_deref(),
        Some("button"),
        "never a submit"
    );
    assert_eq!(text(&toggle), "Show password");
    assert_eq!(attr(&toggle, "aria-controls"), attr(&password, "id"));
    assert_eq!(attr(&toggle, "aria-pressed").as_deref(), Some("false"));
    assert_eq!(attr(&password, "type").as_deref(), Some("password"));
    toggle.unchecked_ref::<HtmlElement>().click();
    tick().await;
    assert_eq!(attr(&password, "type").as_deref(), Some("text"));
    assert_eq!(attr(&toggle, "aria-pressed").as_deref(), Some("true"));
    toggle.unchecked_ref::<HtmlElement>().click();
    tick().await;
    assert_eq!(attr(&password, "type").as_deref(), Some("password"));
    assert_eq!(attr(&toggle, "aria-pressed").as_deref(), Some("false"));
    assert_eq!(
        submitted.get_untracked(),
        0,
        "showing the password sends nothing"
    );
    // Only password fields have one.
    assert_eq!(
        all(&root, "button.lk-reveal").len(),
        all(&root, "input[type=password]").len()
    );
    root.remove();
}

/// A recovery flow whose code was sent: the code field, "Continue" and
/// Kratos's "resend to this address" button after it.
fn code_sent_flow() -> Flow {
    flow_from(json!({
        "id": "r", "state": "sent_email", "ui": {"action": "/self-service/recovery?flow=r", "method": "POST", "nodes": [
            {"type": "input", "group": "default", "attributes": {"name": "csrf_token", "type": "hidden", "value": "tok"}, "messages": [], "meta": {}},
            {"type": "input", "group": "code", "attributes": {"name": "code", "type": "text", "required": true}, "messages": [], "meta": {}},
            {"type": "input", "group": "code", "attributes": {"name": "method", "type": "submit", "value": "code"}, "messages": [],
             "meta": {"label": {"id": 1070009, "text": "Continue", "type": "info"}}},
            {"type": "input", "group": "code", "attributes": {"name": "email", "type": "submit", "value": "ada@example.com"}, "messages": [],
             "meta": {"label": {"id": 1070008, "text": "Resend code", "type": "info"}}}
        ]}
    }))
}

#[wasm_bindgen_test]
async fn resend_sits_by_the_code_field_and_waits_before_it_sends() {
    use leptos_kratos::controller::{Submission, request_body};
    let mount = |cooldown: u32| {
        let submitted = RwSignal::new(Vec::<Submission>::new());
        let root = container();
        let handle = mount_to(root.clone(), move || {
            provide_context(KratosConfig::default().with_resend_cooldown_secs(cooldown));
            let on_submit = Callback::new(move |s: Submission| submitted.update(|all| all.push(s)));
            view! { <FlowForm flow=Signal::stored(code_sent_flow()) on_submit /> }
        });
        (root, submitted, handle)
    };

    // Just sent: the button waits, says so, and sends nothing.
    let (root, submitted, handle) = mount(30);
    tick().await;
    let names: Vec<String> = all(&root, ".lk-group[data-group=code] .lk-node")
        .iter()
        .filter_map(|node| attr(node, "data-name"))
        .collect();
    assert_eq!(
        names,
        ["code", "email", "method"],
        "resend follows the field"
    );
    let resend = one(&root, ".lk-resend");
    assert_eq!(attr(&resend, "data-state").as_deref(), Some("waiting"));
    let button = one(&resend, "button");
    assert_eq!(attr(&button, "aria-disabled").as_deref(), Some("true"));
    assert_eq!(button.get_attribute("disabled"), None, "it stays focusable");
    let wait = one(&resend, ".lk-resend-wait");
    assert_eq!(text(&wait), "You can ask for a new code in 30 s.");
    assert!(
        attr(&button, "aria-describedby")
            .unwrap_or_default()
            .split(' ')
            .any(|id| Some(id.to_owned()) == attr(&wait, "id")),
        "the wait is the button's description"
    );
    button.unchecked_ref::<HtmlElement>().click();
    tick().await;
    assert!(
        submitted.get_untracked().is_empty(),
        "no second send while waiting"
    );
    drop(handle);
    root.remove();

    // Ready (no cooldown configured): a click sends the address; Enter in
    // the code field continues instead of resending.
    let (root, submitted, handle) = mount(0);
    tick().await;
    let resend = one(&root, ".lk-resend");
    assert_eq!(attr(&resend, "data-state").as_deref(), Some("ready"));
    assert!(one(&resend, ".lk-resend-wait").has_attribute("hidden"));
    type_into(&root, "input[name=code]", "123456");
    let enter = web_sys::KeyboardEventInit::new();
    enter.set_key("Enter");
    enter.set_bubbles(true);
    enter.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &enter).unwrap();
    one(&root, "input[name=code]")
        .dispatch_event(&event)
        .unwrap();
    tick().await;
    one(&resend, "button")
        .unchecked_ref::<HtmlElement>()
        .click();
    tick().await;
    let all_sent = submitted.get_untracked();
    assert_eq!(all_sent.len(), 2);
    assert_eq!(
        request_body(&all_sent[0])["method"],
        json!("code"),
        "Enter continues"
    );
    assert_eq!(
        request_body(&all_sent[1])["email"],
        json!("ada@example.com")
    );
    assert_eq!(request_body(&all_sent[1]).get("method"), None);
    drop(handle);
    root.remove();
}
