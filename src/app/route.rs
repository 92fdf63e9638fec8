//! Which page the address bar asks for.

use crate::model::FlowKind;

/// A page of the drop-in app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// The session overview (`/`).
    Home,
    /// A flow page (`/login`, `/registration`, ...).
    Flow(FlowKind),
    /// The error page (`/error?id=`, or Hydra's `?error=`).
    Error,
    /// Ory Hydra's consent screen (`/consent?consent_challenge=`).
    Consent,
    /// Ory Hydra's logout confirmation (`/logout?logout_challenge=`).
    Logout,
}

impl Route {
    /// The route named by a path's last segment, and the base path the pages
    /// live under (`/auth/login` → (`Flow(Login)`, `/auth/`)).
    ///
    /// ```
    /// use leptos_kratos::app::Route;
    /// use leptos_kratos::model::FlowKind;
    /// assert_eq!(Route::from_path("/login"), (Route::Flow(FlowKind::Login), "/".into()));
    /// assert_eq!(Route::from_path("/auth/error/"), (Route::Error, "/auth/".into()));
    /// assert_eq!(Route::from_path("/auth/"), (Route::Home, "/auth/".into()));
    /// assert_eq!(Route::from_path("/consent"), (Route::Consent, "/".into()));
    /// ```
    pub fn from_path(path: &str) -> (Route, String) {
        let trimmed = path.trim_end_matches('/');
        let (parent, last) = trimmed.rsplit_once('/').unwrap_or(("", trimmed));
        let route = match last {
            "error" => Some(Route::Error),
            "consent" => Some(Route::Consent),
            "logout" => Some(Route::Logout),
            other => FlowKind::from_segment(other).map(Route::Flow),
        };
        match route {
            Some(route) => (route, format!("{parent}/")),
            None => (Route::Home, format!("{trimmed}/")),
        }
    }
}
