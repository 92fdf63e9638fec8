//! How a flow's nodes are arranged: method groups in a configurable order,
//! as sections of one form or as one form per group (settings).

use crate::components::overrides::Overrides;
use crate::i18n::Phrase;
use crate::model::{InputType, NodeAttributes, NodeGroup, UiNode};

/// The order of method groups. Groups not listed follow in Kratos's order;
/// within a group, Kratos's order is kept.
///
/// ```
/// use leptos_kratos::components::GroupOrder;
/// use leptos_kratos::model::NodeGroup;
/// // Passkeys first, then the usual order.
/// let order = GroupOrder::new([NodeGroup::Passkey]).then(GroupOrder::sign_in());
/// assert!(order.rank(&NodeGroup::Passkey) < order.rank(&NodeGroup::Password));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupOrder(Vec<NodeGroup>);

impl GroupOrder {
    /// These groups first, in this order.
    pub fn new(groups: impl IntoIterator<Item = NodeGroup>) -> Self {
        Self(groups.into_iter().collect())
    }

    /// This order, then `other`'s for groups not listed here.
    pub fn then(mut self, other: GroupOrder) -> Self {
        for group in other.0 {
            if !self.0.contains(&group) {
                self.0.push(group);
            }
        }
        self
    }

    /// Login and registration: social sign-in first, then the identifier
    /// and profile, then password, codes, passkeys and the second factors.
    pub fn sign_in() -> Self {
        Self::new([
            NodeGroup::Oidc,
            NodeGroup::Saml,
            NodeGroup::Default,
            NodeGroup::IdentifierFirst,
            NodeGroup::Profile,
            NodeGroup::Captcha,
            NodeGroup::Password,
            NodeGroup::Code,
            NodeGroup::Link,
            NodeGroup::Passkey,
            NodeGroup::Webauthn,
            NodeGroup::Totp,
            NodeGroup::LookupSecret,
        ])
    }

    /// Settings: the profile first, then credentials, linked accounts and
    /// second factors.
    pub fn settings() -> Self {
        Self::new([
            NodeGroup::Default,
            NodeGroup::Profile,
            NodeGroup::Password,
            NodeGroup::Passkey,
            NodeGroup::Oidc,
            NodeGroup::Saml,
            NodeGroup::Totp,
            NodeGroup::Webauthn,
            NodeGroup::LookupSecret,
        ])
    }

    /// The position of a group (unlisted groups after all listed ones).
    pub fn rank(&self, group: &NodeGroup) -> usize {
        self.0
            .iter()
            .position(|g| g == group)
            .unwrap_or(self.0.len())
    }
}

impl Default for GroupOrder {
    fn default() -> Self {
        Self::sign_in()
    }
}

/// Whether a flow is one form or one form per method group.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FormLayout {
    /// One form; each group a fieldset (login, registration, recovery, verification).
    #[default]
    Single,
    /// One form per group, each with the flow's hidden fields (settings:
    /// saving the password does not submit the profile, and Enter in a
    /// field submits its own group).
    PerGroup,
    /// One form shown in steps: the identifier (and social sign-in), then a
    /// choice of method when there are several, then that method alone.
    /// A "use another method" button goes back. After an answer with
    /// errors the step that holds them is shown. Flows with one method or
    /// none look as with [`FormLayout::Single`].
    TwoStep,
}

impl FormLayout {
    /// The layout a flow component uses when none is given: one form per
    /// method for settings, one form otherwise.
    ///
    /// ```
    /// use leptos_kratos::components::FormLayout;
    /// use leptos_kratos::model::FlowKind;
    /// assert_eq!(FormLayout::default_for(FlowKind::Settings), FormLayout::PerGroup);
    /// assert_eq!(FormLayout::default_for(FlowKind::Login), FormLayout::Single);
    /// ```
    pub fn default_for(kind: crate::model::FlowKind) -> Self {
        match kind {
            crate::model::FlowKind::Settings => Self::PerGroup,
            _ => Self::Single,
        }
    }

    /// `data-layout` of the flow element.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Single => "single",
            Self::PerGroup => "per-group",
            Self::TwoStep => "two-step",
        }
    }
}

