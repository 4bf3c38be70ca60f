//! The workshop: gathering the room's result codes, and the team view the
//! facilitator shows from them.
//!
//! Everything here is pure: the facilitator's screen hands in pasted text,
//! imported progress and saved workshops, and gets back a [`Workshop`] and a
//! [`TeamView`]. Nothing goes through a server and nothing here touches the
//! browser.
//!
//! # Gathering
//!
//! A [`Workshop`] keeps each participant as their result code (the canonical
//! spelling [`code::encode`] writes) next to the progress decoded from it. The
//! codes are what is saved: compact, and decoded again, so validated again,
//! when a saved workshop is restored ([`Workshop::restore`]). A saved code that
//! no longer reads (the bank changed since) is kept as it was and saved again,
//! so restoring never loses a participant; the facilitator can discard those
//! explicitly.
//!
//! Two results are the same participant when their codes are equal, that is
//! same mode, role, team label and answers: however a code was spelled
//! (lower case, without hyphens, inside a link) it is compared in its
//! canonical form. A duplicate is counted once.
//!
//! Pasted text may hold many codes and links separated by anything: line
//! breaks, commas, semicolons, `|`, spaces or tabs. Each word that starts like
//! a code (`T1…`, or `T` followed by code symbols with a digit among them, so
//! a code from a newer Tandem is named as such) or that is a link with `r=` in
//! its fragment is read as one entry; other words ("thanks", names) are
//! skipped. A code that people split with spaces (`T1 ABCDE FGHIJ …`) is
//! joined back with the words that follow it on the same line, but only when
//! the first part alone does not read and the joined text passes the code's
//! checksum. Good entries are added; nothing already gathered is changed by a
//! paste, whatever else it holds.
//!
//! # The team view
//!
//! [`TeamView::of`] aggregates any list of participants. Every figure is built
//! from each participant's own dimension scores, computed by the same rules as
//! their individual report (see [`scoring`](super::scoring)): a participant
//! counts for a dimension only when their mode asks it and they answered at
//! least half of its statements. So a room may mix quick and full
//! assessments: each dimension is aggregated over the participants who were
//! asked it, and the view lists the dimensions of the mode it is given.
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
//! behind them. Team labels are grouped ignoring case. The view is what
//! every screen, print and export of the team is made from, so none of them
//! can show more.
//!
//! # Rounding and determinism
//!
//! Sums and counts are whole numbers, so means, medians, gaps and rates are
//! exact fractions until the end. Means and gaps are rounded to one decimal,
//! half away from zero, from the exact fraction; standard deviations are one
//! correctly rounded square root, then rounded to one decimal. The same
//! participants give the same figures on every device, in any order.
//!
//! # Speed
//!
//! One pass over each participant's answers (merged with the bank's statements
//! in id order, since answers are kept sorted), with fixed-size accumulators:
//! scores are whole numbers from 0 to 100, so a histogram per dimension gives
//! the median and spread without keeping or sorting the scores.

use super::answer::{Answer, Mode, Role};
use super::bank::{Bank, Dimension, StatementId};
use super::code::{self, CodeError, Decoded};
use super::disclosure::{self, Cells, Figure, Suppression};
use super::progress::Progress;
use super::scoring::{self, Level, Score};
use serde::{Deserialize, Serialize, Serializer};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::ops::Range;
use std::rc::Rc;

/// Smallest group whose figures are shown, unless the facilitator sets
/// another: small enough for a workshop, large enough that nobody's answers
/// can be worked out from a group's mean.
pub const DEFAULT_ANONYMITY_THRESHOLD: usize = 3;

/// Unicode lower case, by which team labels are told apart ("Sales" and
/// "sales" are one team). The caller brings it, so that the domain reaches
/// no platform: the app passes the browser's own mapping (`text::lowercase`,
/// which keeps Rust's case tables out of the module a first visit
/// downloads), native code passes `str::to_lowercase`; both follow Unicode.
pub type Lowercase = fn(&str) -> String;

/// A standard deviation below this many points means the room agreed.
pub const AGREED_BELOW: f64 = 10.0;

/// A standard deviation below this many points (and not below
/// [`AGREED_BELOW`]) means views are mixed; from it, the room is split.
pub const MIXED_BELOW: f64 = 20.0;

/// How many of the most divided statements the view names.
pub const DIVIDED_COUNT: usize = 5;

