//! Backup codes (lookup secrets): new codes, the settings nodes, and
//! redeeming one code as the second factor.

use leptos_kratos::model::{NodeGroup, UiNode};
use serde_json::{Value, json};

use crate::nodes::{submit, text as text_node};
use crate::store::{IdentityRecord, Store};
use crate::strategies::Verdict;
use crate::text;

/// Twelve new codes (`1234-5678`), not yet stored: the person confirms them first.
pub fn new_codes() -> Vec<String> {
    (0..12)
        .map(|_| {
            let n: u64 = rand::random::<u64>() % 100_000_000;
            format!("{:04}-{:04}", n / 10_000, n % 10_000)
        })
        .collect()
}

/// Redeems `submitted` for the identity: each code works once.
pub fn redeem(store: &mut Store, identity_id: &str, submitted: &str) -> Verdict<()> {
    let Some(identity) = store.identities.get_mut(identity_id) else {
        return Verdict::Failed(text::lookup_invalid());
    };
    match identity
        .lookup_codes
        .iter_mut()
        .find(|c| c.code == submitted.trim())
    {
        None => Verdict::Failed(text::lookup_invalid()),
        Some(code) if code.used_at.is_some() => Verdict::Failed(text::lookup_used()),
        Some(code) => {
            code.used_at = Some(crate::time::now());
            Verdict::Verified(())
        }
    }
}

/// The backup-code nodes: reveal/regenerate/disable, the codes when shown,
/// confirm for freshly generated ones.
pub fn nodes(identity: &IdentityRecord, pending: Option<&[String]>, reveal: bool) -> Vec<UiNode> {
    let button = |name: &str, id: i64, label: &str| {
        submit(NodeGroup::LookupSecret, name, "true", text::info(id, label))
    };
    let codes_node = |secrets: Vec<Value>, joined: String| {
        text_node(
            NodeGroup::LookupSecret,
            "lookup_secret_codes",
            text::info_with(1050015, joined, json!({"secrets": secrets})),
            text::info(
                1050010,
                "These are your back up recovery codes. Please keep them in a safe place!",
            ),
        )
    };
    let mut nodes = Vec::new();
    if let Some(pending) = pending {
        let secrets = pending
            .iter()
            .map(|c| json!(text::info_with(1050009, c.clone(), json!({"secret": c}))))
            .collect();
        nodes.push(codes_node(secrets, pending.join(", ")));
        nodes.push(button(
            "lookup_secret_confirm",
            1050011,
            "Confirm backup recovery codes",
        ));
        nodes.push(button(
            "lookup_secret_regenerate",
            1050008,
            "Generate new backup recovery codes",
        ));
    } else if identity.lookup_codes.is_empty() {
        nodes.push(button(
            "lookup_secret_regenerate",
            1050008,
            "Generate new backup recovery codes",
        ));
    } else if reveal {
        let secrets = identity
            .lookup_codes
            .iter()
            .map(|c| match c.used_at {
                None => json!(text::info_with(
                    1050009,
                    c.code.clone(),
                    json!({"secret": c.code})
                )),
                Some(used) => json!(text::info_with(
                    1050014,
                    format!("Secret was used at {}", crate::time::rfc3339(used)),
                    json!({"used_at": crate::time::rfc3339(used), "used_at_unix": used / 1000}),
                )),
            })
            .collect();
        let joined = identity
            .lookup_codes
            .iter()
            .map(|c| {
                if c.used_at.is_some() {
                    "used".to_owned()
                } else {
                    c.code.clone()
                }
            })
            .collect::<Vec<_>>()
            .join(", ");
        nodes.push(codes_node(secrets, joined));
        nodes.push(button(
            "lookup_secret_regenerate",
            1050008,
            "Generate new backup recovery codes",
        ));
        nodes.push(button(
            "lookup_secret_disable",
            1050016,
            "Disable this method",
        ));
    } else {
        nodes.push(button(
            "lookup_secret_reveal",
            1050007,
            "Reveal backup recovery codes",
        ));
        nodes.push(button(
            "lookup_secret_disable",
            1050016,
            "Disable this method",
        ));
    }
    nodes
}
