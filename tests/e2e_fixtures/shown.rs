//! How Tandem's screens and files write the figures the domain works out:
//! the wording of a results row, a dimension's card, the overall line, an
//! action of the plan, and the team's figures in the workshop, presenter
//! mode and the team CSV. The numbers all come from `tandem::assessment`;
//! only the words around them are stated here, as the views state them, so
//! that a fixture holds the text a journey must find on the page.

use serde_json::{json, Value};
use tandem::assessment::plan::PlannedAction;
use tandem::assessment::workshop::{DimensionStats, Mean, PerceptionGap, Rate, Spread};
use tandem::assessment::{Bank, DimensionResult, Level, Mode, Overall, Report, Score};

/// The mode as the journeys name it.
pub fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Quick => "quick",
        Mode::Full => "full",
    }
}

/// "Level 3, Cooperating", as the target selects and the targets table
/// write a level.
pub fn level_label(bank: &Bank, level: Level) -> String {
    format!("Level {level}, {}", bank.level(level).name)
}

/// "3 Cooperating", as the results table and the CSV exports write a level.
pub fn level_cell(bank: &Bank, level: Level) -> String {
    format!("{level} {}", bank.level(level).name)
}

/// "3 of 4 statements (1 don't know)": what a dimension's score is based on.
pub fn coverage_text(d: &DimensionResult) -> String {
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

/// One dimension of a result: its figures, the cells of its row in the
/// results table (score, level, based on) and the line its card states.
pub fn dimension(bank: &Bank, d: &DimensionResult) -> Value {
    let name = &bank.dimensions()[d.index].name;
    let coverage = coverage_text(d);
    let (row, card) = match d.scored {
        None => (
            vec!["Not enough answers".to_owned(), String::new(), coverage],
            format!(
                "Not enough answers: {} of {} statements were answered on the agreement scale, \
                 and a score needs at least half. Answer more of them, if you can judge, to see \
                 where this dimension stands.",
                d.coverage.counted, d.coverage.total
            ),
        ),
        Some((score, level)) => (
            vec![score.to_string(), level_cell(bank, level), coverage.clone()],
            format!(
                "Score {score} out of 100 · level {level}, {} · based on {coverage}",
                bank.level(level).name
            ),
        ),
    };
    json!({
        "name": name,
        "score": d.score().map(Score::value),
        "level": d.level().map(Level::number),
        "level_name": d.level().map(|l| bank.level(l).name.clone()),
        "counted": d.coverage.counted,
        "total": d.coverage.total,
        "row": row,
        "card": card,
    })
}

/// The overall result: its line ("Overall: level 3, Cooperating"), the
/// score line under it, and the figures.
pub fn overall(bank: &Bank, report: &Report) -> Value {
    match report.overall {
        Overall::NotEnoughAnswers => json!({
            "line": "Overall: not enough answers",
            "score_line": null,
            "score": null,
            "level": null,
            "level_name": null,
        }),
        Overall::Scored { score, level, .. } => json!({
            "line": format!("Overall: level {level}, {}", bank.level(level).name),
            "score_line": format!("Overall score {score} out of 100"),
            "score": score.value(),
            "level": level.number(),
            "level_name": bank.level(level).name,
        }),
    }
}

/// The "Earlier" and "Change" cells a comparison adds to a dimension's row.
pub fn compared(now: Option<Score>, earlier: Option<Score>) -> [String; 2] {
    let earlier_text = earlier.map_or_else(|| "Not enough answers".to_owned(), |s| s.to_string());
    let change = match (now, earlier) {
        (Some(now), Some(earlier)) => match i16::from(now.value()) - i16::from(earlier.value()) {
            0 => "no change".to_owned(),
            c if c > 0 => format!("+{c}"),
            c => c.to_string(),
        },
        _ => String::new(),
    };
    [earlier_text, change]
}

/// An action as the plan editor shows it: its dimension's name, the text
/// and the owner's and horizon's labels.
pub fn action(bank: &Bank, action: &PlannedAction) -> Value {
    let dimension = bank
        .dimension(&action.dimension)
        .expect("actions are drafted for the bank's dimensions");
    json!({
        "dimension": dimension.name,
        "text": action.text,
        "owner": action.owner.label(),
        "when": action.horizon.label(),
    })
}

/// A figure rounded to a whole number, as the workshop's tables and
/// presenter mode show means and medians.
pub fn whole(value: f64) -> String {
    format!("{value:.0}")
}

/// A mean as the workshop's tables show it; "-" for none.
pub fn mean_text(mean: Option<&Mean>) -> String {
    mean.map_or_else(|| "-".to_owned(), |m| whole(m.value))
}

/// A "Don't know" rate as a percentage; "-" when there is none.
pub fn rate_text(rate: Option<Rate>) -> String {
    rate.and_then(Rate::percent)
        .map_or_else(|| "-".to_owned(), |p| format!("{p}%"))
}

/// A team mean's level, from its rounded score.
fn team_level(spread: &Spread) -> Level {
    Level::of(spread.mean.score)
}

/// The first four cells of a dimension's row in "Team scores by dimension":
/// mean, level, median and range.
pub fn team_cells(bank: &Bank, spread: &Spread) -> Vec<String> {
    vec![
        whole(spread.mean.value),
        level_cell(bank, team_level(spread)),
        whole(spread.median),
        format!("{}-{}", spread.min, spread.max),
    ]
}

/// The lines presenter mode reveals for a dimension the room scored.
pub fn presenter_lines(
    bank: &Bank,
    stats: &DimensionStats,
    spread: &Spread,
    gap: Option<&PerceptionGap>,
) -> Vec<String> {
    let level = team_level(spread);
    let mut lines = vec![
        format!(
            "Team mean {} · level {level}, {}",
            whole(spread.mean.value),
            bank.level(level).name
        ),
        format!(
            "Range {}-{} · {}",
            spread.min,
            spread.max,
            spread.agreement.map_or("one score", |a| a.label())
        ),
    ];
    if let Some(g) = gap {
        lines.push(gap_line(g));
    }
    lines.push(format!("Don't know: {}", rate_text(stats.dont_know)));
    lines
}

/// "HR 63 · L&D 50 (gap +12.5)", presenter mode's line for a gap.
pub fn gap_line(g: &PerceptionGap) -> String {
    format!(
        "HR {} · L&D {} (gap {:+.1})",
        whole(g.hr.value),
        whole(g.ld.value),
        g.gap
    )
}

/// A row of "HR minus L&D mean score": the dimension, HR, L&D and the gap.
pub fn gap_row(bank: &Bank, g: &PerceptionGap) -> Vec<String> {
    vec![
        bank.dimensions()[g.index].name.clone(),
        mean_text(Some(&g.hr)),
        mean_text(Some(&g.ld)),
        format!("{:+.1}", g.gap),
    ]
}

/// A dimension's row of the team CSV, as cells.
pub fn team_csv_row(bank: &Bank, stats: &DimensionStats, spread: &Spread) -> Vec<String> {
    let percent = stats
        .dont_know
        .and_then(Rate::percent)
        .map_or(String::new(), |p| p.to_string());
    vec![
        "dimension".to_owned(),
        bank.dimensions()[stats.index].name.clone(),
        stats.scored.to_string(),
        format!("{:.1}", spread.mean.value),
        level_cell(bank, team_level(spread)),
        format!("{:.1}", spread.median),
        spread.min.to_string(),
        spread.max.to_string(),
        format!("{:.1}", spread.std_dev),
        spread.agreement.map_or("", |a| a.label()).to_owned(),
        percent,
        String::new(),
        String::new(),
        String::new(),
    ]
}
