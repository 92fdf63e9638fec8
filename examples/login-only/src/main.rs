//! The smallest app of leptos-kratos: one `<Login/>`, English, Kratos on
//! the page's origin. It measures what an app pays for a sign-in page:
//! `.ci/test bundle` builds it (`trunk build --release --config
//! examples/login-only/Trunk.toml`) and fails when its bundle outgrows the
//! budget in `.ci/budgets`.

use leptos::prelude::*;
use leptos_kratos::flows::Login;

fn main() {
    leptos::mount::mount_to_body(|| view! { <Login /> });
}
