//! The workshop: gathering codes from pasted text, and the team view's
//! statistics on hand-made teams whose figures are worked out in comments.

mod common;

use common::{mini_bank, sample, ALL_ANSWERS};
use proptest::prelude::*;
use std::collections::BTreeMap;
use tandem::assessment::code::{self, CodeError};
use tandem::assessment::disclosure::Figure;
use tandem::assessment::export;
use tandem::assessment::plan::ActionPlan;
use tandem::assessment::workshop::{
    Agreement, DimensionStats, GroupLabel, Rate, SavedWorkshop, TeamView, Workshop,
    DEFAULT_ANONYMITY_THRESHOLD, DIVIDED_COUNT, MAX_LISTED, MAX_PASTE_BYTES,
};
use tandem::assessment::{Answer, Bank, DimensionId, Level, Mode, Progress, Role, StatementId};

// ---------------------------------------------------------------------------
// Building participants
// ---------------------------------------------------------------------------

/// The answer that counts `points` (0, 25, 50, 75 or 100) on a statement.
fn answer_for(points: u8, reverse: bool) -> Answer {
    let steps = usize::from(points / 25);
    Answer::AGREEMENT[if reverse { 4 - steps } else { steps }]
}

/// A participant who answers every statement of the named dimensions so that
/// the dimension scores exactly the points given.
fn person(
    bank: &Bank,
    mode: Mode,
    role: Option<Role>,
    team: &str,
    scores: &[(&str, u8)],
) -> Progress {
    let mut progress = Progress::new(mode);
    if let Some(role) = role {
        progress.choose_role(role);
    }
    progress.name_team(team);
    for &(dimension, points) in scores {
        let dimension = bank.dimension(&DimensionId::from(dimension)).unwrap();
        for statement in &dimension.statements {
            assert!(progress.answer(bank, &statement.id, answer_for(points, statement.reverse)));
        }
    }
    progress
}

/// A participant with these answers, given statement by statement.
fn answering(bank: &Bank, mode: Mode, role: Role, answers: &[(&str, Answer)]) -> Progress {
    let mut progress = Progress::new(mode);
    progress.choose_role(role);
    for &(id, answer) in answers {
        assert!(progress.answer(bank, &StatementId::from(id), answer));
    }
    progress
}

/// HR participants with these scores on one dimension.
fn scoring(bank: &Bank, dimension: &str, scores: &[u8]) -> Vec<Progress> {
    scores
        .iter()
        .map(|&s| person(bank, Mode::Quick, Some(Role::Hr), "", &[(dimension, s)]))
        .collect()
}

fn dimension<'v>(view: &'v TeamView, bank: &Bank, id: &str) -> &'v DimensionStats {
    let index = bank
        .dimensions()
        .iter()
        .position(|d| d.id.as_str() == id)
        .unwrap();
    view.dimensions.iter().find(|d| d.index == index).unwrap()
}

fn index_of(bank: &Bank, id: &str) -> usize {
    bank.dimensions()
        .iter()
        .position(|d| d.id.as_str() == id)
        .unwrap()
}

/// The code with one symbol changed: a typo the checksum catches.
fn typo(code: &str) -> String {
    let mut chars: Vec<char> = code.chars().collect();
    chars[4] = if chars[4] == '0' { '1' } else { '0' };
    chars.into_iter().collect()
}

// ---------------------------------------------------------------------------
// Per-dimension statistics
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// HR vs L&D, groups and anonymity
// ---------------------------------------------------------------------------

/// Three HR and three L&D participants, and one leader who counts in neither.
///
/// alpha: HR 75, 75, 100 (mean 250/3 = 83.3); L&D 25, 50, 50 (mean 125/3 =
/// 41.7); gap 125/3 = +41.7.
/// beta: HR 50, 50, 50 (mean 50); L&D 75, 75, 100 (mean 83.3); gap -33.3.
fn hr_and_ld(bank: &Bank) -> Vec<Progress> {
    let (hr, ld) = (Role::Hr, Role::LearningAndDevelopment);
    quick_room(
        bank,
        &[
            (hr, 75, 50),
            (hr, 75, 50),
            (hr, 100, 50),
            (ld, 25, 75),
            (ld, 50, 75),
            (ld, 50, 100),
            (Role::Leadership, 0, 0),
        ],
    )
}

/// Quick assessments without a team label, one per `(role, alpha, beta)`,
/// scoring those points on the two core dimensions.
fn quick_room(bank: &Bank, people: &[(Role, u8, u8)]) -> Vec<Progress> {
    people
        .iter()
        .map(|&(role, alpha, beta)| {
            person(
                bank,
                Mode::Quick,
                Some(role),
                "",
                &[("alpha", alpha), ("beta", beta)],
            )
        })
        .collect()
}

#[test]
fn hr_and_ld_gaps_are_signed_and_largest_first() {
    let bank = mini_bank();
    // Threshold 1: the signs and order of the gaps. (At 3, the one leader
    // would be worked out from the room, HR and L&D, so a group hides too:
    // see `a_lone_line_manager_is_not_given_away_by_subtraction`.)
    let view = TeamView::of(&bank, Mode::Quick, &hr_and_ld(&bank), 1, str::to_lowercase);
    let gaps: Vec<(usize, f64, f64, f64)> = view
        .gaps
        .iter()
        .map(|g| (g.index, g.hr.value, g.ld.value, g.gap))
        .collect();
    assert_eq!(
        gaps,
        [
            (index_of(&bank, "alpha"), 83.3, 41.7, 41.7),
            (index_of(&bank, "beta"), 50.0, 83.3, -33.3),
        ]
    );
    // The radar overlays HR and L&D, rounded as scores are.
    let radar = view.radar();
    assert_eq!(radar.dimensions, [0, 1]);
    let values = |series: Option<Vec<Option<tandem::assessment::Score>>>| {
        series
            .unwrap()
            .into_iter()
            .map(|s| s.map(|s| s.value()))
            .collect::<Vec<_>>()
    };
    assert_eq!(values(radar.hr), [Some(83), Some(50)]);
    assert_eq!(values(radar.ld), [Some(42), Some(83)]);
    // Team alpha: (250 + 125 + 0) / 7 = 53.6; beta (150 + 250) / 7 = 57.1.
    assert_eq!(values(Some(radar.team)), [Some(54), Some(57)]);
}

