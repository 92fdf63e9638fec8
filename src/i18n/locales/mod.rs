//! The compiled-in locales: tables generated at build time from the
//! JSON files beside this one (see `src/i18n/build.rs`), one per language.

use super::phrase::Phrase;

/// A language: Kratos's messages by id and the library's phrases.
#[derive(Debug)]
pub struct Locale {
    /// The BCP 47 tag (`en`, `de`, `pt`, ...).
    pub tag: &'static str,
    /// The language's own name (for language pickers).
    pub name: &'static str,
    /// Message templates by Kratos message id, sorted by id (ids are
    /// seven digits: `u32` keeps the tables small).
    pub messages: &'static [(u32, &'static str)],
    /// Phrases of the library, in the order of [`Phrase::ALL`].
    pub phrases: &'static [&'static str],
}

impl Locale {
    /// The template for a message id.
    pub fn message(&self, id: i64) -> Option<&'static str> {
        let id = u32::try_from(id).ok()?;
        self.messages
            .binary_search_by_key(&id, |(message, _)| *message)
            .ok()
            .map(|index| self.messages[index].1)
    }

    /// The text of a phrase.
    pub fn phrase(&self, phrase: Phrase) -> Option<&'static str> {
        self.phrases.get(phrase as usize).copied()
    }
}

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// English, always compiled in.
pub static ENGLISH: &Locale = &EN;

/// The locales compiled into this build, English first.
pub fn available_locales() -> &'static [&'static Locale] {
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
        .unwrap_or(ENGLISH)
}
