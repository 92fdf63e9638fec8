//! The build script (`build` in Cargo.toml): turns the locale data in
//! `src/i18n/locales/*.json` into tables.
//!
//! Each file is one language: Kratos's messages under Ory's keys
//! (`identities.messages.<id>`), the library's phrases under `lk.<name>`,
//! and the language's own name under `$name`. English (`en.json`) defines
//! the keys; a `<key>#` entry there is a note for translators and becomes
//! the phrase's documentation. The build fails when a language lacks a key,
//! has a key English does not know, or uses other `{placeholders}` than
//! English: a language is complete by construction.
//!
//! Generated: the `Phrase` enum (`phrases.rs`) and one table per language
//! compiled in (`locales.rs`; English always, the others with their
//! `locale-<tag>` feature).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use serde_json::{Map, Value};

const DIR: &str = "src/i18n/locales";
const MESSAGE_PREFIX: &str = "identities.messages.";
const PHRASE_PREFIX: &str = "lk.";
const NOTE_SUFFIX: &str = "#";

struct Language {
    tag: String,
    name: String,
    messages: BTreeMap<u32, String>,
    phrases: BTreeMap<String, String>,
}

fn main() {
    println!("cargo::rerun-if-changed={DIR}");
    let manifest = std::fs::read_to_string("Cargo.toml").expect("Cargo.toml");
    let mut files: Vec<_> = std::fs::read_dir(DIR)
        .expect("src/i18n/locales")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();

    let (english, notes) = read(&Path::new(DIR).join("en.json"));
    let mut others = Vec::new();
    let mut problems = Vec::new();
    for path in &files {
        println!("cargo::rerun-if-changed={}", path.display());
        let (language, _) = read(path);
        if language.tag == "en" {
            continue;
        }
        if !manifest.contains(&format!("{} = []", feature(&language.tag))) {
            problems.push(format!(
                "{}: add the feature `{} = []` to Cargo.toml",
                path.display(),
                feature(&language.tag)
            ));
        }
        compare(&english, &language, &mut problems);
        others.push(language);
    }
    if !problems.is_empty() {
        panic!("locale data is incomplete:\n{}", problems.join("\n"));
    }

    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    let out = Path::new(&out);
    std::fs::write(out.join("phrases.rs"), phrase_enum(&english, &notes)).expect("phrases.rs");
    let enabled: Vec<&Language> = std::iter::once(&english)
        .chain(others.iter().filter(|language| {
            let feature = feature(&language.tag).to_uppercase().replace('-', "_");
            std::env::var_os(format!("CARGO_FEATURE_{feature}")).is_some()
        }))
        .collect();
    let mut code = tables(&english, &enabled);
    code.push_str(
        "/// The tags of every language file of the library, compiled in or not.\n\
         pub static FILES: &[&str] = &[\n",
    );
    for language in std::iter::once(&english).chain(&others) {
        let _ = writeln!(code, "    {:?},", language.tag);
    }
    code.push_str("];\n");
    std::fs::write(out.join("locales.rs"), code).expect("locales.rs");
}

/// The cargo feature that compiles a language in: `locale-zh-hans` for
/// `zh-Hans`.
fn feature(tag: &str) -> String {
    format!("locale-{}", tag.to_lowercase())
}

/// The name of a language's table: `ZH_HANS` for `zh-Hans`.
fn table(tag: &str) -> String {
    tag.to_uppercase().replace('-', "_")
}

/// One language file; also the translator notes (English only).
fn read(path: &Path) -> (Language, BTreeMap<String, String>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let map: Map<String, Value> =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let tag = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_owned();
    let mut language = Language {
        tag,
        name: String::new(),
        messages: BTreeMap::new(),
        phrases: BTreeMap::new(),
    };
    let mut notes = BTreeMap::new();
    for (key, value) in map {
        let Value::String(text) = value else {
            panic!("{}: {key} is not a string", path.display());
        };
        if key == "$name" {
            language.name = text;
        } else if let Some(id) = key.strip_prefix(MESSAGE_PREFIX) {
            let id = id
                .parse()
                .unwrap_or_else(|_| panic!("{}: {key}", path.display()));
            language.messages.insert(id, text);
        } else if let Some(phrase) = key.strip_suffix(NOTE_SUFFIX) {
            notes.insert(phrase.to_owned(), text);
        } else if key.starts_with(PHRASE_PREFIX) {
            language.phrases.insert(key, text);
        } else {
            panic!("{}: unknown key {key}", path.display());
        }
    }
    if language.name.is_empty() {
        panic!("{}: no $name", path.display());
    }
    (language, notes)
}

