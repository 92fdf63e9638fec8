//! Content negotiation and the answer envelopes.

use crate::common::{Kratos, action, csrf};
use serde_json::json;

#[tokio::test]
async fn creation_negotiates_json_or_redirects() {
    let k = Kratos::start(json!({})).await;
    let json_answer = k.get("/self-service/login/browser").await;
    assert_eq!(json_answer.status, 200);
    assert_eq!(json_answer.body["type"], "browser");
    assert_eq!(json_answer.body["state"], "choose_method");
    let cookie = json_answer
        .set_cookies()
        .into_iter()
        .find(|c| c.starts_with("csrf_token_"))
        .unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/")
    );
    let id = json_answer.body["id"].as_str().unwrap();
    assert!(action(&json_answer.body).ends_with(&format!("/self-service/login?flow={id}")));

    for kind in ["login", "registration", "recovery", "verification"] {
        let browser = k.navigate(&format!("/self-service/{kind}/browser")).await;
        assert_eq!(browser.status, 303, "{kind}");
        assert!(
            browser
                .location()
                .starts_with(&format!("http://localhost:8080/{kind}?flow=")),
            "{}",
            browser.location()
        );
    }
    // fetch's default Accept (*/*) negotiates to HTML: a redirect, not JSON.
    let star = k
        .client
        .get(format!("{}/self-service/login/browser", k.base))
        .header("Accept", "*/*")
        .send()
        .await
        .unwrap();
    assert_eq!(star.status(), 303);
    // A JSON Content-Type alone does not make creation answer JSON.
    let ct_only = k
        .client
        .get(format!("{}/self-service/login/browser", k.base))
        .header("Accept", "*/*")
        .header("Content-Type", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(ct_only.status(), 303);
}

#[tokio::test]
async fn the_csrf_cookie_is_named_after_the_public_url_and_kept() {
    let k = Kratos::start(json!({})).await;
    k.create("login", "").await;
    let names = k.cookie_names();
    assert_eq!(
        names
            .iter()
            .filter(|n| n.starts_with("csrf_token_"))
            .count(),
        1
    );
    let again = k.get("/self-service/login/browser").await;
    assert!(
        again.set_cookies().is_empty(),
        "an existing valid cookie is kept"
    );
    // Masked tokens differ per answer but all verify against the cookie.
    let a = k.create("login", "").await;
    let b = k.create("login", "").await;
    assert_ne!(csrf(&a), csrf(&b));
}
