//! Result codes: a short, checksummed text that carries one respondent's answers.
//!
//! In a workshop every participant hands the facilitator their result as a
//! code: typed, pasted, sent as a link (`…#r=CODE`) or shown as a QR code. A
//! code holds a mark of the question bank, the mode, the role, the team
//! label and the answers, and nothing else about the person. It has to be
//! short enough to read out and to fit a small QR code, and a typo has to be
//! caught, never silently scored as somebody else's opinion.
//!
//! A code is `T`, a format version, the payload (a mark of the bank, the
//! mode, the role, one answer for each statement the mode asks and the team
//! label), then its own length (modulo 16) and a CRC-16 checksum, written
//! in Crockford base32. With the standard bank and no team label, a quick
//! assessment (16 statements) takes 23 symbols and a full one (36
//! statements) 35 symbols (a custom bank's code takes 6 or 7 more), written
//! `T1-` followed by groups of five, such as
//! `T1-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXX`.
//!
//! One file for each part of the format, each with the part of the
//! description it implements:
//! - `alphabet.rs`: the 32 symbols, the written form, and reading text the
//!   forgiving way people need: case, separators, Crockford's aliases, a code
//!   inside a link ([`find_code`]) and the most text read
//!   ([`MAX_INPUT_BYTES`]);
//! - `layout.rs`: which bits mean what: the frame around the payload, the
//!   payload's fields in order, the format versions ([`VERSION`]) and the
//!   numbers that stand for roles and answers;
//! - `checksum.rs`: the CRC-16 that catches every single-symbol typo, and how
//!   the stated length catches a symbol added or left out;
//! - `bits.rs`: writing a code's bits, and reading a pasted code's bits back:
//!   its frame checked first, then a reader over the payload that fails,
//!   never panics, when the bits run out;
//! - `error.rs`: why a code could not be read ([`CodeError`]); the sentence
//!   it gives the person who pasted it, in their language, is written with
//!   the other messages (`language/reasons.rs`).
//!
//! Here, what the rest of Tandem calls: [`encode`]; [`decode`] into the
//! progress a respondent resumes from; [`read`] into the compact [`Decoded`]
//! a workshop keeps, and [`read_spelled`] with its canonical spelling;
//! [`read_split`] for a code someone split into words; [`bank_of`] for the
//! bank a code was made for. Every public name is used from here, as
//! `assessment::code::X`.

mod alphabet;
mod bits;
mod checksum;
mod error;
mod layout;

pub use alphabet::{find_code, MAX_INPUT_BYTES};
pub use error::CodeError;
pub use layout::VERSION;

use alphabet::{spell, MARK, NOT_A_SYMBOL, SYMBOL_VALUES};
use bits::{read_frame, Bits, Frame, Reader};
use checksum::{crc16, crc16_symbol, crc16_top_bits};
use layout::{
    answer_from, answer_value, role_from, role_value, CHECKSUM_BITS, LENGTH_BITS, MAX_TEAM_BYTES,
    SHORT_MARK_VERSION, SYMBOL_BITS, TAIL_SYMBOLS,
};

use crate::assessment::answer::{Answer, Mode, Role};
use crate::assessment::bank::{Bank, Fingerprint, Mark, Recognised};
use crate::assessment::progress::{self, Progress, Stage};
use std::collections::BTreeMap;

