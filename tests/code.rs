//! Result codes: what goes in comes out, every typo is caught, and no text,
//! however odd, makes the decoder panic.

mod common;

use common::{mini_bank, ALL_ANSWERS};
use proptest::prelude::*;
use tandem::assessment::code::{self, CodeError};
use tandem::assessment::{
    Answer, Bank, Fingerprint, Mark, Mode, Progress, Role, Stage, StatementId,
};

const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// ---------------------------------------------------------------------------
// The format, written out independently of the module, so that a change to
// the layout shows up here as a failing test rather than as old codes that
// no longer read.
// ---------------------------------------------------------------------------

/// CRC-16/CCITT-FALSE, bit by bit, most significant first.
fn crc16(bits: &[bool]) -> u16 {
    let mut crc: u16 = 0xFFFF;
    for &bit in bits {
        let top = crc & 0x8000 != 0;
        crc <<= 1;
        if top != bit {
            crc ^= 0x1021;
        }
    }
    crc
}

fn push(bits: &mut Vec<bool>, value: u64, count: usize) {
    bits.extend((0..count).rev().map(|i| (value >> i) & 1 == 1));
}

/// A code as the module documents it: `T`, the version symbol, the payload
/// padded to whole symbols, then the length nibble and the CRC.
fn frame(version: u8, payload: &[bool]) -> String {
    let mut body = Vec::new();
    push(&mut body, u64::from(version), 5);
    body.extend_from_slice(payload);
    while body.len() % 5 != 0 {
        body.push(false);
    }
    let symbols = 1 + body.len() / 5 + 4;
    push(&mut body, (symbols % 16) as u64, 4);
    let crc = crc16(&body);
    push(&mut body, u64::from(crc), 16);
    let mut code = String::from("T");
    for chunk in body.chunks(5) {
        let value = chunk.iter().fold(0, |acc, &b| (acc << 1) | usize::from(b));
        code.push(ALPHABET.as_bytes()[value] as char);
    }
    code
}

/// The bits of a bank's mark: 32 for a short mark (format 1), 64 for a
/// fingerprint (format 2).
fn push_mark(bits: &mut Vec<bool>, mark: Mark) {
    match mark {
        Mark::Short(short) => push(bits, u64::from(short), 32),
        Mark::Full(Fingerprint(fingerprint)) => push(bits, fingerprint, 64),
    }
}

/// A payload, with the raw numbers a code holds.
fn payload(mark: Mark, full: bool, role: u64, answers: &[u64], team: &[u8]) -> Vec<bool> {
    let mut bits = Vec::new();
    push_mark(&mut bits, mark);
    push(&mut bits, u64::from(full), 1);
    push(&mut bits, role, 3);
    for &answer in answers {
        push(&mut bits, answer, 3);
    }
    if team.is_empty() {
        push(&mut bits, 0, 1);
    } else {
        push(&mut bits, 1, 1);
        push(&mut bits, team.len() as u64, 8);
        for &byte in team {
            push(&mut bits, u64::from(byte), 8);
        }
    }
    bits
}

/// The code without its hyphens.
fn compact(code: &str) -> String {
    code.chars().filter(|&c| c != '-').collect()
}

fn id(s: &str) -> StatementId {
    StatementId::from(s)
}

/// Statement ids a mode asks, in bank order.
fn statement_ids(bank: &Bank, mode: Mode) -> Vec<StatementId> {
    bank.dimensions_in(mode)
        .flat_map(|d| &d.statements)
        .map(|s| s.id.clone())
        .collect()
}

/// Progress built the way the app builds it, so it is already clean.
fn progress(
    bank: &Bank,
    mode: Mode,
    role: Option<Role>,
    team: &str,
    answers: &[Option<Answer>],
) -> Progress {
    let mut progress = Progress::new(mode);
    if let Some(role) = role {
        progress.choose_role(role);
    }
    progress.name_team(team);
    for (id, answer) in statement_ids(bank, mode).iter().zip(answers) {
        if let Some(answer) = answer {
            // Refused (and so left unanswered) where "Not applicable" is not offered.
            progress.answer(bank, id, *answer);
        }
    }
    progress
}

