//! HTTP plumbing: the request context, content negotiation as Kratos does
//! it, cookies, bodies and responses.

use std::collections::BTreeMap;

use axum::body::Body as AxumBody;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::Response;
use serde::Serialize;
use serde_json::{Map, Value};

/// One request, with what the handlers need, and the cookies to set.
pub struct Ctx {
    /// The method.
    pub method: Method,
    /// The path, without query.
    pub path: String,
    /// The raw query string (without `?`).
    pub query_string: String,
    /// The decoded query parameters.
    pub query: Vec<(String, String)>,
    /// The request headers.
    pub headers: HeaderMap,
    /// The request cookies.
    pub cookies: BTreeMap<String, String>,
    /// The body.
    pub body: Vec<u8>,
    /// `Set-Cookie` values to add to the response.
    pub set_cookies: Vec<String>,
    /// The client's address, for session devices.
    pub peer: String,
}

impl Ctx {
    /// A query parameter (first value), if present and not empty.
    pub fn param(&self, key: &str) -> Option<String> {
        self.query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .filter(|v| !v.is_empty())
    }

    /// A header as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Whether `Accept` negotiates to JSON among `[text/html, application/json]`
    /// (Kratos's rule for flow creation, redirects and login success).
    pub fn accepts_json(&self) -> bool {
        negotiate(
            self.header("accept").unwrap_or(""),
            &["text/html", "application/json"],
        ) == Some("application/json")
    }

    /// Kratos's `x.IsJSONRequest`: `Accept` negotiates to JSON among
    /// `[text/html, text/*, */*, application/json]`, or the body is JSON.
    pub fn is_json_request(&self) -> bool {
        let accept = self.header("accept").unwrap_or("");
        negotiate(accept, &["text/html", "text/*", "*/*", "application/json"])
            == Some("application/json")
            || self.content_type_is_json()
    }

    fn content_type_is_json(&self) -> bool {
        self.header("content-type")
            .and_then(|ct| ct.split(';').next())
            .is_some_and(|ct| ct.trim().eq_ignore_ascii_case("application/json"))
    }

    /// The request URL as the browser used it (under the public URL).
    pub fn request_url(&self, public_url: &str) -> String {
        if self.query_string.is_empty() {
            format!("{public_url}{}", self.path)
        } else {
            format!("{public_url}{}?{}", self.path, self.query_string)
        }
    }

    /// Parses the body (JSON or `application/x-www-form-urlencoded`).
    pub fn form(&self) -> Result<Form, String> {
        Form::parse(self.content_type_is_json(), &self.body)
    }
}

/// Picks the offer that the `Accept` header prefers: highest quality, then
/// the most specific match, then the earlier offer (text/html first). An
/// empty header accepts anything.
pub fn negotiate<'a>(accept: &str, offers: &[&'a str]) -> Option<&'a str> {
    let ranges: Vec<(String, f32)> = if accept.trim().is_empty() {
        vec![("*/*".into(), 1.0)]
    } else {
        accept
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.split(';');
                let range = pieces.next()?.trim().to_ascii_lowercase();
                let q = pieces
                    .filter_map(|p| p.trim().strip_prefix("q="))
                    .find_map(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                (!range.is_empty()).then_some((range, q))
            })
            .collect()
    };
    let mut best: Option<(&str, f32, i32)> = None;
    for offer in offers {
        let (offer_type, offer_sub) = offer.split_once('/').unwrap_or((offer, ""));
        let mut matched: Option<(f32, i32)> = None;
        for (range, q) in &ranges {
            let (range_type, range_sub) = range.split_once('/').unwrap_or((range, ""));
            let wildcards = if range_type == "*" && range_sub == "*" {
                2
            } else if range_type == offer_type && range_sub == "*" {
                1
            } else if range_type == offer_type && range_sub == offer_sub {
                0
            } else {
                continue;
            };
            if matched.is_none_or(|(_, w)| wildcards < w) {
                matched = Some((*q, wildcards));
            }
        }
        if let Some((q, wildcards)) = matched {
            if q <= 0.0 {
                continue;
            }
            let better = match best {
                None => true,
                Some((_, best_q, best_w)) => q > best_q || (q == best_q && wildcards < best_w),
            };
            if better {
                best = Some((offer, q, wildcards));
            }
        }
    }
    best.map(|(offer, _, _)| offer)
}

/// A submitted body, flattened to dotted keys (`traits.email`), the way
/// Kratos's decoder accepts both nested JSON and form fields.
#[derive(Clone, Debug, Default)]
pub struct Form {
    fields: BTreeMap<String, Value>,
}

impl Form {
    /// Parses `a=1&b=2`.
    pub fn parse_urlencoded(text: &str) -> Result<Form, String> {
        Form::parse(false, text.as_bytes())
    }

