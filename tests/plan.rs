//! Targets and the action plan: the draft follows the documented order, and
//! the person's edits are theirs to keep.

mod common;

use common::mini_bank;
use tandem::assessment::plan::{target_for, ActionEdit, Direction, Horizon, Owner, PlanChange};
use tandem::assessment::{
    Answer, Bank, DimensionId, Level, Mode, Progress, Role, Stage, StatementId,
};

/// Full mini assessment: alpha 75 (level 4), beta 25 (level 2),
/// gamma 50 (level 3), delta 100 (level 5), then on to the results.
fn finished() -> (Bank, Progress) {
    let bank = mini_bank();
    let mut progress = Progress::new(Mode::Full);
    progress.choose_role(Role::Hr);
    let answers = [
        ("alpha.one", Answer::StronglyAgree),
        ("alpha.two", Answer::StronglyAgree),
        ("alpha.three", Answer::StronglyAgree),
        ("alpha.four", Answer::StronglyAgree),
        ("beta.one", Answer::Disagree),
        ("beta.two", Answer::Disagree),
        ("gamma.one", Answer::Neutral),
        ("gamma.two", Answer::Neutral),
        ("delta.one", Answer::StronglyAgree),
        ("delta.two", Answer::StronglyAgree),
    ];
    for (id, answer) in answers {
        assert!(progress.answer(&bank, &StatementId::from(id), answer));
    }
    while progress.stage != Stage::Results {
        progress.next(&bank).unwrap();
    }
    (bank, progress)
}

fn id(s: &str) -> DimensionId {
    DimensionId::from(s)
}

fn level(n: u8) -> Level {
    Level::new(n).unwrap()
}

#[test]
fn targets_default_to_one_level_up_capped_at_the_top() {
    let (_, progress) = finished();
    assert_eq!(target_for(&progress.plan, &id("alpha"), level(4)), level(5));
    assert_eq!(target_for(&progress.plan, &id("delta"), level(5)), level(5));
}

#[test]
fn reaching_the_results_drafts_a_prioritised_plan() {
    let (_, progress) = finished();
    let plan = &progress.plan;
    assert!(plan.drafted && !plan.edited);
    // Every gap is one level; lowest score first: beta (25), gamma (50),
    // alpha (75). Delta is at the top and needs nothing. A first step for
    // each before a second for any.
    let order: Vec<&str> = plan.actions.iter().map(|a| a.dimension.as_str()).collect();
    assert_eq!(order, ["beta", "gamma", "alpha", "beta", "gamma", "alpha"]);
    let horizons: Vec<Horizon> = plan.actions.iter().map(|a| a.horizon).collect();
    use Horizon::*;
    assert_eq!(horizons, [Days30, Days30, Days60, Days60, Days90, Days90]);
    assert_eq!(plan.actions[0].text, "Do one thing");
    assert!(plan.actions.iter().all(|a| a.owner == Owner::Joint));
}

#[test]
fn a_higher_target_adds_the_steps_in_between_and_comes_first() {
    let (bank, mut progress) = finished();
    assert!(progress.change_plan(&bank, PlanChange::Target(id("gamma"), level(5))));
    let plan = &progress.plan;
    // gamma now has a gap of two levels, so it leads; one action per turn.
    let order: Vec<&str> = plan.actions.iter().map(|a| a.dimension.as_str()).collect();
    assert_eq!(order, ["gamma", "beta", "alpha", "gamma", "beta", "alpha"]);
    // Its two actions: the first step towards level 4, then towards 5.
    let gamma = bank.dimension(&id("gamma")).unwrap();
    let texts: Vec<&str> = plan
        .actions
        .iter()
        .filter(|a| a.dimension.as_str() == "gamma")
        .map(|a| a.text.as_str())
        .collect();
    let first_of = |n| gamma.guidance_at(level(n)).practices[0].text.as_str();
    assert_eq!(texts, [first_of(3), first_of(4)]);
}

#[test]
fn a_drafted_plan_is_short_whatever_the_gaps() {
    let (bank, mut progress) = finished();
    for (dimension, current) in [("alpha", 4), ("beta", 2), ("gamma", 3)] {
        assert!(progress.change_plan(&bank, PlanChange::Target(id(dimension), level(5))));
        assert!(level(current) < level(5));
    }
    assert_eq!(
        progress.plan.actions.len(),
        tandem::assessment::plan::DRAFT_LENGTH
    );
}

#[test]
fn targets_below_the_current_level_or_without_a_score_are_refused() {
    let (bank, mut progress) = finished();
    assert!(!progress.change_plan(&bank, PlanChange::Target(id("alpha"), level(3))));
    assert!(!progress.change_plan(&bank, PlanChange::Target(id("nope"), level(5))));
    // The current level itself is allowed: no actions for that dimension.
    assert!(progress.change_plan(&bank, PlanChange::Target(id("alpha"), level(4))));
    assert!(progress
        .plan
        .actions
        .iter()
        .all(|a| a.dimension.as_str() != "alpha"));
}

