//! Sessions and identities (`/sessions/whoami`, `/sessions`, flow successes).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::continue_with::ContinueWith;
use super::json::{Extra, lenient, lenient_list};

/// An address that can be verified (`verifiable_addresses[]`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct VerifiableAddress {
    /// The address id.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    /// The address, e.g. an e-mail.
    #[serde(default, deserialize_with = "lenient")]
    pub value: String,
    /// Whether it has been verified.
    #[serde(default, deserialize_with = "lenient")]
    pub verified: bool,
    /// The channel: `email` or `sms`.
    #[serde(default, deserialize_with = "lenient")]
    pub via: String,
    /// `pending`, `sent`, `completed`.
    #[serde(default, deserialize_with = "lenient")]
    pub status: String,
    /// When it was verified.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub verified_at: Option<String>,
    /// When it was added.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<String>,
    /// When it last changed.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An address that can be used for recovery (`recovery_addresses[]`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RecoveryAddress {
    /// The address id.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    /// The address, e.g. an e-mail.
    #[serde(default, deserialize_with = "lenient")]
    pub value: String,
    /// The channel: `email` or `sms`.
    #[serde(default, deserialize_with = "lenient")]
    pub via: String,
    /// When it was added.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<String>,
    /// When it last changed.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A user (`identity`). Credentials are never part of browser-facing answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Identity {
    /// The identity id.
    #[serde(default, deserialize_with = "lenient")]
    pub id: String,
    /// The identity schema id.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub schema_id: Option<String>,
    /// Where the schema can be fetched.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub schema_url: Option<String>,
    /// `active` or `inactive`.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub state: Option<String>,
    /// The traits, shaped by the identity schema (e.g. `{"email": "..."}`).
    #[serde(default, deserialize_with = "lenient")]
    pub traits: Value,
    /// Addresses that can be verified.
    #[serde(
        default,
        deserialize_with = "lenient_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub verifiable_addresses: Vec<VerifiableAddress>,
    /// Addresses that can be used for recovery.
    #[serde(
        default,
        deserialize_with = "lenient_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub recovery_addresses: Vec<RecoveryAddress>,
    /// Metadata the user may see.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub metadata_public: Option<Value>,
    /// When the identity was created.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<String>,
    /// When the identity last changed.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Identity {
    /// A trait as text, e.g. `trait_str("email")`.
    pub fn trait_str(&self, key: &str) -> Option<&str> {
        self.traits.get(key)?.as_str()
    }

    /// A name to greet the user with: the e-mail, else the first string trait.
    pub fn display_name(&self) -> Option<String> {
        if let Some(email) = self.trait_str("email") {
            return Some(email.to_owned());
        }
        let traits = self.traits.as_object()?;
        traits.values().find_map(|value| match value {
            Value::String(s) if !s.is_empty() => Some(s.clone()),
            Value::Object(map) => {
                let parts: Vec<&str> = map.values().filter_map(Value::as_str).collect();
                (!parts.is_empty()).then(|| parts.join(" "))
            }
            _ => None,
        })
    }
}

/// How the user authenticated (`authentication_methods[]`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AuthenticationMethod {
    /// The method, e.g. `password`, `totp`, `oidc`.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub method: Option<String>,
    /// The assurance level it gave.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub aal: Option<String>,
    /// When it was completed.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub completed_at: Option<String>,
    /// The OIDC/SAML provider, if any.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub provider: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A device a session was used from (`devices[]`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SessionDevice {
    /// The device id.
    #[serde(default, deserialize_with = "lenient")]
    pub id: String,
    /// The IP address.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub ip_address: Option<String>,
    /// The browser's user agent.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub user_agent: Option<String>,
    /// An approximate location.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub location: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A session (`/sessions/whoami`, `/sessions[]`, login success).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// The session id.
    #[serde(default, deserialize_with = "lenient")]
    pub id: String,
    /// Whether the session is active.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub active: Option<bool>,
    /// When the session expires.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub expires_at: Option<String>,
    /// When the user last authenticated.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub authenticated_at: Option<String>,
    /// `aal1` or `aal2`.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub authenticator_assurance_level: Option<String>,
    /// How the user authenticated.
    #[serde(
        default,
        deserialize_with = "lenient_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub authentication_methods: Vec<AuthenticationMethod>,
    /// When the session was issued.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub issued_at: Option<String>,
    /// The signed-in identity.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub identity: Option<Identity>,
    /// Devices the session was used from.
    #[serde(
        default,
        deserialize_with = "lenient_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub devices: Vec<SessionDevice>,
    /// A tokenized (e.g. JWT) form, when asked for with `tokenize_as`.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub tokenized: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A successful login or registration (`200` on submit).
///
/// Login always carries `session`; registration always carries `identity`
/// and a `session` when the session hook is configured.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FlowSuccess {
    /// The new session, if one was issued.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub session: Option<Session>,
    /// The identity that signed in or up.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub identity: Option<Identity>,
    /// A session token; only ever set for API flows.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub session_token: Option<String>,
    /// What to do next.
    #[serde(
        default,
        deserialize_with = "lenient_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub continue_with: Vec<ContinueWith>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}
