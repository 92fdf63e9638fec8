//! The flow controller: one state machine for all five flows.
//!
//! ```text
//! loading ──► ready(flow) ──► submitting ──► ready(next flow)
//!    ▲              │                   ├──► navigating (another page or site)
//!    └── restart ◄──┘                   └──► done (signed in / out)
//! ```
//!
//! It loads a flow (fetching `?flow=<id>` or creating one), submits it,
//! interprets every answer through [`crate::client::Outcome`]
//! (see [`crate::client::outcome`]), keeps the address bar's `?flow=` current and decides
//! where to go. Components only render its state.
//!
//! ## Usage
//!
//! ```no_run
//! use leptos::prelude::*;
//! use leptos_kratos::components::FlowForm;
//! use leptos_kratos::config::KratosConfig;
//! use leptos_kratos::controller::{FlowController, Navigator, Submission};
//! use leptos_kratos::model::FlowKind;
//!
//! #[component]
//! fn MyRecovery() -> impl IntoView {
//!     let controller =
//!         FlowController::new(FlowKind::Recovery, KratosConfig::default(), Navigator::default(), vec![]);
//!     controller.start();
//!     let flow = controller.flow();
//!     let on_submit = Callback::new(move |s: Submission| controller.submit(s));
//!     move || flow.get().map(|flow| view! { <FlowForm flow=Signal::stored(flow) on_submit /> })
//! }
//! ```

mod body;
mod flow_error;
pub mod links;
pub mod next;
mod problem;

use leptos::prelude::*;

pub use crate::navigation::{Navigator, query_with_flow, replace_flow_in_address_bar};
pub use body::{Submission, request_body};
pub use flow_error::load_flow_error;
pub use next::{Destination, Here, NOTICE_SIGNED_IN, Source, with_default_return_to};
pub use problem::Problem;

use crate::client::{Error, KratosClient, Outcome, spawn_request};
use crate::config::KratosConfig;
use crate::model::{
    ContinueWith, ErrorId, ErrorResponse, Flow, FlowKind, FlowState, Identity, Session,
};
use crate::server::{ServerAnswer, ServerReply, ServerRequest};
use crate::url::{current_page, current_search, policy::UrlPolicy, without_query};

/// Where a flow stands.
#[derive(Clone, Debug, PartialEq)]
pub enum FlowStatus {
    /// The flow is being fetched or created.
    Loading,
    /// The flow is shown and can be used.
    Ready,
    /// A submission is on its way; further submissions are ignored.
    Submitting,
    /// The browser is leaving for another page.
    Navigating(String),
    /// Something went wrong that the flow cannot continue from. The last
    /// flow (if any) stays on screen, so nothing typed is lost.
    Failed(Box<ErrorResponse>),
    /// The library stopped something itself (see [`Problem`]). The last
    /// flow (if any) stays on screen and can be sent again.
    Refused(Problem),
}

impl FlowStatus {
    /// Whether a request is in flight (loading, submitting or leaving).
    pub fn is_busy(&self) -> bool {
        matches!(self, Self::Loading | Self::Submitting | Self::Navigating(_))
    }
}

/// A flow that finished: what [`FlowEvents::on_success`] receives.
#[derive(Clone, Debug, PartialEq)]
pub struct FlowCompletion {
    /// The flow kind.
    pub kind: FlowKind,
    /// The session a login or registration issued.
    pub session: Option<Session>,
    /// The identity that signed in or up.
    pub identity: Option<Identity>,
    /// The finished flow (settings saved, verification or recovery passed).
    pub flow: Option<Flow>,
    /// What Kratos asks the UI to do next.
    pub continue_with: Vec<ContinueWith>,
}

/// Callbacks a flow reports to. Each is optional; none changes what the
/// controller does next (leaving the page goes through the [`Navigator`]).
#[derive(Clone, Copy, Default)]
pub struct FlowEvents {
    /// A login or registration completed, settings were saved, or a
    /// verification or recovery challenge was passed.
    pub on_success: Option<Callback<FlowCompletion>>,
    /// An error Kratos answered with: one the flow cannot continue from, or
    /// one it recovers from by starting over (expired flow, CSRF failure).
    pub on_error: Option<Callback<ErrorResponse>>,
    /// A submission came back with messages to fix (400 with the flow).
    pub on_validation_error: Option<Callback<Flow>>,
    /// The flow is about to leave the page for this URL.
    pub on_navigate: Option<Callback<String>>,
}

