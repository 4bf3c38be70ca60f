//! Which bank a code is for: short marks for the standard bank, fingerprints
//! for custom banks, and codes too short to trust.

use super::*;

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
