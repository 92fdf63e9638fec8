//! Everything the server remembers, in memory.

use std::collections::BTreeMap;

use leptos_kratos::model::{
    AuthenticationMethod, Extra, Flow, FlowKind, FlowState, FlowType, Identity, RecoveryAddress,
    Session, SessionDevice, UiContainer, VerifiableAddress,
};
use serde::Serialize;
use serde_json::Value;

use crate::config::Config;
use crate::time::{Millis, now, rfc3339};

pub use crate::ids::{new_id, new_token};

/// An e-mail address of an identity.
#[derive(Clone, Debug)]
pub struct Address {
    /// The address id.
    pub id: String,
    /// The address.
    pub value: String,
    /// Whether it was verified.
    pub verified: bool,
    /// `pending`, `sent` or `completed`.
    pub status: String,
    /// When it was verified.
    pub verified_at: Option<Millis>,
    /// When it was added.
    pub created_at: Millis,
}

/// One backup recovery code.
#[derive(Clone, Debug)]
pub struct LookupCode {
    /// The code.
    pub code: String,
    /// When it was used.
    pub used_at: Option<Millis>,
}

/// A registered credential: a passkey (a first factor) or a security key
/// (a second factor), as `webauthn-rs` verified it.
#[derive(Clone, Debug)]
pub enum Key {
    /// A passkey.
    Passkey(webauthn_rs::prelude::Passkey),
    /// A security key.
    SecurityKey(webauthn_rs::prelude::SecurityKey),
}

/// A registered WebAuthn or passkey credential.
#[derive(Clone, Debug)]
pub struct KeyCredential {
    /// The credential id (raw bytes).
    pub id: Vec<u8>,
    /// The verified credential (public key, counter, ...).
    pub key: Key,
    /// The name the user gave it.
    pub display_name: String,
    /// When it was added.
    pub added_at: Millis,
    /// Whether it is a passkey (first factor) rather than a security key (second factor).
    pub passkey: bool,
}

/// WebAuthn ceremonies a flow has started (the challenges it handed out).
#[derive(Clone, Debug, Default)]
pub struct Ceremonies {
    /// Passkey login (discoverable credentials).
    pub passkey_login: Option<webauthn_rs::prelude::DiscoverableAuthentication>,
    /// Security key as a second factor.
    pub security_key_login: Option<webauthn_rs::prelude::SecurityKeyAuthentication>,
    /// Passkey registration, with the user id it binds the passkey to.
    pub passkey_registration: Option<(webauthn_rs::prelude::PasskeyRegistration, String)>,
    /// Security key registration.
    pub security_key_registration: Option<webauthn_rs::prelude::SecurityKeyRegistration>,
}

/// A user, with credentials (never sent to browsers).
#[derive(Clone, Debug)]
pub struct IdentityRecord {
    /// The id.
    pub id: String,
    /// The traits.
    pub traits: Value,
    /// The e-mail as a verifiable address.
    pub verifiable: Vec<Address>,
    /// The e-mail as a recovery address.
    pub recovery: Vec<Address>,
    /// The password hash (PHC string).
    pub password_hash: Option<String>,
    /// The TOTP secret (base32).
    pub totp_secret: Option<String>,
    /// Backup recovery codes.
    pub lookup_codes: Vec<LookupCode>,
    /// Linked OIDC accounts: (provider, subject).
    pub oidc: Vec<(String, String)>,
    /// WebAuthn and passkey credentials.
    pub keys: Vec<KeyCredential>,
    /// Created.
    pub created_at: Millis,
    /// Last changed.
    pub updated_at: Millis,
}

impl IdentityRecord {
    /// A new identity with these traits; its e-mail becomes a verifiable and recovery address.
    pub fn new(traits: Value) -> Self {
        Self::with_id(new_id(), traits)
    }

    /// A new identity with a given id (e.g. the user handle a passkey was
    /// registered for).
    pub fn with_id(id: String, traits: Value) -> Self {
        let now = now();
        let mut identity = Self {
            id,
            traits,
            verifiable: Vec::new(),
            recovery: Vec::new(),
            password_hash: None,
            totp_secret: None,
            lookup_codes: Vec::new(),
            oidc: Vec::new(),
            keys: Vec::new(),
            created_at: now,
            updated_at: now,
        };
        identity.sync_addresses();
        identity
    }

    /// The e-mail trait.
    pub fn email(&self) -> String {
        self.traits
            .get("email")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    }

