//! The built UI (`--ui-dir`), served as a CDN would: `index.html` for the
//! app's pages, the right content types (`application/wasm` lets browsers
//! compile while downloading), the precompressed `.br`/`.gz` copies the
//! release build writes when the browser accepts them, hashed files cached
//! for good and everything else revalidated.

use axum::http::{HeaderValue, header};
use axum::response::Response;

use crate::errors;
use crate::http::{Ctx, content, json};
use crate::store::Store;

/// A file of the UI directory; `index.html` for paths that name no file
/// (the app's pages).
pub fn serve(store: &Store, ctx: &Ctx) -> Response {
    let Some(dir) = store.config.ui_dir.as_deref() else {
        return json(404, &errors::not_found().body());
    };
    let found = files_for(&ctx.path).into_iter().find_map(|relative| {
        let file = std::path::Path::new(dir).join(&relative);
        let plain = std::fs::read(&file).ok()?;
        Some((relative, file, plain))
    });
    let Some((relative, file, plain)) = found else {
        return json(404, &errors::not_found().body());
    };
    let accepted = ctx.header("accept-encoding").unwrap_or_default();
    // A compressed copy only when it exists next to the file and is not
    // older than it (a file edited after the build is sent as it is now).
    let modified = |path: &std::path::Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let (encoding, bytes) = ENCODINGS
        .iter()
        .filter(|(coding, _)| accepts(accepted, coding))
        .find_map(|(coding, extension)| {
            let copy = file.with_file_name(format!("{}.{extension}", file_name(&relative)));
            (modified(&copy)? >= modified(&file)?)
                .then(|| std::fs::read(&copy).ok())
                .flatten()
                .map(|bytes| (Some(*coding), bytes))
        })
        .unwrap_or((None, plain));
    let mut response = content(200, content_type(&relative), bytes);
    let headers = response.headers_mut();
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(cache_control(&relative)),
    );
    headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    if let Some(encoding) = encoding {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
    }
    if store.config.csp
        && let Ok(policy) = HeaderValue::from_str(&store.config.content_security_policy())
    {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    response
}

/// The compressed copies, best first: the coding's name in HTTP and the
/// copy's extension.
const ENCODINGS: [(&str, &str); 2] = [("br", "br"), ("gzip", "gz")];

/// The files a path may name, relative to the UI directory, first found
/// wins: a page (no extension in its last segment) is `<page>.html` when
/// there is one (a site of plain pages, as static hosts serve them), else
/// the app's `index.html`; nothing for a path that climbs out or names a
/// hidden file.
fn files_for(path: &str) -> Vec<String> {
    let Some(relative) = file_for(path) else {
        return Vec::new();
    };
    let page = path.trim_matches('/');
    if relative == "index.html" && !page.is_empty() && !path.ends_with('/') {
        vec![format!("{page}.html"), relative]
    } else {
        vec![relative]
    }
}

fn file_for(path: &str) -> Option<String> {
    let relative = path.trim_start_matches('/');
    if relative
        .split('/')
        .any(|part| part == ".." || part.starts_with('.') || part.contains('\\'))
    {
        return None;
    }
    let last = relative.rsplit('/').next().unwrap_or_default();
    if relative.is_empty() || !last.contains('.') {
        Some("index.html".to_owned())
    } else {
        Some(relative.to_owned())
    }
}

fn file_name(relative: &str) -> &str {
    relative.rsplit('/').next().unwrap_or(relative)
}

/// Whether `Accept-Encoding` allows `coding` (`br`, `gzip`): named, or `*`,
/// and not with `q=0`.
fn accepts(accept_encoding: &str, coding: &str) -> bool {
    let mut star = false;
    for part in accept_encoding.split(',') {
        let mut pieces = part.split(';');
        let name = pieces
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        let refused = pieces.any(|p| {
            p.trim()
                .strip_prefix("q=")
                .and_then(|q| q.trim().parse::<f32>().ok())
                .is_some_and(|q| q <= 0.0)
        });
        if name == coding {
            return !refused;
        }
        if name == "*" {
            star = !refused;
        }
    }
    star
}

/// The content type by extension.
fn content_type(relative: &str) -> &'static str {
    match relative.rsplit_once('.').map(|(_, ext)| ext) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

/// Files whose name carries a content hash (trunk's `name-0123456789abcdef.ext`,
/// also `_bg.wasm`) never change: cached for a year. Everything else —
/// `index.html`, `boot.js`, the locale files — is revalidated every time.
fn cache_control(relative: &str) -> &'static str {
    let name = file_name(relative);
    let stem = name.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let hashed = stem
        .rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()));
    if hashed {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_files_or_the_app() {
        let cases = [
            ("/", Some("index.html")),
            ("/login", Some("index.html")),
            ("/auth/settings/", Some("index.html")),
            ("/app-0123456789abcdef.js", Some("app-0123456789abcdef.js")),
            ("/locales/nl.json", Some("locales/nl.json")),
            ("/../secret.txt", None),
            ("/locales/../../x.json", None),
            ("/.git/config", None),
            ("/a\\..\\b.js", None),
        ];
        for (path, file) in cases {
            assert_eq!(file_for(path).as_deref(), file, "{path}");
        }
    }

    #[test]
    fn a_page_is_its_own_html_file_when_there_is_one() {
        let cases: [(&str, &[&str]); 6] = [
            ("/", &["index.html"]),
            ("/login", &["login.html", "index.html"]),
            ("/auth/settings", &["auth/settings.html", "index.html"]),
            ("/auth/settings/", &["index.html"]),
            ("/app.js", &["app.js"]),
            ("/../login", &[]),
        ];
        for (path, files) in cases {
            assert_eq!(files_for(path), files, "{path}");
        }
    }

    #[test]
    fn hashed_files_are_cached_for_good() {
        let cases = [
            ("leptos-kratos-app-5e325c7315d49c49_bg.wasm", true),
            ("leptos-kratos-app-5e325c7315d49c49.js", true),
            ("leptos-kratos-c85722acfbad167a.css", true),
            ("preload-82c84fdfb6b8f3e0.js", true),
            ("index.html", false),
            ("boot.js", false),
            ("locales/nl.json", false),
            ("leptos-kratos-app-5e325c73.js", false),
            ("my-long-name-nothexadecimalzz.js", false),
        ];
        for (file, hashed) in cases {
            assert_eq!(cache_control(file).contains("immutable"), hashed, "{file}");
        }
    }

    #[test]
    fn encodings_as_the_browser_accepts_them() {
        let cases = [
            ("gzip, deflate, br, zstd", "br", true),
            ("gzip, deflate, br, zstd", "gzip", true),
            ("gzip", "br", false),
            ("br;q=0, gzip", "br", false),
            ("BR", "br", true),
            ("*", "br", true),
            ("*, br;q=0", "br", false),
            ("identity", "gzip", false),
            ("", "gzip", false),
        ];
        for (header, coding, accepted) in cases {
            assert_eq!(accepts(header, coding), accepted, "{header} / {coding}");
        }
    }

    #[test]
    fn content_types_by_extension() {
        assert_eq!(content_type("x_bg.wasm"), "application/wasm");
        assert_eq!(content_type("locales/de.json"), "application/json");
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("README"), "application/octet-stream");
    }
}
