//! A flow in a card: loads it, renders it, submits it, follows the answers.

use crate::navigation::use_navigator;
use leptos::prelude::*;

use super::link::AppLink;
use super::params::FlowParams;
use super::session::LogoutButton;
use crate::components::{ErrorView, FlowForm, FormLayout, GroupOrder};
use crate::config::{KratosConfig, use_config};
use crate::controller::links::flow_links;
use crate::controller::{
    FlowCompletion, FlowController, FlowEvents, FlowStatus, NOTICE_SIGNED_IN, Problem, Submission,
};
use crate::i18n::{Phrase, use_translator};
use crate::model::{ErrorId, Flow, FlowKind, FlowState};
use crate::session::SessionHandle;

/// Everything a flow card can be given; the flow components' props.
#[derive(Clone, Default)]
pub(crate) struct FlowSettings {
    pub params: MaybeProp<FlowParams>,
    pub events: FlowEvents,
    pub layout: Option<FormLayout>,
    pub group_order: Option<GroupOrder>,
    pub class: MaybeProp<String>,
    pub header: Option<ViewFn>,
    pub footer: Option<ViewFn>,
    pub hide_links: bool,
    pub document_title: bool,
}

/// The heading of a flow's card, for the step it is at: a login asking to
/// confirm the person (`refresh`) or for a second factor (`aal2`), a code
/// sent, a verified address; else the flow's own title.
pub(crate) fn heading(kind: FlowKind, flow: Option<&Flow>) -> Phrase {
    let state = flow.and_then(|flow| flow.state.clone());
    match (kind, state) {
        (FlowKind::Login, _)
            if flow.is_some_and(|f| f.requested_aal.as_deref() == Some("aal2")) =>
        {
            Phrase::SecondFactorTitle
        }
        (FlowKind::Login, _) if flow.is_some_and(|f| f.refresh == Some(true)) => {
            Phrase::ConfirmItsYou
        }
        (
            FlowKind::Login | FlowKind::Registration | FlowKind::Recovery | FlowKind::Verification,
            Some(FlowState::SentEmail),
        ) => Phrase::CheckYourEmail,
        (FlowKind::Verification, Some(FlowState::PassedChallenge)) => Phrase::EmailVerified,
        (FlowKind::Login, _) => Phrase::LoginTitle,
        (FlowKind::Registration, _) => Phrase::RegistrationTitle,
        (FlowKind::Recovery, _) => Phrase::RecoveryTitle,
        (FlowKind::Verification, _) => Phrase::VerificationTitle,
        (FlowKind::Settings, _) => Phrase::SettingsTitle,
    }
}

/// The line under a flow's heading, where Kratos's own messages leave
/// something unsaid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Lead {
    /// A phrase as it is.
    Says(Phrase),
    /// Where the code went, the address masked.
    CodeSentTo(String),
}

/// The lead for a flow at its step: where a code went; what to enter to
/// start recovery or verification; for a refresh or second-factor login
/// why, unless Kratos says it in a message of its own.
pub(crate) fn lead(kind: FlowKind, flow: Option<&Flow>) -> Option<Lead> {
    let flow = flow?;
    if let Some(address) = flow.code_sent_to() {
        return Some(Lead::CodeSentTo(crate::model::mask_address(address)));
    }
    let quiet = flow.ui.messages.is_empty();
    let phrase = match (kind, &flow.state) {
        (FlowKind::Login, _) if flow.requested_aal.as_deref() == Some("aal2") && quiet => {
            Phrase::LeadSecondFactor
        }
        (FlowKind::Login, _) if flow.refresh == Some(true) && quiet => Phrase::LeadRefresh,
        (FlowKind::Recovery, Some(FlowState::ChooseMethod)) => Phrase::LeadRecovery,
        (FlowKind::Verification, Some(FlowState::ChooseMethod)) => Phrase::LeadVerification,
        _ => return None,
    };
    Some(Lead::Says(phrase))
}

