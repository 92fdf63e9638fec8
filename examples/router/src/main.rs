//! An example Leptos app that embeds leptos-kratos: its own router
//! (leptos_router), its own layout and navigation bar, the flow components
//! under `/auth/`, a customised field and group, the two-step login layout
//! (identifier, then the method), and a page guarded by `<RequireSession>`.
//!
//! Build: `trunk build --release --config examples/router/Trunk.toml`;
//! the end-to-end journey `tests/e2e/example-app.test.mjs` drives it.

use leptos::prelude::*;
use leptos_kratos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::hooks::use_navigate;
use leptos_router::path;

fn main() {
    leptos::mount::mount_to_body(|| {
        view! {
            <Router>
                <App />
            </Router>
        }
    });
}

/// Where Kratos is (this origin) and where the flow pages live (`/auth/`).
fn kratos_config() -> KratosConfig {
    KratosConfig::new("")
        .with_ui_base("/auth/")
        .with_default_return_url("/dashboard")
        // The development server's fake identity provider shares the origin.
        .with_kratos_path("/__dev/")
}

/// The app's customisations: a hint under the e-mail field (wrapping the
/// library's own field) and a heading above single sign-on.
fn overrides() -> Overrides {
    Overrides::new()
        .node_where(
            |node| matches!(node.name(), Some("identifier" | "traits.email")),
            |cx| {
                Some(
                    view! {
                        <div class="example-email">
                            {cx.default_view()}
                            <p class="example-hint">"Use your work e-mail address."</p>
                        </div>
                    }
                    .into_any(),
                )
            },
        )
        .group(NodeGroup::Oidc, |cx| {
            Some(
                view! {
                    <div class="example-social">
                        <p class="example-social-title">"Single sign-on"</p>
                        {cx.default_view()}
                    </div>
                }
                .into_any(),
            )
        })
}

#[component]
fn App() -> impl IntoView {
    let navigate = use_navigate();
    // The library hands the app's own pages to the router; Kratos's
    // endpoints and other sites are full navigations.
    let route = Callback::new(move |path: String| navigate(&path, Default::default()));
    // The app's own reaction to the flow's callbacks: a status line.
    let toast = RwSignal::new(None::<String>);
    let registration = move || {
        view! {
            <Registration
                header=brand
                on_validation_error=move |_: Flow| toast.set(Some("Please check the form.".into()))
                on_success=move |done: FlowCompletion| {
                    let who = done.identity.and_then(|i| i.display_name()).unwrap_or_default();
                    toast.set(Some(format!("Welcome aboard, {who}!")))
                }
            />
        }
    };
    view! {
        <KratosProvider config=kratos_config() navigate=route overrides=overrides() locale="en">
            <TopBar />
            <p class="example-toast" role="status">{move || toast.get()}</p>
            <main class="lk-page">
                <Routes fallback=|| {
                    view! {
                        <section class="example-card">
                            <h1>"Not found"</h1>
                        </section>
                    }
                }>
                    <Route path=path!("/") view=Landing />
                    <Route path=path!("/dashboard") view=Dashboard />
                    <Route
                        path=path!("/auth/login")
                        view=|| view! { <Login header=brand layout=FormLayout::TwoStep /> }
                    />
                    <Route path=path!("/auth/registration") view=registration />
                    <Route path=path!("/auth/recovery") view=|| view! { <Recovery /> } />
                    <Route path=path!("/auth/verification") view=|| view! { <Verification /> } />
                    <Route path=path!("/auth/settings") view=AccountPage />
                    <Route path=path!("/auth/error") view=|| view! { <ErrorPage /> } />
                </Routes>
            </main>
        </KratosProvider>
    }
}

/// The logo line above the login and registration cards (the `header` slot).
fn brand() -> impl IntoView {
    view! { <p class="example-brand">"Acme"</p> }
}

/// The navigation bar: links through the router, and the session's actions.
#[component]
fn TopBar() -> impl IntoView {
    let state = use_session().state();
    let login = kratos_config().flow_page(FlowKind::Login, &[]);
    view! {
        <header class="example-bar">
            <A href="/" attr:class="example-brand">
                "Acme"
            </A>
            <nav aria-label="Main">
                <A href="/dashboard">"Dashboard"</A>
                {move || match state.get() {
                    SessionState::SignedIn(_) => {
                        view! {
                            <A href="/auth/settings">"Account"</A>
                            <LogoutButton return_to="/" />
                        }
                            .into_any()
                    }
                    _ => view! { <A href=login.clone()>"Sign in"</A> }.into_any(),
                }}
            </nav>
        </header>
    }
}

#[component]
fn Landing() -> impl IntoView {
    view! {
        <section class="example-card">
            <h1>"Acme"</h1>
            <p>"The dashboard is for members. Sign in or create an account to see it."</p>
        </section>
    }
}

/// A page only for signed-in users.
#[component]
fn Dashboard() -> impl IntoView {
    let session = use_session().session();
    let email = move || {
        session
            .get()
            .and_then(|s| s.identity)
            .and_then(|identity| identity.display_name())
            .unwrap_or_default()
    };
    view! {
        <RequireSession>
            <section class="example-card" data-page="dashboard">
                <h1>"Dashboard"</h1>
                <p>"Welcome back, " <strong class="example-user">{email}</strong> "."</p>
            </section>
        </RequireSession>
    }
}

/// Account settings and the list of sessions, for signed-in users.
#[component]
fn AccountPage() -> impl IntoView {
    view! {
        <RequireSession>
            <Settings />
            <Sessions />
        </RequireSession>
    }
}
