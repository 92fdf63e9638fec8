//! Server-side rendering (`ssr`): the pure renderers turn a flow into a
//! complete HTML form on the server — one that works before the WebAssembly
//! has loaded, or without JavaScript at all (Kratos answers a native POST
//! with a 303 back to the page, which renders the next answer).
//!
//! `cargo test -p leptos-kratos --no-default-features --features ssr --test ssr`
#![cfg(feature = "ssr")]

mod common;

use leptos::prelude::*;
use leptos_kratos::components::{ErrorView, FlowForm, FormLayout};
use leptos_kratos::config::KratosConfig;
use leptos_kratos::model::Flow;
use leptos_kratos::url::PageUrl;
use serde_json::json;

const KRATOS: &str = "https://auth.example.com";

/// The HTML the server sends for a flow form under this configuration.
fn render(config: KratosConfig, flow: Flow) -> String {
    render_as(config, flow, FormLayout::Single)
}

/// Rendered as servers do (the streaming renderer, which also resolves
/// what the view reads), on a futures executor.
fn render_as(config: KratosConfig, flow: Flow, layout: FormLayout) -> String {
    use futures::StreamExt;
    let _ = any_spawner::Executor::init_futures_executor();
    Owner::new().with(move || {
        provide_context(config);
        let stream =
            view! { <FlowForm flow=Signal::stored(flow) layout /> }.to_html_stream_in_order();
        futures::executor::block_on(stream.collect::<String>())
    })
}

/// The HTML a server sends for the page at `path` of the app (Kratos
/// configured, the page's address given as `PageUrl`).
fn on_server(path: &str, page: impl FnOnce() -> AnyView) -> String {
    let url = format!("https://app.example.com{path}");
    // Flow cards wait for a resource (the server's first answer).
    let _ = any_spawner::Executor::init_futures_executor();
    Owner::new().with(move || {
        provide_context(KratosConfig::new(KRATOS));
        provide_context(PageUrl(url));
        page().to_html()
    })
}

fn node(group: &str, attributes: serde_json::Value, label: Option<&str>) -> serde_json::Value {
    let meta = match label {
        // An id the catalogue does not know, so Kratos's text is shown.
        Some(text) => json!({"label": {"id": 1, "text": text, "type": "info"}}),
        None => json!({}),
    };
    json!({"type": "input", "group": group, "attributes": attributes, "messages": [], "meta": meta})
}

/// A login flow after a wrong password, as Kratos answers it.
fn login(action: &str) -> Flow {
    serde_json::from_value(json!({
        "id": "f1", "type": "browser", "state": "choose_method",
        "request_url": "https://auth.example.com/self-service/login/browser",
        "ui": {
            "action": action,
            "method": "POST",
            "messages": [{"id": 4000006, "type": "error", "text": "The provided credentials are invalid, check for spelling mistakes in your password or username, email address, or phone number."}],
            "nodes": [
                node("default", json!({"name": "csrf_token", "type": "hidden", "value": "tok\"<en>", "required": true, "node_type": "input"}), None),
                node("default", json!({"name": "identifier", "type": "text", "value": "ada@example.com", "required": true, "node_type": "input"}), Some("ID")),
                node("password", json!({"name": "password", "type": "password", "required": true, "autocomplete": "current-password", "node_type": "input"}), Some("Password")),
                node("password", json!({"name": "method", "type": "submit", "value": "password", "node_type": "input"}), Some("Sign in")),
                node("oidc", json!({"name": "provider", "type": "submit", "value": "github", "node_type": "input"}), Some("Sign in with GitHub")),
            ]
        }
    }))
    .unwrap()
}

