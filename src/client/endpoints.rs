//! URLs of Kratos's public browser API, relative to its base URL.
//!
//! The base URL may be empty, meaning "Kratos is served under the app's own
//! origin" (a reverse proxy or `trunk serve`'s proxy).

use crate::model::FlowKind;
use crate::url::{build_query, join};

/// `GET /self-service/<kind>/browser?<params>`: creates a browser flow.
///
/// Only the parameters Kratos accepts for this flow are forwarded
/// (e.g. `return_to`, `refresh`, `aal`, `login_challenge`); empty values are dropped.
///
/// ```
/// use leptos_kratos::client::endpoints::create_flow;
/// use leptos_kratos::model::FlowKind;
/// let url = create_flow("", FlowKind::Login, &[("aal", "aal2"), ("flow", "x"), ("return_to", "")]);
/// assert_eq!(url, "/self-service/login/browser?aal=aal2");
/// ```
pub fn create_flow(base: &str, kind: FlowKind, params: &[(&str, &str)]) -> String {
    let allowed = kind.create_parameters();
    let query = build_query(
        params
            .iter()
            .filter(|(k, v)| allowed.contains(k) && !v.is_empty())
            .copied(),
    );
    let path = format!("/self-service/{kind}/browser");
    if query.is_empty() {
        join(base, &path)
    } else {
        join(base, &format!("{path}?{query}"))
    }
}

/// `GET /self-service/<kind>/flows?id=<id>`: fetches an existing flow.
pub fn get_flow(base: &str, kind: FlowKind, id: &str) -> String {
    join(
        base,
        &format!("/self-service/{kind}/flows?{}", build_query([("id", id)])),
    )
}

/// `GET /self-service/errors?id=<id>`: fetches a stored error.
pub fn flow_error(base: &str, id: &str) -> String {
    join(
        base,
        &format!("/self-service/errors?{}", build_query([("id", id)])),
    )
}

/// `GET /sessions/whoami`: the current session.
pub fn whoami(base: &str) -> String {
    join(base, "/sessions/whoami")
}

/// `GET /self-service/logout/browser[?return_to=]`: creates a logout URL.
pub fn create_logout_flow(base: &str, return_to: Option<&str>) -> String {
    match return_to.filter(|r| !r.is_empty()) {
        Some(return_to) => join(
            base,
            &format!(
                "/self-service/logout/browser?{}",
                build_query([("return_to", return_to)])
            ),
        ),
        None => join(base, "/self-service/logout/browser"),
    }
}

/// `GET /sessions` (list) and `DELETE /sessions` (revoke all others).
pub fn sessions(base: &str) -> String {
    join(base, "/sessions")
}

/// `DELETE /sessions/<id>`: revokes one session.
pub fn session(base: &str, id: &str) -> String {
    join(
        base,
        &format!("/sessions/{}", crate::url::encode_component(id)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert_eq!(
            create_flow(
                "https://auth.example.com/",
                FlowKind::Registration,
                &[("return_to", "https://app/x?y=1"), ("refresh", "true")]
            ),
            "https://auth.example.com/self-service/registration/browser?return_to=https%3A%2F%2Fapp%2Fx%3Fy%3D1"
        );
        assert_eq!(
            create_flow("", FlowKind::Settings, &[]),
            "/self-service/settings/browser"
        );
        assert_eq!(
            get_flow("", FlowKind::Recovery, "a b"),
            "/self-service/recovery/flows?id=a+b"
        );
        assert_eq!(flow_error("/.ory", "e1"), "/.ory/self-service/errors?id=e1");
        assert_eq!(whoami(""), "/sessions/whoami");
        assert_eq!(
            create_logout_flow("", Some("/")),
            "/self-service/logout/browser?return_to=%2F"
        );
        assert_eq!(session("", "s/1"), "/sessions/s%2F1");
    }
}
