//! Keeping secrets Kratos shows once: copy to the clipboard, download as a
//! text file.

use leptos::prelude::*;

use crate::i18n::{Phrase, use_translator};

/// A `data:` URL of a plain-text file holding `text` (for a download link;
/// nothing is sent anywhere).
///
/// ```
/// # use leptos_kratos::components::text_file_url;
/// assert_eq!(text_file_url("ab12 cd34\n"), "data:text/plain;charset=utf-8,ab12%20cd34%0A");
/// assert_eq!(text_file_url("ü&#"), "data:text/plain;charset=utf-8,%C3%BC%26%23");
/// ```
pub fn text_file_url(text: &str) -> String {
    let mut url = String::from("data:text/plain;charset=utf-8,");
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            url.push(char::from(byte));
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

/// A button copying `text` to the clipboard; it says "Copied" (politely
/// announced) once the browser confirmed.
#[component]
pub(crate) fn CopyButton(
    /// What is copied.
    #[prop(into)]
    text: Signal<String>,
    /// The button's caption.
    label: Phrase,
) -> impl IntoView {
    let translator = use_translator();
    let copied = RwSignal::new(false);
    let shown = super::parts::scripted();
    let copy = move |_| {
        let clipboard = window().navigator().clipboard();
        let promise = clipboard.write_text(&text.get_untracked());
        leptos::task::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            copied.set(done);
        });
    };
    let caption = translator.phrase(label);
    let done = translator.phrase(Phrase::Copied);
    view! {
        <button
            type="button"
            class="lk-button lk-keep"
            data-state=move || copied.get().then_some("copied")
            hidden=move || !shown.get()
            on:click=copy
        >
            {caption}
        </button>
        <span class="lk-keep-status" role="status">
            {move || copied.get().then(|| done.clone())}
        </span>
    }
}

/// Kratos's "Confirm backup recovery codes" button with a checkbox before
/// it: the codes are only saved once the person says they kept them.
/// Pressing the button first does not send; it says why and moves focus to
/// the checkbox.
#[component]
pub(crate) fn ConfirmKept(
    /// The `lookup_secret_confirm` node.
    node: Signal<crate::model::UiNode>,
    /// The button's element id.
    dom_id: String,
) -> impl IntoView {
    let translator = use_translator();
    let kept = RwSignal::new(false);
    let refused = RwSignal::new(false);
    let check_id = format!("{dom_id}-kept");
    let hint_id = format!("{dom_id}-kept-hint");
    let check_ref = NodeRef::<leptos::html::Input>::new();
    let guard = move |event: leptos::ev::MouseEvent| {
        let on_button = event
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|el| el.closest("button").ok().flatten())
            .is_some();
        if on_button && !kept.get_untracked() {
            event.prevent_default();
            refused.set(true);
            if let Some(check) = check_ref.get_untracked() {
                let _ = check.focus();
            }
        }
    };
    let hint = translator.phrase(Phrase::KeepCodesFirst);
    view! {
        <div class="lk-confirm-kept" data-state=move || if kept.get() { "kept" } else { "open" } on:click=guard>
            <div class="lk-node lk-field lk-checkbox">
                <input
                    class="lk-input lk-kept-check"
                    type="checkbox"
                    id=check_id.clone()
                    node_ref=check_ref
                    aria-describedby={
                        let hint_id = hint_id.clone();
                        move || refused.get().then(|| hint_id.clone())
                    }
                    on:change=move |event| {
                        kept.set(event_target_checked(&event));
                        refused.set(false);
                    }
                />
                <label class="lk-label" for=check_id>
                    {translator.phrase(Phrase::CodesKept)}
                </label>
            </div>
            <p class="lk-message" data-type="error" id=hint_id hidden=move || !refused.get()>
                {hint}
            </p>
            <super::input::ButtonNode node dom_id />
        </div>
    }
}
