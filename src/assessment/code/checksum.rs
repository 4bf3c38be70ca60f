//! The checksum that catches a typo before anything is scored.
//!
//! The checksum is CRC-16/CCITT-FALSE (polynomial `0x1021`, initial value
//! `0xFFFF`, no reflection, no final XOR), computed bit by bit over every bit
//! after the `T` up to the checksum itself. A CRC-16 detects every error burst
//! of up to 16 bits; one changed symbol changes at most 5 adjacent bits, so
//! every single-symbol typo is caught. A symbol added or left out before the
//! last four changes the length the code states about itself; one added or
//! left out among the last four leaves the payload one symbol too long or too
//! short for the bank, which [`decode`](super::decode) refuses. Either way
//! nothing is scored.

use super::layout::SYMBOL_BITS;

/// CRC-16/CCITT-FALSE over a sequence of bits, most significant first; over
/// whole bytes it equals the usual byte-wise CRC (`"123456789"` gives `0x29B1`).
pub(super) fn crc16(bits: impl Iterator<Item = bool>) -> u16 {
    bits.fold(0xFFFF_u16, crc16_step)
}

/// [`crc16`] of the first `bits` bits of `symbols` (five bits each, most
/// significant first), a whole symbol at a time where it can: this is the
/// check every pasted code goes through.
pub(super) fn crc16_of_symbols(symbols: &[u8], bits: usize) -> u16 {
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
pub(super) fn crc16_symbol(crc: u16, symbol: u8) -> u16 {
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
pub(super) fn crc16_top_bits(mut crc: u16, symbol: u8, bits: usize) -> u16 {
    for i in 0..bits {
        crc = crc16_step(crc, (symbol >> (SYMBOL_BITS - 1 - i)) & 1 == 1);
    }
    crc
}

/// [`crc16`] after one more bit.
fn crc16_step(crc: u16, bit: bool) -> u16 {
    let feedback = (crc & 0x8000 != 0) != bit;
    let shifted = crc << 1;
    if feedback {
        shifted ^ 0x1021
    } else {
        shifted
    }
}
