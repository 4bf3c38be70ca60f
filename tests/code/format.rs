//! The format itself: the checksum, the documented layout bit by bit, and
//! lengths that fit a small QR code.

use super::*;

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
