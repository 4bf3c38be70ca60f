//! Result codes: a short, checksummed text that carries one respondent's answers.
//!
//! In a workshop every participant hands the facilitator their result as a
//! code: typed, pasted, sent as a link (`…#r=CODE`) or shown as a QR code. A
//! code holds a mark of the question bank, the mode, the role, the team
//! label and the answers, and nothing else about the person. It has to be
//! short enough to read out and to fit a small QR code, and a typo has to be
//! caught, never silently scored as somebody else's opinion.
//!
//! # Alphabet
//!
//! Crockford base32, `0123456789ABCDEFGHJKMNPQRSTVWXYZ`: every symbol is in
//! the QR code's compact alphanumeric mode, and the letters that are easily
//! misread are left out. Reading is forgiving the way people are: case does
//! not matter, `-`, spaces and line breaks are ignored, and `O` is read as
//! `0`, `I` and `L` as `1`.
//!
//! # Layout
//!
//! A code is a sequence of symbols, 5 bits each, written most significant bit
//! first:
//!
//! | symbols     | content                                                      |
//! |-------------|--------------------------------------------------------------|
//! | 1           | `T`, marks a Tandem code                                     |
//! | 1           | format version: 1 for Tandem's own bank, 2 for any other     |
//! | ⌈P / 5⌉     | the payload, P bits, padded with zero bits to a whole symbol |
//! | 4           | 4 bits: the number of symbols in the code (`T` included) modulo 16; then 16 bits: the checksum |
//!
//! The frame (the `T`, the version symbol and the last four symbols) stays the
//! same in every future version, so that this version can tell a code from a
//! newer Tandem ([`CodeError::NewerVersion`]) from a typo
//! ([`CodeError::Checksum`]).
//!
//! The payload, in order:
//!
//! | bits     | content                                                           |
//! |----------|-------------------------------------------------------------------|
//! | 32 or 64 | the bank's [`Mark`]: in format 1 the standard bank's 32-bit mark, in format 2 the bank's 64-bit [`Fingerprint`](super::Fingerprint) |
//! | 1        | mode: 0 quick, 1 full                                             |
//! | 3        | role: 0 none, 1 HR, 2 L&D, 3 leadership, 4 line manager, 5 other  |
//! | 3 each   | one answer per statement the mode asks, in bank order: 0 not answered, 1 to 5 the agreement scale ([`Answer::agreement`]), 6 don't know, 7 not applicable |
//! | 1        | 1 when a team label follows, 0 when there is none                 |
//! | 8        | (only with a label) its length in UTF-8 bytes, 1 to 240           |
//! | 8 each   | (only with a label) its UTF-8 bytes                               |
//!
//! The two formats differ only in the mark, and each bank has one of them
//! ([`Bank::mark`]): codes of the standard bank (or some of its
//! dimensions) stay short and read as they always have, and codes of a
//! custom bank carry a fingerprint that another
//! bank would take a deliberate search of about 2^32 SHA-256 evaluations to
//! share. A format-1 code made for a custom bank by an earlier Tandem is
//! refused as [`CodeError::Earlier`].
//!
//! An empty label costs one bit, since most codes have none. There is exactly
//! one code for each result: a code that is well formed but spelled differently
//! (non-zero padding, a label Tandem would have cleaned, a value out of range)
//! is refused as [`CodeError::Damaged`].
//!
//! # Checksum and lengths
//!
//! The checksum is CRC-16/CCITT-FALSE (polynomial `0x1021`, initial value
//! `0xFFFF`, no reflection, no final XOR), computed bit by bit over every bit
//! after the `T` up to the checksum itself. A CRC-16 detects every error burst
//! of up to 16 bits; one changed symbol changes at most 5 adjacent bits, so
//! every single-symbol typo is caught. A symbol added or left out before the
//! last four changes the length the code states about itself; one added or
//! left out among the last four leaves the payload one symbol too long or too
//! short for the bank, which [`decode`] refuses. Either way nothing is scored.
//!
//! With the standard bank and no team label, a quick assessment (16
//! statements) takes 23 symbols and a full one (36 statements) 35 symbols
//! (a custom bank's code takes 6 or 7 more),
//! written `T1-` followed by groups of five, such as
//! `T1-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXX`.

use super::answer::{Answer, Mode, Role};
use super::bank::{Bank, Fingerprint, Mark, Recognised};
use super::progress::{self, Progress, Stage, MAX_TEAM_LABEL};
use std::collections::BTreeMap;
use std::fmt;

