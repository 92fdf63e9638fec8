//! Submissions of passkey and security-key ceremonies, verified with
//! `webauthn-rs` against the challenges the flow handed out. Each returns a
//! [`Verdict`]; the flow completes or re-renders itself.

use leptos_kratos::model::{NodeGroup, UiText};
use serde_json::json;
use webauthn_rs::prelude::{CredentialID, PublicKeyCredential, RegisterPublicKeyCredential};

use super::Verdict;
use crate::http::Form;
use crate::nodes::ContainerExt;
use crate::store::{FlowRecord, IdentityRecord, Key, KeyCredential, Store};
use crate::strategies::webauthn;
use crate::time::now;
use crate::{schema, text};

fn bytes(id: &CredentialID) -> Vec<u8> {
    AsRef::<[u8]>::as_ref(id).to_vec()
}

fn invalid() -> UiText {
    text::error(
        4000043,
        "The provided web authn login is invalid, please try again.",
    )
}

fn parse<T: serde::de::DeserializeOwned>(form: &Form, field: &str) -> Option<T> {
    serde_json::from_str(&form.text(field)?).ok()
}

/// Replaces the flow's WebAuthn/passkey nodes with fresh challenges (a
/// ceremony's challenge is used once).
fn refresh_nodes(
    flow: &mut FlowRecord,
    group: NodeGroup,
    fresh: Vec<leptos_kratos::model::UiNode>,
) {
    let position = flow.ui.nodes.iter().position(|n| n.group == group);
    flow.ui.nodes.retain(|n| n.group != group);
    let at = position
        .unwrap_or(flow.ui.nodes.len())
        .min(flow.ui.nodes.len());
    flow.ui
        .nodes
        .splice(at..at, fresh.into_iter().filter(|n| n.group == group));
}

/// Login with a passkey (`passkey_login`): a discoverable credential names
/// its user; the signature must verify against that user's passkey.
pub fn passkey_login(store: &mut Store, flow: &mut FlowRecord, form: &Form) -> Verdict<String> {
    let config = store.config.clone();
    let verified = (|| {
        let credential: PublicKeyCredential = parse(form, "passkey_login")?;
        let state = flow.ceremonies.passkey_login.take()?;
        let rp = webauthn::relying_party(&config)?;
        let (user, credential_id) = rp.identify_discoverable_authentication(&credential).ok()?;
        let identity = store.identities.get(&user.to_string())?;
        let stored = identity
            .keys
            .iter()
            .find(|k| k.passkey && k.id == credential_id)?;
        let Key::Passkey(passkey) = &stored.key else {
            return None;
        };
        let result = rp
            .finish_discoverable_authentication_v2(&credential, state, passkey)
            .ok()?;
        Some((identity.id.clone(), credential_id.to_vec(), result))
    })();
    match verified {
        Some((identity_id, credential_id, result)) => {
            update_counter(store, &identity_id, &credential_id, &result);
            Verdict::Verified(identity_id)
        }
        None => {
            let fresh = webauthn::passkey_login_nodes(&config, flow);
            refresh_nodes(flow, NodeGroup::Passkey, fresh);
            Verdict::Failed(invalid())
        }
    }
}

/// A security key as second factor (`webauthn_login`).
pub fn webauthn_login(store: &mut Store, flow: &mut FlowRecord, form: &Form) -> Verdict<()> {
    let config = store.config.clone();
    let identity_id = flow.identity_id.clone().unwrap_or_default();
    let verified = (|| {
        let credential: PublicKeyCredential = parse(form, "webauthn_login")?;
        let state = flow.ceremonies.security_key_login.take()?;
        let rp = webauthn::relying_party(&config)?;
        let result = rp
            .finish_securitykey_authentication(&credential, &state)
            .ok()?;
        let identity = store.identities.get(&identity_id)?;
        let id = bytes(result.cred_id());
        identity
            .keys
            .iter()
            .any(|k| !k.passkey && k.id == id)
            .then_some((id, result))
    })();
    match verified {
        Some((credential_id, result)) => {
            update_counter(store, &identity_id, &credential_id, &result);
            Verdict::Verified(())
        }
        None => {
            if let Some(identity) = store.identities.get(&identity_id).cloned() {
                let fresh = webauthn::webauthn_login_nodes(&config, flow, &identity);
                refresh_nodes(flow, NodeGroup::Webauthn, fresh);
            }
            Verdict::Failed(invalid())
        }
    }
}

fn update_counter(
    store: &mut Store,
    identity_id: &str,
    credential_id: &[u8],
    result: &webauthn_rs::prelude::AuthenticationResult,
) {
    if let Some(key) = store
        .identities
        .get_mut(identity_id)
        .and_then(|i| i.keys.iter_mut().find(|k| k.id == credential_id))
    {
        match &mut key.key {
            Key::Passkey(passkey) => {
                passkey.update_credential(result);
            }
            Key::SecurityKey(security_key) => {
                security_key.update_credential(result);
            }
        }
    }
}

