//! The verification flow.

use crate::common::Kratos;
use serde_json::{Value, json};

#[tokio::test]
async fn verification_by_code() {
    let k = Kratos::start(json!({})).await;
    k.register("verify-me@example.com", "a good password").await;
    let other = k.other_browser();
    let flow = other
        .create("verification", "?return_to=http://localhost:8080/verified")
        .await;
    let sent = other
        .submit(
            &flow,
            json!({"method": "code", "email": "verify-me@example.com"}),
        )
        .await;
    assert_eq!(
        (sent.status, sent.body["state"].as_str()),
        (200, Some("sent_email"))
    );
    assert_eq!(sent.message_ids(), vec![1080003]);
    let wrong = other
        .submit(&sent.body, json!({"method": "code", "code": "111111x"}))
        .await;
    // Kratos answers a wrong verification code with 200 and the flow.
    assert_eq!((wrong.status, wrong.message_ids()), (200, vec![4070006]));
    let code = other.mailed_code("verify-me@example.com").await;
    let done = other
        .submit(&wrong.body, json!({"method": "code", "code": code}))
        .await;
    assert_eq!(done.status, 200);
    assert_eq!(done.body["state"], "passed_challenge");
    assert_eq!(done.message_ids(), vec![1080002]);
    assert_eq!(done.body["ui"]["method"], "GET");
    assert_eq!(done.body["ui"]["action"], "http://localhost:8080/verified");
    let nodes = done.body["ui"]["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), 1, "only the continue link, no csrf node");
    assert_eq!(nodes[0]["type"], "a");
    assert_eq!(nodes[0]["attributes"]["id"], "continue");
    assert_eq!(
        nodes[0]["attributes"]["href"],
        "http://localhost:8080/verified"
    );
    let whoami = k.get("/sessions/whoami").await;
    assert_eq!(
        whoami.body["identity"]["verifiable_addresses"][0]["verified"],
        true
    );
}

#[tokio::test]
async fn verification_retries_replace_the_flow() {
    let k = Kratos::start(json!({})).await;
    k.register("replace-me@example.com", "a good password")
        .await;
    let other = k.other_browser();
    let send = |flow: Value| {
        let other = other.other_browser();
        async move {
            other
                .submit(
                    &flow,
                    json!({"method": "code", "email": "replace-me@example.com"}),
                )
                .await
        }
    };
    let _ = send;
    let flow = other.create("verification", "").await;
    let mut flow = other
        .submit(
            &flow,
            json!({"method": "code", "email": "replace-me@example.com"}),
        )
        .await
        .body;
    for _ in 1..=5 {
        let wrong = other
            .submit(&flow, json!({"method": "code", "code": "000000x"}))
            .await;
        assert_eq!((wrong.status, wrong.message_ids()), (200, vec![4070006]));
        flow = wrong.body;
    }
    let too_often = other
        .submit(&flow, json!({"method": "code", "code": "000000x"}))
        .await;
    assert_eq!(
        (too_often.status, too_often.error_id()),
        (410, Some("self_service_flow_replaced"))
    );
    let id = too_often.body["use_flow_id"].as_str().unwrap();
    assert_ne!(id, flow["id"].as_str().unwrap());
    let next = other
        .get(&format!("/self-service/verification/flows?id={id}"))
        .await;
    assert_eq!((next.status, next.message_ids()), (200, vec![4000001]));

    // Submitting a flow that already passed replaces it too.
    let sent = other
        .submit(
            &next.body,
            json!({"method": "code", "email": "replace-me@example.com"}),
        )
        .await
        .body;
    let code = other.mailed_code("replace-me@example.com").await;
    let done = other
        .submit(&sent, json!({"method": "code", "code": code}))
        .await;
    assert_eq!(done.body["state"], "passed_challenge");
    let again = other
        .submit(&sent, json!({"method": "code", "code": code}))
        .await;
    assert_eq!(
        (again.status, again.error_id()),
        (410, Some("self_service_flow_replaced"))
    );
    let id = again.body["use_flow_id"].as_str().unwrap();
    assert_eq!(
        other
            .get(&format!("/self-service/verification/flows?id={id}"))
            .await
            .message_ids(),
        vec![4070002]
    );
}

#[tokio::test]
async fn expired_recovery_and_verification_gets_have_no_error_id() {
    let k = Kratos::start(json!({})).await;
    for kind in ["recovery", "verification"] {
        let flow = k
            .create(kind, "?return_to=http://localhost:8080/back")
            .await;
        let id = flow["id"].as_str().unwrap();
        k.post(&format!("/__dev/flows/{id}/expire"), json!({}))
            .await;
        let gone = k.get(&format!("/self-service/{kind}/flows?id={id}")).await;
        assert_eq!((gone.status, gone.error_id()), (410, None), "{kind}");
        assert!(
            gone.body["error"]["details"]["redirect_to"]
                .as_str()
                .unwrap()
                .contains(&format!("/self-service/{kind}/browser?return_to="))
        );
    }
}