/// What `language` lacks or has too much compared with English.
fn compare(english: &Language, language: &Language, problems: &mut Vec<String>) {
    let tag = &language.tag;
    let pairs = english
        .messages
        .iter()
        .map(|(id, text)| {
            (
                format!("{MESSAGE_PREFIX}{id}"),
                text,
                language.messages.get(id),
            )
        })
        .chain(
            english
                .phrases
                .iter()
                .map(|(key, text)| (key.clone(), text, language.phrases.get(key))),
        );
    for (key, english_text, text) in pairs {
        match text {
            None => problems.push(format!("{tag}: {key} is missing")),
            Some(text) if placeholders(text) != placeholders(english_text) => problems.push(
                format!("{tag}: {key} has other placeholders than English: {text:?}"),
            ),
            Some(_) => {}
        }
    }
    for id in language
        .messages
        .keys()
        .filter(|id| !english.messages.contains_key(id))
    {
        problems.push(format!("{tag}: {MESSAGE_PREFIX}{id} is not in English"));
    }
    for key in language
        .phrases
        .keys()
        .filter(|key| !english.phrases.contains_key(*key))
    {
        problems.push(format!("{tag}: {key} is not in English"));
    }
}

fn placeholders(template: &str) -> BTreeSet<&str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect()
}

/// `lk.group-backup-codes` → `GroupBackupCodes`.
fn variant(key: &str) -> String {
    key.trim_start_matches(PHRASE_PREFIX)
        .split('-')
        .map(|word| match word {
            "oauth2" => "OAuth2".to_owned(),
            _ => {
                let mut chars = word.chars();
                chars
                    .next()
                    .map(|first| first.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            }
        })
        .collect()
}

fn phrase_enum(english: &Language, notes: &BTreeMap<String, String>) -> String {
    let mut code = String::from(
        "/// Phrases the library itself shows (not sent by Kratos); their text\n\
         /// is in the locale files under `lk.<name>`.\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]\n\
         pub enum Phrase {\n",
    );
    for (key, text) in &english.phrases {
        let note = notes.get(key).map(String::as_str).unwrap_or_default();
        let _ = writeln!(
            code,
            "    /// {note}\n    ///\n    /// `{key}`: {text:?}\n    {},",
            variant(key)
        );
    }
    code.push_str("}\n\nimpl Phrase {\n");
    let _ = writeln!(
        code,
        "    /// Every phrase, in the order of the locale tables.\n    pub const ALL: [Phrase; {}] = [",
        english.phrases.len()
    );
    for key in english.phrases.keys() {
        let _ = writeln!(code, "        Self::{},", variant(key));
    }
    code.push_str("    ];\n\n    /// The phrase's key in locale files (`lk.login-title`).\n    pub fn key(self) -> &'static str {\n        match self {\n");
    for key in english.phrases.keys() {
        let _ = writeln!(code, "            Self::{} => {key:?},", variant(key));
    }
    code.push_str("        }\n    }\n}\n");
    code
}

fn tables(english: &Language, enabled: &[&Language]) -> String {
    let mut code = String::new();
    for language in enabled {
        let _ = writeln!(
            code,
            "/// {}.\npub static {}: Locale = Locale {{\n    tag: {:?},\n    name: {:?},\n    messages: &[",
            language.name,
            table(&language.tag),
            language.tag,
            language.name
        );
        for (id, text) in &language.messages {
            let _ = writeln!(code, "        ({id}, {text:?}),");
        }
        code.push_str("    ],\n    phrases: &[\n");
        for key in english.phrases.keys() {
            let _ = writeln!(code, "        {:?},", language.phrases[key]);
        }
        code.push_str("    ],\n};\n\n");
    }
    code.push_str("/// The locales compiled into this build, English first.\npub static LOCALES: &[&Locale] = &[\n");
    for language in enabled {
        let _ = writeln!(code, "    &{},", table(&language.tag));
    }
    code.push_str("];\n");
    code
}
