//! Kratos's `return_to` check (`x/redir.SecureRedirectTo`), with Go's URL
//! parser (`net/url.Parse`) in front of it, so the development server
//! accepts and refuses exactly the values Kratos does.
//!
//! Kratos parses `return_to` with Go's parser (a control character, a bad
//! `%` escape, a bad port or host character, or a colon in the first segment
//! of a relative URL make it a 400), fills in the scheme and host of the
//! default return URL when they are missing, and accepts the result when
//! scheme, host (exact, or a `*.` wildcard) and path prefix match one of
//! `selfservice.allowed_return_urls` or `<public URL>/self-service`.
//! Relative URLs are therefore allowed only when the default return URL's
//! host is in that list. The flow's `return_to` is the raw value; redirects
//! use the resolved one.

use crate::config::Config;

/// A URL as Go's `net/url` parses it (the parts Kratos's check reads).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoUrl {
    /// The scheme, lower-case; empty for relative URLs.
    pub scheme: String,
    /// `host[:port]`, without userinfo; empty when there is no authority.
    pub host: String,
    /// The decoded path.
    pub path: String,
    /// The content of an opaque URL (`https:evil.example` → `evil.example`).
    pub opaque: String,
    /// The raw query, without `?`.
    pub query: String,
}

/// `net/url.Parse`: the errors Go reports, and the parts it finds.
pub fn go_parse(raw: &str) -> Result<GoUrl, String> {
    if raw.bytes().any(|b| b < 0x20 || b == 0x7f) {
        return Err("net/url: invalid control character in URL".into());
    }
    let (rest, fragment) = raw.split_once('#').unwrap_or((raw, ""));
    unescape(fragment)?;
    let mut url = GoUrl::default();
    let mut rest = match scheme_end(rest)? {
        Some(end) => {
            url.scheme = rest[..end].to_ascii_lowercase();
            &rest[end + 1..]
        }
        None => rest,
    };
    if let Some((before, query)) = rest.split_once('?') {
        url.query = query.to_owned();
        rest = before;
    }
    if !rest.starts_with('/') {
        if !url.scheme.is_empty() {
            url.opaque = rest.to_owned();
            return Ok(url);
        }
        let first_segment = rest.split('/').next().unwrap_or_default();
        if first_segment.contains(':') {
            return Err("first path segment in URL cannot contain colon".into());
        }
    }
    if rest.starts_with("//") && !rest.starts_with("///") {
        let authority_end = rest[2..].find('/').map_or(rest.len(), |i| i + 2);
        let authority = &rest[2..authority_end];
        url.host = parse_host(authority)?;
        rest = &rest[authority_end..];
    }
    url.path = unescape(rest)?;
    Ok(url)
}

/// Where the scheme ends (`:`), Go's `getScheme`.
fn scheme_end(raw: &str) -> Result<Option<usize>, String> {
    for (index, c) in raw.char_indices() {
        match c {
            'a'..='z' | 'A'..='Z' => {}
            '0'..='9' | '+' | '-' | '.' if index > 0 => {}
            ':' if index == 0 => return Err("missing protocol scheme".into()),
            ':' => return Ok(Some(index)),
            _ => return Ok(None),
        }
    }
    Ok(None)
}

/// The host of an authority (`user@host:port`), checked as Go does.
fn parse_host(authority: &str) -> Result<String, String> {
    let host = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let (name, port) = if host.starts_with('[') {
        let end = host.find(']').ok_or("missing ']' in host".to_owned())?;
        (&host[..=end], &host[end + 1..])
    } else {
        match host.rfind(':') {
            Some(colon) => (&host[..colon], &host[colon..]),
            None => (host, ""),
        }
    };
    let valid_port =
        port.is_empty() || (port.starts_with(':') && port[1..].bytes().all(|b| b.is_ascii_digit()));
    if !valid_port {
        return Err(format!("invalid port {port:?} after host"));
    }
    let allowed = |c: char| {
        c.is_ascii_alphanumeric() || !c.is_ascii() || "-._~!$&'()*+,;=:[]<>\"%".contains(c)
    };
    if let Some(bad) = name.chars().find(|c| !allowed(*c)) {
        return Err(format!("invalid character {bad:?} in host name"));
    }
    unescape(name)?;
    Ok(host.to_owned())
}

/// Decodes `%XX` escapes; a malformed escape is an error, as in Go.
fn unescape(text: &str) -> Result<String, String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            match hex {
                Some(byte) => {
                    out.push(byte);
                    i += 3;
                    continue;
                }
                None => return Err("invalid URL escape".into()),
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// Why a `return_to` was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Go's parser failed: Kratos answers 400 without an error id.
    Unparsable(String),
    /// Parsed, but not allowed: 400 `self_service_flow_return_to_forbidden`.
    NotAllowed,
}

/// An entry of the allow-list: `scheme://host/path`, host possibly `*.domain`.
struct Allowed {
    scheme: String,
    host: String,
    path: String,
}

