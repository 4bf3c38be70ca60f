//! What a site's own `tandem.config.json` lets configurations from elsewhere
//! do: which parts a link may change, and the smallest anonymity threshold
//! any of them may choose.

use super::Config;
use crate::assessment::untrusted::{At, Problem, Problems};
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

impl Config {
    /// What a site's own file lets other configurations do (the default for
    /// any other configuration).
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The parts in which this configuration differs from `other`, in
    /// [`Part`] order: what using it instead of `other` changes.
    pub fn parts_changed(&self, other: &Config) -> Vec<Part> {
        let branding = self.organisation != other.organisation
            || self.title != other.title
            || self.logo != other.logo
            || self.colours != other.colours
            || self.intro != other.intro
            || self.closing != other.closing
            || self.contact != other.contact;
        [
            (Part::Branding, branding),
            (
                Part::Questions,
                self.bank.fingerprint() != other.bank.fingerprint(),
            ),
            (
                Part::Threshold,
                self.anonymity_threshold != other.anonymity_threshold,
            ),
            (
                Part::HostMessages,
                self.host_messages != other.host_messages,
            ),
        ]
        .into_iter()
        .filter_map(|(part, changed)| changed.then_some(part))
        .collect()
    }

    /// Whether this site ([`Config::policy`]) lets `offered`, arriving from
    /// a link when `from_link`, be used instead of this configuration: the
    /// problems that stop it, none when it may be offered to the person.
    pub fn admits(&self, offered: &Config, from_link: bool) -> Vec<Problem> {
        let mut problems = Vec::new();
        if from_link {
            match &self.policy.links {
                Links::Ask => {}
                Links::Refuse => problems.push(Problem {
                    location: "link".to_owned(),
                    reason: "this site does not take configurations from links; ask whoever \
                             runs it for the address of the configuration you need"
                        .to_owned(),
                }),
                Links::Only(allowed) => {
                    for part in offered.parts_changed(self) {
                        if !allowed.contains(&part) {
                            problems.push(Problem {
                                location: part.name().to_owned(),
                                reason: format!(
                                    "this site lets a link change only {}",
                                    names(allowed)
                                ),
                            });
                        }
                    }
                }
            }
        }
        match self.policy.floor {
            Some(floor) if offered.anonymity_threshold < floor => problems.push(Problem {
                location: "anonymity_threshold".to_owned(),
                reason: format!(
                    "is {}, below this site's smallest of {floor}: groups this small could be \
                     recognised",
                    offered.anonymity_threshold
                ),
            }),
            _ => {}
        }
        problems
    }

    /// The smallest anonymity threshold a workshop may choose under this
    /// site's file: its `anonymity_floor`, or 1.
    pub fn threshold_floor(&self) -> usize {
        self.policy.floor.unwrap_or(1)
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

/// Part names as a sentence lists them: "questions and threshold".
fn names(parts: &[Part]) -> String {
    match parts {
        [] => "nothing".to_owned(),
        [one] => one.name().to_owned(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(|p| p.name()).collect();
            format!("{} and {}", rest.join(", "), last.name())
        }
    }
}
