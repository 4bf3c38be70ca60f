//! Specific errors, each with a sentence a person can act on.

use super::*;

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
