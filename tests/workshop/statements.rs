//! Statements: the most divided, Don't know rates, and rooms that mix quick
//! and full assessments.

use super::*;

/// Four participants answering statement by statement.
///
/// | statement           | answers             | points (after reverse) | mean | std dev |
/// |---------------------|---------------------|------------------------|------|---------|
/// | beta.one            | SD SD SA SA         | 0 0 100 100            | 50   | 50      |
/// | beta.two            | D A A A             | 25 75 75 75            | 62.5 | 21.7    |
/// | alpha.three (rev.)  | SA SA SA D          | 0 0 0 75               | 18.8 | 32.5    |
/// | alpha.one           | A A A A             | 75 75 75 75            | 75   | 0       |
/// | alpha.two           | N N N DK            | 50 50 50               | 50   | 0       |
/// | alpha.four          | NA NA A SA          | 75 100                 | 87.5 | 12.5    |
///
/// beta.two: deviations -37.5, 12.5 ×3: (1406.25 + 468.75) / 4 = 468.75,
/// sqrt = 21.65. alpha.three: deviations -18.75 ×3, 56.25: (1054.6875 +
/// 3164.0625) / 4 = 1054.6875, sqrt = 32.48.
fn divided_room(bank: &Bank) -> Vec<Progress> {
    use Answer::*;
    let rows = [
        [
            StronglyDisagree,
            Disagree,
            StronglyAgree,
            Agree,
            Neutral,
            NotApplicable,
        ],
        [
            StronglyDisagree,
            Agree,
            StronglyAgree,
            Agree,
            Neutral,
            NotApplicable,
        ],
        [StronglyAgree, Agree, StronglyAgree, Agree, Neutral, Agree],
        [
            StronglyAgree,
            Agree,
            Disagree,
            Agree,
            DontKnow,
            StronglyAgree,
        ],
    ];
    let ids = [
        "beta.one",
        "beta.two",
        "alpha.three",
        "alpha.one",
        "alpha.two",
        "alpha.four",
    ];
    rows.iter()
        .map(|row| {
            let answers: Vec<(&str, Answer)> =
                ids.iter().copied().zip(row.iter().copied()).collect();
            answering(bank, Mode::Quick, Role::Other, &answers)
        })
        .collect()
}

#[test]
fn divided_statements_come_widest_first() {
    let bank = mini_bank();
    // Threshold 2: alpha.four has two opinions (the other two answered "Not
    // applicable"), which at 3 would be too few to show.
    let view = TeamView::of(
        &bank,
        Mode::Quick,
        &divided_room(&bank),
        2,
        str::to_lowercase,
    );
    let at_three = TeamView::of(
        &bank,
        Mode::Quick,
        &divided_room(&bank),
        3,
        str::to_lowercase,
    );
    let four = at_three
        .statements
        .iter()
        .find(|s| s.id.as_str() == "alpha.four")
        .unwrap();
    assert_eq!(
        (four.figure, four.answers.total(), four.mean),
        (Figure::TooFew, 0, None),
        "two opinions beside two Not applicable are too few at 3"
    );
    assert_eq!(at_three.divided.len(), 2);
    let divided: Vec<(&str, Option<f64>, Option<f64>)> = view
        .divided
        .iter()
        .map(|s| (s.id.as_str(), s.mean, s.std_dev))
        .collect();
    // One statement a dimension, its most divided: beta.one before beta.two
    // (21.7), alpha.three before alpha.four (12.5); alpha.one and alpha.two
    // have no spread, so they start no discussion.
    assert_eq!(
        divided,
        [
            ("beta.one", Some(50.0), Some(50.0)),
            ("alpha.three", Some(18.8), Some(32.5)),
        ]
    );
    for id in ["beta.two", "alpha.four"] {
        let hidden = view
            .statements
            .iter()
            .find(|s| s.id.as_str() == id)
            .unwrap();
        assert_eq!(
            (hidden.figure, hidden.answers.total(), hidden.mean),
            (Figure::Protecting, 0, None),
            "{id} is not its dimension's one statement"
        );
    }
    // Counts are of the answers as given, before reverse scoring.
    let three = &view.divided[1];
    let counts: Vec<(Answer, usize)> = three.answers.iter().filter(|(_, n)| *n > 0).collect();
    assert_eq!(counts, [(Answer::Disagree, 1), (Answer::StronglyAgree, 3)]);
    assert_eq!(three.answers.on_scale(), 4);
    assert_eq!(view.divided[0].answers.of(Answer::StronglyDisagree), 2);
}

