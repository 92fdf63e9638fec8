//! Native tests of the typed model against real Kratos JSON.
//!
//! Every fixture in `tests/fixtures/` (copied from Kratos's own tests, see
//! `tests/fixtures/SOURCES.tsv`) must parse, and serialising it back must keep
//! every field Kratos sent.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use leptos_kratos::model::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// `file → kind` from SOURCES.tsv (a file may be listed more than once).
fn fixture_index() -> BTreeMap<String, String> {
    let tsv = std::fs::read_to_string(fixtures_dir().join("SOURCES.tsv")).unwrap();
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let file_col = header.iter().position(|h| *h == "new_file").unwrap();
    let kind_col = header.iter().position(|h| *h == "kind").unwrap();
    lines
        .map(|line| line.split('\t').collect::<Vec<_>>())
        .map(|cols| (cols[file_col].to_owned(), cols[kind_col].to_owned()))
        .collect()
}

fn load(file: &str) -> Value {
    let text = std::fs::read_to_string(fixtures_dir().join(file)).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file} is not JSON: {e}"))
}

/// Compares a re-serialised value with what Kratos sent.
///
/// Every field Kratos sent must come back unchanged. Kratos omits empty
/// values (`omitempty`) in some places and sends `null`, `[]` or `{}` in
/// others, and its test snapshots strip ids, URLs and tokens; so a field may
/// also come back that was not sent, but only with an empty/zero value: the
/// model never invents data.
fn compare(original: &Value, back: &Value, path: &str, errors: &mut Vec<String>) {
    match (original, back) {
        (Value::Object(sent), Value::Object(returned)) => {
            for (key, value) in sent {
                match returned.get(key) {
                    Some(other) => compare(value, other, &format!("{path}/{key}"), errors),
                    None if is_empty(value) => {}
                    None => errors.push(format!("{path}/{key} was dropped")),
                }
            }
            for (key, value) in returned {
                if !sent.contains_key(key) && !is_default(value) {
                    errors.push(format!("{path}/{key} was invented: {value}"));
                }
            }
        }
        (Value::Array(sent), Value::Array(returned)) if sent.len() == returned.len() => {
            for (i, (a, b)) in sent.iter().zip(returned).enumerate() {
                compare(a, b, &format!("{path}/{i}"), errors);
            }
        }
        (a, b) if is_empty(a) && is_empty(b) => {}
        (a, b) if a != b => errors.push(format!("{path}: sent {a}, got back {b}")),
        _ => {}
    }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Array(items) => items.is_empty(),
        Value::Object(map) => map.is_empty(),
        _ => false,
    }
}

fn is_default(value: &Value) -> bool {
    is_empty(value) || *value == json!("") || *value == json!(0) || *value == json!(false)
}

/// Parses `original` as `T`, serialises it back and compares.
fn round_trip<T: DeserializeOwned + Serialize>(file: &str, original: &Value) -> Result<T, String> {
    let parsed: T = serde_json::from_value(original.clone()).map_err(|e| format!("{file}: {e}"))?;
    let back = serde_json::to_value(&parsed).map_err(|e| format!("{file}: {e}"))?;
    let mut errors = Vec::new();
    compare(original, &back, "", &mut errors);
    if errors.is_empty() {
        Ok(parsed)
    } else {
        Err(format!("{file}:\n  {}", errors.join("\n  ")))
    }
}

fn all_nodes_of(value: &Value, out: &mut Vec<UiNode>) {
    if let Ok(nodes) = serde_json::from_value::<Vec<UiNode>>(value.clone()) {
        out.extend(nodes);
    }
}

#[test]
fn every_fixture_file_is_indexed() {
    let index = fixture_index();
    let mut files = Vec::new();
    for dir in ["", "docs-examples", "webauthn-payloads"] {
        for entry in std::fs::read_dir(fixtures_dir().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let name = path.file_name().unwrap().to_str().unwrap();
                files.push(if dir.is_empty() {
                    name.to_owned()
                } else {
                    format!("{dir}/{name}")
                });
            }
        }
    }
    assert!(files.len() > 140, "fixtures missing: {}", files.len());
    for file in files {
        assert!(index.contains_key(&file), "{file} is not in SOURCES.tsv");
    }
}

