//! A consultant's bank in several languages: each text may be given as
//! `{"default": …, "de": …}`, today's files read as they always did, a
//! language falls back to the default field by field, and a translator's
//! spreadsheet goes out and comes back with every problem named by row and
//! column.

mod common;

use common::{mini_bank, mini_bank_json};
use serde_json::{json, Value};
use std::rc::Rc;
use tandem::assessment::language::{plain_number, Language, Translation, Words};
use tandem::assessment::{Bank, Field};

/// The mini bank with its title, first level's name, a statement and a
/// practice also given in German, and the title in French.
fn translated_json() -> Value {
    let mut bank = mini_bank_json();
    bank["title"] =
        json!({"default": "Mini bank", "de": "Mini-Fragenkatalog", "fr": "Mini-questionnaire"});
    bank["levels"][0]["name"] = json!({"default": "Siloed", "de": "Abgeschottet"});
    bank["dimensions"][0]["statements"][0]["text"] =
        json!({"default": "A1", "de": "A1 auf Deutsch"});
    bank["dimensions"][0]["guidance"][2]["practices"][1] =
        json!({"default": "Do another", "de": "Etwas anderes tun"});
    bank
}

fn parse(value: &Value) -> Result<Bank, Vec<String>> {
    Bank::parse(&value.to_string()).map_err(|error| {
        error
            .problems
            .into_iter()
            .map(|p| format!("{}: {}", p.location, p.reason))
            .collect()
    })
}

fn german() -> Words {
    // Any German messages will do: what is tested is the bank's own text.
    let file = include_str!("../locales/de.json");
    Words::new(
        Rc::new(Translation::read(Language::German, file).unwrap()),
        plain_number,
    )
}

#[test]
fn a_bank_in_several_languages_keeps_the_fingerprint_of_its_default_text() {
    let translated = parse(&translated_json()).unwrap();
    let plain = mini_bank();
    assert_eq!(translated.fingerprint(), plain.fingerprint());
    assert_eq!(translated.title(), "Mini bank");
    assert_eq!(translated.languages(), [Language::German, Language::French]);
    let german = translated.translation(Language::German).unwrap();
    assert_eq!(german.len(), 4);
    assert_eq!(
        german.get(&Field::Statement("alpha.one".into())),
        Some("A1 auf Deutsch")
    );
    assert_eq!(
        german.get(&Field::Practice("alpha".into(), 3, 2)),
        Some("Etwas anderes tun")
    );
    // Today's files, with no translation, read as they always did.
    assert!(plain.languages().is_empty());
}

#[test]
fn a_reader_gets_their_language_field_by_field_and_the_default_elsewhere() {
    let bank = parse(&translated_json()).unwrap();
    let shown = german().bank(&bank).unwrap();
    assert_eq!(shown.title(), "Mini-Fragenkatalog");
    assert_eq!(shown.levels()[0].name, "Abgeschottet");
    assert_eq!(shown.levels()[1].name, "Aware");
    let alpha = &shown.dimensions()[0];
    assert_eq!(alpha.statements[0].text, "A1 auf Deutsch");
    assert_eq!(alpha.statements[1].text, "A2");
    assert_eq!(alpha.name, "Alpha");
    assert_eq!(alpha.guidance[2].practices[1].text, "Etwas anderes tun");
    assert_eq!(shown.fingerprint(), bank.fingerprint());
    // A language the bank gives no text in reads the bank as it is.
    assert!(Words::english(plain_number).bank(&bank).is_none());
    // What the builder tells the consultant: the rest is in the default.
    let missing = bank.untranslated(bank.translation(Language::French).unwrap());
    assert_eq!(missing.len(), bank.fields().len() - 1);
    assert!(!missing.contains(&Field::Title));
}

#[test]
fn a_bank_written_out_with_its_translations_reads_back_the_same() {
    let bank = parse(&translated_json()).unwrap();
    let again = parse(&bank.to_json_value()).unwrap();
    assert_eq!(again, bank);
    // A practice with an owner keeps its owner and its languages.
    let mut owned = translated_json();
    owned["dimensions"][1]["guidance"][0]["practices"][0] =
        json!({"text": {"default": "Do one thing", "es": "Hacer una cosa"}, "owner": "hr"});
    let bank = parse(&owned).unwrap();
    assert_eq!(parse(&bank.to_json_value()).unwrap(), bank);
    let spanish = bank.translation(Language::Spanish).unwrap();
    assert_eq!(
        spanish.get(&Field::Practice("beta".into(), 1, 1)),
        Some("Hacer una cosa")
    );
}

