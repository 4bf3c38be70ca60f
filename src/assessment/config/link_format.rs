//! How a configuration travels in a link: `#config=` and its JSON in
//! base64url, and reading it back from an address.

use super::ConfigError;
use crate::assessment::untrusted::Problem;

/// Longest configuration carried in a link, in characters after the `#`
/// (`config=` and the base64url text): room for a bank of about 75 KB. Some
/// mail programs cut long links; a larger configuration travels as a file.
pub const MAX_LINK_CHARS: usize = 100_000;
/// What starts a link's fragment that carries a configuration.
pub const LINK_PREFIX: &str = "config=";

/// The fragment (without `#`) of a link that carries the configuration
/// `json`: [`LINK_PREFIX`] and the JSON in base64url without padding, which
/// needs no further escaping in an address.
pub fn link_fragment(json: &str) -> String {
    let mut fragment = String::with_capacity(LINK_PREFIX.len() + json.len().div_ceil(3) * 4);
    fragment.push_str(LINK_PREFIX);
    base64url::encode_into(json.as_bytes(), &mut fragment);
    fragment
}

/// The configuration's JSON text from a link's fragment (with or without
/// the `#`), or why it cannot be read. The text still has to pass
/// [`Config::parse`](super::Config::parse).
pub fn json_from_link(fragment: &str) -> Result<String, ConfigError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let refuse = |reason: String| ConfigError {
        problems: vec![Problem {
            location: "link".to_owned(),
            reason,
        }],
    };
    let Some(encoded) = fragment.strip_prefix(LINK_PREFIX) else {
        return Err(refuse(format!(
            "does not carry a configuration (it should end in #{LINK_PREFIX}…)"
        )));
    };
    if fragment.len() > MAX_LINK_CHARS {
        return Err(refuse(format!(
            "is too long ({} characters after the #; at most {MAX_LINK_CHARS}); share the configuration as a file instead",
            fragment.len()
        )));
    }
    let bytes = base64url::decode(encoded).map_err(|position| {
        refuse(format!(
            "is damaged at character {} of the configuration (only letters, digits, - and _ belong there); copy the whole link again",
            position + 1
        ))
    })?;
    String::from_utf8(bytes).map_err(|_| {
        refuse(
            "is damaged: the configuration it carries is not text; copy the whole link again"
                .to_owned(),
        )
    })
}

/// Base64url without padding (RFC 4648, section 5), the one encoding a
/// configuration travels in. Written out because it is forty lines, and the
/// app needs nothing else of a general base64 crate.
mod base64url {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// Appends `bytes`, encoded, to `out`.
    pub fn encode_into(bytes: &[u8], out: &mut String) {
        for chunk in bytes.chunks(3) {
            let group = chunk
                .iter()
                .enumerate()
                .fold(0u32, |acc, (i, &b)| acc | u32::from(b) << (16 - 8 * i));
            for i in 0..=chunk.len() {
                out.push(char::from(ALPHABET[(group >> (18 - 6 * i) & 63) as usize]));
            }
        }
    }

    fn value(symbol: u8) -> Option<u32> {
        Some(u32::from(match symbol {
            b'A'..=b'Z' => symbol - b'A',
            b'a'..=b'z' => symbol - b'a' + 26,
            b'0'..=b'9' => symbol - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        }))
    }

    /// The bytes `text` encodes, or the position of the first character that
    /// cannot be there. Unused bits of the last symbol must be zero, so every
    /// byte string has exactly one spelling.
    pub fn decode(text: &str) -> Result<Vec<u8>, usize> {
        let symbols = text.as_bytes();
        if symbols.len() % 4 == 1 {
            return Err(symbols.len() - 1);
        }
        let mut bytes = Vec::with_capacity(symbols.len() / 4 * 3 + 2);
        for (c, chunk) in symbols.chunks(4).enumerate() {
            let mut group = 0u32;
            for (i, &symbol) in chunk.iter().enumerate() {
                group |= value(symbol).ok_or(4 * c + i)? << (18 - 6 * i);
            }
            let whole = chunk.len() - 1;
            if group & ((1 << (24 - 8 * whole)) - 1) != 0 {
                return Err(4 * c + chunk.len() - 1);
            }
            bytes.extend((0..whole).map(|i| (group >> (16 - 8 * i)) as u8));
        }
        Ok(bytes)
    }
}
