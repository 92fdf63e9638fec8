//! Customisation without forking: renderers that replace (or wrap) how a
//! node, a method group, a message list or the card is drawn, and sorters
//! for nodes and groups.
//!
//! Each renderer receives a context that can still draw the library's own
//! default ([`NodeContext::default_view`], ...), so an override can wrap the
//! default instead of re-implementing it. Renderers are tried in the order
//! they were added; the first that answers `Some` wins, `None` passes on.

use std::cmp::Ordering;
use std::sync::Arc;

use leptos::prelude::*;

use crate::model::{FlowKind, InputType, NodeAttributes, NodeGroup, UiNode, UiText};

/// What kind of element a node becomes; overrides can be registered per kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NodeKind {
    /// `<input type=hidden>` (CSRF token, method, ...).
    Hidden,
    /// A submit or plain button (`type=submit|button`).
    Button,
    /// The button sending a new one-time code ([`UiNode::is_resend`]).
    Resend,
    /// An input with `options`: a `<select>`.
    Select,
    /// A checkbox.
    Checkbox,
    /// Any other input (text, e-mail, password, code, date, ...).
    Field,
    /// An `img` node (e.g. the TOTP QR code).
    Image,
    /// An `a` node.
    Anchor,
    /// A `text` node (TOTP secret, backup codes, ...).
    Text,
    /// A `script` node (nothing visible).
    Script,
    /// A `div` node (e.g. a captcha container).
    Division,
    /// A node type this version does not know.
    Unknown,
}

impl NodeKind {
    /// The kind of a node.
    ///
    /// ```
    /// use leptos_kratos::components::NodeKind;
    /// use leptos_kratos::model::UiNode;
    /// let node: UiNode = serde_json::from_value(serde_json::json!({
    ///     "type": "input", "group": "password", "messages": [], "meta": {},
    ///     "attributes": {"node_type": "input", "name": "method", "type": "submit", "value": "password"}
    /// })).unwrap();
    /// assert_eq!(NodeKind::of(&node), NodeKind::Button);
    /// ```
    pub fn of(node: &UiNode) -> Self {
        match &node.attributes {
            NodeAttributes::Input(input) if input.input_type == InputType::Hidden => Self::Hidden,
            NodeAttributes::Input(_) if node.is_resend() => Self::Resend,
            NodeAttributes::Input(input) if input.input_type.is_button() => Self::Button,
            NodeAttributes::Input(input)
                if input.options.as_ref().is_some_and(|o| !o.is_empty()) =>
            {
                Self::Select
            }
            NodeAttributes::Input(input) if input.input_type == InputType::Checkbox => {
                Self::Checkbox
            }
            NodeAttributes::Input(_) => Self::Field,
            NodeAttributes::Image(_) => Self::Image,
            NodeAttributes::Anchor(_) => Self::Anchor,
            NodeAttributes::Text(_) => Self::Text,
            NodeAttributes::Script(_) => Self::Script,
            NodeAttributes::Division(_) => Self::Division,
            NodeAttributes::Unknown { .. } => Self::Unknown,
        }
    }
}

/// What a node renderer gets.
#[derive(Clone)]
pub struct NodeContext {
    /// The node; it follows the flow (values and messages change in place).
    pub node: Signal<UiNode>,
    /// The element id the default rendering uses (labels point at it).
    pub dom_id: String,
    /// The node's kind.
    pub kind: NodeKind,
    pub(crate) default: fn(&NodeContext) -> AnyView,
}

impl NodeContext {
    /// The library's own rendering of this node.
    pub fn default_view(&self) -> AnyView {
        (self.default)(self)
    }
}

/// What a group renderer gets.
#[derive(Clone)]
pub struct GroupContext {
    /// The method group.
    pub group: NodeGroup,
    /// The group's nodes, in display order.
    pub nodes: Signal<Vec<UiNode>>,
    pub(crate) default: ViewFn,
}

impl GroupContext {
    /// The library's own rendering of this group (a fieldset whose nodes
    /// still go through the node overrides).
    pub fn default_view(&self) -> AnyView {
        self.default.run()
    }
}