fn assert_same_result(decoded: &Progress, original: &Progress) {
    assert_eq!(decoded.mode, original.mode);
    assert_eq!(decoded.role, original.role);
    assert_eq!(decoded.team, original.team);
    assert_eq!(decoded.answers, original.answers);
}

/// Every answer, cycling, for every statement the mode asks ("Agree" where
/// "Not applicable" is not offered).
fn complete(bank: &Bank, mode: Mode, team: &str) -> Progress {
    let mut progress = progress(bank, mode, Some(Role::LearningAndDevelopment), team, &[]);
    for (i, id) in statement_ids(bank, mode).iter().enumerate() {
        if !progress.answer(bank, id, ALL_ANSWERS[i % 7]) {
            progress.answer(bank, id, Answer::Agree);
        }
    }
    progress
}

/// A handful of varied results, made without randomness so that the
/// exhaustive typo tests below are the same on every run.
fn sample_codes() -> Vec<(Bank, String)> {
    let mini = mini_bank();
    let standard = Bank::standard().clone();
    let mut samples = Vec::new();
    let mut seed: u32 = 12345;
    let mut next = move || {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (seed >> 16) as usize
    };
    for (bank, mode, team) in [
        (&mini, Mode::Quick, ""),
        (&mini, Mode::Full, "Team A"),
        (&standard, Mode::Quick, ""),
        (&standard, Mode::Full, ""),
        (&standard, Mode::Full, "Équipe Nord 北 🚲"),
    ] {
        let answers: Vec<_> = (0..bank.statement_count(mode))
            .map(|_| match next() % 9 {
                0 => None,
                n => Some(ALL_ANSWERS[(n - 1) % 7]),
            })
            .collect();
        let role = [None, Some(Role::Hr), Some(Role::Other)][next() % 3];
        let progress = progress(bank, mode, role, team, &answers);
        samples.push((bank.clone(), code::encode(bank, &progress)));
    }
    samples
}

// ---------------------------------------------------------------------------
// Round trips
// ---------------------------------------------------------------------------

fn role_strategy() -> impl Strategy<Value = Option<Role>> {
    prop::option::of(prop::sample::select(Role::ALL.to_vec()))
}

fn answers_strategy() -> impl Strategy<Value = Vec<Option<Answer>>> {
    // Long enough for the standard bank's full assessment (36 statements).
    prop::collection::vec(
        prop::option::of(prop::sample::select(ALL_ANSWERS.to_vec())),
        40,
    )
}

fn team_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        prop::collection::vec(any::<char>(), 0..=70).prop_map(|c| c.into_iter().collect()),
        "[ -~]{0,70}",
    ]
}

fn mode_strategy() -> impl Strategy<Value = Mode> {
    prop::sample::select(vec![Mode::Quick, Mode::Full])
}

proptest! {
    #[test]
    fn mini_bank_results_come_back_unchanged(
        mode in mode_strategy(),
        role in role_strategy(),
        team in team_strategy(),
        answers in answers_strategy(),
    ) {
        let bank = mini_bank();
        let original = progress(&bank, mode, role, &team, &answers);
        let code = code::encode(&bank, &original);
        let decoded = code::decode(&bank, &code).expect("a fresh code decodes");
        assert_same_result(&decoded, &original);
        prop_assert_eq!(code::bank_of(&code), Ok(bank.mark()));
        // One result, one code.
        prop_assert_eq!(code::encode(&bank, &decoded), code);
    }

    #[test]
    fn standard_bank_results_come_back_unchanged(
        mode in mode_strategy(),
        role in role_strategy(),
        team in team_strategy(),
        answers in answers_strategy(),
    ) {
        let bank = Bank::standard();
        let original = progress(bank, mode, role, &team, &answers);
        let code = code::encode(bank, &original);
        let decoded = code::decode(bank, &code).expect("a fresh code decodes");
        assert_same_result(&decoded, &original);
        prop_assert_eq!(code::bank_of(&code), Ok(bank.mark()));
        prop_assert_eq!(code::encode(bank, &decoded), code);
    }
}

