//! Kratos's and Hydra's answers a kinder server would not give: OAuth2 screens, links, wrong codes, recovery while signed in, start over.

use crate::components::StubFetch;
use crate::components::appears;
use crate::components::mount_component;
use crate::components::type_into;
use crate::layout::click;
use crate::layout::flow_message_of;
use crate::scripts::until;
use crate::support::*;

/// A flow with `count` text fields (and a csrf token), as Kratos would send
/// a very large form.
pub(crate) fn large_flow(count: usize, value: &str) -> Flow {
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
pub(crate) async fn render_benchmark_five_thousand_nodes() {
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

/// The largest real settings flow: every settings method's nodes as
/// Kratos's own tests record them (profile and password, social sign-in,
/// TOTP set-up, backup codes, passkeys, security keys), one CSRF token.
fn full_settings_flow_json() -> String {
    let parts = [
        include_str!(
            "../fixtures/selfservice__strategy__oidc__.snapshots__TestSettingsStrategy-suite-link-case-should_link_a_connection-flow-fetch.json"
        ),
        include_str!(
            "../fixtures/selfservice__strategy__totp__.snapshots__TestCompleteSettings-case-device_setup_is_available_when_identity_has_no_totp_yet.json"
        ),
        include_str!(
            "../fixtures/selfservice__strategy__lookup__.snapshots__TestCompleteSettings-case-should_pass_without_csrf_if_API_flow.json"
        ),
        include_str!(
            "../fixtures/selfservice__strategy__passkey__.snapshots__TestCompleteSettings-case-a_device_is_shown_which_can_be_unlinked.json"
        ),
        include_str!(
            "../fixtures/selfservice__strategy__webauthn__.snapshots__TestCompleteSettings-case-a_device_is_shown_which_can_be_unlinked.json"
        ),
    ];
    let mut nodes: Vec<serde_json::Value> = Vec::new();
    for part in parts {
        let value: serde_json::Value = serde_json::from_str(part).unwrap();
        let list = value
            .pointer("/ui/nodes")
            .or_else(|| value.get("nodes"))
            .unwrap_or(&value)
            .as_array()
            .cloned()
            .unwrap_or_default();
        for node in list {
            let csrf = node.pointer("/attributes/name") == Some(&json!("csrf_token"));
            let has_csrf = nodes
                .iter()
                .any(|n| n.pointer("/attributes/name") == Some(&json!("csrf_token")));
            if !(csrf && has_csrf) {
                nodes.push(node);
            }
        }
    }
    json!({"id": "settings", "state": "show_form", "ui": {"action": "/self-service/settings?flow=settings", "method": "POST", "nodes": nodes}})
        .to_string()
}

/// Not a timed assertion: prints how long the largest real settings flow
/// takes from JSON text to DOM (README quotes the figure); checks that every
/// method's section is drawn.
#[wasm_bindgen_test]
async fn render_benchmark_full_settings_flow() {
    let text = full_settings_flow_json();
    let performance = window().performance().unwrap();
    // Twice: the first render in a page also warms the code up.
    let mut times = Vec::new();
    let mut count = 0;
    for _ in 0..2 {
        let started = performance.now();
        let flow = Flow::from_json(&serde_json::from_str(&text).unwrap()).unwrap();
        count = flow.ui.nodes.len();
        let flow = RwSignal::new(flow);
        let root = container();
        let handle = mount_to(root.clone(), move || {
            view! { <FlowForm flow layout=leptos_kratos::components::FormLayout::PerGroup /> }
        });
        tick().await;
        times.push(performance.now() - started);
        assert!(count >= 25, "{count} nodes");
        assert!(all(&root, "form").len() >= 5, "a form per method");
        drop(handle);
        root.remove();
    }
    console_log!(
        "render benchmark: the largest real settings flow ({count} nodes of Kratos's fixtures) from JSON to DOM in {:.1} ms (first in the page), {:.1} ms (again)",
        times[0],
        times[1]
    );
}

pub(crate) fn consent_request() -> ConsentRequest {
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
pub(crate) fn set_query(query: &str) {
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
pub(crate) fn login_flow(extra: Value) -> Value {
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
async fn an_expired_flow_kratos_replaces_is_reported_to_on_error() {
    use leptos_kratos::flows::{FlowParams, Login};
    let expired = json!({"status": 410, "body": {
        "error": {"id": "self_service_flow_expired", "code": 410, "status": "Gone", "message": "expired"},
        "use_flow_id": "l2"}});
    let fetch = StubFetch::new(json!([
        {"status": 200, "body": login_flow(json!({}))},
        expired,
        {"status": 200, "body": login_flow(json!({"id": "l2"}))}
    ]));
    let reported = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let seen = reported.clone();
    let (root, _went, _guard) = mount_component(KratosConfig::default(), move || {
        let on_error = Callback::new(move |e: leptos_kratos::model::ErrorResponse| {
            let id = e
                .error
                .id
                .map(|id| id.as_str().to_owned())
                .unwrap_or_default();
            seen.lock().unwrap().push(id);
        });
        view! { <Login params=FlowParams::new().flow("l1") on_error /> }.into_any()
    });
    appears(&root, "input[name=identifier]").await;
    type_into(&root, "input[name=identifier]", "ada@example.com");
    click(&root, "button[name=method]");
    until(|| fetch.requests().len() == 3).await;
    until(|| !reported.lock().unwrap().is_empty()).await;
    assert_eq!(*reported.lock().unwrap(), ["self_service_flow_expired"]);
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

#[wasm_bindgen_test]
async fn the_heading_names_the_step() {
    use leptos_kratos::flows::{FlowParams, Login};
    for (extra, heading) in [
        (json!({}), "Sign in"),
        (json!({"refresh": true}), "Confirm it's you"),
        (json!({"requested_aal": "aal2"}), "Second factor"),
        (json!({"state": "sent_email"}), "Check your email"),
    ] {
        let _fetch = StubFetch::new(json!([{"status": 200, "body": login_flow(extra.clone())}]));
        let (root, _went, _guard) = mount_component(KratosConfig::default(), || {
            view! { <Login params=FlowParams::new().flow("l1") /> }.into_any()
        });
        appears(&root, "form").await;
        assert_eq!(text(&one(&root, "h1.lk-title")), heading, "{extra}");
    }
}

#[wasm_bindgen_test]
async fn later_login_steps_name_the_account_and_offer_another() {
    use leptos_kratos::flows::{FlowParams, Login};
    let second_step = |extra: Value| {
        let mut flow = login_flow(extra);
        flow["ui"]["nodes"][1]["attributes"] =
            json!({"name": "identifier", "type": "hidden", "value": "ada@example.com"});
        flow
    };
    let _fetch = StubFetch::new(json!([{"status": 200, "body": second_step(json!({}))}]));
    let params = FlowParams::new().flow("l1").return_to("/back");
    let (root, _went, guard) = mount_component(KratosConfig::default(), move || {
        view! { <Login params /> }.into_any()
    });
    appears(&root, ".lk-identity").await;
    let identity = one(&root, ".lk-identity");
    assert_eq!(text(&one(&identity, "strong")), "ada@example.com");
    let not_you = one(&identity, "a");
    assert_eq!(text(&not_you), "Not you?");
    assert_eq!(
        attr(&not_you, "href").as_deref(),
        Some("/login?return_to=%2Fback")
    );
    drop(guard);

    // Not before the identifier is given, nor on a second-factor login.
    for flow in [
        login_flow(json!({})),
        second_step(json!({"requested_aal": "aal2"})),
    ] {
        let _fetch = StubFetch::new(json!([{"status": 200, "body": flow}]));
        let (root, _went, _guard) = mount_component(KratosConfig::default(), || {
            view! { <Login params=FlowParams::new().flow("l1") /> }.into_any()
        });
        appears(&root, "form").await;
        assert!(root.query_selector(".lk-identity").unwrap().is_none());
    }
}

#[wasm_bindgen_test]
async fn the_lead_says_where_the_code_went_and_what_to_enter() {
    use leptos_kratos::flows::{FlowParams, Recovery};
    let recovery = |state: &str, nodes: Value| {
        json!({"id": "r1", "type": "browser", "state": state,
               "ui": {"action": "/self-service/recovery?flow=r1", "method": "POST", "nodes": nodes}})
    };
    let csrf = json!({"type": "input", "group": "default", "attributes": {"name": "csrf_token", "type": "hidden", "value": "t"}, "messages": [], "meta": {}});
    let resend = json!({"type": "input", "group": "code", "attributes": {"name": "email", "type": "submit", "value": "ada@example.com"}, "messages": [], "meta": {}});
    for (flow, lead) in [
        (
            recovery("choose_method", json!([csrf])),
            Some("Enter the email address of your account to get back in."),
        ),
        (
            recovery("sent_email", json!([csrf, resend])),
            Some("We sent a code to a•••@example.com."),
        ),
        (recovery("sent_email", json!([csrf])), None),
    ] {
        let _fetch = StubFetch::new(json!([{"status": 200, "body": flow}]));
        let (root, _went, _guard) = mount_component(KratosConfig::default(), || {
            view! { <Recovery params=FlowParams::new().flow("r1") /> }.into_any()
        });
        appears(&root, "form").await;
        let shown = root
            .query_selector(".lk-lead")
            .unwrap()
            .map(|lead| text(&lead));
        assert_eq!(shown.as_deref(), lead);
        assert!(
            !text(&root).contains("ada@example.com"),
            "the address is never shown whole"
        );
    }
}