/// Longest workshop name kept, in characters.
pub const MAX_NAME: usize = 80;

/// Version of the saved workshop's shape ([`SavedWorkshop`]).
pub const SCHEMA: u32 = 1;

/// Longest piece of a refused entry repeated in a message, in characters:
/// enough to recognise a code, short enough for a list on a phone.
const MAX_SHOWN: usize = 32;

/// Most words joined back onto a code that was split by spaces: a full
/// standard code is eight groups, a long team label adds a few more.
const MAX_JOINED_WORDS: usize = 16;

/// How many times over joining split codes may look at a paste's bytes. A
/// paste of split codes needs about three; past the allowance, words are
/// read one by one, and a code still split is refused, not lost.
const JOIN_EFFORT: usize = 4;

/// Largest paste read at once, in bytes: about 65,000 codes, one a line.
/// Reading takes time in proportion to the text, so a paste this long is
/// read in a fraction of a second; past it the paste is refused whole, with
/// a message, and nothing gathered changes.
pub const MAX_PASTE_BYTES: usize = 2_000_000;

/// Most refused entries, and most lines without a code, listed one by one;
/// the rest are counted.
pub const MAX_LISTED: usize = 50;

// ---------------------------------------------------------------------------
// Gathering
// ---------------------------------------------------------------------------

/// The results gathered in one workshop.
///
/// Each participant is kept as their canonical result code together with the
/// progress decoded from it; serialising writes the name and the codes only
/// (the shape of [`SavedWorkshop`]), and [`Workshop::restore`] reads them back
/// through the decoder.
#[derive(Clone, Debug, Default)]
pub struct Workshop {
    name: String,
    /// Shared between copies of the workshop until one of them changes it:
    /// the screen keeps the state before each action, and renaming a large
    /// room or editing its plan must not copy everyone in it.
    people: Rc<People>,
    /// Saved codes that did not read when restored, kept as they were so
    /// that saving again never loses them.
    unreadable: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct People {
    /// Canonical codes, in the order they were gathered.
    codes: Vec<String>,
    /// What `codes` carry, index for index.
    participants: Vec<Decoded>,
}

impl PartialEq for Workshop {
    fn eq(&self, other: &Workshop) -> bool {
        self.name == other.name
            && self.unreadable == other.unreadable
            && (Rc::ptr_eq(&self.people, &other.people) || self.people == other.people)
    }
}

/// What one paste, import or restore did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Gathered {
    /// New participants added.
    pub added: usize,
    /// Entries that were already gathered or repeated in the same paste;
    /// each such participant is counted once.
    pub duplicates: usize,
    /// Entries that could not be read, each listed once, in the order
    /// found: the first [`MAX_LISTED`] of them.
    pub rejected: Vec<Rejected>,
    /// How many more entries could not be read than are listed.
    pub more_rejected: usize,
    /// Lines of a paste that held no code or result link, shortened: the
    /// first [`MAX_LISTED`] of them (blank lines are not counted).
    pub without_code: Vec<String>,
    /// How many lines held no code or result link, all told.
    pub lines_without_code: usize,
    /// Why the whole paste was refused (too long), if it was; nothing of it
    /// was read then.
    pub refused: Option<String>,
}

/// An entry that could not be read, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// The entry as found (the code, even when it came inside a link),
    /// shortened with "…" when long.
    pub text: String,
    /// What is wrong and what to do, in plain words (for a code, the
    /// [`CodeError`] message; a code for another bank says so).
    pub reason: String,
}

/// A workshop as it is saved: the name and the participants' codes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedWorkshop {
    /// Version of this shape; [`SCHEMA`] when written by this Tandem.
    pub schema: u32,
    /// The workshop's name.
    #[serde(default)]
    pub name: String,
    /// One result code per participant, including any that did not read the
    /// last time the workshop was restored.
    #[serde(default)]
    pub codes: Vec<String>,
}

impl SavedWorkshop {
    /// Whether this Tandem can restore it: the codes are read then, and any
    /// that do not read are kept, so only a newer shape stops it.
    pub fn check(&self) -> Result<(), RestoreError> {
        if self.schema > SCHEMA {
            return Err(RestoreError::Newer {
                schema: self.schema,
            });
        }
        Ok(())
    }
}

