//! The question bank: the standard bank meets the product's rules, and a
//! damaged bank is refused with every problem located.

mod common;

use common::mini_bank_json;
use std::collections::HashSet;
use tandem::assessment::bank::MAX_BANK_BYTES;
use tandem::assessment::{Bank, Level, Mode};

#[test]
fn standard_bank_is_valid_and_shaped_as_the_product_describes() {
    let bank = Bank::standard();
    assert_eq!(bank.dimensions().len(), 8);
    let core: Vec<bool> = bank.dimensions().iter().map(|d| d.core).collect();
    assert_eq!(core, [true, true, true, true, false, false, false, false]);
    for dimension in bank.dimensions_in(Mode::Quick) {
        assert_eq!(dimension.statements.len(), 4, "{}", dimension.id);
    }
    for dimension in bank.dimensions().iter().filter(|d| !d.core) {
        assert!(
            (4..=5).contains(&dimension.statements.len()),
            "{}",
            dimension.id
        );
    }
    assert_eq!(bank.statement_count(Mode::Quick), 16);
    assert!((36..=40).contains(&bank.statement_count(Mode::Full)));
}

#[test]
fn standard_bank_has_a_few_reverse_scored_statements() {
    let reverse = Bank::standard()
        .dimensions()
        .iter()
        .flat_map(|d| &d.statements)
        .filter(|s| s.reverse)
        .count();
    assert!(
        (3..=8).contains(&reverse),
        "{reverse} reverse-scored statements"
    );
}

#[test]
fn standard_bank_has_guidance_with_practices_for_every_level() {
    let bank = Bank::standard();
    let mut practices = HashSet::new();
    for dimension in bank.dimensions() {
        for level in Level::all() {
            let guidance = dimension.guidance_at(level);
            assert_eq!(guidance.level, level.number());
            assert!(
                (2..=3).contains(&guidance.practices.len()),
                "{} level {level}",
                dimension.id
            );
            for practice in &guidance.practices {
                assert!(
                    practices.insert(practice.text.as_str()),
                    "repeated: {}",
                    practice.text
                );
            }
        }
    }
}

#[test]
fn standard_bank_names_five_levels() {
    let bank = Bank::standard();
    let names: Vec<&str> = Level::all().map(|l| bank.level(l).name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Siloed",
            "Aware",
            "Cooperating",
            "Collaborating",
            "Integrated"
        ]
    );
}

/// Parses the mini bank after `damage` and returns the problems' locations
/// and reasons as "location: reason" lines.
fn problems_after(damage: impl FnOnce(&mut serde_json::Value)) -> Vec<String> {
    let mut json = mini_bank_json();
    damage(&mut json);
    match Bank::parse(&json.to_string()) {
        Ok(_) => Vec::new(),
        Err(e) => e
            .problems
            .iter()
            .map(|p| format!("{}: {}", p.location, p.reason))
            .collect(),
    }
}

/// A change that breaks one rule of the mini bank.
type Damage = Box<dyn FnOnce(&mut serde_json::Value)>;

#[test]
fn damaged_banks_are_refused_with_located_reasons() {
    use serde_json::json;
    let cases: Vec<(&str, Damage, &str)> = vec![
        (
            "duplicate statement id",
            Box::new(|j| j["dimensions"][1]["statements"][0]["id"] = json!("alpha.one")),
            "dimensions[1].statements[0].id: is used by another statement",
        ),
        (
            "duplicate dimension id",
            Box::new(|j| j["dimensions"][2]["id"] = json!("alpha")),
            "dimensions[2].id: is used by another dimension",
        ),
        (
            "id with markup",
            Box::new(|j| j["dimensions"][0]["id"] = json!("<b>alpha</b>")),
            "dimensions[0].id: must be lowercase letters, digits and hyphens",
        ),
        (
            "empty statement text",
            Box::new(|j| j["dimensions"][0]["statements"][1]["text"] = json!("  ")),
            "dimensions[0].statements[1].text: is empty",
        ),
        (
            "huge text",
            Box::new(|j| j["title"] = json!("x".repeat(10_000))),
            "title: is too long (at most 600 characters)",
        ),
        (
            "four levels",
            Box::new(|j| {
                j["levels"].as_array_mut().unwrap().pop();
            }),
            "levels: must list exactly 5 levels",
        ),
        (
            "guidance out of order",
            Box::new(|j| j["dimensions"][0]["guidance"][2]["level"] = json!(4)),
            "dimensions[0].guidance[2].level: levels must run from 1 to 5, in order",
        ),
        (
            "no practices",
            Box::new(|j| j["dimensions"][3]["guidance"][0]["practices"] = json!([])),
            "dimensions[3].guidance[0].practices: must list 1 to 3 practices",
        ),
        (
            "a practice's owner nobody is",
            Box::new(|j| {
                j["dimensions"][0]["guidance"][1]["practices"][0] =
                    json!({"text": "Meet", "owner": "finance"})
            }),
            "dimensions[0].guidance[1].practices[0].owner: must be one of hr, learning-and-development, joint, leaders",
        ),
        (
            "a practice without text",
            Box::new(|j| {
                j["dimensions"][0]["guidance"][1]["practices"][0] = json!({"owner": "hr"})
            }),
            "dimensions[0].guidance[1].practices[0].text: is missing",
        ),
        (
            "no statements",
            Box::new(|j| j["dimensions"][1]["statements"] = json!([])),
            "dimensions[1].statements: must list at least one statement",
        ),
        (
            "no core dimension",
            Box::new(|j| {
                j["dimensions"][0]["core"] = json!(false);
                j["dimensions"][1]["core"] = json!(false);
            }),
            "dimensions: at least one dimension must be core (the quick assessment asks the core ones)",
        ),
    ];
    for (name, damage, expected) in cases {
        let problems = problems_after(damage);
        assert!(
            problems.iter().any(|p| p == expected),
            "{name}: expected {expected:?}, got {problems:?}"
        );
    }
}

