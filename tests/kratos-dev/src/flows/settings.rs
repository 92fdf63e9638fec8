//! Settings (needs a session): profile, password, OIDC link/unlink, TOTP,
//! backup codes, passkeys and security keys; privileged-session and AAL checks.

use axum::response::Response;
use leptos_kratos::model::{FlowState, InputType, NodeGroup, UiNode};
use serde_json::{Value, json};

use crate::config::RequiredAal;
use crate::errors::{self, KError};
use crate::http::{Ctx, Form, cookie, see_other};
use crate::kit::{check_csrf, flow_json, rerender, session_of};
use crate::nodes::{ContainerExt, NodeExt, csrf, image, input, submit, text as text_node};
use crate::store::{FlowRecord, IdentityRecord, LookupCode, SessionRecord, Store};
use crate::strategies::{Verdict, passkey};
use crate::strategies::{lookup, oidc, totp, webauthn};
use crate::time::now;
use crate::{schema, text};

/// Where to upgrade to aal2 when the session's AAL is too low for settings
/// (Kratos's `DoesSessionSatisfy`): the aal2 login, coming back to
/// `return_to` only when the caller names one.
pub(crate) fn aal2_redirect(store: &Store, return_to: Option<&str>) -> String {
    let mut query = vec![("aal", "aal2")];
    if let Some(return_to) = return_to {
        query.push(("return_to", return_to));
    }
    format!(
        "{}?{}",
        store.config.public("/self-service/login/browser"),
        leptos_kratos::url::build_query(query)
    )
}

/// The name of Kratos's continuity cookie, which ties a paused settings
/// change to the browser that made it.
const CONTINUITY_COOKIE: &str = "ory_kratos_continuity";

/// Whether the session's AAL is too low (highest_available and a second factor exists).
pub(crate) fn aal_too_low(store: &Store, session: &SessionRecord) -> bool {
    store.config.required_aal == RequiredAal::HighestAvailable
        && session.aal() == "aal1"
        && store
            .identities
            .get(&session.identity_id)
            .is_some_and(IdentityRecord::has_second_factor)
}

/// Sets up a settings flow for the signed-in identity. Kratos's aal2
/// redirect comes back to the creating request only when it named a
/// `return_to`.
pub fn init(
    store: &Store,
    ctx: &Ctx,
    flow: &mut FlowRecord,
    session: Option<&SessionRecord>,
) -> Result<(), KError> {
    let Some(session) = session else {
        return Err(errors::session_inactive());
    };
    if aal_too_low(store, session) {
        let back = ctx
            .param("return_to")
            .map(|_| ctx.request_url(&store.config.public_url));
        return Err(errors::aal2_required(aal2_redirect(store, back.as_deref())));
    }
    flow.identity_id = Some(session.identity_id.clone());
    render(store, flow);
    Ok(())
}

