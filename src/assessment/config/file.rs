//! A checked configuration ([`Config`]): the ways to get one from a file's
//! text, and what the rest of the app reads from it.

use super::policy::{Policy, SITE_FIELDS};
use super::read::read;
use super::{Colours, Logo};
use crate::assessment::bank::{self, Bank};
use crate::assessment::link::Link;
use crate::assessment::untrusted::{self, Problem, Problems};
use crate::assessment::workshop::DEFAULT_ANONYMITY_THRESHOLD;
use serde_json::Value;
use std::fmt;

/// Largest configuration file accepted, in bytes: room for the largest bank
/// ([`bank::MAX_BANK_BYTES`]) and the branding around it.
pub const MAX_CONFIG_BYTES: usize = bank::MAX_BANK_BYTES + 50_000;
/// The configuration format this Tandem reads.
pub const FORMAT_VERSION: u64 = 1;
/// The names of [`HostMessages`] in a configuration, in declaration order.
pub(super) const HOST_MESSAGE_NAMES: &[&str] = &["level", "level-and-scores"];

/// A checked configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub(super) organisation: Option<String>,
    pub(super) title: Option<String>,
    pub(super) logo: Option<Logo>,
    pub(super) colours: Colours,
    pub(super) intro: Vec<String>,
    pub(super) closing: Vec<String>,
    pub(super) contact: Option<Link>,
    pub(super) anonymity_threshold: usize,
    pub(super) host_messages: HostMessages,
    /// What the site lets other configurations do; only a site's own file
    /// sets it.
    pub(super) policy: Policy,
    /// The bank the configuration brings, whole; `None` for the default one.
    pub(super) own_bank: Option<Bank>,
    /// The bank asked: the configuration's own or the default one, with only
    /// the chosen dimensions.
    pub(super) bank: Bank,
}

/// What an embedded Tandem tells the page around it when an assessment is
/// completed. Answers themselves are never sent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HostMessages {
    /// The overall level only (`"level"`).
    #[default]
    Level,
    /// The overall level and every dimension's score (`"level-and-scores"`).
    LevelAndScores,
}

