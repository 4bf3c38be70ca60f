//! A respondent's journey through the questionnaire, and the saved format
//! that lets them come back to it.

mod common;

use common::{mini_bank, ALL_ANSWERS};
use proptest::prelude::*;
use tandem::assessment::saved::{self, SavedError};
use tandem::assessment::{Answer, Mode, Progress, Role, Stage, StatementId, Unanswered};

fn id(s: &str) -> StatementId {
    StatementId::from(s)
}

#[test]
fn a_quick_journey_from_role_to_results() {
    let bank = mini_bank();
    let mut progress = Progress::new(Mode::Quick);
    assert_eq!(progress.next(&bank), Err(Unanswered::Role));
    progress.choose_role(Role::Hr);
    assert_eq!(progress.next(&bank), Ok(()));
    assert_eq!(progress.stage, Stage::Section(0));

    assert_eq!(
        progress.next(&bank),
        Err(Unanswered::Statements(vec![
            id("alpha.one"),
            id("alpha.two"),
            id("alpha.three"),
            id("alpha.four")
        ]))
    );
    for s in ["alpha.one", "alpha.two", "alpha.three"] {
        assert!(progress.answer(&bank, &id(s), Answer::Agree));
    }
    assert!(progress.answer(&bank, &id("alpha.four"), Answer::DontKnow));
    assert_eq!(progress.answered_count(&bank), 4);
    progress.next(&bank).unwrap();
    assert_eq!(progress.stage, Stage::Section(1));
    for s in ["beta.one", "beta.two"] {
        progress.answer(&bank, &id(s), Answer::StronglyAgree);
    }
    progress.next(&bank).unwrap();
    assert_eq!(progress.stage, Stage::Results);

    assert!(progress.back(&bank));
    assert_eq!(progress.stage, Stage::Section(1));
    progress.back(&bank);
    progress.back(&bank);
    assert_eq!(progress.stage, Stage::About);
    assert!(!progress.back(&bank), "back from the first screen leaves");
}

#[test]
fn answers_outside_the_assessment_are_refused() {
    let bank = mini_bank();
    let mut progress = Progress::new(Mode::Quick);
    assert!(
        !progress.answer(&bank, &id("gamma.one"), Answer::Agree),
        "not in quick"
    );
    assert!(
        !progress.answer(&bank, &id("nope"), Answer::Agree),
        "unknown id"
    );
    assert!(
        !progress.answer(&bank, &id("alpha.one"), Answer::NotApplicable),
        "n/a is not offered there"
    );
    assert!(progress.answer(&bank, &id("alpha.four"), Answer::NotApplicable));
    assert_eq!(progress.answers.len(), 1);
}

#[test]
fn team_labels_are_cleaned() {
    let mut progress = Progress::new(Mode::Full);
    progress.name_team("  Northern\u{7} region\n ");
    assert_eq!(progress.team, "Northern region");
    progress.name_team(&"x".repeat(500));
    assert_eq!(progress.team.chars().count(), 60);
}

#[test]
fn saved_progress_comes_back_as_it_was() {
    let bank = mini_bank();
    let mut progress = Progress::new(Mode::Quick);
    progress.choose_role(Role::LearningAndDevelopment);
    progress.name_team("Ops");
    progress.next(&bank).unwrap();
    progress.answer(&bank, &id("alpha.one"), Answer::Agree);
    let text = saved::encode(&bank, &progress);
    assert_eq!(saved::decode(&bank, &text), Ok(progress));
}

#[test]
fn format_1_progress_reads_as_its_revision_0_and_is_saved_again_in_the_current_format() {
    // Written by Tandem before saved progress carried a revision.
    let bank = mini_bank();
    let format_1 = r#"{"schema":1,"bank":"mini","progress":{"mode":"quick","role":"hr","team":"Ops",
        "answers":{"alpha.one":"agree"},"stage":{"section":0}}}"#;
    let progress = saved::decode(&bank, format_1).expect("format 1 still reads");
    assert_eq!(progress.role, Some(Role::Hr));
    assert_eq!(progress.answers.get(&id("alpha.one")), Some(&Answer::Agree));
    assert_eq!(saved::revision_of(format_1), Some(0));

    let again = saved::encode_revision(&bank, &progress, 1);
    assert!(again.starts_with(&format!("{{\"schema\":{},", saved::SCHEMA)));
    assert_eq!(saved::revision_of(&again), Some(1));
    assert_eq!(saved::decode(&bank, &again), Ok(progress));
}

