//! What a Kratos answer means for a browser UI: the statuses, error ids and
//! bodies Kratos's browser-flow handlers answer with, and what each one asks
//! a UI to do.
//!
//! This is pure: it turns `(status, redirected, content type, body)` into an
//! [`Outcome`], so every row of Kratos's response tables is unit-tested
//! natively. The HTTP layer only collects those four things.

use crate::model::read::FromJson;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::{ContinueWithAction, ErrorId, ErrorResponse, Flow, FlowKind, FlowSuccess};

/// What the HTTP layer saw.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RawResponse {
    /// The HTTP status (after following redirects).
    pub status: u16,
    /// Whether `fetch` followed a redirect to get here.
    pub redirected: bool,
    /// The final URL (differs from the request URL after a redirect).
    pub url: String,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The body, parsed as JSON when the content type says JSON; `None` for
    /// empty bodies, other content types or unparsable JSON.
    pub body: Option<Value>,
}

impl RawResponse {
    /// Whether the answer is JSON (`application/json`, `application/problem+json`, ...).
    pub fn is_json(&self) -> bool {
        self.content_type
            .as_deref()
            .is_some_and(is_json_content_type)
    }
}

/// Whether a `Content-Type` value denotes JSON.
pub fn is_json_content_type(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence == "application/json" || essence.ends_with("+json")
}

/// What a UI should do with an answer from a flow endpoint (create, get, submit).
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Render this flow: a 200 or 400 with `ui` (validation errors and
    /// intermediate steps alike), or the flow a followed redirect led to.
    Flow {
        /// The flow.
        flow: Box<Flow>,
        /// The HTTP status (400 means "render", not "failed").
        status: u16,
        /// Whether a redirect was followed (the flow id may have changed).
        redirected: bool,
    },
    /// Login or registration completed (200 with `session` and/or `identity`).
    Success(Box<FlowSuccess>),
    /// Logout completed (204).
    LoggedOut,
    /// Leave the page for this URL (422 `browser_location_change_required`,
    /// 403 `session_aal2_required` / `session_refresh_required`, or a followed
    /// redirect that ended on a page instead of JSON).
    Redirect {
        /// Where to go.
        url: String,
        /// The error that asked for it, if any.
        error: Option<Box<ErrorResponse>>,
    },
    /// Continue with another flow of the same kind (410 with `use_flow_id`).
    UseFlow {
        /// The flow to load; it already carries the explanation.
        flow_id: String,
        /// The error that announced it.
        error: Box<ErrorResponse>,
    },
    /// Start a new flow of the same kind: expired without `use_flow_id`,
    /// CSRF violation, or the flow is gone (404).
    Restart {
        /// Why, to show the user.
        error: Box<ErrorResponse>,
        /// The `return_to` to keep, when Kratos names one.
        return_to: Option<String>,
    },
    /// A session exists already (400 `session_already_available`).
    AlreadySignedIn(Box<ErrorResponse>),
    /// A session is needed (401: `session_inactive`, `session_aal1_required`, ...).
    SignInRequired(Box<ErrorResponse>),
    /// Continue with this flow of another (or the same) kind, which Kratos
    /// named in `error.details.continue_with` (`show_recovery_ui` when a
    /// recovery is retried with continue_with transitions on,
    /// `show_settings_ui`).
    ShowFlow {
        /// The flow's kind.
        kind: FlowKind,
        /// The flow to show.
        flow_id: String,
        /// The error that named it.
        error: Box<ErrorResponse>,
    },
    /// The address must be verified first: open this verification flow
    /// (`session_verified_address_required`, or any error whose details
    /// carry `show_verification_ui`).
    VerifyAddress {
        /// The verification flow to show.
        flow_id: String,
        /// The error that asked for it.
        error: Box<ErrorResponse>,
    },
    /// An error to show, with a way to start over.
    Error(Box<ErrorResponse>),
    /// No complete answer came within the client's timeout; the request was
    /// aborted. Nothing was lost: the form can be sent again.
    TimedOut,
    /// The answer made no sense for a JSON client (HTML, empty body, network
    /// failure). `detail` says what was seen (never a URL's query).
    Unexpected {
        /// The HTTP status, 0 if the request failed before any answer.
        status: u16,
        /// What went wrong, for the error view and the console.
        detail: String,
    },
}