/// Why a saved workshop could not be restored; the saved text should then be
/// left untouched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RestoreError {
    /// Saved by a newer Tandem, in a shape this one cannot read.
    Newer {
        /// The saved shape's version.
        schema: u32,
    },
}

impl fmt::Display for RestoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RestoreError::Newer { schema } => write!(
                f,
                "This workshop was saved by a newer version of Tandem (format {schema}; this one reads format {SCHEMA}). Open it with that newer version."
            ),
        }
    }
}

impl std::error::Error for RestoreError {}

impl Gathered {
    /// Every entry found: added, duplicate or rejected. Zero means the text
    /// held nothing that looks like a code or a result link.
    pub fn found(&self) -> usize {
        self.added + self.duplicates + self.rejected.len() + self.more_rejected
    }

    /// Records an entry that could not be read; the screen also uses this
    /// for files that fail to import, so one list reports a whole batch.
    /// Past [`MAX_LISTED`] entries it is only counted.
    pub fn reject(&mut self, text: &str, reason: impl fmt::Display) {
        if self.rejected.len() >= MAX_LISTED {
            self.more_rejected += 1;
            return;
        }
        self.rejected.push(Rejected {
            text: shorten(text),
            reason: reason.to_string(),
        });
    }

    /// Adds another report to this one, for a batch of pastes or files.
    pub fn merge(&mut self, other: Gathered) {
        self.added += other.added;
        self.duplicates += other.duplicates;
        let room = MAX_LISTED.saturating_sub(self.rejected.len());
        let listed = other.rejected.len().min(room);
        self.more_rejected += other.more_rejected + other.rejected.len() - listed;
        self.rejected
            .extend(other.rejected.into_iter().take(listed));
        let room = MAX_LISTED.saturating_sub(self.without_code.len());
        self.without_code
            .extend(other.without_code.into_iter().take(room));
        self.lines_without_code += other.lines_without_code;
        self.refused = self.refused.take().or(other.refused);
    }
}

impl Workshop {
    /// An empty workshop with this name (cleaned as by [`Workshop::rename`]).
    pub fn new(name: &str) -> Workshop {
        Workshop {
            name: clean_name(name),
            ..Workshop::default()
        }
    }

    /// The workshop's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Renames the workshop: trimmed, without control characters, at most
    /// [`MAX_NAME`] characters.
    pub fn rename(&mut self, name: &str) {
        self.name = clean_name(name);
    }

    /// The participants' results, in the order gathered.
    pub fn participants(&self) -> &[Decoded] {
        &self.people.participants
    }

    /// The participants' canonical result codes, index for index with
    /// [`Workshop::participants`].
    pub fn codes(&self) -> &[String] {
        &self.people.codes
    }

    /// How many participants are gathered.
    pub fn len(&self) -> usize {
        self.people.participants.len()
    }

    /// Whether nobody is gathered yet.
    pub fn is_empty(&self) -> bool {
        self.people.participants.is_empty()
    }

    /// The mode a team view should use: full when anybody answered the full
    /// assessment (the extended dimensions are then aggregated over those
    /// who did), quick otherwise.
    pub fn mode(&self) -> Mode {
        if self
            .people
            .participants
            .iter()
            .any(|p| p.mode() == Mode::Full)
        {
            Mode::Full
        } else {
            Mode::Quick
        }
    }

    /// Removes the participant at `index` and returns their code, so the
    /// screen can offer to undo; `None` (changing nothing) when there is no
    /// such participant.
    pub fn remove(&mut self, index: usize) -> Option<String> {
        if index >= self.people.codes.len() {
            return None;
        }
        let people = Rc::make_mut(&mut self.people);
        people.participants.remove(index);
        Some(people.codes.remove(index))
    }

    /// Saved codes that did not read when the workshop was restored. They
    /// are saved again as they are until [`Workshop::discard_unreadable`].
    pub fn unreadable(&self) -> &[String] {
        &self.unreadable
    }

    /// Forgets the saved codes that did not read; the facilitator's choice.
    pub fn discard_unreadable(&mut self) {
        self.unreadable.clear();
    }

