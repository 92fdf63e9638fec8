//! Sessions and identities (`/sessions/whoami`, `/sessions`, flow successes).

use serde::Serialize;
use serde_json::Value;

use super::continue_with::ContinueWith;
use super::json::Extra;
use super::read::{Fields, FromJson, deserialize_from_json};

/// An address that can be verified (`verifiable_addresses[]`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct VerifiableAddress {
    /// The address id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The address, e.g. an e-mail.
    pub value: String,
    /// Whether it has been verified.
    pub verified: bool,
    /// The channel: `email` or `sms`.
    pub via: String,
    /// `pending`, `sent`, `completed`.
    pub status: String,
    /// When it was verified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified_at: Option<String>,
    /// When it was added.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// When it last changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FromJson for VerifiableAddress {
    fn from_json_value(value: Value) -> Option<Self> {
        let mut fields = Fields::of(value)?;
        Some(Self {
            id: fields.text("id"),
            value: fields.text("value").unwrap_or_default(),
            verified: fields.flag("verified").unwrap_or_default(),
            via: fields.text("via").unwrap_or_default(),
            status: fields.text("status").unwrap_or_default(),
            verified_at: fields.text("verified_at"),
            created_at: fields.text("created_at"),
            updated_at: fields.text("updated_at"),
            extra: fields.rest(),
        })
    }
}

/// An address that can be used for recovery (`recovery_addresses[]`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct RecoveryAddress {
    /// The address id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The address, e.g. an e-mail.
    pub value: String,
    /// The channel: `email` or `sms`.
    pub via: String,
    /// When it was added.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// When it last changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FromJson for RecoveryAddress {
    fn from_json_value(value: Value) -> Option<Self> {
        let mut fields = Fields::of(value)?;
        Some(Self {
            id: fields.text("id"),
            value: fields.text("value").unwrap_or_default(),
            via: fields.text("via").unwrap_or_default(),
            created_at: fields.text("created_at"),
            updated_at: fields.text("updated_at"),
            extra: fields.rest(),
        })
    }
}

/// A user (`identity`). Credentials are never part of browser-facing answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Identity {
    /// The identity id.
    pub id: String,
    /// The identity schema id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schema_id: Option<String>,
    /// Where the schema can be fetched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schema_url: Option<String>,
    /// `active` or `inactive`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// The traits, shaped by the identity schema (e.g. `{"email": "..."}`).
    pub traits: Value,
    /// Addresses that can be verified.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub verifiable_addresses: Vec<VerifiableAddress>,
    /// Addresses that can be used for recovery.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub recovery_addresses: Vec<RecoveryAddress>,
    /// Metadata the user may see.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata_public: Option<Value>,
    /// When the identity was created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// When the identity last changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FromJson for Identity {
    fn from_json_value(value: Value) -> Option<Self> {
        let mut fields = Fields::of(value)?;
        Some(Self {
            id: fields.text("id").unwrap_or_default(),
            schema_id: fields.text("schema_id"),
            schema_url: fields.text("schema_url"),
            state: fields.text("state"),
            traits: fields.any("traits").unwrap_or_default(),
            verifiable_addresses: fields.list("verifiable_addresses"),
            recovery_addresses: fields.list("recovery_addresses"),
            metadata_public: fields.any("metadata_public"),
            created_at: fields.text("created_at"),
            updated_at: fields.text("updated_at"),
            extra: fields.rest(),
        })
    }
}

impl Identity {
    /// A trait as text, e.g. `trait_str("email")`.
    pub fn trait_str(&self, key: &str) -> Option<&str> {
        self.traits.get(key)?.as_str()
    }

    /// A name to greet the user with: the e-mail, else the first trait
    /// that is a non-empty string or an object with strings (`name:
    /// {first, last}`, its parts joined). Traits and parts are taken in the
    /// order of their names: the order Kratos sends them in depends on its
    /// database.
    pub fn display_name(&self) -> Option<String> {
        if let Some(email) = self.trait_str("email") {
            return Some(email.to_owned());
        }
        by_name(self.traits.as_object()?)
            .into_iter()
            .find_map(|value| match value {
                Value::String(s) if !s.is_empty() => Some(s.clone()),
                Value::Object(map) => {
                    let parts: Vec<&str> =
                        by_name(map).into_iter().filter_map(Value::as_str).collect();
                    (!parts.is_empty()).then(|| parts.join(" "))
                }
                _ => None,
            })
    }
}

