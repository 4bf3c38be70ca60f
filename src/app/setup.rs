//! Which configuration the app runs under, where it came from, and every
//! event that changes it.
//!
//! A configuration can come from three places, the first found winning: a
//! link that carries it (`#config=…`), a file the person imported (both kept
//! in storage for the next visit, as [`Setup::chosen`]), and
//! `tandem.config.json` beside the app, put there by whoever hosts it. With
//! none of them Tandem runs as shipped. A configuration that cannot be used
//! changes nothing but [`Setup::refused`], which lists its problems; the app
//! goes on with what it had.
//!
//! The reducer only decides; the root component fetches the file, reads the
//! address and keeps [`Setup::chosen`] in storage.

use crate::assessment::config::{self, Config};
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

/// A configuration that was not used, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// Where it came from, as the person knows it: "tandem.config.json beside
    /// the app", "the link", "\"acme.json\"".
    pub origin: AttrValue,
    /// Every problem found, each with its location.
    pub problems: Rc<[Problem]>,
}

/// The configuration the app runs under.
#[derive(Clone, Debug, PartialEq)]
pub struct Setup {
    /// The configuration in use.
    pub config: Rc<Config>,
    pub source: Source,
    /// The text of a configuration from a link or an import, to keep for the
    /// next visit; `None` when none is chosen.
    pub chosen: Option<Rc<str>>,
    /// The configuration in `tandem.config.json`, once read, to return to
    /// when the person stops using a chosen one.
    pub file: Option<Rc<Config>>,
    /// Whether the app knows which configuration to use: a chosen one is
    /// known at once; otherwise `tandem.config.json` has to answer first, so
    /// that the standard questions never flash before a client's own.
    pub ready: bool,
    /// The last configuration that could not be used.
    pub refused: Option<Refusal>,
}

/// Everything that can happen to the configuration.
#[derive(Clone, Debug, PartialEq)]
pub enum SetupAction {
    /// `tandem.config.json` answered: its text, or `None` when there is no
    /// such file (the usual case, and silent).
    FileLoaded(Option<String>),
    /// `tandem.config.json` could not be fetched, for the reason given.
    FileFailed(String),
    /// Opened a link whose fragment carries a configuration (`config=…`).
    LinkOpened(String),
    /// Chose a configuration file to import: its name and text, or why it
    /// could not be read.
    Imported(String, Result<String, String>),
    /// Chose to stop using the configuration from a link or an import.
    ChosenDropped,
    /// Dismissed the list of a refused configuration's problems.
    RefusalClosed,
}

/// The standard bank, shared.
fn standard() -> &'static Bank {
    Bank::standard()
}

impl Setup {
    /// The setup on opening the app: `fragment` is the address's fragment
    /// (which may carry a configuration), `kept` the configuration kept from
    /// an earlier visit.
    pub fn new(fragment: &str, kept: Option<String>) -> Setup {
        let plain = Setup {
            config: Rc::new(Config::plain(standard())),
            source: Source::Standard,
            chosen: None,
            file: None,
            ready: false,
            refused: None,
        };
        let kept = match kept {
            None => plain,
            Some(text) => plain.reduce_chosen(text, "the configuration kept from your last visit"),
        };
        if fragment.starts_with(config::LINK_PREFIX) {
            Rc::unwrap_or_clone(Rc::new(kept).reduce(SetupAction::LinkOpened(fragment.to_owned())))
        } else {
            kept
        }
    }

    /// Uses `text` as the chosen configuration if it can be used; otherwise
    /// says why and keeps what was in use.
    fn reduce_chosen(mut self, text: String, origin: &str) -> Setup {
        match Config::parse(&text, standard()) {
            Ok(config) => {
                self.config = Rc::new(config);
                self.source = Source::Chosen;
                self.chosen = Some(text.into());
                self.ready = true;
                self.refused = None;
            }
            Err(error) => self.refuse(origin, error.problems),
        }
        self
    }

    fn refuse(&mut self, origin: &str, problems: Vec<Problem>) {
        self.refused = Some(Refusal {
            origin: AttrValue::from(origin.to_owned()),
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
}

/// How the app names `tandem.config.json` in messages.
pub const FILE_NAME: &str = "tandem.config.json";

impl Reducible for Setup {
    type Action = SetupAction;

    fn reduce(self: Rc<Self>, action: SetupAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            SetupAction::FileLoaded(text) => {
                next.ready = true;
                if let Some(text) = text {
                    match Config::site_file(&text, standard()) {
                        Ok(None) => {}
                        Ok(Some(config)) => {
                            let config = Rc::new(config);
                            next.file = Some(Rc::clone(&config));
                            if next.source != Source::Chosen {
                                next.config = config;
                                next.source = Source::File;
                            }
                        }
                        Err(error) => {
                            next.refuse(&format!("{FILE_NAME} beside the app"), error.problems)
                        }
                    }
                }
            }
            SetupAction::FileFailed(reason) => {
                next.ready = true;
                next.refuse(
                    &format!("{FILE_NAME} beside the app"),
                    vec![Problem {
                        location: "file".to_owned(),
                        reason,
                    }],
                );
            }
            SetupAction::LinkOpened(fragment) => match config::json_from_link(&fragment) {
                Ok(text) => next = next.reduce_chosen(text, "the link"),
                Err(error) => next.refuse("the link", error.problems),
            },
            SetupAction::Imported(name, text) => match text {
                Ok(text) => next = next.reduce_chosen(text, &format!("\"{name}\"")),
                Err(reason) => next.refuse(
                    &format!("\"{name}\""),
                    vec![Problem {
                        location: "file".to_owned(),
                        reason,
                    }],
                ),
            },
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
