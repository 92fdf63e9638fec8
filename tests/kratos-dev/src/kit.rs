//! What every flow and strategy shares: the session cookie, `return_to`
//! checks, new flows and how they are answered, CSRF, signing in, and the
//! pieces of success answers (`continue_with`, bodies).

use axum::response::Response;
use leptos_kratos::model::{ContinueWith, ContinueWithAction, FlowKind, FlowState, UiText};
use serde_json::{Value, json};

use crate::csrf;
use crate::errors::{self, KError};
use crate::http::{Ctx, Form, cookie, json, see_other};
use crate::nodes::ContainerExt;
use crate::redirect::{self, Refused};
use crate::store::{AuthMethod, FlowRecord, SessionRecord, Store, new_id, new_token};
use crate::time::{Millis, now};

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "ory_kratos_session";

/// The lifespan of a flow kind.
fn lifespan(store: &Store, kind: FlowKind) -> Millis {
    let l = &store.config.lifespans;
    match kind {
        FlowKind::Login => l.login,
        FlowKind::Registration => l.registration,
        FlowKind::Recovery => l.recovery,
        FlowKind::Verification => l.verification,
        FlowKind::Settings => l.settings,
    }
}

/// The current session, if the request carries an active one.
pub fn session_of(store: &Store, ctx: &Ctx) -> Option<SessionRecord> {
    store.session(ctx.cookies.get(SESSION_COOKIE)).cloned()
}

/// Kratos's check of a `return_to` value (see [`crate::redirect`]): the URL
/// to redirect to, or the error Kratos answers (400 without an id when Go's
/// parser fails, 400 `self_service_flow_return_to_forbidden` otherwise).
pub fn check_return_to(store: &Store, url: &str) -> Result<String, KError> {
    match redirect::secure_redirect(&store.config, url) {
        Ok(target) => Ok(target),
        Err(Refused::Unparsable(error)) => Err(errors::bad_request(format!(
            "Unable to parse the return_to query parameter as an URL: {error}"
        ))),
        Err(Refused::NotAllowed) => Err(errors::return_to_forbidden(url)),
    }
}

/// Where an allowed `return_to` leads (`None` if Kratos would refuse it).
pub fn allowed_return_to(store: &Store, url: &str) -> Option<String> {
    check_return_to(store, url).ok()
}

/// The `return_to` query parameter, checked; the raw value, which Kratos
/// keeps as the flow's `return_to`.
pub fn return_to_param(store: &Store, ctx: &Ctx) -> Result<Option<String>, KError> {
    match ctx.param("return_to") {
        None => Ok(None),
        Some(url) => check_return_to(store, &url).map(|_| Some(url)),
    }
}

/// Where to go after a flow: its `return_to`, else the default.
pub fn return_url(store: &Store, flow: Option<&FlowRecord>) -> String {
    flow.and_then(|f| f.return_to.as_deref())
        .and_then(|raw| allowed_return_to(store, raw))
        .unwrap_or_else(|| store.config.default_return_url.clone())
}

/// A new flow of `kind` with the common fields; the kind's `init` adds nodes.
pub fn new_flow(
    store: &Store,
    ctx: &mut Ctx,
    kind: FlowKind,
    return_to: Option<String>,
) -> FlowRecord {
    let config = &store.config;
    let csrf = csrf::ensure(ctx, &config.public_url, config.secure_cookies());
    let id = new_id();
    let issued_at = now();
    FlowRecord {
        ui: crate::nodes::container(
            config.public(&format!("/self-service/{kind}?flow={id}")),
            Vec::new(),
        ),
        id,
        kind,
        issued_at,
        expires_at: issued_at + lifespan(store, kind),
        request_url: ctx.request_url(&config.public_url),
        params: ctx.query.clone(),
        return_to,
        state: match kind {
            FlowKind::Settings => FlowState::ShowForm,
            _ => FlowState::ChooseMethod,
        },
        active: None,
        csrf,
        refresh: false,
        requested_aal: "aal1".into(),
        identity_id: None,
        code: None,
        traits: None,
        identifier: None,
        pending_totp: None,
        pending_lookup: None,
        continue_with: Vec::new(),
        ceremonies: Default::default(),
        code_submissions: 0,
        paused_change: None,
        oauth2_login_challenge: None,
        oauth2_login_request: None,
    }
}