/// The newest format version this Tandem reads and writes.
pub const VERSION: u8 = 2;
/// The format of codes that carry a bank's short mark ([`Mark::Short`]).
const SHORT_MARK_VERSION: u8 = 1;

/// Text longer than this many bytes is refused before any work: the longest
/// code for a realistic bank, even inside a long link, is well under it, and
/// it bounds the work a hostile paste can cause.
pub const MAX_INPUT_BYTES: usize = 2_000;

/// The symbols, in value order.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// The symbol every code starts with.
const MARK: char = 'T';
/// Symbols per group in the written form; short groups are easier to compare.
const GROUP: usize = 5;
/// Bits per symbol.
const SYMBOL_BITS: usize = 5;
/// The last symbols: 4 bits of length and 16 of checksum.
const TAIL_SYMBOLS: usize = 4;
/// Bits of the length field in the tail.
const LENGTH_BITS: usize = 4;
/// Bits of the checksum.
const CHECKSUM_BITS: usize = 16;
/// Longest team label in UTF-8 bytes: every character takes at most four.
const MAX_TEAM_BYTES: usize = MAX_TEAM_LABEL * 4;

/// Why a code could not be read. [`fmt::Display`] gives a plain sentence that
/// says what is wrong and what to do about it, ready to show to the person who
/// pasted it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// There is nothing but spaces and hyphens.
    Empty,
    /// The text is longer than [`MAX_INPUT_BYTES`]; nobody's code is that long.
    TooLong,
    /// The text does not start like a Tandem code.
    NotTandem,
    /// Made by a newer version of Tandem, whose layout this one cannot read.
    NewerVersion {
        /// The format version the code states.
        version: u8,
    },
    /// A character that no code contains.
    BadCharacter {
        /// The character as it was typed.
        character: char,
        /// Where it is in the code that [`find_code`] found (trimmed, without
        /// any link around it), counted in characters from 0, hyphens and
        /// spaces included. The message counts from 1, as people do.
        position: usize,
    },
    /// Shorter than the smallest possible code: part of it was not copied.
    Incomplete,
    /// The checksum or the stated length does not match: a character was
    /// changed, added or left out.
    Checksum,
    /// The code passed its checks but its content does not fit the question
    /// bank or holds values out of range.
    Damaged,
    /// Made for a different question bank.
    OtherBank {
        /// The mark of the bank the code was made for.
        mark: Mark,
    },
    /// Made by an earlier Tandem for this custom question bank, with a mark
    /// too short to trust ([`Recognised::Earlier`]).
    Earlier,
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeError::Empty => f.write_str(
                "There is no code here yet. Paste or type the result code you were given.",
            ),
            CodeError::TooLong => f.write_str(
                "This text is too long to be a result code. Paste only the code or the link that holds it.",
            ),
            CodeError::NotTandem => f.write_str(
                "This is not a Tandem result code: those start with T and a digit, such as T1. Check that you copied the right text.",
            ),
            CodeError::NewerVersion { version } => write!(
                f,
                "This code was made by a newer version of Tandem (code format {version}; this one reads format {VERSION}). Open it with that newer version.",
            ),
            CodeError::BadCharacter {
                character,
                position,
            } => write!(
                f,
                "Character {} (\u{201c}{}\u{201d}) cannot be part of a result code. Check the code against the original.",
                position.saturating_add(1),
                character.escape_debug(),
            ),
            CodeError::Incomplete => f.write_str(
                "This code is too short: part of it is missing. Copy the whole code again.",
            ),
            CodeError::Checksum => f.write_str(
                "This code has a typo: a character was changed, added or left out. Check it against the original.",
            ),
            CodeError::Damaged => f.write_str(
                "This code is damaged: its content does not fit these questions. Ask for the code again.",
            ),
            CodeError::OtherBank { mark } => write!(
                f,
                "This code is for a different set of questions (bank {}). Open it with the questionnaire it was made for.",
                mark.to_string().to_ascii_uppercase(),
            ),
            CodeError::Earlier => f.write_str(
                "This code was made by an earlier version of Tandem for these questions, in a form that can no longer be checked. Open the result where it was taken and send its new code.",
            ),
        }
    }
}

impl std::error::Error for CodeError {}

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

