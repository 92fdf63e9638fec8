//! [`Error`]: one error type for everything but flow answers (those are
//! [`Outcome`]s, which say what to render or where to go): a non-flow
//! request that failed (whoami, sessions, logout, stored errors, the OAuth2
//! endpoints), a refusal of the library's own, a WebAuthn ceremony the
//! browser did not complete.
//!
//! ```
//! use leptos_kratos::client::{Error, Outcome};
//! let error = Error::from(Outcome::Unexpected { status: 502, detail: "bad gateway".into() });
//! assert_eq!(error.response().error.code, Some(502));
//! assert_eq!(error.to_string(), "bad gateway");
//! ```

use std::fmt;

use serde::de::DeserializeOwned;

use super::outcome::{Outcome, RawResponse, classify};
use crate::model::{ErrorResponse, GenericError};

/// What went wrong.
#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    /// Kratos (or the app's OAuth2 endpoint) answered with an error
    /// document: its id, reason and, for a second factor or a sign-in,
    /// `redirect_browser_to`.
    Kratos(Box<ErrorResponse>),
    /// No answer in time; the request was aborted.
    TimedOut,
    /// An answer nobody expected, or none at all (status 0); `detail` names
    /// the endpoint without its query.
    Unexpected {
        /// The HTTP status (0: no answer).
        status: u16,
        /// What was seen.
        detail: String,
    },
    /// Something the library would not do (follow or post to an address
    /// the URL policy refuses, go on after too many replaced flows).
    Refused(&'static str),
    /// The browser did not complete a WebAuthn ceremony (or cannot run one).
    WebAuthn(String),
}

impl Error {
    /// The error document to show or report: Kratos's own, or one made up
    /// from what happened (`error.code` the HTTP status, 0 without one).
    pub fn response(&self) -> ErrorResponse {
        match self {
            Self::Kratos(error) => (**error).clone(),
            Self::Unexpected { status, detail } => made_up(*status, detail),
            other => made_up(0, &other.to_string()),
        }
    }

    /// Where Kratos asks the browser to go (`redirect_browser_to`: the
    /// second factor, a sign-in), if it does.
    pub fn redirect(&self) -> Option<&str> {
        match self {
            Self::Kratos(error) => error.redirect_browser_to.as_deref(),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    /// What happened, in one line for logs and developers (never a token:
    /// details name endpoints without their query).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Kratos(error) => match error.id() {
                Some(id) => id.as_str(),
                None => &error.error.message,
            },
            Self::TimedOut => "Kratos did not answer in time.",
            Self::Unexpected { detail, .. } => detail,
            Self::Refused(what) => what,
            Self::WebAuthn(what) => what,
        })
    }
}

impl From<Outcome> for Error {
    /// A flow answer where something else was expected: its error document
    /// (a redirect keeps its target as `redirect_browser_to`), a transport
    /// failure as it is, anything else as unexpected.
    fn from(outcome: Outcome) -> Self {
        match outcome {
            Outcome::TimedOut => Self::TimedOut,
            Outcome::Unexpected { status, detail } => Self::Unexpected { status, detail },
            Outcome::Redirect { url, error } => {
                let mut error =
                    error.map_or_else(|| made_up(0, "Kratos sent the browser on."), |e| *e);
                error.redirect_browser_to.get_or_insert(url);
                Self::Kratos(Box::new(error))
            }
            other => match other.error() {
                Some(error) => Self::Kratos(Box::new(error.clone())),
                None => Self::Unexpected {
                    status: 0,
                    detail: "Kratos answered with a flow where none was expected.".into(),
                },
            },
        }
    }
}

impl From<Error> for Outcome {
    /// A transport failure on a flow request, as the flow's outcome.
    fn from(error: Error) -> Self {
        match error {
            Error::TimedOut => Outcome::TimedOut,
            Error::Kratos(error) => Outcome::Error(error),
            Error::Unexpected { status, detail } => Outcome::Unexpected { status, detail },
            other => Outcome::Unexpected {
                status: 0,
                detail: other.to_string(),
            },
        }
    }
}

/// A JSON document of type `T` from a 2xx answer; anything else is the
/// [`Error`] it means (Kratos's error document, an unexpected answer).
///
/// ```
/// use leptos_kratos::client::{Error, RawResponse, error::document};
/// use leptos_kratos::model::Session;
/// let signed_out = RawResponse {
///     status: 401, redirected: false, url: "https://k/sessions/whoami".into(),
///     content_type: Some("application/json".into()),
///     body: Some(serde_json::json!({"error": {"id": "session_inactive", "code": 401, "message": "No active session."}})),
/// };
/// assert!(matches!(document::<Session>(&signed_out), Err(Error::Kratos(_))));
/// ```
pub fn document<T: DeserializeOwned>(response: &RawResponse) -> Result<T, Error> {
    read_body(response, |body| {
        T::deserialize(body).map_err(|e| format!("the answer could not be read: {e}"))
    })
}

/// [`document`] for the model's own types, read by hand (see
/// `model::read`): what the library itself asks for goes this way, so the
/// bundle holds no `serde` reading of a borrowed value.
#[cfg(feature = "ui")]
pub(crate) fn read_document<T: crate::model::read::FromJson>(
    response: &RawResponse,
) -> Result<T, Error> {
    read_body(response, |body| {
        T::read(body).ok_or_else(|| "the answer could not be read".to_owned())
    })
}

