//! Second factors and authenticator assurance levels (AAL).

use crate::common::{DEMO, Kratos, csrf, node};
use serde_json::json;

/// Signs the demo user in, sets up TOTP in settings and returns the secret.
async fn with_totp(k: &Kratos) -> String {
    assert_eq!(k.login(DEMO.0, DEMO.1).await.status, 200);
    let settings = k.create("settings", "").await;
    let secret = node(&settings, "totp_secret_key")
        .map(|_| ())
        .and_then(|_| {
            settings["ui"]["nodes"]
                .as_array()?
                .iter()
                .find(|n| n["attributes"]["id"] == "totp_secret_key")
                .and_then(|n| n["attributes"]["text"]["context"]["secret"].as_str())
                .map(str::to_owned)
        })
        .or_else(|| {
            settings["ui"]["nodes"]
                .as_array()?
                .iter()
                .find(|n| n["attributes"]["id"] == "totp_secret_key")
                .and_then(|n| n["attributes"]["text"]["context"]["secret"].as_str())
                .map(str::to_owned)
        })
        .unwrap();
    let qr = settings["ui"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["attributes"]["id"] == "totp_qr")
        .unwrap();
    assert!(
        qr["attributes"]["src"]
            .as_str()
            .unwrap()
            .starts_with("data:image/png;base64,")
    );
    let wrong = k
        .submit(&settings, json!({"method": "totp", "totp_code": "000000"}))
        .await;
    assert_eq!(
        (wrong.status, wrong.node_message_ids("totp_code")),
        (400, vec![4000008])
    );
    let code = k.get(&format!("/__dev/totp?secret={secret}")).await.body["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let saved = k
        .submit(&wrong.body, json!({"method": "totp", "totp_code": code}))
        .await;
    assert_eq!(saved.status, 200, "{:?}", saved.body);
    assert_eq!(saved.body["state"], "success");
    assert!(node(&saved.body, "totp_unlink").is_some());
    secret
}

#[tokio::test]
async fn second_factor_is_required_after_the_first() {
    let k = Kratos::start(json!({})).await;
    let secret = with_totp(&k).await;
    // whoami now insists on aal2 (required_aal: highest_available).
    let whoami = k.get("/sessions/whoami").await;
    assert_eq!(
        (whoami.status, whoami.error_id()),
        (403, Some("session_aal2_required"))
    );
    assert!(
        whoami.body["redirect_browser_to"]
            .as_str()
            .unwrap()
            .contains("aal=aal2")
    );
    let settings = k.get("/self-service/settings/browser").await;
    assert_eq!(
        (settings.status, settings.error_id()),
        (403, Some("session_aal2_required"))
    );

    // A fresh password login answers 422 towards the aal2 login.
    let fresh = k.other_browser();
    let flow = fresh
        .create("login", "?return_to=http://localhost:8080/done")
        .await;
    let first = fresh
        .submit(
            &flow,
            json!({"method": "password", "identifier": DEMO.0, "password": DEMO.1}),
        )
        .await;
    assert_eq!(
        (first.status, first.error_id()),
        (422, Some("browser_location_change_required"))
    );
    let target = first.body["redirect_browser_to"].as_str().unwrap();
    assert!(
        target.contains("/self-service/login/browser?aal=aal2") && target.contains("return_to=")
    );
    assert!(
        first
            .set_cookies()
            .iter()
            .any(|c| c.starts_with("ory_kratos_session=")),
        "the aal1 session is issued"
    );

    let aal2 = fresh.create("login", "?aal=aal2").await;
    assert_eq!(aal2["requested_aal"], "aal2");
    assert_eq!(aal2["ui"]["messages"][0]["id"], 1010004);
    assert_eq!(
        node(&aal2, "identifier").unwrap()["attributes"]["type"],
        "hidden"
    );
    assert!(node(&aal2, "password").is_none());
    let wrong = fresh
        .submit(&aal2, json!({"method": "totp", "totp_code": "123456x"}))
        .await;
    assert_eq!(wrong.node_message_ids("totp_code"), vec![4000008]);
    let code = fresh
        .get(&format!("/__dev/totp?secret={secret}"))
        .await
        .body["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let ok = fresh
        .submit(&wrong.body, json!({"method": "totp", "totp_code": code}))
        .await;
    assert_eq!(ok.status, 200);
    assert_eq!(ok.body["session"]["authenticator_assurance_level"], "aal2");
    assert_eq!(fresh.get("/sessions/whoami").await.status, 200);
    let already = fresh.get("/self-service/login/browser?aal=aal2").await;
    assert_eq!(already.error_id(), Some("session_already_available"));
}

#[tokio::test]
async fn backup_codes_reveal_regenerate_confirm_and_log_in() {
    let k = Kratos::start(json!({"required_aal": "aal1"})).await;
    k.login(DEMO.0, DEMO.1).await;
    let settings = k.create("settings", "").await;
    assert!(node(&settings, "lookup_secret_regenerate").is_some());
    let generated = k
        .submit(
            &settings,
            json!({"method": "lookup_secret", "lookup_secret_regenerate": true}),
        )
        .await;
    assert_eq!(
        generated.status, 200,
        "an intermediate step is 200 with the flow"
    );
    assert_eq!(generated.body["state"], "show_form");
    let codes_node = generated.body["ui"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["attributes"]["id"] == "lookup_secret_codes")
        .unwrap()
        .clone();
    let secrets = codes_node["attributes"]["text"]["context"]["secrets"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(secrets.len(), 12);
    assert!(node(&generated.body, "lookup_secret_confirm").is_some());
    let confirmed = k
        .submit(
            &generated.body,
            json!({"method": "lookup_secret", "lookup_secret_confirm": true}),
        )
        .await;
    assert_eq!(
        (confirmed.status, confirmed.body["state"].as_str()),
        (200, Some("success"))
    );
    assert_eq!(confirmed.message_ids(), vec![1050001]);
    let revealed = k
        .submit(
            &confirmed.body,
            json!({"method": "lookup_secret", "lookup_secret_reveal": true}),
        )
        .await;
    assert_eq!(revealed.status, 200);
    assert!(node(&revealed.body, "lookup_secret_disable").is_some());

    let code = secrets[0]["context"]["secret"].as_str().unwrap();
    let other = k.other_browser();
    other.login(DEMO.0, DEMO.1).await;
    let aal2 = other.create("login", "?aal=aal2").await;
    let invalid = other
        .submit(
            &aal2,
            json!({"method": "lookup_secret", "lookup_secret": "nope"}),
        )
        .await;
    assert_eq!(invalid.node_message_ids("lookup_secret"), vec![4000016]);
    let ok = other
        .submit(
            &invalid.body,
            json!({"method": "lookup_secret", "lookup_secret": code}),
        )
        .await;
    assert_eq!(ok.status, 200);
    let third = k.other_browser();
    third.login(DEMO.0, DEMO.1).await;
    let again = third.create("login", "?aal=aal2").await;
    let used = third
        .submit(
            &again,
            json!({"method": "lookup_secret", "lookup_secret": code}),
        )
        .await;
    assert_eq!(used.node_message_ids("lookup_secret"), vec![4000012]);
}

#[tokio::test]
async fn an_aal2_flow_needs_the_aal1_session() {
    let k = Kratos::start(json!({})).await;
    with_totp(&k).await;
    let aal2 = k.create("login", "?aal=aal2").await;
    // Another browser, without the aal1 session, submits that aal2 flow
    // (with a valid CSRF token of its own).
    let stranger = k.other_browser();
    let own = stranger.create("login", "").await;
    let refused = stranger
        .submit(
            &aal2,
            json!({"method": "totp", "totp_code": "123456", "csrf_token": csrf(&own)}),
        )
        .await;
    assert_eq!(
        (refused.status, refused.error_id()),
        (401, Some("session_aal1_required"))
    );
}

#[tokio::test]
async fn login_can_require_a_verified_address() {
    let k = Kratos::start(json!({"require_verified_address": true})).await;
    k.register("unverified@example.com", "a good password")
        .await;
    let other = k.other_browser();
    let refused = other
        .login("unverified@example.com", "a good password")
        .await;
    assert_eq!(
        (refused.status, refused.error_id()),
        (403, Some("session_verified_address_required"))
    );
    let next = &refused.body["error"]["details"]["continue_with"][0];
    assert_eq!(next["action"], "show_verification_ui");
    let id = next["flow"]["id"].as_str().unwrap();
    assert_eq!(
        other
            .get(&format!("/self-service/verification/flows?id={id}"))
            .await
            .body["state"],
        "sent_email"
    );
    assert_eq!(
        other.login(DEMO.0, DEMO.1).await.status,
        200,
        "verified addresses pass"
    );
}

#[tokio::test]
async fn settings_and_the_session_list_ask_for_the_second_factor() {
    let k = Kratos::start(json!({})).await;
    let secret = with_totp(&k).await;
    // This browser signs in with the second factor too (aal2) ...
    let aal2 = k.create("login", "?aal=aal2").await;
    let code = k.get(&format!("/__dev/totp?secret={secret}")).await.body["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let upgraded = k
        .submit(&aal2, json!({"method": "totp", "totp_code": code}))
        .await;
    assert_eq!(upgraded.status, 200);
    // ... another one only with the password (aal1).
    let aal1 = k.other_browser();
    aal1.login(DEMO.0, DEMO.1).await;
    let plain = aal1.get("/self-service/settings/browser").await;
    assert_eq!(
        (plain.status, plain.error_id()),
        (403, Some("session_aal2_required"))
    );
    let target = plain.body["redirect_browser_to"].as_str().unwrap();
    assert!(
        target.ends_with("/self-service/login/browser?aal=aal2"),
        "no return_to: {target}"
    );
    let with_return = aal1
        .get("/self-service/settings/browser?return_to=http%3A%2F%2Flocalhost%3A8080%2Fprofile")
        .await;
    let target = with_return.body["redirect_browser_to"].as_str().unwrap();
    assert!(
        target.contains(&format!(
            "return_to={}",
            leptos_kratos::url::encode_component(&format!(
                "{}/self-service/settings/browser?return_to=http%3A%2F%2Flocalhost%3A8080%2Fprofile",
                k.base
            ))
        )),
        "back to the creating request: {target}"
    );
    // An existing settings flow, fetched with an aal1 session.
    let flow = k.create("settings", "").await;
    let id = flow["id"].as_str().unwrap();
    let get = aal1
        .get(&format!("/self-service/settings/flows?id={id}"))
        .await;
    assert_eq!(
        (get.status, get.error_id()),
        (403, Some("session_aal2_required"))
    );
    assert!(get.body["redirect_browser_to"].as_str().unwrap().contains(
        &leptos_kratos::url::encode_component(&format!("http://localhost:8080/settings?flow={id}"))
    ));
    // The session list: 403 with aal1, 401 without an id when signed out.
    let sessions = aal1.get("/sessions").await;
    assert_eq!(
        (sessions.status, sessions.error_id()),
        (403, Some("session_aal2_required"))
    );
    let nobody = k.other_browser().get("/sessions").await;
    assert_eq!((nobody.status, nobody.error_id()), (401, None));
}
