//! The methods (Kratos's strategies) under the flows: each builds its nodes
//! and checks what was submitted for it, and tells the flow the verdict;
//! none completes a flow or knows which flows exist beyond their kind.

pub mod code;
pub mod lookup;
pub mod oidc;
pub mod passkey;
pub mod password;
pub mod totp;
pub mod webauthn;

use leptos_kratos::model::UiText;

/// What a method made of a submission; the flow completes or re-renders
/// itself accordingly.
#[derive(Debug)]
pub enum Verdict<T> {
    /// Verified; the flow goes on with this.
    Verified(T),
    /// Not verified: show this message (the flow's nodes already carry
    /// fresh challenges where a new attempt needs them).
    Failed(UiText),
    /// Not allowed (e.g. removing the last sign-in method): show this message.
    Refused(UiText),
    /// The submitted traits are invalid; their messages are on the flow's nodes.
    Invalid,
}

impl<T> Verdict<T> {
    /// The verified value changed by `f`; the other verdicts as they are.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Verdict<U> {
        match self {
            Self::Verified(value) => Verdict::Verified(f(value)),
            Self::Failed(message) => Verdict::Failed(message),
            Self::Refused(message) => Verdict::Refused(message),
            Self::Invalid => Verdict::Invalid,
        }
    }
}
