//! Targets per dimension and the action plan drafted from the gaps.
//!
//! A target is the level a respondent wants a dimension to reach; by default
//! one level above where it stands. The draft is a short plan a manager
//! keeps: at most [`DRAFT_LENGTH`] actions. The dimensions with a gap are
//! ranked (largest gap, then lowest score), and the draft takes one action
//! from each in turn, so the most urgent dimensions all get a first step
//! before any gets a second. A dimension's actions are the bank's practices
//! for every level between the current one and the target: the first
//! practice of each of those levels, then the second of each, and so on.
//! Horizons follow the place in the plan: the first two actions within 30
//! days, the next two within 60, the rest within 90. Each action's owner is
//! whoever the bank says does its practice, or the dimension's usual owner.
//!
//! Once the person edits the plan it is theirs: changing a target no longer
//! redrafts it unless they ask.

use super::answer::variant_index;
pub use super::bank::Owner;
use super::bank::{Bank, DimensionId, Practice};
use super::scoring::{Level, Report};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

/// Longest action text kept, in characters.
pub const MAX_ACTION_TEXT: usize = 300;
/// Most actions a plan holds; a plan longer than this is not a plan.
pub const MAX_ACTIONS: usize = 60;
/// Most actions a drafted plan holds: few enough to be done.
pub const DRAFT_LENGTH: usize = 6;
/// How many actions share each horizon, in the order drafted.
const PER_HORIZON: usize = 2;

/// When an action should be done by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Horizon {
    #[serde(rename = "30")]
    Days30,
    #[serde(rename = "60")]
    Days60,
    #[serde(rename = "90")]
    Days90,
}

impl<'de> Deserialize<'de> for Horizon {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const NAMES: &[&str] = &["30", "60", "90"];
        variant_index(deserializer, "Horizon", NAMES).map(|index| Horizon::ALL[index])
    }
}

impl Horizon {
    /// Every horizon, soonest first.
    pub const ALL: [Horizon; 3] = [Horizon::Days30, Horizon::Days60, Horizon::Days90];

    /// A short, stable token for form values.
    pub fn token(self) -> &'static str {
        match self {
            Horizon::Days30 => "30",
            Horizon::Days60 => "60",
            Horizon::Days90 => "90",
        }
    }
}

/// One action in the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedAction {
    /// Stable within the plan, so edits and moves address the right action.
    pub id: u32,
    /// The dimension it improves.
    pub dimension: DimensionId,
    /// What to do.
    pub text: String,
    pub owner: Owner,
    pub horizon: Horizon,
}

/// A change the person makes to one action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionEdit {
    Text(String),
    Owner(Owner),
    Horizon(Horizon),
    Dimension(DimensionId),
}

/// A change a person asks of a plan, from the plan editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanChange {
    /// Choose the target level for a dimension.
    Target(DimensionId, Level),
    /// Replace the actions with a fresh draft from the targets.
    Redraft,
    /// Change one action.
    Edit(u32, ActionEdit),
    /// Move one action up or down.
    Move(u32, Direction),
    /// Add an empty action.
    Add,
    /// Remove one action.
    Remove(u32),
}

/// Which way an action moves in the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// Targets and actions, saved with the answers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionPlan {
    /// Targets the person chose; dimensions not listed use the default.
    pub targets: BTreeMap<DimensionId, Level>,
    /// The actions, in priority order.
    pub actions: Vec<PlannedAction>,
    /// The person has changed the actions; redrafting would lose their work.
    pub edited: bool,
    /// Whether a draft was ever made.
    pub drafted: bool,
}

/// The target for a dimension at `current`: the chosen one if it is still at
/// or above the current level, otherwise one level up (capped at the top).
pub fn target_for(plan: &ActionPlan, dimension: &DimensionId, current: Level) -> Level {
    plan.targets
        .get(dimension)
        .copied()
        .filter(|target| *target >= current)
        .unwrap_or_else(|| current.next().unwrap_or(Level::HIGHEST))
}

