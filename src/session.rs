//! The signed-in session as reactive state: `whoami`, logout, and the list
//! of the identity's other sessions. The components in
//! [`flows`](crate::flows) ([`RequireSession`](crate::flows::RequireSession),
//! [`LogoutButton`](crate::flows::LogoutButton),
//! [`Sessions`](crate::flows::Sessions)) render this state; this
//! module is the one that asks Kratos.

use leptos::prelude::*;

use crate::client::{Error, KratosClient, Outcome, spawn_request};
use crate::config::{KratosConfig, use_config};
use crate::model::Session;
use crate::server::ServerAnswer;

/// What is known about the session.
#[derive(Clone, Debug, PartialEq)]
pub enum SessionState {
    /// `whoami` has not answered yet.
    Loading,
    /// Signed in.
    SignedIn(Box<Session>),
    /// Nobody is signed in (401).
    SignedOut,
    /// Signed in, but a second factor is needed first (403
    /// `session_aal2_required`); the URL is where Kratos sends the browser.
    NeedsSecondFactor(String),
    /// Kratos could not be asked (network failure, unexpected answer).
    Unavailable(String),
}

impl SessionState {
    /// What a `whoami` answer means: a session; a second factor to add
    /// (Kratos names where); signed out (any other error document); or
    /// Kratos could not say.
    pub fn from_whoami(answer: Result<Session, Error>) -> Self {
        match answer {
            Ok(session) => Self::SignedIn(Box::new(session)),
            Err(error) => match error.redirect() {
                Some(url) => Self::NeedsSecondFactor(url.to_owned()),
                None if matches!(error, Error::Kratos(_)) => Self::SignedOut,
                None => Self::Unavailable(error.to_string()),
            },
        }
    }

    /// The session, when signed in.
    pub fn session(&self) -> Option<&Session> {
        match self {
            Self::SignedIn(session) => Some(session),
            _ => None,
        }
    }
}

/// The session, shared by every component under the same
/// [`KratosProvider`](crate::provider::KratosProvider). Cheap to copy.
/// `whoami` is asked on first use, and again on [`refresh`](Self::refresh).
///
/// A plain signal filled by a task, not a `LocalResource`: Leptos's async
/// resources cost the drop-in app 7.3 KB brotli (+19.8 KB raw) for this one
/// request (measured with `bash .ci/bundle-size`), while the one thing they
/// would add here, dropping an answer overtaken by a newer request, is the
/// `generation` check below.
#[derive(Clone, Copy)]
pub struct SessionHandle {
    state: RwSignal<SessionState>,
    client: StoredValue<KratosClient>,
    started: StoredValue<bool>,
    /// Bumped by each refresh, so an older answer never overwrites a newer.
    generation: StoredValue<u32>,
}

impl SessionHandle {
    /// A handle for Kratos as configured; nothing is fetched until used.
    pub fn new(config: &KratosConfig) -> Self {
        Self {
            state: RwSignal::new(SessionState::Loading),
            client: StoredValue::new(config.client()),
            started: StoredValue::new(false),
            generation: StoredValue::new(0),
        }
    }

    /// The session state as it is, without asking Kratos.
    #[cfg(feature = "ssr")]
    pub(crate) fn state_untracked(&self) -> SessionState {
        self.state.get_untracked()
    }

    /// The session state (asks Kratos the first time).
    pub fn state(&self) -> Signal<SessionState> {
        if !self.started.get_value() {
            self.refresh();
        }
        self.state.into()
    }

    /// The session, when signed in.
    pub fn session(&self) -> Signal<Option<Session>> {
        let state = self.state();
        Signal::derive(move || state.with(|s| s.session().cloned()))
    }

    /// Takes the `whoami` answer a server rendered the page with (see
    /// [`crate::server`]), unless it asked nothing; a request in flight is
    /// then dropped.
    pub fn adopt(&self, answer: &ServerAnswer) {
        if let Some(result) = answer.read::<Session>() {
            self.started.set_value(true);
            self.generation.set_value(self.generation.get_value() + 1);
            self.state.set(SessionState::from_whoami(result));
        }
    }

    /// Asks Kratos again (after signing in or out elsewhere).
    pub fn refresh(&self) {
        self.started.set_value(true);
        let generation = self.generation.get_value() + 1;
        self.generation.set_value(generation);
        let this = *self;
        let client = self.client.get_value();
        spawn_request(async move {
            let state = SessionState::from_whoami(client.whoami().await);
            // (The handle may be gone by now: then nobody listens.)
            if this.generation.try_get_value() == Some(generation) {
                this.state.set(state);
            }
        });
    }

    /// Signs out (logout flow, then its URL) and refreshes the state.
    /// Resolves once done; `Err` says why it failed.
    pub async fn logout(&self) -> Result<(), Error> {
        let client = self.client.get_value();
        let outcome = client.logout(None).await;
        self.refresh();
        match outcome {
            Outcome::LoggedOut | Outcome::Redirect { .. } | Outcome::SignInRequired(_) => Ok(()),
            other => Err(other.into()),
        }
    }
}

