//! Shared by the test crates.

pub mod fixtures;

use leptos_kratos::model::{Flow, UiContainer};
use serde_json::Value;

/// Parses a fixture of any kind (`flow`, `ui`, `nodes`, `node`) into a flow
/// to render.
pub fn fixture_flow(kind: &str, json: &str) -> Flow {
    let value: Value = serde_json::from_str(json).unwrap();
    let ui = |nodes| UiContainer {
        nodes,
        ..Default::default()
    };
    match kind {
        "flow" => serde_json::from_value(value).unwrap(),
        "ui" => Flow {
            ui: serde_json::from_value(value).unwrap(),
            ..Default::default()
        },
        "nodes" => Flow {
            ui: ui(serde_json::from_value(value).unwrap()),
            ..Default::default()
        },
        "node" => Flow {
            ui: ui(vec![serde_json::from_value(value).unwrap()]),
            ..Default::default()
        },
        other => panic!("unexpected fixture kind {other}"),
    }
}
