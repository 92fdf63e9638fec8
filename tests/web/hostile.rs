//! Hostile flows (tests/hostile/): nothing runs, nothing leaves the origin, the rest of the form works.

use crate::support::*;

pub(crate) const HOSTILE: [(&str, &str); 4] = [
    ("urls.json", include_str!("../hostile/urls.json")),
    ("text.json", include_str!("../hostile/text.json")),
    ("scripts.json", include_str!("../hostile/scripts.json")),
    ("types.json", include_str!("../hostile/types.json")),
];

pub(crate) fn hostile(name: &str) -> Value {
    let (_, text) = HOSTILE.iter().find(|(file, _)| *file == name).unwrap();
    serde_json::from_str(text).unwrap()
}

pub(crate) fn js_get(name: &str) -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(&window(), &name.into()).unwrap()
}

/// Replaces the functions a trigger name could reach (`alert`, `open`,
/// `confirm`, `prompt`) with spies that mark the page as compromised.
pub(crate) fn install_spies() {
    js_sys::Reflect::set(
        &window(),
        &"__lkPwned".into(),
        &wasm_bindgen::JsValue::UNDEFINED,
    )
    .unwrap();
    for name in ["alert", "open", "confirm", "prompt"] {
        let spy = js_sys::Function::new_no_args(&format!("window.__lkPwned = '{name}';"));
        js_sys::Reflect::set(&window(), &name.into(), &spy).unwrap();
    }
}

/// Whether `href` is an http(s) URL on the test page's origin.
pub(crate) fn same_origin(href: &str) -> bool {
    web_sys::Url::new_with_base(href, &window().location().href().unwrap())
        .map(|url| url.origin() == origin())
        .unwrap_or(false)
}

pub(crate) async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The checks every hostile flow must pass once rendered in `root`.
pub(crate) fn check_nothing_escaped(file: &str, root: &Element) {
    assert!(
        js_get("__lkPwned").is_undefined(),
        "{file}: {:?}",
        js_get("__lkPwned")
    );
    // The good nodes are there and usable.
    assert_eq!(
        attr(&one(root, "input[name=csrf_token]"), "value").as_deref(),
        Some("good-token"),
        "{file}"
    );
    one(root, "input[name=identifier]");
    one(root, "input[name=password][type=password]");
    one(root, "button[name=method][value=password]");
    // No inline handlers, no markup from Kratos's text.
    for element in all(root, "*") {
        let names = element.get_attribute_names();
        for index in 0..names.length() {
            let name = names.get(index).as_string().unwrap_or_default();
            assert!(
                !name.starts_with("on"),
                "{file}: {name} on <{}>",
                element.tag_name()
            );
        }
    }
    assert!(
        all(root, "iframe, svg, b, object, embed").is_empty(),
        "{file}"
    );
    assert!(
        all(root, "script").is_empty(),
        "{file}: no script inside the form"
    );
    // Links: http(s) on this origin, or elsewhere with rel=noopener noreferrer.
    // Downloads of shown secrets: a plain-text file, never a page.
    for link in all(root, "a[download]") {
        let href = attr(&link, "href").unwrap_or_default();
        assert!(
            href.starts_with("data:text/plain;charset=utf-8,")
                && !href.contains(['<', '>', '"', ' ']),
            "{file}: {href}"
        );
    }
    for link in all(root, "a:not([download])") {
        let href = attr(&link, "href").unwrap_or_default();
        let parsed =
            web_sys::Url::new_with_base(&href, &window().location().href().unwrap()).unwrap();
        assert!(
            matches!(parsed.protocol().as_str(), "http:" | "https:"),
            "{file}: {href}"
        );
        if !same_origin(&href) {
            assert_eq!(
                attr(&link, "rel").as_deref(),
                Some("noopener noreferrer"),
                "{file}: {href}"
            );
        }
    }
    // Images: none from elsewhere by a relative trick, none scripted.
    for image in all(root, "img") {
        if let Some(src) = attr(&image, "src") {
            assert!(
                src.starts_with("data:image/") || same_origin(&src),
                "{file}: {src}"
            );
        }
    }
    // Scripts the library added to the page: this origin only.
    for script in all(
        &document().document_element().unwrap(),
        "script[data-lk-script]",
    ) {
        let src = attr(&script, "src").unwrap_or_default();
        assert!(same_origin(&src), "{file}: script {src}");
    }
    // The form posts only to this origin's flow endpoint, or nowhere.
    for form in all(root, "form") {
        assert_eq!(attr(&form, "method").as_deref(), Some("post"), "{file}");
        if let Some(action) = attr(&form, "action") {
            assert!(
                same_origin(&action) && action.contains("/self-service/login?"),
                "{file}: {action}"
            );
        }
    }
}

#[wasm_bindgen_test]
async fn hostile_flows_run_nothing_and_keep_the_good_nodes() {
    use leptos_kratos::controller::Submission;
    for (file, _) in HOSTILE {
        install_spies();
        let submitted = RwSignal::new(0);
        let root = container();
        let flow = Flow::from_json(&hostile(file)).unwrap();
        let handle = mount_to(root.clone(), move || {
            let on_submit = Callback::new(move |_: Submission| submitted.update(|n| *n += 1));
            view! { <FlowForm flow=Signal::stored(flow) on_submit /> }
        });
        tick().await;
        pause(100).await;
        // Press everything: triggers, links are not followed (no href to
        // javascript:), submit buttons hand over to the callback or not at all.
        // (The show-password toggle is the library's, not a node: tested on its own.)
        for button in all(&root, "button:not(.lk-reveal)") {
            button.unchecked_ref::<HtmlElement>().click();
        }
        pause(50).await;
        check_nothing_escaped(file, &root);
        let foreign = file == "urls.json";
        if foreign {
            assert_eq!(
                submitted.get_untracked(),
                0,
                "{file}: a foreign action is never sent"
            );
            let alert = one(&root, ".lk-refused");
            assert_eq!(attr(&alert, "role").as_deref(), Some("alert"));
        } else {
            assert!(
                submitted.get_untracked() > 0,
                "{file}: the good form submits"
            );
        }
        drop(handle);
        root.remove();
    }
    // Every broken part of types.json was dropped or degraded alone.
    let flow = Flow::from_json(&hostile("types.json")).unwrap();
    assert!(flow.skipped >= 8, "{}", flow.skipped);
    assert_eq!(flow.ui.messages.len(), 2);
}
