//! `uiText`: the messages and labels Kratos attaches to flows and nodes.

use serde::Serialize;
use serde_json::Value;

use super::json::{Extra, string_enum};
use super::read::{Fields, FromJson, deserialize_from_json};

string_enum! {
    /// How a message should be presented (`uiText.type`).
    #[derive(Default)]
    pub enum MessageType {
        /// Neutral information, e.g. "A code was sent".
        #[default]
        Info = "info",
        /// Something the user has to fix.
        Error = "error",
        /// A completed action, e.g. "Your changes have been saved!".
        Success = "success",
    }
}

/// A message or label from Kratos (`uiText`).
///
/// `text` is Kratos's own American-English rendering; `id` and `context`
/// allow translating it (see the message catalogue in Kratos's `text` package).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct UiText {
    /// The stable message id, e.g. `4000006` for invalid credentials.
    pub id: i64,
    /// Kratos's English text.
    pub text: String,
    /// Info, error or success.
    #[serde(rename = "type")]
    pub message_type: MessageType,
    /// Template values for `text` (e.g. `{"property": "email"}`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<Value>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FromJson for UiText {
    fn from_json_value(value: Value) -> Option<Self> {
        let mut fields = Fields::of(value)?;
        Some(Self {
            id: fields.int("id").unwrap_or_default(),
            text: fields.text("text").unwrap_or_default(),
            message_type: fields.read("type").unwrap_or_default(),
            context: fields.any("context"),
            extra: fields.rest(),
        })
    }
}

deserialize_from_json!(UiText);

impl UiText {
    /// Whether this message reports an error.
    pub fn is_error(&self) -> bool {
        self.message_type == MessageType::Error
    }

    /// A value from `context`, if present.
    pub fn context_value(&self, key: &str) -> Option<&Value> {
        self.context.as_ref()?.get(key)
    }

    /// Nested messages in `context.secrets` (lookup-secret lists carry one
    /// `uiText` per code there). Entries that are not messages are skipped.
    pub fn context_secrets(&self) -> Vec<UiText> {
        match self.context_value("secrets") {
            Some(Value::Array(items)) => items.iter().filter_map(UiText::read).collect(),
            _ => Vec::new(),
        }
    }
}
