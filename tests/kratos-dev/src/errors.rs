//! Kratos's error answers (herodot envelopes) and how browsers get them.

use axum::response::Response;
use serde_json::{Map, Value, json};

use crate::http::{Ctx, json, see_other, status_text};
use crate::store::{ErrorRecord, Store, new_id};
use crate::time::{now, rfc3339};

/// An error answer.
#[derive(Clone, Debug)]
pub struct KError {
    /// HTTP status.
    pub status: u16,
    /// `error.id`.
    pub id: Option<&'static str>,
    /// `error.message`.
    pub message: String,
    /// `error.reason`.
    pub reason: Option<String>,
    /// `error.details` (boxed: errors travel in `Result`s).
    pub details: Option<Box<Value>>,
    /// Top-level extras (`redirect_browser_to`, `use_flow_id`, `expired_at`,
    /// `since`); boxed like `details`.
    pub extras: Box<Map<String, Value>>,
    /// `error.code` when it differs from the HTTP status (Kratos's
    /// `session_verified_address_required` is HTTP 403 with a body saying 400).
    pub body_code: Option<u16>,
}

impl KError {
    /// An error with a status and message.
    pub fn new(status: u16, message: impl Into<String>) -> Self {
        Self {
            status,
            id: None,
            message: message.into(),
            reason: None,
            details: None,
            extras: Box::default(),
            body_code: None,
        }
    }

    /// Says `code` in the body while answering with the HTTP status.
    pub fn body_code(mut self, code: u16) -> Self {
        self.body_code = Some(code);
        self
    }

    /// Sets `error.id`.
    pub fn id(mut self, id: &'static str) -> Self {
        self.id = Some(id);
        self
    }

    /// Sets `error.reason`.
    pub fn reason(mut self, reason: impl Into<String>) -> Self {
        self.reason = Some(reason.into());
        self
    }

    /// Sets `error.details`.
    pub fn details(mut self, details: Value) -> Self {
        self.details = Some(Box::new(details));
        self
    }

    /// Adds a top-level field.
    pub fn extra(mut self, key: &str, value: impl Into<Value>) -> Self {
        self.extras.insert(key.into(), value.into());
        self
    }

    /// The `error` object.
    pub fn error_object(&self) -> Value {
        let mut error = Map::new();
        if let Some(id) = self.id {
            error.insert("id".into(), id.into());
        }
        let code = self.body_code.unwrap_or(self.status);
        error.insert("code".into(), code.into());
        error.insert("status".into(), status_text(code).into());
        if let Some(reason) = &self.reason {
            error.insert("reason".into(), reason.clone().into());
        }
        if let Some(details) = &self.details {
            error.insert("details".into(), (**details).clone());
        }
        error.insert("message".into(), self.message.clone().into());
        Value::Object(error)
    }

    /// The whole JSON body.
    pub fn body(&self) -> Value {
        let mut body = *self.extras.clone();
        body.insert("error".into(), self.error_object());
        Value::Object(body)
    }

    /// The redirect target, for errors that carry one.
    pub fn redirect_browser_to(&self) -> Option<String> {
        self.extras
            .get("redirect_browser_to")
            .and_then(Value::as_str)
            .map(str::to_owned)
    }
}

/// Answers with an error: JSON for JSON clients; for browsers a redirect to
/// where the error points, or to the error UI with the stored error.
pub fn respond(store: &mut Store, ctx: &Ctx, error: KError) -> Response {
    if ctx.is_json_request() {
        return json(error.status, &error.body());
    }
    if let Some(target) = error.redirect_browser_to() {
        return see_other(&target);
    }
    browser_error_page(store, error)
}

/// Stores the error and sends the browser to the error UI.
pub fn browser_error_page(store: &mut Store, error: KError) -> Response {
    let id = new_id();
    let now = rfc3339(now());
    store.errors.insert(
        id.clone(),
        ErrorRecord {
            id: id.clone(),
            error: error.error_object(),
            created_at: now.clone(),
            updated_at: now,
        },
    );
    see_other(&format!("{}?id={id}", store.config.ui_page("error")))
}

/// 404 for an unknown flow or resource.
pub fn not_found() -> KError {
    KError::new(404, "The requested resource could not be found")
        .reason("Unable to locate the resource")
}

/// 400 for a malformed request.
pub fn bad_request(reason: impl Into<String>) -> KError {
    KError::new(
        400,
        "The request was malformed or contained invalid parameters",
    )
    .reason(reason)
}

