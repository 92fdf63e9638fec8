//! The identifier-first ("two-step") arrangement of a form: the identifier,
//! then the choice of method, then that method.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom::focus_first;
use super::layout::{Section, group_phrase, is_account_group, is_social};
use crate::i18n::{Phrase, use_translator};
use crate::model::{Flow, NodeGroup};

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
pub(super) struct TwoSteps {
    step: RwSignal<Step>,
    sections: Memo<Vec<Section>>,
}

impl TwoSteps {
    pub(super) fn new(sections: Memo<Vec<Section>>, flow: Signal<Flow>, answers: Trigger) -> Self {
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

    /// The name of the step shown (`data-step`).
    pub(super) fn step_name(&self) -> &'static str {
        self.step.with(Step::as_str)
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
    pub(super) fn shows(&self, group: &NodeGroup) -> bool {
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
pub(super) fn StepControls(steps: TwoSteps) -> impl IntoView {
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
    focus_first(form, &[selector.as_str()]);
}
