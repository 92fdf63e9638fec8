//! The five self-service flows: creating, fetching and submitting them, and
//! what they share (return_to, CSRF, expiry, sessions, codes).

pub mod login;
pub mod recovery;
pub mod registration;
pub mod settings;
pub mod verification;

use axum::response::Response;
use leptos_kratos::model::{ContinueWith, ContinueWithAction, FlowKind, FlowState, UiText};
use serde_json::{Value, json};

use crate::csrf;
use crate::errors::{self, KError};
use crate::http::{Ctx, Form, cookie, json, see_other};
use crate::nodes::ContainerExt;
use crate::redirect::{self, Refused};
use crate::store::{
    AuthMethod, FlowRecord, Mail, SentCode, SessionRecord, Store, new_id, new_token,
};
use crate::text;
use crate::time::{Millis, now, rfc3339};

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
fn return_to_param(store: &Store, ctx: &Ctx) -> Result<Option<String>, KError> {
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

/// `GET /self-service/<kind>/browser`.
pub fn create(store: &mut Store, ctx: &mut Ctx, kind: FlowKind) -> Response {
    let session = session_of(store, ctx);
    if kind == FlowKind::Registration && session.is_some() && ctx.param("login_challenge").is_some()
    {
        // Kratos's quirk: registration with a login challenge while signed
        // in (Hydra not skipping) is a 302 to the login init with the same
        // query, whatever the Accept header.
        return crate::http::found(&format!(
            "{}?{}",
            store.config.public("/self-service/login/browser"),
            ctx.query_string
        ));
    }
    let result = return_to_param(store, ctx).and_then(|return_to| {
        let mut flow = new_flow(store, ctx, kind, return_to);
        if matches!(kind, FlowKind::Login | FlowKind::Registration)
            && let Some(challenge) = ctx.param("login_challenge")
        {
            // Kratos asks Hydra for the login request; an unknown challenge
            // is an error.
            let Some(request) = crate::hydra::login_request(store, &challenge) else {
                return Err(errors::bad_request(
                    "Unable to get OAuth 2.0 Login Challenge: the login challenge is unknown.",
                ));
            };
            flow.oauth2_login_challenge = Some(challenge);
            flow.oauth2_login_request = Some(request);
            if kind == FlowKind::Login && session.is_some() && ctx.param("refresh").is_none() {
                // Hydra does not skip the login: Kratos forces a refresh.
                ctx.query.push(("refresh".into(), "true".into()));
            }
        }
        match kind {
            FlowKind::Login => login::init(store, ctx, &mut flow, session.as_ref())?,
            FlowKind::Registration => registration::init(store, &mut flow, session.as_ref())?,
            FlowKind::Recovery => {
                recovery::init_unauthenticated(store, &mut flow, session.as_ref())?
            }
            FlowKind::Verification => verification::init(store, &mut flow),
            FlowKind::Settings => settings::init(store, ctx, &mut flow, session.as_ref())?,
        }
        Ok(flow)
    });
    match result {
        Ok(flow) => {
            let id = flow.id.clone();
            store.flows.insert(id.clone(), flow);
            flow_answer(store, ctx, &id, 200)
        }
        Err(error) if !ctx.accepts_json() => {
            // Browsers that are already signed in go on to where they were going.
            if error.id == Some("session_already_available") {
                let target = return_to_param(store, ctx)
                    .ok()
                    .flatten()
                    .unwrap_or_else(|| store.config.default_return_url.clone());
                return see_other(&target);
            }
            if error.id == Some("session_inactive") {
                let here = ctx.request_url(&store.config.public_url);
                return see_other(&format!(
                    "{}?{}",
                    store.config.public("/self-service/login/browser"),
                    leptos_kratos::url::build_query([("return_to", here.as_str())])
                ));
            }
            errors::respond(store, ctx, error)
        }
        Err(error) => json(error.status, &error.body()),
    }
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
    crate::hydra::accept_login(store, challenge, identity_id)
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

/// `GET /self-service/<kind>/flows?id=`.
pub fn get(store: &mut Store, ctx: &mut Ctx, kind: FlowKind) -> Response {
    let Some(id) = ctx.param("id") else {
        return json(
            400,
            &errors::bad_request("The flow query parameter is missing or malformed.").body(),
        );
    };
    let Some(flow) = store.flows.get(&id).filter(|f| f.kind == kind).cloned() else {
        return json(404, &errors::not_found().body());
    };
    if kind == FlowKind::Settings {
        // The session protects settings; there is no CSRF check.
        let Some(session) = session_of(store, ctx) else {
            return json(
                401,
                &errors::unauthorized(
                    "A valid Ory Session Cookie or Ory Session Token is missing.",
                )
                .body(),
            );
        };
        if flow.identity_id.as_deref() != Some(session.identity_id.as_str()) {
            return json(403, &errors::identity_mismatch().body());
        }
        if settings::aal_too_low(store, &session) {
            // Back to the settings UI with this flow after the second factor.
            let back = format!("{}?flow={id}", store.config.ui_page("settings"));
            let redirect = settings::aal2_redirect(store, Some(&back));
            return json(403, &errors::aal2_required(redirect).body());
        }
    } else if csrf::current(ctx, &store.config.public_url).as_deref() != Some(flow.csrf.as_str()) {
        let reason = if ctx.cookies.is_empty() {
            "The HTTP Cookie Header was set but did not include the anti-CSRF cookie."
        } else {
            "The HTTP Cookie Header was set and a CSRF token was sent but they do not match. We recommend deleting all cookies for this domain and retrying the flow."
        };
        return json(403, &errors::csrf_violation(ctx, reason).body());
    }
    if flow.expired() {
        let minutes = (now() - flow.expires_at) as f64 / 60_000.0;
        let mut init = store
            .config
            .public(&format!("/self-service/{kind}/browser"));
        if let Some(return_to) = &flow.return_to {
            init = format!(
                "{init}?{}",
                leptos_kratos::url::build_query([("return_to", return_to.as_str())])
            );
        }
        let mut error = errors::flow_expired(minutes).details(json!({
            "redirect_to": init,
            "return_to": flow.return_to.clone().unwrap_or_default(),
        }));
        if matches!(
            kind,
            FlowKind::Settings | FlowKind::Recovery | FlowKind::Verification
        ) {
            // These get endpoints answer a plain 410 without an id.
            error.id = None;
        }
        return json(410, &error.body());
    }
    flow_json(store, ctx, &flow, 200)
}

/// `POST /self-service/<kind>?flow=`.
pub fn submit(store: &mut Store, ctx: &mut Ctx, kind: FlowKind) -> Response {
    let Some(id) = ctx.param("flow") else {
        let error = errors::bad_request("The flow query parameter is missing or malformed.");
        return errors::respond(store, ctx, error);
    };
    let Some(flow) = store.flows.get(&id).filter(|f| f.kind == kind).cloned() else {
        return errors::respond(store, ctx, errors::not_found());
    };
    let form = match ctx.form() {
        Ok(form) => form,
        Err(reason) => return errors::respond(store, ctx, errors::bad_request(reason)),
    };
    if kind == FlowKind::Registration && session_of(store, ctx).is_some() {
        // Kratos sends browsers that are signed in home, even JSON clients.
        return see_other(&store.config.default_return_url.clone());
    }
    if flow.expired() {
        return expired(store, ctx, &flow);
    }
    match kind {
        FlowKind::Login => login::submit_flow(store, ctx, flow, form),
        FlowKind::Registration => registration::submit_flow(store, ctx, flow, form),
        FlowKind::Recovery => recovery::submit_flow(store, ctx, flow, form),
        FlowKind::Verification => verification::submit_flow(store, ctx, flow, form),
        FlowKind::Settings => settings::submit_flow(store, ctx, flow, form),
    }
}

/// The answer to submitting an expired flow: a replacement flow carrying the
/// "expired" message, announced as 410 + `use_flow_id` (login, registration,
/// settings) or by a 303 to the replacement's JSON (recovery, verification).
fn expired(store: &mut Store, ctx: &mut Ctx, old: &FlowRecord) -> Response {
    let kind = old.kind;
    let minutes = (now() - old.expires_at) as f64 / 60_000.0;
    let (message_id, name) = match kind {
        FlowKind::Login => (4010001, "login"),
        FlowKind::Registration => (4040001, "registration"),
        FlowKind::Settings => (4050001, "settings"),
        FlowKind::Recovery => (4060005, "recovery"),
        FlowKind::Verification => (4070005, "verification"),
    };
    if kind == FlowKind::Verification {
        csrf::regenerate(
            ctx,
            &store.config.public_url.clone(),
            store.config.secure_cookies(),
        );
    }
    let session = session_of(store, ctx);
    let saved_query = std::mem::replace(&mut ctx.query, old.params.clone());
    let mut flow = new_flow(store, ctx, kind, old.return_to.clone());
    ctx.query = saved_query;
    let init = match kind {
        FlowKind::Login => login::init(store, ctx, &mut flow, session.as_ref()),
        FlowKind::Registration => registration::init(store, &mut flow, None),
        FlowKind::Recovery => {
            recovery::init(store, &mut flow);
            Ok(())
        }
        FlowKind::Verification => {
            verification::init(store, &mut flow);
            Ok(())
        }
        FlowKind::Settings => settings::init(store, ctx, &mut flow, session.as_ref()),
    };
    if let Err(error) = init {
        return errors::respond(store, ctx, error);
    }
    flow.ui.messages.push(text::flow_expired(
        message_id,
        name,
        &rfc3339(old.expires_at),
        old.expires_at / 1000,
        minutes,
    ));
    let new_id = flow.id.clone();
    store.flows.insert(new_id.clone(), flow);
    match kind {
        FlowKind::Recovery | FlowKind::Verification => {
            if ctx.is_json_request() {
                see_other(
                    &store
                        .config
                        .public(&format!("/self-service/{kind}/flows?id={new_id}")),
                )
            } else {
                see_other(&format!(
                    "{}?flow={new_id}",
                    store.config.ui_page(kind.as_str())
                ))
            }
        }
        _ if ctx.is_json_request() => {
            let error = errors::flow_expired(minutes)
                .extra("use_flow_id", new_id)
                .extra("expired_at", rfc3339(old.expires_at))
                .extra("since", (now() - old.expires_at) * 1_000_000);
            json(410, &error.body())
        }
        _ => see_other(&format!(
            "{}?flow={new_id}",
            store.config.ui_page(kind.as_str())
        )),
    }
}

/// Kratos's retry of a recovery or verification flow (a submission to a
/// finished flow, a code submitted too often): a new flow of the same kind
/// and `return_to`, carrying `message`, with a regenerated CSRF cookie.
/// Returns the new flow's id; the caller answers as its strategy does.
pub fn retry(store: &mut Store, ctx: &mut Ctx, old: &FlowRecord, message: UiText) -> String {
    let kind = old.kind;
    csrf::regenerate(
        ctx,
        &store.config.public_url.clone(),
        store.config.secure_cookies(),
    );
    let saved_query = std::mem::replace(&mut ctx.query, old.params.clone());
    let mut flow = new_flow(store, ctx, kind, old.return_to.clone());
    ctx.query = saved_query;
    match kind {
        FlowKind::Recovery => recovery::init(store, &mut flow),
        _ => verification::init(store, &mut flow),
    }
    flow.ui.messages.push(message);
    let id = flow.id.clone();
    store.flows.insert(id.clone(), flow);
    id
}

/// Counts one code submitted to `flow`; `false` once Kratos's
/// `max_submissions` (5) is exceeded.
pub fn count_code_submission(flow: &mut FlowRecord) -> bool {
    flow.code_submissions += 1;
    flow.code_submissions <= 5
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

/// Sends a 6-digit code by "mail" (kept in the development mailbox and printed).
pub fn send_code(store: &mut Store, to: &str, purpose: &str, link: Option<String>) -> SentCode {
    let code = format!("{:06}", rand::random::<u32>() % 1_000_000);
    let mut body = format!("Your {purpose} code is: {code}");
    if let Some(link) = link {
        body.push_str(&format!("\n\nOr open: {link}&code={code}"));
    }
    deliver(
        store,
        to,
        &format!("Your {purpose} code"),
        body,
        Some(code.clone()),
    );
    SentCode {
        code,
        address: to.to_owned(),
        expires_at: now() + store.config.lifespans.code,
        attempts: 0,
    }
}

/// Puts a mail in the development mailbox (and prints it).
pub fn deliver(store: &mut Store, to: &str, subject: &str, body: String, code: Option<String>) {
    if !store.config.quiet {
        println!(
            "📧 mail to {to}: {subject}\n   {}",
            body.replace('\n', "\n   ")
        );
    }
    store.mail.push(Mail {
        to: to.to_ascii_lowercase(),
        subject: subject.into(),
        body,
        code,
        sent_at: rfc3339(now()),
    });
}

/// Checks a submitted code against the one sent: `Ok` when it matches and is
/// still valid. Wrong attempts are counted.
pub fn code_matches(sent: &mut Option<SentCode>, submitted: &str) -> bool {
    let Some(code) = sent else {
        return false;
    };
    if code.expires_at < now() || code.attempts >= 5 {
        return false;
    }
    if code.code == submitted.trim() {
        *sent = None;
        true
    } else {
        code.attempts += 1;
        false
    }
}

/// A verification flow in `sent_email` state for `address`, with a code sent.
pub fn start_verification(
    store: &mut Store,
    ctx: &mut Ctx,
    identity_id: &str,
    address: &str,
    return_to: Option<String>,
) -> String {
    let saved_query = std::mem::take(&mut ctx.query);
    let mut flow = new_flow(store, ctx, FlowKind::Verification, return_to);
    ctx.query = saved_query;
    flow.request_url = store.config.public("/self-service/verification/browser");
    verification::init(store, &mut flow);
    let link = store
        .config
        .public(&format!("/self-service/verification?flow={}", flow.id));
    flow.code = Some(send_code(store, address, "verification", Some(link)));
    flow.identity_id = Some(identity_id.to_owned());
    verification::show_code_form(&mut flow, address);
    if let Some(identity) = store.identities.get_mut(identity_id) {
        for a in identity
            .verifiable
            .iter_mut()
            .filter(|a| a.value == address)
        {
            a.status = "sent".into();
        }
    }
    let id = flow.id.clone();
    store.flows.insert(id.clone(), flow);
    id
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