    fn parse(json: bool, body: &[u8]) -> Result<Form, String> {
        let mut fields = BTreeMap::new();
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Form { fields });
        }
        if json {
            let value: Value = serde_json::from_slice(body)
                .map_err(|e| format!("Unable to decode JSON payload: {e}"))?;
            let Value::Object(map) = value else {
                return Err("Unable to decode JSON payload: expected an object".into());
            };
            flatten("", map, &mut fields);
        } else {
            let text = String::from_utf8_lossy(body);
            for (key, value) in leptos_kratos::url::parse_query(&text) {
                fields.entry(key).or_insert(Value::String(value));
            }
        }
        Ok(Form { fields })
    }

    /// A field as text (numbers and booleans in JSON notation), if present and not empty.
    pub fn text(&self, key: &str) -> Option<String> {
        match self.fields.get(key)? {
            Value::String(s) if s.is_empty() => None,
            Value::String(s) => Some(s.clone()),
            Value::Null => None,
            other => Some(other.to_string()),
        }
    }

    /// Whether a field is `true` (boolean or the text `true`).
    pub fn flag(&self, key: &str) -> bool {
        matches!(self.fields.get(key), Some(Value::Bool(true)))
            || matches!(self.fields.get(key), Some(Value::String(s)) if s == "true")
    }

    /// Whether a field was sent at all.
    pub fn has(&self, key: &str) -> bool {
        self.fields.contains_key(key)
    }

    /// All fields under a prefix (`traits.`), with the prefix removed.
    pub fn under(&self, prefix: &str) -> Vec<(String, Value)> {
        self.fields
            .iter()
            .filter_map(|(k, v)| {
                k.strip_prefix(prefix)
                    .map(|rest| (rest.to_owned(), v.clone()))
            })
            .collect()
    }
}

fn flatten(prefix: &str, map: Map<String, Value>, out: &mut BTreeMap<String, Value>) {
    for (key, value) in map {
        let path = if prefix.is_empty() {
            key
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            // transient_payload is free-form: kept as one value.
            Value::Object(inner) if path != "transient_payload" => flatten(&path, inner, out),
            other => {
                out.insert(path, other);
            }
        }
    }
}

/// Parses a `Cookie` header.
pub fn parse_cookies(headers: &HeaderMap) -> BTreeMap<String, String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| {
            let (name, value) = pair.split_once('=')?;
            Some((
                name.trim().to_owned(),
                value.trim().trim_matches('"').to_owned(),
            ))
        })
        .collect()
}

/// A `Set-Cookie` value: `Path=/`, `HttpOnly`, `SameSite=Lax`, `Secure` on https.
pub fn cookie(name: &str, value: &str, max_age_secs: Option<i64>, secure: bool) -> String {
    let mut cookie = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if let Some(max_age) = max_age_secs {
        cookie.push_str(&format!("; Max-Age={max_age}"));
    }
    if secure {
        cookie.push_str("; Secure");
    }
    cookie
}

/// A `Set-Cookie` value that deletes the cookie.
pub fn expired_cookie(name: &str, secure: bool) -> String {
    format!(
        "{name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT{}",
        if secure { "; Secure" } else { "" }
    )
}

/// A JSON response.
pub fn json(status: u16, body: &impl Serialize) -> Response {
    let bytes = serde_json::to_vec(body).unwrap_or_else(|_| b"{}".to_vec());
    let mut response = Response::new(AxumBody::from(bytes));
    *response.status_mut() =
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    response
}

/// A `303 See Other` to `location` (Kratos's redirect for browsers).
pub fn see_other(location: &str) -> Response {
    redirect(303, location)
}

/// 302 Found (Hydra's redirects).
pub fn found(location: &str) -> Response {
    redirect(302, location)
}

/// A redirect with the given status.
pub fn redirect(status: u16, location: &str) -> Response {
    let mut response = Response::new(AxumBody::empty());
    *response.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::SEE_OTHER);
    if let Ok(value) = HeaderValue::from_str(location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

/// An empty response.
pub fn empty(status: u16) -> Response {
    let mut response = Response::new(AxumBody::empty());
    *response.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::NO_CONTENT);
    response
}

/// A response with a body of some type.
pub fn content(status: u16, content_type: &'static str, body: impl Into<AxumBody>) -> Response {
    let mut response = Response::new(body.into());
    *response.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

/// The reason phrase of a status.
pub fn status_text(status: u16) -> &'static str {
    StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Unknown")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_follows_kratos() {
        let creation = ["text/html", "application/json"];
        assert_eq!(
            negotiate("application/json", &creation),
            Some("application/json")
        );
        assert_eq!(negotiate("*/*", &creation), Some("text/html"));
        assert_eq!(negotiate("", &creation), Some("text/html"));
        assert_eq!(
            negotiate("application/json, text/plain, */*", &creation),
            Some("application/json")
        );
        assert_eq!(
            negotiate(
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                &creation
            ),
            Some("text/html")
        );
        assert_eq!(
            negotiate("application/json;q=0.5, text/html", &creation),
            Some("text/html")
        );
        let submit = ["text/html", "text/*", "*/*", "application/json"];
        assert_eq!(negotiate("*/*", &submit), Some("text/html"));
        assert_eq!(
            negotiate("application/json", &submit),
            Some("application/json")
        );
    }

    #[test]
    fn forms_flatten() {
        let form = Form::parse(
            true,
            br#"{"traits":{"email":"a@b.c","name":{"first":"A"}},"transient_payload":{"x":{"y":1}},"n":3,"b":true}"#,
        )
        .unwrap();
        assert_eq!(form.text("traits.email").as_deref(), Some("a@b.c"));
        assert_eq!(form.text("traits.name.first").as_deref(), Some("A"));
        assert_eq!(form.text("n").as_deref(), Some("3"));
        assert!(form.flag("b"));
        assert!(form.has("transient_payload"));
        let urlencoded = Form::parse(false, b"traits.email=a%40b.c&method=password&x=").unwrap();
        assert_eq!(urlencoded.text("traits.email").as_deref(), Some("a@b.c"));
        assert_eq!(urlencoded.text("x"), None);
        assert!(urlencoded.has("x"));
        assert!(Form::parse(true, b"[1]").is_err());
    }
}
