//! URL helpers: which URLs from Kratos may be followed, and query strings.
//!
//! ## Usage
//!
//! ```
//! use leptos_kratos::url::{build_query, safe_url};
//! assert_eq!(safe_url("javascript:alert(1)"), None);
//! assert_eq!(safe_url("/login?flow=1").as_deref(), Some("/login?flow=1"));
//! assert_eq!(build_query([("return_to", "/a b")]), "return_to=%2Fa+b");
//! ```
//!
//! Kratos data is untrusted input for the page: a `javascript:` URL in an
//! `href`, a form `action` or a redirect would run script in the app's
//! origin. Everything that puts a Kratos URL into the DOM or the address bar
//! goes through [`safe_url`] (or [`safe_image_src`]).

/// Removes what browsers ignore when parsing a URL: leading and trailing C0
/// controls and spaces, and tabs and newlines anywhere (so that
/// `"java\tscript:"` is seen as the `javascript:` it is).
fn browser_normalized(url: &str) -> String {
    url.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The scheme of an absolute URL, lower-cased; `None` for relative URLs.
fn scheme(url: &str) -> Option<String> {
    let end = url.find([':', '/', '?', '#'])?;
    if !url[end..].starts_with(':') || end == 0 {
        return None;
    }
    let candidate = &url[..end];
    let valid = candidate.starts_with(|c: char| c.is_ascii_alphabetic())
        && candidate
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| candidate.to_ascii_lowercase())
}

/// Returns the URL if it is safe to navigate to or submit to: `http(s)` or
/// relative. Anything else (`javascript:`, `data:`, `vbscript:`, ...) is refused.
///
/// ```
/// use leptos_kratos::url::safe_url;
/// assert_eq!(safe_url("https://auth.example.com/x").as_deref(), Some("https://auth.example.com/x"));
/// assert_eq!(safe_url("/self-service/login?flow=1").as_deref(), Some("/self-service/login?flow=1"));
/// assert_eq!(safe_url(" java\tscript:alert(1)"), None);
/// ```
pub fn safe_url(url: &str) -> Option<String> {
    let normalized = browser_normalized(url);
    match scheme(&normalized).as_deref() {
        None | Some("http") | Some("https") => Some(normalized),
        Some(_) => None,
    }
}

/// Like [`safe_url`], but also accepts `data:image/...` URIs (the TOTP QR code).
/// Images cannot run script, but `data:` documents could if navigated to,
/// so this is only for `<img src>`.
pub fn safe_image_src(url: &str) -> Option<String> {
    let normalized = browser_normalized(url);
    match scheme(&normalized).as_deref() {
        Some("data")
            if normalized[5..]
                .trim_start()
                .to_ascii_lowercase()
                .starts_with("image/") =>
        {
            Some(normalized)
        }
        _ => safe_url(&normalized),
    }
}

/// Percent-encodes a query component (`application/x-www-form-urlencoded`).
pub fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// Decodes a query component (`+` is a space, `%XX` a byte); invalid
/// escapes are kept as they are.
pub fn decode_component(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Builds a query string (`a=1&b=2`, without `?`) from pairs.
pub fn build_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    pairs
        .into_iter()
        .map(|(k, v)| format!("{}={}", encode_component(k), encode_component(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Parses a query string (with or without the leading `?`) into pairs.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| match part.split_once('=') {
            Some((k, v)) => (decode_component(k), decode_component(v)),
            None => (decode_component(part), String::new()),
        })
        .collect()
}

/// The first value of `key` in a query string.
pub fn query_value(query: &str, key: &str) -> Option<String> {
    parse_query(query)
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
}

/// Joins a base URL (possibly empty, meaning "this origin") and an absolute path.
///
/// ```
/// use leptos_kratos::url::join;
/// assert_eq!(join("", "/sessions/whoami"), "/sessions/whoami");
/// assert_eq!(join("https://auth.example.com/", "/sessions/whoami"), "https://auth.example.com/sessions/whoami");
/// ```
pub fn join(base: &str, path: &str) -> String {
    format!("{}{}", base.trim_end_matches('/'), path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_relative_urls_are_safe() {
        for ok in [
            "https://a.example/x",
            "HTTP://a.example",
            "/relative/path?x=1",
            "relative",
            "?flow=1",
            "#frag",
            "//host/path",
            "/a:b",
        ] {
            assert!(safe_url(ok).is_some(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "\u{0}javascript:alert(1)",
            "java\nscript:alert(1)",
            "java\tscript:alert(1)",
            "vbscript:x",
            "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
        ] {
            assert_eq!(safe_url(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn images_may_be_data_uris() {
        assert!(safe_image_src("data:image/png;base64,iVBORw0KGgo=").is_some());
        assert!(safe_image_src("https://x/qr.png").is_some());
        assert!(safe_image_src("data:text/html,<b>").is_none());
        assert!(safe_image_src("javascript:alert(1)").is_none());
    }

    #[test]
    fn queries_round_trip() {
        let query = build_query([
            ("return_to", "https://app.example/a?b=c&d"),
            ("aal", "aal2"),
        ]);
        assert_eq!(
            query,
            "return_to=https%3A%2F%2Fapp.example%2Fa%3Fb%3Dc%26d&aal=aal2"
        );
        assert_eq!(
            query_value(&format!("?{query}"), "return_to").as_deref(),
            Some("https://app.example/a?b=c&d")
        );
        assert_eq!(query_value("?flow=abc&x", "x").as_deref(), Some(""));
        assert_eq!(decode_component("a+b%20c%zz%4"), "a b c%zz%4");
        assert_eq!(decode_component("%C3%A9"), "é");
    }
}
