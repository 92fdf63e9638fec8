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

/// The tags of every language file that comes with the library
/// (`src/i18n/locales/<tag>.json`), compiled in or not: the drop-in app
/// serves them as data (`locales/<tag>.json`) and fetches the one it needs.
pub fn locale_files() -> &'static [&'static str] {
    FILES
}

/// English, always compiled in.
pub static ENGLISH: &Locale = &EN;

/// The locales compiled into this build, English first.
pub fn available_locales() -> &'static [&'static Locale] {
    LOCALES
}

/// The first compiled-in locale matching the user's languages (by tag, then
/// by primary language: `pt-BR` → `pt`, `zh-CN` → `zh-Hans`), else English.
pub fn negotiate(languages: &[&str]) -> &'static Locale {
    languages
        .iter()
        .find_map(|language| find(language))
        .unwrap_or(ENGLISH)
}

/// The compiled-in locale for one language tag, if any.
pub fn find(language: &str) -> Option<&'static Locale> {
    let tags: Vec<&str> = available_locales().iter().map(|l| l.tag).collect();
    let tag = best_match(language, &tags)?;
    available_locales().iter().find(|l| l.tag == tag).copied()
}

/// Of `tags`, the one for `language`: the same tag (any case), else the
/// same primary language (`pt-BR` and `pt`, `zh-CN` and `zh-Hans`).
pub fn best_match<'a>(language: &str, tags: &[&'a str]) -> Option<&'a str> {
    let language = language.trim();
    let primary = |tag: &str| {
        tag.split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    if language.is_empty() {
        return None;
    }
    tags.iter()
        .find(|tag| tag.eq_ignore_ascii_case(language))
        .or_else(|| tags.iter().find(|tag| primary(tag) == primary(language)))
        .copied()
}
