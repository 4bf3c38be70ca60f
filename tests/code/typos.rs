//! Typos are caught: every symbol changed, left out or added, in every
//! sample code.

use super::*;

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
