//! WebAuthn and passkey nodes, the `webauthn.js` script node, and the script.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use leptos_kratos::model::{InputType, NodeGroup, UiNode, WebAuthnTrigger};
use serde_json::json;
use sha2::{Digest, Sha512};
use webauthn_rs::prelude::{CredentialID, SecurityKey, Url, Uuid, Webauthn, WebauthnBuilder};

use crate::config::Config;
use crate::nodes::{self, NodeExt, input};
use crate::store::{FlowRecord, IdentityRecord, Key, new_id};
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

/// The relying party: the UI's origin. `None` when the UI runs on an IP
/// address (WebAuthn needs a domain such as `localhost`): then the
/// WebAuthn and passkey methods are not offered.
pub fn relying_party(config: &Config) -> Option<Webauthn> {
    let origin = Url::parse(&config.ui_url).ok()?;
    let rp_id = rp_id(config);
    WebauthnBuilder::new(&rp_id, &origin)
        .ok()?
        .rp_name("leptos-kratos dev")
        .allow_any_port(true)
        .build()
        .ok()
}

/// An identity's id as the WebAuthn user handle.
pub fn user_uuid(identity_id: &str) -> Uuid {
    Uuid::parse_str(identity_id).unwrap_or_else(|_| Uuid::new_v4())
}

fn to_json(value: impl serde::Serialize) -> String {
    serde_json::to_string(&value).unwrap_or_default()
}

/// Creation options as the browser gets them. The credential-protection
/// extension is left out: Kratos does not ask for it, and browsers refuse
/// it for security keys without user verification.
fn creation(options: impl serde::Serialize) -> serde_json::Value {
    let mut options = serde_json::to_value(options).unwrap_or_default();
    if let Some(extensions) = options
        .pointer_mut("/publicKey/extensions")
        .and_then(|e| e.as_object_mut())
    {
        extensions.remove("credentialProtectionPolicy");
        extensions.remove("enforceCredentialProtectionPolicy");
    }
    options
}

/// Passkeys must be discoverable (Kratos asks for a resident key) so that
/// they can sign in without a user name.
fn discoverable(options: impl serde::Serialize) -> serde_json::Value {
    let mut options = creation(options);
    if let Some(selection) = options
        .pointer_mut("/publicKey/authenticatorSelection")
        .and_then(|s| s.as_object_mut())
    {
        selection.insert("residentKey".into(), json!("required"));
        selection.insert("requireResidentKey".into(), json!(true));
    }
    options
}

/// Login with a passkey (first factor): challenge, result, trigger, script.
pub fn passkey_login_nodes(config: &Config, flow: &mut FlowRecord) -> Vec<UiNode> {
    let Some((options, state)) =
        relying_party(config).and_then(|rp| rp.start_discoverable_authentication().ok())
    else {
        return Vec::new();
    };
    flow.ceremonies.passkey_login = Some(state);
    vec![
        input(NodeGroup::Passkey, "passkey_challenge", InputType::Hidden).value(to_json(options)),
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

fn security_keys(identity: &IdentityRecord) -> Vec<SecurityKey> {
    identity
        .keys
        .iter()
        .filter_map(|k| match &k.key {
            Key::SecurityKey(key) => Some(key.clone()),
            Key::Passkey(_) => None,
        })
        .collect()
}

/// Login with a security key as second factor.
pub fn webauthn_login_nodes(
    config: &Config,
    flow: &mut FlowRecord,
    identity: &IdentityRecord,
) -> Vec<UiNode> {
    let keys = security_keys(identity);
    let Some((options, state)) =
        relying_party(config).and_then(|rp| rp.start_securitykey_authentication(&keys).ok())
    else {
        return Vec::new();
    };
    flow.ceremonies.security_key_login = Some(state);
    vec![
        script_node(config),
        input(
            NodeGroup::Webauthn,
            "webauthn_login_trigger",
            InputType::Button,
        )
        .value(to_json(options))
        .label(text::info(1010008, "Sign in with a hardware key"))
        .onclick(WebAuthnTrigger::OryWebAuthnLogin),
        input(NodeGroup::Webauthn, "webauthn_login", InputType::Hidden).value(""),
    ]
}

/// Registration with a passkey (the user id becomes the new identity's id).
pub fn passkey_registration_nodes(config: &Config, flow: &mut FlowRecord) -> Vec<UiNode> {
    let user = Uuid::new_v4();
    let Some((options, state)) = relying_party(config).and_then(|rp| {
        rp.start_passkey_registration(user, "new user", "new user", None)
            .ok()
    }) else {
        return Vec::new();
    };
    flow.ceremonies.passkey_registration = Some((state, user.to_string()));
    let create = json!({
        "credentialOptions": discoverable(options),
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
    let Some(rp) = relying_party(config).filter(|_| passkey || webauthn) else {
        return out;
    };
    let user = user_uuid(&identity.id);
    let email = identity.email();
    let exclude: Vec<CredentialID> = identity
        .keys
        .iter()
        .map(|k| CredentialID::from(k.id.clone()))
        .collect();
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
        if let Ok((options, state)) =
            rp.start_passkey_registration(user, &email, &email, Some(exclude.clone()))
        {
            flow.ceremonies.passkey_registration = Some((state, identity.id.clone()));
            out.push(
                input(NodeGroup::Passkey, "passkey_create_data", InputType::Hidden)
                    .value(to_json(discoverable(options))),
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
    }
    if webauthn {
        for key in identity.keys.iter().filter(|k| !k.passkey) {
            out.push(
                input(NodeGroup::Webauthn, "webauthn_remove", InputType::Submit)
                    .value(hex(&key.id))
                    .label(remove_label(1050018, "security key", key)),
            );
        }
        if let Ok((options, state)) =
            rp.start_securitykey_registration(user, &email, &email, Some(exclude), None, None)
        {
            flow.ceremonies.security_key_registration = Some(state);
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
                .value(to_json(creation(options)))
                .label(text::info(1050012, "Add security key"))
                .onclick(WebAuthnTrigger::OryWebAuthnRegistration),
            );
        }
    }
    if !out.is_empty() {
        out.push(script_node(config));
    }
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