#[test]
fn a_complete_result_opens_on_the_results_page() {
    let bank = Bank::standard();
    let original = complete(bank, Mode::Full, "Northern region");
    let decoded = code::decode(bank, &code::encode(bank, &original)).unwrap();
    assert_same_result(&decoded, &original);
    assert_eq!(decoded.stage, Stage::Results);
}

#[test]
fn an_unfinished_result_opens_where_answers_are_missing() {
    let bank = mini_bank();
    let mut original = Progress::new(Mode::Quick);
    original.choose_role(Role::Hr);
    original.answer(&bank, &id("alpha.one"), Answer::Agree);
    let decoded = code::decode(&bank, &code::encode(&bank, &original)).unwrap();
    assert_same_result(&decoded, &original);
    assert_eq!(decoded.stage, Stage::Section(0));

    let no_role = Progress::new(Mode::Full);
    let decoded = code::decode(&bank, &code::encode(&bank, &no_role)).unwrap();
    assert_eq!(decoded.role, None);
    assert_eq!(decoded.stage, Stage::About);
}

#[test]
fn encode_leaves_out_what_the_bank_would_not_keep() {
    let bank = mini_bank();
    let mut progress = Progress::new(Mode::Quick);
    progress.choose_role(Role::Leadership);
    // Written directly, past the checks `Progress::answer` and `name_team` make.
    progress
        .answers
        .insert(id("alpha.one"), Answer::NotApplicable);
    progress
        .answers
        .insert(id("alpha.four"), Answer::NotApplicable);
    progress.answers.insert(id("gamma.one"), Answer::Agree);
    progress.answers.insert(id("no.such"), Answer::Agree);
    progress.team = format!("  Team\u{7}{}", "x".repeat(100));
    let decoded = code::decode(&bank, &code::encode(&bank, &progress)).unwrap();
    assert_eq!(
        decoded.answers,
        common::answers(&[("alpha.four", Answer::NotApplicable)])
    );
    // Cut to 60 characters, then trimmed: the label `name_team` keeps.
    assert_eq!(decoded.team, format!("Team{}", "x".repeat(54)));
}

// ---------------------------------------------------------------------------
// The format itself
// ---------------------------------------------------------------------------

#[test]
fn the_checksum_is_crc16_ccitt_false() {
    let mut bits = Vec::new();
    for byte in b"123456789" {
        push(&mut bits, u64::from(*byte), 8);
    }
    assert_eq!(crc16(&bits), 0x29B1);
}

#[test]
fn the_code_follows_the_documented_layout() {
    let bank = mini_bank();
    let mut progress = Progress::new(Mode::Full);
    progress.choose_role(Role::LineManager);
    progress.name_team("Nord é");
    progress.answer(&bank, &id("alpha.one"), Answer::StronglyDisagree);
    progress.answer(&bank, &id("alpha.three"), Answer::StronglyAgree);
    progress.answer(&bank, &id("alpha.four"), Answer::NotApplicable);
    progress.answer(&bank, &id("beta.two"), Answer::DontKnow);
    progress.answer(&bank, &id("delta.two"), Answer::Neutral);
    let answers = [1, 0, 5, 7, 0, 6, 0, 0, 0, 3];
    // A custom bank: format 2, with the bank's fingerprint.
    let expected = frame(
        2,
        &payload(
            Mark::Full(bank.fingerprint()),
            true,
            4,
            &answers,
            "Nord é".as_bytes(),
        ),
    );
    let code = code::encode(&bank, &progress);
    assert_eq!(compact(&code), expected);
    assert!(code.starts_with("T2-"), "{code}");
    // Groups of five after the prefix.
    let groups: Vec<&str> = code.split('-').collect();
    assert_eq!(groups[0], "T2");
    assert!(groups[1..groups.len() - 1].iter().all(|g| g.len() == 5));
    assert!((1..=5).contains(&groups[groups.len() - 1].len()));
}

