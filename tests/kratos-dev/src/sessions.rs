//! `/sessions/whoami`, `/sessions`, `/self-service/logout*`.

use axum::http::HeaderValue;
use axum::response::Response;
use serde_json::json;

use crate::config::RequiredAal;
use crate::csrf;
use crate::errors::{self, KError};
use crate::http::{Ctx, empty, expired_cookie, json, see_other};
use crate::kit::{SESSION_COOKIE, session_of};
use crate::store::Store;

/// 403 `session_aal2_required` when the session must use its second factor
/// first (`session.whoami.required_aal: highest_available`), as whoami and
/// the session list answer.
fn aal2_missing(store: &Store, session: &crate::store::SessionRecord) -> Option<Response> {
    let identity = store.identities.get(&session.identity_id);
    let needs_aal2 = store.config.required_aal == RequiredAal::HighestAvailable
        && session.aal() == "aal1"
        && identity.is_some_and(|i| i.has_second_factor());
    needs_aal2.then(|| {
        let url = store.config.public("/self-service/login/browser?aal=aal2");
        json(403, &errors::aal2_required(url).body())
    })
}

/// 401 of the session endpoints: no id.
fn no_session_cookie() -> Response {
    json(
        401,
        &errors::unauthorized("No valid session cookie found.").body(),
    )
}

/// `GET /sessions/whoami`.
pub fn whoami(store: &mut Store, ctx: &Ctx) -> Response {
    let Some(session) = session_of(store, ctx) else {
        return json(
            401,
            &errors::unauthorized("No valid session credentials found in the request.").body(),
        );
    };
    if let Some(refused) = aal2_missing(store, &session) {
        return refused;
    }
    let identity = store.identities.get(&session.identity_id);
    let mut response = json(200, &session.to_model(identity));
    if let Ok(value) = HeaderValue::from_str(&session.identity_id) {
        response
            .headers_mut()
            .insert("x-kratos-authenticated-identity-id", value);
    }
    response
}

/// `GET /sessions`: the identity's other active sessions.
pub fn list(store: &Store, ctx: &Ctx) -> Response {
    let Some(current) = session_of(store, ctx) else {
        return no_session_cookie();
    };
    if let Some(refused) = aal2_missing(store, &current) {
        return refused;
    }
    let identity = store.identities.get(&current.identity_id);
    let others: Vec<_> = store
        .sessions
        .values()
        .filter(|s| s.identity_id == current.identity_id && s.id != current.id && s.active)
        .map(|s| s.to_model(identity))
        .collect();
    let mut response = json(200, &others);
    if let Ok(value) = HeaderValue::from_str(&others.len().to_string()) {
        response.headers_mut().insert("x-total-count", value);
    }
    response
}

/// `DELETE /sessions`: revokes all other sessions.
pub fn revoke_others(store: &mut Store, ctx: &Ctx) -> Response {
    let Some(current) = session_of(store, ctx) else {
        return no_session_cookie();
    };
    let mut count = 0;
    for session in store.sessions.values_mut() {
        if session.identity_id == current.identity_id && session.id != current.id && session.active
        {
            session.active = false;
            count += 1;
        }
    }
    json(200, &json!({"count": count}))
}

/// `DELETE /sessions/<id>`: revokes one of the identity's other sessions.
pub fn revoke(store: &mut Store, ctx: &Ctx, id: &str) -> Response {
    let Some(current) = session_of(store, ctx) else {
        return no_session_cookie();
    };
    if id == current.id {
        return json(
            400,
            &errors::bad_request("You can not revoke the session you are currently using. Use the logout flow instead.").body(),
        );
    }
    match store
        .sessions
        .values_mut()
        .find(|s| s.id == id && s.identity_id == current.identity_id && s.active)
    {
        Some(session) => {
            session.active = false;
            empty(204)
        }
        None => json(404, &errors::not_found().body()),
    }
}

/// `GET /self-service/logout/browser[?return_to=]`: a logout URL (always JSON).
pub fn create_logout(store: &mut Store, ctx: &mut Ctx) -> Response {
    let Some(session) = session_of(store, ctx) else {
        if ctx.accepts_json() {
            return json(401, &errors::session_inactive().body());
        }
        return errors::browser_error_page(store, errors::session_inactive());
    };
    let mut query = vec![("token", session.logout_token.as_str())];
    let return_to = ctx.param("return_to");
    if let Some(url) = &return_to {
        if let Err(error) = crate::kit::check_return_to(store, url) {
            return errors::respond(store, ctx, error);
        }
        query.push(("return_to", url.as_str()));
    }
    let logout_url = format!(
        "{}?{}",
        store.config.public("/self-service/logout"),
        leptos_kratos::url::build_query(query)
    );
    json(
        200,
        &json!({"logout_url": logout_url, "logout_token": session.logout_token}),
    )
}

/// `GET /self-service/logout?token=[&return_to=]`: ends the session.
pub fn logout(store: &mut Store, ctx: &mut Ctx) -> Response {
    let error = |status: u16, message: &str| KError::new(status, message.to_owned());
    let Some(token) = ctx.param("token") else {
        return errors::respond(
            store,
            ctx,
            errors::bad_request("Please include a token in the URL query."),
        );
    };
    let Some(session) = session_of(store, ctx) else {
        return errors::respond(store, ctx, errors::session_inactive());
    };
    if session.logout_token != token {
        return errors::respond(
            store,
            ctx,
            error(403, "The request was rejected to protect you from identity theft.")
                .reason("Unable to log out because the logout token in the URL query does not match the session cookie."),
        );
    }
    if let Some(s) = store.sessions.get_mut(&session.token) {
        s.active = false;
    }
    let config = store.config.clone();
    ctx.set_cookies
        .push(expired_cookie(SESSION_COOKIE, config.secure_cookies()));
    csrf::regenerate(ctx, &config.public_url, config.secure_cookies());
    if ctx.accepts_json() {
        return empty(204);
    }
    let target = ctx
        .param("return_to")
        .and_then(|url| crate::kit::allowed_return_to(store, &url))
        .unwrap_or_else(|| config.default_return_url.clone());
    see_other(&target)
}
