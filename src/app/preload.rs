//! Checks on `preload.js`, the script that asks Kratos for what the drop-in
//! app's first page needs while the WebAssembly module is still loading,
//! so the two overlap instead of adding up. It is a classic script file
//! (not inline: strict Content-Security-Policy) in `index.html`'s `<head>`,
//! before the module.
//!
//! Its requests are exactly the app's own: the same URL (Kratos's address
//! from `<meta name="kratos-url">`, the flow's path, the page's parameters
//! that Kratos accepts for the flow, in order, empty ones left out; for a
//! `?flow=` the flow by id; `whoami` on the home and settings pages), the
//! same options (credentials included, `Accept: application/json`,
//! redirects followed) and the client's 30 s limit. The app's client takes
//! an answer once, for the same URL, on the same page
//! (`window.__kratosPreload.take`); anything else — another URL, a second
//! request, another page, a failed preload — asks Kratos itself.
//!
//! The script's copy of the parameters Kratos accepts must be the model's,
//! or its request would differ from the app's and go unused: the test below
//! compares them.

use crate::model::FlowKind;

const SCRIPT: &str = include_str!("preload.js");

/// The parameters the script forwards for `kind`: the strings of its
/// `  <kind>: [...]` line.
fn script_parameters(kind: FlowKind) -> Vec<&'static str> {
    let start = format!("    {}: [", kind.as_str());
    let line = SCRIPT
        .lines()
        .find(|line| line.starts_with(&start))
        .unwrap_or_else(|| panic!("preload.js has no line for {kind}"));
    line.split('\'').skip(1).step_by(2).collect()
}

#[test]
fn the_script_forwards_what_the_app_forwards() {
    for kind in FlowKind::ALL {
        assert_eq!(script_parameters(kind), kind.create_parameters(), "{kind}");
    }
}