/// What a message-list renderer gets (the flow's `ui.messages`).
#[derive(Clone)]
pub struct MessagesContext {
    /// The messages; the list changes after each answer.
    pub messages: Signal<Vec<UiText>>,
    pub(crate) default: fn(&MessagesContext) -> AnyView,
}

impl MessagesContext {
    /// The library's own rendering: a polite live region of messages.
    pub fn default_view(&self) -> AnyView {
        (self.default)(self)
    }
}

/// What a card renderer gets: the frame around a flow, a session list or
/// an error.
#[derive(Clone)]
pub struct CardContext {
    /// The flow the card shows, if it shows one.
    pub kind: Option<FlowKind>,
    /// `data-flow` of the card (the flow kind or another page name).
    pub name: String,
    /// The heading text (it can change from step to step: "Check your
    /// email" once a code was sent).
    pub heading: Signal<String>,
    /// The card's content (messages, form, links).
    pub content: ViewFn,
    pub(crate) default: ViewFn,
}

impl CardContext {
    /// The library's own card with this heading and content.
    pub fn default_view(&self) -> AnyView {
        self.default.run()
    }
}

type Renderer<C> = Arc<dyn Fn(&C) -> Option<AnyView> + Send + Sync>;
type NodeOrder = Arc<dyn Fn(&UiNode, &UiNode) -> Ordering + Send + Sync>;
type GroupOrdering = Arc<dyn Fn(&NodeGroup, &NodeGroup) -> Ordering + Send + Sync>;

/// Custom renderers and sorters. Provide it to the components with
/// [`KratosProvider`](crate::provider::KratosProvider) (or
/// `provide_context`); every flow component below uses it.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::components::{NodeKind, Overrides};
/// use leptos_kratos::model::NodeGroup;
///
/// let overrides = Overrides::new()
///     // Wrap every button: the default button inside a custom frame.
///     .node(NodeKind::Button, |cx| {
///         Some(view! { <div class="my-button">{cx.default_view()}</div> }.into_any())
///     })
///     // Replace one field by name; other nodes keep the default.
///     .node_where(
///         |node| node.name() == Some("traits.email"),
///         |cx| Some(view! { <div class="my-email">{cx.default_view()}</div> }.into_any()),
///     )
///     // A heading above social sign-in.
///     .group(NodeGroup::Oidc, |cx| {
///         Some(view! { <p>"Continue with"</p> {cx.default_view()} }.into_any())
///     })
///     // Within each group, buttons last, otherwise Kratos's order.
///     .sort_nodes(|a, b| {
///         let is_button = |n: &leptos_kratos::model::UiNode| n.input().is_some_and(|i| i.input_type.is_button());
///         is_button(a).cmp(&is_button(b))
///     });
/// ```
#[derive(Clone, Default)]
pub struct Overrides {
    nodes: Vec<Renderer<NodeContext>>,
    groups: Vec<Renderer<GroupContext>>,
    messages: Vec<Renderer<MessagesContext>>,
    cards: Vec<Renderer<CardContext>>,
    node_order: Option<NodeOrder>,
    group_order: Option<GroupOrdering>,
}

impl std::fmt::Debug for Overrides {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Overrides")
            .field("nodes", &self.nodes.len())
            .field("groups", &self.groups.len())
            .field("messages", &self.messages.len())
            .field("cards", &self.cards.len())
            .field("node_order", &self.node_order.is_some())
            .field("group_order", &self.group_order.is_some())
            .finish()
    }
}

impl Overrides {
    /// No overrides: everything renders the library's way.
    pub fn new() -> Self {
        Self::default()
    }

    /// Renders nodes of one kind (every button, every image, ...).
    pub fn node(
        self,
        kind: NodeKind,
        render: impl Fn(&NodeContext) -> Option<AnyView> + Send + Sync + 'static,
    ) -> Self {
        self.node_where_context(move |cx| cx.kind == kind, render)
    }

