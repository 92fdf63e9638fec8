//! Sign-in with the fake OpenID Connect provider.

use crate::common::{DEMO, Kratos};
use serde_json::json;

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
