//! A small fake of Ory Hydra (OAuth2 and OpenID Connect provider) next to
//! the fake Kratos, so an OAuth2 login runs end to end: an OAuth2 client
//! sends the browser to Hydra's authorization endpoint; Hydra asks the
//! login UI (`?login_challenge=`), Kratos accepts the login on success and
//! sends the browser back to Hydra, which asks the consent UI
//! (`?consent_challenge=`) and finally redirects to the client with a code
//! (or an error). Logout works the same way through `?logout_challenge=`.
//!
//! Accepting consent and logout needs Hydra's admin API, which a real app
//! calls from its backend; here `/__dev/hydra/consent` and
//! `/__dev/hydra/logout` stand in for that backend, with the contract the
//! library's consent and logout screens document:
//!
//! - `GET …/consent?consent_challenge=` → Hydra's consent request;
//!   `POST …/consent` `{consent_challenge, accept, grant_scope, remember}` →
//!   `{redirect_to}`;
//! - `GET …/logout?logout_challenge=` → Hydra's logout request;
//!   `POST …/logout` `{logout_challenge, accept}` → `{redirect_to}`.
//!
//! One client is registered: `demo-client` ("Demo Client"), redirecting to
//! `/__dev/oauth2/callback`.

use std::collections::BTreeMap;

pub mod state;

use state::{Authorization, CLIENT_ID, Logout, client, redirect_uri, token, with_query};

use axum::response::Response;
use serde_json::{Value, json};

use crate::http::{Ctx, content, json};
use crate::store::Store;
fn redirect(location: &str) -> Response {
    crate::http::found(location)
}

/// The backend's answer to a decision: a new verifier for the decided
/// `challenge` in `verifiers`, and Hydra's `path` to continue at with it.
fn decided(
    store: &Store,
    verifiers: &mut BTreeMap<String, String>,
    challenge: String,
    path: &str,
    key: &str,
) -> Response {
    let verifier = token();
    verifiers.insert(verifier.clone(), challenge);
    json(
        200,
        &json!({"redirect_to": with_query(&store.config.public(path), key, &verifier)}),
    )
}

/// Hydra's error redirect to the error UI (`?error=&error_description=&error_hint=`).
fn error_page(store: &Store, error: &str, description: &str, hint: &str) -> Response {
    redirect(&format!(
        "{}?{}",
        store.config.ui_page("error"),
        leptos_kratos::url::build_query([
            ("error", error),
            ("error_description", description),
            ("error_hint", hint),
        ])
    ))
}

/// `GET /oauth2/auth`: a new authorization, or the next step after the
/// login (`login_verifier`) or the consent (`consent_verifier`).
pub fn authorize(store: &mut Store, ctx: &Ctx) -> Response {
    if let Some(verifier) = ctx.param("login_verifier") {
        let Some(challenge) = store.hydra.login_verifiers.remove(&verifier) else {
            return error_page(
                store,
                "invalid_request",
                "The login verifier is unknown or was used.",
                "Start the authorization again.",
            );
        };
        let consent = token();
        store.hydra.consents.insert(consent.clone(), challenge);
        return redirect(&with_query(
            &store.config.ui_page("consent"),
            "consent_challenge",
            &consent,
        ));
    }
    if let Some(verifier) = ctx.param("consent_verifier") {
        let decided = store
            .hydra
            .consent_verifiers
            .remove(&verifier)
            .and_then(|consent| store.hydra.consents.remove(&consent))
            .and_then(|login| store.hydra.logins.remove(&login));
        let Some(authorization) = decided else {
            return error_page(
                store,
                "invalid_request",
                "The consent verifier is unknown or was used.",
                "Start the authorization again.",
            );
        };
        let target = match authorization.granted {
            Some((true, scopes)) => leptos_kratos::url::build_query([
                ("code", token().as_str()),
                ("scope", scopes.join(" ").as_str()),
                ("state", authorization.state.as_str()),
            ]),
            _ => leptos_kratos::url::build_query([
                ("error", "access_denied"),
                ("error_description", "The resource owner denied the request"),
                ("state", authorization.state.as_str()),
            ]),
        };
        return redirect(&format!("{}?{target}", authorization.redirect_uri));
    }
    if ctx.param("client_id").as_deref() != Some(CLIENT_ID) {
        return error_page(
            store,
            "invalid_client",
            "Client authentication failed (e.g., unknown client, no client authentication included, or unsupported authentication method).",
            "The requested OAuth 2.0 Client does not exist.",
        );
    }
    let redirect_to = ctx
        .param("redirect_uri")
        .unwrap_or_else(|| redirect_uri(&store.config));
    if redirect_to != redirect_uri(&store.config) {
        return error_page(
            store,
            "invalid_request",
            "The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.",
            "The 'redirect_uri' parameter does not match any of the OAuth 2.0 Client's pre-registered redirect urls.",
        );
    }
    let challenge = token();
    store.hydra.logins.insert(
        challenge.clone(),
        Authorization {
            redirect_uri: redirect_to,
            state: ctx.param("state").unwrap_or_default(),
            scopes: ctx
                .param("scope")
                .unwrap_or_else(|| "openid".into())
                .split(' ')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            request_url: ctx.request_url(&store.config.public_url),
            subject: None,
            granted: None,
        },
    );
    redirect(&with_query(
        &store.config.ui_page("login"),
        "login_challenge",
        &challenge,
    ))
}