impl Outcome {
    /// The error carried by this outcome, if any.
    pub fn error(&self) -> Option<&ErrorResponse> {
        match self {
            Self::Redirect { error, .. } => error.as_deref(),
            Self::UseFlow { error, .. }
            | Self::Restart { error, .. }
            | Self::ShowFlow { error, .. }
            | Self::VerifyAddress { error, .. }
            | Self::AlreadySignedIn(error)
            | Self::SignInRequired(error)
            | Self::Error(error) => Some(error),
            _ => None,
        }
    }

    /// A one-line description for logs: what kind of answer it was, with its
    /// status and error id. Never a URL, a token or a form value.
    ///
    /// ```
    /// use leptos_kratos::client::Outcome;
    /// let redirect = Outcome::Redirect { url: "https://k/x?token=secret".into(), error: None };
    /// assert_eq!(redirect.summary(), "a redirect");
    /// assert_eq!(Outcome::TimedOut.summary(), "no answer in time");
    /// ```
    pub fn summary(&self) -> String {
        let kind = match self {
            Self::Flow { status, .. } => return format!("a flow ({status})"),
            Self::Success(_) => "a success",
            Self::LoggedOut => "signed out",
            Self::Redirect { .. } => "a redirect",
            Self::UseFlow { .. } => "a replaced flow",
            Self::Restart { .. } => "a flow to start over",
            Self::AlreadySignedIn(_) => "already signed in",
            Self::SignInRequired(_) => "sign-in required",
            Self::VerifyAddress { .. } => "address verification required",
            Self::ShowFlow { .. } => "another flow to show",
            Self::Error(_) => "an error",
            Self::TimedOut => return "no answer in time".into(),
            Self::Unexpected { status, detail } => {
                return format!("an unexpected answer ({status}): {detail}");
            }
        };
        match self.error() {
            Some(error) => format!(
                "{kind} ({}, {})",
                error.error.code.unwrap_or_default(),
                error.id().map(|id| id.as_str()).unwrap_or("no id")
            ),
            None => kind.to_owned(),
        }
    }

    /// An `Unexpected` outcome for a request that got no answer at all.
    pub fn unreachable(detail: impl Into<String>) -> Self {
        Self::Unexpected {
            status: 0,
            detail: detail.into(),
        }
    }
}

/// Interprets an answer from a flow endpoint (create, get or submit).
pub fn classify(response: &RawResponse) -> Outcome {
    let status = response.status;
    if status == 204 {
        return Outcome::LoggedOut;
    }
    let body = match (&response.body, response.is_json()) {
        (Some(body), true) => body,
        // A redirect that ended on a page (e.g. registration submitted while
        // signed in is sent to the default return URL even for JSON clients):
        // the browser should go there.
        _ if response.redirected && !response.is_json() => {
            return Outcome::Redirect {
                url: response.url.clone(),
                error: None,
            };
        }
        _ => {
            return Outcome::Unexpected {
                status,
                detail: format!(
                    "expected JSON from Kratos but got {} ({})",
                    response
                        .content_type
                        .as_deref()
                        .unwrap_or("no content type"),
                    if response.body.is_some() {
                        "unparsable"
                    } else {
                        "no body"
                    }
                ),
            };
        }
    };

    if body.get("ui").is_some_and(Value::is_object) {
        return match Flow::from_json(body) {
            Ok(flow) => Outcome::Flow {
                flow: Box::new(flow),
                status,
                redirected: response.redirected,
            },
            Err(e) => Outcome::Unexpected {
                status,
                detail: format!("the flow could not be read: {e}"),
            },
        };
    }
    if body.get("error").is_some_and(Value::is_object) {
        return match ErrorResponse::read(body) {
            Some(error) => classify_error(status, error),
            None => Outcome::Unexpected {
                status,
                detail: "the error could not be read".into(),
            },
        };
    }
    if (200..300).contains(&status)
        && (body.get("session").is_some() || body.get("identity").is_some())
    {
        return match FlowSuccess::read(body) {
            Some(success) => Outcome::Success(Box::new(success)),
            None => Outcome::Unexpected {
                status,
                detail: "the success answer could not be read".into(),
            },
        };
    }
    Outcome::Unexpected {
        status,
        detail: "the answer is neither a flow, an error nor a success".into(),
    }
}

