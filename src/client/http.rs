//! Browser `fetch` against Kratos's public API.

use crate::model::read::FromJson;
use serde::de::DeserializeOwned;
use serde_json::Value;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, RequestCredentials, RequestInit, RequestRedirect, Response};

use super::endpoints;
use super::error::Error;
use super::outcome::{Outcome, RawResponse, classify};
use crate::model::{FlowError, FlowKind, LogoutFlow, OAuth2Redirect, Session};
use crate::url::{current_page, policy::UrlPolicy, without_query};

/// Talks to Kratos's public API from the browser.
///
/// Every request is sent with `credentials: "include"` (Kratos's CSRF and
/// session cookies must travel), `Accept: application/json` (otherwise Kratos
/// answers with redirects meant for server-rendered pages) and
/// `redirect: "follow"` (some JSON answers are 303s to other JSON endpoints).
/// A request that gets no complete answer within the timeout (30 s unless
/// set) is aborted and becomes [`Outcome::TimedOut`] ([`Error::TimedOut`]).
///
/// Flow requests answer with an [`Outcome`]; every other request with a
/// `Result` whose error is an [`Error`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KratosClient {
    base_url: String,
    timeout_ms: u32,
}

impl Default for KratosClient {
    fn default() -> Self {
        Self::new("")
    }
}

impl KratosClient {
    /// A client for Kratos at `base_url`; empty means the page's own origin.
    pub fn new(base_url: impl Into<String>) -> Self {
        Self {
            base_url: base_url.into().trim_end_matches('/').to_owned(),
            timeout_ms: 30_000,
        }
    }

    /// Gives up each request after `timeout_ms` milliseconds.
    pub fn with_timeout_ms(mut self, timeout_ms: u32) -> Self {
        self.timeout_ms = timeout_ms;
        self
    }

    /// The Kratos public URL this client talks to (empty: the page's origin).
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Creates a browser flow, forwarding the parameters Kratos accepts for it.
    pub async fn create_flow(&self, kind: FlowKind, params: &[(&str, &str)]) -> Outcome {
        self.flow_request(&endpoints::create_flow(&self.base_url, kind, params))
            .await
    }

    /// Fetches an existing flow by id.
    pub async fn get_flow(&self, kind: FlowKind, id: &str) -> Outcome {
        self.flow_request(&endpoints::get_flow(&self.base_url, kind, id))
            .await
    }

    /// Fetches a stored error (`/self-service/errors?id=`).
    pub async fn get_flow_error(&self, id: &str) -> Result<FlowError, Error> {
        self.typed(&endpoints::flow_error(&self.base_url, id)).await
    }

    /// The current session; an [`Error::Kratos`] when signed out (401) or
    /// when a second factor is needed (403, with `redirect_browser_to`).
    pub async fn whoami(&self) -> Result<Session, Error> {
        self.typed(&endpoints::whoami(&self.base_url)).await
    }

    /// Creates a logout URL for the current session.
    pub async fn create_logout_flow(&self, return_to: Option<&str>) -> Result<LogoutFlow, Error> {
        self.typed(&endpoints::create_logout_flow(&self.base_url, return_to))
            .await
    }

    /// Submits a flow: `POST` of a JSON body to the flow's `ui.action`.
    pub async fn submit_flow(&self, action: &str, body: &Value) -> Outcome {
        match self.send("POST", action, Some(body)).await {
            Ok(response) => classify(&response),
            Err(error) => error.into(),
        }
    }

    /// Ends the session: creates a logout URL and calls it (204). The
    /// logout URL is only called on Kratos's own origin and logout path.
    pub async fn logout(&self, return_to: Option<&str>) -> Outcome {
        let flow = match self.create_logout_flow(return_to).await {
            Ok(flow) => flow,
            Err(Error::Kratos(error)) => return Outcome::SignInRequired(error),
            Err(error) => return error.into(),
        };
        let policy = UrlPolicy::new(&current_page(), &self.base_url);
        let url =
            match policy.kratos_endpoint(&flow.logout_url, |path| path == "/self-service/logout") {
                Ok(url) => url,
                Err(refusal) => {
                    return Outcome::unreachable(format!(
                        "the logout URL was not called: {}",
                        refusal.describe()
                    ));
                }
            };
        match self.send("GET", &url, None).await {
            Ok(response) => classify(&response),
            Err(error) => error.into(),
        }
    }

