//! The login flow.

use crate::common::{DEMO, Kratos, action, csrf, node, validate_component};
use serde_json::json;

#[tokio::test]
async fn login_create_errors() {
    let k = Kratos::start(json!({})).await;
    let bad_aal = k.get("/self-service/login/browser?aal=aal9").await;
    assert_eq!(bad_aal.status, 400);
    assert!(
        bad_aal.body["error"]["reason"]
            .as_str()
            .unwrap()
            .contains("aal9")
    );
    let aal1 = k.get("/self-service/login/browser?aal=aal2").await;
    assert_eq!(
        (aal1.status, aal1.error_id()),
        (401, Some("session_aal1_required"))
    );
    let forbidden = k
        .get("/self-service/login/browser?return_to=https://evil.example/")
        .await;
    assert_eq!(
        (forbidden.status, forbidden.error_id()),
        (400, Some("self_service_flow_return_to_forbidden"))
    );
    let allowed = k
        .create("login", "?return_to=http://localhost:8080/after")
        .await;
    assert_eq!(allowed["return_to"], "http://localhost:8080/after");

    k.login(DEMO.0, DEMO.1).await;
    let signed_in = k.get("/self-service/login/browser").await;
    assert_eq!(
        (signed_in.status, signed_in.error_id()),
        (400, Some("session_already_available"))
    );
    let browser = k
        .navigate("/self-service/login/browser?return_to=http://localhost:8080/x")
        .await;
    assert_eq!(
        (browser.status, browser.location().as_str()),
        (303, "http://localhost:8080/x")
    );
    let refresh = k.create("login", "?refresh=true").await;
    assert_eq!(refresh["refresh"], true);
    assert_eq!(
        node(&refresh, "identifier").unwrap()["attributes"]["type"],
        "hidden"
    );
    assert!(
        k.get("/self-service/login/browser?refresh=true").await.body["ui"]["messages"][0]["id"]
            == 1010003
    );
}

#[tokio::test]
async fn login_get_checks_csrf_existence_and_expiry() {
    let k = Kratos::start(json!({})).await;
    let flow = k
        .create("login", "?return_to=http://localhost:8080/back")
        .await;
    let id = flow["id"].as_str().unwrap();
    let fetched = k.get(&format!("/self-service/login/flows?id={id}")).await;
    assert_eq!(fetched.status, 200);
    assert_eq!(fetched.body["id"], id);

    let stranger = k.other_browser();
    let csrf_error = stranger
        .get(&format!("/self-service/login/flows?id={id}"))
        .await;
    assert_eq!(
        (csrf_error.status, csrf_error.error_id()),
        (403, Some("security_csrf_violation"))
    );
    assert!(csrf_error.body["error"]["details"]["reject_reason"].is_string());

    assert_eq!(
        k.get("/self-service/login/flows?id=00000000-0000-0000-0000-000000000000")
            .await
            .status,
        404
    );
    assert_eq!(k.get("/self-service/login/flows").await.status, 400);

    k.post(&format!("/__dev/flows/{id}/expire"), json!({}))
        .await;
    let expired = k.get(&format!("/self-service/login/flows?id={id}")).await;
    assert_eq!(
        (expired.status, expired.error_id()),
        (410, Some("self_service_flow_expired"))
    );
    assert!(
        expired.body.get("use_flow_id").is_none(),
        "the get endpoint gives no use_flow_id"
    );
    let details = &expired.body["error"]["details"];
    assert_eq!(details["return_to"], "http://localhost:8080/back");
    assert!(
        details["redirect_to"]
            .as_str()
            .unwrap()
            .contains("/self-service/login/browser?return_to=")
    );
}

#[tokio::test]
async fn login_with_password() {
    let k = Kratos::start(json!({})).await;
    let flow = k
        .create("login", "?return_to=http://localhost:8080/next")
        .await;

    let missing = k
        .submit(&flow, json!({"method": "password", "identifier": DEMO.0}))
        .await;
    assert_eq!(missing.status, 400);
    assert_eq!(missing.node_message_ids("password"), vec![4000002]);
    assert_eq!(
        node(&missing.body, "identifier").unwrap()["attributes"]["value"],
        DEMO.0
    );

    let wrong = k
        .submit(
            &missing.body,
            json!({"method": "password", "identifier": DEMO.0, "password": "wrong-password"}),
        )
        .await;
    assert_eq!(wrong.status, 400);
    assert_eq!(wrong.message_ids(), vec![4000006]);
    assert!(
        node(&wrong.body, "password").unwrap()["attributes"]
            .get("value")
            .is_none(),
        "passwords are never echoed"
    );

    let before = k.cookie_names();
    let ok = k
        .submit(
            &wrong.body,
            json!({"method": "password", "identifier": DEMO.0, "password": DEMO.1}),
        )
        .await;
    assert_eq!(ok.status, 200);
    assert!(
        ok.body.get("session_token").is_none(),
        "browser flows get no token"
    );
    assert_eq!(ok.body["session"]["identity"]["traits"]["email"], DEMO.0);
    assert_eq!(ok.body["session"]["authenticator_assurance_level"], "aal1");
    assert_eq!(ok.body["continue_with"][0]["action"], "redirect_browser_to");
    assert_eq!(
        ok.body["continue_with"][0]["redirect_browser_to"],
        "http://localhost:8080/next"
    );
    let cookies = ok.set_cookies();
    let session = cookies
        .iter()
        .find(|c| c.starts_with("ory_kratos_session="))
        .unwrap();
    assert!(
        session.contains("HttpOnly")
            && session.contains("SameSite=Lax")
            && session.contains("Max-Age=")
    );
    assert!(
        cookies.iter().any(|c| c.starts_with("csrf_token_")),
        "a new CSRF cookie after login"
    );
    assert!(before.iter().any(|n| n.starts_with("csrf_token_")));

    // The old flow's token no longer matches the regenerated cookie.
    let stale = k.create("login", "?refresh=true").await;
    let old = k.submit(&stale, json!({"method": "password", "identifier": DEMO.0, "password": DEMO.1, "csrf_token": csrf(&flow)})).await;
    assert_eq!(
        (old.status, old.error_id()),
        (403, Some("security_csrf_violation"))
    );
}

