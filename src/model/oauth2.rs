//! Ory Hydra's OAuth2 screens: the consent and logout requests an app's
//! backend fetches from Hydra's admin API and hands to the UI, the decision
//! the UI sends back, and Hydra's errors on the error page.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::json::Extra;
use super::read::{Fields, FromJson, deserialize_from_json};
use crate::url::parse_query;

/// An OAuth2 client as Hydra describes it (the fields a consent screen shows).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct OAuth2Client {
    /// The client id.
    pub client_id: String,
    /// The name to show.
    pub client_name: String,
    /// The client's home page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_uri: Option<String>,
    /// A logo to show.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo_uri: Option<String>,
    /// The client's privacy policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy_uri: Option<String>,
    /// The client's terms of service.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tos_uri: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FromJson for OAuth2Client {
    fn from_json_value(value: Value) -> Option<Self> {
        let mut fields = Fields::of(value)?;
        Some(Self {
            client_id: fields.text("client_id").unwrap_or_default(),
            client_name: fields.text("client_name").unwrap_or_default(),
            client_uri: fields.text("client_uri"),
            logo_uri: fields.text("logo_uri"),
            policy_uri: fields.text("policy_uri"),
            tos_uri: fields.text("tos_uri"),
            extra: fields.rest(),
        })
    }
}

impl OAuth2Client {
    /// The name to show: `client_name`, else the id.
    pub fn display_name(&self) -> &str {
        if self.client_name.trim().is_empty() {
            &self.client_id
        } else {
            &self.client_name
        }
    }
}

/// Hydra's consent request (`OAuth2ConsentRequest`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ConsentRequest {
    /// The consent challenge.
    pub challenge: String,
    /// The client asking.
    pub client: OAuth2Client,
    /// The scopes asked for (`openid`, `email`, `offline_access`, ...).
    pub requested_scope: Vec<String>,
    /// The audiences asked for.
    pub requested_access_token_audience: Vec<String>,
    /// Whether consent was given before and remembered: accept at once.
    pub skip: bool,
    /// The user (Kratos identity id).
    pub subject: String,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FromJson for ConsentRequest {
    fn from_json_value(value: Value) -> Option<Self> {
        let mut fields = Fields::of(value)?;
        Some(Self {
            challenge: fields.text("challenge").unwrap_or_default(),
            client: fields.read("client").unwrap_or_default(),
            requested_scope: fields.list("requested_scope"),
            requested_access_token_audience: fields.list("requested_access_token_audience"),
            skip: fields.flag("skip").unwrap_or_default(),
            subject: fields.text("subject").unwrap_or_default(),
            extra: fields.rest(),
        })
    }
}

/// Hydra's logout request (`OAuth2LogoutRequest`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct LogoutRequest {
    /// The logout challenge.
    pub challenge: String,
    /// The client asking, if a client asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client: Option<OAuth2Client>,
    /// The user being signed out.
    pub subject: String,
    /// Whether a client (relying party) started the logout.
    pub rp_initiated: bool,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FromJson for LogoutRequest {
    fn from_json_value(value: Value) -> Option<Self> {
        let mut fields = Fields::of(value)?;
        Some(Self {
            challenge: fields.text("challenge").unwrap_or_default(),
            client: fields.read("client"),
            subject: fields.text("subject").unwrap_or_default(),
            rp_initiated: fields.flag("rp_initiated").unwrap_or_default(),
            extra: fields.rest(),
        })
    }
}

/// Where Hydra sends the browser after a decision (`OAuth2RedirectTo`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct OAuth2Redirect {
    /// The URL to open.
    pub redirect_to: String,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FromJson for OAuth2Redirect {
    fn from_json_value(value: Value) -> Option<Self> {
        let mut fields = Fields::of(value)?;
        Some(Self {
            redirect_to: fields.text("redirect_to").unwrap_or_default(),
            extra: fields.rest(),
        })
    }
}