#[test]
fn codes_are_short_enough_for_a_small_qr_code() {
    let bank = Bank::standard();
    let quick = code::encode(bank, &complete(bank, Mode::Quick, ""));
    let full = code::encode(bank, &complete(bank, Mode::Full, ""));
    let symbols = |code: &str| compact(code).len();
    println!(
        "standard bank, no team label: quick {} symbols ({quick}), full {} symbols ({full})",
        symbols(&quick),
        symbols(&full)
    );
    assert!(symbols(&full) <= 45, "{full}");
    assert_eq!(symbols(&quick), 23);
    assert_eq!(symbols(&full), 35);
    // Upper-case letters, digits and `-` only: QR alphanumeric mode.
    assert!(full
        .chars()
        .all(|c| c == '-' || ALPHABET.contains(c) || c == 'T'));
}

// ---------------------------------------------------------------------------
// Typos are caught
// ---------------------------------------------------------------------------

#[test]
fn every_changed_symbol_is_caught() {
    for (bank, code) in sample_codes() {
        let symbols: Vec<char> = compact(&code).chars().collect();
        for position in 0..symbols.len() {
            for replacement in ALPHABET.chars() {
                if replacement == symbols[position] {
                    continue;
                }
                let mut changed = symbols.clone();
                changed[position] = replacement;
                let changed: String = changed.into_iter().collect();
                assert!(
                    code::decode(&bank, &changed).is_err(),
                    "{changed} (from {code}) was read"
                );
                assert!(code::bank_of(&changed).is_err(), "{changed} (from {code})");
            }
        }
    }
}

#[test]
fn every_symbol_left_out_or_added_is_caught() {
    for (bank, code) in sample_codes() {
        let symbols: Vec<char> = compact(&code).chars().collect();
        for position in 0..symbols.len() {
            let mut shorter = symbols.clone();
            shorter.remove(position);
            let shorter: String = shorter.into_iter().collect();
            assert!(
                code::decode(&bank, &shorter).is_err(),
                "{shorter} (from {code}) was read"
            );
        }
        for position in 0..=symbols.len() {
            for extra in ALPHABET.chars() {
                let mut longer = symbols.clone();
                longer.insert(position, extra);
                let longer: String = longer.into_iter().collect();
                assert!(
                    code::decode(&bank, &longer).is_err(),
                    "{longer} (from {code}) was read"
                );
            }
        }
    }
}

#[test]
fn a_changed_symbol_is_reported_as_a_typo() {
    let bank = Bank::standard();
    let code = compact(&code::encode(bank, &complete(bank, Mode::Full, "")));
    let mut symbols: Vec<char> = code.chars().collect();
    symbols[10] = if symbols[10] == 'A' { 'B' } else { 'A' };
    let changed: String = symbols.into_iter().collect();
    assert_eq!(code::decode(bank, &changed), Err(CodeError::Checksum));
    // Cut short, or one symbol missing in the middle.
    assert_eq!(
        code::decode(bank, &code[..code.len() - 1]),
        Err(CodeError::Checksum)
    );
    let missing = format!("{}{}", &code[..12], &code[13..]);
    assert_eq!(code::decode(bank, &missing), Err(CodeError::Checksum));
}

// ---------------------------------------------------------------------------
// What people actually paste
// ---------------------------------------------------------------------------

#[test]
fn codes_read_in_lower_case_with_aliases_and_spaces() {
    let bank = Bank::standard();
    let original = complete(bank, Mode::Full, "Ops");
    let code = code::encode(bank, &original);
    let variants = [
        code.to_lowercase(),
        code.replace('-', " "),
        code.replace('-', "\n  "),
        compact(&code),
        format!("  {code}\n"),
        code.replace('0', "O").replace("T1", "TI"),
        code.replace('1', "l").to_lowercase(),
        code.replace('1', "L").replace('0', "o"),
    ];
    for variant in variants {
        let decoded = code::decode(bank, &variant).unwrap_or_else(|e| panic!("{variant}: {e}"));
        assert_same_result(&decoded, &original);
    }
}

