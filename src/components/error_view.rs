//! Showing an error that is not a flow: a stored flow error, or an answer
//! the UI cannot continue from.

use leptos::prelude::*;

use crate::config::use_config;
use crate::i18n::{Phrase, use_translator};
use crate::model::GenericError;
use crate::url::current_page;

/// An error with its status, message, reason and id, and a link to start over.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::components::ErrorView;
/// use leptos_kratos::model::GenericError;
///
/// #[component]
/// fn Problem(error: Signal<GenericError>) -> impl IntoView {
///     view! { <ErrorView error start_over="/login" /> }
/// }
/// ```
#[component]
pub fn ErrorView(
    /// The error to show.
    #[prop(into)]
    error: Signal<GenericError>,
    /// Where "start over" leads; omitted when `None`.
    #[prop(optional, into)]
    start_over: MaybeProp<String>,
) -> impl IntoView {
    let translator = use_translator();
    let policy = use_config().url_policy(&current_page());
    let title = translator.phrase(Phrase::ErrorTitle);
    let start_over_text = translator.phrase(Phrase::StartOver);
    view! {
        <div class="lk-error" role="alert" data-error-id=move || error.with(|e| e.id.as_ref().map(|id| id.as_str().to_owned()))>
            <h2 class="lk-error-title">
                {title}
                {move || error.with(|e| e.code.map(|code| format!(" ({code})")))}
            </h2>
            <p class="lk-error-message">{move || error.with(|e| e.message.clone())}</p>
            {move || {
                error
                    .with(|e| e.reason.clone())
                    .filter(|reason| !reason.is_empty())
                    .map(|reason| view! { <p class="lk-error-reason">{reason}</p> })
            }}
            {move || {
                start_over
                    .get()
                    .and_then(|href| policy.link(&href))
                    .map(|href| {
                        view! {
                            <a class="lk-button lk-start-over" href=href>
                                {start_over_text.clone()}
                            </a>
                        }
                    })
            }}
        </div>
    }
}
