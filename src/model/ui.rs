//! The `ui` container of a flow: where to submit, the nodes, the messages.

use serde::Serialize;
use serde_json::Value;

use super::attributes::InputType;
use super::json::Extra;
use super::node::{NodeGroup, UiNode};
use super::read::{Fields, FromJson, deserialize_from_json};
use super::text::UiText;

/// A flow's form (`ui`): render it as `<form action=… method=…>`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct UiContainer {
    /// The absolute submit URL; it already carries `?flow=<id>`.
    pub action: String,
    /// The form method, `POST` for self-service flows (`GET` on a finished
    /// verification flow).
    pub method: String,
    /// The nodes, in the order Kratos sorted them.
    pub nodes: Vec<UiNode>,
    /// Flow-level messages.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub messages: Vec<UiText>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FromJson for UiContainer {
    fn from_json_value(value: Value) -> Option<Self> {
        let mut fields = Fields::of(value)?;
        Some(Self {
            action: fields.text("action").unwrap_or_default(),
            method: fields.text("method").unwrap_or_default(),
            nodes: fields.list("nodes"),
            messages: fields.list("messages"),
            extra: fields.rest(),
        })
    }
}

impl UiContainer {
    /// The anti-CSRF token to send with the next submission, if the flow has one
    /// (browser flows do, API flows do not).
    pub fn csrf_token(&self) -> Option<String> {
        self.nodes
            .iter()
            .filter_map(UiNode::input)
            .find(|input| input.name == "csrf_token")
            .map(|input| input.value_string())
    }

    /// The first input node with this name.
    pub fn node_by_name(&self, name: &str) -> Option<&UiNode> {
        self.nodes.iter().find(|node| node.name() == Some(name))
    }

    /// The groups present, in the order of their first node.
    pub fn groups(&self) -> Vec<&NodeGroup> {
        let mut groups: Vec<&NodeGroup> = Vec::new();
        for node in &self.nodes {
            if !groups.contains(&&node.group) {
                groups.push(&node.group);
            }
        }
        groups
    }

    /// Whether the flow or any of its nodes carries an error message.
    pub fn has_errors(&self) -> bool {
        self.messages.iter().any(UiText::is_error) || self.nodes.iter().any(UiNode::has_error)
    }

    /// Whether the form has something the user can submit (a submit button).
    pub fn has_submit(&self) -> bool {
        self.nodes
            .iter()
            .filter_map(UiNode::input)
            .any(|input| input.input_type == InputType::Submit)
    }
}

deserialize_from_json!(UiContainer);
