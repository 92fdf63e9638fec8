//! The drop-in single-page app: routes, configuration from `<meta>` tags,
//! and one page per flow.
//!
//! Routes are the last path segment: `login`, `registration`, `recovery`,
//! `verification`, `settings`, `error`, `consent`, `logout` (the last two
//! for Ory Hydra); anything else is the home page. The
//! pages can therefore live under any prefix (`/auth/login`). Moving between
//! the app's own pages uses the History API; everything else (Kratos, other
//! sites) is a full navigation.

mod pages;
#[cfg(test)]
mod preload;
mod route;
mod site;
mod startup;

use leptos::prelude::*;

pub use route::Route;
pub use site::{Messages, Site};

use crate::config::KratosConfig;
use crate::i18n::browser_languages;
use crate::navigation::Navigator;

/// Reads the configuration from the page's `<meta>` tags, so a built app can
/// be pointed elsewhere without rebuilding:
///
/// - `<meta name="kratos-url" content="https://auth.example.com">` — Kratos's
///   public URL; empty or absent means this origin (a reverse proxy or
///   `trunk serve`'s proxy puts Kratos's paths under the app).
/// - `<meta name="kratos-return-url" content="/">` — where to go after a
///   successful flow when Kratos names no `return_to`.
///
/// - `<meta name="kratos-allowed-return-origins" content="https://shop.example">`
///   — origins besides this one that the page's `?return_to=` may lead to
///   (space- or comma-separated).
/// - `<meta name="kratos-script-origins" content="https://challenges.cloudflare.com">`
///   — origins script nodes may load from besides Kratos's (captcha).
///
/// - `<meta name="kratos-oauth2-consent" content="/api/oauth2/consent">` and
///   `<meta name="kratos-oauth2-logout">` — the app backend's endpoints for
///   Ory Hydra's consent and logout screens (`/consent`, `/logout`; see
///   [`crate::flows::oauth2`]).
/// - `<meta name="kratos-resend-cooldown" content="30">` — seconds before
///   "Resend code" can be used again; empty or absent: 30.
///
/// The app also reads `kratos-webauthn` (`script` or `native`),
/// `kratos-locale` (language tags, best first; empty: the browser's) and
/// `kratos-layout` (`two-step`: login and registration ask for the
/// identifier first, then the method).
pub fn config_from_document(ui_base: &str) -> KratosConfig {
    let list = |name: &str| crate::config::origin_list(&meta_content(name).unwrap_or_default());
    let config = KratosConfig::new(meta_content("kratos-url").unwrap_or_default())
        .with_ui_base(ui_base)
        .with_allowed_return_origins(list("kratos-allowed-return-origins"))
        .with_script_origins(list("kratos-script-origins"))
        .with_oauth2_consent_endpoint(meta_content("kratos-oauth2-consent").unwrap_or_default())
        .with_oauth2_logout_endpoint(meta_content("kratos-oauth2-logout").unwrap_or_default());
    let config = match meta_content("kratos-resend-cooldown").and_then(|s| s.trim().parse().ok()) {
        Some(seconds) => config.with_resend_cooldown_secs(seconds),
        None => config,
    };
    match meta_content("kratos-return-url").filter(|url| !url.is_empty()) {
        Some(url) => config.with_default_return_url(url),
        None => config.with_default_return_url(ui_base),
    }
}

/// The translator the drop-in app starts with for someone whose languages
/// are `languages` (BCP 47, best first), when nothing must be fetched for
/// it: English, or a language compiled in. `None`: use [`load_translator`].
/// For other front ends that ship the drop-in's language files (the custom
/// elements).
pub fn translator_at_once(languages: &[&str]) -> Option<crate::i18n::Translator> {
    startup::at_once(languages, false).map(|startup| startup.translator)
}

/// The translator for `languages` with the chosen language's texts
/// fetched from `<assets>locales/<tag>.json` (the drop-in's language
/// files, `assets` ending in `/`); the texts the build has when the file
/// cannot be read.
pub async fn load_translator(languages: Vec<String>, assets: String) -> crate::i18n::Translator {
    let page = crate::url::current_page();
    startup::load(None, languages, assets, page)
        .await
        .translator
}

