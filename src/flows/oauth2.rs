//! Ory Hydra's OAuth2 screens, connected: [`Consent`] and [`OAuth2Logout`].
//!
//! Kratos is Hydra's login UI by itself (`?login_challenge=` on the login
//! and registration flows); consent and logout, though, need Hydra's
//! *admin* API, which must never be reachable from a browser. So these
//! screens talk to an endpoint of the app's own backend, which talks to
//! Hydra. The contract (JSON, with the browser's cookies):
//!
//! | request | answer |
//! |---|---|
//! | `GET <consent endpoint>?consent_challenge=<c>` | Hydra's `OAuth2ConsentRequest` ([`ConsentRequest`]) |
//! | `POST <consent endpoint>` `{"consent_challenge", "accept", "grant_scope": [..], "remember"}` ([`ConsentDecision`]) | `{"redirect_to"}`: the backend accepted (`PUT /admin/oauth2/auth/requests/consent/accept` with the granted scopes and `remember`) or rejected the request |
//! | `GET <logout endpoint>?logout_challenge=<c>` | Hydra's `OAuth2LogoutRequest` ([`LogoutRequest`]) |
//! | `POST <logout endpoint>` `{"logout_challenge", "accept"}` ([`LogoutDecision`]) | `{"redirect_to"}` after accepting or rejecting the logout request |
//!
//! The screen then follows `redirect_to` (Hydra's URL) under the
//! [URL policy](crate::url::policy::UrlPolicy::kratos_target). A consent
//! request that Hydra marks `skip` is accepted at once. Before accepting a
//! logout, the screen also ends the Kratos session.
//!
//! Configure the endpoints with [`KratosConfig::with_oauth2_consent_endpoint`]
//! and [`KratosConfig::with_oauth2_logout_endpoint`] (the drop-in app reads
//! `<meta name="kratos-oauth2-consent">` and `<meta name="kratos-oauth2-logout">`).
//!
//! ## Usage
//!
//! ```no_run
//! use leptos::prelude::*;
//! use leptos_kratos::{config::KratosConfig, provider::KratosProvider};
//! use leptos_kratos::flows::{Consent, OAuth2Logout};
//!
//! #[component]
//! fn OAuth2Pages() -> impl IntoView {
//!     let config = KratosConfig::new("")
//!         .with_oauth2_consent_endpoint("/api/oauth2/consent")
//!         .with_oauth2_logout_endpoint("/api/oauth2/logout");
//!     view! {
//!         <KratosProvider config>
//!             // On /consent?consent_challenge=…:
//!             <Consent />
//!         </KratosProvider>
//!     }
//! }
//! ```
//!
//! [`KratosConfig::with_oauth2_consent_endpoint`]: crate::config::KratosConfig::with_oauth2_consent_endpoint
//! [`KratosConfig::with_oauth2_logout_endpoint`]: crate::config::KratosConfig::with_oauth2_logout_endpoint

use crate::model::read::FromJson;
use leptos::prelude::*;
use serde::Serialize;
use serde_json::Value;

use super::params::FlowParams;
use crate::client::Error;
use crate::components::{Card, ConsentForm, ErrorView, LogoutConfirmation};
use crate::config::use_config;
use crate::i18n::{Phrase, use_translator};
use crate::model::{
    ConsentDecision, ConsentRequest, LogoutDecision, LogoutRequest, OAuth2Redirect,
};
use crate::navigation::use_navigator;
use crate::session::use_session;
use crate::url::current_page;

/// What an OAuth2 screen needs: the endpoint and the challenge.
struct Screen {
    endpoint: String,
    challenge: String,
}

impl Screen {
    /// The endpoint (configured) and the challenge (given, else the
    /// address bar's `?<key>=`); `None` when either is missing.
    fn new(endpoint: String, challenge: Option<String>, key: &str) -> Option<Self> {
        let challenge = challenge
            .or_else(|| FlowParams::from_location().get(key).map(str::to_owned))
            .filter(|c| !c.is_empty())?;
        (!endpoint.trim().is_empty()).then_some(Self {
            endpoint,
            challenge,
        })
    }
}

