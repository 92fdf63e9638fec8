//! The one URL policy: which URLs the library follows, posts to, loads or
//! links to. Every navigation, form action, script, link and image goes
//! through it.
//!
//! Each URL is resolved against the page with the URL parser (never string
//! prefixes) and judged by its *origin*:
//!
//! | what | allowed |
//! |---|---|
//! | where Kratos sends the browser (`continue_with`, `redirect_browser_to`, `flow.return_to`, anchors) | absolute `http(s)` anywhere (Kratos validated it); without a scheme of its own only on the page's origin |
//! | the page's own `?return_to=` | the page's origin, or an allowed return origin — it is otherwise only *passed to Kratos*, which validates it |
//! | `ui.action` (fetch and `<form action>`) | the Kratos origin, path `<kratos base>/self-service/<flow kind>` |
//! | scripts | script mode: the Kratos origin (its `webauthn.js` only with `integrity`) or an allowed script origin; native mode: allowed script origins only |
//! | images | `http(s)` as for links, or `data:image/…` |
//!
//! Kratos answers a relative `return_to` with the raw string it was given
//! (`/\evil.example` passes Kratos's check, which fills in its default host,
//! while a browser reads it as `//evil.example`): that is why relative URLs
//! from Kratos must stay on the page's origin.
//!
//! ## Usage
//!
//! ```
//! use leptos_kratos::url::policy::UrlPolicy;
//! let policy = UrlPolicy::new("https://app.example/login", "https://auth.example");
//! assert_eq!(policy.page_return_to("/billing").as_deref(), Some("https://app.example/billing"));
//! assert_eq!(policy.page_return_to("/\\evil.example"), None);
//! assert!(policy.form_action("https://auth.example/self-service/login?flow=1", Some("login")).is_ok());
//! assert!(policy.form_action("https://evil.example/self-service/login", Some("login")).is_err());
//! ```

use super::parse::{ParsedUrl, resolve};

/// The flow kinds whose submit endpoints (`/self-service/<kind>`) a form may post to.
const FLOW_SEGMENTS: [&str; 5] = [
    "login",
    "registration",
    "recovery",
    "verification",
    "settings",
];

/// Where Kratos's WebAuthn script lives under its public URL.
const WEBAUTHN_SCRIPT: &str = "/.well-known/ory/webauthn.js";

/// Why a URL was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// It is not a URL (or the page's URL is unknown).
    Unparsable,
    /// Its scheme is not `http(s)` (or `data:image/…` for images).
    Scheme,
    /// It leads to an origin that is not allowed for this use.
    Origin,
    /// The origin is right but the path is not a flow endpoint.
    Path,
    /// Kratos's `webauthn.js` without an `integrity` hash.
    Integrity,
    /// Native WebAuthn mode loads only explicitly allowed scripts.
    NativeMode,
}

impl Refusal {
    /// A short English description, for logs.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Unparsable => "not a URL",
            Self::Scheme => "not an http(s) URL",
            Self::Origin => "another origin",
            Self::Path => "not a self-service endpoint",
            Self::Integrity => "webauthn.js without integrity",
            Self::NativeMode => "scripts are off in native WebAuthn mode",
        }
    }
}

/// A script the policy allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AllowedScript {
    /// The resolved URL to load.
    pub href: String,
    /// Whether it is Kratos's own `webauthn.js` (by origin and path).
    pub is_webauthn: bool,
}

/// The URL policy for one page. Cheap to build; build it where a decision is
/// made, with the page's current URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrlPolicy {
    page: Option<ParsedUrl>,
    kratos_origin: String,
    /// Kratos's base path without a trailing `/` (`""`, or `/.ory`).
    kratos_path: String,
    return_origins: Vec<String>,
    script_origins: Vec<String>,
}

/// The origin of a configured URL (`https://a.example/x` → `https://a.example`);
/// `None` for anything that has no http(s) origin.
pub fn origin_of(url: &str) -> Option<String> {
    let parsed = resolve(url.trim(), "http://invalid.invalid/")?;
    (parsed.is_http() && parsed.origin != "http://invalid.invalid").then_some(parsed.origin)
}

