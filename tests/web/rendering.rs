//! Rendering: the form, node errors, Kratos data as text, unknown nodes, updates in place, translations, the error view.

use crate::layout::flow_message_of;
use crate::support::*;

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

#[wasm_bindgen_test]
async fn one_time_codes_get_the_numeric_keyboard_autofill_and_clean_paste() {
    let input = |name: &str, group: &str, extra: Value| {
        let mut attributes = json!({"name": name, "type": "text", "node_type": "input"});
        if let (Some(target), Value::Object(more)) = (attributes.as_object_mut(), extra) {
            target.extend(more);
        }
        json!({"type": "input", "group": group, "attributes": attributes, "messages": [], "meta": {}})
    };
    let (root, _guard) = mount_flow(flow_from(json!({
        "id": "f", "ui": {"action": "/self-service/login?flow=f", "method": "POST", "nodes": [
            input("code", "code", json!({"pattern": "[0-9]{6}"})),
            input("totp_code", "totp", json!({"autocomplete": "off"})),
            input("lookup_secret", "lookup_secret", json!({})),
            input("identifier", "default", json!({"autocomplete": "username"})),
        ]}
    })));
    tick().await;
    let code = one(&root, "input[name=code]");
    assert_eq!(attr(&code, "inputmode").as_deref(), Some("numeric"));
    assert_eq!(
        attr(&code, "autocomplete").as_deref(),
        Some("one-time-code")
    );
    assert_eq!(
        attr(&code, "pattern").as_deref(),
        Some("[0-9]{6}"),
        "Kratos's pattern is kept"
    );
    let totp = one(&root, "input[name=totp_code]");
    assert_eq!(attr(&totp, "inputmode").as_deref(), Some("numeric"));
    assert_eq!(
        attr(&totp, "autocomplete").as_deref(),
        Some("off"),
        "Kratos's hint wins"
    );
    for other in ["lookup_secret", "identifier"] {
        let field = one(&root, &format!("input[name={other}]"));
        assert_eq!(attr(&field, "inputmode"), None, "{other}");
    }
    // A code pasted with the spaces a mail client keeps lands without them;
    // a sentence is pasted as it is (the browser's own paste).
    let paste = |target: &Element, text: &str| {
        let data = web_sys::DataTransfer::new().unwrap();
        data.set_data("text", text).unwrap();
        let init = web_sys::ClipboardEventInit::new();
        init.set_bubbles(true);
        init.set_cancelable(true);
        init.set_clipboard_data(Some(&data));
        let event = web_sys::ClipboardEvent::new_with_event_init_dict("paste", &init).unwrap();
        target.dispatch_event(&event).unwrap()
    };
    assert!(
        !paste(&code, " 123 456 "),
        "the cleaned code replaces the paste"
    );
    assert_eq!(code.unchecked_ref::<HtmlInputElement>().value(), "123456");
    assert!(
        paste(&code, "Your code is 654321"),
        "a sentence is left to the browser"
    );
    assert_eq!(code.unchecked_ref::<HtmlInputElement>().value(), "123456");
}

fn social(name: &str, provider: &str, id: i64, label: &str) -> Value {
    json!({"type": "input", "group": "oidc",
           "attributes": {"name": name, "type": "submit", "value": provider, "disabled": false, "node_type": "input"},
           "messages": [],
           "meta": {"label": {"id": id, "text": label, "type": "info", "context": {"provider": label.rsplit(' ').next().unwrap()}}}})
}

#[wasm_bindgen_test]
async fn social_buttons_show_their_providers_mark() {
    let (root, _guard) = mount_flow(flow_from(json!({
        "id": "f", "ui": {"action": "/self-service/login?flow=f", "method": "POST", "nodes": [
            social("provider", "google", 1010002, "Sign in with Google"),
            social("provider", "github-enterprise", 1010002, "Sign in with GitHub"),
            social("provider", "keycloak", 1010002, "Sign in with Keycloak"),
            {"type": "input", "group": "password",
             "attributes": {"name": "method", "type": "submit", "value": "password", "disabled": false, "node_type": "input"},
             "messages": [], "meta": {"label": {"id": 1010022, "text": "Sign in with password", "type": "info"}}}
        ]}
    })));
    tick().await;
    for (provider, brand) in [
        ("google", "google"),
        ("github-enterprise", "github"),
        ("keycloak", "generic"),
    ] {
        let action = one(&root, &format!(".lk-action[data-value=\"{provider}\"]"));
        assert_eq!(attr(&action, "data-provider").as_deref(), Some(brand));
        let mark = one(&action, "button > svg.lk-provider-mark");
        // Decoration only: the button's text names the provider.
        assert_eq!(attr(&mark, "aria-hidden").as_deref(), Some("true"));
        assert!(attr(&one(&mark, "path"), "d").is_some_and(|d| d.len() > 20));
        assert!(text(&one(&action, "button")).starts_with("Sign in with"));
    }
    // Other buttons get no mark.
    let password = one(&root, ".lk-action[data-name=method]");
    assert!(all(&password, "svg").is_empty());
    assert_eq!(attr(&password, "data-provider"), None);
}

#[wasm_bindgen_test]
async fn settings_show_which_providers_are_linked() {
    let (root, _guard) = mount_flow(flow_from(json!({
        "id": "s", "ui": {"action": "/self-service/settings?flow=s", "method": "POST", "nodes": [
            social("unlink", "github", 1050003, "Unlink GitHub"),
            social("link", "google", 1050002, "Link Google"),
        ]}
    })));
    tick().await;
    let linked = one(&root, ".lk-account[data-provider=github]");
    assert_eq!(attr(&linked, "data-state").as_deref(), Some("linked"));
    assert_eq!(text(&one(&linked, ".lk-account-name")), "GitHub");
    assert_eq!(text(&one(&linked, ".lk-account-state")), "Linked");
    let unlink = one(&linked, "button[name=unlink]");
    assert_eq!(attr(&unlink, "value").as_deref(), Some("github"));
    assert_eq!(text(&unlink).trim(), "Unlink GitHub");
    let other = one(&root, ".lk-account[data-provider=google]");
    assert_eq!(attr(&other, "data-state").as_deref(), Some("unlinked"));
    assert_eq!(text(&one(&other, ".lk-account-state")), "Not linked");
    one(&other, "button[name=link][value=google]");
}
