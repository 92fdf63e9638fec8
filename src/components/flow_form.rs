//! The form of a flow: `ui.messages` above a `<form>` with every node in
//! Kratos's order.

use std::sync::atomic::{AtomicU32, Ordering};

use leptos::ev::{KeyboardEvent, SubmitEvent};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::input::SubmissionRejected;
use super::layout::{
    FormLayout, GroupOrder, Section, group_phrase, is_account_group, is_social, sections,
};
use super::messages::FlowMessages;
use super::node::Node;
use super::overrides::{GroupContext, use_overrides};
use super::script::provide_webauthn;
use crate::config::use_config;
use crate::controller::Submission;
use crate::i18n::{Phrase, use_translator};
use crate::model::{Flow, NodeGroup};
use crate::url::current_page;

/// Renders a flow as a real `<form action=ui.action method="post">`, so a
/// native POST (without JavaScript, or from `webauthn.js`) works too.
///
/// The form only ever posts to Kratos: an `ui.action` that the
/// [URL policy](crate::url::policy::UrlPolicy::form_action) refuses (another
/// origin than the configured Kratos, or no `/self-service/<flow>` path) gets
/// no `action`, and trying to send the form shows "This form points to
/// another site and was not sent" instead — nothing leaves the page, nothing
/// typed is lost.
///
/// Nodes are arranged by method group (see [`GroupOrder`]): each group is a
/// `<fieldset data-group>` with a `<legend>`, social sign-in comes first and
/// is followed by an "or" divider. With [`FormLayout::PerGroup`] (settings)
/// each group is a form of its own carrying the flow's hidden fields, so
/// saving one group never submits another; with [`FormLayout::TwoStep`] the
/// identifier comes first, then the choice of method, then that method.
/// Nodes, groups and the message list go through the
/// [`Overrides`](super::Overrides) in context.
///
/// With `on_submit`, submissions are handed over as a [`Submission`] (the
/// form's fields, checkbox states and the clicked button) instead of leaving
/// the page; the controller sends them. Without it the form posts natively.
///
/// Nodes are keyed by what identifies them (group, type, name or id, and a
/// button's value), so when the flow is replaced by Kratos's next answer the
/// same elements are updated in place: focus and typing survive.
///
/// The element carries `data-state` (the flow's state), `data-active`
/// (the method last used) and `data-layout` for styling. While busy the
/// form is `aria-busy` and its submit buttons are `aria-disabled` (they keep
/// focus) and ignore clicks.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::components::FlowForm;
/// use leptos_kratos::controller::Submission;
/// use leptos_kratos::model::Flow;
///
/// #[component]
/// fn MyLogin(flow: Signal<Flow>) -> impl IntoView {
///     // Without `on_submit` the form posts natively to Kratos.
///     let on_submit = Callback::new(|s: Submission| leptos::logging::log!("{:?}", s.submitter));
///     view! { <FlowForm flow on_submit /> }
/// }
/// ```
#[component]
pub fn FlowForm(
    /// The flow to render.
    #[prop(into)]
    flow: Signal<Flow>,
    /// Receives submissions instead of the browser posting the form.
    #[prop(optional, into)]
    on_submit: Option<Callback<Submission>>,
    /// Whether a request is in flight (the form is marked `aria-busy`).
    #[prop(optional, into)]
    busy: Signal<bool>,
    /// Changes when a submission came back with errors: focus then moves to
    /// the first invalid field (or to the flow's messages).
    #[prop(optional, into)]
    focus_errors: Signal<u32>,
    /// One form, or one form per method group (settings).
    #[prop(optional)]
    layout: FormLayout,
    /// The order of method groups; by default [`GroupOrder::sign_in`], or
    /// [`GroupOrder::settings`] for [`FormLayout::PerGroup`].
    #[prop(optional, into)]
    group_order: MaybeProp<GroupOrder>,
) -> impl IntoView {
    let prefix = next_form_prefix();
    let order = group_order.get_untracked().unwrap_or_else(|| match layout {
        FormLayout::Single | FormLayout::TwoStep => GroupOrder::sign_in(),
        FormLayout::PerGroup => GroupOrder::settings(),
    });
    let overrides = use_overrides();
    let sections = Memo::new(move |_| {
        flow.with(|flow| sections(&prefix, &flow.ui.nodes, &order, layout, &overrides))
    });
    let steps =
        (layout == FormLayout::TwoStep).then(|| TwoSteps::new(sections, flow, focus_errors));
    let messages = Signal::derive(move || flow.with(|f| f.ui.messages.clone()));
    let policy = use_config().url_policy(&current_page());
    let target = FormTarget {
        action: Signal::derive(move || flow.with(|f| policy.form_action(&f.ui.action, None).ok())),
        busy,
        on_submit,
        refused: RwSignal::new(false),
    };
    provide_context(FormBusy(busy));
    let state = move || flow.with(|f| f.state.as_ref().map(|s| s.as_str().to_owned()));
    let active = move || flow.with(|f| f.active.clone());
    let root_ref = NodeRef::<html::Div>::new();
    provide_context(SubmissionRejected(focus_errors));
    let webauthn = provide_webauthn(
        flow,
        Signal::derive(move || target.action.with(Option::is_some)),
    );
    let webauthn_failure = move || {
        webauthn.failure.get().map(|error| {
            view! {
                <p class="lk-message lk-webauthn-error" data-type="error" role="alert">
                    {error}
                </p>
            }
        })
    };
    Effect::new(move |previous: Option<u32>| {
        let count = focus_errors.get();
        if previous.is_some_and(|p| p != count) {
            request_animation_frame(move || focus_first_error(root_ref));
        }
        count
    });
    let groups =
        move || sections.with(|all| all.iter().map(|s| s.group.clone()).collect::<Vec<_>>());
    let section = move |group: NodeGroup| {
        Signal::derive(move || sections.with(|all| all.iter().find(|s| s.group == group).cloned()))
    };
    let shown = move |group: NodeGroup| match steps {
        Some(steps) => Signal::derive(move || steps.shows(&group)),
        None => Signal::stored(true),
    };
    let body = match layout {
        FormLayout::Single | FormLayout::TwoStep => view! {
            <FormElement target>
                <For
                    each=groups
                    key=|group| group.clone()
                    children=move |group| {
                        view! { <GroupFieldset section=section(group.clone()) shown=shown(group) /> }
                    }
                />
                {steps.map(|steps| view! { <StepControls steps /> })}
            </FormElement>
        }
        .into_any(),
        FormLayout::PerGroup => view! {
            <For
                each=groups
                key=|group| group.clone()
                children=move |group| {
                    let data_group = group.as_str().to_owned();
                    view! {
                        <FormElement target group=data_group>
                            <GroupFieldset section=section(group) shown=Signal::stored(true) />
                        </FormElement>
                    }
                }
            />
        }
        .into_any(),
    };
    let step = move || steps.map(|steps| steps.step.with(Step::as_str));
    let refused_text = use_translator().phrase(Phrase::ForeignAction);
    // Shown once sending was tried, as long as the action stays refused.
    let refused = move || {
        (target.refused.get() && target.action.with(Option::is_none)).then(|| {
            view! {
                <p class="lk-message lk-refused" data-type="error" role="alert">
                    {refused_text.clone()}
                </p>
            }
        })
    };
    view! {
        <div
            class="lk-flow"
            node_ref=root_ref
            data-state=state
            data-active=active
            data-layout=layout.as_str()
            data-step=step
        >
            <FlowMessages messages />
            {refused}
            {webauthn_failure}
            {body}
        </div>
    }
}