/// (Re-)builds the nodes from the identity's current state.
fn render(store: &Store, flow: &mut FlowRecord) {
    let config = store.config.clone();
    let Some(identity) = flow
        .identity_id
        .as_ref()
        .and_then(|id| store.identities.get(id))
        .cloned()
    else {
        return;
    };
    let mut nodes: Vec<UiNode> = vec![csrf()];
    nodes.extend(schema::trait_nodes(
        NodeGroup::Profile,
        Some(&identity.traits),
        false,
    ));
    nodes.push(submit(
        NodeGroup::Profile,
        "method",
        "profile",
        text::label_save(),
    ));
    if config.methods.password {
        nodes.push(
            input(NodeGroup::Password, "password", InputType::Password)
                .required()
                .autocomplete("new-password")
                .label(text::label_password()),
        );
        nodes.push(submit(
            NodeGroup::Password,
            "method",
            "password",
            text::label_save(),
        ));
    }
    if config.methods.oidc {
        let unlinking_last = identity.oidc.iter().any(|(p, _)| p == oidc::PROVIDER_ID)
            && identity.first_factors() <= 1;
        nodes.push(oidc::settings_node(&identity).disabled(unlinking_last));
    }
    if config.methods.totp {
        if identity.totp_secret.is_some() {
            nodes.push(submit(
                NodeGroup::Totp,
                "totp_unlink",
                "true",
                text::info(1050004, "Unlink TOTP Authenticator App"),
            ));
        } else {
            let secret = flow
                .pending_totp
                .get_or_insert_with(totp::new_secret)
                .clone();
            let url = totp::otpauth_url(&secret, &identity.email());
            nodes.push(image(
                NodeGroup::Totp,
                "totp_qr",
                totp::qr_data_uri(&url, 256),
                256,
                text::info(1050005, "Authenticator app QR code"),
            ));
            nodes.push(text_node(
                NodeGroup::Totp,
                "totp_secret_key",
                text::info_with(1050006, secret.clone(), json!({"secret": secret})),
                text::info(1050017, "This is your authenticator app secret. Use it if you can not scan the QR code."),
            ));
            nodes.push(
                input(NodeGroup::Totp, "totp_code", InputType::Text)
                    .required()
                    .autocomplete("one-time-code")
                    .label(text::label_verify_otp()),
            );
            nodes.push(submit(
                NodeGroup::Totp,
                "method",
                "totp",
                text::label_save(),
            ));
        }
    }
    if config.methods.lookup_secret {
        nodes.extend(lookup::nodes(
            &identity,
            flow.pending_lookup.as_deref(),
            false,
        ));
    }
    nodes.extend(webauthn::settings_nodes(
        &config,
        flow,
        &identity,
        config.methods.passkey,
        config.methods.webauthn,
    ));
    flow.ui.nodes = nodes;
}

/// `POST /self-service/settings?flow=`.
pub fn submit_flow(store: &mut Store, ctx: &mut Ctx, flow: FlowRecord, form: Form) -> Response {
    let Some(session) = session_of(store, ctx) else {
        return errors::respond(store, ctx, errors::session_inactive());
    };
    if flow.identity_id.as_deref() != Some(session.identity_id.as_str()) {
        return errors::respond(store, ctx, errors::identity_mismatch());
    }
    if aal_too_low(store, &session) {
        // Back to the submit URL (Kratos's request URL), which leads to the UI.
        let here = ctx.request_url(&store.config.public_url);
        return errors::respond(
            store,
            ctx,
            errors::aal2_required(aal2_redirect(store, Some(&here))),
        );
    }
    // A new submission supersedes a change paused for re-authentication.
    if let Some(stored) = store.flows.get_mut(&flow.id) {
        stored.paused_change = None;
    }
    let checked = check_csrf(store, ctx, &form);
    checked
        .and_then(|()| dispatch(store, ctx, flow, form, &session))
        .unwrap_or_else(|error| errors::respond(store, ctx, error))
}

