//! The development server against the response tables of Kratos's browser
//! flows, one module per flow (statuses, error ids, bodies, as Kratos's handlers answer), over
//! real HTTP on loopback. Every JSON answer is also checked against the
//! Kratos OpenAPI spec (see `common::Kratos::send`).

#[path = "../common/mod.rs"]
mod common;

mod dev_server;
mod faults;
mod hydra;
mod login;
mod negotiation;
mod oidc;
mod recovery;
mod registration;
mod second_factor;
mod sessions;
mod settings;
mod verification;
mod webauthn;
