//! Filling a message template from a Kratos message's `context`.
//!
//! Placeholders: `{key}` (strings as they are, numbers, lists joined with
//! ", "), `{key:date}` (a Unix time in seconds as a local date and time),
//! `{key:minutes_ago}` and `{key:minutes_left}` (a Unix time as whole
//! minutes before or after now).

use serde_json::Value;

/// Fills `template` from `context`; `None` if a placeholder has no value,
/// so the caller can fall back to another text.
pub fn interpolate(
    template: &str,
    context: Option<&Value>,
    locale: &str,
    now_unix: f64,
) -> Option<String> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = start + rest[start..].find('}')?;
        let placeholder = &rest[start + 1..end];
        let (key, format) = placeholder.split_once(':').unwrap_or((placeholder, ""));
        let value = context?.get(key)?;
        out.push_str(&render(value, format, locale, now_unix)?);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

fn render(value: &Value, format: &str, locale: &str, now_unix: f64) -> Option<String> {
    match format {
        "" => Some(plain(value)),
        "date" => Some(local_date(value.as_f64()?, locale)),
        "minutes_ago" => Some(format!(
            "{}",
            ((now_unix - value.as_f64()?) / 60.0).round().max(1.0) as i64
        )),
        "minutes_left" => Some(format!(
            "{}",
            ((value.as_f64()? - now_unix) / 60.0).floor().max(0.0) as i64
        )),
        _ => None,
    }
}

fn plain(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(plain).collect::<Vec<_>>().join(", "),
        Value::Null => String::new(),
        Value::Object(map) => map
            .get("text")
            .map(plain)
            .unwrap_or_else(|| value.to_string()),
        other => other.to_string(),
    }
}

/// An RFC 3339 time (as Kratos sends `authenticated_at`, `expires_at`) as
/// a date and time in the user's locale; the text itself if unreadable.
pub fn timestamp(rfc3339: &str, locale: &str) -> String {
    #[cfg(all(target_arch = "wasm32", feature = "ui"))]
    {
        let millis = js_sys::Date::parse(rfc3339);
        if millis.is_nan() {
            rfc3339.to_owned()
        } else {
            local_date(millis / 1000.0, locale)
        }
    }
    #[cfg(not(all(target_arch = "wasm32", feature = "ui")))]
    {
        let _ = locale;
        rfc3339.to_owned()
    }
}

/// A Unix time (seconds) as a date and time in the user's locale and time
/// zone (the browser's `Intl`); natively, as UTC in ISO form.
fn local_date(unix: f64, locale: &str) -> String {
    #[cfg(all(target_arch = "wasm32", feature = "ui"))]
    {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(unix * 1000.0));
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
        let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
        String::from(date.to_locale_string(locale, &options))
    }
    #[cfg(not(all(target_arch = "wasm32", feature = "ui")))]
    {
        let _ = locale;
        let secs = unix as i64;
        let days = secs.div_euclid(86_400);
        let (y, m, d) = civil(days);
        let t = secs.rem_euclid(86_400);
        format!(
            "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
            t / 3600,
            (t / 60) % 60
        )
    }
}

#[cfg(not(all(target_arch = "wasm32", feature = "ui")))]
fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// A device as "{browser} on {system}" in the translator's language (or
/// just the one that is known); empty when neither is recognised.
///
/// ```
/// use leptos_kratos::i18n::Translator;
/// use leptos_kratos::i18n::format::describe_user_agent;
/// let chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";
/// assert_eq!(describe_user_agent(&Translator::default(), chrome), "Chrome on Windows");
/// assert_eq!(describe_user_agent(&Translator::default(), "curl/8.0"), "");
/// ```
pub fn describe_user_agent(translator: &super::Translator, agent: &str) -> String {
    let parts = crate::model::user_agent::parse(agent);
    match (parts.browser, parts.system) {
        (Some(browser), Some(system)) => translator
            .phrase(super::Phrase::BrowserOnSystem)
            .replace("{browser}", browser)
            .replace("{system}", system),
        (Some(one), None) | (None, Some(one)) => one.to_owned(),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn placeholders_are_filled() {
        let context = json!({"property": "email", "min_length": 8, "actual_length": 5,
                             "types": ["string", "number"], "used_at_unix": 1629199958,
                             "expired_at_unix": 1000, "privileged_session_expires_at_unix": 1000 + 15 * 60});
        assert_eq!(
            interpolate("Property {property} is missing.", Some(&context), "en", 0.0).as_deref(),
            Some("Property email is missing.")
        );
        assert_eq!(
            interpolate(
                "{min_length}/{actual_length}: {types}",
                Some(&context),
                "en",
                0.0
            )
            .as_deref(),
            Some("8/5: string, number")
        );
        assert_eq!(
            interpolate("{used_at_unix:date}", Some(&context), "en", 0.0).as_deref(),
            Some("2021-08-17 11:32 UTC")
        );
        assert_eq!(
            interpolate(
                "{expired_at_unix:minutes_ago}",
                Some(&context),
                "en",
                1000.0 + 300.0
            )
            .as_deref(),
            Some("5")
        );
        assert_eq!(
            interpolate(
                "{privileged_session_expires_at_unix:minutes_left}",
                Some(&context),
                "en",
                1000.0
            )
            .as_deref(),
            Some("15")
        );
        assert_eq!(
            interpolate("no placeholders", None, "en", 0.0).as_deref(),
            Some("no placeholders")
        );
        assert_eq!(interpolate("{missing}", Some(&context), "en", 0.0), None);
        assert_eq!(interpolate("{property}", None, "en", 0.0), None);
        assert_eq!(
            interpolate("{property:unknown}", Some(&context), "en", 0.0),
            None
        );
        assert_eq!(
            interpolate("broken {property", Some(&context), "en", 0.0),
            None
        );
    }
}
