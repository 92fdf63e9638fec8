//! A Kratos-compatible development server.
//!
//! It speaks Ory Kratos's public API for browser self-service flows as
//! Kratos's own handlers answer it — flows, status codes, error
//! ids, CSRF, cookies, CORS — with real password hashing, real cookies and
//! real CSRF checks, all state in memory. It is a faithful test double for
//! the leptos-kratos demo and end-to-end tests, not an identity server for
//! production.

#![warn(missing_docs)]

pub mod config;
mod csrf;
mod dev;
mod errors;
mod flows;
mod http;
mod hydra;
mod ids;
mod kit;
mod nodes;
pub mod redirect;
mod schema;
mod secrets;
mod sessions;
mod store;
mod strategies;
mod text;
pub mod time;
mod ui_files;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::{HeaderValue, Method, Request, header};
use axum::response::Response;
use leptos_kratos::model::FlowKind;
use tokio::net::TcpListener;

pub use config::Config;
use http::{Ctx, content, empty, json, parse_cookies};
use store::Store;
use strategies::{oidc, webauthn};

/// The server state, shared by all connections.
#[derive(Clone)]
pub struct Server {
    store: Arc<Mutex<Store>>,
}

/// A request that must get no answer at all (an injected dropped connection).
#[derive(Debug)]
pub struct DropConnection;

impl std::fmt::Display for DropConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped by an injected fault")
    }
}

impl std::error::Error for DropConnection {}

