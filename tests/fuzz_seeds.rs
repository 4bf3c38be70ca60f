//! The seeds of the two fuzz targets whose inputs are made from result codes:
//! `custom_bank_code` (codes, links, pastes and exports under custom question
//! banks) and `qr_frame` (camera frames showing participants' QR codes, and
//! codes to draw). They are written here from the domain, with
//! `code::encode` and the QR symbol Tandem draws, so that no seed spells a
//! code by hand.
//!
//! This test builds every seed afresh and fails when fuzz/seeds/TARGET
//! differs; `TANDEM_WRITE_FUZZ_SEEDS=1 cargo test --test fuzz_seeds` writes
//! the folders again (after a change to the code format, to how a bank's
//! fingerprint is made, to the standard bank, to the example configuration
//! whose bank is fuzzed, or to these targets' input layouts in
//! fuzz/checks.rs), to be committed with that change.

// Each test binary that includes the checks uses only some of them.
#[allow(dead_code)]
#[path = "../fuzz/checks.rs"]
mod checks;

use std::collections::BTreeMap;
use std::path::Path;
use tandem::assessment::{code, export, Answer, Bank, Mode, Progress, Role};
use tandem::qr;

/// Seeds by file name.
type Seeds = BTreeMap<String, Vec<u8>>;

/// `mode`'s statements answered in turn with every answer there is (Not
/// applicable only where offered, Don't know elsewhere), starting `shift`
/// answers along, every `gap`-th left unanswered (none when 0).
fn answered(
    bank: &Bank,
    mode: Mode,
    role: Option<Role>,
    team: &str,
    shift: usize,
    gap: usize,
) -> Progress {
    let mut progress = Progress::new(mode);
    progress.role = role;
    progress.name_team(team);
    let statements = bank.dimensions_in(mode).flat_map(|d| &d.statements);
    for (n, statement) in statements.enumerate() {
        if gap > 0 && n % gap == gap - 1 {
            continue;
        }
        let answer = match Answer::ALL[(n + shift) % Answer::ALL.len()] {
            Answer::NotApplicable if !statement.not_applicable => Answer::DontKnow,
            answer => answer,
        };
        assert!(progress.answer(bank, &statement.id, answer));
    }
    progress
}

/// The codes, links, pastes and exports of each custom bank, each after the
/// byte that chooses that bank.
fn custom_bank_code_seeds() -> Seeds {
    let mut seeds = Seeds::new();
    for (index, (name, bank)) in checks::custom_banks().iter().enumerate() {
        let quick = answered(bank, Mode::Quick, Some(Role::Hr), "", 0, 0);
        let full = answered(
            bank,
            Mode::Full,
            Some(Role::LineManager),
            "Équipe Nord 2",
            3,
            5,
        );
        let quick_code = code::encode(bank, &quick);
        let full_code = code::encode(bank, &full);
        let standard_code = code::encode(
            Bank::standard(),
            &answered(Bank::standard(), Mode::Quick, Some(Role::Other), "", 1, 0),
        );
        let split: Vec<&str> = full_code.split('-').collect();
        let paste = [
            format!("Ana: {quick_code}"),
            format!("https://example.org/tandem/#r={full_code}"),
            // A code split into words by a chat program, and one retyped in
            // lower case.
            split.join(" "),
            quick_code.to_lowercase(),
            standard_code,
            "see you tomorrow".to_owned(),
            code::encode(
                bank,
                &answered(bank, Mode::Quick, Some(Role::Leadership), "", 2, 3),
            ),
        ]
        .join("\n");
        let mut add = |kind: &str, text: &str| {
            let mut input = vec![index as u8];
            input.extend(text.as_bytes());
            seeds.insert(format!("{name}-{kind}"), input);
        };
        add("quick-code", &quick_code);
        add("full-code-with-team", &full_code);
        add(
            "link",
            &format!("https://example.org/tandem/#/results?r={quick_code}&lang=en"),
        );
        add("paste", &paste);
        add("export.json", &export::to_json(bank, &full));
    }
    // A whole room's paste, so the fuzzer starts from a large input too.
    let (index, (name, bank)) = checks::custom_banks()
        .iter()
        .enumerate()
        .find(|(_, (name, _))| *name == "largest")
        .expect("the largest bank is fuzzed");
    let room: Vec<String> = (0..300)
        .map(|n| {
            let role = Role::ALL[n % Role::ALL.len()];
            let mode = if n % 3 == 0 { Mode::Full } else { Mode::Quick };
            code::encode(bank, &answered(bank, mode, Some(role), "", n, 2 + n % 7))
        })
        .collect();
    let mut input = vec![index as u8];
    input.extend(room.join("\n").as_bytes());
    seeds.insert(format!("{name}-room-paste"), input);
    seeds
}

