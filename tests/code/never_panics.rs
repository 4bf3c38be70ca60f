//! Nothing panics: any text, code-like text, checksummed random content and
//! edited codes are read or refused.

use super::*;

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
