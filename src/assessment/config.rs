//! A consultant's configuration: the client's name, logo, colours and words,
//! which dimensions to ask, the workshop's anonymity threshold, what an
//! embedded Tandem may tell its host page, and optionally a question bank of
//! the consultant's own.
//!
//! The file is untrusted: [`Config::parse`] is the only way to get a
//! [`Config`], it reports every problem at once with its location, and what it
//! returns can be used as is. Text is plain text, shown as written and never
//! read as HTML; links pass the shared allowlist ([`Link`]); the logo is an
//! image path beside the app; colours are hex values for a fixed set of roles,
//! each set as a CSS custom property. The format, with a complete example, is
//! described in the README ("Configure Tandem for a client").

use super::bank::{self, Bank, DimensionId};
use super::link::Link;
use super::saved::MAX_THRESHOLD;
use super::untrusted::{self, shown, At, Problem, Problems, TextRule};
use super::workshop::DEFAULT_ANONYMITY_THRESHOLD;
use serde_json::Value;
use std::fmt;
use std::str::FromStr;

/// Largest configuration file accepted, in bytes: room for the largest bank
/// ([`bank::MAX_BANK_BYTES`]) and the branding around it.
pub const MAX_CONFIG_BYTES: usize = bank::MAX_BANK_BYTES + 50_000;
/// The configuration format this Tandem reads.
pub const FORMAT_VERSION: u64 = 1;
/// Longest organisation name, in characters.
pub const MAX_ORGANISATION: usize = 80;
/// Longest assessment title, in characters.
pub const MAX_TITLE: usize = 120;
/// Longest intro or closing text, in characters.
pub const MAX_PROSE: usize = 2_000;
/// Longest logo path, in characters.
pub const MAX_LOGO_PATH: usize = 200;
/// Smallest anonymity threshold a configuration may set: a group of one is
/// one person's answers. (A facilitator can still change it in the room.)
pub const MIN_THRESHOLD: usize = 2;

const CONFIG_FIELDS: &[&str] = &[
    "version",
    "organisation",
    "title",
    "logo",
    "colours",
    "intro",
    "closing",
    "contact",
    "anonymity_threshold",
    "host_messages",
    "bank",
    "dimensions",
];
/// The fields only a site's own `tandem.config.json` may hold: what it lets
/// configurations from elsewhere do ([`Policy`]).
const SITE_FIELDS: &[&str] = &["links", "anonymity_floor"];
/// The names of [`Part`]s in a site's `links`, in declaration order.
const PART_NAMES: &[&str] = &["branding", "questions", "threshold", "host_messages"];
const COLOUR_FIELDS: &[&str] = &["accent", "accent_text", "background", "text"];
/// The names of [`HostMessages`] in a configuration, in declaration order.
const HOST_MESSAGE_NAMES: &[&str] = &["level", "level-and-scores"];

/// A checked configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    organisation: Option<String>,
    title: Option<String>,
    logo: Option<Logo>,
    colours: Colours,
    intro: Vec<String>,
    closing: Vec<String>,
    contact: Option<Link>,
    anonymity_threshold: usize,
    host_messages: HostMessages,
    /// What the site lets other configurations do; only a site's own file
    /// sets it.
    policy: Policy,
    /// The bank the configuration brings, whole; `None` for the default one.
    own_bank: Option<Bank>,
    /// The bank asked: the configuration's own or the default one, with only
    /// the chosen dimensions.
    bank: Bank,
}

/// The brand colours, each optional; what is left out keeps Tandem's own.
///
/// Colours come in pairs that are drawn on each other: `accent` with
/// `accent_text` (buttons), `text` with `background` (the page). A pair is
/// given whole or not at all, so a configured colour never meets a default
/// one it was not checked against (the defaults change with the reader's
/// light or dark setting), and every pair given has a contrast of at least
/// 4.5:1, as has `accent` on `background` when both are given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Colours {
    /// Buttons, links, outlines and the current step.
    pub accent: Option<Colour>,
    /// Text on accent-coloured buttons.
    pub accent_text: Option<Colour>,
    /// The page behind everything.
    pub background: Option<Colour>,
    /// Body text.
    pub text: Option<Colour>,
}