    /// Reads every code and result link in pasted text and adds the new
    /// participants (see the module documentation for how the text is split).
    /// Nothing already gathered changes, whatever the text holds.
    pub fn add_text(&mut self, bank: &Bank, text: &str) -> Gathered {
        if text.len() > MAX_PASTE_BYTES {
            return Gathered {
                refused: Some(format!(
                    "The pasted text is {} bytes long; Tandem reads at most {} bytes (about 65,000 codes) at once. Nothing was added: paste it in parts.",
                    group_thousands(text.len()),
                    group_thousands(MAX_PASTE_BYTES)
                )),
                ..Gathered::default()
            };
        }
        let mut batch = Batch::new(&self.people.codes);
        let mut refused: HashSet<Cow<str>> = HashSet::new();
        let (entries, without_code) = entries(bank, text);
        for entry in entries {
            match entry.result {
                Ok((decoded, spelled)) => batch.gather(spelled, decoded),
                // The same broken text pasted twice is listed once.
                Err(error) => {
                    if !refused.contains(&entry.text) {
                        batch.report.reject(&entry.text, error);
                        refused.insert(entry.text);
                    }
                }
            }
        }
        batch.report.lines_without_code = without_code.len();
        batch.report.without_code = without_code
            .into_iter()
            .take(MAX_LISTED)
            .map(shorten_line)
            .collect();
        self.append(batch.finish())
    }

    /// Adds one participant from progress read elsewhere (an imported export
    /// file). The progress goes through its result code, so it is kept
    /// exactly as a pasted code would be (no action plan, a clean team
    /// label) and a participant who also pasted their code counts once.
    pub fn add_progress(&mut self, bank: &Bank, progress: &Progress) -> Gathered {
        let code = code::encode(bank, progress);
        let mut batch = Batch::new(&self.people.codes);
        match code::read(bank, &code) {
            Ok(decoded) => batch.gather(code, decoded),
            // Cannot happen for a code just written for this bank; reported
            // rather than trusted.
            Err(error) => batch.report.reject(&code, error),
        }
        self.append(batch.finish())
    }

    /// Takes in what another copy of this workshop gathered (another tab
    /// saved it meanwhile), read for the same bank: its participants not
    /// here yet, and its codes that do not read. The name stays this one's.
    /// Returns how many participants were added.
    pub fn absorb(&mut self, other: &Workshop) -> usize {
        let mut batch = Batch::new(&self.people.codes);
        for (code, decoded) in other.people.codes.iter().zip(&other.people.participants) {
            batch.gather(code.clone(), decoded.clone());
        }
        for code in &other.unreadable {
            if !self.unreadable.contains(code) {
                self.unreadable.push(code.clone());
            }
        }
        self.append(batch.finish()).added
    }

    /// What is saved: the name and every code, readable or not.
    pub fn saved(&self) -> SavedWorkshop {
        SavedWorkshop {
            schema: SCHEMA,
            name: self.name.clone(),
            codes: self
                .people
                .codes
                .iter()
                .chain(&self.unreadable)
                .cloned()
                .collect(),
        }
    }

    /// Restores a saved workshop for `bank`, decoding every code again.
    /// Codes that no longer read are listed in the returned report and kept
    /// in [`Workshop::unreadable`]; duplicates are counted once.
    pub fn restore(
        bank: &Bank,
        saved: SavedWorkshop,
    ) -> Result<(Workshop, Gathered), RestoreError> {
        saved.check()?;
        let mut workshop = Workshop::new(&saved.name);
        let mut batch = Batch::new(&[]);
        let mut kept = HashSet::new();
        for text in saved.codes {
            match code::read_spelled(bank, &text) {
                Ok((decoded, spelled)) => batch.gather(spelled, decoded),
                Err(error) => {
                    if kept.insert(text.clone()) {
                        batch.report.reject(&text, error);
                        workshop.unreadable.push(text);
                    }
                }
            }
        }
        let report = workshop.append(batch.finish());
        Ok((workshop, report))
    }

    /// Appends a finished batch, all at once, and returns its report.
    fn append(
        &mut self,
        (codes, participants, report): (Vec<String>, Vec<Decoded>, Gathered),
    ) -> Gathered {
        if !codes.is_empty() {
            let people = Rc::make_mut(&mut self.people);
            people.codes.extend(codes);
            people.participants.extend(participants);
        }
        report
    }

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

impl Serialize for Workshop {
    /// Writes the [`SavedWorkshop`] shape: the name and the codes.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct SavedRef<'a> {
            schema: u32,
            name: &'a str,
            codes: Vec<&'a str>,
        }
        SavedRef {
            schema: SCHEMA,
            name: &self.name,
            codes: self
                .people
                .codes
                .iter()
                .chain(&self.unreadable)
                .map(String::as_str)
                .collect(),
        }
        .serialize(serializer)
    }
}