    /// The signed-in identity's other active sessions (`GET /sessions`; the
    /// current one comes from [`whoami`](Self::whoami)).
    pub async fn list_sessions(&self) -> Result<Vec<Session>, Error> {
        self.typed(&endpoints::sessions(&self.base_url)).await
    }

    /// Ends one of the identity's other sessions (`DELETE /sessions/{id}`, 204).
    pub async fn revoke_session(&self, id: &str) -> Result<(), Error> {
        self.delete(&endpoints::session(&self.base_url, id))
            .await
            .map(|_| ())
    }

    /// Ends all of the identity's sessions but the current one
    /// (`DELETE /sessions`); returns how many were ended.
    pub async fn revoke_other_sessions(&self) -> Result<u64, Error> {
        let body = self.delete(&endpoints::sessions(&self.base_url)).await?;
        Ok(body
            .as_ref()
            .and_then(|body| body.get("count"))
            .and_then(Value::as_u64)
            .unwrap_or_default())
    }

    /// Asks the app's OAuth2 endpoint (consent or logout; see
    /// [`crate::flows::oauth2`]) for Hydra's request: `GET <endpoint>?<key>=<challenge>`.
    pub async fn oauth2_request<T: DeserializeOwned>(
        &self,
        endpoint: &str,
        key: &str,
        challenge: &str,
    ) -> Result<T, Error> {
        super::error::document(&self.oauth2_get(endpoint, key, challenge).await?)
    }

    /// [`oauth2_request`](Self::oauth2_request) as JSON (the screens type
    /// it themselves).
    pub(crate) async fn oauth2_json(
        &self,
        endpoint: &str,
        key: &str,
        challenge: &str,
    ) -> Result<Value, Error> {
        super::error::read_document(&self.oauth2_get(endpoint, key, challenge).await?)
    }

    /// `GET <endpoint>?<key>=<challenge>`.
    async fn oauth2_get(
        &self,
        endpoint: &str,
        key: &str,
        challenge: &str,
    ) -> Result<RawResponse, Error> {
        let separator = if endpoint.contains('?') { '&' } else { '?' };
        let url = format!(
            "{endpoint}{separator}{}",
            crate::url::build_query([(key, challenge)])
        );
        self.send("GET", &url, None).await
    }

    /// Sends a decision to the app's OAuth2 endpoint (`POST` JSON); its
    /// answer says where Hydra sends the browser next.
    pub async fn oauth2_decide(
        &self,
        endpoint: &str,
        decision: &impl serde::Serialize,
    ) -> Result<OAuth2Redirect, Error> {
        let body = serde_json::to_value(decision).map_err(|e| Error::Unexpected {
            status: 0,
            detail: e.to_string(),
        })?;
        let response = self.send("POST", endpoint, Some(&body)).await?;
        match (&response.body, response.status) {
            (Some(body), 200..=299) if response.is_json() => {
                OAuth2Redirect::read(body).ok_or_else(|| Error::Unexpected {
                    status: response.status,
                    detail: "the answer could not be read".into(),
                })
            }
            _ => Err(classify(&response).into()),
        }
    }

    /// Sends a `DELETE`; a 2xx answer yields its JSON body, if any.
    async fn delete(&self, url: &str) -> Result<Option<Value>, Error> {
        let response = self.send("DELETE", url, None).await?;
        match response.status {
            200..=299 => Ok(response.body),
            _ => Err(classify(&response).into()),
        }
    }

    async fn flow_request(&self, url: &str) -> Outcome {
        match self.send("GET", url, None).await {
            Ok(response) => classify(&response),
            Err(error) => error.into(),
        }
    }

    /// GETs a JSON document of type `T`; anything else becomes an [`Error`].
    async fn typed<T: FromJson>(&self, url: &str) -> Result<T, Error> {
        let response = self.send("GET", url, None).await?;
        super::error::read_document(&response)
    }

    async fn send(
        &self,
        method: &str,
        url: &str,
        json_body: Option<&Value>,
    ) -> Result<RawResponse, Error> {
        send(method, url, json_body, self.timeout_ms).await
    }
}

/// The timer that aborts a request: cleared when dropped, so it never
/// fires once the request is over, however it ended (an answer, an early
/// error, or the request's future dropped by a page that moved on). A
/// timer left behind would call its dropped callback and throw.
struct AbortTimer {
    window: web_sys::Window,
    handle: Option<i32>,
    _callback: Closure<dyn FnMut()>,
}

