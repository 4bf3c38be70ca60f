//! The respondent's screen-level state and every event that changes it.
//!
//! One reducer for the whole questionnaire, after Yew's `function_todomvc`:
//! [`Action`] lists what can happen, named as events in the past tense, and
//! each arm delegates to [`Progress`]. Storage is not touched here; the app
//! root saves whatever state results (see `app::App`).

use crate::assessment::code::{self, CodeError};
use crate::assessment::plan::PlanChange;
use crate::assessment::untrusted::Why;
use crate::assessment::{
    export, Answer, Bank, Mode, Progress, Reason, Role, StatementId, Unanswered,
};
use crate::storage::Loaded;
/// Why saved data cannot be used, as storage found it.
pub use crate::storage::Unreadable;
use std::rc::Rc;
use yew::{AttrValue, Reducible};

/// Whether answers are being kept on this device, and if not, why.
#[derive(Clone, Debug, PartialEq)]
pub enum Saving {
    /// Every change is saved.
    On,
    /// The browser lets Tandem store nothing; answers live in memory only.
    Unavailable,
    /// Saved data was found but could not be read (the reason is given).
    /// It is left untouched until the person starts a new assessment, and
    /// then kept under a key of its own (see `storage::save_progress`).
    Held(Unreadable),
    /// Another tab or window saved answers since this page last read or
    /// wrote them; nothing is saved until the person chooses whose to keep.
    Conflict,
    /// The last save failed (the reason is given); the next change retries.
    Failed(Why),
}

impl Saving {
    /// What opening a screen found in storage: what was saved, when it could
    /// be used, and whether saving goes on. The questionnaire and the
    /// workshop open the same way.
    pub fn on_opening<T>(loaded: Loaded<T>) -> (Option<T>, Saving) {
        match loaded {
            Loaded::Nothing => (None, Saving::On),
            Loaded::Found(saved) => (Some(saved), Saving::On),
            Loaded::Unreadable(reason) => (None, Saving::Held(reason)),
            Loaded::Unavailable => (None, Saving::Unavailable),
        }
    }

    /// Whether a change is written to storage now: not while saved data is
    /// held unread, another tab's save is in the way, or there is no storage.
    pub fn allows_writing(&self) -> bool {
        matches!(self, Saving::On | Saving::Failed(_))
    }
}

/// Why a code or a file could not be used: the reader's screen words it.
#[derive(Clone, Debug, PartialEq)]
pub struct Refused {
    /// The file's name, when it came from a file.
    pub file: Option<AttrValue>,
    pub reason: Reason,
}

/// Everything the questionnaire screens show.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The question bank in use.
    pub bank: Rc<Bank>,
    /// The respondent's progress; `None` on the landing page.
    pub progress: Option<Progress>,
    /// What is missing after a refused "Next", until it is answered.
    pub unanswered: Option<Unanswered>,
    /// Whether progress is being saved.
    pub saving: Saving,
    /// How many times "Next" was refused; each refusal moves focus to the
    /// list of what is missing, even when the list is unchanged.
    pub refusals: u32,
    /// A result opened from a link, shown instead of the person's own until
    /// closed; or why the link could not be read.
    pub shared: Option<Result<Progress, CodeError>>,
    /// An earlier result to compare with, or why it could not be read.
    pub earlier: Option<Result<Progress, Refused>>,
    /// The outcome of the last import, to tell the person.
    pub import: Option<Result<AttrValue, Refused>>,
}

/// Everything that can happen on the questionnaire screens.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Chose the quick or the full assessment on the landing page.
    Started(Mode),
    /// Picked a role.
    ChoseRole(Role),
    /// Typed a team label.
    NamedTeam(String),
    /// Answered a statement.
    Answered(StatementId, Answer),
    /// Asked for the next screen.
    WentNext,
    /// Asked for the previous screen.
    WentBack,
    /// Chose to forget all answers and start again.
    Restarted,
    /// Saving progress failed, for the reason given.
    SavingFailed(Why),
    /// Progress was saved.
    Saved,
    /// Saving stopped because another tab saved answers in the meantime.
    SavingConflicted,
    /// Chose to keep this page's answers over another tab's.
    KeptThisPage,
    /// Changed the action plan (a target, an action, its order).
    PlanChanged(PlanChange),
    /// Chose a file to import: its name and text, or why it could not be read.
    FileImported(String, Result<String, Why>),
    /// Entered an earlier result code or link to compare with.
    EarlierCodeEntered(String),
    /// Chose an earlier export to compare with: its name and text, or why it
    /// could not be read.
    EarlierFileChosen(String, Result<String, Why>),
    /// Stopped comparing.
    ComparisonClosed,
    /// Opened the app at an address whose fragment carries a shared result.
    LinkOpened(String),
    /// Closed a shared result to return to their own.
    SharedClosed,
}

