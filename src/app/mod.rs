//! The drop-in single-page app: routes, configuration from `<meta>` tags,
//! and one page per flow.
//!
//! Routes are the last path segment: `login`, `registration`, `recovery`,
//! `verification`, `settings`, `error`; anything else is the home page. The
//! pages can therefore live under any prefix (`/auth/login`).

mod pages;
mod route;

use leptos::prelude::*;

pub use route::Route;

use crate::config::KratosConfig;
use crate::controller::Navigator;

/// Reads the configuration from the page's `<meta>` tags, so a built app can
/// be pointed elsewhere without rebuilding:
///
/// - `<meta name="kratos-url" content="https://auth.example.com">` — Kratos's
///   public URL; empty or absent means this origin (a reverse proxy or
///   `trunk serve`'s proxy puts Kratos's paths under the app).
/// - `<meta name="kratos-return-url" content="/">` — where to go after a
///   successful flow when Kratos names no `return_to`.
pub fn config_from_document(ui_base: &str) -> KratosConfig {
    let meta = |name: &str| -> Option<String> {
        let document = web_sys::window()?.document()?;
        let element = document
            .query_selector(&format!("meta[name=\"{name}\"]"))
            .ok()??;
        element.get_attribute("content")
    };
    let mut config =
        KratosConfig::new(meta("kratos-url").unwrap_or_default()).with_ui_base(ui_base);
    if let Some(url) = meta("kratos-return-url").filter(|url| !url.is_empty()) {
        config = config.with_default_return_url(url);
    } else {
        config = config.with_default_return_url(ui_base);
    }
    config
}

/// The drop-in app: picks the page from the address bar.
#[component]
pub fn App() -> impl IntoView {
    let location = web_sys::window().map(|w| w.location());
    let path = location
        .as_ref()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_else(|| "/".into());
    let search = location
        .as_ref()
        .and_then(|l| l.search().ok())
        .unwrap_or_default();
    let (route, ui_base) = Route::from_path(&path);
    let config = config_from_document(&ui_base);
    let params = crate::url::parse_query(&search);
    provide_context(config.clone());
    provide_context(Navigator::default());
    view! {
        <main class="lk-page">
            {pages::page(route, config, params)}
        </main>
    }
}
