//! The team view itself, its groups, and what anonymity lets them show.
//!
//! A [`TeamView`] is built by the tally (`tally.rs`: [`TeamView::of`] for any
//! list of participants, [`Workshop::team_view`](super::Workshop::team_view)
//! for a workshop) and is what every screen, print and export of the team is
//! made from, so none of them can show more than it holds. A room may mix
//! quick and full assessments: each dimension is aggregated over the
//! participants who were asked it, and the view lists the dimensions of the
//! mode it is given. The figures themselves are described in
//! `statistics.rs`.
//!
//! # Anonymity
//!
//! The view never holds one person's answers: only counts, means and spreads,
//! and none that anyone could work out a small group's answers from. Each
//! dimension's figures for the room, each role group and each team-label
//! group are what [`disclosure::suppress`] lets be seen: a group of fewer
//! than the threshold (default [`DEFAULT_ANONYMITY_THRESHOLD`], 3) people with
//! a score is hidden, and so is any further group, or at last the room's own
//! figure, whose mean would let someone subtract a hidden group back out
//! (see [`disclosure`] for the rule and why it is exact). The HR vs L&D gap
//! and the radar's overlays show only where both groups' means are shown.
//! Figures that are only ever given for the whole room (each statement's
//! answers, the Don't know rates) need the threshold's number of people
//! behind them. Team labels are grouped ignoring case.
//!
//! [`disclosure`]: crate::assessment::disclosure
//! [`disclosure::suppress`]: crate::assessment::disclosure::suppress

use super::statistics::{DimensionStats, Mean, PerceptionGap, StatementStats};
use crate::assessment::answer::{Mode, Role};
use crate::assessment::disclosure::Figure;
use crate::assessment::scoring::{Coverage, DimensionResult, Report, Score};
use std::fmt;

/// Smallest group whose figures are shown, unless the facilitator sets
/// another: small enough for a workshop, large enough that nobody's answers
/// can be worked out from a group's mean.
pub const DEFAULT_ANONYMITY_THRESHOLD: usize = PROTECTED_FROM;

/// The smallest threshold that protects everyone: with 3, someone who
/// subtracts their own answers from a group's still faces two unknowns.
/// Below it the workshop is open, and every view of the team says so.
pub const PROTECTED_FROM: usize = 3;

/// The whole team's picture. Holds counts, means and spreads only; see the
/// module documentation for every rule.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamView {
    /// The mode whose dimensions the view lists.
    pub mode: Mode,
    /// The anonymity threshold the view was built with (at least 1).
    pub threshold: usize,
    /// How many participants there are.
    pub participants: usize,
    /// Participants per role, in [`Role::ALL`] order, zeros included.
    pub by_role: [(Role, usize); 5],
    /// Participants whose code carries no role.
    pub without_role: usize,
    /// One entry per dimension of the mode, in bank order.
    pub dimensions: Vec<DimensionStats>,
    /// One entry per statement of the mode, in bank order.
    pub statements: Vec<StatementStats>,
    /// The HR vs L&D gap for each dimension where both groups reach the
    /// threshold, largest difference first.
    pub gaps: Vec<PerceptionGap>,
    /// The statements with the widest spread of answers, widest first; at
    /// most [`DIVIDED_COUNT`](super::DIVIDED_COUNT).
    pub divided: Vec<StatementStats>,
    /// The breakdown by role: roles in [`Role::ALL`] order, then participants
    /// without a role; only groups with members are listed.
    pub roles: Vec<Group>,
    /// The breakdown by team label, in alphabetical order ignoring case;
    /// participants without a label are in no team group.
    pub teams: Vec<Group>,
}

impl TeamView {
    /// The groups hidden although large enough, and the smaller groups they
    /// protect, for the facilitator's screen and the report to say in plain
    /// words; `None` when no figure is hidden to protect another.
    pub fn protection(&self) -> Option<Protection> {
        let mut protection = Protection::default();
        for group in self.roles.iter().chain(&self.teams) {
            let figures = group.figures.as_ref().map_or(&[][..], |f| &f.figures[..]);
            if figures.contains(&Figure::Protecting) {
                protection.hidden_too.push(group.label.clone());
            } else if group.figures.is_none() || figures.contains(&Figure::TooFew) {
                protection.protected.push(group.label.clone());
            }
        }
        (!protection.hidden_too.is_empty()).then_some(protection)
    }