#[test]
fn at_most_five_statements_are_named_as_divided() {
    // The mini bank and two more dimensions: six, each of which names one
    // statement at most.
    let mut json = common::mini_bank_json();
    let dimensions = json["dimensions"].as_array_mut().unwrap();
    for id in ["epsilon", "zeta"] {
        let mut more = dimensions[2].clone();
        more["id"] = id.into();
        more["name"] = id.into();
        for (n, statement) in ["one", "two"].iter().enumerate() {
            more["statements"][n]["id"] = format!("{id}.{statement}").into();
        }
        dimensions.push(more);
    }
    let bank = Bank::parse(&json.to_string()).unwrap();
    // Two people at opposite ends of every statement. Equal spreads keep
    // bank order.
    let ends = |answer: Answer| {
        let mut progress = Progress::new(Mode::Full);
        progress.choose_role(Role::Hr);
        for statement in bank.dimensions().iter().flat_map(|d| &d.statements) {
            assert!(progress.answer(&bank, &statement.id, answer));
        }
        progress
    };
    let team = [ends(Answer::StronglyDisagree), ends(Answer::StronglyAgree)];
    // Threshold 1: two people are too few to show any statement at 3.
    let view = TeamView::of(&bank, Mode::Full, &team, 1, str::to_lowercase);
    let ids: Vec<&str> = view.divided.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(DIVIDED_COUNT, 5);
    assert_eq!(
        ids,
        [
            "alpha.one",
            "beta.one",
            "gamma.one",
            "delta.one",
            "epsilon.one"
        ]
    );
}

#[test]
fn dont_know_rates_per_dimension_and_statement() {
    let bank = mini_bank();
    let view = TeamView::of(
        &bank,
        Mode::Quick,
        &divided_room(&bank),
        3,
        str::to_lowercase,
    );
    // alpha: 4 people asked 4 statements = 16; one Don't know: 6.25%, shown 6%.
    let alpha = dimension(&view, &bank, "alpha");
    assert_eq!(alpha.dont_know, Some(Rate { count: 1, of: 16 }));
    assert_eq!(alpha.dont_know.unwrap().share(), Some(0.0625));
    assert_eq!(alpha.dont_know.unwrap().percent(), Some(6));
    // beta: no Don't know among 8.
    assert_eq!(
        dimension(&view, &bank, "beta").dont_know,
        Some(Rate { count: 0, of: 8 })
    );
    // A statement's rate is shown with its counts: alpha.three's, alpha's
    // one statement, not alpha.two's with the Don't know.
    let rate = |id: &str| {
        let stats = view.statements.iter().find(|s| s.id.as_str() == id);
        stats.unwrap().dont_know
    };
    assert_eq!(rate("alpha.three"), Some(Rate { count: 0, of: 4 }));
    assert_eq!(rate("alpha.two"), None);
    // One of the four asked is 25%.
    assert_eq!(Rate { count: 1, of: 4 }.percent(), Some(25));
    // Rates round half up: 1 of 8 is 12.5%, shown 13%.
    assert_eq!(Rate { count: 1, of: 8 }.percent(), Some(13));
    assert_eq!(Rate { count: 0, of: 0 }.percent(), None);
    assert_eq!(Rate { count: 0, of: 0 }.share(), None);
    // 3 of 8 is 37.5%, shown 38%; all of them 100%; none 0%.
    assert_eq!(Rate { count: 3, of: 8 }.percent(), Some(38));
    assert_eq!(Rate { count: 8, of: 8 }.percent(), Some(100));
    assert_eq!(Rate { count: 0, of: 5 }.percent(), Some(0));
}

