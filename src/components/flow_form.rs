//! The form of a flow: `ui.messages` above a `<form>` with every node in
//! Kratos's order.

use std::sync::atomic::{AtomicU32, Ordering};

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::input::SubmissionRejected;
use super::messages::FlowMessages;
use super::node::Node;
use super::script::provide_webauthn;
use crate::controller::Submission;
use crate::model::{Flow, InputType, NodeAttributes, UiNode};
use crate::url::safe_url;

/// A rendered node's identity across re-renders, and its element id.
#[derive(Clone, Debug, PartialEq)]
struct NodeRow {
    key: String,
    dom_id: String,
    node: UiNode,
}

/// Renders a flow as a real `<form action=ui.action method=ui.method>`, so a
/// native POST (without JavaScript, or from `webauthn.js`) works too.
///
/// With `on_submit`, submissions are handed over as a [`Submission`] (the
/// form's fields, checkbox states and the clicked button) instead of leaving
/// the page; the controller sends them. Without it the form posts natively.
///
/// Nodes are keyed by what identifies them (group, type, name or id, and a
/// button's value), so when the flow is replaced by Kratos's next answer the
/// same elements are updated in place: focus and typing survive.
///
/// The element carries `data-state` (the flow's state) and `data-active`
/// (the method last used) for styling, and `aria-busy` while busy.
#[component]
pub fn FlowForm(
    /// The flow to render.
    #[prop(into)]
    flow: Signal<Flow>,
    /// Receives submissions instead of the browser posting the form.
    #[prop(optional, into)]
    on_submit: Option<Callback<Submission>>,
    /// Whether a request is in flight (the form is marked `aria-busy`).
    #[prop(optional, into)]
    busy: Signal<bool>,
    /// Changes when a submission came back with errors: focus then moves to
    /// the first invalid field (or to the flow's messages).
    #[prop(optional, into)]
    focus_errors: Signal<u32>,
) -> impl IntoView {
    let prefix = next_form_prefix();
    let rows = Memo::new(move |_| flow.with(|flow| node_rows(&prefix, &flow.ui.nodes)));
    let messages = Signal::derive(move || flow.with(|f| f.ui.messages.clone()));
    let action = move || flow.with(|f| safe_url(&f.ui.action));
    let method = move || flow.with(|f| form_method(&f.ui.method));
    let state = move || flow.with(|f| f.state.as_ref().map(|s| s.as_str().to_owned()));
    let active = move || flow.with(|f| f.active.clone());
    let form_ref = NodeRef::<html::Form>::new();
    let root_ref = NodeRef::<html::Div>::new();
    provide_context(SubmissionRejected(focus_errors));
    let webauthn = provide_webauthn(flow);
    let webauthn_failure = move || {
        webauthn.failure.get().map(|error| {
            view! {
                <p class="lk-message lk-webauthn-error" data-type="error" role="alert">
                    {error}
                </p>
            }
        })
    };
    Effect::new(move |previous: Option<u32>| {
        let count = focus_errors.get();
        if previous.is_some_and(|p| p != count) {
            request_animation_frame(move || focus_first_error(root_ref));
        }
        count
    });
    let submit = move |event: SubmitEvent| {
        let Some(on_submit) = on_submit else {
            return;
        };
        event.prevent_default();
        if let Some(form) = form_ref.get_untracked() {
            on_submit.run(collect_submission(&form, event.submitter()));
        }
    };
    view! {
        <div class="lk-flow" node_ref=root_ref data-state=state data-active=active>
            <FlowMessages messages />
            {webauthn_failure}
            <form
                class="lk-form"
                node_ref=form_ref
                action=action
                method=method
                novalidate=true
                aria-busy=move || busy.get().then_some("true")
                on:submit=submit
            >
                <For
                    each=move || rows.get()
                    key=|row| row.key.clone()
                    children=move |row| {
                        let key = row.key.clone();
                        let node = Signal::derive(move || {
                            rows.with(|rows| {
                                rows.iter()
                                    .find(|r| r.key == key)
                                    .map(|r| r.node.clone())
                                    .unwrap_or_else(|| row.node.clone())
                            })
                        });
                        view! { <Node node dom_id=row.dom_id.clone() /> }
                    }
                />
            </form>
        </div>
    }
}

