//! Where a flow goes next: pure decisions over Kratos's answer and the
//! page, table-tested natively. The [`FlowController`](super::FlowController)
//! computes a [`Here`] and acts on what these functions return.

use crate::config::KratosConfig;
use crate::model::{
    ContinueWith, ContinueWithAction, ErrorId, ErrorResponse, Flow, FlowKind, FlowState,
};
use crate::url::policy::UrlPolicy;

/// The `notice` parameter of the settings page when recovery was opened
/// while signed in (the page says so).
pub const NOTICE_SIGNED_IN: &str = "signed_in";

/// Who named a URL; it decides how the URL policy judges it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Kratos (`continue_with`, `redirect_browser_to`, `flow.return_to`).
    Kratos,
    /// The app's configuration (its own pages, the default return URL).
    App,
}

/// Where to go, and who said so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Destination {
    /// The URL (not yet judged by the URL policy).
    pub url: String,
    /// Who named it.
    pub source: Source,
}

impl Destination {
    fn app(url: String) -> Self {
        Self {
            url,
            source: Source::App,
        }
    }

    fn kratos(url: String) -> Self {
        Self {
            url,
            source: Source::Kratos,
        }
    }
}

/// What the decisions depend on besides Kratos's answer: the flow's kind,
/// the configuration, the page as it is now and its own `?return_to=`.
#[derive(Clone, Copy, Debug)]
pub struct Here<'a> {
    /// The kind of flow this page shows.
    pub kind: FlowKind,
    /// The configuration in use.
    pub config: &'a KratosConfig,
    /// The page's full URL.
    pub page: &'a str,
    /// The page's own `?return_to=` (not empty).
    pub return_to: Option<&'a str>,
}