#[test]
fn the_revision_is_read_only_from_progress_this_version_can_read() {
    let bank = mini_bank();
    let saved = saved::encode_revision(&bank, &Progress::new(Mode::Quick), 41);
    assert_eq!(saved::revision_of(&saved), Some(41));
    // Damaged, or from a newer Tandem: there is no revision to compare with,
    // so a tab never takes such data for its own and saves over it.
    assert_eq!(saved::revision_of("{\"schema\":2,"), None);
    assert_eq!(saved::revision_of(r#"{"schema":9,"revision":3}"#), None);
    assert_eq!(saved::revision_of(r#"{"revision":3}"#), None);
}

#[test]
fn saved_progress_from_a_newer_version_is_recognised() {
    let bank = mini_bank();
    let newer = r#"{"schema": 9, "something": "unknown to this version"}"#;
    assert_eq!(
        saved::decode(&bank, newer),
        Err(SavedError::Newer { schema: 9 })
    );
    // What the person is told: the way to the version that reads them.
    assert_eq!(
        SavedError::Newer { schema: 9 }.to_string(),
        format!(
            "they were saved by a newer version of Tandem (format 9, this one reads up to {}); \
             to use them, reload the page to get the newer version",
            saved::SCHEMA
        )
    );
}

#[test]
fn saved_progress_for_another_bank_is_refused() {
    let bank = mini_bank();
    let text = saved::encode(
        tandem::assessment::Bank::standard(),
        &Progress::new(Mode::Quick),
    );
    assert_eq!(
        saved::decode(&bank, &text),
        Err(SavedError::OtherBank {
            bank: "tandem-standard".into()
        })
    );
}

#[test]
fn damaged_saved_progress_is_refused_with_a_reason() {
    let bank = mini_bank();
    for text in [
        "",
        "null",
        "{",
        "[1,2,3]",
        r#"{"schema": 1}"#,
        r#"{"schema": 1, "bank": "mini", "progress": {"mode": "sideways"}}"#,
        r#"{"schema": -1}"#,
    ] {
        match saved::decode(&bank, text) {
            Err(SavedError::Damaged { reason }) => {
                assert!(!reason.to_string().is_empty(), "{text}")
            }
            other => panic!("{text}: {other:?}"),
        }
    }
    let huge = format!(r#"{{"schema": 1, "pad": "{}"}}"#, "x".repeat(300_000));
    assert!(matches!(
        saved::decode(&bank, &huge),
        Err(SavedError::Damaged { .. })
    ));
}

#[test]
fn saved_progress_is_fitted_to_the_bank() {
    let bank = mini_bank();
    // Answers to unknown statements and to statements outside quick mode are
    // dropped; a page beyond the last and a page past a gap are corrected.
    let text = r#"{"schema":1,"bank":"mini","progress":{"mode":"quick","role":"hr","team":"",
        "answers":{"alpha.one":"agree","ghost.one":"agree","gamma.one":"agree","alpha.two":"not-applicable"},
        "stage":{"section":7}}}"#;
    let progress = saved::decode(&bank, text).unwrap();
    assert_eq!(progress.answers.len(), 1);
    assert_eq!(progress.stage, Stage::Section(0), "alpha still has gaps");

    let no_role = r#"{"schema":1,"bank":"mini","progress":{"mode":"quick","role":null,"team":"",
        "answers":{},"stage":"results"}}"#;
    assert_eq!(saved::decode(&bank, no_role).unwrap().stage, Stage::About);
}

#[test]
fn answers_roles_modes_owners_and_horizons_are_read_with_the_derived_messages() {
    use tandem::assessment::plan::{Horizon, Owner};
    fn read<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str) -> String {
        match serde_json::from_str::<T>(json) {
            Ok(value) => format!("{value:?}"),
            Err(error) => error.to_string(),
        }
    }
    for answer in Answer::ALL {
        let json = serde_json::to_string(&answer).unwrap();
        assert_eq!(serde_json::from_str::<Answer>(&json).unwrap(), answer);
    }
    for role in Role::ALL {
        let json = serde_json::to_string(&role).unwrap();
        assert_eq!(serde_json::from_str::<Role>(&json).unwrap(), role);
    }
    for owner in Owner::ALL {
        let json = serde_json::to_string(&owner).unwrap();
        assert_eq!(serde_json::from_str::<Owner>(&json).unwrap(), owner);
    }
    for horizon in Horizon::ALL {
        let json = serde_json::to_string(&horizon).unwrap();
        assert_eq!(serde_json::from_str::<Horizon>(&json).unwrap(), horizon);
    }
    assert_eq!(read::<Mode>(r#""full""#), "Full");
    assert_eq!(read::<Mode>(r#"{"quick": null}"#), "Quick");
    // The messages a damaged import quotes, as serde's derive wrote them.
    assert_eq!(
        read::<Mode>(r#""slow""#),
        "unknown variant `slow`, expected `quick` or `full` at line 1 column 6"
    );
    assert_eq!(
        read::<Horizon>(r#""45""#),
        "unknown variant `45`, expected one of `30`, `60`, `90` at line 1 column 4"
    );
    assert_eq!(read::<Answer>("3"), "expected value at line 1 column 1");
    assert_eq!(
        read::<Role>(r#"{"hr": 1}"#),
        "invalid type: integer `1`, expected unit at line 1 column 8"
    );
    assert_eq!(
        serde_json::from_value::<Owner>(serde_json::json!("boss"))
            .unwrap_err()
            .to_string(),
        "unknown variant `boss`, expected one of `hr`, `learning-and-development`, `joint`, `leaders`"
    );
}

proptest! {
    #[test]
    fn no_saved_text_panics_the_decoder(text in ".{0,400}") {
        let _ = saved::decode(&mini_bank(), &text);
    }

    #[test]
    fn saved_progress_round_trips(
        picks in prop::collection::vec((0usize..10, prop::sample::select(ALL_ANSWERS.to_vec())), 0..12),
        full in any::<bool>(),
        team in "[a-zA-Z ]{0,20}",
        steps in 0usize..8,
    ) {
        let bank = mini_bank();
        let ids = ["alpha.one", "alpha.two", "alpha.three", "alpha.four", "beta.one",
                   "beta.two", "gamma.one", "gamma.two", "delta.one", "delta.two"];
        let mut progress = Progress::new(if full { Mode::Full } else { Mode::Quick });
        progress.choose_role(Role::Other);
        progress.name_team(&team);
        for (i, answer) in picks {
            progress.answer(&bank, &id(ids[i]), answer);
        }
        for _ in 0..steps {
            let _ = progress.next(&bank);
        }
        let decoded = saved::decode(&bank, &saved::encode(&bank, &progress));
        prop_assert_eq!(decoded, Ok(progress));
    }
}

#[test]
fn a_saved_workshop_comes_back_with_its_threshold_and_plan() {
    use tandem::assessment::code;
    use tandem::assessment::plan::ActionPlan;
    use tandem::assessment::saved::WorkshopRecord;
    use tandem::assessment::workshop::Workshop;
    let bank = mini_bank();
    let mut progress = Progress::new(Mode::Quick);
    progress.choose_role(Role::Hr);
    progress.answer(&bank, &id("beta.one"), Answer::Agree);
    progress.answer(&bank, &id("beta.two"), Answer::Agree);
    let mut workshop = Workshop::new("Spring workshop");
    workshop.add_text(&bank, &code::encode(&bank, &progress));
    let record = WorkshopRecord {
        workshop,
        threshold: 4,
        plan: ActionPlan::default(),
    };
    let text = saved::encode_workshop(&bank, &record, 1);
    assert_eq!(saved::decode_workshop(&bank, &text), Ok(record));

    let other = saved::encode_workshop(
        tandem::assessment::Bank::standard(),
        &saved::decode_workshop(&bank, &text).unwrap(),
        1,
    );
    assert!(matches!(
        saved::decode_workshop(&bank, &other),
        Err(SavedError::OtherBank { .. })
    ));
    let newer = text.replacen(&format!("\"schema\":{}", saved::SCHEMA), "\"schema\":7", 1);
    assert_eq!(
        saved::decode_workshop(&bank, &newer),
        Err(SavedError::Newer { schema: 7 })
    );
    let huge_threshold = text.replacen("\"threshold\":4", "\"threshold\":900", 1);
    assert_eq!(
        saved::decode_workshop(&bank, &huge_threshold)
            .unwrap()
            .threshold,
        saved::MAX_THRESHOLD
    );

    // What a saving tab asks before it saves over a workshop, without
    // reading the codes, says what reading it would.
    let newer_workshop = text.replacen(
        "\"workshop\":{\"schema\":1",
        "\"workshop\":{\"schema\":9",
        1,
    );
    assert_ne!(newer_workshop, text);
    let with_a_broken_code = text.replacen("\"codes\":[\"", "\"codes\":[\"T1-XXXXX\",\"", 1);
    assert_ne!(with_a_broken_code, text);
    for saved_text in [
        &text,
        &other,
        &newer,
        &huge_threshold,
        &newer_workshop,
        &with_a_broken_code,
        &"{".to_owned(),
    ] {
        assert_eq!(
            saved::workshop_is_readable(&bank, saved_text),
            saved::decode_workshop(&bank, saved_text).is_ok(),
            "{saved_text}"
        );
    }
}
