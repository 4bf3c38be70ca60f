//! The questionnaire's reducer: events in, state out, as the screens see it.

mod common;

use common::mini_bank;
use std::rc::Rc;
use tandem::app::state::{Action, Saving, State, Unreadable};
use tandem::assessment::language::Key;
use tandem::assessment::saved::SavedError;
use tandem::assessment::untrusted::{Place, Problem, Why};
use tandem::assessment::{
    code, export, Answer, DimensionId, Level, Mode, Role, Stage, StatementId, Unanswered,
};
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
fn restarting_also_forgets_the_comparison_and_the_last_import() {
    let state = at_results();
    let code = code::encode(&state.bank, state.progress.as_ref().unwrap());
    let state = after(
        state,
        [
            Action::EarlierCodeEntered(code),
            Action::FileImported("notes.json".into(), Ok("{}".into())),
            Action::Restarted,
        ],
    );
    assert_eq!((state.earlier.clone(), state.import.clone()), (None, None));
}

#[test]
fn unreadable_saved_data_is_held_until_the_person_starts() {
    let held = Rc::new(State::new(
        Rc::new(mini_bank()),
        None,
        Saving::Held(Unreadable::Saved(SavedError::Damaged {
            reason: Problem::new(
                Place::Line { line: 1, column: 1 },
                Why::new(Key::PROBLEM_JSON_SYNTAX),
            ),
        })),
    ));
    assert!(!held.saving.allows_writing());
    let started = after(held, [Action::Started(Mode::Quick)]);
    assert_eq!(started.saving, Saving::On);
    assert!(started.saving.allows_writing());
}

#[test]
fn a_failed_save_is_reported_and_cleared_by_a_later_success() {
    let state = after(
        start(),
        [Action::SavingFailed(Why::new(Key::PROBLEM_STORAGE_FULL))],
    );
    assert_eq!(
        state.saving,
        Saving::Failed(Why::new(Key::PROBLEM_STORAGE_FULL))
    );
    assert!(state.saving.allows_writing(), "the next change tries again");
    let state = after(state, [Action::Saved]);
    assert_eq!(state.saving, Saving::On);
}

#[test]
fn storage_that_is_unavailable_stays_unavailable() {
    let state = Rc::new(State::new(Rc::new(mini_bank()), None, Saving::Unavailable));
    let state = after(state, [Action::Started(Mode::Quick), Action::Saved]);
    assert_eq!(state.saving, Saving::Unavailable);
    assert!(!state.saving.allows_writing());
}

/// A quick mini assessment taken to the results, through the reducer.
fn at_results() -> Rc<State> {
    after(
        start(),
        [
            Action::Started(Mode::Quick),
            Action::ChoseRole(Role::Hr),
            Action::WentNext,
            answered("alpha.one", Answer::Agree),
            answered("alpha.two", Answer::Agree),
            answered("alpha.three", Answer::Disagree),
            answered("alpha.four", Answer::Agree),
            Action::WentNext,
            answered("beta.one", Answer::Disagree),
            answered("beta.two", Answer::Neutral),
            Action::WentNext,
        ],
    )
}

#[test]
fn plan_events_reach_the_plan() {
    use tandem::assessment::plan::{ActionEdit, Direction, PlanChange};
    let state = at_results();
    let progress = state.progress.as_ref().unwrap();
    assert_eq!(progress.stage, Stage::Results);
    let drafted = progress.plan.actions.len();
    assert!(drafted > 0);
    let first = progress.plan.actions[0].id;

    let state = after(
        state,
        [
            Action::PlanChanged(PlanChange::Edit(
                first,
                ActionEdit::Text("Agree a monthly review".into()),
            )),
            Action::PlanChanged(PlanChange::Move(first, Direction::Down)),
            Action::PlanChanged(PlanChange::Add),
        ],
    );
    let plan = &state.progress.as_ref().unwrap().plan;
    assert_eq!(plan.actions.len(), drafted + 1);
    assert_eq!(plan.actions[1].text, "Agree a monthly review");
    assert!(plan.edited);

    let state = after(
        state,
        [
            Action::PlanChanged(PlanChange::Remove(first)),
            Action::PlanChanged(PlanChange::Redraft),
        ],
    );
    let plan = &state.progress.as_ref().unwrap().plan;
    assert_eq!(plan.actions.len(), drafted);
    assert!(!plan.edited);
}

