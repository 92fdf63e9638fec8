//! Rendering on a server (`ssr`) and taking over in the browser (`hydrate`).
//!
//! A server renders a flow's page as a complete HTML form: it asks Kratos for
//! the flow itself, with the browser's cookies, and answers with what Kratos
//! asked for (its `Set-Cookie` headers, the CSRF cookie above all, and
//! redirects: a new flow's `?flow=<id>`, a signed-in person's return address,
//! the login page for a settings page without a session). The server's web
//! framework is the app's: it gives each page request a [`ServerRequest`] in
//! context, which carries the browser's `Cookie` header in and calls back
//! with each [`ServerReply`].
//!
//! - [`answer`]: the first answer a page was rendered from, as it travels
//!   from the server's page to the browser's hydration (no second request).
//! - `fetch` (with `ssr`): the server's requests to Kratos.
//!
//! ## Usage
//!
//! With `leptos_axum`, in the app's shell (the `ssr` side):
//!
//! ```no_run
//! use leptos::prelude::*;
//! use leptos_kratos::server::{ServerReply, ServerRequest};
//! use leptos_kratos::url::PageUrl;
//!
//! /// Called with the request's `Cookie` header and a way to set response
//! /// headers (e.g. leptos_axum's `ResponseOptions`).
//! fn provide_kratos_request(page: String, cookie: Option<String>) {
//!     provide_context(PageUrl(page));
//!     provide_context(ServerRequest::new(cookie, |reply| match reply {
//!         ServerReply::SetCookie(cookie) => leptos::logging::log!("Set-Cookie: {cookie}"),
//!         ServerReply::Redirect(url) => leptos::logging::log!("303 to {url}"),
//!     }));
//! }
//! ```

pub mod answer;
#[cfg(all(feature = "ssr", not(target_arch = "wasm32")))]
mod fetch;

use std::sync::Arc;

pub use answer::ServerAnswer;

/// What the server's answer to the browser must carry, as the components
/// decide it while rendering.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ServerReply {
    /// A `Set-Cookie` header Kratos answered with, as it came: append it to
    /// the response (several may come).
    SetCookie(String),
    /// Answer with `303 See Other` to this URL (already judged by the URL
    /// policy) instead of the page.
    Redirect(String),
}

/// One page request on a server, given to the components as context: the
/// browser's cookies for Kratos, and where the response's headers go.
#[derive(Clone)]
pub struct ServerRequest {
    cookie: Option<String>,
    kratos_url: Option<String>,
    reply: Arc<dyn Fn(ServerReply) + Send + Sync>,
}

impl std::fmt::Debug for ServerRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The cookies are secrets: never printed.
        f.debug_struct("ServerRequest")
            .field("cookie", &self.cookie.as_ref().map(|_| "…"))
            .field("kratos_url", &self.kratos_url)
            .finish()
    }
}

impl ServerRequest {
    /// A request whose browser sent this `Cookie` header; `reply` receives
    /// each header the response must carry.
    pub fn new(
        cookie: Option<String>,
        reply: impl Fn(ServerReply) + Send + Sync + 'static,
    ) -> Self {
        Self {
            cookie: cookie.filter(|cookie| !cookie.is_empty()),
            kratos_url: None,
            reply: Arc::new(reply),
        }
    }

    /// Where the server reaches Kratos's public API, when not at the
    /// configured (browser-facing) URL — e.g. `http://kratos:4433` inside a
    /// cluster. The browser's cookies are sent there as they are.
    pub fn with_kratos_url(mut self, url: impl Into<String>) -> Self {
        self.kratos_url = Some(url.into().trim_end_matches('/').to_owned());
        self
    }

    /// The Kratos URL the server uses: its own, else the browser's.
    pub fn kratos_url<'a>(&'a self, configured: &'a str) -> &'a str {
        self.kratos_url.as_deref().unwrap_or(configured)
    }

    /// The browser's `Cookie` header.
    pub fn cookie(&self) -> Option<&str> {
        self.cookie.as_deref()
    }

    /// Passes a header on to the response.
    pub fn reply(&self, reply: ServerReply) {
        (self.reply)(reply)
    }
}
