//! Recovery by code: ask for the address, send a code, check it, sign the
//! user in and hand over to a settings flow.

use axum::response::Response;
use leptos_kratos::model::{
    ContinueWith, ContinueWithAction, ContinueWithFlow, FlowKind, FlowState, InputType, NodeGroup,
    UiText,
};
use serde_json::json;

use super::retry;
use crate::errors::{self, KError};
use crate::http::{Ctx, Form, json, see_other};
use crate::kit::{
    check_csrf, fail_with, flow_json, method, new_flow, rerender, session_of, sign_in,
};
use crate::nodes::{ContainerExt, NodeExt, csrf, input, submit};
use crate::store::{FlowRecord, Store};
use crate::strategies::code::{count_code_submission, send_code};
use crate::{schema, text};

/// Creating a recovery flow needs no session: Kratos answers 400
/// `session_already_available` to a signed-in browser (`IsNotAuthenticated`).
pub fn init_unauthenticated(
    store: &Store,
    flow: &mut FlowRecord,
    session: Option<&crate::store::SessionRecord>,
) -> Result<(), KError> {
    if session.is_some() {
        return Err(errors::session_already_available());
    }
    init(store, flow);
    Ok(())
}

/// The first screen: the address to recover.
pub fn init(_store: &Store, flow: &mut FlowRecord) {
    flow.ui.nodes = vec![
        csrf(),
        input(NodeGroup::Code, "email", InputType::Email)
            .required()
            .autocomplete("email")
            .label(text::label_email()),
        submit(NodeGroup::Code, "method", "code", text::label_continue()),
    ];
}

/// `POST /self-service/recovery?flow=`.
pub fn submit_flow(store: &mut Store, ctx: &mut Ctx, flow: FlowRecord, form: Form) -> Response {
    let method_name = form
        .text("method")
        .or_else(|| (form.has("email") || form.has("code")).then(|| "code".into()));
    if method_name.as_deref() != Some("code") || !store.config.methods.code {
        return fail_with(store, ctx, flow, text::no_strategy("recovery"));
    }
    step(store, ctx, flow, &form).unwrap_or_else(|error| errors::respond(store, ctx, error))
}

fn step(
    store: &mut Store,
    ctx: &mut Ctx,
    mut flow: FlowRecord,
    form: &Form,
) -> Result<Response, KError> {
    check_csrf(store, ctx, form)?;
    if flow.state == FlowState::PassedChallenge {
        // Kratos does not allow a retry: a new flow says why.
        let message = text::error(
            4060001,
            "The request was already completed successfully and can not be retried.",
        );
        return Ok(retried(store, ctx, &flow, message));
    }
    let resend = form.text("email").filter(|_| form.text("code").is_none());
    if flow.state == FlowState::SentEmail && resend.is_none() {
        let Some(code) = form.text("code") else {
            flow.ui.clear_messages();
            flow.ui.add_field_message("code", text::required("code"));
            return Ok(rerender(store, ctx, flow, 400));
        };
        if !count_code_submission(&mut flow) {
            let too_often = errors::code_submitted_too_often();
            let message = text::generic_error(too_often.reason.as_deref().unwrap_or_default());
            return Ok(retried(store, ctx, &flow, message));
        }
        if flow.identity_id.is_some()
            && crate::strategies::code::code_matches(&mut flow.code, &code)
        {
            return Ok(recovered(store, ctx, flow));
        }
        // A wrong code is no validation error for Kratos: 200 with the flow.
        flow.ui.clear_messages();
        flow.ui.messages.push(text::code_invalid("recovery"));
        return Ok(rerender(store, ctx, flow, 200));
    }
    if session_of(store, ctx).is_some() {
        // The e-mail step refuses a signed-in browser, as creation does
        // (and sends a navigating one home).
        if !ctx.is_json_request() {
            return Ok(see_other(&store.config.default_return_url.clone()));
        }
        return Err(errors::session_already_available());
    }
    flow.ui.clear_messages();
    let Some(email) = form.text("email") else {
        flow.ui.add_field_message("email", text::required("email"));
        return Ok(rerender(store, ctx, flow, 400));
    };
    if !schema::is_email(&email) {
        flow.ui.set_value("email", json!(email));
        flow.ui
            .add_field_message("email", text::invalid_email(&email));
        return Ok(rerender(store, ctx, flow, 400));
    }
    let email = email.trim().to_ascii_lowercase();
    match store.identity_by_email(&email).map(|i| i.id.clone()) {
        Some(identity_id) => {
            flow.code = Some(send_code(store, &email, "recovery", None));
            flow.identity_id = Some(identity_id);
        }
        None => {
            // Do not reveal whether the address exists: say the same, send no code.
            crate::strategies::code::deliver(
                store,
                &email,
                "Account access attempted",
                "Someone asked to recover access to an account with this address, but there is no such account.".into(),
                None,
            );
            flow.code = None;
            flow.identity_id = None;
        }
    }
    flow.state = FlowState::SentEmail;
    flow.active = Some("code".into());
    flow.ui.nodes = vec![
        csrf(),
        input(NodeGroup::Code, "code", InputType::Text)
            .required()
            .autocomplete("one-time-code")
            .pattern("[0-9]+")
            .maxlength(6)
            .label(text::label_recovery_code()),
        input(NodeGroup::Code, "method", InputType::Hidden).value("code"),
        submit(NodeGroup::Code, "method", "code", text::label_continue()),
        submit(NodeGroup::Code, "email", &email, text::label_resend()),
    ];
    flow.ui.messages.push(text::info(
        1060003,
        "An email containing a recovery code has been sent to the email address you provided. If you have not received an email, check the spelling of the address and make sure to use the address you registered with.",
    ));
    let id = flow.id.clone();
    store.flows.insert(id.clone(), flow);
    Ok(if ctx.is_json_request() {
        flow_json(store, ctx, &store.flows[&id], 200)
    } else {
        see_other(&format!("{}?flow={id}", store.config.ui_page("recovery")))
    })
}

