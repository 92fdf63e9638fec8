//! WebAuthn and passkeys: Kratos's script nodes and the triggers that call
//! the functions `webauthn.js` defines (`onclickTrigger`, `onloadTrigger`),
//! or, in [`WebAuthnMode::Native`], the same ceremonies run from Rust.
//!
//! In script mode the script finishes by submitting the form natively
//! (`form.submit()`); the form is a real `<form action method>` with every
//! hidden input, so Kratos receives the result and redirects the browser
//! (back to the flow on errors, to `return_to` on success). In native mode
//! the result is written into the same fields and the form is submitted
//! through the flow controller like any other submission.
//!
//! ## Usage
//!
//! ```no_run
//! use leptos::prelude::*;
//! use leptos_kratos::webauthn::WebAuthnMode;
//!
//! // Strict Content-Security-Policy: no external script, ceremonies from Rust.
//! provide_context(WebAuthnMode::Native);
//! ```

pub mod base64url;
pub mod inline;
#[cfg(feature = "ui")]
pub(crate) mod native;
#[cfg(feature = "ui")]
pub mod script;

#[cfg(feature = "ui")]
pub use ui::*;

#[cfg(feature = "ui")]
mod ui {
    use leptos::prelude::*;
    use serde_json::Value;
    use wasm_bindgen::JsCast;

    use super::inline::parse_inline_call;
    use crate::model::{InputAttributes, WebAuthnTrigger};