/// The written form of a code whose symbol values after the `T` are
/// `symbols`: `T`, the version symbol, `-`, then groups of five.
fn spell(symbols: &[u8]) -> String {
    // Written a byte at a time: a workshop spells thousands of codes.
    let mut code = Vec::with_capacity(1 + symbols.len() * (GROUP + 1) / GROUP + 1);
    code.push(MARK as u8);
    for (i, &value) in symbols.iter().enumerate() {
        // The version symbol closes the prefix; groups of five follow it.
        if i >= 1 && (i - 1) % GROUP == 0 {
            code.push(b'-');
        }
        code.push(ALPHABET[usize::from(value & 31)]);
    }
    // Every byte is ASCII, so this is never empty for want of UTF-8.
    String::from_utf8(code).unwrap_or_default()
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

/// Finds the code in pasted text and returns that part, trimmed.
///
/// A link is recognised by its `#`: the code is the value of the `r=`
/// parameter in the fragment, where parameters are separated by `&`, `?` or
/// `/` (so `https://example.org/tandem/#r=T1ABC` and `…/#/results?r=T1ABC&x=1`
/// both give `T1ABC`). A fragment without `r=`, or text without `#`, is
/// returned whole (trimmed), so [`decode`] can say what is wrong with it.
/// Always returns a part of `text`, never fails.
pub fn find_code(text: &str) -> &str {
    let text = text.trim();
    let Some((_, fragment)) = text.split_once('#') else {
        return text;
    };
    fragment
        .split(['&', '?', '/', '#'])
        .find_map(|part| part.strip_prefix("r=").or_else(|| part.strip_prefix("R=")))
        .map_or(text, str::trim)
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

/// Checks the frame of a code and returns its payload bits: the bits between
/// the version symbol and the tail, padding included.
fn read_frame(text: &str) -> Result<Frame, CodeError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(CodeError::TooLong);
    }
    let symbols = symbols(find_code(text))?;
    // The version symbol and the tail are the least any code has.
    if symbols.len() < 1 + TAIL_SYMBOLS {
        return Err(CodeError::Incomplete);
    }
    let bits = symbols.len() * SYMBOL_BITS;
    // Packed a symbol at a time: `pending` holds the bits not yet written
    // in its lowest `filled` bits (fewer than 64).
    let mut words = Vec::with_capacity(bits.div_ceil(64));
    let (mut pending, mut filled) = (0u64, 0);
    for &value in &symbols {
        let value = u64::from(value);
        if filled + SYMBOL_BITS < 64 {
            pending = pending << SYMBOL_BITS | value;
            filled += SYMBOL_BITS;
        } else {
            // The word fills up: what fits ends it, the rest starts the next.
            let spill = filled + SYMBOL_BITS - 64;
            words.push(pending << (SYMBOL_BITS - spill) | value >> spill);
            pending = value & ((1 << spill) - 1);
            filled = spill;
        }
    }
    if filled > 0 {
        words.push(pending << (64 - filled));
    }
    let body = 0..bits - CHECKSUM_BITS;
    let checksum = Reader::over(&words, body.end..bits).read(CHECKSUM_BITS)?;
    if crc16_of_symbols(&symbols, body.end) != checksum as u16 {
        return Err(CodeError::Checksum);
    }
    let length = body.end - LENGTH_BITS;
    // The stated length counts the `T` as well.
    if Reader::over(&words, length..body.end).read(LENGTH_BITS)? as usize
        != (symbols.len() + 1) % 16
    {
        return Err(CodeError::Checksum);
    }
    match Reader::over(&words, 0..SYMBOL_BITS).read(SYMBOL_BITS)? as u8 {
        version @ 1..=VERSION => Ok(Frame {
            version,
            symbols,
            words,
            payload: SYMBOL_BITS..length,
        }),
        0 => Err(CodeError::Damaged),
        version => Err(CodeError::NewerVersion { version }),
    }
}

/// A code whose frame checked out: its bits, packed most significant first,
/// and where the payload lies among them (between the version symbol and the
/// tail, padding included).
struct Frame {
    /// The format version, from 1 to [`VERSION`].
    version: u8,
    /// The symbol values after the `T`.
    symbols: Vec<u8>,
    words: Vec<u64>,
    payload: std::ops::Range<usize>,
}

impl Frame {
    fn payload(&self) -> Reader<'_> {
        Reader::over(&self.words, self.payload.clone())
    }
}

