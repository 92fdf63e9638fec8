//! Connected components around the session: a guard, a logout button and
//! the list of active sessions, on [`crate::session`]'s state.

use crate::client::spawn_request;
use leptos::prelude::*;

use crate::components::{Card, ErrorView, loading_line};
use crate::config::use_config;
use crate::i18n::format::{describe_user_agent, timestamp};
use crate::i18n::{Phrase, use_translator};
use crate::model::Session;
use crate::navigation::use_navigator;
use crate::session::{SessionState, login_needed, login_page, use_other_sessions, use_session};

/// Shows its children only with a session; otherwise sends the browser to
/// the login page with `return_to` pointing back here (and `aal=aal2` when
/// a second factor is missing), so the user comes back after signing in.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::flows::RequireSession;
///
/// #[component]
/// fn Dashboard() -> impl IntoView {
///     view! {
///         <RequireSession fallback=|| view! { <p>"Checking your session…"</p> }>
///             <p>"Only for signed-in users."</p>
///         </RequireSession>
///     }
/// }
/// ```
#[component]
pub fn RequireSession(
    /// Shown while the session is being checked and while leaving for the
    /// login page (default: a loading line).
    #[prop(optional, into)]
    fallback: Option<ViewFn>,
    /// Require this assurance level (`"aal2"`): a session with less is sent
    /// to log in with a second factor.
    #[prop(optional, into)]
    aal: Option<String>,
    /// Shown with a session.
    children: ChildrenFn,
) -> impl IntoView {
    // A server-rendered page asks Kratos on the server, and sends anyone
    // without a session to the login page before any HTML.
    #[cfg(any(feature = "ssr", feature = "hydrate"))]
    return super::server::after_whoami(aal.clone(), fallback.clone(), move || {
        guard(fallback.clone(), aal.clone(), children.clone()).into_any()
    });
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    guard(fallback, aal, children)
}

/// The guard itself, on the session state.
fn guard(fallback: Option<ViewFn>, aal: Option<String>, children: ChildrenFn) -> impl IntoView {
    let state = use_session().state();
    let config = use_config();
    let navigator = use_navigator();
    let admitted = Memo::new({
        let aal = aal.clone();
        move |_| {
            state.with(|state| {
                matches!(state, SessionState::SignedIn(_))
                    && login_needed(state, aal.as_deref()).is_none()
            })
        }
    });
    Effect::new(move |_| {
        if let Some(aal) = state.with(|state| login_needed(state, aal.as_deref())) {
            navigator.go(&login_page(&config, aal));
        }
    });
    let fallback = fallback.unwrap_or_else(|| ViewFn::from(loading_line));
    move || {
        if admitted.get() {
            children().into_any()
        } else {
            fallback.run()
        }
    }
}

/// A button that signs out (Kratos's logout flow), then refreshes the
/// session and, with `return_to`, leaves for that page.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::flows::LogoutButton;
///
/// #[component]
/// fn Menu() -> impl IntoView {
///     view! { <LogoutButton return_to="/" class="menu-item" /> }
/// }
/// ```
#[component]
pub fn LogoutButton(
    /// Where to go once signed out (default: stay; the session state updates).
    #[prop(optional, into)]
    return_to: Option<String>,
    /// Classes for the button (default `lk-button lk-secondary`).
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// Called once signed out.
    #[prop(optional, into)]
    on_logout: Option<Callback<()>>,
    /// The label (default: "Sign out" in the user's language).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let session = use_session();
    let config = use_config();
    let navigator = use_navigator();
    let busy = RwSignal::new(false);
    #[cfg(any(feature = "ssr", feature = "hydrate"))]
    let (form_config, target) = (
        config.clone(),
        return_to
            .as_deref()
            .map(|target| config.return_url(Some(target), &crate::url::current_page())),
    );
    // On a server-rendered page the button is a form's (see below): the
    // script, once running, signs out itself instead.
    let sign_out = move |event: leptos::ev::MouseEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let (navigator, return_to) = (navigator.clone(), return_to.clone());
        let config = config.clone();
        spawn_request(async move {
            let result = session.logout().await;
            busy.set(false);
            if let Err(outcome) = result {
                leptos::logging::warn!("leptos-kratos: signing out failed: {outcome}");
                return;
            }
            if let Some(report) = on_logout {
                report.run(());
            }
            if let Some(target) = return_to {
                navigator.go(&config.return_url(Some(&target), &crate::url::current_page()));
            }
        });
    };
    let label = match children {
        Some(children) => children().into_any(),
        None => use_translator().phrase(Phrase::SignOut).into_any(),
    };
    let class = move || {
        class
            .get()
            .unwrap_or_else(|| "lk-button lk-secondary".to_owned())
    };
    let kind = if cfg!(any(feature = "ssr", feature = "hydrate")) {
        "submit"
    } else {
        "button"
    };
    let button = view! {
        <button
            class=class
            type=kind
            data-action="logout"
            on:click=sign_out
            disabled=move || busy.get()
            aria-busy=move || busy.get().then_some("true")
        >
            {label}
        </button>
    };
    #[cfg(any(feature = "ssr", feature = "hydrate"))]
    return super::server::logout_form(form_config, target, button);
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    button
}

