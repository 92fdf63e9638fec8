//! The drop-in login app: `trunk serve` / `trunk build --release` build this
//! from `index.html`.

fn main() {
    leptos::mount::mount_to_body(leptos_kratos::app::App);
}
