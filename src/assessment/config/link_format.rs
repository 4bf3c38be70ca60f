//! How a configuration travels in a link: `#config=` and its JSON in
//! base64url, and reading it back from an address.

use super::base64::{self, Alphabet};
use super::ConfigError;
use crate::assessment::language::Key;
use crate::assessment::untrusted::{Place, Problem, Why};

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
    let mut fragment =
        String::with_capacity(LINK_PREFIX.len() + base64::encoded_len(json.len(), Alphabet::Url));
    fragment.push_str(LINK_PREFIX);
    base64::encode_into(json.as_bytes(), Alphabet::Url, &mut fragment);
    fragment
}

/// The configuration's JSON text from a link's fragment (with or without
/// the `#`), or why it cannot be read. The text still has to pass
/// [`Config::parse`](super::Config::parse).
pub fn json_from_link(fragment: &str) -> Result<String, ConfigError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let refuse = |reason: Why| ConfigError {
        problems: vec![Problem::new(Place::Link, reason)],
    };
    let Some(encoded) = fragment.strip_prefix(LINK_PREFIX) else {
        return Err(refuse(
            Why::new(Key::PROBLEM_LINK_NONE).text("prefix", LINK_PREFIX),
        ));
    };
    if fragment.len() > MAX_LINK_CHARS {
        return Err(refuse(
            Why::new(Key::PROBLEM_LINK_TOO_LONG)
                .number("length", fragment.len())
                .number("max", MAX_LINK_CHARS),
        ));
    }
    let bytes = base64::decode(encoded, Alphabet::Url).map_err(|position| {
        refuse(Why::new(Key::PROBLEM_LINK_DAMAGED).number("at", position + 1))
    })?;
    String::from_utf8(bytes).map_err(|_| refuse(Why::new(Key::PROBLEM_LINK_NOT_TEXT)))
}
