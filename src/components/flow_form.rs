//! The form of a flow: `ui.messages` above a `<form>` with every node in
//! Kratos's order.

use std::sync::atomic::{AtomicU32, Ordering};

use leptos::prelude::*;

use super::messages::FlowMessages;
use super::node::Node;
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
/// Nodes are keyed by what identifies them (group, type, name or id, and a
/// button's value), so when the flow is replaced by Kratos's next answer the
/// same elements are updated in place: focus and typing survive.
///
/// The element carries `data-state` (the flow's state) and `data-active`
/// (the method last used) for styling.
#[component]
pub fn FlowForm(
    /// The flow to render.
    #[prop(into)]
    flow: Signal<Flow>,
) -> impl IntoView {
    let prefix = next_form_prefix();
    let rows = Memo::new(move |_| flow.with(|flow| node_rows(&prefix, &flow.ui.nodes)));
    let messages = Signal::derive(move || flow.with(|f| f.ui.messages.clone()));
    let action = move || flow.with(|f| safe_url(&f.ui.action));
    let method = move || flow.with(|f| form_method(&f.ui.method));
    let state = move || flow.with(|f| f.state.as_ref().map(|s| s.as_str().to_owned()));
    let active = move || flow.with(|f| f.active.clone());
    view! {
        <div class="lk-flow" data-state=state data-active=active>
            <FlowMessages messages />
            <form class="lk-form" action=action method=method novalidate=true>
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

/// What identifies a node across re-renders. Values are part of the key
/// only for buttons (several `method` buttons share a name); a field keeps
/// its element while its value changes.
fn node_key(node: &UiNode) -> String {
    let name = match &node.attributes {
        NodeAttributes::Input(input) if input.input_type.is_button() => {
            format!("{}={}", input.name, input.value_string())
        }
        NodeAttributes::Input(input) => format!("{}:{}", input.name, input.input_type),
        NodeAttributes::Script(script) => script.id.clone().unwrap_or_else(|| script.src.clone()),
        _ => node.id().unwrap_or_default().to_owned(),
    };
    format!("{}/{}/{}", node.group, node.node_type(), name)
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
