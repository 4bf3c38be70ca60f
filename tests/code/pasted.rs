//! What people actually paste: lower case, Crockford's aliases, spaces, and
//! codes inside links.

use super::*;

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