/// New participants collected apart from the workshop and appended at the
/// end, so a paste either adds to what was gathered or leaves it alone.
struct Batch<'w> {
    known: HashSet<&'w str>,
    fresh: HashSet<String>,
    codes: Vec<String>,
    participants: Vec<Decoded>,
    report: Gathered,
}

impl<'w> Batch<'w> {
    fn new(existing: &'w [String]) -> Batch<'w> {
        Batch {
            known: existing.iter().map(String::as_str).collect(),
            fresh: HashSet::new(),
            codes: Vec::new(),
            participants: Vec::new(),
            report: Gathered::default(),
        }
    }

    /// Adds a decoded result unless its canonical code is already there.
    fn gather(&mut self, code: String, decoded: Decoded) {
        if self.known.contains(code.as_str()) || !self.fresh.insert(code.clone()) {
            self.report.duplicates += 1;
            return;
        }
        self.codes.push(code);
        self.participants.push(decoded);
        self.report.added += 1;
    }

    /// The new codes, their progress and the report, for the caller to
    /// append once the existing codes are no longer borrowed.
    fn finish(self) -> (Vec<String>, Vec<Decoded>, Gathered) {
        (self.codes, self.participants, self.report)
    }
}

/// One entry found in pasted text.
struct Entry<'t> {
    /// The text that was decoded (a word, a link's code, or a code joined
    /// back from words); shown, shortened, if it is refused.
    text: Cow<'t, str>,
    /// What it holds, with its canonical spelling.
    result: Result<(Decoded, String), CodeError>,
}

/// Every code and result link in `text`, read for `bank`, and the lines
/// (not blank) in which there was neither.
fn entries<'t>(bank: &Bank, text: &'t str) -> (Vec<Entry<'t>>, Vec<&'t str>) {
    let mut found = Vec::new();
    let mut without_code = Vec::new();
    // Joining words back into split codes may look at each byte of the
    // paste a few times over, no more: a paste of nothing but words that
    // start like codes would otherwise try sixteen joins for each.
    let mut join_budget = JOIN_EFFORT * text.len() + 10_000;
    for line in split_at_ascii(text, |b| b == b'\n') {
        let before = found.len();
        entries_in_line(bank, line, &mut found, &mut join_budget);
        if found.len() == before && !line.trim().is_empty() {
            without_code.push(line);
        }
    }
    (found, without_code)
}

/// The entries of one line, added to `found`.
fn entries_in_line<'t>(
    bank: &Bank,
    line: &'t str,
    found: &mut Vec<Entry<'t>>,
    join_budget: &mut usize,
) {
    let mut words: Vec<&str> = Vec::new();
    // Line breaks and list punctuation always end an entry; spaces and tabs
    // do too, except inside a code that people split into groups.
    for line in split_at_ascii(line, |b| matches!(b, b'\r' | b',' | b';' | b'|')) {
        words.clear();
        // Byte by byte where that gives the same words (no vertical tab,
        // which only the Unicode rule counts as space); a pasted room is
        // thousands of lines.
        if line.bytes().all(|b| b.is_ascii() && b != 0x0B) {
            words.extend(
                line.split_ascii_whitespace()
                    .map(trim_word)
                    .filter(|w| !w.is_empty()),
            );
        } else {
            words.extend(
                line.split_whitespace()
                    .map(trim_word)
                    .filter(|w| !w.is_empty()),
            );
        }
        let mut next = 0;
        while next < words.len() {
            let word = words[next];
            next += 1;
            if word.contains('#') {
                let code = trim_word(code::find_code(word));
                // Without `r=` in its fragment it is some other link.
                if code.len() < word.len() {
                    found.push(Entry {
                        text: Cow::Borrowed(code),
                        result: code::read_spelled(bank, code),
                    });
                }
                continue;
            }
            if !looks_like_code(word) {
                continue;
            }
            let result = code::read_spelled(bank, word);
            if matches!(result, Err(CodeError::Incomplete | CodeError::Checksum)) {
                // The first part alone does not read: the code may have been
                // split into groups (the checksum makes a chance match
                // practically impossible).
                if let Some((used, joined, read)) =
                    code::read_split(bank, &words[next - 1..], MAX_JOINED_WORDS, join_budget)
                {
                    next += used - 1;
                    found.push(Entry {
                        text: Cow::Owned(joined),
                        result: Ok(read),
                    });
                    continue;
                }
            }
            found.push(Entry {
                text: Cow::Borrowed(word),
                result,
            });
        }
    }
}

