//! Building `ui.nodes` the way Kratos does (current wire format: every node
//! has `messages`, `meta` and `attributes.node_type`).

use leptos_kratos::model::{
    AnchorAttributes, DivisionAttributes, Extra, ImageAttributes, InputAttributes, InputType,
    NodeAttributes, NodeGroup, NodeMeta, ScriptAttributes, TextAttributes, UiContainer, UiNode,
    UiText, WebAuthnTrigger,
};
use serde_json::Value;

fn node_type_extra(node_type: &str) -> Extra {
    let mut extra = Extra::new();
    extra.insert("node_type".into(), Value::String(node_type.into()));
    extra
}

fn node(group: NodeGroup, attributes: NodeAttributes) -> UiNode {
    UiNode {
        group,
        attributes,
        messages: Vec::new(),
        meta: NodeMeta::default(),
        extra: Extra::new(),
    }
}

/// An input node.
pub fn input(group: NodeGroup, name: &str, input_type: InputType) -> UiNode {
    node(
        group,
        NodeAttributes::Input(InputAttributes {
            name: name.into(),
            input_type,
            disabled: Some(false),
            extra: node_type_extra("input"),
            ..Default::default()
        }),
    )
}

/// A submit button `name=value` with a label.
pub fn submit(group: NodeGroup, name: &str, value: &str, label: UiText) -> UiNode {
    input(group, name, InputType::Submit)
        .value(value)
        .label(label)
}

/// The hidden, required `csrf_token` node (its value is set per response).
pub fn csrf() -> UiNode {
    input(NodeGroup::Default, "csrf_token", InputType::Hidden).required()
}

/// An `img` node.
pub fn image(group: NodeGroup, id: &str, src: String, size: i64, label: UiText) -> UiNode {
    node(
        group,
        NodeAttributes::Image(ImageAttributes {
            src,
            id: id.into(),
            width: Some(size),
            height: Some(size),
            extra: node_type_extra("img"),
        }),
    )
    .label(label)
}

/// A `text` node.
pub fn text(group: NodeGroup, id: &str, text: UiText, label: UiText) -> UiNode {
    node(
        group,
        NodeAttributes::Text(TextAttributes {
            text: Some(text),
            id: id.into(),
            extra: node_type_extra("text"),
        }),
    )
    .label(label)
}

/// An `a` node.
pub fn anchor(group: NodeGroup, id: &str, href: &str, title: UiText) -> UiNode {
    node(
        group,
        NodeAttributes::Anchor(AnchorAttributes {
            href: href.into(),
            title: Some(title),
            id: id.into(),
            extra: node_type_extra("a"),
        }),
    )
}

/// A `script` node.
pub fn script(group: NodeGroup, id: &str, src: String, integrity: String, nonce: String) -> UiNode {
    node(
        group,
        NodeAttributes::Script(ScriptAttributes {
            src,
            is_async: Some(true),
            referrerpolicy: Some("no-referrer".into()),
            crossorigin: Some("anonymous".into()),
            integrity: Some(integrity),
            script_type: Some("text/javascript".into()),
            id: Some(id.into()),
            nonce: Some(nonce),
            extra: node_type_extra("script"),
        }),
    )
}

/// A `div` node.
#[allow(dead_code)]
pub fn division(group: NodeGroup, id: &str) -> UiNode {
    node(
        group,
        NodeAttributes::Division(DivisionAttributes {
            id: id.into(),
            extra: node_type_extra("div"),
            ..Default::default()
        }),
    )
}

/// Chainable changes to a node.
pub trait NodeExt: Sized {
    /// Sets `meta.label`.
    fn label(self, label: UiText) -> Self;
    /// Sets the input's value.
    fn value(self, value: impl Into<Value>) -> Self;
    /// Marks the input required.
    fn required(self) -> Self;
    /// Sets `autocomplete`.
    fn autocomplete(self, value: &str) -> Self;
    /// Sets `pattern`.
    fn pattern(self, value: &str) -> Self;
    /// Sets `maxlength`.
    fn maxlength(self, value: i64) -> Self;
    /// Sets `disabled`.
    fn disabled(self, disabled: bool) -> Self;
    /// Sets `onclickTrigger` (and the deprecated `onclick`).
    fn onclick(self, trigger: WebAuthnTrigger) -> Self;
    /// Sets `onloadTrigger` (and the deprecated `onload`).
    fn onload(self, trigger: WebAuthnTrigger) -> Self;
}

impl NodeExt for UiNode {
    fn label(mut self, label: UiText) -> Self {
        self.meta.label = Some(label);
        self
    }
    fn value(mut self, value: impl Into<Value>) -> Self {
        if let Some(input) = self.input_mut() {
            input.value = Some(value.into());
        }
        self
    }
    fn required(mut self) -> Self {
        if let Some(input) = self.input_mut() {
            input.required = Some(true);
        }
        self
    }
    fn autocomplete(mut self, value: &str) -> Self {
        if let Some(input) = self.input_mut() {
            input.autocomplete = Some(value.into());
        }
        self
    }
    fn pattern(mut self, value: &str) -> Self {
        if let Some(input) = self.input_mut() {
            input.pattern = Some(value.into());
        }
        self
    }
    fn maxlength(mut self, value: i64) -> Self {
        if let Some(input) = self.input_mut() {
            input.maxlength = Some(value);
        }
        self
    }
    fn disabled(mut self, disabled: bool) -> Self {
        if let Some(input) = self.input_mut() {
            input.disabled = Some(disabled);
        }
        self
    }
    fn onclick(mut self, trigger: WebAuthnTrigger) -> Self {
        if let Some(input) = self.input_mut() {
            input.onclick = Some(format!("window.{}()", trigger.as_str()));
            input.onclick_trigger = Some(trigger);
        }
        self
    }
    fn onload(mut self, trigger: WebAuthnTrigger) -> Self {
        if let Some(input) = self.input_mut() {
            input.onload = Some(format!("window.{}()", trigger.as_str()));
            input.onload_trigger = Some(trigger);
        }
        self
    }
}

/// A `ui` container posting to `action`.
pub fn container(action: String, nodes: Vec<UiNode>) -> UiContainer {
    UiContainer {
        action,
        method: "POST".into(),
        nodes,
        ..Default::default()
    }
}

/// Helpers on a container.
pub trait ContainerExt {
    /// The first input node with this name.
    fn input_node_mut(&mut self, name: &str) -> Option<&mut UiNode>;
    /// Adds a message to the named node, or to the flow if there is no such node.
    fn add_field_message(&mut self, name: &str, message: UiText);
    /// Removes every message (flow and nodes).
    fn clear_messages(&mut self);
    /// Sets the value of every node with this name that is not a button.
    fn set_value(&mut self, name: &str, value: Value);
}

impl ContainerExt for UiContainer {
    fn input_node_mut(&mut self, name: &str) -> Option<&mut UiNode> {
        self.nodes.iter_mut().find(|n| {
            n.name() == Some(name) && !n.input().is_some_and(|i| i.input_type.is_button())
        })
    }

    fn add_field_message(&mut self, name: &str, message: UiText) {
        match self.input_node_mut(name) {
            Some(node) => node.messages.push(message),
            None => self.messages.push(message),
        }
    }

    fn clear_messages(&mut self) {
        self.messages.clear();
        for node in &mut self.nodes {
            node.messages.clear();
        }
    }

    fn set_value(&mut self, name: &str, value: Value) {
        for node in &mut self.nodes {
            if let Some(input) = node.input_mut()
                && input.name == name
                && !input.input_type.is_button()
            {
                input.value = Some(value.clone());
            }
        }
    }
}
