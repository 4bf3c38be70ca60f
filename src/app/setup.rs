//! Which configuration the app runs under, where it came from, and every
//! event that changes it.
//!
//! A configuration can come from three places: a link that carries it
//! (`#config=…`), a file the person imported, and `tandem.config.json`
//! beside the app, put there by whoever hosts it. With none of them Tandem
//! runs as shipped.
//!
//! The site's own file always answers first, since it says what others may
//! do ([`Policy`](crate::assessment::config::Policy)): refuse links, let
//! them change only some parts, or set the smallest anonymity threshold. A
//! link's configuration is then never applied as it arrives: it is
//! [`Setup::offered`], showing what it changes, and used only when the
//! person chooses it. A configuration chosen from a link or a file is kept
//! for the next visit ([`Setup::chosen`]) with a mark of the site's file it
//! was chosen over; when that file has changed since, the kept one is
//! offered again instead of hiding the change. A configuration that cannot
//! be used changes nothing but [`Setup::refused`], which lists its
//! problems; the app goes on with what it had.
//!
//! The reducer only decides; the root component fetches the file, reads the
//! address and keeps [`Setup::chosen`] in storage.

use crate::assessment::config::{self, Config, Part};
use crate::assessment::language::Key;
use crate::assessment::saved::KeptConfig;
use crate::assessment::untrusted::{Place, Why};
use crate::assessment::{Bank, Problem};
use std::rc::Rc;
use yew::{AttrValue, Reducible};

/// Where the configuration in use came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// None: Tandem as shipped.
    Standard,
    /// `tandem.config.json` beside the app.
    File,
    /// A link or an imported file, now or on an earlier visit.
    Chosen,
}

/// Where a configuration that was not used came from, as the person knows
/// it; the notice words it in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// `tandem.config.json` beside the app.
    SiteFile,
    /// The link just opened.
    Link,
    /// The address of an embedded Tandem, which may not configure it.
    Embedded,
    /// The configuration kept from an earlier visit.
    Kept,
    /// A file the person imported, by its name.
    Imported(AttrValue),
}

/// A configuration that was not used, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// Where it came from.
    pub origin: Origin,
    /// Every problem found, each with its location.
    pub problems: Rc<[Problem]>,
}

/// A configuration waiting for the person to choose whether to use it.
#[derive(Clone, Debug, PartialEq)]
pub struct Offer {
    pub config: Rc<Config>,
    /// What using it would change, against the site's own configuration.
    pub changes: Vec<Part>,
    /// Kept from an earlier visit, and offered again because the site's own
    /// configuration changed since; otherwise from a link just opened.
    pub earlier: bool,
    kept: KeptConfig,
}

/// The configuration the app runs under.
#[derive(Clone, Debug, PartialEq)]
pub struct Setup {
    /// The configuration in use.
    pub config: Rc<Config>,
    pub source: Source,
    /// The configuration from a link or an import that this browser keeps
    /// for the next visit; `None` when none is.
    pub chosen: Option<KeptConfig>,
    /// The configuration in `tandem.config.json`, once read, to return to
    /// when the person stops using a chosen one.
    pub file: Option<Rc<Config>>,
    /// Whether the app knows which configuration to use: only once
    /// `tandem.config.json` has answered, so that the standard questions
    /// never flash before a client's own, and a link is judged by the
    /// site's own rules.
    pub ready: bool,
    /// The last configuration that could not be used.
    pub refused: Option<Refusal>,
    /// A configuration from a link (or kept from an earlier visit) waiting
    /// for the person to choose it or not.
    pub offered: Option<Offer>,
    /// The mark of the site's file ([`config::site_mark`]), once it answered.
    site_mark: Option<String>,
    /// The text of the site's file, when it holds a configuration Tandem
    /// accepted: what others are read over.
    site_text: Option<String>,
    /// Whether the site's own rules are known: not when its file could not
    /// be fetched or read, which must not let links in.
    site_known: bool,
    /// A link opened before the site's file answered.
    waiting_link: Option<String>,
    /// Tandem is embedded in another page, which may not configure it.
    embedded: bool,
}

