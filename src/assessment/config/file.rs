//! A checked configuration ([`Config`]): what the rest of the app reads from
//! it, and what a site's own configuration admits from elsewhere
//! ([`Config::admits`]). `read` is how one is made from a file's text.

use super::languages::{find, Translations};
use super::policy::{Links, Part, Policy};
use super::{Colours, Logo};
use crate::assessment::bank::{self, Bank};
use crate::assessment::language::{Key, Language};
use crate::assessment::link::Link;
use crate::assessment::untrusted::{self, Place, Problem, Why};
use crate::assessment::workshop::DEFAULT_ANONYMITY_THRESHOLD;
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
    /// The title, intro and closing in other languages.
    pub(super) translations: Translations,
    pub(super) contact: Option<Link>,
    pub(super) anonymity_threshold: usize,
    pub(super) host_messages: HostMessages,
    /// The landing page keeps its tools for consultants (a configuration
    /// file to import, the builder) under this configuration.
    pub(super) consultant_tools: bool,
    /// The language respondents get unless they or the link choose
    /// another (`language::Preferences`).
    pub(super) language: Option<Language>,
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
    /// No configuration: Tandem's own look and words, asking `bank`.
    pub fn plain(bank: &Bank) -> Config {
        Config {
            organisation: None,
            title: None,
            logo: None,
            colours: Colours::default(),
            intro: Vec::new(),
            closing: Vec::new(),
            translations: Translations::default(),
            contact: None,
            anonymity_threshold: DEFAULT_ANONYMITY_THRESHOLD,
            host_messages: HostMessages::default(),
            consultant_tools: false,
            language: None,
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
            && self.translations.is_empty()
            && self.contact.is_none()
            && self.anonymity_threshold == DEFAULT_ANONYMITY_THRESHOLD
            && self.host_messages == HostMessages::default()
            && !self.consultant_tools
            && self.language.is_none()
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

    /// The title in `language`: the configuration's in that language, its
    /// own, or the bank's.
    pub fn title_in(&self, language: Language) -> &str {
        self.title_over(&self.bank, language)
    }

    /// The intro in `language`, where the configuration gives it, or its own.
    pub fn intro_in(&self, language: Language) -> &[String] {
        find(&self.translations.intro, language).unwrap_or(&self.intro)
    }

    /// The closing words in `language`, where the configuration gives them,
    /// or its own.
    pub fn closing_in(&self, language: Language) -> &[String] {
        find(&self.translations.closing, language).unwrap_or(&self.closing)
    }

    /// The title, intro and closing in other languages.
    pub fn translations(&self) -> &Translations {
        &self.translations
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

    /// Whether the landing page shows the tools for consultants (a
    /// configuration file to import, the builder) under this configuration:
    /// its respondents otherwise see the client, not the consultant's tools.
    pub fn shows_consultant_tools(&self) -> bool {
        self.consultant_tools
    }

    /// The language the configuration gives respondents, if it names one.
    pub fn language(&self) -> Option<Language> {
        self.language
    }

    /// The assessment's title over `bank` (the bank in the reader's
    /// language) for a reader of `language`: the configuration's in that
    /// language or its own, or the bank's.
    pub fn title_over<'a>(&'a self, bank: &'a Bank, language: Language) -> &'a str {
        match &self.title {
            Some(own) => find(&self.translations.title, language).unwrap_or(own),
            None => bank.title(),
        }
    }

    /// The bank to ask: the configuration's own or the default one, with only
    /// the chosen dimensions. Its fingerprint follows that content, so result
    /// codes made under this configuration read only under the same questions.
    pub fn bank(&self) -> &Bank {
        &self.bank
    }

    /// The bank the configuration brings, whole, with its translations;
    /// `None` when it asks the default one.
    pub fn own_bank(&self) -> Option<&Bank> {
        self.own_bank.as_ref()
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
pub(super) fn holds_none(text: &str) -> bool {
    text.trim_start_matches('\u{feff}').trim() == "null"
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
            || self.translations != other.translations
            || self.contact != other.contact
            || self.consultant_tools != other.consultant_tools
            || self.language != other.language;
        [
            (Part::Branding, branding),
            // The whole bank, not its fingerprint, which leaves out who
            // does each practice.
            (Part::Questions, self.bank != other.bank),
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
                Links::Refuse => {
                    problems.push(Problem::new(
                        Place::Link,
                        Why::new(Key::PROBLEM_LINK_REFUSED),
                    ));
                }
                Links::Only(allowed) => {
                    let names: Vec<String> = allowed.iter().map(|p| p.name().to_owned()).collect();
                    let why = match names.is_empty() {
                        true => Why::new(Key::PROBLEM_LINK_REFUSED),
                        false => Why::new(Key::PROBLEM_LINK_ONLY).list("parts", names),
                    };
                    for part in offered.parts_changed(self) {
                        if !allowed.contains(&part) {
                            problems.push(Problem::new(
                                Place::Path(part.name().to_owned()),
                                why.clone(),
                            ));
                        }
                    }
                }
            }
        }
        match self.policy.floor {
            Some(floor) if offered.anonymity_threshold < floor => problems.push(Problem::new(
                Place::Path("anonymity_threshold".to_owned()),
                Why::new(Key::PROBLEM_SITE_FLOOR)
                    .number("threshold", offered.anonymity_threshold)
                    .number("floor", floor),
            )),
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
