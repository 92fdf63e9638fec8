//! Layout: groups, per-group forms, locales, lookup secrets, Enter, the two-step layout, overrides, the card.

use crate::components::type_into;
use crate::scripts::until;
use crate::submissions::submission_flow;
use crate::support::*;

/// A message with an id and a context, as Kratos sends it.
pub(crate) fn flow_message_of(id: i64, context: Value) -> UiText {
    UiText {
        id,
        context: (!context.is_null()).then_some(context),
        ..Default::default()
    }
}

/// A settings-like flow: a profile, a password and a linked provider.
pub(crate) fn settings_flow() -> Flow {
    flow_from(json!({
        "id": "s", "ui": {"action": "/self-service/settings?flow=s", "method": "POST", "nodes": [
            {"type": "input", "group": "default", "attributes": {"name": "csrf_token", "type": "hidden", "value": "tok", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "oidc", "attributes": {"name": "link", "type": "submit", "value": "github", "disabled": false}, "messages": [],
             "meta": {"label": {"id": 1050002, "text": "Link github", "type": "info", "context": {"provider": "github"}}}},
            {"type": "input", "group": "profile", "attributes": {"name": "traits.email", "type": "email", "value": "ada@example.com", "disabled": false}, "messages": [],
             "meta": {"label": {"id": 1070002, "text": "E-Mail", "type": "info", "context": {"title": "E-Mail"}}}},
            {"type": "input", "group": "profile", "attributes": {"name": "method", "type": "submit", "value": "profile", "disabled": false}, "messages": [],
             "meta": {"label": {"id": 1070003, "text": "Save", "type": "info"}}},
            {"type": "input", "group": "password", "attributes": {"name": "password", "type": "password", "disabled": false, "autocomplete": "new-password"}, "messages": [],
             "meta": {"label": {"id": 1070001, "text": "Password", "type": "info"}}},
            {"type": "input", "group": "password", "attributes": {"name": "method", "type": "submit", "value": "password", "disabled": false}, "messages": [],
             "meta": {"label": {"id": 1070003, "text": "Save", "type": "info"}}}
        ]}
    }))
}

#[wasm_bindgen_test]
async fn groups_are_fieldsets_with_social_sign_in_first() {
    let flow = flow_from(json!({
        "id": "f", "ui": {"action": "/self-service/login?flow=f", "method": "POST", "nodes": [
            {"type": "input", "group": "default", "attributes": {"name": "csrf_token", "type": "hidden", "value": "t", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "default", "attributes": {"name": "identifier", "type": "text", "disabled": false}, "messages": [],
             "meta": {"label": {"id": 1070004, "text": "ID", "type": "info"}}},
            {"type": "input", "group": "password", "attributes": {"name": "password", "type": "password", "disabled": false}, "messages": [],
             "meta": {"label": {"id": 1070001, "text": "Password", "type": "info"}}},
            {"type": "input", "group": "password", "attributes": {"name": "method", "type": "submit", "value": "password", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "code", "attributes": {"name": "method", "type": "submit", "value": "code", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "oidc", "attributes": {"name": "provider", "type": "submit", "value": "github", "disabled": false}, "messages": [],
             "meta": {"label": {"id": 1010002, "text": "Sign in with github", "type": "info", "context": {"provider": "github"}}}}
        ]}
    }));
    let (root, _guard) = mount_flow(flow);
    tick().await;
    let groups: Vec<Option<String>> = all(&root, "fieldset.lk-group")
        .iter()
        .map(|f| attr(f, "data-group"))
        .collect();
    assert_eq!(
        groups,
        [
            Some("oidc".into()),
            Some("default".into()),
            Some("password".into()),
            Some("code".into())
        ]
    );
    let legends: Vec<String> = all(&root, "fieldset > legend").iter().map(text).collect();
    assert!(legends.iter().all(|l| !l.is_empty()), "{legends:?}");
    // Social sign-in comes before an "or" divider, then the other methods.
    let divider = one(&root, ".lk-divider");
    let previous = divider.previous_element_sibling().unwrap();
    assert_eq!(attr(&previous, "data-group").as_deref(), Some("oidc"));
    assert_eq!(
        text(&one(&root, "button[value=github]")).trim(),
        "Sign in with github"
    );
    // The whole flow is still one form.
    assert_eq!(all(&root, "form").len(), 1);
    // The password method is the main action; the code method an alternative.
    let primary: Vec<_> = all(&root, "fieldset[data-primary]")
        .iter()
        .map(|f| attr(f, "data-group"))
        .collect();
    assert_eq!(primary, [Some("password".to_string())]);
}

#[wasm_bindgen_test]
async fn settings_groups_are_forms_of_their_own() {
    use leptos_kratos::components::FormLayout;
    use leptos_kratos::controller::{Submission, request_body};
    let submitted = RwSignal::new(Vec::<Submission>::new());
    let root = container();
    let _handle = mount_to(root.clone(), move || {
        let on_submit = Callback::new(move |s: Submission| submitted.update(|all| all.push(s)));
        view! { <FlowForm flow=Signal::stored(settings_flow()) on_submit layout=FormLayout::PerGroup /> }
    });
    tick().await;
    // Each section says in a line what it is for, as its description.
    let password = one(&root, "fieldset[data-group=password]");
    let about = one(&password, ".lk-group-about");
    assert_eq!(text(&about), "Change the password you sign in with.");
    assert_eq!(attr(&password, "aria-describedby"), attr(&about, "id"));
    let forms: Vec<Option<String>> = all(&root, "form")
        .iter()
        .map(|f| attr(f, "data-group"))
        .collect();
    assert_eq!(
        forms,
        [
            Some("profile".into()),
            Some("password".into()),
            Some("oidc".into())
        ]
    );
    for form in all(&root, "form") {
        assert_eq!(
            attr(&form, "action"),
            Some(format!("{}/self-service/settings?flow=s", origin()))
        );
        assert_eq!(
            all(&form, "input[name=csrf_token]").len(),
            1,
            "every form has the token"
        );
    }
    let ids: std::collections::HashSet<String> = all(&root, "[id]")
        .iter()
        .filter_map(|e| attr(e, "id"))
        .collect();
    assert_eq!(
        ids.len(),
        all(&root, "[id]").len(),
        "element ids stay unique"
    );
    type_into(&root, "input[name=password]", "a new passphrase");
    one(&root, "button[value=password]")
        .unchecked_ref::<HtmlElement>()
        .click();
    tick().await;
    let all_submitted = submitted.get_untracked();
    assert_eq!(all_submitted.len(), 1);
    assert_eq!(
        request_body(&all_submitted[0]),
        json!({"csrf_token": "tok", "password": "a new passphrase", "method": "password"}),
        "the profile is not sent with the password"
    );
    root.remove();
}

#[cfg(feature = "locale-de")]
#[wasm_bindgen_test]
async fn a_locale_translates_labels_messages_and_phrases() {
    use leptos_kratos::i18n::Phrase;
    let german = Translator::for_languages(&["de-AT", "en"]);
    assert_eq!(german.locale(), "de");
    let flow = flow_from(json!({
        "id": "f", "ui": {"action": "/self-service/login?flow=f", "method": "POST",
        "messages": [{"id": 4000006, "text": "The provided credentials are invalid.", "type": "error"}],
        "nodes": [{"type": "input", "group": "default", "attributes": {"name": "traits.email", "type": "email", "disabled": false},
                   "messages": [{"id": 4000002, "text": "Property email is missing.", "type": "error", "context": {"property": "email"}}],
                   "meta": {"label": {"id": 1070002, "text": "E-Mail", "type": "info", "context": {"title": "E-Mail"}}}},
                  {"type": "input", "group": "password", "attributes": {"name": "password", "type": "password", "disabled": false},
                   "messages": [], "meta": {"label": {"id": 1070001, "text": "Password", "type": "info"}}},
                  {"type": "input", "group": "future_method", "attributes": {"name": "x", "type": "submit", "value": "x", "disabled": false},
                   "messages": [], "meta": {"label": {"id": 9999999, "text": "Brand-new button", "type": "info"}}}]}
    }));
    let root = container();
    let shown = german.clone();
    let _handle = mount_to(root.clone(), move || {
        provide_context(shown);
        view! { <FlowForm flow=Signal::stored(flow) /> }
    });
    tick().await;
    let flow_text = text(&one(&root, ".lk-messages"));
    let expected = german.message(&flow_message_of(4000006, Value::Null));
    assert_eq!(flow_text, expected);
    assert_ne!(flow_text, english(&flow_message_of(4000006, Value::Null)));
    let node_text = text(&one(&root, ".lk-node-messages"));
    assert!(
        node_text.contains("email"),
        "context interpolated: {node_text}"
    );
    assert_ne!(
        node_text,
        english(&flow_message_of(4000002, json!({"property": "email"})))
    );
    assert_eq!(
        text(&one(&root, "label[for$=password]")).trim(),
        german.message(&flow_message_of(1070001, Value::Null))
    );
    // An id no catalogue knows: the server's own text, never the id.
    assert_eq!(
        text(&one(&root, "button[name=x]")).trim(),
        "Brand-new button"
    );
    let legend = text(&one(&root, "fieldset[data-group=password] legend"));
    assert_eq!(legend, german.phrase(Phrase::GroupPassword));
    root.remove();
}

#[wasm_bindgen_test]
async fn lookup_secrets_and_dates_are_readable() {
    let used_at = 1_700_000_000_i64;
    let (root, _guard) = mount_flow(flow_from(json!({
        "id": "f", "ui": {"action": "/self-service/login?flow=f", "method": "POST", "nodes": [
            {"type": "text", "group": "lookup_secret", "attributes": {"id": "lookup_secret_codes", "node_type": "text",
             "text": {"id": 1050015, "type": "info", "text": "abc, 1050014",
                      "context": {"secrets": [
                          {"id": 1050009, "type": "info", "text": "abc", "context": {"secret": "abc"}},
                          {"id": 1050014, "type": "info", "text": "Secret was used at 2023-11-14", "context": {"used_at_unix": used_at}}]}}},
             "messages": [], "meta": {}}
        ]}
    })));
    tick().await;
    let items = all(&root, "#lookup_secret_codes li");
    assert_eq!(items.len(), 2);
    assert_eq!(text(&items[0]), "abc");
    let used = text(&items[1]);
    assert!(used.contains("2023"), "a local date: {used}");
    assert!(
        !used.contains(&used_at.to_string()),
        "no raw timestamp: {used}"
    );
}

#[wasm_bindgen_test]
async fn enter_in_a_field_submits_its_own_method() {
    use leptos_kratos::controller::Submission;
    let submitted = RwSignal::new(Vec::<Submission>::new());
    let flow = flow_from(json!({
        "id": "f", "ui": {"action": "/self-service/login?flow=f", "method": "POST", "nodes": [
            {"type": "input", "group": "default", "attributes": {"name": "identifier", "type": "text", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "password", "attributes": {"name": "password", "type": "password", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "password", "attributes": {"name": "method", "type": "submit", "value": "password", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "code", "attributes": {"name": "method", "type": "submit", "value": "code", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "oidc", "attributes": {"name": "provider", "type": "submit", "value": "github", "disabled": false}, "messages": [], "meta": {}}
        ]}
    }));
    let root = container();
    let _handle = mount_to(root.clone(), move || {
        let on_submit = Callback::new(move |s: Submission| submitted.update(|all| all.push(s)));
        view! { <FlowForm flow=Signal::stored(flow) on_submit /> }
    });
    tick().await;
    // The social button comes first in the form, yet Enter signs in with the password.
    assert_eq!(
        attr(&all(&root, "button")[0], "value").as_deref(),
        Some("github")
    );
    for field in ["identifier", "password"] {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("Enter");
        init.set_bubbles(true);
        init.set_cancelable(true);
        let enter =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        one(&root, &format!("input[name={field}]"))
            .dispatch_event(&enter)
            .unwrap();
        assert!(enter.default_prevented(), "{field}: handled");
    }
    tick().await;
    let submitters: Vec<_> = submitted
        .get_untracked()
        .into_iter()
        .map(|s| s.submitter)
        .collect();
    let password = Some(("method".to_string(), "password".to_string()));
    assert_eq!(submitters, [password.clone(), password]);
    root.remove();
}

pub(crate) fn two_step_flow(active: Option<&str>, identifier_error: bool) -> Flow {
    let identifier_messages = if identifier_error {
        json!([{"id": 4000002, "type": "error", "text": "Property identifier is missing.", "context": {"property": "identifier"}}])
    } else {
        json!([])
    };
    flow_from(json!({
        "id": "f", "active": active, "ui": {"action": "/self-service/login?flow=f", "method": "POST", "nodes": [
            {"type": "input", "group": "default", "attributes": {"name": "csrf_token", "type": "hidden", "value": "tok", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "oidc", "attributes": {"name": "provider", "type": "submit", "value": "github", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "default", "attributes": {"name": "identifier", "type": "text", "required": true, "disabled": false}, "messages": identifier_messages, "meta": {}},
            {"type": "input", "group": "password", "attributes": {"name": "password", "type": "password", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "password", "attributes": {"name": "method", "type": "submit", "value": "password", "disabled": false}, "messages": [], "meta": {}},
            {"type": "input", "group": "code", "attributes": {"name": "method", "type": "submit", "value": "code", "disabled": false}, "messages": [], "meta": {}}
        ]}
    }))
}

/// The groups whose fieldsets are shown.
pub(crate) fn shown_groups(root: &Element) -> Vec<String> {
    all(root, "fieldset.lk-group:not([hidden])")
        .iter()
        .filter_map(|f| attr(f, "data-group"))
        .collect()
}

pub(crate) fn click(root: &Element, selector: &str) {
    one(root, selector).unchecked_ref::<HtmlElement>().click();
}

#[wasm_bindgen_test]
async fn two_step_layout_asks_identifier_then_method() {
    use leptos_kratos::components::FormLayout;
    use leptos_kratos::controller::Submission;
    let submitted = RwSignal::new(Vec::<Submission>::new());
    let flow = RwSignal::new(two_step_flow(None, false));
    let root = container();
    let _handle = mount_to(root.clone(), move || {
        let on_submit = Callback::new(move |s: Submission| submitted.update(|all| all.push(s)));
        view! { <FlowForm flow on_submit layout=FormLayout::TwoStep /> }
    });
    tick().await;
    let step = |root: &Element| attr(&one(root, ".lk-flow"), "data-step");
    assert_eq!(
        attr(&one(&root, ".lk-flow"), "data-layout").as_deref(),
        Some("two-step")
    );
    assert_eq!(step(&root).as_deref(), Some("identify"));
    assert_eq!(
        shown_groups(&root),
        ["oidc", "default"],
        "identifier and social sign-in first"
    );

    // An empty identifier keeps the first step.
    click(&root, "[data-step-next]");
    tick().await;
    assert_eq!(step(&root).as_deref(), Some("identify"));

    type_into(&root, "input[name=identifier]", "ada@example.com");
    click(&root, "[data-step-next]");
    tick().await;
    assert_eq!(step(&root).as_deref(), Some("choose"));
    assert!(shown_groups(&root).is_empty());
    let choices: Vec<_> = all(&root, "[data-choose]")
        .iter()
        .map(|b| (attr(b, "data-choose").unwrap(), text(b)))
        .collect();
    assert_eq!(
        choices,
        [
            ("password".to_string(), "Password".to_string()),
            ("code".to_string(), "One-time code".to_string())
        ]
    );

    click(&root, "[data-choose=password]");
    tick().await;
    assert_eq!(step(&root).as_deref(), Some("method"));
    assert_eq!(shown_groups(&root), ["password"]);
    assert_eq!(text(&one(&root, "[data-step-back]")), "Use another method");
    type_into(&root, "input[name=password]", "secret words");
    click(&root, "button[value=password]");
    tick().await;
    let body = leptos_kratos::controller::request_body(&submitted.get_untracked()[0]);
    assert_eq!(
        body,
        json!({"csrf_token": "tok", "identifier": "ada@example.com", "password": "secret words", "method": "password"}),
        "the hidden identifier step is submitted with the method"
    );

    // Kratos's answers pick the step: the method it names as active ...
    flow.set(two_step_flow(Some("code"), false));
    tick().await;
    assert_eq!(shown_groups(&root), ["code"]);
    // ... and errors on the identifier bring its step back.
    flow.set(two_step_flow(Some("password"), true));
    tick().await;
    assert_eq!(step(&root).as_deref(), Some("identify"));
    assert_eq!(
        attr(&one(&root, "input[name=identifier]"), "aria-invalid").as_deref(),
        Some("true")
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn overrides_wrap_or_replace_nodes_groups_and_messages() {
    use leptos_kratos::components::{NodeKind, Overrides};
    let mut flow = submission_flow();
    flow.ui.messages = vec![flow_message_of(4000006, json!({}))];
    let root = container();
    let _handle = mount_to(root.clone(), move || {
        let overrides = Overrides::new()
            .node_where(
                |node| node.name() == Some("identifier"),
                |_| {
                    Some(view! { <input class="custom-identifier" name="identifier" /> }.into_any())
                },
            )
            .node(NodeKind::Button, |cx| {
                Some(view! { <div class="custom-button">{cx.default_view()}</div> }.into_any())
            })
            .group(NodeGroup::Code, |cx| {
                let count = cx.nodes.with_untracked(Vec::len);
                Some(
                    view! { <p class="custom-code">{format!("{count} code nodes")}</p> }.into_any(),
                )
            })
            .messages(|cx| {
                Some(view! { <div class="custom-messages">{cx.default_view()}</div> }.into_any())
            });
        provide_context(overrides);
        view! { <FlowForm flow=Signal::stored(flow) /> }
    });
    tick().await;
    // Replaced by name; the default field is gone.
    assert_eq!(all(&root, "input[name=identifier]").len(), 1);
    one(&root, "input.custom-identifier");
    // Wrapped by kind: the default button inside the custom frame.
    let wrapped: Vec<_> = all(&root, ".custom-button > .lk-action button")
        .iter()
        .filter_map(|b| attr(b, "value"))
        .collect();
    assert!(wrapped.contains(&"password".to_string()), "{wrapped:?}");
    // A whole group replaced; its nodes were handed over.
    assert_eq!(text(&one(&root, ".custom-code")), "1 code nodes");
    assert!(root.query_selector("button[value=code]").unwrap().is_none());
    // The message list wrapped, still the live region with the message.
    let messages = one(&root, ".custom-messages > .lk-messages");
    assert_eq!(attr(&messages, "aria-live").as_deref(), Some("polite"));
    assert_eq!(all(&messages, ".lk-message").len(), 1);
    // Everything not overridden is the default.
    one(&root, ".lk-field input[name=password]");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_card_has_slots_classes_and_can_be_wrapped() {
    use leptos_kratos::components::{Card, Overrides};
    let root = container();
    let _handle = mount_to(root.clone(), move || {
        provide_context(Overrides::new().card(|cx| {
            let name = cx.name.clone();
            Some(
                view! { <div class="custom-card" data-name=name>{cx.default_view()}</div> }
                    .into_any(),
            )
        }));
        view! {
            <Card
                name="login"
                heading="Sign in"
                class="brand"
                header=|| view! { <img class="logo" alt="Acme" src="data:," /> }
                footer=|| view! { <small>"Terms"</small> }
            >
                <p class="content">"Hello"</p>
            </Card>
        }
    });
    tick().await;
    let card = one(
        &root,
        ".custom-card[data-name=login] > section.lk-card.brand",
    );
    assert_eq!(text(&one(&card, "h1.lk-title")), "Sign in");
    one(&card, "header.lk-card-header > img.logo");
    assert_eq!(text(&one(&card, "footer.lk-card-footer")), "Terms");
    assert_eq!(text(&one(&card, "p.content")), "Hello");
    let order: Vec<String> = all(&card, ":scope > *")
        .iter()
        .map(|e| e.tag_name().to_lowercase())
        .collect();
    assert_eq!(order, ["header", "h1", "p", "footer"]);
    root.remove();
}

#[wasm_bindgen_test]
async fn new_backup_codes_can_be_kept_and_are_confirmed_only_once_kept() {
    use leptos_kratos::controller::Submission;
    // The clipboard, as the page sees it.
    js_sys::Function::new_no_args(
        "Object.defineProperty(navigator.clipboard, 'writeText', {configurable: true,
           value: (text) => { window.__lkCopied = text; return Promise.resolve(); }});",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
    let submitted = RwSignal::new(Vec::<Submission>::new());
    let flow = flow_from(json!({
        "id": "s", "ui": {"action": "/self-service/settings?flow=s", "method": "POST", "nodes": [
            {"type": "input", "group": "default", "attributes": {"name": "csrf_token", "type": "hidden", "value": "t"}, "messages": [], "meta": {}},
            {"type": "text", "group": "lookup_secret", "attributes": {"id": "lookup_secret_codes", "node_type": "text",
             "text": {"id": 1050015, "type": "info", "text": "ab12, cd34",
                      "context": {"secrets": [
                          {"id": 1050009, "type": "info", "text": "ab12", "context": {"secret": "ab12"}},
                          {"id": 1050014, "type": "info", "text": "Secret was used", "context": {"used_at_unix": 1700000000}},
                          {"id": 1050009, "type": "info", "text": "cd34", "context": {"secret": "cd34"}}]}}},
             "messages": [], "meta": {}},
            {"type": "input", "group": "lookup_secret", "attributes": {"name": "lookup_secret_confirm", "type": "submit", "value": "true"}, "messages": [],
             "meta": {"label": {"id": 1050011, "text": "Confirm backup recovery codes", "type": "info"}}},
            {"type": "text", "group": "totp", "attributes": {"id": "totp_secret_key", "node_type": "text",
             "text": {"id": 1050006, "type": "info", "text": "JBSWY3DP", "context": {"secret": "JBSWY3DP"}}},
             "messages": [], "meta": {}}
        ]}
    }));
    let root = container();
    let _handle = mount_to(root.clone(), move || {
        let on_submit = Callback::new(move |s: Submission| submitted.update(|all| all.push(s)));
        view! { <FlowForm flow=Signal::stored(flow) on_submit /> }
    });
    tick().await;
    let codes = one(&root, "#lookup_secret_codes");
    // Download: the unused codes, one per line, as a text file.
    let download = one(&codes, "a[download]");
    assert_eq!(
        attr(&download, "download").as_deref(),
        Some("backup-codes.txt")
    );
    assert_eq!(
        attr(&download, "href").as_deref(),
        Some("data:text/plain;charset=utf-8,ab12%0Acd34%0A")
    );
    // Copy: the same text, and "Copied" is announced.
    one(&codes, "button.lk-keep")
        .unchecked_ref::<HtmlElement>()
        .click();
    until(|| text(&one(&codes, ".lk-keep-status")) == "Copied").await;
    let copied = js_sys::Reflect::get(&window(), &"__lkCopied".into()).unwrap();
    assert_eq!(copied.as_string().as_deref(), Some("ab12\ncd34\n"));
    // The TOTP key has its own copy button.
    let totp = one(&root, "#totp_secret_key");
    one(&totp, "button.lk-keep")
        .unchecked_ref::<HtmlElement>()
        .click();
    until(|| text(&one(&totp, ".lk-keep-status")) == "Copied").await;
    let copied = js_sys::Reflect::get(&window(), &"__lkCopied".into()).unwrap();
    assert_eq!(copied.as_string().as_deref(), Some("JBSWY3DP"));

    // Confirming before ticking the box sends nothing and says why.
    let confirm = one(&root, "button[name=lookup_secret_confirm]");
    confirm.unchecked_ref::<HtmlElement>().click();
    tick().await;
    assert!(submitted.get_untracked().is_empty());
    let check = one(&root, ".lk-confirm-kept input[type=checkbox]");
    assert_eq!(
        document().active_element().map(|e| e.id()),
        Some(check.id()),
        "focus moves to the box"
    );
    let hint = one(&root, ".lk-confirm-kept [data-type=error]");
    assert!(!hint.has_attribute("hidden"));
    assert_eq!(attr(&check, "aria-describedby"), Some(hint.id()));
    assert_eq!(
        attr(&check, "name"),
        None,
        "the box is never sent to Kratos"
    );
    check.unchecked_ref::<HtmlElement>().click();
    tick().await;
    confirm.unchecked_ref::<HtmlElement>().click();
    tick().await;
    let sent = submitted.get_untracked();
    assert_eq!(sent.len(), 1);
    assert_eq!(
        sent[0].submitter,
        Some(("lookup_secret_confirm".into(), "true".into()))
    );
    root.remove();
}
