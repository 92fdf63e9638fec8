//! Login: password, code, identifier first, TOTP and backup codes (aal2),
//! OIDC, passkeys; refresh and AAL upgrades.

use axum::response::Response;
use leptos_kratos::model::{FlowState, InputType, NodeGroup, UiNode};
use serde_json::json;

use crate::config::RequiredAal;
use crate::errors::{self, KError};
use crate::http::{Ctx, Form, json, see_other};
use crate::kit::{check_csrf, fail_with, method, rerender, return_url, session_of, sign_in};
use crate::nodes::{ContainerExt, NodeExt, csrf, input, submit};
use crate::store::{AuthMethod, FlowRecord, SessionRecord, Store};
use crate::strategies::code::send_code;
use crate::strategies::{Verdict, passkey};
use crate::strategies::{lookup, oidc, totp, webauthn};
use crate::text;

/// Sets up a new login flow (or refuses: already signed in, bad `aal`).
pub fn init(
    store: &Store,
    ctx: &Ctx,
    flow: &mut FlowRecord,
    session: Option<&SessionRecord>,
) -> Result<(), KError> {
    let refresh = ctx.param("refresh").as_deref() == Some("true");
    let aal = match ctx.param("aal").as_deref() {
        None | Some("aal1") => "aal1",
        Some("aal2") => "aal2",
        Some(other) => {
            return Err(errors::bad_request(format!(
                "Unable to parse AuthenticationMethod Assurance Level (AAL): expected one of [aal1, aal2] but got {other}"
            )));
        }
    };
    match (session, aal) {
        (None, "aal2") => return Err(errors::aal1_required()),
        (Some(s), "aal2") if s.aal() == "aal2" && !refresh => {
            return Err(errors::session_already_available());
        }
        (Some(_), "aal1") if !refresh => return Err(errors::session_already_available()),
        _ => {}
    }
    flow.requested_aal = aal.into();
    flow.refresh = refresh && session.is_some();
    let config = store.config.clone();
    let identity = session.and_then(|s| store.identities.get(&s.identity_id));
    flow.identity_id = identity.map(|i| i.id.clone());
    let mut nodes = vec![csrf()];
    match (aal, identity) {
        ("aal2", Some(identity)) => {
            flow.ui.messages.push(text::info(
                1010004,
                "Please complete the second authentication challenge.",
            ));
            nodes.push(
                input(NodeGroup::Default, "identifier", InputType::Hidden).value(identity.email()),
            );
            if identity.totp_secret.is_some() && config.methods.totp {
                nodes.push(totp_code_node());
                nodes.push(submit(
                    NodeGroup::Totp,
                    "method",
                    "totp",
                    text::info(1010009, "Use Authenticator"),
                ));
            }
            if !identity.lookup_codes.is_empty() && config.methods.lookup_secret {
                nodes.push(
                    input(NodeGroup::LookupSecret, "lookup_secret", InputType::Text)
                        .required()
                        .label(text::info(1010007, "Backup recovery code")),
                );
                nodes.push(submit(
                    NodeGroup::LookupSecret,
                    "method",
                    "lookup_secret",
                    text::info(1010010, "Use backup recovery code"),
                ));
            }
            if config.methods.webauthn && identity.keys.iter().any(|k| !k.passkey) {
                nodes.extend(webauthn::webauthn_login_nodes(&config, flow, identity));
            }
            if nodes.len() == 2 {
                flow.ui.messages.push(text::no_methods());
            }
        }
        (_, Some(identity)) if flow.refresh => {
            flow.ui.messages.push(text::info(
                1010003,
                "Please confirm this action by verifying that it is you.",
            ));
            nodes.push(
                input(NodeGroup::Default, "identifier", InputType::Hidden).value(identity.email()),
            );
            if identity.password_hash.is_some() && config.methods.password {
                nodes.extend(password_nodes());
            }
            if config.methods.login_code {
                nodes.push(code_send_button());
            }
            if config.methods.oidc && identity.oidc.iter().any(|(p, _)| p == oidc::PROVIDER_ID) {
                nodes.push(oidc::provider_node(oidc::Label::SignIn));
            }
            if config.methods.passkey && identity.keys.iter().any(|k| k.passkey) {
                nodes.extend(webauthn::passkey_login_nodes(&config, flow));
            }
        }
        _ if config.identifier_first => {
            nodes.push(
                input(NodeGroup::IdentifierFirst, "identifier", InputType::Text)
                    .required()
                    .autocomplete(identifier_autocomplete(store))
                    .label(text::label_id()),
            );
            nodes.push(submit(
                NodeGroup::IdentifierFirst,
                "method",
                "identifier_first",
                text::label_continue(),
            ));
            if config.methods.oidc {
                nodes.push(oidc::provider_node(oidc::Label::SignIn));
            }
            if config.methods.passkey {
                nodes.extend(webauthn::passkey_login_nodes(&config, flow));
            }
        }
        _ => {
            nodes.insert(0, identifier_node(store));
            if config.methods.oidc {
                nodes.push(oidc::provider_node(oidc::Label::SignIn));
            }
            if config.methods.password {
                nodes.extend(password_nodes());
            }
            if config.methods.login_code {
                nodes.push(code_send_button());
            }
            if config.methods.passkey {
                nodes.extend(webauthn::passkey_login_nodes(&config, flow));
            }
        }
    }
    flow.ui.nodes = nodes;
    Ok(())
}

