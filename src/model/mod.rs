//! The typed model of Kratos's JSON: flows, nodes, messages, errors, sessions.
//!
//! Every type is tolerant: values a newer Kratos adds (node types, groups,
//! input types, message types, `continue_with` actions, fields) parse into
//! `Unknown` variants or `extra` maps that keep the raw JSON, and serialise
//! back unchanged. Nothing here panics on any input.
//!
//! ## Usage
//!
//! ```
//! use leptos_kratos::model::{Flow, NodeAttributes};
//!
//! let flow: Flow = serde_json::from_str(r#"{
//!     "id": "f1", "type": "browser", "state": "choose_method",
//!     "ui": {"action": "https://kratos/self-service/login?flow=f1", "method": "POST",
//!            "nodes": [{"type": "input", "group": "default",
//!                       "attributes": {"name": "csrf_token", "type": "hidden", "value": "t",
//!                                      "disabled": false, "node_type": "input"},
//!                       "messages": [], "meta": {}}]}
//! }"#).unwrap();
//! assert_eq!(flow.ui.csrf_token().as_deref(), Some("t"));
//! assert!(matches!(flow.ui.nodes[0].attributes, NodeAttributes::Input(_)));
//! ```

mod address;
mod attributes;
mod continue_with;
mod error;
mod flow;
mod json;
mod node;
mod oauth2;
pub(crate) mod read;
mod session;
mod text;
mod ui;
pub mod user_agent;

pub use address::mask_address;
pub use attributes::{
    AnchorAttributes, DivisionAttributes, ImageAttributes, InputAttributes, InputOption, InputType,
    NodeAttributes, ScriptAttributes, TextAttributes, WebAuthnTrigger, pasted_code,
};
pub use continue_with::{ContinueWith, ContinueWithAction, ContinueWithFlow};
pub use error::{ErrorId, ErrorResponse, FlowError, GenericError};
pub use flow::{Flow, FlowKind, FlowState, FlowType, LogoutFlow};
pub use json::{Extra, value_to_form_string};
pub use node::{NodeGroup, NodeMeta, UiNode};
pub use oauth2::{
    ConsentDecision, ConsentRequest, LogoutDecision, LogoutRequest, OAuth2Client, OAuth2Error,
    OAuth2Redirect,
};
pub use session::{
    AuthenticationMethod, FlowSuccess, Identity, RecoveryAddress, Session, SessionDevice,
    VerifiableAddress,
};
pub use text::{MessageType, UiText};
pub use ui::UiContainer;