impl std::fmt::Debug for FlowEvents {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FlowEvents")
            .field("on_success", &self.on_success.is_some())
            .field("on_error", &self.on_error.is_some())
            .field("on_validation_error", &self.on_validation_error.is_some())
            .field("on_navigate", &self.on_navigate.is_some())
            .finish()
    }
}

/// How often a flow is replaced or re-created in a row (410 with
/// `use_flow_id`, expired, CSRF, gone) before the controller gives up: a
/// loop means a misconfigured or hostile server.
const MAX_HOPS: u8 = 3;

/// Drives one flow. Cheap to clone; clones share state.
#[derive(Clone)]
pub struct FlowController {
    kind: FlowKind,
    client: KratosClient,
    config: KratosConfig,
    navigator: Navigator,
    /// Query parameters the page was opened with (`return_to`, `aal`, ...).
    params: StoredValue<Vec<(String, String)>>,
    flow: RwSignal<Option<Flow>>,
    status: RwSignal<FlowStatus>,
    notice: RwSignal<Option<ErrorResponse>>,
    /// Notified after a submission comes back with errors, so the view can
    /// move focus to the first invalid field.
    errors_shown: Trigger,
    /// Replacements and restarts in a row (see [`MAX_HOPS`]).
    hops: StoredValue<u8>,
    /// Whether the answer being applied came from a submission (only those
    /// make the controller follow a flow's `continue_with`).
    submitted: StoredValue<bool>,
    events: FlowEvents,
    /// On a server (`ssr`), the page request: what the browser must do
    /// next (load a flow, go elsewhere) becomes a redirect.
    server: Option<ServerRequest>,
}

impl FlowController {
    /// A controller for a `kind` flow; `params` are the page's query
    /// parameters (`flow`, `return_to`, `refresh`, `aal`, `login_challenge`, ...).
    pub fn new(
        kind: FlowKind,
        config: KratosConfig,
        navigator: Navigator,
        params: Vec<(String, String)>,
    ) -> Self {
        Self {
            kind,
            client: config.client(),
            config,
            navigator,
            params: StoredValue::new(params),
            flow: RwSignal::new(None),
            status: RwSignal::new(FlowStatus::Loading),
            notice: RwSignal::new(None),
            errors_shown: Trigger::new(),
            hops: StoredValue::new(0),
            submitted: StoredValue::new(false),
            events: FlowEvents::default(),
            server: if cfg!(feature = "ssr") {
                use_context()
            } else {
                None
            },
        }
    }

    /// Reports to these callbacks.
    pub fn with_events(mut self, events: FlowEvents) -> Self {
        self.events = events;
        self
    }

    /// Starts over with other page parameters (the component showing the
    /// flow was given new ones).
    pub fn restart_with(&self, params: Vec<(String, String)>) {
        self.params.set_value(params);
        self.hops.set_value(0);
        self.notice.set(None);
        self.start();
    }

    /// The flow kind.
    pub fn kind(&self) -> FlowKind {
        self.kind
    }

    /// The current flow, once loaded.
    pub fn flow(&self) -> Signal<Option<Flow>> {
        self.flow.into()
    }

    /// Where the flow stands.
    pub fn status(&self) -> Signal<FlowStatus> {
        self.status.into()
    }

    /// An explanation to show above a re-created flow (why the old one was
    /// replaced: expired, CSRF failure, ...).
    pub fn notice(&self) -> Signal<Option<ErrorResponse>> {
        self.notice.into()
    }

    /// Notified each time a submission came back with errors to show.
    pub fn errors_shown(&self) -> Trigger {
        self.errors_shown
    }

    /// The configuration in use.
    pub fn config(&self) -> &KratosConfig {
        &self.config
    }

    /// The page parameters the flow was opened with.
    pub fn params(&self) -> Vec<(String, String)> {
        self.params.get_value()
    }

    /// A page parameter, e.g. `param("return_to")`.
    pub fn param(&self, key: &str) -> Option<String> {
        self.params.with_value(|params| {
            params
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
                .filter(|v| !v.is_empty())
        })
    }

