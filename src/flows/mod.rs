//! Connected components: they fetch, submit and navigate. The flows
//! [`Login`], [`Registration`], [`Recovery`], [`Verification`] and
//! [`Settings`]; Kratos's error page [`ErrorPage`]; around the session
//! [`RequireSession`], [`LogoutButton`] and [`Sessions`]; and Hydra's
//! OAuth2 screens [`Consent`] and [`OAuth2Logout`] (see [`oauth2`]).
//! What they show is drawn by the pure renderers in
//! [`components`](crate::components).
//!
//! Each one creates (or fetches, with `?flow=`) its flow through the
//! [`FlowController`](crate::controller::FlowController), renders it in a
//! card with [`FlowForm`](crate::components::FlowForm), submits it and acts on every answer. They read
//! the configuration, navigator, language, WebAuthn mode and overrides from
//! context: wrap them in a [`KratosProvider`](crate::provider::KratosProvider).
//!
//! ## Usage
//!
//! ```no_run
//! use leptos::prelude::*;
//! use leptos_kratos::provider::KratosProvider;
//! use leptos_kratos::controller::FlowCompletion;
//! use leptos_kratos::flows::{FlowParams, Login};
//!
//! #[component]
//! fn LoginPage() -> impl IntoView {
//!     view! {
//!         <KratosProvider>
//!             // Parameters from the address bar (`?flow=`, `?return_to=`, ...):
//!             <Login on_success=|done: FlowCompletion| {
//!                 leptos::logging::log!("signed in: {:?}", done.session.map(|s| s.id))
//!             } />
//!             // ... or given explicitly:
//!             <Login params=FlowParams::new().aal("aal2").return_to("/billing") />
//!         </KratosProvider>
//!     }
//! }
//! ```

mod error;
mod kinds;
mod link;
pub mod oauth2;
mod params;
#[cfg(any(feature = "ssr", feature = "hydrate"))]
mod server;
mod session;
mod view;

pub use error::ErrorPage;
pub use kinds::{Login, Recovery, Registration, Settings, Verification};
pub use link::AppLink;
pub use oauth2::{Consent, OAuth2Logout};
pub use params::FlowParams;
pub use session::{LogoutButton, RequireSession, Sessions};