#[test]
fn quick_and_full_results_mix_over_those_asked() {
    let bank = mini_bank();
    let team = vec![
        person(
            &bank,
            Mode::Quick,
            Some(Role::Hr),
            "",
            &[("alpha", 0), ("beta", 0)],
        ),
        person(
            &bank,
            Mode::Quick,
            Some(Role::Hr),
            "",
            &[("alpha", 0), ("beta", 0)],
        ),
        person(
            &bank,
            Mode::Full,
            Some(Role::Hr),
            "",
            &[("alpha", 100), ("gamma", 50)],
        ),
        person(
            &bank,
            Mode::Full,
            Some(Role::Hr),
            "",
            &[("alpha", 100), ("gamma", 100)],
        ),
    ];
    // Threshold 1: gamma and delta are asked of two people only.
    let full = TeamView::of(&bank, Mode::Full, &team, 1, str::to_lowercase);
    assert_eq!(full.dimensions.len(), 4);
    let alpha = dimension(&full, &bank, "alpha");
    assert_eq!(
        (alpha.asked, alpha.scored, alpha.spread.unwrap().mean.value),
        (4, 4, 50.0)
    );
    // gamma was asked of the two full results only: mean (50 + 100) / 2.
    let gamma = dimension(&full, &bank, "gamma");
    assert_eq!(
        (gamma.asked, gamma.scored, gamma.spread.unwrap().mean.value),
        (2, 2, 75.0)
    );
    assert_eq!(gamma.dont_know.unwrap().of, 4);
    // delta: asked of two, answered by nobody.
    let delta = dimension(&full, &bank, "delta");
    assert_eq!((delta.asked, delta.scored), (2, 0));
    let gamma_one = full
        .statements
        .iter()
        .find(|s| s.id.as_str() == "gamma.one")
        .unwrap();
    assert_eq!(gamma_one.asked, 2);

    // A quick view lists the core dimensions only, with everybody in them.
    let quick = TeamView::of(&bank, Mode::Quick, &team, 3, str::to_lowercase);
    assert_eq!(quick.dimensions.len(), 2);
    assert_eq!(quick.statements.len(), 6);
    assert_eq!(dimension(&quick, &bank, "alpha").asked, 4);

    let mut workshop = Workshop::new("Mixed");
    for p in &team[..2] {
        workshop.add_progress(&bank, p);
    }
    assert_eq!(workshop.mode(), Mode::Quick);
    workshop.add_progress(&bank, &team[2]);
    assert_eq!(workshop.mode(), Mode::Full);
    assert_eq!(
        workshop
            .team_view(&bank, 3, str::to_lowercase)
            .dimensions
            .len(),
        4
    );
}

#[test]
fn equally_divided_statements_put_more_answers_first_then_bank_order() {
    use Answer::*;
    let bank = mini_bank();
    // Every statement here has a standard deviation of exactly 50 points:
    // alpha.one from two answers on the scale (the other two "Don't know"),
    // the others from four. The spread ties, so the statement more people
    // answered comes first, and bank order settles the rest: beta.one before
    // gamma.one, and before beta.two, which as beta's second is not named.
    let rows = [
        [StronglyDisagree, StronglyDisagree, StronglyAgree],
        [StronglyAgree, StronglyAgree, StronglyDisagree],
        [DontKnow, StronglyDisagree, StronglyAgree],
        [DontKnow, StronglyAgree, StronglyDisagree],
    ];
    let team: Vec<Progress> = rows
        .iter()
        .map(|row| {
            let ids = ["alpha.one", "beta.one", "beta.two"];
            let mut answers: Vec<(&str, Answer)> = ids.into_iter().zip(*row).collect();
            answers.extend([("gamma.one", row[1]), ("gamma.two", row[2])]);
            answering(&bank, Mode::Full, Role::Other, &answers)
        })
        .collect();
    // Threshold 2: alpha.one's two opinions are enough to be shown.
    let view = TeamView::of(&bank, Mode::Full, &team, 2, str::to_lowercase);
    let divided: Vec<(&str, usize, Option<f64>)> = view
        .divided
        .iter()
        .map(|s| (s.id.as_str(), s.answers.on_scale(), s.std_dev))
        .collect();
    assert_eq!(
        divided,
        [
            ("beta.one", 4, Some(50.0)),
            ("gamma.one", 4, Some(50.0)),
            ("alpha.one", 2, Some(50.0)),
        ]
    );
}

