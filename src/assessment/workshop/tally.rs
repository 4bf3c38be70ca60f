//! The tally: running sums over the participants, one at a time, from which
//! the [`TeamView`] is built.
//!
//! Each participant's dimension scores, and each answer's step on the scale
//! (for the most divided statements), come from the scoring's
//! `DimensionCount`, which scores a person's own report, so a team figure and
//! an individual's result can never follow different rules.
//!
//! # Speed
//!
//! One pass over each participant's answers (merged with the bank's statements
//! in id order, since answers are kept sorted), with fixed-size accumulators:
//! scores are whole numbers from 0 to 100, so a histogram per dimension gives
//! the median and spread without keeping or sorting the scores.

use super::gathering::Workshop;
use super::statistics::{
    self, AnswerCounts, DimensionStats, Mean, Rate, RoleSplit, StatementStats, ANSWER_ORDER,
};
use super::team::{Group, GroupFigures, GroupLabel, TeamView};
use crate::assessment::answer::{Answer, Mode, Role};
use crate::assessment::bank::{Bank, Dimension, Statement, StatementId};
use crate::assessment::disclosure::{self, Cells, Figure, Suppression};
use crate::assessment::progress::Progress;
use crate::assessment::scoring::DimensionCount;
use std::collections::BTreeMap;
use std::ops::Range;

/// Unicode lower case, by which team labels are told apart ("Sales" and
/// "sales" are one team). The caller brings it, so that the domain reaches
/// no platform: the app passes the browser's own mapping (`text::lowercase`,
/// which keeps Rust's case tables out of the module a first visit
/// downloads), native code passes `str::to_lowercase`; both follow Unicode.
pub type Lowercase = fn(&str) -> String;

impl TeamView {
    /// Aggregates `participants` for the dimensions `mode` asks, showing
    /// group figures only for groups of at least `threshold` people (a
    /// threshold of 0 is taken as 1). Never panics; answers to statements
    /// outside the bank or the participant's mode are ignored.
    pub fn of(
        bank: &Bank,
        mode: Mode,
        participants: &[Progress],
        threshold: usize,
        lowercase: Lowercase,
    ) -> TeamView {
        let mut tally = Tally::new(bank, mode, lowercase);
        for participant in participants {
            tally.add(participant.mode, participant.role, &participant.team, |s| {
                participant.answers.get(&s.statement.id).copied()
            });
        }
        tally.view(mode, threshold.max(1))
    }
}

impl Workshop {
    /// The team view of everybody gathered, in [`Workshop::mode`]; team
    /// labels are told apart by `lowercase` (see [`Lowercase`]).
    pub fn team_view(&self, bank: &Bank, threshold: usize, lowercase: Lowercase) -> TeamView {
        let mode = self.mode();
        let mut tally = Tally::new(bank, mode, lowercase);
        for participant in self.participants() {
            tally.add(
                participant.mode(),
                participant.role(),
                participant.team(),
                |s| participant.answer_at(s.position),
            );
        }
        tally.view(mode, threshold.max(1))
    }
}

/// One statement of the view, flattened.
struct Flat<'b> {
    statement: &'b Statement,
    /// Its position in the bank, counting every dimension's statements.
    position: usize,
    /// Position of its dimension in the view.
    dimension: usize,
}

/// Running sums for one group: members, and score sum and count per dimension.
#[derive(Clone)]
struct GroupSums {
    members: usize,
    scores: Vec<(u64, usize)>,
}

impl GroupSums {
    fn new(dimensions: usize) -> GroupSums {
        GroupSums {
            members: 0,
            scores: vec![(0, 0); dimensions],
        }
    }

    fn add(&mut self, scores: &[Option<u64>]) {
        self.members += 1;
        for (sums, score) in self.scores.iter_mut().zip(scores) {
            if let Some(score) = score {
                sums.0 += score;
                sums.1 += 1;
            }
        }
    }

