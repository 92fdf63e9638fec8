//! Which brand a social sign-in provider is, from its id in Kratos's
//! configuration, and which provider a node is for.

use crate::model::{NodeGroup, UiNode};

/// A provider's brand, as far as its mark goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Brand {
    /// Google.
    Google,
    /// GitHub.
    GitHub,
    /// Apple.
    Apple,
    /// Microsoft (also Azure AD / Entra ID).
    Microsoft,
    /// GitLab.
    GitLab,
    /// Facebook.
    Facebook,
    /// Discord.
    Discord,
    /// Slack.
    Slack,
    /// Auth0.
    Auth0,
    /// Any other provider (a generic key).
    Generic,
}

impl Brand {
    const KNOWN: [(&'static str, Brand); 11] = [
        ("google", Brand::Google),
        ("github", Brand::GitHub),
        ("apple", Brand::Apple),
        ("microsoft", Brand::Microsoft),
        ("azure", Brand::Microsoft),
        ("entra", Brand::Microsoft),
        ("gitlab", Brand::GitLab),
        ("facebook", Brand::Facebook),
        ("discord", Brand::Discord),
        ("slack", Brand::Slack),
        ("auth0", Brand::Auth0),
    ];

    /// The brand of a provider id from Kratos's configuration: the id
    /// itself (`github`), or the id with a suffix (`google-work`,
    /// `microsoft_tenant`), in any case. Anything else is generic: a
    /// provider is never shown with another's mark.
    ///
    /// ```
    /// use leptos_kratos::components::Brand;
    /// assert_eq!(Brand::of("GitHub"), Brand::GitHub);
    /// assert_eq!(Brand::of("google-workspace"), Brand::Google);
    /// assert_eq!(Brand::of("googleish"), Brand::Generic);
    /// ```
    pub fn of(provider: &str) -> Self {
        let id = provider.trim().to_ascii_lowercase();
        Self::KNOWN
            .iter()
            .find(|(name, _)| match id.strip_prefix(name) {
                Some(rest) => rest.is_empty() || rest.starts_with(['-', '_', '.', ' ']),
                None => false,
            })
            .map_or(Brand::Generic, |(_, brand)| *brand)
    }

    /// The brand's id in `data-provider` (`github`, `generic`).
    pub fn slug(self) -> &'static str {
        match self {
            Brand::Google => "google",
            Brand::GitHub => "github",
            Brand::Apple => "apple",
            Brand::Microsoft => "microsoft",
            Brand::GitLab => "gitlab",
            Brand::Facebook => "facebook",
            Brand::Discord => "discord",
            Brand::Slack => "slack",
            Brand::Auth0 => "auth0",
            Brand::Generic => "generic",
        }
    }
}

/// The provider a social sign-in node is for: its id (the button's value)
/// when the node is one (`provider`, `link` or `unlink` in the `oidc` or
/// `saml` group).
pub fn provider_of(node: &UiNode) -> Option<String> {
    let social = matches!(node.group, NodeGroup::Oidc | NodeGroup::Saml);
    let action = matches!(node.name(), Some("provider" | "link" | "unlink"));
    (social && action)
        .then(|| node.input().map(|input| input.value_string()))
        .flatten()
        .filter(|id| !id.trim().is_empty())
}

/// The provider's name for people: what Kratos puts in the label's context
/// (`provider`), else the id.
pub(super) fn provider_name(node: &UiNode, id: &str) -> String {
    node.label()
        .and_then(|label| label.context.as_ref())
        .and_then(|context| context.get("provider"))
        .and_then(|name| name.as_str())
        .filter(|name| !name.trim().is_empty())
        .unwrap_or(id)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brands_by_provider_id() {
        let cases = [
            ("google", Brand::Google),
            ("Google", Brand::Google),
            (" github ", Brand::GitHub),
            ("github-enterprise", Brand::GitHub),
            ("microsoft_tenant", Brand::Microsoft),
            ("azure", Brand::Microsoft),
            ("entra-id", Brand::Microsoft),
            ("apple", Brand::Apple),
            ("gitlab.self-hosted", Brand::GitLab),
            ("facebook", Brand::Facebook),
            ("discord", Brand::Discord),
            ("slack", Brand::Slack),
            ("auth0", Brand::Auth0),
            // Never another brand's mark for a look-alike.
            ("googler", Brand::Generic),
            ("github2", Brand::Generic),
            ("my-google", Brand::Generic),
            ("applesauce", Brand::Generic),
            ("keycloak", Brand::Generic),
            ("", Brand::Generic),
        ];
        for (id, brand) in cases {
            assert_eq!(Brand::of(id), brand, "{id:?}");
        }
    }

    #[test]
    fn social_nodes_name_their_provider() {
        let node = |value: serde_json::Value| -> UiNode { serde_json::from_value(value).unwrap() };
        let cases = [
            (
                serde_json::json!({"type": "input", "group": "oidc", "attributes": {"name": "provider", "type": "submit", "value": "github"}}),
                Some("github"),
            ),
            (
                serde_json::json!({"type": "input", "group": "oidc", "attributes": {"name": "unlink", "type": "submit", "value": "google"}}),
                Some("google"),
            ),
            (
                serde_json::json!({"type": "input", "group": "saml", "attributes": {"name": "link", "type": "submit", "value": "okta"}}),
                Some("okta"),
            ),
            (
                serde_json::json!({"type": "input", "group": "oidc", "attributes": {"name": "provider", "type": "submit", "value": ""}}),
                None,
            ),
            (
                serde_json::json!({"type": "input", "group": "password", "attributes": {"name": "provider", "type": "submit", "value": "github"}}),
                None,
            ),
            (
                serde_json::json!({"type": "input", "group": "oidc", "attributes": {"name": "csrf_token", "type": "hidden", "value": "x"}}),
                None,
            ),
        ];
        for (value, expected) in cases {
            assert_eq!(
                provider_of(&node(value.clone())).as_deref(),
                expected,
                "{value}"
            );
        }
        let labelled = node(serde_json::json!({
            "type": "input", "group": "oidc",
            "attributes": {"name": "unlink", "type": "submit", "value": "github"},
            "meta": {"label": {"id": 1050003, "text": "Unlink GitHub", "type": "info", "context": {"provider": "GitHub"}}}
        }));
        assert_eq!(provider_name(&labelled, "github"), "GitHub");
        let bare = node(
            serde_json::json!({"type": "input", "group": "oidc", "attributes": {"name": "unlink", "type": "submit", "value": "github"}}),
        );
        assert_eq!(provider_name(&bare, "github"), "github");
    }
}
