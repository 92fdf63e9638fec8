//! Rendering an element: its settings read from its attributes, its
//! language's texts (fetched first when not compiled in), then the
//! library's component for it under a provider of its own, reporting
//! through events and leaving the page only when the page lets it.

use leptos::prelude::*;
use leptos_kratos::app::{load_translator, translator_at_once};
use leptos_kratos::components::FormLayout;
use leptos_kratos::controller::FlowCompletion;
use leptos_kratos::flows::{
    ErrorPage, Login, LogoutButton, Recovery, Registration, RequireSession, Sessions, Settings,
    Verification,
};
use leptos_kratos::i18n::{Translator, browser_languages};
use leptos_kratos::model::{ErrorResponse, Flow, FlowKind};
use leptos_kratos::navigation::Navigator;
use leptos_kratos::provider::KratosProvider;
use send_wrapper::SendWrapper;
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::events;
use crate::settings::{ATTRIBUTES, Element, ElementSettings, TAGS, read, restart_query};

/// The element, shareable with the library's callbacks (which must be
/// `Send`; WebAssembly runs on one thread).
type Host = SendWrapper<web_sys::HtmlElement>;

/// An element's rendered flow; dropping it (or `unmount()`) removes it.
#[wasm_bindgen]
pub struct Mounted {
    _view: Box<dyn std::any::Any>,
}

#[wasm_bindgen]
impl Mounted {
    /// Removes what the element rendered and stops its flow.
    pub fn unmount(self) {}
}

/// The tags the loader defines.
#[wasm_bindgen]
pub fn tags() -> Vec<String> {
    TAGS.iter().map(|tag| (*tag).to_owned()).collect()
}

/// The attributes the elements observe (changing one mounts again).
#[wasm_bindgen]
pub fn attributes() -> Vec<String> {
    ATTRIBUTES.iter().map(|name| (*name).to_owned()).collect()
}

/// Renders `host`'s flow into it. `texts` rewords texts (an object in
/// Ory's key format, or `undefined`); `assets` is the folder of the
/// loader, where the language files are (`locales/<tag>.json`);
/// `restart`: the element changed after it was shown (a new flow, not the
/// page's). `undefined` for a tag that is not one of [`tags`].
#[wasm_bindgen]
pub fn mount(
    host: web_sys::HtmlElement,
    texts: JsValue,
    assets: String,
    restart: bool,
) -> Option<Mounted> {
    let element = Element::from_tag(&host.local_name())?;
    let search = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default();
    let search = if restart {
        restart_query(&search)
    } else {
        search
    };
    let settings = read(element, |name| host.get_attribute(name), &search);
    let texts = js_sys::JSON::stringify(&texts)
        .ok()
        .and_then(|json| json.as_string())
        .and_then(|json| serde_json::from_str::<Value>(&json).ok())
        .unwrap_or(Value::Null);
    let languages = if settings.languages.is_empty() {
        browser_languages()
    } else {
        settings.languages.clone()
    };
    let shared = SendWrapper::new(host.clone());
    let handle = leptos::mount::mount_to(host, move || {
        // In the element's language: at once when the build has it, else
        // after fetching its file (nothing is shown in English meanwhile).
        let tags: Vec<&str> = languages.iter().map(String::as_str).collect();
        let chosen = translator_at_once(&tags).map(|t| t.with_texts(&texts));
        let ready = RwSignal::new(chosen);
        if ready.get_untracked().is_none() {
            leptos::task::spawn_local(async move {
                let translator = load_translator(languages, assets).await;
                ready.set(Some(translator.with_texts(&texts)));
            });
        }
        move || {
            ready
                .get()
                .map(|translator| provided(settings.clone(), translator, shared.clone()))
        }
    });
    Some(Mounted {
        _view: Box::new(handle),
    })
}

/// The element's view under a provider of its own.
fn provided(settings: ElementSettings, translator: Translator, host: Host) -> AnyView {
    let config = settings.config.clone();
    let webauthn = settings.webauthn;
    view! {
        <KratosProvider config translator webauthn>
            <Hosted settings host />
        </KratosProvider>
    }
    .into_any()
}

/// The library's component for the element, its callbacks turned into
/// events and its navigations offered to the page first.
#[component]
fn Hosted(settings: ElementSettings, host: Host) -> impl IntoView {
    provide_context(navigator(host.clone()));
    let ElementSettings {
        element,
        params,
        layout,
        hide_links,
        error_id,
        ..
    } = settings;
    let kind = match element {
        Element::Flow(kind) => kind,
        Element::Error => {
            return match error_id {
                Some(id) => view! { <ErrorPage id /> }.into_any(),
                None => view! { <ErrorPage /> }.into_any(),
            };
        }
        Element::Sessions => {
            return view! {
                <RequireSession>
                    <Sessions />
                </RequireSession>
            }
            .into_any();
        }
        Element::Logout => {
            let signed_out = {
                let host = host.clone();
                Callback::new(move |()| send(&host, events::SUCCESS, &events::signed_out()))
            };
            return match params.get("return_to").map(str::to_owned) {
                Some(return_to) => {
                    view! { <LogoutButton return_to on_logout=signed_out /> }.into_any()
                }
                None => view! { <LogoutButton on_logout=signed_out /> }.into_any(),
            };
        }
    };
    let on_success = {
        let host = host.clone();
        Callback::new(move |done: FlowCompletion| {
            send(&host, events::SUCCESS, &events::success(&done))
        })
    };
    let on_error = {
        let host = host.clone();
        Callback::new(move |error: ErrorResponse| {
            send(&host, events::ERROR, &events::error(&error))
        })
    };
    let on_validation_error = Callback::new(move |flow: Flow| {
        send(
            &host,
            events::VALIDATION_ERROR,
            &events::validation_error(kind, &flow),
        )
    });
    let layout = layout.unwrap_or_else(|| FormLayout::default_for(kind));
    macro_rules! flow {
        ($component:ident) => {
            view! {
                <$component params on_success on_error on_validation_error layout hide_links />
            }
            .into_any()
        };
    }
    match kind {
        FlowKind::Login => flow!(Login),
        FlowKind::Registration => flow!(Registration),
        FlowKind::Recovery => flow!(Recovery),
        FlowKind::Verification => flow!(Verification),
        FlowKind::Settings => flow!(Settings),
    }
}

/// Leaves the page for `url` (already judged by the URL policy) unless the
/// page cancels `kratos-navigate` to take the navigation itself.
fn navigator(host: Host) -> Navigator {
    Navigator::new(move |url| {
        if events::dispatch(&host, events::NAVIGATE, &events::navigate(url), true)
            && let Some(window) = web_sys::window()
        {
            let _ = window.location().assign(url);
        }
    })
}

fn send(host: &Host, name: &str, detail: &str) {
    events::dispatch(host, name, detail, false);
}
