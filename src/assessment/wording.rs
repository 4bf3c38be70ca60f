//! How Tandem writes the figures it works out: a level, what a score is
//! based on, a dimension's line, the overall line, a change since an earlier
//! result, and the team's means, rates, gaps and presenter lines.
//!
//! Each phrase is written here once. The screens show these strings, the
//! exports write them, and the end-to-end fixtures (`tests/e2e_fixtures`)
//! take the text a journey must find on the page from here, so a reworded
//! phrase changes the page and its tests together.

use super::disclosure::Figure;
use super::language::{Key, Words};
use super::scoring::{PRIORITY_BELOW, STRENGTH_FROM};
use super::workshop::{
    AnswerCounts, DimensionStats, GroupLabel, Mean, PerceptionGap, Protection, Rate, Spread,
    TeamView,
};
use super::{Answer, Bank, Basis, DimensionResult, Level, Overall, Score};

/// English, as the tests read the wording.
#[cfg(test)]
fn english() -> Words {
    Words::english(super::language::plain_number)
}

/// A whole number as `words`' language writes it.
fn n(words: &Words, value: impl Into<f64>) -> String {
    words.number(value.into())
}

/// "Level 3, Cooperating", as the target menus and the targets table write
/// a level.
pub fn level_label(words: &Words, bank: &Bank, level: Level) -> String {
    let number = n(words, u8::from(level));
    words.fill(
        Key::LEVEL_LABEL,
        &[("level", &number), ("name", &bank.level(level).name)],
    )
}

/// "3 Cooperating", as the results table, the team table and the CSV
/// exports write a level.
pub fn level_cell(words: &Words, bank: &Bank, level: Level) -> String {
    let number = n(words, u8::from(level));
    words.fill(
        Key::LEVEL_CELL,
        &[("level", &number), ("name", &bank.level(level).name)],
    )
}

/// "level 3, Cooperating", inside a sentence.
pub fn level_phrase(words: &Words, bank: &Bank, level: Level) -> String {
    let number = n(words, u8::from(level));
    words.fill(
        Key::LEVEL_PHRASE,
        &[("level", &number), ("name", &bank.level(level).name)],
    )
}

/// A score, or "Not enough answers".
pub fn score_cell(words: &Words, score: Option<Score>) -> String {
    score.map_or_else(
        || words.get(Key::FIGURE_NOT_ENOUGH).to_owned(),
        |s| n(words, s.value()),
    )
}

/// "3 of 4 statements (1 don't know)": what a dimension's score is based on.
pub fn coverage(words: &Words, d: &DimensionResult) -> String {
    let (counted, total) = (
        n(words, d.coverage.counted as u32),
        n(words, d.coverage.total as u32),
    );
    let text = words.fill(Key::COVERAGE, &[("counted", &counted), ("total", &total)]);
    let mut unsure = Vec::new();
    if d.dont_know > 0 {
        unsure.push(words.count(Key::COVERAGE_DONT_KNOW, d.dont_know, &[]));
    }
    if d.not_applicable > 0 {
        unsure.push(words.count(Key::COVERAGE_NOT_APPLICABLE, d.not_applicable, &[]));
    }
    if unsure.is_empty() {
        text
    } else {
        let unsure = unsure.join(words.get(Key::LIST_COMMA));
        words.fill(
            Key::COVERAGE_UNSURE,
            &[("coverage", &text), ("unsure", &unsure)],
        )
    }
}

/// A dimension's cells in the results table: score, level, based on.
pub fn result_cells(words: &Words, bank: &Bank, d: &DimensionResult) -> [String; 3] {
    [
        score_cell(words, d.score()),
        d.level()
            .map_or_else(String::new, |l| level_cell(words, bank, l)),
        coverage(words, d),
    ]
}

/// The line a dimension's card states first: its score, level and coverage,
/// or why it has no score.
pub fn dimension_line(words: &Words, bank: &Bank, d: &DimensionResult) -> String {
    match d.scored {
        None => {
            let (counted, total) = (
                n(words, d.coverage.counted as u32),
                n(words, d.coverage.total as u32),
            );
            words.fill(
                Key::DIMENSION_NOT_ENOUGH,
                &[("counted", &counted), ("total", &total)],
            )
        }
        Some((score, level)) => words.fill(
            Key::DIMENSION_LINE,
            &[
                ("score", &n(words, score.value())),
                ("level", &level_phrase(words, bank, level)),
                ("coverage", &coverage(words, d)),
            ],
        ),
    }
}