#[test]
fn a_translated_field_is_refused_with_its_place_and_reason() {
    let cases = [
        (
            json!({"default": "Mini bank", "it": "Mini"}),
            "title.it: is not a language Tandem speaks",
        ),
        (
            json!({"de": "Mini"}),
            "title: gives its text in other languages but no `default`",
        ),
        (
            json!({"default": "Mini bank", "de": "Mini\u{7}"}),
            "title.de: has a control character (U+0007)",
        ),
        (
            json!({"default": "Mini bank", "de": 5}),
            "title.de: must be text, but is a number",
        ),
        (
            json!({"default": "Mini bank", "de": "x".repeat(601)}),
            "title.de: is too long (at most 600 characters)",
        ),
    ];
    for (title, expected) in cases {
        let mut bank = mini_bank_json();
        bank["title"] = title;
        let problems = parse(&bank).unwrap_err();
        assert!(
            problems.iter().any(|p| p.starts_with(expected)),
            "{expected:?} not in {problems:?}"
        );
        assert_eq!(problems.len(), 1, "{problems:?}");
    }
    // A name is held to a name's length in every language.
    let mut bank = mini_bank_json();
    bank["dimensions"][1]["name"] = json!({"default": "Beta", "ar": "ب".repeat(81)});
    let problems = parse(&bank).unwrap_err();
    assert_eq!(
        problems,
        ["dimensions[1].name.ar: is too long (at most 80 characters)"]
    );
}

#[test]
fn the_text_sheet_goes_out_and_comes_back_with_the_same_translations() {
    let bank = parse(&translated_json()).unwrap();
    let sheet = bank.text_sheet();
    assert!(sheet.starts_with("\u{feff}field,default,en,de,fr,es,ar\r\n"));
    assert!(sheet.contains("\r\nstatements.alpha.one,A1,,A1 auf Deutsch,,,\r\n"));
    let back = bank.with_text_sheet(sheet.as_bytes()).unwrap();
    assert_eq!(back, bank);
    // Starting from no translation at all, the sheet gives them.
    let plain = mini_bank();
    assert_eq!(plain.with_text_sheet(sheet.as_bytes()).unwrap(), bank);
}

#[test]
fn a_sheet_saved_by_a_spreadsheet_with_semicolons_and_quotes_reads() {
    let bank = mini_bank();
    let sheet = "\u{feff}Field;Default;DE;Notes\r\n\
                 title;Mini bank;\"Mini; \"\"Katalog\"\"\";checked\r\n\
                 \r\n\
                 dimensions.beta.guidance.2.practices.1;Do one thing;Eine Sache tun;\r\n";
    let read = bank.with_text_sheet(sheet.as_bytes()).unwrap();
    let german = read.translation(Language::German).unwrap();
    assert_eq!(german.get(&Field::Title), Some("Mini; \"Katalog\""));
    assert_eq!(
        german.get(&Field::Practice("beta".into(), 2, 1)),
        Some("Eine Sache tun")
    );
    assert_eq!(german.len(), 2);
    // A language with no column keeps what the bank had.
    let translated = parse(&translated_json()).unwrap();
    let read = translated.with_text_sheet(sheet.as_bytes()).unwrap();
    assert_eq!(
        read.translation(Language::French),
        translated.translation(Language::French)
    );
}

