//! What an element's attributes mean (pure): which element it is, and the
//! configuration, flow parameters, language and layout its attributes set.
//!
//! The attributes map to the library's configuration one to one; an
//! absent or empty attribute keeps the library's default. The page's own
//! query (`?flow=`, `?return_to=`, ... where Kratos sends the browser)
//! still counts: an attribute sets or replaces one parameter of it.

use leptos_kratos::components::FormLayout;
use leptos_kratos::config::{KratosConfig, origin_list};
use leptos_kratos::flows::FlowParams;
use leptos_kratos::i18n::language_list;
use leptos_kratos::model::FlowKind;
use leptos_kratos::webauthn::WebAuthnMode;

/// The custom elements: one per flow, the error page, the session list and
/// the sign-out button.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Element {
    /// `<kratos-login>`, `<kratos-registration>`, `<kratos-recovery>`,
    /// `<kratos-verification>`, `<kratos-settings>`.
    Flow(FlowKind),
    /// `<kratos-error>`: Kratos's error page (`?id=` or `error-id`).
    Error,
    /// `<kratos-sessions>`: the active sessions (signs in first).
    Sessions,
    /// `<kratos-logout>`: the sign-out button.
    Logout,
}

/// Every element's tag, in the order the loader registers them.
pub const TAGS: [&str; 8] = [
    "kratos-login",
    "kratos-registration",
    "kratos-recovery",
    "kratos-verification",
    "kratos-settings",
    "kratos-error",
    "kratos-sessions",
    "kratos-logout",
];

/// The attributes an element reads; changing one restarts it.
pub const ATTRIBUTES: [&str; 18] = [
    "kratos-url",
    "ui-base",
    "return-url",
    "allowed-return-origins",
    "script-origins",
    "resend-cooldown",
    "flow",
    "return-to",
    "aal",
    "refresh",
    "login-challenge",
    "organization",
    "via",
    "locale",
    "layout",
    "webauthn-mode",
    "hide-links",
    "error-id",
];

/// The flow parameter each attribute sets (the rest are configuration).
const PARAMS: [(&str, &str); 7] = [
    ("flow", "flow"),
    ("return-to", "return_to"),
    ("aal", "aal"),
    ("refresh", "refresh"),
    ("login-challenge", "login_challenge"),
    ("organization", "organization"),
    ("via", "via"),
];

impl Element {
    /// The element a tag names (`kratos-login`, any case).
    pub fn from_tag(tag: &str) -> Option<Self> {
        let name = tag.to_ascii_lowercase();
        let name = name.strip_prefix("kratos-")?;
        match name {
            "error" => Some(Self::Error),
            "sessions" => Some(Self::Sessions),
            "logout" => Some(Self::Logout),
            segment => FlowKind::from_segment(segment).map(Self::Flow),
        }
    }
}

/// Everything an element's attributes decide.
#[derive(Clone, Debug, PartialEq)]
pub struct ElementSettings {
    /// Which element.
    pub element: Element,
    /// Where Kratos and the flow pages are, and where to go when done.
    pub config: KratosConfig,
    /// The flow's parameters: the page's query, then the attributes.
    pub params: FlowParams,
    /// Language tags, best first; empty: the browser's.
    pub languages: Vec<String>,
    /// How the methods are laid out; `None`: the flow's default.
    pub layout: Option<FormLayout>,
    /// How passkeys and security keys run.
    pub webauthn: WebAuthnMode,
    /// Leave out the links to the other flows.
    pub hide_links: bool,
    /// The error to show (`<kratos-error>`); `None`: the page's `?id=`.
    pub error_id: Option<String>,
}