#[test]
fn unknown_keys_and_wrong_types_are_refused() {
    let problems = problems_after(|j| j["dimensions"][0]["colour"] = serde_json::json!("red"));
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].starts_with("dimensions[0].colour: is not a field Tandem knows here"),
        "{problems:?}"
    );

    let problems = problems_after(|j| j["version"] = serde_json::json!("one"));
    assert!(problems[0].ends_with("but is text"), "{problems:?}");
}

#[test]
fn every_problem_is_reported_at_once() {
    let problems = problems_after(|j| {
        j["title"] = serde_json::json!("");
        j["dimensions"][0]["statements"][0]["text"] = serde_json::json!("");
    });
    assert_eq!(problems.len(), 2, "{problems:?}");
}

#[test]
fn text_that_is_not_json_is_refused_with_its_position() {
    let error = Bank::parse("{\"id\": ").unwrap_err();
    assert!(error.problems[0]
        .location
        .to_string()
        .starts_with("line 1, column"));
}

#[test]
fn the_fingerprint_follows_content_not_layout() {
    let json = mini_bank_json();
    let compact = Bank::parse(&json.to_string()).unwrap();
    let pretty = Bank::parse(&serde_json::to_string_pretty(&json).unwrap()).unwrap();
    assert_eq!(compact.fingerprint(), pretty.fingerprint());

    let mut reworded = json.clone();
    reworded["dimensions"][0]["statements"][0]["text"] = serde_json::json!("A 1");
    let reworded = Bank::parse(&reworded.to_string()).unwrap();
    assert_ne!(compact.fingerprint(), reworded.fingerprint());
    assert_ne!(compact.fingerprint(), Bank::standard().fingerprint());
}

#[test]
fn a_practice_names_its_owner_and_who_does_it_changes_no_fingerprint() {
    use serde_json::json;
    use tandem::assessment::plan::Owner;
    let json = mini_bank_json();
    let plain = Bank::parse(&json.to_string()).unwrap();
    let mut owned = json.clone();
    owned["dimensions"][0]["guidance"][1]["practices"][0] =
        json!({"text": "Do one thing", "owner": "hr"});
    let owned = Bank::parse(&owned.to_string()).unwrap();
    let practice = &owned.dimensions()[0].guidance[1].practices[0];
    assert_eq!(
        (practice.text.as_str(), practice.owner),
        ("Do one thing", Some(Owner::Hr))
    );
    assert_eq!(plain.dimensions()[0].guidance[1].practices[0].owner, None);
    // Scored the same, so answers and codes hold to it; but not the same bank.
    assert_eq!(owned.fingerprint(), plain.fingerprint());
    assert_eq!(owned.short_mark(), plain.short_mark());
    assert_ne!(owned, plain);
    // Written out and read back, the owner stays; a practice without one is
    // written as its text, as before owners.
    let again = Bank::parse(&owned.to_json()).unwrap();
    assert_eq!(again, owned);
    assert!(plain
        .to_json()
        .contains(r#""practices":["Do one thing","Do another"]"#));
    // The standard bank names who does many of its practices.
    let named = Bank::standard()
        .dimensions()
        .iter()
        .flat_map(|d| &d.guidance)
        .flat_map(|g| &g.practices)
        .filter(|p| p.owner.is_some())
        .count();
    assert!(named > 20, "{named}");
}

#[test]
fn a_file_of_exactly_the_largest_size_is_read_and_one_byte_more_is_not() {
    let json = mini_bank_json().to_string();
    let largest = format!("{json}{}", " ".repeat(MAX_BANK_BYTES - json.len()));
    assert_eq!(largest.len(), MAX_BANK_BYTES);
    assert!(Bank::parse(&largest).is_ok());
    let error = Bank::parse(&format!("{largest} ")).unwrap_err().to_string();
    assert!(error.contains("is too large"), "{error}");
}
