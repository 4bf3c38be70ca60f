//! One person's results, for the journeys that take an assessment and check
//! what the results page shows: each answer set the journeys use, with the
//! rows, cards and overall line its report gives, and for the plan journey
//! the drafts and targets.

use crate::answers::{self, answered, on_scale, scoring, shifted, throughout, with_dimension};
use crate::shown;
use serde_json::{json, Map, Value};
use tandem::assessment::plan::{target_for, ActionPlan, PlanChange};
use tandem::assessment::wording;
use tandem::assessment::{Answer, Bank, Level, Mode, Progress, Report};

/// An answer set a journey takes, by the name the journey asks for it by.
pub struct AnswerSet {
    pub name: &'static str,
    pub progress: Progress,
    /// Target levels, by the dimension's position in the mode, whose plan
    /// drafts the fixture writes; empty for a journey that checks no plan.
    pub drafts: Vec<Vec<(usize, u8)>>,
}

impl AnswerSet {
    fn new(name: &'static str, progress: Progress) -> AnswerSet {
        AnswerSet {
            name,
            progress,
            drafts: Vec::new(),
        }
    }
}

/// Every answer set the journeys take, in the order of e2e/tests.
pub fn answer_sets(bank: &Bank) -> Vec<AnswerSet> {
    let quick = Mode::Quick;
    let varied = answered(bank, quick, |_, index, _| {
        if index == 9 {
            Answer::DontKnow
        } else {
            on_scale(index * 3 + 1)
        }
    });
    let first_with_na = |mode| {
        bank.dimensions_in(mode)
            .flat_map(|d| &d.statements)
            .find(|s| s.not_applicable)
            .expect("the bank offers \"Not applicable\" somewhere")
            .id
            .clone()
    };
    let mut varied_na = varied.clone();
    assert!(varied_na.answer(bank, &first_with_na(quick), Answer::NotApplicable));
    let full_na = first_with_na(Mode::Full);
    let earlier = answered(bank, quick, |_, index, _| on_scale(index * 3 + 1));
    let later = with_dimension(
        bank,
        &shifted(bank, &shifted(bank, &earlier, 1, 1), 2, -1),
        3,
        Answer::DontKnow,
    );
    let mut one_level_each =
        AnswerSet::new("one-level-each", scoring(bank, quick, &[0, 25, 50, 75]));
    one_level_each.drafts = vec![vec![], vec![(0, 4)], vec![(0, 4), (1, 4)]];
    vec![
        // assessment.test.js
        AnswerSet::new("agree-throughout", throughout(bank, quick, Answer::Agree)),
        AnswerSet::new(
            "full-varied",
            answered(bank, Mode::Full, |statement, index, _| {
                if statement.id == full_na {
                    Answer::NotApplicable
                } else if index == 5 {
                    Answer::DontKnow
                } else {
                    on_scale(index)
                }
            }),
        ),
        AnswerSet::new(
            "second-dimension-dont-know",
            answered(bank, quick, |_, _, position| {
                if position == 1 {
                    Answer::DontKnow
                } else {
                    Answer::Agree
                }
            }),
        ),
        // screens.test.js: "Don't know" to 10 of 16, two dimensions left
        // without a score; the overall result still stands, tentatively.
        AnswerSet::new(
            "mostly-dont-know",
            answered(bank, quick, |_, index, position| {
                if position >= 2 || index % 4 == 3 {
                    Answer::DontKnow
                } else {
                    Answer::Agree
                }
            }),
        ),
        // accessibility.test.js: the keyboard journey
        AnswerSet::new(
            "scale-in-turn",
            answered(bank, quick, |_, index, _| on_scale(index)),
        ),
        // compare.test.js: the second dimension one step more positive, the
        // third one step less, the last "Don't know" throughout
        AnswerSet::new("earlier", earlier),
        AnswerSet::new("later", later),
        AnswerSet::new("full-agree", throughout(bank, Mode::Full, Answer::Agree)),
        AnswerSet::new(
            "disagree-throughout",
            throughout(bank, quick, Answer::Disagree),
        ),
        AnswerSet::new(
            "neutral-throughout",
            throughout(bank, quick, Answer::Neutral),
        ),
        // embed.test.js
        AnswerSet::new(
            "embedded",
            answered(bank, quick, |_, index, _| {
                if index == 3 {
                    Answer::DontKnow
                } else {
                    on_scale(index * 3)
                }
            }),
        ),
        AnswerSet::new(
            "strongly-agree-throughout",
            throughout(bank, quick, Answer::StronglyAgree),
        ),
        // offline.test.js
        AnswerSet::new(
            "offline",
            answered(bank, quick, |_, index, _| on_scale(index * 3)),
        ),
        // plan.test.js: one quick dimension at each of levels 1 to 4
        one_level_each,
        // portability.test.js: the scale in turn, one "Don't know"; then one
        // "Not applicable" too
        AnswerSet::new("varied", varied),
        AnswerSet::new("varied-not-applicable", varied_na),
        AnswerSet::new(
            "strongly-disagree-throughout",
            throughout(bank, quick, Answer::StronglyDisagree),
        ),
        // saving.test.js
        AnswerSet::new(
            "resumed",
            answered(bank, quick, |_, index, _| {
                if index == 6 {
                    Answer::DontKnow
                } else {
                    on_scale(index * 2)
                }
            }),
        ),
        // workshop.test.js: the result whose QR code the camera reads
        AnswerSet::new("camera", scoring(bank, quick, &[50, 75, 25, 100])),
        // bench.js: the full assessment, timed
        AnswerSet::new(
            "full-spread",
            scoring(bank, Mode::Full, &[100, 75, 50, 25, 0, 50, 75, 25]),
        ),
    ]
}

