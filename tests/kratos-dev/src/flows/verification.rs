//! Verification by code: send a code to an address, check it, mark the
//! address verified and offer a "Continue" link.

use axum::response::Response;
use leptos_kratos::model::{FlowState, InputType, NodeGroup};
use serde_json::json;

use super::retry;
use crate::errors::{self, KError};
use crate::http::{Ctx, Form, see_other};
use crate::kit::{check_csrf, fail_with, flow_json, rerender, return_url};
use crate::nodes::{ContainerExt, NodeExt, anchor, csrf, input, submit};
use crate::store::{FlowRecord, Store};
use crate::strategies::code::{count_code_submission, send_code};
use crate::{schema, text};

/// The first screen: the address to verify.
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

/// The second screen: the code sent to `address`.
pub fn show_code_form(flow: &mut FlowRecord, address: &str) {
    flow.state = FlowState::SentEmail;
    flow.active = Some("code".into());
    flow.ui.nodes = vec![
        csrf(),
        input(NodeGroup::Code, "method", InputType::Hidden).value("code"),
        input(NodeGroup::Code, "code", InputType::Text)
            .required()
            .autocomplete("one-time-code")
            .pattern("[0-9]+")
            .label(text::label_verification_code()),
        submit(NodeGroup::Code, "method", "code", text::label_continue()),
        submit(NodeGroup::Code, "email", address, text::label_resend()),
    ];
    flow.ui.clear_messages();
    flow.ui.messages.push(text::info(
        1080003,
        "An email containing a verification code has been sent to the email address you provided. If you have not received an email, check the spelling of the address and make sure to use the address you registered with.",
    ));
}

/// `POST /self-service/verification?flow=`.
pub fn submit_flow(store: &mut Store, ctx: &mut Ctx, flow: FlowRecord, form: Form) -> Response {
    let method_name = form
        .text("method")
        .or_else(|| (form.has("email") || form.has("code")).then(|| "code".into()));
    if method_name.as_deref() != Some("code") || !store.config.methods.code {
        return fail_with(store, ctx, flow, text::no_strategy("verification"));
    }
    step(store, ctx, flow, &form, true).unwrap_or_else(|error| errors::respond(store, ctx, error))
}

/// `GET /self-service/verification?flow=&code=`: the link in the mail.
pub fn from_link(store: &mut Store, ctx: &mut Ctx) -> Response {
    let id = ctx.param("flow").unwrap_or_default();
    let Some(flow) = store.flows.get(&id).cloned() else {
        return errors::browser_error_page(store, errors::not_found());
    };
    let mut form_body = String::new();
    if let Some(code) = ctx.param("code") {
        form_body = leptos_kratos::url::build_query([("method", "code"), ("code", code.as_str())]);
    }
    let form = Form::parse_urlencoded(&form_body).unwrap_or_default();
    let _ = step(store, ctx, flow, &form, false);
    see_other(&format!(
        "{}?flow={id}",
        store.config.ui_page("verification")
    ))
}