/// `GET|POST /__dev/hydra/consent`: the app backend's consent endpoint.
pub fn consent(store: &mut Store, ctx: &Ctx) -> Response {
    if ctx.method == axum::http::Method::GET {
        let challenge = ctx.param("consent_challenge").unwrap_or_default();
        let Some(authorization) = store
            .hydra
            .consents
            .get(&challenge)
            .and_then(|login| store.hydra.logins.get(login))
        else {
            return not_found("consent");
        };
        return json(
            200,
            &json!({
                "challenge": challenge,
                "client": client(&store.config),
                "request_url": authorization.request_url,
                "requested_scope": authorization.scopes,
                "requested_access_token_audience": [],
                "skip": false,
                "subject": authorization.subject.clone().unwrap_or_default(),
            }),
        );
    }
    let body: Value = serde_json::from_slice(&ctx.body).unwrap_or_default();
    let challenge = body["consent_challenge"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let accept = body["accept"].as_bool().unwrap_or(false);
    let Some(authorization) = store
        .hydra
        .consents
        .get(&challenge)
        .cloned()
        .and_then(|login| store.hydra.logins.get_mut(&login))
    else {
        return not_found("consent");
    };
    // Only scopes the client asked for can be granted.
    let granted: Vec<String> = body["grant_scope"]
        .as_array()
        .map(|scopes| {
            scopes
                .iter()
                .filter_map(Value::as_str)
                .filter(|scope| authorization.scopes.iter().any(|s| s == scope))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    authorization.granted = Some((accept, granted));
    let mut verifiers = std::mem::take(&mut store.hydra.consent_verifiers);
    let answer = decided(
        store,
        &mut verifiers,
        challenge,
        "/oauth2/auth",
        "consent_verifier",
    );
    store.hydra.consent_verifiers = verifiers;
    answer
}

/// `GET /oauth2/sessions/logout`: a logout asked by a client (or the
/// verifier step after the decision).
pub fn logout(store: &mut Store, ctx: &Ctx) -> Response {
    if let Some(verifier) = ctx.param("logout_verifier") {
        let decided = store
            .hydra
            .logout_verifiers
            .remove(&verifier)
            .and_then(|challenge| store.hydra.logouts.remove(&challenge));
        return match decided {
            Some(Logout {
                accepted: Some(true),
                ..
            }) => redirect(&store.config.public("/__dev/oauth2/logged-out")),
            _ => redirect(
                &store
                    .config
                    .public("/__dev/oauth2/callback?error=logout_rejected"),
            ),
        };
    }
    let subject = crate::kit::session_of(store, ctx)
        .map(|session| session.identity_id)
        .unwrap_or_default();
    let challenge = token();
    store.hydra.logouts.insert(
        challenge.clone(),
        Logout {
            subject,
            accepted: None,
        },
    );
    redirect(&with_query(
        &store.config.ui_page("logout"),
        "logout_challenge",
        &challenge,
    ))
}

/// `GET|POST /__dev/hydra/logout`: the app backend's logout endpoint.
pub fn logout_decision(store: &mut Store, ctx: &Ctx) -> Response {
    if ctx.method == axum::http::Method::GET {
        let challenge = ctx.param("logout_challenge").unwrap_or_default();
        let Some(request) = store.hydra.logouts.get(&challenge) else {
            return not_found("logout");
        };
        return json(
            200,
            &json!({
                "challenge": challenge,
                "client": client(&store.config),
                "request_url": store.config.public("/oauth2/sessions/logout"),
                "rp_initiated": true,
                "subject": request.subject,
            }),
        );
    }
    let body: Value = serde_json::from_slice(&ctx.body).unwrap_or_default();
    let challenge = body["logout_challenge"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let Some(request) = store.hydra.logouts.get_mut(&challenge) else {
        return not_found("logout");
    };
    request.accepted = Some(body["accept"].as_bool().unwrap_or(false));
    let mut verifiers = std::mem::take(&mut store.hydra.logout_verifiers);
    let answer = decided(
        store,
        &mut verifiers,
        challenge,
        "/oauth2/sessions/logout",
        "logout_verifier",
    );
    store.hydra.logout_verifiers = verifiers;
    answer
}

fn not_found(what: &str) -> Response {
    json(
        404,
        &json!({"error": {"code": 404, "status": "Not Found", "message": format!("The {what} request could not be found.")}}),
    )
}

/// `GET /__dev/oauth2/callback` and `/__dev/oauth2/logged-out`: the demo
/// client's pages, saying how the OAuth2 round trip ended.
pub fn client_page(ctx: &Ctx, logged_out: bool) -> Response {
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let outcome = if logged_out {
        "<p id=\"outcome\" data-outcome=\"logged-out\">Signed out of Demo Client.</p>".to_owned()
    } else if let Some(code) = ctx.param("code") {
        format!(
            "<p id=\"outcome\" data-outcome=\"authorized\">Demo Client received an authorization code.</p>\
             <dl><dt>code</dt><dd id=\"code\">{}</dd><dt>scope</dt><dd id=\"scope\">{}</dd><dt>state</dt><dd id=\"state\">{}</dd></dl>",
            escape(&code),
            escape(&ctx.param("scope").unwrap_or_default()),
            escape(&ctx.param("state").unwrap_or_default())
        )
    } else {
        format!(
            "<p id=\"outcome\" data-outcome=\"error\">Demo Client received an error: <code id=\"error\">{}</code> {}</p>",
            escape(&ctx.param("error").unwrap_or_default()),
            escape(&ctx.param("error_description").unwrap_or_default())
        )
    };
    content(
        200,
        "text/html; charset=utf-8",
        format!(
            "<!doctype html><html lang=\"en\"><head><title>Demo Client</title></head><body><main><h1>Demo Client</h1>{outcome}</main></body></html>"
        ),
    )
}