/// A 2xx JSON body read by `read`; any other answer as its error.
fn read_body<T>(
    response: &RawResponse,
    read: impl FnOnce(&serde_json::Value) -> Result<T, String>,
) -> Result<T, Error> {
    match (&response.body, response.status) {
        (Some(body), 200..=299) if response.is_json() => {
            read(body).map_err(|detail| Error::Unexpected {
                status: response.status,
                detail,
            })
        }
        _ => Err(classify(response).into()),
    }
}

/// An error document for a failure that came with none.
fn made_up(status: u16, message: &str) -> ErrorResponse {
    ErrorResponse {
        error: GenericError {
            code: Some(status.into()),
            message: message.to_owned(),
            ..Default::default()
        },
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn kratos(value: serde_json::Value) -> Box<ErrorResponse> {
        Box::new(serde_json::from_value(value).unwrap())
    }

    #[test]
    fn outcomes_become_errors() {
        let aal2 = kratos(
            json!({"error": {"id": "session_aal2_required", "code": 403},
            "redirect_browser_to": "https://k/self-service/login/browser?aal=aal2"}),
        );
        let cases: Vec<(Outcome, Error)> = vec![
            (Outcome::TimedOut, Error::TimedOut),
            (
                Outcome::Unexpected {
                    status: 500,
                    detail: "x".into(),
                },
                Error::Unexpected {
                    status: 500,
                    detail: "x".into(),
                },
            ),
            (
                Outcome::Redirect {
                    url: "https://k/aal2".into(),
                    error: Some(aal2.clone()),
                },
                Error::Kratos(aal2.clone()),
            ),
            (
                Outcome::SignInRequired(aal2.clone()),
                Error::Kratos(aal2.clone()),
            ),
        ];
        for (outcome, expected) in cases {
            assert_eq!(Error::from(outcome.clone()), expected, "{outcome:?}");
        }
        // A redirect without a document keeps its target.
        let bare = Error::from(Outcome::Redirect {
            url: "https://k/next".into(),
            error: None,
        });
        assert_eq!(bare.redirect(), Some("https://k/next"));
        // A flow where an error was expected is unexpected, and says so.
        let flow = Error::from(Outcome::Flow {
            flow: Box::default(),
            status: 200,
            redirected: false,
        });
        assert!(
            matches!(flow, Error::Unexpected { status: 0, .. }),
            "{flow:?}"
        );
    }

    #[test]
    fn every_error_has_a_document_to_show() {
        assert_eq!(
            Error::TimedOut.response().error.message,
            "Kratos did not answer in time."
        );
        assert_eq!(Error::Refused("no").response().error.message, "no");
        assert_eq!(
            Error::WebAuthn("cancelled".into()).response().error.code,
            Some(0)
        );
        let unexpected = Error::Unexpected {
            status: 502,
            detail: "bad gateway".into(),
        };
        assert_eq!(unexpected.response().error.code, Some(502));
        let aal2 =
            kratos(json!({"error": {"id": "session_aal2_required", "code": 403, "message": "m"}}));
        assert_eq!(Error::Kratos(aal2.clone()).response(), *aal2);
        assert_eq!(Error::Kratos(aal2).to_string(), "session_aal2_required");
    }

    #[test]
    fn transport_failures_are_flow_outcomes_again() {
        assert_eq!(Outcome::from(Error::TimedOut), Outcome::TimedOut);
        assert_eq!(
            Outcome::from(Error::Unexpected {
                status: 0,
                detail: "offline".into()
            }),
            Outcome::Unexpected {
                status: 0,
                detail: "offline".into()
            }
        );
    }

    /// The library's own reading of a document answers as the public
    /// `document` does: the model's type, an error document as its error, a
    /// body of the wrong shape as unexpected; a list fits only whole.
    #[test]
    fn documents_read_by_hand_answer_as_serde_does() {
        use crate::model::Session;
        let answer = |status: u16, body: serde_json::Value| RawResponse {
            status,
            redirected: false,
            url: "https://k/sessions".into(),
            content_type: Some("application/json".into()),
            body: Some(body),
        };
        let session = json!({"id": "s1", "active": true});
        let cases = [
            (answer(200, json!([session.clone()])), true),
            (answer(200, json!([])), true),
            (
                answer(200, json!([session.clone(), "not a session"])),
                false,
            ),
            (answer(200, json!({"id": "s1"})), false),
            (
                answer(
                    401,
                    json!({"error": {"id": "session_inactive", "code": 401}}),
                ),
                false,
            ),
        ];
        for (response, fits) in cases {
            let by_hand = read_document::<Vec<Session>>(&response);
            let by_serde = document::<Vec<Session>>(&response);
            assert_eq!(by_hand.is_ok(), fits, "{:?}", response.body);
            assert_eq!(by_hand.as_ref().ok(), by_serde.as_ref().ok());
            match (&by_hand, &by_serde) {
                (Err(Error::Kratos(a)), Err(Error::Kratos(b))) => assert_eq!(a, b),
                (
                    Err(Error::Unexpected { status, detail }),
                    Err(Error::Unexpected { status: s, .. }),
                ) => {
                    assert_eq!(status, s);
                    assert_eq!(detail, "the answer could not be read");
                }
                (Ok(_), Ok(_)) => {}
                other => panic!("the readings differ: {other:?}"),
            }
        }
    }
}