/// Turns progress into a result code for `bank`.
///
/// Only what the mode asks is written: answers to other statements, answers a
/// statement does not offer and a team label Tandem would not keep are left
/// out or cleaned the way [`Progress::fitted_to`] would, so every code this
/// returns decodes.
pub fn encode(bank: &Bank, progress: &Progress) -> String {
    let mut bits = Bits::default();
    let version = match bank.mark() {
        Mark::Short(short) => {
            bits.push(short, 32);
            SHORT_MARK_VERSION
        }
        Mark::Full(Fingerprint(fingerprint)) => {
            bits.push((fingerprint >> 32) as u32, 32);
            bits.push(fingerprint as u32, 32);
            VERSION
        }
    };
    bits.push(
        match progress.mode {
            Mode::Quick => 0,
            Mode::Full => 1,
        },
        1,
    );
    bits.push(progress.role.map_or(0, role_value), 3);
    for statement in bank
        .dimensions_in(progress.mode)
        .flat_map(|d| &d.statements)
    {
        let value = match progress.answers.get(&statement.id) {
            Some(Answer::NotApplicable) if !statement.not_applicable => 0,
            Some(&answer) => answer_value(answer),
            None => 0,
        };
        bits.push(value, 3);
    }
    let team = progress::clean_team_label(&progress.team);
    if team.is_empty() {
        bits.push(0, 1);
    } else {
        bits.push(1, 1);
        // A clean label is at most 60 characters, so at most 240 bytes.
        bits.push(team.len() as u32, 8);
        for byte in team.bytes() {
            bits.push(u32::from(byte), 8);
        }
    }

    let mut body = Bits::default();
    body.push(u32::from(version), SYMBOL_BITS);
    body.push_padded(&bits.0);
    let symbol_count = 1 + body.0.len() / SYMBOL_BITS + TAIL_SYMBOLS;
    body.push((symbol_count % 16) as u32, LENGTH_BITS);
    let checksum = crc16(body.0.iter().copied());
    body.push(u32::from(checksum), CHECKSUM_BITS);

    let symbols: Vec<u8> = body
        .0
        .chunks(SYMBOL_BITS)
        .map(|chunk| chunk.iter().fold(0, |acc, &bit| (acc << 1) | u8::from(bit)))
        .collect();
    spell(&symbols)
}

/// A result as its code carries it, read for one bank: the mode, the role, the
/// team label and one answer slot per statement of the bank.
///
/// This is what a workshop keeps for each participant: a room of thousands
/// is read and aggregated without building, for every person, the
/// [`Progress`] that a respondent resumes from ([`Decoded::progress`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    mode: Mode,
    role: Option<Role>,
    team: String,
    /// In bank order, one per statement of the bank; `None` where there is
    /// no answer, which includes every statement the mode does not ask.
    answers: Box<[Option<Answer>]>,
}

impl Decoded {
    /// Quick or full.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The role chosen, if any.
    pub fn role(&self) -> Option<Role> {
        self.role
    }

    /// The team label, cleaned; empty when there is none.
    pub fn team(&self) -> &str {
        &self.team
    }

    /// The answer to the statement at `position` in bank order (counting
    /// every dimension's statements, asked in this mode or not).
    pub fn answer_at(&self, position: usize) -> Option<Answer> {
        self.answers.get(position).copied().flatten()
    }

    /// The progress a respondent resumes from this result, for the bank it
    /// was read for: on the Results stage when every page of the mode is
    /// answered, otherwise on the first page with a gap ([`decode`]).
    pub fn progress(&self, bank: &Bank) -> Progress {
        // Whether each page of the mode has every statement answered.
        let mut complete = Vec::with_capacity(bank.dimensions().len());
        let mut position = 0;
        for dimension in bank.dimensions() {
            let range = position..position + dimension.statements.len();
            position = range.end;
            if self.mode == Mode::Full || dimension.core {
                complete.push(range.into_iter().all(|p| self.answer_at(p).is_some()));
            }
        }
        // Listed in id order, which is how answers are kept, so no id is
        // compared.
        let mut in_id_order = Vec::with_capacity(self.answers.len());
        in_id_order.extend(bank.statements_by_id().filter_map(|(position, statement)| {
            Some((statement.id.clone(), self.answer_at(position)?))
        }));
        // Built from a fresh start so that anything progress holds beyond
        // what a code carries (such as the action plan) starts empty.
        let mut progress = Progress::new(self.mode);
        progress.role = self.role;
        progress.team.clone_from(&self.team);
        progress.answers = BTreeMap::from_iter(in_id_order);
        progress.stage = Stage::Results;
        // Every answer was read against the bank's own statements, so only
        // the stage is left to settle.
        progress.settled_by(&complete)
    }
}

