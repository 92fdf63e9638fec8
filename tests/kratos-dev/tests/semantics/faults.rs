//! CORS and injected faults.

use crate::common::{DEMO, Kratos, node};
use serde_json::json;

#[tokio::test]
async fn cors_for_allowed_origins_only() {
    let k =
        Kratos::start(json!({"cors_origins": ["http://app.example.com", "https://*.example.org"]}))
            .await;
    let preflight = k
        .client
        .request(
            reqwest::Method::OPTIONS,
            format!("{}/self-service/login?flow=x", k.base),
        )
        .header("Origin", "http://app.example.com")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type")
        .send()
        .await
        .unwrap();
    assert_eq!(preflight.status(), 204);
    let h = preflight.headers();
    assert_eq!(h["access-control-allow-origin"], "http://app.example.com");
    assert_eq!(h["access-control-allow-credentials"], "true");
    assert!(
        h["access-control-allow-methods"]
            .to_str()
            .unwrap()
            .contains("POST")
    );
    assert_eq!(h["access-control-allow-headers"], "content-type");

    let actual = k
        .client
        .get(format!("{}/self-service/login/browser", k.base))
        .header("Origin", "https://a.example.org")
        .header("Accept", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(
        actual.headers()["access-control-allow-origin"],
        "https://a.example.org"
    );
    assert!(
        actual.headers()["access-control-expose-headers"]
            .to_str()
            .unwrap()
            .contains("Set-Cookie")
    );

    let denied = k
        .client
        .get(format!("{}/self-service/login/browser", k.base))
        .header("Origin", "http://evil.example.net")
        .header("Accept", "application/json")
        .send()
        .await
        .unwrap();
    assert!(
        denied
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );
}

#[tokio::test]
async fn injected_faults() {
    let k = Kratos::start(json!({})).await;
    k.post(
        "/__dev/faults",
        json!({"path": "/self-service/login/browser", "status": 503, "count": 1}),
    )
    .await;
    assert_eq!(k.get("/self-service/login/browser").await.status, 503);
    assert_eq!(
        k.get("/self-service/login/browser").await.status,
        200,
        "only the next request"
    );

    k.post(
        "/__dev/faults",
        json!({"path": "/sessions/whoami", "drop": true}),
    )
    .await;
    let dropped = k
        .client
        .get(format!("{}/sessions/whoami", k.base))
        .send()
        .await;
    assert!(
        dropped.is_err(),
        "the connection is dropped without an answer"
    );

    k.post("/__dev/faults", json!({"path": "/health", "delay_ms": 300}))
        .await;
    let started = std::time::Instant::now();
    assert_eq!(k.get("/health/ready").await.status, 200);
    assert!(started.elapsed() >= std::time::Duration::from_millis(300));

    k.post(
        "/__dev/faults",
        json!({"path": "/self-service", "status": 500, "count": 5}),
    )
    .await;
    k.send("DELETE", "/__dev/faults", true, None).await;
    assert_eq!(k.get("/self-service/login/browser").await.status, 200);
}

#[tokio::test]
async fn configuration_changes_at_run_time() {
    let k = Kratos::start(json!({})).await;
    assert!(node(&k.create("login", "").await, "password").is_some());
    k.configure(json!({"identifier_first": true})).await;
    assert!(node(&k.create("login", "").await, "password").is_none());
    let invalid = k
        .post("/__dev/config", json!({"required_aal": "aal7"}))
        .await;
    assert_eq!(invalid.status, 400);
    let reset = k.post("/__dev/reset", json!({})).await;
    assert_eq!(reset.status, 204);
    assert_eq!(
        k.login(DEMO.0, DEMO.1).await.status,
        200,
        "the demo account is seeded again"
    );
}