/// A flow in a card: loads it, renders it, submits it, follows the answers.
pub(crate) fn flow_view(kind: FlowKind, settings: FlowSettings) -> impl IntoView {
    let translator = use_translator();
    let config = use_config();
    let navigator = use_navigator();
    let params = settings.params;
    let initial = params
        .get_untracked()
        .unwrap_or_else(FlowParams::from_location)
        .into_pairs();
    let mut events = settings.events;
    // A completed login or registration changes the session everyone sees.
    if let Some(session) = use_context::<SessionHandle>() {
        let report = events.on_success;
        events.on_success = Some(Callback::new(move |done: FlowCompletion| {
            session.refresh();
            if let Some(report) = report {
                report.run(done);
            }
        }));
    }
    let controller =
        FlowController::new(kind, config.clone(), navigator, initial).with_events(events);
    // A server-rendered page starts from the answer its server got (see
    // `server`); otherwise the flow is asked for now.
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    controller.start();
    // New parameters from the app (its router moved to another query):
    // start over with them.
    Effect::new({
        let controller = controller.clone();
        move |previous: Option<Option<FlowParams>>| {
            let current = params.get();
            if let Some(previous) = previous
                && previous != current
            {
                let pairs = current
                    .clone()
                    .unwrap_or_else(FlowParams::from_location)
                    .into_pairs();
                controller.restart_with(pairs);
            }
            current
        }
    });
    let flow = controller.flow();
    let status = controller.status();
    let notice = controller.notice();
    let focus_errors = controller.errors_shown();
    let busy = Signal::derive(move || status.with(FlowStatus::is_busy));
    let layout = settings
        .layout
        .unwrap_or_else(|| FormLayout::default_for(kind));
    let group_order = settings.group_order;
    let on_submit = {
        let controller = controller.clone();
        Callback::new(move |submission: Submission| controller.submit(submission))
    };
    let has_flow = Memo::new(move |_| flow.with(Option::is_some));
    let failure = {
        let controller = controller.clone();
        move || match status.get() {
            FlowStatus::Failed(error) => {
                // Starting over leaves out a return_to Kratos refused, and
                // says so.
                let refused_return_to =
                    error
                        .is(&ErrorId::SelfServiceFlowReturnToForbidden)
                        .then(|| {
                            let text = use_translator().phrase(Phrase::ReturnToForbidden);
                            view! { <p class="lk-notice" data-type="info">{text}</p> }
                        });
                let start_over = controller.start_over_url();
                Some(
                    view! {
                        {refused_return_to}
                        <ErrorView error=error.error start_over />
                    }
                    .into_any(),
                )
            }
            FlowStatus::Refused(problem) => {
                // Recoverable problems leave the form usable; the others (and
                // any without a flow on screen) offer to start over.
                let start_over = (!problem.is_recoverable() || !has_flow.get_untracked())
                    .then(|| controller.start_over_url());
                Some(problem_view(problem, start_over).into_any())
            }
            _ => None,
        }
    };
    // The form is created once and then follows the controller's flow: it
    // stays mounted while a replacement flow loads or after an error, so
    // what the user typed is kept.
    let shown = Signal::derive(move || flow.get().unwrap_or_default());
    let form = move || {
        if has_flow.get() {
            let group_order = group_order.clone();
            view! { <FlowForm flow=shown on_submit busy focus_errors layout group_order /> }
                .into_any()
        } else if matches!(status.get(), FlowStatus::Failed(_)) {
            ().into_any()
        } else {
            crate::components::flow_skeleton().into_any()
        }
    };
    let notice_text = move || {
        notice.get().map(|notice| {
            view! { <p class="lk-notice" data-type="info">{notice.error.human_text().to_owned()}</p> }
        })
    };
    // Settings opened from recovery while signed in says why.
    let signed_in_notice = (kind == FlowKind::Settings
        && controller.param("notice").as_deref() == Some(NOTICE_SIGNED_IN))
    .then(|| translator.phrase(Phrase::AlreadySignedIn));
    // Later steps of a login say which account it is for, with a way to
    // start over as someone else (keeping return_to and the rest).
    let identity = {
        let (controller, translator) = (controller.clone(), translator.clone());
        move || {
            let identifier = flow.with(|flow| {
                flow.as_ref()
                    .and_then(Flow::identifier_in_use)
                    .map(str::to_owned)
            })?;
            let start_over = controller.start_over_url();
            Some(view! {
                <p class="lk-identity">
                    {translator.phrase(Phrase::SigningInAs)} " " <strong>{identifier}</strong> " "
                    <AppLink href=start_over text=translator.phrase(Phrase::NotYou) />
                </p>
            })
        }
    };
    let lead_line = {
        let translator = translator.clone();
        move || {
            let text = match flow.with(|flow| lead(kind, flow.as_ref()))? {
                Lead::Says(phrase) => translator.phrase(phrase),
                Lead::CodeSentTo(address) => translator
                    .phrase(Phrase::CodeSentTo)
                    .replace("{address}", &address),
            };
            Some(view! { <p class="lk-lead">{text}</p> })
        }
    };
    let hide_links = settings.hide_links;
    let link_params = controller.params();
    let card = crate::components::CardParts {
        name: kind.as_str().to_owned(),
        heading: Signal::derive({
            let translator = translator.clone();
            move || flow.with(|flow| translator.phrase(heading(kind, flow.as_ref())))
        }),
        kind: Some(kind),
        class: settings.class,
        header: settings.header,
        footer: settings.footer,
        document_title: settings.document_title,
        content: ViewFn::from(move || {
            // The links come with the form (or its failure), below it: shown
            // before, they would move down when the form arrives.
            let links = (!hide_links).then(|| {
                let (config, params) = (config.clone(), link_params.clone());
                move || {
                    let settled =
                        has_flow.get() || status.with(|s| !matches!(s, FlowStatus::Loading));
                    settled.then(|| {
                        view! { <FlowLinks kind config=config.clone() flow params=params.clone() /> }
                    })
                }
            });
            view! {
                <div class="lk-notices" role="status" aria-live="polite">
                    {signed_in_notice.clone().map(|text| view! { <p class="lk-notice" data-type="info">{text}</p> })}
                    {notice_text}
                </div>
                {lead_line.clone()}
                {identity.clone()}
                {failure.clone()}
                {form.clone()}
                {links}
            }
        }),
    };
    #[cfg(any(feature = "ssr", feature = "hydrate"))]
    return super::server::from_first_answer(controller, card);
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    crate::components::card_view(card)
}