/// Whether the form's request is in flight, for its buttons.
#[derive(Clone, Copy)]
pub(crate) struct FormBusy(pub Signal<bool>);

/// Where and how a form submits, shared by the forms of one flow.
#[derive(Clone, Copy)]
struct FormTarget {
    /// The action the URL policy allows; `None`: the form must not be sent.
    action: Signal<Option<String>>,
    busy: Signal<bool>,
    on_submit: Option<Callback<Submission>>,
    /// Set when sending was refused because of the action.
    refused: RwSignal<bool>,
}

/// A `<form>` posting to the flow's action; hands its submissions to the
/// callback when there is one. A form whose action the URL policy refused
/// is never sent (natively or by the callback).
#[component]
fn FormElement(
    target: FormTarget,
    #[prop(optional)] group: Option<String>,
    children: Children,
) -> impl IntoView {
    let form_ref = NodeRef::<html::Form>::new();
    let submit = move |event: SubmitEvent| {
        if target.action.with_untracked(Option::is_none) {
            event.prevent_default();
            target.refused.set(true);
            return;
        }
        let Some(on_submit) = target.on_submit else {
            return;
        };
        event.prevent_default();
        if target.busy.get_untracked() {
            return;
        }
        if let Some(form) = form_ref.get_untracked() {
            on_submit.run(collect_submission(&form, event.submitter()));
        }
    };
    view! {
        <form
            class="lk-form"
            node_ref=form_ref
            data-group=group
            action=move || target.action.get()
            method="post"
            novalidate=true
            aria-busy=move || target.busy.get().then_some("true")
            on:submit=submit
            on:keydown=submit_on_enter
        >
            {children()}
        </form>
    }
}

