//! The identity schema: `traits.email` (identifier for password, code,
//! passkey and TOTP; verifiable and recoverable by e-mail), a name and a
//! newsletter opt-in. Kratos builds trait nodes and validates traits from
//! such a schema; this module does the same for this one schema.

use leptos_kratos::model::{InputType, NodeGroup, UiNode, UiText};
use serde_json::{Map, Value};

use crate::http::Form;
use crate::nodes::{NodeExt, input};
use crate::text;

/// One trait of the schema.
pub struct Trait {
    /// The path under `traits` (`email`, `name.first`).
    pub path: &'static str,
    /// The schema `title` (the label).
    pub title: &'static str,
    /// The input type Kratos derives from the schema.
    pub input_type: InputType,
    /// Whether the schema requires it.
    pub required: bool,
    /// The `autocomplete` hint Kratos derives (email format).
    pub autocomplete: Option<&'static str>,
}

/// The traits, in schema order.
pub const TRAITS: [Trait; 4] = [
    Trait {
        path: "email",
        title: "E-Mail",
        input_type: InputType::Email,
        required: true,
        autocomplete: Some("email"),
    },
    Trait {
        path: "name.first",
        title: "First name",
        input_type: InputType::Text,
        required: false,
        autocomplete: None,
    },
    Trait {
        path: "name.last",
        title: "Last name",
        input_type: InputType::Text,
        required: false,
        autocomplete: None,
    },
    Trait {
        path: "newsletter",
        title: "Send me product news",
        input_type: InputType::Checkbox,
        required: false,
        autocomplete: None,
    },
];

/// A trait's value from the traits object.
pub fn trait_value<'a>(traits: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.')
        .try_fold(traits, |value, key| value.get(key))
}

/// The nodes for the traits, with values from `traits`; `hidden` renders
/// them as hidden inputs (the second screen of two-step registration).
pub fn trait_nodes(group: NodeGroup, traits: Option<&Value>, hidden: bool) -> Vec<UiNode> {
    TRAITS
        .iter()
        .map(|t| {
            let name = format!("traits.{}", t.path);
            let input_type = if hidden {
                InputType::Hidden
            } else {
                t.input_type.clone()
            };
            let mut node = input(group.clone(), &name, input_type)
                .label(text::label_generated(t.title, &name));
            if t.required {
                node = node.required();
            }
            if let (Some(autocomplete), false) = (t.autocomplete, hidden) {
                node = node.autocomplete(autocomplete);
            }
            match traits.and_then(|traits| trait_value(traits, t.path)) {
                Some(value) if !value.is_null() => node.value(value.clone()),
                _ => node,
            }
        })
        .collect()
}

/// The traits a form submitted (`traits.*` or nested `traits`), typed by
/// the schema: booleans from `"true"`, strings trimmed.
pub fn traits_from_form(form: &Form) -> Value {
    let mut root = Map::new();
    let submitted = form.under("traits.");
    for t in &TRAITS {
        let Some((_, raw)) = submitted.iter().find(|(k, _)| k == t.path) else {
            continue;
        };
        let value = match (&t.input_type, raw) {
            (InputType::Checkbox, Value::Bool(b)) => Value::Bool(*b),
            (InputType::Checkbox, Value::String(s)) => Value::Bool(s == "true" || s == "on"),
            (_, Value::String(s)) if s.trim().is_empty() => continue,
            (_, Value::String(s)) => Value::String(s.trim().to_owned()),
            (_, Value::Null) => continue,
            (_, other) => other.clone(),
        };
        let mut keys = t.path.split('.').peekable();
        let mut object = &mut root;
        while let Some(key) = keys.next() {
            if keys.peek().is_none() {
                object.insert(key.to_owned(), value.clone());
            } else {
                object = object
                    .entry(key.to_owned())
                    .or_insert_with(|| Value::Object(Map::new()))
                    .as_object_mut()
                    .expect("intermediate trait paths are objects");
            }
        }
    }
    Value::Object(root)
}

/// Validation errors: `(field name, message)`.
pub fn validate(traits: &Value) -> Vec<(String, UiText)> {
    let mut errors = Vec::new();
    for t in &TRAITS {
        let name = format!("traits.{}", t.path);
        let value = trait_value(traits, t.path);
        match value {
            None if t.required => {
                let property = t.path.rsplit('.').next().unwrap_or(t.path);
                errors.push((name, text::required(property)));
            }
            Some(Value::String(s)) if t.input_type == InputType::Email && !is_email(s) => {
                errors.push((name, text::invalid_email(s)));
            }
            Some(Value::String(s)) if s.chars().count() > 256 => {
                errors.push((name, text::generic_error("length must be <= 256")));
            }
            Some(value) if t.input_type != InputType::Checkbox && !value.is_string() => {
                errors.push((
                    name,
                    text::error_with(
                        4000026,
                        format!("expected string, but got {}", json_type(value)),
                        serde_json::json!({"allowed_types": ["string"], "actual_type": json_type(value)}),
                    ),
                ));
            }
            _ => {}
        }
    }
    errors
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// A plausible e-mail address: `local@domain.tld`, no spaces.
pub fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !value.chars().any(char::is_whitespace)
        && !domain.contains('@')
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn validation_and_typing() {
        let errors = validate(&json!({}));
        assert_eq!(errors[0].0, "traits.email");
        assert_eq!(errors[0].1.id, 4000002);
        assert_eq!(validate(&json!({"email": "nope"}))[0].1.id, 4000040);
        assert!(validate(&json!({"email": "a@b.co", "name": {"first": "A"}})).is_empty());
        assert!(is_email("a.b+c@example.co.uk"));
        assert!(!is_email("a@b") && !is_email("a b@c.d") && !is_email("@c.d"));
        assert_eq!(
            trait_value(&json!({"name": {"first": "A"}}), "name.first"),
            Some(&json!("A"))
        );
    }

    #[test]
    fn nodes_carry_values() {
        let nodes = trait_nodes(
            NodeGroup::Default,
            Some(&json!({"email": "a@b.co", "newsletter": true})),
            false,
        );
        assert_eq!(nodes.len(), 4);
        assert_eq!(nodes[0].input().unwrap().value, Some(json!("a@b.co")));
        assert_eq!(
            nodes[0].input().unwrap().autocomplete.as_deref(),
            Some("email")
        );
        assert_eq!(nodes[3].input().unwrap().input_type, InputType::Checkbox);
        let hidden = trait_nodes(NodeGroup::Default, None, true);
        assert!(
            hidden
                .iter()
                .all(|n| n.input().unwrap().input_type == InputType::Hidden)
        );
    }
}
