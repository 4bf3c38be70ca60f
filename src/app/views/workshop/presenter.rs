//! Presenter mode: the team picture on a projector, one dimension at a time,
//! a question for the room before its figures.

use super::team_picture::open_workshop_notice;
use crate::app::workshop_state::Presenter;
use crate::assessment::plan::Direction;
use crate::assessment::workshop::TeamView;
use crate::assessment::{wording, Bank};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PresenterModeProps {
    pub bank: Rc<Bank>,
    pub view: Rc<TeamView>,
    pub presenter: Presenter,
    /// Moved to the previous or next dimension.
    pub on_moved: Callback<Direction>,
    /// Revealed the current dimension's figures.
    pub on_revealed: Callback<()>,
    /// Left presenter mode.
    pub on_ended: Callback<()>,
}

/// Large type for a projector: one dimension at a time, a question for the
/// room first, then the figures when the facilitator reveals them.
#[component]
pub fn PresenterMode(
    PresenterModeProps {
        bank,
        view,
        presenter,
        on_moved,
        on_revealed,
        on_ended,
    }: &PresenterModeProps,
) -> Html {
    let count = view.dimensions.len();
    let Some(stats) = view.dimensions.get(presenter.position) else {
        return html! {
            <section class="presenter">
                <h1 tabindex="-1">{ "Nothing to present yet" }</h1>
                <button type="button" class="button" onclick={on_ended.reform(|_| ())}>{ "Leave presenter mode" }</button>
            </section>
        };
    };
    let dimension = &bank.dimensions()[stats.index];
    let gap = view.gaps.iter().find(|g| g.index == stats.index);
    html! {
        <section class="presenter">
            { open_workshop_notice(view.threshold) }
            <p class="presenter__position">{ format!("Dimension {} of {count}", presenter.position + 1) }</p>
            <h1 tabindex="-1">{ &dimension.name }</h1>
            <p class="presenter__summary">{ &dimension.summary }</p>
            if !presenter.revealed {
                <p class="presenter__question">{ "Before the figures: where do you think we stand on this, and why?" }</p>
                <button type="button" class="button button--primary" onclick={on_revealed.reform(|_| ())}>{ "Reveal the team's results" }</button>
            } else {
                <div class="presenter__figures" role="status">
                    for (i, line) in wording::presenter_lines(bank, stats, gap, view.threshold).into_iter().enumerate() {
                        <p class={(i == 0).then_some("presenter__score")}>{ line }</p>
                    }
                </div>
                if let Some(s) = &stats.spread {
                    { {
                        let guidance = dimension.guidance_at(s.mean.level());
                        html! {
                            <div class="presenter__prompts">
                                <h2>{ "To discuss" }</h2>
                                <p>{ &guidance.next }</p>
                                <ul>
                                    for practice in guidance.practices.iter() {
                                        <li>{ wording::discussion_question(practice) }</li>
                                    }
                                </ul>
                            </div>
                        }
                    } }
                }
            }
            <div class="nav-buttons">
                <button type="button" class="button" disabled={presenter.position == 0}
                    onclick={on_moved.reform(|_| Direction::Up)}>{ "Previous dimension" }</button>
                <button type="button" class="button" onclick={on_ended.reform(|_| ())}>{ "Leave presenter mode" }</button>
                <button type="button" class="button button--primary" disabled={presenter.position + 1 >= count}
                    onclick={on_moved.reform(|_| Direction::Down)}>{ "Next dimension" }</button>
            </div>
        </section>
    }
}
