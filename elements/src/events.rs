//! The events an element sends its page instead of callbacks: their names
//! and what `event.detail` holds (pure, as JSON), and sending them.
//!
//! | event | when | `detail` |
//! |---|---|---|
//! | `kratos-success` | a flow completed, or the person signed out | `{ kind, session, identity, continue_with }` |
//! | `kratos-error` | Kratos answered with an error | Kratos's error body (`{ error: { id, code, message, ... } }`) |
//! | `kratos-validation-error` | a submission came back with messages to fix | `{ kind, messages, flow }` |
//! | `kratos-navigate` | the element is about to leave the page | `{ url }`; cancelable |
//!
//! Every event bubbles and crosses shadow roots. A page that cancels
//! `kratos-navigate` (`event.preventDefault()`) takes the navigation
//! itself, e.g. with its router; otherwise the element navigates. The URL
//! has already passed the library's URL policy.

use leptos_kratos::controller::FlowCompletion;
use leptos_kratos::model::{
    ContinueWith, ErrorResponse, Flow, FlowKind, Identity, Session, UiText,
};
use serde::Serialize;

/// A flow completed or the person signed out.
pub const SUCCESS: &str = "kratos-success";
/// Kratos answered with an error.
pub const ERROR: &str = "kratos-error";
/// A submission came back with messages to fix.
pub const VALIDATION_ERROR: &str = "kratos-validation-error";
/// The element is about to leave the page (cancelable).
pub const NAVIGATE: &str = "kratos-navigate";

/// An event's `detail`, as JSON text (written straight from the model,
/// without building a JSON tree first: smaller code).
pub type Detail = String;

#[derive(Serialize)]
struct Success<'a> {
    kind: &'a str,
    session: Option<&'a Session>,
    identity: Option<&'a Identity>,
    continue_with: &'a [ContinueWith],
}

#[derive(Serialize)]
struct Validation<'a> {
    kind: &'a str,
    messages: Vec<&'a UiText>,
    flow: &'a Flow,
}

#[derive(Serialize)]
struct Navigation<'a> {
    url: &'a str,
}

fn write(detail: &impl Serialize) -> Detail {
    serde_json::to_string(detail).unwrap_or_else(|_| "null".to_owned())
}

/// `detail` of `kratos-success` for a completed flow.
pub fn success(completion: &FlowCompletion) -> Detail {
    write(&Success {
        kind: completion.kind.as_str(),
        session: completion.session.as_ref(),
        identity: completion.identity.as_ref(),
        continue_with: &completion.continue_with,
    })
}

/// `detail` of `kratos-success` after signing out.
pub fn signed_out() -> Detail {
    write(&Success {
        kind: "logout",
        session: None,
        identity: None,
        continue_with: &[],
    })
}

/// `detail` of `kratos-error`: Kratos's error body as it came.
pub fn error(response: &ErrorResponse) -> Detail {
    write(response)
}

/// `detail` of `kratos-validation-error`: the flow as Kratos returned it,
/// and every message in it (the form's, then each field's) in one list.
pub fn validation_error(kind: FlowKind, flow: &Flow) -> Detail {
    let messages = flow
        .ui
        .messages
        .iter()
        .chain(flow.ui.nodes.iter().flat_map(|node| &node.messages))
        .collect();
    write(&Validation {
        kind: kind.as_str(),
        messages,
        flow,
    })
}

/// `detail` of `kratos-navigate`.
pub fn navigate(url: &str) -> Detail {
    write(&Navigation { url })
}

