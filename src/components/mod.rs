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

mod content;
mod error_view;
mod flow_form;
mod input;
mod layout;
mod messages;
mod node;
mod script;

pub use content::{AnchorNode, DivisionNode, ImageNode, TextNode, UnknownNode};
pub use error_view::ErrorView;
pub use flow_form::FlowForm;
pub use input::{ButtonNode, CheckboxField, HiddenInput, InputField, SelectField};
pub use layout::{FormLayout, GroupOrder, group_phrase, is_social};
pub use messages::{FlowMessages, Message, NodeMessages};
pub use node::Node;
pub use script::ScriptNode;