/// HR and L&D people who answer beta.one as given and beta.two "Agree".
fn beta_room(bank: &Bank, rows: &[(Role, Answer)]) -> Vec<Progress> {
    rows.iter()
        .map(|&(role, answer)| {
            answering(
                bank,
                Mode::Quick,
                role,
                &[("beta.one", answer), ("beta.two", Answer::Agree)],
            )
        })
        .collect()
}

/// beta.one's HR and L&D split in `room` at `threshold`, as (HR, L&D)
/// counts of strongly disagree to strongly agree then Don't know.
fn beta_split(bank: &Bank, room: &[Progress], threshold: usize) -> Option<[Vec<usize>; 2]> {
    let view = TeamView::of(bank, Mode::Quick, room, threshold, str::to_lowercase);
    let one = view
        .statements
        .iter()
        .find(|s| s.id.as_str() == "beta.one")?;
    let counts = |answers: &tandem::assessment::workshop::AnswerCounts| {
        Answer::AGREEMENT
            .into_iter()
            .chain([Answer::DontKnow])
            .map(|a| answers.of(a))
            .collect()
    };
    one.split
        .map(|split| [counts(&split.hr), counts(&split.ld)])
}

#[test]
fn a_statement_shows_how_hr_and_ld_answered_only_where_nobody_can_be_subtracted_back() {
    use Answer::*;
    use Role::{Hr, LearningAndDevelopment as Ld, LineManager};
    let bank = mini_bank();
    let pairs = [
        (Hr, StronglyDisagree),
        (Hr, StronglyDisagree),
        (Hr, Disagree),
        (Ld, StronglyAgree),
        (Ld, StronglyAgree),
        (Ld, Agree),
    ];
    let room = beta_room(&bank, &pairs);
    assert_eq!(
        beta_split(&bank, &room, 3),
        Some([vec![2, 1, 0, 0, 0, 0], vec![0, 0, 0, 1, 2, 0]])
    );
    // One line manager more: the room's counts less HR's and L&D's would be
    // their answer, so neither group's is shown.
    let one_more = beta_room(&bank, &[&pairs[..], &[(LineManager, Neutral)]].concat());
    assert_eq!(beta_split(&bank, &one_more, 3), None);
    // Three more, and the rest is a group of three like the others.
    let three_more = beta_room(&bank, &[&pairs[..], &[(LineManager, Neutral); 3]].concat());
    assert!(beta_split(&bank, &three_more, 3).is_some());
    // An HR "Don't know" leaves two opinions in HR: too few at 3.
    let unsure = beta_room(&bank, &[&[(Hr, DontKnow)], &pairs[1..]].concat());
    assert_eq!(beta_split(&bank, &unsure, 3), None);
    // Two and two in an open workshop of threshold 2.
    let small = beta_room(&bank, &[pairs[0], pairs[1], pairs[3], pairs[4]]);
    assert_eq!(beta_split(&bank, &small, 3), None);
    assert_eq!(
        beta_split(&bank, &small, 2),
        Some([vec![2, 0, 0, 0, 0, 0], vec![0, 0, 0, 0, 2, 0]])
    );
}

