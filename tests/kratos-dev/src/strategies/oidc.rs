//! OpenID Connect with one fake provider: the provider button, the 422
//! `browser_location_change_required` to the provider and a local fake
//! identity-provider page. Kratos's callback, which completes the flow that
//! started it, is [`crate::flows::oidc`].

use axum::response::Response;
use leptos_kratos::model::{NodeGroup, UiNode};
use serde_json::json;

use crate::errors::{self};
use crate::http::{Ctx, content, cookie, json, see_other};
use crate::nodes::{ContainerExt, submit};
use crate::store::{FlowRecord, IdentityRecord, OidcState, Store, new_token};
use crate::text;

/// The provider id.
pub const PROVIDER_ID: &str = "fake";
/// The provider's display name.
pub const PROVIDER_NAME: &str = "Fake Provider";
pub const CONTINUITY_COOKIE: &str = "ory_kratos_continuity";

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
        return crate::kit::rerender(store, ctx, flow, 400);
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

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