impl State {
    /// The state on opening the app, from what storage held.
    pub fn new(bank: Rc<Bank>, progress: Option<Progress>, saving: Saving) -> State {
        State {
            bank,
            progress,
            unanswered: None,
            saving,
            refusals: 0,
            shared: None,
            earlier: None,
            import: None,
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let bank = Rc::clone(&self.bank);
        let mut next = (*self).clone();
        match action {
            Action::Started(mode) => {
                if next.progress.is_none() {
                    next.progress = Some(Progress::new(mode));
                    // The person was told that unreadable saved data would be
                    // replaced when they start; starting is their decision.
                    if let Saving::Held(_) = next.saving {
                        next.saving = Saving::On;
                    }
                }
            }
            Action::ChoseRole(role) => {
                if let Some(progress) = next.progress.as_mut() {
                    progress.choose_role(role);
                    if next.unanswered == Some(Unanswered::Role) {
                        next.unanswered = None;
                    }
                }
            }
            Action::NamedTeam(label) => {
                if let Some(progress) = next.progress.as_mut() {
                    progress.name_team(&label);
                }
            }
            Action::Answered(id, answer) => {
                if let Some(progress) = next.progress.as_mut() {
                    if progress.answer(&bank, &id, answer) {
                        if let Some(Unanswered::Statements(missing)) = &mut next.unanswered {
                            missing.retain(|m| m != &id);
                        }
                    }
                }
            }
            Action::WentNext => {
                if let Some(progress) = next.progress.as_mut() {
                    next.unanswered = progress.next(&bank).err();
                    if next.unanswered.is_some() {
                        next.refusals += 1;
                    }
                }
            }
            Action::WentBack => {
                if let Some(progress) = next.progress.as_mut() {
                    // Back from the first screen leaves the questionnaire, but
                    // only while there is nothing to lose.
                    if !progress.back(&bank) && progress.answers.is_empty() {
                        next.progress = None;
                    }
                    next.unanswered = None;
                }
            }
            Action::Restarted => {
                next.progress = None;
                next.unanswered = None;
                next.earlier = None;
                next.import = None;
                if let Saving::Failed(_) = next.saving {
                    next.saving = Saving::On;
                }
            }
            Action::SavingFailed(reason) => next.saving = Saving::Failed(reason),
            Action::SavingConflicted => next.saving = Saving::Conflict,
            Action::KeptThisPage => next.saving = Saving::On,
            Action::Saved => {
                if let Saving::Failed(_) = next.saving {
                    next.saving = Saving::On;
                }
            }
            Action::PlanChanged(change) => {
                if let Some(progress) = next.progress.as_mut() {
                    progress.change_plan(&bank, change);
                }
            }
            Action::FileImported(name, text) => {
                // A file that cannot be used changes nothing but the message.
                match text
                    .map_err(Reason::from)
                    .and_then(|text| export::from_json(&bank, &text).map_err(Reason::from))
                {
                    Ok(progress) => {
                        next.progress = Some(progress);
                        next.unanswered = None;
                        next.import = Some(Ok(name.into()));
                    }
                    Err(reason) => {
                        next.import = Some(Err(Refused {
                            file: Some(name.into()),
                            reason,
                        }));
                    }
                }
            }
            Action::EarlierCodeEntered(text) => {
                next.earlier = Some(code::decode(&bank, &text).map_err(|e| Refused {
                    file: None,
                    reason: e.into(),
                }));
            }
            Action::EarlierFileChosen(name, text) => {
                next.earlier = Some(
                    text.map_err(Reason::from)
                        .and_then(|text| export::from_json(&bank, &text).map_err(Reason::from))
                        .map_err(|reason| Refused {
                            file: Some(name.into()),
                            reason,
                        }),
                );
            }
            Action::ComparisonClosed => next.earlier = None,
            Action::LinkOpened(fragment) => {
                next.shared = Some(code::decode(&bank, &fragment));
            }
            Action::SharedClosed => next.shared = None,
        }
        // Returning the same Rc tells Yew nothing changed, so it skips a render.
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
