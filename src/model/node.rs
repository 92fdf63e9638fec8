//! `ui.nodes`: the form elements, images, links, texts, scripts and widget
//! hooks that make up a flow's UI.

use serde::{Serialize, Serializer};
use serde_json::Value;

use super::attributes::{InputAttributes, InputType, NodeAttributes};
use super::json::{Extra, string_enum};
use super::read::{Fields, FromJson, deserialize_from_json};
use super::text::UiText;

string_enum! {
    /// The method (strategy) a node belongs to (`node.group`).
    pub enum NodeGroup {
        /// Shared by every method: `csrf_token`, identifiers, traits.
        Default = "default",
        /// Password login, registration and settings.
        Password = "password",
        /// Social sign-in (OpenID Connect).
        Oidc = "oidc",
        /// Profile traits (settings, two-step registration).
        Profile = "profile",
        /// Magic links (recovery, verification).
        Link = "link",
        /// One-time codes (login, registration, recovery, verification).
        Code = "code",
        /// Authenticator apps.
        Totp = "totp",
        /// Backup recovery codes.
        LookupSecret = "lookup_secret",
        /// Security keys.
        Webauthn = "webauthn",
        /// Passkeys.
        Passkey = "passkey",
        /// The first step of identifier-first login.
        IdentifierFirst = "identifier_first",
        /// Captcha widgets (Ory Network / OEL).
        Captcha = "captcha",
        /// SAML single sign-on (Ory Network / OEL).
        Saml = "saml",
        /// Device-bound keys (Ory Network / OEL).
        Deviceauthn = "deviceauthn",
    }
}

/// Extra information about a node, chiefly its label.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct NodeMeta {
    /// The label to show with the node.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<UiText>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FromJson for NodeMeta {
    fn from_json_value(value: Value) -> Option<Self> {
        let mut fields = Fields::of(value)?;
        Some(Self {
            label: fields.read("label"),
            extra: fields.rest(),
        })
    }
}

/// One element of a flow's UI (`ui.nodes[]`).
#[derive(Clone, Debug, PartialEq)]
pub struct UiNode {
    /// The method this node belongs to.
    pub group: NodeGroup,
    /// Type-specific attributes; the node type is derived from them.
    pub attributes: NodeAttributes,
    /// Messages about this node (validation errors and hints).
    pub messages: Vec<UiText>,
    /// Label and other presentation hints.
    pub meta: NodeMeta,
    /// Fields not named above.
    pub extra: Extra,
}

fn unknown_group() -> NodeGroup {
    NodeGroup::Unknown(String::new())
}

/// Guesses a node type from its attributes, for nodes that carry neither
/// `type` nor `attributes.node_type`.
fn infer_node_type(attributes: &Value) -> &'static str {
    let has = |key: &str| attributes.get(key).is_some();
    if has("name") {
        "input"
    } else if has("href") {
        "a"
    } else if has("integrity") || has("nonce") || has("async") {
        "script"
    } else if has("src") {
        "img"
    } else if has("text") {
        "text"
    } else if has("id") {
        "div"
    } else {
        ""
    }
}

impl FromJson for UiNode {
    /// A node whose attributes are neither an object nor absent does not fit.
    fn from_json_value(value: Value) -> Option<Self> {
        let mut fields = Fields::of(value)?;
        let node_type = fields.text("type");
        let group = fields.read("group").unwrap_or_else(unknown_group);
        let attributes = fields.any("attributes").unwrap_or_default();
        if !attributes.is_object() && !attributes.is_null() {
            return None;
        }
        // Kratos dispatches on the top-level `type`; `attributes.node_type`
        // mirrors it and older servers leave it out.
        let node_type = match node_type.filter(|t| !t.is_empty()) {
            Some(t) => t,
            None => match attributes.get("node_type").and_then(Value::as_str) {
                Some(t) if !t.is_empty() => t.to_owned(),
                _ => infer_node_type(&attributes).to_owned(),
            },
        };
        Some(UiNode {
            group,
            attributes: NodeAttributes::from_json(&node_type, attributes),
            messages: fields.list("messages"),
            meta: fields.read("meta").unwrap_or_default(),
            extra: fields.rest(),
        })
    }
}