    /// The group of this role, if anybody has it.
    pub fn role_group(&self, role: Role) -> Option<&Group> {
        self.roles
            .iter()
            .find(|g| g.label == GroupLabel::Role(role))
    }

    /// The team radar: the team's means, with the HR and L&D overlays on the
    /// axes where their groups reach the threshold.
    pub fn radar(&self) -> TeamRadar {
        let overlay = |role| {
            let means = &self.role_group(role)?.figures.as_ref()?.means;
            let scores: Vec<Option<Score>> = means.iter().map(|m| m.map(|m| m.score)).collect();
            scores.iter().any(Option::is_some).then_some(scores)
        };
        TeamRadar {
            dimensions: self.dimensions.iter().map(|d| d.index).collect(),
            team: self
                .dimensions
                .iter()
                .map(|d| d.spread.map(|s| s.mean.score))
                .collect(),
            hr: overlay(Role::Hr),
            ld: overlay(Role::LearningAndDevelopment),
        }
    }

    /// The team as one result: each dimension at the team's rounded mean,
    /// with the same overall rule as a person's result. The team's targets
    /// and action plan are drafted from it.
    pub fn report(&self) -> Report {
        let dimensions = self
            .dimensions
            .iter()
            .map(|d| DimensionResult {
                index: d.index,
                scored: d.spread.as_ref().map(|s| (s.mean.score, s.mean.level())),
                coverage: Coverage {
                    counted: d.scored,
                    total: d.asked,
                },
                dont_know: d.dont_know.map_or(0, |rate| rate.count),
                not_applicable: 0,
            })
            .collect();
        Report::from_dimensions(dimensions)
    }
}

/// Who a group in the breakdown is.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum GroupLabel {
    /// Everybody with this role.
    Role(Role),
    /// Participants whose code carries no role.
    NoRole,
    /// Everybody with this team label (compared ignoring case; the spelling
    /// shown is the first in alphabetical order).
    Team(String),
}

impl fmt::Display for GroupLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GroupLabel::Role(role) => f.write_str(role.label()),
            GroupLabel::NoRole => f.write_str("No role given"),
            GroupLabel::Team(team) => f.write_str(team),
        }
    }
}

/// One group of the breakdown.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Who the group is.
    pub label: GroupLabel,
    /// The group's figures; `None` when it has fewer members than the
    /// threshold, and is shown as "hidden (fewer than N)".
    pub figures: Option<GroupFigures>,
}

/// The figures of a group large enough to show.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupFigures {
    /// How many participants are in the group.
    pub members: usize,
    /// The group's mean per dimension, in the order of
    /// [`TeamView::dimensions`]; `None` where the disclosure rule hides it.
    pub means: Vec<Option<Mean>>,
    /// What the disclosure rule did with each of those means: shown;
    /// hidden because fewer members than the threshold have a score;
    /// hidden to protect a smaller group; or nobody has a score.
    pub figures: Vec<Figure>,
}

/// Groups hidden to protect smaller ones: see [`TeamView::protection`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Protection {
    /// Groups large enough to show, hidden on some dimension so that the
    /// smaller groups cannot be worked out from the figures beside them.
    pub hidden_too: Vec<GroupLabel>,
    /// Groups hidden as smaller than the threshold, on some dimension.
    pub protected: Vec<GroupLabel>,
}

/// What a radar chart of the team draws: one axis per dimension, the team's
/// mean scores, and HR and L&D overlays where their groups are large enough.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamRadar {
    /// The axes, as positions of dimensions in the bank.
    pub dimensions: Vec<usize>,
    /// The team's rounded mean per axis; `None` where nobody has a score.
    pub team: Vec<Option<Score>>,
    /// HR's rounded mean per axis, or `None` when no axis may be shown.
    pub hr: Option<Vec<Option<Score>>>,
    /// L&D's rounded mean per axis, or `None` when no axis may be shown.
    pub ld: Option<Vec<Option<Score>>>,
}
