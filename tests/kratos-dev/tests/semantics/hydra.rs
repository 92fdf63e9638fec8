//! The fake Hydra: an OAuth2 login through the login and consent UIs, its errors and logout.

use crate::common::{DEMO, Kratos};
use serde_json::json;

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
async fn follow(k: &Kratos, url: &str) -> crate::common::Answer {
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
