//! The recovery flow.

use crate::common::{DEMO, Kratos, csrf, node};
use serde_json::{Value, json};

#[tokio::test]
async fn recovery_by_code_hands_over_to_settings() {
    let k = Kratos::start(json!({})).await;
    let flow = k.create("recovery", "").await;
    let invalid = k
        .submit(&flow, json!({"method": "code", "email": "not-an-email"}))
        .await;
    assert_eq!(
        (invalid.status, invalid.node_message_ids("email")),
        (400, vec![4000040])
    );
    let sent = k
        .submit(&invalid.body, json!({"method": "code", "email": DEMO.0}))
        .await;
    assert_eq!(
        (sent.status, sent.body["state"].as_str()),
        (200, Some("sent_email"))
    );
    assert_eq!(sent.message_ids(), vec![1060003]);
    assert_eq!(
        node(&sent.body, "code").unwrap()["attributes"]["maxlength"],
        6
    );
    let resend = sent.body["ui"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["attributes"]["name"] == "email")
        .unwrap();
    assert_eq!(resend["attributes"]["type"], "submit");
    let wrong = k
        .submit(&sent.body, json!({"method": "code", "code": "000000x"}))
        .await;
    // Kratos answers a wrong recovery code with 200 and the flow.
    assert_eq!((wrong.status, wrong.message_ids()), (200, vec![4060006]));
    let code = k.mailed_code(DEMO.0).await;
    let done = k
        .submit(&wrong.body, json!({"method": "code", "code": code}))
        .await;
    assert_eq!(
        (done.status, done.error_id()),
        (422, Some("browser_location_change_required"))
    );
    assert!(
        done.set_cookies()
            .iter()
            .any(|c| c.starts_with("ory_kratos_session="))
    );
    let settings_url = done.body["redirect_browser_to"].as_str().unwrap();
    assert!(settings_url.starts_with("http://localhost:8080/settings?flow="));
    let id = settings_url.split("flow=").nth(1).unwrap();
    let settings = k
        .get(&format!("/self-service/settings/flows?id={id}"))
        .await;
    assert_eq!(settings.status, 200);
    assert_eq!(settings.message_ids(), vec![1060001]);
    // The session is privileged: the password can be changed right away.
    let changed = k
        .submit(
            &settings.body,
            json!({"method": "password", "password": "a brand new password"}),
        )
        .await;
    assert_eq!(changed.status, 200);
    assert_eq!(
        k.other_browser()
            .login(DEMO.0, "a brand new password")
            .await
            .status,
        200
    );

    // Unknown addresses look the same (no enumeration) but no code works.
    let other = k.other_browser();
    let flow = other.create("recovery", "").await;
    let sent = other
        .submit(
            &flow,
            json!({"method": "code", "email": "nobody@example.com"}),
        )
        .await;
    assert_eq!(sent.body["state"], "sent_email");
    let mails = other.get("/__dev/mail?to=nobody@example.com").await.body;
    assert!(mails[0]["code"].is_null());
}

#[tokio::test]
async fn recovery_with_continue_with_transitions() {
    let k = Kratos::start(json!({"continue_with_transitions": true})).await;
    let flow = k.create("recovery", "").await;
    let sent = k
        .submit(&flow, json!({"method": "code", "email": DEMO.0}))
        .await;
    let code = k.mailed_code(DEMO.0).await;
    let done = k
        .submit(&sent.body, json!({"method": "code", "code": code}))
        .await;
    assert_eq!(done.status, 200);
    assert_eq!(done.body["state"], "passed_challenge");
    assert_eq!(done.body["continue_with"][0]["action"], "show_settings_ui");
    assert!(done.body["continue_with"][0]["flow"]["id"].is_string());
}

#[tokio::test]
async fn expired_recovery_and_verification_redirect_to_a_new_flow() {
    let k = Kratos::start(json!({})).await;
    for kind in ["recovery", "verification"] {
        let flow = k.create(kind, "").await;
        let id = flow["id"].as_str().unwrap();
        k.post(&format!("/__dev/flows/{id}/expire"), json!({}))
            .await;
        let expired = k
            .submit(&flow, json!({"method": "code", "email": DEMO.0}))
            .await;
        assert_eq!(expired.status, 303, "{kind}");
        let location = expired.location();
        assert!(
            location.starts_with(&format!("{}/self-service/{kind}/flows?id=", k.base)),
            "{location}"
        );
        // A followed redirect is a GET of the new flow, which explains itself.
        let followed = k.get(location.trim_start_matches(&k.base)).await;
        assert_eq!(followed.status, 200, "{kind}: {:?}", followed.body);
        let expected = if kind == "recovery" { 4060005 } else { 4070005 };
        assert_eq!(followed.message_ids(), vec![expected]);
    }
}

