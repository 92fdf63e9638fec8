//! Self-service flows: login, registration, recovery, verification, settings
//! and logout.

use serde::Serialize;
use serde_json::Value;

use super::continue_with::ContinueWith;
use super::json::{Extra, string_enum};
use super::read::{Fields, FromJson, deserialize_from_json};
use super::session::Identity;
use super::ui::UiContainer;

/// The five self-service flows that render a form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FlowKind {
    /// Sign in.
    Login,
    /// Sign up.
    Registration,
    /// Regain access to an account.
    Recovery,
    /// Verify an address.
    Verification,
    /// Change profile and credentials (needs a session).
    Settings,
}

impl FlowKind {
    /// All flow kinds.
    pub const ALL: [FlowKind; 5] = [
        Self::Login,
        Self::Registration,
        Self::Recovery,
        Self::Verification,
        Self::Settings,
    ];

    /// The path segment Kratos uses: `/self-service/<segment>/browser`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Login => "login",
            Self::Registration => "registration",
            Self::Recovery => "recovery",
            Self::Verification => "verification",
            Self::Settings => "settings",
        }
    }

    /// The flow kind named by a path segment (`login`, `registration`, ...).
    pub fn from_segment(segment: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == segment)
    }

    /// The query parameters Kratos accepts when creating this flow in a browser.
    pub fn create_parameters(self) -> &'static [&'static str] {
        match self {
            Self::Login => &[
                "refresh",
                "aal",
                "return_to",
                "login_challenge",
                "organization",
                "via",
                "identity_schema",
            ],
            Self::Registration => &[
                "return_to",
                "login_challenge",
                "after_verification_return_to",
                "organization",
                "identity_schema",
            ],
            Self::Recovery => &["return_to", "skip_settings"],
            Self::Verification | Self::Settings => &["return_to"],
        }
    }
}

impl std::fmt::Display for FlowKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

string_enum! {
    /// Where a flow stands (`state`).
    pub enum FlowState {
        /// The user picks a method (login, registration, recovery v1, verification).
        ChooseMethod = "choose_method",
        /// A code or link was sent.
        SentEmail = "sent_email",
        /// The challenge was passed (verification done).
        PassedChallenge = "passed_challenge",
        /// The settings form is shown.
        ShowForm = "show_form",
        /// Settings were saved.
        Success = "success",
        /// Recovery v2: asking for the address.
        RecoveryAwaitingAddress = "recovery_awaiting_address",
        /// Recovery v2: choosing among masked addresses.
        RecoveryAwaitingAddressChoice = "recovery_awaiting_address_choice",
        /// Recovery v2: confirming an address.
        RecoveryConfirmingAddress = "recovery_confirming_address",
        /// Recovery v2: waiting for the code.
        RecoveryAwaitingCode = "recovery_awaiting_code",
    }
}

string_enum! {
    /// Who the flow was created for (`type`).
    pub enum FlowType {
        /// A browser (cookies, CSRF).
        Browser = "browser",
        /// A native app (session tokens).
        Api = "api",
    }
}

/// A self-service flow: login, registration, recovery, verification or settings.
///
/// The five flows share this envelope; fields that only one kind carries are
/// optional and named after the flow that sends them. Which kind a flow is
/// follows from the endpoint that returned it (see [`FlowKind`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Flow {
    /// The flow id, used as `?flow=<id>` in UI URLs.
    pub id: String,
    /// Browser or API flow.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub flow_type: Option<FlowType>,
    /// When the flow expires (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    /// When the flow was issued (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued_at: Option<String>,
    /// The URL that created the flow.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_url: Option<String>,
    /// Where to go once the flow is done.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_to: Option<String>,
    /// The method last used (e.g. `code` after a code was sent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<String>,
    /// Where the flow stands.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<FlowState>,
    /// The form to render.
    pub ui: UiContainer,
    /// Recovery and settings: what to do next.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub continue_with: Vec<ContinueWith>,
    /// Settings: the identity being edited.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity: Option<Identity>,
    /// Login: whether this re-authenticates an existing session.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh: Option<bool>,
    /// Login: the assurance level asked for (`aal1`, `aal2`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requested_aal: Option<String>,
    /// Login and registration: the OAuth2 login challenge (Ory Hydra).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oauth2_login_challenge: Option<String>,
    /// Login and registration: the OAuth2 login request (Ory Hydra).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oauth2_login_request: Option<Value>,
    /// The organization (B2B single sign-on).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// The identity schema in use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity_schema: Option<String>,
    /// Data passed to webhooks; never stored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transient_payload: Option<Value>,
    /// When the flow was created (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// When the flow was last changed (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
    /// How many malformed nodes, messages or fields were left out when this
    /// flow was read from Kratos's answer (0 when built by hand). Each one
    /// was dropped alone; the rest of the flow is intact.
    #[serde(skip)]
    pub skipped: usize,
}

