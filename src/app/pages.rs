//! The pages of the drop-in app.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Route;
use crate::client::{KratosClient, Outcome};
use crate::components::{ErrorView, FlowForm};
use crate::config::KratosConfig;
use crate::controller::{FlowController, FlowStatus, Navigator};
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
    view! {
        <section class="lk-card" data-flow=name>
            <h1 class="lk-title" tabindex="-1">
                {heading}
            </h1>
            {children()}
        </section>
    }
}

/// A flow page: loads the flow and renders it.
#[component]
fn FlowPage(kind: FlowKind, config: KratosConfig, params: Vec<(String, String)>) -> impl IntoView {
    let translator = use_translator();
    let navigator = use_context::<Navigator>().unwrap_or_default();
    let controller = FlowController::new(kind, config.clone(), navigator, params);
    controller.start();
    let flow = controller.flow();
    let status = controller.status();
    let notice = controller.notice();
    let start_over = controller.start_over_url();
    let loading = translator.phrase(Phrase::Loading);
    let body = move || match status.get() {
        FlowStatus::Failed(error) => view! {
            <ErrorView error=error.error start_over=start_over.clone() />
        }
        .into_any(),
        FlowStatus::Ready => match flow.get() {
            Some(flow) => view! { <FlowForm flow /> }.into_any(),
            None => ().into_any(),
        },
        FlowStatus::Loading | FlowStatus::Navigating(_) => {
            view! { <p class="lk-loading" aria-busy="true">{loading.clone()}</p> }.into_any()
        }
    };
    let notice_text = move || {
        notice
            .get()
            .map(|notice| view! { <p class="lk-notice" data-type="info">{notice.error.human_text().to_owned()}</p> })
    };
    view! {
        <Card name=kind.as_str() heading=translator.phrase(title(kind))>
            <div class="lk-notices" role="status" aria-live="polite">
                {notice_text}
            </div>
            {body}
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
                .map(|(phrase, href)| view! { <a class="lk-link" href=href>{translator.phrase(phrase)}</a> })
                .collect_view()}
        </nav>
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
    let loading = translator.phrase(Phrase::Loading);
    view! {
        <Card name="error" heading=translator.phrase(Phrase::ErrorTitle)>
            {move || match error.get() {
                Some(error) => view! { <ErrorView error start_over=home.clone() /> }.into_any(),
                None => view! { <p class="lk-loading" aria-busy="true">{loading.clone()}</p> }.into_any(),
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

/// The home page: who is signed in, and where to go.
#[component]
fn HomePage(config: KratosConfig) -> impl IntoView {
    let translator = use_translator();
    let session = RwSignal::new(None::<Option<Session>>);
    let client = KratosClient::new(config.kratos_url.clone());
    spawn_local(async move {
        session.set(Some(client.whoami().await.ok()));
    });
    let links = move |signed_in: bool| {
        let pages: &[(FlowKind, &str)] = if signed_in {
            &[(FlowKind::Settings, "Account settings")]
        } else {
            &[
                (FlowKind::Login, "Sign in"),
                (FlowKind::Registration, "Create an account"),
            ]
        };
        pages
            .iter()
            .map(|(kind, text)| {
                view! { <a class="lk-button" href=config.flow_page(*kind, &[])>{*text}</a> }
            })
            .collect_view()
    };
    let loading = translator.phrase(Phrase::Loading);
    view! {
        <Card name="home" heading="Welcome">
            {move || match session.get() {
                None => view! { <p class="lk-loading" aria-busy="true">{loading.clone()}</p> }.into_any(),
                Some(Some(session)) => {
                    let name = session
                        .identity
                        .as_ref()
                        .and_then(|identity| identity.display_name())
                        .unwrap_or_default();
                    view! {
                        <p class="lk-session" data-state="signed-in">"Signed in as " <strong>{name}</strong></p>
                        <nav class="lk-actions">{links(true)}</nav>
                    }
                    .into_any()
                }
                Some(None) => view! {
                    <p class="lk-session" data-state="signed-out">"You are not signed in."</p>
                    <nav class="lk-actions">{links(false)}</nav>
                }
                .into_any(),
            }}
        </Card>
    }
}