    /// The group as shown: figures only from `threshold` members, and a
    /// dimension's mean only where `shown` says the disclosure rule lets it
    /// be seen (which needs `threshold` scores at least).
    fn group(&self, label: GroupLabel, threshold: usize, shown: &[Figure]) -> Group {
        let figures = (self.members >= threshold).then(|| GroupFigures {
            members: self.members,
            means: self
                .scores
                .iter()
                .zip(shown)
                .map(|(&(sum, count), figure)| {
                    if figure.is_shown() {
                        Mean::of(sum, count)
                    } else {
                        None
                    }
                })
                .collect(),
            figures: shown.to_vec(),
        });
        Group { label, figures }
    }
}

/// Running sums for one statement.
#[derive(Clone, Default)]
struct StatementSums {
    asked: usize,
    answers: [usize; 7],
    /// Sum and sum of squares of the scale steps (0 to 4, after reverse
    /// scoring) of the answers on the scale.
    steps: u64,
    squares: u64,
    /// The answers of HR, of L&D and of everyone else ([`split_group`]),
    /// and how many of each were asked: what a divided statement's split
    /// is made from.
    split: [[usize; 7]; 3],
    split_asked: [usize; 3],
    /// Participants scored on the dimension by their answer to this
    /// statement alone, though it has others (see [`Tally::view`]).
    alone: usize,
}

impl StatementSums {
    /// n² times the variance of the steps, and n: whole numbers, so spreads
    /// compare exactly.
    fn spread(&self) -> (u128, u128) {
        let n = self.answers[..5].iter().sum::<usize>() as u128;
        let (steps, squares) = (u128::from(self.steps), u128::from(self.squares));
        (n * squares - steps * steps, n)
    }

    /// How HR and L&D answered, where that can be shown: the dimension's
    /// HR and L&D means are both shown (`both_shown`), each group has the
    /// threshold's number of answers on the scale, and everyone else,
    /// whose answers the room's less the two groups' would give, is nobody
    /// or also the threshold's number.
    fn split(&self, threshold: usize, both_shown: bool) -> Option<RoleSplit> {
        let on_scale = |group: usize| self.split[group][..5].iter().sum::<usize>();
        let shown = both_shown
            && on_scale(SPLIT_HR) >= threshold
            && on_scale(SPLIT_LD) >= threshold
            && (self.split_asked[SPLIT_REST] == 0 || on_scale(SPLIT_REST) >= threshold);
        shown.then(|| RoleSplit {
            hr: AnswerCounts(self.split[SPLIT_HR]),
            ld: AnswerCounts(self.split[SPLIT_LD]),
        })
    }

    /// The statement's figures, shown for the whole room only, and only when
    /// at least `threshold` participants answered it on the agreement scale
    /// (someone who answered "Don't know" knows their own answer, so the
    /// opinions behind the figures must be the threshold's number) and it is
    /// the one statement of its dimension that may be shown (`chosen`, see
    /// [`Tally::view`]); otherwise hidden as protecting. The HR and L&D split
    /// is [`StatementSums::split`]'s.
    fn stats(
        &self,
        id: &StatementId,
        dimension: usize,
        threshold: usize,
        chosen: bool,
        both_shown: bool,
    ) -> StatementStats {
        let on_scale = self.answers[..5].iter().sum();
        let figure = match disclosure::room_only(on_scale, threshold) {
            Figure::Shown if !chosen => Figure::Protecting,
            figure => figure,
        };
        if !figure.is_shown() {
            return StatementStats {
                id: id.clone(),
                dimension,
                asked: self.asked,
                figure,
                answers: AnswerCounts::default(),
                mean: None,
                std_dev: None,
                dont_know: None,
                split: None,
            };
        }
        let answers = AnswerCounts(self.answers);
        let (variance, n) = self.spread();
        StatementStats {
            id: id.clone(),
            dimension,
            asked: self.asked,
            figure,
            answers,
            // 25 points a step.
            mean: (n > 0).then(|| statistics::tenths(25 * u128::from(self.steps), n) as f64 / 10.0),
            std_dev: (n > 0)
                .then(|| statistics::round_tenth(25.0 * (variance as f64).sqrt() / n as f64)),
            dont_know: Some(Rate {
                count: answers.of(Answer::DontKnow),
                of: self.asked,
            }),
            split: self.split(threshold, both_shown),
        }
    }
}

