//! Scoring rules, case by case, with figures worked out by hand; then
//! properties that must hold for any answers at all.

mod common;

use common::{answers, mini_bank, ALL_ANSWERS};
use proptest::prelude::*;
use std::collections::BTreeMap;
use tandem::assessment::{Answer, Bank, Basis, Level, Mode, Overall, Report, Score, StatementId};
use Answer::*;

/// Score and level of dimension `index`, or `None` for "not enough answers".
fn dimension(report: &Report, index: usize) -> Option<(u8, u8)> {
    report.dimensions[index]
        .scored
        .map(|(s, l)| (s.value(), l.number()))
}

#[test]
fn dimension_scores_follow_the_documented_rules() {
    let bank = mini_bank();
    // Answers to alpha.one, .two, .three (reverse) and .four, and the expected
    // (score, level), or `None` for "not enough answers".
    type Case = (&'static str, [Option<Answer>; 4], Option<(u8, u8)>);
    let cases: [Case; 9] = [
        (
            "all strongly agree",
            [Some(StronglyAgree); 4],
            Some((75, 4)),
        ),
        ("all agree rounds 62.5 up", [Some(Agree); 4], Some((63, 4))),
        ("all disagree", [Some(Disagree); 4], Some((38, 2))),
        ("all neutral", [Some(Neutral); 4], Some((50, 3))),
        (
            "reverse statement counts the other way",
            [
                Some(StronglyAgree),
                Some(StronglyDisagree),
                Some(StronglyDisagree),
                Some(Neutral),
            ],
            Some((63, 4)),
        ),
        (
            "don't know and n/a are left out, not counted low",
            [
                Some(Agree),
                Some(Agree),
                Some(DontKnow),
                Some(NotApplicable),
            ],
            Some((75, 4)),
        ),
        (
            "one of four answered is not enough",
            [
                Some(Agree),
                Some(DontKnow),
                Some(DontKnow),
                Some(NotApplicable),
            ],
            None,
        ),
        ("nothing answered", [None; 4], None),
        (
            "everything strongly disagreed but the reverse one",
            [
                Some(StronglyDisagree),
                Some(StronglyDisagree),
                Some(StronglyAgree),
                Some(StronglyDisagree),
            ],
            Some((0, 1)),
        ),
    ];
    let ids = ["alpha.one", "alpha.two", "alpha.three", "alpha.four"];
    for (case, given, expected) in cases {
        let given: BTreeMap<StatementId, Answer> = ids
            .iter()
            .zip(given)
            .filter_map(|(id, a)| a.map(|a| (StatementId::from(*id), a)))
            .collect();
        let report = Report::score(&bank, Mode::Quick, &given);
        assert_eq!(dimension(&report, 0), expected, "{case}");
    }
}

#[test]
fn coverage_counts_opinions_and_unsure_answers_separately() {
    let bank = mini_bank();
    let given = answers(&[
        ("alpha.one", Agree),
        ("alpha.two", DontKnow),
        ("alpha.four", NotApplicable),
    ]);
    let alpha = &Report::score(&bank, Mode::Quick, &given).dimensions[0];
    assert_eq!((alpha.coverage.counted, alpha.coverage.total), (1, 4));
    assert_eq!((alpha.dont_know, alpha.not_applicable), (1, 1));
    assert!(!alpha.coverage.is_enough());
}

#[test]
fn level_bands_have_exact_edges() {
    for (score, level) in [
        (0, 1),
        (19, 1),
        (20, 2),
        (39, 2),
        (40, 3),
        (59, 3),
        (60, 4),
        (79, 4),
        (80, 5),
        (100, 5),
    ] {
        assert_eq!(
            Level::of(Score::new(score).unwrap()).number(),
            level,
            "{score}"
        );
    }
    for level in Level::all() {
        assert_eq!(Level::of(level.lowest_score()), level);
        assert_eq!(Level::of(level.highest_score()), level);
    }
    assert_eq!(Score::new(101), None);
    assert_eq!(Level::new(0), None);
    assert_eq!(Level::new(6), None);
}

fn overall(mode: Mode, pairs: &[(&str, Answer)]) -> Overall {
    Report::score(&mini_bank(), mode, &answers(pairs)).overall
}

fn scored(score: u8, level: u8, uncapped: u8) -> Overall {
    Overall::Scored {
        score: Score::new(score).unwrap(),
        level: Level::new(level).unwrap(),
        uncapped: Level::new(uncapped).unwrap(),
    }
}

#[test]
fn overall_is_the_mean_of_scored_dimensions() {
    // alpha all agree 63 (level 4), beta strongly agree 100 (level 5): mean 81.5.
    let given = [
        ("alpha.one", Agree),
        ("alpha.two", Agree),
        ("alpha.three", Agree),
        ("alpha.four", Agree),
        ("beta.one", StronglyAgree),
        ("beta.two", StronglyAgree),
    ];
    assert_eq!(overall(Mode::Quick, &given), scored(82, 5, 5));
}

#[test]
fn overall_level_is_held_one_above_the_weakest_dimension() {
    // alpha 25 (level 2), beta 100 (level 5): mean 62.5 -> 63 would be level 4.
    let given = [
        ("alpha.one", StronglyDisagree),
        ("alpha.two", StronglyDisagree),
        ("alpha.three", StronglyDisagree),
        ("alpha.four", StronglyDisagree),
        ("beta.one", StronglyAgree),
        ("beta.two", StronglyAgree),
    ];
    assert_eq!(overall(Mode::Quick, &given), scored(63, 3, 4));
}

#[test]
fn overall_needs_half_of_the_dimensions_scored() {
    // Quick: beta alone is half of two dimensions.
    let beta_only = [("beta.one", Agree), ("beta.two", Agree)];
    assert_eq!(overall(Mode::Quick, &beta_only), scored(75, 4, 4));
    // Full: beta alone is one of four.
    assert_eq!(overall(Mode::Full, &beta_only), Overall::NotEnoughAnswers);
    assert_eq!(overall(Mode::Quick, &[]), Overall::NotEnoughAnswers);
    let all_unsure = [
        ("alpha.one", DontKnow),
        ("beta.one", DontKnow),
        ("beta.two", DontKnow),
    ];
    assert_eq!(overall(Mode::Quick, &all_unsure), Overall::NotEnoughAnswers);
}

#[test]
fn a_result_is_tentative_without_every_dimension_or_three_quarters_of_the_statements() {
    let basis = |pairs: &[(&str, Answer)]| {
        Report::score(&mini_bank(), Mode::Quick, &answers(pairs)).basis()
    };
    let basis_of = |scored, counted| Basis {
        scored,
        dimensions: 2,
        counted,
        statements: 6,
    };
    // Quick: alpha has 4 statements, beta 2.
    let everything = [
        ("alpha.one", Agree),
        ("alpha.two", Agree),
        ("alpha.three", Agree),
        ("alpha.four", Agree),
        ("beta.one", Agree),
        ("beta.two", Agree),
    ];
    assert_eq!(basis(&everything), basis_of(2, 6));
    assert!(!basis(&everything).is_tentative());
    // 5 of 6 is above three quarters; 4 of 6 is below, though both are scored.
    assert!(!basis(&everything[1..]).is_tentative());
    let four = [
        everything[0],
        everything[1],
        ("alpha.three", DontKnow),
        ("alpha.four", NotApplicable),
        everything[4],
        everything[5],
    ];
    assert_eq!(basis(&four), basis_of(2, 4));
    assert!(basis(&four).is_tentative());
    // Beta unscored: tentative, whatever the statements.
    let alpha_only = &everything[..4];
    assert_eq!(basis(alpha_only), basis_of(1, 4));
    assert!(basis(alpha_only).is_tentative());
}

#[test]
fn quick_mode_ignores_answers_to_extended_dimensions() {
    let report = Report::score(
        &mini_bank(),
        Mode::Quick,
        &answers(&[("gamma.one", Agree), ("gamma.two", Agree)]),
    );
    assert_eq!(report.dimensions.len(), 2);
    assert!(report.dimensions.iter().all(|d| d.scored.is_none()));
}

#[test]
fn strengths_and_priorities_do_not_overlap() {
    // Full: alpha 75 (4), beta 100 (5), gamma 25 (2), delta 50 (3).
    let given = answers(&[
        ("alpha.one", StronglyAgree),
        ("alpha.two", StronglyAgree),
        ("alpha.three", StronglyAgree),
        ("alpha.four", StronglyAgree),
        ("beta.one", StronglyAgree),
        ("beta.two", StronglyAgree),
        ("gamma.one", Disagree),
        ("gamma.two", Disagree),
        ("delta.one", Neutral),
        ("delta.two", Neutral),
    ]);
    let report = Report::score(&mini_bank(), Mode::Full, &given);
    let strengths: Vec<usize> = report.strengths().iter().map(|d| d.index).collect();
    let priorities: Vec<usize> = report.priorities().iter().map(|d| d.index).collect();
    assert_eq!(strengths, [1, 0]);
    // Delta at 50 (level 3) is neither: priorities are below level 3.
    assert_eq!(priorities, [2]);
}

#[test]
fn low_scores_are_never_strengths() {
    let given = answers(&[
        ("alpha.one", Disagree),
        ("alpha.two", Disagree),
        ("alpha.three", Agree),
        ("beta.one", Disagree),
        ("beta.two", Disagree),
    ]);
    let report = Report::score(&mini_bank(), Mode::Quick, &given);
    assert!(report.strengths().is_empty());
    assert_eq!(report.priorities().len(), 2);
}

#[test]
fn the_rule_names_every_level_band() {
    let english =
        tandem::assessment::language::Words::english(tandem::assessment::language::plain_number);
    let rule = tandem::assessment::overall_rule(&english, Bank::standard());
    for band in ["0-19 Siloed", "40-59 Cooperating", "80-100 Integrated"] {
        assert!(rule.contains(band), "{band}");
    }
    assert!(rule.contains("weakest area"));
}

/// Any answers to any subset of the standard bank's statements, including
/// ids the bank does not have.
fn any_answers() -> impl Strategy<Value = BTreeMap<StatementId, Answer>> {
    let ids: Vec<String> = Bank::standard()
        .dimensions()
        .iter()
        .flat_map(|d| &d.statements)
        .map(|s| s.id.to_string())
        .chain(["unknown.statement".to_owned()])
        .collect();
    prop::collection::btree_map(
        prop::sample::select(ids).prop_map(|id| StatementId::from(id.as_str())),
        prop::sample::select(ALL_ANSWERS.to_vec()),
        0..45,
    )
}

proptest! {
    #[test]
    fn scores_stay_in_range_and_levels_match_them(given in any_answers(), full in any::<bool>()) {
        let mode = if full { Mode::Full } else { Mode::Quick };
        let report = Report::score(Bank::standard(), mode, &given);
        let mut lowest = None;
        for d in &report.dimensions {
            prop_assert!(d.coverage.counted <= d.coverage.total);
            if let Some((score, level)) = d.scored {
                prop_assert!(score.value() <= 100);
                prop_assert_eq!(Level::of(score), level);
                prop_assert!(d.coverage.is_enough());
                lowest = lowest.min(Some(level)).or(Some(level));
            }
        }
        if let Overall::Scored { score, level, uncapped } = report.overall {
            prop_assert!(score.value() <= 100);
            prop_assert_eq!(Level::of(score), uncapped);
            prop_assert!(level <= uncapped);
            let lowest = lowest.expect("an overall score needs scored dimensions");
            prop_assert!(level.number() <= lowest.number() + 1);
        }
    }

    #[test]
    fn agreeing_more_never_lowers_a_score(given in any_answers()) {
        // Moving every plain (not reverse) answer one step towards agreement
        // cannot lower any dimension's score.
        let bank = Bank::standard();
        let reverse: Vec<&StatementId> = bank.dimensions().iter().flat_map(|d| &d.statements)
            .filter(|s| s.reverse).map(|s| &s.id).collect();
        let raised: BTreeMap<StatementId, Answer> = given.iter().map(|(id, a)| {
            let up = match (reverse.contains(&id), a) {
                (false, StronglyDisagree) => Disagree,
                (false, Disagree) => Neutral,
                (false, Neutral) => Agree,
                (false, Agree) => StronglyAgree,
                _ => *a,
            };
            (id.clone(), up)
        }).collect();
        let before = Report::score(bank, Mode::Full, &given);
        let after = Report::score(bank, Mode::Full, &raised);
        for (b, a) in before.dimensions.iter().zip(&after.dimensions) {
            prop_assert!(a.score() >= b.score());
        }
    }
}

#[test]
fn half_the_statements_is_enough_and_fewer_is_not_whatever_the_length() {
    use tandem::assessment::Coverage;
    for (counted, total, enough) in [
        (3, 6, true),
        (2, 6, false),
        (4, 7, true),
        (3, 7, false),
        (6, 12, true),
        (5, 12, false),
        (1, 1, true),
        (0, 0, false),
    ] {
        assert_eq!(
            Coverage { counted, total }.is_enough(),
            enough,
            "{counted} of {total}"
        );
    }
}

#[test]
fn strengths_and_priorities_are_thresholds_not_ranks_and_keep_bank_order_in_a_tie() {
    let ranked = |given: &[(&str, Answer)]| {
        let report = Report::score(&mini_bank(), Mode::Full, &answers(given));
        let indices = |list: Vec<&tandem::assessment::DimensionResult>| -> Vec<usize> {
            list.iter().map(|d| d.index).collect()
        };
        (indices(report.strengths()), indices(report.priorities()))
    };
    // Every dimension 50, level 3: neither a strength (level 4 and above)
    // nor a priority (below level 3), however they rank.
    let even = [
        ("alpha.one", Neutral),
        ("alpha.two", Neutral),
        ("alpha.three", Neutral),
        ("beta.one", Neutral),
        ("beta.two", Neutral),
        ("gamma.one", Neutral),
        ("gamma.two", Neutral),
        ("delta.one", Neutral),
        ("delta.two", Neutral),
    ];
    assert_eq!(ranked(&even), (vec![], vec![]));
    // Level 2 is never a strength; the lowest come first (alpha 33), then
    // equal ones (38) in bank order, three at most.
    let low = [
        ("alpha.one", Disagree),
        ("alpha.two", Neutral),
        ("alpha.three", Agree),
        ("beta.one", Disagree),
        ("beta.two", Neutral),
        ("gamma.one", Disagree),
        ("gamma.two", Neutral),
        ("delta.one", Disagree),
        ("delta.two", Neutral),
    ];
    assert_eq!(ranked(&low), (vec![], vec![0, 1, 2]));
    // Three dimensions at 100 (alpha.three is reversed): all three are
    // strengths, in bank order; delta (25, level 2) is the one priority.
    let top = [
        ("alpha.one", StronglyAgree),
        ("alpha.two", StronglyAgree),
        ("alpha.three", StronglyDisagree),
        ("beta.one", StronglyAgree),
        ("beta.two", StronglyAgree),
        ("gamma.one", StronglyAgree),
        ("gamma.two", StronglyAgree),
        ("delta.one", Disagree),
        ("delta.two", Disagree),
    ];
    assert_eq!(ranked(&top), (vec![0, 1, 2], vec![3]));
}