/// "Overall: level 3, Cooperating", or "Overall: not enough answers".
pub fn overall_line(words: &Words, bank: &Bank, overall: &Overall) -> String {
    headline(
        words,
        (Key::HEADLINE_OVERALL, Key::HEADLINE_OVERALL_NONE),
        bank,
        overall,
    )
}

/// "Team: level 3, Cooperating": the workshop's headline.
pub fn team_line(words: &Words, bank: &Bank, overall: &Overall) -> String {
    headline(
        words,
        (Key::HEADLINE_TEAM, Key::HEADLINE_TEAM_NONE),
        bank,
        overall,
    )
}

fn headline(words: &Words, (scored, none): (Key, Key), bank: &Bank, overall: &Overall) -> String {
    match overall {
        Overall::NotEnoughAnswers => words.get(none).to_owned(),
        Overall::Scored { level, .. } => {
            words.fill(scored, &[("level", &level_phrase(words, bank, *level))])
        }
    }
}

/// "Based on 2 of 4 dimensions, 6 of 16 statements": what a result rests
/// on, under its headline.
pub fn basis_line(words: &Words, basis: Basis) -> String {
    words.fill(
        Key::BASIS,
        &[
            ("scored", &n(words, basis.scored as u32)),
            ("dimensions", &n(words, basis.dimensions as u32)),
            ("counted", &n(words, basis.counted as u32)),
            ("statements", &n(words, basis.statements as u32)),
        ],
    )
}

/// Why a result is only a tentative picture (rule 6 of the scoring), or
/// `None` when it rests on enough.
pub fn tentative(words: &Words, basis: Basis) -> Option<String> {
    if !basis.is_tentative() {
        return None;
    }
    let unscored = match basis.dimensions - basis.scored {
        0 => String::new(),
        missing => words.count(Key::TENTATIVE_UNSCORED, missing, &[]),
    };
    Some(words.fill(
        Key::TENTATIVE,
        &[
            ("label", words.get(Key::TENTATIVE_LABEL)),
            (
                "unsure",
                &n(words, (basis.statements - basis.counted) as u32),
            ),
            ("statements", &n(words, basis.statements as u32)),
            ("unscored", &unscored),
        ],
    ))
}

/// What makes a strength, under the strengths' heading.
pub fn strengths_rule(words: &Words, bank: &Bank) -> String {
    words.fill(
        Key::STRENGTHS_RULE,
        &[("level", &level_phrase(words, bank, STRENGTH_FROM))],
    )
}

/// What the strengths say when there are none.
pub fn no_strengths(words: &Words, bank: &Bank) -> String {
    words.fill(
        Key::STRENGTHS_NONE,
        &[("level", &level_phrase(words, bank, STRENGTH_FROM))],
    )
}

/// What makes a priority, under the priorities' heading.
pub fn priorities_rule(words: &Words, bank: &Bank) -> String {
    words.fill(
        Key::PRIORITIES_RULE,
        &[("level", &level_phrase(words, bank, PRIORITY_BELOW))],
    )
}

/// What the priorities say when there are none.
pub fn no_priorities(words: &Words, bank: &Bank) -> String {
    words.fill(
        Key::PRIORITIES_NONE,
        &[("level", &level_phrase(words, bank, PRIORITY_BELOW))],
    )
}

/// "A, B and C": names in a sentence. Before a name that starts with the
/// sound of an *i* the last "and" is `list.and.before-i`, which Spanish
/// writes *e* ("Comunicación e Integración") and every other language as
/// its plain "and".
pub fn list(words: &Words, names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => words.fill(
            if starts_with_i_sound(last) {
                Key::LIST_AND_BEFORE_I
            } else {
                Key::LIST_AND
            },
            &[
                ("first", &rest.join(words.get(Key::LIST_COMMA))),
                ("last", last),
            ],
        ),
    }
}

