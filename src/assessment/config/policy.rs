//! What a site's own `tandem.config.json` lets configurations from elsewhere
//! do: which parts a link may change, and the smallest anonymity threshold
//! any of them may choose, and reading a site's `links`. The configuration
//! applies them (`Config::admits`).

use crate::assessment::untrusted::{At, Problems};
use serde_json::Value;

/// The fields only a site's own `tandem.config.json` may hold: what it lets
/// configurations from elsewhere do ([`Policy`]).
pub(super) const SITE_FIELDS: &[&str] = &["links", "anonymity_floor"];
/// The names of [`Part`]s in a site's `links`, in declaration order.
const PART_NAMES: &[&str] = &["branding", "questions", "threshold", "host_messages"];

/// What a site's own `tandem.config.json` lets configurations from
/// elsewhere do: those from a link (`links`), and those from a link or an
/// imported file (`anonymity_floor`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    /// What a link's configuration may change.
    pub links: Links,
    /// The smallest anonymity threshold any configuration, and the
    /// facilitator in the room, may choose here; `None` when the site sets
    /// none.
    pub floor: Option<usize>,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            links: Links::Ask,
            floor: None,
        }
    }
}

/// What a site lets a link's configuration do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Links {
    /// Anything, once the person has seen what it changes and chosen to use
    /// it (`"ask"`, the default).
    Ask,
    /// Nothing: links are not used (`"refuse"`).
    Refuse,
    /// Only these parts, and also after the person has chosen to use it (a
    /// list such as `["questions", "threshold"]`).
    Only(Vec<Part>),
}

/// A part of what a configuration sets, as a site's `links` names it and as
/// a person is shown what a configuration would change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The organisation's name, the title, logo, colours, words and contact.
    Branding,
    /// The questions asked: a bank of its own, or which dimensions.
    Questions,
    /// The workshop's anonymity threshold.
    Threshold,
    /// What an embedded Tandem tells the page around it.
    HostMessages,
}

impl Part {
    /// The part's name in a site's `links`.
    pub fn name(self) -> &'static str {
        PART_NAMES[self as usize]
    }
}

/// A site's `links`: `"ask"`, `"refuse"`, or the list of parts a link may
/// change.
pub(super) fn read_links(problems: &mut Problems, at: &At, value: &Value) -> Option<Links> {
    if let Value::Array(items) = value {
        let mut parts = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let index = problems.choice(&at.item(i), item, PART_NAMES)?;
            let part = [
                Part::Branding,
                Part::Questions,
                Part::Threshold,
                Part::HostMessages,
            ][index];
            if !parts.contains(&part) {
                parts.push(part);
            }
        }
        return Some(Links::Only(parts));
    }
    match problems.choice(at, value, &["ask", "refuse"])? {
        0 => Some(Links::Ask),
        _ => Some(Links::Refuse),
    }
}
