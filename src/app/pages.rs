//! The pages of the drop-in app.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Route;
use crate::client::{KratosClient, Outcome};
use crate::components::{ErrorView, FlowForm, FormLayout};
use crate::config::KratosConfig;
use crate::controller::{FlowController, FlowStatus, Navigator, Submission};
use crate::i18n::{Phrase, use_translator};
use crate::model::{FlowKind, GenericError, Session};

/// The page for a route.
pub(super) fn page(route: Route, config: KratosConfig, params: Vec<(String, String)>) -> AnyView {
    match route {
        Route::Flow(kind) => view! { <FlowPage kind config params /> }.into_any(),
        Route::Error => view! { <ErrorPage config params /> }.into_any(),
        Route::Home => view! { <HomePage config /> }.into_any(),
    }
}

fn title(kind: FlowKind) -> Phrase {
    match kind {
        FlowKind::Login => Phrase::LoginTitle,
        FlowKind::Registration => Phrase::RegistrationTitle,
        FlowKind::Recovery => Phrase::RecoveryTitle,
        FlowKind::Verification => Phrase::VerificationTitle,
        FlowKind::Settings => Phrase::SettingsTitle,
    }
}

/// A card with a heading: the frame of every page.
#[component]
fn Card(
    /// `data-flow` of the card (the flow kind or page name).
    #[prop(into)]
    name: String,
    /// The heading.
    #[prop(into)]
    heading: String,
    children: Children,
) -> impl IntoView {
    // The tab's title names the page too (WCAG 2.4.2).
    document().set_title(&heading);
    view! {
        <section class="lk-card" data-flow=name>
            <h1 class="lk-title" tabindex="-1">
                {heading}
            </h1>
            {children()}
        </section>
    }
}

/// A loading indicator.
fn loading() -> impl IntoView {
    let text = use_translator().phrase(Phrase::Loading);
    view! { <p class="lk-loading" aria-busy="true">{text}</p> }
}

/// A flow page: loads the flow, renders it, submits it.
#[component]
fn FlowPage(kind: FlowKind, config: KratosConfig, params: Vec<(String, String)>) -> impl IntoView {
    let translator = use_translator();
    let navigator = use_context::<Navigator>().unwrap_or_default();
    let controller = FlowController::new(kind, config.clone(), navigator, params);
    controller.start();
    let flow = controller.flow();
    let status = controller.status();
    let notice = controller.notice();
    let focus_errors = controller.errors_shown();
    let start_over = controller.start_over_url();
    let busy = Signal::derive(move || status.with(FlowStatus::is_busy));
    let layout = match kind {
        FlowKind::Settings => FormLayout::PerGroup,
        _ => FormLayout::Single,
    };
    let on_submit = {
        let controller = controller.clone();
        Callback::new(move |submission: Submission| controller.submit(submission))
    };
    let failure = move || match status.get() {
        FlowStatus::Failed(error) => Some(view! {
            <ErrorView error=error.error start_over=start_over.clone() />
        }),
        _ => None,
    };
    // The form is created once and then follows the controller's flow: it
    // stays mounted while a replacement flow loads or after an error, so
    // what the user typed is kept.
    let has_flow = Memo::new(move |_| flow.with(Option::is_some));
    let shown = Signal::derive(move || flow.get().unwrap_or_default());
    let form = move || {
        if has_flow.get() {
            view! { <FlowForm flow=shown on_submit busy focus_errors layout /> }.into_any()
        } else if matches!(status.get(), FlowStatus::Failed(_)) {
            ().into_any()
        } else {
            loading().into_any()
        }
    };
    let notice_text = move || {
        notice.get().map(|notice| {
            view! { <p class="lk-notice" data-type="info">{notice.error.human_text().to_owned()}</p> }
        })
    };
    view! {
        <Card name=kind.as_str() heading=translator.phrase(title(kind))>
            <div class="lk-notices" role="status" aria-live="polite">
                {notice_text}
            </div>
            {failure}
            {form}
            <FlowLinks kind config />
        </Card>
    }
}

/// Links between flows under the card (sign up, forgot password, sign in).
#[component]
fn FlowLinks(kind: FlowKind, config: KratosConfig) -> impl IntoView {
    let translator = use_translator();
    let links: Vec<(Phrase, String)> = match kind {
        FlowKind::Login => vec![
            (
                Phrase::ForgotPassword,
                config.flow_page(FlowKind::Recovery, &[]),
            ),
            (
                Phrase::NoAccount,
                config.flow_page(FlowKind::Registration, &[]),
            ),
        ],
        FlowKind::Registration | FlowKind::Recovery | FlowKind::Verification => {
            vec![(Phrase::HaveAccount, config.flow_page(FlowKind::Login, &[]))]
        }
        FlowKind::Settings => vec![(Phrase::Home, config.page("", &[]))],
    };
    view! {
        <nav class="lk-links">
            {links
                .into_iter()
                .map(|(phrase, href)| view! { <AppLink href text=translator.phrase(phrase) /> })
                .collect_view()}
        </nav>
    }
}

