//! Starting the drop-in app: the language to speak, and what to fetch before
//! the first page is shown (the site file, a language's texts), so a page
//! never appears in English and then changes.
//!
//! The drop-in app compiles English in and serves every other language of
//! the library as data (`locales/<tag>.json` beside its script, fetched
//! only for the person who needs it). A site file (see [`super::site`]) may
//! reword any language or add one. Nothing to fetch — English, or a
//! language compiled in, and no site file — starts at once.

use serde_json::Value;

use super::site::{Messages, Site};
use crate::i18n::{Catalogue, Translator, best_match, compiled_locale, locale_files};

/// How long the site file or a language file may take before the app
/// starts without it.
const FETCH_TIMEOUT_MS: u32 = 10_000;

/// What the app starts with.
#[derive(Clone, Debug)]
pub(super) struct Startup {
    pub site: Site,
    pub translator: Translator,
}

/// The language to speak: the first of the user's `languages` (best first)
/// that the build has (`compiled`), the library has a file for (`files`),
/// or the site file has texts for; English when none. With it, the
/// library's file to fetch for it, when it is not compiled in.
pub(super) fn choose_language(
    languages: &[&str],
    site: &Site,
    compiled: &[&str],
    files: &[&str],
) -> (String, Option<String>) {
    let offered: Vec<&str> = compiled
        .iter()
        .chain(files)
        .copied()
        .chain(site.languages())
        .collect();
    let tag = languages
        .iter()
        .find_map(|language| best_match(language, &offered))
        .unwrap_or("en")
        .to_owned();
    let file = best_match(&tag, compiled)
        .is_none()
        .then(|| best_match(&tag, files))
        .flatten()
        .filter(|file| *file != "en")
        .map(str::to_owned);
    (tag, file)
}

/// Starts without fetching anything, when that is enough: no site file and
/// a language the build has. `None`: [`load`] must run first.
pub(super) fn at_once(languages: &[&str], has_site_file: bool) -> Option<Startup> {
    let compiled = compiled_tags();
    let (tag, file) = choose_language(languages, &Site::default(), &compiled, locale_files());
    (!has_site_file && file.is_none()).then(|| Startup {
        site: Site::default(),
        translator: compiled_locale(&tag)
            .map(Translator::for_locale)
            .unwrap_or_default(),
    })
}

/// Fetches the site file (`site_url`, judged by the caller) and the chosen
/// language's texts from `assets` (the folder of the app's script), then
/// builds the translator. Whatever cannot be fetched is left out: the app
/// still starts, in the texts it has.
pub(super) async fn load(
    site_url: Option<String>,
    languages: Vec<String>,
    assets: String,
    page: String,
) -> Startup {
    let site = match &site_url {
        Some(url) => match crate::client::fetch_json(url, FETCH_TIMEOUT_MS).await {
            Some(json) => Site::from_json(&json, url, &page),
            None => {
                leptos::logging::warn!("leptos-kratos: the site file {url} could not be read");
                Site::default()
            }
        },
        None => Site::default(),
    };
    let languages: Vec<&str> = languages.iter().map(String::as_str).collect();
    let (tag, file) = choose_language(&languages, &site, &compiled_tags(), locale_files());
    let mut catalogue = Catalogue::from_json(&tag, &Value::Null);
    if let Some(file) = file {
        let url = format!("{assets}locales/{file}.json");
        catalogue = overlay_file(catalogue, &tag, &url).await;
    }
    for messages in site.messages_for(&tag) {
        catalogue = match messages {
            Messages::Inline(texts) => catalogue.overlay(texts.clone()),
            Messages::File(url) => overlay_file(catalogue, &tag, url).await,
        };
    }
    let base = compiled_locale(&tag)
        .map(Translator::for_locale)
        .unwrap_or_default();
    let translator = if catalogue.is_empty() {
        base
    } else {
        base.with_catalogue(catalogue)
    };
    Startup { site, translator }
}

async fn overlay_file(catalogue: Catalogue, tag: &str, url: &str) -> Catalogue {
    match crate::client::fetch_json(url, FETCH_TIMEOUT_MS).await {
        Some(json) => catalogue.overlay(Catalogue::from_json(tag, &json)),
        None => {
            leptos::logging::warn!("leptos-kratos: the texts {url} could not be read");
            catalogue
        }
    }
}

fn compiled_tags() -> Vec<&'static str> {
    crate::i18n::available_locales()
        .iter()
        .map(|locale| locale.tag)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_language_and_the_file_to_fetch() {
        let files = ["de", "en", "nl", "pt", "zh-Hans"];
        let site = Site::from_json(
            &json!({"messages": {"pt-BR": {"lk.sign-out": "Sair"}, "eo": {"lk.sign-out": "Elsaluti"}}}),
            "https://app.example/site.json",
            "https://app.example/login",
        );
        // (user's languages, compiled in, site file?, chosen, file fetched)
        type Case = (
            &'static [&'static str],
            &'static [&'static str],
            bool,
            &'static str,
            Option<&'static str>,
        );
        let cases: [Case; 11] = [
            (&["en-US"], &["en"], false, "en", None),
            (&[], &["en"], false, "en", None),
            (&["xx"], &["en"], false, "en", None),
            (&["nl-BE", "en"], &["en"], false, "nl", Some("nl")),
            (&["nl"], &["en", "nl"], false, "nl", None),
            (&["zh-CN"], &["en"], false, "zh-Hans", Some("zh-Hans")),
            (&["fr", "de"], &["en"], false, "de", Some("de")),
            // The site file adds a language the library lacks…
            (&["eo"], &["en"], true, "eo", None),
            // …or a variant, on top of the library's file for the language.
            (&["pt-BR"], &["en"], true, "pt-BR", Some("pt")),
            (&["pt-PT"], &["en"], true, "pt", Some("pt")),
            (&["pt-BR"], &["en", "pt"], true, "pt-BR", None),
        ];
        for (languages, compiled, with_site, tag, file) in cases {
            let site = if with_site {
                site.clone()
            } else {
                Site::default()
            };
            assert_eq!(
                choose_language(languages, &site, compiled, &files),
                (tag.to_owned(), file.map(str::to_owned)),
                "{languages:?} with {compiled:?}"
            );
        }
    }
}
