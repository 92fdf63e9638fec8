//! Small JSON helpers shared by the model types.

use serde_json::{Map, Value};

/// Fields Kratos sent that this version of the model does not name.
///
/// Every model struct flattens one of these, so unknown fields survive a
/// parse → serialise round trip and stay reachable for custom renderers.
pub type Extra = Map<String, Value>;

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

        impl $crate::model::read::FromJson for $name {
            /// Any JSON: strings map to their variant; anything else (a
            /// number, `null`) is an empty `Unknown`, never a misfit.
            fn from_json_value(value: serde_json::Value) -> Option<Self> {
                Some(match value {
                    serde_json::Value::String(text) => Self::from(text.as_str()),
                    _ => Self::Unknown(String::new()),
                })
            }
        }

        $crate::model::read::deserialize_from_json!($name);
    };
}
pub(crate) use string_enum;