/// 403 `security_csrf_violation`.
pub fn csrf_violation(ctx: &Ctx, reject_reason: &str) -> KError {
    let ajax = matches!(ctx.header("sec-fetch-mode"), Some("cors" | "same-origin"));
    let hint = if ajax {
        "The anti-CSRF cookie must be sent with the request: use `credentials: \"include\"` with fetch and make sure the cookie's domain and SameSite settings allow it."
    } else {
        "To find out more about CSRF please check: https://www.ory.sh/docs/kratos/debug/csrf"
    };
    KError::new(403, "the request was rejected to protect you from Cross-Site-Request-Forgery")
        .id("security_csrf_violation")
        .reason("Please retry the flow and optionally clear your cookies. The request was rejected to protect you from Cross-Site-Request-Forgery (CSRF) which could cause account takeover, leaking personal information, and other serious security issues.")
        .details(json!({
            "docs": "https://www.ory.sh/kratos/docs/debug/csrf",
            "hint": hint,
            "reject_reason": reject_reason,
        }))
}

/// 400 `session_already_available`.
pub fn session_already_available() -> KError {
    KError::new(
        400,
        "A valid session was detected and thus login is not possible. Did you forget to set `?refresh=true`?",
    )
    .id("session_already_available")
    .reason("A valid session was detected and thus login is not possible.")
}

/// 401 `session_inactive`.
pub fn session_inactive() -> KError {
    KError::new(401, "request does not have a valid authentication session")
        .id("session_inactive")
        .reason("No active session was found in this request.")
}

/// 401 without an id (whoami, settings' get endpoint).
pub fn unauthorized(reason: &str) -> KError {
    KError::new(401, "The request could not be authorized").reason(reason)
}

/// 401 `session_aal1_required`.
pub fn aal1_required() -> KError {
    KError::new(
        401,
        "Session does not fulfill the requested Authenticator Assurance Level",
    )
    .id("session_aal1_required")
    .reason("You can not requested a higher AAL (AAL2/AAL3) without an active session.")
}

/// 403 `session_aal2_required` with where to upgrade.
pub fn aal2_required(redirect_browser_to: String) -> KError {
    KError::new(403, "Session does not fulfill the requested Authenticator Assurance Level")
        .id("session_aal2_required")
        .reason("An active session was found but it does not fulfill the Authenticator Assurance Level, implying that the session must use a second factor to be authenticated.")
        .extra("redirect_browser_to", redirect_browser_to)
}

/// 403 `session_refresh_required` with where to re-authenticate.
pub fn refresh_required(redirect_browser_to: String) -> KError {
    KError::new(403, "The login session is too old and thus not allowed to update these fields. Please re-authenticate.")
        .id("session_refresh_required")
        .reason("The login session is too old and thus not allowed to update these fields. Please re-authenticate.")
        .extra("redirect_browser_to", redirect_browser_to)
}

/// 422 `browser_location_change_required`.
pub fn location_change(url: &str) -> KError {
    KError::new(422, "browser location change required")
        .id("browser_location_change_required")
        .reason(format!(
            "In order to complete this flow please redirect the browser to: {url}"
        ))
        .extra("redirect_browser_to", url)
}

/// 400 `self_service_flow_return_to_forbidden`.
pub fn return_to_forbidden(url: &str) -> KError {
    KError::new(400, "Requested return_to URL is not allowed.")
        .id("self_service_flow_return_to_forbidden")
        .reason(format!("Requested return_to URL \"{url}\" is not allowed."))
}

/// 400 `self_service_flow_disabled`.
pub fn flow_disabled(what: &str) -> KError {
    KError::new(
        400,
        format!("{what} is not allowed because it was disabled."),
    )
    .id("self_service_flow_disabled")
    .reason(format!("{what} is not allowed because it was disabled."))
}

/// 403 `security_identity_mismatch`.
pub fn identity_mismatch() -> KError {
    KError::new(
        403,
        "The request was rejected to protect you from identity theft.",
    )
    .id("security_identity_mismatch")
    .reason(
        "You must restart the flow because the resumable session was initiated by another person.",
    )
}

/// 410 `self_service_flow_replaced`: continue with `use_flow_id`, which
/// carries the explanation (Kratos's verification retries).
pub fn flow_replaced(reason: &str, use_flow_id: &str) -> KError {
    KError::new(410, "self-service flow replaced")
        .id("self_service_flow_replaced")
        .reason(reason)
        .extra("use_flow_id", use_flow_id)
}

/// 400 without an id for a code submitted too often on one flow
/// (`selfservice.methods.code.config.max_submissions`, 5).
pub fn code_submitted_too_often() -> KError {
    KError::new(
        400,
        "The request was malformed or contained invalid parameters",
    )
    .reason("The request was submitted too often. Please request another code.")
}

/// 410 `self_service_flow_expired` (the message and reason; extras per endpoint).
pub fn flow_expired(minutes_ago: f64) -> KError {
    KError::new(410, "self-service flow expired")
        .id("self_service_flow_expired")
        .reason(format!(
            "The self-service flow expired {minutes_ago:.2} minutes ago, initialize a new one."
        ))
}