#[test]
fn edits_make_the_plan_the_persons_own() {
    let (bank, mut progress) = finished();
    let first = progress.plan.actions[0].id;
    let second = progress.plan.actions[1].id;
    assert!(progress.change_plan(
        &bank,
        PlanChange::Edit(first, ActionEdit::Text("Book a joint review\n".into()))
    ));
    assert!(progress.change_plan(
        &bank,
        PlanChange::Edit(first, ActionEdit::Owner(Owner::Leaders))
    ));
    assert!(progress.change_plan(
        &bank,
        PlanChange::Edit(first, ActionEdit::Horizon(Horizon::Days90))
    ));
    assert!(progress.change_plan(&bank, PlanChange::Move(first, Direction::Down)));
    let order: Vec<u32> = progress.plan.actions.iter().take(2).map(|a| a.id).collect();
    assert_eq!(order, [second, first]);
    assert!(
        !progress.change_plan(&bank, PlanChange::Move(second, Direction::Up)),
        "already first"
    );
    let edited = progress
        .plan
        .actions
        .iter()
        .find(|a| a.id == first)
        .unwrap();
    assert_eq!(edited.text, "Book a joint review ");
    assert_eq!(
        (edited.owner, edited.horizon),
        (Owner::Leaders, Horizon::Days90)
    );
    assert!(progress.plan.edited);

    // A new target no longer redrafts an edited plan...
    let before = progress.plan.actions.clone();
    assert!(progress.change_plan(&bank, PlanChange::Target(id("gamma"), level(5))));
    assert_eq!(progress.plan.actions, before);
    // ...until the person asks.
    progress.change_plan(&bank, PlanChange::Redraft);
    assert!(!progress.plan.edited);
    assert_eq!(progress.plan.actions[0].dimension.as_str(), "gamma");
}

#[test]
fn actions_can_be_added_moved_and_removed() {
    let (bank, mut progress) = finished();
    let count = progress.plan.actions.len();
    // The editor opens the new action by the id announced beforehand.
    let announced = progress.plan.next_id();
    assert!(progress.change_plan(&bank, PlanChange::Add));
    let added = progress.plan.actions.last().unwrap().id;
    assert_eq!(added, announced);
    assert!(progress.plan.next_id() > added);
    assert_eq!(progress.plan.actions.len(), count + 1);
    let new = progress.plan.actions.last().unwrap();
    assert_eq!(
        (new.id, new.dimension.as_str(), new.text.as_str()),
        (added, "beta", "")
    );
    assert!(
        !progress.change_plan(&bank, PlanChange::Move(added, Direction::Down)),
        "already last"
    );
    assert!(progress.change_plan(&bank, PlanChange::Move(added, Direction::Up)));
    assert_eq!(progress.plan.actions[count - 1].id, added);
    assert!(progress.change_plan(&bank, PlanChange::Remove(added)));
    assert!(!progress.change_plan(&bank, PlanChange::Remove(added)));
    assert_eq!(progress.plan.actions.len(), count);
}

#[test]
fn actions_cannot_move_to_a_dimension_outside_the_assessment() {
    let (bank, mut progress) = finished();
    let first = progress.plan.actions[0].id;
    assert!(!progress.change_plan(
        &bank,
        PlanChange::Edit(first, ActionEdit::Dimension(id("nope")))
    ));
    assert!(progress.change_plan(
        &bank,
        PlanChange::Edit(first, ActionEdit::Dimension(id("delta")))
    ));
}

#[test]
fn a_plan_survives_saving_and_is_fitted_on_the_way_back() {
    let (bank, mut progress) = finished();
    progress.change_plan(&bank, PlanChange::Add);
    let text = tandem::assessment::saved::encode(&bank, &progress);
    assert_eq!(
        tandem::assessment::saved::decode(&bank, &text),
        Ok(progress.clone())
    );

    // A saved level outside 1 to 5 is refused, not trusted.
    let broken = text.replace("\"targets\":{}", "\"targets\":{\"alpha\":9}");
    assert_ne!(broken, text);
    assert!(tandem::assessment::saved::decode(&bank, &broken).is_err());

    // Actions for dimensions the bank does not have are dropped.
    let foreign = text.replacen("\"dimension\":\"beta\"", "\"dimension\":\"ghost\"", 1);
    let fitted = tandem::assessment::saved::decode(&bank, &foreign).unwrap();
    assert_eq!(fitted.plan.actions.len(), progress.plan.actions.len() - 1);
}

#[test]
fn the_standard_bank_drafts_practices_from_its_guidance() {
    let bank = Bank::standard();
    let mut progress = Progress::new(Mode::Quick);
    progress.choose_role(Role::LearningAndDevelopment);
    progress.next(bank).unwrap();
    for dimension in bank.dimensions_in(Mode::Quick) {
        for statement in &dimension.statements {
            progress.answer(bank, &statement.id, Answer::Disagree);
        }
    }
    while progress.stage != Stage::Results {
        progress.next(bank).unwrap();
    }
    assert_eq!(
        progress.plan.actions.len(),
        tandem::assessment::plan::DRAFT_LENGTH,
        "a short plan"
    );
    let dimensions: std::collections::BTreeSet<&str> = progress
        .plan
        .actions
        .iter()
        .map(|a| a.dimension.as_str())
        .collect();
    assert_eq!(
        dimensions.len(),
        4,
        "a first step for every dimension with a gap"
    );
    for action in &progress.plan.actions {
        let dimension = bank.dimension(&action.dimension).unwrap();
        let practice = dimension
            .guidance
            .iter()
            .flat_map(|g| &g.practices)
            .find(|p| p.text == action.text)
            .unwrap();
        // Whoever the bank says does the practice, or the dimension's owner.
        assert_eq!(action.owner, practice.owner.unwrap_or(dimension.owner));
    }
    // Owners differ with the practice: not all "jointly".
    let owners: std::collections::HashSet<_> =
        progress.plan.actions.iter().map(|a| a.owner).collect();
    assert!(owners.len() >= 2, "{owners:?}");
}
