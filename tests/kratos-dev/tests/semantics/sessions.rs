//! Logout, whoami, the sessions list, stored errors and webauthn.js.

use crate::common::{DEMO, Kratos, node};
use serde_json::{Value, json};

#[tokio::test]
async fn logout() {
    let k = Kratos::start(json!({})).await;
    let none = k.get("/self-service/logout/browser").await;
    assert_eq!(
        (none.status, none.error_id()),
        (401, Some("session_inactive"))
    );
    k.login(DEMO.0, DEMO.1).await;
    let flow = k
        .get("/self-service/logout/browser?return_to=http://localhost:8080/bye")
        .await;
    assert_eq!(flow.status, 200);
    let url = flow.body["logout_url"].as_str().unwrap().to_owned();
    let token = flow.body["logout_token"].as_str().unwrap();
    assert!(url.contains(&format!("token={token}")) && url.contains("return_to="));
    let forbidden = k
        .get("/self-service/logout/browser?return_to=https://evil.example/")
        .await;
    assert_eq!(
        forbidden.error_id(),
        Some("self_service_flow_return_to_forbidden")
    );

    assert_eq!(k.get("/self-service/logout").await.status, 400);
    let mismatch = k.get("/self-service/logout?token=wrong").await;
    assert_eq!(mismatch.status, 403);
    let done = k.get(url.trim_start_matches(&k.base)).await;
    assert_eq!(done.status, 204);
    let cookies = done.set_cookies();
    assert!(
        cookies
            .iter()
            .any(|c| c.starts_with("ory_kratos_session=;") && c.contains("Max-Age=0"))
    );
    assert!(cookies.iter().any(|c| c.starts_with("csrf_token_")));
    assert_eq!(k.get("/sessions/whoami").await.status, 401);
    assert_eq!(k.get(url.trim_start_matches(&k.base)).await.status, 401);

    k.login(DEMO.0, DEMO.1).await;
    let flow = k
        .get("/self-service/logout/browser?return_to=http://localhost:8080/bye")
        .await;
    let url = flow.body["logout_url"].as_str().unwrap().to_owned();
    let browser = k.navigate(url.trim_start_matches(&k.base)).await;
    assert_eq!(
        (browser.status, browser.location().as_str()),
        (303, "http://localhost:8080/bye")
    );
}

#[tokio::test]
async fn whoami_and_sessions() {
    let k = Kratos::start(json!({})).await;
    let anonymous = k.get("/sessions/whoami").await;
    assert_eq!(
        (anonymous.status, anonymous.error_id()),
        (401, None),
        "whoami's 401 has no id"
    );
    k.login(DEMO.0, DEMO.1).await;
    let whoami = k.get("/sessions/whoami").await;
    assert_eq!(whoami.status, 200);
    assert_eq!(whoami.body["active"], true);
    assert_eq!(whoami.body["identity"]["traits"]["email"], DEMO.0);
    assert!(
        whoami.body["identity"].get("credentials").is_none(),
        "credentials never leave the server"
    );
    assert_eq!(
        whoami.headers["x-kratos-authenticated-identity-id"],
        whoami.body["identity"]["id"].as_str().unwrap()
    );

    let phone = k.other_browser();
    phone.login(DEMO.0, DEMO.1).await;
    let laptop = k.other_browser();
    laptop.login(DEMO.0, DEMO.1).await;
    let others = k.get("/sessions").await;
    assert_eq!(others.status, 200);
    let list = others.body.as_array().unwrap();
    assert_eq!(list.len(), 2, "the other two sessions");
    let current = whoami.body["id"].as_str().unwrap();
    assert_eq!(
        k.send("DELETE", &format!("/sessions/{current}"), true, None)
            .await
            .status,
        400
    );
    let one = list[0]["id"].as_str().unwrap();
    assert_eq!(
        k.send("DELETE", &format!("/sessions/{one}"), true, None)
            .await
            .status,
        204
    );
    assert_eq!(
        k.send("DELETE", &format!("/sessions/{one}"), true, None)
            .await
            .status,
        404
    );
    let rest = k.send("DELETE", "/sessions", true, None).await;
    assert_eq!(rest.body["count"], 1);
    assert_eq!(phone.get("/sessions/whoami").await.status, 401);
    assert_eq!(laptop.get("/sessions/whoami").await.status, 401);
    assert_eq!(k.get("/sessions/whoami").await.status, 200);
}

#[tokio::test]
async fn errors_endpoint_and_webauthn_script() {
    let k = Kratos::start(json!({})).await;
    let stub = k.get("/self-service/errors?id=stub:500").await;
    assert_eq!(stub.status, 200);
    assert_eq!(stub.body["error"]["code"], 500);
    assert_eq!(k.get("/self-service/errors?id=unknown").await.status, 404);

    let flow = k.create("login", "").await;
    let script = flow["ui"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["type"] == "script")
        .unwrap();
    let src = script["attributes"]["src"].as_str().unwrap();
    assert_eq!(src, format!("{}/.well-known/ory/webauthn.js", k.base));
    let response = k.client.get(src).send().await.unwrap();
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/javascript")
    );
    let bytes = response.bytes().await.unwrap();
    use base64::Engine;
    use sha2::Digest;
    let digest = base64::engine::general_purpose::STANDARD.encode(sha2::Sha512::digest(&bytes));
    assert_eq!(
        script["attributes"]["integrity"],
        format!("sha512-{digest}"),
        "integrity matches the served bytes"
    );
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    for function in [
        "oryWebAuthnLogin",
        "oryWebAuthnRegistration",
        "oryPasskeyLogin",
        "oryPasskeyLoginAutocompleteInit",
        "oryPasskeyRegistration",
        "oryPasskeySettingsRegistration",
    ] {
        assert!(text.contains(function), "{function}");
    }
    let trigger = node(&flow, "passkey_login_trigger").unwrap();
    assert_eq!(trigger["attributes"]["onclickTrigger"], "oryPasskeyLogin");
    assert_eq!(
        node(&flow, "passkey_login").unwrap()["attributes"]["onloadTrigger"],
        "oryPasskeyLoginAutocompleteInit"
    );
    let challenge: Value = serde_json::from_str(
        node(&flow, "passkey_challenge").unwrap()["attributes"]["value"]
            .as_str()
            .unwrap(),
    )
    .unwrap();
    assert!(challenge["publicKey"]["challenge"].is_string());
}

#[tokio::test]
async fn an_unverified_address_is_a_403_whose_body_says_400() {
    let k = Kratos::start(json!({"require_verified_address": true})).await;
    k.register("body-400@example.com", "a good password").await;
    let refused = k
        .other_browser()
        .login("body-400@example.com", "a good password")
        .await;
    assert_eq!(refused.status, 403);
    assert_eq!(refused.body["error"]["code"], 400);
    assert_eq!(
        refused.error_id(),
        Some("session_verified_address_required")
    );
}
