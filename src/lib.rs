//! # leptos-kratos
//!
//! Leptos components that render the self-service flows of
//! [Ory Kratos](https://www.ory.sh/kratos/) — login, registration, recovery,
//! verification and settings — generically from the flow's `ui.nodes`.
//!
//! The crate is layered so that data flows one way:
//!
//! - [`model`]: serde types for Kratos's JSON (always available, also natively);
//! - `client`: the only module that talks HTTP (browser `fetch`);
//! - `components`: rendering only; they never fetch;
//! - `app`: the drop-in single-page app (routes and configuration).
//!
//! Disable the default `ui` feature to use only the model, e.g. in native tools.

#![warn(missing_docs)]

pub mod model;