/// The comparisons the journeys make: (this result, the earlier one).
const COMPARISONS: [(&str, &str); 2] =
    [("later", "earlier"), ("disagree-throughout", "full-agree")];

/// What the results page shows for `set`.
fn result(bank: &Bank, set: &AnswerSet) -> Value {
    let report = set.progress.report(bank);
    let mut result = json!({
        "mode": shown::mode_name(set.progress.mode),
        "answers": answers::labels(&set.progress),
        "dimensions": report.dimensions.iter().map(|d| shown::dimension(bank, d)).collect::<Vec<_>>(),
        "overall": shown::overall(bank, &report),
    });
    if !set.drafts.is_empty() {
        let drafts: Vec<Value> = set
            .drafts
            .iter()
            .map(|targets| {
                let plan = drafted(bank, &report, targets);
                let chosen: Map<String, Value> = targets
                    .iter()
                    .map(|&(position, level)| {
                        let name = &bank.dimensions()[report.dimensions[position].index].name;
                        (name.clone(), json!(level))
                    })
                    .collect();
                json!({ "targets": chosen, "actions": actions(bank, &plan) })
            })
            .collect();
        result["drafts"] = json!(drafts);
        result["targets"] = targets(bank, &report);
        let mut plan = drafted(bank, &report, &[]);
        assert!(plan.apply(bank, &report, PlanChange::Add));
        result["added"] = shown::action(bank, plan.actions.last().expect("the added action"));
    }
    result
}

/// The plan drafted for `report` with `targets` chosen, as a person gets it
/// by choosing each of them before editing anything.
fn drafted(bank: &Bank, report: &Report, targets: &[(usize, u8)]) -> ActionPlan {
    let mut plan = ActionPlan::default();
    plan.redraft(bank, report);
    for &(position, level) in targets {
        let id = bank.dimensions()[report.dimensions[position].index]
            .id
            .clone();
        plan.set_target(bank, report, id, Level::new(level).expect("a level"));
    }
    plan
}

/// The actions of `plan` as the editor shows them.
pub fn actions(bank: &Bank, plan: &ActionPlan) -> Vec<Value> {
    plan.actions
        .iter()
        .map(|a| shown::action(bank, a))
        .collect()
}

/// The targets table of a fresh plan: per dimension its level, the target
/// chosen at first and the levels offered, as their select shows them.
fn targets(bank: &Bank, report: &Report) -> Value {
    let plan = ActionPlan::default();
    let rows: Vec<Value> = report
        .dimensions
        .iter()
        .map(|d| {
            let dimension = &bank.dimensions()[d.index];
            let current = d.level();
            let selectable = current.filter(|&l| l < Level::HIGHEST);
            json!({
                "name": dimension.name,
                "current": current.map_or_else(|| "Not enough answers".to_owned(), |l| wording::level_label(&english(), bank, l)),
                "default": selectable.map(|l| target_for(&plan, &dimension.id, l).to_string()),
                "options": selectable.map_or_else(Vec::new, |l| {
                    Level::all().filter(|o| *o >= l).map(|o| wording::level_label(&english(), bank, o)).collect()
                }),
            })
        })
        .collect();
    json!(rows)
}

/// The fixture of every answer set, and the "Earlier" and "Change" cells of
/// each comparison.
pub fn fixture(bank: &Bank) -> Value {
    let sets = answer_sets(bank);
    let results: Map<String, Value> = sets
        .iter()
        .map(|set| (set.name.to_owned(), result(bank, set)))
        .collect();
    assert_eq!(
        results.len(),
        sets.len(),
        "every answer set has its own name"
    );
    let report = |name: &str| {
        let set = sets
            .iter()
            .find(|s| s.name == name)
            .expect("a named answer set");
        set.progress.report(bank)
    };
    let comparisons: Vec<Value> = COMPARISONS
        .iter()
        .map(|&(now, earlier)| {
            let (now_report, earlier_report) = (report(now), report(earlier));
            let cells: Vec<[String; 2]> = now_report
                .dimensions
                .iter()
                .map(|d| {
                    let before = earlier_report
                        .dimensions
                        .iter()
                        .find(|e| e.index == d.index)
                        .and_then(|e| e.score());
                    shown::compared(d.score(), before)
                })
                .collect();
            json!({ "now": now, "earlier": earlier, "cells": cells })
        })
        .collect();
    json!({
        "results": results,
        "comparisons": comparisons,
        "tentative": tandem::assessment::language::Key::TENTATIVE_LABEL.in_english(),
    })
}

/// Which dimensions each mode asks, in order, by id: the pages of the
/// questionnaire.
pub fn modes(bank: &Bank) -> Value {
    let ids = |mode| {
        bank.dimensions_in(mode)
            .map(|d| d.id.to_string())
            .collect::<Vec<_>>()
    };
    json!({ "quick": ids(Mode::Quick), "full": ids(Mode::Full) })
}

/// The screens' English words, which the journeys find on the page.
fn english() -> tandem::assessment::language::Words {
    tandem::assessment::language::Words::english(tandem::assessment::language::plain_number)
}
