//! One respondent's way through the questionnaire: mode, role, team label,
//! answers and where they are. Pure data with the moves allowed on it, so the
//! app's reducer only delegates and the whole journey is tested natively.

use super::answer::{Answer, Mode, Role};
use super::bank::{Bank, Dimension, StatementId};
use super::plan::{ActionPlan, PlanChange};
use super::scoring::Report;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Longest team label kept, in characters; it is a label, not a note.
pub const MAX_TEAM_LABEL: usize = 60;

/// Which screen of the questionnaire the respondent is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// Role and team label.
    About,
    /// The statements of the n-th dimension the mode asks about (from 0).
    Section(usize),
    /// The scored result.
    Results,
}

/// Why the respondent cannot move on yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unanswered {
    /// No role has been chosen.
    Role,
    /// These statements on the current page have no answer, in page order.
    Statements(Vec<StatementId>),
}

/// A respondent's progress, saved after every change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// Quick or full.
    pub mode: Mode,
    /// The respondent's role, once chosen.
    pub role: Option<Role>,
    /// Optional team label, such as "Northern region".
    pub team: String,
    /// Answers so far, by statement.
    pub answers: BTreeMap<StatementId, Answer>,
    /// Where the respondent is.
    pub stage: Stage,
    /// Targets and the action plan; empty until the results are first shown.
    #[serde(default)]
    pub plan: ActionPlan,
}

impl Progress {
    /// A fresh start on the role screen.
    pub fn new(mode: Mode) -> Progress {
        Progress {
            mode,
            role: None,
            team: String::new(),
            answers: BTreeMap::new(),
            stage: Stage::About,
            plan: ActionPlan::default(),
        }
    }

    /// Makes saved progress fit the bank it will be used with: answers to
    /// statements the mode does not ask, or answers the statement does not
    /// offer, are dropped; a page beyond the last becomes the last; and a page
    /// that needs earlier answers falls back to the first page missing one.
    /// Saved data is untrusted, and this is what makes it safe to use.
    pub fn fitted_to(mut self, bank: &Bank) -> Progress {
        let mode = self.mode;
        self.answers
            .retain(|id, answer| statement_in(bank, mode, id).is_some_and(|s| offers(s, *answer)));
        self.team = clean_team_label(&self.team);
        self.plan = std::mem::take(&mut self.plan).fitted_to(bank);
        self.settled(bank)
    }

    /// The stage the answers allow: progress that claims a page past a gap
    /// goes back to the first gap. Part of [`Progress::fitted_to`], and all
    /// a result code needs, since it only ever carries answers that fit.
    pub(crate) fn settled(self, bank: &Bank) -> Progress {
        let complete: Vec<bool> = (0..self.section_count(bank))
            .map(|n| self.completes(bank, n))
            .collect();
        self.settled_by(&complete)
    }

    /// [`Progress::settled`] for a caller that already knows which pages
    /// are complete: `complete[n]` for page `n` of the mode.
    pub(crate) fn settled_by(mut self, complete: &[bool]) -> Progress {
        let sections = complete.len();
        let reached = match self.stage {
            Stage::About => return self,
            Stage::Section(n) => n.min(sections.saturating_sub(1)),
            Stage::Results => sections,
        };
        self.stage = if self.role.is_none() {
            Stage::About
        } else {
            match (0..reached).find(|&n| !complete[n]) {
                Some(first_gap) => Stage::Section(first_gap),
                None if reached == sections => Stage::Results,
                None => Stage::Section(reached),
            }
        };
        self
    }

    /// How many dimension pages the mode has.
    pub fn section_count(&self, bank: &Bank) -> usize {
        bank.dimensions_in(self.mode).count()
    }