/// Applies a settings change (the CSRF token already checked, or a change
/// resumed after re-authentication).
fn dispatch(
    store: &mut Store,
    ctx: &mut Ctx,
    flow: FlowRecord,
    form: Form,
    session: &SessionRecord,
) -> Result<Response, KError> {
    let config = store.config.clone();
    let method = form.text("method").or_else(|| {
        let inferred = [
            ("link", "oidc"),
            ("unlink", "oidc"),
            ("totp_unlink", "totp"),
            ("lookup_secret_reveal", "lookup_secret"),
            ("lookup_secret_regenerate", "lookup_secret"),
            ("lookup_secret_confirm", "lookup_secret"),
            ("lookup_secret_disable", "lookup_secret"),
            ("webauthn_register", "webauthn"),
            ("webauthn_remove", "webauthn"),
            ("passkey_settings_register", "passkey"),
            ("passkey_remove", "passkey"),
        ];
        inferred
            .iter()
            .find(|(field, _)| form.text(field).is_some())
            .map(|(_, method)| (*method).to_owned())
    });
    let privileged = |store: &mut Store, ctx: &mut Ctx, flow: &FlowRecord| {
        privileged(store, ctx, flow, session, &form)
    };
    match method.as_deref() {
        Some("profile") => profile(store, ctx, flow, &form, session),
        Some("password") if config.methods.password => {
            privileged(store, ctx, &flow).and_then(|()| password(store, ctx, flow, &form))
        }
        Some("totp") if config.methods.totp => {
            privileged(store, ctx, &flow).and_then(|()| totp_step(store, ctx, flow, &form))
        }
        Some("lookup_secret") if config.methods.lookup_secret => {
            privileged(store, ctx, &flow).and_then(|()| lookup(store, ctx, flow, &form))
        }
        Some("oidc") if config.methods.oidc => {
            privileged(store, ctx, &flow).and_then(|()| oidc_step(store, ctx, flow, &form))
        }
        Some("webauthn") if config.methods.webauthn => privileged(store, ctx, &flow)
            .map(|()| keys(store, ctx, flow, &form, passkey::webauthn_settings)),
        Some("passkey") if config.methods.passkey => privileged(store, ctx, &flow)
            .map(|()| keys(store, ctx, flow, &form, passkey::passkey_settings)),
        _ => Ok(crate::kit::fail_with(
            store,
            ctx,
            flow,
            text::no_strategy("settings"),
        )),
    }
}

/// Changing credentials needs a recent authentication. Otherwise, as
/// Kratos's continuity manager does, the change is paused (kept with the
/// flow, tied to this browser by a cookie) and applied once the person has
/// signed in again and comes back through `GET /self-service/settings?flow=`.
fn privileged(
    store: &mut Store,
    ctx: &mut Ctx,
    flow: &FlowRecord,
    session: &SessionRecord,
    form: &Form,
) -> Result<(), KError> {
    if now() - session.authenticated_at <= store.config.lifespans.privileged_session {
        return Ok(());
    }
    if let Some(stored) = store.flows.get_mut(&flow.id) {
        stored.paused_change = Some(form.clone());
    }
    ctx.set_cookies.push(cookie(
        CONTINUITY_COOKIE,
        &flow.id,
        None,
        store.config.secure_cookies(),
    ));
    let back = store
        .config
        .public(&format!("/self-service/settings?flow={}", flow.id));
    Err(errors::refresh_required(format!(
        "{}?{}",
        store.config.public("/self-service/login/browser"),
        leptos_kratos::url::build_query([("refresh", "true"), ("return_to", back.as_str())])
    )))
}