impl FromJson for Flow {
    fn from_json_value(value: Value) -> Option<Self> {
        let mut fields = Fields::of(value)?;
        Some(Self {
            id: fields.text("id").unwrap_or_default(),
            flow_type: fields.read("type"),
            expires_at: fields.text("expires_at"),
            issued_at: fields.text("issued_at"),
            request_url: fields.text("request_url"),
            return_to: fields.text("return_to"),
            active: fields.text("active"),
            state: fields.read("state"),
            ui: fields.read("ui").unwrap_or_default(),
            continue_with: fields.list("continue_with"),
            identity: fields.read("identity"),
            refresh: fields.flag("refresh"),
            requested_aal: fields.text("requested_aal"),
            oauth2_login_challenge: fields.text("oauth2_login_challenge"),
            oauth2_login_request: fields.any("oauth2_login_request"),
            organization_id: fields.text("organization_id"),
            identity_schema: fields.text("identity_schema"),
            transient_payload: fields.any("transient_payload"),
            created_at: fields.text("created_at"),
            updated_at: fields.text("updated_at"),
            extra: fields.rest(),
            skipped: 0,
        })
    }
}

impl Flow {
    /// Reads a flow from JSON leniently, counting what was left out in
    /// [`skipped`](Self::skipped): a node whose attributes are no object, a
    /// message that is no object, a field of the wrong type. Fails only
    /// when `value` is no JSON object at all.
    ///
    /// ```
    /// use leptos_kratos::model::Flow;
    /// let flow = Flow::from_json(&serde_json::json!({"id": "f", "ui": {"nodes": [
    ///     {"type": "input", "group": null, "attributes": {"name": "a", "type": "text"}},
    ///     {"type": 7, "attributes": "broken"},
    ///     {"type": "input", "attributes": {"name": "b", "type": "text", "label": 5}}
    /// ]}})).unwrap();
    /// assert_eq!(flow.ui.nodes.len(), 2);
    /// assert_eq!(flow.skipped, 2);
    /// ```
    pub fn from_json(value: &Value) -> Result<Self, serde_json::Error> {
        let (mut flow, skipped) = super::read::parse_counting::<Flow>(value)?;
        flow.skipped = skipped;
        Ok(flow)
    }

    /// The flow kind, as far as the flow itself tells: from the path of
    /// `ui.action` or `request_url` (`/self-service/<kind>`).
    pub fn kind_hint(&self) -> Option<FlowKind> {
        [Some(self.ui.action.as_str()), self.request_url.as_deref()]
            .into_iter()
            .flatten()
            .find_map(|url| {
                let path = url.split(['?', '#']).next()?;
                let rest = &path[path.find("/self-service/")? + "/self-service/".len()..];
                let segment = rest
                    .split('/')
                    .find(|s| FlowKind::from_segment(s).is_some())?;
                FlowKind::from_segment(segment)
            })
    }

