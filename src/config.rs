//! Configuration shared by the controller and the components: where Kratos
//! is, where the flow pages live, where to go when done. Plain data;
//! [`KratosProvider`](crate::provider::KratosProvider) puts it in context.
//!
//! ## Usage
//!
//! ```
//! use leptos_kratos::config::KratosConfig;
//! let config = KratosConfig::new("https://auth.example.com")
//!     .with_ui_base("/auth/")
//!     .with_default_return_url("/dashboard");
//! let page = "https://app.example/login";
//! assert_eq!(config.return_url(Some("javascript:alert(1)"), page), "/dashboard");
//! assert_eq!(config.return_url(Some("//evil.example/"), page), "/dashboard");
//! assert_eq!(config.return_url(Some("/billing"), page), "https://app.example/billing");
//! ```

use crate::model::FlowKind;
use crate::url::build_query;
use crate::url::parse::resolve;
use crate::url::policy::UrlPolicy;

/// Where things are.
///
/// ```
/// use leptos_kratos::config::KratosConfig;
/// use leptos_kratos::model::FlowKind;
/// let config = KratosConfig::new("").with_ui_base("/auth/");
/// assert_eq!(config.flow_page(FlowKind::Login, &[("return_to", "/x")]), "/auth/login?return_to=%2Fx");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KratosConfig {
    /// Kratos's public URL; empty means the page's own origin (Kratos behind
    /// the same reverse proxy as the UI).
    pub kratos_url: String,
    /// The path under which the flow pages live (`<base>login`, `<base>settings`, ...).
    pub ui_base: String,
    /// Where to go after a successful flow when Kratos names no `return_to`.
    pub default_return_url: String,
    /// Paths on this origin that belong to Kratos, not to the app (when
    /// Kratos shares the app's origin): a router never handles them.
    /// Defaults to [`KRATOS_PATHS`].
    pub kratos_paths: Vec<String>,
    /// Origins besides the app's own that the page's `?return_to=` may lead
    /// to once a flow is done (Kratos's `return_to` is always followed).
    pub allowed_return_origins: Vec<String>,
    /// Origins scripts may be loaded from besides Kratos's (captcha
    /// providers such as `https://challenges.cloudflare.com`).
    pub script_origins: Vec<String>,
    /// How long a request to Kratos may take before it is given up, in
    /// milliseconds (default 30,000).
    pub request_timeout_ms: u32,
    /// How long "Resend code" waits after a code was sent before it can be
    /// used again, in seconds (default 30; 0: never waits).
    pub resend_cooldown_secs: u32,
    /// The app's endpoint for Ory Hydra consent requests (see
    /// [`crate::flows::oauth2`]); empty: no consent screen.
    pub oauth2_consent_endpoint: String,
    /// The app's endpoint for Ory Hydra logout requests; empty: no logout
    /// confirmation screen.
    pub oauth2_logout_endpoint: String,
    /// The product's name; cards that set the tab's title add it
    /// ("Sign in · Acme"). Empty: the heading alone.
    pub product_name: String,
}

/// The default [`KratosConfig::request_timeout_ms`].
pub const DEFAULT_REQUEST_TIMEOUT_MS: u32 = 30_000;

/// The default [`KratosConfig::resend_cooldown_secs`].
pub const DEFAULT_RESEND_COOLDOWN_SECS: u32 = 30;

/// The path prefixes of Kratos's public API that a browser can be sent to.
pub const KRATOS_PATHS: [&str; 6] = [
    "/self-service/",
    "/sessions",
    "/.well-known/",
    "/health/",
    "/schemas",
    "/oauth2/",
];

/// The entries of a space- or comma-separated list (of origins, for
/// [`KratosConfig::with_allowed_return_origins`] and
/// [`KratosConfig::with_script_origins`]).
///
/// ```
/// use leptos_kratos::config::origin_list;
/// assert_eq!(origin_list("https://a.example, https://b.example https://c.example"),
///     ["https://a.example", "https://b.example", "https://c.example"]);
/// ```
pub fn origin_list(list: &str) -> Vec<String> {
    list.split([' ', ','])
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect()
}

impl Default for KratosConfig {
    fn default() -> Self {
        Self::new("")
    }
}