/// A camera's view: a grey gradient from `left` at the left edge to `right`
/// at the right.
fn gradient(width: usize, height: usize, left: u8, right: u8) -> Vec<u8> {
    let span = i32::from(right) - i32::from(left);
    (0..width * height)
        .map(|i| (i32::from(left) + span * (i % width) as i32 / width.max(2) as i32) as u8)
        .collect()
}

/// `text`'s symbol painted into `luma` at `corner`; see [`checks::paint`].
fn paint(
    luma: &mut [u8],
    width: usize,
    corner: (usize, usize),
    text: &str,
    scale: usize,
    turns: u8,
    greys: [u8; 2],
) {
    let (modules, size) = qr::dark_modules(&qr::matrix(text).expect("a code fits a QR code"));
    checks::paint(luma, width, corner, (&modules, size), scale, turns, greys);
}

/// Camera frames showing participants' codes, and codes to draw.
fn qr_frame_seeds() -> Seeds {
    let banks = checks::custom_banks();
    let bank = |name: &str| {
        &banks
            .iter()
            .find(|(n, _)| *n == name)
            .expect("a fuzzed bank")
            .1
    };
    let standard = Bank::standard();
    let mut seeds = Seeds::new();
    let mut frame = |name: &str, width: usize, luma: Vec<u8>, noise: u8| {
        let mut luma = luma;
        checks::add_noise(&mut luma, noise, name.as_bytes());
        let width = u16::try_from(width).expect("a camera's width");
        seeds.insert(name.to_owned(), checks::camera_frame_input(width, &luma));
    };

    // A phone held up to the camera: its light screen in a dim room.
    let code = code::encode(
        standard,
        &answered(standard, Mode::Quick, Some(Role::Hr), "", 0, 0),
    );
    let mut luma = gradient(640, 480, 40, 140);
    for y in 90..390 {
        luma[y * 640 + 170..y * 640 + 470].fill(235);
    }
    paint(&mut luma, 640, (188, 108), &code, 8, 0, [20, 235]);
    frame("camera-640x480-phone", 640, luma, 6);

    // Two participants at once: a standard code and a custom bank's.
    let first = code::encode(
        standard,
        &answered(
            standard,
            Mode::Full,
            Some(Role::LearningAndDevelopment),
            "",
            2,
            0,
        ),
    );
    let northwind = bank("northwind");
    let second = code::encode(
        northwind,
        &answered(northwind, Mode::Full, Some(Role::Other), "", 1, 0),
    );
    let mut luma = vec![220; 480 * 240];
    paint(&mut luma, 480, (8, 8), &first, 3, 0, [30, 220]);
    paint(&mut luma, 480, (250, 20), &second, 3, 1, [30, 220]);
    frame("camera-480x240-two-codes", 480, luma, 4);

    // A projected code seen from the back of the room: small, grey, turned.
    let code = code::encode(
        standard,
        &answered(
            standard,
            Mode::Full,
            Some(Role::LineManager),
            "Team Nord",
            4,
            6,
        ),
    );
    let mut luma = vec![190; 320 * 240];
    paint(&mut luma, 320, (60, 40), &code, 2, 3, [70, 190]);
    frame("camera-320x240-projected", 320, luma, 0);

    // The longest codes there are: the largest bank's full assessment.
    let largest = bank("largest");
    let code = code::encode(
        largest,
        &answered(largest, Mode::Full, Some(Role::Leadership), "", 5, 0),
    );
    let mut luma = vec![255; 240 * 240];
    paint(&mut luma, 240, (10, 10), &code, 2, 0, [0, 255]);
    frame("camera-240x240-largest-bank", 240, luma, 3);

    // The shortest: a single dimension's, upside down.
    let one = bank("one-dimension");
    let code = code::encode(one, &answered(one, Mode::Quick, None, "", 0, 0));
    let mut luma = vec![250; 160 * 120];
    paint(&mut luma, 160, (20, 10), &code, 3, 2, [10, 250]);
    frame("camera-160x120-one-dimension", 160, luma, 2);

    // Codes to draw, one for each bank: see `checks::drawn_code_input`.
    let bank_count = 1 + banks.len();
    for index in 0..bank_count {
        // The full assessment for every other bank, each role in turn, and a
        // team label for the last.
        let full = (index % 2) as u8;
        let role = ((index % 6) as u8) << 1;
        let team = if index + 1 == bank_count { 16 } else { 0 };
        let drawing = [
            index as u8,
            full | role | team,
            index as u8,
            index as u8,
            (index * 30) as u8,
            (index * 40) as u8,
            index as u8,
            (index * 20) as u8,
            (index * 7) as u8,
            (index * 13) as u8,
            (index * 3) as u8,
        ];
        let (name, chosen) = match index {
            0 => ("standard", standard),
            n => (banks[n - 1].0, &banks[n - 1].1),
        };
        let mode = if index % 2 == 1 {
            Mode::Full
        } else {
            Mode::Quick
        };
        let mut answers: Vec<u8> = (0..chosen.statement_count(mode))
            .map(|n| (n + index) as u8 % 8)
            .collect();
        if index + 1 == bank_count {
            answers.extend("Équipe Nord".as_bytes());
        }
        seeds.insert(
            format!("drawn-{name}"),
            checks::drawn_code_input(drawing, &answers),
        );
    }
    seeds
}