    /// Keeps the addresses in step with `traits.email` (a changed e-mail is unverified).
    pub fn sync_addresses(&mut self) {
        let email = self.email().to_ascii_lowercase();
        let now = now();
        let fresh = |value: &str| Address {
            id: new_id(),
            value: value.into(),
            verified: false,
            status: "pending".into(),
            verified_at: None,
            created_at: now,
        };
        if email.is_empty() {
            self.verifiable.clear();
            self.recovery.clear();
            return;
        }
        if !self.verifiable.iter().any(|a| a.value == email) {
            self.verifiable = vec![fresh(&email)];
        }
        if !self.recovery.iter().any(|a| a.value == email) {
            self.recovery = vec![fresh(&email)];
        }
    }

    /// Whether the identity has a second factor (TOTP, backup codes, security key).
    pub fn has_second_factor(&self) -> bool {
        self.totp_secret.is_some()
            || !self.lookup_codes.is_empty()
            || self.keys.iter().any(|k| !k.passkey)
    }

    /// How many ways to sign in (first factors) the identity has.
    pub fn first_factors(&self) -> usize {
        usize::from(self.password_hash.is_some())
            + self.oidc.len()
            + self.keys.iter().filter(|k| k.passkey).count()
    }

    /// The identity as browsers see it.
    pub fn to_model(&self) -> Identity {
        let address = |a: &Address| VerifiableAddress {
            id: Some(a.id.clone()),
            value: a.value.clone(),
            verified: a.verified,
            via: "email".into(),
            status: a.status.clone(),
            verified_at: a.verified_at.map(rfc3339),
            created_at: Some(rfc3339(a.created_at)),
            updated_at: Some(rfc3339(a.created_at)),
            extra: Extra::new(),
        };
        Identity {
            id: self.id.clone(),
            schema_id: Some("default".into()),
            schema_url: Some(String::new()),
            state: Some("active".into()),
            traits: self.traits.clone(),
            verifiable_addresses: self.verifiable.iter().map(address).collect(),
            recovery_addresses: self
                .recovery
                .iter()
                .map(|a| RecoveryAddress {
                    id: Some(a.id.clone()),
                    value: a.value.clone(),
                    via: "email".into(),
                    created_at: Some(rfc3339(a.created_at)),
                    updated_at: Some(rfc3339(a.created_at)),
                    extra: Extra::new(),
                })
                .collect(),
            metadata_public: None,
            created_at: Some(rfc3339(self.created_at)),
            updated_at: Some(rfc3339(self.updated_at)),
            extra: Extra::new(),
        }
    }
}

/// How a session was authenticated.
#[derive(Clone, Debug)]
pub struct AuthMethod {
    /// `password`, `code`, `totp`, ...
    pub method: String,
    /// `aal1` or `aal2`.
    pub aal: &'static str,
    /// When.
    pub completed_at: Millis,
    /// The OIDC provider, if any.
    pub provider: Option<String>,
}

/// A session.
#[derive(Clone, Debug)]
pub struct SessionRecord {
    /// The session id.
    pub id: String,
    /// The cookie value.
    pub token: String,
    /// The token of its logout URL: random, never the cookie value (the
    /// cookie is HttpOnly; a token readable by scripts must not be it).
    pub logout_token: String,
    /// The identity.
    pub identity_id: String,
    /// Whether it is active.
    pub active: bool,
    /// Issued.
    pub issued_at: Millis,
    /// Last authentication.
    pub authenticated_at: Millis,
    /// Expiry.
    pub expires_at: Millis,
    /// Methods used.
    pub methods: Vec<AuthMethod>,
    /// Where it was used from: (ip, user agent).
    pub devices: Vec<(String, String)>,
}

