//! Safety of the development server itself.

use crate::common::{DEMO, Kratos};
use serde_json::json;

#[tokio::test]
async fn the_logout_token_is_not_the_session_cookie() {
    let k = Kratos::start(json!({})).await;
    let login = k.login(DEMO.0, DEMO.1).await;
    let session_cookie = login
        .set_cookies()
        .into_iter()
        .find_map(|c| {
            c.strip_prefix("ory_kratos_session=")
                .map(|rest| rest.split(';').next().unwrap_or_default().to_owned())
        })
        .expect("a session cookie");
    let flow = k.get("/self-service/logout/browser").await;
    let token = flow.body["logout_token"].as_str().unwrap();
    assert!(!token.is_empty());
    assert_ne!(
        token, session_cookie,
        "the HttpOnly cookie must stay unreadable"
    );
    assert!(
        !flow.body["logout_url"]
            .as_str()
            .unwrap()
            .contains(&session_cookie)
    );
    let cookie_as_token = k
        .get(&format!("/self-service/logout?token={session_cookie}"))
        .await;
    assert_eq!(cookie_as_token.status, 403);
}

/// A request to the development endpoints with these browser headers.
async fn dev_request(k: &Kratos, method: &str, path: &str, headers: &[(&str, &str)]) -> u16 {
    let mut request = k
        .client
        .request(method.parse().unwrap(), format!("{}{path}", k.base))
        .header("Content-Type", "application/json")
        .body("{}");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.unwrap();
    assert!(
        response
            .headers()
            .get("access-control-allow-origin")
            .is_none(),
        "no CORS on {path}"
    );
    response.status().as_u16()
}

#[tokio::test]
async fn other_origins_cannot_use_the_development_endpoints() {
    let k = Kratos::start(json!({"cors_origins": ["*"]})).await;
    for (method, path) in [
        ("POST", "/__dev/reset"),
        ("POST", "/__dev/config"),
        ("POST", "/__dev/faults"),
        ("GET", "/__dev/mail"),
    ] {
        for headers in [
            &[
                ("Origin", "https://evil.example"),
                ("Sec-Fetch-Site", "cross-site"),
            ][..],
            &[("Origin", "https://evil.example")][..],
            &[("Sec-Fetch-Site", "same-site")][..],
            &[("Origin", "null")][..],
        ] {
            assert_eq!(
                dev_request(&k, method, path, headers).await,
                403,
                "{method} {path} {headers:?}"
            );
        }
    }
    // The server's own pages (and tools that are no browser) may.
    let own = [
        ("Origin", k.base.as_str()),
        ("Sec-Fetch-Site", "same-origin"),
    ];
    assert_eq!(dev_request(&k, "GET", "/__dev/mail", &own).await, 200);
    let ui = [
        ("Origin", "http://localhost:8080"),
        ("Sec-Fetch-Site", "same-origin"),
    ];
    assert_eq!(dev_request(&k, "GET", "/__dev/mail", &ui).await, 200);
    assert_eq!(dev_request(&k, "GET", "/__dev/mail", &[]).await, 200);
}

#[tokio::test]
async fn a_wildcard_cors_origin_never_carries_credentials() {
    let k = Kratos::start(json!({"cors_origins": ["*", "https://app.example"]})).await;
    let ask = |origin: &'static str| {
        k.client
            .get(format!("{}/sessions/whoami", k.base))
            .header("Accept", "application/json")
            .header("Origin", origin)
            .send()
    };
    let any = ask("https://evil.example").await.unwrap();
    assert_eq!(any.headers()["access-control-allow-origin"], "*");
    assert!(
        any.headers()
            .get("access-control-allow-credentials")
            .is_none()
    );
    let listed = ask("https://app.example").await.unwrap();
    assert_eq!(
        listed.headers()["access-control-allow-origin"],
        "https://app.example"
    );
    assert_eq!(listed.headers()["access-control-allow-credentials"], "true");
}

#[tokio::test]
async fn return_to_is_parsed_and_checked_as_kratos_does() {
    let k = Kratos::start(json!({})).await;
    // Go's URL parser refuses control characters: a 400 without an id.
    let tab = k
        .get("/self-service/login/browser?return_to=%2F%09%2Fevil.example")
        .await;
    assert_eq!((tab.status, tab.error_id()), (400, None));
    // Kratos fills in the default return URL's host, so this passes, and the
    // flow keeps the raw value (browsers read it as //evil.example).
    let backslash = k.create("login", "?return_to=%2F%5Cevil.example").await;
    assert_eq!(backslash["return_to"], "/\\evil.example");
    for url in [
        "https://evil.example/",
        "%2F%2Fevil.example%2F",
        "http://localhost:4433/sessions/whoami",
    ] {
        let refused = k
            .get(&format!("/self-service/login/browser?return_to={url}"))
            .await;
        assert_eq!(
            (refused.status, refused.error_id()),
            (400, Some("self_service_flow_return_to_forbidden")),
            "{url}"
        );
    }
    // Kratos's own self-service URLs are always allowed.
    let own = format!("{}/self-service/settings/browser", k.base);
    let self_service = k
        .create(
            "login",
            &format!("?return_to={}", leptos_kratos::url::encode_component(&own)),
        )
        .await;
    assert_eq!(self_service["return_to"], own.as_str());
}

#[tokio::test]
async fn the_ui_can_be_served_under_a_strict_content_security_policy() {
    let dir = std::env::temp_dir().join(format!("kratos-dev-csp-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html>").unwrap();
    let k = Kratos::start(json!({"ui_dir": dir.to_str().unwrap(), "csp": true})).await;
    let page = k.navigate("/login").await;
    let policy = page.headers["content-security-policy"].to_str().unwrap();
    for directive in [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "img-src 'self' data:",
        "base-uri 'none'",
        "object-src 'none'",
        "frame-ancestors 'none'",
    ] {
        assert!(policy.contains(directive), "{directive} in {policy}");
    }
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    // Kratos on another origin than the UI is allowed for requests and forms.
    assert!(
        policy.contains(&format!("connect-src 'self' {}", k.base)),
        "{policy}"
    );
    assert!(
        policy.contains(&format!("form-action 'self' {}", k.base)),
        "{policy}"
    );
    // Answers of Kratos's API carry no such header.
    let api = k.get("/self-service/login/browser").await;
    assert!(api.headers.get("content-security-policy").is_none());
    std::fs::remove_dir_all(dir).ok();
}