impl Server {
    /// A server with this configuration (seeded if configured).
    pub fn new(config: Config) -> Self {
        Self {
            store: Arc::new(Mutex::new(Store::new(config))),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Store> {
        self.store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The current configuration.
    pub fn config(&self) -> Config {
        self.lock().config.clone()
    }

    /// Serves on `listener` until the process ends.
    pub async fn serve(self, listener: TcpListener) -> std::io::Result<()> {
        loop {
            let (stream, peer) = listener.accept().await?;
            let server = self.clone();
            tokio::spawn(async move {
                let service =
                    hyper::service::service_fn(move |request: Request<hyper::body::Incoming>| {
                        let server = server.clone();
                        async move { server.handle(request.map(Body::new), peer).await }
                    });
                let io = hyper_util::rt::TokioIo::new(stream);
                // Errors here are clients going away or injected drops.
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(io, service)
                    .await;
            });
        }
    }

    /// Answers one request.
    pub async fn handle(
        &self,
        request: Request<Body>,
        peer: SocketAddr,
    ) -> Result<Response, DropConnection> {
        let (parts, body) = request.into_parts();
        let path = parts.uri.path().to_owned();
        let fault = self.take_fault(&parts.method, &path);
        if let Some(fault) = &fault {
            if let Some(delay) = fault.delay_ms {
                tokio::time::sleep(std::time::Duration::from_millis(delay)).await;
            }
            if fault.drop {
                return Err(DropConnection);
            }
        }
        let cors = if path.starts_with("/__dev/") {
            // Development endpoints never answer other origins.
            Vec::new()
        } else {
            self.cors_headers(&parts.headers)
        };
        if parts.method == Method::OPTIONS {
            return Ok(with_headers(empty(204), cors, true));
        }
        if let Some(status) = fault.as_ref().and_then(|f| f.status) {
            let error = errors::KError::new(status, "an injected fault answered this request");
            return Ok(with_headers(json(status, &error.body()), cors, false));
        }
        let body = axum::body::to_bytes(body, 1 << 20)
            .await
            .unwrap_or_default()
            .to_vec();
        let query_string = parts.uri.query().unwrap_or_default().to_owned();
        let mut ctx = Ctx {
            method: parts.method.clone(),
            query: leptos_kratos::url::parse_query(&query_string),
            query_string,
            cookies: parse_cookies(&parts.headers),
            headers: parts.headers,
            path,
            body,
            set_cookies: Vec::new(),
            peer: peer.ip().to_string(),
        };
        let response = {
            let mut store = self.lock();
            route(&mut store, &mut ctx)
        };
        let mut response = with_headers(response, cors, false);
        for cookie in &ctx.set_cookies {
            if let Ok(value) = HeaderValue::from_str(cookie) {
                response.headers_mut().append(header::SET_COOKIE, value);
            }
        }
        // Kratos's answers are never stored; the UI's files say their own.
        if !response.headers().contains_key(header::CACHE_CONTROL) {
            response.headers_mut().insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-cache, no-store, must-revalidate"),
            );
        }
        Ok(response)
    }

    /// Takes one use of the first fault matching this request.
    fn take_fault(&self, method: &Method, path: &str) -> Option<store::Fault> {
        let mut store = self.lock();
        let index = store.faults.iter().position(|f| {
            path.starts_with(&f.path)
                && f.method
                    .as_ref()
                    .is_none_or(|m| m.eq_ignore_ascii_case(method.as_str()))
                && f.count > 0
        })?;
        let fault = store.faults[index].clone();
        store.faults[index].count -= 1;
        if store.faults[index].count == 0 {
            store.faults.remove(index);
        }
        Some(fault)
    }

    /// The CORS headers for an allowed origin (none for others).
    fn cors_headers(&self, headers: &axum::http::HeaderMap) -> Vec<(header::HeaderName, String)> {
        let Some(origin) = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) else {
            return Vec::new();
        };
        let store = self.lock();
        let origins = &store.config.cors_origins;
        // Kratos (rs/cors) echoes any origin with credentials when `*` is
        // configured; this server answers `*` without credentials instead,
        // so no page elsewhere can act as the signed-in user.
        let any = origins.iter().any(|pattern| pattern == "*");
        let listed = origins
            .iter()
            .any(|pattern| pattern != "*" && origin_matches(pattern, origin));
        if !listed && !any {
            return Vec::new();
        }
        let (allow_origin, credentials) = if listed {
            (origin.to_owned(), "true")
        } else {
            ("*".to_owned(), "false")
        };
        let requested = headers
            .get(header::ACCESS_CONTROL_REQUEST_HEADERS)
            .and_then(|h| h.to_str().ok())
            .unwrap_or_default();
        let allowed_headers = [
            "content-type",
            "authorization",
            "cookie",
            "x-session-token",
            "x-csrf-token",
            "accept",
        ];
        let echoed: Vec<&str> = requested
            .split(',')
            .map(str::trim)
            .filter(|h| allowed_headers.contains(&h.to_ascii_lowercase().as_str()))
            .collect();
        let mut headers = vec![
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, allow_origin),
            (
                header::ACCESS_CONTROL_ALLOW_METHODS,
                "GET, POST, PUT, PATCH, DELETE".into(),
            ),
            (header::ACCESS_CONTROL_ALLOW_HEADERS, echoed.join(", ")),
            (
                header::ACCESS_CONTROL_EXPOSE_HEADERS,
                "Content-Type, Set-Cookie".into(),
            ),
            (header::ACCESS_CONTROL_MAX_AGE, "600".into()),
            (header::VARY, "Origin".into()),
        ];
        if credentials == "true" {
            headers.push((header::ACCESS_CONTROL_ALLOW_CREDENTIALS, "true".into()));
        }
        headers
    }
}

/// An exact origin, or a bounded wildcard (`https://*.example.com`).
fn origin_matches(pattern: &str, origin: &str) -> bool {
    if pattern.eq_ignore_ascii_case(origin) {
        return true;
    }
    match pattern.split_once("*.") {
        Some((scheme, domain)) if !domain.contains('*') => {
            origin.starts_with(scheme) && origin[scheme.len()..].ends_with(&format!(".{domain}"))
        }
        _ => false,
    }
}

fn with_headers(
    mut response: Response,
    cors: Vec<(header::HeaderName, String)>,
    preflight: bool,
) -> Response {
    for (name, value) in cors {
        let only_preflight = matches!(
            name,
            header::ACCESS_CONTROL_ALLOW_METHODS
                | header::ACCESS_CONTROL_ALLOW_HEADERS
                | header::ACCESS_CONTROL_MAX_AGE
        );
        let only_actual = name == header::ACCESS_CONTROL_EXPOSE_HEADERS;
        if (only_preflight && !preflight) || (only_actual && preflight) {
            continue;
        }
        if let Ok(value) = HeaderValue::from_str(&value) {
            response.headers_mut().insert(name, value);
        }
    }
    response
}

