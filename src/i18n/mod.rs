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
//! (`locale-de`, `locale-es`, `locale-fr`, `locale-it`, `locale-ja`,
//! `locale-ko`, `locale-nl`, `locale-pl`, `locale-pt`, `locale-sv`,
//! `locale-zh-hans`, or `locales` for all), so only the chosen ones end up
//! in the bundle. A [`Catalogue`] read at run time (JSON in the same
//! format) adds a language or rewords one without rebuilding.
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

mod catalogue;
pub mod format;
mod locales;

use std::sync::Arc;

use crate::model::UiText;

pub use catalogue::Catalogue;
pub use locales::{Locale, available_locales, best_match, find as compiled_locale, locale_files};

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
    catalogue: Option<Arc<Catalogue>>,
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
            catalogue: None,
            message: None,
            phrase: None,
        }
    }

    /// A translator for the first of the user's languages (BCP 47 tags such
    /// as `de-CH`, best first) that is compiled in; English otherwise.
    pub fn for_languages(languages: &[&str]) -> Self {
        Self::for_locale(locales::negotiate(languages))
    }

    /// A translator for the first of the user's languages that either a
    /// catalogue read at run time or a compiled-in locale has; English
    /// otherwise. A catalogue comes before the compiled-in locale of its
    /// language, which fills in what it lacks.
    pub fn negotiate(languages: &[&str], catalogues: Vec<Catalogue>) -> Self {
        let tags: Vec<&str> = catalogues.iter().map(Catalogue::tag).collect();
        let mut chosen = None;
        for language in languages {
            if let Some(tag) = locales::best_match(language, &tags) {
                chosen = tags.iter().position(|t| *t == tag).map(Ok);
                break;
            }
            if let Some(locale) = locales::find(language) {
                chosen = Some(Err(locale));
                break;
            }
        }
        match chosen {
            Some(Ok(index)) => {
                let catalogue = catalogues.into_iter().nth(index).unwrap_or_default();
                // The compiled-in locale of the same language fills in what
                // the catalogue lacks (English when there is none).
                let compiled = locales::negotiate(&[catalogue.tag()]);
                Self::for_locale(compiled).with_catalogue(catalogue)
            }
            Some(Err(locale)) => Self::for_locale(locale),
            None => Self::default(),
        }
    }

    /// Consults `catalogue` (read at run time) before the compiled-in
    /// locale; its tag becomes the translator's language.
    pub fn with_catalogue(mut self, catalogue: Catalogue) -> Self {
        self.catalogue = Some(Arc::new(catalogue));
        self
    }

    /// Rewords texts of this translator's language: `texts` is an object
    /// in Ory's key format (`identities.messages.<id>`, `lk.<phrase>`), on
    /// top of what the translator has; other entries are skipped.
    ///
    /// ```
    /// use leptos_kratos::i18n::{Phrase, Translator};
    /// let texts = serde_json::json!({ "lk.sign-out": "Log off", "lk.nonsense": 1 });
    /// let translator = Translator::default().with_texts(&texts);
    /// assert_eq!(translator.phrase(Phrase::SignOut), "Log off");
    /// assert_eq!(translator.locale(), "en");
    /// ```
    pub fn with_texts(mut self, texts: &serde_json::Value) -> Self {
        let texts = Catalogue::from_json(self.locale(), texts);
        let merged = match self.catalogue.take() {
            Some(catalogue) => Catalogue::clone(&catalogue).overlay(texts),
            None => texts,
        };
        self.with_catalogue(merged)
    }

    /// The language's tag (`en`, `de`, `nl`, ...).
    pub fn locale(&self) -> &str {
        match &self.catalogue {
            Some(catalogue) if !catalogue.tag().is_empty() => catalogue.tag(),
            _ => self.locale.tag,
        }
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
        let tag = self.locale();
        let custom = self.catalogue.as_ref().and_then(|c| c.message(text.id));
        custom
            .into_iter()
            .chain(
                [self.locale, locales::ENGLISH]
                    .iter()
                    .filter_map(|locale| locale.message(text.id)),
            )
            .find_map(|template| format::interpolate(template, text.context.as_ref(), tag, now))
            .filter(|filled| !filled.trim().is_empty())
            .unwrap_or_else(|| text.text.clone())
    }

    /// The text to show for one of the library's phrases.
    pub fn phrase(&self, phrase: Phrase) -> String {
        self.phrase
            .as_ref()
            .and_then(|translate| translate(phrase))
            .or_else(|| {
                let custom = self.catalogue.as_ref().and_then(|c| c.phrase(phrase));
                custom
                    .or_else(|| self.locale.phrase(phrase))
                    .map(str::to_owned)
            })
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

/// The language tags of a list such as `"de-CH, en"`, best first (blank
/// entries left out).
///
/// ```
/// use leptos_kratos::i18n::language_list;
/// assert_eq!(language_list(" de-CH, en ,"), ["de-CH", "en"]);
/// assert!(language_list("").is_empty());
/// ```
pub fn language_list(list: &str) -> Vec<String> {
    list.split(',')
        .map(|tag| tag.trim().to_owned())
        .filter(|tag| !tag.is_empty())
        .collect()
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

    #[test]
    fn catalogues_are_negotiated_with_the_compiled_locales() {
        let catalogue = |tag: &str| Catalogue::from_json(tag, &json!({"lk.sign-out": tag}));
        // (user's languages, catalogues, chosen language, "Sign out" says)
        let cases: [(&[&str], &[&str], &str, &str); 7] = [
            (&["nl-BE", "en"], &["nl"], "nl", "nl"),
            (&["fr-CA"], &["nl"], locales::negotiate(&["fr"]).tag, ""),
            (&["xx"], &["nl"], "en", "Sign out"),
            (&[], &["nl"], "en", "Sign out"),
            (&["en-GB"], &["en"], "en", "en"),
            (&["nl"], &[], locales::negotiate(&["nl"]).tag, ""),
            (&["sv", "nl"], &["nl", "sv"], "sv", "sv"),
        ];
        for (languages, tags, locale, sign_out) in cases {
            let translator =
                Translator::negotiate(languages, tags.iter().map(|tag| catalogue(tag)).collect());
            assert_eq!(translator.locale(), locale, "{languages:?} {tags:?}");
            if !sign_out.is_empty() {
                assert_eq!(translator.phrase(Phrase::SignOut), sign_out);
            }
        }
        // A compiled-in locale the user prefers wins over a later catalogue.
        for compiled in available_locales() {
            let translator = Translator::negotiate(&[compiled.tag, "nl"], vec![catalogue("nl")]);
            assert_eq!(translator.locale(), compiled.tag);
        }
    }

    #[test]
    fn a_catalogue_comes_first_and_falls_back_to_english() {
        let translator = Translator::default().with_catalogue(Catalogue::from_json(
            "nl",
            &json!({"identities.messages.4000002": "Eigenschap {property} ontbreekt."}),
        ));
        let missing = text(4000002, "x", Some(json!({"property": "email"})));
        assert_eq!(translator.message(&missing), "Eigenschap email ontbreekt.");
        // Not in the catalogue: English, never an id.
        assert_eq!(
            translator.message(&text(1010001, "Sign in", None)),
            "Sign in"
        );
        assert_eq!(translator.phrase(Phrase::LoginTitle), "Sign in");
    }
}