fn step(
    store: &mut Store,
    ctx: &mut Ctx,
    mut flow: FlowRecord,
    form: &Form,
    check: bool,
) -> Result<Response, KError> {
    if check {
        check_csrf(store, ctx, form)?;
    }
    if flow.state == FlowState::PassedChallenge {
        // Kratos replaces a finished flow by a new one that says why.
        let message = text::error(
            4070002,
            "The request was already completed successfully and can not be retried.",
        );
        return Ok(replaced(
            store,
            ctx,
            &flow,
            message,
            "An error occured, please use the new flow.",
        ));
    }
    if let Some(code) = form.text("code") {
        if !count_code_submission(&mut flow) {
            let too_often = errors::code_submitted_too_often();
            let message = text::generic_error(too_often.reason.as_deref().unwrap_or_default());
            return Ok(replaced(
                store,
                ctx,
                &flow,
                message,
                "An error occured, please retry the flow.",
            ));
        }
        let address = flow.code.as_ref().map(|c| c.address.clone());
        if flow.identity_id.is_some()
            && crate::strategies::code::code_matches(&mut flow.code, &code)
        {
            return Ok(verified(store, ctx, flow, &address.unwrap_or_default()));
        }
        // A wrong code is no validation error for Kratos: 200 with the flow.
        flow.ui.clear_messages();
        flow.ui.messages.push(text::code_invalid("verification"));
        return Ok(rerender(store, ctx, flow, 200));
    }
    let Some(email) = form.text("email") else {
        flow.ui.clear_messages();
        let field = if flow.state == FlowState::SentEmail {
            "code"
        } else {
            "email"
        };
        flow.ui.add_field_message(field, text::required(field));
        return Ok(rerender(store, ctx, flow, 400));
    };
    if !schema::is_email(&email) {
        flow.ui.clear_messages();
        flow.ui.set_value("email", json!(email));
        flow.ui
            .add_field_message("email", text::invalid_email(&email));
        return Ok(rerender(store, ctx, flow, 400));
    }
    let email = email.trim().to_ascii_lowercase();
    let owner = store
        .identities
        .values()
        .find(|i| i.verifiable.iter().any(|a| a.value == email))
        .map(|i| i.id.clone());
    match owner {
        Some(identity_id) => {
            let link = store
                .config
                .public(&format!("/self-service/verification?flow={}", flow.id));
            flow.code = Some(send_code(store, &email, "verification", Some(link)));
            if let Some(identity) = store.identities.get_mut(&identity_id) {
                for a in identity
                    .verifiable
                    .iter_mut()
                    .filter(|a| a.value == email && !a.verified)
                {
                    a.status = "sent".into();
                }
            }
            flow.identity_id = Some(identity_id);
        }
        None => {
            crate::strategies::code::deliver(
                store,
                &email,
                "Verification attempted",
                "Someone asked to verify this address, but it belongs to no account.".into(),
                None,
            );
            flow.code = None;
            flow.identity_id = None;
        }
    }
    show_code_form(&mut flow, &email);
    let id = flow.id.clone();
    store.flows.insert(id.clone(), flow);
    Ok(if ctx.is_json_request() {
        flow_json(store, ctx, &store.flows[&id], 200)
    } else {
        see_other(&format!(
            "{}?flow={id}",
            store.config.ui_page("verification")
        ))
    })
}

/// Answers a retried flow as Kratos's code strategy does: 410
/// `self_service_flow_replaced` with `use_flow_id` for JSON clients, a 303
/// to the UI for browsers.
fn replaced(
    store: &mut Store,
    ctx: &mut Ctx,
    old: &FlowRecord,
    message: leptos_kratos::model::UiText,
    reason: &str,
) -> Response {
    let id = retry(store, ctx, old, message);
    if ctx.is_json_request() {
        crate::http::json(410, &errors::flow_replaced(reason, &id).body())
    } else {
        see_other(&format!(
            "{}?flow={id}",
            store.config.ui_page("verification")
        ))
    }
}

/// The code was right: the address is verified; the flow now only offers
/// a link to continue (method GET, no CSRF token).
fn verified(store: &mut Store, ctx: &Ctx, mut flow: FlowRecord, address: &str) -> Response {
    if let Some(identity) = flow
        .identity_id
        .as_ref()
        .and_then(|id| store.identities.get_mut(id))
    {
        // A settings change waiting for this address (`verify_new_address`)
        // is applied now.
        if let Some(traits) = flow.traits.take() {
            identity.traits = traits;
            identity.updated_at = crate::time::now();
            identity.sync_addresses();
        }
        for a in identity
            .verifiable
            .iter_mut()
            .filter(|a| a.value == address)
        {
            a.verified = true;
            a.status = "completed".into();
            a.verified_at = Some(crate::time::now());
        }
    }
    let target = return_url(store, Some(&flow));
    flow.state = FlowState::PassedChallenge;
    flow.ui.action = target.clone();
    flow.ui.method = "GET".into();
    flow.ui.nodes = vec![anchor(
        NodeGroup::Code,
        "continue",
        &target,
        text::label_continue(),
    )];
    flow.ui.clear_messages();
    flow.ui.messages.push(text::success(
        1080002,
        "You successfully verified your email address.",
    ));
    let id = flow.id.clone();
    store.flows.insert(id.clone(), flow);
    if ctx.is_json_request() {
        flow_json(store, ctx, &store.flows[&id], 200)
    } else {
        see_other(&format!(
            "{}?flow={id}",
            store.config.ui_page("verification")
        ))
    }
}