/// One method group: through the [`Overrides`](super::Overrides) in
/// context when one answers for the group, else [`DefaultGroup`].
#[component]
fn GroupFieldset(section: Signal<Option<Section>>, shown: Signal<bool>) -> impl IntoView {
    let Some(group) = section.with_untracked(|s| s.as_ref().map(|s| s.group.clone())) else {
        return ().into_any();
    };
    let context = GroupContext {
        group,
        nodes: Signal::derive(move || {
            section.with(|s| {
                s.iter()
                    .flat_map(|s| s.rows.iter().map(|row| row.node.clone()))
                    .collect()
            })
        }),
        default: ViewFn::from(move || view! { <DefaultGroup section shown /> }),
    };
    use_overrides()
        .render_group(&context)
        .unwrap_or_else(|| context.default_view())
}

/// The library's own rendering of a method group: a fieldset with a legend
/// (hidden when it holds only hidden fields or another step is shown),
/// followed by an "or" after social sign-in when other methods follow.
#[component]
fn DefaultGroup(section: Signal<Option<Section>>, shown: Signal<bool>) -> impl IntoView {
    let translator = use_translator();
    let Some(initial) = section.get_untracked() else {
        return ().into_any();
    };
    let group = initial.group.clone();
    let legend = translator.phrase(group_phrase(&group));
    let social = is_social(&group);
    let rows = Signal::derive(move || {
        section.with(|s| s.as_ref().map(|s| s.rows.clone()).unwrap_or_default())
    });
    // Each row finds its node by key in O(1), so a new flow updates n rows
    // in O(n) (a search per row made large flows quadratic).
    let by_key = Memo::new(move |_| {
        section.with(|s| {
            s.iter()
                .flat_map(|s| s.rows.iter())
                .map(|row| (row.key.clone(), row.node.clone()))
                .collect::<std::collections::HashMap<_, _>>()
        })
    });
    let hidden = move || section.with(|s| s.as_ref().is_none_or(|s| s.hidden)) || !shown.get();
    let divider =
        move || shown.get() && section.with(|s| s.as_ref().is_some_and(|s| s.divider_after));
    let primary = move || {
        section
            .with(|s| s.as_ref().is_some_and(|s| s.primary))
            .then_some("true")
    };
    let or = translator.phrase(Phrase::Or);
    view! {
        <fieldset
            class="lk-group"
            data-group=group.as_str().to_owned()
            data-primary=primary
            hidden=hidden
        >
            <legend class="lk-legend">{legend}</legend>
            <div class="lk-group-body" data-social=social.then_some("true")>
                <For
                    each=move || rows.get()
                    key=|row| row.key.clone()
                    children=move |row| {
                        let key = row.key.clone();
                        // A memo: a row whose node did not change in a new
                        // flow notifies nothing below it.
                        let node = Memo::new(move |_| {
                            by_key
                                .with(|nodes| nodes.get(&key).cloned())
                                .unwrap_or_else(|| row.node.clone())
                        });
                        view! { <Node node dom_id=row.dom_id.clone() /> }
                    }
                />
            </div>
        </fieldset>
        <Show when=divider>
            <p class="lk-divider" aria-hidden="true">
                <span>{or.clone()}</span>
            </p>
        </Show>
    }
    .into_any()
}