/// Beside a dimension's mean scores, the counts of all its statements would
/// give away someone who answered only some: their score is the mean of
/// fewer steps than the counts hold. So a dimension names one statement at
/// most, and never one by which somebody was scored alone.
#[test]
fn a_dimension_shows_one_statement_and_never_the_one_someone_was_scored_by_alone() {
    use Answer::*;
    use Role::{Hr, LearningAndDevelopment as Ld};
    let bank = mini_bank();
    let beta = |role, answers: &[(&str, Answer)]| answering(&bank, Mode::Quick, role, answers);
    // HR's beta mean is (50 + 50 + 100) / 3, 66.7: times three, 200. HR's
    // counts would make 8 steps on beta.one and 4 on beta.two, 150 points at
    // 12.5 a step for people who answered both; the 50 left is half of the
    // third person's strongly agree, their only answer.
    let third = |two: Option<Answer>| {
        let mut answers = vec![("beta.one", StronglyAgree)];
        answers.extend(two.map(|a| ("beta.two", a)));
        vec![
            beta(Hr, &[("beta.one", Agree), ("beta.two", Disagree)]),
            beta(Hr, &[("beta.one", Disagree), ("beta.two", Agree)]),
            beta(Hr, &answers),
            beta(
                Ld,
                &[("beta.one", StronglyDisagree), ("beta.two", StronglyAgree)],
            ),
            beta(
                Ld,
                &[("beta.one", StronglyAgree), ("beta.two", StronglyDisagree)],
            ),
        ]
    };
    let named = |room: &[Progress]| -> (Vec<(String, Figure, bool)>, Vec<String>) {
        let view = TeamView::of(&bank, Mode::Quick, room, 2, str::to_lowercase);
        assert!(
            view.gaps.iter().any(|g| g.index == 1),
            "the HR vs L&D gap is shown"
        );
        let beta = view
            .statements
            .iter()
            .filter(|s| s.id.as_str().starts_with("beta"))
            .map(|s| (s.id.to_string(), s.figure, s.split.is_some()))
            .collect();
        let divided = view.divided.iter().map(|s| s.id.to_string()).collect();
        (beta, divided)
    };
    // beta.one is the more divided, but it alone scored the third person,
    // with nothing or "Don't know" for beta.two: beta.two is named instead.
    for two in [None, Some(DontKnow)] {
        assert_eq!(
            named(&third(two)),
            (
                vec![
                    ("beta.one".into(), Figure::Protecting, false),
                    ("beta.two".into(), Figure::Shown, true),
                ],
                vec!["beta.two".into()]
            )
        );
    }
    // Once the third answers both, beta's most divided is named.
    assert_eq!(
        named(&third(Some(Neutral))),
        (
            vec![
                ("beta.one".into(), Figure::Shown, true),
                ("beta.two".into(), Figure::Protecting, false),
            ],
            vec!["beta.one".into()]
        )
    );
}

/// Which statement a dimension names is decided among those the most people
/// answered on the scale: were a statement only two answered in the running,
/// whether it won would tell one of them how the other answered.
#[test]
fn the_statement_named_never_turns_on_one_too_few_answered() {
    use Answer::*;
    let bank = mini_bank();
    // Everyone answers alpha.one (one strongly agree among agrees) and
    // alpha.two; on alpha.three only "me" (Agree) and one other answer on
    // the scale, the rest "Don't know", which at threshold 3 is too few.
    let room = |other: Answer| -> Vec<Progress> {
        let three = [Agree, other, DontKnow, DontKnow, DontKnow];
        (0..5)
            .map(|p| {
                let one = if p == 4 { StronglyAgree } else { Agree };
                let answers = [
                    ("alpha.one", one),
                    ("alpha.two", Agree),
                    ("alpha.three", three[p]),
                ];
                answering(&bank, Mode::Quick, Role::Other, &answers)
            })
            .collect()
    };
    for other in Answer::AGREEMENT {
        let view = TeamView::of(&bank, Mode::Quick, &room(other), 3, str::to_lowercase);
        let named: Vec<&str> = view.divided.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(named, ["alpha.one"], "the other answered {other:?}");
    }
}