fn identifier_autocomplete(store: &Store) -> &'static str {
    if store.config.methods.passkey {
        "username webauthn"
    } else {
        "username"
    }
}

fn identifier_node(store: &Store) -> UiNode {
    input(NodeGroup::Default, "identifier", InputType::Text)
        .value("")
        .required()
        .autocomplete(identifier_autocomplete(store))
        .label(text::label_id())
}

fn password_nodes() -> Vec<UiNode> {
    vec![
        input(NodeGroup::Password, "password", InputType::Password)
            .required()
            .autocomplete("current-password")
            .label(text::label_password()),
        submit(
            NodeGroup::Password,
            "method",
            "password",
            text::info(1010022, "Sign in with password"),
        ),
    ]
}

fn code_send_button() -> UiNode {
    submit(
        NodeGroup::Code,
        "method",
        "code",
        text::info(1010015, "Send sign in code"),
    )
}

fn totp_code_node() -> UiNode {
    input(NodeGroup::Totp, "totp_code", InputType::Text)
        .required()
        .autocomplete("one-time-code")
        .label(text::info(1010006, "Authentication code"))
}

/// `POST /self-service/login?flow=`.
pub fn submit_flow(store: &mut Store, ctx: &mut Ctx, flow: FlowRecord, form: Form) -> Response {
    let session = session_of(store, ctx);
    if let Some(session) = &session {
        let upgrading = flow.requested_aal == "aal2" && session.aal() == "aal1";
        if !flow.refresh && !upgrading {
            return fail_with(
                store,
                ctx,
                flow,
                text::generic_error(
                    "A valid session was detected and thus login is not possible. Did you forget to set `?refresh=true`?",
                ),
            );
        }
    }
    let config = store.config.clone();
    if flow.requested_aal == "aal2" && session.is_none() {
        return errors::respond(store, ctx, errors::aal1_required());
    }
    let method = form.text("method").or_else(|| {
        if form.text("passkey_login").is_some() {
            Some("passkey".into())
        } else if form.text("webauthn_login").is_some() {
            Some("webauthn".into())
        } else if form.text("provider").is_some() {
            Some("oidc".into())
        } else {
            None
        }
    });
    let aal2 = flow.requested_aal == "aal2";
    let result = match method.as_deref() {
        Some("password") if config.methods.password && !aal2 => password(store, ctx, flow, &form),
        Some("code") if config.methods.login_code && !aal2 => code(store, ctx, flow, &form),
        Some("identifier_first") if config.identifier_first && !aal2 => {
            identifier_first(store, ctx, flow, &form)
        }
        Some("totp") if aal2 && config.methods.totp => totp_step(store, ctx, flow, &form),
        Some("lookup_secret") if aal2 && config.methods.lookup_secret => {
            lookup_step(store, ctx, flow, &form)
        }
        Some("oidc") if config.methods.oidc && !aal2 => check_csrf(store, ctx, &form)
            .map(|_| oidc::start(store, ctx, &flow, form.text("provider").unwrap_or_default())),
        Some("passkey") if config.methods.passkey && !aal2 => {
            check_csrf(store, ctx, &form).map(|_| ceremony(store, ctx, flow, &form, false))
        }
        Some("webauthn") if config.methods.webauthn && aal2 => {
            check_csrf(store, ctx, &form).map(|_| ceremony(store, ctx, flow, &form, true))
        }
        _ => Ok(fail_with(store, ctx, flow, text::no_strategy("login"))),
    };
    result.unwrap_or_else(|error| errors::respond(store, ctx, error))
}