/// Whether `name` starts with the sound of an *i*: with *i* or *í*, or with
/// *hi* or *hí* not followed by a vowel (*hielo* and *hierro* start with
/// the sound of a *y*, so Spanish keeps *y* before them).
fn starts_with_i_sound(name: &str) -> bool {
    // Both cases written out: Rust's case mapping would bring its tables
    // into the app (see `text::lowercase`).
    let start: Vec<char> = name.chars().take(3).collect();
    let vowel = |c: Option<&char>| {
        matches!(
            c,
            Some(
                'a' | 'e'
                    | 'o'
                    | 'u'
                    | 'á'
                    | 'é'
                    | 'ó'
                    | 'ú'
                    | 'A'
                    | 'E'
                    | 'O'
                    | 'U'
                    | 'Á'
                    | 'É'
                    | 'Ó'
                    | 'Ú'
            )
        )
    };
    match start.as_slice() {
        ['i' | 'í' | 'I' | 'Í', ..] => true,
        ['h' | 'H', 'i' | 'í' | 'I' | 'Í', rest @ ..] => !vowel(rest.first()),
        _ => false,
    }
}

/// The paragraph a printed result opens with: the level, what it rests
/// on, the strengths, the priorities and, for the person's own result, how
/// many actions their plan holds (`planned`; `None` for a result opened
/// from a link, which shows no plan).
pub fn result_summary(
    words: &Words,
    bank: &Bank,
    report: &super::Report,
    planned: Option<usize>,
) -> String {
    let names = |dimensions: &[&DimensionResult]| -> Vec<String> {
        dimensions
            .iter()
            .map(|d| bank.dimensions()[d.index].name.clone())
            .collect()
    };
    let basis = report.basis();
    let (scored, dimensions) = (
        n(words, basis.scored as u32),
        n(words, basis.dimensions as u32),
    );
    let mut sentences = vec![match report.overall {
        Overall::NotEnoughAnswers => words.fill(
            Key::SUMMARY_NONE,
            &[("scored", &scored), ("dimensions", &dimensions)],
        ),
        Overall::Scored { score, level, .. } => words.fill(
            Key::SUMMARY_SCORED,
            &[
                ("level", &level_phrase(words, bank, level)),
                ("score", &n(words, score.value())),
                ("scored", &scored),
                ("dimensions", &dimensions),
                ("counted", &n(words, basis.counted as u32)),
                ("statements", &n(words, basis.statements as u32)),
            ],
        ),
    }];
    if basis.is_tentative() {
        sentences.push(words.get(Key::SUMMARY_TENTATIVE).to_owned());
    }
    let strengths = report.strengths();
    if !strengths.is_empty() {
        let names = list(words, &names(&strengths));
        sentences.push(words.fill(Key::SUMMARY_STRENGTHS, &[("names", &names)]));
    }
    let priorities = report.priorities();
    if !priorities.is_empty() {
        let names = list(words, &names(&priorities));
        sentences.push(words.fill(Key::SUMMARY_PRIORITIES, &[("names", &names)]));
    }
    sentences.extend(planned.map(|planned| match planned {
        0 => words.get(Key::SUMMARY_UNPLANNED).to_owned(),
        planned => words.count(Key::SUMMARY_PLANNED, planned, &[]),
    }));
    sentences.join(" ")
}

/// "Communication · HR and L&D jointly · Within 30 days": what an action is
/// for, who owns it and when, under its text.
pub fn action_line(words: &Words, bank: &Bank, action: &super::plan::PlannedAction) -> String {
    let dimension = bank
        .dimension(&action.dimension)
        .map_or("", |d| d.name.as_str());
    words.fill(
        Key::ACTION_LINE,
        &[
            ("dimension", dimension),
            ("owner", words.get(action.owner.key())),
            ("when", words.get(action.horizon.key())),
        ],
    )
}

/// "Overall score 57 out of 100".
pub fn overall_score_line(words: &Words, score: Score) -> String {
    words.fill(Key::OVERALL_SCORE, &[("score", &n(words, score.value()))])
}

/// "+12", "-5" or "no change" since an earlier score; empty when either
/// side has no score.
pub fn change(words: &Words, now: Option<Score>, before: Option<Score>) -> String {
    let (Some(now), Some(before)) = (now, before) else {
        return String::new();
    };
    match i16::from(now.value()) - i16::from(before.value()) {
        0 => words.get(Key::CHANGE_NONE).to_owned(),
        c if c > 0 => format!("+{}", n(words, c)),
        c => format!("-{}", n(words, -c)),
    }
}