impl Here<'_> {
    fn policy(&self) -> UrlPolicy {
        self.config.url_policy(self.page)
    }

    /// A flow answered after a redirect that was created as another kind
    /// (Kratos's registration answers a signed-in OAuth2 login with a 302
    /// to the login init): that flow's own page. Flows handed over without
    /// a redirect stay, whatever created them.
    pub fn redirected_elsewhere(&self, flow: &Flow, redirected: bool) -> Option<String> {
        let kind = redirected
            .then(|| created_as(flow))
            .flatten()
            .filter(|kind| *kind != self.kind)?;
        Some(self.config.flow_page(kind, &[("flow", flow.id.as_str())]))
    }

    /// Where a flow shown after a submission asks to go, if anywhere:
    /// `show_*_ui` items; for a finished settings flow opened with
    /// `return_to`, that address; for a recovery that skips settings
    /// (`skip_settings=true`), where to return.
    pub fn after_showing(&self, flow: &Flow) -> Option<Destination> {
        if self.kind == FlowKind::Recovery
            && flow.state == Some(FlowState::PassedChallenge)
            && flow.continue_with.is_empty()
        {
            return Some(Destination::app(
                self.return_destination(flow.return_to.as_deref()),
            ));
        }
        let shown = flow
            .continue_with
            .iter()
            .find(|item| item.action != ContinueWithAction::RedirectBrowserTo)
            .and_then(|item| self.ui_page_for(item));
        if let Some(page) = shown {
            return Some(Destination::app(page));
        }
        if self.kind == FlowKind::Settings
            && flow.state == Some(FlowState::Success)
            && (self.return_to.is_some() || flow.return_to.is_some())
        {
            let target = ContinueWith::pick(&flow.continue_with)
                .and_then(|item| item.redirect_browser_to.clone())
                .or_else(|| flow.return_to.clone())?;
            // A return_to that is this settings page itself (added for the
            // second-factor detour): stay and show the saved state.
            let here = self.policy().kratos_target(&target).is_some_and(|target| {
                settings_page(&target).is_some()
                    && settings_page(&target) == settings_page(self.page)
            });
            return (!here).then_some(Destination::kratos(target));
        }
        None
    }

    /// The UI page for a `show_*_ui` item (this app's own page for the
    /// flow), keeping the page's `return_to`.
    pub fn ui_page_for(&self, item: &ContinueWith) -> Option<String> {
        let kind = match item.action {
            ContinueWithAction::ShowVerificationUi => FlowKind::Verification,
            ContinueWithAction::ShowSettingsUi => FlowKind::Settings,
            ContinueWithAction::ShowRecoveryUi => FlowKind::Recovery,
            _ => return None,
        };
        let id = &item.flow.as_ref()?.id;
        let mut query = vec![("flow", id.as_str())];
        if let Some(return_to) = self.return_to {
            query.push(("return_to", return_to));
        }
        Some(self.config.flow_page(kind, &query))
    }

    /// After success: the first `continue_with` item a browser should
    /// follow, else [`Here::return_destination`].
    pub fn after_success(
        &self,
        items: &[ContinueWith],
        flow_return_to: Option<&str>,
    ) -> Destination {
        ContinueWith::pick(items)
            .and_then(|item| match item.action {
                ContinueWithAction::RedirectBrowserTo => {
                    item.redirect_browser_to.clone().map(Destination::kratos)
                }
                _ => self.ui_page_for(item).map(Destination::app),
            })
            .unwrap_or_else(|| Destination::app(self.return_destination(flow_return_to)))
    }

    /// Where to return when Kratos's answer names no `continue_with`:
    /// Kratos's `flow.return_to` if the URL policy follows it, else the
    /// page's `?return_to=` if it may, else the configured default.
    pub fn return_destination(&self, flow_return_to: Option<&str>) -> String {
        let policy = self.policy();
        flow_return_to
            .and_then(|url| policy.kratos_target(url))
            .or_else(|| self.return_to.and_then(|url| policy.page_return_to(url)))
            .unwrap_or_else(|| self.config.default_return_url.clone())
    }

    /// A redirect Kratos answered with: a settings flow sent to the second
    /// factor (`session_aal2_required`) comes back to this settings page
    /// afterwards (Kratos adds no way back for a flow created without
    /// `return_to`); any other redirect as it is.
    pub fn redirect(&self, url: String, error: Option<&ErrorResponse>) -> Destination {
        let detour = self.kind == FlowKind::Settings
            && error.is_some_and(|e| e.is(&ErrorId::SessionAal2Required));
        let url = match detour.then(|| settings_page(self.page)).flatten() {
            Some(here) => with_default_return_to(&url, &here),
            None => url,
        };
        Destination::kratos(url)
    }

    /// Recovery opened while signed in: Kratos's own UI sends the person to
    /// settings, where the password can be changed, and says why. Other
    /// flows: where a finished flow goes.
    pub fn already_signed_in(&self, flow_return_to: Option<&str>) -> Destination {
        if self.kind == FlowKind::Recovery {
            return Destination::app(
                self.config
                    .flow_page(FlowKind::Settings, &[("notice", NOTICE_SIGNED_IN)]),
            );
        }
        self.after_success(&[], flow_return_to)
    }
}

/// The kind a flow was created as by its init endpoint, from its
/// `request_url` (`…/self-service/<kind>/browser`). Flows that Kratos
/// creates while answering another request (a recovery's settings flow)
/// name that request and give `None`.
fn created_as(flow: &Flow) -> Option<FlowKind> {
    let path = flow.request_url.as_deref()?.split(['?', '#']).next()?;
    let rest = &path[path.find("/self-service/")? + "/self-service/".len()..];
    match rest.split('/').collect::<Vec<_>>().as_slice() {
        [kind, "browser"] => FlowKind::from_segment(kind),
        _ => None,
    }
}