impl ActionPlan {
    /// The plan as a reader of `shown` sees it: an action still as Tandem
    /// drafted it from `bank` reads as the same practice of `shown`, the
    /// bank in the reader's language; a text the person wrote stays theirs.
    /// The plan itself keeps the bank's own words, so that it reads the same
    /// in every language it is opened in.
    pub fn in_language(&self, bank: &Bank, shown: &Bank) -> ActionPlan {
        let mut plan = self.clone();
        for action in &mut plan.actions {
            let (Some(own), Some(other)) = (
                bank.dimension(&action.dimension),
                shown.dimension(&action.dimension),
            ) else {
                continue;
            };
            let translated = own.guidance.iter().zip(&other.guidance).find_map(|(g, t)| {
                g.practices
                    .iter()
                    .zip(&t.practices)
                    .find(|(p, _)| p.text == action.text)
                    .map(|(_, t)| t.text.clone())
            });
            if let Some(text) = translated {
                action.text = text;
            }
        }
        plan
    }

    /// Applies a change the person asked for, checked against the report the
    /// plan is for: targets only for scored dimensions and never below their
    /// level, actions only for dimensions in the report. Returns `false`,
    /// changing nothing, when the change is refused or has nothing to act on.
    pub fn apply(&mut self, bank: &Bank, report: &Report, change: PlanChange) -> bool {
        let in_report = |id: &DimensionId| {
            report
                .dimensions
                .iter()
                .find(|d| &bank.dimensions()[d.index].id == id)
        };
        match change {
            PlanChange::Target(dimension, target) => {
                match in_report(&dimension).and_then(|d| d.level()) {
                    Some(current) if target >= current => {
                        self.set_target(bank, report, dimension, target);
                        true
                    }
                    _ => false,
                }
            }
            PlanChange::Redraft => {
                self.redraft(bank, report);
                true
            }
            PlanChange::Edit(id, ActionEdit::Dimension(dimension)) => {
                in_report(&dimension).is_some() && self.edit(id, ActionEdit::Dimension(dimension))
            }
            PlanChange::Edit(id, edit) => self.edit(id, edit),
            PlanChange::Move(id, direction) => self.move_action(id, direction),
            PlanChange::Add => {
                let first = report
                    .priorities()
                    .first()
                    .map(|d| d.index)
                    .or_else(|| report.dimensions.first().map(|d| d.index));
                first.is_some_and(|index| self.add(bank.dimensions()[index].id.clone()).is_some())
            }
            PlanChange::Remove(id) => self.remove(id),
        }
    }

    /// Replaces the actions with a fresh draft from the report and targets.
    pub fn redraft(&mut self, bank: &Bank, report: &Report) {
        let mut gaps: Vec<(usize, Level, Level, u8)> = report
            .dimensions
            .iter()
            .filter_map(|d| {
                let (score, current) = d.scored?;
                let id = &bank.dimensions()[d.index].id;
                let target = target_for(self, id, current);
                (target > current).then_some((d.index, current, target, score.value()))
            })
            .collect();
        // Largest gap first, then the lowest score; stable, so ties keep bank order.
        let key = |&(_, current, target, score): &(usize, Level, Level, u8)| {
            (std::cmp::Reverse(target.number() - current.number()), score)
        };
        super::sort_short_by(&mut gaps, |a, b| key(a).cmp(&key(b)));

        // Each ranked dimension's practices towards its target: the first
        // practice of every step, then the second of every step, and so on,
        // so that a higher target brings in its later steps at once.
        let mut queues: Vec<Vec<(DimensionId, String, Owner)>> = gaps
            .into_iter()
            .map(|(index, current, target, _)| {
                let dimension = &bank.dimensions()[index];
                let steps: Vec<&Vec<Practice>> = (current.number()..target.number())
                    .filter_map(Level::new)
                    .map(|level| &dimension.guidance_at(level).practices)
                    .collect();
                let deepest = steps.iter().map(|p| p.len()).max().unwrap_or(0);
                let mut queue: Vec<_> = (0..deepest)
                    .flat_map(|i| steps.iter().filter_map(move |p| p.get(i)))
                    .map(|practice| {
                        let owner = practice.owner.unwrap_or(dimension.owner);
                        (dimension.id.clone(), practice.text.clone(), owner)
                    })
                    .collect();
                queue.reverse();
                queue
            })
            .collect();
        // One from each in turn, until the plan is full or they are spent.
        let mut actions = Vec::new();
        while actions.len() < DRAFT_LENGTH && queues.iter().any(|q| !q.is_empty()) {
            for queue in &mut queues {
                if actions.len() < DRAFT_LENGTH {
                    actions.extend(queue.pop());
                }
            }
        }
        let actions: Vec<_> = actions
            .into_iter()
            .enumerate()
            .map(|(place, (dimension, text, owner))| {
                let horizon = Horizon::ALL[(place / PER_HORIZON).min(Horizon::ALL.len() - 1)];
                (dimension, text, owner, horizon)
            })
            .collect();
        self.actions = actions
            .into_iter()
            .take(MAX_ACTIONS)
            .zip(1..)
            .map(|((dimension, text, owner, horizon), id)| PlannedAction {
                id,
                dimension,
                text,
                owner,
                horizon,
            })
            .collect();
        self.edited = false;
        self.drafted = true;
    }