/// Renders Hydra's request (as JSON) with a callback for the decision.
type FormFn = Box<dyn Fn(Value, Callback<Value>, Signal<bool>) -> AnyView + Send + Sync>;

/// Loads Hydra's request from the app's endpoint and sends decisions to it;
/// follows the `redirect_to` of the answer. One implementation for both
/// screens, over JSON values (each screen types them), so the bundle holds
/// it once.
fn oauth2_screen(
    screen: Screen,
    key: &'static str,
    sign_out_first: bool,
    auto_decision: fn(&Value) -> Option<Value>,
    form: FormFn,
) -> impl IntoView {
    let config = use_config();
    let client = StoredValue::new_local(config.client());
    let session = use_session();
    let navigator = use_navigator();
    let Screen {
        endpoint,
        challenge,
    } = screen;
    // The request, then the decision's answer; plain signals filled by
    // tasks (Leptos's async resources would add much to the bundle for two
    // requests).
    let request = RwSignal::new(None::<Result<Value, Error>>);
    let answer = RwSignal::new(None::<Result<OAuth2Redirect, Error>>);
    let pending = RwSignal::new(false);
    let refused = RwSignal::new(false);
    {
        let (client, endpoint) = (client.get_value(), endpoint.clone());
        crate::client::spawn_request(async move {
            let loaded = client.oauth2_json(&endpoint, key, &challenge).await;
            request.set(Some(loaded));
        });
    }
    let decide = move |decision: Value| {
        if pending.get_untracked() || matches!(answer.get_untracked(), Some(Ok(_))) {
            return;
        }
        pending.set(true);
        let (client, endpoint) = (client.get_value(), endpoint.clone());
        let (config, navigator) = (config.clone(), navigator.clone());
        crate::client::spawn_request(async move {
            // Signing out of Hydra also signs out of Kratos.
            if sign_out_first
                && decision.get("accept") == Some(&Value::Bool(true))
                && let Err(error) = session.logout().await
            {
                leptos::logging::warn!("leptos-kratos: signing out of Kratos failed: {error}");
            }
            let decided = client.oauth2_decide(&endpoint, &decision).await;
            // Where Hydra sends the browser next, if the URL policy follows it.
            if let Ok(OAuth2Redirect { redirect_to, .. }) = &decided {
                match config
                    .url_policy(&current_page())
                    .kratos_target(redirect_to)
                {
                    Some(url) => navigator.go(&url),
                    None => refused.set(true),
                }
            }
            answer.set(Some(decided));
            pending.set(false);
        });
    };
    // A request Hydra says to skip is decided at once.
    Effect::new({
        let decide = decide.clone();
        move |_| {
            if let Some(Ok(loaded)) = request.get()
                && let Some(decision) = auto_decision(&loaded)
            {
                decide(decision);
            }
        }
    });
    let busy = Signal::derive(move || pending.get() || matches!(answer.get(), Some(Ok(_))));
    let on_decide = Callback::new(decide);
    move || {
        if refused.get() {
            let text = use_translator().phrase(Phrase::UnsafeTarget);
            return view! { <p class="lk-error" role="alert">{text}</p> }.into_any();
        }
        if let Some(Err(error)) = answer.get() {
            return error_view(&error);
        }
        match request.get() {
            None => crate::components::loading_line().into_any(),
            Some(Ok(request)) => form(request, on_decide, busy),
            Some(Err(error)) => error_view(&error),
        }
    }
}

/// A decision as the JSON the endpoint takes.
fn to_json(decision: &impl Serialize) -> Value {
    serde_json::to_value(decision).unwrap_or_default()
}

fn error_view(error: &Error) -> AnyView {
    let error = error.response().error;
    view! { <ErrorView error=Signal::stored(error) /> }.into_any()
}