impl SessionRecord {
    /// `aal2` if a second factor was used.
    pub fn aal(&self) -> &'static str {
        if self.methods.iter().any(|m| m.aal == "aal2") {
            "aal2"
        } else {
            "aal1"
        }
    }

    /// The session as browsers see it.
    pub fn to_model(&self, identity: Option<&IdentityRecord>) -> Session {
        Session {
            id: self.id.clone(),
            active: Some(self.active),
            expires_at: Some(rfc3339(self.expires_at)),
            authenticated_at: Some(rfc3339(self.authenticated_at)),
            authenticator_assurance_level: Some(self.aal().into()),
            authentication_methods: self
                .methods
                .iter()
                .map(|m| AuthenticationMethod {
                    method: Some(m.method.clone()),
                    aal: Some(m.aal.into()),
                    completed_at: Some(rfc3339(m.completed_at)),
                    provider: m.provider.clone(),
                    extra: Extra::new(),
                })
                .collect(),
            issued_at: Some(rfc3339(self.issued_at)),
            identity: identity.map(IdentityRecord::to_model),
            devices: self
                .devices
                .iter()
                .enumerate()
                .map(|(i, (ip, agent))| SessionDevice {
                    id: format!("{}-{i}", self.id),
                    ip_address: Some(ip.clone()),
                    user_agent: Some(agent.clone()),
                    location: Some(String::new()),
                    extra: Extra::new(),
                })
                .collect(),
            tokenized: None,
            extra: Extra::new(),
        }
    }
}

/// A code that was sent.
#[derive(Clone, Debug)]
pub struct SentCode {
    /// The code.
    pub code: String,
    /// Where it went.
    pub address: String,
    /// When it expires.
    pub expires_at: Millis,
    /// Wrong attempts so far.
    pub attempts: u32,
}

/// A flow and its server-side state.
#[derive(Clone, Debug)]
pub struct FlowRecord {
    /// The id.
    pub id: String,
    /// The kind.
    pub kind: FlowKind,
    /// Issued.
    pub issued_at: Millis,
    /// Expiry.
    pub expires_at: Millis,
    /// The creating URL.
    pub request_url: String,
    /// The creation query (to create a replacement on expiry).
    pub params: Vec<(String, String)>,
    /// Where to go when done.
    pub return_to: Option<String>,
    /// The state.
    pub state: FlowState,
    /// The method last used.
    pub active: Option<String>,
    /// The form as last rendered.
    pub ui: UiContainer,
    /// The anti-CSRF token of the cookie the flow was created with.
    pub csrf: String,
    /// Login: re-authentication.
    pub refresh: bool,
    /// Login: `aal1` or `aal2`.
    pub requested_aal: String,
    /// Settings: the identity; login (refresh, aal2): the signed-in identity;
    /// recovery and verification: the identity the code was sent for.
    pub identity_id: Option<String>,
    /// A code that was sent in this flow.
    pub code: Option<SentCode>,
    /// Registration (two-step, code): the traits given so far.
    pub traits: Option<Value>,
    /// Login (identifier first, code): the identifier given.
    pub identifier: Option<String>,
    /// Settings: a TOTP secret being set up.
    pub pending_totp: Option<String>,
    /// Settings: regenerated backup codes awaiting confirmation.
    pub pending_lookup: Option<Vec<String>>,
    /// What to do next (recovery, settings).
    pub continue_with: Vec<leptos_kratos::model::ContinueWith>,
    /// WebAuthn ceremonies started with the flow's nodes.
    pub ceremonies: Ceremonies,
    /// Codes submitted to this flow so far (Kratos refuses more than
    /// `max_submissions`, 5, and retries the flow).
    pub code_submissions: u32,
    /// A settings change paused until the session is privileged again
    /// (Kratos's continuity container): the form as submitted.
    pub paused_change: Option<crate::http::Form>,
    /// Login and registration: Hydra's login challenge the flow completes.
    pub oauth2_login_challenge: Option<String>,
    /// Hydra's login request for that challenge.
    pub oauth2_login_request: Option<Value>,
}

impl FlowRecord {
    /// The flow as browsers see it, with a fresh `csrf_token` value.
    pub fn to_model(&self, identity: Option<&IdentityRecord>, csrf_token: Option<&str>) -> Flow {
        let mut ui = self.ui.clone();
        for node in &mut ui.nodes {
            if let Some(input) = node.input_mut()
                && input.name == "csrf_token"
            {
                input.value = csrf_token.map(|t| Value::String(t.into()));
            }
        }
        Flow {
            id: self.id.clone(),
            flow_type: Some(FlowType::Browser),
            expires_at: Some(rfc3339(self.expires_at)),
            issued_at: Some(rfc3339(self.issued_at)),
            request_url: Some(self.request_url.clone()),
            return_to: self.return_to.clone(),
            active: self.active.clone(),
            state: Some(self.state.clone()),
            ui,
            continue_with: self.continue_with.clone(),
            identity: if self.kind == FlowKind::Settings {
                identity.map(IdentityRecord::to_model)
            } else {
                None
            },
            refresh: (self.kind == FlowKind::Login).then_some(self.refresh),
            requested_aal: (self.kind == FlowKind::Login).then(|| self.requested_aal.clone()),
            oauth2_login_challenge: self.oauth2_login_challenge.clone(),
            oauth2_login_request: self.oauth2_login_request.clone(),
            created_at: Some(rfc3339(self.issued_at)),
            updated_at: Some(rfc3339(now())),
            ..Default::default()
        }
    }