/// Why a configuration was refused: every problem found, each with where it
/// is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// The problems, in the order of the documented format.
    pub problems: Vec<Problem>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        untrusted::write_problems(f, &self.problems)
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Reads the `tandem.config.json` a site serves beside the app: `None`
    /// when it holds `null`, which is what the build ships (a site without a
    /// configuration of its own then answers the app's request with a file,
    /// not an error); otherwise as [`Config::parse`].
    pub fn site_file(json: &str, default_bank: &Bank) -> Result<Option<Config>, ConfigError> {
        if holds_none(json) {
            return Ok(None);
        }
        Config::read_text(json, default_bank, true).map(Some)
    }

    /// Reads a configuration from JSON and checks every rule; reports all
    /// problems at once, each with its location. `default_bank` is the bank
    /// asked when the configuration brings none of its own (the standard
    /// one, in the app). Never panics, whatever the text.
    pub fn parse(json: &str, default_bank: &Bank) -> Result<Config, ConfigError> {
        Config::read_text(json, default_bank, false)
    }

    /// A configuration from a link or a file, read over the site's own
    /// (`site`: the text of its `tandem.config.json`, which was accepted):
    /// what it leaves out stays the site's, so it changes only what it says.
    /// Its own `bank` replaces the site's choice of `dimensions`, unless it
    /// chooses dimensions too. Otherwise as [`Config::parse`].
    pub fn parse_over(
        json: &str,
        site: Option<&str>,
        default_bank: &Bank,
    ) -> Result<Config, ConfigError> {
        let value = json_of(json)?;
        let base =
            site.and_then(|text| serde_json::from_str(text.trim_start_matches('\u{feff}')).ok());
        let value = match (value, base) {
            (Value::Object(own), Some(Value::Object(mut base))) => {
                for field in SITE_FIELDS {
                    base.remove(*field);
                }
                if own.contains_key("bank") && !own.contains_key("dimensions") {
                    base.remove("dimensions");
                }
                base.extend(own);
                Value::Object(base)
            }
            (value, _) => value,
        };
        Config::checked(&value, default_bank, false)
    }

    /// [`Config::parse`], or with `site` what a site serves beside the app,
    /// which alone may hold a [`Policy`].
    fn read_text(json: &str, default_bank: &Bank, site: bool) -> Result<Config, ConfigError> {
        Config::checked(&json_of(json)?, default_bank, site)
    }

    /// The configuration `value` describes, if it has no problem at all.
    fn checked(value: &Value, default_bank: &Bank, site: bool) -> Result<Config, ConfigError> {
        let mut problems = Problems::default();
        match read(&mut problems, value, default_bank, site) {
            Some(config) if problems.count() == 0 => Ok(config),
            _ => Err(ConfigError {
                problems: problems.into_list(),
            }),
        }
    }

    /// No configuration: Tandem's own look and words, asking `bank`.
    pub fn plain(bank: &Bank) -> Config {
        Config {
            organisation: None,
            title: None,
            logo: None,
            colours: Colours::default(),
            intro: Vec::new(),
            closing: Vec::new(),
            contact: None,
            anonymity_threshold: DEFAULT_ANONYMITY_THRESHOLD,
            host_messages: HostMessages::default(),
            policy: Policy::default(),
            own_bank: None,
            bank: bank.clone(),
        }
    }

    /// Whether this configuration changes anything: branding, words, the
    /// questions or the threshold.
    pub fn is_plain(&self, default_bank: &Bank) -> bool {
        self.organisation.is_none()
            && self.title.is_none()
            && self.logo.is_none()
            && self.colours == Colours::default()
            && self.intro.is_empty()
            && self.closing.is_empty()
            && self.contact.is_none()
            && self.anonymity_threshold == DEFAULT_ANONYMITY_THRESHOLD
            && self.host_messages == HostMessages::default()
            && self.bank.fingerprint() == default_bank.fingerprint()
    }

    /// The client organisation's name, if given.
    pub fn organisation(&self) -> Option<&str> {
        self.organisation.as_deref()
    }

    /// The assessment's title: the configuration's, or the bank's.
    pub fn title(&self) -> &str {
        self.title.as_deref().unwrap_or(self.bank.title())
    }

    /// The logo, if given.
    pub fn logo(&self) -> Option<&Logo> {
        self.logo.as_ref()
    }

    /// The brand colours given.
    pub fn colours(&self) -> &Colours {
        &self.colours
    }

    /// Paragraphs shown before the assessment starts; none if not given.
    pub fn intro(&self) -> &[String] {
        &self.intro
    }

    /// Paragraphs shown with the results; none if not given.
    pub fn closing(&self) -> &[String] {
        &self.closing
    }

    /// Where respondents can reach the consultant, if given.
    pub fn contact(&self) -> Option<&Link> {
        self.contact.as_ref()
    }

    /// The workshop's anonymity threshold, [`DEFAULT_ANONYMITY_THRESHOLD`]
    /// unless given.
    pub fn anonymity_threshold(&self) -> usize {
        self.anonymity_threshold
    }

    /// What an embedded Tandem may tell its host page.
    pub fn host_messages(&self) -> HostMessages {
        self.host_messages
    }

    /// The bank to ask: the configuration's own or the default one, with only
    /// the chosen dimensions. Its fingerprint follows that content, so result
    /// codes made under this configuration read only under the same questions.
    pub fn bank(&self) -> &Bank {
        &self.bank
    }
}

impl HostMessages {
    /// Whether dimension scores go to the host page as well as the level.
    pub fn includes_scores(self) -> bool {
        self == HostMessages::LevelAndScores
    }
}

/// A mark of what a site serves as `tandem.config.json` (`None`: nothing,
/// or `null`): a configuration kept from a link records the mark of the
/// site's file it was chosen over, so that a change to that file is never
/// hidden by it.
pub fn site_mark(text: Option<&str>) -> String {
    match text {
        Some(text) if !holds_none(text) => bank::Fingerprint::of(text).to_string(),
        _ => "none".to_owned(),
    }
}

/// Whether a site's `tandem.config.json` says "no configuration": `null`,
/// as the build ships it.
fn holds_none(text: &str) -> bool {
    text.trim_start_matches('\u{feff}').trim() == "null"
}

/// A configuration file's text as JSON, within [`MAX_CONFIG_BYTES`].
fn json_of(text: &str) -> Result<Value, ConfigError> {
    untrusted::read_json(text, MAX_CONFIG_BYTES, "a configuration").map_err(|problem| ConfigError {
        problems: vec![problem],
    })
}
