//! Non-input nodes: images, links, texts, widget containers and unknown nodes.

use crate::model::read::FromJson;
use leptos::html;
use leptos::prelude::*;
use serde_json::Value;

use super::parts::{NodeState, label_text, node_data};
use crate::components::messages::NodeMessages;
use crate::config::use_config;
use crate::i18n::{Phrase, use_translator};
use crate::model::{NodeAttributes, UiNode, UiText, value_to_form_string};
use crate::url::current_page;

/// An `img` node (the TOTP QR code). Only sources the
/// [URL policy](crate::url::policy::UrlPolicy::image) allows are rendered
/// (`http(s)`, relative ones on this origin, `data:image/…`); the label
/// becomes the `alt` text.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::components::ImageNode;
/// use leptos_kratos::model::UiNode;
///
/// #[component]
/// fn Qr(node: Signal<UiNode>) -> impl IntoView {
///     view! { <ImageNode node dom_id="my-node" /> }
/// }
/// ```
#[component]
pub fn ImageNode(
    /// The node.
    #[prop(into)]
    node: Signal<UiNode>,
    /// A fallback element id when the node has none.
    #[prop(into)]
    dom_id: String,
) -> impl IntoView {
    let translator = use_translator();
    let (attrs, alt, (node_type, group, _)) = node.with_untracked(|n| {
        let attrs = match &n.attributes {
            NodeAttributes::Image(image) => image.clone(),
            _ => Default::default(),
        };
        (attrs, label_text(&translator, n), node_data(n))
    });
    let id = non_empty(attrs.id).unwrap_or(dom_id);
    let src = use_config().url_policy(&current_page()).image(&attrs.src);
    view! {
        <div class="lk-node lk-image" data-node-type=node_type data-group=group>
            <img
                id=id
                src=src
                width=attrs.width.map(|w| w.to_string())
                height=attrs.height.map(|h| h.to_string())
                alt=alt
            />
        </div>
    }
}

/// An `a` node (e.g. "Continue" after verification). A link the
/// [URL policy](crate::url::policy::UrlPolicy::link) does not follow
/// (`javascript:`, `//other.example` without a scheme of its own, ...) is
/// shown as plain text; a link to another origin gets
/// `rel="noopener noreferrer"`.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::components::AnchorNode;
/// use leptos_kratos::model::UiNode;
///
/// #[component]
/// fn Link(node: Signal<UiNode>) -> impl IntoView {
///     view! { <AnchorNode node dom_id="my-node" /> }
/// }
/// ```
#[component]
pub fn AnchorNode(
    /// The node.
    #[prop(into)]
    node: Signal<UiNode>,
    /// A fallback element id when the node has none.
    #[prop(into)]
    dom_id: String,
) -> impl IntoView {
    let translator = use_translator();
    let (attrs, (node_type, group, _)) = node.with_untracked(|n| {
        let attrs = match &n.attributes {
            NodeAttributes::Anchor(anchor) => anchor.clone(),
            _ => Default::default(),
        };
        (attrs, node_data(n))
    });
    let title = attrs
        .title
        .as_ref()
        .map(|title| translator.message(title))
        .filter(|title| !title.is_empty())
        .or_else(|| node.with_untracked(|n| n.label().map(|l| translator.message(l))))
        .unwrap_or_else(|| attrs.href.clone());
    let id = non_empty(attrs.id).unwrap_or(dom_id);
    let policy = use_config().url_policy(&current_page());
    let link = match policy.link(&attrs.href) {
        Some(href) => view! {
            <a
                class="lk-link lk-button"
                id=id
                rel=policy.is_foreign(&href).then_some("noopener noreferrer")
                href=href
            >
                {title}
            </a>
        }
        .into_any(),
        None => view! {
            <span class="lk-link" id=id data-blocked="true">
                {title}
            </span>
        }
        .into_any(),
    };
    view! {
        <div class="lk-node lk-anchor" data-node-type=node_type data-group=group>
            {link}
        </div>
    }
}

