//! A consultant's own questions through the whole domain: weights in the
//! individual score and the team view alike, result codes that never mix
//! with another bank's, and a workshop that starts with the configured
//! anonymity threshold.

use std::rc::Rc;
use tandem::app::state::Saving;
use tandem::app::workshop_state::{WorkshopAction, WorkshopState};
use tandem::assessment::code;
use tandem::assessment::workshop::Workshop;
use tandem::assessment::{Answer, Bank, Config, Mode, Progress, Role, Stage, StatementId};
use yew::Reducible;

fn example() -> Config {
    Config::parse(
        include_str!("../examples/tandem.config.json"),
        Bank::standard(),
    )
    .unwrap()
}

/// The answers docs/configuration.md works through: Agree on the weighted
/// statement, Disagree on the reversed one, Strongly agree on the last.
fn documented(bank: &Bank) -> Progress {
    let mut progress = Progress::new(Mode::Quick);
    progress.role = Some(Role::Hr);
    for (id, answer) in [
        ("joint-planning.shared-calendar", Answer::Agree),
        ("joint-planning.late-surprises", Answer::Disagree),
        ("joint-planning.budget-review", Answer::StronglyAgree),
    ] {
        assert!(progress.answer(bank, &StatementId::from(id), answer));
    }
    progress.stage = Stage::Results;
    progress.fitted_to(bank)
}

#[test]
fn weights_count_in_the_score_as_documented() {
    let config = example();
    let bank = config.bank();
    let report = documented(bank).report(bank);
    let score = report.dimensions[0].score().map(|s| s.value());
    assert_eq!(score, Some(81), "(2 × 75 + 75 + 100) / 4 = 81.25");
}

#[test]
fn the_team_view_weighs_answers_as_the_individual_score_does() {
    let config = example();
    let bank = config.bank();
    let progress = documented(bank);
    let mut workshop = Workshop::new("Northwind");
    let gathered = workshop.add_text(bank, &code::encode(bank, &progress));
    assert_eq!(gathered.added, 1);
    let view = workshop.team_view(bank, 1, str::to_lowercase);
    // One participant: the lowest score in the room is theirs.
    let lowest = view.dimensions[0].spread.as_ref().map(|s| s.min.value());
    assert_eq!(lowest, Some(81));
}

#[test]
fn result_codes_from_other_questions_are_refused_by_a_workshop() {
    let config = example();
    let code = code::encode(config.bank(), &documented(config.bank()));
    let mut workshop = Workshop::new("");
    let gathered = workshop.add_text(Bank::standard(), &code);
    assert_eq!(gathered.added, 0);
    assert_eq!(gathered.rejected.len(), 1);
    assert!(
        gathered.rejected[0]
            .reason
            .to_string()
            .starts_with("This code is for a different set of questions"),
        "{}",
        gathered.rejected[0].reason
    );

    // Fewer dimensions of the standard bank are other questions too.
    let fewer = Config::parse(
        r#"{"dimensions": ["communication", "business-partnering"]}"#,
        Bank::standard(),
    )
    .unwrap();
    let mut progress = Progress::new(Mode::Quick);
    progress.role = Some(Role::Other);
    let code = code::encode(fewer.bank(), &progress);
    assert!(code::decode(Bank::standard(), &code).is_err());
    assert!(code::decode(fewer.bank(), &code).is_ok());
}

#[test]
fn a_new_workshop_starts_with_the_configured_threshold() {
    let config = example();
    let state = WorkshopState::new(
        Rc::new(config.bank().clone()),
        None,
        config.anonymity_threshold(),
        1,
        Saving::On,
    );
    assert_eq!(state.threshold, 4);
    assert_eq!(state.view.threshold, 4);
}

#[test]
fn a_workshop_never_goes_below_the_site_floor() {
    let config = example();
    let bank = Rc::new(config.bank().clone());
    let state = Rc::new(WorkshopState::new(Rc::clone(&bank), None, 2, 5, Saving::On));
    assert_eq!(state.threshold, 5, "a new workshop starts at the floor");
    let state = state.reduce(WorkshopAction::ThresholdChosen(1));
    assert_eq!(state.threshold, 5);
    let state = state.reduce(WorkshopAction::ThresholdChosen(7));
    assert_eq!(state.threshold, 7);
}
