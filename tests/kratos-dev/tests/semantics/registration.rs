//! The registration flow.

use crate::common::{DEMO, Kratos, node};
use serde_json::{Value, json};

#[tokio::test]
async fn registration_with_password() {
    let k = Kratos::start(json!({})).await;
    let flow = k.create("registration", "").await;
    assert_eq!(
        node(&flow, "traits.email").unwrap()["attributes"]["type"],
        "email"
    );
    assert_eq!(
        node(&flow, "password").unwrap()["attributes"]["autocomplete"],
        "new-password"
    );

    let empty = k.submit(&flow, json!({"method": "password"})).await;
    assert_eq!(empty.status, 400);
    assert_eq!(empty.node_message_ids("traits.email"), vec![4000002]);
    assert_eq!(empty.node_message_ids("password"), vec![4000002]);
    let invalid = k
        .submit(
            &empty.body,
            json!({"method": "password", "traits": {"email": "not-an-email"}, "password": "short"}),
        )
        .await;
    assert_eq!(invalid.node_message_ids("traits.email"), vec![4000040]);
    assert_eq!(invalid.node_message_ids("password"), vec![4000032]);
    assert_eq!(
        node(&invalid.body, "traits.email").unwrap()["attributes"]["value"],
        "not-an-email"
    );
    let similar = k.submit(&invalid.body, json!({"method": "password", "traits": {"email": "alice@example.com"}, "password": "alice@example.com"})).await;
    assert_eq!(similar.node_message_ids("password"), vec![4000031]);
    let duplicate = k.submit(&similar.body, json!({"method": "password", "traits": {"email": DEMO.0}, "password": "a good password"})).await;
    assert_eq!(duplicate.message_ids(), vec![4000007]);

    let ok = k
        .submit(&duplicate.body, json!({"method": "password", "traits.email": "new@example.com", "traits.newsletter": "true", "password": "a good password"}))
        .await;
    assert_eq!(ok.status, 200, "{:?}", ok.body);
    assert_eq!(ok.body["identity"]["traits"]["email"], "new@example.com");
    assert_eq!(
        ok.body["identity"]["traits"]["newsletter"], true,
        "booleans are typed from the schema"
    );
    assert_eq!(
        ok.body["identity"]["verifiable_addresses"][0]["verified"],
        false
    );
    assert_eq!(
        ok.body["session"]["identity"]["id"],
        ok.body["identity"]["id"]
    );
    assert!(
        ok.set_cookies()
            .iter()
            .any(|c| c.starts_with("ory_kratos_session="))
    );
    let actions: Vec<&str> = ok.body["continue_with"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, vec!["show_verification_ui", "redirect_browser_to"]);
    let verification = &ok.body["continue_with"][0]["flow"];
    assert_eq!(verification["verifiable_address"], "new@example.com");
    let flow = k
        .get(&format!(
            "/self-service/verification/flows?id={}",
            verification["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(flow.body["state"], "sent_email");
    assert!(k.mailed_code("new@example.com").await.len() == 6);
}

#[tokio::test]
async fn registration_create_and_submit_while_signed_in_or_disabled() {
    let k = Kratos::start(json!({})).await;
    let flow = k.create("registration", "").await;
    k.login(DEMO.0, DEMO.1).await;
    let create = k.get("/self-service/registration/browser").await;
    assert_eq!(
        (create.status, create.error_id()),
        (400, Some("session_already_available"))
    );
    // Kratos's quirk: a signed-in browser's registration submit is a 303 home, even for JSON.
    let submit = k.submit(&flow, json!({"method": "password", "traits": {"email": "x@example.com"}, "password": "a good password"})).await;
    assert_eq!(
        (submit.status, submit.location().as_str()),
        (303, "http://localhost:8080/")
    );

    let disabled = Kratos::start(json!({"registration_enabled": false})).await;
    let answer = disabled.get("/self-service/registration/browser").await;
    assert_eq!(
        (answer.status, answer.error_id()),
        (400, Some("self_service_flow_disabled"))
    );
}

#[tokio::test]
async fn two_step_registration() {
    let k = Kratos::start(json!({"two_step_registration": true})).await;
    let flow = k.create("registration", "").await;
    assert!(node(&flow, "password").is_none());
    let profile_button = flow["ui"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["attributes"]["value"] == "profile")
        .unwrap();
    assert_eq!(profile_button["group"], "profile");
    let invalid = k
        .submit(
            &flow,
            json!({"method": "profile", "traits": {"email": "bad"}}),
        )
        .await;
    assert_eq!(invalid.node_message_ids("traits.email"), vec![4000040]);
    let step2 = k.submit(&invalid.body, json!({"method": "profile", "traits": {"email": "two@example.com", "name": {"first": "Two"}}})).await;
    assert_eq!(step2.status, 400);
    assert_eq!(
        node(&step2.body, "traits.email").unwrap()["attributes"]["type"],
        "hidden"
    );
    assert!(node(&step2.body, "password").is_some());
    assert!(node(&step2.body, "screen").is_some());
    let back = k.submit(&step2.body, json!({"method": "profile", "screen": "previous", "traits": {"email": "two@example.com", "name": {"first": "Two"}}})).await;
    assert_eq!(
        node(&back.body, "traits.email").unwrap()["attributes"]["type"],
        "email"
    );
    assert_eq!(
        node(&back.body, "traits.name.first").unwrap()["attributes"]["value"],
        "Two"
    );
    let step2 = k
        .submit(
            &back.body,
            json!({"method": "profile", "traits": {"email": "two@example.com"}}),
        )
        .await;
    let ok = k.submit(&step2.body, json!({"method": "password", "traits": {"email": "two@example.com"}, "password": "a good password"})).await;
    assert_eq!(ok.status, 200);
}

#[tokio::test]
async fn registration_by_code() {
    let k = Kratos::start(json!({})).await;
    let flow = k.create("registration", "").await;
    let sent = k
        .submit(
            &flow,
            json!({"method": "code", "traits": {"email": "coded@example.com"}}),
        )
        .await;
    assert_eq!(
        (sent.status, sent.body["state"].as_str()),
        (400, Some("sent_email"))
    );
    assert_eq!(sent.message_ids(), vec![1040005]);
    let wrong = k
        .submit(&sent.body, json!({"method": "code", "code": "999999x"}))
        .await;
    assert_eq!(wrong.message_ids(), vec![4040003]);
    let code = k.mailed_code("coded@example.com").await;
    let ok = k
        .submit(&wrong.body, json!({"method": "code", "code": code}))
        .await;
    assert_eq!(ok.status, 200);
    assert_eq!(
        ok.body["identity"]["verifiable_addresses"][0]["verified"], true,
        "the code proved the address"
    );
    assert!(
        ok.body["continue_with"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["action"] != "show_verification_ui")
    );
}

#[tokio::test]
async fn two_step_registration_goes_back_from_the_code_step_only() {
    let k = Kratos::start(json!({"two_step_registration": true})).await;
    let flow = k.create("registration", "").await;
    let traits = json!({"email": "back-again@example.com"});
    let choose = k
        .submit(&flow, json!({"method": "profile", "traits": traits}))
        .await;
    let screens = |flow: &Value| -> Vec<String> {
        flow["ui"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["attributes"]["name"] == "screen")
            .map(|n| {
                n["attributes"]["value"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect()
    };
    assert_eq!(screens(&choose.body), ["previous"]);
    let sent = k
        .submit(&choose.body, json!({"method": "code", "traits": traits}))
        .await;
    assert_eq!(sent.body["state"], "sent_email");
    assert_eq!(screens(&sent.body), ["credential-selection"]);
    let back = &sent.body["ui"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["attributes"]["name"] == "screen")
        .unwrap()["meta"]["label"];
    assert_eq!(back["id"], 1040008);
    let again = k
        .submit(
            &sent.body,
            json!({"method": "profile", "screen": "credential-selection", "traits": traits}),
        )
        .await;
    assert_eq!(again.status, 400);
    assert_eq!(again.body["state"], "choose_method");
    assert_eq!(screens(&again.body), ["previous"]);
    assert!(node(&again.body, "password").is_some());
}
