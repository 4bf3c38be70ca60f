//! The workshop: gathering the room's result codes, and the team view the
//! facilitator shows from them.
//!
//! Everything here is pure: the facilitator's screen hands in pasted text,
//! imported progress and saved workshops, and gets back a [`Workshop`] and a
//! [`TeamView`]. Nothing goes through a server and nothing here touches the
//! browser.
//!
//! One file for each step from pasted text to the figures on the screen:
//! - `pasted.rs`: reading pasted text: the codes and result links in it,
//!   among any separators; codes people split with spaces; the lines that
//!   hold no code;
//! - `gathering.rs`: the [`Workshop`] itself, each participant kept as their
//!   canonical code (a duplicate counts once), what each paste, import or
//!   restore did ([`Gathered`]) and the shape it is saved in
//!   ([`SavedWorkshop`]);
//! - `tally.rs`: the running sums over the participants, each participant
//!   scored by the same function as their own report, and the team view
//!   built from them ([`TeamView::of`], [`Workshop::team_view`]);
//! - `statistics.rs`: what each figure of the view is (spread and agreement,
//!   means, the HR vs L&D gap, the most divided statements, the Don't know
//!   rates) and how it is rounded;
//! - `team.rs`: the [`TeamView`], its role and team-label groups, and what
//!   anonymity lets them show ([`DEFAULT_ANONYMITY_THRESHOLD`]).
//!
//! Every public name is used from here, as `assessment::workshop::X`.

mod gathering;
mod pasted;
mod statistics;
mod tally;
mod team;

pub use gathering::{
    Gathered, Rejected, RestoreError, SavedWorkshop, Workshop, MAX_LISTED, MAX_NAME, SCHEMA,
};
pub use pasted::{PasteTooLong, MAX_PASTE_BYTES, MAX_PASTE_CODES};
pub use statistics::{
    Agreement, AnswerCounts, DimensionStats, Mean, PerceptionGap, Rate, RoleSplit, Spread,
    StatementStats, AGREED_BELOW, DIVIDED_COUNT, MIXED_BELOW,
};
pub use tally::Lowercase;
pub use team::{
    Group, GroupFigures, GroupLabel, Protection, TeamRadar, TeamView, DEFAULT_ANONYMITY_THRESHOLD,
    PROTECTED_FROM,
};
