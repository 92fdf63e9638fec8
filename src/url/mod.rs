//! URLs: the one policy that decides which URLs are followed, posted to,
//! loaded or linked ([`policy`]), the URL parser it stands on ([`parse`]),
//! and query strings.
//!
//! ## Usage
//!
//! ```
//! use leptos_kratos::url::build_query;
//! use leptos_kratos::url::policy::UrlPolicy;
//! let policy = UrlPolicy::new("https://app.example/login", "");
//! assert_eq!(policy.kratos_target("javascript:alert(1)"), None);
//! assert_eq!(build_query([("return_to", "/a b")]), "return_to=%2Fa+b");
//! ```
//!
//! Kratos data is untrusted input for the page: a `javascript:` URL in an
//! `href`, a form `action` or a redirect would run script in the app's
//! origin, and a foreign form action would receive the password. Everything
//! that puts a URL into the DOM, the address bar or a request goes through
//! [`policy::UrlPolicy`].

#[cfg(any(feature = "ui", not(target_arch = "wasm32")))]
pub mod parse;
#[cfg(any(feature = "ui", not(target_arch = "wasm32")))]
pub mod policy;

/// The address of the page a server is rendering, given as context
/// (`provide_context(PageUrl(url))`): a server has no `location`, and links,
/// return addresses and the URL policy are judged against the page the
/// browser asked for. In the browser `location.href` is used instead.
#[cfg(feature = "ui")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageUrl(pub String);

/// The page's current URL (`location.href`); outside a browser the
/// [`PageUrl`] in context, else `http://localhost/` (native tests).
#[cfg(feature = "ui")]
pub fn current_page() -> String {
    if cfg!(not(target_arch = "wasm32")) {
        return leptos::prelude::use_context::<PageUrl>()
            .map_or_else(|| "http://localhost/".into(), |page| page.0);
    }
    web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default()
}

/// The current page's query (`?flow=…`, or empty): `location.search` in
/// the browser, the [`PageUrl`]'s on a server.
#[cfg(feature = "ui")]
pub fn current_search() -> String {
    let page = current_page();
    let page = page.split('#').next().unwrap_or_default();
    page.find('?')
        .map(|at| page[at..].to_owned())
        .unwrap_or_default()
}

/// The URL without its query and fragment, for messages and logs (flow
/// ids, tokens and codes travel in queries).
///
/// ```
/// use leptos_kratos::url::without_query;
/// assert_eq!(without_query("https://k/self-service/logout?token=s3cret"), "https://k/self-service/logout");
/// ```
pub fn without_query(url: &str) -> &str {
    url.split(['?', '#']).next().unwrap_or_default()
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
