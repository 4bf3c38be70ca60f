//! The workshop: gathering codes from pasted text, and the team view's
//! statistics on hand-made teams whose figures are worked out in comments.
//! One test binary; a file for each part, and here the participants they are
//! built from.

#[path = "../common/mod.rs"]
mod common;

mod gathering;
mod generated;
mod groups;
mod statements;
mod statistics;

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
use tandem::assessment::{
    Answer, Bank, DimensionId, Level, Mode, Progress, Reason, Role, StatementId,
};

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
