//! # leptos-kratos
//!
//! Leptos components that render the self-service flows of
//! [Ory Kratos](https://www.ory.sh/kratos/) — login, registration, recovery,
//! verification and settings — generically from the flow's `ui.nodes`.
//!
//! The crate is layered so that data flows one way (fetch → model → what
//! the answer means → controller → view); no module uses a higher one:
//!
//! ```text
//! model, url ─► client, i18n, webauthn ─► config, navigation, server ─► controller, session
//!     ─► components (pure renderers) ─► flows (connected) ─► provider ─► app
//! ```
//!
//! - [`model`]: serde types for Kratos's JSON (always available, also natively);
//! - [`url`]: the one URL policy: what may be followed, posted to or loaded;
//! - [`client`]: the only module that talks HTTP, and what each answer means;
//! - [`i18n`]: message ids and the library's phrases to text;
//! - [`config`], [`navigation`]: where things are, and how to leave the page;
//! - [`server`]: a page rendered on a server (`ssr`): the browser's cookies
//!   in, Kratos's cookies and redirects out; the answer the browser hydrates from;
//! - [`controller`]: loads flows and acts on Kratos's answers;
//!   [`controller::next`] decides where to go next (pure);
//! - [`session`]: the session as shared state;
//! - [`components`]: pure renderers; they never fetch or navigate;
//! - [`flows`]: connected components (flows, error page, session guard,
//!   logout, sessions, OAuth2 screens);
//! - [`provider`]: [`KratosProvider`](provider::KratosProvider), which puts
//!   the configuration and the rest in context;
//! - [`app`]: the drop-in single-page app, built on the public API.
//!
//! `use leptos_kratos::prelude::*;` brings what an app needs. Without the
//! default `csr` feature (or `hydrate`/`ssr`) the crate is only the model,
//! the URL policy and the translations, e.g. for native tools.
//!
//! ## Usage
//!
//! ```no_run
//! use leptos::prelude::*;
//! use leptos_kratos::prelude::*;
//!
//! #[component]
//! fn Auth() -> impl IntoView {
//!     let config = KratosConfig::new("https://auth.example.com").with_ui_base("/auth/");
//!     view! {
//!         <KratosProvider config>
//!             <RequireSession>
//!                 <Settings />
//!                 <Sessions />
//!             </RequireSession>
//!         </KratosProvider>
//!     }
//! }
//! ```

#![warn(missing_docs)]

pub mod client;
pub mod i18n;
pub mod model;
mod sort;
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
pub mod server;
#[cfg(feature = "ui")]
pub mod session;

/// What an app embedding the flows needs, in one import.
#[cfg(feature = "ui")]
pub mod prelude {
    pub use crate::components::{
        Card, CardContext, FlowForm, FormLayout, GroupContext, GroupOrder, Loading,
        MessagesContext, NodeContext, NodeKind, Overrides,
    };
    pub use crate::config::{KratosConfig, use_config};
    pub use crate::controller::FlowCompletion;
    pub use crate::flows::{
        AppLink, Consent, ErrorPage, FlowParams, Login, LogoutButton, OAuth2Logout, Recovery,
        Registration, RequireSession, Sessions, Settings, Verification,
    };
    pub use crate::i18n::{Phrase, Translator, use_translator};
    pub use crate::model::{ErrorResponse, Flow, FlowKind, NodeGroup, Session, UiNode, UiText};
    pub use crate::navigation::{Navigator, use_navigator};
    pub use crate::provider::KratosProvider;
    pub use crate::session::{SessionState, use_session};
    pub use crate::webauthn::WebAuthnMode;
}