/// Whether a group holds the identifier and shared fields rather than a
/// method of its own (shown in the first step of [`FormLayout::TwoStep`]).
pub(crate) fn is_account_group(group: &NodeGroup) -> bool {
    matches!(group, NodeGroup::Default | NodeGroup::Captcha)
}

/// The phrase naming a group (fieldset legends).
pub fn group_phrase(group: &NodeGroup) -> Phrase {
    match group {
        NodeGroup::Default | NodeGroup::IdentifierFirst => Phrase::GroupAccount,
        NodeGroup::Profile => Phrase::GroupProfile,
        NodeGroup::Password => Phrase::GroupPassword,
        NodeGroup::Oidc | NodeGroup::Saml => Phrase::GroupSocial,
        NodeGroup::Code => Phrase::GroupCode,
        NodeGroup::Link => Phrase::GroupLink,
        NodeGroup::Totp => Phrase::GroupTotp,
        NodeGroup::LookupSecret => Phrase::GroupBackupCodes,
        NodeGroup::Webauthn => Phrase::GroupSecurityKeys,
        NodeGroup::Passkey => Phrase::GroupPasskeys,
        NodeGroup::Captcha => Phrase::GroupCaptcha,
        NodeGroup::Deviceauthn | NodeGroup::Unknown(_) => Phrase::GroupOther,
    }
}

/// Whether a group is social sign-in (shown apart, before an "or").
pub fn is_social(group: &NodeGroup) -> bool {
    matches!(group, NodeGroup::Oidc | NodeGroup::Saml)
}

/// A rendered node's identity across re-renders, and its element id.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct NodeRow {
    pub key: String,
    pub dom_id: String,
    pub node: UiNode,
}

/// A group of rows: a fieldset, or a form of its own.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Section {
    pub group: NodeGroup,
    pub rows: Vec<NodeRow>,
    /// Whether nothing in it is visible (only hidden inputs and scripts).
    pub hidden: bool,
    /// Whether an "or" follows it: social sign-in with other methods after.
    pub divider_after: bool,
    /// Whether its buttons are the form's main action: the first visible
    /// method with a button that is not social sign-in (one form only; the
    /// other methods' buttons are shown as alternatives).
    pub primary: bool,
    /// Whether it says in a line what the group is for (settings, where
    /// each group is a form of its own).
    pub described: bool,
}

/// Arranges nodes into sections by group, in `order`.
pub(crate) fn sections(
    prefix: &str,
    nodes: &[UiNode],
    order: &GroupOrder,
    layout: FormLayout,
    overrides: &Overrides,
) -> Vec<Section> {
    let mut rows = node_rows(prefix, nodes);
    overrides.sort_node_list(&mut rows, |row| &row.node);
    let mut sections: Vec<Section> = Vec::new();
    for row in rows {
        match sections.iter_mut().find(|s| s.group == row.node.group) {
            Some(section) => section.rows.push(row),
            None => sections.push(Section {
                group: row.node.group.clone(),
                rows: vec![row],
                hidden: true,
                divider_after: false,
                primary: false,
                described: layout == FormLayout::PerGroup,
            }),
        }
    }
    // Stable: groups of equal rank keep the order of their first node.
    crate::sort::sort_by_key(&mut sections, |section| order.rank(&section.group));
    overrides.sort_group_list(&mut sections, |section| &section.group);
    if layout == FormLayout::PerGroup {
        let shared: Vec<NodeRow> = sections
            .iter()
            .filter(|s| s.group == NodeGroup::Default)
            .flat_map(|s| s.rows.iter())
            .filter(|row| row.node.is_hidden())
            .cloned()
            .collect();
        sections.retain(|s| {
            s.group != NodeGroup::Default || s.rows.iter().any(|r| !r.node.is_hidden())
        });
        for section in &mut sections {
            if section.group == NodeGroup::Default {
                continue;
            }
            let group = slug(section.group.as_str());
            let copies = shared.iter().map(|row| NodeRow {
                key: format!("{}@{group}", row.key),
                dom_id: format!("{}-{group}", row.dom_id),
                node: row.node.clone(),
            });
            section.rows.splice(0..0, copies);
        }
    }
    for section in &mut sections {
        section.hidden = section.rows.iter().all(|row| row.node.is_hidden());
        resend_after_code(&mut section.rows);
    }
    if layout != FormLayout::PerGroup {
        for index in 0..sections.len() {
            // After the last visible social group, when a visible method follows.
            let next_visible = sections[index + 1..].iter().find(|s| !s.hidden);
            let others_follow = next_visible.is_some_and(|s| !is_social(&s.group));
            let section = &mut sections[index];
            section.divider_after = is_social(&section.group) && !section.hidden && others_follow;
        }
        let has_button = |section: &Section| {
            section.rows.iter().any(|row| {
                row.node
                    .input()
                    .is_some_and(|input| input.input_type.is_button())
            })
        };
        if let Some(main) = sections
            .iter_mut()
            .find(|s| !s.hidden && !is_social(&s.group) && has_button(s))
        {
            main.primary = true;
        }
    }
    sections
}