    /// How WebAuthn and passkey ceremonies run. Provide it with
    /// `provide_context`; the drop-in app reads
    /// `<meta name="kratos-webauthn" content="native">`.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    pub enum WebAuthnMode {
        /// Load Kratos's `webauthn.js` (the flow's script node) and call the
        /// functions it defines.
        #[default]
        Script,
        /// Run the ceremonies with `navigator.credentials` from Rust, without
        /// loading any script (strict Content-Security-Policies).
        Native,
    }

    /// The mode in context (script mode by default).
    pub fn use_webauthn_mode() -> WebAuthnMode {
        use_context::<WebAuthnMode>().unwrap_or_default()
    }

    /// What a node asks to run: its trigger and the options to pass, from
    /// `onclickTrigger`/`onloadTrigger` and the node's value, or from inline
    /// JavaScript of an old server when it has the one shape understood
    /// ([`super::inline`]).
    #[derive(Clone, Debug, PartialEq)]
    pub struct TriggerCall {
        /// The function.
        pub trigger: WebAuthnTrigger,
        /// Its options (parsed from the node's value), if it takes any.
        pub options: Option<Value>,
    }

    fn options_from_value(input: &InputAttributes) -> Option<Value> {
        let value = input.value.as_ref()?;
        let parsed = match value {
            Value::String(text) if !text.trim().is_empty() => serde_json::from_str(text).ok()?,
            Value::Object(_) => value.clone(),
            _ => return None,
        };
        parsed.get("publicKey").is_some().then_some(parsed)
    }

    /// Writes a warning to the console once per `key` for the page's
    /// lifetime (refused scripts, unknown trigger names).
    pub(crate) fn warn_once(key: &str, message: impl FnOnce() -> String) {
        thread_local! {
            /// How often each key was met (the map type the form's layout
            /// uses too, so its code is in the bundle once).
            static WARNED: std::cell::RefCell<std::collections::HashMap<String, usize>> =
                std::cell::RefCell::new(std::collections::HashMap::new());
        }
        let first = WARNED.with(|warned| {
            let mut warned = warned.borrow_mut();
            let count = warned.entry(key.to_owned()).or_default();
            *count += 1;
            *count == 1
        });
        if first {
            leptos::logging::warn!("{}", message());
        }
    }

    /// A trigger name from Kratos's closed set (`oryWebAuthnLogin`, ...);
    /// any other name (`alert`, `open`) is ignored and logged once.
    fn known(trigger: Option<&WebAuthnTrigger>) -> Option<WebAuthnTrigger> {
        match trigger? {
            WebAuthnTrigger::Unknown(name) => {
                warn_once(&format!("trigger {name}"), || {
                    format!("leptos-kratos: ignored the unknown trigger {name:?}")
                });
                None
            }
            known => Some(known.clone()),
        }
    }

    /// The click action of a node, if it has one.
    pub fn click_call(input: &InputAttributes) -> Option<TriggerCall> {
        if let Some(trigger) = known(input.onclick_trigger.as_ref()) {
            return Some(TriggerCall {
                trigger,
                options: options_from_value(input),
            });
        }
        if input.onclick_trigger.is_some() {
            return None;
        }
        let inline = parse_inline_call(input.onclick.as_deref()?)?;
        Some(TriggerCall {
            trigger: inline.trigger,
            options: inline.argument.or_else(|| options_from_value(input)),
        })
    }

    /// The on-load action of a node, if it has one.
    pub fn load_call(input: &InputAttributes) -> Option<TriggerCall> {
        let trigger = match &input.onload_trigger {
            Some(trigger) => known(Some(trigger))?,
            None => parse_inline_call(input.onload.as_deref()?)?.trigger,
        };
        Some(TriggerCall {
            trigger,
            options: None,
        })
    }

    /// The function `webauthn.js` defined for a trigger (or its deprecated
    /// `__` alias, which older scripts define alone).
    fn window_function(trigger: &WebAuthnTrigger) -> Option<js_sys::Function> {
        if matches!(trigger, WebAuthnTrigger::Unknown(_)) {
            return None;
        }
        let window = web_sys::window()?;
        [
            trigger.as_str().to_owned(),
            format!("__{}", trigger.as_str()),
        ]
        .iter()
        .find_map(|name| {
            js_sys::Reflect::get(&window, &name.into())
                .ok()?
                .dyn_into::<js_sys::Function>()
                .ok()
        })
    }

    /// Whether the script defined the function for this trigger.
    pub fn is_defined(trigger: &WebAuthnTrigger) -> bool {
        window_function(trigger).is_some()
    }

    /// Runs a trigger: in script mode the function `webauthn.js` defined
    /// (with the options as an object when the trigger takes them); in
    /// native mode the ceremony from Rust on `form`. Failures (including the
    /// user cancelling the ceremony) are reported to `on_error`.
    pub fn run(
        call: &TriggerCall,
        mode: WebAuthnMode,
        form: Option<web_sys::HtmlFormElement>,
        on_error: impl Fn(crate::client::Error) + 'static,
    ) {
        match mode {
            WebAuthnMode::Script => {
                let Some(function) = window_function(&call.trigger) else {
                    on_error(crate::client::Error::WebAuthn(format!(
                        "{} is not available.",
                        call.trigger
                    )));
                    return;
                };
                let Some(window) = web_sys::window() else {
                    return;
                };
                let result = match &call.options {
                    Some(options) => js_sys::JSON::parse(&options.to_string())
                        .and_then(|options| function.call1(&window, &options)),
                    None => function.call0(&window),
                };
                if result.is_err() {
                    on_error(crate::client::Error::WebAuthn(format!(
                        "{} failed.",
                        call.trigger
                    )));
                }
            }
            WebAuthnMode::Native => {
                let Some(form) = form else {
                    on_error(crate::client::Error::WebAuthn(
                        "The trigger is not inside a form.".into(),
                    ));
                    return;
                };
                let call = call.clone();
                leptos::task::spawn_local(async move {
                    if let Err(error) = super::native::run(&call.trigger, &form, call.options).await
                    {
                        on_error(crate::client::Error::WebAuthn(error));
                    }
                });
            }
        }
    }

    /// Whether this browser can run WebAuthn at all.
    pub fn browser_supports_webauthn() -> bool {
        // A server has no browser: the page's script decides once it runs.
        if cfg!(not(target_arch = "wasm32")) {
            return false;
        }
        web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w, &"PublicKeyCredential".into()).ok())
            .is_some_and(|v| !v.is_undefined())
    }
}
