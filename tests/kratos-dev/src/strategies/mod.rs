//! The methods (Kratos's strategies) under the flows: each builds its nodes
//! and checks what was submitted for it, and tells the flow the verdict;
//! none completes a flow or knows which flows exist beyond their kind.

pub mod code;
pub mod oidc;
pub mod passkey;
pub mod password;
pub mod totp;
pub mod webauthn;
