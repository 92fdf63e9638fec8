//! Small JSON helpers shared by the model types.

use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

/// Fields Kratos sent that this version of the model does not name.
///
/// Every model struct flattens one of these, so unknown fields survive a
/// parse → serialise round trip and stay reachable for custom renderers.
pub type Extra = Map<String, Value>;

/// Deserialises `null` (and a missing field, together with `#[serde(default)]`)
/// as the type's default. Kratos sends `"nodes": null` or `"messages": null`
/// in places where an empty list is meant.
pub(crate) fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
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
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                Ok(Self::from(value.as_ref()))
            }
        }
    };
}
pub(crate) use string_enum;
