//! The facilitator's workshop screen state and every event that changes it.
//!
//! Like the questionnaire's reducer, each arm delegates to the domain
//! (`assessment::workshop`, `assessment::plan`); loading and saving are
//! `app::saved_workshop`'s. A [`Workshop`] shares its participants between
//! copies until one changes, so the state is cheap to copy.

use super::state::Saving;
use crate::assessment::plan::{ActionPlan, Direction, PlanChange};
use crate::assessment::saved::{WorkshopRecord, MAX_THRESHOLD};
use crate::assessment::untrusted::Why;
use crate::assessment::workshop::{Gathered, TeamView, Workshop};
use crate::assessment::{export, Bank, Reason};
use crate::timing;
use std::rc::Rc;
use yew::Reducible;

/// Where presenter mode is: which slide, and whether the room has seen its
/// figures yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Presenter {
    /// Position among the slides: one per dimension of the team view, then
    /// the most divided statements, then the team plan.
    pub position: usize,
    /// The figures are shown; before that, only the discussion question.
    pub revealed: bool,
}

/// What a slide of presenter mode shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slide {
    /// The dimension at this position in the team view.
    Dimension(usize),
    /// The statements the room is most divided on.
    Divided,
    /// The team plan, to close.
    Plan,
}

impl Slide {
    /// How many slides a team view makes.
    pub fn count(view: &TeamView) -> usize {
        view.dimensions.len() + 2
    }

    /// The slide at `position` of a team view.
    pub fn at(view: &TeamView, position: usize) -> Slide {
        let dimensions = view.dimensions.len();
        match position.checked_sub(dimensions) {
            None => Slide::Dimension(position),
            Some(0) => Slide::Divided,
            Some(_) => Slide::Plan,
        }
    }

    /// Whether the slide holds figures back until they are revealed.
    pub fn holds_back(self) -> bool {
        matches!(self, Slide::Dimension(_))
    }
}

/// Everything the workshop screen shows.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkshopState {
    pub bank: Rc<Bank>,
    pub workshop: Workshop,
    /// Groups smaller than this are never shown on their own.
    pub threshold: usize,
    /// The smallest threshold the site lets the facilitator choose.
    pub floor: usize,
    /// The team's targets and actions.
    pub plan: ActionPlan,
    /// The team's figures, worked out again only when participants or the
    /// threshold change.
    pub view: Rc<TeamView>,
    /// What the last paste, scan or file added and refused.
    pub gathered: Option<Gathered>,
    /// Presenter mode, when on.
    pub presenter: Option<Presenter>,
    pub saving: Saving,
    /// How many participants were taken in from another tab's save of this
    /// workshop, once that has happened.
    pub absorbed: Option<usize>,
}

/// Everything that can happen on the workshop screen.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkshopAction {
    /// Named the workshop.
    Renamed(String),
    /// Pasted codes or links, any number, any separators.
    CodesPasted(String),
    /// Read a code from the camera.
    CodeScanned(String),
    /// Chose exported result files: each one's name and text, or why it
    /// could not be read.
    FilesChosen(Vec<(String, Result<String, Why>)>),
    /// Removed a participant.
    ParticipantRemoved(usize),
    /// Dropped the codes that no longer read.
    UnreadableDiscarded,
    /// Chose the smallest group size that may be shown.
    ThresholdChosen(usize),
    /// Changed the team plan.
    PlanChanged(PlanChange),
    /// Started presenter mode.
    PresenterStarted,
    /// Moved to the previous or next dimension.
    PresenterMoved(Direction),
    /// Revealed the current dimension's figures.
    Revealed,
    /// Went on, as a clicker's "next" does: reveals the slide's figures
    /// when they are held back, otherwise moves to the next slide.
    PresenterForward,
    /// Left presenter mode.
    PresenterEnded,
    /// Started a new, empty workshop.
    Cleared,
    /// Saving failed, for the reason given.
    SavingFailed(Why),
    /// The workshop was saved.
    Saved,
    /// Another tab had saved this workshop meanwhile; `workshop` is this
    /// one with what it gathered taken in (`added` participants), and is
    /// saved.
    OtherTabAbsorbed { workshop: Workshop, added: usize },
}

impl WorkshopState {
    /// The state on opening the screen, from what storage held; a new
    /// workshop starts with `threshold`, and none goes below `floor`.
    pub fn new(
        bank: Rc<Bank>,
        record: Option<WorkshopRecord>,
        threshold: usize,
        floor: usize,
        saving: Saving,
    ) -> WorkshopState {
        let floor = floor.clamp(1, MAX_THRESHOLD);
        let mut record = record.unwrap_or_else(|| WorkshopRecord {
            workshop: Workshop::new(""),
            threshold,
            plan: ActionPlan::default(),
        });
        record.threshold = record.threshold.clamp(floor, MAX_THRESHOLD);
        let view = Rc::new(record.workshop.team_view(
            &bank,
            record.threshold,
            crate::text::lowercase,
        ));
        WorkshopState {
            bank,
            workshop: record.workshop,
            threshold: record.threshold,
            floor,
            plan: record.plan,
            view,
            gathered: None,
            presenter: None,
            saving,
            absorbed: None,
        }
    }