/// The room of the anonymity promise's hardest case: 5 HR, 3 L&D and one
/// line manager. Hiding the line manager's row alone would leave
/// `9 × team − 5 × HR − 3 × L&D`, which is the line manager's own score.
fn five_three_one(bank: &Bank) -> Vec<Progress> {
    let (hr, ld) = (Role::Hr, Role::LearningAndDevelopment);
    quick_room(
        bank,
        &[
            (hr, 75, 50),
            (hr, 100, 75),
            (hr, 50, 50),
            (hr, 75, 100),
            (hr, 100, 25),
            (ld, 25, 75),
            (ld, 50, 50),
            (ld, 75, 100),
            (Role::LineManager, 50, 25),
        ],
    )
}

#[test]
fn a_lone_line_manager_is_not_given_away_by_subtraction() {
    let bank = mini_bank();
    let view = TeamView::of(
        &bank,
        Mode::Quick,
        &five_three_one(&bank),
        3,
        str::to_lowercase,
    );
    // The room and HR are shown; the line manager is too few, and L&D is
    // hidden too, so that nothing subtracts the line manager back out.
    assert!(view.dimensions.iter().all(|d| d.spread.is_some()));
    let hr = view.role_group(Role::Hr).unwrap().figures.as_ref().unwrap();
    assert!(hr.means.iter().all(Option::is_some));
    let ld = view
        .role_group(Role::LearningAndDevelopment)
        .unwrap()
        .figures
        .as_ref()
        .expect("three L&D people are enough to be listed");
    assert_eq!(ld.members, 3);
    assert_eq!(ld.means, [None, None]);
    assert_eq!(ld.figures, [Figure::Protecting, Figure::Protecting]);
    assert_eq!(view.role_group(Role::LineManager).unwrap().figures, None);
    // No HR vs L&D comparison, and no L&D overlay, can give it back either.
    assert!(view.gaps.is_empty());
    assert!(view.radar().ld.is_none() && view.radar().hr.is_some());
    let protection = view
        .protection()
        .expect("a group is hidden to protect another");
    assert_eq!(
        protection.hidden_too,
        [GroupLabel::Role(Role::LearningAndDevelopment)]
    );
    assert_eq!(protection.protected, [GroupLabel::Role(Role::LineManager)]);
    let sentence = protection.sentence(3);
    assert!(
        sentence.contains("hidden too, so the answers of")
            && sentence.contains(&Role::LineManager.label().to_string())
            && sentence.contains("(fewer than 3) cannot be worked out"),
        "{sentence}"
    );
    // The exports carry exactly what the screen shows.
    let plan = ActionPlan::default();
    let json: serde_json::Value =
        serde_json::from_str(&export::team_json(&bank, "Room", &view, &plan)).unwrap();
    let ld_json = json["by_role_groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["group"] == Role::LearningAndDevelopment.label())
        .unwrap();
    assert_eq!(ld_json["figures"]["means"], serde_json::json!([null, null]));
    assert_eq!(json["hr_ld_gaps"], serde_json::json!([]));

    // With the threshold at 1 every group shows, as the facilitator chose.
    let open = TeamView::of(
        &bank,
        Mode::Quick,
        &five_three_one(&bank),
        1,
        str::to_lowercase,
    );
    assert!(open.protection().is_none());
    assert_eq!(open.gaps.len(), 2);
}

#[test]
fn gaps_of_equal_size_either_way_keep_bank_order() {
    let bank = mini_bank();
    // alpha: HR 50 vs L&D 75, gap -25; beta: HR 100 vs L&D 75, gap +25.
    // Equal sizes either way keep bank order (threshold 1 for one each).
    let team = vec![
        person(
            &bank,
            Mode::Quick,
            Some(Role::Hr),
            "",
            &[("alpha", 50), ("beta", 100)],
        ),
        person(
            &bank,
            Mode::Quick,
            Some(Role::LearningAndDevelopment),
            "",
            &[("alpha", 75), ("beta", 75)],
        ),
    ];
    let view = TeamView::of(&bank, Mode::Quick, &team, 1, str::to_lowercase);
    let gaps: Vec<f64> = view.gaps.iter().map(|g| g.gap).collect();
    assert_eq!(gaps, [-25.0, 25.0]);
    assert_eq!(view.gaps[0].index, 0);
}

#[test]
fn gaps_are_hidden_below_the_threshold_and_shown_at_it() {
    let bank = mini_bank();
    let mut team = hr_and_ld(&bank);
    // Two L&D participants left.
    team.remove(5);
    let hidden = TeamView::of(&bank, Mode::Quick, &team, 3, str::to_lowercase);
    assert!(hidden.gaps.is_empty());
    assert!(hidden.radar().ld.is_none());
    assert!(hidden.radar().hr.is_some());
    // With a threshold of 2, the two L&D participants are exactly enough
    // (without the lone leader, who would need protecting at 2 as well).
    team.pop();
    let shown = TeamView::of(&bank, Mode::Quick, &team, 2, str::to_lowercase);
    assert_eq!(shown.gaps.len(), 2);
    // L&D alpha now (25 + 50) / 2 = 37.5; HR 83.3; gap 250/3 - 75/2 = 45.8.
    assert_eq!(shown.gaps[0].gap, 45.8);

    // Three L&D members, but only two of them scored on beta: beta's gap is
    // hidden while alpha's is shown (no leader to protect here either).
    let mut team = hr_and_ld(&bank);
    team.pop();
    team[5] = person(
        &bank,
        Mode::Quick,
        Some(Role::LearningAndDevelopment),
        "",
        &[("alpha", 50)],
    );
    let view = TeamView::of(&bank, Mode::Quick, &team, 3, str::to_lowercase);
    let shown: Vec<usize> = view.gaps.iter().map(|g| g.index).collect();
    assert_eq!(shown, [index_of(&bank, "alpha")]);
    let ld = view.radar().ld.unwrap();
    assert!(ld[0].is_some() && ld[1].is_none());
}

#[test]
fn group_breakdown_hides_small_groups() {
    let bank = mini_bank();
    let mut team = Vec::new();
    // "North" three times in different case: one group of three, shown.
    for (label, alpha) in [("North", 25), ("north", 50), ("NORTH", 100)] {
        team.push(person(
            &bank,
            Mode::Quick,
            Some(Role::Hr),
            label,
            &[("alpha", alpha)],
        ));
    }
    // "South": two people, hidden.
    for _ in 0..2 {
        team.push(person(
            &bank,
            Mode::Quick,
            Some(Role::LearningAndDevelopment),
            "South",
            &[("alpha", 0), ("beta", 0)],
        ));
    }
    // No label: in no team group. A leader: a role group of one, hidden.
    team.push(person(
        &bank,
        Mode::Quick,
        Some(Role::Leadership),
        "",
        &[("alpha", 0)],
    ));

    let view = TeamView::of(
        &bank,
        Mode::Quick,
        &team,
        DEFAULT_ANONYMITY_THRESHOLD,
        str::to_lowercase,
    );
    assert_eq!(view.teams.len(), 2);
    let north = &view.teams[0];
    // The spelling shown is the first alphabetically, whoever came first.
    assert_eq!(north.label, GroupLabel::Team("NORTH".into()));
    let figures = north.figures.as_ref().expect("three people are enough");
    assert_eq!(figures.members, 3);
    // alpha (25 + 50 + 100) / 3 = 58.3; nobody in North scored beta.
    assert_eq!(figures.means[0].map(|m| m.value), Some(58.3));
    assert_eq!(figures.means[1], None);
    let south = &view.teams[1];
    assert_eq!(south.label.to_string(), "South");
    assert_eq!(south.figures, None);

    let hr = view.role_group(Role::Hr).unwrap();
    assert_eq!(hr.figures.as_ref().unwrap().members, 3);
    assert_eq!(
        view.role_group(Role::LearningAndDevelopment)
            .unwrap()
            .figures,
        None
    );
    assert_eq!(view.role_group(Role::Leadership).unwrap().figures, None);
    assert!(view.role_group(Role::Other).is_none());

    // Lowered to 2, South shows; the leader never does above 1.
    let view = TeamView::of(&bank, Mode::Quick, &team, 2, str::to_lowercase);
    assert_eq!(view.teams[1].figures.as_ref().unwrap().members, 2);
    assert_eq!(view.role_group(Role::Leadership).unwrap().figures, None);
}

// ---------------------------------------------------------------------------
// Statements: the most divided, and Don't know
// ---------------------------------------------------------------------------

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
    assert_eq!(at_three.divided.len(), 3);
    let divided: Vec<(&str, Option<f64>, Option<f64>)> = view
        .divided
        .iter()
        .map(|s| (s.id.as_str(), s.mean, s.std_dev))
        .collect();
    // alpha.one and alpha.two have no spread, so they start no discussion.
    assert_eq!(
        divided,
        [
            ("beta.one", Some(50.0), Some(50.0)),
            ("alpha.three", Some(18.8), Some(32.5)),
            ("beta.two", Some(62.5), Some(21.7)),
            ("alpha.four", Some(87.5), Some(12.5)),
        ]
    );
    // Counts are of the answers as given, before reverse scoring.
    let three = &view.divided[1];
    let counts: Vec<(Answer, usize)> = three.answers.iter().filter(|(_, n)| *n > 0).collect();
    assert_eq!(counts, [(Answer::Disagree, 1), (Answer::StronglyAgree, 3)]);
    assert_eq!(three.answers.on_scale(), 4);
    assert_eq!(view.divided[0].answers.of(Answer::StronglyDisagree), 2);
    assert_eq!(view.divided[3].answers.of(Answer::NotApplicable), 2);
    assert_eq!(view.divided[3].answers.on_scale(), 2);
}

