//! Browser tests: mount flows in headless Chromium and assert on the DOM,
//! one module per concern.
//!
//! Run with `.ci/test browser` (wasm-bindgen-test-runner + chromedriver).

#![cfg(target_arch = "wasm32")]

#[path = "../common/mod.rs"]
mod common;
mod support;

mod answers;
mod components;
mod fixtures;
mod hostile;
mod layout;
mod rendering;
mod scripts;
mod submissions;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
