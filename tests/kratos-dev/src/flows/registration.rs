//! Registration: one step (traits + credential) or two steps (profile
//! first, then a credential); password, code, OIDC, passkey.

use axum::response::Response;
use leptos_kratos::model::{FlowState, InputType, NodeGroup, UiNode};
use serde_json::Value;

use crate::errors::{self, KError};
use crate::http::{Ctx, Form, json, see_other};
use crate::kit::{check_csrf, fail_with, method, rerender, return_url, sign_in};
use crate::nodes::{ContainerExt, NodeExt, csrf, input, submit};
use crate::schema;
use crate::store::{AuthMethod, FlowRecord, IdentityRecord, SessionRecord, Store};
use crate::strategies::Verdict;
use crate::strategies::code::send_code;
use crate::strategies::{oidc, webauthn};
use crate::text;

/// Sets up a new registration flow (or refuses: signed in, disabled).
pub fn init(
    store: &Store,
    flow: &mut FlowRecord,
    session: Option<&SessionRecord>,
) -> Result<(), KError> {
    if session.is_some() {
        return Err(errors::session_already_available());
    }
    if !store.config.registration_enabled {
        return Err(errors::flow_disabled("Registration"));
    }
    flow.ui.nodes = if store.config.two_step_registration {
        profile_screen(store, None)
    } else {
        one_step(store, flow, None)
    };
    Ok(())
}

fn sign_up_label() -> leptos_kratos::model::UiText {
    text::info(1040001, "Sign up")
}

fn password_nodes() -> Vec<UiNode> {
    vec![
        input(NodeGroup::Password, "password", InputType::Password)
            .required()
            .autocomplete("new-password")
            .label(text::label_password()),
        submit(NodeGroup::Password, "method", "password", sign_up_label()),
    ]
}

/// The one-step form: traits and every credential method.
fn one_step(store: &Store, flow: &mut FlowRecord, traits: Option<&Value>) -> Vec<UiNode> {
    let config = store.config.clone();
    let mut nodes = vec![csrf()];
    nodes.extend(schema::trait_nodes(NodeGroup::Default, traits, false));
    if config.methods.oidc {
        nodes.push(oidc::provider_node(oidc::Label::SignUp));
    }
    if config.methods.password {
        nodes.extend(password_nodes());
    }
    if config.methods.code {
        nodes.push(submit(
            NodeGroup::Code,
            "method",
            "code",
            text::info(1040006, "Send sign up code"),
        ));
    }
    if config.methods.passkey {
        nodes.extend(webauthn::passkey_registration_nodes(&config, flow));
    }
    nodes
}

/// Two-step registration, first screen: the profile.
fn profile_screen(store: &Store, traits: Option<&Value>) -> Vec<UiNode> {
    let mut nodes = Vec::new();
    if store.config.methods.oidc {
        nodes.push(oidc::provider_node(oidc::Label::SignUp));
    }
    nodes.push(csrf());
    nodes.extend(schema::trait_nodes(NodeGroup::Default, traits, false));
    nodes.push(submit(
        NodeGroup::Profile,
        "method",
        "profile",
        sign_up_label(),
    ));
    nodes
}

/// Two-step registration, second screen: choose a credential.
fn credential_screen(store: &Store, flow: &mut FlowRecord, traits: &Value) -> Vec<UiNode> {
    let config = store.config.clone();
    let mut nodes = Vec::new();
    if config.methods.oidc {
        nodes.push(oidc::provider_node(oidc::Label::SignUp));
    }
    nodes.push(csrf());
    nodes.extend(schema::trait_nodes(NodeGroup::Default, Some(traits), true));
    if config.methods.passkey {
        nodes.extend(webauthn::passkey_registration_nodes(&config, flow));
    }
    if config.methods.code {
        nodes.push(submit(
            NodeGroup::Code,
            "method",
            "code",
            text::info(1040006, "Send sign up code"),
        ));
    }
    if config.methods.password {
        nodes.extend(password_nodes());
    }
    nodes.push(submit(
        NodeGroup::Profile,
        "screen",
        "previous",
        text::info(1040008, "Back"),
    ));
    nodes
}

