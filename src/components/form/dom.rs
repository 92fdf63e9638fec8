//! What a flow's form does with the page: Enter submits with the right
//! method, focus after an answer, and the form's fields as a [`Submission`].

use std::sync::atomic::{AtomicU32, Ordering};

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::controller::Submission;

/// Enter in a field submits with the method the field belongs to: the first
/// enabled submit button after it that is not social sign-in. (The browser
/// would pick the form's first button, a social one when those come first.)
pub(super) fn submit_on_enter(event: KeyboardEvent) {
    if event.key() != "Enter" || event.is_composing() || event.default_prevented() {
        return;
    }
    let Some(field) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let implicit = !matches!(
        field.type_().as_str(),
        "submit" | "button" | "checkbox" | "radio" | "reset" | "image" | "file"
    );
    let Some(form) = field.form().filter(|_| implicit) else {
        return;
    };
    // In the identifier step of a two-step form, Enter continues.
    if let Some(next) = form
        .query_selector("[data-step-next]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        event.prevent_default();
        next.click();
        return;
    }
    if let Some(button) = implicit_submitter(&form, &field) {
        event.prevent_default();
        let _ = form.request_submit_with_submitter(Some(&button));
    }
}

/// A one-time code pasted with the spaces or dashes a mail client or an
/// authenticator app shows (`123 456`) lands as `123456` in a code field
/// (one with `inputmode="numeric"`); anything else is pasted as it is.
pub(super) fn paste_code(event: leptos::ev::ClipboardEvent) {
    let Some(field) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        .filter(|field| field.get_attribute("inputmode").as_deref() == Some("numeric"))
    else {
        return;
    };
    if let Some(code) = event
        .clipboard_data()
        .and_then(|data| data.get_data("text").ok())
        .and_then(|text| crate::model::pasted_code(&text))
    {
        event.prevent_default();
        field.set_value(&code);
    }
}

/// The button Enter in `field` submits with (see [`submit_on_enter`]).
fn implicit_submitter(
    form: &web_sys::HtmlFormElement,
    field: &web_sys::HtmlInputElement,
) -> Option<web_sys::HtmlElement> {
    let buttons = form
        .query_selector_all("button[type=submit]:not([disabled]):not([data-resend])")
        .ok()?;
    (0..buttons.length())
        .filter_map(|index| buttons.item(index))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|button| {
            let after = field.compare_document_position(button)
                & web_sys::Node::DOCUMENT_POSITION_FOLLOWING
                != 0;
            let social = button.closest("[data-social]").ok().flatten().is_some();
            let hidden = button.closest("[hidden]").ok().flatten().is_some();
            after && !social && !hidden
        })
}

/// Moves focus after Kratos answered a submission with a flow: to the first
/// field marked invalid, else to the flow's error messages, else to the
/// first field of the new step (e.g. the code input), else to the messages.
pub(super) fn focus_first_error(root: NodeRef<html::Div>) {
    let Some(root) = root.get_untracked() else {
        return;
    };
    focus_first(
        &root,
        &[
            "[aria-invalid=\"true\"]",
            ".lk-messages:has(.lk-message[data-type=\"error\"])",
            ".lk-field input:not([type=hidden]):not([disabled]), .lk-field select:not([disabled])",
            ".lk-messages",
        ],
    );
}

/// Focuses the first element under `root` that matches one of `selectors`,
/// tried in order.
pub(super) fn focus_first(root: &web_sys::Element, selectors: &[&str]) {
    let target = selectors
        .iter()
        .find_map(|selector| root.query_selector(selector).ok().flatten());
    if let Some(element) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// What the form holds, as a native submission would send it.
pub(super) fn collect_submission(
    form: &web_sys::HtmlFormElement,
    submitter: Option<web_sys::HtmlElement>,
) -> Submission {
    let mut submission = Submission::default();
    let elements = form.elements();
    for index in 0..elements.length() {
        let Some(element) = elements.item(index) else {
            continue;
        };
        if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
            let name = input.name();
            if name.is_empty() || input.disabled() {
                continue;
            }
            match input.type_().as_str() {
                "checkbox" => submission.checkboxes.push((name, input.checked())),
                "submit" | "button" | "image" | "reset" | "file" => {}
                _ => submission.fields.push((name, input.value())),
            }
        } else if let Some(select) = element.dyn_ref::<web_sys::HtmlSelectElement>() {
            if !select.name().is_empty() && !select.disabled() {
                submission.fields.push((select.name(), select.value()));
            }
        } else if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>()
            && !area.name().is_empty()
            && !area.disabled()
        {
            submission.fields.push((area.name(), area.value()));
        }
    }
    submission.submitter = submitter.and_then(|element| {
        let button = element.dyn_into::<web_sys::HtmlButtonElement>().ok()?;
        (!button.name().is_empty()).then(|| (button.name(), button.value()))
    });
    submission
}

/// A prefix unique to this form on the page, for element ids.
pub(super) fn next_form_prefix() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let counter = use_context::<FormIds>();
    let counter = counter.as_ref().map_or(&NEXT, |ids| &*ids.0);
    format!("lk{}", counter.fetch_add(1, Ordering::Relaxed) + 1)
}

/// Numbers the forms of one page (`lk1-…`, `lk2-…`), so element ids come
/// out the same when a server renders the page and when the browser
/// hydrates it. [`KratosProvider`](crate::provider::KratosProvider) gives
/// each page its own; forms outside one share a count for the whole
/// program.
#[derive(Clone, Default)]
pub struct FormIds(std::sync::Arc<AtomicU32>);