/// "Resend code" belongs to the code field: each resend button moves to
/// just after the group's one-time-code field (Kratos puts it after the
/// submit button). Without such a field the order is kept.
fn resend_after_code(rows: &mut Vec<NodeRow>) {
    let is_code = |row: &NodeRow| row.node.input().is_some_and(|i| i.is_one_time_code());
    let Some(code) = rows.iter().position(is_code) else {
        return;
    };
    let (resend, others): (Vec<NodeRow>, Vec<NodeRow>) =
        rows.drain(..).partition(|row| row.node.is_resend());
    rows.extend(others);
    let at = rows.iter().position(is_code).unwrap_or(code) + 1;
    rows.splice(at..at, resend);
}

/// The phrase describing a group in a line (settings sections).
pub fn group_description(group: &NodeGroup) -> Option<Phrase> {
    Some(match group {
        NodeGroup::Profile => Phrase::AboutProfile,
        NodeGroup::Password => Phrase::AboutPassword,
        NodeGroup::Oidc | NodeGroup::Saml => Phrase::AboutSocial,
        NodeGroup::Totp => Phrase::AboutTotp,
        NodeGroup::LookupSecret => Phrase::AboutBackupCodes,
        NodeGroup::Webauthn => Phrase::AboutSecurityKeys,
        NodeGroup::Passkey => Phrase::AboutPasskeys,
        _ => return None,
    })
}

/// What identifies a node across re-renders: its group, type and name (or
/// id), a button's value (several `method` buttons share a name), and a
/// fingerprint of everything else the element is built from (label,
/// `required`, `autocomplete`, an image's source, ...). A field whose value
/// or messages change keeps its element; anything else gets a new one.
fn node_key(node: &UiNode) -> String {
    let name = match &node.attributes {
        NodeAttributes::Input(input) if input.input_type.is_button() => {
            format!("{}={}", input.name, input.value_string())
        }
        NodeAttributes::Input(input) => format!("{}:{}", input.name, input.input_type),
        NodeAttributes::Script(script) => script.id.clone().unwrap_or_else(|| script.src.clone()),
        _ => node.id().unwrap_or_default().to_owned(),
    };
    format!(
        "{}/{}/{}#{:x}",
        node.group,
        node.node_type(),
        name,
        fingerprint(node)
    )
}