    /// What is saved.
    pub fn record(&self) -> WorkshopRecord {
        WorkshopRecord {
            workshop: self.workshop.clone(),
            threshold: self.threshold,
            plan: self.plan.clone(),
        }
    }

    /// Works the team's figures out again after participants or the
    /// threshold changed, and redrafts a plan nobody has edited so that it
    /// follows the team as people join.
    fn follow_team(&mut self) {
        let view = timing::measured("tandem:team-view", || {
            self.workshop
                .team_view(&self.bank, self.threshold, crate::text::lowercase)
        });
        self.view = Rc::new(view);
        if !self.plan.edited {
            let report = self.view.report();
            self.plan.redraft(&self.bank, &report);
        }
    }
}

impl Reducible for WorkshopState {
    type Action = WorkshopAction;

    fn reduce(self: Rc<Self>, action: WorkshopAction) -> Rc<Self> {
        let bank = Rc::clone(&self.bank);
        let mut next = (*self).clone();
        match action {
            WorkshopAction::Renamed(name) => next.workshop.rename(&name),
            WorkshopAction::CodesPasted(text) | WorkshopAction::CodeScanned(text) => {
                let gathered =
                    timing::measured("tandem:gather", || next.workshop.add_text(&bank, &text));
                next.gathered = Some(gathered);
                next.follow_team();
            }
            WorkshopAction::FilesChosen(files) => {
                let mut gathered = Gathered::default();
                for (name, text) in files {
                    let read = text
                        .map_err(Reason::from)
                        .and_then(|text| export::from_json(&bank, &text).map_err(Reason::from));
                    match read {
                        Ok(progress) => {
                            gathered.merge(next.workshop.add_progress(&bank, &progress))
                        }
                        Err(reason) => gathered.reject(&name, reason),
                    }
                }
                next.gathered = Some(gathered);
                next.follow_team();
            }
            WorkshopAction::ParticipantRemoved(index) => {
                if next.workshop.remove(index).is_some() {
                    next.follow_team();
                }
            }
            WorkshopAction::UnreadableDiscarded => next.workshop.discard_unreadable(),
            WorkshopAction::ThresholdChosen(threshold) => {
                next.threshold = threshold.clamp(next.floor, MAX_THRESHOLD);
                next.follow_team();
            }
            WorkshopAction::PlanChanged(change) => {
                let report = next.view.report();
                next.plan.apply(&bank, &report, change);
            }
            WorkshopAction::PresenterStarted => {
                next.presenter = Some(Presenter {
                    position: 0,
                    revealed: false,
                });
            }
            WorkshopAction::PresenterMoved(direction) => {
                let count = Slide::count(&next.view);
                if let Some(presenter) = next.presenter.as_mut() {
                    let position = match direction {
                        Direction::Up => presenter.position.checked_sub(1),
                        Direction::Down => Some(presenter.position + 1).filter(|&p| p < count),
                    };
                    if let Some(position) = position {
                        *presenter = Presenter {
                            position,
                            revealed: false,
                        };
                    }
                }
            }
            WorkshopAction::PresenterForward => {
                let count = Slide::count(&next.view);
                if let Some(presenter) = next.presenter.as_mut() {
                    let slide = Slide::at(&next.view, presenter.position);
                    if slide.holds_back() && !presenter.revealed {
                        presenter.revealed = true;
                    } else if presenter.position + 1 < count {
                        *presenter = Presenter {
                            position: presenter.position + 1,
                            revealed: false,
                        };
                    }
                }
            }
            WorkshopAction::Revealed => {
                if let Some(presenter) = next.presenter.as_mut() {
                    presenter.revealed = true;
                }
            }
            WorkshopAction::PresenterEnded => next.presenter = None,
            WorkshopAction::Cleared => {
                next.workshop = Workshop::new("");
                next.plan = ActionPlan::default();
                next.follow_team();
                next.gathered = None;
                next.presenter = None;
                if let Saving::Held(_) = next.saving {
                    next.saving = Saving::On;
                }
            }
            WorkshopAction::SavingFailed(reason) => next.saving = Saving::Failed(reason),
            WorkshopAction::Saved => {
                if let Saving::Failed(_) = next.saving {
                    next.saving = Saving::On;
                }
            }
            WorkshopAction::OtherTabAbsorbed { workshop, added } => {
                let grew = workshop.len() != next.workshop.len();
                next.workshop = workshop;
                next.absorbed = Some(added);
                if grew {
                    next.follow_team();
                }
                if let Saving::Failed(_) = next.saving {
                    next.saving = Saving::On;
                }
            }
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
