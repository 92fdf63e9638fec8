//! Kratos's OpenID Connect callback: after the (fake) provider, it signs
//! in, signs up or links the account of the flow that started it.

use axum::response::Response;
use leptos_kratos::model::FlowKind;
use serde_json::json;

use crate::errors::{self, KError};
use crate::http::{Ctx, expired_cookie, see_other};
use crate::kit::method;
use crate::nodes::ContainerExt;
use crate::store::{IdentityRecord, Store};
use crate::strategies::oidc::{CONTINUITY_COOKIE, PROVIDER_ID, PROVIDER_NAME};
use crate::text;

/// `GET /self-service/methods/oidc/callback/fake`: finishes the sign in,
/// sign up or link and sends the browser on.
pub fn callback(store: &mut Store, ctx: &mut Ctx) -> Response {
    let state = ctx.param("state").unwrap_or_default();
    let Some(pending) = store.oidc.remove(&state) else {
        return errors::browser_error_page(
            store,
            errors::bad_request("The OpenID Connect state parameter is invalid or expired."),
        );
    };
    ctx.set_cookies.push(expired_cookie(
        CONTINUITY_COOKIE,
        store.config.secure_cookies(),
    ));
    if ctx.cookies.get(CONTINUITY_COOKIE) != Some(&pending.continuity) {
        return errors::browser_error_page(
            store,
            KError::new(400, "The request was malformed or contained invalid parameters")
                .reason("The OpenID Connect continuity cookie is missing or does not match: the sign in was started in another browser."),
        );
    }
    let Some(mut flow) = store.flows.get(&pending.flow_id).cloned() else {
        return errors::browser_error_page(store, errors::not_found());
    };
    let ui_flow = |store: &Store, id: &str, kind: FlowKind| {
        see_other(&format!(
            "{}?flow={id}",
            store.config.ui_page(kind.as_str())
        ))
    };
    if let Some(error) = ctx.param("error") {
        flow.ui.clear_messages();
        flow.ui.messages.push(text::generic_error(&format!(
            "Unable to complete OpenID Connect flow because the OpenID Provider returned error \"{error}\"."
        )));
        let id = flow.id.clone();
        store.flows.insert(id.clone(), flow);
        return ui_flow(store, &id, pending.kind);
    }
    let subject = ctx.param("code").unwrap_or_default();
    let linked = store
        .identities
        .values()
        .find(|i| {
            i.oidc
                .iter()
                .any(|(p, s)| p == PROVIDER_ID && *s == subject)
        })
        .map(|i| i.id.clone());
    match pending.kind {
        FlowKind::Settings => {
            let identity_id = flow.identity_id.clone().unwrap_or_default();
            if linked.as_ref().is_some_and(|id| *id != identity_id) {
                flow.ui.clear_messages();
                flow.ui.messages.push(text::error(4000027, "An account with the same identifier (email, phone, username, ...) exists already."));
            } else if let Some(identity) = store.identities.get_mut(&identity_id) {
                if linked.is_none() {
                    identity.oidc.push((PROVIDER_ID.into(), subject));
                }
                flow = super::settings::succeeded(store, ctx, flow);
            }
            let id = flow.id.clone();
            store.flows.insert(id.clone(), flow);
            ui_flow(store, &id, FlowKind::Settings)
        }
        FlowKind::Login | FlowKind::Registration | FlowKind::Recovery | FlowKind::Verification => {
            if let Some(identity_id) = linked {
                super::login::complete(
                    store,
                    ctx,
                    flow,
                    &identity_id,
                    method("oidc", "aal1", Some(PROVIDER_ID.into())),
                )
            } else if store.identity_by_email(&subject).is_some() {
                // The e-mail belongs to another account: sign in to it first.
                let saved = std::mem::take(&mut ctx.query);
                let mut login =
                    crate::kit::new_flow(store, ctx, FlowKind::Login, flow.return_to.clone());
                ctx.query = saved;
                let _ = super::login::init(store, ctx, &mut login, None);
                login.ui.messages.push(text::info_with(
                    1010016,
                    format!("You tried to sign in with \"{subject}\", but that email is already used by another account. Sign in to your account with one of the options below to add your account \"{subject}\" at \"{PROVIDER_NAME}\" as another way to sign in."),
                    json!({"duplicateIdentifier": subject, "duplicate_identifier": subject, "provider": PROVIDER_NAME, "available_credential_types": ["password"], "available_providers": []}),
                ));
                let id = login.id.clone();
                store.flows.insert(id.clone(), login);
                ui_flow(store, &id, FlowKind::Login)
            } else {
                let mut identity = IdentityRecord::new(json!({"email": subject}));
                for address in &mut identity.verifiable {
                    address.verified = true;
                    address.status = "completed".into();
                    address.verified_at = Some(crate::time::now());
                }
                identity.oidc.push((PROVIDER_ID.into(), subject));
                let identity_id = identity.id.clone();
                store.identities.insert(identity_id.clone(), identity);
                super::login::complete(
                    store,
                    ctx,
                    flow,
                    &identity_id,
                    method("oidc", "aal1", Some(PROVIDER_ID.into())),
                )
            }
        }
    }
}