/// The session handle in context; one is created (and provided to the
/// caller's children) if none is.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::session::{SessionState, use_session};
///
/// #[component]
/// fn Greeting() -> impl IntoView {
///     let session = use_session();
///     let state = session.state();
///     move || match state.get() {
///         SessionState::SignedIn(s) => {
///             let name = s.identity.and_then(|i| i.display_name()).unwrap_or_default();
///             format!("Hello, {name}")
///         }
///         _ => "Hello, stranger".to_owned(),
///     }
/// }
/// ```
pub fn use_session() -> SessionHandle {
    use_context::<SessionHandle>().unwrap_or_else(|| {
        let handle = SessionHandle::new(&use_config());
        provide_context(handle);
        handle
    })
}

/// The identity's other sessions, and what can be done with them.
#[derive(Clone, Copy)]
pub struct OtherSessions {
    list: RwSignal<Option<Result<Vec<Session>, Error>>>,
    busy: RwSignal<bool>,
    revoked: RwSignal<bool>,
    failure: RwSignal<Option<Error>>,
    client: StoredValue<KratosClient>,
}

impl OtherSessions {
    /// The other active sessions, once loaded (`Err`: Kratos's error).
    pub fn list(&self) -> Signal<Option<Result<Vec<Session>, Error>>> {
        self.list.into()
    }

    /// Whether a request is in flight.
    pub fn busy(&self) -> Signal<bool> {
        self.busy.into()
    }

    /// Whether sessions were ended since the list was shown (for the announcement).
    pub fn revoked(&self) -> Signal<bool> {
        self.revoked.into()
    }

    /// Why the last attempt to end sessions failed, if it did.
    pub fn failure(&self) -> Signal<Option<Error>> {
        self.failure.into()
    }

    /// Loads the list again.
    pub fn refresh(&self) {
        let this = *self;
        let client = self.client.get_value();
        spawn_request(async move {
            let answer = client.list_sessions().await;
            this.list.set(Some(answer));
        });
    }

    /// Ends one session, then reloads the list.
    pub fn revoke(&self, id: String) {
        self.run(move |client| async move { client.revoke_session(&id).await });
    }

    /// Ends every session but this one, then reloads the list.
    pub fn revoke_all(&self) {
        self.run(|client| async move { client.revoke_other_sessions().await.map(|_| ()) });
    }

    fn run<F, Fut>(&self, request: F)
    where
        F: FnOnce(KratosClient) -> Fut + 'static,
        Fut: std::future::Future<Output = Result<(), Error>> + 'static,
    {
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        self.failure.set(None);
        let this = *self;
        let client = self.client.get_value();
        spawn_request(async move {
            match request(client.clone()).await {
                Ok(()) => this.revoked.set(true),
                Err(error) => this.failure.set(Some(error)),
            }
            // Either way the list shows what Kratos now has.
            let answer = client.list_sessions().await;
            this.list.set(Some(answer));
            this.busy.set(false);
        });
    }
}

/// The identity's other sessions (`GET /sessions`), loaded now.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::session::use_other_sessions;
///
/// #[component]
/// fn SessionCount() -> impl IntoView {
///     let others = use_other_sessions();
///     let list = others.list();
///     move || list.get().and_then(Result::ok).map(|l| format!("{} other sessions", l.len()))
/// }
/// ```
pub fn use_other_sessions() -> OtherSessions {
    let config = use_config();
    let handle = OtherSessions {
        list: RwSignal::new(None),
        busy: RwSignal::new(false),
        revoked: RwSignal::new(false),
        failure: RwSignal::new(None),
        client: StoredValue::new(config.client()),
    };
    handle.refresh();
    handle
}

/// Whether [`RequireSession`](crate::flows::RequireSession) sends the person to log in, in this session
/// state: `None` to stay (admitted, or still checking); `Some(aal)` to the
/// login page, with `aal=aal2` when a second factor is missing.
pub(crate) fn login_needed(
    state: &SessionState,
    required_aal: Option<&str>,
) -> Option<Option<&'static str>> {
    match state {
        SessionState::SignedOut => Some(None),
        SessionState::NeedsSecondFactor(_) => Some(Some("aal2")),
        SessionState::SignedIn(session) => match required_aal {
            Some(required)
                if session.authenticator_assurance_level.as_deref() != Some(required) =>
            {
                Some(Some("aal2"))
            }
            _ => None,
        },
        SessionState::Loading | SessionState::Unavailable(_) => None,
    }
}

/// The login page that comes back to this page, asking for `aal`.
pub(crate) fn login_page(config: &crate::config::KratosConfig, aal: Option<&str>) -> String {
    let here = crate::navigation::current_url();
    let mut query = vec![("return_to", here.as_str())];
    if let Some(aal) = aal {
        query.push(("aal", aal));
    }
    config.flow_page(crate::model::FlowKind::Login, &query)
}
