//! The form of a flow: `ui.messages` above a `<form>` with every node in
//! Kratos's order.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;

mod dom;
pub use dom::FormIds;
pub(crate) mod layout;
mod two_step;

use dom::{collect_submission, focus_first_error, next_form_prefix, paste_code, submit_on_enter};
use layout::{
    FormLayout, GroupOrder, Section, group_description, group_phrase, is_social, sections,
};
use two_step::{StepControls, TwoSteps};

use crate::components::messages::FlowMessages;
use crate::components::node::{FormBusy, Node, SubmissionRejected, provide_webauthn};
use crate::components::overrides::{GroupContext, use_overrides};
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
    /// Notified when a submission came back with errors: focus then moves
    /// to the first invalid field (or to the flow's messages), and a
    /// rejected password is cleared.
    #[prop(optional)]
    focus_errors: Option<Trigger>,
    /// One form, or one form per method group (settings).
    #[prop(optional)]
    layout: FormLayout,
    /// The order of method groups; by default [`GroupOrder::sign_in`], or
    /// [`GroupOrder::settings`] for [`FormLayout::PerGroup`].
    #[prop(optional, into)]
    group_order: MaybeProp<GroupOrder>,
) -> impl IntoView {
    let focus_errors = focus_errors.unwrap_or_default();
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
                    {error.to_string()}
                </p>
            }
        })
    };
    Effect::new(move |previous: Option<()>| {
        focus_errors.track();
        if previous.is_some() {
            request_animation_frame(move || focus_first_error(root_ref));
        }
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
                    key=|group| group.as_str().to_owned()
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
                key=|group| group.as_str().to_owned()
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
    let step = move || steps.map(|steps| steps.step_name());
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
            on:paste=paste_code
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
    // Settings say in a line what each section is for.
    let about = group_description(&group)
        .filter(|_| initial.described)
        .zip(initial.rows.first())
        .map(|(phrase, row)| {
            let id = format!("{}-about", row.dom_id);
            (
                id.clone(),
                view! { <p class="lk-group-about" id=id>{translator.phrase(phrase)}</p> },
            )
        });
    let (about_id, about) = about.unzip();
    view! {
        <fieldset
            class="lk-group"
            data-group=group.as_str().to_owned()
            data-primary=primary
            hidden=hidden
            aria-describedby=about_id
        >
            <legend class="lk-legend">{legend}</legend>
            {about}
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
