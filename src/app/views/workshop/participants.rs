//! The workshop's participants: how many, by role, and a list to remove
//! someone from.

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
    let roles = super::team_picture::roles_line(view);
    let unreadable = workshop.unreadable().len();
    html! {
        <section class="workshop__participants" aria-labelledby="participants-heading">
            <h2 id="participants-heading">{ format!("Participants: {}", view.participants) }</h2>
            if let Some(roles) = roles {
                <p>{ format!("By role: {roles}") }</p>
            }
            if unreadable > 0 {
                <p role="alert">
                    { format!("{unreadable} saved codes no longer read and are left out of the figures. ") }
                    <button type="button" class="button" onclick={on_unreadable_discarded.reform(|_| ())}>{ "Discard them" }</button>
                </p>
            }
            if view.participants > 0 {
                <details open={list_open} ontoggle={on_list_toggle}>
                    <summary>{ "List of participants (role and team only)" }</summary>
                    if list_open {
                    <ol class="workshop__list">
                        for (i, participant) in workshop.participants().iter().enumerate() {
                            <li key={i}>
                                { participant.role().map_or("No role", |r| r.label()) }
                                if !participant.team().is_empty() { { format!(", {}", participant.team()) } }
                                { " " }
                                <button type="button" class="button button--quiet" aria-label={format!("Remove participant {}", i + 1)}
                                    onclick={on_removed.reform(move |_| i)}>{ "Remove" }</button>
                            </li>
                        }
                    </ol>
                    }
                </details>
            }
        </section>
    }
}
