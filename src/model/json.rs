//! Small JSON helpers shared by the model types.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

/// Fields Kratos sent that this version of the model does not name.
///
/// Every model struct flattens one of these, so unknown fields survive a
/// parse → serialise round trip and stay reachable for custom renderers.
pub type Extra = Map<String, Value>;

thread_local! {
    /// How many values were left out because they did not fit their type.
    static DROPPED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many malformed values the lenient readers below have left out on
/// this thread so far (take the difference around a parse).
pub(crate) fn dropped() -> usize {
    DROPPED.with(std::cell::Cell::get)
}

fn note_dropped() {
    DROPPED.with(|count| count.set(count.get() + 1));
}

/// Reads a field leniently: a value of the wrong type (a number where text
/// is expected, a string where an object is, `null` anywhere) becomes the
/// type's default instead of failing the whole document. Kratos's Go types
/// send `null` for empty slices, maps and pointers; newer or broken servers
/// may send anything. Non-null values that did not fit are counted.
pub(crate) fn lenient<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Default,
{
    let value = Value::deserialize(deserializer)?;
    if value.is_null() {
        return Ok(T::default());
    }
    Ok(T::deserialize(&value).unwrap_or_else(|_| {
        note_dropped();
        T::default()
    }))
}

/// Reads a list leniently: each item that does not fit is left out (and
/// counted once) on its own; `null` is an empty list; anything that is not a
/// list is an empty list (counted).
pub(crate) fn lenient_list<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    match Value::deserialize(deserializer)? {
        Value::Null => Ok(Vec::new()),
        Value::Array(items) => Ok(items
            .iter()
            .filter_map(|item| {
                let before = dropped();
                T::deserialize(item)
                    .map_err(|_| {
                        // The item counts once, whatever failed inside it.
                        DROPPED.with(|count| count.set(before + 1));
                    })
                    .ok()
            })
            .collect()),
        _ => {
            note_dropped();
            Ok(Vec::new())
        }
    }
}

/// Parses `value` as `T`, returning how many malformed parts were left out.
pub(crate) fn parse_counting<T: DeserializeOwned>(
    value: &Value,
) -> Result<(T, usize), serde_json::Error> {
    let before = dropped();
    let parsed = T::deserialize(value)?;
    Ok((parsed, dropped() - before))
}

/// Renders a JSON value the way an HTML form field would carry it: strings
/// as they are, numbers and booleans in JSON notation, `null` as empty, and
/// objects or arrays as compact JSON (WebAuthn options travel like that).
pub fn value_to_form_string(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Declares an enum over the string values Kratos documents, with an
/// `Unknown(String)` fallback so that values added by newer servers still
/// parse and serialise back unchanged.
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version does not know; kept verbatim.
            Unknown(String),
        }

        impl $name {
            /// The value exactly as it appears on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )+
                    Self::Unknown(other) => other.as_str(),
                }
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $( $wire => Self::$variant, )+
                    other => Self::Unknown(other.to_owned()),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            /// Any JSON: strings map to their variant; anything else (a
            /// number, `null`) is an empty `Unknown`, never an error.
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                Ok(match serde_json::Value::deserialize(deserializer)? {
                    serde_json::Value::String(text) => Self::from(text.as_str()),
                    _ => Self::Unknown(String::new()),
                })
            }
        }
    };
}
pub(crate) use string_enum;