/// A team figure rounded to a whole number, as the workshop's tables and
/// presenter mode show means and medians.
pub fn whole(words: &Words, value: f64) -> String {
    words.number(value.round_ties_even())
}

/// A figure to one decimal, as the team table shows a spread and the team
/// CSV every figure.
pub fn tenths(value: f64) -> String {
    format!("{value:.1}")
}

/// A team mean as the room reads it: its whole score, rounded half up as
/// a person's score is, so that it always sits in the level shown beside
/// it; "-" for none.
pub fn mean(words: &Words, mean: Option<&Mean>) -> String {
    mean.map_or_else(|| "-".to_owned(), |m| n(words, m.score.value()))
}

/// A "Don't know" rate as a percentage; "-" when there is none or it is
/// hidden.
pub fn rate(words: &Words, rate: Option<Rate>) -> String {
    rate.and_then(Rate::percent)
        .map_or_else(|| "-".to_owned(), |p| words.percent(f64::from(p)))
}

/// "45-80": the lowest and highest score.
pub fn range(words: &Words, spread: &Spread) -> String {
    format!(
        "{}-{}",
        n(words, spread.min.value()),
        n(words, spread.max.value())
    )
}

/// A scored dimension's cells in "Team scores by dimension": mean, level,
/// median, range, spread and agreement.
pub fn team_cells(words: &Words, bank: &Bank, spread: &Spread) -> [String; 6] {
    [
        mean(words, Some(&spread.mean)),
        level_cell(words, bank, spread.mean.level()),
        whole(words, spread.median),
        range(words, spread),
        words.tenths(spread.std_dev),
        spread
            .agreement
            .map_or("-", |a| words.get(a.key()))
            .to_owned(),
    ]
}

/// "+45": HR's mean minus L&D's, signed, as the difference of the two
/// means shown beside it: means of 77.6 and 33.1 read "78" and "33", and a
/// gap of "+44.5" would claim a precision the room's answers lack.
pub fn gap(words: &Words, gap: &PerceptionGap) -> String {
    match i16::from(gap.hr.score.value()) - i16::from(gap.ld.score.value()) {
        0 => n(words, 0),
        difference if difference > 0 => format!("+{}", n(words, difference)),
        difference => format!("-{}", n(words, -difference)),
    }
}

/// Why a team figure is not shown, in its table cell.
pub fn hidden(words: &Words, figure: Figure, threshold: usize) -> String {
    match figure {
        Figure::TooFew => words.fill(
            Key::TEAM_HIDDEN,
            &[("threshold", &n(words, threshold as u32))],
        ),
        Figure::Protecting => words.get(Key::TEAM_HIDDEN_PROTECTING).to_owned(),
        Figure::Shown | Figure::Empty => words.get(Key::FIGURE_NOT_ENOUGH).to_owned(),
    }
}

/// A group's mean in the "By role" and "By team label" tables: the mean
/// when it may be shown, otherwise why not.
pub fn group_mean(words: &Words, mean: Option<&Mean>, figure: Figure, threshold: usize) -> String {
    if figure.is_shown() {
        self::mean(words, mean)
    } else {
        hidden(words, figure, threshold)
    }
}

/// Who a group is: a role, no role, or a team label as the room typed it.
pub fn group_label(words: &Words, label: &GroupLabel) -> String {
    match label {
        GroupLabel::Role(role) => words.get(role.key()).to_owned(),
        GroupLabel::NoRole => words.get(Key::TEAM_NO_ROLE).to_owned(),
        GroupLabel::Team(team) => team.clone(),
    }
}

/// Which groups are hidden to protect which smaller ones: "HR and Other
/// hidden too, so the answers of Line manager (fewer than 3) cannot be
/// worked out from the figures beside them."
pub fn protection(words: &Words, protection: &Protection, threshold: usize) -> String {
    let labels = |groups: &[GroupLabel]| -> Vec<String> {
        groups.iter().map(|g| group_label(words, g)).collect()
    };
    let protected = labels(&protection.protected);
    let whom = if protected.is_empty() {
        words.get(Key::TEAM_PROTECTION_SMALLER).to_owned()
    } else {
        list(words, &protected)
    };
    words.fill(
        Key::TEAM_PROTECTION,
        &[
            ("hidden", &list(words, &labels(&protection.hidden_too))),
            ("whom", &whom),
            ("threshold", &n(words, threshold as u32)),
        ],
    )
}