/// A passkey (first factor) or security key (second factor) login.
fn ceremony(
    store: &mut Store,
    ctx: &mut Ctx,
    mut flow: FlowRecord,
    form: &Form,
    second_factor: bool,
) -> Response {
    let verdict = if second_factor {
        passkey::webauthn_login(store, &mut flow, form)
            .map(|()| flow.identity_id.clone().unwrap_or_default())
    } else {
        passkey::passkey_login(store, &mut flow, form)
    };
    match verdict {
        Verdict::Verified(identity_id) => {
            let method = if second_factor {
                method("webauthn", "aal2", None)
            } else {
                method("passkey", "aal1", None)
            };
            complete(store, ctx, flow, &identity_id, method)
        }
        Verdict::Failed(message) | Verdict::Refused(message) => {
            fail_with(store, ctx, flow, message)
        }
        Verdict::Invalid => rerender(store, ctx, flow, 400),
    }
}

/// Marks missing fields; returns whether any was missing.
fn require(flow: &mut FlowRecord, form: &Form, fields: &[(&str, &str)]) -> bool {
    flow.ui.clear_messages();
    let mut missing = false;
    for (field, property) in fields {
        if form.text(field).is_none() {
            flow.ui.add_field_message(field, text::required(property));
            missing = true;
        }
    }
    missing
}

fn password(
    store: &mut Store,
    ctx: &mut Ctx,
    mut flow: FlowRecord,
    form: &Form,
) -> Result<Response, KError> {
    check_csrf(store, ctx, form)?;
    let identifier = form
        .text("identifier")
        .or_else(|| form.text("password_identifier"));
    if let Some(identifier) = &identifier {
        flow.ui.set_value("identifier", json!(identifier));
    }
    let mut missing = require(&mut flow, form, &[("password", "password")]);
    if identifier.is_none() {
        flow.ui
            .add_field_message("identifier", text::required("identifier"));
        missing = true;
    }
    if missing {
        return Ok(rerender(store, ctx, flow, 400));
    }
    let identifier = identifier.unwrap_or_default();
    let password = form.text("password").unwrap_or_default();
    let identity = store
        .identity_by_email(&identifier)
        .filter(|i| {
            i.password_hash
                .as_deref()
                .is_some_and(|h| crate::secrets::verify(&password, h))
        })
        .filter(|i| flow.identity_id.as_ref().is_none_or(|id| *id == i.id))
        .map(|i| i.id.clone());
    match identity {
        Some(id) => Ok(complete(
            store,
            ctx,
            flow,
            &id,
            method("password", "aal1", None),
        )),
        None => Ok(fail_with(store, ctx, flow, text::invalid_credentials())),
    }
}

fn code_step_nodes(identifier: &str) -> Vec<UiNode> {
    vec![
        csrf(),
        input(NodeGroup::Code, "identifier", InputType::Hidden).value(identifier),
        input(NodeGroup::Code, "method", InputType::Hidden).value("code"),
        input(NodeGroup::Code, "code", InputType::Text)
            .required()
            .autocomplete("one-time-code")
            .pattern("[0-9]+")
            .label(text::label_login_code()),
        submit(NodeGroup::Code, "method", "code", text::label_continue()),
        submit(NodeGroup::Code, "resend", "code", text::label_resend()),
    ]
}