/// Dispatches a request to its endpoint.
fn route(store: &mut Store, ctx: &mut Ctx) -> Response {
    let path = ctx.path.clone();
    let method = ctx.method.clone();
    if path.starts_with("/__dev/oidc/authorize") {
        return match method {
            Method::POST => oidc::authorize_submit(store, ctx),
            _ => oidc::authorize_page(store, ctx),
        };
    }
    // The demo OAuth2 client's pages (top-level navigations from Hydra).
    match path.as_str() {
        "/__dev/oauth2/callback" => return hydra::client_page(ctx, false),
        "/__dev/oauth2/logged-out" => return hydra::client_page(ctx, true),
        _ => {}
    }
    if path.starts_with("/__dev/") {
        if !dev::same_origin(&store.config, ctx) {
            return json(
                403,
                &serde_json::json!({"error": "the development endpoints refuse requests from other origins"}),
            );
        }
        if let Some(response) = dev::route(store, ctx) {
            return response;
        }
    }
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    match (&method, segments.as_slice()) {
        (&Method::GET, ["health", "alive" | "ready"]) => {
            json(200, &serde_json::json!({"status": "ok"}))
        }
        (&Method::GET, [".well-known", "ory", "webauthn.js"]) => {
            content(200, "text/javascript; charset=utf-8", webauthn::SCRIPT)
        }
        (&Method::GET, ["self-service", kind, "browser"])
            if FlowKind::from_segment(kind).is_some() =>
        {
            flows::create(
                store,
                ctx,
                FlowKind::from_segment(kind).unwrap_or(FlowKind::Login),
            )
        }
        (&Method::GET, ["self-service", kind, "flows"])
            if FlowKind::from_segment(kind).is_some() =>
        {
            flows::get(
                store,
                ctx,
                FlowKind::from_segment(kind).unwrap_or(FlowKind::Login),
            )
        }
        (&Method::POST, ["self-service", kind]) if FlowKind::from_segment(kind).is_some() => {
            flows::submit(
                store,
                ctx,
                FlowKind::from_segment(kind).unwrap_or(FlowKind::Login),
            )
        }
        (&Method::GET, ["self-service", "settings"]) => flows::settings::browser_return(store, ctx),
        (&Method::GET, ["self-service", "verification"]) => {
            flows::verification::from_link(store, ctx)
        }
        (&Method::GET, ["self-service", "logout", "browser"]) => {
            sessions::create_logout(store, ctx)
        }
        (&Method::GET, ["self-service", "logout"]) => sessions::logout(store, ctx),
        (&Method::GET, ["self-service", "errors"]) => errors_endpoint(store, ctx),
        (&Method::GET, ["self-service", "methods", "oidc", "callback", _]) => {
            flows::oidc::callback(store, ctx)
        }
        (&Method::GET, ["oauth2", "auth"]) => hydra::authorize(store, ctx),
        (&Method::GET, ["oauth2", "sessions", "logout"]) => hydra::logout(store, ctx),
        (&Method::GET, ["sessions", "whoami"]) => sessions::whoami(store, ctx),
        (&Method::GET, ["sessions"]) => sessions::list(store, ctx),
        (&Method::DELETE, ["sessions"]) => sessions::revoke_others(store, ctx),
        (&Method::DELETE, ["sessions", id]) => sessions::revoke(store, ctx, id),
        (&Method::GET, [".well-known", "change-password"]) => {
            http::see_other(&store.config.ui_page("settings"))
        }
        (&Method::GET, _) if store.config.ui_dir.is_some() => ui_files::serve(store, ctx),
        _ => json(404, &errors::not_found().body()),
    }
}

/// `GET /self-service/errors?id=` (also `?error=`; `stub:500` is a stub).
fn errors_endpoint(store: &Store, ctx: &Ctx) -> Response {
    let id = ctx
        .param("id")
        .or_else(|| ctx.param("error"))
        .unwrap_or_default();
    if let Some(status) = id.strip_prefix("stub:") {
        let status: u16 = status.parse().unwrap_or(500);
        let error =
            errors::KError::new(status, "This is a stub error.").reason("This is a stub error.");
        return json(
            200,
            &serde_json::json!({"id": id, "error": error.error_object(), "created_at": time::rfc3339(0), "updated_at": time::rfc3339(0)}),
        );
    }
    match store.errors.get(&id) {
        Some(record) => json(200, record),
        None => json(404, &errors::not_found().body()),
    }
}
