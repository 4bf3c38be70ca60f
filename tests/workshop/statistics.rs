//! Per-dimension statistics: the figures of hand-worked teams, the team
//! level, agreement, and who counts as asked and scored.

use super::*;

struct Expected {
    scores: &'static [u8],
    mean: f64,
    median: f64,
    min: u8,
    max: u8,
    std_dev: f64,
    agreement: Option<Agreement>,
    level: u8,
}

#[test]
fn dimension_figures_match_hand_worked_teams() {
    let bank = mini_bank();
    let cases = [
        // Mean 200/4 = 50; middle two 50 and 50; deviations 50, 0, 0, 50, so
        // variance (2500 + 2500) / 4 = 1250 and std dev 35.36: split.
        Expected {
            scores: &[0, 50, 50, 100],
            mean: 50.0,
            median: 50.0,
            min: 0,
            max: 100,
            std_dev: 35.4,
            agreement: Some(Agreement::Split),
            level: 3,
        },
        // Mean 250/4 = 62.5 (rounded 63, level 4); median (50 + 75) / 2;
        // every deviation 12.5, so std dev 12.5: mixed.
        Expected {
            scores: &[50, 50, 75, 75],
            mean: 62.5,
            median: 62.5,
            min: 50,
            max: 75,
            std_dev: 12.5,
            agreement: Some(Agreement::Mixed),
            level: 4,
        },
        // Even count with distinct middles: median (25 + 75) / 2 = 50;
        // deviations 50, 25, 25, 50: variance 6250 / 4 = 1562.5, std dev 39.53.
        Expected {
            scores: &[100, 25, 75, 0],
            mean: 50.0,
            median: 50.0,
            min: 0,
            max: 100,
            std_dev: 39.5,
            agreement: Some(Agreement::Split),
            level: 3,
        },
        // Exactly at the "agreed" threshold: mean 150/5 = 30; deviations
        // -5 (four times) and 20: variance (100 + 400) / 5 = 100, std dev 10.
        Expected {
            scores: &[25, 25, 25, 25, 50],
            mean: 30.0,
            median: 25.0,
            min: 25,
            max: 50,
            std_dev: 10.0,
            agreement: Some(Agreement::Mixed),
            level: 2,
        },
        // Just below it: mean 175/6 = 29.17; 6 * 5625 - 175² = 3125, so the
        // std dev is sqrt(3125) / 6 = 9.32: agreed.
        Expected {
            scores: &[25, 25, 25, 25, 25, 50],
            mean: 29.2,
            median: 25.0,
            min: 25,
            max: 50,
            std_dev: 9.3,
            agreement: Some(Agreement::Agreed),
            level: 2,
        },
        // Exactly at the "split" threshold: mean 10; 5 * 2500 - 50² = 10000,
        // std dev sqrt(10000) / 5 = 20.
        Expected {
            scores: &[0, 0, 0, 0, 50],
            mean: 10.0,
            median: 0.0,
            min: 0,
            max: 50,
            std_dev: 20.0,
            agreement: Some(Agreement::Split),
            level: 1,
        },
        // Just below it: 6 * 2500 - 50² = 12500, sqrt(12500) / 6 = 18.63;
        // mean 50/6 = 8.33.
        Expected {
            scores: &[0, 0, 0, 0, 0, 50],
            mean: 8.3,
            median: 0.0,
            min: 0,
            max: 50,
            std_dev: 18.6,
            agreement: Some(Agreement::Mixed),
            level: 1,
        },
        // Everybody the same: no spread at all.
        Expected {
            scores: &[100, 100, 100],
            mean: 100.0,
            median: 100.0,
            min: 100,
            max: 100,
            std_dev: 0.0,
            agreement: Some(Agreement::Agreed),
            level: 5,
        },
        // Two people, the fewest with something to agree on: mean 62.5,
        // each 12.5 from it, so std dev 12.5: mixed.
        Expected {
            scores: &[50, 75],
            mean: 62.5,
            median: 62.5,
            min: 50,
            max: 75,
            std_dev: 12.5,
            agreement: Some(Agreement::Mixed),
            level: 4,
        },
        // One person: figures, but nothing to agree on.
        Expected {
            scores: &[75],
            mean: 75.0,
            median: 75.0,
            min: 75,
            max: 75,
            std_dev: 0.0,
            agreement: None,
            level: 4,
        },
    ];
    for case in cases {
        let team = scoring(&bank, "beta", case.scores);
        // Threshold 1: the arithmetic of rooms of every size, however small.
        let view = TeamView::of(&bank, Mode::Quick, &team, 1, str::to_lowercase);
        let beta = dimension(&view, &bank, "beta");
        let spread = beta.spread.expect("scored");
        let context = format!("scores {:?}", case.scores);
        assert_eq!(beta.asked, case.scores.len(), "{context}");
        assert_eq!(beta.scored, case.scores.len(), "{context}");
        assert_eq!(spread.mean.value, case.mean, "{context}");
        assert_eq!(spread.mean.of, case.scores.len(), "{context}");
        assert_eq!(spread.median, case.median, "{context}");
        assert_eq!(spread.min.value(), case.min, "{context}");
        assert_eq!(spread.max.value(), case.max, "{context}");
        assert_eq!(spread.std_dev, case.std_dev, "{context}");
        assert_eq!(spread.agreement, case.agreement, "{context}");
        assert_eq!(beta.level(), Level::new(case.level), "{context}");
    }
}