/// Everything that can happen to the configuration.
#[derive(Clone, Debug, PartialEq)]
pub enum SetupAction {
    /// `tandem.config.json` answered: its text, or `None` when there is no
    /// such file (the usual case, and silent).
    FileLoaded(Option<String>),
    /// `tandem.config.json` could not be fetched, for the reason given.
    FileFailed(Why),
    /// Opened a link whose fragment carries a configuration (`config=…`).
    LinkOpened(String),
    /// Chose a configuration file to import: its name and text, or why it
    /// could not be read.
    Imported(String, Result<String, Why>),
    /// Chose to use the configuration offered.
    OfferAccepted,
    /// Chose not to use the configuration offered.
    OfferDeclined,
    /// Chose to stop using the configuration from a link or an import.
    ChosenDropped,
    /// Dismissed the list of a refused configuration's problems.
    RefusalClosed,
}

/// The standard bank, shared.
fn standard() -> &'static Bank {
    Bank::standard()
}

/// No link can carry the configuration in use: this site does not let links
/// bring it, so a link opens the site's own questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LinkRefused;

impl Setup {
    /// What a link to the assessment needs after `#` so that a
    /// participant's device asks the same questions under the same brand:
    /// `Ok(Some(fragment))` for a configuration from a link or a file that
    /// this site takes from links, `Ok(None)` when the address alone brings
    /// the configuration in use (the site's own, or Tandem's standard one),
    /// and `Err` when no link can carry it here.
    pub fn join_fragment(&self) -> Result<Option<AttrValue>, LinkRefused> {
        match (self.source, &self.chosen) {
            (Source::Chosen, Some(chosen)) => {
                if self.site().admits(&self.config, true).is_empty() {
                    Ok(Some(
                        crate::assessment::config::link_fragment(&chosen.kept).into(),
                    ))
                } else {
                    Err(LinkRefused)
                }
            }
            _ => Ok(None),
        }
    }

    /// The setup on opening the app: `link` is the address's configuration
    /// link (its fragment, `config=…`) when it has one, `kept` what storage
    /// keeps from an earlier visit, `embedded` whether another page frames
    /// Tandem.
    pub fn new(link: Option<&str>, kept: Option<String>, embedded: bool) -> Setup {
        let mut setup = Setup {
            config: Rc::new(Config::plain(standard())),
            source: Source::Standard,
            chosen: kept.as_deref().map(KeptConfig::decode),
            file: None,
            ready: false,
            refused: None,
            offered: None,
            site_mark: None,
            site_text: None,
            site_known: false,
            waiting_link: None,
            embedded,
        };
        if let Some(link) = link {
            setup.link_opened(link.to_owned());
        }
        setup
    }

    /// The site's own configuration: its file's, or Tandem as shipped.
    pub fn site(&self) -> Rc<Config> {
        self.file
            .clone()
            .unwrap_or_else(|| Rc::new(Config::plain(standard())))
    }

    fn link_opened(&mut self, fragment: String) {
        if self.embedded {
            self.refuse(
                Origin::Embedded,
                vec![Problem::new(
                    Place::Link,
                    Why::new(Key::PROBLEM_LINK_EMBEDDED),
                )],
            );
        } else if self.site_mark.is_none() {
            self.waiting_link = Some(fragment);
        } else {
            match config::json_from_link(&fragment) {
                Ok(text) => self.consider(
                    KeptConfig {
                        kept: text,
                        over: None,
                        link: true,
                    },
                    Origin::Link,
                    false,
                ),
                Err(error) => self.refuse(Origin::Link, error.problems),
            }
        }
    }

    /// Decides about a configuration from a link, an import or an earlier
    /// visit once the site's own is known: refused when it cannot be used
    /// or the site does not allow it; otherwise used at once when the person
    /// chose it already (an import, or a kept one the site's file has not
    /// changed under), and offered when not.
    fn consider(&mut self, arrived: KeptConfig, origin: Origin, chosen: bool) {
        if arrived.link && !self.site_known {
            return self.refuse(
                origin,
                vec![Problem::new(
                    Place::Link,
                    Why::new(Key::PROBLEM_LINK_UNKNOWN_SITE).text("file", FILE_NAME),
                )],
            );
        }
        let config = match Config::parse_over(&arrived.kept, self.site_text.as_deref(), standard())
        {
            Ok(config) => config,
            Err(error) => return self.refuse(origin, error.problems),
        };
        let site = self.site();
        let problems = site.admits(&config, arrived.link);
        if !problems.is_empty() {
            // A kept one the site no longer allows is not kept either.
            if chosen {
                self.chosen = None;
            }
            return self.refuse(origin, problems);
        }
        // Kept, and the site's file is the one it was chosen over (a kept
        // one without that mark is offered again, once); or imported just
        // now by the person.
        let use_now = if chosen {
            arrived.over.is_some() && arrived.over == self.site_mark
        } else {
            !arrived.link
        };
        if use_now {
            self.use_chosen(config, arrived);
        } else {
            self.offered = Some(Offer {
                changes: config.parts_changed(&site),
                config: Rc::new(config),
                earlier: chosen,
                kept: arrived,
            });
        }
    }

