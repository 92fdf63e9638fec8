//! The compiled-in locales.

use super::Phrase;

#[cfg(feature = "locale-de")]
mod de;
mod en;
#[cfg(feature = "locale-es")]
mod es;
#[cfg(feature = "locale-fr")]
mod fr;
#[cfg(feature = "locale-ja")]
mod ja;
#[cfg(feature = "locale-pt")]
mod pt;

/// A language: Kratos's messages by id and the library's phrases.
#[derive(Debug)]
pub struct Locale {
    /// The BCP 47 tag (`en`, `de`, `pt`, ...).
    pub tag: &'static str,
    /// The language's own name (for language pickers).
    pub name: &'static str,
    /// Message templates by Kratos message id.
    pub messages: &'static [(i64, &'static str)],
    /// Phrases of the library.
    pub phrases: &'static [(Phrase, &'static str)],
}

impl Locale {
    /// The template for a message id.
    pub fn message(&self, id: i64) -> Option<&'static str> {
        self.messages
            .iter()
            .find(|(message, _)| *message == id)
            .map(|(_, text)| *text)
    }

    /// The text of a phrase.
    pub fn phrase(&self, phrase: Phrase) -> Option<&'static str> {
        self.phrases
            .iter()
            .find(|(p, _)| *p == phrase)
            .map(|(_, text)| *text)
    }
}

/// English, always compiled in.
pub static ENGLISH: Locale = Locale {
    tag: "en",
    name: "English",
    messages: en::MESSAGES,
    phrases: en::PHRASES,
};

/// The locales compiled into this build, English first.
pub fn available_locales() -> &'static [&'static Locale] {
    static LOCALES: &[&Locale] = &[
        &ENGLISH,
        #[cfg(feature = "locale-de")]
        &de::LOCALE,
        #[cfg(feature = "locale-fr")]
        &fr::LOCALE,
        #[cfg(feature = "locale-es")]
        &es::LOCALE,
        #[cfg(feature = "locale-pt")]
        &pt::LOCALE,
        #[cfg(feature = "locale-ja")]
        &ja::LOCALE,
    ];
    LOCALES
}

/// The first compiled-in locale matching the user's languages (by tag, then
/// by primary language: `pt-BR` → `pt`), else English.
pub fn negotiate(languages: &[&str]) -> &'static Locale {
    languages
        .iter()
        .find_map(|language| {
            let language = language.trim().to_ascii_lowercase();
            let primary = language.split(['-', '_']).next().unwrap_or_default();
            available_locales()
                .iter()
                .find(|locale| locale.tag == language || locale.tag == primary)
                .copied()
        })
        .unwrap_or(&ENGLISH)
}
