//! The only place that talks to Kratos.
//!
//! - [`endpoints`]: the URLs of Kratos's public browser API (pure).
//! - [`outcome`]: what each answer means for a UI (pure, unit-tested).
//! - [`error`]: [`Error`], what went wrong with any other request.
//! - `KratosClient` (with the `ui` feature): browser `fetch` with
//!   `credentials: include`, `Accept: application/json` and redirects followed.
//!
//! ## Usage
//!
//! ```no_run
//! use leptos_kratos::client::{KratosClient, Outcome};
//! use leptos_kratos::model::FlowKind;
//!
//! async fn start_login() {
//!     let kratos = KratosClient::new("https://auth.example.com");
//!     match kratos.create_flow(FlowKind::Login, &[("return_to", "/billing")]).await {
//!         Outcome::Flow { flow, .. } => leptos::logging::log!("render {}", flow.id),
//!         Outcome::AlreadySignedIn(_) => leptos::logging::log!("go on"),
//!         other => leptos::logging::warn!("{}", other.summary()),
//!     }
//! }
//! ```

pub mod endpoints;
pub mod error;
pub mod outcome;

#[cfg(feature = "ui")]
mod http;

/// Runs a request of the browser client as a task. On a server (`ssr`)
/// nothing is sent: the client needs the browser's `fetch` and cookies, so
/// the page asks Kratos once it runs in the browser.
#[cfg(feature = "ui")]
pub(crate) fn spawn_request(request: impl std::future::Future<Output = ()> + 'static) {
    if cfg!(feature = "ssr") {
        return;
    }
    leptos::task::spawn_local(request);
}

pub use error::Error;
#[cfg(feature = "ui")]
pub use http::KratosClient;
#[cfg(feature = "ui")]
pub(crate) use http::fetch_json;
pub use outcome::{Outcome, RawResponse, classify};
