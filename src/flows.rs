//! Ready-made flow components for Leptos apps: [`Login`], [`Registration`],
//! [`Recovery`], [`Verification`], [`Settings`] and [`FlowError`].
//!
//! Each one creates (or fetches, with `?flow=`) its flow through the
//! [`FlowController`], renders it in a
//! card with [`FlowForm`], submits it and acts on every answer. They read
//! the configuration, navigator, language, WebAuthn mode and overrides from
//! context: wrap them in a [`KratosProvider`](crate::config::KratosProvider).
//!
//! ## Usage
//!
//! ```no_run
//! use leptos::prelude::*;
//! use leptos_kratos::config::KratosProvider;
//! use leptos_kratos::controller::FlowCompletion;
//! use leptos_kratos::flows::{FlowParams, Login};
//!
//! #[component]
//! fn LoginPage() -> impl IntoView {
//!     view! {
//!         <KratosProvider>
//!             // Parameters from the address bar (`?flow=`, `?return_to=`, ...):
//!             <Login on_success=|done: FlowCompletion| {
//!                 leptos::logging::log!("signed in: {:?}", done.session.map(|s| s.id))
//!             } />
//!             // ... or given explicitly:
//!             <Login params=FlowParams::new().aal("aal2").return_to("/billing") />
//!         </KratosProvider>
//!     }
//! }
//! ```

use leptos::prelude::*;

use crate::components::{AppLink, Card, ErrorView, FlowForm, FormLayout, GroupOrder, LogoutButton};
use crate::config::{KratosConfig, use_config};
use crate::controller::links::flow_links;
use crate::controller::{
    FlowCompletion, FlowController, FlowEvents, FlowStatus, NOTICE_SIGNED_IN, Navigator, Problem,
    Submission,
};
use crate::i18n::{Phrase, use_translator};
use crate::model::{ErrorId, ErrorResponse, Flow, FlowKind, GenericError, OAuth2Error};
use crate::session::SessionHandle;
use crate::url::parse_query;

/// The parameters a flow is created with (`return_to`, `aal`, `refresh`,
/// `login_challenge`, `organization`, `via`, ...) and the id of an existing
/// flow to show (`flow`).
///
/// ```
/// use leptos_kratos::flows::FlowParams;
/// let params = FlowParams::new().aal("aal2").return_to("/billing");
/// assert_eq!(params.get("aal"), Some("aal2"));
/// assert_eq!(FlowParams::from_query("?flow=abc&refresh=true").get("flow"), Some("abc"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FlowParams(Vec<(String, String)>);

impl FlowParams {
    /// No parameters: a new flow with Kratos's defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// The parameters of a query string (`?flow=...&return_to=...`).
    pub fn from_query(query: &str) -> Self {
        Self(parse_query(query))
    }

    /// The parameters in the address bar.
    pub fn from_location() -> Self {
        let search = web_sys::window()
            .and_then(|window| window.location().search().ok())
            .unwrap_or_default();
        Self::from_query(&search)
    }

    /// Sets a parameter (replacing an earlier value).
    pub fn set(mut self, key: &str, value: impl Into<String>) -> Self {
        self.0.retain(|(k, _)| k != key);
        self.0.push((key.to_owned(), value.into()));
        self
    }

    /// A parameter's value.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Shows an existing flow instead of creating one.
    pub fn flow(self, id: impl Into<String>) -> Self {
        self.set("flow", id)
    }

    /// Where to go once the flow is done.
    pub fn return_to(self, url: impl Into<String>) -> Self {
        self.set("return_to", url)
    }

    /// Login: the assurance level to reach (`aal2` asks for a second factor).
    pub fn aal(self, aal: impl Into<String>) -> Self {
        self.set("aal", aal)
    }

    /// Login: sign in again although signed in (privileged actions).
    pub fn refresh(self, refresh: bool) -> Self {
        self.set("refresh", refresh.to_string())
    }

    /// Login and registration: an OAuth2 login challenge (Ory Hydra).
    pub fn login_challenge(self, challenge: impl Into<String>) -> Self {
        self.set("login_challenge", challenge)
    }

    /// Login and registration: the organization (B2B single sign-on).
    pub fn organization(self, id: impl Into<String>) -> Self {
        self.set("organization", id)
    }

    /// Login by code: which trait the code goes to (`email`, `phone`).
    pub fn via(self, via: impl Into<String>) -> Self {
        self.set("via", via)
    }

    /// The parameters as pairs.
    pub fn into_pairs(self) -> Vec<(String, String)> {
        self.0
    }
}