    /// Where "start over" leads: a fresh flow with the same parameters —
    /// but without a `return_to` that Kratos refused
    /// (`self_service_flow_return_to_forbidden`), which would only fail again.
    pub fn start_over_url(&self) -> String {
        let forbidden = self.status.with_untracked(|status| {
            matches!(status, FlowStatus::Failed(error)
                if error.is(&ErrorId::SelfServiceFlowReturnToForbidden))
        });
        let params = self.params.get_value();
        let kept: Vec<(&str, &str)> = params
            .iter()
            .filter(|(k, _)| k != "flow" && !(forbidden && k == "return_to"))
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        self.config.flow_page(self.kind, &kept)
    }

    /// Loads the flow: fetches `?flow=<id>` if given, else creates one.
    pub fn start(&self) {
        match self.param("flow") {
            Some(id) => self.fetch(id),
            None => self.create(None),
        }
    }

    /// Starts from the answer a server rendered the page from (see
    /// [`crate::server`]): the same as [`apply`](Self::apply)ing it, or
    /// [`start`](Self::start) when the server asked nothing.
    pub fn adopt(&self, answer: &ServerAnswer) {
        match answer.outcome() {
            Some(outcome) => self.apply(outcome),
            None => self.start(),
        }
    }

    /// Fetches the flow with this id.
    pub fn fetch(&self, id: String) {
        if self.server.is_some() {
            // The browser loads it: this page with `?flow=<id>` (the one it
            // asked for already would go round in circles).
            return match page_with_flow(&id) {
                Some(page) => self.navigate(&page, Source::App),
                None => self.refuse(Problem::TooManyHops),
            };
        }
        let this = self.clone();
        self.submitted.set_value(false);
        self.status.set(FlowStatus::Loading);
        spawn_request(async move {
            let outcome = this.client.get_flow(this.kind, &id).await;
            this.apply(outcome);
        });
    }

    /// Creates a new flow with the page's parameters (and `return_to`, if
    /// Kratos named one to keep).
    pub fn create(&self, return_to: Option<String>) {
        self.submitted.set_value(false);
        self.status.set(FlowStatus::Loading);
        let mut params = self.params.get_value();
        params.retain(|(k, _)| k != "flow");
        if let Some(return_to) = return_to {
            params.retain(|(k, _)| k != "return_to");
            params.push(("return_to".into(), return_to));
        }
        if self.server.is_some() {
            // The browser starts over on this page without `?flow=`: unless
            // that is what it just did, which would go round in circles.
            if self.param("flow").is_none() {
                return self.refuse(Problem::TooManyHops);
            }
            let pairs: Vec<(&str, &str)> = params
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            let page = self.config.flow_page(self.kind, &pairs);
            return self.navigate(&page, Source::App);
        }
        let this = self.clone();
        spawn_request(async move {
            let pairs: Vec<(&str, &str)> = params
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            let outcome = this.client.create_flow(this.kind, &pairs).await;
            this.apply(outcome);
        });
    }

    /// Submits the form. Ignored while another request is in flight, so a
    /// double click sends once.
    pub fn submit(&self, submission: Submission) {
        if self.status.with_untracked(FlowStatus::is_busy) {
            return;
        }
        let Some(action) = self
            .flow
            .with_untracked(|f| f.as_ref().map(|f| f.ui.action.clone()))
        else {
            return;
        };
        let action = match self.policy().form_action(&action, Some(self.kind.as_str())) {
            Ok(action) => action,
            Err(_) => return self.refuse(Problem::ForeignAction),
        };
        self.status.set(FlowStatus::Submitting);
        self.submitted.set_value(true);
        self.notice.set(None);
        let body = request_body(&submission);
        let this = self.clone();
        spawn_request(async move {
            let outcome = this.client.submit_flow(&action, &body).await;
            this.apply(outcome);
        });
    }