    /// Whether the flow has expired.
    pub fn expired(&self) -> bool {
        now() > self.expires_at
    }
}

/// A stored error for the error UI.
#[derive(Clone, Debug, Serialize)]
pub struct ErrorRecord {
    /// The id.
    pub id: String,
    /// The error object.
    pub error: Value,
    /// Created.
    pub created_at: String,
    /// Updated.
    pub updated_at: String,
}

/// A mail that was "sent".
#[derive(Clone, Debug, Serialize)]
pub struct Mail {
    /// The recipient.
    pub to: String,
    /// The subject.
    pub subject: String,
    /// The text.
    pub body: String,
    /// The code in it, if any.
    pub code: Option<String>,
    /// When (RFC 3339).
    pub sent_at: String,
}

/// An injected fault: the next `count` matching requests fail this way.
#[derive(Clone, Debug, serde::Deserialize, Serialize)]
pub struct Fault {
    /// The path prefix to match (`/self-service/login`).
    pub path: String,
    /// The method to match (any if absent).
    #[serde(default)]
    pub method: Option<String>,
    /// How many requests.
    #[serde(default = "one")]
    pub count: u32,
    /// Answer with this status (and a generic error body) instead.
    #[serde(default)]
    pub status: Option<u16>,
    /// Wait this long first (then answer normally unless `status` is set).
    #[serde(default)]
    pub delay_ms: Option<u64>,
    /// Drop the connection without an answer.
    #[serde(default)]
    pub drop: bool,
}

fn one() -> u32 {
    1
}

/// An OIDC login in progress at the fake provider.
#[derive(Clone, Debug)]
pub struct OidcState {
    /// The flow that started it.
    pub flow_id: String,
    /// Its kind.
    pub kind: FlowKind,
    /// The continuity cookie value.
    pub continuity: String,
}

/// The whole state.
#[derive(Default)]
pub struct Store {
    /// The configuration.
    pub config: Config,
    /// Identities by id.
    pub identities: BTreeMap<String, IdentityRecord>,
    /// Sessions by cookie token.
    pub sessions: BTreeMap<String, SessionRecord>,
    /// Flows by id.
    pub flows: BTreeMap<String, FlowRecord>,
    /// Stored errors by id.
    pub errors: BTreeMap<String, ErrorRecord>,
    /// Sent mails, oldest first.
    pub mail: Vec<Mail>,
    /// Injected faults.
    pub faults: Vec<Fault>,
    /// OIDC logins in progress by state parameter.
    pub oidc: BTreeMap<String, OidcState>,
    /// The fake Hydra's authorizations and logouts.
    pub hydra: crate::hydra::state::Hydra,
}

impl Store {
    /// A fresh store, seeded if configured.
    pub fn new(config: Config) -> Self {
        let mut store = Store {
            config,
            ..Default::default()
        };
        if store.config.seed {
            store.seed();
        }
        store
    }

    /// Creates the demo identity (verified e-mail, password).
    pub fn seed(&mut self) {
        let mut identity = IdentityRecord::new(serde_json::json!({
            "email": crate::config::DEMO_EMAIL,
            "name": {"first": "Demo", "last": "User"}
        }));
        identity.password_hash = Some(crate::secrets::hash(crate::config::DEMO_PASSWORD));
        for address in &mut identity.verifiable {
            address.verified = true;
            address.status = "completed".into();
            address.verified_at = Some(now());
        }
        self.identities.insert(identity.id.clone(), identity);
    }

    /// The identity whose e-mail is `email` (case-insensitive).
    pub fn identity_by_email(&self, email: &str) -> Option<&IdentityRecord> {
        let email = email.trim().to_ascii_lowercase();
        self.identities
            .values()
            .find(|i| i.email().to_ascii_lowercase() == email)
    }

    /// The active session for a cookie value.
    pub fn session(&self, token: Option<&String>) -> Option<&SessionRecord> {
        let session = self.sessions.get(token?)?;
        (session.active && session.expires_at > now()).then_some(session)
    }
}
