//! The questionnaire's reducer: events in, state out, as the screens see it.

mod common;

use common::mini_bank;
use std::rc::Rc;
use tandem::app::state::{Action, Saving, State};
use tandem::assessment::{Answer, Mode, Role, Stage, StatementId, Unanswered};
use yew::Reducible;

fn start() -> Rc<State> {
    Rc::new(State::new(Rc::new(mini_bank()), None, Saving::On))
}

fn after(state: Rc<State>, actions: impl IntoIterator<Item = Action>) -> Rc<State> {
    actions.into_iter().fold(state, |s, a| s.reduce(a))
}

fn answered(id: &str, answer: Answer) -> Action {
    Action::Answered(StatementId::from(id), answer)
}

#[test]
fn starting_and_choosing_a_role_reaches_the_first_section() {
    let state = after(
        start(),
        [
            Action::Started(Mode::Quick),
            Action::ChoseRole(Role::Hr),
            Action::NamedTeam("North".into()),
            Action::WentNext,
        ],
    );
    let progress = state.progress.as_ref().unwrap();
    assert_eq!(progress.stage, Stage::Section(0));
    assert_eq!(progress.team, "North");
    assert_eq!(state.unanswered, None);
}

#[test]
fn a_refused_next_lists_what_is_missing_until_it_is_answered() {
    let state = after(start(), [Action::Started(Mode::Quick), Action::WentNext]);
    assert_eq!(state.unanswered, Some(Unanswered::Role));
    assert_eq!(state.refusals, 1);
    let state = after(state, [Action::ChoseRole(Role::Other)]);
    assert_eq!(state.unanswered, None, "choosing a role clears the error");

    let state = after(
        state,
        [
            Action::WentNext,
            answered("alpha.one", Answer::Agree),
            Action::WentNext,
        ],
    );
    assert_eq!(state.refusals, 2);
    let state = after(state, [answered("alpha.two", Answer::DontKnow)]);
    assert_eq!(
        state.unanswered,
        Some(Unanswered::Statements(vec![
            StatementId::from("alpha.three"),
            StatementId::from("alpha.four")
        ]))
    );
    let state = after(state, [Action::WentNext]);
    assert_eq!(
        state.refusals, 3,
        "each refusal counts, even with the same list"
    );
}

#[test]
fn events_that_change_nothing_keep_the_same_state() {
    let state = after(start(), [Action::Started(Mode::Quick)]);
    for action in [
        Action::Started(Mode::Full),
        answered("gamma.one", Answer::Agree),
        answered("alpha.one", Answer::NotApplicable),
        Action::Saved,
    ] {
        let next = Rc::clone(&state).reduce(action.clone());
        assert!(Rc::ptr_eq(&state, &next), "{action:?}");
    }
}

#[test]
fn back_from_the_first_screen_leaves_only_when_nothing_is_lost() {
    let state = after(start(), [Action::Started(Mode::Quick), Action::WentBack]);
    assert_eq!(state.progress, None);

    let state = after(
        start(),
        [
            Action::Started(Mode::Quick),
            Action::ChoseRole(Role::Hr),
            Action::WentNext,
            answered("alpha.one", Answer::Agree),
            Action::WentBack,
            Action::WentBack,
        ],
    );
    let progress = state.progress.as_ref().expect("answers are kept");
    assert_eq!(progress.stage, Stage::About);
}

#[test]
fn restarting_forgets_everything() {
    let state = after(
        start(),
        [
            Action::Started(Mode::Full),
            Action::ChoseRole(Role::Hr),
            Action::WentNext,
            answered("alpha.one", Answer::Agree),
            Action::Restarted,
        ],
    );
    assert_eq!(state.progress, None);
    assert_eq!(state.unanswered, None);
}

#[test]
fn unreadable_saved_data_is_held_until_the_person_starts() {
    let held = Rc::new(State::new(
        Rc::new(mini_bank()),
        None,
        Saving::Held("the saved data is damaged".into()),
    ));
    assert!(!held.may_save());
    let started = after(held, [Action::Started(Mode::Quick)]);
    assert_eq!(started.saving, Saving::On);
    assert!(started.may_save());
}

#[test]
fn a_failed_save_is_reported_and_cleared_by_a_later_success() {
    let state = after(start(), [Action::SavingFailed("storage is full".into())]);
    assert_eq!(state.saving, Saving::Failed("storage is full".into()));
    assert!(state.may_save(), "the next change tries again");
    let state = after(state, [Action::Saved]);
    assert_eq!(state.saving, Saving::On);
}

#[test]
fn storage_that_is_unavailable_stays_unavailable() {
    let state = Rc::new(State::new(Rc::new(mini_bank()), None, Saving::Unavailable));
    let state = after(state, [Action::Started(Mode::Quick), Action::Saved]);
    assert_eq!(state.saving, Saving::Unavailable);
    assert!(!state.may_save());
}
