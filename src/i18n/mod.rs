//! Turning Kratos messages (and the library's own phrases) into text, in
//! the user's language.
//!
//! Components never print `UiText::text` directly: they ask the
//! [`Translator`] in context. It translates Kratos messages by id with
//! their `context` filled in (`{property}`, counts, dates in the user's
//! locale), falls back to English, then to Kratos's own text — a raw id is
//! never shown — and lets an app override any message or phrase.
//!
//! English is always compiled in; the other locales are cargo features
//! (`locale-de`, `locale-fr`, `locale-es`, `locale-pt`, `locale-ja`, or
//! `locales` for all), so only the chosen ones end up in the bundle.
//!
//! ## Usage
//!
//! ```
//! use leptos_kratos::i18n::{Phrase, Translator};
//! use leptos_kratos::model::UiText;
//!
//! let translator = Translator::for_languages(&["de-CH", "en"]);
//! let missing = UiText {
//!     id: 4000002,
//!     text: "Property email is missing.".into(),
//!     context: Some(serde_json::json!({"property": "email"})),
//!     ..Default::default()
//! };
//! // Without the `locale-de` feature this is the English catalogue's text.
//! assert!(!translator.message(&missing).is_empty());
//! assert!(!translator.phrase(Phrase::LoginTitle).is_empty());
//! ```

pub mod format;
mod locales;

use std::sync::Arc;

use crate::model::UiText;

pub use locales::{Locale, available_locales};

mod phrase;

pub use phrase::Phrase;

impl Phrase {
    /// The English text.
    pub fn english(self) -> &'static str {
        locales::ENGLISH.phrase(self).unwrap_or_default()
    }
}

type MessageFn = dyn Fn(&UiText) -> Option<String> + Send + Sync;
type PhraseFn = dyn Fn(Phrase) -> Option<String> + Send + Sync;

/// Turns messages and phrases into text for one locale. Cheap to clone;
/// provide one with `leptos::prelude::provide_context`.
#[derive(Clone)]
pub struct Translator {
    locale: &'static Locale,
    message: Option<Arc<MessageFn>>,
    phrase: Option<Arc<PhraseFn>>,
}

impl Default for Translator {
    /// English.
    fn default() -> Self {
        Self::for_locale(locales::ENGLISH)
    }
}

impl std::fmt::Debug for Translator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Translator")
            .field("locale", &self.locale.tag)
            .finish_non_exhaustive()
    }
}

impl Translator {
    /// A translator for a locale.
    pub fn for_locale(locale: &'static Locale) -> Self {
        Self {
            locale,
            message: None,
            phrase: None,
        }
    }

    /// A translator for the first of the user's languages (BCP 47 tags such
    /// as `de-CH`, best first) that is compiled in; English otherwise.
    pub fn for_languages(languages: &[&str]) -> Self {
        Self::for_locale(locales::negotiate(languages))
    }

    /// The locale's tag (`en`, `de`, ...).
    pub fn locale(&self) -> &'static str {
        self.locale.tag
    }

    /// Overrides messages: `message` is consulted first for every Kratos
    /// message; returning `None` falls back to the catalogue.
    pub fn with_messages(
        mut self,
        message: impl Fn(&UiText) -> Option<String> + Send + Sync + 'static,
    ) -> Self {
        self.message = Some(Arc::new(message));
        self
    }

    /// Overrides phrases: `phrase` is consulted first for the library's own
    /// phrases; returning `None` falls back to the catalogue.
    pub fn with_phrases(
        mut self,
        phrase: impl Fn(Phrase) -> Option<String> + Send + Sync + 'static,
    ) -> Self {
        self.phrase = Some(Arc::new(phrase));
        self
    }

    /// The text to show for a Kratos message: the override, else this
    /// locale's template, else the English one, else Kratos's own text.
    pub fn message(&self, text: &UiText) -> String {
        if let Some(overridden) = self.message.as_ref().and_then(|translate| translate(text)) {
            return overridden;
        }
        let now = now_unix();
        [self.locale, locales::ENGLISH]
            .iter()
            .filter_map(|locale| locale.message(text.id))
            .find_map(|template| {
                format::interpolate(template, text.context.as_ref(), self.locale.tag, now)
            })
            .filter(|filled| !filled.trim().is_empty())
            .unwrap_or_else(|| text.text.clone())
    }

    /// The text to show for one of the library's phrases.
    pub fn phrase(&self, phrase: Phrase) -> String {
        self.phrase
            .as_ref()
            .and_then(|translate| translate(phrase))
            .or_else(|| self.locale.phrase(phrase).map(str::to_owned))
            .unwrap_or_else(|| phrase.english().to_owned())
    }
}