/// FNV-1a over the parts of a node that its element is built from once
/// (values and messages follow the flow reactively and are left out).
fn fingerprint(node: &UiNode) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |text: &str| {
        for byte in text.bytes().chain([0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    if let Some(label) = node.label() {
        feed(&label.id.to_string());
        feed(&label.text);
    }
    match &node.attributes {
        NodeAttributes::Input(input) => {
            feed(if input.is_required() { "r" } else { "" });
            feed(if input.is_disabled() { "d" } else { "" });
            feed(input.autocomplete.as_deref().unwrap_or_default());
            feed(input.pattern.as_deref().unwrap_or_default());
            feed(&input.maxlength.map(|m| m.to_string()).unwrap_or_default());
            if let Some(options) = &input.options {
                options.iter().for_each(|o| feed(&o.value.to_string()));
            }
            if let Some(trigger) = &input.onclick_trigger {
                feed(trigger.as_str());
            }
        }
        NodeAttributes::Image(image) => feed(&image.src),
        NodeAttributes::Anchor(anchor) => {
            feed(&anchor.href);
            if let Some(title) = &anchor.title {
                feed(&title.text);
            }
        }
        NodeAttributes::Division(div) => feed(div.class.as_deref().unwrap_or_default()),
        NodeAttributes::Script(script) => feed(script.integrity.as_deref().unwrap_or_default()),
        NodeAttributes::Text(_) | NodeAttributes::Unknown { .. } => {}
    }
    hash
}

/// An element id from a node name: ASCII letters, digits, `-` and `_`.
fn slug(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

fn node_rows(prefix: &str, nodes: &[UiNode]) -> Vec<NodeRow> {
    let mut seen = std::collections::HashMap::<String, usize>::new();
    nodes
        .iter()
        .map(|node| {
            let base_key = node_key(node);
            let count = seen.entry(base_key.clone()).or_default();
            *count += 1;
            let suffix = if *count > 1 {
                format!("-{count}")
            } else {
                String::new()
            };
            let name = match &node.attributes {
                NodeAttributes::Input(input) if input.input_type == InputType::Submit => {
                    format!("{}-{}", input.name, input.value_string())
                }
                _ => node
                    .name()
                    .or(node.id())
                    .unwrap_or(node.node_type())
                    .to_owned(),
            };
            NodeRow {
                key: format!("{base_key}{suffix}"),
                dom_id: format!("{prefix}-{}{suffix}", slug(&name)),
                node: node.clone(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn nodes(value: serde_json::Value) -> Vec<UiNode> {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn keys_and_ids_are_unique_and_stable() {
        let list = nodes(json!([
            {"type": "input", "group": "default", "attributes": {"name": "csrf_token", "type": "hidden", "value": "a"}},
            {"type": "input", "group": "default", "attributes": {"name": "traits.email", "type": "email", "value": "x"}},
            {"type": "input", "group": "oidc", "attributes": {"name": "provider", "type": "submit", "value": "github"}},
            {"type": "input", "group": "oidc", "attributes": {"name": "provider", "type": "submit", "value": "google"}},
            {"type": "input", "group": "code", "attributes": {"name": "method", "type": "hidden", "value": "code"}},
            {"type": "input", "group": "code", "attributes": {"name": "method", "type": "submit", "value": "code"}},
            {"type": "input", "group": "code", "attributes": {"name": "method", "type": "submit", "value": "code"}},
            {"type": "text", "group": "totp", "attributes": {"id": "totp_secret_key", "text": null}},
        ]));
        let rows = node_rows("lk1", &list);
        let keys: std::collections::HashSet<_> = rows.iter().map(|r| r.key.clone()).collect();
        let ids: std::collections::HashSet<_> = rows.iter().map(|r| r.dom_id.clone()).collect();
        assert_eq!(keys.len(), rows.len());
        assert_eq!(ids.len(), rows.len());
        assert_eq!(rows[1].dom_id, "lk1-traits-email");
        assert_eq!(rows[2].dom_id, "lk1-provider-github");

        // A new csrf token and a changed value keep the same keys.
        let mut changed = list.clone();
        if let NodeAttributes::Input(input) = &mut changed[0].attributes {
            input.value = Some(json!("b"));
        }
        if let NodeAttributes::Input(input) = &mut changed[1].attributes {
            input.value = Some(json!("y"));
        }
        let again = node_rows("lk1", &changed);
        assert_eq!(
            rows.iter().map(|r| &r.key).collect::<Vec<_>>(),
            again.iter().map(|r| &r.key).collect::<Vec<_>>()
        );
        // A changed label is a new element.
        let mut relabelled = list.clone();
        relabelled[5].meta.label = Some(crate::model::UiText {
            id: 1070009,
            text: "Continue".into(),
            ..Default::default()
        });
        assert_ne!(node_rows("lk1", &relabelled)[5].key, rows[5].key);
    }

    #[test]
    fn social_sign_in_is_followed_by_or() {
        let list = nodes(json!([
            {"type": "input", "group": "default", "attributes": {"name": "csrf_token", "type": "hidden", "value": "t"}},
            {"type": "input", "group": "oidc", "attributes": {"name": "provider", "type": "submit", "value": "github"}},
            {"type": "input", "group": "saml", "attributes": {"name": "provider", "type": "submit", "value": "acme"}},
            {"type": "input", "group": "password", "attributes": {"name": "password", "type": "password"}},
            {"type": "input", "group": "password", "attributes": {"name": "method", "type": "submit", "value": "password"}},
            {"type": "input", "group": "code", "attributes": {"name": "method", "type": "submit", "value": "code"}},
        ]));
        let all = sections(
            "p",
            &list,
            &GroupOrder::sign_in(),
            FormLayout::Single,
            &Overrides::new(),
        );
        let dividers: Vec<(&str, bool)> = all
            .iter()
            .map(|s| (s.group.as_str(), s.divider_after))
            .collect();
        assert_eq!(
            dividers,
            [
                ("oidc", false),
                ("saml", true),
                ("default", false),
                ("password", false),
                ("code", false)
            ]
        );
        let primary: Vec<&str> = all
            .iter()
            .filter(|s| s.primary)
            .map(|s| s.group.as_str())
            .collect();
        assert_eq!(
            primary,
            ["password"],
            "no buttons in the default group here"
        );
        let only_social = sections(
            "p",
            &list[..2],
            &GroupOrder::sign_in(),
            FormLayout::Single,
            &Overrides::new(),
        );
        assert!(
            only_social.iter().all(|s| !s.divider_after),
            "nothing follows"
        );
    }

    #[test]
    fn custom_sorters_reorder_nodes_and_groups() {
        let list = nodes(json!([
            {"type": "input", "group": "default", "attributes": {"name": "identifier", "type": "text"}},
            {"type": "input", "group": "password", "attributes": {"name": "method", "type": "submit", "value": "password"}},
            {"type": "input", "group": "password", "attributes": {"name": "password", "type": "password"}},
            {"type": "input", "group": "code", "attributes": {"name": "method", "type": "submit", "value": "code"}},
        ]));
        let overrides = Overrides::new()
            .sort_nodes(|a, b| {
                let button = |n: &UiNode| n.input().is_some_and(|i| i.input_type.is_button());
                button(a).cmp(&button(b))
            })
            .sort_groups(|a, b| {
                (*a == NodeGroup::Code)
                    .cmp(&(*b == NodeGroup::Code))
                    .reverse()
            });
        let sorted = sections(
            "p",
            &list,
            &GroupOrder::sign_in(),
            FormLayout::Single,
            &overrides,
        );
        let groups: Vec<&str> = sorted.iter().map(|s| s.group.as_str()).collect();
        assert_eq!(
            groups,
            ["code", "default", "password"],
            "code first, then the usual order"
        );
        let password: Vec<Option<&str>> = sorted[2].rows.iter().map(|r| r.node.name()).collect();
        assert_eq!(
            password,
            [Some("password"), Some("method")],
            "the button moved last"
        );
        assert!(sorted[0].primary, "the first method with a button leads");
    }

    #[test]
    fn resend_follows_the_code_field() {
        let names = |list: serde_json::Value| -> Vec<String> {
            let mut rows = node_rows("p", &nodes(list));
            resend_after_code(&mut rows);
            rows.iter()
                .map(|r| r.node.name().unwrap_or_default().to_owned())
                .collect()
        };
        let input = |name: &str, kind: &str| {
            json!({"type": "input", "group": "code",
            "attributes": {"name": name, "type": kind, "value": "x"}})
        };
        let cases = [
            // Login and registration: `resend=code` after the submit button.
            (
                json!([
                    input("method", "hidden"),
                    input("code", "text"),
                    input("method", "submit"),
                    input("resend", "submit")
                ]),
                ["method", "code", "resend", "method"].as_slice(),
            ),
            // Recovery and verification: the e-mail button.
            (
                json!([
                    input("code", "text"),
                    input("method", "submit"),
                    input("email", "submit")
                ]),
                ["code", "email", "method"].as_slice(),
            ),
            // Already in place.
            (
                json!([
                    input("code", "text"),
                    input("resend", "submit"),
                    input("method", "submit")
                ]),
                ["code", "resend", "method"].as_slice(),
            ),
            // No code field (the address step): nothing moves.
            (
                json!([input("email", "email"), input("method", "submit")]),
                ["email", "method"].as_slice(),
            ),
            (
                json!([input("resend", "submit"), input("method", "submit")]),
                ["resend", "method"].as_slice(),
            ),
        ];
        for (list, expected) in cases {
            assert_eq!(names(list.clone()), expected, "{list}");
        }
    }

    #[test]
    fn only_settings_sections_are_described() {
        let list = nodes(json!([
            {"type": "input", "group": "password", "attributes": {"name": "password", "type": "password"}},
        ]));
        for (layout, described) in [
            (FormLayout::Single, false),
            (FormLayout::TwoStep, false),
            (FormLayout::PerGroup, true),
        ] {
            let all = sections(
                "p",
                &list,
                &GroupOrder::settings(),
                layout,
                &Overrides::new(),
            );
            assert_eq!(all[0].described, described, "{layout:?}");
        }
        assert!(group_description(&NodeGroup::Password).is_some());
        assert!(group_description(&NodeGroup::Default).is_none());
    }

    #[test]
    fn sections_follow_the_group_order() {
        let list = nodes(json!([
            {"type": "input", "group": "default", "attributes": {"name": "identifier", "type": "text"}},
            {"type": "input", "group": "default", "attributes": {"name": "csrf_token", "type": "hidden", "value": "t"}},
            {"type": "input", "group": "password", "attributes": {"name": "password", "type": "password"}},
            {"type": "input", "group": "password", "attributes": {"name": "method", "type": "submit", "value": "password"}},
            {"type": "input", "group": "oidc", "attributes": {"name": "provider", "type": "submit", "value": "github"}},
            {"type": "input", "group": "brand_new", "attributes": {"name": "x", "type": "submit", "value": "1"}},
        ]));
        let single = sections(
            "p",
            &list,
            &GroupOrder::sign_in(),
            FormLayout::Single,
            &Overrides::new(),
        );
        let groups: Vec<&str> = single.iter().map(|s| s.group.as_str()).collect();
        assert_eq!(groups, ["oidc", "default", "password", "brand_new"]);
        assert_eq!(single[1].rows.len(), 2, "Kratos's order within a group");

        let settings = nodes(json!([
            {"type": "input", "group": "default", "attributes": {"name": "csrf_token", "type": "hidden", "value": "t"}},
            {"type": "input", "group": "oidc", "attributes": {"name": "link", "type": "submit", "value": "github"}},
            {"type": "input", "group": "profile", "attributes": {"name": "traits.email", "type": "email"}},
            {"type": "input", "group": "password", "attributes": {"name": "password", "type": "password"}},
        ]));
        let per_group = sections(
            "p",
            &settings,
            &GroupOrder::settings(),
            FormLayout::PerGroup,
            &Overrides::new(),
        );
        let groups: Vec<&str> = per_group.iter().map(|s| s.group.as_str()).collect();
        assert_eq!(
            groups,
            ["profile", "password", "oidc"],
            "no form for hidden defaults alone"
        );
        for section in &per_group {
            assert_eq!(
                section.rows[0].node.name(),
                Some("csrf_token"),
                "each form carries the token"
            );
        }
        let ids: std::collections::HashSet<_> = per_group
            .iter()
            .flat_map(|s| s.rows.iter().map(|r| r.dom_id.clone()))
            .collect();
        assert_eq!(
            ids.len(),
            per_group.iter().map(|s| s.rows.len()).sum::<usize>(),
            "ids stay unique"
        );
        assert!(!per_group[0].hidden);
    }
}