/// The signed-in identity's active sessions: this one first, then the
/// others with their device, place and times, each with a button that ends
/// it, and one that ends all others. Announces what was done in a live
/// region.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::flows::Sessions;
///
/// #[component]
/// fn Security() -> impl IntoView {
///     view! { <Sessions /> }
/// }
/// ```
#[component]
pub fn Sessions(
    /// Extra classes for the card.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let translator = use_translator();
    let current = use_session().session();
    let others = use_other_sessions();
    let list = others.list();
    let busy = others.busy();
    let revoked = others.revoked();
    let failure = others.failure();
    let done_text = translator.phrase(Phrase::SessionRevoked);
    let status = Signal::derive(move || revoked.get().then(|| done_text.clone()));
    let current_row = move || {
        current
            .get()
            .map(|session| view! { <SessionRow session current=true /> })
    };
    // The other sessions as list items; loading, empty and error states
    // (and the action on all of them) under the list.
    let other_rows = move || {
        let translator = use_translator();
        list.get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|session| {
                let id = session.id.clone();
                let label = translator.phrase(Phrase::RevokeSession);
                let action = view! {
                    <button
                        class="lk-button lk-secondary"
                        type="button"
                        data-action="revoke"
                        disabled=move || busy.get()
                        on:click=move |_| others.revoke(id.clone())
                    >
                        {label}
                    </button>
                };
                view! { <SessionRow session current=false action=action.into_any() /> }
            })
            .collect_view()
    };
    let others_state = move || match list.get() {
        None => loading_line().into_any(),
        Some(Err(error)) => view! { <ErrorView error=error.response().error /> }.into_any(),
        Some(Ok(sessions)) if sessions.is_empty() => {
            let text = use_translator().phrase(Phrase::NoOtherSessions);
            view! { <p class="lk-sessions-empty">{text}</p> }.into_any()
        }
        Some(Ok(_)) => {
            let text = use_translator().phrase(Phrase::RevokeOtherSessions);
            view! {
                <div class="lk-actions">
                    <button
                        class="lk-button lk-secondary"
                        type="button"
                        data-action="revoke-all"
                        disabled=move || busy.get()
                        on:click=move |_| others.revoke_all()
                    >
                        {text}
                    </button>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <Card name="sessions" heading=translator.phrase(Phrase::SessionsTitle) class>
            <div class="lk-notices" role="status" aria-live="polite">
                {move || status.get().map(|text| view! { <p class="lk-notice" data-type="success">{text}</p> })}
            </div>
            {move || failure.get().map(|error| view! { <ErrorView error=error.response().error /> })}
            <ul class="lk-sessions" aria-busy=move || busy.get().then_some("true")>
                {current_row}
                {other_rows}
            </ul>
            {others_state}
        </Card>
    }
}

/// One session: device, place, sign-in and expiry times.
#[component]
fn SessionRow(
    session: Session,
    current: bool,
    #[prop(optional)] action: Option<AnyView>,
) -> impl IntoView {
    let translator = use_translator();
    let locale = translator.locale();
    let device = session.devices.last();
    let name = device
        .and_then(|d| d.user_agent.as_deref())
        .map(|agent| describe_user_agent(&translator, agent))
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| translator.phrase(Phrase::UnknownDevice));
    let place = device.and_then(|d| {
        let parts: Vec<&str> = [d.location.as_deref(), d.ip_address.as_deref()]
            .into_iter()
            .flatten()
            .filter(|part| !part.is_empty())
            .collect();
        (!parts.is_empty()).then(|| parts.join(" · "))
    });
    let time = |label: Phrase, at: Option<&String>| {
        at.map(|at| {
            let text = format!("{} {}", translator.phrase(label), timestamp(at, locale));
            view! {
                <span class="lk-session-time">
                    <time datetime=at.clone()>{text}</time>
                </span>
            }
        })
    };
    let signed_in = time(
        Phrase::SignedInSince,
        session
            .authenticated_at
            .as_ref()
            .or(session.issued_at.as_ref()),
    );
    let expires = time(Phrase::Expires, session.expires_at.as_ref());
    let this_device = current.then(|| {
        let text = translator.phrase(Phrase::ThisDevice);
        view! { <span class="lk-badge">{text}</span> }
    });
    view! {
        <li class="lk-session-item" data-session=session.id.clone() data-current=current.then_some("true")>
            <div class="lk-session-device">
                <strong>{name}</strong>
                {this_device}
            </div>
            {place.map(|place| view! { <span class="lk-session-place">{place}</span> })}
            {signed_in}
            {expires}
            {action}
        </li>
    }
}
