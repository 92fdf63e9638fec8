//! # leptos-kratos-elements
//!
//! The flows of [leptos-kratos](leptos_kratos) as custom
//! elements, for pages that are not built with Leptos (plain HTML, Vue,
//! Svelte, Angular, a server's templates):
//!
//! ```html
//! <link rel="stylesheet" href="/kratos/leptos-kratos.css">
//! <script type="module" src="/kratos/kratos-elements.js"></script>
//! <kratos-login ui-base="/auth/" return-to="/dashboard"></kratos-login>
//! ```
//!
//! - [`settings`]: what each attribute means (pure, table-tested);
//! - [`events`]: the events an element sends instead of callbacks, and
//!   what their `detail` holds;
//! - `mount` (WebAssembly only): renders an element's flow into it with
//!   the library's components, under a
//!   [`KratosProvider`](leptos_kratos::provider::KratosProvider) of its own.
//!
//! The loader (`js/kratos-elements.js`) defines the elements, starts this
//! module once for all of them, and mounts an element again when one of
//! its attributes or its `texts` property changes. `.ci/build-elements`
//! builds the folder to deploy (loader, module, stylesheet, language
//! files, `package.json`). Everything is rendered into the element itself
//! (no shadow root), so the page's CSS and `leptos-kratos.css` apply.

pub mod events;
pub mod settings;

#[cfg(target_arch = "wasm32")]
mod mount;
#[cfg(target_arch = "wasm32")]
pub use mount::{Mounted, attributes, mount, tags};