    /// Acts on an answer from Kratos (see [`crate::client::outcome`]).
    /// An answer that arrives after the component showing the flow is gone
    /// (the person moved on) is dropped.
    pub fn apply(&self, outcome: Outcome) {
        if self.status.is_disposed() {
            return;
        }
        match outcome {
            Outcome::Flow {
                flow,
                status,
                redirected,
            } => {
                if cfg!(debug_assertions) && flow.skipped > 0 {
                    leptos::logging::warn!(
                        "leptos-kratos: {} malformed parts of the flow were left out",
                        flow.skipped
                    );
                }
                let submitted = self.submitted.get_value();
                // Kratos answers validation errors with 400, but some with
                // 200 (a wrong recovery or verification code): what the flow
                // says decides, whatever the status.
                if submitted && (status == 400 || flow.ui.has_errors()) {
                    self.errors_shown.notify();
                    if let Some(report) = self.events.on_validation_error {
                        report.run((*flow).clone());
                    }
                }
                let finished = matches!(
                    flow.state,
                    Some(FlowState::Success | FlowState::PassedChallenge)
                );
                if submitted
                    && status < 300
                    && finished
                    && let Some(report) = self.events.on_success
                {
                    report.run(FlowCompletion {
                        kind: self.kind,
                        session: None,
                        identity: flow.identity.clone(),
                        continue_with: flow.continue_with.clone(),
                        flow: Some((*flow).clone()),
                    });
                }
                self.hops.set_value(0);
                self.show(*flow, redirected);
            }
            Outcome::UseFlow { flow_id, error } => {
                // The replacement already carries Kratos's explanation; the
                // error (expired, replaced) is still reported.
                if self.hop() {
                    if let Some(report) = self.events.on_error {
                        report.run(*error);
                    }
                    self.fetch(flow_id);
                }
            }
            Outcome::Restart { error, return_to } => {
                if !self.hop() {
                    return;
                }
                if let Some(report) = self.events.on_error {
                    report.run((*error).clone());
                }
                self.notice.set(Some(*error));
                let return_to = return_to
                    .or_else(|| self.flow.with_untracked(|f| f.as_ref()?.return_to.clone()))
                    .or_else(|| self.param("return_to"));
                self.create(return_to);
            }
            Outcome::Redirect { url, error } => {
                let to = self.decide(|here| here.redirect(url, error.as_deref()));
                self.go(to)
            }
            Outcome::Success(success) => {
                if let Some(report) = self.events.on_success {
                    report.run(FlowCompletion {
                        kind: self.kind,
                        session: success.session.clone(),
                        identity: success
                            .identity
                            .clone()
                            .or_else(|| success.session.as_ref()?.identity.clone()),
                        flow: None,
                        continue_with: success.continue_with.clone(),
                    });
                }
                self.continue_with(&success.continue_with)
            }
            Outcome::AlreadySignedIn(_) => {
                let kratos = self.flow_return_to();
                let to = self.decide(|here| here.already_signed_in(kratos.as_deref()));
                self.go(to)
            }
            Outcome::LoggedOut => self.continue_with(&[]),
            Outcome::ShowFlow { kind, flow_id, .. } if kind == self.kind => {
                // The replacement carries Kratos's explanation.
                if self.hop() {
                    self.fetch(flow_id);
                }
            }
            Outcome::ShowFlow { kind, flow_id, .. } => {
                let target = self.config.flow_page(kind, &[("flow", flow_id.as_str())]);
                self.navigate(&target, Source::App);
            }
            Outcome::SignInRequired(_) => {
                let here = crate::navigation::current_url();
                let login = self
                    .config
                    .flow_page(FlowKind::Login, &[("return_to", here.as_str())]);
                self.navigate(&login, Source::App);
            }
            Outcome::VerifyAddress { flow_id, .. } => {
                let target = self
                    .config
                    .flow_page(FlowKind::Verification, &[("flow", flow_id.as_str())]);
                self.navigate(&target, Source::App);
            }
            Outcome::Error(error) => self.fail(*error),
            Outcome::TimedOut => self.refuse(Problem::TimedOut),
            Outcome::Unexpected { status, detail } => {
                leptos::logging::warn!("leptos-kratos: {detail}");
                self.fail(Error::Unexpected { status, detail }.response());
            }
        }
    }

    fn fail(&self, error: ErrorResponse) {
        if let Some(report) = self.events.on_error {
            report.run(error.clone());
        }
        self.status.set(FlowStatus::Failed(Box::new(error)));
    }

