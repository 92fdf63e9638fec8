//! The development server against the response tables of Kratos's browser
//! flows (statuses, error ids, bodies, as Kratos's handlers answer), over
//! real HTTP on loopback. Every JSON answer is also checked against the
//! Kratos OpenAPI spec (see `common::Kratos::send`).

mod common;

use common::{DEMO, Kratos, action, csrf, node, validate_component};
use serde_json::{Value, json};

// §0 and §1: negotiation, envelopes.

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

// §3 Login.

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

// §2 and §3: second factors, AAL.

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

// §2 OIDC.

#[tokio::test]
async fn oidc_login_goes_through_the_provider_page() {
    let k = Kratos::start(json!({})).await;
    let flow = k
        .create("login", "?return_to=http://localhost:8080/after-oidc")
        .await;
    let started = k
        .submit(&flow, json!({"method": "oidc", "provider": "fake"}))
        .await;
    assert_eq!(
        (started.status, started.error_id()),
        (422, Some("browser_location_change_required"))
    );
    assert!(
        started
            .set_cookies()
            .iter()
            .any(|c| c.starts_with("ory_kratos_continuity="))
    );
    let provider = started.body["redirect_browser_to"]
        .as_str()
        .unwrap()
        .to_owned();
    let page = k.navigate(provider.trim_start_matches(&k.base)).await;
    assert_eq!(page.status, 200);
    let state = provider.split("state=").nth(1).unwrap();
    let back = k
        .post_form(
            "/__dev/oidc/authorize",
            &[
                ("state", state),
                ("email", "social@example.com"),
                ("action", "allow"),
            ],
        )
        .await;
    assert_eq!(back.status, 303);
    let callback = back.location();
    assert!(callback.contains("/self-service/methods/oidc/callback/fake?code="));
    let done = k.navigate(callback.trim_start_matches(&k.base)).await;
    assert_eq!(
        (done.status, done.location().as_str()),
        (303, "http://localhost:8080/after-oidc")
    );
    let whoami = k.get("/sessions/whoami").await;
    assert_eq!(
        whoami.body["identity"]["traits"]["email"],
        "social@example.com"
    );
    assert_eq!(whoami.body["authentication_methods"][0]["provider"], "fake");

    // The same e-mail as an existing password account: sign in there first.
    let other = k.other_browser();
    let flow = other.create("login", "").await;
    let started = other.submit(&flow, json!({"provider": "fake"})).await;
    let provider = started.body["redirect_browser_to"]
        .as_str()
        .unwrap()
        .to_owned();
    let state = provider.split("state=").nth(1).unwrap();
    let back = other
        .post_form(
            "/__dev/oidc/authorize",
            &[("state", state), ("email", DEMO.0), ("action", "allow")],
        )
        .await;
    let done = other
        .navigate(back.location().trim_start_matches(&k.base))
        .await;
    assert!(
        done.location()
            .starts_with("http://localhost:8080/login?flow=")
    );
    let id = done.location().split("flow=").nth(1).unwrap().to_owned();
    let login = other
        .get(&format!("/self-service/login/flows?id={id}"))
        .await;
    assert_eq!(login.message_ids(), vec![1010016]);

    // Cancelling at the provider comes back with a message.
    let third = k.other_browser();
    let flow = third.create("registration", "").await;
    let started = third
        .submit(&flow, json!({"method": "oidc", "provider": "fake"}))
        .await;
    let state = started.body["redirect_browser_to"]
        .as_str()
        .unwrap()
        .split("state=")
        .nth(1)
        .unwrap()
        .to_owned();
    let back = third
        .post_form(
            "/__dev/oidc/authorize",
            &[("state", &state), ("action", "deny")],
        )
        .await;
    let done = third
        .navigate(back.location().trim_start_matches(&k.base))
        .await;
    assert!(
        done.location()
            .starts_with("http://localhost:8080/registration?flow=")
    );
}

// §4 Registration.

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

// §5 Recovery.

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

// §6 Verification.

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

// §7 Settings.

