//! `continue_with`: what Kratos suggests doing after a flow step.

use serde::Serialize;
use serde_json::Value;

use super::json::{Extra, string_enum};
use super::read::{Fields, FromJson, deserialize_from_json};

string_enum! {
    /// The `action` of a `continue_with` item.
    pub enum ContinueWithAction {
        /// Open the verification UI for `flow.id`.
        ShowVerificationUi = "show_verification_ui",
        /// Open the settings UI for `flow.id` (after recovery).
        ShowSettingsUi = "show_settings_ui",
        /// Open the recovery UI for `flow.id`.
        ShowRecoveryUi = "show_recovery_ui",
        /// Send the browser to `redirect_browser_to`.
        RedirectBrowserTo = "redirect_browser_to",
        /// Store `ory_session_token` (API flows only).
        SetOrySessionToken = "set_ory_session_token",
        /// Ask for a device PIN (Ory Network device authentication).
        ShowPinEntryUi = "show_pin_entry_ui",
    }
}

/// The flow a `continue_with` item points to.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ContinueWithFlow {
    /// The flow id.
    pub id: String,
    /// The UI URL for that flow, when Kratos knows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Verification only: the address being verified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verifiable_address: Option<String>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FromJson for ContinueWithFlow {
    fn from_json_value(value: Value) -> Option<Self> {
        let mut fields = Fields::of(value)?;
        Some(Self {
            id: fields.text("id").unwrap_or_default(),
            url: fields.text("url"),
            verifiable_address: fields.text("verifiable_address"),
            extra: fields.rest(),
        })
    }
}

/// One `continue_with` item. Which fields are set depends on `action`;
/// unknown actions keep all their fields in `extra`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ContinueWith {
    /// What to do.
    pub action: ContinueWithAction,
    /// The flow to show (`show_*_ui`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flow: Option<ContinueWithFlow>,
    /// The URL to open (`redirect_browser_to`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redirect_browser_to: Option<String>,
    /// The session token (`set_ory_session_token`, API flows only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ory_session_token: Option<String>,
    /// Opaque data (`show_pin_entry_ui`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<Value>,
    /// Fields not named above.
    #[serde(flatten)]
    pub extra: Extra,
}

impl FromJson for ContinueWith {
    fn from_json_value(value: Value) -> Option<Self> {
        let mut fields = Fields::of(value)?;
        Some(Self {
            action: ContinueWithAction::from_json_value(fields.required("action")?)?,
            flow: fields.read("flow"),
            redirect_browser_to: fields.text("redirect_browser_to"),
            ory_session_token: fields.text("ory_session_token"),
            data: fields.any("data"),
            extra: fields.rest(),
        })
    }
}

impl ContinueWith {
    /// Picks the item to act on, in the order a browser UI should honour
    /// them: settings, recovery, verification, then a plain redirect.
    pub fn pick(items: &[ContinueWith]) -> Option<&ContinueWith> {
        const PRIORITY: [ContinueWithAction; 4] = [
            ContinueWithAction::ShowSettingsUi,
            ContinueWithAction::ShowRecoveryUi,
            ContinueWithAction::ShowVerificationUi,
            ContinueWithAction::RedirectBrowserTo,
        ];
        PRIORITY
            .iter()
            .find_map(|action| items.iter().find(|item| &item.action == action))
    }
}

deserialize_from_json!(ContinueWithFlow, ContinueWith);
