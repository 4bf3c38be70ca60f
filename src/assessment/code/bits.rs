//! A code's bits: written one field at a time for [`encode`](super::encode),
//! and read back from a pasted code, its frame checked first (the stated
//! length, the checksum, the version) and then its payload, by a reader that
//! fails, never panics, when the bits run out.

use super::alphabet::{find_code, symbols, MAX_INPUT_BYTES};
use super::checksum::crc16_of_symbols;
use super::error::CodeError;
use super::layout::{CHECKSUM_BITS, LENGTH_BITS, SYMBOL_BITS, TAIL_SYMBOLS, VERSION};

/// Bits being written, most significant first.
#[derive(Default)]
pub(super) struct Bits(pub(super) Vec<bool>);

impl Bits {
    /// Appends the low `count` bits of `value`.
    pub(super) fn push(&mut self, value: u32, count: usize) {
        self.0
            .extend((0..count).rev().map(|i| (value >> i) & 1 == 1));
    }

    /// Appends `bits` and zero bits up to a whole symbol.
    pub(super) fn push_padded(&mut self, bits: &[bool]) {
        self.0.extend_from_slice(bits);
        let padding = (SYMBOL_BITS - bits.len() % SYMBOL_BITS) % SYMBOL_BITS;
        self.0.extend(std::iter::repeat_n(false, padding));
    }
}

/// Checks the frame of a code and returns its payload bits: the bits between
/// the version symbol and the tail, padding included.
pub(super) fn read_frame(text: &str) -> Result<Frame, CodeError> {
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
pub(super) struct Frame {
    /// The format version, from 1 to [`VERSION`].
    pub(super) version: u8,
    /// The symbol values after the `T`.
    pub(super) symbols: Vec<u8>,
    words: Vec<u64>,
    payload: std::ops::Range<usize>,
}

impl Frame {
    /// A reader over the payload, from its first bit.
    pub(super) fn payload(&self) -> Reader<'_> {
        Reader::over(&self.words, self.payload.clone())
    }
}

/// Reads bits from untrusted input: running out is an error, never a panic.
pub(super) struct Reader<'a> {
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
    pub(super) fn read(&mut self, count: usize) -> Result<u32, CodeError> {
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
    pub(super) fn finish(self) -> Result<(), CodeError> {
        if self.end - self.next < SYMBOL_BITS && self.bits().all(|bit| !bit) {
            Ok(())
        } else {
            Err(CodeError::Damaged)
        }
    }
}
