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

use std::sync::OnceLock;
use tandem::assessment::bank::{MAX_DIMENSIONS, MAX_STATEMENTS, MAX_WEIGHT};
use tandem::assessment::config::{self, Config};
use tandem::assessment::workshop::Workshop;
use tandem::assessment::{code, export, saved, Answer, Bank, Mode, Progress, Role};
use tandem::qr;

/// Bytes as the text a person could give: what is not UTF-8 is replaced, as
/// a browser does when it reads a file.
fn text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

/// A result code or link, as typed or opened: a code that reads gives the
/// same result when written again, and its canonical spelling reads the same.
pub fn result_code(bytes: &[u8]) -> bool {
    let text = text(bytes);
    let _ = code::bank_of(&text);
    reads_canonically(Bank::standard(), &text).is_some()
}

/// Text pasted into the workshop screen: whatever it holds, nothing already
/// gathered is lost, and the participants gathered are as many as the codes.
pub fn pasted_codes(bytes: &[u8]) -> bool {
    gathers(Bank::standard(), &text(bytes)) > 0
}

/// An exported result file imported again: what imports exports to a file
/// that imports to the same progress.
pub fn json_import(bytes: &[u8]) -> bool {
    imports_again(Bank::standard(), &text(bytes))
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

/// A result code, a result link or a paste read under a custom question
/// bank: the first byte chooses one of [`custom_banks`], the rest is the
/// text. Under that bank a code that reads is spelled the one canonical way,
/// decodes to the same result again and reads under no other bank; an
/// export imports again unchanged; and a paste (up to the workshop's 2 MB,
/// where a code alone stops at 2,000 bytes) loses nothing already gathered.
pub fn custom_bank_code(bytes: &[u8]) -> bool {
    let Some((&choice, rest)) = bytes.split_first() else {
        return false;
    };
    let banks = custom_banks();
    let (_, bank) = &banks[usize::from(choice) % banks.len()];
    let text = text(rest);
    let _ = code::bank_of(&text);
    let read = match reads_canonically(bank, &text) {
        Some(spelled) => {
            let others = banks.iter().map(|(_, other)| other);
            for other in others.chain([Bank::standard()]) {
                if other != bank {
                    assert!(
                        code::read(other, &spelled).is_err(),
                        "a code for {} also reads under {}",
                        bank.id(),
                        other.id()
                    );
                }
            }
            true
        }
        None => false,
    };
    let imported = imports_again(bank, &text);
    let gathered = gathers(bank, &text) > 0;
    read || imported || gathered
}

/// A frame from the facilitator's camera, decoded as the workshop's QR
/// scanner decodes it. An input whose first byte is even is a frame as the
/// camera could send it ([`camera_frame_input`]): every text read is checked
/// as a result code and pasted into a workshop under every bank Tandem is
/// fuzzed with. An odd first byte draws a participant's result code the way
/// Tandem draws it ([`drawn_code_input`]), and that frame must read back as
/// exactly that code, gathering that participant.
pub fn qr_frame(bytes: &[u8]) -> bool {
    match bytes.split_first() {
        Some((&kind, rest)) if kind % 2 == 1 => drawn_code(rest),
        Some((_, rest)) => camera_frame(rest),
        None => camera_frame(&[]),
    }
}

/// The standard bank and the custom banks, as the drawn codes of
/// [`qr_frame`] choose them.
fn every_bank() -> impl Iterator<Item = &'static Bank> {
    [Bank::standard()]
        .into_iter()
        .chain(custom_banks().iter().map(|(_, bank)| bank))
}