/// Where a login or registration goes once done: back to Hydra when the
/// flow completes an OAuth2 login (Kratos accepts Hydra's login request for
/// the identity), else `None`.
pub fn oauth2_continuation(
    store: &mut Store,
    flow: &FlowRecord,
    identity_id: &str,
) -> Option<String> {
    let challenge = flow.oauth2_login_challenge.as_deref()?;
    crate::hydra::state::accept_login(&mut store.hydra, &store.config, challenge, identity_id)
}

/// Answers with a flow: JSON (status 200 or 400) for JSON clients, a 303 to
/// the UI for browsers.
pub fn flow_answer(store: &Store, ctx: &Ctx, id: &str, status: u16) -> Response {
    let Some(flow) = store.flows.get(id) else {
        return json(404, &errors::not_found().body());
    };
    if !ctx.accepts_json() {
        return see_other(&format!(
            "{}?flow={id}",
            store.config.ui_page(flow.kind.as_str())
        ));
    }
    flow_json(store, ctx, flow, status)
}

/// The flow as JSON with a fresh masked CSRF token.
pub fn flow_json(store: &Store, ctx: &Ctx, flow: &FlowRecord, status: u16) -> Response {
    let identity = flow
        .identity_id
        .as_ref()
        .and_then(|id| store.identities.get(id));
    let token = csrf::current(ctx, &store.config.public_url).unwrap_or_else(|| flow.csrf.clone());
    let has_csrf_node = flow.ui.nodes.iter().any(|n| n.name() == Some("csrf_token"));
    let masked = has_csrf_node.then(|| csrf::mask(&token));
    json(status, &flow.to_model(identity, masked.as_deref()))
}

/// Checks the submitted `csrf_token` against the CSRF cookie.
pub fn check_csrf(store: &Store, ctx: &Ctx, form: &Form) -> Result<(), KError> {
    let cookie = csrf::current(ctx, &store.config.public_url);
    let sent = form.text("csrf_token");
    match (cookie, sent) {
        (None, _) if ctx.cookies.is_empty() => Err(errors::csrf_violation(
            ctx,
            "The HTTP Cookie Header is empty or not set.",
        )),
        (None, _) => Err(errors::csrf_violation(
            ctx,
            "The HTTP Cookie Header was set but did not include the anti-CSRF cookie. Are you running Ory Kratos on a different domain than the UI?",
        )),
        (Some(_), None) => Err(errors::csrf_violation(
            ctx,
            "The anti-CSRF cookie was found but the CSRF token was not included in the HTTP request body (csrf_token) nor in the HTTP Header (X-CSRF-Token).",
        )),
        (Some(cookie), Some(sent)) if csrf::verify(&sent, &cookie) => Ok(()),
        _ => Err(errors::csrf_violation(
            ctx,
            "The HTTP Cookie Header was set and a CSRF token was sent but they do not match. We recommend deleting all cookies for this domain and retrying the flow.",
        )),
    }
}

/// Stores the flow and answers 400 with it (validation errors and
/// intermediate steps); browsers are sent back to the UI.
pub fn rerender(store: &mut Store, ctx: &Ctx, flow: FlowRecord, status: u16) -> Response {
    let id = flow.id.clone();
    store.flows.insert(id.clone(), flow);
    if ctx.is_json_request() {
        let flow = &store.flows[&id];
        flow_json(store, ctx, flow, status)
    } else {
        see_other(&format!(
            "{}?flow={id}",
            store.config.ui_page(store.flows[&id].kind.as_str())
        ))
    }
}