/// The phrase explaining a problem the library stopped at.
fn problem_phrase(problem: Problem) -> Phrase {
    match problem {
        Problem::TimedOut => Phrase::TimedOut,
        Problem::ForeignAction => Phrase::ForeignAction,
        Problem::UnsafeTarget => Phrase::UnsafeTarget,
        Problem::TooManyHops => Phrase::TooManyHops,
    }
}

/// A problem the library stopped at, as an alert; with a way to start over
/// when the flow cannot simply be sent again.
fn problem_view(problem: Problem, start_over: Option<String>) -> impl IntoView {
    let translator = use_translator();
    let name = match problem {
        Problem::TimedOut => "timed-out",
        Problem::ForeignAction => "foreign-action",
        Problem::UnsafeTarget => "unsafe-target",
        Problem::TooManyHops => "too-many-hops",
    };
    let link = start_over.map(|href| {
        view! { <AppLink href text=translator.phrase(Phrase::StartOver) class="lk-button lk-start-over" /> }
    });
    view! {
        <div class="lk-error lk-problem" role="alert" data-problem=name>
            <p class="lk-error-message">{translator.phrase(problem_phrase(problem))}</p>
            {link}
        </div>
    }
}

/// Links between flows under the card (sign up, forgot password, sign in),
/// carrying the flow's context (see [`flow_links`]); on a second-factor or
/// re-authentication login, a way to sign out and use another account.
#[component]
fn FlowLinks(
    kind: FlowKind,
    config: KratosConfig,
    flow: Signal<Option<Flow>>,
    params: Vec<(String, String)>,
) -> impl IntoView {
    let links =
        Memo::new(move |_| flow.with(|flow| flow_links(&config, kind, flow.as_ref(), &params)));
    move || {
        let translator = use_translator();
        let current = links.get();
        let another = translator.phrase(Phrase::UseAnotherAccount);
        let sign_out = current.sign_out_to.map(|login| {
            view! {
                <LogoutButton return_to=login class="lk-link-button">
                    {another}
                </LogoutButton>
            }
        });
        let links = current
            .links
            .into_iter()
            .map(|(phrase, href)| view! { <AppLink href text=translator.phrase(phrase) /> })
            .collect_view();
        view! {
            <nav class="lk-links">
                {links}
                {sign_out}
            </nav>
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{Lead, heading, lead};
    use crate::i18n::Phrase;
    use crate::model::{Flow, FlowKind};

    #[test]
    fn headings_follow_the_step() {
        let flow = |value: serde_json::Value| -> Flow { serde_json::from_value(value).unwrap() };
        let cases = [
            (FlowKind::Login, None, Phrase::LoginTitle),
            (
                FlowKind::Login,
                Some(json!({"state": "choose_method"})),
                Phrase::LoginTitle,
            ),
            (
                FlowKind::Login,
                Some(json!({"refresh": true})),
                Phrase::ConfirmItsYou,
            ),
            (
                FlowKind::Login,
                Some(json!({"requested_aal": "aal2"})),
                Phrase::SecondFactorTitle,
            ),
            (
                FlowKind::Login,
                Some(json!({"requested_aal": "aal2", "refresh": true})),
                Phrase::SecondFactorTitle,
            ),
            (
                FlowKind::Login,
                Some(json!({"state": "sent_email"})),
                Phrase::CheckYourEmail,
            ),
            (
                FlowKind::Registration,
                Some(json!({"state": "sent_email"})),
                Phrase::CheckYourEmail,
            ),
            (
                FlowKind::Registration,
                Some(json!({"state": "choose_method"})),
                Phrase::RegistrationTitle,
            ),
            (
                FlowKind::Recovery,
                Some(json!({"state": "sent_email"})),
                Phrase::CheckYourEmail,
            ),
            (
                FlowKind::Recovery,
                Some(json!({"state": "passed_challenge"})),
                Phrase::RecoveryTitle,
            ),
            (
                FlowKind::Verification,
                Some(json!({"state": "sent_email"})),
                Phrase::CheckYourEmail,
            ),
            (
                FlowKind::Verification,
                Some(json!({"state": "passed_challenge"})),
                Phrase::EmailVerified,
            ),
            (
                FlowKind::Settings,
                Some(json!({"state": "show_form"})),
                Phrase::SettingsTitle,
            ),
            (
                FlowKind::Settings,
                Some(json!({"state": "success", "refresh": true})),
                Phrase::SettingsTitle,
            ),
        ];
        for (kind, value, expected) in cases {
            let shown = value.clone().map(flow);
            assert_eq!(
                heading(kind, shown.as_ref()),
                expected,
                "{kind:?} {value:?}"
            );
        }
    }

    #[test]
    fn leads_say_what_kratos_leaves_unsaid() {
        let flow = |value: serde_json::Value| -> Flow { serde_json::from_value(value).unwrap() };
        let message = json!([{"id": 1010003, "type": "info", "text": "Please confirm this action by verifying that it is you."}]);
        let resend = json!([{"type": "input", "group": "code",
            "attributes": {"name": "email", "type": "submit", "value": "ada@example.com"}}]);
        let says = |phrase| Some(Lead::Says(phrase));
        let cases = [
            (FlowKind::Login, json!({"state": "choose_method"}), None),
            (
                FlowKind::Login,
                json!({"refresh": true}),
                says(Phrase::LeadRefresh),
            ),
            (
                FlowKind::Login,
                json!({"refresh": true, "ui": {"messages": message}}),
                None,
            ),
            (
                FlowKind::Login,
                json!({"requested_aal": "aal2"}),
                says(Phrase::LeadSecondFactor),
            ),
            (
                FlowKind::Login,
                json!({"requested_aal": "aal2", "ui": {"messages": message}}),
                None,
            ),
            (
                FlowKind::Recovery,
                json!({"state": "choose_method"}),
                says(Phrase::LeadRecovery),
            ),
            (
                FlowKind::Recovery,
                json!({"state": "sent_email", "ui": {"nodes": resend}}),
                Some(Lead::CodeSentTo("a•••@example.com".into())),
            ),
            (FlowKind::Recovery, json!({"state": "sent_email"}), None),
            (
                FlowKind::Verification,
                json!({"state": "choose_method"}),
                says(Phrase::LeadVerification),
            ),
            (
                FlowKind::Verification,
                json!({"state": "passed_challenge"}),
                None,
            ),
            (
                FlowKind::Registration,
                json!({"state": "choose_method"}),
                None,
            ),
            (FlowKind::Settings, json!({"state": "show_form"}), None),
        ];
        for (kind, value, expected) in cases {
            assert_eq!(
                lead(kind, Some(&flow(value.clone()))),
                expected,
                "{kind:?} {value}"
            );
        }
        assert_eq!(lead(FlowKind::Recovery, None), None);
    }
}
