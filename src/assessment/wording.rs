//! How Tandem writes the figures it works out: a level, what a score is
//! based on, a dimension's line, the overall line, a change since an earlier
//! result, and the team's means, rates, gaps and presenter lines.
//!
//! Each phrase is written here once. The screens show these strings, the
//! exports write them, and the end-to-end fixtures (`tests/e2e_fixtures`)
//! take the text a journey must find on the page from here, so a reworded
//! phrase changes the page and its tests together.

use super::disclosure::Figure;
use super::workshop::{DimensionStats, Mean, PerceptionGap, Rate, Spread};
use super::{Bank, DimensionResult, Level, Overall, Score};

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
    match overall {
        Overall::NotEnoughAnswers => "Overall: not enough answers".to_owned(),
        Overall::Scored { level, .. } => format!("Overall: {}", level_phrase(bank, *level)),
    }
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

/// A team mean; "-" for none.
pub fn mean(mean: Option<&Mean>) -> String {
    mean.map_or_else(|| "-".to_owned(), |m| whole(m.value))
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
        whole(spread.mean.value),
        level_cell(bank, spread.mean.level()),
        whole(spread.median),
        range(spread),
        tenths(spread.std_dev),
        spread.agreement.map_or("-", |a| a.label()).to_owned(),
    ]
}

/// "+12.5": HR's mean minus L&D's, signed.
pub fn gap(gap: &PerceptionGap) -> String {
    format!("{:+.1}", gap.gap)
}

/// Why a team figure is not shown, in its table cell.
pub fn hidden(figure: Figure, threshold: usize) -> String {
    match figure {
        Figure::TooFew => format!("Hidden (fewer than {threshold})"),
        Figure::Protecting => "Hidden to protect a smaller group".to_owned(),
        Figure::Shown | Figure::Empty => NOT_ENOUGH_ANSWERS.to_owned(),
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
                whole(s.mean.value),
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
            whole(g.hr.value),
            whole(g.ld.value),
            self::gap(g)
        ));
    }
    lines.push(format!("Don't know: {}", rate(stats.dont_know)));
    lines
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
