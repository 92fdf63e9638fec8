//! The connected flow components against a stubbed fetch: origins, loops, timeouts, a 5,000-node flow.

use crate::hostile::check_nothing_escaped;
use crate::hostile::hostile;
use crate::hostile::install_spies;
use crate::hostile::js_get;
use crate::hostile::pause;
use crate::layout::click;
use crate::scripts::until;
use crate::support::*;

/// Replaces `window.fetch` with canned answers (each `{status, body}`, the
/// last one repeated; `"hang"` never answers but honours the abort signal)
/// and records every request as `METHOD url`. Dropping it restores fetch.
pub(crate) struct StubFetch(pub(crate) wasm_bindgen::JsValue);

impl StubFetch {
    pub(crate) fn new(answers: Value) -> Self {
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

    pub(crate) fn requests(&self) -> Vec<String> {
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
pub(crate) async fn appears(root: &Element, selector: &str) {
    until(|| root.query_selector(selector).unwrap().is_some()).await;
}

/// Types `value` into the input `selector` matches.
pub(crate) fn type_into(root: &Element, selector: &str, value: &str) {
    one(root, selector)
        .unchecked_ref::<HtmlInputElement>()
        .set_value(value);
}

/// The value of the input `selector` matches.
pub(crate) fn value_of(root: &Element, selector: &str) -> String {
    one(root, selector)
        .unchecked_ref::<HtmlInputElement>()
        .value()
}

/// Mounts a flow component with a navigator that records instead of leaving.
pub(crate) fn mount_component(
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