#[tokio::test]
async fn login_submit_answers() {
    let k = Kratos::start(json!({})).await;
    let flow = k.create("login", "").await;

    let no_method = k.submit(&flow, json!({"identifier": DEMO.0})).await;
    assert_eq!(
        (no_method.status, no_method.message_ids()),
        (400, vec![4010002])
    );

    let no_token = k
        .post(
            &action(&flow),
            json!({"method": "password", "identifier": DEMO.0, "password": DEMO.1}),
        )
        .await;
    assert_eq!(
        (no_token.status, no_token.error_id()),
        (403, Some("security_csrf_violation"))
    );
    let forged = k.submit(&flow, json!({"method": "password", "identifier": DEMO.0, "password": DEMO.1, "csrf_token": "Zm9yZ2Vk"})).await;
    assert_eq!(forged.status, 403);

    let malformed = k
        .client
        .post(format!("{}{}", k.base, action(&flow)))
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(malformed.status(), 400);

    let id = flow["id"].as_str().unwrap();
    k.post(&format!("/__dev/flows/{id}/expire"), json!({}))
        .await;
    let expired = k
        .submit(
            &flow,
            json!({"method": "password", "identifier": DEMO.0, "password": DEMO.1}),
        )
        .await;
    assert_eq!(
        (expired.status, expired.error_id()),
        (410, Some("self_service_flow_expired"))
    );
    validate_component("selfServiceFlowExpiredError", &expired.body);
    let new_id = expired.body["use_flow_id"].as_str().unwrap();
    assert!(expired.body["expired_at"].is_string() && expired.body["since"].is_i64());
    let replacement = k
        .get(&format!("/self-service/login/flows?id={new_id}"))
        .await;
    assert_eq!(replacement.message_ids(), vec![4010001]);

    let ok = k
        .submit(
            &replacement.body,
            json!({"method": "password", "identifier": DEMO.0, "password": DEMO.1}),
        )
        .await;
    assert_eq!(ok.status, 200);
    let unknown = k.get("/self-service/login/flows?id=nope").await;
    assert_eq!(unknown.status, 404);
}