#[test]
fn every_problem_in_a_sheet_is_named_by_row_and_column_and_nothing_changes() {
    let bank = mini_bank();
    let sheet = "field,default,de,it\n\
                 title,Mini bank,Mini\u{1b}[31m\n\
                 statements.alpha.nine,A9,A9\n\
                 levels.1.name,Siloed,Abgeschottet\n\
                 levels.1.name,Siloed,Getrennt\n\
                 statements.alpha.two,Changed since,A2\n\
                 ,,stray\n\
                 statements.alpha.one,A1,A1 \u{202e}sniaga\n";
    let problems: Vec<String> = bank
        .with_text_sheet(sheet.as_bytes())
        .unwrap_err()
        .into_iter()
        .map(|p| format!("{}: {}", p.location, p.reason))
        .collect();
    let expected = [
        "row 1, column 4 (it): names a language Tandem does not speak",
        "row 2, column 3 (de): has a control character (U+001B) at character 5",
        "row 3, column 1 (field): `statements.alpha.nine` is no text of this bank",
        "row 5, column 1 (field): `levels.1.name` is also in row 4",
        "row 6, column 2 (default): is not the bank's own text any more",
        "row 7, column 1 (field): is empty",
        "row 8, column 3 (de): character 4 is a direction control (U+202E)",
    ];
    assert_eq!(problems.len(), expected.len(), "{problems:#?}");
    for (problem, expected) in problems.iter().zip(expected) {
        assert!(
            problem.starts_with(expected),
            "{problem:?} is not {expected:?}"
        );
    }
}

#[test]
fn a_sheet_that_is_not_one_is_refused_whole() {
    let bank = mini_bank();
    let refused = |bytes: &[u8]| {
        let problems = bank.with_text_sheet(bytes).unwrap_err();
        format!("{}: {}", problems[0].location, problems[0].reason)
    };
    assert_eq!(refused(b""), "file: is empty: it needs a row of headings");
    assert!(refused(b"field,default\ntitle,Mini bank\n").contains("has no column for a language"));
    assert!(refused(b"key,de\ntitle,Mini\n").contains("has no `field` column"));
    assert!(refused(b"field,de\ntitle,Mini \xff\n").contains("is not UTF-8 text"));
    let wide = format!("field,de{}\n", ",x".repeat(40));
    assert!(refused(wide.as_bytes()).contains("more than 32 cells"));
    let long: String = "field,de\n".to_owned() + &"title,Mini\n".repeat(1000);
    assert!(refused(long.as_bytes()).contains("has more than"));
}

#[test]
fn a_formula_written_safe_comes_back_as_the_text_it_was() {
    let mut json = mini_bank_json();
    json["dimensions"][0]["statements"][1]["text"] =
        json!({"default": "-1 is worse", "de": "=SUM(A1)"});
    let bank = parse(&json).unwrap();
    let sheet = bank.text_sheet();
    assert!(sheet.contains(",'-1 is worse,,'=SUM(A1),"));
    assert_eq!(bank.with_text_sheet(sheet.as_bytes()).unwrap(), bank);
}

#[test]
fn a_list_far_longer_than_a_bank_allows_is_refused_not_counted_past_its_end() {
    let mut json = translated_json();
    json["levels"] = json!((0..300)
        .map(|_| json!({"name": {"default": "x", "de": "y"}, "summary": "s"}))
        .collect::<Vec<_>>());
    json["dimensions"][0]["guidance"][0]["practices"] = json!((0..300)
        .map(|_| json!({"default": "x", "de": "y"}))
        .collect::<Vec<_>>());
    let problems = parse(&json).unwrap_err();
    assert!(
        problems.contains(&"levels: must list exactly 5 levels".to_owned()),
        "{problems:?}"
    );
}

#[test]
fn a_text_that_begins_with_a_quote_before_a_formula_comes_back_whole() {
    let mut json = mini_bank_json();
    json["dimensions"][0]["statements"][1]["text"] =
        json!({"default": "'-1' means worse", "de": "'+1' ist besser"});
    json["dimensions"][0]["statements"][2]["text"] = json!({"default": "'quoted", "de": "''=x"});
    let bank = parse(&json).unwrap();
    assert_eq!(
        bank.with_text_sheet(bank.text_sheet().as_bytes()).unwrap(),
        bank
    );
}

#[test]
fn a_sheet_never_loses_a_translation_it_leaves_empty_or_out() {
    let bank = parse(&translated_json()).unwrap();
    // A translator's sheet of one row, the French column left empty.
    let sheet = "field,default,de,fr\nlevels.2.name,Aware,Bewusst,\n";
    let read = bank.with_text_sheet(sheet.as_bytes()).unwrap();
    assert_eq!(
        read.translation(Language::French),
        bank.translation(Language::French)
    );
    let german = read.translation(Language::German).unwrap();
    assert_eq!(
        german.len(),
        bank.translation(Language::German).unwrap().len() + 1
    );
    assert_eq!(german.get(&Field::LevelName(2)), Some("Bewusst"));
    assert_eq!(german.get(&Field::Title), Some("Mini-Fragenkatalog"));
}

