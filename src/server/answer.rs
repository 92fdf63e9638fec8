//! The first answer a flow's page was rendered from, as it travels from the
//! server's page to the browser: the hydrating page reads it instead of
//! asking Kratos again.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::client::error::{document, read_document};
use crate::client::{Error, Outcome, RawResponse, classify};
use crate::model::read::FromJson;

/// What the server got when it asked Kratos for a page's flow.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ServerAnswer {
    /// Nothing was asked: no [`ServerRequest`](super::ServerRequest) in
    /// context, or the page is being built in the browser. The browser asks.
    NotAsked,
    /// Kratos's answer as the HTTP layer saw it.
    Answered(RawResponse),
    /// Kratos did not answer within the time limit.
    TimedOut,
    /// No answer at all; what went wrong (never a URL's query).
    Unreachable(String),
}

impl ServerAnswer {
    /// What it means for the flow, as the browser client's answers are
    /// read ([`classify`]); `None` when nothing was asked.
    pub fn outcome(&self) -> Option<Outcome> {
        match self {
            Self::NotAsked => None,
            Self::Answered(response) => Some(classify(response)),
            Self::TimedOut => Some(Outcome::TimedOut),
            Self::Unreachable(detail) => Some(Outcome::unreachable(detail.clone())),
        }
    }

    /// The document of a non-flow answer (`whoami`, a logout URL), as the
    /// browser client reads it; `None` when nothing was asked.
    pub fn document<T: DeserializeOwned>(&self) -> Option<Result<T, Error>> {
        self.read_with(document)
    }

    /// [`document`](Self::document) for the model's own types, read by
    /// hand as the browser client reads them.
    pub(crate) fn read<T: FromJson>(&self) -> Option<Result<T, Error>> {
        self.read_with(read_document)
    }

    fn read_with<T>(&self, read: fn(&RawResponse) -> Result<T, Error>) -> Option<Result<T, Error>> {
        match self {
            Self::NotAsked => None,
            Self::Answered(response) => Some(read(response)),
            Self::TimedOut => Some(Err(Error::TimedOut)),
            Self::Unreachable(detail) => Some(Err(Error::Unexpected {
                status: 0,
                detail: detail.clone(),
            })),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::ServerAnswer;
    use crate::client::{Outcome, RawResponse};

    #[test]
    fn an_answer_survives_the_page_and_means_the_same() {
        let flow = RawResponse {
            status: 200,
            redirected: false,
            url: "http://kratos/self-service/login/flows?id=f".into(),
            content_type: Some("application/json".into()),
            body: Some(
                json!({"id": "f", "type": "browser", "ui": {"action": "http://kratos/self-service/login?flow=f", "method": "POST", "nodes": []}}),
            ),
        };
        let cases = [
            (ServerAnswer::NotAsked, None),
            (ServerAnswer::TimedOut, Some("no answer in time".to_owned())),
            (
                ServerAnswer::Unreachable("connection refused".into()),
                Some("an unexpected answer (0): connection refused".to_owned()),
            ),
            (
                ServerAnswer::Answered(flow),
                Some("a flow (200)".to_owned()),
            ),
        ];
        for (answer, summary) in cases {
            let text = serde_json::to_string(&answer).unwrap();
            let back: ServerAnswer = serde_json::from_str(&text).unwrap();
            assert_eq!(back, answer);
            assert_eq!(back.outcome().as_ref().map(Outcome::summary), summary);
        }
    }
}