fn code(
    store: &mut Store,
    ctx: &mut Ctx,
    mut flow: FlowRecord,
    form: &Form,
) -> Result<Response, KError> {
    check_csrf(store, ctx, form)?;
    let code_sent = flow.state == FlowState::SentEmail && flow.identifier.is_some();
    if code_sent && form.text("resend").as_deref() != Some("code") {
        if require(&mut flow, form, &[("code", "code")]) {
            return Ok(rerender(store, ctx, flow, 400));
        }
        let submitted = form.text("code").unwrap_or_default();
        if crate::strategies::code::code_matches(&mut flow.code, &submitted) {
            let email = flow.identifier.clone().unwrap_or_default();
            if let Some(identity) = store.identities.values_mut().find(|i| i.email() == email) {
                // Signing in with a code proves the address.
                for address in identity.verifiable.iter_mut().filter(|a| a.value == email) {
                    address.verified = true;
                    address.status = "completed".into();
                    address.verified_at.get_or_insert(crate::time::now());
                }
                let id = identity.id.clone();
                return Ok(complete(
                    store,
                    ctx,
                    flow,
                    &id,
                    method("code", "aal1", None),
                ));
            }
        }
        return Ok(fail_with(store, ctx, flow, text::code_invalid("login")));
    }
    let identifier = if code_sent {
        flow.identifier.clone()
    } else {
        form.text("identifier")
    };
    let Some(identifier) = identifier else {
        require(&mut flow, form, &[("identifier", "identifier")]);
        return Ok(rerender(store, ctx, flow, 400));
    };
    let Some(email) = store.identity_by_email(&identifier).map(|i| i.email()) else {
        flow.ui.set_value("identifier", json!(identifier));
        return Ok(fail_with(store, ctx, flow, text::no_code_user()));
    };
    flow.code = Some(send_code(store, &email, "login", None));
    flow.identifier = Some(email.clone());
    flow.state = FlowState::SentEmail;
    flow.active = Some("code".into());
    flow.ui.nodes = code_step_nodes(&email);
    flow.ui.clear_messages();
    flow.ui.messages.push(text::info(
        1010014,
        "A code was sent to the address you provided. If you didn't receive it, please check the spelling of the address and try again.",
    ));
    // The first-factor "code sent" step answers 400 with the flow.
    Ok(rerender(store, ctx, flow, 400))
}

fn identifier_first(
    store: &mut Store,
    ctx: &mut Ctx,
    mut flow: FlowRecord,
    form: &Form,
) -> Result<Response, KError> {
    check_csrf(store, ctx, form)?;
    if require(&mut flow, form, &[("identifier", "identifier")]) {
        return Ok(rerender(store, ctx, flow, 400));
    }
    let identifier = form.text("identifier").unwrap_or_default();
    let config = store.config.clone();
    let Some(identity) = store.identity_by_email(&identifier).cloned() else {
        flow.ui.set_value("identifier", json!(identifier));
        return Ok(fail_with(store, ctx, flow, text::account_not_found()));
    };
    let mut nodes = vec![
        csrf(),
        input(NodeGroup::Default, "identifier", InputType::Hidden).value(identity.email()),
    ];
    if config.methods.oidc && identity.oidc.iter().any(|(p, _)| p == oidc::PROVIDER_ID) {
        nodes.push(oidc::provider_node(oidc::Label::SignIn));
    }
    if config.methods.password && identity.password_hash.is_some() {
        nodes.extend(password_nodes());
    }
    if config.methods.login_code {
        nodes.push(code_send_button());
    }
    if config.methods.passkey && identity.keys.iter().any(|k| k.passkey) {
        nodes.extend(webauthn::passkey_login_nodes(&config, &mut flow));
    }
    flow.identifier = Some(identity.email());
    flow.active = Some("identifier_first".into());
    flow.ui.nodes = nodes;
    flow.ui.clear_messages();
    Ok(rerender(store, ctx, flow, 400))
}

fn totp_step(
    store: &mut Store,
    ctx: &mut Ctx,
    mut flow: FlowRecord,
    form: &Form,
) -> Result<Response, KError> {
    check_csrf(store, ctx, form)?;
    if require(&mut flow, form, &[("totp_code", "totp_code")]) {
        return Ok(rerender(store, ctx, flow, 400));
    }
    let identity_id = flow.identity_id.clone().unwrap_or_default();
    let secret = store
        .identities
        .get(&identity_id)
        .and_then(|i| i.totp_secret.clone());
    let code = form.text("totp_code").unwrap_or_default();
    if secret.is_some_and(|s| totp::verify(&s, &code)) {
        return Ok(complete(
            store,
            ctx,
            flow,
            &identity_id,
            method("totp", "aal2", None),
        ));
    }
    flow.ui.add_field_message("totp_code", text::totp_wrong());
    Ok(rerender(store, ctx, flow, 400))
}