#[test]
fn codes_read_from_links() {
    let bank = mini_bank();
    let original = complete(&bank, Mode::Quick, "");
    let code = code::encode(&bank, &original);
    for link in [
        format!("https://x/#r={code}"),
        format!("https://example.org/tandem/#r={code}"),
        format!("  https://example.org/tandem/index.html#/results?r={code}&lang=en \n"),
        format!("http://127.0.0.1:8080/#x=1&r={}", code.to_lowercase()),
    ] {
        assert_eq!(code::find_code(&link).to_uppercase(), code);
        let decoded = code::decode(&bank, &link).unwrap_or_else(|e| panic!("{link}: {e}"));
        assert_same_result(&decoded, &original);
        assert_eq!(code::bank_of(&link), Ok(bank.mark()));
    }
}

#[test]
fn find_code_returns_the_code_part() {
    assert_eq!(code::find_code("  T1-ABCDE \n"), "T1-ABCDE");
    assert_eq!(code::find_code("https://x/#r=T1-AB"), "T1-AB");
    assert_eq!(code::find_code("https://x/#/r?r=T1-AB&b=2"), "T1-AB");
    assert_eq!(code::find_code("https://x/#/about"), "https://x/#/about");
    assert_eq!(code::find_code("#r="), "");
    assert_eq!(code::find_code(""), "");
}

// ---------------------------------------------------------------------------
// Specific errors, each with a sentence a person can act on
// ---------------------------------------------------------------------------

#[test]
fn empty_text_is_no_code() {
    let bank = mini_bank();
    for text in ["", "   ", " - -\n", "https://x/#r="] {
        assert_eq!(code::decode(&bank, text), Err(CodeError::Empty), "{text:?}");
        assert_eq!(code::bank_of(text), Err(CodeError::Empty));
    }
}

#[test]
fn long_text_is_refused_before_reading() {
    let bank = mini_bank();
    let code = code::encode(&bank, &complete(&bank, Mode::Full, ""));
    let padded = format!("{code}{}", " ".repeat(3000));
    assert_eq!(code::decode(&bank, &padded), Err(CodeError::TooLong));
    assert_eq!(
        code::decode(&bank, &"T".repeat(2001)),
        Err(CodeError::TooLong)
    );
    assert_eq!(code::bank_of(&"x".repeat(5000)), Err(CodeError::TooLong));
}

#[test]
fn other_text_is_not_a_tandem_code() {
    let bank = mini_bank();
    for text in [
        "hello",
        "https://example.org/",
        "{\"schema\":1}",
        "1T-ABC",
        "é",
    ] {
        assert_eq!(
            code::decode(&bank, text),
            Err(CodeError::NotTandem),
            "{text}"
        );
    }
}

#[test]
fn a_character_that_no_code_holds_is_pointed_out() {
    let bank = mini_bank();
    assert_eq!(
        code::decode(&bank, "T1-AB?CD"),
        Err(CodeError::BadCharacter {
            character: '?',
            position: 5
        })
    );
    assert_eq!(
        code::decode(&bank, "t1 abcu"),
        Err(CodeError::BadCharacter {
            character: 'u',
            position: 6
        })
    );
    // Counted in characters, not bytes, and in the code rather than the link.
    assert_eq!(
        code::decode(&bank, "https://x/#r=T1-é"),
        Err(CodeError::BadCharacter {
            character: 'é',
            position: 3
        })
    );
    let message = CodeError::BadCharacter {
        character: '?',
        position: 5,
    }
    .to_string();
    assert!(message.contains("Character 6"), "{message}");
    assert!(message.contains('?'), "{message}");
}

