//! One node of a flow, dispatched by type.

use leptos::prelude::*;

use super::content::{AnchorNode, DivisionNode, ImageNode, TextNode, UnknownNode};
use super::input::{ButtonNode, CheckboxField, HiddenInput, InputField, SelectField};
use super::overrides::{NodeContext, NodeKind, use_overrides};
use super::script::ScriptNode;
use crate::i18n::Translator;
use crate::model::{UiNode, UiText};

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
        NodeKind::Button => view! { <ButtonNode node dom_id /> }.into_any(),
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

/// Reactive pieces every node view needs.
#[derive(Clone, Copy)]
pub(crate) struct NodeState {
    /// The node's messages.
    pub messages: Signal<Vec<UiText>>,
    /// Whether any message is an error (`aria-invalid`, `data-invalid`).
    pub invalid: Signal<bool>,
    /// Whether there are messages to point `aria-describedby` at.
    pub has_messages: Signal<bool>,
}

impl NodeState {
    pub fn new(node: Signal<UiNode>) -> Self {
        Self {
            messages: Signal::derive(move || node.with(|n| n.messages.clone())),
            invalid: Signal::derive(move || node.with(UiNode::has_error)),
            has_messages: Signal::derive(move || node.with(|n| !n.messages.is_empty())),
        }
    }

    /// `"true"` while the node has an error, for `aria-invalid` / `data-invalid`.
    pub fn invalid_attr(self) -> impl Fn() -> Option<&'static str> + Copy {
        move || self.invalid.get().then_some("true")
    }

    /// The messages element id while there are messages, for `aria-describedby`.
    pub fn described_by(self, messages_id: String) -> impl Fn() -> Option<String> {
        move || self.has_messages.get().then(|| messages_id.clone())
    }
}

/// The text to label a node with: its translated label, else a readable form
/// of its name (`traits.first_name` → "First name").
pub(crate) fn label_text(translator: &Translator, node: &UiNode) -> String {
    node.label()
        .map(|label| translator.message(label))
        .filter(|text| !text.trim().is_empty())
        .unwrap_or_else(|| humanize(node.name().or(node.id()).unwrap_or_default()))
}

/// `traits.first_name` → "First name".
pub(crate) fn humanize(name: &str) -> String {
    let last = name
        .rsplit('.')
        .next()
        .unwrap_or(name)
        .replace(['_', '-'], " ");
    let mut chars = last.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The `data-*` attributes every node element carries: its type, group and
/// name (inputs) or id (other nodes).
pub(crate) fn node_data(node: &UiNode) -> (String, String, Option<String>) {
    (
        node.node_type().to_owned(),
        node.group.as_str().to_owned(),
        node.name().or(node.id()).map(str::to_owned),
    )
}

#[cfg(test)]
mod tests {
    use super::humanize;

    #[test]
    fn names_become_labels() {
        assert_eq!(humanize("traits.first_name"), "First name");
        assert_eq!(humanize("email"), "Email");
        assert_eq!(humanize(""), "");
        assert_eq!(humanize("traits.ünïcode"), "Ünïcode");
    }
}
