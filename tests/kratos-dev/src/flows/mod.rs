//! The five self-service flows: creating, fetching and submitting them;
//! each flow's module drives its steps with the strategies
//! ([`crate::strategies`]) and the shared kit ([`crate::kit`]).

pub mod login;
pub mod oidc;
pub mod recovery;
pub mod registration;
pub mod settings;
pub mod verification;

use axum::response::Response;
use leptos_kratos::model::{FlowKind, UiText};
use serde_json::json;

use crate::csrf;
use crate::errors::{self};
use crate::http::{Ctx, json, see_other};
use crate::kit::{flow_answer, flow_json, new_flow, return_to_param, session_of};
use crate::store::{FlowRecord, Store};
use crate::strategies::code::send_code;
use crate::text;
use crate::time::{now, rfc3339};

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
            let Some(request) =
                crate::hydra::state::login_request(&store.hydra, &store.config, &challenge)
            else {
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