/// Re-renders the flow with one flow-level message (e.g. invalid credentials).
pub fn fail_with(store: &mut Store, ctx: &Ctx, mut flow: FlowRecord, message: UiText) -> Response {
    flow.ui.clear_messages();
    flow.ui.messages.push(message);
    rerender(store, ctx, flow, 400)
}

/// Signs an identity in: a new session (cookie), or the current session of
/// the same identity extended with `method`. A new identity gets a new CSRF token.
pub fn sign_in(
    store: &mut Store,
    ctx: &mut Ctx,
    identity_id: &str,
    method: AuthMethod,
) -> SessionRecord {
    let config = store.config.clone();
    let existing = session_of(store, ctx).filter(|s| s.identity_id == identity_id);
    let user_agent = ctx.header("user-agent").unwrap_or_default().to_owned();
    let session = match existing {
        Some(mut session) => {
            store.sessions.remove(&session.token);
            session.token = new_token();
            session.authenticated_at = now();
            session.methods.push(method);
            session
        }
        None => {
            if let Some(old) = ctx.cookies.get(SESSION_COOKIE) {
                store.sessions.remove(old);
            }
            csrf::regenerate(ctx, &config.public_url, config.secure_cookies());
            let issued_at = now();
            SessionRecord {
                id: new_id(),
                token: new_token(),
                logout_token: new_token(),
                identity_id: identity_id.to_owned(),
                active: true,
                issued_at,
                authenticated_at: issued_at,
                expires_at: issued_at + config.lifespans.session,
                methods: vec![method],
                devices: vec![(ctx.peer.clone(), user_agent)],
            }
        }
    };
    ctx.set_cookies.push(cookie(
        SESSION_COOKIE,
        &session.token,
        Some(config.lifespans.session / 1000),
        config.secure_cookies(),
    ));
    ctx.cookies
        .insert(SESSION_COOKIE.into(), session.token.clone());
    store
        .sessions
        .insert(session.token.clone(), session.clone());
    session
}

/// An authentication method record.
pub fn method(name: &str, aal: &'static str, provider: Option<String>) -> AuthMethod {
    AuthMethod {
        method: name.into(),
        aal,
        completed_at: now(),
        provider,
    }
}

/// `continue_with: show_verification_ui` for a verification flow.
pub fn show_verification(store: &Store, flow_id: &str, address: &str) -> ContinueWith {
    ContinueWith {
        action: ContinueWithAction::ShowVerificationUi,
        flow: Some(leptos_kratos::model::ContinueWithFlow {
            id: flow_id.into(),
            url: Some(format!(
                "{}?flow={flow_id}",
                store.config.ui_page("verification")
            )),
            verifiable_address: Some(address.into()),
            extra: Default::default(),
        }),
        redirect_browser_to: None,
        ory_session_token: None,
        data: None,
        extra: Default::default(),
    }
}

/// `continue_with: redirect_browser_to`.
pub fn redirect_to(url: &str) -> ContinueWith {
    ContinueWith {
        action: ContinueWithAction::RedirectBrowserTo,
        flow: None,
        redirect_browser_to: Some(url.into()),
        ory_session_token: None,
        data: None,
        extra: Default::default(),
    }
}

/// The JSON for a success with a session (and identity, for registration).
pub fn success_body(
    store: &Store,
    session: Option<&SessionRecord>,
    identity_id: &str,
    with_identity: bool,
    continue_with: Vec<ContinueWith>,
) -> Value {
    let identity = store.identities.get(identity_id);
    let mut body = serde_json::Map::new();
    if let Some(session) = session {
        body.insert("session".into(), json!(session.to_model(identity)));
    }
    if with_identity {
        body.insert("identity".into(), json!(identity.map(|i| i.to_model())));
    }
    body.insert("continue_with".into(), json!(continue_with));
    Value::Object(body)
}
