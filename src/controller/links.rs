//! Where the links under a flow lead (sign up, forgot password, sign in),
//! decided from the flow and the page's parameters. Pure, table-tested.
//!
//! Each link carries the context the target flow accepts when it is created
//! (`return_to`, `login_challenge`, `identity_schema`, `organization`,
//! `via`), so switching from sign-in to sign-up inside an OAuth2 login
//! still ends at the OAuth2 client. Links are left out where they make no
//! sense: a re-authentication or second-factor login (there the person can
//! only sign out and use another account) and any step after a code was
//! sent.

use crate::config::KratosConfig;
use crate::i18n::Phrase;
use crate::model::{Flow, FlowKind, FlowState};

/// The page parameters a cross-flow link may carry.
const CONTEXT: [&str; 5] = [
    "return_to",
    "login_challenge",
    "identity_schema",
    "organization",
    "via",
];

/// The links under a flow's card.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FlowLinks {
    /// Text and address of each link, in order.
    pub links: Vec<(Phrase, String)>,
    /// Offer to sign out (a second-factor or re-authentication login): the
    /// login page to go to afterwards.
    pub sign_out_to: Option<String>,
}

/// The page's parameters that the `target` flow accepts as context.
fn context_for(target: FlowKind, params: &[(String, String)]) -> Vec<(&str, &str)> {
    let accepted = target.create_parameters();
    params
        .iter()
        .filter(|(k, v)| {
            !v.is_empty() && CONTEXT.contains(&k.as_str()) && accepted.contains(&k.as_str())
        })
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

/// The links under a `kind` flow (as it now is, if loaded) opened with
/// these page parameters.
///
/// ```
/// use leptos_kratos::config::KratosConfig;
/// use leptos_kratos::controller::links::flow_links;
/// use leptos_kratos::model::FlowKind;
/// let params = vec![("login_challenge".to_owned(), "c1".to_owned())];
/// let links = flow_links(&KratosConfig::default(), FlowKind::Login, None, &params);
/// assert!(links.links.iter().any(|(_, href)| href == "/registration?login_challenge=c1"));
/// ```
pub fn flow_links(
    config: &KratosConfig,
    kind: FlowKind,
    flow: Option<&Flow>,
    params: &[(String, String)],
) -> FlowLinks {
    let link = |phrase: Phrase, target: FlowKind| {
        (
            phrase,
            config.flow_page(target, &context_for(target, params)),
        )
    };
    let code_sent = flow.is_some_and(|f| f.state == Some(FlowState::SentEmail));
    let param_is = |key: &str, value: &str| params.iter().any(|(k, v)| k == key && v == value);
    let upgrading = flow
        .is_some_and(|f| f.refresh == Some(true) || f.requested_aal.as_deref() == Some("aal2"))
        || param_is("refresh", "true")
        || param_is("aal", "aal2");
    match kind {
        FlowKind::Login if upgrading => FlowLinks {
            links: Vec::new(),
            sign_out_to: Some(
                config.flow_page(FlowKind::Login, &context_for(FlowKind::Login, params)),
            ),
        },
        _ if code_sent => FlowLinks::default(),
        FlowKind::Login => FlowLinks {
            links: vec![
                link(Phrase::ForgotPassword, FlowKind::Recovery),
                link(Phrase::NoAccount, FlowKind::Registration),
            ],
            sign_out_to: None,
        },
        FlowKind::Registration | FlowKind::Recovery | FlowKind::Verification => FlowLinks {
            links: vec![link(Phrase::HaveAccount, FlowKind::Login)],
            sign_out_to: None,
        },
        FlowKind::Settings => FlowLinks {
            links: vec![(Phrase::Home, config.page("", &[]))],
            sign_out_to: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn params(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn flow(value: serde_json::Value) -> Flow {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn links_keep_the_context_their_target_accepts() {
        let config = KratosConfig::default().with_ui_base("/auth/");
        let context = params(&[
            ("flow", "f1"),
            ("return_to", "https://app.example/x"),
            ("login_challenge", "c1"),
            ("identity_schema", "customer"),
            ("organization", "o1"),
            ("via", "email"),
            ("aal", ""),
            ("unrelated", "1"),
        ]);
        let cases: [(FlowKind, &[(Phrase, &str)]); 5] = [
            (
                FlowKind::Login,
                &[
                    (
                        Phrase::ForgotPassword,
                        "/auth/recovery?return_to=https%3A%2F%2Fapp.example%2Fx",
                    ),
                    (
                        Phrase::NoAccount,
                        "/auth/registration?return_to=https%3A%2F%2Fapp.example%2Fx&login_challenge=c1&identity_schema=customer&organization=o1",
                    ),
                ],
            ),
            (
                FlowKind::Registration,
                &[(
                    Phrase::HaveAccount,
                    "/auth/login?return_to=https%3A%2F%2Fapp.example%2Fx&login_challenge=c1&identity_schema=customer&organization=o1&via=email",
                )],
            ),
            (
                FlowKind::Recovery,
                &[(
                    Phrase::HaveAccount,
                    "/auth/login?return_to=https%3A%2F%2Fapp.example%2Fx&login_challenge=c1&identity_schema=customer&organization=o1&via=email",
                )],
            ),
            (
                FlowKind::Verification,
                &[(
                    Phrase::HaveAccount,
                    "/auth/login?return_to=https%3A%2F%2Fapp.example%2Fx&login_challenge=c1&identity_schema=customer&organization=o1&via=email",
                )],
            ),
            (FlowKind::Settings, &[(Phrase::Home, "/auth/")]),
        ];
        for (kind, expected) in cases {
            let links = flow_links(&config, kind, None, &context);
            let got: Vec<(Phrase, &str)> =
                links.links.iter().map(|(p, h)| (*p, h.as_str())).collect();
            assert_eq!(got, expected, "{kind}");
            assert_eq!(links.sign_out_to, None);
        }
    }

    #[test]
    fn no_links_where_they_make_no_sense() {
        let config = KratosConfig::default();
        let none = params(&[("return_to", "/x"), ("login_challenge", "c1")]);
        for upgrading in [
            flow(json!({"id": "l", "refresh": true, "ui": {}})),
            flow(json!({"id": "l", "requested_aal": "aal2", "ui": {}})),
        ] {
            let links = flow_links(&config, FlowKind::Login, Some(&upgrading), &none);
            assert!(links.links.is_empty());
            assert_eq!(
                links.sign_out_to.as_deref(),
                Some("/login?return_to=%2Fx&login_challenge=c1"),
                "sign out, then sign in again with the same context"
            );
        }
        // Before the flow is loaded, the page's parameters say so.
        let aal2 = params(&[("aal", "aal2")]);
        assert!(
            flow_links(&config, FlowKind::Login, None, &aal2)
                .sign_out_to
                .is_some()
        );
        let sent = flow(json!({"id": "c", "state": "sent_email", "ui": {}}));
        for kind in [
            FlowKind::Login,
            FlowKind::Registration,
            FlowKind::Recovery,
            FlowKind::Verification,
        ] {
            assert_eq!(
                flow_links(&config, kind, Some(&sent), &none),
                FlowLinks::default(),
                "{kind}: no links once a code was sent"
            );
        }
    }
}
