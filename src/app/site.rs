//! The drop-in app's site file: branding and wording a deployer changes
//! without rebuilding, named by `<meta name="kratos-site" content="site.json">`.
//!
//! ```json
//! {
//!   "product_name": "Acme",
//!   "logo": "/acme.svg",
//!   "logo_alt": "Acme",
//!   "terms_url": "https://acme.example/terms",
//!   "privacy_url": "https://acme.example/privacy",
//!   "messages": {
//!     "en": { "lk.login-title": "Sign in to Acme" },
//!     "nl": "translations/nl.json"
//!   }
//! }
//! ```
//!
//! `messages` maps a language tag to its texts, inline or as the address of
//! a JSON file, both in the format of the library's locale files (Ory's
//! `identities.messages.<id>` keys, so translations made for Ory's UIs can
//! be used as they are; the library's phrases under `lk.<name>`). They
//! reword a language the app has, or add one it lacks; what they leave out
//! comes from the app's own texts, then English.
//!
//! Every address is resolved against the site file's and judged by origin:
//! the logo and message files load only from the page's own origin (or the
//! logo from a `data:image/…` URI); the terms and privacy links must be
//! http(s). Anything else, and any value of the wrong type, is left out on
//! its own.

use serde_json::Value;

use crate::i18n::Catalogue;
use crate::url::parse::resolve;

/// What the site file says, judged.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Site {
    /// The product's name: shown beside the logo and in the tab's title.
    pub product_name: Option<String>,
    /// The logo's absolute URL.
    pub logo: Option<String>,
    /// The logo's text alternative (empty: decorative, the name is beside it).
    pub logo_alt: String,
    /// The terms of service.
    pub terms_url: Option<String>,
    /// The privacy policy.
    pub privacy_url: Option<String>,
    /// Texts by language tag, in the file's order.
    pub messages: Vec<(String, Messages)>,
}

/// One language's texts in the site file.
#[derive(Clone, Debug, PartialEq)]
pub enum Messages {
    /// Written in the site file itself.
    Inline(Catalogue),
    /// A JSON file to fetch (absolute URL, the page's origin).
    File(String),
}

impl Site {
    /// Reads the site file's JSON, fetched from `file_url`, for the page at
    /// `page` (both absolute).
    pub fn from_json(value: &Value, file_url: &str, page: &str) -> Self {
        let text = |key: &str| {
            value
                .get(key)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|text| !text.is_empty())
                .map(str::to_owned)
        };
        let page_origin = resolve(page, page).map(|page| page.origin);
        let same_origin = |address: &str| {
            resolve(address, file_url)
                .filter(|url| url.is_http() && Some(&url.origin) == page_origin.as_ref())
                .map(|url| url.href)
        };
        let http = |address: &str| {
            resolve(address, file_url)
                .filter(|url| url.is_http())
                .map(|url| url.href)
        };
        let logo = text("logo").and_then(|logo| {
            let url = resolve(&logo, file_url)?;
            let image = url.scheme == "data"
                && url
                    .path
                    .trim_start()
                    .to_ascii_lowercase()
                    .starts_with("image/");
            if image {
                Some(url.href)
            } else {
                same_origin(&logo)
            }
        });
        let product_name = text("product_name");
        // Without `logo_alt` the logo is decorative: the name beside it says
        // what it would.
        let logo_alt = text("logo_alt").unwrap_or_default();
        let messages = value
            .get("messages")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .filter(|(tag, _)| is_language_tag(tag))
            .filter_map(|(tag, texts)| {
                let messages = match texts {
                    Value::Object(_) => Messages::Inline(Catalogue::from_json(tag, texts)),
                    Value::String(address) => Messages::File(same_origin(address)?),
                    _ => return None,
                };
                Some((tag.clone(), messages))
            })
            .collect();
        Self {
            product_name,
            logo,
            logo_alt,
            terms_url: text("terms_url").and_then(|url| http(&url)),
            privacy_url: text("privacy_url").and_then(|url| http(&url)),
            messages,
        }
    }

    /// The language tags the site file has texts for.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.messages.iter().map(|(tag, _)| tag.as_str())
    }

    /// The texts for one language (any case), in the file's order.
    pub fn messages_for<'a>(&'a self, tag: &'a str) -> impl Iterator<Item = &'a Messages> {
        self.messages
            .iter()
            .filter(move |(t, _)| t.eq_ignore_ascii_case(tag))
            .map(|(_, messages)| messages)
    }

    /// Whether there is anything to show around the card.
    pub fn has_branding(&self) -> bool {
        self.product_name.is_some() || self.logo.is_some()
    }
}