fn profile(
    store: &mut Store,
    ctx: &mut Ctx,
    mut flow: FlowRecord,
    form: &Form,
    session: &SessionRecord,
) -> Result<Response, KError> {
    let traits = schema::traits_from_form(form);
    flow.ui.clear_messages();
    for t in &schema::TRAITS {
        let name = format!("traits.{}", t.path);
        flow.ui.set_value(
            &name,
            schema::trait_value(&traits, t.path)
                .cloned()
                .unwrap_or(Value::Null),
        );
    }
    let errors = schema::validate(&traits);
    let identity_id = session.identity_id.clone();
    let new_email = traits
        .get("email")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_ascii_lowercase();
    let old_email = store
        .identities
        .get(&identity_id)
        .map(IdentityRecord::email)
        .unwrap_or_default();
    let email_changed = new_email != old_email.to_ascii_lowercase();
    if email_changed && store.identity_by_email(&new_email).is_some() {
        flow.ui.messages.push(text::duplicate_credentials());
    }
    for (field, message) in &errors {
        flow.ui.add_field_message(field, message.clone());
    }
    if !errors.is_empty() || !flow.ui.messages.is_empty() {
        return Ok(rerender(store, ctx, flow, 400));
    }
    if email_changed {
        // Changing an identifier is a privileged change.
        privileged(store, ctx, &flow, session, form)?;
    }
    if email_changed && store.config.verify_new_address {
        // Kratos's `verify_new_address` hook: nothing changes until the new
        // address is verified; the flow stays in `show_form` and points to
        // a verification flow that carries the pending traits.
        let verification =
            super::start_verification(store, ctx, &identity_id, &new_email, flow.return_to.clone());
        if let Some(pending) = store.flows.get_mut(&verification) {
            pending.traits = Some(traits);
        }
        flow.continue_with = vec![crate::kit::show_verification(
            store,
            &verification,
            &new_email,
        )];
        let id = flow.id.clone();
        store.flows.insert(id.clone(), flow);
        return Ok(if ctx.is_json_request() {
            flow_json(store, ctx, &store.flows[&id], 200)
        } else {
            see_other(&format!(
                "{}?flow={verification}",
                store.config.ui_page("verification")
            ))
        });
    }
    if let Some(identity) = store.identities.get_mut(&identity_id) {
        identity.traits = traits;
        identity.updated_at = now();
        identity.sync_addresses();
    }
    if email_changed && store.config.verification_after_registration {
        let verification =
            super::start_verification(store, ctx, &identity_id, &new_email, flow.return_to.clone());
        flow.continue_with = vec![crate::kit::show_verification(
            store,
            &verification,
            &new_email,
        )];
    }
    Ok(success(store, ctx, flow))
}

fn password(
    store: &mut Store,
    ctx: &mut Ctx,
    mut flow: FlowRecord,
    form: &Form,
) -> Result<Response, KError> {
    flow.ui.clear_messages();
    let identity_id = flow.identity_id.clone().unwrap_or_default();
    let Some(identity) = store.identities.get(&identity_id).cloned() else {
        return Err(errors::not_found());
    };
    let message = match form.text("password") {
        None => Some(text::required("password")),
        Some(password) => {
            crate::strategies::password::policy_violation(&password, &identity.email()).or_else(
                || {
                    identity
                        .password_hash
                        .as_deref()
                        .filter(|hash| crate::secrets::verify(&password, hash))
                        .map(|_| text::password_same_as_old())
                },
            )
        }
    };
    if let Some(message) = message {
        flow.ui.add_field_message("password", message);
        return Ok(rerender(store, ctx, flow, 400));
    }
    let hash = crate::secrets::hash(&form.text("password").unwrap_or_default());
    if let Some(identity) = store.identities.get_mut(&identity_id) {
        identity.password_hash = Some(hash);
        identity.updated_at = now();
    }
    Ok(success(store, ctx, flow))
}

fn totp_step(
    store: &mut Store,
    ctx: &mut Ctx,
    mut flow: FlowRecord,
    form: &Form,
) -> Result<Response, KError> {
    flow.ui.clear_messages();
    let identity_id = flow.identity_id.clone().unwrap_or_default();
    if form.flag("totp_unlink") {
        if let Some(identity) = store.identities.get_mut(&identity_id) {
            identity.totp_secret = None;
        }
        return Ok(success(store, ctx, flow));
    }
    let Some(code) = form.text("totp_code") else {
        flow.ui
            .add_field_message("totp_code", text::required("totp_code"));
        return Ok(rerender(store, ctx, flow, 400));
    };
    match flow.pending_totp.clone() {
        Some(secret) if totp::verify(&secret, &code) => {
            if let Some(identity) = store.identities.get_mut(&identity_id) {
                identity.totp_secret = Some(secret);
            }
            flow.pending_totp = None;
            Ok(success(store, ctx, flow))
        }
        _ => {
            flow.ui.add_field_message("totp_code", text::totp_wrong());
            Ok(rerender(store, ctx, flow, 400))
        }
    }
}

