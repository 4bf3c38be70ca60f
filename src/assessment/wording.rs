//! How Tandem writes the figures it works out: a level, what a score is
//! based on, a dimension's line, the overall line, a change since an earlier
//! result, and the team's means, rates, gaps and presenter lines.
//!
//! Each phrase is written here once. The screens show these strings, the
//! exports write them, and the end-to-end fixtures (`tests/e2e_fixtures`)
//! take the text a journey must find on the page from here, so a reworded
//! phrase changes the page and its tests together.

use super::disclosure::Figure;
use super::scoring::{PRIORITY_BELOW, STRENGTH_FROM};
use super::workshop::{AnswerCounts, DimensionStats, Mean, PerceptionGap, Rate, Spread};
use super::{Answer, Bank, Basis, DimensionResult, Level, Overall, Score};

/// What a dimension or overall result without a score says.
pub const NOT_ENOUGH_ANSWERS: &str = "Not enough answers";

/// "Level 3, Cooperating", as the target menus and the targets table write
/// a level.
pub fn level_label(bank: &Bank, level: Level) -> String {
    format!("Level {level}, {}", bank.level(level).name)
}

/// "3 Cooperating", as the results table, the team table and the CSV
/// exports write a level.
pub fn level_cell(bank: &Bank, level: Level) -> String {
    format!("{level} {}", bank.level(level).name)
}

/// "level 3, Cooperating", inside a sentence.
fn level_phrase(bank: &Bank, level: Level) -> String {
    format!("level {level}, {}", bank.level(level).name)
}

/// A score, or "Not enough answers".
pub fn score_cell(score: Option<Score>) -> String {
    score.map_or_else(|| NOT_ENOUGH_ANSWERS.to_owned(), |s| s.to_string())
}

/// "3 of 4 statements (1 don't know)": what a dimension's score is based on.
pub fn coverage(d: &DimensionResult) -> String {
    let mut text = format!("{} of {} statements", d.coverage.counted, d.coverage.total);
    let mut unsure = Vec::new();
    if d.dont_know > 0 {
        unsure.push(format!("{} don't know", d.dont_know));
    }
    if d.not_applicable > 0 {
        unsure.push(format!("{} not applicable", d.not_applicable));
    }
    if !unsure.is_empty() {
        text.push_str(&format!(" ({})", unsure.join(", ")));
    }
    text
}

/// A dimension's cells in the results table: score, level, based on.
pub fn result_cells(bank: &Bank, d: &DimensionResult) -> [String; 3] {
    [
        score_cell(d.score()),
        d.level().map_or_else(String::new, |l| level_cell(bank, l)),
        coverage(d),
    ]
}

/// The line a dimension's card states first: its score, level and coverage,
/// or why it has no score.
pub fn dimension_line(bank: &Bank, d: &DimensionResult) -> String {
    match d.scored {
        None => format!(
            "{NOT_ENOUGH_ANSWERS}: {} of {} statements were answered on the agreement scale, \
             and a score needs at least half. Answer more of them, if you can judge, to see \
             where this dimension stands.",
            d.coverage.counted, d.coverage.total
        ),
        Some((score, level)) => format!(
            "Score {score} out of 100 · {} · based on {}",
            level_phrase(bank, level),
            coverage(d)
        ),
    }
}

/// "Overall: level 3, Cooperating", or "Overall: not enough answers".
pub fn overall_line(bank: &Bank, overall: &Overall) -> String {
    headline("Overall", bank, overall)
}

/// "Team: level 3, Cooperating": the workshop's headline.
pub fn team_line(bank: &Bank, overall: &Overall) -> String {
    headline("Team", bank, overall)
}

fn headline(subject: &str, bank: &Bank, overall: &Overall) -> String {
    match overall {
        Overall::NotEnoughAnswers => format!("{subject}: not enough answers"),
        Overall::Scored { level, .. } => format!("{subject}: {}", level_phrase(bank, *level)),
    }
}

/// "Based on 2 of 4 dimensions, 6 of 16 statements": what a result rests
/// on, under its headline.
pub fn basis_line(basis: Basis) -> String {
    format!(
        "Based on {} of {} dimensions, {} of {} statements",
        basis.scored, basis.dimensions, basis.counted, basis.statements
    )
}

/// How the note on a result that rests on too little begins.
pub const TENTATIVE: &str = "A tentative picture";

/// Why a result is only a tentative picture (rule 6 of the scoring), or
/// `None` when it rests on enough.
pub fn tentative(basis: Basis) -> Option<String> {
    if !basis.is_tentative() {
        return None;
    }
    let unscored = match basis.dimensions - basis.scored {
        0 => String::new(),
        1 => ", and 1 dimension has no score".to_owned(),
        n => format!(", and {n} dimensions have no score"),
    };
    Some(format!(
        "{TENTATIVE}: {} of {} statements were \"Don't know\" or \"Not applicable\"\
         {unscored}. Answer more where you can judge.",
        basis.statements - basis.counted,
        basis.statements
    ))
}

