//! Every fixture flow rendered and checked node by node.

use crate::support::*;

/// Checks that every input node is a form control, in Kratos's order, with
/// its name, type, value and attributes, and that visible fields are labelled.
pub(crate) fn check_controls(file: &str, root: &Element, flow: &Flow) {
    let form = one(root, "form");
    // (Not what the library adds and Kratos does not send: show-password
    // toggles, copy buttons, the "I have saved these codes" box.)
    let controls = all(
        &form,
        "input:not(.lk-kept-check), button:not(.lk-reveal):not(.lk-keep), select",
    );
    // Method groups in the default order, Kratos's order within a group.
    let order = GroupOrder::sign_in();
    let mut inputs: Vec<&UiNode> = flow
        .ui
        .nodes
        .iter()
        .filter(|n| n.input().is_some())
        .collect();
    inputs.sort_by_key(|n| order.rank(&n.group));
    // Except "Resend code", drawn right after its group's code field.
    if let Some(resend) = inputs.iter().position(|n| n.is_resend()) {
        let node = inputs.remove(resend);
        let code = inputs.iter().position(|n| {
            n.group == node.group && n.input().is_some_and(InputAttributes::is_one_time_code)
        });
        inputs.insert(code.map_or(resend, |code| code + 1), node);
    }
    assert_eq!(
        controls.len(),
        inputs.len(),
        "{file}: one control per input node"
    );
    for (node, control) in inputs.iter().zip(&controls) {
        let input = node.input().unwrap();
        let tag = control.tag_name().to_ascii_lowercase();
        assert_eq!(
            attr(control, "name").as_deref(),
            Some(input.name.as_str()),
            "{file}: name"
        );
        let value = input.value.as_ref().map(value_to_form_string);
        match &input.input_type {
            InputType::Submit | InputType::Button => {
                assert_eq!(tag, "button", "{file}: {} is a button", input.name);
                assert_eq!(
                    attr(control, "type").as_deref(),
                    Some(input.input_type.as_str())
                );
                assert_eq!(
                    attr(control, "value"),
                    value,
                    "{file}: {} value",
                    input.name
                );
                assert!(
                    !text(control).trim().is_empty(),
                    "{file}: {} has a caption",
                    input.name
                );
                assert!(
                    attr(control, "onclick").is_none(),
                    "inline JavaScript is never rendered"
                );
            }
            InputType::Checkbox => {
                let checkbox: &HtmlInputElement = control.unchecked_ref();
                assert_eq!(attr(control, "type").as_deref(), Some("checkbox"));
                assert_eq!(
                    checkbox.checked(),
                    input.is_checked(),
                    "{file}: {} checked",
                    input.name
                );
            }
            _ if tag == "select" => {
                let options = input.options.as_ref().unwrap();
                assert!(all(control, "option").len() >= options.len());
            }
            other => {
                assert_eq!(tag, "input", "{file}: {}", input.name);
                assert_eq!(
                    attr(control, "type").as_deref(),
                    Some(other.html_type()),
                    "{file}: type"
                );
                assert_eq!(
                    attr(control, "value"),
                    value,
                    "{file}: {} value",
                    input.name
                );
            }
        }
        if input.onclick_trigger.is_some() {
            // WebAuthn triggers run their ceremony instead of submitting, and
            // wait (disabled) until the script can run them.
            assert_eq!(
                attr(control, "type").as_deref(),
                Some("button"),
                "{file}: trigger"
            );
            assert_eq!(
                attr(control, "data-trigger").as_deref(),
                input.onclick_trigger.as_ref().map(|t| t.as_str())
            );
        } else if leptos_kratos::webauthn::click_call(input).is_some() {
            // A legacy inline call runs its ceremony too; no ceremony may run
            // while the form's action is not Kratos's (snapshots have none).
            let allowed = KratosConfig::default()
                .url_policy(&window().location().href().unwrap())
                .form_action(&flow.ui.action, None)
                .is_ok();
            if !allowed {
                assert!(control.has_attribute("disabled"), "{file}: ceremony");
            }
        } else {
            assert_eq!(
                control.has_attribute("disabled"),
                input.is_disabled(),
                "{file}: disabled"
            );
        }
        if !input.input_type.is_button() && input.input_type != InputType::Hidden {
            assert_eq!(
                control.has_attribute("required"),
                input.is_required(),
                "{file}: required"
            );
            // Kratos's hint, or one-time-code for codes it sends none for.
            assert_eq!(
                attr(control, "autocomplete"),
                input.autocomplete_hint(),
                "{file}: autocomplete"
            );
            assert_eq!(
                attr(control, "pattern"),
                input.pattern.clone(),
                "{file}: pattern"
            );
            assert_eq!(
                attr(control, "maxlength"),
                input.maxlength.map(|m| m.to_string()),
                "{file}: maxlength"
            );
            // Visible fields are labelled by a <label for=id> with the node's label.
            let id = attr(control, "id").expect("fields have an id");
            let label = one(root, &format!("label[for=\"{id}\"]"));
            let expected = node.label().map(english);
            if let Some(expected) = expected.filter(|t| !t.is_empty()) {
                assert_eq!(
                    text(&label).trim(),
                    expected.trim(),
                    "{file}: label of {}",
                    input.name
                );
            } else {
                assert!(
                    !text(&label).trim().is_empty(),
                    "{file}: fallback label of {}",
                    input.name
                );
            }
        }
    }
}