    /// Uses `config`, keeping `kept` for the next visit, marked with the
    /// site's file it was chosen over.
    fn use_chosen(&mut self, config: Config, mut kept: KeptConfig) {
        kept.over.clone_from(&self.site_mark);
        self.config = Rc::new(config);
        self.source = Source::Chosen;
        self.chosen = Some(kept);
        self.refused = None;
        self.offered = None;
    }

    fn refuse(&mut self, origin: Origin, problems: Vec<Problem>) {
        self.refused = Some(Refusal {
            origin,
            problems: problems.into(),
        });
    }

    /// The configuration to fall back on when no chosen one is in use.
    fn fall_back(&mut self) {
        match &self.file {
            Some(file) => {
                self.config = Rc::clone(file);
                self.source = Source::File;
            }
            None => {
                self.config = Rc::new(Config::plain(standard()));
                self.source = Source::Standard;
            }
        }
    }

    /// Once the site's file has answered (`file` and its `text` when it
    /// holds a configuration, its `mark`, and whether its rules are
    /// `known`): judges what was waiting for it.
    fn site_answered(&mut self, file: Option<(Config, String)>, mark: String, known: bool) {
        self.ready = true;
        self.site_mark = Some(mark);
        self.site_known = known;
        if let Some((file, text)) = file {
            self.file = Some(Rc::new(file));
            self.site_text = Some(text);
        }
        self.fall_back();
        if let Some(kept) = self.chosen.clone() {
            self.consider(kept, Origin::Kept, true);
        }
        if let Some(fragment) = self.waiting_link.take() {
            self.link_opened(fragment);
        }
    }
}

/// How the app names `tandem.config.json` in messages.
pub const FILE_NAME: &str = "tandem.config.json";

impl Reducible for Setup {
    type Action = SetupAction;

    fn reduce(self: Rc<Self>, action: SetupAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            SetupAction::FileLoaded(text) => {
                let mark = config::site_mark(text.as_deref());
                match text.map(|text| (Config::site_file(&text, standard()), text)) {
                    None | Some((Ok(None), _)) => next.site_answered(None, mark, true),
                    Some((Ok(Some(file)), text)) => {
                        next.site_answered(Some((file, text)), mark, true)
                    }
                    Some((Err(error), _)) => {
                        next.site_answered(None, mark, false);
                        next.refuse(Origin::SiteFile, error.problems);
                    }
                }
            }
            SetupAction::FileFailed(reason) => {
                // Unknown: links are refused, and a kept configuration is
                // offered rather than assumed.
                next.site_answered(None, "unavailable".to_owned(), false);
                next.refuse(Origin::SiteFile, vec![Problem::new(Place::File, reason)]);
            }
            SetupAction::LinkOpened(fragment) => next.link_opened(fragment),
            SetupAction::Imported(name, text) => match text {
                Ok(text) => next.consider(
                    KeptConfig {
                        kept: text,
                        over: None,
                        link: false,
                    },
                    Origin::Imported(name.into()),
                    false,
                ),
                Err(reason) => next.refuse(
                    Origin::Imported(name.into()),
                    vec![Problem::new(Place::File, reason)],
                ),
            },
            SetupAction::OfferAccepted => {
                if let Some(offer) = next.offered.take() {
                    next.use_chosen(Rc::unwrap_or_clone(offer.config), offer.kept);
                }
            }
            SetupAction::OfferDeclined => {
                // A kept one declined is not offered again.
                if next.offered.take().is_some_and(|offer| offer.earlier) {
                    next.chosen = None;
                }
            }
            SetupAction::ChosenDropped => {
                next.chosen = None;
                if next.source == Source::Chosen {
                    next.fall_back();
                }
            }
            SetupAction::RefusalClosed => next.refused = None,
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