/// An object's values in the order of their names.
fn by_name(object: &serde_json::Map<String, Value>) -> Vec<&Value> {
    let mut members: Vec<(&String, &Value)> = object.iter().collect();
    crate::sort::sort_by(&mut members, |a, b| a.0.cmp(b.0));
    members.into_iter().map(|(_, value)| value).collect()
}

/// How the user authenticated (`authentication_methods[]`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AuthenticationMethod {
    /// The method, e.g. `password`, `totp`, `oidc`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// The assurance level it gave.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aal: Option<String>,
    /// When it was completed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<String>,
    /// The OIDC/SAML provider, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FromJson for AuthenticationMethod {
    fn from_json_value(value: Value) -> Option<Self> {
        let mut fields = Fields::of(value)?;
        Some(Self {
            method: fields.text("method"),
            aal: fields.text("aal"),
            completed_at: fields.text("completed_at"),
            provider: fields.text("provider"),
            extra: fields.rest(),
        })
    }
}

/// A device a session was used from (`devices[]`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SessionDevice {
    /// The device id.
    pub id: String,
    /// The IP address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<String>,
    /// The browser's user agent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
    /// An approximate location.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FromJson for SessionDevice {
    fn from_json_value(value: Value) -> Option<Self> {
        let mut fields = Fields::of(value)?;
        Some(Self {
            id: fields.text("id").unwrap_or_default(),
            ip_address: fields.text("ip_address"),
            user_agent: fields.text("user_agent"),
            location: fields.text("location"),
            extra: fields.rest(),
        })
    }
}

/// A session (`/sessions/whoami`, `/sessions[]`, login success).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Session {
    /// The session id.
    pub id: String,
    /// Whether the session is active.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// When the session expires.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    /// When the user last authenticated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authenticated_at: Option<String>,
    /// `aal1` or `aal2`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authenticator_assurance_level: Option<String>,
    /// How the user authenticated.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authentication_methods: Vec<AuthenticationMethod>,
    /// When the session was issued.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued_at: Option<String>,
    /// The signed-in identity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity: Option<Identity>,
    /// Devices the session was used from.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub devices: Vec<SessionDevice>,
    /// A tokenized (e.g. JWT) form, when asked for with `tokenize_as`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tokenized: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FromJson for Session {
    fn from_json_value(value: Value) -> Option<Self> {
        let mut fields = Fields::of(value)?;
        Some(Self {
            id: fields.text("id").unwrap_or_default(),
            active: fields.flag("active"),
            expires_at: fields.text("expires_at"),
            authenticated_at: fields.text("authenticated_at"),
            authenticator_assurance_level: fields.text("authenticator_assurance_level"),
            authentication_methods: fields.list("authentication_methods"),
            issued_at: fields.text("issued_at"),
            identity: fields.read("identity"),
            devices: fields.list("devices"),
            tokenized: fields.text("tokenized"),
            extra: fields.rest(),
        })
    }
}

/// A successful login or registration (`200` on submit).
///
/// Login always carries `session`; registration always carries `identity`
/// and a `session` when the session hook is configured.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FlowSuccess {
    /// The new session, if one was issued.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<Session>,
    /// The identity that signed in or up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity: Option<Identity>,
    /// A session token; only ever set for API flows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_token: Option<String>,
    /// What to do next.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub continue_with: Vec<ContinueWith>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FromJson for FlowSuccess {
    fn from_json_value(value: Value) -> Option<Self> {
        let mut fields = Fields::of(value)?;
        Some(Self {
            session: fields.read("session"),
            identity: fields.read("identity"),
            session_token: fields.text("session_token"),
            continue_with: fields.list("continue_with"),
            extra: fields.rest(),
        })
    }
}

deserialize_from_json!(
    VerifiableAddress,
    RecoveryAddress,
    Identity,
    AuthenticationMethod,
    SessionDevice,
    Session,
    FlowSuccess
);

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn display_names() {
        let name = |traits: Value| {
            Identity {
                traits,
                ..Identity::default()
            }
            .display_name()
        };
        let cases = [
            (
                json!({"email": "ada@example.com", "a": "x"}),
                Some("ada@example.com"),
            ),
            // By the traits' names, whatever order they came in.
            (json!({"zeta": "z", "alpha": "a"}), Some("a")),
            (json!({"alpha": "", "zeta": "z"}), Some("z")),
            (
                json!({"name": {"last": "Lovelace", "first": "Ada"}}),
                Some("Ada Lovelace"),
            ),
            (json!({"name": {"age": 36}, "nick": "ada"}), Some("ada")),
            (json!({"age": 36}), None),
            (json!("not an object"), None),
        ];
        for (traits, expected) in cases {
            assert_eq!(name(traits.clone()).as_deref(), expected, "{traits}");
        }
    }
}