/// Interprets an error envelope by its id, falling back to the status.
fn classify_error(status: u16, error: ErrorResponse) -> Outcome {
    let id = error.id().cloned();
    let redirect = error
        .redirect_browser_to
        .clone()
        .filter(|url| !url.is_empty());
    let use_flow_id = error.use_flow_id.clone().filter(|id| !id.is_empty());
    let return_to = error
        .error
        .detail_str("return_to")
        .filter(|url| !url.is_empty())
        .map(str::to_owned);
    let error = Box::new(error);
    // A flow Kratos names in the error's details is where to continue,
    // whatever the id (or none): show_verification_ui (an unverified
    // address), show_recovery_ui (a retried recovery), show_settings_ui.
    let shown = error
        .error
        .details_continue_with()
        .into_iter()
        .find_map(|item| {
            let kind = match item.action {
                ContinueWithAction::ShowVerificationUi => FlowKind::Verification,
                ContinueWithAction::ShowRecoveryUi => FlowKind::Recovery,
                ContinueWithAction::ShowSettingsUi => FlowKind::Settings,
                _ => return None,
            };
            Some((kind, item.flow?.id)).filter(|(_, id)| !id.is_empty())
        });
    match shown {
        Some((FlowKind::Verification, flow_id)) => {
            return Outcome::VerifyAddress { flow_id, error };
        }
        Some((kind, flow_id)) => {
            return Outcome::ShowFlow {
                kind,
                flow_id,
                error,
            };
        }
        None => {}
    }
    match id {
        Some(
            ErrorId::BrowserLocationChangeRequired
            | ErrorId::SessionAal2Required
            | ErrorId::SessionRefreshRequired,
        ) if redirect.is_some() => Outcome::Redirect {
            url: redirect.unwrap_or_default(),
            error: Some(error),
        },
        Some(ErrorId::SelfServiceFlowExpired | ErrorId::SelfServiceFlowReplaced)
            if use_flow_id.is_some() =>
        {
            Outcome::UseFlow {
                flow_id: use_flow_id.unwrap_or_default(),
                error,
            }
        }
        Some(ErrorId::SelfServiceFlowExpired | ErrorId::SecurityCsrfViolation) => {
            Outcome::Restart { error, return_to }
        }
        Some(ErrorId::SessionAlreadyAvailable) => Outcome::AlreadySignedIn(error),
        Some(ErrorId::SessionInactive | ErrorId::SessionAal1Required) => {
            Outcome::SignInRequired(error)
        }
        Some(ErrorId::SessionVerifiedAddressRequired) => Outcome::Error(error),
        // Errors without an id: the status decides.
        _ if status == 401 => Outcome::SignInRequired(error),
        // The settings flow's 410 has no id; a 404 means the flow is gone.
        None if status == 410 || status == 404 => Outcome::Restart { error, return_to },
        _ => Outcome::Error(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn answer(status: u16, body: Value) -> RawResponse {
        RawResponse {
            status,
            redirected: false,
            url: "https://kratos/self-service/login?flow=1".into(),
            content_type: Some("application/json; charset=utf-8".into()),
            body: Some(body),
        }
    }

    fn error(status: u16, id: &str, extra: Value) -> RawResponse {
        let mut body = json!({"error": {"id": id, "code": status, "status": "x", "message": "m"}});
        if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
            body.extend(extra.clone());
        }
        answer(status, body)
    }

    fn flow() -> Value {
        json!({"id": "f1", "type": "browser", "state": "choose_method",
               "ui": {"action": "https://kratos/self-service/login?flow=f1", "method": "POST", "nodes": []}})
    }

    #[test]
    fn flows_render_whatever_the_status() {
        for status in [200, 400] {
            match classify(&answer(status, flow())) {
                Outcome::Flow {
                    flow,
                    status: s,
                    redirected: false,
                } => {
                    assert_eq!(flow.id, "f1");
                    assert_eq!(s, status);
                }
                other => panic!("{status}: {other:?}"),
            }
        }
        let mut followed = answer(200, flow());
        followed.redirected = true;
        assert!(matches!(
            classify(&followed),
            Outcome::Flow {
                redirected: true,
                ..
            }
        ));
    }

    #[test]
    fn successes_and_logout() {
        let login = answer(
            200,
            json!({"session": {"id": "s"}, "continue_with": [
            {"action": "redirect_browser_to", "redirect_browser_to": "https://app/"}]}),
        );
        match classify(&login) {
            Outcome::Success(success) => {
                assert_eq!(success.session.unwrap().id, "s");
                assert_eq!(success.continue_with.len(), 1);
            }
            other => panic!("{other:?}"),
        }
        let registration = answer(200, json!({"identity": {"id": "i", "traits": {}}}));
        assert!(matches!(classify(&registration), Outcome::Success(_)));
        let mut logout = answer(204, Value::Null);
        logout.body = None;
        logout.content_type = None;
        assert_eq!(classify(&logout), Outcome::LoggedOut);
    }

    #[test]
    fn location_changes_redirect() {
        for (status, id) in [
            (422, "browser_location_change_required"),
            (403, "session_aal2_required"),
            (403, "session_refresh_required"),
        ] {
            let outcome = classify(&error(
                status,
                id,
                json!({"redirect_browser_to": "https://idp/auth"}),
            ));
            match outcome {
                Outcome::Redirect {
                    url,
                    error: Some(_),
                } => assert_eq!(url, "https://idp/auth"),
                other => panic!("{id}: {other:?}"),
            }
        }
        // Without a target there is nowhere to go: show the error.
        assert!(matches!(
            classify(&error(422, "browser_location_change_required", json!({}))),
            Outcome::Error(_)
        ));
    }

    #[test]
    fn expired_and_replaced_flows() {
        let submit = error(
            410,
            "self_service_flow_expired",
            json!({"use_flow_id": "new", "expired_at": "t", "since": 1}),
        );
        assert!(
            matches!(classify(&submit), Outcome::UseFlow { ref flow_id, .. } if flow_id == "new")
        );
        let replaced = error(
            410,
            "self_service_flow_replaced",
            json!({"use_flow_id": "n2"}),
        );
        assert!(
            matches!(classify(&replaced), Outcome::UseFlow { ref flow_id, .. } if flow_id == "n2")
        );
        let mut get = error(410, "self_service_flow_expired", json!({}));
        get.body.as_mut().unwrap()["error"]["details"] = json!({"redirect_to": "https://kratos/self-service/login/browser?return_to=https://app/x", "return_to": "https://app/x"});
        match classify(&get) {
            Outcome::Restart { return_to, .. } => {
                assert_eq!(return_to.as_deref(), Some("https://app/x"))
            }
            other => panic!("{other:?}"),
        }
        // Settings' get endpoint answers 410 without an id.
        let settings = answer(
            410,
            json!({"error": {"code": 410, "status": "Gone", "message": "expired"}}),
        );
        assert!(matches!(classify(&settings), Outcome::Restart { .. }));
    }

    #[test]
    fn csrf_violations_and_missing_flows_restart() {
        assert!(matches!(
            classify(&error(403, "security_csrf_violation", json!({}))),
            Outcome::Restart { .. }
        ));
        let gone = answer(
            404,
            json!({"error": {"code": 404, "status": "Not Found", "message": "Unable to locate the resource"}}),
        );
        assert!(matches!(classify(&gone), Outcome::Restart { .. }));
    }

    #[test]
    fn session_errors() {
        assert!(matches!(
            classify(&error(400, "session_already_available", json!({}))),
            Outcome::AlreadySignedIn(_)
        ));
        for (status, id) in [(401, "session_inactive"), (401, "session_aal1_required")] {
            assert!(matches!(
                classify(&error(status, id, json!({}))),
                Outcome::SignInRequired(_)
            ));
        }
        let whoami = answer(
            401,
            json!({"error": {"code": 401, "status": "Unauthorized", "message": "The request could not be authorized"}, "CredentialsMissing": false}),
        );
        assert!(matches!(classify(&whoami), Outcome::SignInRequired(_)));
        let mut verify = error(403, "session_verified_address_required", json!({}));
        verify.body.as_mut().unwrap()["error"]["details"] = json!({"continue_with": [
            {"action": "show_verification_ui", "flow": {"id": "v9", "verifiable_address": "a@b.c"}}]});
        assert!(
            matches!(classify(&verify), Outcome::VerifyAddress { ref flow_id, .. } if flow_id == "v9")
        );
    }

    #[test]
    fn flows_named_in_error_details_are_shown() {
        // A recovery retried with continue_with transitions: 410, no id.
        let retried = answer(
            410,
            json!({"error": {"code": 410, "status": "Gone", "message": "m",
                "details": {"continue_with": [{"action": "show_recovery_ui", "flow": {"id": "r2", "url": "https://app/recovery?flow=r2"}}]}}}),
        );
        match classify(&retried) {
            Outcome::ShowFlow { kind, flow_id, .. } => {
                assert_eq!((kind, flow_id.as_str()), (FlowKind::Recovery, "r2"))
            }
            other => panic!("{other:?}"),
        }
        // session_verified_address_required is HTTP 403 with a body saying 400.
        let mut unverified = error(403, "session_verified_address_required", json!({}));
        unverified.body.as_mut().unwrap()["error"]["code"] = json!(400);
        unverified.body.as_mut().unwrap()["error"]["details"] = json!({"continue_with": [
            {"action": "show_verification_ui", "flow": {"id": "v1", "verifiable_address": "a@b.c"}}]});
        assert!(
            matches!(classify(&unverified), Outcome::VerifyAddress { ref flow_id, .. } if flow_id == "v1")
        );
        // Without a flow to go to, the error is shown.
        assert!(matches!(
            classify(&error(403, "session_verified_address_required", json!({}))),
            Outcome::Error(_)
        ));
    }

    #[test]
    fn other_errors_are_shown() {
        for (status, id) in [
            (400, "self_service_flow_return_to_forbidden"),
            (400, "self_service_flow_disabled"),
            (403, "security_identity_mismatch"),
            (500, "whatever_comes_next"),
        ] {
            assert!(
                matches!(classify(&error(status, id, json!({}))), Outcome::Error(_)),
                "{id}"
            );
        }
        let plain = answer(500, json!({"error": {"code": 500, "message": "boom"}}));
        assert!(matches!(classify(&plain), Outcome::Error(_)));
    }

    #[test]
    fn non_json_answers() {
        let html = RawResponse {
            status: 200,
            redirected: true,
            url: "https://app.example/".into(),
            content_type: Some("text/html".into()),
            body: None,
        };
        assert_eq!(
            classify(&html),
            Outcome::Redirect {
                url: "https://app.example/".into(),
                error: None
            }
        );
        let not_redirected = RawResponse {
            redirected: false,
            ..html
        };
        assert!(matches!(
            classify(&not_redirected),
            Outcome::Unexpected { status: 200, .. }
        ));
        let garbage = answer(200, json!({"hello": "world"}));
        assert!(matches!(classify(&garbage), Outcome::Unexpected { .. }));
        // A flow with broken parts is still a flow: what is broken is left
        // out (and counted), the rest renders.
        let bad_flow = answer(
            200,
            json!({"id": "f", "ui": {"nodes": "not a list", "messages": [null, 5, {"id": 1, "text": null}]}}),
        );
        match classify(&bad_flow) {
            Outcome::Flow { flow, .. } => {
                assert!(flow.ui.nodes.is_empty());
                assert_eq!(flow.ui.messages.len(), 1);
                assert_eq!(flow.skipped, 3, "the nodes, the messages null and 5");
            }
            other => panic!("{other:?}"),
        }
        assert!(is_json_content_type("application/problem+json"));
        assert!(!is_json_content_type("text/html; charset=utf-8"));
    }
}