    /// Stops with a problem of the library's own; the flow stays usable.
    fn refuse(&self, problem: Problem) {
        leptos::logging::warn!("leptos-kratos: {}", problem.describe());
        if let Some(report) = self.events.on_error {
            report.run(Error::Refused(problem.describe()).response());
        }
        self.status.set(FlowStatus::Refused(problem));
    }

    /// Counts one replacement or restart; `false` (and the flow stops) once
    /// there were too many in a row.
    fn hop(&self) -> bool {
        let hops = self.hops.get_value();
        if hops >= MAX_HOPS {
            self.refuse(Problem::TooManyHops);
            return false;
        }
        self.hops.set_value(hops + 1);
        true
    }

    /// The URL policy on the page as it is now.
    fn policy(&self) -> UrlPolicy {
        self.config.url_policy(&current_page())
    }

    /// Shows a flow, puts its id in the address bar, and follows what it
    /// says to do next (recovery → settings, settings → verification).
    fn show(&self, flow: Flow, redirected: bool) {
        // A redirect that ended in a flow of another kind (Kratos's
        // registration answers a signed-in OAuth2 login with a 302 to the
        // login init): that flow's own page.
        if let Some(page) = self.decide(|here| here.redirected_elsewhere(&flow, redirected)) {
            return self.navigate(&page, Source::App);
        }
        if self.server.is_none() {
            replace_flow_in_address_bar(&flow.id);
        } else if let Some(page) = page_with_flow(&flow.id) {
            // On a server a new flow's id goes into the address as a
            // redirect, so a reload, the back button and a form posted
            // without script all come back to it.
            return self.navigate(&page, Source::App);
        }
        let next = if self.submitted.get_value() {
            self.decide(|here| here.after_showing(&flow))
        } else {
            None
        };
        self.flow.set(Some(flow));
        match next {
            Some(to) => self.go(to),
            None => self.status.set(FlowStatus::Ready),
        }
    }

    /// The decisions of [`next`] on the page as it is now.
    fn decide<T>(&self, decision: impl FnOnce(&Here<'_>) -> T) -> T {
        let page = current_page();
        let return_to = self.param("return_to");
        decision(&Here {
            kind: self.kind,
            config: &self.config,
            page: &page,
            return_to: return_to.as_deref(),
        })
    }

    /// Kratos's `return_to` of the flow shown, if any.
    fn flow_return_to(&self) -> Option<String> {
        self.flow.with_untracked(|f| f.as_ref()?.return_to.clone())
    }

    /// After success: where `continue_with` (or the return address) leads.
    fn continue_with(&self, items: &[ContinueWith]) {
        let kratos = self.flow_return_to();
        let to = self.decide(|here| here.after_success(items, kratos.as_deref()));
        self.go(to)
    }

    fn go(&self, to: Destination) {
        self.navigate(&to.url, to.source)
    }

    /// Leaves for `url`, if the URL policy follows it for its source.
    fn navigate(&self, url: &str, source: Source) {
        let policy = self.policy();
        let allowed = match source {
            Source::Kratos => policy.kratos_target(url),
            Source::App => policy.link(url),
        };
        match allowed {
            Some(url) => {
                if let Some(report) = self.events.on_navigate {
                    report.run(url.clone());
                }
                self.status.set(FlowStatus::Navigating(url.clone()));
                match &self.server {
                    Some(server) => server.reply(ServerReply::Redirect(url)),
                    None => self.navigator.go(&url),
                }
            }
            None => self.refuse(Problem::UnsafeTarget),
        }
    }
}

/// This page's address with `?flow=<id>`; `None` when it has that already.
fn page_with_flow(id: &str) -> Option<String> {
    let query = query_with_flow(&current_search(), id)?;
    Some(format!("{}?{query}", without_query(&current_page())))
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use serde_json::json;

    use super::*;
    use crate::model::FlowSuccess;

    /// A controller whose navigator and callbacks write into `log`.
    fn recording(
        kind: FlowKind,
        params: &[(&str, &str)],
    ) -> (FlowController, Arc<Mutex<Vec<String>>>) {
        let log = Arc::new(Mutex::new(Vec::new()));
        let note = |prefix: &'static str| {
            let log = Arc::clone(&log);
            move |text: String| log.lock().unwrap().push(format!("{prefix} {text}"))
        };
        let navigator = Navigator::new({
            let go = note("go");
            move |url: &str| go(url.to_owned())
        });
        let events = FlowEvents {
            on_success: Some(Callback::new({
                let done = note("success");
                move |c: FlowCompletion| {
                    let who = c.session.map(|s| s.id).unwrap_or_default();
                    done(format!("{} {who}", c.kind.as_str()))
                }
            })),
            on_error: Some(Callback::new({
                let error = note("error");
                move |e: ErrorResponse| {
                    error(
                        e.error
                            .id
                            .map(|id| id.as_str().to_owned())
                            .unwrap_or_default(),
                    )
                }
            })),
            on_validation_error: Some(Callback::new({
                let invalid = note("invalid");
                move |flow: Flow| invalid(flow.id)
            })),
            on_navigate: Some(Callback::new(note("navigate"))),
        };
        let params = params
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let config = KratosConfig::default().with_default_return_url("/home");
        let controller = FlowController::new(kind, config, navigator, params).with_events(events);
        (controller, log)
    }

