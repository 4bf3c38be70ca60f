//! The landing page: what Tandem is, how long it takes, the privacy promise,
//! and the choice between the quick and the full assessment.

use crate::assessment::{Bank, Mode};
use std::rc::Rc;
use yew::prelude::*;

/// Seconds a respondent typically needs per statement; used for the time
/// estimate on the landing page.
const SECONDS_PER_STATEMENT: usize = 20;

#[derive(Properties, PartialEq)]
pub struct LandingProps {
    pub bank: Rc<Bank>,
    /// Whether this browser keeps progress; in a frame on another site it
    /// may not, and a notice above says so.
    pub keeps_progress: bool,
    /// Embedded in another page: what that page learns, said with the
    /// privacy promise rather than promising that nothing is sent.
    pub host_learns: Option<&'static str>,
    pub on_start: Callback<Mode>,
}

#[component]
pub fn Landing(
    LandingProps {
        bank,
        keeps_progress,
        host_learns,
        on_start,
    }: &LandingProps,
) -> Html {
    let choice = |mode: Mode, blurb: String| {
        let statements = bank.statement_count(mode);
        let dimensions = bank.dimensions_in(mode).count();
        let minutes = (statements * SECONDS_PER_STATEMENT).div_ceil(60);
        let on_click = on_start.reform(move |_| mode);
        html! {
            <li class="landing__choice">
                <h2>{ mode.label() }</h2>
                <p class="landing__facts">
                    { format!("{statements} statements on {dimensions} dimensions, about {minutes} minutes.") }
                </p>
                <p>{ blurb }</p>
                <button type="button" class="button button--primary" onclick={on_click}>
                    { format!("Start the {}", mode.label().to_lowercase()) }
                </button>
            </li>
        }
    };
    let core: Vec<&str> = bank
        .dimensions_in(Mode::Quick)
        .map(|d| d.name.as_str())
        .collect();
    html! {
        <section class="landing">
            <h1 tabindex="-1">{ bank.title() }</h1>
            <p class="landing__lead">
                { "How well do your HR and Learning & Development functions work together? \
                   Rate a series of plain statements about everyday practice and get a scored \
                   picture of the partnership: where it stands on each dimension, its strengths, \
                   the priorities, and what the next level looks like." }
            </p>
            <p class="landing__privacy">
                <strong>{ "Your answers stay in this browser." }</strong>
                { " Tandem scores them on this device." }
                if let Some(host_learns) = host_learns {
                    { " Your answers are never sent anywhere: there is no account, no server and \
                       no tracking. " }
                    { *host_learns }
                } else {
                    { " Nothing is sent anywhere: there is no account, no server and no tracking." }
                }
                if *keeps_progress {
                    { " Your progress is saved on this device so you can stop and come back." }
                }
            </p>
            <ul class="landing__choices">
                { choice(Mode::Quick, format!("The core of the partnership: {}.", core.join(", "))) }
                { choice(Mode::Full, "All eight dimensions, adding planning, structure and budgets, leadership, and integration.".to_owned()) }
            </ul>
            <section class="landing__workshop" aria-labelledby="workshop-heading">
                <h2 id="workshop-heading">{ "Running a workshop?" }</h2>
                <p>{ "Each participant answers on their own device and hands you a result code, link or QR code. Gather them on this device to see where the team stands, where it disagrees, and how HR and L&D see it differently. Nothing goes through a server." }</p>
                <a class="button" href="#workshop">{ "Open the facilitator's workshop" }</a>
            </section>
        </section>
    }
}
