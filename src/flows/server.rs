//! Connected components on a server-rendered page (`ssr` and `hydrate`):
//! the server asks Kratos before it answers (a blocking resource, so its
//! redirects and cookies go out with the page's headers) and renders the
//! complete form, or the guarded page; the answer travels in the page, and
//! the browser's hydration starts from it instead of asking again.

use leptos::prelude::*;

use crate::components::{CardParts, card_view};
use crate::controller::FlowController;
use crate::server::ServerAnswer;
use crate::session::use_session;

/// The card of `controller`'s flow, drawn once the first answer is there
/// (the card in its loading state until then).
pub(crate) fn from_first_answer(controller: FlowController, card: CardParts) -> impl IntoView {
    let adopted = StoredValue::new(false);
    let first = first_answer(&controller, adopted);
    // The fallback is the card's frame around the loading skeleton, never
    // the live content: a browser hydrating the page builds the fallback
    // too, and a second live form was a second set of node components
    // alive under one form (passkey autofill started twice, and two
    // answers from an authenticator could post the form twice).
    let loading = CardParts {
        header: None,
        footer: None,
        document_title: false,
        content: ViewFn::from(crate::components::flow_skeleton),
        ..card.clone()
    };
    view! {
        <Suspense fallback=move || card_view(loading.clone())>
            {move || {
                first
                    .get()
                    .map(|answer| {
                        once(adopted, || controller.adopt(&answer));
                        card_view(card.clone())
                    })
            }}
        </Suspense>
    }
}

/// Adopts an answer once: on a server that happened before the resource
/// resolved; in the browser when hydration first reads it.
fn once(adopted: StoredValue<bool>, adopt: impl FnOnce()) {
    if !adopted.get_value() {
        adopted.set_value(true);
        adopt();
    }
}

/// The answer the page's flow starts from: on a server, Kratos's (with the
/// browser's cookies, see [`crate::server::ServerRequest`]), adopted before
/// the resource resolves, as the response's headers (Kratos's cookies, a
/// redirect) go out once it has; in the browser, the one in the server's
/// page, or none (the browser asks).
fn first_answer(controller: &FlowController, adopted: StoredValue<bool>) -> Resource<ServerAnswer> {
    #[cfg(feature = "ssr")]
    let ask = {
        let server = use_context::<crate::server::ServerRequest>();
        let config = controller.config();
        let (base, timeout) = (config.kratos_url.clone(), config.request_timeout_ms);
        let (kind, params) = (controller.kind(), controller.params());
        // The page's context (its address, the request), for the decisions.
        let owner = Owner::current();
        let controller = controller.clone();
        move |_| {
            let (server, base, params) = (server.clone(), base.clone(), params.clone());
            let (owner, controller) = (owner.clone(), controller.clone());
            async move {
                let answer = match server {
                    Some(server) => server.first_answer(&base, kind, &params, timeout).await,
                    None => ServerAnswer::NotAsked,
                };
                if let Some(owner) = owner {
                    owner.with(|| {
                        adopted.set_value(true);
                        controller.adopt(&answer);
                    });
                }
                answer
            }
        }
    };
    #[cfg(not(feature = "ssr"))]
    let ask = {
        let _ = (controller, adopted);
        |_| async { ServerAnswer::NotAsked }
    };
    Resource::new_blocking(|| (), ask)
}

/// What [`RequireSession`](super::RequireSession) guards, once the
/// session is known: on a server from Kratos's `whoami` with the browser's
/// cookies (anyone it does not admit is sent to the login page by a
/// redirect, before any HTML); in the browser from the server's page.
pub(crate) fn after_whoami(
    required_aal: Option<String>,
    fallback: Option<ViewFn>,
    content: impl Fn() -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let handle = use_session();
    let adopted = StoredValue::new(false);
    #[cfg(feature = "ssr")]
    let ask = {
        let server = use_context::<crate::server::ServerRequest>();
        let config = crate::config::use_config();
        let owner = Owner::current();
        move |_| {
            let (server, config, owner) = (server.clone(), config.clone(), owner.clone());
            let required_aal = required_aal.clone();
            async move {
                let Some(server) = server else {
                    return ServerAnswer::NotAsked;
                };
                let answer = server
                    .whoami(&config.kratos_url, config.request_timeout_ms)
                    .await;
                if let Some(owner) = owner {
                    owner.with(|| {
                        adopted.set_value(true);
                        handle.adopt(&answer);
                        let state = handle.state_untracked();
                        // The login page, as the URL policy follows it.
                        let login = crate::session::login_needed(&state, required_aal.as_deref())
                            .map(|aal| crate::session::login_page(&config, aal))
                            .and_then(|page| {
                                config.url_policy(&crate::url::current_page()).link(&page)
                            });
                        if let Some(login) = login {
                            server.reply(crate::server::ServerReply::Redirect(login));
                        }
                    });
                }
                answer
            }
        }
    };
    #[cfg(not(feature = "ssr"))]
    let ask = {
        let _ = required_aal;
        |_| async { ServerAnswer::NotAsked }
    };
    let first = Resource::new_blocking(|| (), ask);
    view! {
        <Suspense fallback=move || match &fallback {
            Some(fallback) => fallback.run(),
            None => crate::components::loading_line().into_any(),
        }>
            {move || {
                first
                    .get()
                    .map(|answer| {
                        once(adopted, || handle.adopt(&answer));
                        content()
                    })
            }}
        </Suspense>
    }
}

/// A sign-out button that works without script: in a `GET` form to Kratos's
/// logout endpoint with the token the server asked Kratos for (with the
/// browser's cookies) and where to go after. Once the page's script runs,
/// the button signs out itself.
pub(crate) fn logout_form(
    config: crate::config::KratosConfig,
    return_to: Option<String>,
    button: impl IntoView + 'static,
) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let ask = {
        let server = use_context::<crate::server::ServerRequest>();
        let (base, timeout) = (config.kratos_url.clone(), config.request_timeout_ms);
        let return_to = return_to.clone();
        move |_| {
            let (server, base, return_to) = (server.clone(), base.clone(), return_to.clone());
            async move {
                match server {
                    Some(server) => {
                        server
                            .logout_flow(&base, return_to.as_deref(), timeout)
                            .await
                    }
                    None => ServerAnswer::NotAsked,
                }
            }
        }
    };
    #[cfg(not(feature = "ssr"))]
    let ask = |_| async { ServerAnswer::NotAsked };
    let logout = Resource::new_blocking(|| (), ask);
    let token = move || {
        logout
            .get()
            .and_then(|answer| answer.read::<crate::model::LogoutFlow>()?.ok())
            .filter(|flow| !flow.logout_token.is_empty())
            .map(|flow| view! { <input type="hidden" name="token" value=flow.logout_token /> })
    };
    let action = crate::url::join(&config.kratos_url, "/self-service/logout");
    view! {
        <form class="lk-logout" method="get" action=action>
            <Suspense fallback=|| ()>{token}</Suspense>
            {return_to.map(|to| view! { <input type="hidden" name="return_to" value=to /> })}
            {button}
        </form>
    }
}
