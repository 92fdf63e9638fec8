//! Inline JavaScript from old Kratos versions, understood without `eval`.
//!
//! Old servers put JavaScript in a trigger's `onclick` (e.g.
//! `window.__oryWebAuthnLogin({...options...})`) instead of an
//! `onclickTrigger`. This module recognises exactly one shape — a call of a
//! known WebAuthn function, optionally on `window.`, with no argument or one
//! JSON argument — and turns it into a trigger and its options. Anything
//! else is refused and never run: in particular the inline `onload` scripts
//! that defined those functions on very old servers (use a Kratos that
//! serves `/.well-known/ory/webauthn.js`, or the native mode).

use serde_json::Value;

use crate::model::WebAuthnTrigger;

/// A recognised inline call: the trigger, and the options passed to it.
#[derive(Clone, Debug, PartialEq)]
pub struct InlineCall {
    /// The function called (without a `__` prefix).
    pub trigger: WebAuthnTrigger,
    /// The JSON argument, if one was passed.
    pub argument: Option<Value>,
}

/// Parses `window.oryWebAuthnLogin({...})`, `__oryPasskeyLogin()`,
/// `window.__oryWebAuthnLogin` and the like; `None` for anything else.
///
/// ```
/// use leptos_kratos::webauthn::inline::parse_inline_call;
/// use leptos_kratos::model::WebAuthnTrigger;
/// let call = parse_inline_call(r#"window.__oryWebAuthnLogin({"publicKey":{"challenge":"AA"}})"#).unwrap();
/// assert_eq!(call.trigger, WebAuthnTrigger::OryWebAuthnLogin);
/// assert_eq!(call.argument.unwrap()["publicKey"]["challenge"], "AA");
/// assert!(parse_inline_call("alert(document.cookie)").is_none());
/// ```
pub fn parse_inline_call(code: &str) -> Option<InlineCall> {
    let code = code.trim().trim_end_matches(';').trim();
    let code = code.strip_prefix("window.").unwrap_or(code);
    let name_end = code
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(code.len());
    let (name, rest) = code.split_at(name_end);
    let trigger = WebAuthnTrigger::from(name.trim_start_matches("__"));
    if matches!(trigger, WebAuthnTrigger::Unknown(_)) {
        return None;
    }
    let rest = rest.trim();
    let argument = if rest.is_empty() {
        None
    } else {
        let inner = rest.strip_prefix('(')?.strip_suffix(')')?.trim();
        if inner.is_empty() {
            None
        } else {
            Some(serde_json::from_str::<Value>(inner).ok()?)
        }
    };
    Some(InlineCall { trigger, argument })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_calls_are_understood() {
        let plain = parse_inline_call("window.oryPasskeyLogin()").unwrap();
        assert_eq!(plain.trigger, WebAuthnTrigger::OryPasskeyLogin);
        assert_eq!(plain.argument, None);
        let bare = parse_inline_call("window.__oryWebAuthnLogin").unwrap();
        assert_eq!(bare.trigger, WebAuthnTrigger::OryWebAuthnLogin);
        let with_json =
            parse_inline_call(r#"__oryWebAuthnRegistration({"publicKey":{"user":{"id":"x"}}});"#)
                .unwrap();
        assert_eq!(with_json.trigger, WebAuthnTrigger::OryWebAuthnRegistration);
        assert!(with_json.argument.is_some());
    }

    #[test]
    fn everything_else_is_refused() {
        for code in [
            "",
            "alert(1)",
            "window.oryPasskeyLogin();alert(1)",
            "window.oryPasskeyLogin(alert(1))",
            "window.oryWebAuthnLogin({\"a\": 1}) || fetch('/x')",
            "if (window && window.__oryWebAuthnLogin) {} else { function x() {} }",
            "window.location='javascript:alert(1)'",
            "oryPasskeyLoginX()",
        ] {
            assert!(parse_inline_call(code).is_none(), "{code}");
        }
    }
}
