//! Submissions of WebAuthn and passkey ceremonies.
//!
//! The nodes, options and `webauthn.js` are complete; verifying the signed
//! credentials is the WebAuthn issue's work. Until then every ceremony is
//! answered as Kratos answers an invalid one (400 with message 4000043),
//! never as a success.

use axum::response::Response;

use crate::flows::fail_with;
use crate::http::{Ctx, Form};
use crate::store::{FlowRecord, Store};
use crate::text;

fn invalid() -> leptos_kratos::model::UiText {
    text::error(
        4000043,
        "The provided web authn login is invalid, please try again.",
    )
}

/// Login with a passkey (`passkey_login`).
pub fn passkey_login(store: &mut Store, ctx: &mut Ctx, flow: FlowRecord, _form: &Form) -> Response {
    fail_with(store, ctx, flow, invalid())
}

/// Second factor with a security key (`webauthn_login`).
pub fn webauthn_login(
    store: &mut Store,
    ctx: &mut Ctx,
    flow: FlowRecord,
    _form: &Form,
) -> Response {
    fail_with(store, ctx, flow, invalid())
}

/// Registration with a passkey (`passkey_register`).
pub fn passkey_registration(
    store: &mut Store,
    ctx: &mut Ctx,
    flow: FlowRecord,
    _form: &Form,
) -> Response {
    fail_with(store, ctx, flow, invalid())
}

/// Settings: add or remove a security key.
pub fn webauthn_settings(
    store: &mut Store,
    ctx: &mut Ctx,
    flow: FlowRecord,
    _form: &Form,
) -> Response {
    fail_with(store, ctx, flow, invalid())
}

/// Settings: add or remove a passkey.
pub fn passkey_settings(
    store: &mut Store,
    ctx: &mut Ctx,
    flow: FlowRecord,
    _form: &Form,
) -> Response {
    fail_with(store, ctx, flow, invalid())
}
