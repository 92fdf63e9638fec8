//! Kratos's stored error page (`/self-service/errors?id=`) as a signal.

use leptos::prelude::*;

use crate::client::{Error, KratosClient, spawn_request};
use crate::model::GenericError;

/// Loads a stored flow error (`/self-service/errors?id=`) into a signal;
/// an answer that is no error document becomes an error describing it.
pub fn load_flow_error(client: KratosClient, id: String) -> Signal<Option<GenericError>> {
    let error = RwSignal::new(None::<GenericError>);
    spawn_request(async move {
        let shown = match client.get_flow_error(&id).await {
            Ok(container) => container.generic().unwrap_or_else(|| GenericError {
                message: container
                    .error
                    .map(|e| e.to_string())
                    .unwrap_or_else(|| "Unknown error".into()),
                ..Default::default()
            }),
            Err(Error::Unexpected { status, detail }) => GenericError {
                code: Some(status.into()),
                message: detail,
                ..Default::default()
            },
            Err(other) => other.response().error,
        };
        error.set(Some(shown));
    });
    error.into()
}
