//! What the node views share: their reactive state, labels, `data-*`
//! attributes, and what the form provides to them.

use leptos::prelude::*;

use crate::i18n::Translator;
use crate::model::{UiNode, UiText};

/// Whether the form's request is in flight, for its buttons.
#[derive(Clone, Copy)]
pub(crate) struct FormBusy(pub Signal<bool>);

/// Provided by the form: changes each time a submission comes back rejected.
#[derive(Clone, Copy)]
pub(crate) struct SubmissionRejected(pub Trigger);

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

/// Whether the page's script runs: controls that only work with it (show
/// password, copy) are `hidden` until then, so a page a server rendered
/// shows no dead buttons before the WebAssembly arrives or without
/// JavaScript. Client-side rendering runs from the start.
pub(crate) fn scripted() -> Signal<bool> {
    if cfg!(any(feature = "ssr", feature = "hydrate")) {
        // Effects run only in the browser, after hydration.
        let ran = RwSignal::new(false);
        Effect::new(move |_| ran.set(true));
        ran.into()
    } else {
        Signal::stored(true)
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
