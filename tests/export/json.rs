//! The JSON export: its documented shape, and the import that reads it back
//! fitted to the bank.

use super::*;

#[test]
fn an_export_has_the_documented_shape() {
    let bank = mini_bank();
    let progress = finished(&bank, Mode::Quick);
    let text = to_json(&bank, &progress);
    assert!(text.contains("\n  \"format\""), "pretty-printed");
    let value: Value = serde_json::from_str(&text).unwrap();

    assert_eq!(value["format"], FORMAT);
    assert_eq!(value["version"], VERSION);
    assert_eq!(value["bank"]["id"], "mini");
    assert_eq!(value["bank"]["version"], 1);
    assert_eq!(value["bank"]["fingerprint"], bank.fingerprint().to_string());
    assert_eq!(value["progress"], serde_json::to_value(&progress).unwrap());
    // All "Agree" gives 63 on alpha (reverse statement counts 25) and 75 on beta.
    assert_eq!(
        value["scores"],
        json!([
            {"dimension": "alpha", "name": "Alpha", "score": 63, "level": 4,
             "level_name": "Collaborating", "counted": 4, "total": 4},
            {"dimension": "beta", "name": "Beta", "score": 75, "level": 4,
             "level_name": "Collaborating", "counted": 2, "total": 2}
        ])
    );
    assert_eq!(
        value["overall"],
        json!({"score": 69, "level": 4, "level_name": "Collaborating"})
    );
}

#[test]
fn an_export_without_enough_answers_says_so_with_nulls() {
    let bank = mini_bank();
    let picks = [
        Some(Answer::Agree),
        Some(Answer::DontKnow),
        Some(Answer::DontKnow),
    ];
    let progress = journey(&bank, Mode::Full, Some(Role::Other), "", &picks, 0, 0);
    let value = export_value(&bank, &progress);
    assert_eq!(value["scores"].as_array().unwrap().len(), 4, "full mode");
    assert_eq!(
        value["scores"][0],
        json!({"dimension": "alpha", "name": "Alpha", "score": null, "level": null,
               "level_name": null, "counted": 1, "total": 4})
    );
    assert_eq!(value["overall"], Value::Null);
    assert_eq!(from_json(&bank, &to_json(&bank, &progress)), Ok(progress));
}

#[test]
fn import_ignores_the_scores_written_for_people() {
    let bank = mini_bank();
    let progress = finished(&bank, Mode::Quick);
    let mut value = export_value(&bank, &progress);
    value["scores"] = json!("edited by hand");
    value["overall"] = json!({"score": 100, "level": 5});
    assert_eq!(import_value(&bank, &value), Ok(progress.clone()));
    let object = value.as_object_mut().unwrap();
    object.remove("scores");
    object.remove("overall");
    assert_eq!(import_value(&bank, &value), Ok(progress));
}

#[test]
fn a_byte_order_mark_from_an_editor_is_read_past() {
    let bank = mini_bank();
    let progress = finished(&bank, Mode::Full);
    let text = format!("\u{feff}{}", to_json(&bank, &progress));
    assert_eq!(from_json(&bank, &text), Ok(progress));
}

#[test]
fn imported_progress_is_fitted_to_the_bank() {
    let bank = mini_bank();
    let progress = finished(&bank, Mode::Quick);
    let mut value = export_value(&bank, &progress);
    value["progress"]["answers"]["ghost.one"] = json!("agree");
    value["progress"]["answers"]["gamma.one"] = json!("agree");
    value["progress"]["answers"]["alpha.one"] = json!("not-applicable");
    value["progress"]["team"] = json!(format!("  Ops\u{7}{}", "x".repeat(200)));
    let imported = import_value(&bank, &value).unwrap();
    assert!(!imported
        .answers
        .contains_key(&StatementId::from("ghost.one")));
    assert!(!imported
        .answers
        .contains_key(&StatementId::from("gamma.one")));
    assert!(!imported
        .answers
        .contains_key(&StatementId::from("alpha.one")));
    assert_eq!(imported.stage, Stage::Section(0), "alpha now has a gap");
    assert_eq!(
        imported.team,
        format!("Ops{}", "x".repeat(55)),
        "cleaned, cut to 60, trimmed"
    );
}
