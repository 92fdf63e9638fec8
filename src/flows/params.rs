//! [`FlowParams`]: what a flow is created with.

use crate::url::parse_query;

/// The parameters a flow is created with (`return_to`, `aal`, `refresh`,
/// `login_challenge`, `organization`, `via`, ...) and the id of an existing
/// flow to show (`flow`).
///
/// ```
/// use leptos_kratos::flows::FlowParams;
/// let params = FlowParams::new().aal("aal2").return_to("/billing");
/// assert_eq!(params.get("aal"), Some("aal2"));
/// assert_eq!(FlowParams::from_query("?flow=abc&refresh=true").get("flow"), Some("abc"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FlowParams(Vec<(String, String)>);

impl FlowParams {
    /// No parameters: a new flow with Kratos's defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// The parameters of a query string (`?flow=...&return_to=...`).
    pub fn from_query(query: &str) -> Self {
        Self(parse_query(query))
    }

    /// The parameters in the address bar (on a server, of the
    /// [`PageUrl`](crate::url::PageUrl) in context).
    pub fn from_location() -> Self {
        let search = crate::url::current_search();
        Self::from_query(&search)
    }

    /// Sets a parameter (replacing an earlier value).
    pub fn set(mut self, key: &str, value: impl Into<String>) -> Self {
        self.0.retain(|(k, _)| k != key);
        self.0.push((key.to_owned(), value.into()));
        self
    }

    /// A parameter's value.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Shows an existing flow instead of creating one.
    pub fn flow(self, id: impl Into<String>) -> Self {
        self.set("flow", id)
    }

    /// Where to go once the flow is done.
    pub fn return_to(self, url: impl Into<String>) -> Self {
        self.set("return_to", url)
    }

    /// Login: the assurance level to reach (`aal2` asks for a second factor).
    pub fn aal(self, aal: impl Into<String>) -> Self {
        self.set("aal", aal)
    }

    /// Login: sign in again although signed in (privileged actions).
    pub fn refresh(self, refresh: bool) -> Self {
        self.set("refresh", refresh.to_string())
    }

    /// Login and registration: an OAuth2 login challenge (Ory Hydra).
    pub fn login_challenge(self, challenge: impl Into<String>) -> Self {
        self.set("login_challenge", challenge)
    }

    /// Login and registration: the organization (B2B single sign-on).
    pub fn organization(self, id: impl Into<String>) -> Self {
        self.set("organization", id)
    }

    /// Login by code: which trait the code goes to (`email`, `phone`).
    pub fn via(self, via: impl Into<String>) -> Self {
        self.set("via", via)
    }

    /// The parameters as pairs.
    pub fn into_pairs(self) -> Vec<(String, String)> {
        self.0
    }
}

impl From<Vec<(String, String)>> for FlowParams {
    fn from(pairs: Vec<(String, String)>) -> Self {
        Self(pairs)
    }
}
