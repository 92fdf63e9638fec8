//! Loading script nodes (`webauthn.js`, captcha scripts) once per page.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::model::ScriptAttributes;

/// Where a script stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScriptState {
    /// Requested, not loaded yet.
    Loading,
    /// Loaded and run.
    Ready,
    /// Could not be loaded (network, integrity mismatch, CSP); can be retried.
    Failed,
}

thread_local! {
    /// One entry per script (by id, else src) for the page's lifetime, so a
    /// script is requested once however many flows render it. A page loads
    /// one or two (Kratos's `webauthn.js`): a list, searched in order.
    static SCRIPTS: RefCell<Vec<(String, ArcRwSignal<ScriptState>)>> = const { RefCell::new(Vec::new()) };
}

/// The state of the script known by `key`, if it was requested.
fn known(key: &str) -> Option<ArcRwSignal<ScriptState>> {
    SCRIPTS.with(|scripts| {
        let scripts = scripts.borrow();
        let (_, state) = scripts.iter().find(|(known, _)| known == key)?;
        Some(state.clone())
    })
}

/// The key a script is known by: its `id`, else its `src`.
pub fn script_key(attrs: &ScriptAttributes) -> String {
    attrs
        .id
        .clone()
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| attrs.src.clone())
}

/// Loads the script of a script node from `src`, once per page: a
/// `<script>` element in `<head>` with the node's `type`, `async`,
/// `integrity`, `crossorigin`, `referrerpolicy`, `nonce` and `id`. Returns
/// its state. `src` must be what the
/// [URL policy](crate::url::policy::UrlPolicy::script) allowed for the node.
pub fn load_script(attrs: &ScriptAttributes, src: &str) -> Signal<ScriptState> {
    let key = script_key(attrs);
    if let Some(state) = known(&key) {
        return state.into();
    }
    let state = ArcRwSignal::new(ScriptState::Loading);
    if cfg!(not(target_arch = "wasm32")) {
        // A server renders no script element: the browser loads it once
        // the page runs there.
        return state.into();
    }
    SCRIPTS.with(|scripts| scripts.borrow_mut().push((key, state.clone())));
    insert_element(attrs, src, state.clone());
    state.into()
}

/// Loads a failed script again (from the `src` the policy allowed).
pub fn retry_script(attrs: &ScriptAttributes, src: &str) {
    let key = script_key(attrs);
    if let Some(state) = known(&key).filter(|s| s.get_untracked() == ScriptState::Failed) {
        if let Some(old) = document()
            .query_selector(&format!("script[data-lk-script=\"{}\"]", css_escape(&key)))
            .ok()
            .flatten()
        {
            old.remove();
        }
        state.set(ScriptState::Loading);
        insert_element(attrs, src, state);
    }
}

/// The state of a script loaded before, if any.
pub fn script_state(attrs: &ScriptAttributes) -> Option<Signal<ScriptState>> {
    known(&script_key(attrs)).map(Into::into)
}

fn css_escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

fn insert_element(attrs: &ScriptAttributes, src: &str, state: ArcRwSignal<ScriptState>) {
    let document = document();
    let Ok(element) = document.create_element("script") else {
        state.set(ScriptState::Failed);
        return;
    };
    let set = |name: &str, value: Option<&str>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            let _ = element.set_attribute(name, value);
        }
    };
    set("type", attrs.script_type.as_deref());
    set("integrity", attrs.integrity.as_deref());
    set("crossorigin", attrs.crossorigin.as_deref());
    set("referrerpolicy", attrs.referrerpolicy.as_deref());
    set("nonce", attrs.nonce.as_deref());
    set("id", attrs.id.as_deref());
    set("data-lk-script", Some(&script_key(attrs)));
    if attrs.is_async.unwrap_or(true) {
        let _ = element.set_attribute("async", "");
    }
    let loaded = state.clone();
    let on_load = Closure::once_into_js(move || loaded.set(ScriptState::Ready));
    let on_error = Closure::once_into_js(move || state.set(ScriptState::Failed));
    let _ = element.add_event_listener_with_callback("load", on_load.unchecked_ref());
    let _ = element.add_event_listener_with_callback("error", on_error.unchecked_ref());
    set("src", Some(src));
    if let Some(head) = document.head() {
        let _ = head.append_child(&element);
    }
}
