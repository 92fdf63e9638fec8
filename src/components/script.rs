//! Script nodes and what WebAuthn triggers need to run.

use leptos::prelude::*;

use crate::i18n::{Phrase, use_translator};
use crate::model::{Flow, NodeAttributes, ScriptAttributes, UiNode};
use crate::webauthn::script::{ScriptState, load_script, retry_script};
use crate::webauthn::{WebAuthnMode, browser_supports_webauthn, use_webauthn_mode};

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
    pub failure: RwSignal<Option<String>>,
}

fn is_webauthn_script(script: &ScriptAttributes) -> bool {
    script.id.as_deref() == Some("webauthn_script")
        || script.src.contains("/.well-known/ory/webauthn.js")
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

/// Whether a script node is loaded in this mode: all of them in script
/// mode; in native mode all but `webauthn.js`.
fn should_load(mode: WebAuthnMode, script: &ScriptAttributes) -> bool {
    mode == WebAuthnMode::Script || !is_webauthn_script(script)
}

/// Loads the flow's script nodes (once per page each; in native mode not
/// `webauthn.js`) and provides the [`WebAuthnContext`].
pub(crate) fn provide_webauthn(flow: Signal<Flow>) -> WebAuthnContext {
    let configured = use_webauthn_mode();
    let webauthn_script =
        Memo::new(move |_| flow.with(|f| scripts(f).into_iter().find(is_webauthn_script)));
    Effect::new(move |_| {
        for script in flow.with(scripts) {
            if should_load(configured, &script) {
                load_script(&script);
            }
        }
    });
    let mode = Signal::derive(move || match configured {
        WebAuthnMode::Script if webauthn_script.with(Option::is_some) => WebAuthnMode::Script,
        _ => WebAuthnMode::Native,
    });
    let ready = Signal::derive(move || match (mode.get(), webauthn_script.get()) {
        (WebAuthnMode::Script, Some(script)) => load_script(&script).get() == ScriptState::Ready,
        _ => browser_supports_webauthn(),
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
    let loaded = should_load(use_webauthn_mode(), &attrs).then(|| load_script(&attrs));
    let failed = move || loaded.is_some_and(|state| state.get() == ScriptState::Failed);
    let retry = move |_| retry_script(&attrs);
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
