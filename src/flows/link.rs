//! Links to the app's own pages, followed through the app's router (a
//! connected component: it navigates).

use leptos::prelude::*;

use crate::navigation::use_navigator;

/// A link to one of the app's pages: a real `<a href>` (it opens in a new
/// tab like any link) that a plain click follows through the
/// [`Navigator`] in context, so an app's router can show the page without
/// reloading.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::flows::AppLink;
///
/// #[component]
/// fn ToSettings() -> impl IntoView {
///     view! { <AppLink href="/settings" text="Account settings" /> }
/// }
/// ```
#[component]
pub fn AppLink(
    /// Where the link leads.
    #[prop(into)]
    href: String,
    /// The link text.
    #[prop(into)]
    text: String,
    /// Classes (default `lk-link`).
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let navigator = use_navigator();
    let target = href.clone();
    let follow = move |event: leptos::ev::MouseEvent| {
        if event.button() == 0
            && !event.ctrl_key()
            && !event.meta_key()
            && !event.shift_key()
            && !event.alt_key()
        {
            event.prevent_default();
            navigator.go(&target);
        }
    };
    let class = move || class.get().unwrap_or_else(|| "lk-link".to_owned());
    view! {
        <a class=class href=href on:click=follow>
            {text}
        </a>
    }
}
