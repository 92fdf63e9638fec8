//! # leptos-kratos
//!
//! Leptos components that render the self-service flows of
//! [Ory Kratos](https://www.ory.sh/kratos/) — login, registration, recovery,
//! verification and settings — generically from the flow's `ui.nodes`.
//!
//! The crate is layered so that data flows one way:
//!
//! ```text
//! address bar ─► app ─► controller ─► client ─► Kratos
//!                           │   ▲          │
//!                           │   └─ Outcome ┘
//!                           ▼
//!                      components (render only)
//! ```
//!
//! - [`model`]: serde types for Kratos's JSON (always available, also natively);
//! - [`client`]: the only module that talks HTTP, and what each answer means;
//! - [`controller`]: loads flows and acts on Kratos's answers;
//! - [`components`]: rendering only; they never fetch;
//! - [`i18n`]: message ids to text;
//! - [`app`]: the drop-in single-page app (routes and configuration).
//!
//! Disable the default `ui` feature to use only the model, e.g. in native tools.

#![warn(missing_docs)]

pub mod client;
pub mod i18n;
pub mod model;
pub mod url;
pub mod webauthn;

#[cfg(feature = "ui")]
pub mod app;
#[cfg(feature = "ui")]
pub mod components;
#[cfg(feature = "ui")]
pub mod config;
#[cfg(feature = "ui")]
pub mod controller;
#[cfg(feature = "ui")]
pub mod flows;
#[cfg(feature = "ui")]
pub mod navigation;
#[cfg(feature = "ui")]
pub mod provider;
#[cfg(feature = "ui")]
pub mod session;