#[test]
fn every_fixture_parses_and_round_trips() {
    let mut failures = Vec::new();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut nodes = Vec::new();
    for (file, kind) in fixture_index() {
        let original = load(&file);
        let result = match kind.as_str() {
            "flow" | "flow-envelope(no nodes)" => {
                round_trip::<Flow>(&file, &original).map(|flow| {
                    nodes.extend(flow.ui.nodes);
                })
            }
            "ui" => round_trip::<UiContainer>(&file, &original).map(|ui| nodes.extend(ui.nodes)),
            "node" => round_trip::<UiNode>(&file, &original).map(|node| nodes.push(node)),
            "nodes" => round_trip::<Vec<UiNode>>(&file, &original).map(|n| nodes.extend(n)),
            "response:login-success(200)" | "response:registration-success(200)" => {
                round_trip::<FlowSuccess>(&file, &original).map(drop)
            }
            "response:logout-flow(200)" => round_trip::<LogoutFlow>(&file, &original).map(drop),
            "response:whoami(200)" => round_trip::<Session>(&file, &original).map(drop),
            // Credential JSON that webauthn.js writes into hidden inputs: not a Kratos answer.
            "webauthn-credential-payload" => Ok(()),
            other => Err(format!("{file}: unknown fixture kind {other}")),
        };
        *counts.entry(kind).or_default() += 1;
        if let Err(e) = result {
            failures.push(e);
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    assert!(counts["nodes"] >= 90 && counts["flow"] >= 15, "{counts:?}");
    // Real Kratos nodes always fit their type: none may fall back to Unknown.
    let unknown: Vec<_> = nodes
        .iter()
        .filter(|n| matches!(n.attributes, NodeAttributes::Unknown { .. }))
        .collect();
    assert!(unknown.is_empty(), "untyped nodes: {unknown:?}");
    assert!(nodes.len() > 600, "{} nodes", nodes.len());
}

#[test]
fn fixtures_cover_every_node_type_and_group() {
    let mut nodes = Vec::new();
    for (file, kind) in fixture_index() {
        let value = load(&file);
        match kind.as_str() {
            "flow" => all_nodes_of(&value["ui"]["nodes"], &mut nodes),
            "ui" => all_nodes_of(&value["nodes"], &mut nodes),
            "nodes" => all_nodes_of(&value, &mut nodes),
            "node" => all_nodes_of(&json!([value]), &mut nodes),
            _ => {}
        }
    }
    for node_type in ["input", "img", "a", "text", "script", "div"] {
        assert!(
            nodes.iter().any(|n| n.node_type() == node_type),
            "no {node_type} node"
        );
    }
    for group in [
        "default",
        "password",
        "oidc",
        "profile",
        "code",
        "totp",
        "lookup_secret",
        "webauthn",
        "passkey",
        "identifier_first",
    ] {
        assert!(
            nodes.iter().any(|n| n.group.as_str() == group),
            "no {group} node"
        );
    }
}

#[test]
fn legacy_nodes_without_node_type_dispatch_on_type() {
    let nodes: Vec<UiNode> = serde_json::from_value(load(
        "legacy__selfservice__strategy__webauthn__fixtures__login__with_webauthn.json",
    ))
    .unwrap();
    let trigger = nodes
        .iter()
        .find(|n| n.name() == Some("webauthn_login_trigger"))
        .unwrap();
    let input = trigger.input().unwrap();
    assert_eq!(input.input_type, InputType::Button);
    assert!(
        input
            .onload
            .as_deref()
            .unwrap()
            .contains("__oryWebAuthnLogin")
    );
    // Re-serialising does not invent `node_type` where the server did not send it.
    let back = serde_json::to_value(trigger).unwrap();
    assert!(back["attributes"].get("node_type").is_none());
    assert_eq!(back["type"], "input");
}

#[test]
fn nodes_without_any_type_are_inferred_from_their_attributes() {
    let cases = [
        (json!({"name": "email", "type": "email"}), "input"),
        (
            json!({"href": "https://example.com", "id": "continue"}),
            "a",
        ),
        (
            json!({"src": "data:image/png;base64,AA", "id": "totp_qr", "width": 256}),
            "img",
        ),
        (
            json!({"src": "/webauthn.js", "async": true, "integrity": ""}),
            "script",
        ),
        (
            json!({"text": {"id": 1, "text": "x", "type": "info"}, "id": "t"}),
            "text",
        ),
        (json!({"id": "captcha"}), "div"),
    ];
    for (attributes, expected) in cases {
        let node: UiNode =
            serde_json::from_value(json!({"group": "default", "attributes": attributes})).unwrap();
        assert_eq!(node.node_type(), expected, "{attributes}");
        assert!(!matches!(node.attributes, NodeAttributes::Unknown { .. }));
    }
}

#[test]
fn unknown_values_are_kept_verbatim() {
    let original = json!({
        "type": "hologram",
        "group": "brain_scan",
        "attributes": {"node_type": "hologram", "beam": [1, 2]},
        "messages": [{"id": 9999999, "text": "new", "type": "celebration", "context": {"k": 1}}],
        "meta": {"label": {"id": 1, "text": "L", "type": "info"}, "icon": "star"},
        "position": 3
    });
    let node: UiNode = serde_json::from_value(original.clone()).unwrap();
    assert_eq!(node.node_type(), "hologram");
    assert_eq!(node.group, NodeGroup::Unknown("brain_scan".into()));
    assert_eq!(
        node.messages[0].message_type,
        MessageType::Unknown("celebration".into())
    );
    assert_eq!(node.meta.extra["icon"], "star");
    assert_eq!(node.extra["position"], 3);
    assert_eq!(serde_json::to_value(&node).unwrap(), original);

    let input: UiNode = serde_json::from_value(json!({
        "type": "input", "group": "default",
        "attributes": {"name": "traits.colour", "type": "color", "value": "#ff0000",
                        "disabled": false, "node_type": "input", "palette": "warm"},
        "messages": [], "meta": {}
    }))
    .unwrap();
    let attrs = input.input().unwrap();
    assert_eq!(attrs.input_type, InputType::Unknown("color".into()));
    assert_eq!(attrs.input_type.html_type(), "text");
    assert_eq!(attrs.extra["palette"], "warm");

    let flow: Flow = serde_json::from_value(json!({
        "id": "f", "ui": {"action": "", "method": "POST", "nodes": [], "layout": "grid"},
        "state": "dreaming", "continue_with": [{"action": "teleport", "to": "mars"}],
        "brand_new": {"x": 1}
    }))
    .unwrap();
    assert_eq!(flow.state, Some(FlowState::Unknown("dreaming".into())));
    assert_eq!(
        flow.continue_with[0].action,
        ContinueWithAction::Unknown("teleport".into())
    );
    assert_eq!(flow.continue_with[0].extra["to"], "mars");
    assert_eq!(flow.ui.extra["layout"], "grid");
    assert_eq!(flow.extra["brand_new"], json!({"x": 1}));
}

#[test]
fn attributes_that_do_not_fit_their_type_become_unknown_not_errors() {
    let node: UiNode = serde_json::from_value(json!({
        "type": "input", "group": "default",
        "attributes": {"type": "text", "node_type": "input"},
        "messages": [], "meta": {}
    }))
    .unwrap();
    assert!(
        matches!(node.attributes, NodeAttributes::Unknown { ref node_type, .. } if node_type == "input")
    );
}

/// Replaces every value in `value`, one at a time, with values of other JSON
/// types, and parses the result: it may fail, but it must never panic.
#[test]
fn no_json_makes_the_model_panic() {
    let replacements = [
        json!(null),
        json!(-1),
        json!(1.5),
        json!("x"),
        json!([]),
        json!({}),
        json!(true),
    ];
    let samples = [
        "selfservice__strategy__totp__.snapshots__TestCompleteSettings-case-device_setup_is_available_when_identity_has_no_totp_yet.json",
        "identity__.snapshots__TestToNode.json",
        "selfservice__strategy__code__.snapshots__TestLoginCodeStrategy-test-SPA_client-suite-mfa-case-verify_initial_payload_with_fast_login.json",
        "docs-examples/docs__code-examples__curl__registration__submit-registration-browser.json",
    ];
    let mut parses = 0;
    for file in samples {
        let original = load(file);
        let mut all = vec![String::new()];
        collect_paths(&original, String::new(), &mut all);
        for path in all {
            for replacement in &replacements {
                let mut mutated = original.clone();
                if path.is_empty() {
                    mutated = replacement.clone();
                } else if let Some(slot) = mutated.pointer_mut(&path) {
                    *slot = replacement.clone();
                }
                let text = mutated.to_string();
                let _ = serde_json::from_str::<Flow>(&text);
                let _ = serde_json::from_str::<Vec<UiNode>>(&text);
                let _ = serde_json::from_str::<UiNode>(&text);
                let _ = serde_json::from_str::<FlowSuccess>(&text);
                let _ = serde_json::from_str::<ErrorResponse>(&text);
                parses += 1;
            }
        }
    }
    assert!(parses > 1000, "{parses}");
}

#[test]
fn helpers_answer_from_the_nodes() {
    let flow: Flow = serde_json::from_value(load(
        "selfservice__strategy__code__.snapshots__TestLoginCodeStrategy-test-SPA_client-suite-mfa-case-verify_initial_payload_with_fast_login.json",
    ))
    .unwrap();
    // Snapshots strip `ui.action` and `request_url`, so the kind is unknown here.
    assert_eq!(flow.kind_hint(), None);
    let mut with_action = flow.clone();
    with_action.ui.action = "https://auth.example.com/self-service/login?flow=abc".into();
    assert_eq!(with_action.kind_hint(), Some(FlowKind::Login));
    assert_eq!(flow.state, Some(FlowState::SentEmail));
    assert!(flow.ui.csrf_token().is_some());
    assert!(flow.ui.has_submit());

    let node: UiNode =
        serde_json::from_value(load("identity__.snapshots__TestToNode.json")).unwrap();
    assert_eq!(node.id(), Some("lookup_secret_codes"));
    let NodeAttributes::Text(text) = &node.attributes else {
        panic!("not text")
    };
    let secrets = text.text.as_ref().unwrap().context_secrets();
    assert_eq!(secrets.len(), 4);
    assert_eq!(secrets[1].context_value("secret"), Some(&json!("bar")));
    assert_eq!(secrets[0].id, 1050014);
    assert_eq!(node.label().unwrap().id, 1050010);
}

#[test]
fn error_envelopes_parse_with_their_extras() {
    let expired: ErrorResponse = serde_json::from_value(json!({
        "error": {"id": "self_service_flow_expired", "code": 410, "status": "Gone",
                  "reason": "The self-service flow expired 5.00 minutes ago, initialize a new one.",
                  "message": "self-service flow expired"},
        "use_flow_id": "6f1c", "expired_at": "2026-01-01T00:00:00Z", "since": 300000000000u64
    }))
    .unwrap();
    assert!(expired.is(&ErrorId::SelfServiceFlowExpired));
    assert_eq!(expired.use_flow_id.as_deref(), Some("6f1c"));
    assert_eq!(
        expired.error.human_text(),
        "The self-service flow expired 5.00 minutes ago, initialize a new one."
    );

    let verify: ErrorResponse = serde_json::from_value(json!({
        "error": {"id": "session_verified_address_required", "code": 403, "message": "m",
                  "details": {"continue_with": [{"action": "show_verification_ui",
                               "flow": {"id": "v1", "verifiable_address": "a@b.c", "url": "https://ui/verification?flow=v1"}}]}}
    }))
    .unwrap();
    let next = verify.error.details_continue_with();
    assert_eq!(next[0].action, ContinueWithAction::ShowVerificationUi);
    assert_eq!(next[0].flow.as_ref().unwrap().id, "v1");

    let stray: ErrorResponse = serde_json::from_value(json!({
        "error": {"code": 401, "status": "Unauthorized", "message": "no session"},
        "CredentialsMissing": false
    }))
    .unwrap();
    assert_eq!(stray.id(), None);
    assert_eq!(stray.extra["CredentialsMissing"], false);

    let container: FlowError = serde_json::from_value(json!({
        "id": "e1", "error": {"code": 500, "message": "boom", "reason": "database down"},
        "created_at": "2026-01-01T00:00:00Z"
    }))
    .unwrap();
    assert_eq!(container.generic().unwrap().human_text(), "database down");
}

#[test]
fn continue_with_picks_in_browser_priority() {
    let items: Vec<ContinueWith> = serde_json::from_value(json!([
        {"action": "redirect_browser_to", "redirect_browser_to": "https://app/"},
        {"action": "show_verification_ui", "flow": {"id": "v", "verifiable_address": "a@b.c"}},
        {"action": "show_pin_entry_ui", "data": {"enc": "x"}},
    ]))
    .unwrap();
    assert_eq!(
        ContinueWith::pick(&items).unwrap().action,
        ContinueWithAction::ShowVerificationUi
    );
    assert_eq!(
        ContinueWith::pick(&items[..1])
            .unwrap()
            .redirect_browser_to
            .as_deref(),
        Some("https://app/")
    );
    assert!(ContinueWith::pick(&items[2..]).is_none());
}

#[test]
fn identities_have_a_display_name() {
    let session: Session = serde_json::from_value(load(
        "docs-examples/docs__code-examples__curl__session__check-session-browser.json",
    ))
    .unwrap();
    let identity = session.identity.unwrap();
    assert_eq!(
        identity.display_name().as_deref(),
        Some("email@example.com")
    );
    let named = Identity {
        traits: json!({"name": {"first": "Ada", "last": "Lovelace"}}),
        ..Default::default()
    };
    assert_eq!(named.display_name().as_deref(), Some("Ada Lovelace"));
}

#[test]
fn browser_fixture_list_is_complete() {
    let list = std::fs::read_to_string(fixtures_dir().join("../common/fixtures.rs")).unwrap();
    for (file, kind) in fixture_index() {
        if matches!(kind.as_str(), "flow" | "ui" | "node" | "nodes") {
            assert!(
                list.contains(&format!("(\"{file}\", \"{kind}\"")),
                "{file} is missing from tests/common/fixtures.rs: run .ci/fixture-list > tests/common/fixtures.rs"
            );
        }
    }
}

/// Breaks one part of a real flow at a time — every value under each node,
/// each message and each field, replaced with values of every other JSON
/// type — and checks that the flow is still read, that at most the broken
/// node (or message) is left out, and that everything else survives.
#[test]
fn one_broken_part_never_takes_the_flow_down() {
    let replacements = [
        json!(null),
        json!(-1),
        json!(1.5),
        json!("x"),
        json!([]),
        json!({}),
        json!(true),
        json!([null, 1]),
    ];
    let samples = [
        "selfservice__strategy__oidc__.snapshots__TestStrategy-login-hints-enabled-false-case-should_fail_to_register_and_return_fresh_login_flow_if_email_is_already_being_used_by_abb7c46a.json",
        "selfservice__strategy__code__.snapshots__TestLoginCodeStrategy-test-SPA_client-suite-mfa-case-verify_initial_payload_with_fast_login.json",
    ];
    let mut checked = 0;
    for file in samples {
        let original = load(file);
        let flow = Flow::from_json(&original).unwrap();
        let (nodes, messages) = (flow.ui.nodes.len(), flow.ui.messages.len());
        assert!(nodes > 3, "{file}");
        assert_eq!(flow.skipped, 0, "{file} is intact");
        let mut paths = Vec::new();
        collect_paths(&original, String::new(), &mut paths);
        for path in paths
            .iter()
            .filter(|p| p.starts_with("/ui/") || p.matches('/').count() == 1)
        {
            for replacement in &replacements {
                let mut mutated = original.clone();
                *mutated.pointer_mut(path).unwrap() = replacement.clone();
                let flow = Flow::from_json(&mutated)
                    .unwrap_or_else(|e| panic!("{file} {path} = {replacement}: {e}"));
                let in_nodes = path.starts_with("/ui/nodes/");
                let whole_list = path == "/ui/nodes" || path == "/ui";
                if !whole_list {
                    let lost = nodes.saturating_sub(flow.ui.nodes.len());
                    assert!(
                        lost <= usize::from(in_nodes),
                        "{file} {path} = {replacement}: {lost} nodes lost"
                    );
                }
                if !path.starts_with("/ui/messages") && path != "/ui" {
                    assert_eq!(
                        flow.ui.messages.len(),
                        messages,
                        "{file} {path} = {replacement}"
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "{checked}");
}

/// Every JSON pointer below `value` (not `value` itself), depth first.
fn collect_paths(value: &Value, prefix: String, out: &mut Vec<String>) {
    if !prefix.is_empty() {
        out.push(prefix.clone());
    }
    match value {
        Value::Object(map) => map.iter().for_each(|(k, v)| {
            collect_paths(
                v,
                format!("{prefix}/{}", k.replace('~', "~0").replace('/', "~1")),
                out,
            )
        }),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| collect_paths(v, format!("{prefix}/{i}"), out)),
        _ => {}
    }
}

/// The cases the security review named, one at a time, in an otherwise
/// good flow: each is read, the rest of the form is there.
#[test]
fn odd_values_kratos_could_send_degrade_alone() {
    let good = json!({"type": "input", "group": "password",
        "attributes": {"name": "password", "type": "password", "required": true, "node_type": "input"},
        "messages": [], "meta": {"label": {"id": 1070001, "text": "Password", "type": "info"}}});
    for (what, odd, kept) in [
        (
            "null message text",
            json!({"type": "text", "group": "default", "attributes": {"id": "t", "text": {"id": 1, "text": null, "type": "info"}}, "messages": [{"id": 2, "text": null, "type": "error"}], "meta": {}}),
            2,
        ),
        (
            "null label text",
            json!({"type": "input", "group": "default", "attributes": {"name": "identifier", "type": "text"}, "meta": {"label": {"id": 3, "text": null}}}),
            2,
        ),
        (
            "null group",
            json!({"type": "input", "group": null, "attributes": {"name": "identifier", "type": "text"}}),
            2,
        ),
        (
            "numeric node type",
            json!({"type": 5, "group": "default", "attributes": {"name": "identifier", "type": "text"}}),
            2,
        ),
        (
            "string instead of meta",
            json!({"type": "input", "group": "default", "attributes": {"name": "identifier", "type": "text"}, "meta": "label"}),
            2,
        ),
        (
            "string instead of messages",
            json!({"type": "input", "group": "default", "attributes": {"name": "identifier", "type": "text"}, "messages": "oops"}),
            2,
        ),
        (
            "string attributes",
            json!({"type": "input", "group": "default", "attributes": "name=identifier"}),
            1,
        ),
        (
            "numeric attributes",
            json!({"type": "img", "group": "totp", "attributes": 12}),
            1,
        ),
        ("a node that is a string", json!("input"), 1),
        ("a node that is null", json!(null), 1),
        (
            "numeric value fields",
            json!({"type": "input", "group": "default", "attributes": {"name": "x", "type": 3, "required": "yes", "disabled": 1, "autocomplete": 4, "pattern": [], "maxlength": "6"}}),
            2,
        ),
    ] {
        let flow = Flow::from_json(&json!({
            "id": "f", "state": 7, "return_to": 9, "continue_with": "x",
            "ui": {"action": "/self-service/login?flow=f", "method": "POST",
                   "messages": [{"id": 4000006, "text": null, "type": "error"}, "broken"],
                   "nodes": [good, odd]}
        }))
        .unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(flow.ui.nodes.len(), kept, "{what}");
        assert_eq!(
            flow.ui.nodes[0],
            serde_json::from_value::<UiNode>(good.clone()).unwrap(),
            "{what}"
        );
        assert_eq!(flow.ui.messages.len(), 1, "{what}");
        assert_eq!(flow.ui.messages[0].id, 4000006);
        assert!(flow.skipped >= 1, "{what}: the broken message is counted");
        assert_eq!(flow.state, Some(FlowState::Unknown(String::new())));
        assert_eq!(flow.return_to, None);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use leptos_kratos::client::{RawResponse, classify};
    use leptos_kratos::model::*;
    use proptest::prelude::*;
    use serde_json::{Map, Value, json};

    /// Arbitrary JSON, biased toward the keys Kratos's documents use.
    fn any_json() -> impl Strategy<Value = Value> {
        let keys = prop::sample::select(vec![
            "id",
            "type",
            "group",
            "attributes",
            "messages",
            "meta",
            "label",
            "text",
            "name",
            "value",
            "ui",
            "nodes",
            "action",
            "error",
            "context",
            "continue_with",
            "flow",
            "session",
            "identity",
            "node_type",
            "onclickTrigger",
            "src",
            "href",
            "x",
        ]);
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| json!(n)),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(|f| json!(f)),
            "[a-z_:/\\\\.]{0,12}".prop_map(Value::String),
            Just(json!("input")),
            Just(json!("javascript:alert(1)")),
        ];
        leaf.prop_recursive(5, 64, 6, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::vec((keys.clone(), inner), 0..6).prop_map(|pairs| {
                    Value::Object(
                        pairs
                            .into_iter()
                            .map(|(k, v)| (k.to_owned(), v))
                            .collect::<Map<_, _>>(),
                    )
                }),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        /// The model and the answer classifier read any JSON without panicking.
        #[test]
        fn nothing_panics(body in any_json(), status in prop::sample::select(vec![200u16, 204, 303, 400, 401, 403, 404, 410, 422, 500])) {
            let _ = Flow::from_json(&body);
            let _ = serde_json::from_value::<UiNode>(body.clone());
            let _ = serde_json::from_value::<ErrorResponse>(body.clone());
            let _ = serde_json::from_value::<FlowSuccess>(body.clone());
            let _ = serde_json::from_value::<Session>(body.clone());
            for flow_like in [json!({"ui": body.clone()}), json!({"ui": {"nodes": body.clone()}}), json!({"error": body.clone()})] {
                let outcome = classify(&RawResponse {
                    status,
                    redirected: false,
                    url: "https://kratos.example/self-service/login".into(),
                    content_type: Some("application/json".into()),
                    body: Some(flow_like),
                });
                let _ = outcome.summary();
            }
        }

        /// Any node list is read; only its broken items are left out.
        #[test]
        fn broken_nodes_are_dropped_alone(nodes in prop::collection::vec(any_json(), 0..8)) {
            let good = json!({"type": "input", "group": "default", "attributes": {"name": "csrf_token", "type": "hidden", "value": "t"}});
            let mut all = nodes.clone();
            all.push(good);
            let flow = Flow::from_json(&json!({"id": "f", "ui": {"nodes": all}})).unwrap();
            prop_assert!(flow.ui.nodes.len() <= nodes.len() + 1);
            let token = flow.ui.csrf_token();
            prop_assert_eq!(token.as_deref(), Some("t"));
        }
    }
}
