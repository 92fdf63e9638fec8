//! OpenID Connect with one fake provider: the provider button, the 422
//! `browser_location_change_required` to the provider, a local fake
//! identity-provider page, and Kratos's callback that signs in, signs up or
//! links the account.

use axum::response::Response;
use leptos_kratos::model::{FlowKind, NodeGroup, UiNode};
use serde_json::json;

use crate::errors::{self, KError};
use crate::flows::{self, method};
use crate::http::{Ctx, content, cookie, expired_cookie, json, see_other};
use crate::nodes::{ContainerExt, submit};
use crate::store::{FlowRecord, IdentityRecord, OidcState, Store, new_token};
use crate::text;

/// The provider id.
pub const PROVIDER_ID: &str = "fake";
/// The provider's display name.
pub const PROVIDER_NAME: &str = "Fake Provider";
const CONTINUITY_COOKIE: &str = "ory_kratos_continuity";

/// Which label a provider button gets.
pub enum Label {
    /// "Sign in with …" (login).
    SignIn,
    /// "Sign up with …" (registration).
    SignUp,
}

/// The `provider=fake` submit button.
pub fn provider_node(label: Label) -> UiNode {
    let context = json!({"provider": PROVIDER_NAME, "provider_id": PROVIDER_ID});
    let text = match label {
        Label::SignIn => text::info_with(1010002, format!("Sign in with {PROVIDER_NAME}"), context),
        Label::SignUp => text::info_with(1040002, format!("Sign up with {PROVIDER_NAME}"), context),
    };
    submit(NodeGroup::Oidc, "provider", PROVIDER_ID, text)
}

/// The settings buttons: `link=fake` or `unlink=fake`.
pub fn settings_node(identity: &IdentityRecord) -> UiNode {
    let context = json!({"provider": PROVIDER_NAME, "provider_id": PROVIDER_ID});
    if identity.oidc.iter().any(|(p, _)| p == PROVIDER_ID) {
        submit(
            NodeGroup::Oidc,
            "unlink",
            PROVIDER_ID,
            text::info_with(1050003, format!("Unlink {PROVIDER_NAME}"), context),
        )
    } else {
        submit(
            NodeGroup::Oidc,
            "link",
            PROVIDER_ID,
            text::info_with(1050002, format!("Link {PROVIDER_NAME}"), context),
        )
    }
}

/// Starts a login, registration or link with the provider: 422 with the
/// provider's URL for JSON clients, 303 for browsers; sets the continuity cookie.
pub fn start(store: &mut Store, ctx: &mut Ctx, flow: &FlowRecord, provider: String) -> Response {
    if provider != PROVIDER_ID {
        let mut flow = flow.clone();
        flow.ui.clear_messages();
        flow.ui.messages.push(text::generic_error(&format!(
            "Unable to find OpenID Connect provider \"{provider}\". Please check your configuration."
        )));
        return flows::rerender(store, ctx, flow, 400);
    }
    let state = new_token();
    let continuity = new_token();
    store.oidc.insert(
        state.clone(),
        OidcState {
            flow_id: flow.id.clone(),
            kind: flow.kind,
            continuity: continuity.clone(),
        },
    );
    ctx.set_cookies.push(cookie(
        CONTINUITY_COOKIE,
        &continuity,
        Some(600),
        store.config.secure_cookies(),
    ));
    let url = store
        .config
        .public(&format!("/__dev/oidc/authorize?state={state}"));
    if ctx.is_json_request() {
        json(422, &errors::location_change(&url).body())
    } else {
        see_other(&url)
    }
}

/// `GET /__dev/oidc/authorize?state=`: the fake provider's sign-in page.
pub fn authorize_page(store: &Store, ctx: &Ctx) -> Response {
    let state = ctx.param("state").unwrap_or_default();
    let known = store.oidc.contains_key(&state);
    let escaped = html_escape(&state);
    let body = if known {
        format!(
            r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{PROVIDER_NAME}</title>
<style>body{{font-family:system-ui,sans-serif;background:#f3f4f6;color:#111827;display:flex;justify-content:center;padding:3rem 1rem}}
main{{background:#fff;border-radius:1rem;padding:2rem;max-width:24rem;width:100%;box-shadow:0 8px 24px rgb(0 0 0 / .08)}}
label{{display:block;font-weight:600;margin:.5rem 0 .25rem}}input{{width:100%;box-sizing:border-box;padding:.5rem;font:inherit}}
button{{margin-top:1rem;width:100%;padding:.6rem;font:inherit;font-weight:600;border-radius:.5rem;border:1px solid #374151;cursor:pointer}}
.primary{{background:#111827;color:#fff}}</style></head>
<body><main><h1>{PROVIDER_NAME}</h1><p>A stand-in identity provider of the development server. Choose the account to sign in with.</p>
<form method="post" action="/__dev/oidc/authorize"><input type="hidden" name="state" value="{escaped}">
<label for="email">E-mail</label><input id="email" name="email" type="email" autocomplete="email" required value="">
<button class="primary" type="submit" name="action" value="allow">Continue</button>
<button type="submit" name="action" value="deny" formnovalidate>Cancel</button></form></main></body></html>"#
        )
    } else {
        "<!doctype html><title>Unknown request</title><p>This sign-in request is unknown or finished.</p>".to_owned()
    };
    content(
        if known { 200 } else { 400 },
        "text/html; charset=utf-8",
        body,
    )
}

/// `POST /__dev/oidc/authorize`: back to Kratos's callback, with a code or an error.
pub fn authorize_submit(store: &Store, ctx: &Ctx) -> Response {
    let Ok(form) = ctx.form() else {
        return content(400, "text/plain", "bad form");
    };
    let state = form.text("state").unwrap_or_default();
    if !store.oidc.contains_key(&state) {
        return content(400, "text/plain", "unknown state");
    }
    let callback = store.config.public(&format!(
        "/self-service/methods/oidc/callback/{PROVIDER_ID}"
    ));
    let query = match (form.text("action").as_deref(), form.text("email")) {
        (Some("allow"), Some(email)) => leptos_kratos::url::build_query([
            ("code", email.trim().to_ascii_lowercase().as_str()),
            ("state", state.as_str()),
        ]),
        _ => {
            leptos_kratos::url::build_query([("error", "access_denied"), ("state", state.as_str())])
        }
    };
    see_other(&format!("{callback}?{query}"))
}

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
                flow = flows::settings::succeeded(store, ctx, flow);
            }
            let id = flow.id.clone();
            store.flows.insert(id.clone(), flow);
            ui_flow(store, &id, FlowKind::Settings)
        }
        FlowKind::Login | FlowKind::Registration | FlowKind::Recovery | FlowKind::Verification => {
            if let Some(identity_id) = linked {
                flows::login::complete(
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
                    flows::new_flow(store, ctx, FlowKind::Login, flow.return_to.clone());
                ctx.query = saved;
                let _ = flows::login::init(store, ctx, &mut login, None);
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
                flows::login::complete(
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

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
