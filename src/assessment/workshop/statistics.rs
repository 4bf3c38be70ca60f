//! The figures of the team view: how a dimension's scores are spread and
//! whether the room agreed, group means, the HR vs L&D gap, the most divided
//! statements and the Don't know rates, and how each is rounded.
//!
//! Every figure is built from each participant's own dimension scores,
//! computed by the same rules as their individual report (see
//! [`scoring`](crate::assessment::scoring)): a participant counts for a
//! dimension only when their mode asks it and they answered at least half of
//! its statements.
//!
//! Per dimension: the number of participants asked and scored, the mean,
//! median, lowest and highest score, and the population standard deviation
//! (dividing by the number of scores: the room is the whole population being
//! described, not a sample). The team level is [`Level::of`] the mean rounded
//! to a whole number, half up, as an individual's score is rounded.
//!
//! **Agreement** is read from the standard deviation, in score points:
//! below [`AGREED_BELOW`] (10) the room **agreed**; below [`MIXED_BELOW`] (20)
//! views are **mixed**; from 20 the room is **split**. A level band is 20
//! points wide, so under 10 most people sit within half a level of the mean,
//! and from 20 a typical person is a whole level away from it. The label is
//! read from the standard deviation as shown (rounded to one decimal), so the
//! figure and the label never disagree; it needs two scores at least. The
//! range is given alongside rather than folded into the label: one person far
//! from everybody else is an outlier worth asking about, not a split room.
//!
//! **HR vs L&D gap**: the mean of the HR participants minus the mean of the
//! L&D participants, per dimension; positive when HR sees the partnership more
//! favourably. Leadership and other roles count in neither group. Largest
//! difference (either way) first, ties in bank order.
//!
//! **Most divided statements**: per statement, the standard deviation of the
//! agreement answers (after reverse scoring, in the same 0 to 100 points as
//! scores), among those who answered on the scale; the [`DIVIDED_COUNT`]
//! widest spreads, with at least two answers on the scale and some spread,
//! ties broken by the number of answers and then bank order.
//!
//! **Don't know rates**: per statement, the share of participants asked who
//! answered "Don't know"; per dimension, the share of all its statements asked
//! (participants asked times statements). Unanswered statements count in the
//! denominator: they were asked and are not an opinion either.
//!
//! **Rounding and determinism.** Sums and counts are whole numbers, so means,
//! medians, gaps and rates are exact fractions until the end. Means and gaps
//! are rounded to one decimal, half away from zero, from the exact fraction;
//! standard deviations are one correctly rounded square root, then rounded to
//! one decimal. The same participants give the same figures on every device,
//! in any order.

use crate::assessment::answer::Answer;
use crate::assessment::bank::{Dimension, StatementId};
use crate::assessment::disclosure::Figure;
use crate::assessment::scoring::{Level, Score};

/// A standard deviation below this many points means the room agreed.
pub const AGREED_BELOW: f64 = 10.0;

/// A standard deviation below this many points (and not below
/// [`AGREED_BELOW`]) means views are mixed; from it, the room is split.
pub const MIXED_BELOW: f64 = 20.0;

/// How many of the most divided statements the view names.
pub const DIVIDED_COUNT: usize = 5;

/// How far apart the room's scores for a dimension are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Agreement {
    /// Standard deviation below [`AGREED_BELOW`] points.
    Agreed,
    /// Standard deviation from [`AGREED_BELOW`] to below [`MIXED_BELOW`].
    Mixed,
    /// Standard deviation of [`MIXED_BELOW`] points or more.
    Split,
}

impl Agreement {
    /// Every label, closest agreement first.
    pub const ALL: [Agreement; 3] = [Agreement::Agreed, Agreement::Mixed, Agreement::Split];

    /// The label for a standard deviation in score points.
    pub fn of(std_dev: f64) -> Agreement {
        if std_dev < AGREED_BELOW {
            Agreement::Agreed
        } else if std_dev < MIXED_BELOW {
            Agreement::Mixed
        } else {
            Agreement::Split
        }
    }
}

/// The mean of some scores.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mean {
    /// The mean, 0 to 100, rounded to one decimal.
    pub value: f64,
    /// The mean rounded to a whole number, half up, as an individual's
    /// dimension score is; what levels and charts use.
    pub score: Score,
    /// How many scores it is the mean of.
    pub of: usize,
}

impl Mean {
    /// The mean of `count` scores adding up to `sum`; `None` for no scores.
    pub(super) fn of(sum: u64, count: usize) -> Option<Mean> {
        let n = count as u64;
        // `None` for no scores, before anything divides by their number.
        let score = Score::rounded_mean(sum, n)?;
        Some(Mean {
            value: tenths(u128::from(sum), u128::from(n)) as f64 / 10.0,
            score,
            of: count,
        })
    }

    /// The level of the rounded mean.
    pub fn level(self) -> Level {
        Level::of(self.score)
    }
}

/// A share of a whole, such as Don't know answers among the answers asked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rate {
    /// How many.
    pub count: usize,
    /// Out of how many.
    pub of: usize,
}