#[test]
fn a_login_flow_renders_as_a_form_that_posts_to_kratos() {
    let html = render(
        KratosConfig::new(KRATOS),
        login("https://auth.example.com/self-service/login?flow=f1"),
    );
    for part in [
        // One form, posting natively to Kratos's action.
        r#"<form action="https://auth.example.com/self-service/login?flow=f1" method="post""#,
        // The CSRF token travels with it, escaped as an attribute value.
        r#"name="csrf_token" value="tok&quot;&lt;en&gt;""#,
        // What the person typed is kept; the password never is.
        r#"name="identifier" type="text" value="ada@example.com" required"#,
        r#"name="password" type="password" required autocomplete="current-password""#,
        // Each method is a submit button naming itself.
        r#"name="method" value="password""#,
        r#"name="provider" value="github""#,
        // Labels point at their fields; Kratos's message is shown.
        r#"-identifier" class="lk-label">ID</label>"#,
        "The provided credentials are invalid.",
    ] {
        assert!(html.contains(part), "{part}\nnot in\n{html}");
    }
    assert_eq!(html.matches("<form").count(), 1, "{html}");
    assert_eq!(html.matches(r#"type="submit""#).count(), 2, "{html}");
    // Each label names the id of its field.
    for id in ["identifier", "password"] {
        let field = html.split(&format!(r#" name="{id}""#)).next().unwrap();
        let field_id = field
            .rsplit(r#"id=""#)
            .next()
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        assert!(
            html.contains(&format!(r#"<label for="{field_id}""#)),
            "{id}: {html}"
        );
    }
    assert!(
        !html.contains(r#"name="password" type="password" value"#),
        "{html}"
    );
}

#[test]
fn a_form_pointing_to_another_site_gets_no_action_on_the_server_either() {
    for action in [
        "https://evil.example.net/self-service/login?flow=f1",
        "javascript:alert(1)",
        "https://auth.example.com/not-kratos",
    ] {
        let html = render(KratosConfig::new(KRATOS), login(action));
        assert!(html.contains("<form"), "{html}");
        assert!(!html.contains("action="), "{action}: {html}");
    }
}

#[test]
fn text_from_kratos_stays_text_on_the_server() {
    let mut flow = login("https://auth.example.com/self-service/login?flow=f1");
    flow.ui.nodes[1] = serde_json::from_value(node(
        "default",
        json!({"name": "identifier", "type": "text", "value": "\"><script>alert(1)</script>", "node_type": "input"}),
        Some("<img src=x onerror=alert(1)>"),
    ))
    .unwrap();
    let html = render(KratosConfig::new(KRATOS), flow);
    assert!(!html.contains("<script>"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{html}"
    );
}

/// Every flow, node list and node Kratos's own tests record renders on the
/// server without a panic, as a form carrying every input Kratos asked for
/// (so a native POST sends what Kratos expects).
#[test]
fn every_kratos_fixture_renders_on_the_server_with_all_its_inputs() {
    let mut rendered = 0;
    for (file, kind, json) in common::fixtures::FIXTURES {
        let flow = common::fixture_flow(kind, json);
        for layout in [
            FormLayout::Single,
            FormLayout::PerGroup,
            FormLayout::TwoStep,
        ] {
            let html = render_as(KratosConfig::new(KRATOS), flow.clone(), layout);
            let inputs = flow.ui.nodes.iter().any(|node| node.input().is_some());
            assert!(!inputs || html.contains("<form"), "{file}: {html}");
            for node in &flow.ui.nodes {
                let Some(input) = node.input() else { continue };
                if input.name.is_empty() {
                    continue;
                }
                let name = format!(r#" name="{}""#, escaped(&input.name));
                assert!(
                    html.contains(&name),
                    "{file} {layout:?}: {name} missing in\n{html}"
                );
            }
        }
        rendered += 1;
    }
    assert!(rendered > 50, "only {rendered} fixtures");
}

fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Buttons that only work with the page's script (show password, copy)
/// are hidden in the server's HTML: no dead controls without JavaScript.
#[test]
fn controls_that_need_the_script_are_hidden_on_the_server() {
    let html = render(
        KratosConfig::new(KRATOS),
        login("https://auth.example.com/self-service/login?flow=f1"),
    );
    let reveal = html.split(r#"class="lk-reveal""#).next().unwrap();
    let reveal = reveal.rsplit("<button").next().unwrap();
    assert!(reveal.contains("hidden"), "{reveal}");
}

#[test]
fn an_error_renders_on_the_server_as_text_with_a_way_back() {
    let error: leptos_kratos::model::GenericError = serde_json::from_value(json!({
        "code": 500, "status": "Internal Server Error",
        "message": "<b>boom</b>", "reason": "the <i>database</i> is down"
    }))
    .unwrap();
    let html = on_server("/error?id=e1", move || {
        view! { <ErrorView error=Signal::stored(error) start_over="/login" /> }.into_any()
    });
    assert!(html.contains("&lt;b&gt;boom&lt;/b&gt;"), "{html}");
    assert!(
        html.contains("the &lt;i&gt;database&lt;/i&gt; is down"),
        "{html}"
    );
    // Resolved against the page the server renders, not a browser's.
    assert!(
        html.contains(r#"href="https://app.example.com/login""#),
        "{html}"
    );
    assert!(!html.contains("<b>") && !html.contains("<i>"), "{html}");
}

/// A flow component on the server reads its parameters from the page the
/// server renders (there is no address bar: reading it panicked) and
/// renders its card without starting a request.
#[test]
fn a_flow_component_renders_on_the_server() {
    use leptos_kratos::flows::Login;
    let html = on_server("/login?flow=f1&return_to=%2Fhome", || {
        view! { <Login /> }.into_any()
    });
    // Its heading and the loading card; the browser asks Kratos once the
    // page runs there (nothing is fetched on the server yet).
    assert!(
        html.contains(r#"<section data-flow="login" class="lk-card">"#),
        "{html}"
    );
    assert!(html.contains(">Sign in</h1>"), "{html}");
    assert!(html.contains("lk-skeleton"), "{html}");
}

/// Every connected component renders on the server without touching
/// browser APIs (each of these panicked or would have: the address bar,
/// timers, requests), each showing its loading state.
#[test]
fn every_connected_component_renders_on_the_server() {
    use leptos_kratos::flows::{
        Consent, ErrorPage, LogoutButton, OAuth2Logout, Recovery, Registration, RequireSession,
        Sessions, Settings, Verification,
    };
    type Page = (&'static str, &'static str, fn() -> AnyView);
    let pages: Vec<Page> = vec![
        ("/registration", r#"data-flow="registration""#, || {
            view! { <Registration /> }.into_any()
        }),
        ("/recovery", r#"data-flow="recovery""#, || {
            view! { <Recovery /> }.into_any()
        }),
        (
            "/verification?flow=v1",
            r#"data-flow="verification""#,
            || view! { <Verification /> }.into_any(),
        ),
        ("/settings", r#"data-flow="settings""#, || {
            view! { <Settings /> }.into_any()
        }),
        ("/error?id=e1", r#"data-flow="error""#, || {
            view! { <ErrorPage /> }.into_any()
        }),
        ("/sessions", r#"data-flow="sessions""#, || {
            view! { <Sessions /> }.into_any()
        }),
        (
            "/consent?consent_challenge=c1",
            r#"data-flow="consent""#,
            || view! { <Consent /> }.into_any(),
        ),
        (
            "/logout?logout_challenge=l1",
            r#"data-flow="logout""#,
            || view! { <OAuth2Logout /> }.into_any(),
        ),
        ("/", r#"data-action="logout""#, || {
            view! { <LogoutButton /> }.into_any()
        }),
        ("/private", "Checking", || {
            view! {
                <RequireSession fallback=|| view! { <p>"Checking"</p> }>
                    <p>"secret"</p>
                </RequireSession>
            }
            .into_any()
        }),
    ];
    for (path, expected, page) in pages {
        let html = on_server(path, page);
        assert!(html.contains(expected), "{path}: {html}");
        assert!(!html.contains("secret"), "{path}: {html}");
    }
}

/// Under a provider, every page numbers its forms from one, however many
/// pages the server rendered before: the ids the browser computes when it
/// hydrates the page are the server's.
#[test]
fn each_page_under_a_provider_numbers_its_forms_from_one() {
    use leptos_kratos::provider::KratosProvider;
    for _ in 0..3 {
        let html = Owner::new().with(|| {
            let flow = login("https://auth.example.com/self-service/login?flow=f1");
            view! {
                <KratosProvider config=KratosConfig::new(KRATOS) locale="en">
                    <FlowForm flow=Signal::stored(flow) />
                </KratosProvider>
            }
            .to_html()
        });
        assert!(html.contains(r#"id="lk1-identifier""#), "{html}");
    }
}

/// On a server, what the browser must do next becomes the response's
/// redirect, decided as the browser's controller decides it: a new flow's
/// id into the address, a replaced or expired flow started over, a signed-in
/// person sent on, a settings page without a session to the login page;
/// what the URL policy refuses and what would go round in circles is shown
/// instead. Each row: the page asked for, Kratos's answer (status, body),
/// the redirect expected (none: the flow or the problem is rendered).
#[test]
fn what_kratos_answers_becomes_the_servers_redirect() {
    use leptos_kratos::client::RawResponse;
    use leptos_kratos::controller::{FlowController, FlowStatus, Navigator, Problem};
    use leptos_kratos::model::FlowKind;
    use leptos_kratos::server::{ServerAnswer, ServerReply, ServerRequest};
    use std::sync::{Arc, Mutex};

    let flow = |id: &str| {
        json!({"id": id, "type": "browser", "ui": {
            "action": format!("{KRATOS}/self-service/login?flow={id}"), "method": "POST", "nodes": []}})
    };
    let error = |code: u16, id: &str, extra: serde_json::Value| {
        let mut body = json!({"error": {"id": id, "code": code, "status": "x", "message": "m"}});
        if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
            body.extend(extra.clone());
        }
        body
    };
    let page = |path: &str| format!("https://app.example.com{path}");
    type Row = (
        &'static str,
        FlowKind,
        u16,
        serde_json::Value,
        Option<String>,
        FlowStatus,
    );
    let rows: Vec<Row> = vec![
        // A flow just created: its id goes into the address.
        (
            "/login?return_to=%2Fa",
            FlowKind::Login,
            200,
            flow("f1"),
            Some(page("/login?flow=f1&return_to=%2Fa")),
            FlowStatus::Loading,
        ),
        // The flow the address names: rendered.
        (
            "/login?flow=f1",
            FlowKind::Login,
            200,
            flow("f1"),
            None,
            FlowStatus::Ready,
        ),
        (
            "/login?flow=f1",
            FlowKind::Login,
            400,
            flow("f1"),
            None,
            FlowStatus::Ready,
        ),
        // Expired, no replacement: start over, keeping return_to.
        (
            "/login?flow=f0&return_to=%2Fa",
            FlowKind::Login,
            410,
            error(410, "self_service_flow_expired", json!({})),
            Some(page("/login?return_to=%2Fa")),
            FlowStatus::Loading,
        ),
        // Replaced: the replacement's page.
        (
            "/login?flow=f0",
            FlowKind::Login,
            410,
            error(
                410,
                "self_service_flow_expired",
                json!({"use_flow_id": "f2"}),
            ),
            Some(page("/login?flow=f2")),
            FlowStatus::Loading,
        ),
        // ... but never the page asked for again, nor a new flow that
        // needs starting over at once.
        (
            "/login?flow=f0",
            FlowKind::Login,
            410,
            error(
                410,
                "self_service_flow_expired",
                json!({"use_flow_id": "f0"}),
            ),
            None,
            FlowStatus::Refused(Problem::TooManyHops),
        ),
        (
            "/login",
            FlowKind::Login,
            403,
            error(403, "security_csrf_violation", json!({})),
            None,
            FlowStatus::Refused(Problem::TooManyHops),
        ),
        // Kratos's redirects for browsers, judged by the URL policy.
        (
            "/login?flow=f1",
            FlowKind::Login,
            422,
            error(
                422,
                "browser_location_change_required",
                json!({"redirect_browser_to": format!("{KRATOS}/self-service/login/browser?aal=aal2")}),
            ),
            Some(format!("{KRATOS}/self-service/login/browser?aal=aal2")),
            FlowStatus::Loading,
        ),
        (
            "/login?flow=f1",
            FlowKind::Login,
            422,
            error(
                422,
                "browser_location_change_required",
                json!({"redirect_browser_to": "javascript:alert(1)"}),
            ),
            None,
            FlowStatus::Refused(Problem::UnsafeTarget),
        ),
        // Signed in already: on to the app; settings need a session first.
        (
            "/login",
            FlowKind::Login,
            400,
            error(400, "session_already_available", json!({})),
            Some(page("/")),
            FlowStatus::Loading,
        ),
        (
            "/settings",
            FlowKind::Settings,
            401,
            error(401, "session_inactive", json!({})),
            Some(page(
                "/login?return_to=https%3A%2F%2Fapp.example.com%2Fsettings",
            )),
            FlowStatus::Loading,
        ),
    ];
    let _ = any_spawner::Executor::init_futures_executor();
    for (path, kind, status, body, expected, state) in rows {
        let replies = Arc::new(Mutex::new(Vec::new()));
        let (status_seen, seen) = Owner::new().with(|| {
            provide_context(KratosConfig::new(KRATOS));
            provide_context(PageUrl(page(path)));
            let sink = replies.clone();
            provide_context(ServerRequest::new(Some("csrf=1".into()), move |reply| {
                sink.lock().unwrap().push(reply)
            }));
            let params =
                leptos_kratos::url::parse_query(path.split_once('?').map_or("", |(_, q)| q));
            let controller = FlowController::new(
                kind,
                KratosConfig::new(KRATOS),
                Navigator::new(|url| panic!("a server never navigates itself ({url})")),
                params,
            );
            controller.adopt(&ServerAnswer::Answered(RawResponse {
                status,
                redirected: false,
                url: format!("{KRATOS}/self-service/{kind}/flows"),
                content_type: Some("application/json".into()),
                body: Some(body.clone()),
            }));
            (
                controller.status().get_untracked(),
                replies.lock().unwrap().clone(),
            )
        });
        let redirect = seen.iter().find_map(|reply| match reply {
            ServerReply::Redirect(url) => Some(url.clone()),
            ServerReply::SetCookie(_) => None,
        });
        assert_eq!(redirect, expected, "{path} {status} {body}");
        assert!(seen.len() <= 1, "one redirect at most: {seen:?}");
        let settled = match (&status_seen, &state) {
            (FlowStatus::Navigating(_), FlowStatus::Loading) => true,
            (seen, want) => seen == want,
        };
        assert!(
            settled,
            "{path} {status}: {status_seen:?}, wanted {state:?}"
        );
    }
}

/// A login with passkeys and Kratos's `webauthn.js` renders on the server
/// with its streaming renderer (the one servers use): no script element is
/// inserted and no browser API is asked there (asking panicked); the
/// passkey button waits, disabled, for the page's script.
#[test]
fn a_passkey_login_streams_from_the_server() {
    use futures::StreamExt;
    let flow: Flow = serde_json::from_value(json!({
        "id": "f1", "type": "browser",
        "ui": {"action": format!("{KRATOS}/self-service/login?flow=f1"), "method": "POST", "nodes": [
            node("default", json!({"name": "csrf_token", "type": "hidden", "value": "t"}), None),
            node("passkey", json!({"name": "passkey_login_trigger", "type": "button",
                "onclick": "window.oryPasskeyLogin()", "onclickTrigger": "oryPasskeyLogin"}),
                Some("Sign in with passkey")),
            {"type": "script", "group": "webauthn", "messages": [], "meta": {}, "attributes": {
                "node_type": "script", "id": "webauthn_script", "type": "text/javascript",
                "src": format!("{KRATOS}/.well-known/ory/webauthn.js"), "async": true,
                "crossorigin": "anonymous", "referrerpolicy": "no-referrer",
                "integrity": "sha512-x", "nonce": "n"}}
        ]}
    }))
    .unwrap();
    let _ = any_spawner::Executor::init_futures_executor();
    let html = Owner::new().with(|| {
        provide_context(KratosConfig::new(KRATOS));
        provide_context(PageUrl("https://app.example.com/login?flow=f1".into()));
        let stream = view! { <FlowForm flow=Signal::stored(flow) /> }.to_html_stream_in_order();
        futures::executor::block_on(stream.collect::<String>())
    });
    assert!(html.contains("Sign in with passkey"), "{html}");
    assert!(!html.contains("<script"), "{html}");
}
