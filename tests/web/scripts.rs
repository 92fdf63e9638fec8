//! Script nodes: loading once, integrity, triggers, failures.

use crate::support::*;

/// Kratos's WebAuthn script as the browser tests serve it (see
/// `tests/browser-assets/`), and its hash: a changed file fails the test.
pub(crate) const WEBAUTHN_JS: &str = "/tests/browser-assets/.well-known/ory/webauthn.js";

pub(crate) const WEBAUTHN_JS_INTEGRITY: &str = "sha512-h8Amgt89ldPbqAOorcyGa4OjRqKOZ1Hca1gywwg+ikd20Qm0vljI2mc+wBz9CWvGol8Cp9iwNAwjJodY3aBknw==";

/// A flow with a script node and a WebAuthn trigger button.
pub(crate) fn webauthn_flow(script_id: &str, src: &str, integrity: &str) -> Flow {
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

pub(crate) async fn until(mut condition: impl FnMut() -> bool) {
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