/// Checks that every message (flow-level and per node) is shown as text.
pub(crate) fn check_messages(file: &str, root: &Element, flow: &Flow) {
    let live = one(root, ".lk-messages");
    assert_eq!(attr(&live, "aria-live").as_deref(), Some("polite"));
    for message in &flow.ui.messages {
        assert!(
            text(&live).contains(english(message).trim()),
            "{file}: ui message {}",
            message.id
        );
    }
    for node in &flow.ui.nodes {
        for message in &node.messages {
            let shown = all(root, ".lk-node-messages .lk-message").iter().any(|p| {
                attr(p, "data-id") == Some(message.id.to_string()) && text(p) == english(message)
            });
            assert!(shown, "{file}: node message {} shown", message.id);
        }
    }
}

/// Checks the non-input nodes: images, links, texts, divs, scripts.
pub(crate) fn check_content(file: &str, root: &Element, flow: &Flow) {
    assert!(
        all(root, "script").is_empty(),
        "{file}: scripts are not rendered"
    );
    for node in &flow.ui.nodes {
        match &node.attributes {
            NodeAttributes::Image(image) => {
                let img = if image.id.is_empty() {
                    one(root, ".lk-image img")
                } else {
                    one(root, &format!("img[id=\"{}\"]", image.id))
                };
                let expected = (!image.src.is_empty()).then(|| {
                    web_sys::Url::new_with_base(&image.src, &window().location().href().unwrap())
                        .unwrap()
                        .href()
                });
                assert_eq!(attr(&img, "src"), expected, "{file}: img src");
                assert_eq!(attr(&img, "width"), image.width.map(|w| w.to_string()));
                assert_eq!(attr(&img, "height"), image.height.map(|h| h.to_string()));
            }
            NodeAttributes::Anchor(anchor) if !anchor.id.is_empty() => {
                let link = one(root, &format!("a[id=\"{}\"]", anchor.id));
                let expected =
                    web_sys::Url::new_with_base(&anchor.href, &window().location().href().unwrap())
                        .unwrap()
                        .href();
                assert_eq!(attr(&link, "href"), Some(expected), "{file}: link");
            }
            NodeAttributes::Text(text_attrs) if !text_attrs.id.is_empty() => {
                let element = one(root, &format!("[id=\"{}\"]", text_attrs.id));
                let shown = text(&element);
                if let Some(t) = &text_attrs.text {
                    let secrets = t.context_secrets();
                    if secrets.is_empty() {
                        let expected = t
                            .context_value("secret")
                            .map(value_to_form_string)
                            .unwrap_or_else(|| english(t));
                        assert!(
                            shown.contains(&expected),
                            "{file}: text {shown} has {expected}"
                        );
                    } else {
                        assert_eq!(
                            all(&element, "li").len(),
                            secrets.len(),
                            "{file}: one item per secret"
                        );
                    }
                }
            }
            _ => {}
        }
    }
}

#[wasm_bindgen_test]
async fn every_fixture_renders_every_node() {
    let mut rendered = 0;
    for (file, kind, json) in common::fixtures::FIXTURES {
        let flow = fixture_flow(kind, json);
        let (root, _guard) = mount_flow(flow.clone());
        tick().await;
        check_controls(file, &root, &flow);
        check_messages(file, &root, &flow);
        check_content(file, &root, &flow);
        rendered += 1;
    }
    assert!(rendered > 120, "{rendered} fixtures");
}