/// A BCP 47-looking tag (`nl`, `pt-BR`, `zh-Hans`): letters, digits and
/// dashes, starting with a letter, at most 35 characters.
fn is_language_tag(tag: &str) -> bool {
    !tag.is_empty()
        && tag.len() <= 35
        && tag.starts_with(|c: char| c.is_ascii_alphabetic())
        && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const PAGE: &str = "https://app.example/auth/login?flow=1";
    const FILE: &str = "https://app.example/auth/site.json";

    fn site(value: Value) -> Site {
        Site::from_json(&value, FILE, PAGE)
    }

    #[test]
    fn addresses_are_judged_by_origin() {
        // (logo as written, what is kept)
        let logos = [
            ("logo.svg", Some("https://app.example/auth/logo.svg")),
            (
                "/brand/logo.png",
                Some("https://app.example/brand/logo.png"),
            ),
            (
                "https://app.example/x.svg",
                Some("https://app.example/x.svg"),
            ),
            ("https://cdn.example/logo.svg", None),
            ("//evil.example/logo.svg", None),
            ("/\\evil.example/logo.svg", None),
            ("http://app.example/logo.svg", None),
            ("javascript:alert(1)", None),
            (
                "data:image/svg+xml,%3Csvg%2F%3E",
                Some("data:image/svg+xml,%3Csvg%2F%3E"),
            ),
            ("data:text/html,<script>", None),
            ("", None),
        ];
        for (logo, expected) in logos {
            assert_eq!(
                site(json!({"logo": logo})).logo.as_deref(),
                expected,
                "{logo}"
            );
        }
        // (link as written, what is kept)
        let links = [
            (
                "https://acme.example/terms",
                Some("https://acme.example/terms"),
            ),
            ("/terms", Some("https://app.example/terms")),
            ("javascript:alert(1)", None),
            ("data:text/html,x", None),
            ("mailto:legal@acme.example", None),
        ];
        for (link, expected) in links {
            let parsed = site(json!({"terms_url": link, "privacy_url": link}));
            assert_eq!(parsed.terms_url.as_deref(), expected, "{link}");
            assert_eq!(parsed.privacy_url.as_deref(), expected, "{link}");
        }
    }

    #[test]
    fn messages_inline_or_as_files() {
        let parsed = site(json!({"messages": {
            "en": {"lk.login-title": "Sign in to Acme"},
            "nl": "translations/nl.json",
            "sv": "https://cdn.example/sv.json",
            "fr": 3,
            "<script>": {"lk.login-title": "x"},
            "zh-Hans": {"identities.messages.1010001": "登录"},
        }}));
        let tags: Vec<&str> = parsed.languages().collect();
        assert_eq!(tags, ["en", "nl", "zh-Hans"]);
        assert_eq!(
            parsed.messages_for("NL").collect::<Vec<_>>(),
            [&Messages::File(
                "https://app.example/auth/translations/nl.json".into()
            )]
        );
        match parsed.messages_for("en").next() {
            Some(Messages::Inline(catalogue)) => assert_eq!(catalogue.len(), 1),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn odd_files_give_an_empty_site() {
        for value in [
            json!(null),
            json!("site"),
            json!([1]),
            json!({"product_name": 3, "logo": {}, "messages": []}),
            json!({"product_name": "  "}),
        ] {
            let parsed = site(value.clone());
            assert_eq!(parsed, Site::default(), "{value}");
            assert!(!parsed.has_branding());
        }
    }

    #[test]
    fn the_logo_is_decorative_beside_the_name() {
        let both = site(json!({"product_name": "Acme", "logo": "/logo.svg"}));
        assert_eq!(both.logo_alt, "");
        assert!(both.has_branding());
        let alt = site(json!({"logo": "/logo.svg", "logo_alt": "Acme"}));
        assert_eq!(alt.logo_alt, "Acme");
    }
}
