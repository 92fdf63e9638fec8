//! One node of a flow, dispatched by type.

use leptos::prelude::*;

mod account;
mod brand;
mod content;
mod input;
mod keep;
mod marks;
mod parts;
mod resend;
mod script;

pub use account::LinkedAccount;
pub use brand::{Brand, provider_of};
pub use content::{AnchorNode, DivisionNode, ImageNode, TextNode, UnknownNode};
pub use input::{ButtonNode, CheckboxField, HiddenInput, InputField, SelectField};
pub use keep::text_file_url;
pub(crate) use parts::{FormBusy, SubmissionRejected};
pub use resend::ResendButton;
pub use script::ScriptNode;
pub(crate) use script::provide_webauthn;

use crate::components::overrides::{NodeContext, NodeKind, use_overrides};
use crate::model::UiNode;

/// Renders one node: through the [`Overrides`](super::Overrides) in
/// context when one answers for it, else as [`DefaultNode`].
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::components::Node;
/// use leptos_kratos::model::UiNode;
///
/// #[component]
/// fn AnyNode(node: Signal<UiNode>) -> impl IntoView {
///     view! { <Node node dom_id="my-node" /> }
/// }
/// ```
#[component]
pub fn Node(
    /// The node; its kind is read once, everything else reactively.
    #[prop(into)]
    node: Signal<UiNode>,
    /// A document-unique id for the node's element (labels point at it).
    #[prop(into)]
    dom_id: String,
) -> impl IntoView {
    let context = NodeContext {
        kind: node.with_untracked(NodeKind::of),
        node,
        dom_id,
        default: |context| {
            let (node, dom_id) = (context.node, context.dom_id.clone());
            view! { <DefaultNode node dom_id /> }.into_any()
        },
    };
    use_overrides()
        .render_node(&context)
        .unwrap_or_else(|| context.default_view())
}

/// The library's own rendering of a node. The node's kind (input type,
/// image, link, ...) decides the element; values and messages follow the
/// signal, so a re-rendered flow updates the same DOM elements.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::components::DefaultNode;
/// use leptos_kratos::model::UiNode;
///
/// #[component]
/// fn Plain(node: Signal<UiNode>) -> impl IntoView {
///     view! { <DefaultNode node dom_id="my-node" /> }
/// }
/// ```
#[component]
pub fn DefaultNode(
    /// The node; its kind is read once, everything else reactively.
    #[prop(into)]
    node: Signal<UiNode>,
    /// A document-unique id for the node's element (labels point at it).
    #[prop(into)]
    dom_id: String,
) -> impl IntoView {
    match node.with_untracked(NodeKind::of) {
        NodeKind::Hidden => view! { <HiddenInput node dom_id /> }.into_any(),
        NodeKind::Button if node.with_untracked(|n| n.name() == Some("lookup_secret_confirm")) => {
            view! { <keep::ConfirmKept node dom_id /> }.into_any()
        }
        NodeKind::Button if node.with_untracked(is_account_link) => {
            view! { <LinkedAccount node dom_id /> }.into_any()
        }
        NodeKind::Button => view! { <ButtonNode node dom_id /> }.into_any(),
        NodeKind::Resend => view! { <ResendButton node dom_id /> }.into_any(),
        NodeKind::Select => view! { <SelectField node dom_id /> }.into_any(),
        NodeKind::Checkbox => view! { <CheckboxField node dom_id /> }.into_any(),
        NodeKind::Field => view! { <InputField node dom_id /> }.into_any(),
        NodeKind::Image => view! { <ImageNode node dom_id /> }.into_any(),
        NodeKind::Anchor => view! { <AnchorNode node dom_id /> }.into_any(),
        NodeKind::Text => view! { <TextNode node dom_id /> }.into_any(),
        // Scripts take no space; loading them is the WebAuthn module's job.
        NodeKind::Script => view! { <ScriptNode node /> }.into_any(),
        NodeKind::Division => view! { <DivisionNode node dom_id /> }.into_any(),
        NodeKind::Unknown => view! { <UnknownNode node dom_id /> }.into_any(),
    }
}

/// A settings node linking or unlinking a social sign-in provider.
fn is_account_link(node: &UiNode) -> bool {
    provider_of(node).is_some() && matches!(node.name(), Some("link" | "unlink"))
}