    #[test]
    fn events_report_success_and_navigation_in_order() {
        let (controller, log) = recording(FlowKind::Login, &[("return_to", "/billing")]);
        let success: FlowSuccess =
            serde_json::from_value(json!({"session": {"id": "s1"}})).unwrap();
        controller.apply(Outcome::Success(Box::new(success)));
        assert_eq!(
            *log.lock().unwrap(),
            [
                "success login s1",
                "navigate http://localhost/billing",
                "go http://localhost/billing"
            ]
        );
    }

    /// Where a success without `continue_with` leads, for a page opened
    /// with this `?return_to=` and a flow whose `return_to` is this.
    fn destination(page_return_to: &str, flow_return_to: Option<&str>) -> Vec<String> {
        let (controller, log) = recording(FlowKind::Login, &[("return_to", page_return_to)]);
        if let Some(url) = flow_return_to {
            controller.flow.set(Some(Flow {
                return_to: Some(url.to_owned()),
                ..Default::default()
            }));
        }
        controller.apply(Outcome::LoggedOut);
        let log = log.lock().unwrap().clone();
        log.into_iter()
            .filter(|line| line.starts_with("go "))
            .collect()
    }

    #[test]
    fn the_pages_return_to_is_followed_only_to_this_origin() {
        for (page, flow, to) in [
            ("/billing", None, "go http://localhost/billing"),
            ("https://evil.example/", None, "go http://localhost/home"),
            ("/\\evil.example", None, "go http://localhost/home"),
            ("//evil.example", None, "go http://localhost/home"),
            ("javascript:alert(1)", None, "go http://localhost/home"),
            // Kratos's own return_to comes first (it validated it) ...
            (
                "/billing",
                Some("https://shop.example/cart"),
                "go https://shop.example/cart",
            ),
            // ... unless it is relative and leaves the origin.
            (
                "/billing",
                Some("/\\evil.example"),
                "go http://localhost/billing",
            ),
            (
                "https://evil.example",
                Some("//evil.example"),
                "go http://localhost/home",
            ),
        ] {
            assert_eq!(
                destination(page, flow),
                [to],
                "page {page:?}, flow {flow:?}"
            );
        }
    }

    #[test]
    fn replacements_in_a_row_end_in_a_refusal() {
        // Each 410 with use_flow_id (and each restart) is a hop; the
        // controller fetches the next flow only while hops remain.
        let (controller, log) = recording(FlowKind::Verification, &[]);
        for _ in 0..MAX_HOPS {
            assert!(controller.hop());
        }
        assert!(!controller.hop(), "the next one is refused");
        assert_eq!(
            controller.status().get_untracked(),
            FlowStatus::Refused(Problem::TooManyHops)
        );
        assert_eq!(
            log.lock().unwrap().last().map(String::as_str),
            Some("error ")
        );
        // A flow shown in between starts the count again.
        let (controller, _) = recording(FlowKind::Verification, &[]);
        for _ in 0..10 {
            assert!(controller.hop());
            controller.apply(Outcome::Flow {
                flow: Box::default(),
                status: 200,
                redirected: false,
            });
        }
        assert_eq!(controller.status().get_untracked(), FlowStatus::Ready);
    }