#[test]
fn a_code_cut_very_short_is_incomplete() {
    let bank = mini_bank();
    for text in ["T", "T1", "T1-ABC"] {
        assert_eq!(code::decode(&bank, text), Err(CodeError::Incomplete));
    }
}

#[test]
fn a_code_for_another_bank_says_so() {
    let mini = mini_bank();
    let standard = Bank::standard();
    let code = code::encode(&mini, &complete(&mini, Mode::Full, ""));
    assert_eq!(
        code::decode(standard, &code),
        Err(CodeError::OtherBank { mark: mini.mark() })
    );
    assert_eq!(code::bank_of(&code), Ok(mini.mark()));
    assert_ne!(mini.fingerprint(), standard.fingerprint());
}

#[test]
fn a_code_from_a_newer_tandem_says_so() {
    let bank = mini_bank();
    let newer = frame(3, &payload(bank.mark(), false, 1, &[1; 6], b""));
    assert_eq!(
        code::decode(&bank, &newer),
        Err(CodeError::NewerVersion { version: 3 })
    );
    assert_eq!(
        code::bank_of(&newer),
        Err(CodeError::NewerVersion { version: 3 })
    );
    assert_eq!(
        code::decode(&bank, &frame(31, &[true; 40])),
        Err(CodeError::NewerVersion { version: 31 })
    );
}

#[test]
fn a_well_formed_code_with_impossible_content_is_damaged() {
    let bank = mini_bank();
    let fp = bank.mark();
    let quick = [1, 2, 3, 4, 5, 6];
    // The reference: this one is fine.
    assert!(code::decode(&bank, &frame(2, &payload(fp, false, 1, &quick, b""))).is_ok());

    let mut cases = vec![
        // Roles 6 and 7 do not exist.
        payload(fp, false, 6, &quick, b""),
        payload(fp, false, 7, &quick, b""),
        // "Not applicable" on alpha.one, which does not offer it.
        payload(fp, false, 1, &[7, 2, 3, 4, 5, 6], b""),
        // Too few answers for the mode.
        payload(fp, true, 1, &quick, b""),
        // A label Tandem would have cleaned, and one that is not UTF-8.
        payload(fp, false, 1, &quick, b" padded "),
        payload(fp, false, 1, &quick, b"a\x07b"),
        payload(fp, false, 1, &quick, &[0xff, 0xfe]),
        payload(fp, false, 1, &quick, "x".repeat(61).as_bytes()),
        // Nothing at all after the version.
        Vec::new(),
    ];
    // A label said to be there but empty.
    let mut empty_label = payload(fp, false, 1, &quick, b"");
    empty_label.pop();
    push(&mut empty_label, 1, 1);
    push(&mut empty_label, 0, 8);
    cases.push(empty_label);
    // Padding that is not zero, and a whole symbol too many.
    let mut padded = payload(fp, false, 1, &quick, b"");
    padded.push(true);
    cases.push(padded);
    let mut extra = payload(fp, false, 1, &quick, b"");
    extra.extend([false; 5]);
    cases.push(extra);

    for bits in cases {
        let text = frame(2, &bits);
        assert_eq!(
            code::decode(&bank, &text),
            Err(CodeError::Damaged),
            "{text}"
        );
    }
    assert_eq!(code::decode(&bank, &frame(0, &[])), Err(CodeError::Damaged));
}

#[test]
fn every_error_explains_itself_in_a_sentence() {
    let errors = [
        CodeError::Empty,
        CodeError::TooLong,
        CodeError::NotTandem,
        CodeError::NewerVersion { version: 2 },
        CodeError::BadCharacter {
            character: '\u{0}',
            position: 0,
        },
        CodeError::Incomplete,
        CodeError::Checksum,
        CodeError::Damaged,
        CodeError::OtherBank {
            mark: Mark::Short(0xDEAD_BEEF),
        },
        CodeError::Earlier,
    ];
    for error in errors {
        let message = error.to_string();
        assert!(message.ends_with('.'), "{message}");
        assert!(message.chars().next().is_some_and(char::is_uppercase));
        assert!(!message.contains('\u{0}'), "{message:?}");
        let _: &dyn std::error::Error = &error;
    }
    assert!(CodeError::Checksum.to_string().contains("typo"));
    assert!(CodeError::OtherBank {
        mark: Mark::Short(0xDEAD_BEEF)
    }
    .to_string()
    .contains("DEADBEEF"));
    assert!(CodeError::OtherBank {
        mark: Mark::Full(Fingerprint(0x0123_4567_89AB_CDEF))
    }
    .to_string()
    .contains("0123456789ABCDEF"));
}