/// Custom question banks with their names, for [`custom_bank_code`] and the
/// drawn codes of [`qr_frame`]: the example configuration's own bank
/// (weights, reverse and not-applicable statements, core and extended
/// dimensions), a bank of a single dimension, a configuration's choice of
/// two of the standard bank's dimensions (the standard statements under
/// another fingerprint), and a bank as large as a bank may be.
pub fn custom_banks() -> &'static [(&'static str, Bank)] {
    static BANKS: OnceLock<Vec<(&'static str, Bank)>> = OnceLock::new();
    BANKS.get_or_init(|| {
        let configured = |json: &str| match Config::parse(json, Bank::standard()) {
            Ok(config) => config.bank().clone(),
            Err(error) => panic!("a fuzzed configuration is refused: {error}"),
        };
        let parsed = |json: &str| match Bank::parse(json) {
            Ok(bank) => bank,
            Err(error) => panic!("a fuzzed bank is refused: {error}"),
        };
        vec![
            (
                "northwind",
                configured(include_str!("../examples/tandem.config.json")),
            ),
            (
                "one-dimension",
                parsed(&generated_bank("one-dimension", 1, 3)),
            ),
            (
                "standard-subset",
                configured(
                    r#"{"version": 1, "dimensions": ["business-partnering", "integration"]}"#,
                ),
            ),
            (
                "largest",
                parsed(&generated_bank("largest", MAX_DIMENSIONS, MAX_STATEMENTS)),
            ),
        ]
    })
}

/// A valid bank's JSON with `dimensions` dimensions of `statements`
/// statements each, the first dimension (and up to a third of them) core;
/// statements take turns being reverse, offering Not applicable, and
/// carrying each weight.
fn generated_bank(id: &str, dimensions: usize, statements: usize) -> String {
    let levels: Vec<String> = (1..=5)
        .map(|l| format!(r#"{{"name": "Level {l}", "summary": "How things are at level {l}."}}"#))
        .collect();
    let guidance: Vec<String> = (1..=5)
        .map(|l| {
            format!(r#"{{"level": {l}, "next": "What comes after level {l}.", "practices": ["Practice {l}."]}}"#)
        })
        .collect();
    let dimensions: Vec<String> = (0..dimensions)
        .map(|d| {
            let statements: Vec<String> = (0..statements)
                .map(|s| {
                    let n = d * statements + s;
                    format!(
                        r#"{{"id": "d{d}.s{s}", "text": "Statement {s} of dimension {d}.", "reverse": {}, "not_applicable": {}, "weight": {}}}"#,
                        n % 3 == 1,
                        n % 4 == 2,
                        1 + n % usize::from(MAX_WEIGHT),
                    )
                })
                .collect();
            format!(
                r#"{{"id": "d{d}", "name": "Dimension {d}", "summary": "Dimension {d}.", "core": {}, "statements": [{}], "guidance": [{}]}}"#,
                d == 0 || d < dimensions / 3,
                statements.join(", "),
                guidance.join(", "),
            )
        })
        .collect();
    format!(
        r#"{{"id": "{id}", "version": 1, "title": "A generated bank", "levels": [{}], "dimensions": [{}]}}"#,
        levels.join(", "),
        dimensions.join(", "),
    )
}

/// The canonical spelling of a code (or link) that reads under `bank`, after
/// checking that it is the one [`code::encode`] writes for the result read
/// and that it decodes to that result again.
fn reads_canonically(bank: &Bank, text: &str) -> Option<String> {
    let (decoded, spelled) = code::read_spelled(bank, text).ok()?;
    let progress = decoded.progress(bank);
    assert_eq!(code::encode(bank, &progress), spelled);
    assert_eq!(code::decode(bank, &spelled).as_ref(), Ok(&progress));
    Some(spelled)
}

/// Pastes `text` into a workshop for `bank` that already holds one
/// participant; checks that nothing gathered is lost, that there is one
/// participant per code, and that every code kept is the canonical one for
/// its participant. Gives how many participants were added.
fn gathers(bank: &Bank, text: &str) -> usize {
    let mut workshop = Workshop::new("Fuzz");
    let example = code::encode(bank, &Progress::new(Mode::Quick));
    workshop.add_text(bank, &example);
    let before = workshop.codes().to_vec();
    let gathered = workshop.add_text(bank, text);
    assert_eq!(&workshop.codes()[..before.len()], &before[..]);
    assert_eq!(workshop.codes().len(), before.len() + gathered.added);
    assert_eq!(workshop.participants().len(), workshop.codes().len());
    for (kept, participant) in workshop.codes().iter().zip(workshop.participants()) {
        assert_eq!(&code::encode(bank, &participant.progress(bank)), kept);
    }
    let _ = workshop.team_view(bank, 3, str::to_lowercase);
    gathered.added
}

/// Whether `text` imports as an export for `bank`; what imports exports to a
/// file that imports to the same progress.
fn imports_again(bank: &Bank, text: &str) -> bool {
    let Ok(progress) = export::from_json(bank, text) else {
        return false;
    };
    let again = export::from_json(bank, &export::to_json(bank, &progress));
    assert_eq!(again.as_ref(), Ok(&progress));
    true
}

/// An input of [`qr_frame`] that is a camera frame: an even byte, the
/// frame's width in two bytes (little-endian), then its pixels row by row
/// (0 black to 255 white). The height is as many whole rows as there are.
pub fn camera_frame_input(width: u16, luma: &[u8]) -> Vec<u8> {
    let mut input = vec![0];
    input.extend(width.to_le_bytes());
    input.extend(luma);
    input
}

/// Reads a camera frame (see [`camera_frame_input`]); any bytes make one,
/// with a width from 1 to the number of pixels.
fn camera_frame(bytes: &[u8]) -> bool {
    let (width, luma) = match bytes {
        [low, high, luma @ ..] => (usize::from(u16::from_le_bytes([*low, *high])), luma),
        _ => (0, &[][..]),
    };
    let width = width.clamp(1, luma.len().max(1));
    let height = luma.len() / width;
    let texts = qr::read_codes(width, height, &luma[..width * height]);
    for text in &texts {
        for bank in every_bank() {
            let _ = reads_canonically(bank, text);
            gathers(bank, text);
        }
    }
    !texts.is_empty()
}

/// How many bytes of a drawn code's input (after its odd first byte) say how
/// it is drawn: see [`drawn_code_input`].
pub const DRAWING_BYTES: usize = 11;

/// Widest and tallest frame a drawn code is given, in pixels: a camera's.
const MAX_DRAWN_SIDE: usize = 1_024;

/// An input of [`qr_frame`] that draws a result code. `drawing` is, byte by
/// byte: the bank (the standard one, then [`custom_banks`], modulo their
/// number); who answered (bit 0 the full assessment, bits 1 to 3 the role,
/// bit 4 a team label); pixels per module, 2 plus the byte modulo 7 (fewer
/// when the frame would be wider than a camera's); quarter turns; the dark
/// modules' grey (modulo 156); how much lighter the light ones are (at
/// least 50 levels); noise, at most a 32nd of the light grey either way
/// (the decoder takes a pixel 5% darker than its surroundings for dark); and
/// the pixels of light surround left, above, right and below. `answers`
/// then gives one byte per statement the mode asks (modulo 8: none, the five
/// agreements, Don't know, Not applicable), followed by the team label.
pub fn drawn_code_input(drawing: [u8; DRAWING_BYTES], answers: &[u8]) -> Vec<u8> {
    let mut input = vec![1];
    input.extend(drawing);
    input.extend(answers);
    input
}

/// Draws a participant's result code into a frame (see
/// [`drawn_code_input`]), reads it back, and gathers it.
fn drawn_code(bytes: &[u8]) -> bool {
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let banks: Vec<&Bank> = every_bank().collect();
    let bank = banks[usize::from(at(0)) % banks.len()];
    let who = at(1);
    let mode = if who & 1 == 1 {
        Mode::Full
    } else {
        Mode::Quick
    };
    let mut progress = Progress::new(mode);
    progress.role = match usize::from((who >> 1) & 7) {
        0 => None,
        n => Role::ALL.get(n - 1).copied(),
    };
    let answers = bytes.get(DRAWING_BYTES..).unwrap_or_default();
    let statements: Vec<_> = bank
        .dimensions_in(mode)
        .flat_map(|d| &d.statements)
        .collect();
    for (statement, &byte) in statements.iter().zip(answers) {
        if let Some(&answer) = usize::from(byte % 8)
            .checked_sub(1)
            .and_then(|n| Answer::ALL.get(n))
        {
            progress.answer(bank, &statement.id, answer);
        }
    }
    if who & 16 != 0 {
        let label = answers.get(statements.len()..).unwrap_or_default();
        progress.name_team(&String::from_utf8_lossy(label));
    }
    let code = code::encode(bank, &progress);
    let symbol = qr::matrix(&code).expect("every result code fits in a QR code");
    let (modules, width) = qr::dark_modules(&symbol);
    let span = width + 2 * qr::QUIET_ZONE;
    let [left, top, right, bottom] = [at(7), at(8), at(9), at(10)].map(usize::from);
    let room = MAX_DRAWN_SIDE - 2 * 255;
    let scale = (2 + usize::from(at(2) % 7)).min(room / span).max(2);
    let dark = at(4) % 156;
    let light = dark + 50 + at(5) % (206 - dark);
    let noise = at(6) % (light / 32 + 1);
    let (frame_width, frame_height) = (left + span * scale + right, top + span * scale + bottom);
    let mut luma = vec![light; frame_width * frame_height];
    paint(
        &mut luma,
        frame_width,
        (left, top),
        (&modules, width),
        scale,
        at(3),
        [dark, light],
    );
    add_noise(&mut luma, noise, bytes);
    let read = qr::read_codes(frame_width, frame_height, &luma);
    assert_eq!(
        read,
        std::slice::from_ref(&code),
        "a code drawn at {scale} pixels per module, {} quarter turns, grey {dark} on {light}, \
         noise {noise}, in a {frame_width}x{frame_height} frame, does not read back",
        at(3) % 4
    );
    let mut workshop = Workshop::new("");
    assert_eq!(workshop.add_text(bank, &read[0]).added, 1);
    assert_eq!(workshop.codes(), [code]);
    true
}

/// Paints a symbol (`modules` of `width` by `width`, as [`qr::dark_modules`]
/// gives them) with its quiet zone into a frame `frame_width` pixels wide,
/// its top left corner at `corner`, at `scale` pixels per module, turned by
/// `turns` quarter turns; light and dark modules in `greys` (dark first).
pub fn paint(
    luma: &mut [u8],
    frame_width: usize,
    corner: (usize, usize),
    (modules, width): (&[bool], usize),
    scale: usize,
    turns: u8,
    [dark, light]: [u8; 2],
) {
    let span = width + 2 * qr::QUIET_ZONE;
    let inside = qr::QUIET_ZONE..qr::QUIET_ZONE + width;
    let last = width.saturating_sub(1);
    for y in 0..span * scale {
        for x in 0..span * scale {
            let (mx, my) = (x / scale, y / scale);
            let on = inside.contains(&mx) && inside.contains(&my) && {
                let (a, b) = (mx - qr::QUIET_ZONE, my - qr::QUIET_ZONE);
                let (a, b) = match turns % 4 {
                    0 => (a, b),
                    1 => (b, last - a),
                    2 => (last - a, last - b),
                    _ => (last - b, a),
                };
                modules[b * width + a]
            };
            if corner.0 + x >= frame_width {
                break;
            }
            if let Some(pixel) = luma.get_mut((corner.1 + y) * frame_width + corner.0 + x) {
                *pixel = if on { dark } else { light };
            }
        }
    }
}

/// Adds noise of at most `amount` grey levels either way to every pixel,
/// the same for the same `seed` (xorshift from an FNV-1a hash of it).
pub fn add_noise(luma: &mut [u8], amount: u8, seed: &[u8]) {
    if amount == 0 {
        return;
    }
    let mut state = seed.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    }) | 1;
    let span = 2 * u64::from(amount) + 1;
    for pixel in luma {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let change = (state % span) as i16 - i16::from(amount);
        *pixel = (i16::from(*pixel) + change).clamp(0, 255) as u8;
    }
}