/// What makes a strength, under the strengths' heading.
pub fn strengths_rule(bank: &Bank) -> String {
    format!(
        "Dimensions at {}, or above.",
        level_phrase(bank, STRENGTH_FROM)
    )
}

/// What the strengths say when there are none.
pub fn no_strengths(bank: &Bank) -> String {
    format!(
        "No dimension has reached {} yet: the first steps are under Where to start.",
        level_phrase(bank, STRENGTH_FROM)
    )
}

/// What makes a priority, under the priorities' heading.
pub fn priorities_rule(bank: &Bank) -> String {
    format!("Dimensions below {}.", level_phrase(bank, PRIORITY_BELOW))
}

/// What the priorities say when there are none.
pub fn no_priorities(bank: &Bank) -> String {
    format!(
        "No dimension is below {}: the plan builds on where each one stands.",
        level_phrase(bank, PRIORITY_BELOW)
    )
}

/// The paragraph a printed result opens with: the level, what it rests
/// on, the strengths, the priorities and, for the person's own result, how
/// many actions their plan holds (`planned`; `None` for a result opened
/// from a link, which shows no plan).
pub fn result_summary(bank: &Bank, report: &super::Report, planned: Option<usize>) -> String {
    let name = |d: &&DimensionResult| bank.dimensions()[d.index].name.clone();
    let list = |names: Vec<String>| match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    let basis = report.basis();
    let mut sentences = vec![match report.overall {
        Overall::NotEnoughAnswers => format!(
            "This result has too few answers for an overall level: {} of {} dimensions have a score.",
            basis.scored, basis.dimensions
        ),
        Overall::Scored { score, level, .. } => format!(
            "This result places the partnership between HR and L&D at {}, with an overall score of \
             {score} out of 100, based on {} of {} dimensions and {} of {} statements.",
            level_phrase(bank, level),
            basis.scored,
            basis.dimensions,
            basis.counted,
            basis.statements
        ),
    }];
    if basis.is_tentative() {
        sentences.push("It is a tentative picture.".to_owned());
    }
    let strengths = report.strengths();
    if !strengths.is_empty() {
        sentences.push(format!(
            "It can build on {}.",
            list(strengths.iter().map(name).collect())
        ));
    }
    let priorities = report.priorities();
    if !priorities.is_empty() {
        sentences.push(format!(
            "{} most need attention.",
            list(priorities.iter().map(name).collect())
        ));
    }
    sentences.extend(planned.map(|planned| match planned {
        0 => "No actions are planned yet.".to_owned(),
        1 => "The plan at the end holds 1 action.".to_owned(),
        n => format!("The plan at the end holds {n} actions."),
    }));
    sentences.join(" ")
}

/// "Communication · HR and L&D jointly · Within 30 days": what an action is
/// for, who owns it and when, under its text.
pub fn action_line(bank: &Bank, action: &super::plan::PlannedAction) -> String {
    format!(
        "{} · {} · {}",
        bank.dimension(&action.dimension)
            .map_or("", |d| d.name.as_str()),
        action.owner.label(),
        action.horizon.label()
    )
}

/// "Overall score 57 out of 100".
pub fn overall_score_line(score: Score) -> String {
    format!("Overall score {score} out of 100")
}

/// "+12", "-5" or "no change" since an earlier score; empty when either
/// side has no score.
pub fn change(now: Option<Score>, before: Option<Score>) -> String {
    let (Some(now), Some(before)) = (now, before) else {
        return String::new();
    };
    match i16::from(now.value()) - i16::from(before.value()) {
        0 => "no change".to_owned(),
        c if c > 0 => format!("+{c}"),
        c => c.to_string(),
    }
}

/// A team figure rounded to a whole number, as the workshop's tables and
/// presenter mode show means and medians.
pub fn whole(value: f64) -> String {
    format!("{value:.0}")
}

/// A figure to one decimal, as the team table shows a spread and the team
/// CSV every figure.
pub fn tenths(value: f64) -> String {
    format!("{value:.1}")
}

/// A team mean as the room reads it: its whole score, rounded half up as
/// a person's score is, so that it always sits in the level shown beside
/// it; "-" for none.
pub fn mean(mean: Option<&Mean>) -> String {
    mean.map_or_else(|| "-".to_owned(), |m| m.score.to_string())
}

/// A "Don't know" rate as a percentage; "-" when there is none or it is
/// hidden.
pub fn rate(rate: Option<Rate>) -> String {
    rate.and_then(Rate::percent)
        .map_or_else(|| "-".to_owned(), |p| format!("{p}%"))
}

/// "45-80": the lowest and highest score.
pub fn range(spread: &Spread) -> String {
    format!("{}-{}", spread.min, spread.max)
}

/// A scored dimension's cells in "Team scores by dimension": mean, level,
/// median, range, spread and agreement.
pub fn team_cells(bank: &Bank, spread: &Spread) -> [String; 6] {
    [
        mean(Some(&spread.mean)),
        level_cell(bank, spread.mean.level()),
        whole(spread.median),
        range(spread),
        tenths(spread.std_dev),
        spread.agreement.map_or("-", |a| a.label()).to_owned(),
    ]
}