fn lookup(
    store: &mut Store,
    ctx: &mut Ctx,
    mut flow: FlowRecord,
    form: &Form,
) -> Result<Response, KError> {
    flow.ui.clear_messages();
    let identity_id = flow.identity_id.clone().unwrap_or_default();
    if form.flag("lookup_secret_confirm") {
        let Some(pending) = flow.pending_lookup.take() else {
            return Ok(crate::kit::fail_with(
                store,
                ctx,
                flow,
                text::no_strategy("settings"),
            ));
        };
        if let Some(identity) = store.identities.get_mut(&identity_id) {
            identity.lookup_codes = pending
                .into_iter()
                .map(|code| LookupCode {
                    code,
                    used_at: None,
                })
                .collect();
        }
        return Ok(success(store, ctx, flow));
    }
    if form.flag("lookup_secret_disable") {
        flow.pending_lookup = None;
        if let Some(identity) = store.identities.get_mut(&identity_id) {
            identity.lookup_codes.clear();
        }
        return Ok(success(store, ctx, flow));
    }
    let Some(identity) = store.identities.get(&identity_id).cloned() else {
        return Err(errors::not_found());
    };
    // Reveal and regenerate are intermediate steps: 200 with the flow, no success message.
    if form.flag("lookup_secret_regenerate") {
        flow.pending_lookup = Some(lookup::new_codes());
    }
    let reveal = form.flag("lookup_secret_reveal");
    render(store, &mut flow);
    let lookup = lookup::nodes(&identity, flow.pending_lookup.as_deref(), reveal);
    flow.ui.nodes.retain(|n| n.group != NodeGroup::LookupSecret);
    let position = flow
        .ui
        .nodes
        .iter()
        .position(|n| matches!(n.group, NodeGroup::Webauthn | NodeGroup::Passkey))
        .unwrap_or(flow.ui.nodes.len());
    flow.ui.nodes.splice(position..position, lookup);
    flow.state = FlowState::ShowForm;
    Ok(rerender(store, ctx, flow, 200))
}

fn oidc_step(
    store: &mut Store,
    ctx: &mut Ctx,
    flow: FlowRecord,
    form: &Form,
) -> Result<Response, KError> {
    if let Some(provider) = form.text("link") {
        return Ok(oidc::start(store, ctx, &flow, provider));
    }
    let identity_id = flow.identity_id.clone().unwrap_or_default();
    let Some(identity) = store.identities.get_mut(&identity_id) else {
        return Err(errors::not_found());
    };
    if identity.first_factors() <= 1 {
        return Ok(crate::kit::fail_with(
            store,
            ctx,
            flow,
            text::generic_error(
                "You can not remove this sign in method because it is the last one.",
            ),
        ));
    }
    let provider = form.text("unlink").unwrap_or_default();
    identity.oidc.retain(|(p, _)| *p != provider);
    Ok(success(store, ctx, flow))
}

/// The flow after a saved change: state `success`, message 1050001, fresh
/// nodes, `continue_with` towards where to go next; the session cookie is re-issued.
pub fn succeeded(store: &mut Store, ctx: &mut Ctx, mut flow: FlowRecord) -> FlowRecord {
    flow.state = FlowState::Success;
    render(store, &mut flow);
    flow.ui.clear_messages();
    flow.ui
        .messages
        .push(text::success(1050001, "Your changes have been saved!"));
    // Kratos's settings return_to: the flow's return_to, else (the
    // per-method after URL being unset) the settings UI with this flow.
    let target = flow
        .return_to
        .as_deref()
        .and_then(|raw| crate::kit::allowed_return_to(store, raw))
        .unwrap_or_else(|| format!("{}?flow={}", store.config.ui_page("settings"), flow.id));
    flow.continue_with
        .retain(|c| c.redirect_browser_to.is_none());
    flow.continue_with.push(crate::kit::redirect_to(&target));
    if let Some(token) = ctx.cookies.get(crate::kit::SESSION_COOKIE).cloned() {
        let config = store.config.clone();
        ctx.set_cookies.push(cookie(
            crate::kit::SESSION_COOKIE,
            &token,
            Some(config.lifespans.session / 1000),
            config.secure_cookies(),
        ));
    }
    flow
}

