//! The facilitator's workshop: gather the room's result codes (paste, files,
//! camera, links), see the team picture, present it one dimension at a time,
//! and agree a team action plan. Everything stays on this device.
//!
//! The screen only shows: its state, and saving it, belong to
//! `app::saved_workshop`, which hands it here with a callback per event.
//! - `gathering`: the ways results arrive, and what each attempt added;
//! - `participants`: who is in, and removing someone;
//! - `team_picture`: the room's figures, as the team view lets them be seen;
//! - `presenter`: one slide at a time, for a projector;
//! - `join`: for the projector before anyone has answered, how to join.

mod gathering;
mod join;
mod participants;
mod presenter;
mod team_picture;

pub use gathering::ChosenFiles;

use crate::app::components::{use_shown_bank, use_words, ActionPlan, SavingNotice};
use crate::app::route::Screen;
use crate::app::workshop_state::WorkshopState;
use crate::assessment::export;
use crate::assessment::language::{Key, Words};
use crate::assessment::plan::{Direction, PlanChange};
use crate::assessment::saved::MAX_THRESHOLD;
use crate::assessment::workshop::PROTECTED_FROM;
use crate::assessment::Role;
use crate::{files, page, recovery};
use gathering::Gathering;
use join::JoinScreen;
use participants::Participants;
use presenter::PresenterMode;
use std::rc::Rc;
use team_picture::{team_picture, OPEN_WORKSHOP};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WorkshopProps {
    /// What the screen shows.
    pub state: Rc<WorkshopState>,
    /// The link participants open to take the assessment.
    pub join_link: AttrValue,
    /// Why that link cannot bring the configuration in use, if it cannot.
    #[prop_or_default]
    pub join_warning: Option<AttrValue>,
    /// Named the workshop.
    pub on_renamed: Callback<String>,
    /// Pasted codes or links, any number, any separators.
    pub on_codes_pasted: Callback<String>,
    /// Read a code from the camera.
    pub on_code_scanned: Callback<String>,
    /// Chose exported result files.
    pub on_files_chosen: Callback<ChosenFiles>,
    /// Removed the participant at this position.
    pub on_participant_removed: Callback<usize>,
    /// Dropped the saved codes that no longer read.
    pub on_unreadable_discarded: Callback<()>,
    /// Chose the smallest group size that may be shown.
    pub on_threshold_chosen: Callback<usize>,
    /// Changed the team plan.
    pub on_plan_changed: Callback<PlanChange>,
    /// Started presenter mode.
    pub on_presenter_started: Callback<()>,
    /// Moved to the previous or next slide.
    pub on_presenter_moved: Callback<Direction>,
    /// Went on, as a clicker does: revealed, or moved to the next slide.
    pub on_presenter_forward: Callback<()>,
    /// Revealed the current dimension's figures.
    pub on_revealed: Callback<()>,
    /// Left presenter mode.
    pub on_presenter_ended: Callback<()>,
    /// Started a new, empty workshop.
    pub on_cleared: Callback<()>,
}

