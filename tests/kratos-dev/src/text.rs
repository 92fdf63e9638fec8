//! Kratos's messages (`text/message_*.go`): ids, types, texts, contexts.

use leptos_kratos::model::{MessageType, UiText};
use serde_json::{Value, json};

fn message(
    id: i64,
    message_type: MessageType,
    text: impl Into<String>,
    context: Option<Value>,
) -> UiText {
    UiText {
        id,
        text: text.into(),
        message_type,
        context,
        ..Default::default()
    }
}

/// An info message without context.
pub fn info(id: i64, text: &str) -> UiText {
    message(id, MessageType::Info, text, None)
}

/// An info message with context.
pub fn info_with(id: i64, text: impl Into<String>, context: Value) -> UiText {
    message(id, MessageType::Info, text, Some(context))
}

/// An error message without context.
pub fn error(id: i64, text: &str) -> UiText {
    message(id, MessageType::Error, text, None)
}

/// An error message with context.
pub fn error_with(id: i64, text: impl Into<String>, context: Value) -> UiText {
    message(id, MessageType::Error, text, Some(context))
}

/// A success message.
pub fn success(id: i64, text: &str) -> UiText {
    message(id, MessageType::Success, text, None)
}

/// A success message with context.
pub fn success_with(id: i64, text: impl Into<String>, context: Value) -> UiText {
    message(id, MessageType::Success, text, Some(context))
}

// Labels (1070xxx).

/// 1070001 "Password".
pub fn label_password() -> UiText {
    info(1070001, "Password")
}
/// 1070002: a label generated from the identity schema's `title`.
pub fn label_generated(title: &str, name: &str) -> UiText {
    info_with(1070002, title, json!({"title": title, "name": name}))
}
/// 1070003 "Save".
pub fn label_save() -> UiText {
    info(1070003, "Save")
}
/// 1070004 "ID".
pub fn label_id() -> UiText {
    info(1070004, "ID")
}
/// 1070006 "Verify code".
pub fn label_verify_otp() -> UiText {
    info(1070006, "Verify code")
}
/// 1070007 "Email".
pub fn label_email() -> UiText {
    info(1070007, "Email")
}
/// 1070008 "Resend code".
pub fn label_resend() -> UiText {
    info(1070008, "Resend code")
}
/// 1070009 "Continue".
pub fn label_continue() -> UiText {
    info(1070009, "Continue")
}
/// 1070010 "Recovery code".
pub fn label_recovery_code() -> UiText {
    info(1070010, "Recovery code")
}
/// 1070011 "Verification code".
pub fn label_verification_code() -> UiText {
    info(1070011, "Verification code")
}
/// 1070012 "Registration code".
pub fn label_registration_code() -> UiText {
    info(1070012, "Registration code")
}
/// 1070013 "Login code".
pub fn label_login_code() -> UiText {
    info(1070013, "Login code")
}

// Validation errors (4000xxx).

/// 4000001: a generic validation error with a reason.
pub fn generic_error(reason: &str) -> UiText {
    error_with(4000001, reason, json!({"reason": reason}))
}
/// 4000002 "Property {property} is missing."
pub fn required(property: &str) -> UiText {
    error_with(
        4000002,
        format!("Property {property} is missing."),
        json!({"property": property}),
    )
}
/// 4000006: invalid credentials.
pub fn invalid_credentials() -> UiText {
    error(
        4000006,
        "The provided credentials are invalid, check for spelling mistakes in your password or username, email address, or phone number.",
    )
}
/// 4000007: duplicate identifier.
pub fn duplicate_credentials() -> UiText {
    error(
        4000007,
        "An account with the same identifier (email, phone, username, ...) exists already.",
    )
}
/// 4000008: wrong TOTP code.
pub fn totp_wrong() -> UiText {
    error(
        4000008,
        "The provided authentication code is invalid, please try again.",
    )
}
/// 4000012: lookup secret used.
pub fn lookup_used() -> UiText {
    error(4000012, "This backup recovery code has already been used.")
}
/// 4000016: lookup secret invalid.
pub fn lookup_invalid() -> UiText {
    error(4000016, "The backup recovery code is not valid.")
}
/// 4000031: password too similar to the identifier.
pub fn password_too_similar() -> UiText {
    error(
        4000031,
        "The password can not be used because it is too similar to the identifier.",
    )
}
/// 4000032: password too short.
pub fn password_min_length(min: usize, actual: usize) -> UiText {
    error_with(
        4000032,
        format!("The password must be at least {min} characters long, but got {actual}."),
        json!({"min_length": min, "actual_length": actual}),
    )
}
/// 4000033: password too long.
pub fn password_max_length(max: usize, actual: usize) -> UiText {
    error_with(
        4000033,
        format!("The password must be at most {max} characters long, but got {actual}."),
        json!({"max_length": max, "actual_length": actual}),
    )
}
/// 4000035: no account for login by code.
pub fn no_code_user() -> UiText {
    error(
        4000035,
        "This account does not exist or has not setup sign in with code.",
    )
}
/// 4000037: account not found (identifier first).
pub fn account_not_found() -> UiText {
    error(
        4000037,
        "This account does not exist or has no login method configured.",
    )
}
/// 4000039: the new password equals the old one.
pub fn password_same_as_old() -> UiText {
    error(
        4000039,
        "The new password must be different from the old password.",
    )
}
/// 4000040: not an e-mail address.
pub fn invalid_email(value: &str) -> UiText {
    error_with(
        4000040,
        "Enter a valid email address",
        json!({"value": value}),
    )
}

/// The "flow expired" message of each flow (4010001, 4040001, 4050001, 4060005, 4070005).
pub fn flow_expired(
    id: i64,
    flow: &str,
    expired_at: &str,
    expired_at_unix: i64,
    minutes_ago: f64,
) -> UiText {
    error_with(
        id,
        format!("The {flow} flow expired {minutes_ago:.2} minutes ago, please try again."),
        json!({"expired_at": expired_at, "expired_at_unix": expired_at_unix}),
    )
}

/// 401000x: no strategy could handle the submission.
pub fn no_strategy(kind: &str) -> UiText {
    let (id, what) = match kind {
        "login" => (4010002, "log you in with"),
        "registration" => (4010003, "sign you up with"),
        "settings" => (4010004, "update your settings"),
        "recovery" => (4010005, "recover your account with"),
        _ => (4010006, "verify your account with"),
    };
    let text = if kind == "settings" {
        "Could not find a strategy to update your settings. Did you fill out the form correctly?"
            .to_owned()
    } else {
        format!("Could not find a strategy to {what}. Did you fill out the form correctly?")
    };
    error(id, &text)
}

/// The "code invalid or already used" message of each flow.
pub fn code_invalid(kind: &str) -> UiText {
    match kind {
        "login" => error(
            4010008,
            "The login code is invalid or has already been used. Please try again.",
        ),
        "registration" => error(
            4040003,
            "The registration code is invalid or has already been used. Please try again.",
        ),
        "recovery" => error(
            4060006,
            "The recovery code is invalid or has already been used. Please try again.",
        ),
        _ => error(
            4070006,
            "The verification code is invalid or has already been used. Please try again.",
        ),
    }
}

/// 5000002: no methods available.
pub fn no_methods() -> UiText {
    error(
        5000002,
        "No authentication methods are available. Please contact the system administrator.",
    )
}