// ---------------------------------------------------------------------------
// Nothing panics
// ---------------------------------------------------------------------------

fn code_like() -> impl Strategy<Value = String> {
    let symbol = prop::sample::select(
        "0123456789ABCDEFGHJKMNPQRSTVWXYZabcxyzOoIiLl- \n\tTU#?&=é"
            .chars()
            .collect::<Vec<_>>(),
    );
    (
        prop::sample::select(vec!["", "T", "T1", "t1-", "https://x/#r=T1", "#r="]),
        prop::collection::vec(symbol, 0..700),
    )
        .prop_map(|(prefix, rest)| format!("{prefix}{}", rest.into_iter().collect::<String>()))
}

proptest! {
    #[test]
    fn no_text_panics_the_decoder(text in any::<String>()) {
        let bank = mini_bank();
        let _ = code::decode(&bank, &text);
        let _ = code::decode(Bank::standard(), &text);
        let _ = code::bank_of(&text);
        let _ = code::find_code(&text);
    }

    #[test]
    fn no_code_like_text_panics_the_decoder(text in code_like()) {
        let bank = mini_bank();
        let _ = code::decode(&bank, &text);
        let _ = code::decode(Bank::standard(), &text);
        let _ = code::bank_of(&text);
        prop_assert!(text.contains(code::find_code(&text)));
    }

    /// Codes with a valid checksum but random content reach every branch of
    /// the payload reader; whatever they decode to is a result Tandem would
    /// have written itself.
    #[test]
    fn checksummed_random_content_is_read_or_refused(
        version in prop::sample::select(vec![0u8, 1, 2, 2, 2, 3]),
        full in any::<bool>(),
        rest in prop::collection::vec(any::<bool>(), 0..400),
        own_fingerprint in any::<bool>(),
    ) {
        let bank = mini_bank();
        let mut bits = Vec::new();
        if own_fingerprint {
            push_mark(&mut bits, bank.mark());
            push(&mut bits, u64::from(full), 1);
        }
        bits.extend(rest);
        let text = frame(version, &bits);
        let _ = code::bank_of(&text);
        if let Ok(progress) = code::decode(&bank, &text) {
            prop_assert_eq!(compact(&code::encode(&bank, &progress)), text);
        }
    }

    /// Random edits to real codes: whatever still decodes is still a result
    /// of the same bank.
    #[test]
    fn edited_codes_never_panic(
        answers in answers_strategy(),
        team in team_strategy(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..3, prop::sample::select(ALPHABET.chars().collect::<Vec<_>>())), 1..4),
    ) {
        let bank = Bank::standard();
        let original = progress(bank, Mode::Full, Some(Role::Hr), &team, &answers);
        let mut symbols: Vec<char> = compact(&code::encode(bank, &original)).chars().collect();
        for (at, kind, symbol) in edits {
            let at = at.index(symbols.len() + 1);
            match kind {
                0 if at < symbols.len() => { symbols.remove(at); }
                1 if at < symbols.len() => symbols[at] = symbol,
                _ => symbols.insert(at, symbol),
            }
        }
        let text: String = symbols.into_iter().collect();
        let _ = code::decode(bank, &text);
        let _ = code::bank_of(&text);
    }
}

// ---------------------------------------------------------------------------
// Which bank a code is for
// ---------------------------------------------------------------------------