/// An sRGB colour, read from `#rgb` or `#rrggbb` and written as `#rrggbb`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Colour([u8; 3]);

/// A text is not a colour Tandem accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ColourError;

/// The logo: a path to a PNG, JPEG or WebP image in the app's folder or
/// below it, such as `branding/logo.png`, kept as written.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Logo(String);

/// Why a logo path was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogoError {
    /// Nothing there.
    Empty,
    /// Longer than [`MAX_LOGO_PATH`].
    TooLong,
    /// Starts with `//`, which points at another site.
    OtherSite,
    /// Has a `:`: a web address, a `data:` or `javascript:` URL.
    Address,
    /// Has a `\`, which browsers read as `/`.
    Backslash,
    /// Starts with `/`, which leaves the app's folder.
    Absolute,
    /// Has a `..` step, which leaves the app's folder.
    Up,
    /// Has a character other than letters, digits, `-`, `_`, `.` and `/`,
    /// or an empty or `.` step.
    Characters,
    /// An SVG image, which can carry script.
    Svg,
    /// Not a `.png`, `.jpg`, `.jpeg` or `.webp` file.
    Format,
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
        let value =
            untrusted::read_json(json, MAX_CONFIG_BYTES, "a configuration").map_err(|problem| {
                ConfigError {
                    problems: vec![problem],
                }
            })?;
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
        let mut problems = Problems::default();
        match read(&mut problems, &value, default_bank, false) {
            Some(config) if problems.count() == 0 => Ok(config),
            _ => Err(ConfigError {
                problems: problems.into_list(),
            }),
        }
    }

    /// [`Config::parse`], or with `site` what a site serves beside the app,
    /// which alone may hold a [`Policy`].
    fn read_text(json: &str, default_bank: &Bank, site: bool) -> Result<Config, ConfigError> {
        let value =
            untrusted::read_json(json, MAX_CONFIG_BYTES, "a configuration").map_err(|problem| {
                ConfigError {
                    problems: vec![problem],
                }
            })?;
        let mut problems = Problems::default();
        match read(&mut problems, &value, default_bank, site) {
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

/// Tandem's own page background in its light palette (`styles/app.css`),
/// which a configured accent is drawn on when no background is given.
const TANDEM_BACKGROUND: Colour = Colour([0xf7, 0xf8, 0xfa]);
/// Tandem's own accent in its light palette, drawn on a configured
/// background when no accent is given.
const TANDEM_ACCENT: Colour = Colour([0x1f, 0x5f, 0xa8]);
/// The CSS custom properties a configuration may set, in the order of
/// [`Colours::custom_properties`].
pub const CUSTOM_PROPERTIES: [&str; 6] = [
    "--colour-primary",
    "--colour-primary-text",
    "--colour-background",
    "--colour-text",
    "--colour-surface",
    "--colour-muted",
];

/// Which of Tandem's palettes the page keeps for everything a configuration
/// does not colour (borders, focus, errors, levels).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Light,
    Dark,
}

impl Colours {
    /// Every CSS custom property a configuration may set on the app's root
    /// element ([`CUSTOM_PROPERTIES`]), with the colour it sets there, or
    /// `None` to keep Tandem's own. Cards and panels take the page's
    /// background, and secondary text the body text, so that every text a
    /// configuration colours is drawn on a colour it was checked against.
    pub fn custom_properties(&self) -> [(&'static str, Option<Colour>); 6] {
        let values = [
            self.accent,
            self.accent_text,
            self.background,
            self.text,
            self.background,
            self.text,
        ];
        let mut properties = [("", None); 6];
        for (i, value) in values.into_iter().enumerate() {
            properties[i] = (CUSTOM_PROPERTIES[i], value);
        }
        properties
    }

    /// The palette the rest of the page keeps: none for no colours (the
    /// reader's light or dark setting decides); with colours, the one that
    /// matches the background (Tandem's light one when none is given).
    pub fn scheme(&self) -> Option<Scheme> {
        if *self == Colours::default() {
            return None;
        }
        // WCAG's luminance below 0.18 is nearer black than white.
        match self.background {
            Some(background) if background.luminance() < 180_000 => Some(Scheme::Dark),
            _ => Some(Scheme::Light),
        }
    }
}

impl FromStr for Colour {
    type Err = ColourError;

    fn from_str(text: &str) -> Result<Colour, ColourError> {
        let digits = text.strip_prefix('#').ok_or(ColourError)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(ColourError);
        }
        let value = |range: std::ops::Range<usize>| {
            u8::from_str_radix(&digits[range], 16).map_err(|_| ColourError)
        };
        match digits.len() {
            // `#abc` is `#aabbcc`.
            3 => Ok(Colour([
                value(0..1)? * 17,
                value(1..2)? * 17,
                value(2..3)? * 17,
            ])),
            6 => Ok(Colour([value(0..2)?, value(2..4)?, value(4..6)?])),
            _ => Err(ColourError),
        }
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

impl fmt::Display for ColourError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("must be a hex colour: # and 3 or 6 hex digits, such as #1f5fa8")
    }
}

impl std::error::Error for ColourError {}

/// `LINEAR[v]` is the sRGB channel value `v` (0 to 255) made linear, in
/// millionths: `c / 12.92` up to `c = 0.04045`, `((c + 0.055) / 1.055)^2.4`
/// above, with `c = v / 255` (WCAG 2's definition). A table, because the
/// power function would add more to the app than these 1 KB; a test checks
/// every entry against the formula.
const LINEAR: [u32; 256] = [
    0, 304, 607, 911, 1214, 1518, 1821, 2125, 2428, 2732, 3035, 3347, 3677, 4025, 4391, 4777, 5182,
    5605, 6049, 6512, 6995, 7499, 8023, 8568, 9134, 9721, 10330, 10960, 11612, 12286, 12983, 13702,
    14444, 15209, 15996, 16807, 17642, 18500, 19382, 20289, 21219, 22174, 23153, 24158, 25187,
    26241, 27321, 28426, 29557, 30713, 31896, 33105, 34340, 35601, 36889, 38204, 39546, 40915,
    42311, 43735, 45186, 46665, 48172, 49707, 51269, 52861, 54480, 56128, 57805, 59511, 61246,
    63010, 64803, 66626, 68478, 70360, 72272, 74214, 76185, 78187, 80220, 82283, 84376, 86500,
    88656, 90842, 93059, 95307, 97587, 99899, 102242, 104616, 107023, 109462, 111932, 114435,
    116971, 119538, 122139, 124772, 127438, 130136, 132868, 135633, 138432, 141263, 144128, 147027,
    149960, 152926, 155926, 158961, 162029, 165132, 168269, 171441, 174647, 177888, 181164, 184475,
    187821, 191202, 194618, 198069, 201556, 205079, 208637, 212231, 215861, 219526, 223228, 226966,
    230740, 234551, 238398, 242281, 246201, 250158, 254152, 258183, 262251, 266356, 270498, 274677,
    278894, 283149, 287441, 291771, 296138, 300544, 304987, 309469, 313989, 318547, 323143, 327778,
    332452, 337164, 341914, 346704, 351533, 356400, 361307, 366253, 371238, 376262, 381326, 386429,
    391572, 396755, 401978, 407240, 412543, 417885, 423268, 428690, 434154, 439657, 445201, 450786,
    456411, 462077, 467784, 473531, 479320, 485150, 491021, 496933, 502886, 508881, 514918, 520996,
    527115, 533276, 539479, 545724, 552011, 558340, 564712, 571125, 577580, 584078, 590619, 597202,
    603827, 610496, 617207, 623960, 630757, 637597, 644480, 651406, 658375, 665387, 672443, 679542,
    686685, 693872, 701102, 708376, 715694, 723055, 730461, 737910, 745404, 752942, 760525, 768151,
    775822, 783538, 791298, 799103, 806952, 814847, 822786, 830770, 838799, 846873, 854993, 863157,
    871367, 879622, 887923, 896269, 904661, 913099, 921582, 930111, 938686, 947307, 955973, 964686,
    973445, 982251, 991102, 1000000,
];

/// The sRGB transfer function as [`LINEAR`] tabulates it, for the test that
/// checks the table.
#[doc(hidden)]
pub fn linear_table() -> &'static [u32; 256] {
    &LINEAR
}