    /// Renders the nodes `matches` selects (by name, group, message, ...).
    pub fn node_where(
        self,
        matches: impl Fn(&UiNode) -> bool + Send + Sync + 'static,
        render: impl Fn(&NodeContext) -> Option<AnyView> + Send + Sync + 'static,
    ) -> Self {
        self.node_where_context(move |cx| cx.node.with_untracked(&matches), render)
    }

    fn node_where_context(
        mut self,
        matches: impl Fn(&NodeContext) -> bool + Send + Sync + 'static,
        render: impl Fn(&NodeContext) -> Option<AnyView> + Send + Sync + 'static,
    ) -> Self {
        self.nodes.push(Arc::new(move |cx| {
            matches(cx).then(|| render(cx)).flatten()
        }));
        self
    }

    /// Renders one method group (all of it: legend, nodes, frame).
    pub fn group(
        mut self,
        group: NodeGroup,
        render: impl Fn(&GroupContext) -> Option<AnyView> + Send + Sync + 'static,
    ) -> Self {
        self.groups.push(Arc::new(move |cx| {
            (cx.group == group).then(|| render(cx)).flatten()
        }));
        self
    }

    /// Renders every method group (answer `None` to keep the default).
    pub fn groups(
        mut self,
        render: impl Fn(&GroupContext) -> Option<AnyView> + Send + Sync + 'static,
    ) -> Self {
        self.groups.push(Arc::new(render));
        self
    }

    /// Renders the flow's message list (`ui.messages`).
    pub fn messages(
        mut self,
        render: impl Fn(&MessagesContext) -> Option<AnyView> + Send + Sync + 'static,
    ) -> Self {
        self.messages.push(Arc::new(render));
        self
    }

    /// Renders the card around flows, session lists and errors.
    pub fn card(
        mut self,
        render: impl Fn(&CardContext) -> Option<AnyView> + Send + Sync + 'static,
    ) -> Self {
        self.cards.push(Arc::new(render));
        self
    }

    /// Orders the nodes within each group (stable: equal nodes keep
    /// Kratos's order). Hidden inputs and scripts are not affected in
    /// effect, since they take no space.
    pub fn sort_nodes(
        mut self,
        order: impl Fn(&UiNode, &UiNode) -> Ordering + Send + Sync + 'static,
    ) -> Self {
        self.node_order = Some(Arc::new(order));
        self
    }

    /// Orders the method groups, after (and instead of) the
    /// [`GroupOrder`](super::GroupOrder) in use.
    pub fn sort_groups(
        mut self,
        order: impl Fn(&NodeGroup, &NodeGroup) -> Ordering + Send + Sync + 'static,
    ) -> Self {
        self.group_order = Some(Arc::new(order));
        self
    }

    pub(crate) fn render_node(&self, cx: &NodeContext) -> Option<AnyView> {
        self.nodes.iter().find_map(|render| render(cx))
    }

    pub(crate) fn render_group(&self, cx: &GroupContext) -> Option<AnyView> {
        self.groups.iter().find_map(|render| render(cx))
    }

    pub(crate) fn render_messages(&self, cx: &MessagesContext) -> Option<AnyView> {
        self.messages.iter().find_map(|render| render(cx))
    }

    pub(crate) fn render_card(&self, cx: &CardContext) -> Option<AnyView> {
        self.cards.iter().find_map(|render| render(cx))
    }

    /// Sorts nodes with the custom node order, if any (stable).
    pub(crate) fn sort_node_list<T>(&self, items: &mut [T], node: impl Fn(&T) -> &UiNode) {
        if let Some(order) = &self.node_order {
            crate::sort::sort_by(items, |a, b| order(node(a), node(b)));
        }
    }

    /// Sorts groups with the custom group order, if any (stable).
    pub(crate) fn sort_group_list<T>(&self, items: &mut [T], group: impl Fn(&T) -> &NodeGroup) {
        if let Some(order) = &self.group_order {
            crate::sort::sort_by(items, |a, b| order(group(a), group(b)));
        }
    }
}

/// The overrides in context, or none.
pub fn use_overrides() -> Overrides {
    use_context::<Overrides>().unwrap_or_default()
}
