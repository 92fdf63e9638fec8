//! Resolving a URL against a base with a WHATWG URL parser: the browser's
//! own (`URL`) in WebAssembly, the `url` crate (the same standard)
//! natively, so decisions made on the result are exactly the browser's.

/// A URL resolved by the URL parser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedUrl {
    /// The serialised URL (`https://host/path?query#fragment`).
    pub href: String,
    /// The scheme, lower-case, without `:` (`https`, `data`, `javascript`).
    pub scheme: String,
    /// `scheme://host[:port]`, or `null` for URLs without an origin (`data:`).
    pub origin: String,
    /// The path (`/self-service/login`); for opaque URLs their content.
    pub path: String,
}

impl ParsedUrl {
    /// Whether the scheme is `http` or `https`.
    pub fn is_http(&self) -> bool {
        matches!(self.scheme.as_str(), "http" | "https")
    }

    /// The path, query and fragment (what follows the origin).
    pub fn local_part(&self) -> &str {
        match self.href.strip_prefix(&self.origin) {
            Some(rest) if self.origin != "null" => rest,
            _ => &self.href,
        }
    }
}

/// Resolves `input` against `base` (an absolute URL) as a browser does for
/// an `href`; `None` when either does not parse.
///
/// ```
/// use leptos_kratos::url::parse::resolve;
/// let url = resolve("/\\evil.example/x", "https://app.example/login").unwrap();
/// assert_eq!(url.origin, "https://evil.example");
/// let url = resolve("../a?b#c", "https://app.example/x/y").unwrap();
/// assert_eq!(url.href, "https://app.example/a?b#c");
/// assert_eq!(url.local_part(), "/a?b#c");
/// ```
pub fn resolve(input: &str, base: &str) -> Option<ParsedUrl> {
    imp::resolve(input, base)
}

#[cfg(all(target_arch = "wasm32", feature = "ui"))]
mod imp {
    use super::ParsedUrl;

    pub fn resolve(input: &str, base: &str) -> Option<ParsedUrl> {
        let url = web_sys::Url::new_with_base(input, base).ok()?;
        let protocol = url.protocol();
        Some(ParsedUrl {
            href: url.href(),
            scheme: protocol.trim_end_matches(':').to_ascii_lowercase(),
            origin: url.origin(),
            path: url.pathname(),
        })
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::ParsedUrl;

    pub fn resolve(input: &str, base: &str) -> Option<ParsedUrl> {
        let url = url::Url::parse(base).ok()?.join(input).ok()?;
        Some(ParsedUrl {
            href: url.as_str().to_owned(),
            scheme: url.scheme().to_owned(),
            origin: url.origin().ascii_serialization(),
            path: url.path().to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browsers_read_backslashes_and_controls_like_this() {
        let page = "https://app.example/login?flow=1";
        for (input, origin) in [
            ("/\\evil.example", "https://evil.example"),
            ("\\\\evil.example", "https://evil.example"),
            ("//evil.example/x", "https://evil.example"),
            ("/\t/evil.example", "https://evil.example"),
            ("https:evil.example", "https://app.example"),
            ("http:evil.example", "http://evil.example"),
            ("https://kratos@evil.example/", "https://evil.example"),
            ("HTTPS://EVIL.EXAMPLE:443/", "https://evil.example"),
            ("https://bücher.example/", "https://xn--bcher-kva.example"),
            ("/a/../b", "https://app.example"),
        ] {
            assert_eq!(resolve(input, page).unwrap().origin, origin, "{input:?}");
        }
        let script = resolve(" java\tscript:alert(1)", page).unwrap();
        assert_eq!(script.scheme, "javascript");
        assert_eq!(script.origin, "null");
        assert!(resolve("https://[::1", page).is_none());
        assert!(resolve("/x", "not a base").is_none());
    }
}
