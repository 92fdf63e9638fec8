//! WebAuthn ceremonies run from Rust with `navigator.credentials`, without
//! loading Kratos's `webauthn.js` (for strict Content-Security-Policies).
//!
//! Same contract as the script: options from the trigger's value (security
//! keys), `passkey_challenge` or `passkey_create_data` (passkeys); the
//! credential as JSON (base64url fields) in `webauthn_login`,
//! `webauthn_register`, `passkey_login`, `passkey_register` or
//! `passkey_settings_register`; then the form is submitted.

use js_sys::{Array, Object, Reflect, Uint8Array};
use serde_json::{Value, json};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlFormElement, HtmlInputElement};

use super::base64url;
use crate::model::WebAuthnTrigger;

/// Runs the ceremony a trigger names, writes the result into the form and
/// submits it. `options` is the trigger's own value (security keys).
pub async fn run(
    trigger: &WebAuthnTrigger,
    form: &HtmlFormElement,
    options: Option<Value>,
) -> Result<(), String> {
    match trigger {
        WebAuthnTrigger::OryWebAuthnLogin => {
            let options = options.ok_or("the security key options are missing")?;
            let credential = get(&options, false, None).await?;
            finish(form, "webauthn_login", &assertion_json(&credential)?)
        }
        WebAuthnTrigger::OryWebAuthnRegistration => {
            let options = options.ok_or("the security key options are missing")?;
            let credential = create(&options).await?;
            finish(form, "webauthn_register", &attestation_json(&credential)?)
        }
        WebAuthnTrigger::OryPasskeyLogin => {
            let options = field_json(form, "passkey_challenge")?;
            let credential = get(&options, false, None).await?;
            finish(form, "passkey_login", &assertion_json(&credential)?)
        }
        WebAuthnTrigger::OryPasskeyLoginAutocompleteInit => {
            if field(form, "identifier").is_none() || !conditional_mediation_available().await {
                return Ok(());
            }
            let options = field_json(form, "passkey_challenge")?;
            let abort = web_sys::AbortController::new().map_err(describe)?;
            let credential = get(&options, true, Some(&abort.signal())).await?;
            finish(form, "passkey_login", &assertion_json(&credential)?)
        }
        WebAuthnTrigger::OryPasskeyRegistration => {
            let data = field_json(form, "passkey_create_data")?;
            let mut options = data
                .get("credentialOptions")
                .cloned()
                .ok_or("passkey options are missing")?;
            let names: Vec<String> = data
                .get("displayNameFieldNames")
                .and_then(Value::as_array)
                .map(|names| {
                    names
                        .iter()
                        .filter_map(|n| n.as_str().map(str::to_owned))
                        .collect()
                })
                .or_else(|| {
                    data.get("displayNameFieldName")
                        .and_then(Value::as_str)
                        .map(|n| vec![n.to_owned()])
                })
                .unwrap_or_default();
            let display_name = names
                .iter()
                .filter_map(|name| field(form, name).map(|input| input.value()))
                .find(|value| !value.is_empty())
                .unwrap_or_default();
            if let Some(user) = options
                .pointer_mut("/publicKey/user")
                .and_then(Value::as_object_mut)
            {
                user.insert("name".into(), json!(display_name));
                user.insert("displayName".into(), json!(display_name));
            }
            let credential = create(&options).await?;
            finish(form, "passkey_register", &attestation_json(&credential)?)
        }
        WebAuthnTrigger::OryPasskeySettingsRegistration => {
            let options = field_json(form, "passkey_create_data")?;
            let credential = create(&options).await?;
            finish(
                form,
                "passkey_settings_register",
                &attestation_json(&credential)?,
            )
        }
        WebAuthnTrigger::Unknown(name) => Err(format!("unknown WebAuthn function {name}")),
    }
}

fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the authenticator did not answer".into())
}

fn field(form: &HtmlFormElement, name: &str) -> Option<HtmlInputElement> {
    form.query_selector(&format!("[name=\"{name}\"]"))
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<HtmlInputElement>().ok())
}

fn field_json(form: &HtmlFormElement, name: &str) -> Result<Value, String> {
    let input = field(form, name).ok_or_else(|| format!("the form has no {name}"))?;
    serde_json::from_str(&input.value()).map_err(|e| format!("{name} is not JSON: {e}"))
}

/// Writes the credential into the result field and submits the form (its
/// submit handler sends it, or the browser posts it natively).
fn finish(form: &HtmlFormElement, result_field: &str, credential: &str) -> Result<(), String> {
    let input =
        field(form, result_field).ok_or_else(|| format!("the form has no {result_field}"))?;
    input.set_value(credential);
    form.request_submit().map_err(describe)
}

fn decode_into(object: &JsValue, key: &str) -> Result<(), String> {
    let value = Reflect::get(object, &key.into()).map_err(describe)?;
    if let Some(text) = value.as_string() {
        let bytes = base64url::decode(&text).ok_or_else(|| format!("{key} is not base64url"))?;
        Reflect::set(object, &key.into(), &Uint8Array::from(bytes.as_slice())).map_err(describe)?;
    }
    Ok(())
}