/// The allow-list Kratos checks against: `allowed_return_urls` (absolute
/// URLs; unbounded wildcards dropped, as Kratos does) and the self-service
/// URLs under the public URL.
fn allow_list(config: &Config) -> Vec<Allowed> {
    let self_service = format!("{}/self-service", config.public_url);
    config
        .allowed_return_urls
        .iter()
        .chain(std::iter::once(&self_service))
        .filter_map(|entry| go_parse(entry).ok())
        .filter(|url| !url.scheme.is_empty() && !url.host.is_empty())
        .filter(|url| match url.host.strip_prefix("*.") {
            Some(domain) => domain.contains('.'),
            None => !url.host.contains('*'),
        })
        .map(|url| Allowed {
            scheme: url.scheme,
            host: url.host,
            path: url.path,
        })
        .collect()
}

/// Kratos's check of a `return_to` value: the URL to redirect to (scheme and
/// host of the default return URL filled in), or why it is refused.
pub fn secure_redirect(config: &Config, raw: &str) -> Result<String, Refused> {
    let mut url = go_parse(raw).map_err(Refused::Unparsable)?;
    let default = go_parse(&config.default_return_url).unwrap_or_default();
    if url.host.is_empty() {
        url.host = default.host.clone();
    }
    if url.scheme.is_empty() {
        url.scheme = default.scheme;
    }
    let path = if url.path.is_empty() { "/" } else { &url.path };
    let allowed = allow_list(config).iter().any(|allowed| {
        let host_fits = match allowed.host.strip_prefix('*') {
            Some(suffix) => url
                .host
                .to_ascii_lowercase()
                .ends_with(&suffix.to_ascii_lowercase()),
            None => allowed.host.eq_ignore_ascii_case(&url.host),
        };
        let prefix = if allowed.path.is_empty() {
            "/"
        } else {
            &allowed.path
        };
        allowed.scheme.eq_ignore_ascii_case(&url.scheme) && host_fits && path.starts_with(prefix)
    });
    if !allowed {
        return Err(Refused::NotAllowed);
    }
    if !url.opaque.is_empty() {
        return Ok(raw.to_owned());
    }
    let query = if url.query.is_empty() {
        String::new()
    } else {
        format!("?{}", url.query)
    };
    Ok(format!(
        "{}://{}{}{query}",
        url.scheme,
        url.host,
        escape_path(&url.path)
    ))
}

/// Go's `EscapedPath` for the characters that matter here (a backslash,
/// spaces, controls and non-ASCII are escaped).
fn escape_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        Config {
            public_url: "http://localhost:4433".into(),
            default_return_url: "http://localhost:8080/".into(),
            allowed_return_urls: vec![
                "http://localhost:8080/".into(),
                "https://*.example.com/app".into(),
            ],
            ..Config::default()
        }
    }

    #[test]
    fn go_refuses_what_go_refuses() {
        for raw in [
            "/\t/evil.example",
            "http://a\nb/",
            "/%zz",
            "http://host:port/",
            "http://evil\\.example/",
            ":relative",
            "1a:b/c",
        ] {
            assert!(
                matches!(secure_redirect(&config(), raw), Err(Refused::Unparsable(_))),
                "{raw:?}"
            );
        }
        assert_eq!(go_parse("a/b:c").unwrap().path, "a/b:c");
        assert_eq!(
            go_parse("https:evil.example").unwrap().opaque,
            "evil.example"
        );
    }

    #[test]
    fn kratos_allows_the_list_and_relative_urls_on_the_default_host() {
        let config = config();
        for (raw, to) in [
            ("http://localhost:8080/after", "http://localhost:8080/after"),
            ("/after?x=1", "http://localhost:8080/after?x=1"),
            // Kratos accepts it (its host is the default's); browsers read
            // the raw value as //evil.example, which is why UIs must not
            // follow it as it is.
            ("/\\evil.example", "http://localhost:8080/%5Cevil.example"),
            (
                "https://shop.example.com/app/cart",
                "https://shop.example.com/app/cart",
            ),
            (
                "http://localhost:4433/self-service/login/browser",
                "http://localhost:4433/self-service/login/browser",
            ),
            ("HTTP://LOCALHOST:8080/", "http://LOCALHOST:8080/"),
        ] {
            assert_eq!(secure_redirect(&config, raw).as_deref(), Ok(to), "{raw:?}");
        }
        for raw in [
            "https://evil.example/",
            "//evil.example/",
            "http://localhost:4433/sessions/whoami",
            "https://example.com/app",
            "https://shop.example.com/other",
            "http://localhost:8081/",
            "https://localhost:8080/",
        ] {
            assert_eq!(
                secure_redirect(&config, raw),
                Err(Refused::NotAllowed),
                "{raw:?}"
            );
        }
    }

    #[test]
    fn unbounded_wildcards_are_dropped() {
        let config = Config {
            allowed_return_urls: vec!["https://*/".into(), "https://*.com/".into(), "*".into()],
            ..config()
        };
        assert_eq!(
            secure_redirect(&config, "https://evil.com/"),
            Err(Refused::NotAllowed)
        );
    }
}