impl KratosConfig {
    /// Kratos at `kratos_url` (empty: this origin), pages under `/`, return to `/`.
    pub fn new(kratos_url: impl Into<String>) -> Self {
        Self {
            kratos_url: kratos_url.into().trim_end_matches('/').to_owned(),
            ui_base: "/".into(),
            default_return_url: "/".into(),
            kratos_paths: KRATOS_PATHS.iter().map(|p| (*p).to_owned()).collect(),
            allowed_return_origins: Vec::new(),
            script_origins: Vec::new(),
            request_timeout_ms: DEFAULT_REQUEST_TIMEOUT_MS,
            resend_cooldown_secs: DEFAULT_RESEND_COOLDOWN_SECS,
            oauth2_consent_endpoint: String::new(),
            oauth2_logout_endpoint: String::new(),
            product_name: String::new(),
        }
    }

    /// Names the product in the tab's title after the page's heading.
    pub fn with_product_name(mut self, name: impl Into<String>) -> Self {
        self.product_name = name.into().trim().to_owned();
        self
    }

    /// The tab's title for a page whose heading is `heading`.
    ///
    /// ```
    /// use leptos_kratos::config::KratosConfig;
    /// assert_eq!(KratosConfig::default().document_title("Sign in"), "Sign in");
    /// let acme = KratosConfig::default().with_product_name("Acme");
    /// assert_eq!(acme.document_title("Sign in"), "Sign in · Acme");
    /// ```
    pub fn document_title(&self, heading: &str) -> String {
        match self.product_name.as_str() {
            "" => heading.to_owned(),
            name => format!("{heading} · {name}"),
        }
    }

    /// Where the consent screen asks for Hydra's consent request and sends
    /// the decision (an endpoint of the app's backend, see [`crate::flows::oauth2`]).
    pub fn with_oauth2_consent_endpoint(mut self, url: impl Into<String>) -> Self {
        self.oauth2_consent_endpoint = url.into();
        self
    }

    /// Where the logout confirmation asks for Hydra's logout request and
    /// sends the decision.
    pub fn with_oauth2_logout_endpoint(mut self, url: impl Into<String>) -> Self {
        self.oauth2_logout_endpoint = url.into();
        self
    }

    /// Lets the page's `?return_to=` lead to these origins too
    /// (`https://shop.example`); by default only to the app's own origin.
    pub fn with_allowed_return_origins(
        mut self,
        origins: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        self.allowed_return_origins
            .extend(origins.into_iter().map(Into::into));
        self
    }

    /// Lets script nodes load from these origins too (captcha providers);
    /// in native WebAuthn mode only these.
    pub fn with_script_origins(
        mut self,
        origins: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        self.script_origins
            .extend(origins.into_iter().map(Into::into));
        self
    }

    /// Gives up requests to Kratos after this many milliseconds (the form
    /// then says so and keeps what was typed).
    pub fn with_request_timeout_ms(mut self, timeout: u32) -> Self {
        self.request_timeout_ms = timeout;
        self
    }

    /// Lets "Resend code" be used again this many seconds after a code
    /// was sent (0: at once).
    pub fn with_resend_cooldown_secs(mut self, seconds: u32) -> Self {
        self.resend_cooldown_secs = seconds;
        self
    }

    /// A client for Kratos as configured (its URL and request timeout).
    #[cfg(feature = "ui")]
    pub fn client(&self) -> crate::client::KratosClient {
        crate::client::KratosClient::new(self.kratos_url.clone())
            .with_timeout_ms(self.request_timeout_ms)
    }

    /// The [URL policy](crate::url::policy) on the page at `page` (an
    /// absolute URL) with this configuration.
    ///
    /// ```
    /// use leptos_kratos::config::KratosConfig;
    /// let config = KratosConfig::new("").with_allowed_return_origins(["https://shop.example"]);
    /// let policy = config.url_policy("https://app.example/login");
    /// assert!(policy.page_return_to("https://shop.example/cart").is_some());
    /// assert!(policy.page_return_to("https://evil.example/").is_none());
    /// ```
    pub fn url_policy(&self, page: &str) -> UrlPolicy {
        UrlPolicy::new(page, &self.kratos_url)
            .with_return_origins(self.allowed_return_origins.iter().map(String::as_str))
            .with_script_origins(self.script_origins.iter().map(String::as_str))
    }

