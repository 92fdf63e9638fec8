//! Input nodes: text-like fields, checkboxes, selects, buttons, hidden state.
//!
//! Each renders a real form control with the node's `name`, `type` and
//! `value`, so the surrounding `<form action method>` also works without
//! JavaScript and for `webauthn.js`'s native `form.submit()`.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::brand::{Brand, provider_of};
use super::marks::mark;
use super::parts::{FormBusy, NodeState, SubmissionRejected, label_text, node_data, scripted};
use super::script::WebAuthnContext;
use crate::components::messages::NodeMessages;
use crate::i18n::{Phrase, Translator, use_translator};
use crate::model::{InputAttributes, InputType, UiNode, value_to_form_string};
use crate::webauthn;

/// The node's input attributes (a default for the impossible non-input case,
/// so a view never panics).
fn input_of(node: &UiNode) -> InputAttributes {
    node.input().cloned().unwrap_or_default()
}

/// What every visible input component reads from its node once.
struct InputParts {
    attrs: InputAttributes,
    label: String,
    node_type: String,
    group: String,
    state: NodeState,
    /// The id of the node's messages (`aria-describedby`).
    messages_id: String,
}

impl InputParts {
    fn of(node: Signal<UiNode>, dom_id: &str, translator: &Translator) -> Self {
        let (attrs, label, (node_type, group, _)) =
            node.with_untracked(|n| (input_of(n), label_text(translator, n), node_data(n)));
        Self {
            attrs,
            label,
            node_type,
            group,
            state: NodeState::new(node),
            messages_id: format!("{dom_id}-messages"),
        }
    }
}

/// The value Kratos sent, as the form would carry it; `None` when absent.
pub(super) fn value_signal(node: Signal<UiNode>) -> Signal<Option<String>> {
    Signal::derive(move || {
        node.with(|n| {
            n.input()
                .and_then(|input| input.value.as_ref())
                .map(value_to_form_string)
        })
    })
}

/// When the flow is replaced by Kratos's next answer, a field keeps what
/// the user typed unless Kratos sends a (non-empty) value for it.
fn follow_kratos_values(input: NodeRef<html::Input>, value: Signal<Option<String>>) {
    Effect::new(move |first: Option<()>| {
        let value = value.get();
        if first.is_some()
            && let (Some(element), Some(value)) =
                (input.get_untracked(), value.filter(|v| !v.is_empty()))
        {
            element.set_value(&value);
        }
    });
}

/// A password field is emptied when a submission is rejected (Kratos never
/// sends passwords back; a rejected one should be typed again). It keeps its
/// content when the flow is merely replaced (expired, CSRF).
fn clear_when_rejected(input: NodeRef<html::Input>) {
    let Some(SubmissionRejected(rejected)) = use_context::<SubmissionRejected>() else {
        return;
    };
    Effect::new(move |previous: Option<()>| {
        rejected.track();
        if previous.is_some()
            && let Some(element) = input.get_untracked()
        {
            element.set_value("");
        }
    });
}

/// Runs a node's `onloadTrigger` (e.g. passkey autofill) once, as soon as
/// the script (or the browser) can.
fn run_on_load(attrs: &InputAttributes) {
    let (Some(call), Some(context)) =
        (webauthn::load_call(attrs), use_context::<WebAuthnContext>())
    else {
        return;
    };
    let name = attrs.name.clone();
    let done = StoredValue::new(false);
    Effect::new(move |_| {
        if !context.ready.get() || done.get_value() {
            return;
        }
        done.set_value(true);
        let form = document()
            .query_selector(&format!("form [name=\"{name}\"]"))
            .ok()
            .flatten()
            .and_then(|element| element.closest("form").ok().flatten())
            .and_then(|form| form.dyn_into::<web_sys::HtmlFormElement>().ok());
        // Autofill requests end quietly when the user picks nothing.
        webauthn::run(&call, context.mode.get_untracked(), form, |error| {
            leptos::logging::log!("leptos-kratos: {error}")
        });
    });
}