/// The person's answer to a consent request, as the UI posts it to the
/// app's consent endpoint.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentDecision {
    /// The consent challenge answered.
    pub consent_challenge: String,
    /// Allow (`true`) or deny.
    pub accept: bool,
    /// The scopes granted (a subset of those asked for).
    pub grant_scope: Vec<String>,
    /// Remember the decision for this client.
    pub remember: bool,
}

/// The person's answer to a logout request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogoutDecision {
    /// The logout challenge answered.
    pub logout_challenge: String,
    /// Sign out (`true`) or stay signed in.
    pub accept: bool,
}

/// An OAuth2 error Hydra sends to the error page
/// (`?error=&error_description=&error_hint=`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OAuth2Error {
    /// The error code (`invalid_client`, `access_denied`, ...).
    pub error: String,
    /// A description.
    pub description: Option<String>,
    /// A hint how to fix it.
    pub hint: Option<String>,
}

impl OAuth2Error {
    /// The OAuth2 error in an error page's query, if it holds one rather
    /// than a Kratos error id: Hydra adds `error_description` or
    /// `error_hint`, and its codes are words (`invalid_request`), never
    /// Kratos's UUIDs or `stub:` ids.
    ///
    /// ```
    /// use leptos_kratos::model::OAuth2Error;
    /// let hydra = OAuth2Error::from_query("?error=invalid_client&error_description=Unknown+client").unwrap();
    /// assert_eq!(hydra.error, "invalid_client");
    /// assert!(OAuth2Error::from_query("?id=3b0c0b1e-6f3f-4a59-8c43-2e1f9e1f2a10").is_none());
    /// assert!(OAuth2Error::from_query("?error=3b0c0b1e-6f3f-4a59-8c43-2e1f9e1f2a10").is_none());
    /// ```
    pub fn from_query(query: &str) -> Option<Self> {
        let params = parse_query(query);
        let get = |key: &str| {
            params
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
                .filter(|v| !v.trim().is_empty())
        };
        let error = get("error")?;
        let (description, hint) = (get("error_description"), get("error_hint"));
        let kratos_id = error.starts_with("stub:")
            || (error.len() == 36 && error.chars().all(|c| c.is_ascii_hexdigit() || c == '-'));
        let oauth2 = description.is_some()
            || hint.is_some()
            || (!kratos_id && error.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
        oauth2.then_some(Self {
            error,
            description,
            hint,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hydra_errors_are_told_from_kratos_ids() {
        for (query, hydra) in [
            ("?error=access_denied", true),
            ("?error=login_required&error_hint=Prompt+is+none", true),
            ("?error=Something&error_description=x", true),
            ("?error=stub:500", false),
            ("?id=stub:500", false),
            ("?error=8f1a2b3c-0000-4000-8000-123456789abc", false),
            ("?error=", false),
            ("", false),
        ] {
            assert_eq!(OAuth2Error::from_query(query).is_some(), hydra, "{query}");
        }
        let full = OAuth2Error::from_query(
            "?error=invalid_request&error_description=Bad&error_hint=The+redirect_uri+does+not+match",
        )
        .unwrap();
        assert_eq!(
            full.hint.as_deref(),
            Some("The redirect_uri does not match")
        );
    }

    #[test]
    fn requests_are_read_leniently() {
        let request: ConsentRequest = serde_json::from_value(serde_json::json!({
            "challenge": "c", "client": {"client_id": "demo", "client_name": null, "logo_uri": 5},
            "requested_scope": ["openid", 7, "email"], "skip": "no"
        }))
        .unwrap();
        assert_eq!(request.client.display_name(), "demo");
        assert_eq!(request.client.logo_uri, None);
        assert_eq!(request.requested_scope, ["openid", "email"]);
        assert!(!request.skip);
        let logout: LogoutRequest =
            serde_json::from_str(r#"{"challenge": "l", "client": null}"#).unwrap();
        assert_eq!(logout.client, None);
    }
}

deserialize_from_json!(OAuth2Client, ConsentRequest, LogoutRequest, OAuth2Redirect);
