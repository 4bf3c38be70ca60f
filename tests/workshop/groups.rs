//! HR vs L&D, the role and team-label groups, and what anonymity hides.

use super::*;

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
    let english =
        tandem::assessment::language::Words::english(tandem::assessment::language::plain_number);
    let sentence = tandem::assessment::wording::protection(&english, &protection, 3);
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

#[test]
fn no_gap_is_zero_with_a_plus_sign_and_comes_last() {
    let bank = mini_bank();
    // alpha: HR 50 and L&D 50, no gap at all; beta: HR 75 vs L&D 100, -25.
    let team = quick_room(
        &bank,
        &[(Role::Hr, 50, 75), (Role::LearningAndDevelopment, 50, 100)],
    );
    let view = TeamView::of(&bank, Mode::Quick, &team, 1, str::to_lowercase);
    let gaps: Vec<(usize, String)> = view
        .gaps
        .iter()
        .map(|g| (g.index, format!("{:+.1}", g.gap)))
        .collect();
    // As the screen writes them: an equal view is "+0.0", never "-0.0".
    assert_eq!(
        gaps,
        [
            (index_of(&bank, "beta"), "-25.0".to_owned()),
            (index_of(&bank, "alpha"), "+0.0".to_owned()),
        ]
    );
}
