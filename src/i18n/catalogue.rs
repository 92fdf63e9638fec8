//! Translations read at run time, from JSON in the same format as the
//! compiled-in locale files: Kratos's messages under Ory's keys
//! (`identities.messages.<id>`, so translations made for Ory's own UIs can
//! be reused as they are) and the library's phrases under `lk.<name>`.
//!
//! A catalogue may be partial: what it lacks comes from the compiled-in
//! locale of the same language, then from English, then from Kratos's own
//! text (see [`Translator::with_catalogue`](super::Translator::with_catalogue)).
//! Keys it does not know and values that are not strings are skipped one by
//! one, so a file made for another UI (with keys of its own) still works.
//!
//! ## Usage
//!
//! ```
//! use leptos_kratos::i18n::{Catalogue, Phrase, Translator};
//! use leptos_kratos::model::UiText;
//!
//! // A language the library does not ship.
//! let esperanto = Catalogue::from_json(
//!     "eo",
//!     &serde_json::json!({
//!         "identities.messages.1010001": "Ensaluti",
//!         "lk.login-title": "Ensaluti",
//!         "login.title": "a key of another UI: skipped",
//!     }),
//! );
//! let translator = Translator::for_languages(&["eo"]).with_catalogue(esperanto);
//! assert_eq!(translator.locale(), "eo");
//! assert_eq!(translator.phrase(Phrase::LoginTitle), "Ensaluti");
//! let sign_in = UiText { id: 1010001, text: "Sign in".into(), ..Default::default() };
//! assert_eq!(translator.message(&sign_in), "Ensaluti");
//! // Not in the catalogue: English.
//! assert_eq!(translator.phrase(Phrase::SignOut), "Sign out");
//! ```

use serde_json::Value;

use super::phrase::Phrase;

const MESSAGE_PREFIX: &str = "identities.messages.";

/// Messages and phrases of one language, read at run time.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Catalogue {
    tag: String,
    /// Sorted by id.
    messages: Vec<(u32, String)>,
    /// In the order of [`Phrase::ALL`].
    phrases: Vec<Option<String>>,
}

impl Catalogue {
    /// Reads a JSON object of `key: text` pairs for the language `tag`
    /// (BCP 47, e.g. `nl` or `pt-BR`). Anything but an object is an empty
    /// catalogue; entries that are not strings, blank, or under keys this
    /// version does not know are skipped.
    pub fn from_json(tag: &str, value: &Value) -> Self {
        let mut messages = Vec::new();
        let mut phrases = vec![None; Phrase::ALL.len()];
        for (key, text) in value.as_object().into_iter().flatten() {
            let Some(text) = text.as_str().filter(|t| !t.trim().is_empty()) else {
                continue;
            };
            if let Some(id) = key.strip_prefix(MESSAGE_PREFIX) {
                if let Ok(id) = id.parse::<u32>() {
                    messages.push((id, text.to_owned()));
                }
            } else if let Some(phrase) = Phrase::from_key(key) {
                phrases[phrase as usize] = Some(text.to_owned());
            }
        }
        crate::sort::sort_by_key(&mut messages, |(id, _)| *id);
        messages.dedup_by_key(|(id, _)| *id);
        Self {
            tag: tag.trim().to_owned(),
            messages,
            phrases,
        }
    }

    /// This catalogue with `other`'s entries on top (its texts win).
    pub fn overlay(mut self, other: Catalogue) -> Self {
        for (id, text) in other.messages {
            match self
                .messages
                .binary_search_by_key(&id, |(message, _)| *message)
            {
                Ok(index) => self.messages[index].1 = text,
                Err(index) => self.messages.insert(index, (id, text)),
            }
        }
        for (mine, theirs) in self.phrases.iter_mut().zip(other.phrases) {
            if theirs.is_some() {
                *mine = theirs;
            }
        }
        self
    }

    /// The language's tag.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// The template for a Kratos message id.
    pub fn message(&self, id: i64) -> Option<&str> {
        let id = u32::try_from(id).ok()?;
        self.messages
            .binary_search_by_key(&id, |(message, _)| *message)
            .ok()
            .map(|index| self.messages[index].1.as_str())
    }

    /// The text of a phrase.
    pub fn phrase(&self, phrase: Phrase) -> Option<&str> {
        self.phrases.get(phrase as usize)?.as_deref()
    }

    /// How many messages and phrases it holds.
    pub fn len(&self) -> usize {
        self.messages.len() + self.phrases.iter().flatten().count()
    }

    /// Whether it holds nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Phrase {
    /// The phrase stored under a key of a locale file (`lk.login-title`).
    pub fn from_key(key: &str) -> Option<Self> {
        // `ALL` is in the order of the keys.
        Self::ALL
            .binary_search_by(|phrase| phrase.key().cmp(key))
            .ok()
            .map(|index| Self::ALL[index])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_phrase_is_found_by_its_key() {
        for phrase in Phrase::ALL {
            assert_eq!(Phrase::from_key(phrase.key()), Some(phrase));
        }
        assert_eq!(Phrase::from_key("lk.nothing-like-it"), None);
        assert_eq!(Phrase::from_key(""), None);
    }

    #[test]
    fn odd_entries_are_skipped_alone() {
        let cases = [
            (json!("not an object"), 0),
            (json!([1, 2]), 0),
            (json!({}), 0),
            (json!({"identities.messages.1010001": "Inloggen"}), 1),
            (json!({"identities.messages.1010001": 3}), 0),
            (json!({"identities.messages.1010001": "  "}), 0),
            (json!({"identities.messages.abc": "x"}), 0),
            (json!({"identities.messages.-1": "x"}), 0),
            (json!({"login.title": "another UI's key"}), 0),
            (json!({"lk.login-title": "Inloggen", "lk.unknown": "x"}), 1),
            (
                json!({"identities.messages.4000006": "Fout", "lk.sign-out": "Uitloggen", "$name": "Nederlands"}),
                2,
            ),
        ];
        for (value, expected) in cases {
            assert_eq!(
                Catalogue::from_json("nl", &value).len(),
                expected,
                "{value}"
            );
        }
    }

    #[test]
    fn lookups() {
        let catalogue = Catalogue::from_json(
            " nl ",
            &json!({
                "identities.messages.4000006": "Onjuiste gegevens.",
                "identities.messages.1010001": "Inloggen",
                "lk.sign-out": "Uitloggen",
            }),
        );
        assert_eq!(catalogue.tag(), "nl");
        assert_eq!(catalogue.message(1010001), Some("Inloggen"));
        assert_eq!(catalogue.message(4000006), Some("Onjuiste gegevens."));
        assert_eq!(catalogue.message(4000007), None);
        assert_eq!(catalogue.message(-1), None);
        assert_eq!(catalogue.phrase(Phrase::SignOut), Some("Uitloggen"));
        assert_eq!(catalogue.phrase(Phrase::LoginTitle), None);

        let reworded = catalogue.overlay(Catalogue::from_json(
            "nl",
            &json!({"identities.messages.1010001": "Aanmelden", "identities.messages.1": "a", "lk.login-title": "Aanmelden"}),
        ));
        assert_eq!(reworded.message(1010001), Some("Aanmelden"));
        assert_eq!(reworded.message(1), Some("a"));
        assert_eq!(reworded.message(4000006), Some("Onjuiste gegevens."));
        assert_eq!(reworded.phrase(Phrase::LoginTitle), Some("Aanmelden"));
        assert_eq!(reworded.phrase(Phrase::SignOut), Some("Uitloggen"));
    }
}
