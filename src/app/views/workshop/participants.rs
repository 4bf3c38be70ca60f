//! The workshop's participants: how many, by role, and a list to remove
//! someone from.

use crate::app::components::use_words;
use crate::assessment::language::Key;
use crate::assessment::workshop::{TeamView, Workshop};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ParticipantsProps {
    pub workshop: Workshop,
    pub view: Rc<TeamView>,
    /// Removed the participant at this position.
    pub on_removed: Callback<usize>,
    /// Dropped the saved codes that no longer read.
    pub on_unreadable_discarded: Callback<()>,
}

/// Who is in: the count by role, and the list (role and team only), which
/// is built only while it is open: a large room would otherwise put
/// thousands of rows into the page that nobody asked to see. Root class
/// `workshop__participants` (a part of the workshop screen).
#[component]
pub fn Participants(
    ParticipantsProps {
        workshop,
        view,
        on_removed,
        on_unreadable_discarded,
    }: &ParticipantsProps,
) -> Html {
    let words = use_words();
    let list_open = use_state_eq(|| false);
    let on_list_toggle = {
        let list_open = list_open.clone();
        Callback::from(move |e: Event| {
            list_open.set(
                e.target_unchecked_into::<web_sys::HtmlDetailsElement>()
                    .open(),
            );
        })
    };
    let list_open = *list_open;
    let roles = crate::assessment::wording::roles_line(&words, view);
    let unreadable = workshop.unreadable().len();
    html! {
        <section class="workshop__participants" aria-labelledby="participants-heading">
            <h2 id="participants-heading">{ words.fill(Key::PARTICIPANTS_HEADING, &[("count", &words.number(view.participants as f64))]) }</h2>
            if let Some(roles) = roles {
                <p>{ words.fill(Key::PARTICIPANTS_BY_ROLE, &[("roles", &roles)]) }</p>
            }
            if unreadable > 0 {
                <p role="alert">
                    { words.count(Key::PARTICIPANTS_UNREADABLE, unreadable, &[]) }{ " " }
                    <button type="button" class="button" onclick={on_unreadable_discarded.reform(|_| ())}>{ words.get(Key::PARTICIPANTS_DISCARD) }</button>
                </p>
            }
            if view.participants > 0 {
                <details open={list_open} ontoggle={on_list_toggle}>
                    <summary>{ words.get(Key::PARTICIPANTS_LIST) }</summary>
                    if list_open {
                    <ol class="workshop__list">
                        for (i, participant) in workshop.participants().iter().enumerate() {
                            <li key={i}>
                                { words.get(participant.role().map_or(Key::PARTICIPANTS_NO_ROLE, |r| r.key())) }
                                if !participant.team().is_empty() { { format!(", {}", participant.team()) } }
                                { " " }
                                <button type="button" class="button button--quiet" aria-label={words.fill(Key::PARTICIPANTS_REMOVE_LABEL, &[("number", &words.number((i + 1) as f64))])}
                                    onclick={on_removed.reform(move |_| i)}>{ words.get(Key::PARTICIPANTS_REMOVE) }</button>
                            </li>
                        }
                    </ol>
                    }
                </details>
            }
        </section>
    }
}