/// The lines presenter mode reveals for a dimension: the team's score (or
/// why it is hidden), its range and agreement, the HR and L&D figures where
/// they are compared, and the Don't know rate. The first line is the
/// headline figure.
pub fn presenter_lines(
    words: &Words,
    bank: &Bank,
    stats: &DimensionStats,
    gap: Option<&PerceptionGap>,
    threshold: usize,
) -> Vec<String> {
    let mut lines = Vec::new();
    match &stats.spread {
        Some(s) => {
            lines.push(words.fill(
                Key::PRESENTER_MEAN,
                &[
                    ("mean", &mean(words, Some(&s.mean))),
                    ("level", &level_phrase(words, bank, s.mean.level())),
                ],
            ));
            let agreement = s.agreement.map_or(Key::PRESENTER_ONE_SCORE, |a| a.key());
            lines.push(words.fill(
                Key::PRESENTER_RANGE,
                &[
                    ("range", &range(words, s)),
                    ("agreement", words.get(agreement)),
                ],
            ));
        }
        None => lines.push(match stats.figure {
            Figure::TooFew => words.fill(
                Key::PRESENTER_HIDDEN,
                &[("threshold", &n(words, threshold as u32))],
            ),
            Figure::Protecting => words.get(Key::PRESENTER_HIDDEN_PROTECTING).to_owned(),
            Figure::Shown | Figure::Empty => words.get(Key::PRESENTER_NOT_ENOUGH).to_owned(),
        }),
    }
    if let Some(g) = gap {
        lines.push(words.fill(
            Key::PRESENTER_GAP,
            &[
                ("hr", &mean(words, Some(&g.hr))),
                ("ld", &mean(words, Some(&g.ld))),
                ("gap", &self::gap(words, g)),
            ],
        ));
    }
    lines.push(words.fill(
        Key::PRESENTER_DONT_KNOW,
        &[("rate", &rate(words, stats.dont_know))],
    ));
    lines
}

/// "9 participants: HR 5 · L&D 3 · Line manager 1", under the team's
/// headline.
pub fn team_headcount(words: &Words, view: &TeamView) -> String {
    let people = words.count(Key::WORKSHOP_PARTICIPANTS, view.participants, &[]);
    match roles_line(words, view) {
        Some(roles) => words.fill(
            Key::TEAM_HEADCOUNT,
            &[("participants", &people), ("roles", &roles)],
        ),
        None => people,
    }
}

/// "HR 5 · L&D 3 · Line manager 1": how many of each role are in, or
/// `None` for an empty room.
pub fn roles_line(words: &Words, view: &TeamView) -> Option<String> {
    let roles: Vec<String> = view
        .by_role
        .iter()
        .filter(|(_, count)| *count > 0)
        .map(|(role, count)| {
            words.fill(
                Key::TEAM_ROLE_COUNT,
                &[
                    ("role", words.get(role.key())),
                    ("count", &n(words, *count as u32)),
                ],
            )
        })
        .chain((view.without_role > 0).then(|| {
            words.fill(
                Key::TEAM_NO_ROLE_COUNT,
                &[("count", &n(words, view.without_role as u32))],
            )
        }))
        .collect();
    (!roles.is_empty()).then(|| roles.join(" · "))
}

/// How a statement's answers fell, as written beside its bar: "Strongly
/// disagree 2 · Disagree 1 · … · Don't know 0".
pub fn answer_counts(words: &Words, answers: &AnswerCounts) -> String {
    let counts: Vec<String> = Answer::AGREEMENT
        .into_iter()
        .chain([Answer::DontKnow])
        .map(|a| {
            words.fill(
                Key::TEAM_ANSWER_COUNT,
                &[
                    ("answer", words.get(a.key())),
                    ("count", &n(words, answers.of(a) as u32)),
                ],
            )
        })
        .collect();
    counts.join(" · ")
}

