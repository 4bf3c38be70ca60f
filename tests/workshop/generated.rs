//! Large rooms and generated teams: totals that add up, the team report,
//! and properties of any team proptest makes.

use super::*;

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
    // One statement a dimension is shown, with every answer to it.
    for (stats, dimension) in view.dimensions.iter().zip(bank.dimensions()) {
        let shown: Vec<_> = view
            .statements
            .iter()
            .filter(|s| s.dimension == stats.index && s.figure.is_shown())
            .collect();
        assert_eq!(shown.len(), 1, "{}", dimension.id);
        let answers = team
            .iter()
            .filter(|p| p.answers.contains_key(&shown[0].id))
            .count();
        assert_eq!(shown[0].answers.total(), answers);
    }
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

/// Small rooms of HR, L&D and a few line managers, at thresholds up to 3:
/// the rooms where a statement's HR and L&D split can be shown.
fn two_sided_team() -> impl Strategy<Value = (Vec<Progress>, usize)> {
    use Role::{Hr, LearningAndDevelopment as Ld, LineManager};
    (small_team(), prop::collection::vec(0usize..5, 13)).prop_map(
        |((mut team, threshold), roles)| {
            for (participant, role) in team.iter_mut().zip(roles) {
                participant.role = Some([Hr, Hr, Ld, Ld, LineManager][role]);
            }
            (team, threshold.min(3))
        },
    )
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

    /// Where a statement shows how HR and L&D answered, it does so beside the
    /// dimension's HR vs L&D gap, and no combination of its room's, HR's
    /// and L&D's counts gives the answers of fewer than the threshold's
    /// number of people.
    #[test]
    fn no_split_of_a_statement_solves_a_small_group((team, threshold) in two_sided_team(), full in any::<bool>()) {
        let bank = shared_mini_bank();
        let mode = if full { Mode::Full } else { Mode::Quick };
        let view = TeamView::of(bank, mode, &team, threshold, str::to_lowercase);
        let threshold = threshold.max(1);
        for statement in &view.statements {
            let Some(split) = &statement.split else {
                continue;
            };
            prop_assert!(view.gaps.iter().any(|g| g.index == statement.dimension));
            let core = bank.dimensions()[statement.dimension].core;
            let answered: Vec<&Progress> = team
                .iter()
                .filter(|p| (p.mode == Mode::Full || core) && p.answers.contains_key(&statement.id))
                .collect();
            let over = |role: Option<Role>| -> Vec<u128> {
                answered.iter().map(|p| u128::from(role.is_none() || p.role == role)).collect()
            };
            let hr = over(Some(Role::Hr));
            prop_assert_eq!(split.hr.total() as u128, hr.iter().sum::<u128>());
            let sums = [over(None), hr, over(Some(Role::LearningAndDevelopment))];
            prop_assert!(
                !common::subtraction::solvable(&sums, threshold),
                "{} at threshold {}", statement.id, threshold
            );
        }
    }

    /// A dimension's mean scores beside its statements' counts: no
    /// combination of the means the view shows (the room's, each role's and
    /// each team label's) and the step totals its counts give (the room's,
    /// and HR's and L&D's where a statement is split) depends on the answers
    /// of fewer than the threshold's number of people. Each answer on the
    /// scale is an unknown of its own, and a score the mean of its person's
    /// weighted steps, as exact fractions (the rounding to whole points is
    /// left out).
    #[test]
    fn no_means_beside_statement_counts_solve_a_small_group((team, threshold) in two_sided_team(), full in any::<bool>()) {
        let bank = shared_mini_bank();
        let mode = if full { Mode::Full } else { Mode::Quick };
        let view = TeamView::of(bank, mode, &team, threshold, str::to_lowercase);
        let threshold = threshold.max(1);
        for (position, stats) in view.dimensions.iter().enumerate() {
            let dimension = &bank.dimensions()[stats.index];
            let asked = |p: &Progress| p.mode == Mode::Full || dimension.core;
            // One column per answer on the scale: (participant, statement).
            let columns: Vec<(usize, usize)> = team
                .iter()
                .enumerate()
                .filter(|(_, p)| asked(p))
                .flat_map(|(person, p)| {
                    dimension.statements.iter().enumerate().filter_map(move |(at, s)| {
                        p.answers
                            .get(&s.id)
                            .and_then(|a| a.agreement())
                            .map(|_| (person, at))
                    })
                })
                .collect();
            let scored = |person: usize| {
                asked(&team[person])
                    && team[person]
                        .report(bank)
                        .dimensions
                        .iter()
                        .any(|d| d.index == stats.index && d.score().is_some())
            };
            let weights: Vec<u128> = (0..team.len())
                .map(|person| {
                    columns
                        .iter()
                        .filter(|(p, _)| *p == person)
                        .map(|&(_, at)| u128::from(dimension.statements[at].weight))
                        .sum()
                })
                .collect();
            let mean_row = |member: &dyn Fn(&Progress) -> bool| -> Vec<u128> {
                columns
                    .iter()
                    .map(|&(person, at)| {
                        if scored(person) && member(&team[person]) {
                            let weight = u128::from(dimension.statements[at].weight);
                            common::subtraction::fraction(weight, weights[person])
                        } else {
                            0
                        }
                    })
                    .collect()
            };
            let step_row = |statement: usize, member: &dyn Fn(&Progress) -> bool| -> Vec<u128> {
                columns
                    .iter()
                    .map(|&(person, at)| u128::from(at == statement && member(&team[person])))
                    .collect()
            };
            let mut rows = Vec::new();
            if stats.spread.is_some() {
                rows.push(mean_row(&|_| true));
            }
            for group in view.roles.iter().chain(&view.teams) {
                let Some(figures) = &group.figures else {
                    continue;
                };
                if figures.means[position].is_none() {
                    continue;
                }
                rows.push(match &group.label {
                    GroupLabel::Role(role) => mean_row(&|p| p.role == Some(*role)),
                    GroupLabel::NoRole => mean_row(&|p| p.role.is_none()),
                    GroupLabel::Team(team) => {
                        let key = team.to_lowercase();
                        mean_row(&|p| !p.team.is_empty() && p.team.to_lowercase() == key)
                    }
                });
            }
            for (at, statement) in dimension.statements.iter().enumerate() {
                let Some(shown) = view.statements.iter().find(|s| s.id == statement.id) else {
                    continue;
                };
                if shown.figure.is_shown() {
                    rows.push(step_row(at, &|_| true));
                }
                if shown.split.is_some() {
                    rows.push(step_row(at, &|p| p.role == Some(Role::Hr)));
                    rows.push(step_row(at, &|p| p.role == Some(Role::LearningAndDevelopment)));
                }
            }
            let owners: Vec<usize> = columns.iter().map(|&(person, _)| person).collect();
            prop_assert!(
                !common::subtraction::solvable_by_person(&rows, &owners, threshold),
                "{} at threshold {}", dimension.id, threshold
            );
        }
    }

    /// Which statements a view shows, and how, never depends on what was
    /// answered to a statement too few answered on the scale to show: the
    /// choice of a dimension's one statement would give it away.
    #[test]
    fn what_is_shown_does_not_depend_on_answers_too_few_to_show(
        (team, threshold) in two_sided_team(),
        full in any::<bool>(),
        turn in 1usize..5,
    ) {
        let bank = shared_mini_bank();
        let mode = if full { Mode::Full } else { Mode::Quick };
        let asked = |p: &Progress, s: &StatementId| {
            let dimension = bank.dimensions().iter().find(|d| d.statements.iter().any(|t| &t.id == s));
            dimension.is_some_and(|d| d.core || (mode == Mode::Full && p.mode == Mode::Full))
        };
        let on_scale = |p: &Progress, s: &StatementId| {
            asked(p, s) && p.answers.get(s).is_some_and(|a| a.agreement().is_some())
        };
        let few: Vec<StatementId> = bank
            .dimensions()
            .iter()
            .flat_map(|d| &d.statements)
            .map(|s| s.id.clone())
            .filter(|s| team.iter().filter(|p| on_scale(p, s)).count() < threshold.max(1))
            .collect();
        // Every answer on the scale to those turned to another on the scale.
        let mut turned = team.clone();
        for participant in &mut turned {
            for id in &few {
                if let Some(answer) = participant.answers.get_mut(id) {
                    if let Some(step) = answer.agreement() {
                        *answer = Answer::AGREEMENT[(usize::from(step) - 1 + turn) % 5];
                    }
                }
            }
        }
        let shown = |team: &[Progress]| {
            let view = TeamView::of(bank, mode, team, threshold, str::to_lowercase);
            let statements: Vec<(StatementId, Figure, bool)> = view
                .statements
                .iter()
                .map(|s| (s.id.clone(), s.figure, s.split.is_some()))
                .collect();
            let divided: Vec<StatementId> = view.divided.iter().map(|s| s.id.clone()).collect();
            (statements, divided)
        };
        prop_assert_eq!(shown(&team), shown(&turned));
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
    let ids: Vec<&str> = view.statements.iter().map(|s| s.id.as_str()).collect();
    let bank_ids: Vec<&str> = bank
        .dimensions()
        .iter()
        .flat_map(|d| &d.statements)
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(ids, bank_ids);
    assert!(view
        .statements
        .iter()
        .all(|s| s.asked == usize::from(bank.dimensions()[s.dimension].core)));
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