/// Sends `name` from `host` with `detail`; `false` when a listener
/// cancelled it (only `cancelable` events can be).
#[cfg(target_arch = "wasm32")]
pub fn dispatch(host: &web_sys::EventTarget, name: &str, detail: &str, cancelable: bool) -> bool {
    let detail = js_sys::JSON::parse(detail).unwrap_or(wasm_bindgen::JsValue::NULL);
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(cancelable);
    init.set_detail(&detail);
    match web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        Ok(event) => host.dispatch_event(&event).unwrap_or(true),
        Err(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn parsed(detail: Detail) -> Value {
        serde_json::from_str(&detail).expect("JSON")
    }

    fn fixture<T: serde::de::DeserializeOwned>(json: Value) -> T {
        serde_json::from_value(json).expect("a valid fixture")
    }

    #[test]
    fn success_carries_the_session_identity_and_what_comes_next() {
        let identity: Identity =
            fixture(json!({ "id": "i1", "traits": { "email": "a@b.example" } }));
        let session: Session = fixture(json!({ "id": "s1", "active": true, "identity": identity }));
        let next: ContinueWith = fixture(json!({
            "action": "show_verification_ui",
            "flow": { "id": "v1", "verifiable_address": "a@b.example" }
        }));
        let completion = FlowCompletion {
            kind: FlowKind::Registration,
            session: Some(session),
            identity: Some(identity),
            flow: None,
            continue_with: vec![next],
        };
        let detail = parsed(success(&completion));
        assert_eq!(detail["kind"], "registration");
        assert_eq!(detail["session"]["id"], "s1");
        assert_eq!(detail["identity"]["traits"]["email"], "a@b.example");
        assert_eq!(detail["continue_with"][0]["action"], "show_verification_ui");
        assert_eq!(detail["continue_with"][0]["flow"]["id"], "v1");

        let settings = FlowCompletion {
            kind: FlowKind::Settings,
            session: None,
            identity: None,
            flow: None,
            continue_with: Vec::new(),
        };
        let detail = parsed(success(&settings));
        assert_eq!(detail["kind"], "settings");
        assert_eq!(detail["session"], Value::Null);
        assert_eq!(detail["continue_with"], json!([]));
        let detail = parsed(signed_out());
        assert_eq!(detail["kind"], "logout");
        assert_eq!(detail["session"], Value::Null);
    }

    #[test]
    fn validation_error_lists_the_forms_and_the_fields_messages() {
        let flow: Flow = fixture(json!({
            "id": "f1",
            "type": "browser",
            "ui": {
                "action": "/self-service/login?flow=f1",
                "method": "POST",
                "messages": [{ "id": 4000006, "type": "error", "text": "The provided credentials are invalid." }],
                "nodes": [
                    { "type": "input", "group": "default",
                      "attributes": { "name": "identifier", "type": "text", "value": "a@b.example", "node_type": "input" },
                      "messages": [{ "id": 4000002, "type": "error", "text": "Property identifier is missing." }],
                      "meta": {} },
                    { "type": "input", "group": "password",
                      "attributes": { "name": "password", "type": "password", "node_type": "input" },
                      "messages": [], "meta": {} }
                ]
            }
        }));
        let detail = parsed(validation_error(FlowKind::Login, &flow));
        assert_eq!(detail["kind"], "login");
        let ids: Vec<i64> = detail["messages"]
            .as_array()
            .expect("a list")
            .iter()
            .map(|m| m["id"].as_i64().unwrap_or_default())
            .collect();
        assert_eq!(ids, [4000006, 4000002]);
        assert_eq!(detail["flow"]["id"], "f1");
        assert_eq!(
            detail["flow"]["ui"]["nodes"][0]["attributes"]["name"],
            "identifier"
        );
    }

    #[test]
    fn error_is_kratoss_body_and_navigate_the_url() {
        let response: ErrorResponse = fixture(json!({
            "error": { "id": "self_service_flow_expired", "code": 410, "message": "expired" }
        }));
        let detail = parsed(error(&response));
        assert_eq!(detail["error"]["id"], "self_service_flow_expired");
        assert_eq!(detail["error"]["code"], 410);
        assert_eq!(
            parsed(navigate("https://app.example/\"x")),
            json!({ "url": "https://app.example/\"x" })
        );
    }
}
