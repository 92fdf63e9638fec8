//! The only place that talks to Kratos.
//!
//! - [`endpoints`]: the URLs of Kratos's public browser API (pure).
//! - [`outcome`]: what each answer means for a UI (pure, unit-tested).
//! - `KratosClient` (with the `ui` feature): browser `fetch` with
//!   `credentials: include`, `Accept: application/json` and redirects followed.

pub mod endpoints;
pub mod outcome;

#[cfg(feature = "ui")]
mod http;

#[cfg(feature = "ui")]
pub use http::KratosClient;
pub use outcome::{Outcome, RawResponse, classify};
