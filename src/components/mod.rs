//! Pure renderers: they draw a flow (or an error, a consent request, ...)
//! handed to them and report what the person does through callbacks. They
//! never fetch or navigate; [`flows`](crate::flows) connects them.
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
mod error_view;
mod form;
mod messages;
mod node;
mod oauth2;
mod overrides;

pub use card::Card;
pub(crate) use card::{CardParts, card_view};
pub use error_view::ErrorView;
pub use form::layout::{FormLayout, GroupOrder, group_description, group_phrase, is_social};
pub use form::{FlowForm, FormIds};
pub use messages::{DefaultFlowMessages, FlowMessages, Loading, Message, NodeMessages};
pub(crate) use messages::{flow_skeleton, loading_line};
pub use node::{
    AnchorNode, Brand, ButtonNode, CheckboxField, DefaultNode, DivisionNode, HiddenInput,
    ImageNode, InputField, LinkedAccount, Node, ResendButton, ScriptNode, SelectField, TextNode,
    UnknownNode, provider_of, text_file_url,
};
pub use oauth2::{ConsentForm, LogoutConfirmation};
pub use overrides::{
    CardContext, GroupContext, MessagesContext, NodeContext, NodeKind, Overrides, use_overrides,
};