/// "+45": HR's mean minus L&D's, signed, as the difference of the two
/// means shown beside it: means of 77.6 and 33.1 read "78" and "33", and a
/// gap of "+44.5" would claim a precision the room's answers lack.
pub fn gap(gap: &PerceptionGap) -> String {
    match i16::from(gap.hr.score.value()) - i16::from(gap.ld.score.value()) {
        0 => "0".to_owned(),
        difference => format!("{difference:+}"),
    }
}

/// Why a team figure is not shown, in its table cell.
pub fn hidden(figure: Figure, threshold: usize) -> String {
    match figure {
        Figure::TooFew => format!("Hidden (fewer than {threshold})"),
        Figure::Protecting => "Hidden to protect a smaller group".to_owned(),
        Figure::Shown | Figure::Empty => NOT_ENOUGH_ANSWERS.to_owned(),
    }
}

/// A group's mean in the "By role" and "By team label" tables: the mean
/// when it may be shown, otherwise why not.
pub fn group_mean(mean: Option<&Mean>, figure: Figure, threshold: usize) -> String {
    if figure.is_shown() {
        self::mean(mean)
    } else {
        hidden(figure, threshold)
    }
}

/// The lines presenter mode reveals for a dimension: the team's score (or
/// why it is hidden), its range and agreement, the HR and L&D figures where
/// they are compared, and the Don't know rate. The first line is the
/// headline figure.
pub fn presenter_lines(
    bank: &Bank,
    stats: &DimensionStats,
    gap: Option<&PerceptionGap>,
    threshold: usize,
) -> Vec<String> {
    let mut lines = Vec::new();
    match &stats.spread {
        Some(s) => {
            lines.push(format!(
                "Team mean {} · {}",
                mean(Some(&s.mean)),
                level_phrase(bank, s.mean.level())
            ));
            lines.push(format!(
                "Range {} · {}",
                range(s),
                s.agreement.map_or("one score", |a| a.label())
            ));
        }
        None => lines.push(match stats.figure {
            Figure::TooFew => format!("Team score hidden (fewer than {threshold} with a score)"),
            Figure::Protecting => "Team score hidden to protect a smaller group".to_owned(),
            Figure::Shown | Figure::Empty => "Not enough answers for a team score".to_owned(),
        }),
    }
    if let Some(g) = gap {
        lines.push(format!(
            "HR {} · L&D {} (gap {})",
            mean(Some(&g.hr)),
            mean(Some(&g.ld)),
            self::gap(g)
        ));
    }
    lines.push(format!("Don't know: {}", rate(stats.dont_know)));
    lines
}

/// How a statement's answers fell, as written beside its bar: "Strongly
/// disagree 2 · Disagree 1 · … · Don't know 0".
pub fn answer_counts(answers: &AnswerCounts) -> String {
    let counts: Vec<String> = Answer::AGREEMENT
        .into_iter()
        .chain([Answer::DontKnow])
        .map(|a| format!("{} {}", a.label(), answers.of(a)))
        .collect();
    counts.join(" · ")
}

/// A practice as presenter mode asks the room about it.
pub fn discussion_question(practice: &str) -> String {
    format!("Could we: {practice}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(value: u8) -> Score {
        Score::new(value).unwrap()
    }

    #[test]
    fn a_change_has_its_sign_and_no_change_says_so() {
        assert_eq!(change(Some(score(60)), Some(score(48))), "+12");
        assert_eq!(change(Some(score(43)), Some(score(48))), "-5");
        assert_eq!(change(Some(score(48)), Some(score(48))), "no change");
        assert_eq!(change(None, Some(score(48))), "");
        assert_eq!(change(Some(score(48)), None), "");
    }

    #[test]
    fn team_figures_round_to_what_the_room_reads() {
        assert_eq!(whole(62.5), "62");
        assert_eq!(whole(62.6), "63");
        assert_eq!(tenths(4.25), "4.2");
        assert_eq!(mean(None), "-");
        assert_eq!(rate(None), "-");
        assert_eq!(rate(Some(Rate { count: 0, of: 0 })), "-");
        assert_eq!(rate(Some(Rate { count: 1, of: 8 })), "13%");
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
            assert_eq!(self::gap(&g), shown, "{hr} and {ld}");
            let [hr, ld] = [&g.hr, &g.ld].map(|m| mean(Some(m)).parse::<i16>().unwrap());
            assert_eq!(
                self::gap(&g).parse::<i16>().unwrap(),
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
        let summary = result_summary(bank, &report, Some(4));
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
            presenter_lines(bank, &stats, None, 3),
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
            presenter_lines(bank, &stats, None, 3)[0],
            "Not enough answers for a team score"
        );
        let stats = DimensionStats {
            figure: Figure::Protecting,
            ..stats
        };
        assert_eq!(
            presenter_lines(bank, &stats, None, 3)[0],
            "Team score hidden to protect a smaller group"
        );
    }
}
