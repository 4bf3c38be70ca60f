//! Reading a configuration file ([`Config::parse`], [`Config::parse_over`],
//! [`Config::site_file`]): each field by its own rule, noting every problem
//! with its location rather than stopping at the first.

use super::colours::read_colours;
use super::file::{holds_none, ConfigError, HOST_MESSAGE_NAMES, MAX_CONFIG_BYTES};
use super::policy::{read_links, Links, Policy, SITE_FIELDS};
use super::{Colours, Config, HostMessages, Logo, Translations, FORMAT_VERSION};
use crate::assessment::bank::{self, Bank, DimensionId};
use crate::assessment::language::{Key, Language};
use crate::assessment::link::Link;
use crate::assessment::untrusted::{self, parsed, shown, At, Problems, TextRule, Why};
use crate::assessment::workshop::DEFAULT_ANONYMITY_THRESHOLD;
use serde_json::Value;

/// Longest organisation name, in characters.
pub const MAX_ORGANISATION: usize = 80;
/// Longest assessment title, in characters.
pub const MAX_TITLE: usize = 120;
/// Longest intro or closing text, in characters.
pub const MAX_PROSE: usize = 2_000;
/// Smallest anonymity threshold a configuration may set: a group of one is
/// one person's answers. (A facilitator can still change it in the room.)
pub const MIN_THRESHOLD: usize = 2;
/// The largest anonymity threshold the app offers: the most a configuration
/// may set, and the most a facilitator may choose in the room or a saved
/// workshop may hold.
pub const MAX_THRESHOLD: usize = 10;

/// The fields of a configuration, in the order of the documented format; a
/// site's own file may also hold [`SITE_FIELDS`].
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
    "consultant_tools",
    "language",
    "bank",
    "dimensions",
];

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
pub(super) fn read(
    problems: &mut Problems,
    value: &Value,
    default_bank: &Bank,
    site: bool,
) -> Option<Config> {
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
                    problems.add(at.field(field), Key::PROBLEM_HOST_ONLY);
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
    // The title, intro and closing may each come in several languages:
    // their defaults are read below as plain text always was.
    let mut plain = value.clone();
    let translations = take_translations(problems, at, &mut plain);
    let map = problems.object(at, &plain, &fields)?;
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
    let consultant_tools =
        problems.optional_field(at, map, "consultant_tools", false, |p, at, v| p.flag(at, v));
    let language = problems.optional_field(at, map, "language", None, |p, at, v| {
        let Some(tag) = v.as_str() else {
            p.wrong_type(at, Key::PROBLEM_KIND_LANGUAGE, v);
            return None;
        };
        match Language::from_tag(tag) {
            Some(language) => Some(Some(language)),
            None => {
                p.add(at, Language::unknown());
                None
            }
        }
    });
    let own_bank = problems.optional_field(at, map, "bank", None, |p, at, v| {
        let bank = bank::read_bank(p, at, v)?;
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
        translations,
        contact: contact?,
        anonymity_threshold: anonymity_threshold?,
        host_messages: host_messages?,
        consultant_tools: consultant_tools?,
        language: language?,
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
                Why::new(Key::PROBLEM_BELOW_FLOOR)
                    .number("threshold", config.anonymity_threshold)
                    .number("floor", floor),
            );
            false
        }
        _ => true,
    })
}

/// The format version: this one, or a newer one this Tandem cannot read.
fn read_version(problems: &mut Problems, at: &At, value: &Value) -> Option<()> {
    match value.as_u64() {
        Some(FORMAT_VERSION) => Some(()),
        Some(version) if version > FORMAT_VERSION => {
            problems.add(
                at,
                Why::new(Key::PROBLEM_FORMAT_NEWER)
                    .text("version", version.to_string())
                    .text("format", FORMAT_VERSION.to_string()),
            );
            None
        }
        _ => {
            problems.add(
                at,
                Why::new(Key::PROBLEM_FORMAT).text("format", FORMAT_VERSION.to_string()),
            );
            None
        }
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
        problems.add(at, Key::PROBLEM_DIMENSIONS_NONE);
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
                Why::new(Key::PROBLEM_DIMENSIONS_TWICE).text("id", shown(id.as_str())),
            );
        } else if bank.is_some_and(|bank| bank.dimension(&id).is_none()) {
            let known: Vec<&str> = bank
                .map(|bank| bank.dimensions().iter().map(|d| d.id.as_str()).collect())
                .unwrap_or_default();
            problems.add(
                at,
                Why::new(Key::PROBLEM_DIMENSIONS_UNKNOWN)
                    .text("id", shown(id.as_str()))
                    .text("known", known.join(", ")),
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
            Why::new(Key::PROBLEM_DIMENSIONS_NO_CORE).text("core", core.join(", ")),
        );
        return None;
    }
    Some(chosen)
}

/// Plain text cut into paragraphs at blank lines; the lines of a paragraph
/// are joined with a space.
/// The title, intro and closing of the configuration `value` in the
/// languages it gives beside their defaults, each checked by its field's
/// rule; `value` keeps their defaults in their place.
fn take_translations(problems: &mut Problems, at: &At, value: &mut Value) -> Translations {
    let Value::Object(map) = value else {
        return Translations::default();
    };
    let mut take = |key: &str, rule: TextRule| match map.get_mut(key) {
        Some(slot) => bank::take_languages(problems, &at.field(key), slot, rule),
        None => Vec::new(),
    };
    let in_paragraphs = |texts: Vec<(Language, String)>| -> Vec<(Language, Vec<String>)> {
        texts
            .into_iter()
            .map(|(language, text)| (language, paragraphs(&text)))
            .collect()
    };
    Translations {
        title: take("title", TITLE),
        intro: in_paragraphs(take("intro", PROSE)),
        closing: in_paragraphs(take("closing", PROSE)),
    }
}

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
}

/// A configuration file's text as JSON, within [`MAX_CONFIG_BYTES`].
fn json_of(text: &str) -> Result<Value, ConfigError> {
    untrusted::read_json(text, MAX_CONFIG_BYTES).map_err(|problem| ConfigError {
        problems: vec![problem],
    })
}
