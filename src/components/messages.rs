//! Lists of Kratos messages: flow-level (a live region) and per node.

use leptos::prelude::*;

use crate::i18n::use_translator;
use crate::model::UiText;

/// One message as a paragraph with `data-type` (info, error, success) and
/// `data-id` (the Kratos message id) for styling and tests.
#[component]
pub fn Message(
    /// The message.
    message: UiText,
) -> impl IntoView {
    let translator = use_translator();
    view! {
        <p
            class="lk-message"
            data-type=message.message_type.as_str().to_owned()
            data-id=message.id.to_string()
        >
            {translator.message(&message)}
        </p>
    }
}

/// The flow's own messages (`ui.messages`), above the form.
///
/// The container is always present and is a polite live region, so screen
/// readers announce messages that arrive after a submission.
#[component]
pub fn FlowMessages(
    /// The messages to show.
    #[prop(into)]
    messages: Signal<Vec<UiText>>,
) -> impl IntoView {
    view! {
        <div class="lk-messages" role="status" aria-live="polite" tabindex="-1">
            {move || {
                messages
                    .get()
                    .into_iter()
                    .map(|message| view! { <Message message /> })
                    .collect_view()
            }}
        </div>
    }
}

/// A node's messages, under the node. `id` is what the node's
/// `aria-describedby` points at.
#[component]
pub fn NodeMessages(
    /// The messages to show.
    #[prop(into)]
    messages: Signal<Vec<UiText>>,
    /// The element id, referenced by the node's `aria-describedby`.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    view! {
        <div class="lk-node-messages" id=id>
            {move || {
                messages
                    .get()
                    .into_iter()
                    .map(|message| view! { <Message message /> })
                    .collect_view()
            }}
        </div>
    }
}