/// Reads the settings of `element` from its attributes (`attribute(name)`)
/// on a page whose query is `page_search`.
///
/// ```
/// use leptos_kratos_elements::settings::{Element, read};
/// let attrs = |name: &str| (name == "return-to").then(|| "/home".to_owned());
/// let element = Element::from_tag("kratos-login").unwrap();
/// let settings = read(element, attrs, "?flow=f1");
/// assert_eq!(settings.params.get("flow"), Some("f1"));
/// assert_eq!(settings.params.get("return_to"), Some("/home"));
/// ```
pub fn read(
    element: Element,
    attribute: impl Fn(&str) -> Option<String>,
    page_search: &str,
) -> ElementSettings {
    let value = |name: &str| {
        attribute(name)
            .map(|value| value.trim().to_owned())
            .filter(|value| !value.is_empty())
    };
    let list = |name: &str| origin_list(&value(name).unwrap_or_default());
    // A boolean attribute: present means on, unless it says "false".
    let flag = |name: &str| attribute(name).is_some_and(|value| value.trim() != "false");

    let ui_base = value("ui-base").unwrap_or_else(|| "/".to_owned());
    let mut config =
        KratosConfig::new(value("kratos-url").unwrap_or_default()).with_ui_base(ui_base);
    let landing = value("return-url").unwrap_or_else(|| config.ui_base.clone());
    config = config
        .with_default_return_url(landing)
        .with_allowed_return_origins(list("allowed-return-origins"))
        .with_script_origins(list("script-origins"));
    if let Some(seconds) = value("resend-cooldown").and_then(|s| s.parse().ok()) {
        config = config.with_resend_cooldown_secs(seconds);
    }

    // A flow starts from the page's query; the sign-out button only from
    // its own attributes (a page's `?return_to=` is not where to go after
    // signing out).
    let mut params = match element {
        Element::Logout => FlowParams::new(),
        _ => FlowParams::from_query(page_search),
    };
    for (name, param) in PARAMS {
        let set = if name == "refresh" {
            flag(name).then(|| "true".to_owned())
        } else {
            value(name)
        };
        if let Some(set) = set {
            params = params.set(param, set);
        }
    }

    let layout = match value("layout").as_deref() {
        Some("two-step") => Some(FormLayout::TwoStep),
        Some("single") => Some(FormLayout::Single),
        Some("per-group") => Some(FormLayout::PerGroup),
        _ => None,
    };
    let webauthn = match value("webauthn-mode").as_deref() {
        Some("native") => WebAuthnMode::Native,
        _ => WebAuthnMode::Script,
    };
    ElementSettings {
        element,
        config,
        params,
        languages: language_list(&value("locale").unwrap_or_default()),
        layout,
        webauthn,
        hide_links: flag("hide-links"),
        error_id: value("error-id"),
    }
}