/// The parts of `text` between the bytes `is_separator` picks, which must be
/// ASCII, so every part is whole characters.
fn split_at_ascii(text: &str, is_separator: impl Fn(u8) -> bool) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let mut bytes = text.bytes().enumerate();
    std::iter::from_fn(move || {
        if start > text.len() {
            return None;
        }
        let end = bytes
            .by_ref()
            .find(|&(_, b)| is_separator(b))
            .map_or(text.len(), |(i, _)| i);
        let part = &text[start..end];
        start = end + 1;
        Some(part)
    })
}

/// A word without the punctuation around it (quotes, brackets, a full stop).
fn trim_word(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// `T` and the number of a format this Tandem reads (`T1…`, `T2…`), or a `T`
/// followed by at least five code symbols with a digit among them (so `T3-…`
/// from a newer Tandem is read and named, while words such as "Thanks" or
/// "Team" are not).
fn looks_like_code(word: &str) -> bool {
    let mut chars = word.chars();
    if !matches!(chars.next(), Some('t' | 'T')) {
        return false;
    }
    let format = chars.as_str().chars().next().and_then(|c| c.to_digit(10));
    if format.is_some_and(|format| (1..=u32::from(code::VERSION)).contains(&format)) {
        return true;
    }
    let rest = chars.as_str();
    rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && rest.chars().any(|c| c.is_ascii_digit())
        && rest.chars().filter(|&c| c != '-').count() >= 5
}

/// At most [`MAX_SHOWN`] characters, without control characters, with "…"
/// when cut. Looks at no more of `text` than that, however long it is.
fn shorten(text: &str) -> String {
    shorten_to(text, MAX_SHOWN)
}

/// A line without a code as listed: up to twice as long as an entry, since
/// a line is what the person recognises.
fn shorten_line(line: &str) -> String {
    shorten_to(line.trim(), 2 * MAX_SHOWN)
}

fn shorten_to(text: &str, most: usize) -> String {
    super::typed::quoted(text, most)
}

/// `1234567` as `1,234,567`.
fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

fn clean_name(name: &str) -> String {
    super::typed::kept(name, MAX_NAME)
}

// ---------------------------------------------------------------------------
// The team view
// ---------------------------------------------------------------------------

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

    /// The label the facilitator sees.
    pub fn label(self) -> &'static str {
        match self {
            Agreement::Agreed => "Agreed",
            Agreement::Mixed => "Mixed",
            Agreement::Split => "Split",
        }
    }

    /// What the label means, for the screen's legend.
    pub fn meaning(self) -> &'static str {
        match self {
            Agreement::Agreed => "Most people are within half a level of the team's average.",
            Agreement::Mixed => "Views differ by up to about a level.",
            Agreement::Split => "A typical person is a level or more away from the team's average.",
        }
    }
}

