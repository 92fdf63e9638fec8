//! The settings flow.

use crate::common::{DEMO, Kratos, node};
use serde_json::json;

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