fn decode_list(public_key: &JsValue, key: &str) -> Result<(), String> {
    let list = Reflect::get(public_key, &key.into()).map_err(describe)?;
    if let Some(list) = list.dyn_ref::<Array>() {
        for item in list.iter() {
            decode_into(&item, "id")?;
        }
    }
    Ok(())
}

/// The options as JavaScript objects, with base64url fields as bytes.
fn public_key_options(options: &Value) -> Result<JsValue, String> {
    let public_key = options
        .get("publicKey")
        .ok_or("the options have no publicKey")?;
    let public_key = js_sys::JSON::parse(&public_key.to_string()).map_err(describe)?;
    decode_into(&public_key, "challenge")?;
    decode_list(&public_key, "allowCredentials")?;
    decode_list(&public_key, "excludeCredentials")?;
    let user = Reflect::get(&public_key, &"user".into()).map_err(describe)?;
    if user.is_object() {
        decode_into(&user, "id")?;
    }
    Ok(public_key)
}

fn credentials() -> Result<web_sys::CredentialsContainer, String> {
    let window = web_sys::window().ok_or("no window")?;
    if Reflect::get(&window, &"PublicKeyCredential".into()).map_or(true, |v| v.is_undefined()) {
        return Err("This browser does not support passkeys or security keys.".into());
    }
    Ok(window.navigator().credentials())
}

async fn get(
    options: &Value,
    conditional: bool,
    signal: Option<&web_sys::AbortSignal>,
) -> Result<JsValue, String> {
    let request = Object::new();
    Reflect::set(&request, &"publicKey".into(), &public_key_options(options)?).map_err(describe)?;
    if conditional {
        Reflect::set(&request, &"mediation".into(), &"conditional".into()).map_err(describe)?;
    }
    if let Some(signal) = signal {
        Reflect::set(&request, &"signal".into(), signal).map_err(describe)?;
    }
    let promise = credentials()?
        .get_with_options(request.unchecked_ref())
        .map_err(describe)?;
    JsFuture::from(promise).await.map_err(describe)
}

async fn create(options: &Value) -> Result<JsValue, String> {
    let request = Object::new();
    Reflect::set(&request, &"publicKey".into(), &public_key_options(options)?).map_err(describe)?;
    let promise = credentials()?
        .create_with_options(request.unchecked_ref())
        .map_err(describe)?;
    JsFuture::from(promise).await.map_err(describe)
}

async fn conditional_mediation_available() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(class) = Reflect::get(&window, &"PublicKeyCredential".into()) else {
        return false;
    };
    let Ok(check) = Reflect::get(&class, &"isConditionalMediationAvailable".into()) else {
        return false;
    };
    let Some(check) = check.dyn_ref::<js_sys::Function>() else {
        return false;
    };
    match check.call0(&class).map(|p| p.dyn_into::<js_sys::Promise>()) {
        Ok(Ok(promise)) => JsFuture::from(promise).await.is_ok_and(|v| v.is_truthy()),
        _ => false,
    }
}

fn bytes(object: &JsValue, key: &str) -> Result<String, String> {
    let value = Reflect::get(object, &key.into()).map_err(describe)?;
    if value.is_null() || value.is_undefined() {
        return Ok(String::new());
    }
    Ok(base64url::encode(&Uint8Array::new(&value).to_vec()))
}

fn text(object: &JsValue, key: &str) -> Result<String, String> {
    Ok(Reflect::get(object, &key.into())
        .map_err(describe)?
        .as_string()
        .unwrap_or_default())
}

/// `{id, rawId, type, response: {authenticatorData, clientDataJSON, signature, userHandle}}`.
fn assertion_json(credential: &JsValue) -> Result<String, String> {
    credential_json(
        credential,
        &[
            "authenticatorData",
            "clientDataJSON",
            "signature",
            "userHandle",
        ],
    )
}

/// `{id, rawId, type, response: {attestationObject, clientDataJSON}}`.
fn attestation_json(credential: &JsValue) -> Result<String, String> {
    credential_json(credential, &["attestationObject", "clientDataJSON"])
}

/// A credential as Kratos reads it: `id`, `type`, and `rawId` plus the
/// named `response` buffers in base64url.
fn credential_json(credential: &JsValue, response_fields: &[&str]) -> Result<String, String> {
    let response = Reflect::get(credential, &"response".into()).map_err(describe)?;
    let mut buffers = serde_json::Map::new();
    for field in response_fields {
        buffers.insert((*field).to_owned(), bytes(&response, field)?.into());
    }
    Ok(json!({
        "id": text(credential, "id")?,
        "rawId": bytes(credential, "rawId")?,
        "type": text(credential, "type")?,
        "response": buffers,
    })
    .to_string())
}
