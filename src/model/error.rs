//! Error answers: the JSON error envelope and the flow-error container.

use serde::Serialize;
use serde_json::Value;

use super::continue_with::ContinueWith;
use super::json::{Extra, string_enum};
use super::read::{Fields, FromJson, deserialize_from_json};

string_enum! {
    /// Machine-readable error ids (`error.id`).
    pub enum ErrorId {
        /// A session exists already; there is nothing to log in to.
        SessionAlreadyAvailable = "session_already_available",
        /// `aal=aal2` was asked for without any session.
        SessionAal1Required = "session_aal1_required",
        /// The session's assurance level is too low; see `redirect_browser_to`.
        SessionAal2Required = "session_aal2_required",
        /// The session already has the requested assurance level.
        SessionAalAlreadyFulfilled = "session_aal_already_fulfilled",
        /// There is no (active) session.
        SessionInactive = "session_inactive",
        /// A privileged change needs a fresh login; see `redirect_browser_to`.
        SessionRefreshRequired = "session_refresh_required",
        /// The address must be verified first; see `details.continue_with`.
        SessionVerifiedAddressRequired = "session_verified_address_required",
        /// The flow expired; see `use_flow_id` or `details.redirect_to`.
        SelfServiceFlowExpired = "self_service_flow_expired",
        /// The flow was replaced by `use_flow_id`.
        SelfServiceFlowReplaced = "self_service_flow_replaced",
        /// The flow is disabled (e.g. registration).
        SelfServiceFlowDisabled = "self_service_flow_disabled",
        /// `return_to` is not allowed.
        SelfServiceFlowReturnToForbidden = "self_service_flow_return_to_forbidden",
        /// Open `redirect_browser_to` as a top-level navigation.
        BrowserLocationChangeRequired = "browser_location_change_required",
        /// The anti-CSRF cookie and token do not match.
        SecurityCsrfViolation = "security_csrf_violation",
        /// The flow belongs to a different identity.
        SecurityIdentityMismatch = "security_identity_mismatch",
        /// The identity is disabled.
        IdentityDisabled = "identity_disabled",
    }
}

/// The error object inside an error answer (`error`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct GenericError {
    /// The machine-readable id; absent on plain errors such as 404.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<ErrorId>,
    /// The HTTP status code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<i64>,
    /// The HTTP status text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The request id, for tracing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request: Option<String>,
    /// A human-readable explanation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// A short message; always present on real servers.
    pub message: String,
    /// Further details (`redirect_to`, `return_to`, `continue_with`, hints).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<Value>,
    /// Debug information, when the server exposes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub debug: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FromJson for GenericError {
    fn from_json_value(value: Value) -> Option<Self> {
        let mut fields = Fields::of(value)?;
        Some(Self {
            id: fields.read("id"),
            code: fields.int("code"),
            status: fields.text("status"),
            request: fields.text("request"),
            reason: fields.text("reason"),
            message: fields.text("message").unwrap_or_default(),
            details: fields.any("details"),
            debug: fields.text("debug"),
            extra: fields.rest(),
        })
    }
}

impl GenericError {
    /// A string from `details`, e.g. `detail_str("redirect_to")`.
    pub fn detail_str(&self, key: &str) -> Option<&str> {
        self.details.as_ref()?.get(key)?.as_str()
    }

    /// `details.continue_with`, e.g. for `session_verified_address_required`.
    pub fn details_continue_with(&self) -> Vec<ContinueWith> {
        self.details
            .as_ref()
            .and_then(|details| details.get("continue_with"))
            .and_then(Value::as_array)
            .map(|items| items.iter().filter_map(ContinueWith::read).collect())
            .unwrap_or_default()
    }

    /// The most helpful text for a person: the reason, else the message.
    pub fn human_text(&self) -> &str {
        match self.reason.as_deref() {
            Some(reason) if !reason.is_empty() => reason,
            _ => &self.message,
        }
    }
}

/// An error answer: `{"error": {...}}` plus the extras Kratos adds for some
/// errors (`redirect_browser_to`, `use_flow_id`, `expired_at`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ErrorResponse {
    /// The error.
    pub error: GenericError,
    /// Where the browser must go (422 location change, 403 AAL2/refresh).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redirect_browser_to: Option<String>,
    /// The flow to continue with (410 expired on submit, 410 replaced).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub use_flow_id: Option<String>,
    /// When the flow expired (410 expired).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expired_at: Option<String>,
    /// How long ago it expired, in nanoseconds (deprecated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<i64>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FromJson for ErrorResponse {
    fn from_json_value(value: Value) -> Option<Self> {
        let mut fields = Fields::of(value)?;
        Some(Self {
            error: fields.read("error").unwrap_or_default(),
            redirect_browser_to: fields.text("redirect_browser_to"),
            use_flow_id: fields.text("use_flow_id"),
            expired_at: fields.text("expired_at"),
            since: fields.int("since"),
            extra: fields.rest(),
        })
    }
}

impl ErrorResponse {
    /// The error id, if any.
    pub fn id(&self) -> Option<&ErrorId> {
        self.error.id.as_ref()
    }

    /// Whether the error has this id.
    pub fn is(&self, id: &ErrorId) -> bool {
        self.id() == Some(id)
    }
}

/// A stored error from `GET /self-service/errors?id=` (the error UI's input).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FlowError {
    /// The error container id.
    pub id: String,
    /// The error: usually a [`GenericError`], sometimes a JSON-schema
    /// validation error; kept as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<Value>,
    /// When it was recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// When it last changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FromJson for FlowError {
    fn from_json_value(value: Value) -> Option<Self> {
        let mut fields = Fields::of(value)?;
        Some(Self {
            id: fields.text("id").unwrap_or_default(),
            error: fields.any("error"),
            created_at: fields.text("created_at"),
            updated_at: fields.text("updated_at"),
            extra: fields.rest(),
        })
    }
}

impl FlowError {
    /// The error as a [`GenericError`], when it has that shape.
    pub fn generic(&self) -> Option<GenericError> {
        GenericError::from_json_value(self.error.clone()?)
    }
}

deserialize_from_json!(GenericError, ErrorResponse, FlowError);