/// A `text` node: the TOTP secret, the list of lookup secrets, or plain text,
/// under its label. Always text, never HTML.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::components::TextNode;
/// use leptos_kratos::model::UiNode;
///
/// #[component]
/// fn Secret(node: Signal<UiNode>) -> impl IntoView {
///     view! { <TextNode node dom_id="my-node" /> }
/// }
/// ```
#[component]
pub fn TextNode(
    /// The node.
    #[prop(into)]
    node: Signal<UiNode>,
    /// A fallback element id when the node has none.
    #[prop(into)]
    dom_id: String,
) -> impl IntoView {
    let translator = use_translator();
    let (node_type, group, _) = node.with_untracked(node_data);
    let id = node
        .with_untracked(|n| n.id().map(str::to_owned))
        .unwrap_or(dom_id);
    let label_id = format!("{id}-label");
    let label = node.with_untracked(|n| n.label().map(|l| translator.message(l)));
    let labelledby = label.is_some().then(|| label_id.clone());
    let text = Signal::derive(move || {
        node.with(|n| match &n.attributes {
            NodeAttributes::Text(attrs) => attrs.text.clone(),
            _ => None,
        })
    });
    let body = move || {
        let translator = use_translator();
        let Some(text) = text.get() else {
            return ().into_any();
        };
        let secrets = text.context_secrets();
        if !secrets.is_empty() {
            // Lookup secrets: one entry per code; used ones say when. The
            // unused ones can be copied or downloaded.
            let unused: Vec<String> = secrets
                .iter()
                .filter(|secret| secret.context_value("secret").is_some())
                .filter_map(secret_text)
                .collect();
            let keep = (!unused.is_empty()).then(|| {
                let file = unused.join("\n") + "\n";
                let href = super::keep::text_file_url(&file);
                view! {
                    <div class="lk-keep-actions">
                        <super::keep::CopyButton text=file label=Phrase::CopyCodes />
                        <a class="lk-button lk-keep" href=href download="backup-codes.txt">
                            {translator.phrase(Phrase::DownloadCodes)}
                        </a>
                    </div>
                }
            });
            return view! {
                {keep}
                <ul class="lk-secrets">
                    {secrets
                        .into_iter()
                        .map(|secret| {
                            let used = secret.context_value("secret").is_none();
                            let shown = secret_text(&secret)
                                .unwrap_or_else(|| translator.message(&secret));
                            view! {
                                <li data-used=used.then_some("true")>
                                    <code>{shown}</code>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any();
        }
        match secret_text(&text) {
            Some(secret) => view! {
                <code class="lk-secret">{secret.clone()}</code>
                <div class="lk-keep-actions">
                    <super::keep::CopyButton text=secret label=Phrase::CopyKey />
                </div>
            }
            .into_any(),
            None => view! { <p class="lk-text-content">{translator.message(&text)}</p> }.into_any(),
        }
    };
    view! {
        <div
            class="lk-node lk-text"
            id=id
            data-node-type=node_type
            data-group=group
            role="group"
            aria-labelledby=labelledby
        >
            {label.map(|label| view! { <p class="lk-label" id=label_id>{label}</p> })}
            {body}
        </div>
    }
}

/// The secret a text carries in `context.secret` (TOTP secret, one lookup code).
fn secret_text(text: &UiText) -> Option<String> {
    text.context_value("secret")
        .map(value_to_form_string)
        .filter(|secret| !secret.is_empty())
}

/// A `div` node: an empty container a widget (the captcha) renders into.
/// Its `id`, `class` and `data-*` attributes are kept exactly.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::components::DivisionNode;
/// use leptos_kratos::model::UiNode;
///
/// #[component]
/// fn Captcha(node: Signal<UiNode>) -> impl IntoView {
///     view! { <DivisionNode node dom_id="my-node" /> }
/// }
/// ```
#[component]
pub fn DivisionNode(
    /// The node.
    #[prop(into)]
    node: Signal<UiNode>,
    /// A fallback element id when the node has none.
    #[prop(into)]
    dom_id: String,
) -> impl IntoView {
    let (attrs, (node_type, group, _)) = node.with_untracked(|n| {
        let attrs = match &n.attributes {
            NodeAttributes::Division(div) => div.clone(),
            _ => Default::default(),
        };
        (attrs, node_data(n))
    });
    let id = non_empty(attrs.id.clone()).unwrap_or(dom_id);
    let container = NodeRef::<html::Div>::new();
    let data = attrs.data.clone().unwrap_or_default();
    container.on_load(move |element| {
        for (key, value) in &data {
            if is_safe_data_key(key) {
                let _ = element.set_attribute(&format!("data-{key}"), &value_to_form_string(value));
            }
        }
    });
    view! {
        <div class="lk-node lk-division" data-node-type=node_type data-group=group>
            <div node_ref=container id=id class=attrs.class></div>
        </div>
    }
}

/// `data-*` names must be a valid attribute name; anything else is skipped.
fn is_safe_data_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
}

/// A node of a type this version does not know: its label and messages, so
/// that whatever Kratos wanted to say still reaches the user.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::components::UnknownNode;
/// use leptos_kratos::model::UiNode;
///
/// #[component]
/// fn Future(node: Signal<UiNode>) -> impl IntoView {
///     view! { <UnknownNode node dom_id="my-node" /> }
/// }
/// ```
#[component]
pub fn UnknownNode(
    /// The node.
    #[prop(into)]
    node: Signal<UiNode>,
    /// The element id.
    #[prop(into)]
    dom_id: String,
) -> impl IntoView {
    let translator = use_translator();
    let (node_type, group, _) = node.with_untracked(node_data);
    let label = node.with_untracked(|n| n.label().map(|l| translator.message(l)));
    // Text-like attributes the server may add to a new node type.
    let text = node.with_untracked(|n| match &n.attributes {
        NodeAttributes::Unknown { attributes, .. } => ["text", "title"]
            .iter()
            .find_map(|key| ui_text(attributes.get(*key)))
            .map(|text| translator.message(&text)),
        _ => None,
    });
    let state = NodeState::new(node);
    let empty = label.is_none() && text.is_none();
    view! {
        <div
            class="lk-node lk-unknown"
            id=dom_id.clone()
            data-node-type=node_type
            data-group=group
            hidden=move || empty && !state.has_messages.get()
        >
            {label.map(|label| view! { <p class="lk-label">{label}</p> })}
            {text.map(|text| view! { <p class="lk-text-content">{text}</p> })}
            <NodeMessages messages=state.messages id=format!("{dom_id}-messages") />
        </div>
    }
}

fn non_empty(value: String) -> Option<String> {
    (!value.is_empty()).then_some(value)
}

/// A `uiText` inside unknown attributes, if the value has that shape.
fn ui_text(value: Option<&Value>) -> Option<UiText> {
    UiText::read(value?)
}