#[test]
fn tandem_s_own_questions_take_no_translations_from_a_file() {
    let mut json: Value = serde_json::from_str(&Bank::standard().to_json()).unwrap();
    let text = json["dimensions"][0]["statements"][0]["text"].clone();
    json["dimensions"][0]["statements"][0]["text"] =
        json!({"default": text, "de": "Etwas anderes"});
    let problems = parse(&json).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].starts_with(
            "id: is the id of Tandem's own question bank, which Tandem translates itself"
        ),
        "{problems:?}"
    );
}

#[test]
fn a_sheet_s_problems_name_the_rows_a_spreadsheet_shows() {
    let bank = mini_bank();
    let problem = |sheet: &str| {
        let problems = bank.with_text_sheet(sheet.as_bytes()).unwrap_err();
        format!("{}: {}", problems[0].location, problems[0].reason)
    };
    // Blank lines are rows too.
    assert!(problem("field,de\n\n\ntitle,x\u{7}\n")
        .starts_with("row 4, column 2 (de): has a control character"));
    // A cell with a line break is one row, and so is the next after it.
    assert!(problem("field,de\ntitle,\"a\nb\"\nlevels.1.name,y\u{7}\n")
        .starts_with("row 2, column 2 (de): has a line break"));
    assert!(problem("field,de\nlevels.1.name,y\u{7}\n").starts_with("row 2, column 2 (de)"));
    // A semicolon file that starts with a blank line is still read by semicolons.
    assert!(problem("\nfield;de\ntitle;x\u{7}\n").starts_with("row 3, column 2 (de)"));
    assert!(problem("field,field,de\ntitle,title,x\n")
        .starts_with("row 1, column 2 (field): is a second `field` column"));
    // A byte order mark inside a file, as two joined files carry.
    let joined = "field,de\n\u{feff}title,Mini\n";
    let read = bank.with_text_sheet(joined.as_bytes()).unwrap();
    assert_eq!(
        read.translation(Language::German)
            .unwrap()
            .get(&Field::Title),
        Some("Mini")
    );
}

#[test]
fn a_default_that_is_not_text_is_named_at_its_place() {
    let mut json = mini_bank_json();
    json["title"] = json!({"default": 5, "de": "Mini"});
    assert_eq!(
        parse(&json).unwrap_err(),
        ["title.default: must be text, but is a number"]
    );
}

/// A configuration whose title, intro and closing are also in German, and
/// whose title is in Arabic.
fn translated_config() -> Value {
    json!({
        "version": 1,
        "organisation": "Northwind",
        "title": {"default": "Partnership check", "de": "Partnerschafts-Check", "ar": "فحص الشراكة"},
        "intro": {"default": "Welcome.\n\nTake ten minutes.", "de": "Willkommen.\n\nNehmen Sie sich zehn Minuten."},
        "closing": {"default": "Send us your code.", "de": "Senden Sie uns Ihren Code."}
    })
}

fn config_problems(value: &Value) -> Vec<String> {
    match tandem::assessment::config::Config::parse(&value.to_string(), Bank::standard()) {
        Ok(_) => Vec::new(),
        Err(error) => error
            .problems
            .iter()
            .map(|p| format!("{}: {}", p.location, p.reason))
            .collect(),
    }
}