/// A link to one of the app's pages: a real `<a href>` that the app follows
/// without reloading.
#[component]
fn AppLink(href: String, text: String, #[prop(optional)] class: &'static str) -> impl IntoView {
    let navigator = use_context::<Navigator>().unwrap_or_default();
    let target = href.clone();
    let follow = move |event: leptos::ev::MouseEvent| {
        if event.button() == 0
            && !event.ctrl_key()
            && !event.meta_key()
            && !event.shift_key()
            && !event.alt_key()
        {
            event.prevent_default();
            navigator.go(&target);
        }
    };
    let class = if class.is_empty() { "lk-link" } else { class };
    view! {
        <a class=class href=href on:click=follow>
            {text}
        </a>
    }
}

/// `/error?id=`: shows a stored flow error.
#[component]
fn ErrorPage(config: KratosConfig, params: Vec<(String, String)>) -> impl IntoView {
    let translator = use_translator();
    let id = params
        .into_iter()
        .find(|(k, _)| k == "id" || k == "error")
        .map(|(_, v)| v)
        .unwrap_or_default();
    let error = RwSignal::new(None::<GenericError>);
    let client = KratosClient::new(config.kratos_url.clone());
    spawn_local(async move {
        let shown = match client.get_flow_error(&id).await {
            Ok(container) => container.generic().unwrap_or_else(|| GenericError {
                message: container
                    .error
                    .map(|e| e.to_string())
                    .unwrap_or_else(|| "Unknown error".into()),
                ..Default::default()
            }),
            Err(outcome) => failure(outcome),
        };
        error.set(Some(shown));
    });
    let home = config.page("", &[]);
    view! {
        <Card name="error" heading=translator.phrase(Phrase::ErrorTitle)>
            {move || match error.get() {
                Some(error) => view! { <ErrorView error start_over=home.clone() /> }.into_any(),
                None => loading().into_any(),
            }}
        </Card>
    }
}

/// The error to show for an outcome that is not a success.
fn failure(outcome: Outcome) -> GenericError {
    match outcome {
        Outcome::Unexpected { status, detail } => GenericError {
            code: Some(status.into()),
            message: detail,
            ..Default::default()
        },
        other => other
            .error()
            .map(|error| error.error.clone())
            .unwrap_or_default(),
    }
}

/// What the home page knows about the session.
#[derive(Clone, Debug, PartialEq)]
enum SessionState {
    Loading,
    SignedIn(Box<Session>),
    SignedOut,
    /// A second factor is needed (whoami answered 403 with where to go).
    NeedsSecondFactor(String),
}

/// The home page: who is signed in, links to settings, and signing out.
#[component]
fn HomePage(config: KratosConfig) -> impl IntoView {
    let translator = use_translator();
    let session = RwSignal::new(SessionState::Loading);
    let client = KratosClient::new(config.kratos_url.clone());
    let fetch_state = {
        let client = client.clone();
        move || {
            let client = client.clone();
            async move {
                match client.whoami().await {
                    Ok(current) => SessionState::SignedIn(Box::new(current)),
                    Err(Outcome::Redirect { url, .. }) => SessionState::NeedsSecondFactor(url),
                    Err(_) => SessionState::SignedOut,
                }
            }
        }
    };
    spawn_local({
        let fetch_state = fetch_state.clone();
        async move { session.set(fetch_state().await) }
    });
    let signing_out = RwSignal::new(false);
    let sign_out = {
        let client = client.clone();
        move |_| {
            if signing_out.get_untracked() {
                return;
            }
            signing_out.set(true);
            let client = client.clone();
            let fetch_state = fetch_state.clone();
            spawn_local(async move {
                let _ = client.logout(None).await;
                session.set(fetch_state().await);
                signing_out.set(false);
                // The button is gone: keep focus on the page, at its top.
                request_animation_frame(super::focus_heading);
            });
        }
    };
    let page = |kind: FlowKind| config.flow_page(kind, &[]);
    let settings = page(FlowKind::Settings);
    let login = page(FlowKind::Login);
    let registration = page(FlowKind::Registration);
    let second_factor_text = translator.phrase(Phrase::SecondFactor);
    view! {
        <Card name="home" heading=translator.phrase(Phrase::Welcome)>
            {move || match session.get() {
                SessionState::Loading => loading().into_any(),
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
                            <button class="lk-button lk-secondary" type="button" on:click=sign_out.clone() disabled=move || signing_out.get()>
                                {translator.phrase(Phrase::SignOut)}
                            </button>
                        </nav>
                    }
                    .into_any()
                }
                SessionState::NeedsSecondFactor(url) => {
                    let translator = use_translator();
                    view! {
                        <p class="lk-session" data-state="aal2-required">{second_factor_text.clone()}</p>
                        <nav class="lk-actions">
                            <a class="lk-button" href=crate::url::safe_url(&url)>{translator.phrase(Phrase::Continue)}</a>
                            <button class="lk-button lk-secondary" type="button" on:click=sign_out.clone() disabled=move || signing_out.get()>
                                {translator.phrase(Phrase::SignOut)}
                            </button>
                        </nav>
                    }
                    .into_any()
                }
                SessionState::SignedOut => {
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
            }}
        </Card>
    }
}