#[tokio::test]
async fn recovery_refuses_a_signed_in_browser() {
    let k = Kratos::start(json!({})).await;
    let before = k.create("recovery", "").await;
    k.login(DEMO.0, DEMO.1).await;
    let create = k.get("/self-service/recovery/browser").await;
    assert_eq!(
        (create.status, create.error_id()),
        (400, Some("session_already_available"))
    );
    // The e-mail step of a flow opened before signing in (with a token that
    // matches the CSRF cookie signing in renewed) is refused too.
    let fresh_token = csrf(&k.create("login", "?refresh=true").await);
    let email_step = k
        .submit(
            &before,
            json!({"method": "code", "email": DEMO.0, "csrf_token": fresh_token}),
        )
        .await;
    assert_eq!(
        (email_step.status, email_step.error_id()),
        (400, Some("session_already_available"))
    );
    let browser = k.navigate("/self-service/recovery/browser").await;
    assert_eq!(
        (browser.status, browser.location().as_str()),
        (303, "http://localhost:8080/")
    );
}

/// A recovery flow with a code sent to the demo account.
async fn recovery_sent(k: &Kratos) -> Value {
    let flow = k.create("recovery", "").await;
    k.submit(&flow, json!({"method": "code", "email": DEMO.0}))
        .await
        .body
}

#[tokio::test]
async fn recovery_retries_with_a_new_flow() {
    // Without continue_with transitions (Kratos's default): a 303 to the new
    // flow's JSON, which explains itself.
    let k = Kratos::start(json!({})).await;
    let mut flow = recovery_sent(&k).await;
    for attempt in 1..=5 {
        let wrong = k
            .submit(&flow, json!({"method": "code", "code": "000000x"}))
            .await;
        assert_eq!(
            (wrong.status, wrong.message_ids()),
            (200, vec![4060006]),
            "{attempt}"
        );
        flow = wrong.body;
    }
    let too_often = k
        .submit(&flow, json!({"method": "code", "code": "000000x"}))
        .await;
    assert_eq!(too_often.status, 303);
    let location = too_often.location();
    assert!(location.starts_with(&format!("{}/self-service/recovery/flows?id=", k.base)));
    assert!(
        !location.contains(flow["id"].as_str().unwrap()),
        "a new flow"
    );
    let next = k.get(location.trim_start_matches(&k.base)).await;
    assert_eq!(next.status, 200);
    assert_eq!(next.message_ids(), vec![4000001]);
    assert_eq!(
        next.body["ui"]["messages"][0]["context"]["reason"],
        "The request was submitted too often. Please request another code."
    );

    // A finished flow cannot be used again.
    let other = k.other_browser();
    let sent = recovery_sent(&other).await;
    let code = other.mailed_code(DEMO.0).await;
    let done = other
        .submit(&sent, json!({"method": "code", "code": code}))
        .await;
    assert_eq!(done.status, 422);
    // Signing in renewed the CSRF cookie; the finished flow carries it.
    let passed = other
        .get(&format!(
            "/self-service/recovery/flows?id={}",
            sent["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(passed.body["state"], "passed_challenge");
    let again = other
        .submit(&passed.body, json!({"method": "code", "code": code}))
        .await;
    assert_eq!(again.status, 303);
    let next = other
        .get(again.location().trim_start_matches(&other.base))
        .await;
    assert_eq!(next.message_ids(), vec![4060001]);

    // With transitions: a 410 whose details show the new recovery flow.
    let k = Kratos::start(json!({"continue_with_transitions": true})).await;
    let mut flow = recovery_sent(&k).await;
    for _ in 1..=5 {
        flow = k
            .submit(&flow, json!({"method": "code", "code": "000000x"}))
            .await
            .body;
    }
    let too_often = k
        .submit(&flow, json!({"method": "code", "code": "000000x"}))
        .await;
    assert_eq!((too_often.status, too_often.error_id()), (410, None));
    let item = &too_often.body["error"]["details"]["continue_with"][0];
    assert_eq!(item["action"], "show_recovery_ui");
    let id = item["flow"]["id"].as_str().unwrap();
    assert_eq!(
        k.get(&format!("/self-service/recovery/flows?id={id}"))
            .await
            .message_ids(),
        vec![4000001]
    );
}

#[tokio::test]
async fn recovery_can_skip_settings() {
    let k = Kratos::start(json!({})).await;
    let flow = k
        .create(
            "recovery",
            "?skip_settings=true&return_to=http://localhost:8080/recovered",
        )
        .await;
    let sent = k
        .submit(&flow, json!({"method": "code", "email": DEMO.0}))
        .await;
    let code = k.mailed_code(DEMO.0).await;
    let done = k
        .submit(&sent.body, json!({"method": "code", "code": code}))
        .await;
    assert_eq!(done.status, 200);
    assert_eq!(done.body["state"], "passed_challenge");
    assert!(
        done.body["continue_with"]
            .as_array()
            .is_none_or(Vec::is_empty)
    );
    assert_eq!(k.get("/sessions/whoami").await.status, 200);
}
