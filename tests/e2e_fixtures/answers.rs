//! The answers the journeys give, each set built here as a person's
//! progress through the standard bank, so that the browser clicks exactly
//! the answers whose figures the fixture states.

use serde_json::{json, Value};
use tandem::assessment::{Answer, Bank, Mode, Progress, Score, Statement};

/// The agreement scale in turn: the `k`th answer, round and round.
pub fn on_scale(k: usize) -> Answer {
    Answer::AGREEMENT[k % Answer::AGREEMENT.len()]
}

/// Every statement of `mode` answered: `choose(statement, index, position)`
/// picks the answer, `index` counting the statements through the whole
/// questionnaire from 0 and `position` the dimension's place among the
/// mode's dimensions.
pub fn answered(
    bank: &Bank,
    mode: Mode,
    choose: impl Fn(&Statement, usize, usize) -> Answer,
) -> Progress {
    let mut progress = Progress::new(mode);
    let statements = bank
        .dimensions_in(mode)
        .enumerate()
        .flat_map(|(position, d)| d.statements.iter().map(move |s| (position, s)));
    for (index, (position, statement)) in statements.enumerate() {
        let answer = choose(statement, index, position);
        assert!(
            progress.answer(bank, &statement.id, answer),
            "{} does not offer {}",
            statement.id,
            answer.label()
        );
    }
    progress
}

/// The same answer to every statement of `mode`.
pub fn throughout(bank: &Bank, mode: Mode, answer: Answer) -> Progress {
    answered(bank, mode, |_, _, _| answer)
}

/// The scale step (0 to 4) that gives `points` (0 to 100 in steps of 25)
/// on `statement`, the other way round for a reverse statement.
fn step_for(statement: &Statement, points: u8) -> usize {
    assert!(
        points % 25 == 0 && points <= 100,
        "{points} is not a step of the scale"
    );
    let steps = usize::from(points / 25);
    if statement.reverse {
        4 - steps
    } else {
        steps
    }
}

/// `mode` answered so that dimension `i` scores exactly `scores[i]` (0 to
/// 100 in steps of 25): every statement answered, reverse ones the other
/// way round.
pub fn scoring(bank: &Bank, mode: Mode, scores: &[u8]) -> Progress {
    assert_eq!(
        scores.len(),
        bank.dimensions_in(mode).count(),
        "a score per dimension"
    );
    let progress = answered(bank, mode, |statement, _, position| {
        Answer::AGREEMENT[step_for(statement, scores[position])]
    });
    let report = progress.report(bank);
    let got: Vec<Option<u8>> = report
        .dimensions
        .iter()
        .map(|d| d.score().map(Score::value))
        .collect();
    let want: Vec<Option<u8>> = scores.iter().copied().map(Some).collect();
    assert_eq!(got, want, "the answers score as meant");
    progress
}

/// `progress` with every answer on the scale to the statements of the
/// dimension at `position` moved `by` steps towards agreeing with the
/// dimension (away from it on a reverse statement), held to the scale.
pub fn shifted(bank: &Bank, progress: &Progress, position: usize, by: i8) -> Progress {
    let mut shifted = progress.clone();
    let dimension = bank
        .dimensions_in(progress.mode)
        .nth(position)
        .expect("a dimension at that position");
    for statement in &dimension.statements {
        let Some(agreement) = progress.answers[&statement.id].agreement() else {
            continue;
        };
        let by = if statement.reverse { -by } else { by };
        let step = (i16::from(agreement) - 1 + i16::from(by)).clamp(0, 4);
        let answer = Answer::AGREEMENT[step as usize];
        assert!(shifted.answer(bank, &statement.id, answer));
    }
    shifted
}

/// `progress` with every statement of the dimension at `position`
/// answered `answer`.
pub fn with_dimension(
    bank: &Bank,
    progress: &Progress,
    position: usize,
    answer: Answer,
) -> Progress {
    let mut changed = progress.clone();
    let dimension = bank
        .dimensions_in(progress.mode)
        .nth(position)
        .expect("a dimension at that position");
    for statement in &dimension.statements {
        assert!(changed.answer(bank, &statement.id, answer));
    }
    changed
}

/// The answers as a fixture writes them: statement id to the label a
/// person clicks.
pub fn labels(progress: &Progress) -> Value {
    let answers: serde_json::Map<String, Value> = progress
        .answers
        .iter()
        .map(|(id, answer)| (id.to_string(), json!(answer.label())))
        .collect();
    Value::Object(answers)
}