/// The `content` of `<meta name=...>` in the page, if present.
fn meta_content(name: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let element = document
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()??;
    element.get_attribute("content")
}

/// `<meta name="kratos-webauthn" content="native">` selects the native
/// WebAuthn mode (no external script); anything else is script mode.
fn webauthn_mode_from_document() -> crate::webauthn::WebAuthnMode {
    match meta_content("kratos-webauthn").as_deref() {
        Some("native") => crate::webauthn::WebAuthnMode::Native,
        _ => crate::webauthn::WebAuthnMode::Script,
    }
}

/// The languages to speak, best first: `<meta name="kratos-locale"
/// content="de, fr">`, or the browser's when it is empty or absent.
fn requested_languages() -> Vec<String> {
    let configured = crate::i18n::language_list(&meta_content("kratos-locale").unwrap_or_default());
    if configured.is_empty() {
        browser_languages()
    } else {
        configured
    }
}

/// The site file named by `<meta name="kratos-site" content="site.json">`,
/// resolved against the page: only from the page's own origin.
fn site_file() -> Option<String> {
    let named = meta_content("kratos-site").filter(|name| !name.trim().is_empty())?;
    let page = crate::url::current_page();
    let url = crate::url::parse::resolve(named.trim(), &page)?;
    let origin = crate::url::policy::origin_of(&page);
    if url.is_http() && Some(&url.origin) == origin.as_ref() {
        Some(url.href)
    } else {
        leptos::logging::warn!("leptos-kratos: the site file {named} is not on this origin");
        None
    }
}

/// The folder of the app's own files (where Trunk put its script; the
/// language files are under `locales/` there), ending in `/`.
fn assets_base() -> String {
    let page = crate::url::current_page();
    let script = document()
        .query_selector("script[data-js]")
        .ok()
        .flatten()
        .and_then(|script| script.get_attribute("data-js"))
        .and_then(|js| crate::url::parse::resolve(&js, &page))
        .filter(|url| url.is_http());
    match script {
        Some(url) => match url.href.rfind('/') {
            Some(end) => url.href[..=end].to_owned(),
            None => url.href,
        },
        None => crate::url::join(
            &crate::url::policy::origin_of(&page).unwrap_or_default(),
            "/",
        ),
    }
}

/// The address bar's path and query.
fn current_location() -> (String, String) {
    let location = web_sys::window().map(|w| w.location());
    let path = location
        .as_ref()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_else(|| "/".into());
    let search = location
        .as_ref()
        .and_then(|l| l.search().ok())
        .unwrap_or_default();
    (path, search)
}

/// The path and query of `url` if it is one of this app's pages (this
/// origin, see [`KratosConfig::app_path`], and the pages' base path);
/// `None` for Kratos's endpoints, other paths and other sites.
fn app_page(url: &str, config: &KratosConfig) -> Option<(String, String)> {
    let origin = web_sys::window()?.location().origin().ok()?;
    let local = config.app_path(url, &origin)?;
    let (path, query) = match local.split_once('?') {
        Some((path, query)) => (path, format!("?{query}")),
        None => (local.as_str(), String::new()),
    };
    let path = if path.is_empty() { "/" } else { path };
    let (_, base) = Route::from_path(path);
    (base == config.ui_base).then(|| (path.to_owned(), query))
}

/// Focuses the page's heading (after navigation or a change of the whole
/// page's content), so screen readers announce it and keyboard users start
/// at the top.
fn focus_heading() {
    let heading = document().query_selector(".lk-title").ok().flatten();
    if let Some(heading) =
        heading.and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok())
    {
        let _ = heading.focus();
    }
}