#[tokio::test]
async fn settings_need_a_session() {
    let k = Kratos::start(json!({})).await;
    let create = k.get("/self-service/settings/browser").await;
    assert_eq!(
        (create.status, create.error_id()),
        (401, Some("session_inactive"))
    );
    let browser = k.navigate("/self-service/settings/browser").await;
    assert_eq!(browser.status, 303);
    assert!(
        browser
            .location()
            .contains("/self-service/login/browser?return_to=")
    );

    k.login(DEMO.0, DEMO.1).await;
    let flow = k.create("settings", "").await;
    assert_eq!(flow["state"], "show_form");
    assert_eq!(flow["identity"]["traits"]["email"], DEMO.0);
    let id = flow["id"].as_str().unwrap();
    // The get endpoint: the session protects it (no CSRF check); plain 401 without one.
    let anonymous = k
        .other_browser()
        .get(&format!("/self-service/settings/flows?id={id}"))
        .await;
    assert_eq!((anonymous.status, anonymous.error_id()), (401, None));
    let intruder = k.other_browser();
    intruder
        .register("intruder@example.com", "a good password")
        .await;
    let mismatch = intruder
        .get(&format!("/self-service/settings/flows?id={id}"))
        .await;
    assert_eq!(
        (mismatch.status, mismatch.error_id()),
        (403, Some("security_identity_mismatch"))
    );
    let submit = intruder
        .submit(
            &flow,
            json!({"method": "profile", "traits": {"email": "x@example.com"}}),
        )
        .await;
    assert_eq!(submit.status, 403);

    k.post(&format!("/__dev/flows/{id}/expire"), json!({}))
        .await;
    let expired = k
        .get(&format!("/self-service/settings/flows?id={id}"))
        .await;
    assert_eq!(
        (expired.status, expired.error_id()),
        (410, None),
        "settings' 410 has no id"
    );
    assert!(expired.body["error"]["details"]["redirect_to"].is_string());
    let submitted = k
        .submit(
            &flow,
            json!({"method": "profile", "traits": {"email": DEMO.0}}),
        )
        .await;
    assert_eq!(
        (submitted.status, submitted.error_id()),
        (410, Some("self_service_flow_expired"))
    );
    assert!(submitted.body["use_flow_id"].is_string());
}

#[tokio::test]
async fn settings_profile_and_password() {
    let k = Kratos::start(json!({"required_aal": "aal1"})).await;
    k.login(DEMO.0, DEMO.1).await;
    let flow = k
        .create("settings", "?return_to=http://localhost:8080/profile-done")
        .await;
    let invalid = k
        .submit(&flow, json!({"method": "profile", "traits": {"email": ""}}))
        .await;
    assert_eq!(
        (invalid.status, invalid.node_message_ids("traits.email")),
        (400, vec![4000002])
    );
    let saved = k
        .submit(
            &invalid.body,
            json!({"method": "profile", "traits": {"email": DEMO.0, "name": {"first": "Ada"}}}),
        )
        .await;
    assert_eq!(
        (saved.status, saved.body["state"].as_str()),
        (200, Some("success"))
    );
    assert_eq!(saved.message_ids(), vec![1050001]);
    assert_eq!(saved.body["ui"]["messages"][0]["type"], "success");
    assert_eq!(saved.body["identity"]["traits"]["name"]["first"], "Ada");
    let last = saved.body["continue_with"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        last["redirect_browser_to"],
        "http://localhost:8080/profile-done"
    );
    assert!(
        saved
            .set_cookies()
            .iter()
            .any(|c| c.starts_with("ory_kratos_session=")),
        "the session cookie is re-issued"
    );

    let short = k
        .submit(
            &saved.body,
            json!({"method": "password", "password": "short"}),
        )
        .await;
    assert_eq!(short.node_message_ids("password"), vec![4000032]);
    let same = k
        .submit(
            &short.body,
            json!({"method": "password", "password": DEMO.1}),
        )
        .await;
    assert_eq!(
        same.node_message_ids("password"),
        vec![4000039],
        "{}",
        same.body
    );
    let changed = k
        .submit(
            &same.body,
            json!({"method": "password", "password": "another good password"}),
        )
        .await;
    assert_eq!(changed.status, 200);

    // Changing the e-mail sends a verification code and says so.
    let email = k
        .submit(
            &changed.body,
            json!({"method": "profile", "traits": {"email": "ada@example.com"}}),
        )
        .await;
    assert_eq!(email.status, 200);
    assert_eq!(
        email.body["continue_with"][0]["action"],
        "show_verification_ui"
    );
    assert_eq!(
        email.body["identity"]["verifiable_addresses"][0]["verified"],
        false
    );
}