/// `POST /self-service/registration?flow=`.
pub fn submit_flow(store: &mut Store, ctx: &mut Ctx, flow: FlowRecord, form: Form) -> Response {
    let config = store.config.clone();
    let method_name = form.text("method").or_else(|| {
        if form.text("provider").is_some() {
            Some("oidc".into())
        } else if form.text("passkey_register").is_some() {
            Some("passkey".into())
        } else if form.text("screen").is_some() {
            Some("profile".into())
        } else {
            None
        }
    });
    let result = match method_name.as_deref() {
        Some("profile") if config.two_step_registration => profile(store, ctx, flow, &form),
        Some("password") if config.methods.password => password(store, ctx, flow, &form),
        Some("code") if config.methods.code => code(store, ctx, flow, &form),
        Some("oidc") if config.methods.oidc => check_csrf(store, ctx, &form)
            .map(|_| oidc::start(store, ctx, &flow, form.text("provider").unwrap_or_default())),
        Some("passkey") if config.methods.passkey => {
            check_csrf(store, ctx, &form).map(|_| passkey(store, ctx, flow, &form))
        }
        _ => Ok(fail_with(
            store,
            ctx,
            flow,
            text::no_strategy("registration"),
        )),
    };
    result.unwrap_or_else(|error| errors::respond(store, ctx, error))
}

/// Registration with a passkey and the traits.
fn passkey(store: &mut Store, ctx: &mut Ctx, mut flow: FlowRecord, form: &Form) -> Response {
    match crate::strategies::passkey::passkey_registration(store, &mut flow, form) {
        Verdict::Verified(identity) => {
            finish(store, ctx, flow, identity, method("passkey", "aal1", None))
        }
        Verdict::Failed(message) | Verdict::Refused(message) => {
            fail_with(store, ctx, flow, message)
        }
        Verdict::Invalid => rerender(store, ctx, flow, 400),
    }
}

/// Validates submitted traits; on errors the flow is re-rendered with them.
fn valid_traits(store: &Store, flow: &mut FlowRecord, form: &Form) -> Result<Value, ()> {
    let traits = schema::traits_from_form(form);
    flow.ui.clear_messages();
    for t in &schema::TRAITS {
        if let Some(value) = schema::trait_value(&traits, t.path) {
            flow.ui
                .set_value(&format!("traits.{}", t.path), value.clone());
        }
    }
    let errors = schema::validate(&traits);
    let duplicate = traits
        .get("email")
        .and_then(Value::as_str)
        .is_some_and(|email| store.identity_by_email(email).is_some());
    for (field, message) in &errors {
        flow.ui.add_field_message(field, message.clone());
    }
    if duplicate {
        flow.ui.messages.push(text::duplicate_credentials());
    }
    if errors.is_empty() && !duplicate {
        Ok(traits)
    } else {
        Err(())
    }
}

fn profile(
    store: &mut Store,
    ctx: &mut Ctx,
    mut flow: FlowRecord,
    form: &Form,
) -> Result<Response, KError> {
    check_csrf(store, ctx, form)?;
    let traits = schema::traits_from_form(form);
    if form.text("screen").as_deref() == Some("credential-selection") {
        // From the code-sent step back to the choice of credential.
        let traits = flow.traits.clone().unwrap_or(traits);
        flow.ui.nodes = credential_screen(store, &mut flow, &traits);
        flow.ui.clear_messages();
        flow.state = FlowState::ChooseMethod;
        flow.active = Some("profile".into());
        flow.code = None;
        return Ok(rerender(store, ctx, flow, 400));
    }
    if form.text("screen").as_deref() == Some("previous") {
        flow.ui.nodes = profile_screen(store, Some(&traits));
        flow.ui.clear_messages();
        return Ok(rerender(store, ctx, flow, 400));
    }
    flow.ui.nodes = profile_screen(store, Some(&traits));
    let Ok(traits) = valid_traits(store, &mut flow, form) else {
        return Ok(rerender(store, ctx, flow, 400));
    };
    flow.ui.nodes = credential_screen(store, &mut flow, &traits);
    flow.ui.messages.push(text::info(
        1040009,
        "Please choose a credential to authenticate yourself with.",
    ));
    flow.traits = Some(traits);
    flow.active = Some("profile".into());
    Ok(rerender(store, ctx, flow, 400))
}

fn password(
    store: &mut Store,
    ctx: &mut Ctx,
    mut flow: FlowRecord,
    form: &Form,
) -> Result<Response, KError> {
    check_csrf(store, ctx, form)?;
    let traits_result = valid_traits(store, &mut flow, form);
    let password = form.text("password");
    let email = schema::traits_from_form(form)
        .get("email")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let password_error = match &password {
        None => Some(text::required("password")),
        Some(password) => crate::strategies::password::policy_violation(password, &email),
    };
    if let Some(message) = password_error {
        flow.ui.add_field_message("password", message);
    }
    let Ok(traits) = traits_result else {
        return Ok(rerender(store, ctx, flow, 400));
    };
    if flow
        .ui
        .nodes
        .iter()
        .any(|n| n.name() == Some("password") && !n.messages.is_empty())
    {
        return Ok(rerender(store, ctx, flow, 400));
    }
    let mut identity = IdentityRecord::new(traits);
    identity.password_hash = Some(crate::secrets::hash(&password.unwrap_or_default()));
    Ok(finish(
        store,
        ctx,
        flow,
        identity,
        method("password", "aal1", None),
    ))
}

