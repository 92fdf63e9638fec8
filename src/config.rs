//! Configuration shared by the controller and the components: where Kratos
//! is, where the flow pages live, where to go when done.

use crate::model::FlowKind;
use crate::url::{build_query, safe_url};

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
        }
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

    /// Where to go once done: `return_to` if it is a safe URL, else the default.
    pub fn return_url(&self, return_to: Option<&str>) -> String {
        return_to
            .filter(|url| !url.is_empty())
            .and_then(safe_url)
            .unwrap_or_else(|| self.default_return_url.clone())
    }
}
