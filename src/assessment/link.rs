//! Links that come from files people write, such as a consultant's contact
//! link: the one allowlist every part of Tandem uses before a link becomes an
//! `href`.
//!
//! Only `https:` and `mailto:` links are let through. Anything else could run
//! script (`javascript:`), carry a whole page (`data:`), travel unencrypted
//! (`http:`) or open a program (`file:`, `tel:`, custom schemes). Browsers
//! forgive a great deal when they read a link (they drop leading spaces and
//! tabs, ignore line breaks inside it, read the scheme in any case and take
//! `\` for `/`), so the check is strict where a browser is lenient: no white
//! space or control character anywhere, plain ASCII only (no look-alike
//! letters or invisible characters), and no backslash.

use super::language::Key;
use super::untrusted::Why;
use std::fmt;
use std::str::FromStr;

/// Longest link accepted, in bytes (a link is plain ASCII, so characters).
pub const MAX_LINK: usize = 500;

/// A link that is safe to put in an `href`: `https://host…` or
/// `mailto:address…`, as written.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Link(String);

/// Why a link was refused; its [`Why`] says it in plain words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// There is nothing there.
    Empty,
    /// Longer than [`MAX_LINK`].
    TooLong,
    /// A space, a tab, a line break or another control or white-space
    /// character somewhere in it.
    Spaces,
    /// A character outside plain ASCII, where look-alike letters and
    /// invisible characters can hide where the link goes.
    NotAscii,
    /// A backslash, which browsers read as `/` in web addresses.
    Backslash,
    /// `http:`, which is not encrypted.
    Unencrypted,
    /// Any scheme other than `https:` and `mailto:`, or none at all.
    Scheme,
    /// `https://` with no host after it.
    NoHost,
    /// A user name before the host (`https://bank.example@evil.example`),
    /// which hides where the link really goes.
    UserName,
    /// `mailto:` without an address.
    NoAddress,
}

impl From<LinkError> for Why {
    fn from(error: LinkError) -> Why {
        Why::new(match error {
            LinkError::Empty => Key::PROBLEM_EMPTY,
            LinkError::TooLong => return Why::new(Key::PROBLEM_TOO_LONG).number("max", MAX_LINK),
            LinkError::Spaces => Key::PROBLEM_ADDRESS_SPACES,
            LinkError::NotAscii => Key::PROBLEM_ADDRESS_NOT_ASCII,
            LinkError::Backslash => Key::PROBLEM_ADDRESS_BACKSLASH,
            LinkError::Unencrypted => Key::PROBLEM_ADDRESS_UNENCRYPTED,
            LinkError::Scheme => Key::PROBLEM_ADDRESS_SCHEME,
            LinkError::NoHost => Key::PROBLEM_ADDRESS_NO_HOST,
            LinkError::UserName => Key::PROBLEM_ADDRESS_USER_NAME,
            LinkError::NoAddress => Key::PROBLEM_ADDRESS_NO_ADDRESS,
        })
    }
}

impl FromStr for Link {
    type Err = LinkError;

    /// Accepts `https://` followed by a host, or `mailto:` followed by an
    /// address with an `@`; the scheme in any case. Never panics.
    fn from_str(text: &str) -> Result<Link, LinkError> {
        if text.is_empty() {
            return Err(LinkError::Empty);
        }
        if text.len() > MAX_LINK {
            return Err(LinkError::TooLong);
        }
        if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(LinkError::Spaces);
        }
        if !text.is_ascii() {
            return Err(LinkError::NotAscii);
        }
        if text.contains('\\') {
            return Err(LinkError::Backslash);
        }
        if let Some(rest) = strip_prefix_ignoring_case(text, "https://") {
            // The authority runs to the first `/`, `?` or `#`.
            let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
            if authority.contains('@') {
                return Err(LinkError::UserName);
            }
            if authority.is_empty() || authority.starts_with(':') {
                return Err(LinkError::NoHost);
            }
        } else if let Some(rest) = strip_prefix_ignoring_case(text, "mailto:") {
            let address = rest.split('?').next().unwrap_or_default();
            if !address.contains('@') || address.starts_with('@') || address.ends_with('@') {
                return Err(LinkError::NoAddress);
            }
        } else if strip_prefix_ignoring_case(text, "http:").is_some() {
            return Err(LinkError::Unencrypted);
        } else {
            return Err(LinkError::Scheme);
        }
        Ok(Link(text.to_owned()))
    }
}

/// `text` without `prefix`, when it starts with it in any case.
fn strip_prefix_ignoring_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

impl Link {
    /// The link as written, ready for an `href`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether it writes an email rather than opening a page.
    pub fn is_email(&self) -> bool {
        strip_prefix_ignoring_case(&self.0, "mailto:").is_some()
    }

    /// What to show as the link's text: the address for an email, the link
    /// itself otherwise.
    pub fn label(&self) -> &str {
        strip_prefix_ignoring_case(&self.0, "mailto:")
            .map(|rest| rest.split('?').next().unwrap_or(rest))
            .unwrap_or(&self.0)
    }
}

impl fmt::Display for Link {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
