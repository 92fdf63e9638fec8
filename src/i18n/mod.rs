//! Turning Kratos messages (and the library's own phrases) into text.
//!
//! Components never print `UiText::text` directly: they ask the
//! [`Translator`] in context, so an app can translate by message id (with
//! the message's `context` at hand) or override any message. Without one,
//! Kratos's own English text is shown.

use std::sync::Arc;

use crate::model::UiText;

/// Phrases the library itself shows (not sent by Kratos).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Phrase {
    /// Heading of the login page.
    LoginTitle,
    /// Heading of the registration page.
    RegistrationTitle,
    /// Heading of the recovery page.
    RecoveryTitle,
    /// Heading of the verification page.
    VerificationTitle,
    /// Heading of the settings page.
    SettingsTitle,
    /// Heading of the error page.
    ErrorTitle,
    /// Shown while a flow loads.
    Loading,
    /// Link back to a fresh flow after an error.
    StartOver,
    /// Link to the home page.
    Home,
    /// Shown when Kratos could not be reached or answered nonsense.
    Unreachable,
    /// Link to the registration page from login.
    NoAccount,
    /// Link to the login page from registration.
    HaveAccount,
    /// Link to the recovery page from login.
    ForgotPassword,
    /// Heading of the home page.
    Welcome,
    /// Before the signed-in user's name on the home page.
    SignedInAs,
    /// The home page when nobody is signed in.
    NotSignedIn,
    /// The home page when the session needs a second factor.
    SecondFactor,
    /// The sign-out button.
    SignOut,
    /// A generic "continue" action.
    Continue,
    /// A script node (e.g. `webauthn.js`) could not be loaded.
    ScriptFailed,
    /// Retry a failed action.
    TryAgain,
}

impl Phrase {
    /// The English text.
    pub fn english(self) -> &'static str {
        match self {
            Self::LoginTitle => "Sign in",
            Self::RegistrationTitle => "Create an account",
            Self::RecoveryTitle => "Recover your account",
            Self::VerificationTitle => "Verify your account",
            Self::SettingsTitle => "Account settings",
            Self::ErrorTitle => "Something went wrong",
            Self::Loading => "Loading…",
            Self::StartOver => "Start over",
            Self::Home => "Home",
            Self::Unreachable => {
                "The authentication service could not be reached. Please try again."
            }
            Self::NoAccount => "Don't have an account? Sign up",
            Self::HaveAccount => "Already have an account? Sign in",
            Self::ForgotPassword => "Forgot your password?",
            Self::Welcome => "Welcome",
            Self::SignedInAs => "Signed in as",
            Self::NotSignedIn => "You are not signed in.",
            Self::SecondFactor => {
                "Your account is protected by a second factor. Please complete it to continue."
            }
            Self::SignOut => "Sign out",
            Self::Continue => "Continue",
            Self::ScriptFailed => {
                "Passkeys and security keys are unavailable: their script could not be loaded."
            }
            Self::TryAgain => "Try again",
        }
    }
}

type MessageFn = dyn Fn(&UiText) -> Option<String> + Send + Sync;
type PhraseFn = dyn Fn(Phrase) -> Option<String> + Send + Sync;

/// Turns messages and phrases into text. Cheap to clone; provide one with
/// `leptos::prelude::provide_context` to translate or override texts.
#[derive(Clone, Default)]
pub struct Translator {
    message: Option<Arc<MessageFn>>,
    phrase: Option<Arc<PhraseFn>>,
}

impl std::fmt::Debug for Translator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Translator").finish_non_exhaustive()
    }
}

impl Translator {
    /// A translator that consults `message` first for every Kratos message;
    /// returning `None` falls back to Kratos's own text.
    pub fn with_messages(
        mut self,
        message: impl Fn(&UiText) -> Option<String> + Send + Sync + 'static,
    ) -> Self {
        self.message = Some(Arc::new(message));
        self
    }

    /// A translator that consults `phrase` first for the library's own
    /// phrases; returning `None` falls back to English.
    pub fn with_phrases(
        mut self,
        phrase: impl Fn(Phrase) -> Option<String> + Send + Sync + 'static,
    ) -> Self {
        self.phrase = Some(Arc::new(phrase));
        self
    }

    /// The text to show for a Kratos message.
    pub fn message(&self, text: &UiText) -> String {
        self.message
            .as_ref()
            .and_then(|translate| translate(text))
            .unwrap_or_else(|| text.text.clone())
    }

    /// The text to show for one of the library's phrases.
    pub fn phrase(&self, phrase: Phrase) -> String {
        self.phrase
            .as_ref()
            .and_then(|translate| translate(phrase))
            .unwrap_or_else(|| phrase.english().to_owned())
    }
}

/// The translator in context, or the default (Kratos's English texts).
#[cfg(feature = "ui")]
pub fn use_translator() -> Translator {
    leptos::prelude::use_context::<Translator>().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::UiText;

    #[test]
    fn falls_back_to_kratos_text_and_english() {
        let text = UiText {
            id: 4000006,
            text: "The provided credentials are invalid".into(),
            ..Default::default()
        };
        let plain = Translator::default();
        assert_eq!(plain.message(&text), "The provided credentials are invalid");
        assert_eq!(plain.phrase(Phrase::LoginTitle), "Sign in");

        let german = Translator::default()
            .with_messages(|t| (t.id == 4000006).then(|| "Die Anmeldedaten sind ungültig".into()))
            .with_phrases(|p| (p == Phrase::LoginTitle).then(|| "Anmelden".into()));
        assert_eq!(german.message(&text), "Die Anmeldedaten sind ungültig");
        assert_eq!(german.phrase(Phrase::LoginTitle), "Anmelden");
        assert_eq!(german.phrase(Phrase::Home), "Home");
    }
}
