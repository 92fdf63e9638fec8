//! Leaving the page and keeping the address bar current: the [`Navigator`]
//! in context ([`use_navigator`]).

use std::sync::Arc;

use wasm_bindgen::JsValue;

use crate::config::KratosConfig;
use crate::url::{build_query, parse_query};

/// How the controller leaves the page. The default assigns
/// `window.location`; an app with its own router can route instead.
#[derive(Clone)]
pub struct Navigator(Arc<dyn Fn(&str) + Send + Sync>);

impl Default for Navigator {
    fn default() -> Self {
        Self::new(|url| {
            if let Some(window) = web_sys::window() {
                let _ = window.location().assign(url);
            }
        })
    }
}

impl std::fmt::Debug for Navigator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Navigator")
    }
}

impl Navigator {
    /// A navigator that calls `go` with the (already safety-checked) URL.
    pub fn new(go: impl Fn(&str) + Send + Sync + 'static) -> Self {
        Self(Arc::new(go))
    }

    /// A navigator for an app with a client-side router: the app's own pages
    /// (see [`KratosConfig::app_path`]) go to `route` as path and query;
    /// Kratos's endpoints and other sites are full navigations.
    ///
    /// ## Usage
    ///
    /// ```no_run
    /// use leptos::prelude::*;
    /// use leptos_kratos::config::KratosConfig;
    /// use leptos_kratos::navigation::Navigator;
    ///
    /// // With leptos_router: `let navigate = use_navigate();` and
    /// // `move |path: String| navigate(&path, Default::default())`.
    /// let navigator = Navigator::for_router(KratosConfig::default(), |path: String| {
    ///     leptos::logging::log!("route to {path}");
    /// });
    /// provide_context(navigator);
    /// ```
    pub fn for_router(
        config: KratosConfig,
        route: impl Fn(String) + Send + Sync + 'static,
    ) -> Self {
        Self::new(move |url| {
            let origin = web_sys::window()
                .and_then(|window| window.location().origin().ok())
                .unwrap_or_default();
            match config.app_path(url, &origin) {
                Some(path) => route(path),
                None => {
                    if let Some(window) = web_sys::window() {
                        let _ = window.location().assign(url);
                    }
                }
            }
        })
    }

    /// Goes to `url`.
    pub fn go(&self, url: &str) {
        (self.0)(url)
    }
}

/// The page's current URL (path, query and fragment), for `return_to`;
/// on a server the page the browser asked for.
pub(crate) fn current_url() -> String {
    crate::url::current_page()
}

/// The query `search` (with or without its `?`) with `flow=<id>` first and
/// every other parameter kept; `None` when it names that flow already.
///
/// ```
/// use leptos_kratos::navigation::query_with_flow;
/// assert_eq!(query_with_flow("?return_to=%2Fa", "f1").as_deref(), Some("flow=f1&return_to=%2Fa"));
/// assert_eq!(query_with_flow("?flow=f0&aal=aal2", "f1").as_deref(), Some("flow=f1&aal=aal2"));
/// assert_eq!(query_with_flow("?aal=aal2&flow=f1", "f1"), None);
/// ```
pub fn query_with_flow(search: &str, flow_id: &str) -> Option<String> {
    let mut params = parse_query(search);
    let current = params
        .iter()
        .find(|(k, _)| k == "flow")
        .map(|(_, v)| v.as_str());
    if current == Some(flow_id) {
        return None;
    }
    params.retain(|(k, _)| k != "flow");
    params.insert(0, ("flow".into(), flow_id.into()));
    Some(build_query(
        params.iter().map(|(k, v)| (k.as_str(), v.as_str())),
    ))
}

/// Sets `?flow=<id>` in the address bar without reloading (replaceState),
/// keeping the path and any other parameters, so reload and back work.
pub fn replace_flow_in_address_bar(flow_id: &str) {
    if cfg!(not(target_arch = "wasm32")) {
        // No address bar outside a browser (native tests of the controller).
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    let Some(query) = query_with_flow(&search, flow_id) else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ =
            history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}?{query}")));
    }
}

/// The navigator in context (see
/// [`KratosProvider`](crate::provider::KratosProvider)), or the default one
/// that assigns `window.location`.
pub fn use_navigator() -> Navigator {
    leptos::prelude::use_context::<Navigator>().unwrap_or_default()
}
