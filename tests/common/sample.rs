//! Generated participants for the standard bank: varied, and the same for the
//! same seed. Shared by the large-room tests and `benches/workshop.rs`.

use tandem::assessment::{Answer, Bank, Mode, Progress, Role};

/// A varied participant for the standard bank, the same for the same `seed`.
pub fn participant(bank: &Bank, seed: u64) -> Progress {
    let mut state = seed
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        (state >> 33) as usize
    };
    let mode = if seed % 2 == 0 {
        Mode::Full
    } else {
        Mode::Quick
    };
    let mut progress = Progress::new(mode);
    progress.role = [
        None,
        Some(Role::Hr),
        Some(Role::LearningAndDevelopment),
        Some(Role::Leadership),
        Some(Role::Other),
    ][(seed % 5) as usize];
    progress.team = ["", "North", "South"][(seed % 3) as usize].to_owned();
    for statement in bank.dimensions_in(mode).flat_map(|d| &d.statements) {
        // Mostly scale answers, some Don't know and a few unanswered.
        let answer = match next() % 12 {
            10 => Answer::DontKnow,
            11 => continue,
            n => Answer::AGREEMENT[n % 5],
        };
        progress.answers.insert(statement.id.clone(), answer);
    }
    progress
}