/// `<input type="hidden">`: state the form carries (`csrf_token`, `method`,
/// identifiers, WebAuthn results). Messages, if Kratos attaches any, are shown.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::components::HiddenInput;
/// use leptos_kratos::model::UiNode;
///
/// #[component]
/// fn Hidden(node: Signal<UiNode>) -> impl IntoView {
///     view! { <HiddenInput node dom_id="my-node" /> }
/// }
/// ```
#[component]
pub fn HiddenInput(
    /// The node.
    #[prop(into)]
    node: Signal<UiNode>,
    /// The element id.
    #[prop(into)]
    dom_id: String,
) -> impl IntoView {
    let attrs = node.with_untracked(input_of);
    let state = NodeState::new(node);
    let messages_id = format!("{dom_id}-messages");
    run_on_load(&attrs);
    view! {
        <input
            type="hidden"
            id=dom_id
            name=attrs.name
            value=value_signal(node)
            data-group=node.with_untracked(|n| n.group.as_str().to_owned())
        />
        <Show when=move || state.has_messages.get()>
            <NodeMessages messages=state.messages id=messages_id.clone() />
        </Show>
    }
}

/// A `submit` or `button` node as a `<button>` with the node's `name` and
/// `value` (only the clicked submit button's pair is sent, as Kratos expects).
/// Inline `onclick` JavaScript from old servers is never rendered.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::components::ButtonNode;
/// use leptos_kratos::model::UiNode;
///
/// #[component]
/// fn Submit(node: Signal<UiNode>) -> impl IntoView {
///     view! { <ButtonNode node dom_id="my-node" /> }
/// }
/// ```
#[component]
pub fn ButtonNode(
    /// The node.
    #[prop(into)]
    node: Signal<UiNode>,
    /// The element id.
    #[prop(into)]
    dom_id: String,
) -> impl IntoView {
    let translator = use_translator();
    let InputParts {
        attrs,
        label,
        node_type,
        group,
        state,
        messages_id,
    } = InputParts::of(node, &dom_id, &translator);
    // A WebAuthn trigger runs its ceremony instead of submitting.
    let call = webauthn::click_call(&attrs);
    let context = use_context::<WebAuthnContext>();
    let button_type = if attrs.input_type == InputType::Submit && call.is_none() {
        "submit"
    } else {
        "button"
    };
    let value = value_signal(node);
    let label = if label.is_empty() {
        value.get_untracked().unwrap_or_else(|| attrs.name.clone())
    } else {
        label
    };
    let trigger = call.as_ref().map(|call| call.trigger.as_str().to_owned());
    let always_disabled = attrs.is_disabled();
    // Trigger buttons wait until the script (or the browser) can run them:
    // in script mode until the script has defined the function.
    let runnable = call.clone().map(|call| {
        move || {
            context.is_some_and(|c| {
                c.ready.get()
                    && (c.mode.get() == webauthn::WebAuthnMode::Native
                        || webauthn::is_defined(&call.trigger))
            })
        }
    });
    let disabled = move || always_disabled || runnable.as_ref().is_some_and(|runnable| !runnable());
    let on_click = move |event: leptos::ev::MouseEvent| {
        let (Some(call), Some(context)) = (&call, context) else {
            return;
        };
        event.prevent_default();
        context.failure.set(None);
        let form = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("form").ok().flatten())
            .and_then(|form| form.dyn_into::<web_sys::HtmlFormElement>().ok());
        webauthn::run(call, context.mode.get_untracked(), form, move |error| {
            context.failure.set(Some(error))
        });
    };
    let data_value = (attrs.input_type == InputType::Submit).then_some(value);
    let name = attrs.name.clone();
    // Social sign-in: the provider's brand, and its mark before the text.
    let brand = node.with_untracked(provider_of).map(|id| Brand::of(&id));
    let provider = brand.map(Brand::slug);
    let mark = brand.and_then(mark);
    // While the form's request is in flight a submit button says so and
    // does nothing (it keeps focus, unlike a disabled one).
    let busy = use_context::<FormBusy>().map(|FormBusy(busy)| busy);
    let in_flight =
        move || (button_type == "submit" && busy.is_some_and(|busy| busy.get())).then_some("true");
    view! {
        <div
            class="lk-node lk-action"
            data-node-type=node_type
            data-group=group
            data-name=name
            data-value=data_value
            data-provider=provider
        >
            <button
                class="lk-button"
                type=button_type
                id=dom_id
                name=attrs.name.clone()
                value=value
                disabled=disabled
                aria-disabled=in_flight
                aria-busy=in_flight
                data-trigger=trigger
                aria-describedby=state.described_by(messages_id.clone())
                on:click=on_click
            >
                {mark}
                {label}
            </button>
            <NodeMessages messages=state.messages id=messages_id />
        </div>
    }
}