impl UrlPolicy {
    /// The policy on `page` (the page's absolute URL) with Kratos at
    /// `kratos_url` (empty: the page's origin; relative: under it).
    pub fn new(page: &str, kratos_url: &str) -> Self {
        let page = resolve(page, page).filter(ParsedUrl::is_http);
        let kratos = page.as_ref().and_then(|page| {
            let base = if kratos_url.trim().is_empty() {
                "/"
            } else {
                kratos_url
            };
            resolve(base, &page.href).filter(ParsedUrl::is_http)
        });
        let (kratos_origin, kratos_path) = match kratos {
            Some(kratos) => (kratos.origin, kratos.path.trim_end_matches('/').to_owned()),
            None => (String::new(), String::new()),
        };
        Self {
            page,
            kratos_origin,
            kratos_path,
            return_origins: Vec::new(),
            script_origins: Vec::new(),
        }
    }

    /// Also follows the page's `return_to` to these origins
    /// (`https://shop.example`); entries that are no http(s) origin are ignored.
    pub fn with_return_origins<'a>(mut self, origins: impl IntoIterator<Item = &'a str>) -> Self {
        self.return_origins
            .extend(origins.into_iter().filter_map(origin_of));
        self
    }

    /// Also loads scripts from these origins (captcha providers).
    pub fn with_script_origins<'a>(mut self, origins: impl IntoIterator<Item = &'a str>) -> Self {
        self.script_origins
            .extend(origins.into_iter().filter_map(origin_of));
        self
    }

    /// The page's origin, if the page is known.
    pub fn page_origin(&self) -> Option<&str> {
        self.page.as_ref().map(|page| page.origin.as_str())
    }

    /// The origin of Kratos's public API.
    pub fn kratos_origin(&self) -> &str {
        &self.kratos_origin
    }

    /// The path Kratos's public API lives under, without a trailing `/`
    /// (`""` at the root, `/.ory` behind such a proxy path).
    pub fn kratos_path(&self) -> &str {
        &self.kratos_path
    }

    /// Resolves `url` against the page; an empty URL (which would mean the
    /// page itself) is no URL.
    fn resolve(&self, url: &str) -> Result<ParsedUrl, Refusal> {
        if url.trim().is_empty() {
            return Err(Refusal::Unparsable);
        }
        let page = self.page.as_ref().ok_or(Refusal::Unparsable)?;
        resolve(url, &page.href).ok_or(Refusal::Unparsable)
    }

    /// Whether `url` names its own scheme and host: it resolves to the same
    /// URL against any base. (`//host` and `/\host` do not: they take the
    /// page's scheme.)
    fn is_absolute(url: &str) -> bool {
        let one = resolve(url, "http://a.invalid/x/");
        let other = resolve(url, "https://b.invalid/y/");
        one.is_some() && one == other
    }

    /// Where Kratos sends the browser (`continue_with`,
    /// `redirect_browser_to`, `flow.return_to`, the URL a followed redirect
    /// ended on, an anchor node's `href`): an absolute `http(s)` URL
    /// anywhere; a URL without its own scheme only if it stays on the
    /// page's origin. Returns the resolved URL.
    ///
    /// ```
    /// use leptos_kratos::url::policy::UrlPolicy;
    /// let policy = UrlPolicy::new("https://app.example/login", "");
    /// assert!(policy.kratos_target("https://github.com/login/oauth").is_some());
    /// assert!(policy.kratos_target("/welcome").is_some());
    /// assert!(policy.kratos_target("//evil.example/").is_none());
    /// assert!(policy.kratos_target("javascript:alert(1)").is_none());
    /// ```
    pub fn kratos_target(&self, url: &str) -> Option<String> {
        let resolved = self.resolve(url).ok().filter(ParsedUrl::is_http)?;
        (Self::is_absolute(url) || Some(resolved.origin.as_str()) == self.page_origin())
            .then_some(resolved.href)
    }

    /// The page's own `?return_to=`, followed by the library itself only if
    /// it resolves to the page's origin or an allowed return origin.
    pub fn page_return_to(&self, url: &str) -> Option<String> {
        let resolved = self.resolve(url).ok().filter(ParsedUrl::is_http)?;
        let allowed = Some(resolved.origin.as_str()) == self.page_origin()
            || self.return_origins.contains(&resolved.origin);
        allowed.then_some(resolved.href)
    }

    /// Whether a flow's `ui.action` may receive the form: Kratos's origin and
    /// the submit endpoint of `kind` (`login`, ...; any flow kind when
    /// `None`). Returns the resolved URL.
    pub fn form_action(&self, action: &str, kind: Option<&str>) -> Result<String, Refusal> {
        let fits = |segment: &str| match kind {
            Some(kind) => segment == kind,
            None => FLOW_SEGMENTS.contains(&segment),
        };
        self.kratos_endpoint(action, |path| {
            path.strip_prefix("/self-service/").is_some_and(fits)
        })
    }

    /// Whether `url` is one of Kratos's own endpoints: Kratos's origin, and
    /// a path (below Kratos's base path) that `path_fits`. Returns the
    /// resolved URL. Used for `ui.action` and the logout URL.
    pub fn kratos_endpoint(
        &self,
        url: &str,
        path_fits: impl Fn(&str) -> bool,
    ) -> Result<String, Refusal> {
        let resolved = self.resolve(url)?;
        if !resolved.is_http() {
            return Err(Refusal::Scheme);
        }
        if resolved.origin != self.kratos_origin {
            return Err(Refusal::Origin);
        }
        match resolved.path.strip_prefix(&self.kratos_path) {
            Some(path) if path_fits(path) => Ok(resolved.href),
            _ => Err(Refusal::Path),
        }
    }

    /// Whether a script node may be loaded: an allowed script origin, or
    /// (in script mode) Kratos's origin — its `webauthn.js` only with a
    /// non-empty `integrity`.
    pub fn script(
        &self,
        src: &str,
        integrity: Option<&str>,
        native_mode: bool,
    ) -> Result<AllowedScript, Refusal> {
        let resolved = self.resolve(src)?;
        if !resolved.is_http() {
            return Err(Refusal::Scheme);
        }
        let is_webauthn = resolved.origin == self.kratos_origin
            && resolved.path.strip_prefix(&self.kratos_path) == Some(WEBAUTHN_SCRIPT);
        if self.script_origins.contains(&resolved.origin) && !is_webauthn {
            return Ok(AllowedScript {
                href: resolved.href,
                is_webauthn: false,
            });
        }
        if native_mode {
            return Err(Refusal::NativeMode);
        }
        if resolved.origin != self.kratos_origin {
            return Err(Refusal::Origin);
        }
        if is_webauthn && integrity.is_none_or(|hash| hash.trim().is_empty()) {
            return Err(Refusal::Integrity);
        }
        Ok(AllowedScript {
            href: resolved.href,
            is_webauthn,
        })
    }

    /// A link's `href`: as [`kratos_target`](Self::kratos_target).
    pub fn link(&self, href: &str) -> Option<String> {
        self.kratos_target(href)
    }

    /// Whether a URL leads to another origin than the page's (such links
    /// get `rel="noopener noreferrer"`).
    pub fn is_foreign(&self, href: &str) -> bool {
        self.resolve(href)
            .map(|url| Some(url.origin.as_str()) != self.page_origin())
            .unwrap_or(true)
    }

    /// An image's `src`: as a link, or a `data:image/…` URI.
    pub fn image(&self, src: &str) -> Option<String> {
        let resolved = self.resolve(src).ok()?;
        if resolved.scheme == "data" {
            let media = resolved.path.trim_start().to_ascii_lowercase();
            return media.starts_with("image/").then_some(resolved.href);
        }
        self.kratos_target(src)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "https://app.example/login?flow=1&return_to=x";

    fn policy(kratos: &str) -> UrlPolicy {
        UrlPolicy::new(PAGE, kratos)
            .with_return_origins(["https://shop.example/", "not a url", "javascript:x"])
            .with_script_origins(["https://challenges.cloudflare.com"])
    }

    /// URLs that lead away from the page however they are spelled.
    const HOSTILE: [&str; 16] = [
        "/\\evil.example",
        "\\\\evil.example",
        "//evil.example/x",
        "/\t/evil.example",
        "\n//evil.example",
        "https://kratos@evil.example/",
        "https://app.example@evil.example/",
        "https://app.example.evil.example/",
        "https://evil.example/self-service/login",
        "http://app.example/",
        "https://app.example:8443/",
        "http:evil.example",
        "https://bücher.example/",
        "https://xn--80ak6aa92e.com/",
        "HTTPS://EVIL.EXAMPLE",
        "https:\\\\evil.example",
    ];

    /// URLs that are no http(s) at all.
    const SCRIPTING: [&str; 9] = [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "\u{0}javascript:alert(1)",
        "vbscript:x",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
    ];

    #[test]
    fn the_pages_return_to_stays_on_allowed_origins() {
        let policy = policy("");
        for url in HOSTILE.iter().chain(&SCRIPTING) {
            assert_eq!(policy.page_return_to(url), None, "{url:?}");
        }
        for (url, to) in [
            ("/billing?x=1#top", "https://app.example/billing?x=1#top"),
            ("billing", "https://app.example/billing"),
            ("https://APP.example/", "https://app.example/"),
            ("https://shop.example/cart", "https://shop.example/cart"),
            ("https:dashboard", "https://app.example/dashboard"),
        ] {
            assert_eq!(policy.page_return_to(url).as_deref(), Some(to), "{url:?}");
        }
    }

    #[test]
    fn kratos_targets_are_absolute_or_stay_here() {
        let policy = policy("");
        for url in [
            "https://evil.example/",
            "https://accounts.google.com/o/oauth2/auth?x=1",
            "http://localhost:4433/self-service/login/browser?aal=aal2",
            "/welcome",
            "https:welcome",
        ] {
            assert!(policy.kratos_target(url).is_some(), "{url:?}");
        }
        for url in [
            "/\\evil.example",
            "\\\\evil.example",
            "//evil.example/x",
            "/\t/evil.example",
            "http:evil.example",
        ]
        .iter()
        .chain(&SCRIPTING)
        {
            assert_eq!(policy.kratos_target(url), None, "{url:?}");
        }
        // Entities are not decoded in attributes set from script: this is a
        // harmless path on the page's origin, never a javascript: URL.
        assert_eq!(
            policy.kratos_target("jav&#x09;ascript:alert(1)").as_deref(),
            Some("https://app.example/jav&#x09;ascript:alert(1)")
        );
    }

    #[test]
    fn forms_post_only_to_kratos_flow_endpoints() {
        let here = policy("");
        assert_eq!(
            here.form_action("/self-service/login?flow=1", Some("login"))
                .as_deref(),
            Ok("https://app.example/self-service/login?flow=1")
        );
        assert!(
            here.form_action("https://app.example/self-service/settings?flow=1", None)
                .is_ok()
        );
        for (action, why) in [
            (
                "https://evil.example/self-service/login?flow=1",
                Refusal::Origin,
            ),
            ("//evil.example/self-service/login", Refusal::Origin),
            ("/\\evil.example/self-service/login", Refusal::Origin),
            (
                "https://kratos@evil.example/self-service/login",
                Refusal::Origin,
            ),
            ("/collect", Refusal::Path),
            ("/self-service/registration?flow=1", Refusal::Path),
            ("/self-service/login/../../collect", Refusal::Path),
            ("/self-service/login/browser", Refusal::Path),
            ("/self-service/logout?token=x", Refusal::Path),
            ("javascript:alert(1)", Refusal::Scheme),
            ("data:text/html,x", Refusal::Scheme),
        ] {
            assert_eq!(
                here.form_action(action, Some("login")),
                Err(why),
                "{action:?}"
            );
        }
        // Kratos elsewhere, under a path (e.g. a proxy's /.ory).
        let remote = policy("https://auth.example/.ory/");
        assert!(
            remote
                .form_action("https://auth.example/.ory/self-service/login?flow=1", None)
                .is_ok()
        );
        assert_eq!(
            remote.form_action("https://auth.example/self-service/login?flow=1", None),
            Err(Refusal::Path)
        );
        assert_eq!(
            remote.form_action("/self-service/login?flow=1", None),
            Err(Refusal::Origin)
        );
        // A page whose URL is unknown posts nowhere.
        let unknown = UrlPolicy::new("", "");
        assert_eq!(
            unknown.form_action("/self-service/login", None),
            Err(Refusal::Unparsable)
        );
    }

    #[test]
    fn scripts_come_from_kratos_or_an_allowed_origin() {
        let remote = policy("https://auth.example");
        let webauthn = "https://auth.example/.well-known/ory/webauthn.js";
        assert_eq!(
            remote.script(webauthn, Some("sha512-abc"), false),
            Ok(AllowedScript {
                href: webauthn.into(),
                is_webauthn: true
            })
        );
        assert_eq!(
            remote.script(webauthn, Some(""), false),
            Err(Refusal::Integrity)
        );
        assert_eq!(
            remote.script(webauthn, None, false),
            Err(Refusal::Integrity)
        );
        assert_eq!(
            remote.script(webauthn, Some("sha512-abc"), true),
            Err(Refusal::NativeMode)
        );
        let turnstile = "https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit";
        for native in [false, true] {
            assert!(
                !remote
                    .script(turnstile, Some(""), native)
                    .unwrap()
                    .is_webauthn
            );
        }
        assert!(
            remote
                .script(
                    "https://auth.example/.well-known/ory/turnstile/t.js",
                    None,
                    false
                )
                .is_ok()
        );
        for src in HOSTILE.iter().chain(&SCRIPTING) {
            assert!(
                remote.script(src, Some("sha512-x"), false).is_err(),
                "{src:?}"
            );
        }
        // "webauthn.js" elsewhere is no WebAuthn script, and not loaded.
        assert_eq!(
            remote.script(
                "https://evil.example/.well-known/ory/webauthn.js",
                Some("sha512-x"),
                false
            ),
            Err(Refusal::Origin)
        );
        // Relative sources are the page's origin, which is not Kratos's here.
        assert_eq!(
            remote.script("/.well-known/ory/webauthn.js", Some("sha512-x"), false),
            Err(Refusal::Origin)
        );
        assert!(
            policy("")
                .script("/.well-known/ory/webauthn.js", Some("sha512-x"), false)
                .unwrap()
                .is_webauthn
        );
    }

    #[test]
    fn links_and_images() {
        let policy = policy("");
        assert_eq!(
            policy
                .image("data:image/png;base64,iVBORw0KGgo=")
                .as_deref(),
            Some("data:image/png;base64,iVBORw0KGgo=")
        );
        assert!(policy.image("DATA:IMAGE/svg+xml,<svg/>").is_some());
        assert!(policy.image("https://cdn.example/qr.png").is_some());
        for src in SCRIPTING {
            assert_eq!(policy.image(src), None, "{src:?}");
        }
        assert!(policy.image("//evil.example/track.gif").is_none());
        assert!(policy.image("").is_none(), "not the page itself");
        assert!(policy.link(" ").is_none());
        assert!(policy.link("https://ory.sh/").is_some());
        assert!(policy.is_foreign("https://ory.sh/"));
        assert!(!policy.is_foreign("/settings"));
        assert!(policy.is_foreign("//evil.example"));
        assert_eq!(
            origin_of("https://Shop.Example:443/x").as_deref(),
            Some("https://shop.example")
        );
        assert_eq!(origin_of("/relative"), None);
        assert_eq!(origin_of("javascript:x"), None);
    }
}