/// The symbol values after the leading `T`, skipping separators.
fn symbols(code: &str) -> Result<Vec<u8>, CodeError> {
    if let Some(values) = ascii_symbols(code) {
        return Ok(values);
    }
    let mut chars = code.chars().enumerate().filter(|&(_, c)| !is_separator(c));
    match chars.next() {
        None => return Err(CodeError::Empty),
        Some((_, c)) if c.eq_ignore_ascii_case(&MARK) => {}
        Some(_) => return Err(CodeError::NotTandem),
    }
    let mut values = Vec::with_capacity(code.len());
    for (position, character) in chars {
        values.push(symbol_value(character).ok_or(CodeError::BadCharacter {
            character,
            position,
        })?);
    }
    Ok(values)
}

/// [`symbols`] for the usual case, a well-formed code in ASCII, a byte at a
/// time; `None` for anything else, which the character-wise reading then
/// explains.
fn ascii_symbols(code: &str) -> Option<Vec<u8>> {
    let mut bytes = code
        .bytes()
        .filter(|&b| b != b'-' && !b.is_ascii_whitespace());
    if !bytes.next()?.eq_ignore_ascii_case(&(MARK as u8)) {
        return None;
    }
    let mut values = Vec::with_capacity(code.len());
    for byte in bytes {
        let value = *SYMBOL_VALUES.get(usize::from(byte))?;
        if value == NOT_A_SYMBOL {
            return None;
        }
        values.push(value);
    }
    Some(values)
}

/// Characters people and messengers put into codes without meaning anything.
fn is_separator(c: char) -> bool {
    c == '-' || c.is_whitespace()
}

/// The value of one symbol, reading lower case and Crockford's aliases.
fn symbol_value(c: char) -> Option<u8> {
    let value = *SYMBOL_VALUES.get(usize::try_from(u32::from(c)).ok()?)?;
    (value != NOT_A_SYMBOL).then_some(value)
}

/// Marks a character that is not in [`ALPHABET`].
const NOT_A_SYMBOL: u8 = u8::MAX;

/// The value of each ASCII character as a symbol: the inverse of
/// [`ALPHABET`], in either case, with Crockford's aliases (`O` for `0`, `I`
/// and `L` for `1`).
const SYMBOL_VALUES: [u8; 128] = {
    let mut values = [NOT_A_SYMBOL; 128];
    let mut value = 0;
    while value < ALPHABET.len() {
        let symbol = ALPHABET[value];
        values[symbol as usize] = value as u8;
        values[symbol.to_ascii_lowercase() as usize] = value as u8;
        value += 1;
    }
    values[b'O' as usize] = 0;
    values[b'o' as usize] = 0;
    values[b'I' as usize] = 1;
    values[b'i' as usize] = 1;
    values[b'L' as usize] = 1;
    values[b'l' as usize] = 1;
    values
};

/// The role's number in a code; fixed here rather than taken from the order
/// roles are offered in, so reordering the screen never changes old codes.
fn role_value(role: Role) -> u32 {
    match role {
        Role::Hr => 1,
        Role::LearningAndDevelopment => 2,
        Role::Leadership => 3,
        Role::LineManager => 4,
        Role::Other => 5,
    }
}

fn role_from(value: u32) -> Option<Role> {
    Some(match value {
        1 => Role::Hr,
        2 => Role::LearningAndDevelopment,
        3 => Role::Leadership,
        4 => Role::LineManager,
        5 => Role::Other,
        _ => return None,
    })
}

/// An answer's number in a code; 0 is left for "not answered".
fn answer_value(answer: Answer) -> u32 {
    match answer {
        Answer::DontKnow => 6,
        Answer::NotApplicable => 7,
        scale => scale.agreement().map_or(0, u32::from),
    }
}

fn answer_from(value: u32) -> Option<Answer> {
    match value {
        6 => Some(Answer::DontKnow),
        7 => Some(Answer::NotApplicable),
        // The scale in order, so its place gives its agreement (1 to 5).
        scale => Answer::AGREEMENT
            .get(scale.checked_sub(1)? as usize)
            .copied(),
    }
}

/// CRC-16/CCITT-FALSE over a sequence of bits, most significant first; over
/// whole bytes it equals the usual byte-wise CRC (`"123456789"` gives `0x29B1`).
fn crc16(bits: impl Iterator<Item = bool>) -> u16 {
    bits.fold(0xFFFF_u16, crc16_step)
}

