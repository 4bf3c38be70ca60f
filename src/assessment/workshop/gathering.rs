//! The [`Workshop`] itself: who has been gathered, what each paste, import
//! or restore did ([`Gathered`]), and the shape a workshop is saved in
//! ([`SavedWorkshop`]).
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
//! canonical form. A duplicate is counted once. New participants are
//! collected apart and appended at the end, so nothing already gathered is
//! changed by a paste, whatever else it holds.

use super::pasted::{self, PasteTooLong};
use crate::assessment::answer::Mode;
use crate::assessment::bank::Bank;
use crate::assessment::code::{self, Decoded};
use crate::assessment::progress::Progress;
use crate::assessment::reason::Reason;
use crate::assessment::typed;
use serde::{Deserialize, Serialize, Serializer};
use std::borrow::Cow;
use std::collections::HashSet;
use std::rc::Rc;

/// Longest workshop name kept, in characters.
pub const MAX_NAME: usize = 80;

/// Version of the saved workshop's shape ([`SavedWorkshop`]).
pub const SCHEMA: u32 = 1;

/// Most refused entries, and most lines without a code, listed one by one;
/// the rest are counted.
pub const MAX_LISTED: usize = 50;

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
    pub refused: Option<PasteTooLong>,
}

/// An entry that could not be read, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// The entry as found (the code, even when it came inside a link),
    /// shortened with "…" when long.
    pub text: String,
    /// What is wrong (for a code, its
    /// [`CodeError`](crate::assessment::code::CodeError); a code for
    /// another bank says so), worded by [`Reason::words`].
    pub reason: Reason,
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
/// left untouched. Its [`words`](RestoreError::words) say so in the
/// reader's language; `Display` in English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RestoreError {
    /// Saved by a newer Tandem, in a shape this one cannot read.
    Newer {
        /// The saved shape's version.
        schema: u32,
    },
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
    pub fn reject(&mut self, text: &str, reason: impl Into<Reason>) {
        if self.rejected.len() >= MAX_LISTED {
            self.more_rejected += 1;
            return;
        }
        self.rejected.push(Rejected {
            text: pasted::shorten(text),
            reason: reason.into(),
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
    /// participants (`pasted.rs` says how the text is split).
    /// Nothing already gathered changes, whatever the text holds.
    pub fn add_text(&mut self, bank: &Bank, text: &str) -> Gathered {
        if let Some(refused) = pasted::too_long(text) {
            return Gathered {
                refused: Some(refused),
                ..Gathered::default()
            };
        }
        let mut batch = Batch::new(&self.people.codes);
        let mut refused: HashSet<Cow<str>> = HashSet::new();
        let (entries, without_code) = pasted::entries(bank, text);
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
            .map(pasted::shorten_line)
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

fn clean_name(name: &str) -> String {
    typed::kept(name, MAX_NAME)
}