    /// The dimension on page `n`.
    pub fn section<'b>(&self, bank: &'b Bank, n: usize) -> Option<&'b Dimension> {
        bank.dimensions_in(self.mode).nth(n)
    }

    /// How many of the mode's statements have an answer.
    pub fn answered_count(&self, bank: &Bank) -> usize {
        bank.dimensions_in(self.mode)
            .flat_map(|d| &d.statements)
            .filter(|s| self.answers.contains_key(&s.id))
            .count()
    }

    /// Records the role.
    pub fn choose_role(&mut self, role: Role) {
        self.role = Some(role);
    }

    /// Records the team label, trimmed, without control characters and cut
    /// to [`MAX_TEAM_LABEL`] characters.
    pub fn name_team(&mut self, label: &str) {
        self.team = clean_team_label(label);
    }

    /// Records an answer. Returns `false`, changing nothing, when the statement
    /// is not part of this assessment or does not offer that answer.
    pub fn answer(&mut self, bank: &Bank, id: &StatementId, answer: Answer) -> bool {
        match statement_in(bank, self.mode, id) {
            Some(statement) if offers(statement, answer) => {
                self.answers.insert(id.clone(), answer);
                true
            }
            _ => false,
        }
    }

    /// Moves to the next screen when the current one is complete.
    pub fn next(&mut self, bank: &Bank) -> Result<(), Unanswered> {
        match self.stage {
            Stage::About if self.role.is_none() => Err(Unanswered::Role),
            Stage::About => {
                self.stage = Stage::Section(0);
                Ok(())
            }
            Stage::Section(n) => {
                let missing = self.missing_in(bank, n);
                if !missing.is_empty() {
                    return Err(Unanswered::Statements(missing));
                }
                if n + 1 < self.section_count(bank) {
                    self.stage = Stage::Section(n + 1);
                } else {
                    self.stage = Stage::Results;
                    // A plan the person has not touched follows their answers.
                    if !self.plan.edited {
                        self.plan.redraft(bank, &self.report(bank));
                    }
                }
                Ok(())
            }
            Stage::Results => Ok(()),
        }
    }

    /// Moves to the previous screen. Returns `false` on the first screen,
    /// where going back means leaving the questionnaire.
    pub fn back(&mut self, bank: &Bank) -> bool {
        self.stage = match self.stage {
            Stage::About => return false,
            Stage::Section(0) => Stage::About,
            Stage::Section(n) => Stage::Section(n - 1),
            Stage::Results => Stage::Section(self.section_count(bank).saturating_sub(1)),
        };
        true
    }

    /// The statements on page `n` that have no answer yet.
    pub fn missing_in(&self, bank: &Bank, n: usize) -> Vec<StatementId> {
        self.section(bank, n)
            .map(|d| {
                d.statements
                    .iter()
                    .filter(|s| !self.answers.contains_key(&s.id))
                    .map(|s| s.id.clone())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Whether every statement on page `n` has an answer.
    fn completes(&self, bank: &Bank, n: usize) -> bool {
        self.section(bank, n).is_some_and(|d| {
            d.statements
                .iter()
                .all(|s| self.answers.contains_key(&s.id))
        })
    }

    /// Scores the answers.
    pub fn report(&self, bank: &Bank) -> Report {
        Report::score(bank, self.mode, &self.answers)
    }

    /// Applies a change to the plan, checked against this result (see
    /// [`ActionPlan::apply`]).
    pub fn change_plan(&mut self, bank: &Bank, change: PlanChange) -> bool {
        let report = self.report(bank);
        self.plan.apply(bank, &report, change)
    }
}

/// The statement with this id, if the mode asks it.
fn statement_in<'b>(
    bank: &'b Bank,
    mode: Mode,
    id: &StatementId,
) -> Option<&'b super::bank::Statement> {
    bank.dimensions_in(mode)
        .flat_map(|d| &d.statements)
        .find(|s| &s.id == id)
}

/// Whether a statement offers this answer: "Not applicable" only where the
/// bank allows it.
fn offers(statement: &super::bank::Statement, answer: Answer) -> bool {
    answer != Answer::NotApplicable || statement.not_applicable
}

/// A team label as progress keeps it: without control characters, at most
/// [`MAX_TEAM_LABEL`] characters, trimmed.
pub(crate) fn clean_team_label(label: &str) -> String {
    super::typed::kept(label, MAX_TEAM_LABEL)
}