#[test]
fn at_most_five_statements_are_named_as_divided() {
    let bank = mini_bank();
    // Two people at opposite ends of all ten statements; alpha.four by its
    // two scale answers as well. Equal spreads keep bank order.
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
            "alpha.two",
            "alpha.three",
            "alpha.four",
            "beta.one"
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
    // alpha.two: one of the four asked, 25%.
    let two = view
        .statements
        .iter()
        .find(|s| s.id.as_str() == "alpha.two")
        .unwrap();
    assert_eq!(two.dont_know, Some(Rate { count: 1, of: 4 }));
    assert_eq!(two.dont_know.unwrap().percent(), Some(25));
    // Rates round half up: 1 of 8 is 12.5%, shown 13%.
    assert_eq!(Rate { count: 1, of: 8 }.percent(), Some(13));
    assert_eq!(Rate { count: 0, of: 0 }.percent(), None);
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

// ---------------------------------------------------------------------------
// Gathering codes
// ---------------------------------------------------------------------------

/// Five different results and their codes.
fn five_codes(bank: &Bank) -> (Vec<Progress>, Vec<String>) {
    let results: Vec<Progress> = [
        (Role::Hr, 0),
        (Role::Hr, 25),
        (Role::LearningAndDevelopment, 50),
        (Role::LearningAndDevelopment, 75),
        (Role::Leadership, 100),
    ]
    .iter()
    .map(|&(role, points)| {
        person(
            bank,
            Mode::Quick,
            Some(role),
            "Team A",
            &[("alpha", points), ("beta", points)],
        )
    })
    .collect();
    let codes = results.iter().map(|p| code::encode(bank, p)).collect();
    (results, codes)
}

#[test]
fn pasted_codes_are_found_among_any_separators() {
    let bank = mini_bank();
    let (results, codes) = five_codes(&bank);
    let compact: String = codes[2].chars().filter(|&c| c != '-').collect();
    let text = format!(
        "Here are today's codes:\n{}\r\n{}, {compact};\t<https://example.org/tandem/#r={}> thanks!|\"{}\".",
        codes[0],
        codes[1].to_lowercase(),
        codes[3],
        codes[4],
    );
    let mut workshop = Workshop::new("  Leadership offsite\u{7} ");
    assert_eq!(workshop.name(), "Leadership offsite");
    let gathered = workshop.add_text(&bank, &text);
    assert_eq!((gathered.added, gathered.duplicates), (5, 0));
    assert!(gathered.rejected.is_empty(), "{:?}", gathered.rejected);
    assert_eq!(workshop.len(), 5);
    // Kept in canonical spelling, in the order pasted.
    assert_eq!(workshop.codes(), codes.as_slice());
    for (kept, original) in workshop.participants().iter().zip(&results) {
        let kept = kept.progress(&bank);
        assert_eq!(
            (kept.role, &kept.team, &kept.answers),
            (original.role, &original.team, &original.answers)
        );
    }
}

#[test]
fn a_link_with_other_parameters_is_read() {
    let bank = mini_bank();
    let (_, codes) = five_codes(&bank);
    let text = format!(
        "see https://intranet.example/tandem/#/results?r={}&from=mail",
        codes[0]
    );
    let mut workshop = Workshop::default();
    assert_eq!(workshop.add_text(&bank, &text).added, 1);
    // A link without a code in it is some other link, not an entry.
    let other = workshop.add_text(&bank, "https://example.org/#section-2 #hashtag");
    assert_eq!(other.found(), 0);
}

#[test]
fn a_paste_over_the_limit_is_refused_whole_and_changes_nothing() {
    let bank = mini_bank();
    let (_, codes) = five_codes(&bank);
    let mut workshop = Workshop::default();
    workshop.add_text(&bank, &codes[0]);
    let before = workshop.clone();
    let mut text = format!("{}\n", codes[1]);
    text.push_str(&"x".repeat(MAX_PASTE_BYTES + 1 - text.len()));
    let gathered = workshop.add_text(&bank, &text);
    let refused = gathered.refused.as_deref().expect("refused whole");
    assert!(
        refused.contains("2,000,001 bytes") && refused.contains("paste it in parts"),
        "{refused}"
    );
    assert_eq!((gathered.added, gathered.found()), (0, 0));
    assert_eq!(workshop, before, "nothing gathered changed");
    // At the limit it is read.
    text.pop();
    assert_eq!(workshop.add_text(&bank, &text).added, 1);
}

#[test]
fn refused_entries_are_listed_up_to_a_cap_and_counted_beyond_it() {
    let bank = mini_bank();
    let text: String = (0..MAX_LISTED + 10)
        .map(|i| format!("T1-BROKEN{i:04}\n"))
        .collect();
    let gathered = Workshop::default().add_text(&bank, &text);
    assert_eq!(gathered.rejected.len(), MAX_LISTED);
    assert_eq!(gathered.more_rejected, 10);
    assert_eq!(gathered.found(), MAX_LISTED + 10);
    // Merged reports (several files) keep the cap too.
    let mut merged = gathered.clone();
    merged.merge(gathered);
    assert_eq!(merged.rejected.len(), MAX_LISTED);
    assert_eq!(merged.more_rejected, MAX_LISTED + 20);
}

#[test]
fn lines_without_a_code_are_counted_and_shown_not_dropped() {
    let bank = mini_bank();
    let (_, codes) = five_codes(&bank);
    let text = format!(
        "Hello everyone, here are the codes:\n{}\n\n   \nAnna: {}\nthanks, bye\n",
        codes[0], codes[1]
    );
    let gathered = Workshop::default().add_text(&bank, &text);
    assert_eq!(gathered.added, 2);
    assert_eq!(gathered.lines_without_code, 2, "blank lines do not count");
    assert_eq!(
        gathered.without_code,
        ["Hello everyone, here are the codes:", "thanks, bye"]
    );
    let many: String = (0..MAX_LISTED + 5).map(|i| format!("line {i}\n")).collect();
    let gathered = Workshop::default().add_text(&bank, &many);
    assert_eq!(gathered.lines_without_code, MAX_LISTED + 5);
    assert_eq!(gathered.without_code.len(), MAX_LISTED);
}

#[test]
fn words_that_only_start_like_codes_are_refused_without_joining_forever() {
    let bank = mini_bank();
    // Each word starts like a code and is tried joined with the sixteen
    // after it: a paste of a hundred thousand of them still reads, adds
    // nothing and lists one refusal (the same text each time).
    let text = "T1AB3 ".repeat(100_000);
    let gathered = Workshop::default().add_text(&bank, &text);
    assert_eq!((gathered.added, gathered.rejected.len()), (0, 1));
    // A real code split into groups among them is still found.
    let (_, codes) = five_codes(&bank);
    let text = format!("T1AB3 T1AB3 {} T1AB3", codes[0].replace('-', " "));
    let gathered = Workshop::default().add_text(&bank, &text);
    assert_eq!(gathered.added, 1);
}

#[test]
fn a_code_split_by_spaces_is_joined_back() {
    let bank = mini_bank();
    let (_, codes) = five_codes(&bank);
    let spaced = codes[0].replace('-', " ");
    let text = format!("{spaced}   {}\n{} and more words", codes[1], codes[2]);
    let mut workshop = Workshop::default();
    let gathered = workshop.add_text(&bank, &text);
    assert_eq!(
        (gathered.added, gathered.rejected.len()),
        (3, 0),
        "{:?}",
        gathered.rejected
    );
    assert_eq!(workshop.codes(), &codes[..3]);

    // A code cut short stays refused even with words after it to try.
    let cut = &codes[3][..12];
    let gathered = workshop.add_text(&bank, &format!("{cut} thanks all"));
    assert_eq!(gathered.added, 0);
    assert_eq!(gathered.rejected.len(), 1);
    assert_eq!(gathered.rejected[0].text, cut);
}

#[test]
fn duplicates_count_once_in_one_paste_and_across_pastes() {
    let bank = mini_bank();
    let (_, codes) = five_codes(&bank);
    let mut workshop = Workshop::default();
    // The same code three times, spelled three ways.
    let text = format!(
        "{} {} https://x.example/#r={}",
        codes[0],
        codes[0].to_lowercase(),
        codes[0]
    );
    let first = workshop.add_text(&bank, &text);
    assert_eq!((first.added, first.duplicates), (1, 2));
    // Again, with a new one: the old one is a duplicate, the new one added.
    let second = workshop.add_text(&bank, &format!("{}\n{}", codes[0], codes[1]));
    assert_eq!((second.added, second.duplicates), (1, 1));
    assert_eq!(workshop.len(), 2);
    assert_eq!(second.found(), 2);
}

#[test]
fn foreign_and_broken_codes_are_listed_with_the_reason() {
    let bank = mini_bank();
    let standard = Bank::standard();
    let (_, codes) = five_codes(&bank);
    let foreign = code::encode(
        standard,
        &person(standard, Mode::Quick, Some(Role::Hr), "", &[]),
    );
    let broken = typo(&codes[1]);
    let text = format!("{}\n{foreign}\n{broken}\n{}\n{broken}", codes[0], codes[2]);
    let mut workshop = Workshop::default();
    let gathered = workshop.add_text(&bank, &text);
    assert_eq!((gathered.added, gathered.duplicates), (2, 0));
    // The broken one pasted twice is listed once.
    assert_eq!(gathered.rejected.len(), 2);
    let other_bank = CodeError::OtherBank {
        mark: standard.mark(),
    };
    assert_eq!(code::bank_of(&foreign), Ok(standard.mark()));
    assert!(gathered.rejected[0]
        .reason
        .contains("different set of questions"));
    assert_eq!(gathered.rejected[0].reason, other_bank.to_string());
    assert_eq!(gathered.rejected[1].reason, CodeError::Checksum.to_string());
    // Shown shortened: 31 characters and an ellipsis.
    assert_eq!(gathered.rejected[1].text.chars().count(), 32);
    assert!(gathered.rejected[1].text.ends_with('…'));
    assert!(broken.starts_with(gathered.rejected[1].text.trim_end_matches('…')));
    assert_eq!(workshop.codes(), [codes[0].clone(), codes[2].clone()]);
}

#[test]
fn words_that_look_like_codes_are_reported_and_others_skipped() {
    let bank = mini_bank();
    let mut workshop = Workshop::default();
    // `T2…` could be a code from a newer Tandem (this one is not a real
    // code): reported, not skipped. "Team", "Thanks" and "T4" are words.
    let gathered = workshop.add_text(&bank, "T2-ABCDE-FGH12 Team Thanks T4 Tandem.");
    assert_eq!(gathered.rejected.len(), 1);
    assert_eq!(gathered.rejected[0].text, "T2-ABCDE-FGH12");
    assert_eq!(gathered.found(), 1);
}

#[test]
fn a_bad_paste_loses_nothing() {
    let bank = mini_bank();
    let (_, codes) = five_codes(&bank);
    let mut workshop = Workshop::new("Kept");
    workshop.add_text(&bank, &format!("{}\n{}", codes[0], codes[1]));
    let before = workshop.clone();
    for bad in [
        String::new(),
        "no codes here at all".to_owned(),
        "T1".to_owned(),
        "T1-".repeat(2_000),
        typo(&codes[2]),
        "\u{0}\u{202e}T1-😀".to_owned(),
        format!("https://x.example/#r={}", typo(&codes[3])),
    ] {
        let gathered = workshop.add_text(&bank, &bad);
        assert_eq!(gathered.added, 0, "{bad:?}");
        assert_eq!(workshop, before, "{bad:?}");
    }
    // Good codes next to bad ones are added after what was there.
    let gathered = workshop.add_text(
        &bank,
        &format!("{}, nonsense T1XYZ {}", typo(&codes[2]), codes[3]),
    );
    assert_eq!((gathered.added, gathered.rejected.len()), (1, 2));
    assert_eq!(&workshop.codes()[..2], before.codes());
    assert_eq!(&workshop.participants()[..2], before.participants());
}

#[test]
fn imported_progress_counts_once_with_its_code() {
    let bank = mini_bank();
    let (results, codes) = five_codes(&bank);
    let imported = export::from_json(&bank, &export::to_json(&bank, &results[0])).unwrap();
    let mut workshop = Workshop::default();
    let first = workshop.add_progress(&bank, &imported);
    assert_eq!((first.added, first.duplicates), (1, 0));
    assert_eq!(workshop.codes(), [codes[0].clone()]);
    // The same participant pasting their code is a duplicate, and so is a
    // second import of the same file.
    assert_eq!(workshop.add_text(&bank, &codes[0]).duplicates, 1);
    assert_eq!(workshop.add_progress(&bank, &imported).duplicates, 1);
    // Kept as a code would give it: no action plan.
    assert_eq!(
        workshop.participants()[0],
        code::read(&bank, &codes[0]).unwrap()
    );
    assert_eq!(workshop.len(), 1);
}

#[test]
fn remove_takes_out_one_participant() {
    let bank = mini_bank();
    let (_, codes) = five_codes(&bank);
    let mut workshop = Workshop::default();
    workshop.add_text(&bank, &codes.join("\n"));
    assert_eq!(workshop.remove(1), Some(codes[1].clone()));
    assert_eq!(workshop.remove(9), None);
    assert_eq!(workshop.len(), 4);
    assert_eq!(workshop.participants().len(), 4);
    assert_eq!(workshop.codes()[1], codes[2]);
    // Removed, it can be added again.
    assert_eq!(workshop.add_text(&bank, &codes[1]).added, 1);
}

#[test]
fn a_saved_workshop_round_trips_through_json() {
    let bank = mini_bank();
    let (_, codes) = five_codes(&bank);
    let mut workshop = Workshop::new("Leadership offsite");
    workshop.add_text(&bank, &codes.join(" "));
    let json = serde_json::to_string(&workshop).unwrap();
    // Compact: the name and the codes, nothing decoded.
    assert!(
        json.len() < 60 + codes.iter().map(|c| c.len() + 3).sum::<usize>(),
        "{json}"
    );
    let saved: SavedWorkshop = serde_json::from_str(&json).unwrap();
    assert_eq!(saved, workshop.saved());
    let (restored, report) = Workshop::restore(&bank, saved).unwrap();
    assert_eq!(restored, workshop);
    assert_eq!((report.added, report.rejected.len()), (5, 0));
}

#[test]
fn saved_codes_that_no_longer_read_are_kept() {
    let bank = mini_bank();
    let (_, codes) = five_codes(&bank);
    let foreign = code::encode(Bank::standard(), &Progress::new(Mode::Quick));
    let saved = SavedWorkshop {
        schema: 1,
        name: "Offsite".into(),
        codes: vec![
            codes[0].clone(),
            foreign.clone(),
            codes[0].clone(),
            "garbage".into(),
        ],
    };
    let (mut restored, report) = Workshop::restore(&bank, saved).unwrap();
    assert_eq!(
        (report.added, report.duplicates, report.rejected.len()),
        (1, 1, 2)
    );
    assert_eq!(restored.len(), 1);
    assert_eq!(
        restored.unreadable(),
        [foreign.clone(), "garbage".to_owned()]
    );
    // Saved again, nothing is lost.
    assert_eq!(
        restored.saved().codes,
        [codes[0].clone(), foreign, "garbage".to_owned()]
    );
    // Until the facilitator discards them.
    restored.discard_unreadable();
    assert_eq!(restored.saved().codes, [codes[0].clone()]);
}

#[test]
fn a_workshop_from_a_newer_tandem_is_refused() {
    let bank = mini_bank();
    let saved: SavedWorkshop = serde_json::from_str(r#"{"schema": 2, "codes": []}"#).unwrap();
    let error = Workshop::restore(&bank, saved).unwrap_err();
    assert!(error.to_string().contains("newer version"));
    // Missing name and codes read as empty.
    let saved: SavedWorkshop = serde_json::from_str(r#"{"schema": 1}"#).unwrap();
    assert!(Workshop::restore(&bank, saved).unwrap().0.is_empty());
}

#[test]
fn a_thousand_codes_paste_at_once() {
    let bank = Bank::standard();
    let codes: Vec<String> = (0..1_000)
        .map(|i| code::encode(bank, &sample::participant(bank, i)))
        .collect();
    let mut workshop = Workshop::new("Big room");
    let gathered = workshop.add_text(bank, &codes.join("\n"));
    let distinct: std::collections::HashSet<&String> = codes.iter().collect();
    assert_eq!(gathered.added, distinct.len());
    assert_eq!(gathered.added + gathered.duplicates, 1_000);
    assert!(gathered.rejected.is_empty());
}

// ---------------------------------------------------------------------------
// Large rooms and generated teams
// ---------------------------------------------------------------------------

#[test]
fn ten_thousand_participants_aggregate_with_consistent_totals() {
    let bank = Bank::standard();
    let team: Vec<Progress> = (0..10_000).map(|i| sample::participant(bank, i)).collect();
    let started = std::time::Instant::now();
    let view = TeamView::of(
        bank,
        Mode::Full,
        &team,
        DEFAULT_ANONYMITY_THRESHOLD,
        str::to_lowercase,
    );
    eprintln!("aggregated 10,000 participants in {:?}", started.elapsed());

    assert_eq!(view.participants, 10_000);
    assert_eq!(
        view.by_role.iter().map(|(_, n)| n).sum::<usize>() + view.without_role,
        10_000
    );
    assert_eq!(view.without_role, 2_000);
    for stats in &view.dimensions {
        let core = bank.dimensions()[stats.index].core;
        assert_eq!(stats.asked, if core { 10_000 } else { 5_000 });
        assert!(stats.scored <= stats.asked);
        let statements = bank.dimensions()[stats.index].statements.len();
        assert_eq!(stats.dont_know.unwrap().of, stats.asked * statements);
    }
    let answers: usize = team.iter().map(|p| p.answers.len()).sum();
    assert_eq!(
        view.statements
            .iter()
            .map(|s| s.answers.total())
            .sum::<usize>(),
        answers
    );
    let dont_know = team
        .iter()
        .flat_map(|p| p.answers.values())
        .filter(|&&a| a == Answer::DontKnow)
        .count();
    assert_eq!(
        view.dimensions
            .iter()
            .map(|d| d.dont_know.unwrap().count)
            .sum::<usize>(),
        dont_know
    );
    assert_eq!(
        view.roles
            .iter()
            .filter_map(|g| g.figures.as_ref())
            .map(|f| f.members)
            .sum::<usize>(),
        10_000
    );
    assert_eq!(view.gaps.len(), bank.dimensions().len());
    assert_eq!(view.divided.len(), DIVIDED_COUNT);
}

#[test]
fn the_team_report_lists_fields_alphabetically_and_the_plan_whole() {
    // The team report has always listed every object's fields in alphabetical
    // order (it was once built as a `serde_json::Value`, which sorts them):
    // read into a `Value` and written again, it comes out the same. Its plan
    // is the plan as serde writes it, whatever fields the plan gains.
    let bank = Bank::standard();
    let team: Vec<Progress> = (0..200).map(|i| sample::participant(bank, i)).collect();
    let view = TeamView::of(
        bank,
        Mode::Full,
        &team,
        DEFAULT_ANONYMITY_THRESHOLD,
        str::to_lowercase,
    );
    let mut plan = ActionPlan::default();
    plan.redraft(bank, &team[0].report(bank));
    plan.targets
        .insert(bank.dimensions()[0].id.clone(), Level::HIGHEST);
    assert!(!view.gaps.is_empty() && !plan.actions.is_empty());

    let text = export::team_json(bank, "Room \"A\" – Überblick", &view, &plan);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        format!("{}\n", serde_json::to_string_pretty(&value).unwrap()),
        text
    );
    assert_eq!(value["plan"], serde_json::to_value(&plan).unwrap());
}

fn random_team() -> impl Strategy<Value = (Vec<Progress>, usize)> {
    // Parsed once: the ids of the mini bank's ten statements, in bank order.
    let ids: Vec<StatementId> = mini_bank()
        .dimensions()
        .iter()
        .flat_map(|d| &d.statements)
        .map(|s| s.id.clone())
        .collect();
    let participant = (
        prop::sample::select(vec![Mode::Quick, Mode::Full]),
        prop::option::of(prop::sample::select(Role::ALL.to_vec())),
        prop::sample::select(vec!["", "North", "north", "South"]),
        prop::collection::vec(
            prop::option::of(prop::sample::select(ALL_ANSWERS.to_vec())),
            10,
        ),
    )
        .prop_map(move |(mode, role, team, answers)| {
            let mut progress = Progress::new(mode);
            progress.role = role;
            progress.team = team.to_owned();
            // Written directly, past `Progress::answer`: the view must cope
            // with answers a mode does not ask and "Not applicable" anywhere.
            for (id, answer) in ids.iter().zip(answers) {
                if let Some(answer) = answer {
                    progress.answers.insert(id.clone(), answer);
                }
            }
            progress
        });
    (prop::collection::vec(participant, 0..40), 0usize..6)
}

/// Rooms small enough to try every set of fewer than the threshold's
/// number of people against what the view shows.
fn small_team() -> impl Strategy<Value = (Vec<Progress>, usize)> {
    random_team().prop_map(|(mut team, threshold)| {
        team.truncate(13);
        (team, threshold)
    })
}

/// Each figure the view shows for dimension `position`, as the set of
/// participants (among `team`) whose scores it sums.
fn shown_sums(bank: &Bank, view: &TeamView, team: &[Progress], position: usize) -> Vec<Vec<u128>> {
    let stats = &view.dimensions[position];
    let scored: Vec<&Progress> = team
        .iter()
        .filter(|p| {
            p.report(bank)
                .dimensions
                .iter()
                .any(|d| d.index == stats.index && d.score().is_some())
        })
        .collect();
    let over = |keep: &dyn Fn(&Progress) -> bool| -> Vec<u128> {
        scored.iter().map(|p| u128::from(keep(p))).collect()
    };
    let mut sums = Vec::new();
    if stats.spread.is_some() {
        sums.push(over(&|_| true));
    }
    for group in view.roles.iter().chain(&view.teams) {
        let Some(figures) = &group.figures else {
            continue;
        };
        if figures.means[position].is_none() {
            continue;
        }
        sums.push(match &group.label {
            GroupLabel::Role(role) => over(&|p| p.role == Some(*role)),
            GroupLabel::NoRole => over(&|p| p.role.is_none()),
            GroupLabel::Team(team) => {
                let key = team.to_lowercase();
                over(&|p| !p.team.is_empty() && p.team.to_lowercase() == key)
            }
        });
    }
    sums
}

/// The mini bank parsed once for the generated cases.
fn shared_mini_bank() -> &'static Bank {
    static BANK: std::sync::OnceLock<Bank> = std::sync::OnceLock::new();
    BANK.get_or_init(mini_bank)
}

proptest! {
    #[test]
    fn aggregation_never_panics_and_stays_in_range(
        (team, threshold) in random_team(),
        full in any::<bool>(),
    ) {
        let bank = shared_mini_bank();
        let mode = if full { Mode::Full } else { Mode::Quick };
        let view = TeamView::of(bank, mode, &team, threshold, str::to_lowercase);
        let threshold = threshold.max(1);
        prop_assert_eq!(view.participants, team.len());
        let by_role: usize = view.by_role.iter().map(|(_, n)| n).sum();
        prop_assert_eq!(by_role + view.without_role, team.len());
        for stats in &view.dimensions {
            prop_assert!(stats.scored <= stats.asked && stats.asked <= team.len());
            if let Some(rate) = stats.dont_know {
                prop_assert!(rate.count <= rate.of);
            }
            prop_assert_eq!(stats.dont_know.is_some(), stats.asked >= threshold);
            prop_assert_eq!(stats.spread.is_some(), stats.figure == Figure::Shown);
            prop_assert_eq!(stats.figure == Figure::TooFew, stats.scored > 0 && stats.scored < threshold);
            if let Some(s) = stats.spread {
                let (min, max) = (f64::from(s.min.value()), f64::from(s.max.value()));
                prop_assert!(min <= s.median && s.median <= max);
                prop_assert!(min <= s.mean.value && s.mean.value <= max);
                prop_assert!(s.max.value() <= 100);
                prop_assert!((0.0..=50.0).contains(&s.std_dev));
                prop_assert_eq!(s.mean.of, stats.scored);
            }
        }
        for s in &view.statements {
            prop_assert!(s.answers.total() <= s.asked);
            if let (Some(mean), Some(sd)) = (s.mean, s.std_dev) {
                prop_assert!((0.0..=100.0).contains(&mean) && (0.0..=50.0).contains(&sd));
            }
        }
        for pair in view.gaps.windows(2) {
            prop_assert!(pair[0].gap.abs() >= pair[1].gap.abs());
        }
        for gap in &view.gaps {
            prop_assert!(gap.hr.of >= threshold && gap.ld.of >= threshold);
            prop_assert!((-100.0..=100.0).contains(&gap.gap));
        }
        prop_assert!(view.divided.len() <= DIVIDED_COUNT);
        for pair in view.divided.windows(2) {
            prop_assert!(pair[0].std_dev >= pair[1].std_dev);
        }
        for group in view.roles.iter().chain(&view.teams) {
            if let Some(figures) = &group.figures {
                prop_assert!(figures.members >= threshold);
                for mean in figures.means.iter().flatten() {
                    prop_assert!(mean.of >= threshold && (0.0..=100.0).contains(&mean.value));
                }
            }
        }
        let shown = view.roles.iter().filter_map(|g| g.figures.as_ref());
        prop_assert!(shown.map(|f| f.members).sum::<usize>() <= team.len());
    }

    /// A facilitator who tries one threshold, then a higher one, sees no
    /// more between the two views than the lower one shows alone.
    #[test]
    fn raising_the_threshold_shows_nothing_new((team, threshold) in small_team()) {
        let bank = shared_mini_bank();
        let lower = threshold.max(1);
        let views: Vec<TeamView> = (lower..=lower + 3)
            .map(|k| TeamView::of(bank, Mode::Quick, &team, k, str::to_lowercase))
            .collect();
        for position in 0..views[0].dimensions.len() {
            let mut sums: Vec<Vec<u128>> = Vec::new();
            for view in &views {
                for sum in shown_sums(bank, view, &team, position) {
                    if !sums.contains(&sum) {
                        sums.push(sum);
                    }
                }
            }
            prop_assert!(
                !common::subtraction::solvable(&sums, lower),
                "dimension {} across thresholds {} to {}", position, lower, lower + 3
            );
        }
    }

    /// Whatever the room and the threshold, no combination of the figures
    /// the view shows (the room's, each role's and each team label's, per
    /// dimension) gives the sum of fewer than the threshold's number of
    /// participants; and a whole-room statement needs that many answers.
    #[test]
    fn no_shown_figures_solve_a_small_group((team, threshold) in small_team(), full in any::<bool>()) {
        let bank = shared_mini_bank();
        let mode = if full { Mode::Full } else { Mode::Quick };
        let view = TeamView::of(bank, mode, &team, threshold, str::to_lowercase);
        let threshold = threshold.max(1);
        for position in 0..view.dimensions.len() {
            let sums = shown_sums(bank, &view, &team, position);
            prop_assert!(
                !common::subtraction::solvable(&sums, threshold),
                "dimension {} at threshold {}: {:?}", position, threshold, view.dimensions[position]
            );
        }
        for statement in &view.statements {
            if statement.figure.is_shown() {
                prop_assert!(statement.answers.on_scale() >= threshold);
            } else {
                prop_assert_eq!(statement.answers.total(), 0);
            }
        }
    }

    #[test]
    fn one_participant_is_scored_as_on_their_own_report((team, _) in random_team()) {
        let bank = shared_mini_bank();
        for participant in &team {
            let view = TeamView::of(bank, participant.mode, std::slice::from_ref(participant), 1, str::to_lowercase);
            let report = participant.report(bank);
            for (stats, result) in view.dimensions.iter().zip(&report.dimensions) {
                prop_assert_eq!(stats.index, result.index);
                prop_assert_eq!(stats.spread.map(|s| s.mean.score), result.score());
                prop_assert_eq!(stats.dont_know.map(|rate| rate.count), Some(result.dont_know));
            }
        }
    }

    #[test]
    fn a_workshop_views_its_codes_as_the_progress_they_decode_to(
        (team, threshold) in random_team(),
    ) {
        let bank = shared_mini_bank();
        let codes: Vec<String> = team.iter().map(|p| code::encode(bank, p)).collect();
        let mut workshop = Workshop::default();
        workshop.add_text(bank, &codes.join("\n"));
        let decoded: Vec<Progress> = codes
            .iter()
            .map(|c| code::decode(bank, c).unwrap())
            .collect();
        let kept: Vec<Progress> = workshop
            .participants()
            .iter()
            .map(|p| p.progress(bank))
            .collect();
        // Duplicates are kept once, in the order first pasted.
        let mut firsts = decoded.clone();
        let mut seen = std::collections::HashSet::new();
        firsts.retain(|p| seen.insert(code::encode(bank, p)));
        prop_assert_eq!(&kept, &firsts);
        prop_assert_eq!(
            workshop.team_view(bank, threshold, str::to_lowercase),
            TeamView::of(bank, workshop.mode(), &kept, threshold, str::to_lowercase)
        );
    }

    #[test]
    fn the_order_of_participants_does_not_change_the_view((team, threshold) in random_team()) {
        let bank = shared_mini_bank();
        let mut reversed = team.clone();
        reversed.reverse();
        prop_assert_eq!(
            TeamView::of(bank, Mode::Full, &team, threshold, str::to_lowercase),
            TeamView::of(bank, Mode::Full, &reversed, threshold, str::to_lowercase)
        );
    }
}

#[test]
fn answers_outside_the_bank_are_ignored() {
    let bank = shared_mini_bank();
    let mut progress = person(bank, Mode::Quick, Some(Role::Hr), "", &[("alpha", 100)]);
    let mut extra = BTreeMap::new();
    extra.insert(StatementId::from("aardvark"), Answer::StronglyDisagree);
    extra.insert(StatementId::from("zzz.last"), Answer::StronglyDisagree);
    // Asked only in the full assessment: ignored for a quick result.
    extra.insert(StatementId::from("gamma.one"), Answer::StronglyDisagree);
    progress.answers.extend(extra);
    let view = TeamView::of(bank, Mode::Full, &[progress], 1, str::to_lowercase);
    assert_eq!(
        dimension(&view, bank, "alpha").spread.unwrap().mean.value,
        100.0
    );
    assert_eq!(dimension(&view, bank, "gamma").asked, 0);
    assert_eq!(
        view.statements
            .iter()
            .map(|s| s.answers.total())
            .sum::<usize>(),
        4
    );
}

#[test]
fn a_dimension_of_six_statements_needs_three_answers_alone_and_in_a_team() {
    // Half of six is three: both copies of the rule (the individual score
    // and the team's tally) count three answers and refuse two.
    let mut json = common::mini_bank_json();
    for id in ["alpha.five", "alpha.six"] {
        json["dimensions"][0]["statements"]
            .as_array_mut()
            .expect("a list of statements")
            .push(serde_json::json!({"id": id, "text": id}));
    }
    let bank = Bank::parse(&json.to_string()).expect("a valid bank");
    let alpha = &bank.dimensions()[0];
    assert_eq!(alpha.statements.len(), 6);
    for (answered, scored) in [(3, true), (2, false)] {
        let mut progress = Progress::new(Mode::Full);
        for statement in alpha.statements.iter().take(answered) {
            progress.answer(&bank, &statement.id, Answer::Agree);
        }
        let report = progress.report(&bank);
        assert_eq!(
            report.dimensions[0].scored.is_some(),
            scored,
            "{answered} answered"
        );
        let mut workshop = Workshop::default();
        assert_eq!(workshop.add_progress(&bank, &progress).added, 1);
        let view = workshop.team_view(&bank, 1, str::to_lowercase);
        assert_eq!(
            view.dimensions[0].scored,
            usize::from(scored),
            "{answered} answered"
        );
    }
}
