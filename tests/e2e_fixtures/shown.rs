//! The figures of a result or a room as a fixture states them: the
//! numbers from `tandem::assessment`, and beside them the words a journey
//! must find on the page, taken from `tandem::assessment::wording`, where
//! the screens take them too. Nothing here words a figure itself.

use serde_json::{json, Value};
use tandem::assessment::plan::PlannedAction;
use tandem::assessment::wording;
use tandem::assessment::workshop::{PerceptionGap, Spread};
use tandem::assessment::{Bank, DimensionResult, Level, Mode, Overall, Report, Score};

/// The mode as the journeys name it.
pub fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Quick => "quick",
        Mode::Full => "full",
    }
}

/// One dimension of a result: its figures, the cells of its row in the
/// results table (score, level, based on) and the line its card states.
pub fn dimension(bank: &Bank, d: &DimensionResult) -> Value {
    let name = &bank.dimensions()[d.index].name;
    let row = wording::result_cells(&english(), bank, d);
    json!({
        "name": name,
        "score": d.score().map(Score::value),
        "level": d.level().map(Level::number),
        "level_name": d.level().map(|l| bank.level(l).name.clone()),
        "counted": d.coverage.counted,
        "total": d.coverage.total,
        "row": row,
        "card": wording::dimension_line(&english(), bank, d),
    })
}

/// The overall result: its line ("Overall: level 3, Cooperating"), the
/// score line under it, and the figures.
pub fn overall(bank: &Bank, report: &Report) -> Value {
    let line = wording::overall_line(&english(), bank, &report.overall);
    let basis = report.basis();
    let mut shown = match report.overall {
        Overall::NotEnoughAnswers => json!({
            "line": line,
            "score_line": null,
            "score": null,
            "level": null,
            "level_name": null,
        }),
        Overall::Scored { score, level, .. } => json!({
            "line": line,
            "score_line": wording::overall_score_line(&english(), score),
            "score": score.value(),
            "level": level.number(),
            "level_name": bank.level(level).name,
        }),
    };
    shown["basis"] = json!(wording::basis_line(&english(), basis));
    // Said only under a scored headline.
    shown["tentative"] = match report.overall {
        Overall::Scored { .. } => json!(wording::tentative(&english(), basis)),
        Overall::NotEnoughAnswers => Value::Null,
    };
    shown
}

/// The "Earlier" and "Change" cells a comparison adds to a dimension's row.
pub fn compared(now: Option<Score>, earlier: Option<Score>) -> [String; 2] {
    [
        wording::score_cell(&english(), earlier),
        wording::change(&english(), now, earlier),
    ]
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

/// The first four cells of a dimension's row in "Team scores by dimension":
/// mean, level, median and range.
pub fn team_cells(bank: &Bank, spread: &Spread) -> Vec<String> {
    wording::team_cells(&english(), bank, spread)[..4].to_vec()
}

/// A row of "HR minus L&D mean score": the dimension, HR, L&D and the gap.
pub fn gap_row(bank: &Bank, g: &PerceptionGap) -> Vec<String> {
    vec![
        bank.dimensions()[g.index].name.clone(),
        wording::mean(&english(), Some(&g.hr)),
        wording::mean(&english(), Some(&g.ld)),
        wording::gap(&english(), g),
    ]
}

/// The screens' English words, which the journeys find on the page.
fn english() -> tandem::assessment::language::Words {
    tandem::assessment::language::Words::english(tandem::assessment::language::plain_number)
}