/// Where a [`FormLayout::TwoStep`] form stands.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    /// The identifier (and social sign-in).
    Identify,
    /// A choice between the methods.
    Choose,
    /// One method.
    Method(NodeGroup),
}

impl Step {
    fn as_str(&self) -> &'static str {
        match self {
            Self::Identify => "identify",
            Self::Choose => "choose",
            Self::Method(_) => "method",
        }
    }
}

/// The state of a [`FormLayout::TwoStep`] form: which step is shown, chosen
/// again after every answer (the step with errors, or the method Kratos
/// names as active).
#[derive(Clone, Copy)]
struct TwoSteps {
    step: RwSignal<Step>,
    sections: Memo<Vec<Section>>,
}

impl TwoSteps {
    fn new(sections: Memo<Vec<Section>>, flow: Signal<Flow>, answers: Signal<u32>) -> Self {
        let this = Self {
            step: RwSignal::new(Step::Identify),
            sections,
        };
        Effect::new(move |_| {
            answers.track();
            sections.track();
            let active = flow.with(|f| f.active.clone());
            let next = this.fitting_step(active.as_deref());
            if this.step.get_untracked() != next {
                this.step.set(next);
            }
        });
        this
    }

    /// The visible method groups (neither shared fields nor social sign-in).
    fn methods(&self) -> Vec<NodeGroup> {
        self.sections.with(|all| {
            all.iter()
                .filter(|s| !s.hidden && !is_account_group(&s.group) && !is_social(&s.group))
                .map(|s| s.group.clone())
                .collect()
        })
    }

    /// Whether there are shared fields (the identifier) to ask for first.
    fn has_identify_step(&self) -> bool {
        self.sections.with(|all| {
            all.iter()
                .any(|s| !s.hidden && s.group == NodeGroup::Default)
        })
    }

    /// The step that fits the flow as it now is.
    fn fitting_step(&self, active: Option<&str>) -> Step {
        let methods = self.methods();
        let has_error = |group: &NodeGroup| {
            self.sections.with_untracked(|all| {
                all.iter()
                    .filter(|s| &s.group == group)
                    .any(|s| s.rows.iter().any(|row| row.node.has_error()))
            })
        };
        let identify = self.has_identify_step();
        if identify && has_error(&NodeGroup::Default) {
            return Step::Identify;
        }
        if let Some(group) = methods
            .iter()
            .find(|g| has_error(g) || Some(g.as_str()) == active)
        {
            return Step::Method(group.clone());
        }
        match self.step.get_untracked() {
            Step::Method(group) if methods.contains(&group) => Step::Method(group),
            Step::Choose if methods.len() > 1 => Step::Choose,
            _ if identify || methods.is_empty() => Step::Identify,
            _ => self.after_identify(&methods),
        }
    }

    /// The step after the identifier: the choice, or the only method.
    fn after_identify(&self, methods: &[NodeGroup]) -> Step {
        match methods {
            [only] => Step::Method(only.clone()),
            [] => Step::Identify,
            _ => Step::Choose,
        }
    }

    /// Whether a group's fieldset is shown in the current step.
    fn shows(&self, group: &NodeGroup) -> bool {
        match self.step.get() {
            Step::Identify => is_account_group(group) || is_social(group),
            Step::Choose => false,
            Step::Method(method) => &method == group || *group == NodeGroup::Captcha,
        }
    }
}