    /// The address a one-time code was sent to, once one was (state
    /// `sent_email`): the value of the "resend to this address" button
    /// (recovery, verification), else of the hidden identifier (login) or
    /// of a hidden `traits.*` field holding an address (registration).
    /// Show it masked (`mask_address`).
    ///
    /// ```
    /// use leptos_kratos::model::Flow;
    /// let flow = |state: &str, nodes: serde_json::Value| {
    ///     Flow::from_json(&serde_json::json!({"state": state, "ui": {"nodes": nodes}})).unwrap()
    /// };
    /// let input = |group: &str, name: &str, kind: &str, value: &str| serde_json::json!({
    ///     "type": "input", "group": group,
    ///     "attributes": {"name": name, "type": kind, "value": value}});
    /// let resend = input("code", "email", "submit", "ada@example.com");
    /// assert_eq!(flow("sent_email", serde_json::json!([resend])).code_sent_to(), Some("ada@example.com"));
    /// assert_eq!(flow("choose_method", serde_json::json!([resend])).code_sent_to(), None);
    /// let login = input("code", "identifier", "hidden", "ada@example.com");
    /// assert_eq!(flow("sent_email", serde_json::json!([login])).code_sent_to(), Some("ada@example.com"));
    /// let traits = [input("default", "traits.name", "hidden", "Ada"),
    ///               input("default", "traits.email", "hidden", "ada@example.com")];
    /// assert_eq!(flow("sent_email", serde_json::json!(traits)).code_sent_to(), Some("ada@example.com"));
    /// let typed = input("default", "traits.email", "email", "ada@example.com");
    /// assert_eq!(flow("sent_email", serde_json::json!([typed])).code_sent_to(), None);
    /// ```
    pub fn code_sent_to(&self) -> Option<&str> {
        use super::attributes::InputType;
        if self.state != Some(FlowState::SentEmail) {
            return None;
        }
        fn value(node: &super::node::UiNode) -> Option<&str> {
            node.input()
                .and_then(|input| input.value.as_ref()?.as_str())
                .filter(|value| !value.trim().is_empty())
        }
        let nodes = &self.ui.nodes;
        let hidden = |node: &&super::node::UiNode| {
            node.input()
                .is_some_and(|input| input.input_type == InputType::Hidden)
        };
        nodes
            .iter()
            .filter(|node| node.is_resend() && node.name() == Some("email"))
            .find_map(value)
            .or_else(|| {
                nodes
                    .iter()
                    .filter(hidden)
                    .filter(|node| node.name() == Some("identifier"))
                    .find_map(value)
            })
            .or_else(|| {
                nodes
                    .iter()
                    .filter(hidden)
                    .filter(|node| node.name().is_some_and(|name| name.starts_with("traits.")))
                    .filter_map(value)
                    .find(|value| value.contains('@'))
            })
    }

    /// The account a login is being signed in to once the identifier was
    /// given (identifier first, a sent code): the value of a hidden
    /// `identifier` field. `None` before that, and for a refresh or
    /// second-factor login (the session names the account there).
    ///
    /// ```
    /// use leptos_kratos::model::Flow;
    /// let flow = |value: serde_json::Value| Flow::from_json(&value).unwrap();
    /// let hidden = serde_json::json!({"ui": {"nodes": [{"type": "input", "group": "default",
    ///     "attributes": {"name": "identifier", "type": "hidden", "value": "ada@example.com"}}]}});
    /// assert_eq!(flow(hidden.clone()).identifier_in_use(), Some("ada@example.com"));
    /// let mut refresh = hidden.clone();
    /// refresh["refresh"] = true.into();
    /// assert_eq!(flow(refresh).identifier_in_use(), None);
    /// let typed = serde_json::json!({"ui": {"nodes": [{"type": "input", "group": "default",
    ///     "attributes": {"name": "identifier", "type": "text", "value": "ada@example.com"}}]}});
    /// assert_eq!(flow(typed).identifier_in_use(), None);
    /// ```
    pub fn identifier_in_use(&self) -> Option<&str> {
        if self.refresh == Some(true) || self.requested_aal.as_deref() == Some("aal2") {
            return None;
        }
        self.ui
            .node_by_name("identifier")
            .and_then(|node| node.input())
            .filter(|input| input.input_type == super::attributes::InputType::Hidden)
            .and_then(|input| input.value.as_ref()?.as_str())
            .filter(|value| !value.trim().is_empty())
    }

    /// Whether this flow is a finished settings or verification flow.
    pub fn is_finished(&self) -> bool {
        matches!(
            self.state,
            Some(FlowState::Success) | Some(FlowState::PassedChallenge)
        )
    }
}

/// The answer of `GET /self-service/logout/browser`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct LogoutFlow {
    /// Open (or fetch) this URL to end the session.
    pub logout_url: String,
    /// The token inside `logout_url`.
    pub logout_token: String,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FromJson for LogoutFlow {
    fn from_json_value(value: Value) -> Option<Self> {
        let mut fields = Fields::of(value)?;
        Some(Self {
            logout_url: fields.text("logout_url").unwrap_or_default(),
            logout_token: fields.text("logout_token").unwrap_or_default(),
            extra: fields.rest(),
        })
    }
}

deserialize_from_json!(Flow, LogoutFlow);