/// Registration with a passkey (`passkey_register`) and the traits.
pub fn passkey_registration(
    store: &Store,
    flow: &mut FlowRecord,
    form: &Form,
) -> Verdict<IdentityRecord> {
    let config = store.config.clone();
    let traits = schema::traits_from_form(form);
    flow.ui.clear_messages();
    for (field, message) in schema::validate(&traits) {
        flow.ui.add_field_message(&field, message);
    }
    let email = traits
        .get("email")
        .and_then(|e| e.as_str())
        .unwrap_or_default()
        .to_owned();
    if store.identity_by_email(&email).is_some() {
        flow.ui.messages.push(text::duplicate_credentials());
    }
    if flow.ui.has_errors() {
        return Verdict::Invalid;
    }
    let verified = (|| {
        let credential: RegisterPublicKeyCredential = parse(form, "passkey_register")?;
        let (state, user) = flow.ceremonies.passkey_registration.take()?;
        let passkey = webauthn::relying_party(&config)?
            .finish_passkey_registration(&credential, &state)
            .ok()?;
        Some((passkey, user))
    })();
    match verified {
        Some((passkey, user)) if !credential_in_use(store, &bytes(passkey.cred_id())) => {
            let mut identity = IdentityRecord::with_id(user, traits);
            identity.keys.push(KeyCredential {
                id: bytes(passkey.cred_id()),
                key: Key::Passkey(passkey),
                display_name: email,
                added_at: now(),
                passkey: true,
            });
            Verdict::Verified(identity)
        }
        _ => {
            let fresh = webauthn::passkey_registration_nodes(&config, flow);
            refresh_nodes(flow, NodeGroup::Passkey, fresh);
            Verdict::Failed(invalid())
        }
    }
}

fn credential_in_use(store: &Store, id: &[u8]) -> bool {
    store
        .identities
        .values()
        .any(|i| i.keys.iter().any(|k| k.id == id))
}

fn from_hex(text: &str) -> Option<Vec<u8>> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// Settings: add (`webauthn_register` + `webauthn_register_displayname`) or
/// remove (`webauthn_remove=<hex id>`) a security key.
pub fn webauthn_settings(store: &mut Store, flow: &mut FlowRecord, form: &Form) -> Verdict<()> {
    let identity_id = flow.identity_id.clone().unwrap_or_default();
    if let Some(remove) = form.text("webauthn_remove").and_then(|h| from_hex(&h)) {
        if let Some(identity) = store.identities.get_mut(&identity_id) {
            identity.keys.retain(|k| k.passkey || k.id != remove);
        }
        return Verdict::Verified(());
    }
    let config = store.config.clone();
    let verified = (|| {
        let credential: RegisterPublicKeyCredential = parse(form, "webauthn_register")?;
        let state = flow.ceremonies.security_key_registration.take()?;
        webauthn::relying_party(&config)?
            .finish_securitykey_registration(&credential, &state)
            .ok()
    })();
    match verified {
        Some(key) if !credential_in_use(store, &bytes(key.cred_id())) => {
            let name = form
                .text("webauthn_register_displayname")
                .unwrap_or_else(|| "Security key".into());
            if let Some(identity) = store.identities.get_mut(&identity_id) {
                identity.keys.push(KeyCredential {
                    id: bytes(key.cred_id()),
                    key: Key::SecurityKey(key),
                    display_name: name,
                    added_at: now(),
                    passkey: false,
                });
            }
            Verdict::Verified(())
        }
        _ => Verdict::Failed(text::error_with(
            4000001,
            "The security key could not be verified, please try again.",
            json!({"reason": "The security key could not be verified, please try again."}),
        )),
    }
}

/// Settings: add (`passkey_settings_register`) or remove (`passkey_remove`) a passkey.
pub fn passkey_settings(store: &mut Store, flow: &mut FlowRecord, form: &Form) -> Verdict<()> {
    let identity_id = flow.identity_id.clone().unwrap_or_default();
    if let Some(remove) = form.text("passkey_remove").and_then(|h| from_hex(&h)) {
        let last = store
            .identities
            .get(&identity_id)
            .is_some_and(|i| i.first_factors() <= 1);
        if last {
            return Verdict::Refused(text::generic_error(
                "You can not remove this sign in method because it is the last one.",
            ));
        }
        if let Some(identity) = store.identities.get_mut(&identity_id) {
            identity.keys.retain(|k| !k.passkey || k.id != remove);
        }
        return Verdict::Verified(());
    }
    let config = store.config.clone();
    let verified = (|| {
        let credential: RegisterPublicKeyCredential = parse(form, "passkey_settings_register")?;
        let (state, _) = flow.ceremonies.passkey_registration.take()?;
        webauthn::relying_party(&config)?
            .finish_passkey_registration(&credential, &state)
            .ok()
    })();
    match verified {
        Some(passkey) if !credential_in_use(store, &bytes(passkey.cred_id())) => {
            if let Some(identity) = store.identities.get_mut(&identity_id) {
                let name = identity.email();
                identity.keys.push(KeyCredential {
                    id: bytes(passkey.cred_id()),
                    key: Key::Passkey(passkey),
                    display_name: name,
                    added_at: now(),
                    passkey: true,
                });
            }
            Verdict::Verified(())
        }
        _ => Verdict::Failed(invalid()),
    }
}