/// The buttons that move between the steps of a [`FormLayout::TwoStep`]
/// form: "Continue" after the identifier, one button per method, and a way
/// back.
#[component]
fn StepControls(steps: TwoSteps) -> impl IntoView {
    let translator = use_translator();
    let go = move |event: leptos::ev::MouseEvent, next: Step| {
        let form = event
            .current_target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("form").ok().flatten());
        steps.step.set(next.clone());
        if let Some(form) = form {
            request_animation_frame(move || focus_step(&form, &next));
        }
    };
    let continue_text = translator.phrase(Phrase::Continue);
    let choose_text = translator.phrase(Phrase::ChooseMethod);
    let back_text = translator.phrase(Phrase::Back);
    let other_text = translator.phrase(Phrase::OtherMethod);
    move || {
        let methods = steps.methods();
        let identify = steps.has_identify_step();
        match steps.step.get() {
            Step::Identify if !methods.is_empty() && identify => {
                let next = steps.after_identify(&methods);
                let proceed = move |event: leptos::ev::MouseEvent| {
                    if identifier_is_valid(&event) {
                        go(event, next.clone());
                    }
                };
                view! {
                    <div class="lk-steps" data-step="identify">
                        <button class="lk-button" type="button" data-step-next="true" on:click=proceed>
                            {continue_text.clone()}
                        </button>
                    </div>
                }
                .into_any()
            }
            Step::Choose => {
                let translator = use_translator();
                let choices = methods
                    .into_iter()
                    .map(|group| {
                        let label = translator.phrase(group_phrase(&group));
                        let data_group = group.as_str().to_owned();
                        view! {
                            <button
                                class="lk-button lk-secondary lk-choice"
                                type="button"
                                data-choose=data_group
                                on:click=move |event| go(event, Step::Method(group.clone()))
                            >
                                {label}
                            </button>
                        }
                    })
                    .collect_view();
                let back = identify.then(|| {
                    view! {
                        <button class="lk-link-button" type="button" data-step-back="true" on:click=move |event| go(event, Step::Identify)>
                            {back_text.clone()}
                        </button>
                    }
                });
                view! {
                    <div class="lk-steps" data-step="choose" role="group" aria-labelledby="lk-choose-title">
                        <p class="lk-step-title" id="lk-choose-title">{choose_text.clone()}</p>
                        {choices}
                        {back}
                    </div>
                }
                .into_any()
            }
            Step::Method(_) if methods.len() > 1 || identify => {
                let back = if methods.len() > 1 {
                    Step::Choose
                } else {
                    Step::Identify
                };
                let text = if methods.len() > 1 {
                    other_text.clone()
                } else {
                    back_text.clone()
                };
                view! {
                    <div class="lk-steps" data-step="method">
                        <button class="lk-link-button" type="button" data-step-back="true" on:click=move |event| go(event, back.clone())>
                            {text}
                        </button>
                    </div>
                }
                .into_any()
            }
            _ => ().into_any(),
        }
    }
}

/// Checks the shared fields before leaving the identifier step: the first
/// empty or malformed one shows the browser's message and keeps focus.
fn identifier_is_valid(event: &leptos::ev::MouseEvent) -> bool {
    let Some(form) = event
        .current_target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("form").ok().flatten())
    else {
        return true;
    };
    let Ok(fields) = form.query_selector_all("fieldset[data-group=default]:not([hidden]) input")
    else {
        return true;
    };
    (0..fields.length())
        .filter_map(|index| fields.item(index))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlInputElement>().ok())
        .all(|field| field.report_validity())
}