    #[test]
    fn a_flow_of_another_kind_goes_to_its_page() {
        // Registration with an OAuth2 challenge while signed in: Kratos
        // answers with a login flow.
        let (controller, log) = recording(FlowKind::Registration, &[]);
        let login: Flow = serde_json::from_value(json!({"id": "l9", "ui": {},
            "request_url": "http://localhost/self-service/login/browser?login_challenge=c"}))
        .unwrap();
        controller.apply(Outcome::Flow {
            flow: Box::new(login),
            status: 200,
            redirected: true,
        });
        assert_eq!(
            log.lock().unwrap().last().map(String::as_str),
            Some("go http://localhost/login?flow=l9")
        );
        // A flow answered without a redirect stays, whatever created it (a
        // recovery's settings flow names the recovery request) ...
        let (controller, log) = recording(FlowKind::Settings, &[]);
        let handed_over: Flow = serde_json::from_value(json!({"id": "s1", "ui": {},
            "request_url": "http://localhost/self-service/login/browser"}))
        .unwrap();
        controller.apply(Outcome::Flow {
            flow: Box::new(handed_over),
            status: 200,
            redirected: false,
        });
        assert!(log.lock().unwrap().is_empty());
        // ... and so does a verification flow whose action (return_to) is a Kratos URL.
        let (controller, log) = recording(FlowKind::Verification, &[]);
        let passed: Flow = serde_json::from_value(json!({"id": "v1", "state": "passed_challenge",
            "request_url": "http://localhost/self-service/verification/browser",
            "ui": {"action": "http://localhost/self-service/settings/browser", "method": "GET"}}))
        .unwrap();
        controller.apply(Outcome::Flow {
            flow: Box::new(passed),
            status: 200,
            redirected: false,
        });
        assert!(log.lock().unwrap().is_empty());
        assert_eq!(controller.status().get_untracked(), FlowStatus::Ready);
    }

    #[test]
    fn a_foreign_form_action_is_never_sent() {
        let (controller, log) = recording(FlowKind::Login, &[]);
        for action in [
            "https://evil.example/self-service/login?flow=1",
            "//evil.example/self-service/login",
            "/self-service/registration?flow=1",
            "javascript:alert(1)",
        ] {
            controller.flow.set(Some(Flow {
                ui: crate::model::UiContainer {
                    action: action.into(),
                    ..Default::default()
                },
                ..Default::default()
            }));
            controller.status.set(FlowStatus::Ready);
            controller.submit(Submission::default());
            assert_eq!(
                controller.status().get_untracked(),
                FlowStatus::Refused(Problem::ForeignAction),
                "{action}"
            );
        }
        assert!(log.lock().unwrap().iter().all(|line| line == "error "));
    }

    #[test]
    fn events_report_errors_and_unsafe_targets() {
        let (controller, log) = recording(FlowKind::Settings, &[]);
        let error: ErrorResponse = serde_json::from_value(json!({
            "error": {"id": "self_service_flow_return_to_forbidden", "code": 400, "message": "no"}
        }))
        .unwrap();
        controller.apply(Outcome::Error(Box::new(error)));
        controller.apply(Outcome::Redirect {
            url: "javascript:alert(1)".into(),
            error: None,
        });
        assert_eq!(
            *log.lock().unwrap(),
            ["error self_service_flow_return_to_forbidden", "error "],
            "the unsafe redirect is an error, never a navigation"
        );
        assert_eq!(
            controller.status().get_untracked(),
            FlowStatus::Refused(Problem::UnsafeTarget)
        );
    }

    #[test]
    fn a_finished_flow_without_submission_is_no_success() {
        let (controller, log) = recording(FlowKind::Verification, &[]);
        let flow: Flow =
            serde_json::from_value(json!({"id": "v1", "state": "passed_challenge", "ui": {}}))
                .unwrap();
        controller.apply(Outcome::Flow {
            flow: Box::new(flow),
            status: 200,
            redirected: false,
        });
        assert!(log.lock().unwrap().is_empty(), "{:?}", log.lock().unwrap());
        assert_eq!(controller.status().get_untracked(), FlowStatus::Ready);
    }
}