#[test]
fn the_team_level_comes_from_the_mean_rounded_half_up() {
    let bank = mini_bank();
    // 50 and 75 give 62.5: rounded half up to 63, level 4 rather than 3.
    let team = scoring(&bank, "beta", &[50, 75]);
    // Threshold 1 for a room of two (the arithmetic, not anonymity).
    let view = TeamView::of(&bank, Mode::Quick, &team, 1, str::to_lowercase);
    let mean = dimension(&view, &bank, "beta").spread.unwrap().mean;
    assert_eq!(
        (mean.value, mean.score.value(), mean.level()),
        (62.5, 63, Level::new(4).unwrap())
    );

    // Strongly disagree and disagree on beta's two statements: 12.5 points,
    // which the participant's own report rounds to 13.
    let low = answering(
        &bank,
        Mode::Quick,
        Role::Hr,
        &[
            ("beta.one", Answer::StronglyDisagree),
            ("beta.two", Answer::Disagree),
        ],
    );
    assert_eq!(low.report(&bank).dimensions[1].score().unwrap().value(), 13);
    let other = person(&bank, Mode::Quick, Some(Role::Hr), "", &[("beta", 25)]);
    let view = TeamView::of(&bank, Mode::Quick, &[low, other], 1, str::to_lowercase);
    let mean = dimension(&view, &bank, "beta").spread.unwrap().mean;
    // (13 + 25) / 2 = 19, not (12.5 + 25) / 2 = 18.75: the team works from
    // the scores people saw.
    assert_eq!((mean.value, mean.level()), (19.0, Level::new(1).unwrap()));
}

#[test]
fn agreement_labels_change_at_their_thresholds() {
    for (std_dev, expected) in [
        (0.0, Agreement::Agreed),
        (9.9, Agreement::Agreed),
        (10.0, Agreement::Mixed),
        (19.9, Agreement::Mixed),
        (20.0, Agreement::Split),
        (50.0, Agreement::Split),
    ] {
        assert_eq!(Agreement::of(std_dev), expected, "std dev {std_dev}");
    }
    assert_eq!(Agreement::Split.to_string(), "Split");
}

