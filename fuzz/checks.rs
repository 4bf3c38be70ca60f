//! What each fuzz target checks, shared by the fuzz targets (`cargo fuzz run
//! TARGET`, see fuzz/README.md) and by the plain `cargo test` that replays
//! every input in fuzz/regressions (tests/fuzz_regressions.rs).
//!
//! Each check feeds arbitrary bytes to one of Tandem's readers of untrusted
//! input and asserts what must hold whatever the bytes are: no panic, and a
//! reader that accepts something gives back a value that survives being
//! written out and read again unchanged. Each returns whether the reader
//! accepted the input, so a test can tell that its seeds really reach the
//! round trip.

use tandem::assessment::config::{self, Config};
use tandem::assessment::workshop::Workshop;
use tandem::assessment::{code, export, saved, Bank};

/// Bytes as the text a person could give: what is not UTF-8 is replaced, as
/// a browser does when it reads a file.
fn text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

/// A result code or link, as typed or opened: a code that reads gives the
/// same result when written again, and its canonical spelling reads the same.
pub fn result_code(bytes: &[u8]) -> bool {
    let bank = Bank::standard();
    let text = text(bytes);
    let _ = code::bank_of(&text);
    let Ok((decoded, spelled)) = code::read_spelled(bank, &text) else {
        return false;
    };
    let progress = decoded.progress(bank);
    assert_eq!(code::encode(bank, &progress), spelled);
    assert_eq!(code::decode(bank, &spelled).as_ref(), Ok(&progress));
    true
}

/// Text pasted into the workshop screen: whatever it holds, nothing already
/// gathered is lost, and the participants gathered are as many as the codes.
pub fn pasted_codes(bytes: &[u8]) -> bool {
    let bank = Bank::standard();
    let mut workshop = Workshop::new("Fuzz");
    let example = code::encode(
        bank,
        &tandem::assessment::Progress::new(tandem::assessment::Mode::Quick),
    );
    workshop.add_text(bank, &example);
    let before = workshop.codes().to_vec();
    let gathered = workshop.add_text(bank, &text(bytes));
    assert_eq!(&workshop.codes()[..before.len()], &before[..]);
    assert_eq!(workshop.codes().len(), before.len() + gathered.added);
    assert_eq!(workshop.participants().len(), workshop.codes().len());
    let _ = workshop.team_view(bank, 3, str::to_lowercase);
    gathered.added > 0
}

/// An exported result file imported again: what imports exports to a file
/// that imports to the same progress.
pub fn json_import(bytes: &[u8]) -> bool {
    let bank = Bank::standard();
    let Ok(progress) = export::from_json(bank, &text(bytes)) else {
        return false;
    };
    let again = export::from_json(bank, &export::to_json(bank, &progress));
    assert_eq!(again.as_ref(), Ok(&progress));
    true
}

/// What is found in the browser's storage: saved progress and a saved
/// workshop read back, or refused with a reason.
pub fn saved_progress(bytes: &[u8]) -> bool {
    let bank = Bank::standard();
    let text = text(bytes);
    let workshop = saved::decode_workshop(bank, &text).is_ok();
    let Ok(progress) = saved::decode(bank, &text) else {
        return workshop;
    };
    let again = saved::decode(bank, &saved::encode(bank, &progress));
    assert_eq!(again.as_ref(), Ok(&progress));
    true
}

/// A question bank file: parsed or refused, never a panic.
pub fn bank(bytes: &[u8]) -> bool {
    Bank::parse(&text(bytes)).is_ok()
}

/// A consultant's configuration, as a file or as a link: parsed or refused,
/// never a panic; and any text survives the trip through a link unchanged.
pub fn configuration(bytes: &[u8]) -> bool {
    let text = text(bytes);
    let _ = config::json_from_link(&text);
    let link = config::link_fragment(&text);
    if link.len() <= config::MAX_LINK_CHARS {
        assert_eq!(config::json_from_link(&link).as_deref(), Ok(&*text));
    }
    Config::parse(&text, Bank::standard()).is_ok()
}