/// The mini bank with its first statement worded `text`.
fn mini_worded(text: &str) -> Bank {
    let mut bank = common::mini_bank_json();
    bank["dimensions"][0]["statements"][0]["text"] = serde_json::json!(text);
    Bank::parse(&bank.to_string()).expect("the test bank is valid")
}

#[test]
fn the_standard_bank_keeps_short_codes_and_custom_banks_carry_a_fingerprint() {
    let standard = Bank::standard();
    let code = code::encode(standard, &complete(standard, Mode::Quick, ""));
    assert!(code.starts_with("T1-"), "{code}");
    assert_eq!(compact(&code).len(), 23);
    assert_eq!(code::bank_of(&code), Ok(Mark::Short(standard.short_mark())));

    let mini = mini_bank();
    let code = code::encode(&mini, &complete(&mini, Mode::Quick, ""));
    assert!(code.starts_with("T2-"), "{code}");
    assert_eq!(code::bank_of(&code), Ok(Mark::Full(mini.fingerprint())));

    // Some of the standard bank's dimensions: Tandem's own content, so its
    // codes stay short, and those made before fingerprints still read.
    let config = tandem::assessment::Config::parse(
        r#"{"dimensions": ["communication", "mutual-recognition"]}"#,
        standard,
    )
    .expect("a valid configuration");
    let fewer = config.bank();
    assert!(fewer.ships_with_tandem() && !fewer.is_standard());
    let code = code::encode(fewer, &complete(fewer, Mode::Quick, ""));
    assert!(code.starts_with("T1-"), "{code}");
    assert!(code::decode(fewer, &code).is_ok());
    assert!(code::decode(standard, &code).is_err());
}

#[test]
fn two_custom_banks_that_share_the_old_32_bit_mark_are_told_apart() {
    // Found by a birthday search over 1.2 million rewordings: the 32-bit
    // FNV mark that codes carried before fingerprints is the same for both,
    // so an earlier Tandem scored one bank's answers as the other's.
    let (a, b) = (mini_worded("A1 v1039599"), mini_worded("A1 v1222382"));
    assert_eq!(a.short_mark(), b.short_mark());
    assert_ne!(a.fingerprint(), b.fingerprint());
    let code = code::encode(&a, &complete(&a, Mode::Full, "Ops"));
    assert_eq!(
        code::decode(&b, &code),
        Err(CodeError::OtherBank { mark: a.mark() })
    );
    assert!(code::decode(&a, &code).is_ok());
}

#[test]
fn a_format_1_code_for_a_custom_bank_is_refused_as_too_short_to_trust() {
    let mini = mini_bank();
    let quick = [1, 2, 3, 4, 5, 6];
    // What an earlier Tandem wrote for this bank: its mark matches, but 32
    // bits cannot tell this bank from another that shares them.
    let earlier = frame(
        1,
        &payload(Mark::Short(mini.short_mark()), false, 1, &quick, b""),
    );
    assert_eq!(code::decode(&mini, &earlier), Err(CodeError::Earlier));
    assert!(CodeError::Earlier.to_string().contains("earlier version"));
    // Another bank's short mark is another bank.
    let other = frame(1, &payload(Mark::Short(0x0BAD_F00D), false, 1, &quick, b""));
    assert_eq!(
        code::decode(&mini, &other),
        Err(CodeError::OtherBank {
            mark: Mark::Short(0x0BAD_F00D)
        })
    );
}

#[test]
fn the_standard_bank_named_by_its_fingerprint_is_not_a_code_tandem_writes() {
    // One result, one code: format 1 is the only spelling of a standard
    // bank's result.
    let standard = Bank::standard();
    let answers = [3; 16];
    let long = frame(
        2,
        &payload(Mark::Full(standard.fingerprint()), false, 1, &answers, b""),
    );
    assert_eq!(code::decode(standard, &long), Err(CodeError::Damaged));
    let short = frame(
        1,
        &payload(Mark::Short(standard.short_mark()), false, 1, &answers, b""),
    );
    assert!(code::decode(standard, &short).is_ok());
}