fn code(
    store: &mut Store,
    ctx: &mut Ctx,
    mut flow: FlowRecord,
    form: &Form,
) -> Result<Response, KError> {
    check_csrf(store, ctx, form)?;
    if flow.state == FlowState::SentEmail && form.text("resend").as_deref() != Some("code") {
        let Some(submitted) = form.text("code") else {
            flow.ui.clear_messages();
            flow.ui.add_field_message("code", text::required("code"));
            return Ok(rerender(store, ctx, flow, 400));
        };
        if !crate::strategies::code::code_matches(&mut flow.code, &submitted) {
            return Ok(fail_with(
                store,
                ctx,
                flow,
                text::code_invalid("registration"),
            ));
        }
        let mut identity = IdentityRecord::new(flow.traits.clone().unwrap_or_default());
        if store.identity_by_email(&identity.email()).is_some() {
            return Ok(fail_with(store, ctx, flow, text::duplicate_credentials()));
        }
        // The code proved the address.
        for address in &mut identity.verifiable {
            address.verified = true;
            address.status = "completed".into();
            address.verified_at = Some(crate::time::now());
        }
        return Ok(finish(
            store,
            ctx,
            flow,
            identity,
            method("code", "aal1", None),
        ));
    }
    let traits = if flow.state == FlowState::SentEmail {
        flow.traits.clone().unwrap_or_default()
    } else {
        match valid_traits(store, &mut flow, form) {
            Ok(traits) => traits,
            Err(()) => return Ok(rerender(store, ctx, flow, 400)),
        }
    };
    let email = traits
        .get("email")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    flow.code = Some(send_code(store, &email, "registration", None));
    flow.traits = Some(traits.clone());
    flow.state = FlowState::SentEmail;
    flow.active = Some("code".into());
    let mut nodes = vec![csrf()];
    nodes.extend(schema::trait_nodes(NodeGroup::Default, Some(&traits), true));
    nodes.push(input(NodeGroup::Code, "method", InputType::Hidden).value("code"));
    nodes.push(
        input(NodeGroup::Code, "code", InputType::Text)
            .required()
            .autocomplete("one-time-code")
            .pattern("[0-9]+")
            .label(text::label_registration_code()),
    );
    nodes.push(submit(
        NodeGroup::Code,
        "method",
        "code",
        text::label_continue(),
    ));
    nodes.push(submit(
        NodeGroup::Code,
        "resend",
        "code",
        text::label_resend(),
    ));
    if store.config.two_step_registration {
        // Back to the choice of credential: only here, in the code-sent step.
        nodes.push(submit(
            NodeGroup::Profile,
            "screen",
            "credential-selection",
            text::info(1040008, "Back"),
        ));
    }
    flow.ui.nodes = nodes;
    flow.ui.clear_messages();
    flow.ui.messages.push(text::info(
        1040005,
        "A code has been sent to the address(es) you provided. If you have not received a message, check the spelling of the address and retry the registration.",
    ));
    Ok(rerender(store, ctx, flow, 400))
}

/// Stores the new identity and answers: session (if configured), a
/// verification flow (if configured) and where to go.
pub fn finish(
    store: &mut Store,
    ctx: &mut Ctx,
    flow: FlowRecord,
    identity: IdentityRecord,
    auth: AuthMethod,
) -> Response {
    let identity_id = identity.id.clone();
    let email = identity.email();
    let verified = identity.verifiable.iter().all(|a| a.verified);
    store.identities.insert(identity_id.clone(), identity);
    store.flows.remove(&flow.id);
    let session = store
        .config
        .session_after_registration
        .then(|| sign_in(store, ctx, &identity_id, auth));
    // With an OAuth2 login challenge, registration ends back at Hydra
    // (200 with redirect_browser_to, unlike login's 422).
    let return_to = crate::kit::oauth2_continuation(store, &flow, &identity_id)
        .unwrap_or_else(|| return_url(store, Some(&flow)));
    let mut continue_with = Vec::new();
    let mut verification_flow = None;
    if store.config.verification_after_registration && !verified && !email.is_empty() {
        let id =
            super::start_verification(store, ctx, &identity_id, &email, flow.return_to.clone());
        continue_with.push(crate::kit::show_verification(store, &id, &email));
        verification_flow = Some(id);
    }
    continue_with.push(crate::kit::redirect_to(&return_to));
    if ctx.accepts_json() {
        json(
            200,
            &crate::kit::success_body(store, session.as_ref(), &identity_id, true, continue_with),
        )
    } else if let Some(id) = verification_flow {
        see_other(&format!(
            "{}?flow={id}",
            store.config.ui_page("verification")
        ))
    } else {
        see_other(&return_to)
    }
}
