//! Ory Hydra's screens, rendering only: the consent form and the logout
//! confirmation. The connected components in [`crate::flows::oauth2`] load the
//! requests and send the decisions.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::config::use_config;
use crate::i18n::{Phrase, Translator, use_translator};
use crate::model::{ConsentDecision, ConsentRequest, LogoutDecision, LogoutRequest, OAuth2Client};
use crate::url::current_page;

/// The text for a scope: a phrase for the well-known ones, else its name.
fn scope_text(translator: &Translator, scope: &str) -> String {
    let phrase = match scope {
        "openid" => Phrase::ScopeOpenid,
        "email" => Phrase::ScopeEmail,
        "profile" => Phrase::ScopeProfile,
        "offline_access" | "offline" => Phrase::ScopeOffline,
        _ => return scope.to_owned(),
    };
    translator.phrase(phrase)
}

/// Which submit button sent a form: `value="true"` accepts.
fn accepted(event: &SubmitEvent) -> bool {
    event
        .submitter()
        .and_then(|button| button.dyn_into::<web_sys::HtmlButtonElement>().ok())
        .is_some_and(|button| button.value() == "true")
}

/// The client: its logo (if the URL policy allows the image), its name in
/// bold, and what it asks (`asks`).
fn client_view(client: &OAuth2Client, asks: String) -> impl IntoView + use<> {
    let policy = use_config().url_policy(&current_page());
    let logo = client
        .logo_uri
        .as_deref()
        .and_then(|src| policy.image(src))
        .map(|src| view! { <img class="lk-client-logo" src=src alt="" width="48" height="48" /> });
    view! {
        <div class="lk-client">
            {logo}
            <p class="lk-client-asks">
                <strong class="lk-client-name">{client.display_name().to_owned()}</strong>
                " "
                {asks}
            </p>
        </div>
    }
}

/// Links to the client's privacy policy and terms (followed only if the
/// URL policy allows them; another origin gets `rel="noopener noreferrer"`).
fn client_links(client: &OAuth2Client, translator: &Translator) -> impl IntoView + use<> {
    let policy = use_config().url_policy(&current_page());
    let link = |uri: &Option<String>, phrase: Phrase| {
        let href = uri.as_deref().and_then(|uri| policy.link(uri))?;
        let rel = policy.is_foreign(&href).then_some("noopener noreferrer");
        Some(view! { <a class="lk-link" href=href rel=rel>{translator.phrase(phrase)}</a> })
    };
    view! {
        <p class="lk-links">
            {link(&client.policy_uri, Phrase::PrivacyPolicy)}
            {link(&client.tos_uri, Phrase::TermsOfService)}
        </p>
    }
}

/// The buttons of a decision: accept (`value="true"`) first.
fn decision_buttons(yes: String, no: String, busy: Signal<bool>) -> impl IntoView {
    let in_flight = move || busy.get().then_some("true");
    view! {
        <div class="lk-actions">
            <button class="lk-button" type="submit" name="accept" value="true" aria-disabled=in_flight aria-busy=in_flight>
                {yes}
            </button>
            <button class="lk-button lk-secondary" type="submit" name="accept" value="false" aria-disabled=in_flight>
                {no}
            </button>
        </div>
    }
}

