//! The library's own phrases: the enum generated from the keys of
//! `locales/en.json` (see `src/i18n/build.rs`).

include!(concat!(env!("OUT_DIR"), "/phrases.rs"));
