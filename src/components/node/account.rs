//! A social sign-in provider in settings: whether an account is linked, at
//! a glance, with Kratos's link or unlink button.

use leptos::prelude::*;

use super::brand::{Brand, provider_name, provider_of};
use super::input::ButtonNode;
use super::marks::mark;
use crate::i18n::{Phrase, use_translator};
use crate::model::UiNode;

/// A provider in settings: its mark and name, whether it is linked, and
/// Kratos's link or unlink button.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::components::LinkedAccount;
/// use leptos_kratos::model::UiNode;
///
/// #[component]
/// fn Account(node: Signal<UiNode>) -> impl IntoView {
///     view! { <LinkedAccount node dom_id="my-node" /> }
/// }
/// ```
#[component]
pub fn LinkedAccount(
    /// The `link` or `unlink` node.
    #[prop(into)]
    node: Signal<UiNode>,
    /// The button's id.
    #[prop(into)]
    dom_id: String,
) -> impl IntoView {
    let translator = use_translator();
    let (id, linked, name) = node.with_untracked(|node| {
        let id = provider_of(node).unwrap_or_default();
        let name = provider_name(node, &id);
        (id, node.name() == Some("unlink"), name)
    });
    let brand = Brand::of(&id);
    let state = translator.phrase(if linked {
        Phrase::Linked
    } else {
        Phrase::NotLinked
    });
    view! {
        <div
            class="lk-account"
            data-provider=brand.slug()
            data-state=if linked { "linked" } else { "unlinked" }
        >
            <span class="lk-account-name">{mark(brand)}{name}</span>
            <span class="lk-account-state">{state}</span>
            <ButtonNode node dom_id />
        </div>
    }
}