deserialize_from_json!(UiNode, NodeMeta);

impl Serialize for UiNode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct WireNodeRef<'a> {
            #[serde(rename = "type")]
            node_type: &'a str,
            group: &'a NodeGroup,
            attributes: &'a NodeAttributes,
            messages: &'a [UiText],
            meta: &'a NodeMeta,
            #[serde(flatten)]
            extra: &'a Extra,
        }
        WireNodeRef {
            node_type: self.attributes.node_type(),
            group: &self.group,
            attributes: &self.attributes,
            messages: &self.messages,
            meta: &self.meta,
            extra: &self.extra,
        }
        .serialize(serializer)
    }
}

impl UiNode {
    /// The node type (`input`, `img`, `a`, `text`, `script`, `div`, or an unknown one).
    pub fn node_type(&self) -> &str {
        self.attributes.node_type()
    }

    /// The input attributes, if this is an input node.
    pub fn input(&self) -> Option<&InputAttributes> {
        self.attributes.as_input()
    }

    /// The input attributes, mutably, if this is an input node.
    pub fn input_mut(&mut self) -> Option<&mut InputAttributes> {
        match &mut self.attributes {
            NodeAttributes::Input(input) => Some(input),
            _ => None,
        }
    }

    /// The field name of an input node.
    pub fn name(&self) -> Option<&str> {
        self.input().map(|input| input.name.as_str())
    }

    /// The label to show: `meta.label`, else the input's own `label`.
    pub fn label(&self) -> Option<&UiText> {
        self.meta
            .label
            .as_ref()
            .or_else(|| self.input().and_then(|input| input.label.as_ref()))
    }

    /// The node's own id (`id` of non-input nodes), if any.
    pub fn id(&self) -> Option<&str> {
        match &self.attributes {
            NodeAttributes::Image(a) => Some(a.id.as_str()),
            NodeAttributes::Anchor(a) => Some(a.id.as_str()),
            NodeAttributes::Text(a) => Some(a.id.as_str()),
            NodeAttributes::Script(a) => a.id.as_deref(),
            NodeAttributes::Division(a) => Some(a.id.as_str()),
            NodeAttributes::Input(_) => None,
            NodeAttributes::Unknown { attributes, .. } => {
                attributes.get("id").and_then(Value::as_str)
            }
        }
        .filter(|id| !id.is_empty())
    }

    /// Whether any of the node's messages is an error.
    pub fn has_error(&self) -> bool {
        self.messages.iter().any(UiText::is_error)
    }

    /// Whether the node is the button that sends a new one-time code:
    /// `resend=code` (login, registration), or the `email` submit button
    /// of a sent recovery or verification code ("resend to this address").
    ///
    /// ```
    /// use leptos_kratos::model::UiNode;
    /// let node = |group: &str, name: &str, kind: &str| -> UiNode {
    ///     serde_json::from_value(serde_json::json!({"type": "input", "group": group,
    ///         "attributes": {"name": name, "type": kind, "value": "v"}})).unwrap()
    /// };
    /// assert!(node("code", "resend", "submit").is_resend());
    /// assert!(node("code", "email", "submit").is_resend());
    /// assert!(!node("code", "email", "email").is_resend());
    /// assert!(!node("code", "method", "submit").is_resend());
    /// assert!(!node("default", "email", "submit").is_resend());
    /// assert!(!node("code", "resend", "hidden").is_resend());
    /// ```
    pub fn is_resend(&self) -> bool {
        self.input().is_some_and(|input| {
            input.input_type == InputType::Submit
                && (input.name == "resend"
                    || (input.name == "email" && self.group == NodeGroup::Code))
        })
    }

    /// Whether the node takes no visible space: hidden inputs and scripts.
    pub fn is_hidden(&self) -> bool {
        match &self.attributes {
            NodeAttributes::Input(input) => input.input_type == InputType::Hidden,
            NodeAttributes::Script(_) => true,
            _ => false,
        }
    }
}