#[tokio::test]
async fn a_session_blocks_a_second_login_on_an_old_flow() {
    let k = Kratos::start(json!({})).await;
    let first = k.create("login", "").await;
    let second = k.create("login", "").await;
    let signed_in = k
        .submit(
            &first,
            json!({"method": "password", "identifier": DEMO.0, "password": DEMO.1}),
        )
        .await;
    assert_eq!(signed_in.status, 200);
    // The CSRF cookie was regenerated: flows created before fail CSRF...
    let stale = k
        .get(&format!(
            "/self-service/login/flows?id={}",
            second["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(stale.status, 403);
    // ...and with a token for the new cookie, a non-refresh flow says a
    // session exists (400 flow with 4000001).
    let token = csrf(&k.create("login", "?refresh=true").await);
    let blocked = k
        .submit(&second, json!({"method": "password", "identifier": DEMO.0, "password": DEMO.1, "csrf_token": token}))
        .await;
    assert_eq!(
        (blocked.status, blocked.message_ids()),
        (400, vec![4000001])
    );
}

#[tokio::test]
async fn browsers_posting_forms_get_redirects() {
    let k = Kratos::start(json!({})).await;
    let flow = k
        .create("login", "?return_to=http://localhost:8080/home")
        .await;
    let spare = k.create("login", "").await;
    let path = action(&flow);
    let token = csrf(&flow);
    let wrong = k
        .post_form(
            &path,
            &[
                ("csrf_token", &token),
                ("method", "password"),
                ("identifier", DEMO.0),
                ("password", "nope-nope"),
            ],
        )
        .await;
    assert_eq!(wrong.status, 303);
    assert!(
        wrong
            .location()
            .starts_with("http://localhost:8080/login?flow=")
    );
    let ok = k
        .post_form(
            &path,
            &[
                ("csrf_token", &token),
                ("method", "password"),
                ("identifier", DEMO.0),
                ("password", DEMO.1),
            ],
        )
        .await;
    assert_eq!(
        (ok.status, ok.location().as_str()),
        (303, "http://localhost:8080/home")
    );
    let csrf_failure = k
        .other_browser()
        .post_form(&action(&spare), &[("method", "password")])
        .await;
    assert_eq!(csrf_failure.status, 303);
    let error_page = csrf_failure.location();
    assert!(
        error_page.starts_with("http://localhost:8080/error?id="),
        "{error_page}"
    );
    let id = error_page.split("id=").nth(1).unwrap();
    let stored = k.get(&format!("/self-service/errors?id={id}")).await;
    assert_eq!(stored.status, 200);
    assert_eq!(stored.body["error"]["id"], "security_csrf_violation");
}

#[tokio::test]
async fn login_by_code() {
    let k = Kratos::start(json!({})).await;
    let flow = k.create("login", "").await;
    let unknown = k
        .submit(
            &flow,
            json!({"method": "code", "identifier": "nobody@example.com"}),
        )
        .await;
    assert_eq!(
        (unknown.status, unknown.message_ids()),
        (400, vec![4000035])
    );
    let sent = k
        .submit(
            &unknown.body,
            json!({"method": "code", "identifier": DEMO.0}),
        )
        .await;
    assert_eq!(
        sent.status, 400,
        "the first-factor 'code sent' step answers 400"
    );
    assert_eq!(sent.body["state"], "sent_email");
    assert_eq!(sent.body["active"], "code");
    assert_eq!(sent.message_ids(), vec![1010014]);
    assert_eq!(
        node(&sent.body, "code").unwrap()["attributes"]["autocomplete"],
        "one-time-code"
    );
    let wrong = k
        .submit(
            &sent.body,
            json!({"method": "code", "identifier": DEMO.0, "code": "000000x"}),
        )
        .await;
    assert_eq!((wrong.status, wrong.message_ids()), (400, vec![4010008]));
    let resent = k
        .submit(
            &wrong.body,
            json!({"method": "code", "identifier": DEMO.0, "resend": "code"}),
        )
        .await;
    assert_eq!(resent.message_ids(), vec![1010014]);
    let code = k.mailed_code(DEMO.0).await;
    let ok = k
        .submit(
            &resent.body,
            json!({"method": "code", "identifier": DEMO.0, "code": code}),
        )
        .await;
    assert_eq!(ok.status, 200);
    assert_eq!(
        ok.body["session"]["authentication_methods"][0]["method"],
        "code"
    );
}

#[tokio::test]
async fn identifier_first_login() {
    let k = Kratos::start(json!({"identifier_first": true})).await;
    let flow = k.create("login", "").await;
    assert_eq!(
        node(&flow, "identifier").unwrap()["group"],
        "identifier_first"
    );
    assert!(node(&flow, "password").is_none());
    let unknown = k
        .submit(
            &flow,
            json!({"method": "identifier_first", "identifier": "nobody@example.com"}),
        )
        .await;
    assert_eq!(
        (unknown.status, unknown.message_ids()),
        (400, vec![4000037])
    );
    let step2 = k
        .submit(
            &unknown.body,
            json!({"method": "identifier_first", "identifier": DEMO.0}),
        )
        .await;
    assert_eq!(step2.status, 400, "step 2 is a 400 with the flow");
    assert_eq!(
        node(&step2.body, "identifier").unwrap()["attributes"]["type"],
        "hidden"
    );
    assert!(node(&step2.body, "password").is_some());
    let ok = k
        .submit(
            &step2.body,
            json!({"method": "password", "identifier": DEMO.0, "password": DEMO.1}),
        )
        .await;
    assert_eq!(ok.status, 200);
}

#[tokio::test]
async fn a_return_to_forbidden_at_completion_becomes_a_message() {
    let k = Kratos::start(
        json!({"allowed_return_urls": ["http://localhost:8080/", "https://shop.example/"]}),
    )
    .await;
    let flow = k
        .create("login", "?return_to=https%3A%2F%2Fshop.example%2Fcart")
        .await;
    k.configure(json!({"allowed_return_urls": ["http://localhost:8080/"]}))
        .await;
    let answer = k
        .submit(
            &flow,
            json!({"method": "password", "identifier": DEMO.0, "password": DEMO.1}),
        )
        .await;
    assert_eq!(answer.status, 400);
    assert_eq!(answer.message_ids(), vec![4000001]);
    assert!(
        answer.body["ui"]["messages"][0]["text"]
            .as_str()
            .unwrap()
            .contains("is not allowed")
    );
    assert_eq!(k.get("/sessions/whoami").await.status, 401, "no session");
}