fn now_unix() -> f64 {
    #[cfg(all(target_arch = "wasm32", feature = "ui"))]
    {
        js_sys::Date::now() / 1000.0
    }
    #[cfg(not(all(target_arch = "wasm32", feature = "ui")))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or_default()
    }
}

/// The browser's preferred languages (`navigator.languages`).
#[cfg(feature = "ui")]
pub fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|window| {
            window
                .navigator()
                .languages()
                .iter()
                .filter_map(|language| language.as_string())
                .collect()
        })
        .unwrap_or_default()
}

/// The translator in context, or English.
#[cfg(feature = "ui")]
pub fn use_translator() -> Translator {
    leptos::prelude::use_context::<Translator>().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn text(id: i64, text: &str, context: Option<serde_json::Value>) -> UiText {
        UiText {
            id,
            text: text.into(),
            context,
            ..Default::default()
        }
    }

    #[test]
    fn english_interpolates_and_falls_back_to_kratos() {
        let english = Translator::default();
        assert_eq!(
            english.message(&text(
                4000002,
                "Property email is missing.",
                Some(json!({"property": "email"}))
            )),
            "Property email is missing."
        );
        // A context value missing: the server's own text.
        assert_eq!(
            english.message(&text(4000002, "Server says so.", None)),
            "Server says so."
        );
        // An id nobody knows: the server's own text, never the id.
        assert_eq!(
            english.message(&text(9999999, "Brand new message", None)),
            "Brand new message"
        );
        assert_eq!(english.phrase(Phrase::LoginTitle), "Sign in");
    }

    #[test]
    fn overrides_come_first() {
        let custom = Translator::default()
            .with_messages(|t| (t.id == 4000006).then(|| "Nope.".into()))
            .with_phrases(|p| (p == Phrase::LoginTitle).then(|| "Log in".into()));
        assert_eq!(custom.message(&text(4000006, "x", None)), "Nope.");
        assert_eq!(custom.phrase(Phrase::LoginTitle), "Log in");
        assert_eq!(custom.phrase(Phrase::SignOut), "Sign out");
    }

    #[test]
    fn every_locale_is_complete() {
        let english_ids: Vec<i64> = locales::ENGLISH
            .messages
            .iter()
            .map(|(id, _)| i64::from(*id))
            .collect();
        for locale in available_locales() {
            for phrase in Phrase::ALL {
                assert!(
                    locale.phrase(phrase).is_some(),
                    "{}: {phrase:?}",
                    locale.tag
                );
            }
            for id in &english_ids {
                let template = locale
                    .message(*id)
                    .unwrap_or_else(|| panic!("{}: message {id}", locale.tag));
                // The same placeholders as English, so every context fills them.
                let english = locales::ENGLISH.message(*id).unwrap_or_default();
                let mut expected = placeholders(english);
                let mut actual = placeholders(template);
                expected.sort();
                actual.sort();
                expected.dedup();
                actual.dedup();
                assert_eq!(actual, expected, "{}: placeholders of {id}", locale.tag);
            }
            assert_eq!(
                locale.messages.len(),
                english_ids.len(),
                "{}: no extra messages",
                locale.tag
            );
        }
    }

    fn placeholders(template: &str) -> Vec<&str> {
        template
            .split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name))
            .collect()
    }

    #[test]
    fn languages_are_negotiated() {
        assert_eq!(Translator::for_languages(&["xx-YY"]).locale(), "en");
        assert_eq!(Translator::for_languages(&[]).locale(), "en");
        for locale in available_locales() {
            let tag = format!("{}-XX", locale.tag);
            assert_eq!(
                Translator::for_languages(&["xx", &tag]).locale(),
                locale.tag
            );
        }
    }
}