/// A checkbox with its label after it. Checked when Kratos's value is `true`;
/// submits `true` when checked (Kratos re-types it from the schema).
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::components::CheckboxField;
/// use leptos_kratos::model::UiNode;
///
/// #[component]
/// fn Consent(node: Signal<UiNode>) -> impl IntoView {
///     view! { <CheckboxField node dom_id="my-node" /> }
/// }
/// ```
#[component]
pub fn CheckboxField(
    /// The node.
    #[prop(into)]
    node: Signal<UiNode>,
    /// The element id.
    #[prop(into)]
    dom_id: String,
) -> impl IntoView {
    let translator = use_translator();
    let InputParts {
        attrs,
        label,
        node_type,
        group,
        state,
        messages_id,
    } = InputParts::of(node, &dom_id, &translator);
    let checked = Signal::derive(move || node.with(|n| n.input().is_some_and(|i| i.is_checked())));
    let name = attrs.name.clone();
    view! {
        <div
            class="lk-node lk-field lk-checkbox"
            data-node-type=node_type
            data-group=group
            data-name=name
            data-invalid=state.invalid_attr()
        >
            <input
                class="lk-input"
                type="checkbox"
                id=dom_id.clone()
                name=attrs.name.clone()
                value="true"
                checked=checked
                required=attrs.is_required()
                disabled=attrs.is_disabled()
                aria-invalid=state.invalid_attr()
                aria-describedby=state.described_by(messages_id.clone())
            />
            <label class="lk-label" for=dom_id>
                {label}
            </label>
            <NodeMessages messages=state.messages id=messages_id />
        </div>
    }
}