#[test]
fn each_agreement_label_has_its_own_words_for_the_legend() {
    let all = [Agreement::Agreed, Agreement::Mixed, Agreement::Split];
    let labels: Vec<&str> = all.iter().map(|a| a.label()).collect();
    assert_eq!(labels, ["Agreed", "Mixed", "Split"]);
    let meanings: std::collections::HashSet<&str> = all.iter().map(|a| a.meaning()).collect();
    assert_eq!(meanings.len(), 3, "{meanings:?}");
    for agreement in all {
        let meaning = agreement.meaning();
        assert!(
            meaning.ends_with('.') && meaning.contains("level"),
            "{agreement}: {meaning}"
        );
    }
}

#[test]
fn only_participants_with_enough_answers_are_scored() {
    let bank = mini_bank();
    let team = vec![
        person(
            &bank,
            Mode::Quick,
            Some(Role::Hr),
            "",
            &[("alpha", 100), ("beta", 100)],
        ),
        // One of alpha's four statements: not enough (rule 3), so asked but
        // not scored; beta not answered at all.
        answering(
            &bank,
            Mode::Quick,
            Role::Hr,
            &[("alpha.one", Answer::StronglyDisagree)],
        ),
    ];
    // Threshold 1: who counts, in a room too small to show at 3.
    let view = TeamView::of(&bank, Mode::Quick, &team, 1, str::to_lowercase);
    let alpha = dimension(&view, &bank, "alpha");
    assert_eq!((alpha.asked, alpha.scored), (2, 1));
    assert_eq!(alpha.spread.unwrap().mean.value, 100.0);
    assert_eq!(alpha.spread.unwrap().agreement, None);
    // Nobody scored is no figure at all, not a zero.
    let nobody = TeamView::of(&bank, Mode::Quick, &team[1..], 1, str::to_lowercase);
    let beta = dimension(&nobody, &bank, "beta");
    assert_eq!((beta.asked, beta.scored, beta.spread), (1, 0, None));
    assert_eq!(beta.level(), None);
}

#[test]
fn an_empty_room_has_no_figures() {
    let bank = mini_bank();
    let view = TeamView::of(
        &bank,
        Mode::Full,
        &[],
        DEFAULT_ANONYMITY_THRESHOLD,
        str::to_lowercase,
    );
    assert_eq!(view.participants, 0);
    assert_eq!(view.dimensions.len(), 4);
    assert!(view
        .dimensions
        .iter()
        .all(|d| d.spread.is_none() && d.dont_know.is_none()));
    assert!(view.gaps.is_empty() && view.divided.is_empty());
    assert!(view.roles.is_empty() && view.teams.is_empty());
    let radar = view.radar();
    assert_eq!(radar.team, vec![None; 4]);
    assert_eq!((radar.hr, radar.ld), (None, None));
}

#[test]
fn participants_are_counted_by_role_in_role_order() {
    let bank = mini_bank();
    let mut team: Vec<Progress> = [
        Role::Other,
        Role::Hr,
        Role::LearningAndDevelopment,
        Role::Hr,
        Role::LineManager,
    ]
    .iter()
    .map(|&role| person(&bank, Mode::Quick, Some(role), "", &[("alpha", 50)]))
    .collect();
    team.push(Progress::new(Mode::Quick));
    let view = TeamView::of(&bank, Mode::Quick, &team, 3, str::to_lowercase);
    assert_eq!(view.participants, 6);
    assert_eq!(
        view.by_role,
        [
            (Role::Hr, 2),
            (Role::LearningAndDevelopment, 1),
            (Role::Leadership, 0),
            (Role::LineManager, 1),
            (Role::Other, 1),
        ]
    );
    assert_eq!(view.without_role, 1);
    let labels: Vec<GroupLabel> = view.roles.iter().map(|g| g.label.clone()).collect();
    assert_eq!(
        labels,
        [
            GroupLabel::Role(Role::Hr),
            GroupLabel::Role(Role::LearningAndDevelopment),
            GroupLabel::Role(Role::LineManager),
            GroupLabel::Role(Role::Other),
            GroupLabel::NoRole,
        ]
    );
}