#[test]
fn a_configuration_gives_its_own_words_in_several_languages_field_by_field() {
    use tandem::assessment::config::Config;
    let config = Config::parse(&translated_config().to_string(), Bank::standard()).unwrap();
    assert_eq!(config.title_in(Language::German), "Partnerschafts-Check");
    assert_eq!(config.title_in(Language::Arabic), "فحص الشراكة");
    // French has none of them: the configuration's own words.
    assert_eq!(config.title_in(Language::French), "Partnership check");
    assert_eq!(
        config.intro_in(Language::French),
        ["Welcome.", "Take ten minutes."]
    );
    assert_eq!(
        config.intro_in(Language::German),
        ["Willkommen.", "Nehmen Sie sich zehn Minuten."]
    );
    // Arabic has a title but no intro or closing: those fall back alone.
    assert_eq!(config.closing_in(Language::Arabic), ["Send us your code."]);
    assert_eq!(
        config.closing_in(Language::German),
        ["Senden Sie uns Ihren Code."]
    );
    assert_eq!(config.title(), "Partnership check");
    assert_eq!(
        config.translations().languages(),
        [Language::German, Language::Arabic]
    );
    // The builder's draft writes them back, and they read the same.
    let draft = tandem::assessment::config::Draft::of(&config, Bank::standard());
    let again = Config::parse(&draft.to_json().unwrap(), Bank::standard()).unwrap();
    assert_eq!(again, config);
    // A plain configuration reads as it always did.
    let plain = json!({"version": 1, "title": "Partnership check", "intro": "Welcome."});
    let plain = Config::parse(&plain.to_string(), Bank::standard()).unwrap();
    assert!(plain.translations().is_empty());
    assert_eq!(plain.title_in(Language::German), "Partnership check");
}

#[test]
fn the_builder_types_a_configurations_words_in_each_language() {
    use tandem::assessment::config::{Config, Draft, OwnText};
    let mut draft = Draft {
        anonymity_threshold: 3,
        title: "Partnership check".to_owned(),
        intro: "Welcome.".to_owned(),
        ..Draft::default()
    };
    *draft.translated_mut(OwnText::Title, Language::German) = "Partnerschafts-Check".to_owned();
    *draft.translated_mut(OwnText::Intro, Language::German) =
        "Willkommen.\n\nNehmen Sie sich zehn Minuten.".to_owned();
    // Typed and then cleared again: left out, like a blank field.
    *draft.translated_mut(OwnText::Intro, Language::French) = "   ".to_owned();
    assert_eq!(
        draft.translated(OwnText::Title, Language::German),
        "Partnerschafts-Check"
    );
    assert_eq!(draft.translated(OwnText::Closing, Language::German), "");
    let file: Value = serde_json::from_str(&draft.to_json().unwrap()).unwrap();
    assert_eq!(
        file["title"],
        json!({"default": "Partnership check", "de": "Partnerschafts-Check"})
    );
    assert_eq!(
        file["intro"],
        json!({"default": "Welcome.", "de": "Willkommen.\n\nNehmen Sie sich zehn Minuten."})
    );
    assert!(file.get("closing").is_none(), "{file}");
    let config = Config::parse(&file.to_string(), Bank::standard()).unwrap();
    assert_eq!(config.title_in(Language::German), "Partnerschafts-Check");
    assert_eq!(
        config.intro_in(Language::German),
        ["Willkommen.", "Nehmen Sie sich zehn Minuten."]
    );
    assert_eq!(config.intro_in(Language::French), ["Welcome."]);
    // A draft made from the file holds the same words to edit.
    assert_eq!(
        Draft::of(&config, Bank::standard()),
        draft_without_blanks(draft.clone())
    );

    // A language without its default is not dropped: the check names it.
    draft.title.clear();
    let problems = Config::parse(&draft.to_json().unwrap(), Bank::standard())
        .unwrap_err()
        .problems;
    assert!(
        problems.iter().any(|p| p.to_string() == "title: is empty"),
        "{problems:?}"
    );
}

/// `draft` as a file gives it back: without the texts left blank.
fn draft_without_blanks(
    mut draft: tandem::assessment::config::Draft,
) -> tandem::assessment::config::Draft {
    draft
        .translated
        .retain(|(_, _, text)| !text.trim().is_empty());
    draft
}

#[test]
fn a_configuration_in_languages_is_held_to_each_field_rule_with_its_place() {
    let mut value = translated_config();
    value["title"]["it"] = json!("Verifica");
    value["title"]["de"] = json!("x".repeat(200));
    value["intro"] = json!({"de": "Willkommen."});
    value["closing"]["fr"] = json!("Envoyez\u{202e} votre code.");
    let problems = config_problems(&value);
    for expected in [
        "title.it: is not a language Tandem speaks",
        "title.de: ",
        "intro: gives its text in other languages but no `default`",
        "closing.fr: ",
    ] {
        assert!(
            problems.iter().any(|p| p.starts_with(expected)),
            "{expected:?} not among {problems:#?}"
        );
    }
    assert_eq!(problems.len(), 4, "{problems:#?}");
}