/// An input with allowed values (`options`) as a `<select>`.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::components::SelectField;
/// use leptos_kratos::model::UiNode;
///
/// #[component]
/// fn Choice(node: Signal<UiNode>) -> impl IntoView {
///     view! { <SelectField node dom_id="my-node" /> }
/// }
/// ```
#[component]
pub fn SelectField(
    /// The node.
    #[prop(into)]
    node: Signal<UiNode>,
    /// The element id.
    #[prop(into)]
    dom_id: String,
) -> impl IntoView {
    let translator = use_translator();
    let InputParts {
        attrs,
        label,
        node_type,
        group,
        state,
        messages_id,
    } = InputParts::of(node, &dom_id, &translator);
    let current = value_signal(node);
    let options = attrs.options.clone().unwrap_or_default();
    let placeholder = (!attrs.is_required()).then(|| view! { <option value="">"—"</option> });
    let name = attrs.name.clone();
    view! {
        <div
            class="lk-node lk-field lk-select"
            data-node-type=node_type
            data-group=group
            data-name=name
            data-invalid=state.invalid_attr()
        >
            <label class="lk-label" for=dom_id.clone()>
                {label}
            </label>
            <select
                class="lk-input"
                id=dom_id
                name=attrs.name.clone()
                required=attrs.is_required()
                disabled=attrs.is_disabled()
                aria-invalid=state.invalid_attr()
                aria-describedby=state.described_by(messages_id.clone())
            >
                {placeholder}
                {options
                    .into_iter()
                    .map(|option| {
                        let value = value_to_form_string(&option.value);
                        let text = option
                            .label
                            .as_ref()
                            .map(|label| translator.message(label))
                            .unwrap_or_else(|| value.clone());
                        let selected = {
                            let value = value.clone();
                            move || current.get().as_deref() == Some(value.as_str())
                        };
                        view! {
                            <option value=value selected=selected>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <NodeMessages messages=state.messages id=messages_id />
        </div>
    }
}

/// A text-like input (text, email, password, number, tel, url, date,
/// datetime-local; unknown types as text) with its label and messages.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::components::InputField;
/// use leptos_kratos::model::UiNode;
///
/// #[component]
/// fn Field(node: Signal<UiNode>) -> impl IntoView {
///     view! { <InputField node dom_id="my-node" /> }
/// }
/// ```
#[component]
pub fn InputField(
    /// The node.
    #[prop(into)]
    node: Signal<UiNode>,
    /// The element id.
    #[prop(into)]
    dom_id: String,
) -> impl IntoView {
    let translator = use_translator();
    let InputParts {
        attrs,
        label,
        node_type,
        group,
        state,
        messages_id,
    } = InputParts::of(node, &dom_id, &translator);
    let name = attrs.name.clone();
    let value = value_signal(node);
    let input_ref = NodeRef::<html::Input>::new();
    if attrs.input_type == InputType::Password {
        clear_when_rejected(input_ref);
    } else {
        follow_kratos_values(input_ref, value);
    }
    // One-time codes: the numeric keyboard and the device's offer to fill
    // in the code it received (the form cleans pasted codes, see
    // `form::dom::paste_code`).
    let one_time_code = attrs.is_one_time_code();
    // A password can be shown while typing: a real toggle button (never a
    // submit), its state in `aria-pressed`; it flips the field's type.
    let reveal = (attrs.input_type == InputType::Password).then(|| {
        let text = translator.phrase(Phrase::ShowPassword);
        let shown = scripted();
        let toggle = move |event: leptos::ev::MouseEvent| {
            let (Some(input), Some(button)) = (
                input_ref.get_untracked(),
                event
                    .current_target()
                    .and_then(|target| target.dyn_into::<web_sys::Element>().ok()),
            ) else {
                return;
            };
            let show = input.type_() == "password";
            input.set_type(if show { "text" } else { "password" });
            let _ = button.set_attribute("aria-pressed", if show { "true" } else { "false" });
        };
        view! {
            <button
                type="button"
                class="lk-reveal"
                aria-controls=dom_id.clone()
                aria-pressed="false"
                hidden=move || !shown.get()
                on:click=toggle
            >
                {text}
            </button>
        }
    });
    view! {
        <div
            class="lk-node lk-field"
            data-node-type=node_type
            data-group=group
            data-name=name
            data-invalid=state.invalid_attr()
        >
            <label class="lk-label" for=dom_id.clone()>
                {label}
            </label>
            <input
                class="lk-input"
                id=dom_id.clone()
                name=attrs.name.clone()
                node_ref=input_ref
                type=attrs.input_type.html_type().to_owned()
                value=value
                required=attrs.is_required()
                disabled=attrs.is_disabled()
                autocomplete=attrs.autocomplete_hint()
                inputmode=one_time_code.then_some("numeric")
                maxlength=attrs.maxlength.map(|max| max.to_string())
                pattern=attrs.pattern.clone()
                aria-invalid=state.invalid_attr()
                aria-describedby=state.described_by(messages_id.clone())
            />
            {reveal}
            <NodeMessages messages=state.messages id=messages_id />
        </div>
    }
}
