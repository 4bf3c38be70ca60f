//! The alphabet a code is written in, and reading text into symbols the
//! forgiving way people need.
//!
//! Crockford base32, `0123456789ABCDEFGHJKMNPQRSTVWXYZ`: every symbol is in
//! the QR code's compact alphanumeric mode, and the letters that are easily
//! misread are left out. Reading is forgiving the way people are: case does
//! not matter, `-`, spaces and line breaks are ignored, and `O` is read as
//! `0`, `I` and `L` as `1`. A code may come inside a link ([`find_code`]);
//! text longer than [`MAX_INPUT_BYTES`] is never read.

use super::error::CodeError;

/// The symbols, in value order.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// The symbol every code starts with.
pub(super) const MARK: char = 'T';
/// Symbols per group in the written form; short groups are easier to compare.
const GROUP: usize = 5;

/// The written form of a code whose symbol values after the `T` are
/// `symbols`: `T`, the version symbol, `-`, then groups of five.
pub(super) fn spell(symbols: &[u8]) -> String {
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

/// Text longer than this many bytes is refused before any work: the longest
/// code for a realistic bank, even inside a long link, is well under it, and
/// it bounds the work a hostile paste can cause.
pub const MAX_INPUT_BYTES: usize = 2_000;

/// Finds the code in pasted text and returns that part, trimmed.
///
/// A link is recognised by its `#`: the code is the value of the `r=`
/// parameter in the fragment, where parameters are separated by `&`, `?` or
/// `/` (so `https://example.org/tandem/#r=T1ABC` and `…/#/results?r=T1ABC&x=1`
/// both give `T1ABC`). A fragment without `r=`, or text without `#`, is
/// returned whole (trimmed), so [`decode`](super::decode) can say what is wrong with it.
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

/// The symbol values after the leading `T`, skipping separators.
pub(super) fn symbols(code: &str) -> Result<Vec<u8>, CodeError> {
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
pub(super) const NOT_A_SYMBOL: u8 = u8::MAX;

/// The value of each ASCII character as a symbol: the inverse of
/// [`ALPHABET`], in either case, with Crockford's aliases (`O` for `0`, `I`
/// and `L` for `1`).
pub(super) const SYMBOL_VALUES: [u8; 128] = {
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