impl Colour {
    /// The red, green and blue values, 0 to 255.
    pub fn rgb(self) -> [u8; 3] {
        self.0
    }

    /// Relative luminance (WCAG 2) in millionths, 0 (black) to 1,000,000
    /// (white).
    fn luminance(self) -> u64 {
        let [r, g, b] = self.0.map(|v| u64::from(LINEAR[usize::from(v)]));
        (2126 * r + 7152 * g + 722 * b) / 10_000
    }

    /// The contrast ratio with `other` (WCAG 2), in tenths, rounded down:
    /// 45 for 4.5:1. From 10 (the same luminance) to 210 (black on white).
    pub fn contrast_tenths(self, other: Colour) -> u64 {
        let (a, b) = (self.luminance() + 50_000, other.luminance() + 50_000);
        10 * a.max(b) / a.min(b)
    }
}

/// The contrast text needs against what it is drawn on (WCAG 2, level AA).
const MIN_CONTRAST_TENTHS: u64 = 45;

impl FromStr for Logo {
    type Err = LogoError;

    fn from_str(path: &str) -> Result<Logo, LogoError> {
        if path.is_empty() {
            return Err(LogoError::Empty);
        }
        if path.chars().count() > MAX_LOGO_PATH {
            return Err(LogoError::TooLong);
        }
        if path.starts_with("//") {
            return Err(LogoError::OtherSite);
        }
        if path.contains(':') {
            return Err(LogoError::Address);
        }
        if path.contains('\\') {
            return Err(LogoError::Backslash);
        }
        if path.starts_with('/') {
            return Err(LogoError::Absolute);
        }
        if path.split('/').any(|step| step == "..") {
            return Err(LogoError::Up);
        }
        let plain = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.');
        if path
            .split('/')
            .any(|step| step.is_empty() || step == "." || !step.bytes().all(plain))
        {
            return Err(LogoError::Characters);
        }
        let extension = path
            .rsplit_once('.')
            .map(|(_, extension)| extension.to_ascii_lowercase())
            .unwrap_or_default();
        match extension.as_str() {
            "png" | "jpg" | "jpeg" | "webp" => Ok(Logo(path.to_owned())),
            "svg" | "svgz" => Err(LogoError::Svg),
            _ => Err(LogoError::Format),
        }
    }
}

