//! Import errors: every way an imported file can be wrong, each with a
//! specific message, and exports of earlier versions.

use super::*;

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
            let reason = reason.to_string();
            assert!(reason.contains("`sideways`"), "{reason}");
            assert!(reason.starts_with("line "), "{reason}");
            assert!(
                !reason.contains("variant"),
                "the reader's English: {reason}"
            );
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
            reason: Problem::new(
                Place::Line { line: 3, column: 1 },
                Why::new(Key::PROBLEM_DATA_MISSING).text("field", "stage"),
            ),
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