/// The consent form for an OAuth2 client: who asks, the scopes asked for
/// (each a checkbox, checked: unchecking one leaves it out of
/// `grant_scope`), "remember my decision", and Allow / Deny. It renders only;
/// `on_decide` receives the [`ConsentDecision`].
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::components::ConsentForm;
/// use leptos_kratos::model::{ConsentDecision, ConsentRequest};
///
/// #[component]
/// fn MyConsent(request: Signal<ConsentRequest>) -> impl IntoView {
///     let on_decide = Callback::new(|d: ConsentDecision| leptos::logging::log!("accept: {}", d.accept));
///     view! { <ConsentForm request on_decide /> }
/// }
/// ```
#[component]
pub fn ConsentForm(
    /// Hydra's consent request.
    #[prop(into)]
    request: Signal<ConsentRequest>,
    /// Receives the decision.
    #[prop(into)]
    on_decide: Callback<ConsentDecision>,
    /// Whether the decision is being sent.
    #[prop(optional, into)]
    busy: Signal<bool>,
) -> impl IntoView {
    let translator = use_translator();
    let form_ref = NodeRef::<html::Form>::new();
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let Some(form) = form_ref.get_untracked() else {
            return;
        };
        let checked = |selector: &str| -> Vec<String> {
            let Ok(list) = form.query_selector_all(selector) else {
                return Vec::new();
            };
            (0..list.length())
                .filter_map(|index| list.item(index))
                .filter_map(|node| node.dyn_into::<web_sys::HtmlInputElement>().ok())
                .filter(|input| input.checked())
                .map(|input| input.value())
                .collect()
        };
        on_decide.run(ConsentDecision {
            consent_challenge: request.with_untracked(|r| r.challenge.clone()),
            accept: accepted(&event),
            grant_scope: checked("input[name=grant_scope]"),
            remember: !checked("input[name=remember]").is_empty(),
        });
    };
    let current = request.get_untracked();
    let scopes = current
        .requested_scope
        .iter()
        .enumerate()
        .map(|(index, scope)| {
            let id = format!("lk-scope-{index}");
            view! {
                <div class="lk-node lk-checkbox">
                    <input type="checkbox" name="grant_scope" id=id.clone() value=scope.clone() checked=true />
                    <label for=id>{scope_text(&translator, scope)}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <form class="lk-form lk-consent" node_ref=form_ref aria-busy=move || busy.get().then_some("true") on:submit=submit>
            {client_view(&current.client, translator.phrase(Phrase::ConsentAsks))}
            <fieldset class="lk-group" data-group="oauth2_consent">
                <legend class="lk-legend">{translator.phrase(Phrase::ConsentTitle)}</legend>
                <div class="lk-group-body">{scopes}</div>
            </fieldset>
            <div class="lk-node lk-checkbox">
                <input type="checkbox" name="remember" id="lk-consent-remember" value="true" />
                <label for="lk-consent-remember">{translator.phrase(Phrase::ConsentRemember)}</label>
            </div>
            {decision_buttons(
                translator.phrase(Phrase::ConsentAllow),
                translator.phrase(Phrase::ConsentDeny),
                busy,
            )}
            {client_links(&current.client, &translator)}
        </form>
    }
}

/// The confirmation of a logout an OAuth2 client (or Hydra) asked for:
/// "Yes, sign out" / "No, stay signed in". It renders only; `on_decide`
/// receives the [`LogoutDecision`].
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::components::LogoutConfirmation;
/// use leptos_kratos::model::{LogoutDecision, LogoutRequest};
///
/// #[component]
/// fn MyLogout(request: Signal<LogoutRequest>) -> impl IntoView {
///     let on_decide = Callback::new(|d: LogoutDecision| leptos::logging::log!("sign out: {}", d.accept));
///     view! { <LogoutConfirmation request on_decide /> }
/// }
/// ```
#[component]
pub fn LogoutConfirmation(
    /// Hydra's logout request.
    #[prop(into)]
    request: Signal<LogoutRequest>,
    /// Receives the decision.
    #[prop(into)]
    on_decide: Callback<LogoutDecision>,
    /// Whether the decision is being sent.
    #[prop(optional, into)]
    busy: Signal<bool>,
) -> impl IntoView {
    let translator = use_translator();
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        on_decide.run(LogoutDecision {
            logout_challenge: request.with_untracked(|r| r.challenge.clone()),
            accept: accepted(&event),
        });
    };
    let current = request.get_untracked();
    let question = match &current.client {
        Some(client) => client_view(client, translator.phrase(Phrase::LogoutAsks)).into_any(),
        None => view! { <p class="lk-client-asks">{translator.phrase(Phrase::LogoutQuestion)}</p> }
            .into_any(),
    };
    view! {
        <form class="lk-form lk-logout-confirm" aria-busy=move || busy.get().then_some("true") on:submit=submit>
            {question}
            {decision_buttons(
                translator.phrase(Phrase::LogoutYes),
                translator.phrase(Phrase::LogoutNo),
                busy,
            )}
        </form>
    }
}