#[tokio::test]
async fn privileged_changes_need_a_fresh_login() {
    let k = Kratos::start(json!({"required_aal": "aal1"})).await;
    k.login(DEMO.0, DEMO.1).await;
    let flow = k.create("settings", "").await;
    k.post("/__dev/sessions/age", json!({"seconds": 3600}))
        .await;
    let refused = k
        .submit(
            &flow,
            json!({"method": "password", "password": "another good password"}),
        )
        .await;
    assert_eq!(
        (refused.status, refused.error_id()),
        (403, Some("session_refresh_required"))
    );
    let target = refused.body["redirect_browser_to"].as_str().unwrap();
    assert!(target.contains("/self-service/login/browser?refresh=true&return_to="));
    assert!(target.contains("self-service%2Fsettings%3Fflow%3D"));
    // A profile change that keeps the e-mail is not privileged.
    let profile = k
        .submit(
            &flow,
            json!({"method": "profile", "traits": {"email": DEMO.0, "name": {"last": "Later"}}}),
        )
        .await;
    assert_eq!(profile.status, 200);
    // Re-authenticating (refresh) makes it privileged again; Kratos's own
    // settings URL then sends browsers back to the settings UI.
    let refresh = k.create("login", "?refresh=true").await;
    assert_eq!(
        k.submit(
            &refresh,
            json!({"method": "password", "identifier": DEMO.0, "password": DEMO.1})
        )
        .await
        .status,
        200
    );
    let ok = k
        .submit(
            &profile.body,
            json!({"method": "password", "password": "another good password"}),
        )
        .await;
    assert_eq!(ok.status, 200);
    let back = k
        .navigate(&format!(
            "/self-service/settings?flow={}",
            flow["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(back.status, 303);
    assert!(
        back.location()
            .starts_with("http://localhost:8080/settings?flow=")
    );
}

#[tokio::test]
async fn settings_link_and_unlink_the_provider() {
    let k = Kratos::start(json!({"required_aal": "aal1"})).await;
    k.login(DEMO.0, DEMO.1).await;
    let flow = k.create("settings", "").await;
    assert_eq!(node(&flow, "link").unwrap()["attributes"]["value"], "fake");
    let started = k
        .submit(&flow, json!({"method": "oidc", "link": "fake"}))
        .await;
    assert_eq!(started.status, 422);
    let state = started.body["redirect_browser_to"]
        .as_str()
        .unwrap()
        .split("state=")
        .nth(1)
        .unwrap()
        .to_owned();
    let back = k
        .post_form(
            "/__dev/oidc/authorize",
            &[
                ("state", &state),
                ("email", "linked@example.com"),
                ("action", "allow"),
            ],
        )
        .await;
    let done = k
        .navigate(back.location().trim_start_matches(&k.base))
        .await;
    assert!(
        done.location()
            .starts_with("http://localhost:8080/settings?flow=")
    );
    let linked = k
        .get(&format!(
            "/self-service/settings/flows?id={}",
            flow["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(linked.body["state"], "success");
    assert!(node(&linked.body, "unlink").is_some());
    let unlinked = k.submit(&linked.body, json!({"unlink": "fake"})).await;
    assert_eq!(unlinked.status, 200);
    assert!(node(&unlinked.body, "link").is_some());
}

// §8 Logout, whoami, errors, webauthn.js.

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

// §9 CORS and faults.

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

// WebAuthn and passkeys: ceremonies are verified (the end-to-end tests run
// real ones with Chromium's virtual authenticator); invalid ones are refused.

#[tokio::test]
async fn invalid_webauthn_ceremonies_are_refused_with_fresh_challenges() {
    let k = Kratos::start(json!({})).await;
    let flow = k.create("login", "").await;
    let before = node(&flow, "passkey_challenge").unwrap()["attributes"]["value"].clone();
    let forged = json!({"id": "AAAA", "rawId": "AAAA", "type": "public-key",
        "response": {"authenticatorData": "AAAA", "clientDataJSON": "AAAA", "signature": "AAAA", "userHandle": "AAAA"}});
    let refused = k
        .submit(&flow, json!({"passkey_login": forged.to_string()}))
        .await;
    assert_eq!(
        (refused.status, refused.message_ids()),
        (400, vec![4000043])
    );
    let after = node(&refused.body, "passkey_challenge").unwrap()["attributes"]["value"].clone();
    assert_ne!(before, after, "a used challenge is replaced");
    let options: serde_json::Value = serde_json::from_str(after.as_str().unwrap()).unwrap();
    assert_eq!(options["publicKey"]["rpId"], "localhost");

    let registration = k.create("registration", "").await;
    let create: serde_json::Value = serde_json::from_str(
        node(&registration, "passkey_create_data").unwrap()["attributes"]["value"]
            .as_str()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        create["credentialOptions"]["publicKey"]["authenticatorSelection"]["residentKey"],
        "required"
    );
    assert_eq!(create["displayNameFieldName"], "traits.email");
    let attestation = json!({"id": "AAAA", "rawId": "AAAA", "type": "public-key",
        "response": {"attestationObject": "AAAA", "clientDataJSON": "AAAA"}});
    let refused = k
        .submit(&registration, json!({"traits": {"email": "pk@example.com"}, "passkey_register": attestation.to_string()}))
        .await;
    assert_eq!(
        (refused.status, refused.message_ids()),
        (400, vec![4000043])
    );
    assert!(
        k.get("/__dev/identities")
            .await
            .body
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["traits"]["email"] != "pk@example.com")
    );

    k.login(DEMO.0, DEMO.1).await;
    let settings = k.create("settings", "").await;
    let trigger = node(&settings, "webauthn_register_trigger").unwrap();
    assert_eq!(
        trigger["attributes"]["onclickTrigger"],
        "oryWebAuthnRegistration"
    );
    let options: serde_json::Value =
        serde_json::from_str(trigger["attributes"]["value"].as_str().unwrap()).unwrap();
    assert!(options["publicKey"]["challenge"].is_string());
    assert!(node(&settings, "passkey_settings_register").is_some());
    let refused = k.submit(&settings, json!({"webauthn_register": attestation.to_string(), "webauthn_register_displayname": "x"})).await;
    assert_eq!(refused.status, 400);
}

// Safety of the development server itself.

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

// Kratos's answers that a kinder server would leave out.

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

#[tokio::test]
async fn a_new_address_is_applied_once_verified() {
    let k = Kratos::start(json!({"verify_new_address": true, "required_aal": "aal1"})).await;
    k.register("old-address@example.com", "a good password")
        .await;
    let flow = k.create("settings", "").await;
    let changed = k
        .submit(
            &flow,
            json!({"method": "profile", "traits": {"email": "new-address@example.com"}}),
        )
        .await;
    assert_eq!(changed.status, 200);
    assert_eq!(changed.body["state"], "show_form");
    let item = &changed.body["continue_with"][0];
    assert_eq!(item["action"], "show_verification_ui");
    assert_eq!(
        item["flow"]["verifiable_address"],
        "new-address@example.com"
    );
    let whoami = k.get("/sessions/whoami").await;
    assert_eq!(
        whoami.body["identity"]["traits"]["email"],
        "old-address@example.com"
    );
    let verification_id = item["flow"]["id"].as_str().unwrap();
    let verification = k
        .get(&format!(
            "/self-service/verification/flows?id={verification_id}"
        ))
        .await;
    let code = k.mailed_code("new-address@example.com").await;
    let done = k
        .submit(&verification.body, json!({"method": "code", "code": code}))
        .await;
    assert_eq!(done.body["state"], "passed_challenge");
    let whoami = k.get("/sessions/whoami").await;
    assert_eq!(
        whoami.body["identity"]["traits"]["email"],
        "new-address@example.com"
    );
}

#[tokio::test]
async fn a_change_that_needed_a_fresh_login_is_applied_after_it() {
    let k = Kratos::start(json!({"required_aal": "aal1"})).await;
    k.login(DEMO.0, DEMO.1).await;
    let flow = k.create("settings", "").await;
    let id = flow["id"].as_str().unwrap().to_owned();
    k.post("/__dev/sessions/age", json!({"seconds": 3600}))
        .await;
    let refused = k
        .submit(
            &flow,
            json!({"method": "password", "password": "changed after refresh"}),
        )
        .await;
    assert_eq!(refused.error_id(), Some("session_refresh_required"));
    assert!(
        refused
            .set_cookies()
            .iter()
            .any(|c| c.starts_with("ory_kratos_continuity=")),
        "the change is tied to this browser"
    );
    // Re-authenticate; the browser then follows return_to, Kratos's own
    // settings URL, which applies the paused change.
    let refresh = k.create("login", "?refresh=true").await;
    let login = k
        .submit(
            &refresh,
            json!({"method": "password", "identifier": DEMO.0, "password": DEMO.1}),
        )
        .await;
    assert_eq!(login.status, 200);
    let back = k
        .navigate(&format!("/self-service/settings?flow={id}"))
        .await;
    assert_eq!(back.status, 303);
    assert_eq!(
        back.location(),
        format!("http://localhost:8080/settings?flow={id}")
    );
    let finished = k
        .get(&format!("/self-service/settings/flows?id={id}"))
        .await;
    assert_eq!(finished.body["state"], "success");
    assert_eq!(finished.message_ids(), vec![1050001]);
    assert_eq!(
        k.other_browser()
            .login(DEMO.0, "changed after refresh")
            .await
            .status,
        200,
        "the new password works"
    );
    // Another browser (no continuity cookie) cannot resume anything.
    let again = k
        .other_browser()
        .navigate(&format!("/self-service/settings?flow={id}"))
        .await;
    assert_eq!(again.status, 303);
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

// The fake Hydra: an OAuth2 login through the login and consent UIs.

/// Starts an authorization of the demo client; returns the login challenge.
async fn authorize(k: &Kratos, state: &str) -> String {
    let callback =
        leptos_kratos::url::encode_component(&format!("{}/__dev/oauth2/callback", k.base));
    let start = k
        .navigate(&format!(
            "/oauth2/auth?client_id=demo-client&redirect_uri={callback}&scope=openid+email&state={state}&response_type=code"
        ))
        .await;
    assert_eq!(start.status, 302);
    let location = start.location();
    assert!(
        location.starts_with("http://localhost:8080/login?login_challenge="),
        "{location}"
    );
    location
        .split("login_challenge=")
        .nth(1)
        .unwrap()
        .to_owned()
}

/// Opens an absolute URL of the server as a browser navigation.
async fn follow(k: &Kratos, url: &str) -> common::Answer {
    k.navigate(url.trim_start_matches(&k.base)).await
}

/// Starts an authorization, signs in as the demo user with its login
/// challenge and follows Hydra to the consent UI; returns the consent challenge.
async fn signed_in_consent(k: &Kratos, state: &str) -> String {
    let challenge = authorize(k, state).await;
    let flow = k
        .create("login", &format!("?login_challenge={challenge}"))
        .await;
    let signed_in = k
        .submit(
            &flow,
            json!({"method": "password", "identifier": DEMO.0, "password": DEMO.1}),
        )
        .await;
    assert_eq!(
        (signed_in.status, signed_in.error_id()),
        (422, Some("browser_location_change_required"))
    );
    let hydra = signed_in.body["redirect_browser_to"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(hydra.starts_with(&format!("{}/oauth2/auth?login_verifier=", k.base)));
    consent_challenge(k, &hydra).await
}

/// Follows Hydra's redirect after the login to the consent UI; returns the
/// consent challenge.
async fn consent_challenge(k: &Kratos, hydra: &str) -> String {
    let step = k.navigate(hydra.trim_start_matches(&k.base)).await;
    assert_eq!(step.status, 302);
    let location = step.location();
    assert!(
        location.starts_with("http://localhost:8080/consent?consent_challenge="),
        "{location}"
    );
    location
        .split("consent_challenge=")
        .nth(1)
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn an_oauth2_login_goes_through_login_and_consent() {
    let k = Kratos::start(json!({})).await;
    // Kratos's login flow carries Hydra's challenge and login request.
    let challenge = authorize(&k, "s0").await;
    let flow = k
        .create("login", &format!("?login_challenge={challenge}"))
        .await;
    assert_eq!(flow["oauth2_login_challenge"], challenge.as_str());
    assert_eq!(
        flow["oauth2_login_request"]["client"]["client_name"],
        "Demo Client"
    );
    assert_eq!(
        flow["oauth2_login_request"]["requested_scope"],
        json!(["openid", "email"])
    );
    // Signed in, Hydra asks for consent; the backend's endpoint shows it.
    let consent = signed_in_consent(&k, "s1").await;
    let request = k
        .get(&format!("/__dev/hydra/consent?consent_challenge={consent}"))
        .await;
    assert_eq!(request.status, 200);
    assert_eq!(request.body["client"]["client_name"], "Demo Client");
    assert_eq!(request.body["requested_scope"], json!(["openid", "email"]));
    let decided = k
        .post(
            "/__dev/hydra/consent",
            json!({"consent_challenge": consent, "accept": true, "grant_scope": ["openid", "profile"], "remember": false}),
        )
        .await;
    let back = follow(&k, decided.body["redirect_to"].as_str().unwrap()).await;
    assert_eq!(back.status, 302);
    let location = back.location();
    assert!(
        location.starts_with(&format!("{}/__dev/oauth2/callback?code=", k.base)),
        "{location}"
    );
    assert!(
        location.contains("scope=openid&") && location.ends_with("state=s1"),
        "only granted scopes the client asked for: {location}"
    );

    // Denied: the client gets access_denied.
    let other = k.other_browser();
    let consent = signed_in_consent(&other, "s2").await;
    let denied = other
        .post(
            "/__dev/hydra/consent",
            json!({"consent_challenge": consent, "accept": false}),
        )
        .await;
    let back = follow(&other, denied.body["redirect_to"].as_str().unwrap()).await;
    assert!(
        back.location().contains("error=access_denied") && back.location().ends_with("state=s2")
    );
}

#[tokio::test]
async fn an_oauth2_registration_returns_to_hydra_with_200() {
    let k = Kratos::start(json!({"verification_after_registration": false})).await;
    let challenge = authorize(&k, "s3").await;
    let flow = k
        .create("registration", &format!("?login_challenge={challenge}"))
        .await;
    assert_eq!(flow["oauth2_login_challenge"], challenge.as_str());
    let done = k
        .submit(
            &flow,
            json!({"method": "password", "traits": {"email": "oauth2-new@example.com"}, "password": "a good password"}),
        )
        .await;
    assert_eq!(done.status, 200);
    let target = done.body["continue_with"][0]["redirect_browser_to"]
        .as_str()
        .unwrap();
    assert!(
        target.starts_with(&format!("{}/oauth2/auth?login_verifier=", k.base)),
        "{target}"
    );
}

#[tokio::test]
async fn hydra_errors_and_unknown_challenges() {
    let k = Kratos::start(json!({})).await;
    let unknown = k
        .navigate("/oauth2/auth?client_id=nobody&scope=openid")
        .await;
    assert_eq!(unknown.status, 302);
    let location = unknown.location();
    assert!(
        location.starts_with("http://localhost:8080/error?error=invalid_client&error_description="),
        "{location}"
    );
    assert!(location.contains("error_hint="));
    let bad = k
        .get("/self-service/login/browser?login_challenge=unknown")
        .await;
    assert_eq!(bad.status, 400);
}

#[tokio::test]
async fn an_oauth2_logout_asks_the_logout_ui() {
    let k = Kratos::start(json!({})).await;
    k.login(DEMO.0, DEMO.1).await;
    let start = k.navigate("/oauth2/sessions/logout").await;
    assert_eq!(start.status, 302);
    let challenge = start
        .location()
        .split("logout_challenge=")
        .nth(1)
        .unwrap()
        .to_owned();
    assert!(
        start
            .location()
            .starts_with("http://localhost:8080/logout?logout_challenge=")
    );
    let request = k
        .get(&format!("/__dev/hydra/logout?logout_challenge={challenge}"))
        .await;
    assert_eq!(request.body["client"]["client_name"], "Demo Client");
    assert!(!request.body["subject"].as_str().unwrap().is_empty());
    let decided = k
        .post(
            "/__dev/hydra/logout",
            json!({"logout_challenge": challenge, "accept": true}),
        )
        .await;
    let done = follow(&k, decided.body["redirect_to"].as_str().unwrap()).await;
    assert_eq!(
        done.location(),
        format!("{}/__dev/oauth2/logged-out", k.base)
    );
}

#[tokio::test]
async fn registration_with_a_challenge_while_signed_in_is_a_302_to_login() {
    let k = Kratos::start(json!({})).await;
    let challenge = authorize(&k, "s4").await;
    k.login(DEMO.0, DEMO.1).await;
    // Whatever the Accept header.
    for answer in [
        k.get(&format!(
            "/self-service/registration/browser?login_challenge={challenge}"
        ))
        .await,
        k.navigate(&format!(
            "/self-service/registration/browser?login_challenge={challenge}"
        ))
        .await,
    ] {
        assert_eq!(answer.status, 302);
        assert_eq!(
            answer.location(),
            format!(
                "{}/self-service/login/browser?login_challenge={challenge}",
                k.base
            )
        );
    }
    // Followed: a login flow, refreshing the session (Hydra does not skip).
    let login = k
        .create("login", &format!("?login_challenge={challenge}"))
        .await;
    assert_eq!(login["refresh"], true);
    assert_eq!(login["oauth2_login_challenge"], challenge.as_str());
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
