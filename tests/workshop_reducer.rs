//! The workshop screen's reducer: each event in, the state out. Saving and
//! loading are the screen owner's effects (`app::saved_workshop`); here the
//! state is fed events as the screen would send them.

mod common;

use common::sample::participant;
use std::rc::Rc;
use tandem::app::state::{Saving, Unreadable};
use tandem::app::workshop_state::{Presenter, Slide, WorkshopAction, WorkshopState};
use tandem::assessment::language::Key;
use tandem::assessment::plan::{ActionEdit, ActionPlan, Direction, PlanChange};
use tandem::assessment::saved::{SavedError, WorkshopRecord, MAX_THRESHOLD};
use tandem::assessment::untrusted::{Place, Problem, Why};
use tandem::assessment::workshop::Workshop;
use tandem::assessment::{code, export, Bank, Level, Mode, Progress};
use yew::Reducible;

fn bank() -> Rc<Bank> {
    Rc::new(Bank::standard().clone())
}

/// Quick assessments, so that the room is asked one mode.
fn quick(bank: &Bank, seed: u64) -> Progress {
    participant(bank, 2 * seed + 1)
}

fn codes(bank: &Bank, seeds: std::ops::Range<u64>) -> String {
    seeds
        .map(|seed| code::encode(bank, &quick(bank, seed)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn opened(saving: Saving) -> Rc<WorkshopState> {
    Rc::new(WorkshopState::new(bank(), None, 3, 1, saving))
}

fn after(
    state: Rc<WorkshopState>,
    actions: impl IntoIterator<Item = WorkshopAction>,
) -> Rc<WorkshopState> {
    actions.into_iter().fold(state, Reducible::reduce)
}

fn pasted(n: u64) -> Rc<WorkshopState> {
    let state = opened(Saving::On);
    let text = codes(&state.bank, 0..n);
    after(state, [WorkshopAction::CodesPasted(text)])
}

#[test]
fn a_saved_workshop_opens_as_it_was_saved() {
    let bank = bank();
    let mut workshop = Workshop::new("Spring");
    workshop.add_text(&bank, &codes(&bank, 0..4));
    let record = WorkshopRecord {
        workshop,
        threshold: 4,
        plan: ActionPlan::default(),
    };
    let state = WorkshopState::new(Rc::clone(&bank), Some(record.clone()), 3, 1, Saving::On);
    assert_eq!(state.workshop.name(), "Spring");
    assert_eq!(state.view.participants, 4);
    assert_eq!(
        state.threshold, 4,
        "a saved workshop keeps its own threshold"
    );
    assert_eq!(state.record(), record);
    // A threshold saved below the site's floor, or above the largest, is
    // brought within them.
    let floored = WorkshopState::new(Rc::clone(&bank), Some(record.clone()), 3, 6, Saving::On);
    assert_eq!((floored.threshold, floored.view.threshold), (6, 6));
    let huge = WorkshopRecord {
        threshold: MAX_THRESHOLD + 5,
        ..record
    };
    let capped = WorkshopState::new(bank, Some(huge), 3, 1, Saving::On);
    assert_eq!(capped.threshold, MAX_THRESHOLD);
}

#[test]
fn renaming_keeps_a_clean_name_and_the_same_name_changes_nothing() {
    let state = after(
        opened(Saving::On),
        [WorkshopAction::Renamed("  Spring\u{7} review ".into())],
    );
    assert_eq!(state.workshop.name(), "Spring review");
    let again = after(
        Rc::clone(&state),
        [WorkshopAction::Renamed("Spring review".into())],
    );
    assert!(Rc::ptr_eq(&state, &again), "no change, no render");
}

#[test]
fn pasted_and_scanned_codes_join_the_team_and_draft_its_plan() {
    let state = pasted(5);
    let gathered = state.gathered.as_ref().expect("a report of the paste");
    assert_eq!((gathered.added, gathered.duplicates), (5, 0));
    assert_eq!(state.view.participants, 5);
    assert!(
        state.plan.drafted,
        "the plan follows the team as people join"
    );
    let drafted = state.plan.actions.len();
    assert!(drafted > 0);

    let scanned = after(
        Rc::clone(&state),
        [WorkshopAction::CodeScanned(code::encode(
            &state.bank,
            &quick(&state.bank, 9),
        ))],
    );
    assert_eq!(scanned.gathered.as_ref().map(|g| g.added), Some(1));
    assert_eq!(scanned.view.participants, 6);

    // A code already in is counted once, and reported as such.
    let again = after(
        scanned,
        [WorkshopAction::CodesPasted(codes(&state.bank, 0..1))],
    );
    let gathered = again.gathered.as_ref().unwrap();
    assert_eq!((gathered.added, gathered.duplicates), (0, 1));
    assert_eq!(again.view.participants, 6);
}

#[test]
fn chosen_files_add_the_results_they_hold_and_name_those_they_do_not() {
    let state = opened(Saving::On);
    let export = export::to_json(&state.bank, &quick(&state.bank, 2));
    let state = after(
        state,
        [WorkshopAction::FilesChosen(vec![
            ("anna.json".into(), Ok(export)),
            ("notes.json".into(), Ok("{ not json".into())),
            (
                "huge.json".into(),
                Err(Why::new(Key::PROBLEM_FILE_EXPORT_TOO_LARGE)
                    .text("file", "huge.json")
                    .number("kb", 2048)),
            ),
        ])],
    );
    let gathered = state.gathered.as_ref().unwrap();
    assert_eq!(gathered.added, 1);
    let named: Vec<&str> = gathered.rejected.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(named, ["notes.json", "huge.json"]);
    assert!(gathered.rejected[1]
        .reason
        .to_string()
        .contains("is 2048 KB, far larger than a Tandem export"));
    assert_eq!(state.view.participants, 1);
}

#[test]
fn removing_a_participant_changes_the_figures_and_a_missing_one_changes_nothing() {
    let state = pasted(4);
    let removed = after(Rc::clone(&state), [WorkshopAction::ParticipantRemoved(1)]);
    assert_eq!(removed.workshop.len(), 3);
    assert_eq!(removed.view.participants, 3);
    assert_eq!(removed.workshop.codes()[1], state.workshop.codes()[2]);
    let nobody = after(Rc::clone(&removed), [WorkshopAction::ParticipantRemoved(3)]);
    assert!(Rc::ptr_eq(&removed, &nobody));
}

#[test]
fn codes_that_no_longer_read_are_kept_until_discarded() {
    let bank = bank();
    let mut saved = {
        let mut workshop = Workshop::new("");
        workshop.add_text(&bank, &codes(&bank, 0..2));
        workshop.saved()
    };
    saved.codes.push("T1-ZZZZZ-ZZZZZ-ZZZZZ".into());
    let (workshop, _) = Workshop::restore(&bank, saved).expect("restores");
    let record = WorkshopRecord {
        workshop,
        threshold: 3,
        plan: ActionPlan::default(),
    };
    let state = Rc::new(WorkshopState::new(bank, Some(record), 3, 1, Saving::On));
    assert_eq!(state.workshop.unreadable().len(), 1);
    assert_eq!(state.view.participants, 2, "left out of the figures");
    let discarded = after(state, [WorkshopAction::UnreadableDiscarded]);
    assert!(discarded.workshop.unreadable().is_empty());
    assert_eq!(discarded.workshop.len(), 2);
}

#[test]
fn the_threshold_stays_between_the_site_floor_and_the_largest() {
    let state = Rc::new(WorkshopState::new(bank(), None, 3, 2, Saving::On));
    let state = after(state, [WorkshopAction::ThresholdChosen(5)]);
    assert_eq!((state.threshold, state.view.threshold), (5, 5));
    let state = after(state, [WorkshopAction::ThresholdChosen(1)]);
    assert_eq!(state.threshold, 2, "not below the floor");
    let state = after(state, [WorkshopAction::ThresholdChosen(MAX_THRESHOLD + 1)]);
    assert_eq!(state.threshold, MAX_THRESHOLD);
}

#[test]
fn an_edited_plan_is_no_longer_redrafted_as_people_join() {
    let state = pasted(3);
    let dimension = state
        .bank
        .dimensions_in(Mode::Quick)
        .next()
        .unwrap()
        .id
        .clone();
    let targeted = after(
        Rc::clone(&state),
        [WorkshopAction::PlanChanged(PlanChange::Target(
            dimension.clone(),
            Level::HIGHEST,
        ))],
    );
    assert_eq!(targeted.plan.targets.get(&dimension), Some(&Level::HIGHEST));
    let first = targeted.plan.actions[0].id;
    let edited = after(
        targeted,
        [WorkshopAction::PlanChanged(PlanChange::Edit(
            first,
            ActionEdit::Text("Meet every month".into()),
        ))],
    );
    assert!(edited.plan.edited);
    let actions = edited.plan.actions.clone();
    let joined = after(
        edited,
        [WorkshopAction::CodesPasted(codes(&state.bank, 3..8))],
    );
    assert_eq!(joined.view.participants, 8);
    assert_eq!(
        joined.plan.actions, actions,
        "the team's own words are kept"
    );

    // Unedited, the plan follows the room.
    let followed = after(
        Rc::clone(&state),
        [WorkshopAction::CodesPasted(codes(&state.bank, 3..8))],
    );
    assert!(!followed.plan.edited);
    assert_eq!(
        followed.plan.actions.len(),
        {
            let mut plan = ActionPlan::default();
            plan.redraft(&followed.bank, &followed.view.report());
            plan.actions.len()
        },
        "redrafted from the team's report"
    );
}

#[test]
fn presenter_mode_moves_one_dimension_at_a_time_and_hides_the_figures_first() {
    let state = after(pasted(3), [WorkshopAction::PresenterStarted]);
    let first = Presenter {
        position: 0,
        revealed: false,
    };
    assert_eq!(state.presenter, Some(first));
    let up = after(
        Rc::clone(&state),
        [WorkshopAction::PresenterMoved(Direction::Up)],
    );
    assert!(Rc::ptr_eq(&state, &up), "nothing before the first");
    let revealed = after(state, [WorkshopAction::Revealed]);
    assert_eq!(revealed.presenter.map(|p| p.revealed), Some(true));
    let second = after(revealed, [WorkshopAction::PresenterMoved(Direction::Down)]);
    assert_eq!(
        second.presenter,
        Some(Presenter {
            position: 1,
            revealed: false
        }),
        "a new dimension starts hidden"
    );
    let count = second.view.dimensions.len();
    assert_eq!(Slide::count(&second.view), count + 2);
    let last = after(
        second,
        (0..count + 3).map(|_| WorkshopAction::PresenterMoved(Direction::Down)),
    );
    // After the dimensions: the most divided statements, then the plan.
    assert_eq!(last.presenter.map(|p| p.position), Some(count + 1));
    assert_eq!(
        Slide::at(&last.view, count - 1),
        Slide::Dimension(count - 1)
    );
    assert_eq!(Slide::at(&last.view, count), Slide::Divided);
    assert_eq!(Slide::at(&last.view, count + 1), Slide::Plan);
    let ended = after(last, [WorkshopAction::PresenterEnded]);
    assert_eq!(ended.presenter, None);
    let revealed_outside = after(Rc::clone(&ended), [WorkshopAction::Revealed]);
    assert!(Rc::ptr_eq(&ended, &revealed_outside));
}

#[test]
fn a_clicker_reveals_each_dimension_then_moves_on_and_stops_at_the_plan() {
    let state = after(pasted(3), [WorkshopAction::PresenterStarted]);
    let count = Slide::count(&state.view);
    let at = |position, revealed| Some(Presenter { position, revealed });
    let once = after(Rc::clone(&state), [WorkshopAction::PresenterForward]);
    assert_eq!(once.presenter, at(0, true), "the first press reveals");
    let twice = after(once, [WorkshopAction::PresenterForward]);
    assert_eq!(
        twice.presenter,
        at(1, false),
        "the second moves on, held back"
    );
    let dimensions = state.view.dimensions.len();
    let end = after(
        twice,
        (0..3 * count).map(|_| WorkshopAction::PresenterForward),
    );
    assert_eq!(
        end.presenter.map(|p| p.position),
        Some(count - 1),
        "it stops at the plan"
    );
    // The divided statements and the plan hold nothing back: one press each.
    let divided = after(
        Rc::clone(&state),
        (0..2 * dimensions).map(|_| WorkshopAction::PresenterForward),
    );
    assert_eq!(divided.presenter, at(dimensions, false));
    let plan = after(divided, [WorkshopAction::PresenterForward]);
    assert_eq!(plan.presenter, at(dimensions + 1, false));
}

#[test]
fn a_new_workshop_forgets_everyone_and_ends_a_hold_on_unreadable_data() {
    let held = Rc::new(WorkshopState::new(
        bank(),
        None,
        3,
        1,
        Saving::Held(Unreadable::Saved(SavedError::Damaged {
            reason: Problem::new(Place::File, Why::new(Key::PROBLEM_DATA_OTHER)),
        })),
    ));
    assert!(!held.saving.allows_writing());
    let text = codes(&held.bank, 0..3);
    let state = after(
        held,
        [
            WorkshopAction::Renamed("Spring".into()),
            WorkshopAction::CodesPasted(text),
            WorkshopAction::PresenterStarted,
            WorkshopAction::Cleared,
        ],
    );
    assert!(state.workshop.is_empty());
    assert_eq!(state.workshop.name(), "");
    assert_eq!(state.view.participants, 0);
    assert!(state.plan.actions.is_empty() && state.plan.targets.is_empty());
    assert!(!state.plan.edited);
    assert_eq!((state.gathered.clone(), state.presenter), (None, None));
    assert_eq!(state.saving, Saving::On);
    assert!(state.saving.allows_writing());

    // Storage that is not there stays so.
    let unavailable = after(opened(Saving::Unavailable), [WorkshopAction::Cleared]);
    assert_eq!(unavailable.saving, Saving::Unavailable);
}

#[test]
fn a_failed_save_is_said_and_the_next_save_clears_it() {
    let state = opened(Saving::On);
    let saved = after(Rc::clone(&state), [WorkshopAction::Saved]);
    assert!(
        Rc::ptr_eq(&state, &saved),
        "saving as usual changes nothing"
    );
    let failed = after(
        state,
        [WorkshopAction::SavingFailed(Why::new(
            Key::PROBLEM_STORAGE_FULL,
        ))],
    );
    assert_eq!(
        failed.saving,
        Saving::Failed(Why::new(Key::PROBLEM_STORAGE_FULL))
    );
    assert!(
        failed.saving.allows_writing(),
        "the next change tries again"
    );
    let saved = after(failed, [WorkshopAction::Saved]);
    assert_eq!(saved.saving, Saving::On);
}

#[test]
fn another_tabs_codes_are_taken_in_and_said() {
    let state = after(
        pasted(3),
        [WorkshopAction::SavingFailed(Why::new(
            Key::PROBLEM_STORAGE_BUSY,
        ))],
    );
    let mut joined = state.workshop.clone();
    let mut other = Workshop::new("");
    other.add_text(&state.bank, &codes(&state.bank, 2..5));
    let added = joined.absorb(&other);
    assert_eq!(added, 2);
    let absorbed = after(
        state,
        [WorkshopAction::OtherTabAbsorbed {
            workshop: joined,
            added,
        }],
    );
    assert_eq!(absorbed.absorbed, Some(2));
    assert_eq!(absorbed.workshop.len(), 5);
    assert_eq!(absorbed.view.participants, 5, "the figures follow");
    assert_eq!(absorbed.saving, Saving::On);
}