#[test]
fn a_target_event_redrafts_an_untouched_plan() {
    let state = at_results();
    let before = state.progress.as_ref().unwrap().plan.actions.len();
    let beta_level = state
        .progress
        .as_ref()
        .unwrap()
        .report(&state.bank)
        .dimensions[1]
        .level()
        .unwrap();
    assert!(beta_level.number() <= 3);
    let state = after(
        state,
        [Action::PlanChanged(
            tandem::assessment::plan::PlanChange::Target(
                DimensionId::from("beta"),
                Level::new(5).unwrap(),
            ),
        )],
    );
    assert!(state.progress.as_ref().unwrap().plan.actions.len() > before);
}

#[test]
fn a_good_import_replaces_the_progress_and_a_bad_one_changes_nothing() {
    let state = at_results();
    let bank = Rc::clone(&state.bank);
    let exported = export::to_json(&bank, state.progress.as_ref().unwrap());

    let restarted = after(Rc::clone(&state), [Action::Restarted]);
    let imported = after(
        restarted,
        [Action::FileImported("mine.json".into(), Ok(exported))],
    );
    assert_eq!(imported.progress, state.progress);
    assert!(matches!(&imported.import, Some(Ok(message)) if message.contains("mine.json")));

    for text in [
        Ok("{\"format\":".to_owned()),
        Err(Why::new(Key::PROBLEM_FILE_UNREADABLE).text("file", "bad.json")),
    ] {
        let refused = after(
            Rc::clone(&state),
            [Action::FileImported("bad.json".into(), text)],
        );
        assert_eq!(refused.progress, state.progress, "answers untouched");
        assert!(
            matches!(&refused.import, Some(Err(refused)) if refused.file.as_deref() == Some("bad.json") && !refused.reason.to_string().is_empty())
        );
    }
}

#[test]
fn an_earlier_result_is_read_from_a_code_or_refused_with_a_reason() {
    let state = at_results();
    let code = code::encode(&state.bank, state.progress.as_ref().unwrap());
    let comparing = after(
        Rc::clone(&state),
        [Action::EarlierCodeEntered(code.clone())],
    );
    assert!(matches!(&comparing.earlier, Some(Ok(_))));
    let closed = after(comparing, [Action::ComparisonClosed]);
    assert_eq!(closed.earlier, None);

    let typo = code.replacen('1', "2", 1);
    let refused = after(state, [Action::EarlierCodeEntered(typo)]);
    assert!(
        matches!(&refused.earlier, Some(Err(refused)) if refused.file.is_none() && !refused.reason.to_string().is_empty())
    );
}

#[test]
fn a_shared_link_is_shown_beside_the_persons_own_progress() {
    let mine = at_results();
    let other = after(
        start(),
        [
            Action::Started(Mode::Quick),
            Action::ChoseRole(Role::LearningAndDevelopment),
        ],
    );
    let link = format!(
        "#r={}",
        code::encode(&mine.bank, mine.progress.as_ref().unwrap())
    );
    let viewing = after(Rc::clone(&other), [Action::LinkOpened(link)]);
    let shared = viewing.shared.clone().unwrap().unwrap();
    assert_eq!(shared.answers, mine.progress.as_ref().unwrap().answers);
    assert_eq!(viewing.progress, other.progress, "own progress untouched");
    let closed = after(viewing, [Action::SharedClosed]);
    assert_eq!(closed.shared, None);

    let broken = after(other, [Action::LinkOpened("#r=T1-XXXXX".into())]);
    assert!(matches!(broken.shared, Some(Err(_))));
}