/// A practice as presenter mode asks the room about it.
pub fn discussion_question(words: &Words, practice: &str) -> String {
    words.fill(Key::PRESENTER_COULD_WE, &[("practice", practice)])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(value: u8) -> Score {
        Score::new(value).unwrap()
    }

    #[test]
    fn a_change_has_its_sign_and_no_change_says_so() {
        assert_eq!(change(&english(), Some(score(60)), Some(score(48))), "+12");
        assert_eq!(change(&english(), Some(score(43)), Some(score(48))), "-5");
        assert_eq!(
            change(&english(), Some(score(48)), Some(score(48))),
            "no change"
        );
        assert_eq!(change(&english(), None, Some(score(48))), "");
        assert_eq!(change(&english(), Some(score(48)), None), "");
    }

    #[test]
    fn team_figures_round_to_what_the_room_reads() {
        assert_eq!(whole(&english(), 62.5), "62");
        assert_eq!(whole(&english(), 62.6), "63");
        assert_eq!(tenths(4.25), "4.2");
        assert_eq!(mean(&english(), None), "-");
        assert_eq!(rate(&english(), None), "-");
        assert_eq!(rate(&english(), Some(Rate { count: 0, of: 0 })), "-");
        assert_eq!(rate(&english(), Some(Rate { count: 1, of: 8 })), "13%");
    }

    #[test]
    fn a_gap_is_the_difference_of_the_means_shown() {
        let of = |value: f64| Mean {
            value,
            score: Score::of_ratio((value * 10.0) as u64, 10).unwrap(),
            of: 3,
        };
        let gap = |hr: f64, ld: f64| PerceptionGap {
            index: 0,
            hr: of(hr),
            ld: of(ld),
            gap: hr - ld,
        };
        for (hr, ld, shown) in [
            (77.6, 33.1, "+45"),
            (33.1, 77.6, "-45"),
            (62.5, 61.5, "+1"),
            (50.0, 49.6, "0"),
        ] {
            let g = gap(hr, ld);
            assert_eq!(self::gap(&english(), &g), shown, "{hr} and {ld}");
            let [hr, ld] =
                [&g.hr, &g.ld].map(|m| mean(&english(), Some(m)).parse::<i16>().unwrap());
            assert_eq!(
                self::gap(&english(), &g).parse::<i16>().unwrap(),
                hr - ld,
                "adds up as shown"
            );
        }
    }

    #[test]
    fn a_summary_says_the_level_what_it_rests_on_and_what_follows() {
        let bank = Bank::standard();
        let mut progress = crate::assessment::Progress::new(crate::assessment::Mode::Quick);
        for (i, dimension) in bank
            .dimensions_in(crate::assessment::Mode::Quick)
            .enumerate()
        {
            for statement in &dimension.statements {
                let answer = if i == 0 {
                    crate::assessment::Answer::DontKnow
                } else {
                    crate::assessment::Answer::Agree
                };
                progress.answer(bank, &statement.id, answer);
            }
        }
        let report = progress.report(bank);
        let summary = result_summary(&english(), bank, &report, Some(4));
        assert!(
            summary.starts_with("This result places the partnership between HR and L&D at level "),
            "{summary}"
        );
        assert!(summary.contains("based on 3 of 4 dimensions"), "{summary}");
        assert!(summary.contains("It is a tentative picture."), "{summary}");
        assert!(
            summary.ends_with("The plan at the end holds 4 actions."),
            "{summary}"
        );
    }

    #[test]
    fn a_hidden_team_score_says_why() {
        let bank = Bank::standard();
        let stats = DimensionStats {
            index: 0,
            asked: 2,
            scored: 2,
            figure: Figure::TooFew,
            spread: None,
            dont_know: None,
        };
        assert_eq!(
            presenter_lines(&english(), bank, &stats, None, 3),
            [
                "Team score hidden (fewer than 3 with a score)",
                "Don't know: -"
            ]
        );
        let stats = DimensionStats {
            figure: Figure::Shown,
            ..stats
        };
        assert_eq!(
            presenter_lines(&english(), bank, &stats, None, 3)[0],
            "Not enough answers for a team score"
        );
        let stats = DimensionStats {
            figure: Figure::Protecting,
            ..stats
        };
        assert_eq!(
            presenter_lines(&english(), bank, &stats, None, 3)[0],
            "Team score hidden to protect a smaller group"
        );
    }
}
