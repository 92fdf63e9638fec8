//! What the browser tests share: mounting, queries on the DOM, fixture
//! flows, and the imports every module uses.

pub use leptos::mount::mount_to;
pub use leptos::prelude::*;
pub use leptos::task::tick;
pub use leptos_kratos::components::{ErrorView, FlowForm, GroupOrder};
pub use leptos_kratos::config::KratosConfig;
pub use leptos_kratos::i18n::Translator;
pub use leptos_kratos::model::*;
pub use serde_json::{Value, json};
pub use wasm_bindgen::JsCast;
pub use wasm_bindgen_test::*;
pub use web_sys::{Element, HtmlElement, HtmlInputElement};

pub(crate) use crate::common;
pub(crate) use crate::common::fixture_flow;

/// A fresh element in the page to mount into.
pub(crate) fn container() -> HtmlElement {
    let document = document();
    let section = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&section).unwrap();
    section.unchecked_into()
}

/// What the English catalogue shows for a Kratos message.
pub(crate) fn english(message: &UiText) -> String {
    Translator::default().message(message)
}

pub(crate) fn flow_from(value: Value) -> Flow {
    serde_json::from_value(value).unwrap()
}

/// Mounts a flow form; the returned guard unmounts it when dropped.
pub(crate) fn mount_flow(flow: Flow) -> (HtmlElement, impl Drop) {
    mount_flow_with(KratosConfig::default(), flow)
}

/// Mounts a flow form under this configuration.
pub(crate) fn mount_flow_with(config: KratosConfig, flow: Flow) -> (HtmlElement, impl Drop) {
    let root = container();
    let handle = mount_to(root.clone(), move || {
        provide_context(config);
        view! { <FlowForm flow=Signal::stored(flow) /> }
    });
    (root.clone(), Unmount(handle, root))
}

/// The test page's origin (where Kratos is when `kratos_url` is empty).
pub(crate) fn origin() -> String {
    window().location().origin().unwrap()
}

pub(crate) struct Unmount<T>(pub(crate) T, pub(crate) HtmlElement);

impl<T> Drop for Unmount<T> {
    fn drop(&mut self) {
        self.1.remove();
    }
}

pub(crate) fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|node| node.unchecked_into::<Element>())
        .collect()
}

pub(crate) fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}: {}", root.inner_html()))
}

pub(crate) fn attr(element: &Element, name: &str) -> Option<String> {
    element.get_attribute(name)
}

pub(crate) fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}
