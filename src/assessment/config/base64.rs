//! Base64 (RFC 4648) in the two spellings a configuration uses: base64url
//! without padding for a configuration carried in a link (section 5), and
//! the standard alphabet with padding for a logo embedded as a `data:` URL
//! (section 4), the only one browsers read there. Written out because it is
//! sixty lines, and the app needs nothing else of a general base64 crate.

/// Which of the two spellings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alphabet {
    /// `-` and `_` for 62 and 63, no padding: safe in an address as it is.
    Url,
    /// `+` and `/` for 62 and 63, padded with `=` to a multiple of four.
    Standard,
}

impl Alphabet {
    fn symbols(self) -> &'static [u8; 64] {
        match self {
            Alphabet::Url => b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
            Alphabet::Standard => {
                b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
            }
        }
    }

    fn value(self, symbol: u8) -> Option<u32> {
        let (sixty_two, sixty_three) = match self {
            Alphabet::Url => (b'-', b'_'),
            Alphabet::Standard => (b'+', b'/'),
        };
        Some(u32::from(match symbol {
            b'A'..=b'Z' => symbol - b'A',
            b'a'..=b'z' => symbol - b'a' + 26,
            b'0'..=b'9' => symbol - b'0' + 52,
            _ if symbol == sixty_two => 62,
            _ if symbol == sixty_three => 63,
            _ => return None,
        }))
    }
}

/// The length of `bytes` once encoded.
pub fn encoded_len(bytes: usize, alphabet: Alphabet) -> usize {
    match alphabet {
        Alphabet::Url => bytes / 3 * 4 + [0, 2, 3][bytes % 3],
        Alphabet::Standard => bytes.div_ceil(3) * 4,
    }
}

/// Appends `bytes`, encoded, to `out`.
pub fn encode_into(bytes: &[u8], alphabet: Alphabet, out: &mut String) {
    let symbols = alphabet.symbols();
    for chunk in bytes.chunks(3) {
        let group = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &b)| acc | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(symbols[(group >> (18 - 6 * i) & 63) as usize]));
        }
        if alphabet == Alphabet::Standard {
            for _ in chunk.len()..3 {
                out.push('=');
            }
        }
    }
}

/// The bytes `text` encodes, or the position (from 0) of the first
/// character that cannot be there. Unused bits of the last symbol must be
/// zero and the standard spelling must be padded, so every byte string has
/// exactly one spelling.
pub fn decode(text: &str, alphabet: Alphabet) -> Result<Vec<u8>, usize> {
    let mut symbols = text.as_bytes();
    if alphabet == Alphabet::Standard {
        if symbols.len() % 4 != 0 {
            return Err(symbols.len());
        }
        let padding = symbols
            .iter()
            .rev()
            .take(2)
            .take_while(|&&b| b == b'=')
            .count();
        symbols = &symbols[..symbols.len() - padding];
    }
    if symbols.len() % 4 == 1 {
        return Err(symbols.len() - 1);
    }
    let mut bytes = Vec::with_capacity(symbols.len() / 4 * 3 + 2);
    for (c, chunk) in symbols.chunks(4).enumerate() {
        let mut group = 0u32;
        for (i, &symbol) in chunk.iter().enumerate() {
            group |= alphabet.value(symbol).ok_or(4 * c + i)? << (18 - 6 * i);
        }
        let whole = chunk.len() - 1;
        if group & ((1 << (24 - 8 * whole)) - 1) != 0 {
            return Err(4 * c + chunk.len() - 1);
        }
        bytes.extend((0..whole).map(|i| (group >> (16 - 8 * i)) as u8));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_spellings_round_trip_every_length() {
        let bytes: Vec<u8> = (0..=255).collect();
        for alphabet in [Alphabet::Url, Alphabet::Standard] {
            for len in 0..40 {
                let mut text = String::new();
                encode_into(&bytes[200 - len..200], alphabet, &mut text);
                assert_eq!(text.len(), encoded_len(len, alphabet));
                assert_eq!(decode(&text, alphabet).unwrap(), &bytes[200 - len..200]);
            }
        }
    }

    #[test]
    fn the_standard_spelling_is_padded_and_keeps_its_symbols() {
        let mut text = String::new();
        encode_into(&[0xfb, 0xff], Alphabet::Standard, &mut text);
        assert_eq!(text, "+/8=");
        assert_eq!(decode("+/8", Alphabet::Standard), Err(3));
        assert_eq!(decode("-_8=", Alphabet::Standard), Err(0));
        assert_eq!(decode("+/8=", Alphabet::Url), Err(0));
        // A second spelling of the same bytes is refused at its last symbol.
        assert_eq!(decode("+/9=", Alphabet::Standard), Err(2));
        assert_eq!(decode("QQ=A", Alphabet::Standard), Err(2));
    }
}