/// Reads a result code, or a link carrying one (see [`find_code`]), for `bank`.
///
/// Returns progress with the mode, role, team label and answers from the code,
/// on the Results stage and fitted to the bank ([`Progress::fitted_to`]), so
/// an incomplete result opens on its first unanswered page. Never panics,
/// whatever the text.
pub fn decode(bank: &Bank, text: &str) -> Result<Progress, CodeError> {
    read(bank, text).map(|decoded| decoded.progress(bank))
}

/// Reads a result code, or a link carrying one, for `bank`, as [`decode`]
/// does, into the compact form a workshop keeps. Never panics, whatever the
/// text.
pub fn read(bank: &Bank, text: &str) -> Result<Decoded, CodeError> {
    read_framed(bank, &read_frame(text)?)
}

/// [`read`], with the code's canonical spelling: the one [`encode`] writes,
/// which is the only one there is for a result (upper case, aliases read as
/// digits, `T1-` and groups of five). A workshop keeps codes in this spelling
/// so that one result pasted in two spellings counts once.
pub fn read_spelled(bank: &Bank, text: &str) -> Result<(Decoded, String), CodeError> {
    let frame = read_frame(text)?;
    let decoded = read_framed(bank, &frame)?;
    let spelled = spell(&frame.symbols);
    debug_assert_eq!(spelled, encode(bank, &decoded.progress(bank)));
    Ok((decoded, spelled))
}

/// Reads the payload of a code whose frame checked out.
fn read_framed(bank: &Bank, frame: &Frame) -> Result<Decoded, CodeError> {
    let mut reader = frame.payload();
    let mark = read_mark(frame.version, &mut reader)?;
    match bank.recognises(mark) {
        // One result, one code: the bank named any other way than
        // [`encode`] names it is not a code Tandem wrote.
        Recognised::Yes if mark != bank.mark() => return Err(CodeError::Damaged),
        Recognised::Yes => {}
        Recognised::No => return Err(CodeError::OtherBank { mark }),
        Recognised::Earlier => return Err(CodeError::Earlier),
    }
    let mode = if reader.read(1)? == 1 {
        Mode::Full
    } else {
        Mode::Quick
    };
    let role = match reader.read(3)? {
        0 => None,
        value => Some(role_from(value).ok_or(CodeError::Damaged)?),
    };
    let mut answers = vec![None; bank.statement_count(Mode::Full)].into_boxed_slice();
    let mut slots = answers.iter_mut();
    for dimension in bank.dimensions() {
        let asked = mode == Mode::Full || dimension.core;
        for (statement, slot) in dimension.statements.iter().zip(slots.by_ref()) {
            if !asked {
                continue;
            }
            let value = reader.read(3)?;
            if value != 0 {
                let answer = answer_from(value).ok_or(CodeError::Damaged)?;
                if answer == Answer::NotApplicable && !statement.not_applicable {
                    return Err(CodeError::Damaged);
                }
                *slot = Some(answer);
            }
        }
    }
    let team = if reader.read(1)? == 1 {
        let length = reader.read(8)? as usize;
        if length == 0 || length > MAX_TEAM_BYTES {
            return Err(CodeError::Damaged);
        }
        let bytes = (0..length)
            .map(|_| reader.read(8).map(|byte| byte as u8))
            .collect::<Result<Vec<u8>, _>>()?;
        let team = String::from_utf8(bytes).map_err(|_| CodeError::Damaged)?;
        // Only the spelling Tandem itself writes is accepted: one result, one code.
        if progress::clean_team_label(&team) != team {
            return Err(CodeError::Damaged);
        }
        team
    } else {
        String::new()
    };
    reader.finish()?;
    Ok(Decoded {
        mode,
        role,
        team,
        answers,
    })
}