impl From<Vec<(String, String)>> for FlowParams {
    fn from(pairs: Vec<(String, String)>) -> Self {
        Self(pairs)
    }
}

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

/// The heading of a flow's card.
fn title(kind: FlowKind) -> Phrase {
    match kind {
        FlowKind::Login => Phrase::LoginTitle,
        FlowKind::Registration => Phrase::RegistrationTitle,
        FlowKind::Recovery => Phrase::RecoveryTitle,
        FlowKind::Verification => Phrase::VerificationTitle,
        FlowKind::Settings => Phrase::SettingsTitle,
    }
}

/// A flow in a card: loads it, renders it, submits it, follows the answers.
pub(crate) fn flow_view(kind: FlowKind, settings: FlowSettings) -> impl IntoView {
    let translator = use_translator();
    let config = use_config();
    let navigator = use_context::<Navigator>().unwrap_or_default();
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
    let layout = settings.layout.unwrap_or(match kind {
        FlowKind::Settings => FormLayout::PerGroup,
        _ => FormLayout::Single,
    });
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
            crate::components::loading_line().into_any()
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
    .then(|| translator.phrase(Phrase::AlreadySignedIn))
    .map(|text| view! { <p class="lk-notice" data-type="info">{text}</p> });
    let hide_links = settings.hide_links;
    let link_params = controller.params();
    crate::components::card_view(crate::components::CardParts {
        name: kind.as_str().to_owned(),
        heading: translator.phrase(title(kind)),
        kind: Some(kind),
        class: settings.class,
        header: settings.header,
        footer: settings.footer,
        document_title: settings.document_title,
        content: ViewFn::from(move || {
            let links = (!hide_links).then(|| {
                view! { <FlowLinks kind config=config.clone() flow params=link_params.clone() /> }
            });
            view! {
                <div class="lk-notices" role="status" aria-live="polite">
                    {signed_in_notice.clone()}
                    {notice_text}
                </div>
                {failure.clone()}
                {form.clone()}
                {links}
            }
        }),
    })
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

/// Declares a flow component: the same props for every flow kind.
macro_rules! flow_component {
    ($(#[$doc:meta])* $name:ident => $kind:expr) => {
        $(#[$doc])*
        #[component]
        pub fn $name(
            /// The flow's parameters (`flow`, `return_to`, `aal`, ...); without
            /// them, the address bar's. When they change, the flow starts over.
            #[prop(optional, into)]
            params: MaybeProp<FlowParams>,
            /// Called when the flow completes (signed in, signed up, saved,
            /// verified, recovered), before the page moves on.
            #[prop(optional, into)]
            on_success: Option<Callback<FlowCompletion>>,
            /// Called with each error Kratos answers with (including ones the
            /// flow recovers from: an expired flow, a CSRF failure).
            #[prop(optional, into)]
            on_error: Option<Callback<ErrorResponse>>,
            /// Called when a submission comes back with messages to fix.
            #[prop(optional, into)]
            on_validation_error: Option<Callback<Flow>>,
            /// Called with each URL the flow leaves for (the navigator in
            /// context still does the navigating).
            #[prop(optional, into)]
            on_navigate: Option<Callback<String>>,
            /// How the methods are laid out (default: one form; settings: one
            /// form per method; or [`FormLayout::TwoStep`]).
            #[prop(optional)]
            layout: Option<FormLayout>,
            /// The order of the method groups.
            #[prop(optional, into)]
            group_order: Option<GroupOrder>,
            /// Extra classes for the card.
            #[prop(optional, into)]
            class: MaybeProp<String>,
            /// Shown above the heading (a logo).
            #[prop(optional, into)]
            header: Option<ViewFn>,
            /// Shown at the bottom of the card (terms, help).
            #[prop(optional, into)]
            footer: Option<ViewFn>,
            /// Leaves out the links to the other flows (sign up, forgot password, ...).
            #[prop(optional)]
            hide_links: bool,
        ) -> impl IntoView {
            flow_view(
                $kind,
                FlowSettings {
                    params,
                    events: FlowEvents {
                        on_success,
                        on_error,
                        on_validation_error,
                        on_navigate,
                    },
                    layout,
                    group_order,
                    class,
                    header,
                    footer,
                    hide_links,
                    document_title: false,
                },
            )
        }
    };
}

flow_component! {
    /// The login flow: password, code, passkey, social sign-in, second
    /// factors, whatever Kratos offers.
    ///
    /// ## Usage
    ///
    /// ```no_run
    /// use leptos::prelude::*;
    /// use leptos_kratos::flows::Login;
    ///
    /// #[component]
    /// fn LoginPage() -> impl IntoView {
    ///     view! { <Login class="my-card" footer=|| view! { <small>"Terms apply."</small> } /> }
    /// }
    /// ```
    Login => FlowKind::Login
}

flow_component! {
    /// The registration flow (one step or Kratos's two-step profile form).
    ///
    /// ## Usage
    ///
    /// ```no_run
    /// use leptos::prelude::*;
    /// use leptos_kratos::flows::Registration;
    /// use leptos_kratos::model::Flow;
    ///
    /// #[component]
    /// fn SignUpPage() -> impl IntoView {
    ///     view! { <Registration on_validation_error=|flow: Flow| leptos::logging::log!("fix: {}", flow.id) /> }
    /// }
    /// ```
    Registration => FlowKind::Registration
}

flow_component! {
    /// The account recovery flow (code or link by e-mail).
    ///
    /// ## Usage
    ///
    /// ```no_run
    /// use leptos::prelude::*;
    /// use leptos_kratos::flows::Recovery;
    ///
    /// #[component]
    /// fn RecoveryPage() -> impl IntoView {
    ///     view! { <Recovery /> }
    /// }
    /// ```
    Recovery => FlowKind::Recovery
}

flow_component! {
    /// The address verification flow.
    ///
    /// ## Usage
    ///
    /// ```no_run
    /// use leptos::prelude::*;
    /// use leptos_kratos::controller::FlowCompletion;
    /// use leptos_kratos::flows::Verification;
    ///
    /// #[component]
    /// fn VerificationPage() -> impl IntoView {
    ///     view! { <Verification on_success=|_: FlowCompletion| leptos::logging::log!("verified") /> }
    /// }
    /// ```
    Verification => FlowKind::Verification
}

flow_component! {
    /// The settings flow: profile, password, linked accounts, passkeys,
    /// authenticator app, security keys, backup codes; one form per method.
    ///
    /// ## Usage
    ///
    /// ```no_run
    /// use leptos::prelude::*;
    /// use leptos_kratos::components::{RequireSession, Sessions};
    /// use leptos_kratos::flows::Settings;
    ///
    /// #[component]
    /// fn AccountPage() -> impl IntoView {
    ///     view! {
    ///         <RequireSession>
    ///             <Settings />
    ///             <Sessions />
    ///         </RequireSession>
    ///     }
    /// }
    /// ```
    Settings => FlowKind::Settings
}

/// The error page: a stored flow error (`/self-service/errors?id=`), or
/// the OAuth2 error Ory Hydra sends to the same page
/// (`?error=&error_description=&error_hint=`), shown as it came.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::flows::FlowError;
///
/// #[component]
/// fn ErrorPage() -> impl IntoView {
///     // Reads `?id=` (or Hydra's `?error=`) from the address bar.
///     view! { <FlowError /> }
/// }
/// ```
#[component]
pub fn FlowError(
    /// The error id; without it, the address bar's `?id=` (or `?error=`),
    /// or Hydra's OAuth2 error there.
    #[prop(optional, into)]
    id: Option<String>,
    /// Extra classes for the card.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// Whether the heading also becomes the document's title.
    #[prop(optional)]
    document_title: bool,
) -> impl IntoView {
    let translator = use_translator();
    let config = use_config();
    let home = config.page("", &[]);
    let search = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default();
    let oauth2 = id
        .is_none()
        .then(|| OAuth2Error::from_query(&search))
        .flatten();
    let error: Signal<Option<GenericError>> = match oauth2 {
        Some(oauth2) => Signal::stored(Some(GenericError {
            id: Some(ErrorId::from(oauth2.error.as_str())),
            status: Some(oauth2.error.clone()),
            message: oauth2.description.unwrap_or(oauth2.error),
            reason: oauth2.hint,
            ..Default::default()
        })),
        None => {
            let id = id.unwrap_or_else(|| {
                let params = FlowParams::from_query(&search);
                params
                    .get("id")
                    .or_else(|| params.get("error"))
                    .unwrap_or_default()
                    .to_owned()
            });
            crate::controller::load_flow_error(config.client(), id)
        }
    };
    view! {
        <Card name="error" heading=translator.phrase(Phrase::ErrorTitle) class document_title>
            {
                let home = home.clone();
                move || match error.get() {
                Some(error) => {
                    view! { <ErrorView error start_over=home.clone() /> }.into_any()
                }
                None => crate::components::loading_line().into_any(),
            }}
        </Card>
    }
}
