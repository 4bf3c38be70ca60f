//! The Yew application: the root component, its state and its screens.
//!
//! - [`state`]: the questionnaire's reducer;
//! - `views`: one component per screen (landing, about you, a section of
//!   statements, results);
//! - `components`: pieces the screens share (progress bar, statement, radar
//!   chart, restart control, notices).
//!
//! The root owns the only two browser effects of the questionnaire: saving
//! progress after every change, and moving focus to a new screen's heading.

mod components;
pub mod state;
mod views;

use crate::assessment::{Bank, Stage};
use crate::{page, storage};
use components::{Restart, SavingNotice};
use state::{Action, Saving, State};
use std::rc::Rc;
use views::{About, Landing, Results, Section};
use yew::prelude::*;

/// The state on opening the app: whatever this browser had saved.
fn restored(bank: Rc<Bank>) -> State {
    let (progress, saving) = match storage::load(&bank) {
        storage::Loaded::Nothing => (None, Saving::On),
        storage::Loaded::Progress(progress) => (Some(progress), Saving::On),
        storage::Loaded::Unreadable(reason) => (None, Saving::Held(reason.into())),
        storage::Loaded::Unavailable => (None, Saving::Unavailable),
    };
    State::new(bank, progress, saving)
}

/// The whole app.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| restored(Rc::new(Bank::standard().clone())));
    let dispatch = state.dispatcher();

    // Save after every change. Loading happened before the first render, so
    // nothing is written before what was saved has been read; and while saved
    // data could not be read, nothing is written over it.
    {
        let dispatch = dispatch.clone();
        let bank = Rc::clone(&state.bank);
        use_effect_with(
            (state.progress.clone(), state.may_save()),
            move |(progress, may_save)| {
                if *may_save {
                    let result = match progress {
                        Some(progress) => storage::save(&bank, progress),
                        None => storage::forget(),
                    };
                    dispatch.dispatch(match result {
                        Ok(()) => Action::Saved,
                        Err(reason) => Action::SavingFailed(reason.into()),
                    });
                }
            },
        );
    }

    // A new screen takes focus, so keyboard and screen-reader users start at
    // its heading; but not on the first render, which would scroll a host
    // page that embeds Tandem.
    {
        let first_render = use_mut_ref(|| true);
        let stage = state.progress.as_ref().map(|p| p.stage);
        let title = screen_title(&state);
        use_effect_with(stage, move |_| {
            page::set_title(&title);
            if !std::mem::replace(&mut *first_render.borrow_mut(), false) {
                page::focus_heading();
            }
        });
    }
    // A refused "Next" takes focus to the list of what is missing.
    use_effect_with(state.refusals, |refusals| {
        if *refusals > 0 {
            page::focus_error_summary();
        }
    });

    let on_action: Callback<Action> = dispatch.into();
    let screen = match &state.progress {
        None => html! {
            <Landing bank={Rc::clone(&state.bank)} on_start={on_action.reform(Action::Started)} />
        },
        Some(progress) => match progress.stage {
            Stage::About => html! {
                <About
                    role={progress.role}
                    team={AttrValue::from(progress.team.clone())}
                    role_missing={state.unanswered.is_some()}
                    can_go_back={progress.answers.is_empty()}
                    on_role={on_action.reform(Action::ChoseRole)}
                    on_team={on_action.reform(Action::NamedTeam)}
                    on_next={on_action.reform(|()| Action::WentNext)}
                    on_back={on_action.reform(|()| Action::WentBack)}
                />
            },
            Stage::Section(index) => html! {
                <Section
                    bank={Rc::clone(&state.bank)}
                    progress={progress.clone()}
                    {index}
                    unanswered={state.unanswered.clone()}
                    on_answer={on_action.reform(|(id, answer)| Action::Answered(id, answer))}
                    on_next={on_action.reform(|()| Action::WentNext)}
                    on_back={on_action.reform(|()| Action::WentBack)}
                />
            },
            Stage::Results => html! {
                <Results
                    bank={Rc::clone(&state.bank)}
                    progress={progress.clone()}
                    on_back={on_action.reform(|()| Action::WentBack)}
                />
            },
        },
    };

    html! {
        <div class="app">
            <header class="app-header">
                <p class="app-header__brand">{ "Tandem" }</p>
                if state.progress.is_some() {
                    <Restart on_restart={on_action.reform(|()| Action::Restarted)} />
                }
            </header>
            <SavingNotice saving={state.saving.clone()} />
            <main class="app-main">{ screen }</main>
            <footer class="app-footer">
                <p>
                    { "Tandem runs in your browser. Your answers are kept on this device only and are never sent anywhere." }
                </p>
            </footer>
        </div>
    }
}

/// The browser tab's title for the current screen.
fn screen_title(state: &State) -> String {
    let screen = match &state.progress {
        None => return "Tandem: HR & L&D collaboration assessment".to_owned(),
        Some(progress) => match progress.stage {
            Stage::About => "About you".to_owned(),
            Stage::Section(n) => progress
                .section(&state.bank, n)
                .map_or_else(String::new, |d| d.name.clone()),
            Stage::Results => "Your result".to_owned(),
        },
    };
    format!("{screen} - Tandem")
}