/// Moves focus into the step just shown.
fn focus_step(form: &web_sys::Element, step: &Step) {
    let selector = match step {
        Step::Identify => "fieldset:not([hidden]) input:not([type=hidden])".to_owned(),
        Step::Choose => "[data-choose]".to_owned(),
        Step::Method(group) => format!(
            "fieldset[data-group=\"{}\"] :is(input:not([type=hidden]), select, button)",
            group.as_str().replace(['"', '\\'], "")
        ),
    };
    if let Some(element) = form
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Enter in a field submits with the method the field belongs to: the first
/// enabled submit button after it that is not social sign-in. (The browser
/// would pick the form's first button, a social one when those come first.)
fn submit_on_enter(event: KeyboardEvent) {
    if event.key() != "Enter" || event.is_composing() || event.default_prevented() {
        return;
    }
    let Some(field) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let implicit = !matches!(
        field.type_().as_str(),
        "submit" | "button" | "checkbox" | "radio" | "reset" | "image" | "file"
    );
    let Some(form) = field.form().filter(|_| implicit) else {
        return;
    };
    // In the identifier step of a two-step form, Enter continues.
    if let Some(next) = form
        .query_selector("[data-step-next]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        event.prevent_default();
        next.click();
        return;
    }
    if let Some(button) = implicit_submitter(&form, &field) {
        event.prevent_default();
        let _ = form.request_submit_with_submitter(Some(&button));
    }
}

/// The button Enter in `field` submits with (see [`submit_on_enter`]).
fn implicit_submitter(
    form: &web_sys::HtmlFormElement,
    field: &web_sys::HtmlInputElement,
) -> Option<web_sys::HtmlElement> {
    let buttons = form
        .query_selector_all("button[type=submit]:not([disabled])")
        .ok()?;
    (0..buttons.length())
        .filter_map(|index| buttons.item(index))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|button| {
            let after = field.compare_document_position(button)
                & web_sys::Node::DOCUMENT_POSITION_FOLLOWING
                != 0;
            let social = button.closest("[data-social]").ok().flatten().is_some();
            let hidden = button.closest("[hidden]").ok().flatten().is_some();
            after && !social && !hidden
        })
}

/// Moves focus after Kratos answered a submission with a flow: to the first
/// field marked invalid, else to the flow's error messages, else to the
/// first field of the new step (e.g. the code input), else to the messages.
fn focus_first_error(root: NodeRef<html::Div>) {
    let Some(root) = root.get_untracked() else {
        return;
    };
    let target = [
        "[aria-invalid=\"true\"]",
        ".lk-messages:has(.lk-message[data-type=\"error\"])",
        ".lk-field input:not([type=hidden]):not([disabled]), .lk-field select:not([disabled])",
        ".lk-messages",
    ]
    .iter()
    .find_map(|selector| root.query_selector(selector).ok().flatten());
    if let Some(element) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// What the form holds, as a native submission would send it.
fn collect_submission(
    form: &web_sys::HtmlFormElement,
    submitter: Option<web_sys::HtmlElement>,
) -> Submission {
    let mut submission = Submission::default();
    let elements = form.elements();
    for index in 0..elements.length() {
        let Some(element) = elements.item(index) else {
            continue;
        };
        if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
            let name = input.name();
            if name.is_empty() || input.disabled() {
                continue;
            }
            match input.type_().as_str() {
                "checkbox" => submission.checkboxes.push((name, input.checked())),
                "submit" | "button" | "image" | "reset" | "file" => {}
                _ => submission.fields.push((name, input.value())),
            }
        } else if let Some(select) = element.dyn_ref::<web_sys::HtmlSelectElement>() {
            if !select.name().is_empty() && !select.disabled() {
                submission.fields.push((select.name(), select.value()));
            }
        } else if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>()
            && !area.name().is_empty()
            && !area.disabled()
        {
            submission.fields.push((area.name(), area.value()));
        }
    }
    submission.submitter = submitter.and_then(|element| {
        let button = element.dyn_into::<web_sys::HtmlButtonElement>().ok()?;
        (!button.name().is_empty()).then(|| (button.name(), button.value()))
    });
    submission
}

/// A prefix unique to this form on the page, for element ids.
fn next_form_prefix() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    format!("lk{}", NEXT.fetch_add(1, Ordering::Relaxed))
}