/// A card for an OAuth2 screen; without an endpoint or challenge it says
/// the page is not set up.
fn oauth2_card(
    name: &'static str,
    heading: Phrase,
    class: MaybeProp<String>,
    document_title: bool,
    content: Option<AnyView>,
) -> impl IntoView {
    let translator = use_translator();
    let content = content.unwrap_or_else(|| {
        let text = translator.phrase(Phrase::OAuth2Unavailable);
        view! { <p class="lk-error" role="alert">{text}</p> }.into_any()
    });
    let content = StoredValue::new_local(Some(content));
    view! {
        <Card name heading=translator.phrase(heading) class document_title>
            {content.try_update_value(Option::take).flatten()}
        </Card>
    }
}

/// The consent screen of an OAuth2 login (Ory Hydra): which client asks for
/// which scopes, Allow or Deny, remember the decision. Reads
/// `?consent_challenge=` from the address bar unless given; talks to the
/// app's consent endpoint (see the [module](self) for the contract).
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::flows::Consent;
///
/// #[component]
/// fn ConsentPage() -> impl IntoView {
///     view! { <Consent document_title=true /> }
/// }
/// ```
#[component]
pub fn Consent(
    /// The consent challenge; without it, the address bar's `?consent_challenge=`.
    #[prop(optional, into)]
    challenge: Option<String>,
    /// Extra classes for the card.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// Whether the heading also becomes the document's title.
    #[prop(optional)]
    document_title: bool,
) -> impl IntoView {
    let config = use_config();
    let content = Screen::new(
        config.oauth2_consent_endpoint,
        challenge,
        "consent_challenge",
    )
    .map(|screen| {
        oauth2_screen(
            screen,
            "consent_challenge",
            false,
            |request| {
                let request = ConsentRequest::read(request)?;
                request.skip.then(|| {
                    to_json(&ConsentDecision {
                        consent_challenge: request.challenge,
                        accept: true,
                        grant_scope: request.requested_scope,
                        remember: true,
                    })
                })
            },
            Box::new(|request, decide, busy| {
                let request = ConsentRequest::read(&request).unwrap_or_default();
                let on_decide = Callback::new(move |d: ConsentDecision| decide.run(to_json(&d)));
                view! { <ConsentForm request=Signal::stored(request) on_decide busy /> }.into_any()
            }),
        )
        .into_any()
    });
    oauth2_card(
        "consent",
        Phrase::ConsentTitle,
        class,
        document_title,
        content,
    )
}

/// The logout confirmation of Ory Hydra (`?logout_challenge=`): "Do you want
/// to sign out?" Accepting ends the Kratos session, then Hydra's. Talks to
/// the app's logout endpoint (see the [module](self) for the contract).
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::flows::OAuth2Logout;
///
/// #[component]
/// fn LogoutPage() -> impl IntoView {
///     view! { <OAuth2Logout document_title=true /> }
/// }
/// ```
#[component]
pub fn OAuth2Logout(
    /// The logout challenge; without it, the address bar's `?logout_challenge=`.
    #[prop(optional, into)]
    challenge: Option<String>,
    /// Extra classes for the card.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// Whether the heading also becomes the document's title.
    #[prop(optional)]
    document_title: bool,
) -> impl IntoView {
    let config = use_config();
    let content =
        Screen::new(config.oauth2_logout_endpoint, challenge, "logout_challenge").map(|screen| {
            oauth2_screen(
                screen,
                "logout_challenge",
                true,
                |_| None,
                Box::new(|request, decide, busy| {
                    let request = LogoutRequest::read(&request).unwrap_or_default();
                    let on_decide = Callback::new(move |d: LogoutDecision| decide.run(to_json(&d)));
                    view! { <LogoutConfirmation request=Signal::stored(request) on_decide busy /> }
                        .into_any()
                }),
            )
            .into_any()
        });
    oauth2_card("logout", Phrase::SignOut, class, document_title, content)
}