    /// Sets a target; an unedited plan follows it.
    pub fn set_target(
        &mut self,
        bank: &Bank,
        report: &Report,
        dimension: DimensionId,
        target: Level,
    ) {
        self.targets.insert(dimension, target);
        if !self.edited {
            self.redraft(bank, report);
        }
    }

    /// Changes one action. Returns `false` when there is no such action.
    pub fn edit(&mut self, id: u32, edit: ActionEdit) -> bool {
        let Some(action) = self.actions.iter_mut().find(|a| a.id == id) else {
            return false;
        };
        match edit {
            ActionEdit::Text(text) => action.text = clean_text(&text),
            ActionEdit::Owner(owner) => action.owner = owner,
            ActionEdit::Horizon(horizon) => action.horizon = horizon,
            ActionEdit::Dimension(dimension) => action.dimension = dimension,
        }
        self.edited = true;
        true
    }

    /// Moves an action one place. Returns `false` when it cannot move.
    pub fn move_action(&mut self, id: u32, direction: Direction) -> bool {
        let Some(from) = self.actions.iter().position(|a| a.id == id) else {
            return false;
        };
        let to = match direction {
            Direction::Up => from.checked_sub(1),
            Direction::Down => Some(from + 1).filter(|&to| to < self.actions.len()),
        };
        let Some(to) = to else {
            return false;
        };
        self.actions.swap(from, to);
        self.edited = true;
        true
    }

    /// The id the next added action gets.
    pub fn next_id(&self) -> u32 {
        self.actions.iter().map(|a| a.id).max().unwrap_or(0) + 1
    }

    /// Adds an empty action for a dimension at the end; returns its id, or
    /// `None` when the plan is full.
    pub fn add(&mut self, dimension: DimensionId) -> Option<u32> {
        if self.actions.len() >= MAX_ACTIONS {
            return None;
        }
        let id = self.next_id();
        self.actions.push(PlannedAction {
            id,
            dimension,
            text: String::new(),
            owner: Owner::Joint,
            horizon: Horizon::Days90,
        });
        self.edited = true;
        self.drafted = true;
        Some(id)
    }

    /// Removes an action. Returns `false` when there is no such action.
    pub fn remove(&mut self, id: u32) -> bool {
        let before = self.actions.len();
        self.actions.retain(|a| a.id != id);
        let removed = self.actions.len() < before;
        self.edited |= removed;
        removed
    }

    /// Makes a plan read from storage or a file safe to use with `bank`:
    /// actions for unknown dimensions are dropped, texts are cleaned, ids made
    /// unique and the length capped.
    pub fn fitted_to(mut self, bank: &Bank) -> ActionPlan {
        self.targets.retain(|id, _| bank.dimension(id).is_some());
        self.actions
            .retain(|a| bank.dimension(&a.dimension).is_some());
        self.actions.truncate(MAX_ACTIONS);
        for (action, id) in self.actions.iter_mut().zip(1..) {
            action.id = id;
            action.text = clean_text(&action.text);
        }
        self
    }
}

fn clean_text(text: &str) -> String {
    super::typed::kept_while_typing(text, MAX_ACTION_TEXT)
}