impl fmt::Display for Agreement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
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
    fn of(sum: u64, count: usize) -> Option<Mean> {
        let n = count as u64;
        (n > 0).then(|| Mean {
            value: tenths(u128::from(sum), u128::from(n)) as f64 / 10.0,
            score: score((2 * sum + n) / (2 * n)),
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
    /// [`TeamView::threshold`] have a score, or to protect a group.
    pub figure: Figure,
    /// The spread of the scores; `None` when nobody has a score or the
    /// room's figure is hidden.
    pub spread: Option<Spread>,
    /// "Don't know" answers among every statement of the dimension asked
    /// (participants asked times statements); `None` when fewer than
    /// [`TeamView::threshold`] participants were asked.
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
pub struct AnswerCounts([usize; 7]);

/// The order [`AnswerCounts`] keeps answers in: the scale, then the two
/// answers that are not an opinion.
const ANSWER_ORDER: [Answer; 7] = Answer::ALL;

fn answer_slot(answer: Answer) -> usize {
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
    /// [`TeamView::threshold`] answers on the agreement scale. When not, the
    /// figures below are empty.
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

impl Protection {
    /// The plain words the screens and the report use, such as "L&D hidden
    /// too, so the answers of Line manager or business leader (fewer than 3)
    /// cannot be worked out from the figures beside them."
    pub fn sentence(&self, threshold: usize) -> String {
        let hidden: Vec<String> = self.hidden_too.iter().map(GroupLabel::to_string).collect();
        let protected: Vec<String> = self.protected.iter().map(GroupLabel::to_string).collect();
        let whom = if protected.is_empty() {
            "smaller groups".to_owned()
        } else {
            list(&protected)
        };
        let mut sentence = format!(
            "{} hidden too, so the answers of {whom} (fewer than {threshold}) cannot be worked out from the figures beside them.",
            list(&hidden)
        );
        if let Some(first) = sentence.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        sentence
    }
}

/// "a", "a and b", "a, b and c".
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
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
    /// most [`DIVIDED_COUNT`].
    pub divided: Vec<StatementStats>,
    /// The breakdown by role: roles in [`Role::ALL`] order, then participants
    /// without a role; only groups with members are listed.
    pub roles: Vec<Group>,
    /// The breakdown by team label, in alphabetical order ignoring case;
    /// participants without a label are in no team group.
    pub teams: Vec<Group>,
}

/// One statement of the view, flattened.
struct Flat<'b> {
    id: &'b StatementId,
    /// Its position in the bank, counting every dimension's statements.
    position: usize,
    /// Position of its dimension in the view.
    dimension: usize,
    reverse: bool,
    weight: u8,
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
}

impl StatementSums {
    /// n² times the variance of the steps, and n: whole numbers, so spreads
    /// compare exactly.
    fn spread(&self) -> (u128, u128) {
        let n = self.answers[..5].iter().sum::<usize>() as u128;
        let (steps, squares) = (u128::from(self.steps), u128::from(self.squares));
        (n * squares - steps * steps, n)
    }

    /// The statement's figures, shown for the whole room only, and only when
    /// at least `threshold` participants answered it on the agreement scale:
    /// someone who answered "Don't know" knows their own answer, so the
    /// opinions behind the figures must be the threshold's number.
    fn stats(&self, id: &StatementId, dimension: usize, threshold: usize) -> StatementStats {
        let on_scale = self.answers[..5].iter().sum();
        let figure = disclosure::room_only(on_scale, threshold);
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
            mean: (n > 0).then(|| tenths(25 * u128::from(self.steps), n) as f64 / 10.0),
            std_dev: (n > 0).then(|| round_tenth(25.0 * (variance as f64).sqrt() / n as f64)),
            dont_know: Some(Rate {
                count: answers.of(Answer::DontKnow),
                of: self.asked,
            }),
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
                    .map(|(s, position)| Flat {
                        id: &s.id,
                        position,
                        dimension: dimensions.len(),
                        reverse: s.reverse,
                        weight: s.weight,
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
            *given = answer(statement).map_or(0, |a| answer_slot(a) as u8 + 1);
        }
        for position in 0..self.dimensions.len() {
            self.scores[position] = self.add_dimension(position, mode);
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
    fn add_dimension(&mut self, position: usize, mode: Mode) -> Option<u64> {
        if mode != Mode::Full && !self.dimensions[position].1.core {
            return None;
        }
        let range = self.ranges[position].clone();
        let sums = &mut self.dimension_sums[position];
        sums.asked += 1;
        sums.slots += range.len();
        let (mut steps, mut weights, mut counted) = (0u32, 0u32, 0u64);
        for s in range.clone() {
            let statement = &mut self.statement_sums[s];
            statement.asked += 1;
            let Some(slot) = usize::from(self.given[s]).checked_sub(1) else {
                continue;
            };
            statement.answers[slot] += 1;
            if let Some(agreement) = ANSWER_ORDER[slot].agreement() {
                let step = u64::from(agreement - 1);
                let step = if self.flat[s].reverse { 4 - step } else { step };
                statement.steps += step;
                statement.squares += step * step;
                let weight = u32::from(self.flat[s].weight);
                steps += weight * step as u32;
                weights += weight;
                counted += 1;
            } else if ANSWER_ORDER[slot] == Answer::DontKnow {
                sums.dont_know += 1;
            }
        }
        // Scoring's rules 1 to 3, as `Report::score` applies them: at least
        // half the statements answered on the scale, then the weighted mean.
        if counted == 0 || counted * 2 < range.len() as u64 {
            return None;
        }
        let score = u64::from(scoring::weighted_score(steps, weights)?.value());
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
                    spread(&sums.histogram)
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
        let statements: Vec<StatementStats> = self
            .flat
            .iter()
            .zip(&self.statement_sums)
            .map(|(f, sums)| sums.stats(f.id, self.dimensions[f.dimension].0, threshold))
            .collect();
        let divided = most_divided(&statements, &self.statement_sums);
        let gaps = gaps(
            &self.dimensions,
            &self.role_sums[HR],
            &self.role_sums[LD],
            &shown,
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
                participant.answers.get(s.id).copied()
            });
        }
        tally.view(mode, threshold.max(1))
    }

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
}

/// The spread of the scores in a histogram; `None` when it is empty.
fn spread(histogram: &[usize; 101]) -> Option<Spread> {
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

/// The most divided statements, widest spread first.
fn most_divided(statements: &[StatementStats], sums: &[StatementSums]) -> Vec<StatementStats> {
    let mut candidates: Vec<usize> = (0..statements.len())
        .filter(|&s| {
            statements[s].figure.is_shown()
                && statements[s].answers.on_scale() >= 2
                && sums[s].spread().0 > 0
        })
        .collect();
    super::sort_short_by(&mut candidates, |&a, &b| {
        let ((va, na), (vb, nb)) = (sums[a].spread(), sums[b].spread());
        // va / na² against vb / nb², without dividing.
        (vb * na * na)
            .cmp(&(va * nb * nb))
            .then(nb.cmp(&na))
            .then(a.cmp(&b))
    });
    candidates
        .into_iter()
        .take(DIVIDED_COUNT)
        .map(|s| statements[s].clone())
        .collect()
}

/// The HR vs L&D gaps where the disclosure rule shows both groups' means,
/// largest first.
fn gaps(
    dimensions: &[(usize, &Dimension)],
    hr: &GroupSums,
    ld: &GroupSums,
    shown: &[Suppression],
) -> Vec<PerceptionGap> {
    // Each gap as an exact fraction (numerator, denominator) for sorting.
    let mut gaps: Vec<(PerceptionGap, i128, i128)> = dimensions
        .iter()
        .enumerate()
        .filter_map(|(position, &(index, _))| {
            let (hr_sum, hr_n) = hr.scores[position];
            let (ld_sum, ld_n) = ld.scores[position];
            let roles = &shown.get(position)?.roles;
            if !roles[HR].is_shown() || !roles[LD].is_shown() {
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
    super::sort_short_by(&mut gaps, |(a, an, ad), (b, bn, bd)| {
        (bn * ad).cmp(&(an * bd)).then(a.index.cmp(&b.index))
    });
    gaps.into_iter().map(|(gap, _, _)| gap).collect()
}

/// `numerator / denominator` in tenths, rounded half up (so half away from
/// zero for the non-negative values it is given).
fn tenths(numerator: u128, denominator: u128) -> u128 {
    (20 * numerator + denominator) / (2 * denominator)
}

/// Rounds to one decimal, half away from zero.
fn round_tenth(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// A whole number from 0 to 100 as a score.
fn score(value: u64) -> Score {
    Score::new(value.min(100) as u8).unwrap_or(Score::MAX)
}

impl TeamView {
    /// The team as one result: each dimension at the team's rounded mean,
    /// with the same overall rule as a person's result. The team's targets
    /// and action plan are drafted from it.
    pub fn report(&self) -> crate::assessment::Report {
        use crate::assessment::scoring::{Coverage, DimensionResult};
        let dimensions = self
            .dimensions
            .iter()
            .map(|d| DimensionResult {
                index: d.index,
                scored: d
                    .spread
                    .as_ref()
                    .map(|s| (s.mean.score, Level::of(s.mean.score))),
                coverage: Coverage {
                    counted: d.scored,
                    total: d.asked,
                },
                dont_know: d.dont_know.map_or(0, |rate| rate.count),
                not_applicable: 0,
            })
            .collect();
        crate::assessment::Report::from_dimensions(dimensions)
    }
}
