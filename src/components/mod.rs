//! Leptos components that render flows. Rendering only: they never fetch.
//!
//! The markup is semantic HTML with stable classes (prefix `lk-`) and
//! `data-*` attributes for state (`data-state`, `data-group`, `data-type`,
//! `data-invalid`, ...). All looks come from the stylesheet in `style/`.
//!
//! ## Usage
//!
//! ```no_run
//! use leptos::prelude::*;
//! use leptos_kratos::components::FlowForm;
//! use leptos_kratos::model::Flow;
//!
//! #[component]
//! fn LoginCard(flow: Signal<Flow>) -> impl IntoView {
//!     view! { <FlowForm flow /> }
//! }
//! ```

mod card;
mod content;
mod error_view;
mod flow_form;
mod input;
mod layout;
mod link;
mod messages;
mod node;
mod oauth2;
mod overrides;
mod script;
mod session;

pub use card::Card;
pub(crate) use card::{CardParts, card_view};
pub use content::{AnchorNode, DivisionNode, ImageNode, TextNode, UnknownNode};
pub use error_view::ErrorView;
pub use flow_form::FlowForm;
pub use input::{ButtonNode, CheckboxField, HiddenInput, InputField, SelectField};
pub use layout::{FormLayout, GroupOrder, group_phrase, is_social};
pub use link::AppLink;
pub use messages::{DefaultFlowMessages, FlowMessages, Message, NodeMessages};
pub use node::{DefaultNode, Node};
pub use oauth2::{ConsentForm, LogoutConfirmation};
pub use overrides::{
    CardContext, GroupContext, MessagesContext, NodeContext, NodeKind, Overrides, use_overrides,
};
pub use script::ScriptNode;
pub(crate) use session::loading_line;
pub use session::{LogoutButton, RequireSession, Sessions, describe_user_agent};