    /// Adds a path prefix on this origin that a router must leave alone
    /// (e.g. `/__dev/` of the development server, or another backend).
    pub fn with_kratos_path(mut self, prefix: impl Into<String>) -> Self {
        self.kratos_paths.push(prefix.into());
        self
    }

    /// The path, query and fragment of `url` if it is a page of the app on
    /// `origin` (e.g. `https://app.example`) — neither another site nor one
    /// of Kratos's endpoints — so a client-side router can show it.
    ///
    /// ```
    /// use leptos_kratos::config::KratosConfig;
    /// let config = KratosConfig::new("");
    /// let origin = "https://app.example";
    /// assert_eq!(config.app_path("https://app.example/dashboard?x=1", origin).as_deref(), Some("/dashboard?x=1"));
    /// assert_eq!(config.app_path("/login?flow=1", origin).as_deref(), Some("/login?flow=1"));
    /// assert_eq!(config.app_path("/self-service/login/browser", origin), None);
    /// assert_eq!(config.app_path("https://github.com/login", origin), None);
    /// assert_eq!(config.app_path("//evil.example/", origin), None);
    /// assert_eq!(config.app_path("/\\evil.example/", origin), None);
    /// assert_eq!(config.app_path("https://app.example.evil/x", origin), None);
    /// // Kratos on another origin: all of this origin is the app's.
    /// let remote = KratosConfig::new("https://auth.example");
    /// assert_eq!(remote.app_path("https://auth.example/self-service/login/browser", origin), None);
    /// ```
    pub fn app_path(&self, url: &str, origin: &str) -> Option<String> {
        let resolved = resolve(url, &format!("{origin}/")).filter(|u| u.is_http())?;
        if resolved.origin != origin {
            return None;
        }
        let path = resolved.local_part().to_owned();
        let policy = UrlPolicy::new(&resolved.href, &self.kratos_url);
        let kratos_here = policy.kratos_origin() == origin;
        let belongs_to_kratos = kratos_here
            && self.kratos_paths.iter().any(|prefix| {
                path.strip_prefix(policy.kratos_path())
                    .is_some_and(|rest| rest.starts_with(prefix.as_str()))
            });
        (!belongs_to_kratos).then_some(path)
    }

    /// Sets the path of the flow pages (a trailing `/` is added if missing).
    pub fn with_ui_base(mut self, base: impl Into<String>) -> Self {
        let mut base = base.into();
        if !base.ends_with('/') {
            base.push('/');
        }
        self.ui_base = base;
        self
    }

    /// Sets where to go after success when Kratos names no `return_to`.
    pub fn with_default_return_url(mut self, url: impl Into<String>) -> Self {
        self.default_return_url = url.into();
        self
    }

    /// The URL of a flow page with a query, e.g. `/login?flow=<id>`.
    pub fn flow_page(&self, kind: FlowKind, query: &[(&str, &str)]) -> String {
        self.page(kind.as_str(), query)
    }

    /// The URL of any page under the UI base (`""` is the home page).
    pub fn page(&self, name: &str, query: &[(&str, &str)]) -> String {
        let query = build_query(query.iter().copied().filter(|(_, v)| !v.is_empty()));
        if query.is_empty() {
            format!("{}{name}", self.ui_base)
        } else {
            format!("{}{name}?{query}", self.ui_base)
        }
    }

    /// Where to go once done when only the page's own `return_to` says so:
    /// that address if the [URL policy](UrlPolicy::page_return_to) allows
    /// it on `page`, else the default return URL.
    pub fn return_url(&self, return_to: Option<&str>, page: &str) -> String {
        return_to
            .filter(|url| !url.is_empty())
            .and_then(|url| self.url_policy(page).page_return_to(url))
            .unwrap_or_else(|| self.default_return_url.clone())
    }
}

/// The configuration in context, or the default (Kratos on this origin,
/// pages under `/`).
pub fn use_config() -> KratosConfig {
    leptos::prelude::use_context::<KratosConfig>().unwrap_or_default()
}
