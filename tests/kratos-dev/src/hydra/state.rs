//! Hydra's state (requests by challenge, verifiers) and the two calls
//! Kratos makes to Hydra's admin API during a login: get the login request,
//! accept it.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::config::Config;
use crate::ids::new_id;

/// The registered client's id.
pub const CLIENT_ID: &str = "demo-client";

/// Hydra's state: requests by challenge, verifiers, issued codes.
#[derive(Clone, Debug, Default)]
pub struct Hydra {
    /// Authorizations in progress, by login challenge.
    pub(super) logins: BTreeMap<String, Authorization>,
    /// Login verifier → login challenge (Kratos accepted the login).
    pub(super) login_verifiers: BTreeMap<String, String>,
    /// Consent challenge → login challenge.
    pub(super) consents: BTreeMap<String, String>,
    /// Consent verifier → consent challenge (a decision was made).
    pub(super) consent_verifiers: BTreeMap<String, String>,
    /// Logout requests by challenge: the subject and the decision.
    pub(super) logouts: BTreeMap<String, Logout>,
    /// Logout verifier → logout challenge.
    pub(super) logout_verifiers: BTreeMap<String, String>,
}

#[derive(Clone, Debug)]
pub(super) struct Authorization {
    pub(super) redirect_uri: String,
    pub(super) state: String,
    pub(super) scopes: Vec<String>,
    pub(super) request_url: String,
    pub(super) subject: Option<String>,
    pub(super) granted: Option<(bool, Vec<String>)>,
}

#[derive(Clone, Debug)]
pub(super) struct Logout {
    pub(super) subject: String,
    pub(super) accepted: Option<bool>,
}

/// The client as Hydra describes it.
pub(super) fn client(config: &Config) -> Value {
    json!({
        "client_id": CLIENT_ID,
        "client_name": "Demo Client",
        "client_uri": config.public("/__dev/oauth2/callback"),
        "policy_uri": "https://example.com/privacy",
        "tos_uri": "https://example.com/terms",
        "redirect_uris": [redirect_uri(config)],
        "scope": "openid email offline_access",
    })
}

pub(super) fn redirect_uri(config: &Config) -> String {
    config.public("/__dev/oauth2/callback")
}

/// A random challenge or verifier.
pub(super) fn token() -> String {
    new_id().replace('-', "")
}

/// `base` with one query parameter.
pub(super) fn with_query(base: &str, key: &str, value: &str) -> String {
    format!("{base}?{}", leptos_kratos::url::build_query([(key, value)]))
}

/// Hydra's login request for `challenge` (what Kratos puts into a flow's
/// `oauth2_login_request`), if the challenge is known.
pub fn login_request(hydra: &Hydra, config: &Config, challenge: &str) -> Option<Value> {
    let authorization = hydra.logins.get(challenge)?;
    Some(json!({
        "challenge": challenge,
        "client": client(config),
        "request_url": authorization.request_url,
        "requested_scope": authorization.scopes,
        "requested_access_token_audience": [],
        "skip": false,
        "subject": authorization.subject.clone().unwrap_or_default(),
    }))
}

/// Kratos accepts the login for `subject`: where the browser goes next
/// (back to Hydra with a login verifier).
pub fn accept_login(
    hydra: &mut Hydra,
    config: &Config,
    challenge: &str,
    subject: &str,
) -> Option<String> {
    let authorization = hydra.logins.get_mut(challenge)?;
    authorization.subject = Some(subject.to_owned());
    let verifier = token();
    hydra
        .login_verifiers
        .insert(verifier.clone(), challenge.to_owned());
    Some(with_query(
        &config.public("/oauth2/auth"),
        "login_verifier",
        &verifier,
    ))
}
