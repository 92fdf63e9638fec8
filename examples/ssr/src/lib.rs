//! A server-rendered Leptos app with leptos-kratos's flows: the server asks
//! Kratos for each page's flow with the browser's cookies and sends a
//! complete form (it works before the WebAssembly arrives, and without
//! JavaScript); the browser hydrates the page from the same answer and from
//! then on behaves as the client-side components do. The home page is for
//! signed-in people: the server sends anyone else to the login page before
//! any HTML.
//!
//! Run it against the development server: `bash .ci/serve ssr`. The server
//! is `src/main.rs` (`--features ssr`); the browser's module is this library
//! built for `wasm32-unknown-unknown` with `--features hydrate`. Both are
//! compiled with `--cfg erase_components` (`.ci/build-ssr`): hydration
//! needs the server and the module to render views the same way.

use leptos::prelude::*;
use leptos_kratos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

/// The app's pages, for the server's router and the browser's hydration.
/// Each is rendered whole before it is sent (`SsrMode::Async`): the form is
/// in the page itself, not in a streamed chunk that only a script puts in
/// place, and Kratos's cookies and redirects are in the response's headers.
#[component]
pub fn App(
    /// Kratos's public URL as the browser sees it.
    kratos_url: String,
) -> impl IntoView {
    let config = KratosConfig::new(kratos_url)
        .with_ui_base("/")
        .with_default_return_url("/");
    view! {
        <KratosProvider config locale="en">
            <Router>
                <main class="lk-page">
                    <Routes fallback=|| view! { <p>"Not found"</p> }>
                        <Route ssr=SsrMode::Async path=path!("/") view=Home />
                        <Route ssr=SsrMode::Async path=path!("/login") view=|| view! { <Login /> } />
                        <Route ssr=SsrMode::Async path=path!("/registration") view=|| view! { <Registration /> } />
                        <Route ssr=SsrMode::Async path=path!("/recovery") view=|| view! { <Recovery /> } />
                        <Route ssr=SsrMode::Async path=path!("/verification") view=|| view! { <Verification /> } />
                        <Route ssr=SsrMode::Async path=path!("/settings") view=AccountPage />
                        <Route ssr=SsrMode::Async path=path!("/error") view=|| view! { <ErrorPage /> } />
                    </Routes>
                </main>
            </Router>
        </KratosProvider>
    }
}

/// The home page, for signed-in people only.
#[component]
fn Home() -> impl IntoView {
    let session = use_session().session();
    let name = move || {
        session
            .get()
            .and_then(|session| session.identity)
            .and_then(|identity| identity.display_name())
            .unwrap_or_default()
    };
    view! {
        <RequireSession fallback=checking>
            <section class="lk-card" data-page="home">
                <h1 class="lk-title">"Welcome"</h1>
                <p>"Signed in as " <strong data-testid="user">{name}</strong> "."</p>
                <nav class="lk-links">
                    <a href="/settings">"Account settings"</a>
                    <LogoutButton return_to="/login" />
                </nav>
            </section>
        </RequireSession>
    }
}

/// Account settings and the other sessions, for signed-in people.
#[component]
fn AccountPage() -> impl IntoView {
    view! {
        <RequireSession fallback=checking>
            <Settings />
            <Sessions />
        </RequireSession>
    }
}

/// What a guarded page shows while the session is checked, and after
/// signing out while the browser leaves for the login page: a heading and
/// a busy line, never an empty page.
fn checking() -> impl IntoView {
    view! {
        <section class="lk-card" aria-busy="true">
            <h1 class="lk-title">"Your account"</h1>
            <p>"Checking your session…"</p>
        </section>
    }
}

/// The browser's entry point: hydrates the page the server sent.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // A panic says what happened in the console (else only "unreachable").
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
    let kratos_url = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| {
            document
                .query_selector(r#"meta[name="kratos-url"]"#)
                .ok()
                .flatten()
        })
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default();
    leptos::mount::hydrate_body(move || view! { <App kratos_url /> });
}
