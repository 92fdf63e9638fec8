//! The flow controller: one state machine for all five flows.
//!
//! It loads a flow (fetching `?flow=<id>` or creating one), interprets every
//! answer through [`crate::client::Outcome`], keeps the address bar's
//! `?flow=` current and decides where to navigate. Components only render
//! its state.

mod navigation;

use leptos::prelude::*;
use leptos::task::spawn_local;

pub use navigation::{Navigator, replace_flow_in_address_bar};

use crate::client::{KratosClient, Outcome};
use crate::config::KratosConfig;
use crate::model::{ErrorResponse, Flow, FlowKind};

/// Where a flow stands.
#[derive(Clone, Debug, PartialEq)]
pub enum FlowStatus {
    /// The flow is being fetched or created.
    Loading,
    /// The flow is shown and can be used.
    Ready,
    /// The browser is leaving for another page.
    Navigating(String),
    /// Something went wrong that the flow cannot continue from.
    Failed(Box<ErrorResponse>),
}

/// How often a flow is re-created in a row (expired, CSRF, gone) before the
/// controller gives up and shows the error: a loop means misconfiguration.
const MAX_RESTARTS: u8 = 2;

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
    restarts: StoredValue<u8>,
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
            client: KratosClient::new(config.kratos_url.clone()),
            config,
            navigator,
            params: StoredValue::new(params),
            flow: RwSignal::new(None),
            status: RwSignal::new(FlowStatus::Loading),
            notice: RwSignal::new(None),
            restarts: StoredValue::new(0),
        }
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

    /// The configuration in use.
    pub fn config(&self) -> &KratosConfig {
        &self.config
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

    /// Where "start over" leads: a fresh flow with the same parameters.
    pub fn start_over_url(&self) -> String {
        let params = self.params.get_value();
        let kept: Vec<(&str, &str)> = params
            .iter()
            .filter(|(k, _)| k != "flow")
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

    /// Fetches the flow with this id.
    pub fn fetch(&self, id: String) {
        let this = self.clone();
        self.status.set(FlowStatus::Loading);
        spawn_local(async move {
            let outcome = this.client.get_flow(this.kind, &id).await;
            this.apply(outcome);
        });
    }

    /// Creates a new flow with the page's parameters (and `return_to`, if
    /// Kratos named one to keep).
    pub fn create(&self, return_to: Option<String>) {
        let this = self.clone();
        self.status.set(FlowStatus::Loading);
        spawn_local(async move {
            let mut params = this.params.get_value();
            if let Some(return_to) = return_to {
                params.retain(|(k, _)| k != "return_to");
                params.push(("return_to".into(), return_to));
            }
            let pairs: Vec<(&str, &str)> = params
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            let outcome = this.client.create_flow(this.kind, &pairs).await;
            this.apply(outcome);
        });
    }

    /// Acts on an answer from Kratos (SEMANTICS.md §10).
    pub fn apply(&self, outcome: Outcome) {
        match outcome {
            Outcome::Flow { flow, .. } => self.show(*flow),
            Outcome::UseFlow { flow_id, error } => {
                self.notice.set(Some(*error));
                self.fetch(flow_id);
            }
            Outcome::Restart { error, return_to } => {
                let restarts = self.restarts.get_value();
                if restarts >= MAX_RESTARTS {
                    self.status.set(FlowStatus::Failed(error));
                    return;
                }
                self.restarts.set_value(restarts + 1);
                self.notice.set(Some(*error));
                self.create(return_to.or_else(|| self.param("return_to")));
            }
            Outcome::Redirect { url, .. } => self.navigate(&url),
            Outcome::AlreadySignedIn(_) => {
                let target = self.config.return_url(self.param("return_to").as_deref());
                self.navigate(&target);
            }
            Outcome::SignInRequired(_) => {
                let here = navigation::current_url();
                let login = self
                    .config
                    .flow_page(FlowKind::Login, &[("return_to", here.as_str())]);
                self.navigate(&login);
            }
            Outcome::VerifyAddress { flow_id, .. } => {
                let target = self
                    .config
                    .flow_page(FlowKind::Verification, &[("flow", flow_id.as_str())]);
                self.navigate(&target);
            }
            Outcome::Error(error) => self.status.set(FlowStatus::Failed(error)),
            Outcome::Unexpected { status, detail } => {
                leptos::logging::warn!("leptos-kratos: {detail}");
                self.status.set(FlowStatus::Failed(Box::new(
                    crate::client::outcome::synthetic_error(status, &detail),
                )));
            }
            Outcome::Success(_) | Outcome::LoggedOut => {
                let target = self.config.return_url(self.param("return_to").as_deref());
                self.navigate(&target);
            }
        }
    }

    /// Shows a flow and puts its id in the address bar.
    fn show(&self, flow: Flow) {
        replace_flow_in_address_bar(&flow.id);
        self.flow.set(Some(flow));
        self.status.set(FlowStatus::Ready);
    }

    /// Leaves for `url` (if it is safe to follow).
    fn navigate(&self, url: &str) {
        match crate::url::safe_url(url) {
            Some(url) => {
                self.status.set(FlowStatus::Navigating(url.clone()));
                self.navigator.go(&url);
            }
            None => self.status.set(FlowStatus::Failed(Box::new(
                crate::client::outcome::synthetic_error(0, "Kratos asked to open an unsafe URL."),
            ))),
        }
    }
}