/// The mark of the bank a code was made for, read without that bank, so a
/// workshop can say "this code is for a different question bank" instead of
/// only "this code does not fit".
pub fn bank_of(text: &str) -> Result<Mark, CodeError> {
    let frame = read_frame(text)?;
    read_mark(frame.version, &mut frame.payload())
}

/// The bank's mark at the start of a payload in format `version`.
fn read_mark(version: u8, reader: &mut Reader<'_>) -> Result<Mark, CodeError> {
    let high = reader.read(32)?;
    if version == SHORT_MARK_VERSION {
        return Ok(Mark::Short(high));
    }
    let low = reader.read(32)?;
    Ok(Mark::Full(Fingerprint(
        u64::from(high) << 32 | u64::from(low),
    )))
}

/// Reads a code that someone split into words (`T1 TAR5V GRSAE …`): the
/// first `1 + k` of `words`, for the smallest `k` from 1 to `most` whose
/// joined text reads, with how many words that took (`1 + k`), the joined
/// text and what [`read_spelled`] gives for it. `words[0]` is where the code
/// starts. `None` when no such join reads.
///
/// Pasted text may hold thousands of words that start like codes, so this
/// takes time in proportion to the symbols it looks at: the frame of each
/// candidate end (the stated length and the checksum) is checked from a
/// running checksum in a few steps, and only a candidate whose frame holds
/// is read in full. Each symbol looked at costs one from `budget`; with
/// none left it gives up, so that a caller can bound the work a whole paste
/// spends on joining.
pub fn read_split(
    bank: &Bank,
    words: &[&str],
    most: usize,
    budget: &mut usize,
) -> Option<(usize, String, (Decoded, String))> {
    let (first, rest) = words.split_first()?;
    // Room for a code of the usual length, so that the thousands of words
    // in a hostile paste that merely start like a code cost no reallocation.
    let mut symbols: Vec<u8> = Vec::with_capacity(128);
    // `crcs[i]`: the checksum register after the first `i` symbols.
    let mut crcs: Vec<u16> = Vec::with_capacity(129);
    crcs.push(0xFFFF);
    /// Adds a word's symbols (after the `T` for the first word); `None` when
    /// it holds anything else, which no code does.
    fn push(word: &str, first: bool, symbols: &mut Vec<u8>, crcs: &mut Vec<u16>) -> Option<()> {
        let mut bytes = word.bytes().filter(|&b| b != b'-');
        if first && !bytes.next()?.eq_ignore_ascii_case(&(MARK as u8)) {
            return None;
        }
        for byte in bytes {
            let value = *SYMBOL_VALUES.get(usize::from(byte))?;
            if value == NOT_A_SYMBOL {
                return None;
            }
            let last = crcs[crcs.len() - 1];
            crcs.push(crc16_symbol(last, value));
            symbols.push(value);
        }
        Some(())
    }
    push(first, true, &mut symbols, &mut crcs)?;
    for (k, word) in rest.iter().take(most).enumerate() {
        *budget = budget.checked_sub(word.len())?;
        push(word, false, &mut symbols, &mut crcs)?;
        let n = symbols.len();
        if n + 1 > MAX_INPUT_BYTES {
            return None;
        }
        if n < 1 + TAIL_SYMBOLS {
            continue;
        }
        // The frame's tail: four bits of length (`T` counted), then the
        // checksum of everything before the tail's fifth bit.
        let tail = symbols[n - TAIL_SYMBOLS];
        if usize::from(tail >> 1) != (n + 1) % 16 {
            continue;
        }
        let crc = crc16_top_bits(crcs[n - TAIL_SYMBOLS], tail, LENGTH_BITS);
        let stated = u16::from(tail & 1) << 15
            | u16::from(symbols[n - 3]) << 10
            | u16::from(symbols[n - 2]) << 5
            | u16::from(symbols[n - 1]);
        if crc != stated {
            continue;
        }
        let joined = words[..k + 2].join(" ");
        if let Ok(read) = read_spelled(bank, &joined) {
            return Some((k + 2, joined, read));
        }
    }
    None
}
