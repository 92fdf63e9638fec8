//! Script nodes and what WebAuthn triggers need to run.

use leptos::prelude::*;

use crate::config::use_config;
use crate::i18n::{Phrase, use_translator};
use crate::model::{Flow, NodeAttributes, ScriptAttributes, UiNode};
use crate::url::policy::AllowedScript;
use crate::url::{current_page, without_query};
use crate::webauthn::script::{ScriptState, load_script, retry_script};
use crate::webauthn::{WebAuthnMode, browser_supports_webauthn, use_webauthn_mode, warn_once};

/// What trigger buttons and on-load triggers of a form need, provided by
/// [`super::FlowForm`].
#[derive(Clone, Copy)]
pub(crate) struct WebAuthnContext {
    /// How ceremonies run for this flow: script mode falls back to native
    /// for flows without a script node (old servers).
    pub mode: Signal<WebAuthnMode>,
    /// Whether triggers can run (the script has loaded, or the browser can
    /// run ceremonies natively).
    pub ready: Signal<bool>,
    /// The last ceremony's failure, shown to the user.
    pub failure: RwSignal<Option<crate::client::Error>>,
}

fn scripts(flow: &Flow) -> Vec<ScriptAttributes> {
    flow.ui
        .nodes
        .iter()
        .filter_map(|node| match &node.attributes {
            NodeAttributes::Script(script) => Some(script.clone()),
            _ => None,
        })
        .collect()
}

/// Where a script node may be loaded from in this mode, by the
/// [URL policy](crate::url::policy::UrlPolicy::script); refusals are
/// logged once per script.
fn allowed_source(mode: WebAuthnMode, script: &ScriptAttributes) -> Option<AllowedScript> {
    let policy = use_config().url_policy(&current_page());
    match policy.script(
        &script.src,
        script.integrity.as_deref(),
        mode == WebAuthnMode::Native,
    ) {
        Ok(allowed) => Some(allowed),
        Err(refusal) => {
            warn_once(&format!("script {}", script.src), || {
                format!(
                    "leptos-kratos: script node not loaded ({}): {}",
                    refusal.describe(),
                    without_query(&script.src)
                )
            });
            None
        }
    }
}

/// Loads the flow's script nodes that the URL policy allows (once per page
/// each) and provides the [`WebAuthnContext`]. Script mode runs ceremonies
/// through Kratos's `webauthn.js` only when the flow has it from Kratos's
/// origin with its `integrity`; otherwise natively. No ceremony can run
/// while the form's action is refused (`webauthn.js` submits the form
/// natively, which would bypass the check).
pub(crate) fn provide_webauthn(
    flow: Signal<Flow>,
    action_allowed: Signal<bool>,
) -> WebAuthnContext {
    let configured = use_webauthn_mode();
    let allowed = Memo::new(move |_| {
        flow.with(scripts)
            .into_iter()
            .filter_map(|script| allowed_source(configured, &script).map(|a| (script, a)))
            .collect::<Vec<_>>()
    });
    let webauthn_script = Memo::new(move |_| {
        allowed.with(|all| {
            all.iter()
                .find(|(_, allowed)| allowed.is_webauthn)
                .map(|(script, allowed)| (script.clone(), allowed.href.clone()))
        })
    });
    Effect::new(move |_| {
        allowed.with(|all| {
            for (script, allowed) in all {
                load_script(script, &allowed.href);
            }
        })
    });
    let mode = Signal::derive(move || match configured {
        WebAuthnMode::Script if webauthn_script.with(Option::is_some) => WebAuthnMode::Script,
        _ => WebAuthnMode::Native,
    });
    let ready = Signal::derive(move || {
        action_allowed.get()
            && match (mode.get(), webauthn_script.get()) {
                (WebAuthnMode::Script, Some((script, src))) => {
                    load_script(&script, &src).get() == ScriptState::Ready
                }
                _ => browser_supports_webauthn(),
            }
    });
    let context = WebAuthnContext {
        mode,
        ready,
        failure: RwSignal::new(None),
    };
    provide_context(context);
    context
}

/// A script node: nothing visible while it loads or once it has; a clear
/// message with a retry button if it could not be loaded.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::components::ScriptNode;
/// use leptos_kratos::model::UiNode;
///
/// #[component]
/// fn Script(node: Signal<UiNode>) -> impl IntoView {
///     view! { <ScriptNode node /> }
/// }
/// ```
#[component]
pub fn ScriptNode(
    /// The node.
    #[prop(into)]
    node: Signal<UiNode>,
) -> impl IntoView {
    let attrs = node.with_untracked(|n| match &n.attributes {
        NodeAttributes::Script(script) => script.clone(),
        _ => ScriptAttributes::default(),
    });
    let translator = use_translator();
    let failed_text = translator.phrase(Phrase::ScriptFailed);
    let retry_text = translator.phrase(Phrase::TryAgain);
    let source = allowed_source(use_webauthn_mode(), &attrs).map(|allowed| allowed.href);
    let loaded = source.as_deref().map(|src| load_script(&attrs, src));
    let failed = move || loaded.is_some_and(|state| state.get() == ScriptState::Failed);
    let retry = move |_| {
        if let Some(src) = &source {
            retry_script(&attrs, src);
        }
    };
    view! {
        <Show when=failed>
            <div class="lk-node lk-script-error" role="alert">
                <p class="lk-message" data-type="error">{failed_text.clone()}</p>
                <button class="lk-button lk-secondary" type="button" on:click=retry.clone()>
                    {retry_text.clone()}
                </button>
            </div>
        </Show>
    }
}