fn lookup_step(
    store: &mut Store,
    ctx: &mut Ctx,
    mut flow: FlowRecord,
    form: &Form,
) -> Result<Response, KError> {
    check_csrf(store, ctx, form)?;
    if require(&mut flow, form, &[("lookup_secret", "lookup_secret")]) {
        return Ok(rerender(store, ctx, flow, 400));
    }
    let identity_id = flow.identity_id.clone().unwrap_or_default();
    let submitted = form.text("lookup_secret").unwrap_or_default();
    let outcome = lookup::redeem(store, &identity_id, &submitted);
    match outcome {
        Verdict::Verified(()) => Ok(complete(
            store,
            ctx,
            flow,
            &identity_id,
            method("lookup_secret", "aal2", None),
        )),
        Verdict::Failed(message) | Verdict::Refused(message) => {
            flow.ui.add_field_message("lookup_secret", message);
            Ok(rerender(store, ctx, flow, 400))
        }
        Verdict::Invalid => Ok(rerender(store, ctx, flow, 400)),
    }
}

/// Completes a login: signs in, then answers 200 with the session (JSON),
/// 422 towards an aal2 login when a second factor is required, or a 303.
pub fn complete(
    store: &mut Store,
    ctx: &mut Ctx,
    flow: FlowRecord,
    identity_id: &str,
    method: AuthMethod,
) -> Response {
    if store.config.require_verified_address {
        let unverified = store.identities.get(identity_id).and_then(|i| {
            i.verifiable
                .iter()
                .find(|a| !a.verified)
                .map(|a| a.value.clone())
        });
        if let Some(address) = unverified {
            let verification = super::start_verification(
                store,
                ctx,
                identity_id,
                &address,
                flow.return_to.clone(),
            );
            let continue_with = crate::kit::show_verification(store, &verification, &address);
            // Kratos answers HTTP 403 while the body says 400.
            let error = KError::new(403, "Your email address is not yet verified.")
                .body_code(400)
                .id("session_verified_address_required")
                .reason(
                    "Your email address is not yet verified. Please verify it before logging in.",
                )
                .details(json!({"continue_with": [continue_with]}));
            return errors::respond(store, ctx, error);
        }
    }
    // Kratos checks return_to again on completion (the configuration may
    // have changed): a 400 rich error that becomes a flow message.
    if let Some(raw) = flow.return_to.clone()
        && let Err(error) = crate::kit::check_return_to(store, &raw)
    {
        let reason = error.reason.unwrap_or(error.message);
        return crate::kit::fail_with(store, ctx, flow, text::generic_error(&reason));
    }
    let session = sign_in(store, ctx, identity_id, method);
    store.flows.remove(&flow.id);
    let return_to = return_url(store, Some(&flow));
    let needs_aal2 = store.config.required_aal == RequiredAal::HighestAvailable
        && store
            .identities
            .get(identity_id)
            .is_some_and(|i| i.has_second_factor())
        && session.aal() == "aal1";
    if needs_aal2 {
        let mut url = store.config.public("/self-service/login/browser?aal=aal2");
        if let Some(return_to) = &flow.return_to {
            url.push_str(&format!(
                "&{}",
                leptos_kratos::url::build_query([("return_to", return_to.as_str())])
            ));
        }
        return if ctx.accepts_json() {
            json(422, &errors::location_change(&url).body())
        } else {
            see_other(&url)
        };
    }
    if let Some(hydra) = crate::kit::oauth2_continuation(store, &flow, identity_id) {
        // An OAuth2 login: back to Hydra, as a top-level navigation.
        return if ctx.accepts_json() {
            json(422, &errors::location_change(&hydra).body())
        } else {
            see_other(&hydra)
        };
    }
    if ctx.accepts_json() {
        let body = crate::kit::success_body(
            store,
            Some(&session),
            identity_id,
            false,
            vec![crate::kit::redirect_to(&return_to)],
        );
        json(200, &body)
    } else {
        see_other(&return_to)
    }
}