/// [`crc16`] of the first `bits` bits of `symbols` (five bits each, most
/// significant first), a whole symbol at a time where it can: this is the
/// check every pasted code goes through.
fn crc16_of_symbols(symbols: &[u8], bits: usize) -> u16 {
    let whole = bits / SYMBOL_BITS;
    let crc = symbols[..whole]
        .iter()
        .fold(0xFFFF_u16, |crc, &symbol| crc16_symbol(crc, symbol));
    let rest = bits % SYMBOL_BITS;
    match symbols.get(whole) {
        Some(&symbol) if rest > 0 => crc16_top_bits(crc, symbol, rest),
        _ => crc,
    }
}

/// [`crc16`] after one more whole symbol.
fn crc16_symbol(crc: u16, symbol: u8) -> u16 {
    /// The change five bits make: entry `i` is the register after shifting
    /// five zero bits through `i` placed at its top.
    const STEP: [u16; 32] = {
        let mut table = [0u16; 32];
        let mut i = 0;
        while i < 32 {
            let mut crc = (i as u16) << 11;
            let mut bit = 0;
            while bit < SYMBOL_BITS {
                crc = if crc & 0x8000 != 0 {
                    (crc << 1) ^ 0x1021
                } else {
                    crc << 1
                };
                bit += 1;
            }
            table[i] = crc;
            i += 1;
        }
        table
    };
    (crc << SYMBOL_BITS) ^ STEP[usize::from((crc >> 11) as u8 ^ symbol) & 0x1F]
}

/// [`crc16`] after the top `bits` bits of one more symbol.
fn crc16_top_bits(mut crc: u16, symbol: u8, bits: usize) -> u16 {
    for i in 0..bits {
        crc = crc16_step(crc, (symbol >> (SYMBOL_BITS - 1 - i)) & 1 == 1);
    }
    crc
}

fn crc16_step(crc: u16, bit: bool) -> u16 {
    let feedback = (crc & 0x8000 != 0) != bit;
    let shifted = crc << 1;
    if feedback {
        shifted ^ 0x1021
    } else {
        shifted
    }
}

/// Bits being written, most significant first.
#[derive(Default)]
struct Bits(Vec<bool>);

impl Bits {
    /// Appends the low `count` bits of `value`.
    fn push(&mut self, value: u32, count: usize) {
        self.0
            .extend((0..count).rev().map(|i| (value >> i) & 1 == 1));
    }

    /// Appends `bits` and zero bits up to a whole symbol.
    fn push_padded(&mut self, bits: &[bool]) {
        self.0.extend_from_slice(bits);
        let padding = (SYMBOL_BITS - bits.len() % SYMBOL_BITS) % SYMBOL_BITS;
        self.0.extend(std::iter::repeat_n(false, padding));
    }
}

/// Reads bits from untrusted input: running out is an error, never a panic.
struct Reader<'a> {
    words: &'a [u64],
    /// The next bit to read, counted from the first bit of the first word.
    next: usize,
    end: usize,
}

impl<'a> Reader<'a> {
    /// Reads bits `range` of `words` (most significant first); the range
    /// must lie within them.
    fn over(words: &'a [u64], range: std::ops::Range<usize>) -> Self {
        debug_assert!(range.end <= words.len() * 64);
        Reader {
            words,
            next: range.start,
            end: range.end,
        }
    }

    fn bit(&self, index: usize) -> bool {
        (self.words[index / 64] >> (63 - index % 64)) & 1 == 1
    }

    /// The bits not yet read, without reading them.
    fn bits(&self) -> impl Iterator<Item = bool> + '_ {
        (self.next..self.end).map(|index| self.bit(index))
    }

    /// The next `count` bits (at most 32) as a number.
    fn read(&mut self, count: usize) -> Result<u32, CodeError> {
        if count > 32 || count > self.end - self.next {
            return Err(CodeError::Damaged);
        }
        if count == 0 {
            return Ok(0);
        }
        // The 64 bits from the next one on: the rest of its word, topped up
        // from the word after it. (In plain 64-bit words: wider shifts are
        // calls in WebAssembly, and this runs for every answer in a room.)
        let (word, offset) = (self.next / 64, self.next % 64);
        let mut window = self.words[word] << offset;
        if offset > 0 {
            window |= self
                .words
                .get(word + 1)
                .map_or(0, |next| next >> (64 - offset));
        }
        self.next += count;
        Ok((window >> (64 - count)) as u32)
    }

    /// What is left must be the zero padding of the last symbol.
    fn finish(self) -> Result<(), CodeError> {
        if self.end - self.next < SYMBOL_BITS && self.bits().all(|bit| !bit) {
            Ok(())
        } else {
            Err(CodeError::Damaged)
        }
    }
}
