//! The five flow components, one per kind, with the same props.

use leptos::prelude::*;

use super::params::FlowParams;
use super::view::{FlowSettings, flow_view};
use crate::components::{FormLayout, GroupOrder};
use crate::controller::{FlowCompletion, FlowEvents};
use crate::model::{ErrorResponse, Flow, FlowKind};

/// Declares a flow component: the same props for every flow kind.
macro_rules! flow_component {
    ($(#[$doc:meta])* $name:ident => $kind:expr) => {
        $(#[$doc])*
        #[component]
        pub fn $name(
            /// The flow's parameters (`flow`, `return_to`, `aal`, ...); without
            /// them, the address bar's. When they change, the flow starts over.
            #[prop(optional, into)]
            params: MaybeProp<FlowParams>,
            /// Called when the flow completes (signed in, signed up, saved,
            /// verified, recovered), before the page moves on.
            #[prop(optional, into)]
            on_success: Option<Callback<FlowCompletion>>,
            /// Called with each error Kratos answers with (including ones the
            /// flow recovers from: an expired flow, a CSRF failure).
            #[prop(optional, into)]
            on_error: Option<Callback<ErrorResponse>>,
            /// Called when a submission comes back with messages to fix.
            #[prop(optional, into)]
            on_validation_error: Option<Callback<Flow>>,
            /// Called with each URL the flow leaves for (the navigator in
            /// context still does the navigating).
            #[prop(optional, into)]
            on_navigate: Option<Callback<String>>,
            /// How the methods are laid out (default: one form; settings: one
            /// form per method; or [`FormLayout::TwoStep`]).
            #[prop(optional)]
            layout: Option<FormLayout>,
            /// The order of the method groups.
            #[prop(optional, into)]
            group_order: Option<GroupOrder>,
            /// Extra classes for the card.
            #[prop(optional, into)]
            class: MaybeProp<String>,
            /// Shown above the heading (a logo).
            #[prop(optional, into)]
            header: Option<ViewFn>,
            /// Shown at the bottom of the card (terms, help).
            #[prop(optional, into)]
            footer: Option<ViewFn>,
            /// Leaves out the links to the other flows (sign up, forgot password, ...).
            #[prop(optional)]
            hide_links: bool,
            /// Whether the heading also becomes the document's title.
            #[prop(optional)]
            document_title: bool,
        ) -> impl IntoView {
            flow_view(
                $kind,
                FlowSettings {
                    params,
                    events: FlowEvents {
                        on_success,
                        on_error,
                        on_validation_error,
                        on_navigate,
                    },
                    layout,
                    group_order,
                    class,
                    header,
                    footer,
                    hide_links,
                    document_title,
                },
            )
        }
    };
}

flow_component! {
    /// The login flow: password, code, passkey, social sign-in, second
    /// factors, whatever Kratos offers.
    ///
    /// ## Usage
    ///
    /// ```no_run
    /// use leptos::prelude::*;
    /// use leptos_kratos::flows::Login;
    ///
    /// #[component]
    /// fn LoginPage() -> impl IntoView {
    ///     view! { <Login class="my-card" footer=|| view! { <small>"Terms apply."</small> } /> }
    /// }
    /// ```
    Login => FlowKind::Login
}

flow_component! {
    /// The registration flow (one step or Kratos's two-step profile form).
    ///
    /// ## Usage
    ///
    /// ```no_run
    /// use leptos::prelude::*;
    /// use leptos_kratos::flows::Registration;
    /// use leptos_kratos::model::Flow;
    ///
    /// #[component]
    /// fn SignUpPage() -> impl IntoView {
    ///     view! { <Registration on_validation_error=|flow: Flow| leptos::logging::log!("fix: {}", flow.id) /> }
    /// }
    /// ```
    Registration => FlowKind::Registration
}

flow_component! {
    /// The account recovery flow (code or link by e-mail).
    ///
    /// ## Usage
    ///
    /// ```no_run
    /// use leptos::prelude::*;
    /// use leptos_kratos::flows::Recovery;
    ///
    /// #[component]
    /// fn RecoveryPage() -> impl IntoView {
    ///     view! { <Recovery /> }
    /// }
    /// ```
    Recovery => FlowKind::Recovery
}

flow_component! {
    /// The address verification flow.
    ///
    /// ## Usage
    ///
    /// ```no_run
    /// use leptos::prelude::*;
    /// use leptos_kratos::controller::FlowCompletion;
    /// use leptos_kratos::flows::Verification;
    ///
    /// #[component]
    /// fn VerificationPage() -> impl IntoView {
    ///     view! { <Verification on_success=|_: FlowCompletion| leptos::logging::log!("verified") /> }
    /// }
    /// ```
    Verification => FlowKind::Verification
}

flow_component! {
    /// The settings flow: profile, password, linked accounts, passkeys,
    /// authenticator app, security keys, backup codes; one form per method.
    ///
    /// ## Usage
    ///
    /// ```no_run
    /// use leptos::prelude::*;
    /// use leptos_kratos::flows::{RequireSession, Sessions};
    /// use leptos_kratos::flows::Settings;
    ///
    /// #[component]
    /// fn AccountPage() -> impl IntoView {
    ///     view! {
    ///         <RequireSession>
    ///             <Settings />
    ///             <Sessions />
    ///         </RequireSession>
    ///     }
    /// }
    /// ```
    Settings => FlowKind::Settings
}