/// Running sums for one dimension.
#[derive(Clone)]
struct DimensionSums {
    asked: usize,
    dont_know: usize,
    /// Statements asked: participants asked times statements.
    slots: usize,
    /// How many participants have each score from 0 to 100.
    histogram: [usize; 101],
}

/// Position of the HR and L&D groups among the role sums.
const HR: usize = 0;
const LD: usize = 1;
/// Position of the "no role" sums, after the five roles.
const NO_ROLE: usize = 5;

/// The groups of a statement's split: HR, L&D, and everyone else.
const SPLIT_HR: usize = 0;
const SPLIT_LD: usize = 1;
const SPLIT_REST: usize = 2;

fn split_group(role: Option<Role>) -> usize {
    match role {
        Some(Role::Hr) => SPLIT_HR,
        Some(Role::LearningAndDevelopment) => SPLIT_LD,
        _ => SPLIT_REST,
    }
}

fn role_slot(role: Option<Role>) -> usize {
    match role {
        Some(Role::Hr) => HR,
        Some(Role::LearningAndDevelopment) => LD,
        Some(Role::Leadership) => 2,
        Some(Role::LineManager) => 3,
        Some(Role::Other) => 4,
        None => NO_ROLE,
    }
}

/// Everything counted while reading the participants, one at a time.
struct Tally<'b> {
    /// The dimensions the view lists, with their positions in the bank.
    dimensions: Vec<(usize, &'b Dimension)>,
    /// Their statements, flattened in bank order.
    flat: Vec<Flat<'b>>,
    /// Where each dimension's statements sit in `flat`.
    ranges: Vec<Range<usize>>,
    participants: usize,
    dimension_sums: Vec<DimensionSums>,
    statement_sums: Vec<StatementSums>,
    /// One per role in [`role_slot`] order.
    role_sums: Vec<GroupSums>,
    /// Keyed by the label in lower case; holds the spelling shown, and the
    /// label's column in `cells` (the order labels were first seen).
    team_sums: BTreeMap<String, (String, GroupSums, usize)>,
    /// Per dimension, who has a score on it, by role and team label: what
    /// the disclosure rule decides each group's figure on.
    cells: Vec<Cells>,
    /// Scratch for one participant: their team label in lower case.
    key: String,
    lowercase: Lowercase,
    /// Scratch for one participant: the answer slot + 1 for each statement
    /// of `flat`, 0 for none.
    given: Vec<u8>,
    /// Scratch for one participant: their score per dimension.
    scores: Vec<Option<u64>>,
}

