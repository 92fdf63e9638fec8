//! The pages of the drop-in app, built from the library's own components.

use leptos::prelude::*;

use super::Route;
use crate::components::{Card, FormLayout, Loading};
use crate::config::KratosConfig;
use crate::flows::{
    AppLink, Consent, ErrorPage, FlowParams, Login, LogoutButton, OAuth2Logout, Recovery,
    Registration, Sessions, Settings, Verification,
};
use crate::i18n::{Phrase, use_translator};
use crate::model::FlowKind;
use crate::session::{SessionState, use_session};

/// The page for a route.
pub(super) fn page(route: Route, config: KratosConfig, params: Vec<(String, String)>) -> AnyView {
    match route {
        Route::Flow(FlowKind::Settings) => {
            // The session list once signed in (without a session the
            // settings flow sends the browser to the login page).
            let state = use_session().state();
            let signed_in = move || state.with(|s| s.session().is_some());
            view! {
                {flow_page(FlowKind::Settings, params)}
                <Show when=signed_in>
                    <Sessions />
                </Show>
            }
            .into_any()
        }
        Route::Flow(kind) => flow_page(kind, params).into_any(),
        Route::Error => view! { <ErrorPage document_title=true /> }.into_any(),
        Route::Consent => view! { <Consent document_title=true /> }.into_any(),
        Route::Logout => view! { <OAuth2Logout document_title=true /> }.into_any(),
        Route::Home => view! { <HomePage config /> }.into_any(),
    }
}

/// A flow page: the flow component with the address bar's parameters.
/// With `<meta name="kratos-layout" content="two-step">`, login and
/// registration ask for the identifier first, then the method.
fn flow_page(kind: FlowKind, params: Vec<(String, String)>) -> impl IntoView {
    let two_step = super::meta_content("kratos-layout").as_deref() == Some("two-step");
    let layout = (two_step && matches!(kind, FlowKind::Login | FlowKind::Registration))
        .then_some(FormLayout::TwoStep);
    let params = FlowParams::from(params);
    match kind {
        FlowKind::Login => {
            view! { <Login params layout=layout.unwrap_or_default() document_title=true /> }
                .into_any()
        }
        FlowKind::Registration => {
            view! { <Registration params layout=layout.unwrap_or_default() document_title=true /> }
                .into_any()
        }
        FlowKind::Recovery => view! { <Recovery params document_title=true /> }.into_any(),
        FlowKind::Verification => view! { <Verification params document_title=true /> }.into_any(),
        FlowKind::Settings => view! { <Settings params document_title=true /> }.into_any(),
    }
}

/// The home page: who is signed in, links to settings, and signing out.
#[component]
fn HomePage(config: KratosConfig) -> impl IntoView {
    let translator = use_translator();
    let session = use_session();
    // Always ask again: the session may have changed on another page.
    session.refresh();
    let state = session.state();
    let page = |kind: FlowKind| config.flow_page(kind, &[]);
    let settings = page(FlowKind::Settings);
    let login = page(FlowKind::Login);
    let registration = page(FlowKind::Registration);
    // The sign-out button is gone once signed out: keep focus on the page.
    let signed_out = Callback::new(|()| request_animation_frame(super::focus_heading));
    let body = move || match state.get() {
        SessionState::Loading => view! { <Loading /> }.into_any(),
        SessionState::SignedIn(current) => {
            let name = current
                .identity
                .as_ref()
                .and_then(|identity| identity.display_name())
                .unwrap_or_default();
            let translator = use_translator();
            view! {
                <p class="lk-session" data-state="signed-in">
                    {translator.phrase(Phrase::SignedInAs)} " " <strong>{name}</strong>
                </p>
                <nav class="lk-actions">
                    <AppLink href=settings.clone() text=translator.phrase(Phrase::SettingsTitle) class="lk-button" />
                    <LogoutButton on_logout=signed_out />
                </nav>
            }
            .into_any()
        }
        SessionState::NeedsSecondFactor(url) => {
            let translator = use_translator();
            let policy = crate::config::use_config().url_policy(&crate::url::current_page());
            let href = policy.kratos_target(&url);
            view! {
                <p class="lk-session" data-state="aal2-required">{translator.phrase(Phrase::SecondFactor)}</p>
                <nav class="lk-actions">
                    <a class="lk-button" href=href>{translator.phrase(Phrase::Continue)}</a>
                    <LogoutButton on_logout=signed_out />
                </nav>
            }
            .into_any()
        }
        SessionState::SignedOut | SessionState::Unavailable(_) => {
            let translator = use_translator();
            view! {
                <p class="lk-session" data-state="signed-out">{translator.phrase(Phrase::NotSignedIn)}</p>
                <nav class="lk-actions">
                    <AppLink href=login.clone() text=translator.phrase(Phrase::LoginTitle) class="lk-button" />
                    <AppLink href=registration.clone() text=translator.phrase(Phrase::RegistrationTitle) class="lk-button lk-secondary" />
                </nav>
            }
            .into_any()
        }
    };
    view! {
        <Card name="home" heading=translator.phrase(Phrase::Welcome) document_title=true>
            {body.clone()}
        </Card>
    }
}
