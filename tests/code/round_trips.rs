//! Round trips: every result comes back from its code unchanged, and opens
//! on the page where its answers stop.

use super::*;

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