/// `url` with `return_to` added, unless it has one already.
///
/// ```
/// # use leptos_kratos::controller::with_default_return_to;
/// assert_eq!(
///     with_default_return_to("https://k/self-service/login/browser?aal=aal2", "https://app/settings"),
///     "https://k/self-service/login/browser?aal=aal2&return_to=https%3A%2F%2Fapp%2Fsettings"
/// );
/// assert_eq!(with_default_return_to("https://k/x?return_to=%2Fa", "https://app/b"), "https://k/x?return_to=%2Fa");
/// ```
pub fn with_default_return_to(url: &str, return_to: &str) -> String {
    let (base, fragment) = url
        .split_once('#')
        .map_or((url, None), |(b, f)| (b, Some(f)));
    let (path, query) = base.split_once('?').unwrap_or((base, ""));
    let mut params = crate::url::parse_query(query);
    if params
        .iter()
        .any(|(k, v)| k == "return_to" && !v.is_empty())
    {
        return url.to_owned();
    }
    params.push(("return_to".into(), return_to.to_owned()));
    let query = crate::url::build_query(params.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    match fragment {
        Some(fragment) => format!("{path}?{query}#{fragment}"),
        None => format!("{path}?{query}"),
    }
}

/// A settings page's URL without its flow-specific query (`flow`,
/// `return_to`, `notice`): what a settings flow returns to after a detour.
fn settings_page(url: &str) -> Option<String> {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let path = path.split('#').next().unwrap_or_default();
    if path.is_empty() {
        return None;
    }
    let kept: Vec<(String, String)> = crate::url::parse_query(query)
        .into_iter()
        .filter(|(k, _)| !matches!(k.as_str(), "flow" | "return_to" | "notice"))
        .collect();
    let query = crate::url::build_query(kept.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    Some(if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    })
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;

    fn config() -> KratosConfig {
        KratosConfig::new("http://localhost").with_default_return_url("/home")
    }

    fn here<'a>(
        kind: FlowKind,
        config: &'a KratosConfig,
        page: &'a str,
        return_to: Option<&'a str>,
    ) -> Here<'a> {
        Here {
            kind,
            config,
            page,
            return_to,
        }
    }

    fn flow(value: Value) -> Flow {
        serde_json::from_value(value).unwrap()
    }

    fn items(value: Value) -> Vec<ContinueWith> {
        serde_json::from_value(value).unwrap()
    }

    fn app(url: &str) -> Destination {
        Destination::app(url.to_owned())
    }

    fn kratos(url: &str) -> Destination {
        Destination::kratos(url.to_owned())
    }

    #[test]
    fn after_success() {
        let config = config();
        let page = "http://localhost/login?return_to=%2Fbilling";
        let cases: [(Value, Option<&str>, Option<&str>, Destination); 7] = [
            // Kratos's redirect comes first ...
            (
                json!([{"action": "redirect_browser_to", "redirect_browser_to": "https://app.example/x"}]),
                Some("/billing"),
                None,
                kratos("https://app.example/x"),
            ),
            // ... a show_*_ui item is this app's page, keeping return_to ...
            (
                json!([{"action": "show_verification_ui", "flow": {"id": "v1", "verifiable_address": "a@b.c"}}]),
                Some("/billing"),
                None,
                app("/verification?flow=v1&return_to=%2Fbilling"),
            ),
            // ... then Kratos's return_to, which it validated ...
            (
                json!([]),
                Some("/billing"),
                Some("https://shop.example/cart"),
                app("https://shop.example/cart"),
            ),
            // ... unless it is relative and leaves the origin ...
            (
                json!([]),
                Some("/billing"),
                Some("/\\evil.example"),
                app("http://localhost/billing"),
            ),
            // ... then the page's own return_to, on this origin only ...
            (
                json!([]),
                Some("/billing"),
                None,
                app("http://localhost/billing"),
            ),
            (json!([]), Some("https://evil.example/"), None, app("/home")),
            // ... then the default.
            (json!([]), None, None, app("/home")),
        ];
        for (continue_with, return_to, flow_return_to, expected) in cases {
            let decision = here(FlowKind::Login, &config, page, return_to)
                .after_success(&items(continue_with.clone()), flow_return_to);
            assert_eq!(
                decision, expected,
                "{continue_with} {return_to:?} {flow_return_to:?}"
            );
        }
    }

    #[test]
    fn after_showing() {
        let config = config();
        let settings = "http://localhost/settings?flow=s1";
        let cases: [(FlowKind, Option<&str>, Value, Option<Destination>); 7] = [
            // A recovery that skips settings returns.
            (
                FlowKind::Recovery,
                None,
                json!({"id": "r1", "state": "passed_challenge", "ui": {}}),
                Some(app("/home")),
            ),
            // A recovery handing over to settings goes there.
            (
                FlowKind::Recovery,
                Some("/billing"),
                json!({"id": "r1", "state": "passed_challenge", "ui": {},
                    "continue_with": [{"action": "show_settings_ui", "flow": {"id": "s9"}}]}),
                Some(app("/settings?flow=s9&return_to=%2Fbilling")),
            ),
            // A form to fill again stays.
            (
                FlowKind::Recovery,
                None,
                json!({"id": "r1", "state": "sent_email", "ui": {}}),
                None,
            ),
            // Saved settings opened with return_to go there ...
            (
                FlowKind::Settings,
                None,
                json!({"id": "s1", "state": "success", "ui": {}, "return_to": "https://app.example/done"}),
                Some(kratos("https://app.example/done")),
            ),
            // ... or where Kratos's continue_with says ...
            (
                FlowKind::Settings,
                Some("/billing"),
                json!({"id": "s1", "state": "success", "ui": {},
                    "continue_with": [{"action": "redirect_browser_to", "redirect_browser_to": "http://localhost/billing"}]}),
                Some(kratos("http://localhost/billing")),
            ),
            // ... but not back to this settings page (the second-factor detour).
            (
                FlowKind::Settings,
                None,
                json!({"id": "s1", "state": "success", "ui": {}, "return_to": "http://localhost/settings"}),
                None,
            ),
            // Saved settings without return_to stay.
            (
                FlowKind::Settings,
                None,
                json!({"id": "s1", "state": "success", "ui": {}}),
                None,
            ),
        ];
        for (kind, return_to, shown, expected) in cases {
            let decision =
                here(kind, &config, settings, return_to).after_showing(&flow(shown.clone()));
            assert_eq!(decision, expected, "{kind:?} {return_to:?} {shown}");
        }
    }

    #[test]
    fn redirects_and_signed_in_people() {
        let config = config();
        let page = "http://localhost/settings?flow=s1&tab=security";
        let aal2: ErrorResponse =
            serde_json::from_value(json!({"error": {"id": "session_aal2_required", "code": 403}}))
                .unwrap();
        let login = "http://localhost/self-service/login/browser?aal=aal2";
        let cases = [
            // Settings sent to the second factor come back here (without ?flow=).
            (
                FlowKind::Settings,
                Some(&aal2),
                login,
                "http://localhost/self-service/login/browser?aal=aal2&return_to=http%3A%2F%2Flocalhost%2Fsettings%3Ftab%3Dsecurity",
            ),
            // A redirect that names its way back keeps it.
            (
                FlowKind::Settings,
                Some(&aal2),
                "http://localhost/self-service/login/browser?return_to=%2Fx",
                "http://localhost/self-service/login/browser?return_to=%2Fx",
            ),
            // Other flows and other redirects: as they came.
            (FlowKind::Login, Some(&aal2), login, login),
            (FlowKind::Settings, None, login, login),
        ];
        for (kind, error, url, expected) in cases {
            let decision = here(kind, &config, page, None).redirect(url.to_owned(), error);
            assert_eq!(decision, kratos(expected), "{kind:?} {url}");
        }

        let signed_in = |kind| here(kind, &config, page, None).already_signed_in(None);
        assert_eq!(
            signed_in(FlowKind::Recovery),
            app("/settings?notice=signed_in")
        );
        assert_eq!(signed_in(FlowKind::Login), app("/home"));
        assert_eq!(signed_in(FlowKind::Registration), app("/home"));
    }

    #[test]
    fn flows_of_another_kind() {
        let config = config();
        let registration = here(
            FlowKind::Registration,
            &config,
            "http://localhost/registration",
            None,
        );
        let login = flow(json!({"id": "l9", "ui": {},
            "request_url": "http://localhost/self-service/login/browser?login_challenge=c"}));
        assert_eq!(
            registration.redirected_elsewhere(&login, true),
            Some("/login?flow=l9".to_owned())
        );
        // Handed over without a redirect: it stays.
        assert_eq!(registration.redirected_elsewhere(&login, false), None);
        // A flow Kratos created answering another request names that request.
        let settings = flow(json!({"id": "s1", "ui": {},
            "request_url": "http://localhost/self-service/recovery?flow=r1"}));
        let here_settings = here(
            FlowKind::Settings,
            &config,
            "http://localhost/settings",
            None,
        );
        assert_eq!(here_settings.redirected_elsewhere(&settings, true), None);
        // The same kind: stays.
        let same = flow(json!({"id": "r2", "ui": {},
            "request_url": "http://localhost/self-service/registration/browser"}));
        assert_eq!(registration.redirected_elsewhere(&same, true), None);
    }
}