/// Answers a retried flow: with continue_with transitions a 410 whose
/// `details.continue_with` shows the new flow; without (Kratos's default) a
/// 303 to the new flow's JSON, which `fetch` follows. Browsers go to the UI.
fn retried(store: &mut Store, ctx: &mut Ctx, old: &FlowRecord, message: UiText) -> Response {
    let reason = message.text.clone();
    let id = retry(store, ctx, old, message);
    if !ctx.is_json_request() {
        return see_other(&format!("{}?flow={id}", store.config.ui_page("recovery")));
    }
    if store.config.continue_with_transitions {
        let url = format!("{}?flow={id}", store.config.ui_page("recovery"));
        let error = KError::new(410, reason.clone())
            .reason(reason)
            .details(json!({
                "continue_with": [{"action": "show_recovery_ui", "flow": {"id": id, "url": url}}]
            }));
        return json(410, &error.body());
    }
    see_other(
        &store
            .config
            .public(&format!("/self-service/recovery/flows?id={id}")),
    )
}

/// The code was right: sign in, create a settings flow that says how long
/// the session stays privileged, and send the user there.
fn recovered(store: &mut Store, ctx: &mut Ctx, mut flow: FlowRecord) -> Response {
    let identity_id = flow.identity_id.clone().unwrap_or_default();
    if let Some(identity) = store.identities.get_mut(&identity_id) {
        // The code proved the address.
        for address in identity.verifiable.iter_mut() {
            address.verified = true;
            address.status = "completed".into();
            address.verified_at.get_or_insert(crate::time::now());
        }
    }
    let session = sign_in(
        store,
        ctx,
        &identity_id,
        method("code_recovery", "aal1", None),
    );
    // The flow keeps the CSRF token signing in renewed (Kratos regenerates it).
    if let Some(token) = crate::csrf::current(ctx, &store.config.public_url) {
        flow.csrf = token;
    }
    if flow
        .params
        .iter()
        .any(|(k, v)| k == "skip_settings" && v == "true")
    {
        // `skip_settings=true`: no settings flow; the recovery flow itself
        // (JSON), or a redirect to return_to.
        flow.state = FlowState::PassedChallenge;
        flow.ui.clear_messages();
        let id = flow.id.clone();
        let target = crate::kit::return_url(store, Some(&flow));
        store.flows.insert(id.clone(), flow);
        return if ctx.is_json_request() {
            flow_json(store, ctx, &store.flows[&id], 200)
        } else {
            see_other(&target)
        };
    }
    let saved = std::mem::take(&mut ctx.query);
    let mut settings = new_flow(store, ctx, FlowKind::Settings, flow.return_to.clone());
    ctx.query = saved;
    if let Err(error) = super::settings::init(store, ctx, &mut settings, Some(&session)) {
        return errors::respond(store, ctx, error);
    }
    let privileged_until = session.authenticated_at + store.config.lifespans.privileged_session;
    let minutes = (privileged_until - crate::time::now()) as f64 / 60_000.0;
    settings.ui.messages.push(text::success_with(
        1060001,
        format!("You successfully recovered your account. Please change your password or set up an alternative login method (e.g. social sign in) within the next {minutes:.2} minutes."),
        json!({
            "privilegedSessionExpiresAt": crate::time::rfc3339(privileged_until),
            "privileged_session_expires_at": crate::time::rfc3339(privileged_until),
            "privileged_session_expires_at_unix": privileged_until / 1000,
        }),
    ));
    let settings_id = settings.id.clone();
    let settings_url = format!("{}?flow={settings_id}", store.config.ui_page("settings"));
    store.flows.insert(settings_id.clone(), settings);
    flow.state = FlowState::PassedChallenge;
    flow.ui.clear_messages();
    if store.config.continue_with_transitions {
        flow.continue_with = vec![ContinueWith {
            action: ContinueWithAction::ShowSettingsUi,
            flow: Some(ContinueWithFlow {
                id: settings_id,
                url: Some(settings_url.clone()),
                verifiable_address: None,
                extra: Default::default(),
            }),
            redirect_browser_to: None,
            ory_session_token: None,
            data: None,
            extra: Default::default(),
        }];
        let id = flow.id.clone();
        store.flows.insert(id.clone(), flow);
        return if ctx.is_json_request() {
            flow_json(store, ctx, &store.flows[&id], 200)
        } else {
            see_other(&settings_url)
        };
    }
    store.flows.insert(flow.id.clone(), flow);
    if ctx.is_json_request() {
        json(422, &errors::location_change(&settings_url).body())
    } else {
        see_other(&settings_url)
    }
}