impl<'b> Tally<'b> {
    fn new(bank: &'b Bank, mode: Mode, lowercase: Lowercase) -> Tally<'b> {
        let mut dimensions = Vec::new();
        let mut flat = Vec::new();
        let mut ranges = Vec::new();
        let mut position = 0;
        for (index, dimension) in bank.dimensions().iter().enumerate() {
            let first = position;
            position += dimension.statements.len();
            if mode != Mode::Full && !dimension.core {
                continue;
            }
            let start = flat.len();
            flat.extend(
                dimension
                    .statements
                    .iter()
                    .zip(first..)
                    .map(|(statement, position)| Flat {
                        statement,
                        position,
                        dimension: dimensions.len(),
                    }),
            );
            ranges.push(start..flat.len());
            dimensions.push((index, dimension));
        }
        let empty = DimensionSums {
            asked: 0,
            dont_know: 0,
            slots: 0,
            histogram: [0; 101],
        };
        Tally {
            dimension_sums: vec![empty; dimensions.len()],
            statement_sums: vec![StatementSums::default(); flat.len()],
            role_sums: vec![GroupSums::new(dimensions.len()); NO_ROLE + 1],
            team_sums: BTreeMap::new(),
            cells: vec![Cells::new(NO_ROLE + 1, 0); dimensions.len()],
            key: String::new(),
            lowercase,
            given: vec![0; flat.len()],
            scores: vec![None; dimensions.len()],
            participants: 0,
            dimensions,
            flat,
            ranges,
        }
    }

    /// Counts one participant, whose answer to each statement of the view
    /// `answer` gives.
    fn add(
        &mut self,
        mode: Mode,
        role: Option<Role>,
        team: &str,
        answer: impl Fn(&Flat) -> Option<Answer>,
    ) {
        self.participants += 1;
        for (given, statement) in self.given.iter_mut().zip(&self.flat) {
            *given = answer(statement).map_or(0, |a| statistics::answer_slot(a) as u8 + 1);
        }
        for position in 0..self.dimensions.len() {
            self.scores[position] = self.add_dimension(position, mode, split_group(role));
        }
        self.role_sums[role_slot(role)].add(&self.scores);
        let mut column = None;
        if !team.is_empty() {
            // The key in a reused buffer: most people share a few labels,
            // so a room of thousands allocates only for new ones.
            if team.is_ascii() {
                self.key.clear();
                self.key.push_str(team);
                self.key.make_ascii_lowercase();
            } else {
                self.key = (self.lowercase)(team);
            }
            if !self.team_sums.contains_key(self.key.as_str()) {
                let sums = GroupSums::new(self.scores.len());
                let next = self.team_sums.len();
                self.team_sums
                    .insert(self.key.clone(), (team.to_owned(), sums, next));
            }
            if let Some((spelling, sums, at)) = self.team_sums.get_mut(self.key.as_str()) {
                if team < spelling.as_str() {
                    team.clone_into(spelling);
                }
                sums.add(&self.scores);
                column = Some(*at);
            }
        }
        for (cells, score) in self.cells.iter_mut().zip(&self.scores) {
            if score.is_some() {
                cells.add(role_slot(role), column);
            }
        }
    }

    /// Counts one participant's answers to one dimension and returns their
    /// score, if they were asked it and answered enough.
    fn add_dimension(&mut self, position: usize, mode: Mode, group: usize) -> Option<u64> {
        if mode != Mode::Full && !self.dimensions[position].1.core {
            return None;
        }
        let range = self.ranges[position].clone();
        let sums = &mut self.dimension_sums[position];
        sums.asked += 1;
        sums.slots += range.len();
        let mut count = DimensionCount::default();
        // The statements answered on the scale: how many, and the last.
        let (mut on_scale, mut last) = (0, range.start);
        for s in range.clone() {
            let statement = &mut self.statement_sums[s];
            statement.asked += 1;
            statement.split_asked[group] += 1;
            let answer = usize::from(self.given[s]).checked_sub(1).map(|slot| {
                statement.answers[slot] += 1;
                statement.split[group][slot] += 1;
                ANSWER_ORDER[slot]
            });
            if let Some(step) = count.add(self.flat[s].statement, answer) {
                (on_scale, last) = (on_scale + 1, s);
                let step = u64::from(step);
                statement.steps += step;
                statement.squares += step * step;
            }
        }
        let result = count.result(position);
        sums.dont_know += result.dont_know;
        let score = u64::from(result.score()?.value());
        if on_scale == 1 && range.len() > 1 {
            self.statement_sums[last].alone += 1;
        }
        sums.histogram[score as usize] += 1;
        Some(score)
    }

    fn view(self, mode: Mode, threshold: usize) -> TeamView {
        // Per dimension, which figures the disclosure rule lets be seen,
        // with the labels in the order they are listed (alphabetical), so
        // the order participants came in changes nothing.
        let mut order = vec![0; self.team_sums.len()];
        for (listed, (_, _, seen)) in self.team_sums.values().enumerate() {
            order[*seen] = listed;
        }
        let shown: Vec<Suppression> = self
            .cells
            .iter()
            .map(|cells| disclosure::suppress(&cells.relabelled(&order), threshold))
            .collect();
        let dimensions: Vec<DimensionStats> = self
            .dimensions
            .iter()
            .zip(&self.dimension_sums)
            .zip(&shown)
            .map(|((&(index, _), sums), shown)| DimensionStats {
                index,
                asked: sums.asked,
                scored: sums.histogram.iter().sum(),
                figure: shown.room,
                spread: if shown.room.is_shown() {
                    statistics::spread(&sums.histogram)
                } else {
                    None
                },
                dont_know: disclosure::room_only(sums.asked, threshold)
                    .is_shown()
                    .then_some(Rate {
                        count: sums.dont_know,
                        of: sums.slots,
                    }),
            })
            .collect();
        let both_shown: Vec<bool> = shown
            .iter()
            .map(|s| s.roles[HR].is_shown() && s.roles[LD].is_shown())
            .collect();
        let spreads: Vec<(u128, u128)> = self
            .statement_sums
            .iter()
            .map(StatementSums::spread)
            .collect();
        // Each dimension shows the counts of one statement at most, beside
        // its mean scores. Someone's score is the mean of the steps they
        // answered, so where they answered only some statements, a group's
        // mean times its size less the steps two or more statements' counts
        // make would be what those few answered, and people who left out
        // the same statements cancel in it. With one statement's counts, the
        // answers to the others stay unknown and keep everyone who answered
        // it in the sum; unless someone was scored by that statement alone,
        // whose score it would give, so it is never one of theirs. The one
        // chosen is the most divided of the rest that the most people
        // answered on the scale, from all the answers, whatever the
        // threshold, so that views at two thresholds show one and the same;
        // and what was answered to a statement too few answered to show
        // never decides it: either the most answered are enough to show,
        // and each spread compared rests on that many, or nothing of the
        // dimension is shown, whichever it is.
        let chosen: Vec<Option<usize>> = self
            .ranges
            .iter()
            .map(|range| {
                let candidates = range.clone().filter(|&s| self.statement_sums[s].alone == 0);
                let most = candidates.clone().map(|s| spreads[s].1).max()?;
                candidates
                    .filter(|&s| spreads[s].1 == most)
                    .min_by(|&a, &b| statistics::more_divided(&spreads, a, b))
            })
            .collect();
        let statements: Vec<StatementStats> = self
            .flat
            .iter()
            .zip(&self.statement_sums)
            .enumerate()
            .map(|(s, (f, sums))| {
                let (index, _) = self.dimensions[f.dimension];
                let one = chosen[f.dimension] == Some(s);
                sums.stats(
                    &f.statement.id,
                    index,
                    threshold,
                    one,
                    both_shown[f.dimension],
                )
            })
            .collect();
        let divided = statistics::most_divided(&statements, &spreads);
        let gaps = statistics::gaps(
            &self.dimensions,
            &self.role_sums[HR].scores,
            &self.role_sums[LD].scores,
            &both_shown,
        );
        let roles = Role::ALL
            .iter()
            .map(|&role| GroupLabel::Role(role))
            .chain([GroupLabel::NoRole])
            .zip(&self.role_sums)
            .enumerate()
            .filter(|(_, (_, sums))| sums.members > 0)
            .map(|(row, (label, sums))| {
                let figures: Vec<Figure> = shown.iter().map(|s| s.roles[row]).collect();
                sums.group(label, threshold, &figures)
            })
            .collect();
        let teams = self
            .team_sums
            .into_values()
            .enumerate()
            .map(|(column, (spelling, sums, _))| {
                let figures: Vec<Figure> = shown.iter().map(|s| s.labels[column]).collect();
                sums.group(GroupLabel::Team(spelling), threshold, &figures)
            })
            .collect();
        let mut by_role = Role::ALL.map(|role| (role, 0));
        for (role, sums) in by_role.iter_mut().zip(&self.role_sums) {
            role.1 = sums.members;
        }
        TeamView {
            mode,
            threshold,
            participants: self.participants,
            by_role,
            without_role: self.role_sums[NO_ROLE].members,
            dimensions,
            statements,
            gaps,
            divided,
            roles,
            teams,
        }
    }
}
