//! [`KratosProvider`]: everything the flows read from context, provided at
//! once.

use crate::components::Overrides;
use crate::config::KratosConfig;
use crate::i18n::{Translator, browser_languages, language_list};
use crate::navigation::Navigator;
use crate::webauthn::WebAuthnMode;

/// Everything the components read from context, provided at once: the
/// configuration, how to navigate, the language, the WebAuthn mode, the
/// [`Overrides`] and one shared session state
/// ([`use_session`](crate::session::use_session)). Put it around the part of the app that shows flows (or
/// around the whole app).
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::components::Overrides;
/// use leptos_kratos::config::KratosConfig;
/// use leptos_kratos::provider::KratosProvider;
/// use leptos_kratos::flows::Login;
///
/// #[component]
/// fn Auth() -> impl IntoView {
///     let config = KratosConfig::new("https://auth.example.com").with_ui_base("/auth/");
///     view! {
///         <KratosProvider config locale="de, en" overrides=Overrides::new()>
///             <Login />
///         </KratosProvider>
///     }
/// }
/// ```
#[leptos::component]
pub fn KratosProvider(
    /// Where Kratos and the flow pages are, and where to go when done.
    #[prop(optional)]
    config: KratosConfig,
    /// The app's router: receives the app's own pages as path and query
    /// (see [`Navigator::for_router`]); Kratos's endpoints and other sites
    /// are full navigations. Without it every move is a full navigation.
    #[prop(optional, into)]
    navigate: Option<leptos::prelude::Callback<String>>,
    /// Language tags, best first (`"de, en"`); without it the browser's
    /// languages. Only compiled-in locales are used, English otherwise.
    #[prop(optional, into)]
    locale: Option<String>,
    /// A translator of your own (e.g. with overridden messages); wins over
    /// `locale`.
    #[prop(optional)]
    translator: Option<Translator>,
    /// How passkeys and security keys run (Kratos's script, or native).
    #[prop(optional)]
    webauthn: WebAuthnMode,
    /// Custom renderers and sorters.
    #[prop(optional)]
    overrides: Overrides,
    /// The part of the app that uses the components.
    children: leptos::prelude::Children,
) -> impl leptos::prelude::IntoView {
    use leptos::prelude::{Callable, provide_context};
    let navigator = match navigate {
        Some(route) => Navigator::for_router(config.clone(), move |path| route.run(path)),
        None => Navigator::default(),
    };
    let translator = translator.unwrap_or_else(|| {
        let languages: Vec<String> = match locale {
            Some(list) => language_list(&list),
            None => browser_languages(),
        };
        Translator::for_languages(&languages.iter().map(String::as_str).collect::<Vec<_>>())
    });
    // One session state for everything under the provider: flow successes
    // and logouts refresh what every component shows.
    provide_context(crate::session::SessionHandle::new(&config));
    provide_context(config);
    provide_context(navigator);
    provide_context(translator);
    provide_context(webauthn);
    provide_context(overrides);
    provide_context(crate::components::FormIds::default());
    children()
}
