//! Result codes: what goes in comes out, every typo is caught, and no text,
//! however odd, makes the decoder panic. One test binary; a file for each
//! part, and here the format written out independently of the module, the
//! results the tests encode and the strategies proptest draws them from.

#[path = "../common/mod.rs"]
mod common;

mod banks;
mod errors;
mod format;
mod never_panics;
mod pasted;
mod round_trips;
mod typos;

use common::{mini_bank, ALL_ANSWERS};
use proptest::prelude::*;
use tandem::assessment::code::{self, CodeError};
use tandem::assessment::{
    Answer, Bank, Fingerprint, Mark, Mode, Progress, Role, Stage, StatementId,
};

const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// ---------------------------------------------------------------------------
// The format, written out independently of the module, so that a change to
// the layout shows up here as a failing test rather than as old codes that
// no longer read.
// ---------------------------------------------------------------------------

/// CRC-16/CCITT-FALSE, bit by bit, most significant first.
fn crc16(bits: &[bool]) -> u16 {
    let mut crc: u16 = 0xFFFF;
    for &bit in bits {
        let top = crc & 0x8000 != 0;
        crc <<= 1;
        if top != bit {
            crc ^= 0x1021;
        }
    }
    crc
}

fn push(bits: &mut Vec<bool>, value: u64, count: usize) {
    bits.extend((0..count).rev().map(|i| (value >> i) & 1 == 1));
}

/// A code as the module documents it: `T`, the version symbol, the payload
/// padded to whole symbols, then the length nibble and the CRC.
fn frame(version: u8, payload: &[bool]) -> String {
    let mut body = Vec::new();
    push(&mut body, u64::from(version), 5);
    body.extend_from_slice(payload);
    while body.len() % 5 != 0 {
        body.push(false);
    }
    let symbols = 1 + body.len() / 5 + 4;
    push(&mut body, (symbols % 16) as u64, 4);
    let crc = crc16(&body);
    push(&mut body, u64::from(crc), 16);
    let mut code = String::from("T");
    for chunk in body.chunks(5) {
        let value = chunk.iter().fold(0, |acc, &b| (acc << 1) | usize::from(b));
        code.push(ALPHABET.as_bytes()[value] as char);
    }
    code
}

/// The bits of a bank's mark: 32 for a short mark (format 1), 64 for a
/// fingerprint (format 2).
fn push_mark(bits: &mut Vec<bool>, mark: Mark) {
    match mark {
        Mark::Short(short) => push(bits, u64::from(short), 32),
        Mark::Full(Fingerprint(fingerprint)) => push(bits, fingerprint, 64),
    }
}

/// A payload, with the raw numbers a code holds.
fn payload(mark: Mark, full: bool, role: u64, answers: &[u64], team: &[u8]) -> Vec<bool> {
    let mut bits = Vec::new();
    push_mark(&mut bits, mark);
    push(&mut bits, u64::from(full), 1);
    push(&mut bits, role, 3);
    for &answer in answers {
        push(&mut bits, answer, 3);
    }
    if team.is_empty() {
        push(&mut bits, 0, 1);
    } else {
        push(&mut bits, 1, 1);
        push(&mut bits, team.len() as u64, 8);
        for &byte in team {
            push(&mut bits, u64::from(byte), 8);
        }
    }
    bits
}

/// The code without its hyphens.
fn compact(code: &str) -> String {
    code.chars().filter(|&c| c != '-').collect()
}

fn id(s: &str) -> StatementId {
    StatementId::from(s)
}

/// Statement ids a mode asks, in bank order.
fn statement_ids(bank: &Bank, mode: Mode) -> Vec<StatementId> {
    bank.dimensions_in(mode)
        .flat_map(|d| &d.statements)
        .map(|s| s.id.clone())
        .collect()
}

/// Progress built the way the app builds it, so it is already clean.
fn progress(
    bank: &Bank,
    mode: Mode,
    role: Option<Role>,
    team: &str,
    answers: &[Option<Answer>],
) -> Progress {
    let mut progress = Progress::new(mode);
    if let Some(role) = role {
        progress.choose_role(role);
    }
    progress.name_team(team);
    for (id, answer) in statement_ids(bank, mode).iter().zip(answers) {
        if let Some(answer) = answer {
            // Refused (and so left unanswered) where "Not applicable" is not offered.
            progress.answer(bank, id, *answer);
        }
    }
    progress
}

fn assert_same_result(decoded: &Progress, original: &Progress) {
    assert_eq!(decoded.mode, original.mode);
    assert_eq!(decoded.role, original.role);
    assert_eq!(decoded.team, original.team);
    assert_eq!(decoded.answers, original.answers);
}

/// Every answer, cycling, for every statement the mode asks ("Agree" where
/// "Not applicable" is not offered).
fn complete(bank: &Bank, mode: Mode, team: &str) -> Progress {
    let mut progress = progress(bank, mode, Some(Role::LearningAndDevelopment), team, &[]);
    for (i, id) in statement_ids(bank, mode).iter().enumerate() {
        if !progress.answer(bank, id, ALL_ANSWERS[i % 7]) {
            progress.answer(bank, id, Answer::Agree);
        }
    }
    progress
}

/// A handful of varied results, made without randomness so that the
/// exhaustive typo tests (`typos.rs`) are the same on every run.
fn sample_codes() -> Vec<(Bank, String)> {
    let mini = mini_bank();
    let standard = Bank::standard().clone();
    let mut samples = Vec::new();
    let mut seed: u32 = 12345;
    let mut next = move || {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (seed >> 16) as usize
    };
    for (bank, mode, team) in [
        (&mini, Mode::Quick, ""),
        (&mini, Mode::Full, "Team A"),
        (&standard, Mode::Quick, ""),
        (&standard, Mode::Full, ""),
        (&standard, Mode::Full, "Équipe Nord 北 🚲"),
    ] {
        let answers: Vec<_> = (0..bank.statement_count(mode))
            .map(|_| match next() % 9 {
                0 => None,
                n => Some(ALL_ANSWERS[(n - 1) % 7]),
            })
            .collect();
        let role = [None, Some(Role::Hr), Some(Role::Other)][next() % 3];
        let progress = progress(bank, mode, role, team, &answers);
        samples.push((bank.clone(), code::encode(bank, &progress)));
    }
    samples
}

// What proptest draws results from, for the round trips and for the edits
// that must never panic.

fn role_strategy() -> impl Strategy<Value = Option<Role>> {
    prop::option::of(prop::sample::select(Role::ALL.to_vec()))
}

fn answers_strategy() -> impl Strategy<Value = Vec<Option<Answer>>> {
    // Long enough for the standard bank's full assessment (36 statements).
    prop::collection::vec(
        prop::option::of(prop::sample::select(ALL_ANSWERS.to_vec())),
        40,
    )
}

fn team_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        prop::collection::vec(any::<char>(), 0..=70).prop_map(|c| c.into_iter().collect()),
        "[ -~]{0,70}",
    ]
}

fn mode_strategy() -> impl Strategy<Value = Mode> {
    prop::sample::select(vec![Mode::Quick, Mode::Full])
}