/// The drop-in app: picks the page from the address bar.
///
/// ## Usage
///
/// ```no_run
/// // src/main.rs of the drop-in app (built by `trunk build`):
/// leptos::mount::mount_to_body(leptos_kratos::app::App);
/// ```
#[component]
pub fn App() -> impl IntoView {
    let location = RwSignal::new(current_location());
    let (_, ui_base) = Route::from_path(&location.get_untracked().0);
    let config = config_from_document(&ui_base);
    provide_context(config.clone());
    provide_context(webauthn_mode_from_document());
    provide_context(crate::session::SessionHandle::new(&config));

    // The language and the site file: at once when nothing must be
    // fetched, else after fetching it (the card's outline meanwhile).
    let languages = requested_languages();
    let site_url = site_file();
    let tags: Vec<&str> = languages.iter().map(String::as_str).collect();
    let started = RwSignal::new(startup::at_once(&tags, site_url.is_some()));
    if started.get_untracked().is_none() {
        let (assets, page) = (assets_base(), crate::url::current_page());
        leptos::task::spawn_local(async move {
            started.set(Some(startup::load(site_url, languages, assets, page).await));
        });
    }

    // The app's own pages are shown without reloading; anything else is a
    // full navigation.
    let pages = config.clone();
    let navigator = Navigator::new(move |url: &str| match app_page(url, &pages) {
        Some((path, query)) => {
            if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                let _ = history.push_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some(&format!("{path}{query}")),
                );
            }
            location.set((path, query));
        }
        None => {
            if let Some(window) = web_sys::window() {
                let _ = window.location().assign(url);
            }
        }
    });
    provide_context(navigator);
    let _back = window_event_listener(leptos::ev::popstate, move |_| {
        location.set(current_location())
    });

    // After moving to another page, focus its heading (screen readers
    // announce the new page; keyboard users start at its top).
    Effect::new(move |first: Option<()>| {
        location.track();
        if first.is_some() {
            request_animation_frame(focus_heading);
        }
    });

    move || match started.get() {
        Some(startup) => view! { <Shell startup location config=config.clone() /> }.into_any(),
        None => view! {
            <main class="lk-page" aria-busy="true">
                <div class="lk-card" data-state="starting" aria-hidden="true">
                    <div class="lk-skeleton">
                        <div class="lk-skeleton-field"></div>
                        <div class="lk-skeleton-field"></div>
                        <div class="lk-skeleton-button"></div>
                    </div>
                </div>
            </main>
        }
        .into_any(),
    }
}

/// The pages once the app knows its language and site: the translator in
/// context, the product's logo and name above the page, its terms and
/// privacy links below.
#[component]
fn Shell(
    startup: startup::Startup,
    location: RwSignal<(String, String)>,
    config: KratosConfig,
) -> impl IntoView {
    let startup::Startup { site, translator } = startup;
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", translator.locale());
    }
    let config = match &site.product_name {
        Some(name) => config.with_product_name(name),
        None => config,
    };
    provide_context(config.clone());
    let terms = translator.phrase(crate::i18n::Phrase::TermsOfService);
    let privacy = translator.phrase(crate::i18n::Phrase::PrivacyPolicy);
    provide_context(translator);
    let brand = site.has_branding().then(|| {
        view! {
            <header class="lk-brand">
                {site.logo.clone().map(|src| view! { <img class="lk-logo" src=src alt=site.logo_alt.clone() /> })}
                {site.product_name.clone().map(|name| view! { <span class="lk-product">{name}</span> })}
            </header>
        }
    });
    let link = |href: &Option<String>, text: String| {
        href.clone()
            .map(|href| view! { <a href=href rel="noopener">{text}</a> })
    };
    let legal = (site.terms_url.is_some() || site.privacy_url.is_some()).then(|| {
        view! {
            <footer class="lk-legal">
                {link(&site.terms_url, terms)}
                {link(&site.privacy_url, privacy)}
            </footer>
        }
    });
    view! {
        <main class="lk-page">
            {brand}
            {move || {
                let (path, search) = location.get();
                let (route, _) = Route::from_path(&path);
                pages::page(route, config.clone(), crate::url::parse_query(&search))
            }}
            {legal}
        </main>
    }
}
