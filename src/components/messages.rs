//! Lists of Kratos messages: flow-level (a live region) and per node.

use leptos::prelude::*;

use super::overrides::{MessagesContext, use_overrides};
use crate::i18n::{Phrase, use_translator};
use crate::model::UiText;

/// One message as a paragraph with `data-type` (info, error, success) and
/// `data-id` (the Kratos message id) for styling and tests.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::components::Message;
/// use leptos_kratos::model::UiText;
///
/// #[component]
/// fn One(message: UiText) -> impl IntoView {
///     view! { <Message message /> }
/// }
/// ```
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

/// The flow's own messages (`ui.messages`), above the form: through the
/// [`Overrides`](super::Overrides) in context when one answers, else as
/// [`DefaultFlowMessages`].
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::components::FlowMessages;
/// use leptos_kratos::model::Flow;
///
/// #[component]
/// fn Messages(flow: Signal<Flow>) -> impl IntoView {
///     let messages = Signal::derive(move || flow.with(|f| f.ui.messages.clone()));
///     view! { <FlowMessages messages /> }
/// }
/// ```
#[component]
pub fn FlowMessages(
    /// The messages to show.
    #[prop(into)]
    messages: Signal<Vec<UiText>>,
) -> impl IntoView {
    let context = MessagesContext {
        messages,
        default: |context| {
            let messages = context.messages;
            view! { <DefaultFlowMessages messages /> }.into_any()
        },
    };
    use_overrides()
        .render_messages(&context)
        .unwrap_or_else(|| context.default_view())
}

/// The library's own message list. The container is always present and is
/// a polite live region, so screen readers announce messages that arrive
/// after a submission.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::components::DefaultFlowMessages;
/// use leptos_kratos::model::UiText;
///
/// #[component]
/// fn Messages(messages: Signal<Vec<UiText>>) -> impl IntoView {
///     view! { <DefaultFlowMessages messages /> }
/// }
/// ```
#[component]
pub fn DefaultFlowMessages(
    /// The messages to show.
    #[prop(into)]
    messages: Signal<Vec<UiText>>,
) -> impl IntoView {
    view! {
        <div class="lk-messages" role="status" aria-live="polite" tabindex="-1">
            {message_list(messages)}
        </div>
    }
}

/// A node's messages, under the node. `id` is what the node's
/// `aria-describedby` points at.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::components::NodeMessages;
/// use leptos_kratos::model::UiNode;
///
/// #[component]
/// fn Under(node: Signal<UiNode>) -> impl IntoView {
///     let messages = Signal::derive(move || node.with(|n| n.messages.clone()));
///     view! { <NodeMessages messages id="email-messages" /> }
/// }
/// ```
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
            {message_list(messages)}
        </div>
    }
}

/// Each message as a [`Message`], following the signal.
fn message_list(messages: Signal<Vec<UiText>>) -> impl IntoView {
    move || {
        messages
            .get()
            .into_iter()
            .map(|message| view! { <Message message /> })
            .collect_view()
    }
}

/// A line saying that something is loading.
pub(crate) fn loading_line() -> impl IntoView {
    let text = use_translator().phrase(Phrase::Loading);
    view! { <p class="lk-loading" aria-busy="true">{text}</p> }
}

/// The shape of a flow's form while it loads: a "Loading…" line (a status)
/// above two field-sized and one button-sized blocks, so the card does not
/// jump when the form arrives. The blocks are hidden from assistive
/// technology; nothing moves when motion is reduced.
pub(crate) fn flow_skeleton() -> impl IntoView {
    view! {
        <div class="lk-skeleton" role="status" aria-busy="true">
            {loading_line()}
            <div class="lk-skeleton-field" aria-hidden="true"></div>
            <div class="lk-skeleton-field" aria-hidden="true"></div>
            <div class="lk-skeleton-button" aria-hidden="true"></div>
        </div>
    }
}

/// A line saying that something is loading, in the user's language.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::components::Loading;
///
/// #[component]
/// fn Pending() -> impl IntoView {
///     view! { <Loading /> }
/// }
/// ```
#[component]
pub fn Loading() -> impl IntoView {
    loading_line()
}