/// Moves focus after Kratos answered a submission with a flow: to the first
/// field marked invalid, else to the flow's error messages, else to the
/// first field of the new step (e.g. the code input), else to the messages.
fn focus_first_error(root: NodeRef<html::Div>) {
    let Some(root) = root.get_untracked() else {
        return;
    };
    let target = [
        "[aria-invalid=\"true\"]",
        ".lk-messages:has(.lk-message[data-type=\"error\"])",
        ".lk-field input:not([type=hidden]):not([disabled]), .lk-field select:not([disabled])",
        ".lk-messages",
    ]
    .iter()
    .find_map(|selector| root.query_selector(selector).ok().flatten());
    if let Some(element) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// What the form holds, as a native submission would send it.
fn collect_submission(
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

/// `POST` or `GET` (a finished verification flow uses `GET`); anything else
/// falls back to `POST`.
fn form_method(method: &str) -> &'static str {
    if method.eq_ignore_ascii_case("get") {
        "get"
    } else {
        "post"
    }
}

/// A prefix unique to this form on the page, for element ids.
fn next_form_prefix() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    format!("lk{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// What identifies a node across re-renders: its group, type and name (or
/// id), a button's value (several `method` buttons share a name), and a
/// fingerprint of everything else the element is built from (label,
/// `required`, `autocomplete`, an image's source, ...). A field whose value
/// or messages change keeps its element; anything else gets a new one.
fn node_key(node: &UiNode) -> String {
    let name = match &node.attributes {
        NodeAttributes::Input(input) if input.input_type.is_button() => {
            format!("{}={}", input.name, input.value_string())
        }
        NodeAttributes::Input(input) => format!("{}:{}", input.name, input.input_type),
        NodeAttributes::Script(script) => script.id.clone().unwrap_or_else(|| script.src.clone()),
        _ => node.id().unwrap_or_default().to_owned(),
    };
    format!(
        "{}/{}/{}#{:x}",
        node.group,
        node.node_type(),
        name,
        fingerprint(node)
    )
}

/// FNV-1a over the parts of a node that its element is built from once
/// (values and messages follow the flow reactively and are left out).
fn fingerprint(node: &UiNode) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |text: &str| {
        for byte in text.bytes().chain([0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    if let Some(label) = node.label() {
        feed(&label.id.to_string());
        feed(&label.text);
    }
    match &node.attributes {
        NodeAttributes::Input(input) => {
            feed(if input.is_required() { "r" } else { "" });
            feed(if input.is_disabled() { "d" } else { "" });
            feed(input.autocomplete.as_deref().unwrap_or_default());
            feed(input.pattern.as_deref().unwrap_or_default());
            feed(&input.maxlength.map(|m| m.to_string()).unwrap_or_default());
            if let Some(options) = &input.options {
                options.iter().for_each(|o| feed(&o.value.to_string()));
            }
            if let Some(trigger) = &input.onclick_trigger {
                feed(trigger.as_str());
            }
        }
        NodeAttributes::Image(image) => feed(&image.src),
        NodeAttributes::Anchor(anchor) => {
            feed(&anchor.href);
            if let Some(title) = &anchor.title {
                feed(&title.text);
            }
        }
        NodeAttributes::Division(div) => feed(div.class.as_deref().unwrap_or_default()),
        NodeAttributes::Script(script) => feed(script.integrity.as_deref().unwrap_or_default()),
        NodeAttributes::Text(_) | NodeAttributes::Unknown { .. } => {}
    }
    hash
}

/// An element id from a node name: ASCII letters, digits, `-` and `_`.
fn slug(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

fn node_rows(prefix: &str, nodes: &[UiNode]) -> Vec<NodeRow> {
    let mut seen = std::collections::HashMap::<String, usize>::new();
    nodes
        .iter()
        .map(|node| {
            let base_key = node_key(node);
            let count = seen.entry(base_key.clone()).or_default();
            *count += 1;
            let suffix = if *count > 1 {
                format!("-{count}")
            } else {
                String::new()
            };
            let name = match &node.attributes {
                NodeAttributes::Input(input) if input.input_type == InputType::Submit => {
                    format!("{}-{}", input.name, input.value_string())
                }
                _ => node
                    .name()
                    .or(node.id())
                    .unwrap_or(node.node_type())
                    .to_owned(),
            };
            NodeRow {
                key: format!("{base_key}{suffix}"),
                dom_id: format!("{prefix}-{}{suffix}", slug(&name)),
                node: node.clone(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn nodes(value: serde_json::Value) -> Vec<UiNode> {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn keys_and_ids_are_unique_and_stable() {
        let list = nodes(json!([
            {"type": "input", "group": "default", "attributes": {"name": "csrf_token", "type": "hidden", "value": "a"}},
            {"type": "input", "group": "default", "attributes": {"name": "traits.email", "type": "email", "value": "x"}},
            {"type": "input", "group": "oidc", "attributes": {"name": "provider", "type": "submit", "value": "github"}},
            {"type": "input", "group": "oidc", "attributes": {"name": "provider", "type": "submit", "value": "google"}},
            {"type": "input", "group": "code", "attributes": {"name": "method", "type": "hidden", "value": "code"}},
            {"type": "input", "group": "code", "attributes": {"name": "method", "type": "submit", "value": "code"}},
            {"type": "input", "group": "code", "attributes": {"name": "method", "type": "submit", "value": "code"}},
            {"type": "text", "group": "totp", "attributes": {"id": "totp_secret_key", "text": null}},
        ]));
        let rows = node_rows("lk1", &list);
        let keys: std::collections::HashSet<_> = rows.iter().map(|r| r.key.clone()).collect();
        let ids: std::collections::HashSet<_> = rows.iter().map(|r| r.dom_id.clone()).collect();
        assert_eq!(keys.len(), rows.len());
        assert_eq!(ids.len(), rows.len());
        assert_eq!(rows[1].dom_id, "lk1-traits-email");
        assert_eq!(rows[2].dom_id, "lk1-provider-github");

        // A new csrf token and a changed value keep the same keys.
        let mut changed = list.clone();
        if let NodeAttributes::Input(input) = &mut changed[0].attributes {
            input.value = Some(json!("b"));
        }
        if let NodeAttributes::Input(input) = &mut changed[1].attributes {
            input.value = Some(json!("y"));
        }
        let again = node_rows("lk1", &changed);
        assert_eq!(
            rows.iter().map(|r| &r.key).collect::<Vec<_>>(),
            again.iter().map(|r| &r.key).collect::<Vec<_>>()
        );
    }

    #[test]
    fn methods() {
        assert_eq!(form_method("GET"), "get");
        assert_eq!(form_method("POST"), "post");
        assert_eq!(form_method(""), "post");
    }
}