impl Rate {
    /// The share from 0 to 1; `None` when there is nothing to share.
    pub fn share(self) -> Option<f64> {
        (self.of > 0).then(|| self.count as f64 / self.of as f64)
    }

    /// The share as a whole percentage, rounded half up; `None` when there
    /// is nothing to share.
    pub fn percent(self) -> Option<u8> {
        let (count, of) = (self.count as u128, self.of as u128);
        (of > 0).then(|| ((200 * count + of) / (2 * of)).min(100) as u8)
    }
}

/// How the scored participants' scores for one dimension are spread.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    /// The mean score.
    pub mean: Mean,
    /// The median: the middle score, or halfway between the two middle ones.
    pub median: f64,
    /// The lowest score.
    pub min: Score,
    /// The highest score.
    pub max: Score,
    /// Population standard deviation in score points, rounded to one decimal.
    pub std_dev: f64,
    /// The agreement label; `None` with a single score.
    pub agreement: Option<Agreement>,
}

/// The team's figures for one dimension.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionStats {
    /// Position of the dimension in the bank.
    pub index: usize,
    /// Participants whose mode asks this dimension.
    pub asked: usize,
    /// Of those, participants with enough answers to have a score.
    pub scored: usize,
    /// Whether the room's scores may be shown: hidden when fewer than
    /// [`TeamView::threshold`](super::TeamView::threshold) have a score, or
    /// to protect a group.
    pub figure: Figure,
    /// The spread of the scores; `None` when nobody has a score or the
    /// room's figure is hidden.
    pub spread: Option<Spread>,
    /// "Don't know" answers among every statement of the dimension asked
    /// (participants asked times statements); `None` when fewer than
    /// [`TeamView::threshold`](super::TeamView::threshold) participants were
    /// asked.
    pub dont_know: Option<Rate>,
}

impl DimensionStats {
    /// The team level, from the mean.
    pub fn level(&self) -> Option<Level> {
        self.spread.map(|s| s.mean.level())
    }
}

/// How many participants gave each answer to one statement. Counts only:
/// nothing says who answered what.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AnswerCounts(pub(super) [usize; 7]);

/// The order [`AnswerCounts`] keeps answers in: the scale, then the two
/// answers that are not an opinion.
pub(super) const ANSWER_ORDER: [Answer; 7] = Answer::ALL;

pub(super) fn answer_slot(answer: Answer) -> usize {
    match answer {
        Answer::StronglyDisagree => 0,
        Answer::Disagree => 1,
        Answer::Neutral => 2,
        Answer::Agree => 3,
        Answer::StronglyAgree => 4,
        Answer::DontKnow => 5,
        Answer::NotApplicable => 6,
    }
}

impl AnswerCounts {
    /// How many gave `answer`.
    pub fn of(&self, answer: Answer) -> usize {
        self.0[answer_slot(answer)]
    }

    /// Every answer with its count, the scale first (strongly disagree to
    /// strongly agree), then "Don't know" and "Not applicable".
    pub fn iter(&self) -> impl Iterator<Item = (Answer, usize)> + '_ {
        ANSWER_ORDER.iter().copied().zip(self.0.iter().copied())
    }

    /// How many answered on the agreement scale.
    pub fn on_scale(&self) -> usize {
        self.0[..5].iter().sum()
    }

    /// How many answered at all.
    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }
}

/// The team's figures for one statement.
#[derive(Clone, Debug, PartialEq)]
pub struct StatementStats {
    /// The statement.
    pub id: StatementId,
    /// Position of its dimension in the bank.
    pub dimension: usize,
    /// Participants whose mode asks the statement.
    pub asked: usize,
    /// Whether the statement's figures are shown: only from
    /// [`TeamView::threshold`](super::TeamView::threshold) answers on the
    /// agreement scale. When not, the figures below are empty.
    pub figure: Figure,
    /// Answers as given (before reverse scoring: what people chose).
    pub answers: AnswerCounts,
    /// Mean of the answers on the scale after reverse scoring, in points
    /// (0 strongly disagree to 100 strongly agree, the other way round for a
    /// reverse statement), rounded to one decimal; `None` without any.
    pub mean: Option<f64>,
    /// Population standard deviation of the same points, rounded to one
    /// decimal; `None` without any answer on the scale.
    pub std_dev: Option<f64>,
    /// "Don't know" answers among the participants asked; `None` when the
    /// statement's figures are hidden.
    pub dont_know: Option<Rate>,
    /// How HR and L&D answered; `None` unless the dimension's HR vs L&D
    /// gap is shown and both groups, and everyone else unless nobody, have
    /// the threshold's number of answers on the scale.
    pub split: Option<RoleSplit>,
}

/// How HR and L&D each answered one statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoleSplit {
    pub hr: AnswerCounts,
    pub ld: AnswerCounts,
}

/// How differently HR and L&D see one dimension.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PerceptionGap {
    /// Position of the dimension in the bank.
    pub index: usize,
    /// The HR participants' mean.
    pub hr: Mean,
    /// The L&D participants' mean.
    pub ld: Mean,
    /// HR's mean minus L&D's, from the exact means, rounded to one decimal;
    /// positive when HR sees the partnership more favourably.
    pub gap: f64,
}