/// Adding or removing a security key or passkey, as `change` decides.
fn keys(
    store: &mut Store,
    ctx: &mut Ctx,
    mut flow: FlowRecord,
    form: &Form,
    change: fn(&mut Store, &mut FlowRecord, &Form) -> Verdict<()>,
) -> Response {
    match change(store, &mut flow, form) {
        Verdict::Verified(()) => success(store, ctx, flow),
        Verdict::Failed(message) => {
            flow.ui.clear_messages();
            flow.ui.messages.push(message);
            rerender_fresh(store, ctx, flow)
        }
        Verdict::Refused(message) => crate::kit::fail_with(store, ctx, flow, message),
        Verdict::Invalid => rerender_fresh(store, ctx, flow),
    }
}

/// Answers a saved change: 200 with the flow (JSON), or a 303 for browsers
/// (to `return_to` if the flow has one, else back to the settings page).
pub fn success(store: &mut Store, ctx: &mut Ctx, flow: FlowRecord) -> Response {
    let flow = succeeded(store, ctx, flow);
    let id = flow.id.clone();
    let return_to = flow
        .return_to
        .as_deref()
        .and_then(|raw| crate::kit::allowed_return_to(store, raw));
    store.flows.insert(id.clone(), flow);
    if ctx.is_json_request() {
        flow_json(store, ctx, &store.flows[&id], 200)
    } else {
        see_other(
            &return_to.unwrap_or_else(|| format!("{}?flow={id}", store.config.ui_page("settings"))),
        )
    }
}

/// Re-renders a settings flow after a failed ceremony: fresh nodes (new
/// challenges), the flow's messages kept, status 400.
pub fn rerender_fresh(store: &mut Store, ctx: &mut Ctx, mut flow: FlowRecord) -> Response {
    let messages = std::mem::take(&mut flow.ui.messages);
    render(store, &mut flow);
    flow.ui.messages = messages;
    rerender(store, ctx, flow, 400)
}

/// `GET /self-service/settings?flow=`: browsers coming back (e.g. after
/// re-authenticating) are sent to the settings UI.
///
/// A change paused for re-authentication (see [`privileged`]) is applied
/// here when this browser comes back with a session that is privileged
/// again; the settings UI then shows the finished flow.
pub fn browser_return(store: &mut Store, ctx: &mut Ctx) -> Response {
    let Some(id) = ctx.param("flow") else {
        return see_other(&store.config.ui_page("settings"));
    };
    let ui = format!("{}?flow={id}", store.config.ui_page("settings"));
    let paused = store
        .flows
        .get(&id)
        .filter(|flow| flow.paused_change.is_some())
        .cloned();
    let (Some(mut flow), Some(session)) = (paused, session_of(store, ctx)) else {
        return see_other(&ui);
    };
    let same_browser = ctx.cookies.get(CONTINUITY_COOKIE) == Some(&id);
    let resumable = same_browser
        && flow.identity_id.as_deref() == Some(session.identity_id.as_str())
        && !flow.expired()
        && !aal_too_low(store, &session)
        && now() - session.authenticated_at <= store.config.lifespans.privileged_session;
    if !resumable {
        return see_other(&ui);
    }
    let form = flow.paused_change.take().unwrap_or_default();
    store.flows.insert(id.clone(), flow.clone());
    ctx.set_cookies.push(crate::http::expired_cookie(
        CONTINUITY_COOKIE,
        store.config.secure_cookies(),
    ));
    // The navigation is no JSON request: the change answers with a 303.
    match dispatch(store, ctx, flow, form, &session) {
        Ok(response) => response,
        Err(_) => see_other(&ui),
    }
}
