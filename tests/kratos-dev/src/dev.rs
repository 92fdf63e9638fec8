//! Development-only endpoints under `/__dev/`: the mailbox, fault
//! injection, clock tricks, run-time configuration and a reset.

use axum::response::Response;
use serde_json::{Value, json};

use crate::config::Config;
use crate::http::{Ctx, empty, json};
use crate::store::{Fault, Store};
use crate::strategies::totp;
use crate::time::now;

fn bad(message: &str) -> Response {
    json(400, &json!({"error": message}))
}

fn body(ctx: &Ctx) -> Result<Value, Box<Response>> {
    if ctx.body.iter().all(u8::is_ascii_whitespace) {
        return Ok(json!({}));
    }
    serde_json::from_slice(&ctx.body).map_err(|e| Box::new(bad(&format!("invalid JSON: {e}"))))
}

/// Whether a request to `/__dev/` comes from this server's own pages (or
/// from a tool that is no browser): a browser's `Sec-Fetch-Site` must say
/// `same-origin` (or `none`, typed in the address bar) and its `Origin`, if
/// sent, must be the public or the UI origin. A page on another origin can
/// neither change the server (reset, configuration, faults) nor read the
/// mailbox.
pub fn same_origin(config: &Config, ctx: &Ctx) -> bool {
    if !matches!(
        ctx.header("sec-fetch-site"),
        None | Some("same-origin" | "none")
    ) {
        return false;
    }
    let origin_of = |url: &str| leptos_kratos::url::policy::origin_of(url);
    match ctx.header("origin") {
        None => true,
        Some(origin) => {
            let origin = origin_of(origin);
            origin.is_some()
                && (origin == origin_of(&config.public_url) || origin == origin_of(&config.ui_url))
        }
    }
}

/// Routes `/__dev/...`; `None` when no such endpoint.
pub fn route(store: &mut Store, ctx: &Ctx) -> Option<Response> {
    let method = ctx.method.as_str();
    let path = ctx.path.trim_end_matches('/');
    let response = match (method, path) {
        // The mailbox: GET /__dev/mail?to=<address> (all mails without `to`).
        // The app backend's OAuth2 endpoints (see crate::hydra).
        ("GET" | "POST", "/__dev/hydra/consent") => crate::hydra::consent(store, ctx),
        ("GET" | "POST", "/__dev/hydra/logout") => crate::hydra::logout_decision(store, ctx),
        ("GET", "/__dev/mail") => {
            let to = ctx.param("to").map(|t| t.to_ascii_lowercase());
            let mails: Vec<_> = store
                .mail
                .iter()
                .filter(|m| to.as_ref().is_none_or(|t| m.to == *t))
                .collect();
            json(200, &mails)
        }
        ("DELETE", "/__dev/mail") => {
            store.mail.clear();
            empty(204)
        }
        // Faults: POST {path, method?, count?, status?, delay_ms?, drop?}.
        ("GET", "/__dev/faults") => json(200, &store.faults),
        ("POST", "/__dev/faults") => match body(ctx).map(serde_json::from_value::<Fault>) {
            Ok(Ok(fault)) => {
                store.faults.push(fault);
                json(201, &store.faults)
            }
            Ok(Err(e)) => bad(&format!("invalid fault: {e}")),
            Err(response) => *response,
        },
        ("DELETE", "/__dev/faults") => {
            store.faults.clear();
            empty(204)
        }
        // Sessions grow old: POST {"seconds": n, "session_id"?: id}.
        ("POST", "/__dev/sessions/age") => match body(ctx) {
            Ok(value) => {
                let seconds = value.get("seconds").and_then(Value::as_i64).unwrap_or(3600);
                let only = value.get("session_id").and_then(Value::as_str);
                let mut aged = 0;
                for session in store.sessions.values_mut() {
                    if only.is_none_or(|id| id == session.id) {
                        session.authenticated_at -= seconds * 1000;
                        session.issued_at -= seconds * 1000;
                        for m in &mut session.methods {
                            m.completed_at -= seconds * 1000;
                        }
                        aged += 1;
                    }
                }
                json(200, &json!({"aged": aged}))
            }
            Err(response) => *response,
        },
        // Configuration: GET the whole, POST a partial object to change it.
        ("GET", "/__dev/config") => json(200, &store.config),
        ("POST", "/__dev/config") => match body(ctx) {
            Ok(patch) => match store.config.patched(&patch) {
                Ok(config) => {
                    store.config = config;
                    json(200, &store.config)
                }
                Err(e) => bad(&e),
            },
            Err(response) => *response,
        },
        // Forget everything (identities, sessions, flows, mail, faults) and re-seed.
        ("POST", "/__dev/reset") => {
            let config = store.config.clone();
            *store = Store::new(config);
            empty(204)
        }
        // The current code of a TOTP secret (for tests).
        ("GET", "/__dev/totp") => match ctx
            .param("secret")
            .and_then(|s| totp::code_at(&s, now() / 1000))
        {
            Some(code) => json(200, &json!({"code": code})),
            None => bad("missing or invalid secret"),
        },
        // Identities (without credentials), for tests.
        ("GET", "/__dev/identities") => {
            let identities: Vec<_> = store.identities.values().map(|i| i.to_model()).collect();
            json(200, &identities)
        }
        _ => {
            // Expire a flow now: POST /__dev/flows/<id>/expire.
            let id = path
                .strip_prefix("/__dev/flows/")
                .and_then(|rest| rest.strip_suffix("/expire"))?;
            if method != "POST" {
                return None;
            }
            match store.flows.get_mut(id) {
                Some(flow) => {
                    flow.expires_at = now() - 1;
                    empty(204)
                }
                None => json(404, &json!({"error": "no such flow"})),
            }
        }
    };
    Some(response)
}
