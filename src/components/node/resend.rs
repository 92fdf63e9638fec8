//! "Resend code": the button that asks Kratos for a new one-time code,
//! drawn as a secondary action next to the code field, with a cooldown.

use std::time::Duration;

use leptos::prelude::*;

use super::parts::{FormBusy, NodeState, label_text, node_data};
use crate::components::messages::NodeMessages;
use crate::config::use_config;
use crate::i18n::{Phrase, use_translator};
use crate::model::{UiNode, UiText};

/// The button that sends a new one-time code (`resend=code`, or the
/// recovery and verification "resend to this address" button).
///
/// A code was just sent when it appears, so it waits
/// [`resend_cooldown_secs`](crate::config::KratosConfig::resend_cooldown_secs)
/// before it can be used, and again after each use: meanwhile it is
/// `aria-disabled` (it keeps its place in the tab order), ignores clicks
/// and says how long is left ("You can ask for a new code in 27 s", its
/// description). Enter in the code field never sends it. The element
/// carries `data-state="waiting"` or `"ready"`.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_kratos::components::ResendButton;
/// use leptos_kratos::model::UiNode;
///
/// #[component]
/// fn Resend(node: Signal<UiNode>) -> impl IntoView {
///     view! { <ResendButton node dom_id="my-node" /> }
/// }
/// ```
#[component]
pub fn ResendButton(
    /// The node.
    #[prop(into)]
    node: Signal<UiNode>,
    /// The element id.
    #[prop(into)]
    dom_id: String,
) -> impl IntoView {
    let translator = use_translator();
    let (label, (node_type, group, name), input) = node.with_untracked(|n| {
        (
            // Without a label of its own: Kratos's "Resend code" (1070008).
            n.label()
                .map(|_| label_text(&translator, n))
                .unwrap_or_else(|| {
                    translator.message(&UiText {
                        id: 1070008,
                        text: "Resend code".into(),
                        ..UiText::default()
                    })
                }),
            node_data(n),
            n.input().cloned().unwrap_or_default(),
        )
    });
    let value = super::input::value_signal(node);
    let state = NodeState::new(node);
    let cooldown = Cooldown::start(use_config().resend_cooldown_secs);
    let busy = use_context::<FormBusy>().map(|FormBusy(busy)| busy);
    let in_flight = move || busy.is_some_and(|busy| busy.get());
    let on_click = move |event: leptos::ev::MouseEvent| {
        if cooldown.waiting() || in_flight() {
            event.prevent_default();
            return;
        }
        // The form sends this click; the next code is then on its way.
        cooldown.restart();
    };
    let disabled = input.is_disabled();
    let wait_id = format!("{dom_id}-wait");
    let messages_id = format!("{dom_id}-messages");
    let described_by = {
        let (wait_id, messages_id) = (wait_id.clone(), messages_id.clone());
        move || {
            let mut ids = Vec::new();
            if cooldown.waiting() {
                ids.push(wait_id.clone());
            }
            if state.has_messages.get() {
                ids.push(messages_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let wait_text = translator.phrase(Phrase::ResendWait);
    let wait = move || wait_text.replace("{seconds}", &cooldown.left.get().to_string());
    let unavailable = move || (cooldown.waiting() || in_flight()).then_some("true");
    view! {
        <div
            class="lk-node lk-action lk-resend"
            data-node-type=node_type
            data-group=group
            data-name=name
            data-state=move || if cooldown.waiting() { "waiting" } else { "ready" }
        >
            <button
                class="lk-button"
                type="submit"
                id=dom_id
                name=input.name
                value=value
                disabled=disabled
                data-resend="true"
                aria-disabled=unavailable
                aria-describedby=described_by
                on:click=on_click
            >
                {label}
            </button>
            <span class="lk-resend-wait" id=wait_id hidden=move || !cooldown.waiting()>
                {wait}
            </span>
            <NodeMessages messages=state.messages id=messages_id />
        </div>
    }
}

/// Seconds left before a new code may be asked for, counting down once a
/// second while above zero.
#[derive(Clone, Copy)]
struct Cooldown {
    seconds: u32,
    left: RwSignal<u32>,
    timer: StoredValue<Option<IntervalHandle>, LocalStorage>,
}

impl Cooldown {
    fn start(seconds: u32) -> Self {
        let cooldown = Self {
            seconds,
            left: RwSignal::new(0),
            timer: StoredValue::new_local(None),
        };
        // Counting down needs the browser: a server renders the button
        // ready (without JavaScript a native POST resends, and Kratos limits
        // how often), and the wait starts once the page runs here.
        Effect::new(move |_| untrack(|| cooldown.restart()));
        on_cleanup(move || cooldown.stop());
        cooldown
    }

    fn waiting(self) -> bool {
        self.left.get() > 0
    }

    fn restart(self) {
        self.left.set(self.seconds);
        if self.seconds == 0 || self.timer.with_value(Option::is_some) {
            return;
        }
        let tick = move || {
            let left = self.left.get_untracked().saturating_sub(1);
            self.left.set(left);
            if left == 0 {
                self.stop();
            }
        };
        let handle = set_interval_with_handle(tick, Duration::from_secs(1)).ok();
        self.timer.set_value(handle);
    }

    fn stop(self) {
        if let Some(handle) = self.timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }
}