impl AbortTimer {
    fn start(window: &web_sys::Window, abort: &web_sys::AbortController, timeout_ms: u32) -> Self {
        let callback = Closure::once({
            let abort = abort.clone();
            move || abort.abort()
        });
        let handle = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.as_ref().unchecked_ref(),
                i32::try_from(timeout_ms).unwrap_or(i32::MAX),
            )
            .ok();
        Self {
            window: window.clone(),
            handle,
            _callback: callback,
        }
    }
}

impl Drop for AbortTimer {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            self.window.clear_timeout_with_handle(handle);
        }
    }
}

/// The answer the page's preload script (`src/app/preload.js`) has already
/// asked Kratos for: only for a `GET` of the same URL, on the page it was
/// asked from, once. Its request had the same credentials, headers,
/// redirect handling and time limit as [`send`]'s.
fn take_preloaded(window: &web_sys::Window, method: &str, url: &str) -> Option<js_sys::Promise> {
    if method != "GET" {
        return None;
    }
    let preload = js_sys::Reflect::get(window, &JsValue::from_str("__kratosPreload")).ok()?;
    let take: js_sys::Function = js_sys::Reflect::get(&preload, &JsValue::from_str("take"))
        .ok()?
        .dyn_into()
        .ok()?;
    take.call1(&preload, &JsValue::from_str(url))
        .ok()?
        .dyn_into()
        .ok()
}

/// Sends one request and collects status, redirect flag, URL, content type
/// and JSON body. A request that gets no answer becomes `Error::Unexpected`
/// with status 0, one that takes longer than `timeout_ms` (body included) is
/// aborted and becomes `Error::TimedOut`. Error texts name the endpoint
/// without its query (no flow ids or tokens in logs or views).
pub(crate) async fn send(
    method: &str,
    url: &str,
    json_body: Option<&Value>,
    timeout_ms: u32,
) -> Result<RawResponse, Error> {
    let endpoint = without_query(url);
    let failed = |what: &str, e: JsValue| Error::Unexpected {
        status: 0,
        detail: format!("{what} {endpoint}: {}", js_error_text(&e)),
    };
    let headers = Headers::new().map_err(|e| failed("could not prepare", e))?;
    headers
        .set("Accept", "application/json")
        .map_err(|e| failed("could not prepare", e))?;
    let init = RequestInit::new();
    init.set_method(method);
    init.set_credentials(RequestCredentials::Include);
    init.set_redirect(RequestRedirect::Follow);
    if let Some(body) = json_body {
        headers
            .set("Content-Type", "application/json")
            .map_err(|e| failed("could not prepare", e))?;
        init.set_body(&JsValue::from_str(&body.to_string()));
    }
    init.set_headers(&headers);

    let window = web_sys::window().ok_or_else(|| Error::Unexpected {
        status: 0,
        detail: "no window".into(),
    })?;
    // The timer aborts the request (and the reading of its body).
    let abort = web_sys::AbortController::new().map_err(|e| failed("could not prepare", e))?;
    init.set_signal(Some(&abort.signal()));
    let timer = AbortTimer::start(&window, &abort, timeout_ms);
    let timed_out = || abort.signal().aborted();
    // The page may have asked already (preload.js): that answer, once.
    let preloaded = match take_preloaded(&window, method, url) {
        Some(answer) => JsFuture::from(answer).await.ok(),
        None => None,
    };
    let answer = match preloaded {
        Some(response) => Ok(response),
        None => JsFuture::from(window.fetch_with_str_and_init(url, &init)).await,
    };
    let response: Response = match answer {
        Ok(response) => response.unchecked_into(),
        Err(_) if timed_out() => return Err(Error::TimedOut),
        Err(e) => return Err(failed("could not reach", e)),
    };
    let content_type = response.headers().get("content-type").ok().flatten();
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|text| text.as_string())
            .unwrap_or_default(),
        Err(_) => String::new(),
    };
    drop(timer);
    if timed_out() {
        return Err(Error::TimedOut);
    }
    let body = if text.trim().is_empty() {
        None
    } else {
        serde_json::from_str(&text).ok()
    };
    Ok(RawResponse {
        status: response.status(),
        redirected: response.redirected(),
        url: response.url(),
        content_type,
        body,
    })
}

/// GETs a JSON document of the app's own (the drop-in app's site file and
/// translations): `None` when it cannot be had, is not a 200 or not JSON.
pub(crate) async fn fetch_json(url: &str, timeout_ms: u32) -> Option<Value> {
    let response = send("GET", url, None, timeout_ms).await.ok()?;
    (response.status == 200).then_some(response.body?)
}

/// A readable text for a JavaScript error value.
fn js_error_text(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "network error".into())
}