/// The workshop screen. Root class `workshop`.
#[component]
pub fn Workshop(
    WorkshopProps {
        state,
        join_link,
        join_warning,
        on_renamed,
        on_codes_pasted,
        on_code_scanned,
        on_files_chosen,
        on_participant_removed,
        on_unreadable_discarded,
        on_threshold_chosen,
        on_plan_changed,
        on_presenter_started,
        on_presenter_moved,
        on_presenter_forward,
        on_revealed,
        on_presenter_ended,
        on_cleared,
    }: &WorkshopProps,
) -> Html {
    let view = Rc::clone(&state.view);
    // The room's figures in the facilitator's language, whatever language
    // each participant answered in: codes carry answers, never words.
    let words = use_words();
    let bank = use_shown_bank(&state.bank);
    let confirming_clear = use_state_eq(|| false);
    let joining = use_state_eq(|| false);
    let gathering_open = use_state_eq(|| state.view.participants == 0);
    let on_gathering_toggle = {
        let gathering_open = gathering_open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            gathering_open.set(details.open());
        })
    };
    if *joining {
        let joining = joining.clone();
        return html! {
            <JoinScreen link={join_link.clone()} warning={join_warning.clone()} on_closed={Callback::from(move |()| {
                joining.set(false);
                page::after_paint(|| page::focus("main h1"));
            })} />
        };
    }
    let show_join = {
        let joining = joining.clone();
        Callback::from(move |_: MouseEvent| joining.set(true))
    };
    if let Some(presenter) = state.presenter {
        return html! {
            <PresenterMode
                bank={Rc::clone(&bank)}
                view={Rc::clone(&view)}
                plan={state.plan.in_language(&state.bank, &bank)}
                {presenter}
                on_moved={on_presenter_moved.clone()}
                on_forward={on_presenter_forward.clone()}
                on_revealed={on_revealed.clone()}
                on_ended={on_presenter_ended.clone()}
            />
        };
    }

    let on_rename = on_renamed.reform(|e: InputEvent| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    });
    let on_threshold = on_threshold_chosen.reform(|e: Event| {
        let value = e
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        value.parse().unwrap_or(MAX_THRESHOLD)
    });
    let name = state.workshop.name().to_owned();
    let shown_name = if name.is_empty() {
        words.get(Key::WORKSHOP_HEADING)
    } else {
        name.as_str()
    };
    let today = page::today(words.language());
    let report = Rc::new(view.report());
    // The file is written when the button is pressed, not on every render.
    let save_file =
        |file: &'static str, mime: &'static str, write: fn(&WorkshopState) -> String| {
            let state = Rc::clone(state);
            Callback::from(move |_| {
                let _ = files::download(file, mime, &write(&state));
            })
        };

    let name_field = html! {
        <div class="workshop__name">
            <label for="workshop-name">{ words.get(Key::WORKSHOP_NAME) }</label>
            <input id="workshop-name" type="text" maxlength="80" autocomplete="off" value={name.clone()} oninput={on_rename} />
        </div>
    };
    let threshold_field = html! {
        <div class="workshop__threshold">
            <label for="workshop-threshold">{ words.get(Key::WORKSHOP_THRESHOLD) }</label>
            <select id="workshop-threshold" onchange={on_threshold}>
                for n in state.floor..=MAX_THRESHOLD {
                    <option value={n.to_string()} selected={n == state.threshold}>{ words.count(Key::WORKSHOP_THRESHOLD_PEOPLE, n, &[]) }</option>
                }
            </select>
            if state.threshold >= PROTECTED_FROM {
                <p class="hint">{ words.get(Key::WORKSHOP_THRESHOLD_ANONYMOUS) }</p>
            } else {
                <p class="hint">{ words.fill(Key::WORKSHOP_THRESHOLD_OPEN, &[("protected", &words.number(PROTECTED_FROM as f64))]) }</p>
            }
        </div>
    };
    // An open workshop, offered where the site allows one and the room is
    // anonymous now.
    // Only where it would bring the comparison: at least a pair of HR and a
    // pair of L&D.
    let pairs = [Role::Hr, Role::LearningAndDevelopment].iter().all(|role| {
        view.by_role
            .iter()
            .any(|(r, n)| r == role && *n >= OPEN_WORKSHOP)
    });
    let offer_open = (state.floor <= OPEN_WORKSHOP && state.threshold > OPEN_WORKSHOP && pairs)
        .then(|| on_threshold_chosen.reform(|()| OPEN_WORKSHOP));
    let toolbar = html! {
        <div class="toolbar">
            <button type="button" class="button button--primary" onclick={on_presenter_started.reform(|_| ())}>{ words.get(Key::WORKSHOP_PRESENTER) }</button>
            <button type="button" class="button" onclick={show_join.clone()}>{ words.get(Key::WORKSHOP_JOIN) }</button>
            <button type="button" class="button" onclick={Callback::from(|_| page::print())}>{ words.get(Key::RESULTS_PRINT) }</button>
            <button type="button" class="button" onclick={save_file("tandem-team-report.csv", "text/csv", |state| export::team_csv(&state.bank, &state.view, &state.plan))}>{ words.get(Key::WORKSHOP_CSV) }</button>
            <button type="button" class="button" onclick={save_file("tandem-team-report.json", "application/json", |state| export::team_json(&state.bank, state.workshop.name(), &state.view, &state.plan))}>{ words.get(Key::WORKSHOP_JSON) }</button>
        </div>
    };

    html! {
        <section class="workshop">
            if view.participants > 0 {
                // The printed team report's title page.
                <div class="report-cover">
                    <p class="report-cover__kind">{ words.get(Key::WORKSHOP_KIND) }</p>
                    <p class="report-cover__title">{ shown_name }</p>
                    <p>{ words.count(Key::WORKSHOP_PARTICIPANTS, view.participants, &[]) }</p>
                    <p>{ words.fill(Key::RESULTS_PRINTED, &[("date", &today)]) }</p>
                </div>
            }
            <p class="report-title">{ words.fill(Key::WORKSHOP_REPORT_TITLE, &[("name", shown_name), ("date", &today)]) }</p>
            <h1 tabindex="-1">{ words.get(Key::WORKSHOP_HEADING) }</h1>
            if view.participants == 0 {
                <p class="workshop__lead">{ words.get(Key::WORKSHOP_LEAD) }</p>
                <div class="toolbar">
                    <button type="button" class="button button--primary" onclick={show_join}>{ words.get(Key::WORKSHOP_JOIN) }</button>
                </div>
            }
            <SavingNotice
                saving={state.saving.clone()}
                of_workshop=true
                on_download_saved={Callback::from(|()| recovery::download_saved())}
            />
            if let Some(added) = state.absorbed {
                <div class="workshop__absorbed" role="status">
                    <p>{ absorbed_message(&words, added) }</p>
                    <p class="workshop__absorbed-actions">
                        <button type="button" class="button" onclick={Callback::from(|_| recovery::download_saved())}>{ words.get(Key::SAVING_DOWNLOAD_SAVED) }</button>
                    </p>
                </div>
            }
            if view.participants > 0 {
                <section class="workshop__team" aria-labelledby="team-heading">
                    { team_picture(&words, &bank, &view, toolbar, offer_open) }
                </section>
            }

            // Gathering: open while the room is empty, folded under the team
            // picture when the screen opens on a gathered room. What the last
            // attempt added, or refused, stays in view either way. The
            // element stays the same, so a running camera is not stopped
            // when the first code arrives.
            <details class="workshop__more" open={*gathering_open || view.participants == 0} ontoggle={on_gathering_toggle}>
                <summary><h2 id="gather-heading">{ words.get(if view.participants == 0 { Key::WORKSHOP_GATHER } else { Key::WORKSHOP_GATHER_MORE }) }</h2></summary>
                <Gathering
                    on_codes_pasted={on_codes_pasted.clone()}
                    on_code_scanned={on_code_scanned.clone()}
                    on_files_chosen={on_files_chosen.clone()}
                />
            </details>
            { gathering::gathered_summary(&words, state.gathered.as_ref()) }
            { name_field }
            if view.participants > 0 {
                { threshold_field }
            }

            <Participants
                workshop={state.workshop.clone()}
                view={Rc::clone(&view)}
                on_removed={on_participant_removed.clone()}
                on_unreadable_discarded={on_unreadable_discarded.clone()}
            />

            if view.participants > 0 {
                <ActionPlan
                    bank={Rc::clone(&bank)}
                    {report}
                    plan={state.plan.in_language(&state.bank, &bank)}
                    on_change={on_plan_changed.clone()}
                    of_workshop=true
                />
            }

            <div class="nav-buttons">
                <a class="button" href={Screen::Assessment.href()}>{ words.get(Key::WORKSHOP_BACK) }</a>
                if *confirming_clear {
                    <div class="confirm" role="group" aria-labelledby="clear-question">
                        <p id="clear-question">{ words.get(Key::WORKSHOP_CLEAR_QUESTION) }</p>
                        <button type="button" class="button button--danger" onclick={{
                            let confirming_clear = confirming_clear.clone();
                            on_cleared.reform(move |_| confirming_clear.set(false))
                        }}>{ words.get(Key::WORKSHOP_CLEAR_FORGET) }</button>
                        <button type="button" class="button" onclick={{ let c = confirming_clear.clone(); Callback::from(move |_| c.set(false)) }}>{ words.get(Key::WORKSHOP_CLEAR_KEEP) }</button>
                    </div>
                } else {
                    <button type="button" class="button" onclick={{ let c = confirming_clear.clone(); Callback::from(move |_| c.set(true)) }}>{ words.get(Key::WORKSHOP_CLEAR) }</button>
                }
            </div>
        </section>
    }
}
/// What the screen says after taking in another tab's save.
fn absorbed_message(words: &Words, added: usize) -> String {
    let codes = match added {
        0 => words.get(Key::WORKSHOP_ABSORBED_NONE).to_owned(),
        n => words.count(Key::WORKSHOP_ABSORBED_CODES, n, &[]),
    };
    words.fill(Key::WORKSHOP_ABSORBED, &[("codes", &codes)])
}
