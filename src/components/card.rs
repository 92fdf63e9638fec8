//! The card: the frame around a flow, a session list or an error.

use leptos::prelude::*;

use super::overrides::{CardContext, use_overrides};
use crate::model::FlowKind;

/// A card with a heading, optional header and footer, and content: through
/// the [`Overrides`](super::Overrides) in context when one answers, else
/// [`DefaultCard`].
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::components::Card;
///
/// #[component]
/// fn Notice() -> impl IntoView {
///     view! {
///         <Card name="notice" heading="Almost there" footer=|| view! { <a href="/help">"Help"</a> }>
///             <p>"Check your inbox."</p>
///         </Card>
///     }
/// }
/// ```
#[component]
pub fn Card(
    /// `data-flow` of the card: the flow kind or another name (`sessions`, `error`).
    #[prop(into)]
    name: String,
    /// The heading (it may change, e.g. from step to step).
    #[prop(into)]
    heading: Signal<String>,
    /// The flow shown, if any (for overrides that style flows apart).
    #[prop(optional)]
    kind: Option<FlowKind>,
    /// Extra classes for the card element.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// Shown above the heading (a logo, a back link).
    #[prop(optional, into)]
    header: Option<ViewFn>,
    /// Shown at the bottom of the card (terms, help).
    #[prop(optional, into)]
    footer: Option<ViewFn>,
    /// Whether the heading also becomes the document's title (pages that
    /// own the whole tab, like the drop-in app's).
    #[prop(optional)]
    document_title: bool,
    /// The card's content.
    children: ChildrenFn,
) -> impl IntoView {
    card_view(CardParts {
        name,
        heading,
        kind,
        class,
        header,
        footer,
        document_title,
        content: ViewFn::from(move || children()),
    })
}

/// Everything a card is drawn from.
#[derive(Clone)]
pub(crate) struct CardParts {
    pub name: String,
    pub heading: Signal<String>,
    pub kind: Option<FlowKind>,
    pub class: MaybeProp<String>,
    pub header: Option<ViewFn>,
    pub footer: Option<ViewFn>,
    pub document_title: bool,
    pub content: ViewFn,
}

/// A card: the override that answers for it, else [`DefaultCard`].
pub(crate) fn card_view(parts: CardParts) -> AnyView {
    let CardParts {
        name,
        heading,
        kind,
        class,
        header,
        footer,
        document_title,
        content,
    } = parts;
    if document_title {
        // The tab's title names the page too (WCAG 2.4.2), and follows the
        // heading from step to step.
        let config = crate::config::use_config();
        Effect::new(move |_| {
            heading.with(|heading| document().set_title(&config.document_title(heading)))
        });
    }
    let default = {
        let (name, content) = (name.clone(), content.clone());
        ViewFn::from(move || {
            view! {
                <DefaultCard
                    name=name.clone()
                    heading
                    class
                    header=header.clone()
                    footer=footer.clone()
                    content=content.clone()
                />
            }
        })
    };
    let context = CardContext {
        kind,
        name,
        heading,
        content,
        default,
    };
    use_overrides()
        .render_card(&context)
        .unwrap_or_else(|| context.default_view())
}

/// The library's own card: `<section class="lk-card">` with a focusable
/// `<h1 class="lk-title">` (focus moves there after navigation).
#[component]
fn DefaultCard(
    name: String,
    heading: Signal<String>,
    class: MaybeProp<String>,
    header: Option<ViewFn>,
    footer: Option<ViewFn>,
    content: ViewFn,
) -> impl IntoView {
    let class = move || match class.get() {
        Some(extra) if !extra.trim().is_empty() => format!("lk-card {}", extra.trim()),
        _ => "lk-card".to_owned(),
    };
    view! {
        <section class=class data-flow=name>
            {header.map(|header| view! { <header class="lk-card-header">{header.run()}</header> })}
            <h1 class="lk-title" tabindex="-1">
                {heading}
            </h1>
            {content.run()}
            {footer.map(|footer| view! { <footer class="lk-card-footer">{footer.run()}</footer> })}
        </section>
    }
}