/// The page's query for an element that changed after it was shown: its
/// flow starts over, so the page's `flow` id no longer counts (every
/// other parameter still does).
///
/// ```
/// use leptos_kratos_elements::settings::restart_query;
/// assert_eq!(restart_query("?flow=f1&return_to=%2Fa"), "return_to=%2Fa");
/// assert_eq!(restart_query(""), "");
/// ```
pub fn restart_query(page_search: &str) -> String {
    let params = FlowParams::from_query(page_search).into_pairs();
    leptos_kratos::url::build_query(
        params
            .iter()
            .filter(|(key, _)| key != "flow")
            .map(|(key, value)| (key.as_str(), value.as_str())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(tag: &str, attrs: &[(&str, &str)], search: &str) -> ElementSettings {
        let attrs: Vec<(String, String)> = attrs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let attribute = |name: &str| {
            attrs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        };
        read(
            Element::from_tag(tag).expect("a known tag"),
            attribute,
            search,
        )
    }

    #[test]
    fn every_tag_names_its_element_and_nothing_else_does() {
        let expected = [
            Element::Flow(FlowKind::Login),
            Element::Flow(FlowKind::Registration),
            Element::Flow(FlowKind::Recovery),
            Element::Flow(FlowKind::Verification),
            Element::Flow(FlowKind::Settings),
            Element::Error,
            Element::Sessions,
            Element::Logout,
        ];
        for (tag, element) in TAGS.iter().zip(expected) {
            assert_eq!(Element::from_tag(tag), Some(element), "{tag}");
        }
        assert_eq!(
            Element::from_tag("KRATOS-LOGIN"),
            Some(Element::Flow(FlowKind::Login))
        );
        for tag in ["login", "kratos-", "kratos-consent", "x-kratos-login", ""] {
            assert_eq!(Element::from_tag(tag), None, "{tag}");
        }
    }

    #[test]
    fn without_attributes_the_library_defaults_and_the_page_query_apply() {
        let s = settings("kratos-login", &[], "?flow=f1&return_to=%2Fa");
        assert_eq!(s.config, KratosConfig::new("").with_default_return_url("/"));
        assert_eq!(s.params, FlowParams::from_query("?flow=f1&return_to=%2Fa"));
        assert_eq!(s.languages, Vec::<String>::new());
        assert_eq!(s.layout, None);
        assert_eq!(s.webauthn, WebAuthnMode::Script);
        assert!(!s.hide_links);
        assert_eq!(s.error_id, None);
    }

    #[test]
    fn configuration_attributes_table() {
        let s = settings(
            "kratos-settings",
            &[
                ("kratos-url", "https://auth.example.com/"),
                ("ui-base", "/account"),
                (
                    "allowed-return-origins",
                    "https://shop.example, https://b.example",
                ),
                ("script-origins", "https://challenges.cloudflare.com"),
                ("resend-cooldown", "5"),
            ],
            "",
        );
        assert_eq!(s.config.kratos_url, "https://auth.example.com");
        assert_eq!(s.config.ui_base, "/account/");
        // Without return-url a finished flow lands on the pages' base.
        assert_eq!(s.config.default_return_url, "/account/");
        assert_eq!(
            s.config.allowed_return_origins,
            ["https://shop.example", "https://b.example"]
        );
        assert_eq!(
            s.config.script_origins,
            ["https://challenges.cloudflare.com"]
        );
        assert_eq!(s.config.resend_cooldown_secs, 5);
        let s = settings(
            "kratos-login",
            &[("return-url", "/dashboard"), ("resend-cooldown", "soon")],
            "",
        );
        assert_eq!(s.config.default_return_url, "/dashboard");
        assert_eq!(
            s.config.resend_cooldown_secs,
            leptos_kratos::config::DEFAULT_RESEND_COOLDOWN_SECS
        );
    }

    #[test]
    fn flow_attributes_set_or_replace_the_page_query() {
        // (attribute, value, page query, parameter, expected value)
        let table: [(&str, &str, &str, &str, Option<&str>); 11] = [
            ("flow", "f2", "?flow=f1", "flow", Some("f2")),
            ("flow", "  ", "?flow=f1", "flow", Some("f1")),
            (
                "return-to",
                "/b",
                "?return_to=%2Fa",
                "return_to",
                Some("/b"),
            ),
            ("aal", "aal2", "", "aal", Some("aal2")),
            ("refresh", "", "", "refresh", Some("true")),
            ("refresh", "true", "", "refresh", Some("true")),
            ("refresh", "false", "", "refresh", None),
            ("refresh", "false", "?refresh=true", "refresh", Some("true")),
            ("login-challenge", "c1", "", "login_challenge", Some("c1")),
            ("organization", "o1", "", "organization", Some("o1")),
            ("via", "email", "", "via", Some("email")),
        ];
        for (attr, value, search, param, expected) in table {
            let s = settings("kratos-login", &[(attr, value)], search);
            assert_eq!(
                s.params.get(param),
                expected,
                "{attr}={value:?} on {search:?}"
            );
        }
    }

    #[test]
    fn presentation_attributes_table() {
        let layout = |value: &str| settings("kratos-login", &[("layout", value)], "").layout;
        assert_eq!(layout("two-step"), Some(FormLayout::TwoStep));
        assert_eq!(layout("single"), Some(FormLayout::Single));
        assert_eq!(layout("per-group"), Some(FormLayout::PerGroup));
        assert_eq!(layout("three-step"), None);
        let mode = |value: &str| settings("kratos-login", &[("webauthn-mode", value)], "").webauthn;
        assert_eq!(mode("native"), WebAuthnMode::Native);
        assert_eq!(mode("script"), WebAuthnMode::Script);
        assert_eq!(mode("other"), WebAuthnMode::Script);
        let s = settings(
            "kratos-login",
            &[("locale", "de-CH, en ,"), ("hide-links", "")],
            "",
        );
        assert_eq!(s.languages, ["de-CH", "en"]);
        assert!(s.hide_links);
        let s = settings("kratos-login", &[("hide-links", "false")], "");
        assert!(!s.hide_links);
        let s = settings("kratos-logout", &[], "?return_to=%2Fa");
        assert_eq!(s.params, FlowParams::new());
        let s = settings("kratos-logout", &[("return-to", "/b")], "?return_to=%2Fa");
        assert_eq!(s.params.get("return_to"), Some("/b"));
        let s = settings("kratos-error", &[("error-id", " e1 ")], "?id=e0");
        assert_eq!(s.error_id.as_deref(), Some("e1"));
    }

    #[test]
    fn every_attribute_is_read() {
        // Each attribute in the table changes something when set (so the
        // loader's list and this reader cannot drift apart).
        let base = settings("kratos-login", &[], "");
        for attr in ATTRIBUTES {
            let value = match attr {
                "kratos-url" | "return-url" => "https://auth.example.com",
                "allowed-return-origins" | "script-origins" => "https://a.example",
                "resend-cooldown" => "7",
                "layout" => "two-step",
                "webauthn-mode" => "native",
                "locale" => "de",
                "ui-base" => "/x/",
                _ => "v",
            };
            assert_ne!(
                settings("kratos-login", &[(attr, value)], ""),
                base,
                "{attr}"
            );
        }
    }
}
