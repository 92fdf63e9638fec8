//! WebAuthn and passkey nodes, the `webauthn.js` script node, and the script.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use leptos_kratos::model::{InputType, NodeGroup, UiNode, WebAuthnTrigger};
use serde_json::{Value, json};
use sha2::{Digest, Sha512};

use crate::config::Config;
use crate::nodes::{self, NodeExt, input};
use crate::store::{FlowRecord, IdentityRecord, new_id};
use crate::text;

/// The script served at `/.well-known/ory/webauthn.js`.
pub const SCRIPT: &str = include_str!("webauthn.js");

/// `sha512-<base64>` of the script, for the script node's `integrity`.
pub fn integrity() -> String {
    format!(
        "sha512-{}",
        STANDARD.encode(Sha512::digest(SCRIPT.as_bytes()))
    )
}

/// The `webauthn_script` node (group `webauthn`).
pub fn script_node(config: &Config) -> UiNode {
    nodes::script(
        NodeGroup::Webauthn,
        "webauthn_script",
        config.public("/.well-known/ory/webauthn.js"),
        integrity(),
        new_id(),
    )
}

/// The relying party id: the host the UI runs on.
pub fn rp_id(config: &Config) -> String {
    let rest = config
        .ui_url
        .split_once("://")
        .map(|(_, r)| r)
        .unwrap_or(&config.ui_url);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    match host.rsplit_once(':') {
        Some((name, port)) if port.chars().all(|c| c.is_ascii_digit()) => name.to_owned(),
        _ => host.to_owned(),
    }
}

fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A fresh challenge, remembered by the flow.
fn challenge(flow: &mut FlowRecord) -> String {
    let bytes = rand::random::<[u8; 32]>().to_vec();
    let encoded = b64(&bytes);
    flow.webauthn_challenge = Some(bytes);
    encoded
}

fn request_options(
    config: &Config,
    flow: &mut FlowRecord,
    allow: &[Vec<u8>],
    user_verification: &str,
) -> Value {
    json!({"publicKey": {
        "challenge": challenge(flow),
        "timeout": 300000,
        "rpId": rp_id(config),
        "allowCredentials": allow.iter().map(|id| json!({"type": "public-key", "id": b64(id)})).collect::<Vec<_>>(),
        "userVerification": user_verification,
    }})
}

fn creation_options(
    config: &Config,
    flow: &mut FlowRecord,
    identity: Option<&IdentityRecord>,
    resident: bool,
) -> Value {
    let user_id = identity
        .map(|i| i.user_handle.clone())
        .unwrap_or_else(|| rand::random::<[u8; 16]>().to_vec());
    let name = identity.map(IdentityRecord::email).unwrap_or_default();
    let exclude: Vec<Value> = identity
        .map(|i| {
            i.keys
                .iter()
                .map(|k| json!({"type": "public-key", "id": b64(&k.id)}))
                .collect()
        })
        .unwrap_or_default();
    json!({"publicKey": {
        "rp": {"name": "leptos-kratos dev", "id": rp_id(config)},
        "user": {"name": name, "displayName": name, "id": b64(&user_id)},
        "challenge": challenge(flow),
        "pubKeyCredParams": [{"type": "public-key", "alg": -7}, {"type": "public-key", "alg": -257}],
        "timeout": 300000,
        "excludeCredentials": exclude,
        "authenticatorSelection": {
            "residentKey": if resident { "required" } else { "discouraged" },
            "requireResidentKey": resident,
            "userVerification": if resident { "preferred" } else { "discouraged" },
        },
        "attestation": "none",
    }})
}

/// Login with a passkey (first factor): challenge, result, trigger, script.
pub fn passkey_login_nodes(config: &Config, flow: &mut FlowRecord) -> Vec<UiNode> {
    let options = request_options(config, flow, &[], "preferred");
    vec![
        input(NodeGroup::Passkey, "passkey_challenge", InputType::Hidden)
            .value(options.to_string()),
        input(NodeGroup::Passkey, "passkey_login", InputType::Hidden)
            .value("")
            .onload(WebAuthnTrigger::OryPasskeyLoginAutocompleteInit),
        input(
            NodeGroup::Passkey,
            "passkey_login_trigger",
            InputType::Button,
        )
        .value("")
        .label(text::info(1010021, "Sign in with passkey"))
        .onclick(WebAuthnTrigger::OryPasskeyLogin),
        script_node(config),
    ]
}