/// The spread of the scores in a histogram; `None` when it is empty.
pub(super) fn spread(histogram: &[usize; 101]) -> Option<Spread> {
    let count: usize = histogram.iter().sum();
    if count == 0 {
        return None;
    }
    let (mut sum, mut squares) = (0u128, 0u128);
    for (value, &n) in histogram.iter().enumerate() {
        sum += value as u128 * n as u128;
        squares += (value * value) as u128 * n as u128;
    }
    let n = count as u128;
    let nth = |k: usize| {
        let mut seen = 0;
        for (value, &n) in histogram.iter().enumerate() {
            seen += n;
            if seen > k {
                return value;
            }
        }
        100
    };
    let min = histogram.iter().position(|&n| n > 0).unwrap_or(0);
    let max = histogram.iter().rposition(|&n| n > 0).unwrap_or(100);
    // n² times the variance is a whole number; one square root at the end.
    let std_dev = round_tenth(((n * squares - sum * sum) as f64).sqrt() / n as f64);
    Some(Spread {
        mean: Mean::of(sum as u64, count)?,
        median: (nth((count - 1) / 2) + nth(count / 2)) as f64 / 2.0,
        min: score(min as u64),
        max: score(max as u64),
        std_dev,
        agreement: (count >= 2).then(|| Agreement::of(std_dev)),
    })
}

/// The most divided statements, widest spread first. `spreads` holds, for
/// each statement, n² times the variance of its steps on the scale and n,
/// the number of answers on the scale: whole numbers, so spreads compare
/// exactly.
pub(super) fn most_divided(
    statements: &[StatementStats],
    spreads: &[(u128, u128)],
) -> Vec<StatementStats> {
    let mut candidates: Vec<usize> = (0..statements.len())
        .filter(|&s| {
            statements[s].figure.is_shown()
                && statements[s].answers.on_scale() >= 2
                && spreads[s].0 > 0
        })
        .collect();
    crate::assessment::sort_short_by(&mut candidates, |&a, &b| more_divided(spreads, a, b));
    candidates
        .into_iter()
        .take(DIVIDED_COUNT)
        .map(|s| statements[s].clone())
        .collect()
}

/// Statement `a` before statement `b` when it is more divided: the wider
/// spread, then the more answers on the scale, then bank order. `spreads`
/// is as for [`most_divided`].
pub(super) fn more_divided(spreads: &[(u128, u128)], a: usize, b: usize) -> std::cmp::Ordering {
    let ((va, na), (vb, nb)) = (spreads[a], spreads[b]);
    // va / na² against vb / nb², without dividing.
    (vb * na * na)
        .cmp(&(va * nb * nb))
        .then(nb.cmp(&na))
        .then(a.cmp(&b))
}

/// The HR vs L&D gaps where the disclosure rule shows both groups' means,
/// largest first. `hr` and `ld` are each group's score sum and count per
/// dimension of the view, and `shown` whether both means may be seen there.
pub(super) fn gaps(
    dimensions: &[(usize, &Dimension)],
    hr: &[(u64, usize)],
    ld: &[(u64, usize)],
    shown: &[bool],
) -> Vec<PerceptionGap> {
    // Each gap as an exact fraction (numerator, denominator) for sorting.
    let mut gaps: Vec<(PerceptionGap, i128, i128)> = dimensions
        .iter()
        .enumerate()
        .filter_map(|(position, &(index, _))| {
            let (hr_sum, hr_n) = hr[position];
            let (ld_sum, ld_n) = ld[position];
            if !*shown.get(position)? {
                return None;
            }
            let numerator = i128::from(hr_sum) * ld_n as i128 - i128::from(ld_sum) * hr_n as i128;
            let denominator = hr_n as i128 * ld_n as i128;
            let magnitude = tenths(numerator.unsigned_abs(), denominator as u128) as f64 / 10.0;
            Some((
                PerceptionGap {
                    index,
                    hr: Mean::of(hr_sum, hr_n)?,
                    ld: Mean::of(ld_sum, ld_n)?,
                    gap: if numerator < 0 { -magnitude } else { magnitude },
                },
                numerator.abs(),
                denominator,
            ))
        })
        .collect();
    crate::assessment::sort_short_by(&mut gaps, |(a, an, ad), (b, bn, bd)| {
        (bn * ad).cmp(&(an * bd)).then(a.index.cmp(&b.index))
    });
    gaps.into_iter().map(|(gap, _, _)| gap).collect()
}

/// `numerator / denominator` in tenths, rounded half up (so half away from
/// zero for the non-negative values it is given).
pub(super) fn tenths(numerator: u128, denominator: u128) -> u128 {
    (20 * numerator + denominator) / (2 * denominator)
}

/// Rounds to one decimal, half away from zero.
pub(super) fn round_tenth(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// A whole number from 0 to 100 as a score.
pub(super) fn score(value: u64) -> Score {
    Score::new(value.min(100) as u8).unwrap_or(Score::MAX)
}
