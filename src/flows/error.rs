//! [`ErrorPage`]: Kratos's (and Hydra's) error page.

use leptos::prelude::*;

use super::params::FlowParams;
use crate::components::{Card, ErrorView};
use crate::config::use_config;
use crate::i18n::{Phrase, use_translator};
use crate::model::{ErrorId, GenericError, OAuth2Error};

/// The error page: a stored flow error (`/self-service/errors?id=`), or
/// the OAuth2 error Ory Hydra sends to the same page
/// (`?error=&error_description=&error_hint=`), shown as it came.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::flows::ErrorPage;
///
/// #[component]
/// fn Oops() -> impl IntoView {
///     // Reads `?id=` (or Hydra's `?error=`) from the address bar.
///     view! { <ErrorPage /> }
/// }
/// ```
#[component]
pub fn ErrorPage(
    /// The error id; without it, the address bar's `?id=` (or `?error=`),
    /// or Hydra's OAuth2 error there.
    #[prop(optional, into)]
    id: Option<String>,
    /// Extra classes for the card.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// Whether the heading also becomes the document's title.
    #[prop(optional)]
    document_title: bool,
) -> impl IntoView {
    let translator = use_translator();
    let config = use_config();
    let home = config.page("", &[]);
    let search = crate::url::current_search();
    let oauth2 = id
        .is_none()
        .then(|| OAuth2Error::from_query(&search))
        .flatten();
    let error: Signal<Option<GenericError>> = match oauth2 {
        Some(oauth2) => Signal::stored(Some(GenericError {
            id: Some(ErrorId::from(oauth2.error.as_str())),
            status: Some(oauth2.error.clone()),
            message: oauth2.description.unwrap_or(oauth2.error),
            reason: oauth2.hint,
            ..Default::default()
        })),
        None => {
            let id = id.unwrap_or_else(|| {
                let params = FlowParams::from_query(&search);
                params
                    .get("id")
                    .or_else(|| params.get("error"))
                    .unwrap_or_default()
                    .to_owned()
            });
            crate::controller::load_flow_error(config.client(), id)
        }
    };
    view! {
        <Card name="error" heading=translator.phrase(Phrase::ErrorTitle) class document_title>
            {
                let home = home.clone();
                move || match error.get() {
                Some(error) => {
                    view! { <ErrorView error start_over=home.clone() /> }.into_any()
                }
                None => crate::components::loading_line().into_any(),
            }}
        </Card>
    }
}