/// Login with a security key as second factor.
pub fn webauthn_login_nodes(
    config: &Config,
    flow: &mut FlowRecord,
    identity: &IdentityRecord,
) -> Vec<UiNode> {
    let allow: Vec<Vec<u8>> = identity
        .keys
        .iter()
        .filter(|k| !k.passkey)
        .map(|k| k.id.clone())
        .collect();
    let options = request_options(config, flow, &allow, "discouraged");
    vec![
        script_node(config),
        input(
            NodeGroup::Webauthn,
            "webauthn_login_trigger",
            InputType::Button,
        )
        .value(options.to_string())
        .label(text::info(1010008, "Sign in with a hardware key"))
        .onclick(WebAuthnTrigger::OryWebAuthnLogin),
        input(NodeGroup::Webauthn, "webauthn_login", InputType::Hidden).value(""),
    ]
}

/// Registration with a passkey.
pub fn passkey_registration_nodes(config: &Config, flow: &mut FlowRecord) -> Vec<UiNode> {
    let create = json!({
        "credentialOptions": creation_options(config, flow, None, true),
        "displayNameFieldName": "traits.email",
        "displayNameFieldNames": ["traits.email"],
    });
    vec![
        script_node(config),
        input(
            NodeGroup::Passkey,
            "passkey_register_trigger",
            InputType::Button,
        )
        .value("")
        .label(text::info(1040007, "Sign up with passkey"))
        .onclick(WebAuthnTrigger::OryPasskeyRegistration),
        input(NodeGroup::Passkey, "passkey_register", InputType::Hidden).value(""),
        input(NodeGroup::Passkey, "passkey_create_data", InputType::Hidden)
            .value(create.to_string()),
    ]
}

/// Settings: passkeys (add, remove) and security keys (add with a name, remove).
pub fn settings_nodes(
    config: &Config,
    flow: &mut FlowRecord,
    identity: &IdentityRecord,
    passkey: bool,
    webauthn: bool,
) -> Vec<UiNode> {
    let mut out = Vec::new();
    if !passkey && !webauthn {
        return out;
    }
    let last_factor = identity.first_factors() <= 1;
    if passkey {
        for key in identity.keys.iter().filter(|k| k.passkey) {
            out.push(
                input(NodeGroup::Passkey, "passkey_remove", InputType::Submit)
                    .value(hex(&key.id))
                    .label(remove_label(1050020, "passkey", key))
                    .disabled(last_factor),
            );
        }
        let options = creation_options(config, flow, Some(identity), true);
        out.push(
            input(NodeGroup::Passkey, "passkey_create_data", InputType::Hidden)
                .value(options.to_string()),
        );
        out.push(
            input(
                NodeGroup::Passkey,
                "passkey_settings_register",
                InputType::Hidden,
            )
            .value(""),
        );
        out.push(
            input(
                NodeGroup::Passkey,
                "passkey_register_trigger",
                InputType::Button,
            )
            .value("")
            .label(text::info(1050019, "Add passkey"))
            .onclick(WebAuthnTrigger::OryPasskeySettingsRegistration),
        );
    }
    if webauthn {
        for key in identity.keys.iter().filter(|k| !k.passkey) {
            out.push(
                input(NodeGroup::Webauthn, "webauthn_remove", InputType::Submit)
                    .value(hex(&key.id))
                    .label(remove_label(1050018, "security key", key)),
            );
        }
        let options = creation_options(config, flow, Some(identity), false);
        out.push(
            input(
                NodeGroup::Webauthn,
                "webauthn_register_displayname",
                InputType::Text,
            )
            .value("")
            .label(text::info(1050013, "Name of the security key")),
        );
        out.push(input(NodeGroup::Webauthn, "webauthn_register", InputType::Hidden).value(""));
        out.push(
            input(
                NodeGroup::Webauthn,
                "webauthn_register_trigger",
                InputType::Button,
            )
            .value(options.to_string())
            .label(text::info(1050012, "Add security key"))
            .onclick(WebAuthnTrigger::OryWebAuthnRegistration),
        );
    }
    out.push(script_node(config));
    out
}

fn remove_label(
    id: i64,
    what: &str,
    key: &crate::store::KeyCredential,
) -> leptos_kratos::model::UiText {
    text::info_with(
        id,
        format!("Remove {what} \"{}\"", key.display_name),
        json!({
            "display_name": key.display_name,
            "added_at": crate::time::rfc3339(key.added_at),
            "added_at_unix": key.added_at / 1000,
        }),
    )
}

/// Lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