impl Logo {
    /// The path as written, relative to the app's page.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for LogoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LogoError::Empty => "is empty",
            LogoError::TooLong => "is too long (at most 200 characters)",
            LogoError::OtherSite => {
                "must not start with //, which points at another site; put the image beside the app and give its path, such as branding/logo.png"
            }
            LogoError::Address => {
                "must be the path of an image beside the app, such as branding/logo.png, not a web address or a data: or javascript: URL"
            }
            LogoError::Backslash => "must use / between folders, not \\",
            LogoError::Absolute => {
                "must be relative to the app's folder, without a leading /, such as branding/logo.png"
            }
            LogoError::Up => "must not step out of the app's folder with ..",
            LogoError::Characters => {
                "may only use letters, digits, -, _ and . in names, with / between folders"
            }
            LogoError::Svg => "must not be an SVG image, which can carry script; use PNG, JPEG or WebP",
            LogoError::Format => "must be a PNG, JPEG or WebP image (.png, .jpg, .jpeg or .webp)",
        })
    }
}

impl std::error::Error for LogoError {}

impl HostMessages {
    /// Whether dimension scores go to the host page as well as the level.
    pub fn includes_scores(self) -> bool {
        self == HostMessages::LevelAndScores
    }
}

const ORGANISATION: TextRule = TextRule {
    max: MAX_ORGANISATION,
    multiline: false,
};
const TITLE: TextRule = TextRule {
    max: MAX_TITLE,
    multiline: false,
};
const PROSE: TextRule = TextRule {
    max: MAX_PROSE,
    multiline: true,
};