/// Compares `seeds` with fuzz/seeds/TARGET, or writes them there when asked
/// (removing the files no longer made); every seed must reach `check`'s
/// round trip.
fn check(target: &str, seeds: &Seeds, accepted: fn(&[u8]) -> bool) {
    for (name, bytes) in seeds {
        assert!(accepted(bytes), "the {target} seed {name} is refused");
    }
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join("seeds")
        .join(target);
    let committed: Seeds = std::fs::read_dir(&folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    (name, std::fs::read(entry.path()).unwrap_or_default())
                })
                .collect()
        })
        .unwrap_or_default();
    if std::env::var_os("TANDEM_WRITE_FUZZ_SEEDS").is_some() {
        std::fs::create_dir_all(&folder).unwrap();
        for name in committed.keys().filter(|name| !seeds.contains_key(*name)) {
            std::fs::remove_file(folder.join(name)).unwrap();
        }
        for (name, bytes) in seeds {
            std::fs::write(folder.join(name), bytes).unwrap();
        }
        return;
    }
    assert!(
        &committed == seeds,
        "{} is stale: run `TANDEM_WRITE_FUZZ_SEEDS=1 cargo test --test fuzz_seeds` and commit it",
        folder.display()
    );
}

#[test]
fn custom_bank_code_seeds_are_current() {
    check(
        "custom_bank_code",
        &custom_bank_code_seeds(),
        checks::custom_bank_code,
    );
}

#[test]
fn qr_frame_seeds_are_current() {
    check("qr_frame", &qr_frame_seeds(), checks::qr_frame);
}
