//! The server's requests to Kratos: the browser's cookies forwarded,
//! Kratos's `Set-Cookie` answers passed back, redirects not followed (the
//! browser follows them, with its cookies).

use std::sync::OnceLock;
use std::time::Duration;

use super::{ServerAnswer, ServerReply, ServerRequest};
use crate::client::{RawResponse, endpoints, outcome::is_json_content_type};
use crate::model::FlowKind;
use crate::url::without_query;

/// One client for the process (connections are reused); redirects are the
/// browser's to follow.
fn client() -> &'static reqwest::Client {
    static CLIENT: OnceLock<reqwest::Client> = OnceLock::new();
    CLIENT.get_or_init(|| {
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_default()
    })
}

impl ServerRequest {
    /// Asks Kratos (at `base`, unless the request names its own URL) for a
    /// page's flow: `GET …/flows?id=` when the page has `?flow=`, else the
    /// `…/browser` call with the parameters Kratos accepts. `timeout_ms` is
    /// the configuration's request time limit.
    pub async fn first_answer(
        &self,
        base: &str,
        kind: FlowKind,
        params: &[(String, String)],
        timeout_ms: u32,
    ) -> ServerAnswer {
        let base = self.kratos_url(base);
        let id = params
            .iter()
            .find(|(k, v)| k == "flow" && !v.is_empty())
            .map(|(_, v)| v.as_str());
        let url = match id {
            Some(id) => endpoints::get_flow(base, kind, id),
            None => {
                let pairs: Vec<(&str, &str)> = params
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect();
                endpoints::create_flow(base, kind, &pairs)
            }
        };
        self.get(&url, timeout_ms).await
    }

    /// Asks Kratos who the browser is (`GET /sessions/whoami`).
    pub async fn whoami(&self, base: &str, timeout_ms: u32) -> ServerAnswer {
        self.get(&endpoints::whoami(self.kratos_url(base)), timeout_ms)
            .await
    }

    /// Asks Kratos for a logout URL for the browser's session, leading to
    /// `return_to` once signed out.
    pub async fn logout_flow(
        &self,
        base: &str,
        return_to: Option<&str>,
        timeout_ms: u32,
    ) -> ServerAnswer {
        let url = endpoints::create_logout_flow(self.kratos_url(base), return_to);
        self.get(&url, timeout_ms).await
    }

    /// `GET url` with the browser's cookies and `Accept: application/json`.
    async fn get(&self, url: &str, timeout_ms: u32) -> ServerAnswer {
        let mut request = client()
            .get(url)
            .header(reqwest::header::ACCEPT, "application/json")
            .timeout(Duration::from_millis(timeout_ms.into()));
        if let Some(cookie) = self.cookie() {
            request = request.header(reqwest::header::COOKIE, cookie);
        }
        let response = match request.send().await {
            Ok(response) => response,
            Err(error) if error.is_timeout() => return ServerAnswer::TimedOut,
            Err(_) => {
                return ServerAnswer::Unreachable(format!(
                    "Kratos could not be reached at {}",
                    without_query(url)
                ));
            }
        };
        for cookie in response.headers().get_all(reqwest::header::SET_COOKIE) {
            if let Ok(cookie) = cookie.to_str() {
                self.reply(ServerReply::SetCookie(cookie.to_owned()));
            }
        }
        let status = response.status().as_u16();
        let header = |name| {
            response
                .headers()
                .get(name)
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned)
        };
        let content_type = header(reqwest::header::CONTENT_TYPE);
        let location = header(reqwest::header::LOCATION);
        if let (300..=399, Some(location)) = (status, location) {
            // The browser follows Kratos's redirect itself (it carries the
            // cookies Kratos sets on the way): read as a redirect followed
            // to a page.
            let url = response
                .url()
                .join(&location)
                .map(String::from)
                .unwrap_or(location);
            return ServerAnswer::Answered(RawResponse {
                status,
                redirected: true,
                url,
                content_type: None,
                body: None,
            });
        }
        let url = response.url().to_string();
        let json = content_type.as_deref().is_some_and(is_json_content_type);
        let body = match response.text().await {
            Ok(text) if json => serde_json::from_str(&text).ok(),
            Ok(_) => None,
            Err(error) if error.is_timeout() => return ServerAnswer::TimedOut,
            Err(_) => None,
        };
        ServerAnswer::Answered(RawResponse {
            status,
            redirected: false,
            url,
            content_type,
            body,
        })
    }
}