/// Reads the whole configuration, noting every problem.
fn read(problems: &mut Problems, value: &Value, default_bank: &Bank, site: bool) -> Option<Config> {
    let at = &At::File;
    // A site's file has fields of its own; anywhere else they are named as
    // such, not as unknown, and read no further.
    let site_fields = |map: &serde_json::Map<String, Value>| {
        SITE_FIELDS.iter().any(|field| map.contains_key(*field))
    };
    let without;
    let value = match value {
        Value::Object(map) if !site && site_fields(map) => {
            let mut map = map.clone();
            for field in SITE_FIELDS {
                if map.remove(*field).is_some() {
                    problems.add(
                        at.field(field),
                        "can be set only in the tandem.config.json beside the app, by whoever hosts it",
                    );
                }
            }
            without = Value::Object(map);
            &without
        }
        value => value,
    };
    let fields: Vec<&str> = if site {
        CONFIG_FIELDS.iter().chain(SITE_FIELDS).copied().collect()
    } else {
        CONFIG_FIELDS.to_vec()
    };
    let map = problems.object(at, value, "a configuration", &fields)?;
    let links = problems.optional_field(at, map, "links", Links::Ask, read_links);
    let floor = problems.optional_field(at, map, "anonymity_floor", None, |p, at, v| {
        p.whole(at, v, MIN_THRESHOLD as u32..=MAX_THRESHOLD as u32)
            .map(|n| Some(n as usize))
    });
    problems.optional_field(at, map, "version", (), read_version);
    let organisation = problems.optional_field(at, map, "organisation", None, |p, at, v| {
        p.text(at, v, ORGANISATION).map(Some)
    });
    let title = problems.optional_field(at, map, "title", None, |p, at, v| {
        p.text(at, v, TITLE).map(Some)
    });
    let logo = problems.optional_field(at, map, "logo", None, |p, at, v| {
        parsed::<Logo>(p, at, v).map(Some)
    });
    let colours = problems.optional_field(at, map, "colours", Colours::default(), read_colours);
    let intro = problems.optional_field(at, map, "intro", Vec::new(), |p, at, v| {
        p.text(at, v, PROSE).map(|text| paragraphs(&text))
    });
    let closing = problems.optional_field(at, map, "closing", Vec::new(), |p, at, v| {
        p.text(at, v, PROSE).map(|text| paragraphs(&text))
    });
    let contact = problems.optional_field(at, map, "contact", None, |p, at, v| {
        parsed::<Link>(p, at, v).map(Some)
    });
    let anonymity_threshold = problems.optional_field(
        at,
        map,
        "anonymity_threshold",
        // A site's floor above the default raises the default with it.
        floor
            .flatten()
            .map_or(DEFAULT_ANONYMITY_THRESHOLD, |floor| {
                floor.max(DEFAULT_ANONYMITY_THRESHOLD)
            }),
        |p, at, v| {
            p.whole(at, v, MIN_THRESHOLD as u32..=MAX_THRESHOLD as u32)
                .map(|n| n as usize)
        },
    );
    let host_messages = problems.optional_field(
        at,
        map,
        "host_messages",
        HostMessages::default(),
        |p, at, v| {
            p.choice(at, v, HOST_MESSAGE_NAMES).map(|i| match i {
                0 => HostMessages::Level,
                _ => HostMessages::LevelAndScores,
            })
        },
    );
    let own_bank = problems.optional_field(at, map, "bank", None, |p, at, v| {
        let bank = bank::read(p, at, v)?;
        bank::check_own_id(p, at, &bank);
        Some(Some(bank))
    });
    let bank = match &own_bank {
        Some(Some(bank)) => Some(bank),
        Some(None) => Some(default_bank),
        // The configuration's own bank has problems: the dimensions cannot be
        // checked against it yet.
        None => None,
    };
    let bank = match map.get("dimensions").filter(|v| !v.is_null()) {
        None => bank.cloned(),
        Some(value) => {
            let chosen = read_dimensions(problems, &at.field("dimensions"), value, bank);
            bank.zip(chosen)
                .map(|(bank, chosen)| bank.with_dimensions(&chosen))
        }
    };
    Some(Config {
        organisation: organisation?,
        title: title?,
        logo: logo?,
        colours: colours?,
        intro: intro?,
        closing: closing?,
        contact: contact?,
        anonymity_threshold: anonymity_threshold?,
        host_messages: host_messages?,
        policy: Policy {
            links: links?,
            floor: floor?,
        },
        bank: bank?,
        own_bank: own_bank?,
    })
    .filter(|config| match config.policy.floor {
        Some(floor) if config.anonymity_threshold < floor => {
            problems.add(
                at.field("anonymity_threshold"),
                format_args!(
                    "is {}, below this file's own anonymity_floor of {floor}",
                    config.anonymity_threshold
                ),
            );
            false
        }
        _ => true,
    })
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

/// A site's `links`: `"ask"`, `"refuse"`, or the list of parts a link may
/// change.
fn read_links(problems: &mut Problems, at: &At, value: &Value) -> Option<Links> {
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

/// The format version: this one, or a newer one this Tandem cannot read.
fn read_version(problems: &mut Problems, at: &At, value: &Value) -> Option<()> {
    match value.as_u64() {
        Some(FORMAT_VERSION) => Some(()),
        Some(version) if version > FORMAT_VERSION => {
            problems.add(
                at,
                format_args!(
                    "is {version}: this configuration was made for a newer version of Tandem \
                     (this one reads format {FORMAT_VERSION}); use that newer version"
                ),
            );
            None
        }
        _ => {
            problems.add(at, format_args!("must be {FORMAT_VERSION}"));
            None
        }
    }
}

/// Text read through `T`'s own rules, its refusal noted as the reason.
fn parsed<T: FromStr>(problems: &mut Problems, at: &At, value: &Value) -> Option<T>
where
    T::Err: fmt::Display,
{
    let Value::String(text) = value else {
        problems.wrong_type(at, "text", value);
        return None;
    };
    text.parse()
        .map_err(|error: T::Err| problems.add(at, error))
        .ok()
}

fn read_colours(problems: &mut Problems, at: &At, value: &Value) -> Option<Colours> {
    let map = problems.object(at, value, "colours", COLOUR_FIELDS)?;
    let before = problems.count();
    let mut colour = |key| {
        problems
            .optional_field(at, map, key, None, |p, at, v| {
                parsed::<Colour>(p, at, v).map(Some)
            })
            .flatten()
    };
    let colours = Colours {
        accent: colour("accent"),
        accent_text: colour("accent_text"),
        background: colour("background"),
        text: colour("text"),
    };
    if problems.count() > before {
        return None;
    }
    check_pair(
        problems,
        at,
        ("accent_text", colours.accent_text),
        ("accent", colours.accent),
    );
    check_pair(
        problems,
        at,
        ("text", colours.text),
        ("background", colours.background),
    );
    // Buttons and links are drawn on the page: a configured accent on
    // Tandem's background, or Tandem's accent on a configured background.
    match (colours.accent, colours.background) {
        (Some(accent), Some(background)) => {
            check_contrast(
                problems,
                &at.field("accent"),
                accent,
                "background",
                background,
            );
        }
        (Some(accent), None) => check_contrast(
            problems,
            &at.field("accent"),
            accent,
            "Tandem's own background (#f7f8fa); give a background too",
            TANDEM_BACKGROUND,
        ),
        (None, Some(background)) => check_contrast(
            problems,
            &at.field("background"),
            background,
            "Tandem's own accent (#1f5fa8), used for buttons and links; give an accent too",
            TANDEM_ACCENT,
        ),
        (None, None) => {}
    }
    (problems.count() == before).then_some(colours)
}

/// Two colours drawn on each other, `colour` on `other`: both given or
/// neither, and readable.
fn check_pair(
    problems: &mut Problems,
    at: &At,
    (name, colour): (&str, Option<Colour>),
    (other_name, other): (&str, Option<Colour>),
) {
    match (colour, other) {
        (Some(colour), Some(other)) => {
            check_contrast(problems, &at.field(name), colour, other_name, other);
        }
        (None, Some(_)) => missing_partner(problems, at, name, other_name),
        (Some(_), None) => missing_partner(problems, at, other_name, name),
        (None, None) => {}
    }
}

fn missing_partner(problems: &mut Problems, at: &At, missing: &str, given: &str) {
    problems.add(
        at.field(missing),
        format_args!(
            "is missing: {given} and {missing} go together, so that Tandem can check that \
             text stays readable; give both or neither"
        ),
    );
}

fn check_contrast(
    problems: &mut Problems,
    at: &At,
    colour: Colour,
    other_name: &str,
    other: Colour,
) {
    let tenths = colour.contrast_tenths(other);
    if tenths < MIN_CONTRAST_TENTHS {
        problems.add(
            at,
            format_args!(
                "has too little contrast with {other_name} ({}.{}:1; at least 4.5:1 keeps text readable)",
                tenths / 10,
                tenths % 10
            ),
        );
    }
}

/// The chosen dimensions, each in `bank` (when it could be read), none twice,
/// at least one of them core.
fn read_dimensions(
    problems: &mut Problems,
    at: &At,
    value: &Value,
    bank: Option<&Bank>,
) -> Option<Vec<DimensionId>> {
    let items = problems.list(at, value)?;
    if items.is_empty() {
        problems.add(
            at,
            "must list at least one dimension; leave it out to ask all of them",
        );
        return None;
    }
    let before = problems.count();
    let mut chosen: Vec<DimensionId> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = at.item(i);
        let Some(id) = parsed::<String>(problems, &at, item) else {
            continue;
        };
        let id = DimensionId::from(id.as_str());
        if chosen.contains(&id) {
            problems.add(
                at,
                format_args!("lists `{}` a second time", shown(id.as_str())),
            );
        } else if bank.is_some_and(|bank| bank.dimension(&id).is_none()) {
            let known: Vec<&str> = bank
                .map(|bank| bank.dimensions().iter().map(|d| d.id.as_str()).collect())
                .unwrap_or_default();
            problems.add(
                at,
                format_args!(
                    "`{}` is not a dimension of the question bank in use; its dimensions are {}",
                    shown(id.as_str()),
                    known.join(", ")
                ),
            );
        } else {
            chosen.push(id);
        }
    }
    if problems.count() > before {
        return None;
    }
    let bank = bank?;
    if !chosen
        .iter()
        .any(|id| bank.dimension(id).is_some_and(|d| d.core))
    {
        let core: Vec<&str> = bank
            .dimensions()
            .iter()
            .filter(|d| d.core)
            .map(|d| d.id.as_str())
            .collect();
        problems.add(
            at,
            format_args!(
                "must include at least one core dimension (the quick assessment asks the core ones): {}",
                core.join(", ")
            ),
        );
        return None;
    }
    Some(chosen)
}

/// Plain text cut into paragraphs at blank lines; the lines of a paragraph
/// are joined with a space.
fn paragraphs(text: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

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
/// [`Config::parse`].
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

/// A configuration being written in the builder: every field as the person
/// typed it, so nothing they type is lost while it is still wrong. It becomes
/// a configuration file with [`Draft::to_json`], which [`Config::parse`]
/// checks like any other.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    /// The client organisation's name; left out when blank.
    pub organisation: String,
    /// The assessment's title; left out when blank.
    pub title: String,
    /// The logo's path; left out when blank.
    pub logo: String,
    /// `accent`, `accent_text`, `background` and `text`, each left out when
    /// blank.
    pub colours: [String; 4],
    /// The intro, paragraphs separated by a blank line; left out when blank.
    pub intro: String,
    /// The closing text, as the intro.
    pub closing: String,
    /// The contact link; left out when blank.
    pub contact: String,
    /// The anonymity threshold.
    pub anonymity_threshold: usize,
    /// What an embed may tell its host.
    pub host_messages: HostMessages,
    /// The dimensions to ask, by id; all when `None`.
    pub dimensions: Option<Vec<String>>,
    /// A question bank of the consultant's own, as JSON; the standard bank
    /// when blank.
    pub bank: String,
}

impl Draft {
    /// A draft holding `config`, to change it. The bank is written out only
    /// when it is not `default_bank`.
    pub fn of(config: &Config, default_bank: &Bank) -> Draft {
        let text = |value: Option<&str>| value.unwrap_or_default().to_owned();
        let colour = |colour: Option<Colour>| colour.map(|c| c.to_string()).unwrap_or_default();
        let colours = config.colours();
        let asked: Vec<String> = config
            .bank()
            .dimensions()
            .iter()
            .map(|d| d.id.to_string())
            .collect();
        let whole = config.own_bank.as_ref().unwrap_or(default_bank);
        let everything = asked.len() == whole.dimensions().len();
        Draft {
            organisation: text(config.organisation()),
            title: text(config.title.as_deref()),
            logo: text(config.logo().map(Logo::as_str)),
            colours: [
                colour(colours.accent),
                colour(colours.accent_text),
                colour(colours.background),
                colour(colours.text),
            ],
            intro: config.intro().join("\n\n"),
            closing: config.closing().join("\n\n"),
            contact: text(config.contact().map(Link::as_str)),
            anonymity_threshold: config.anonymity_threshold(),
            host_messages: config.host_messages(),
            dimensions: (!everything).then_some(asked),
            bank: config
                .own_bank
                .as_ref()
                .map(pretty_bank)
                .unwrap_or_default(),
        }
    }

    /// The configuration file this draft describes, laid out for people to
    /// read. Only a bank that is not JSON at all stops it from being
    /// written; that is reported like a problem in the file, at `bank`.
    pub fn to_json(&self) -> Result<String, ConfigError> {
        // A map of plain values: writing it cannot fail.
        self.to_value()
            .map(|value| serde_json::to_string_pretty(&value).unwrap_or_default())
    }

    /// The same configuration as compact JSON, the shortest for a link.
    pub fn to_compact_json(&self) -> Result<String, ConfigError> {
        self.to_value().map(|value| value.to_string())
    }

    fn to_value(&self) -> Result<Value, ConfigError> {
        let mut map = serde_json::Map::new();
        map.insert("version".to_owned(), Value::from(FORMAT_VERSION));
        let mut text = |key: &str, value: &str| {
            if !value.trim().is_empty() {
                map.insert(key.to_owned(), Value::from(value));
            }
        };
        text("organisation", &self.organisation);
        text("title", &self.title);
        text("logo", self.logo.trim());
        let mut colours = serde_json::Map::new();
        for (key, value) in COLOUR_FIELDS.iter().zip(&self.colours) {
            if !value.trim().is_empty() {
                colours.insert((*key).to_owned(), Value::from(value.trim()));
            }
        }
        if !colours.is_empty() {
            map.insert("colours".to_owned(), Value::Object(colours));
        }
        let mut text = |key: &str, value: &str| {
            if !value.trim().is_empty() {
                map.insert(key.to_owned(), Value::from(value));
            }
        };
        text("intro", &self.intro);
        text("closing", &self.closing);
        text("contact", self.contact.trim());
        map.insert(
            "anonymity_threshold".to_owned(),
            Value::from(self.anonymity_threshold),
        );
        map.insert(
            "host_messages".to_owned(),
            Value::from(HOST_MESSAGE_NAMES[self.host_messages as usize]),
        );
        if !self.bank.trim().is_empty() {
            let bank = untrusted::read_json(&self.bank, bank::MAX_BANK_BYTES, "a question bank")
                .map_err(|problem| ConfigError {
                    problems: vec![Problem {
                        location: format!("bank, {}", problem.location),
                        reason: problem.reason,
                    }],
                })?;
            map.insert("bank".to_owned(), bank);
        }
        if let Some(dimensions) = &self.dimensions {
            map.insert("dimensions".to_owned(), Value::from(dimensions.clone()));
        }
        Ok(Value::Object(map))
    }
}

/// A bank as the builder shows it for editing: its canonical JSON, indented.
pub fn pretty_bank(bank: &Bank) -> String {
    serde_json::from_str::<Value>(&bank.to_json())
        .and_then(|value| serde_json::to_string_pretty(&value))
        .unwrap_or_default()
}
