//! The JSON body of a submission, built from what the form holds.

use serde_json::{Map, Value};

/// What a form submission carries: its fields as the browser collected them
/// (`FormData`: every named, enabled control, unchecked checkboxes left out,
/// only the clicked submit button), the state of every checkbox, and the
/// clicked button's `name=value`.
///
/// Its `Debug` output names the fields but never shows what was typed
/// (passwords, codes and backup codes leave the form only in the request
/// to Kratos).
///
/// ```
/// use leptos_kratos::controller::Submission;
/// let submission = Submission {
///     fields: vec![("password".into(), "hunter2".into())],
///     ..Default::default()
/// };
/// assert!(!format!("{submission:?}").contains("hunter2"));
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Submission {
    /// `name=value` pairs in document order.
    pub fields: Vec<(String, String)>,
    /// Every checkbox and whether it is checked.
    pub checkboxes: Vec<(String, bool)>,
    /// The clicked submit button, if any.
    pub submitter: Option<(String, String)>,
}

impl std::fmt::Debug for Submission {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.fields.iter().map(|(name, _)| name.as_str()).collect();
        f.debug_struct("Submission")
            .field("fields", &names)
            .field("checkboxes", &self.checkboxes)
            .field("submitter", &self.submitter.as_ref().map(|(name, _)| name))
            .finish()
    }
}

/// Keys whose dotted names Kratos expects nested: `transient_payload` is free
/// form, so flat `transient_payload.x` keys would match no schema path.
const NESTED: &[&str] = &["transient_payload"];

/// Builds the JSON body Kratos expects: flat dotted keys (`traits.email`),
/// which Kratos's decoder accepts; `transient_payload.*` nested; checkboxes
/// as booleans; the clicked button's `name=value` last, so it wins over a
/// hidden field of the same name.
///
/// ```
/// use leptos_kratos::controller::{Submission, request_body};
/// let body = request_body(&Submission {
///     fields: vec![
///         ("csrf_token".into(), "t".into()),
///         ("traits.email".into(), "a@b.c".into()),
///         ("transient_payload.captcha".into(), "x".into()),
///     ],
///     checkboxes: vec![("traits.newsletter".into(), false)],
///     submitter: Some(("method".into(), "password".into())),
/// });
/// assert_eq!(body["traits.email"], "a@b.c");
/// assert_eq!(body["traits.newsletter"], false);
/// assert_eq!(body["transient_payload"]["captcha"], "x");
/// assert_eq!(body["method"], "password");
/// ```
pub fn request_body(submission: &Submission) -> Value {
    let mut body = Map::new();
    let pairs = submission
        .fields
        .iter()
        .map(|(k, v)| (k.as_str(), Value::String(v.clone())))
        .chain(
            submission
                .checkboxes
                .iter()
                .map(|(k, checked)| (k.as_str(), Value::Bool(*checked))),
        )
        .chain(
            submission
                .submitter
                .iter()
                .map(|(k, v)| (k.as_str(), Value::String(v.clone()))),
        );
    for (key, value) in pairs {
        insert(&mut body, key, value);
    }
    Value::Object(body)
}

fn insert(body: &mut Map<String, Value>, key: &str, value: Value) {
    let nested = NESTED
        .iter()
        .find_map(|prefix| Some((*prefix, key.strip_prefix(prefix)?.strip_prefix('.')?)));
    match nested {
        Some((prefix, rest)) if !rest.is_empty() => {
            let slot = body
                .entry(prefix.to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if !slot.is_object() {
                *slot = Value::Object(Map::new());
            }
            let mut object = slot;
            let mut parts = rest.split('.').peekable();
            while let Some(part) = parts.next() {
                let Value::Object(map) = object else {
                    return;
                };
                if parts.peek().is_none() {
                    map.insert(part.to_owned(), value);
                    return;
                }
                object = map
                    .entry(part.to_owned())
                    .or_insert_with(|| Value::Object(Map::new()));
                if !object.is_object() {
                    *object = Value::Object(Map::new());
                }
            }
        }
        // A bare `transient_payload=…` never replaces the nested object.
        _ if NESTED.contains(&key) && body.get(key).is_some_and(Value::is_object) => {}
        _ => {
            body.insert(key.to_owned(), value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn the_clicked_button_wins_and_hidden_state_travels() {
        let body = request_body(&Submission {
            fields: pairs(&[
                ("csrf_token", "tok"),
                ("method", "code"),
                ("identifier", "a@b.c"),
                ("code", ""),
            ]),
            checkboxes: vec![],
            submitter: Some(("resend".into(), "code".into())),
        });
        assert_eq!(
            body,
            json!({"csrf_token": "tok", "method": "code", "identifier": "a@b.c", "code": "", "resend": "code"})
        );
        let body = request_body(&Submission {
            fields: pairs(&[("method", "code")]),
            checkboxes: vec![],
            submitter: Some(("method".into(), "password".into())),
        });
        assert_eq!(body["method"], "password");
    }

    #[test]
    fn checkboxes_are_booleans_and_payloads_nest() {
        let body = request_body(&Submission {
            fields: pairs(&[
                ("traits.newsletter", "true"),
                ("transient_payload.a.b", "1"),
                ("transient_payload.c", "2"),
                ("transient_payload", "ignored-scalar"),
            ]),
            checkboxes: vec![
                ("traits.newsletter".into(), true),
                ("traits.tos".into(), false),
            ],
            submitter: None,
        });
        assert_eq!(body["traits.newsletter"], true);
        assert_eq!(body["traits.tos"], false);
        assert_eq!(
            body["transient_payload"],
            json!({"a": {"b": "1"}, "c": "2"})
        );
    }
}
