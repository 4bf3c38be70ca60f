//! The languages Tandem speaks: every shipped file whole and sound, which
//! language a person gets, plural forms, and hostile translations each
//! refused with its place. That a language changes words only, never
//! answers or scores, is tested here on the domain and in
//! e2e/tests/languages.test.js in the browser.

use serde_json::{json, Value};
use tandem::assessment::language::{rules, Key, Language, Preferences, Translation, Words};
use tandem::assessment::untrusted::{Place, Problem, Why};
use tandem::assessment::{code, Answer, Bank, Mode, Progress, Role};

/// The file each shipped language is built from.
fn shipped(language: Language) -> &'static str {
    match language {
        Language::German => include_str!("../locales/de.json"),
        Language::French => include_str!("../locales/fr.json"),
        Language::Spanish => include_str!("../locales/es.json"),
        Language::Arabic => include_str!("../locales/ar.json"),
        Language::English => unreachable!("English is compiled in"),
    }
}

fn others() -> impl Iterator<Item = Language> {
    Language::ALL
        .into_iter()
        .filter(|l| *l != Language::English)
}

fn plain(language: Language, amount: tandem::assessment::language::Amount) -> String {
    tandem::assessment::language::plain_number(language, amount)
}

/// German's words, from its shipped file.
fn words(language: Language) -> Words {
    let translation = Translation::read(language, shipped(language)).expect("a shipped file reads");
    Words::new(std::rc::Rc::new(translation), plain)
}

/// The shipped file of `language` with `change` made to its JSON.
fn changed(language: Language, change: impl FnOnce(&mut Value)) -> String {
    let mut file: Value = serde_json::from_str(shipped(language)).unwrap();
    change(&mut file);
    file.to_string()
}

/// The problems `text` has as a file of `language`, as "place: reason".
fn problems(language: Language, text: &str) -> Vec<String> {
    match Translation::read(language, text) {
        Ok(_) => Vec::new(),
        Err(problems) => problems
            .into_iter()
            .map(|p| format!("{}: {}", p.location, p.reason))
            .collect(),
    }
}

#[test]
fn every_shipped_language_has_every_message_and_the_whole_standard_bank() {
    for language in others() {
        let read = Translation::read(language, shipped(language));
        let translation = read.unwrap_or_else(|p| panic!("{language:?}: {p:?}"));
        let missing = Bank::standard().untranslated(translation.bank());
        assert!(missing.is_empty(), "{language:?} leaves out {missing:?}");
        let words = Words::new(std::rc::Rc::new(translation), plain);
        for key in Key::all() {
            assert!(!words.get(key).is_empty(), "{language:?}: {}", key.name());
        }
    }
}

#[test]
fn a_shipped_language_reads_only_as_the_bytes_the_build_recorded() {
    for language in others() {
        let bytes = shipped(language).as_bytes();
        // Read in the keys' order, without their names, it is the same
        // translation as read key by key.
        assert_eq!(
            Translation::read_shipped(language, bytes),
            Ok(Translation::read(language, shipped(language)).unwrap()),
            "{language:?}"
        );
        let mut tampered = bytes.to_vec();
        let last = tampered.len() - 2;
        tampered[last] ^= 0x01;
        assert_eq!(
            Translation::read_shipped(language, &tampered).unwrap_err(),
            "the file is not the one this build shipped"
        );
    }
    assert!(Translation::read_shipped(Language::English, b"{}").is_err());
}

#[test]
fn the_first_language_named_wins_and_english_is_the_last_resort() {
    let browser = vec!["pt-BR".to_owned(), "fr-CA".to_owned(), "de".to_owned()];
    let everything = Preferences {
        chosen: Some("es"),
        address: Some("de"),
        configured: Some("ar"),
        browser: &browser,
    };
    assert_eq!(everything.choose(), Language::Spanish);
    // What names no language Tandem speaks is passed over, whatever it holds.
    let odd = Preferences {
        chosen: Some("<script>"),
        address: Some("DE-at"),
        ..everything
    };
    assert_eq!(odd.choose(), Language::German);
    let no_address = Preferences {
        chosen: None,
        address: Some(""),
        ..everything
    };
    assert_eq!(no_address.choose(), Language::Arabic);
    let browser_only = Preferences {
        browser: &browser,
        ..Preferences::default()
    };
    assert_eq!(browser_only.choose(), Language::French);
    assert_eq!(Preferences::default().choose(), Language::English);
    let unknown = vec!["pt".to_owned(), "zh-Hant".to_owned()];
    let none_spoken = Preferences {
        browser: &unknown,
        ..Preferences::default()
    };
    assert_eq!(none_spoken.choose(), Language::English);
}

#[test]
fn each_language_names_itself_and_only_arabic_reads_right_to_left() {
    let names: Vec<&str> = Language::ALL.iter().map(|l| l.name()).collect();
    assert_eq!(
        names,
        ["English", "Deutsch", "Français", "Español", "العربية"]
    );
    for language in Language::ALL {
        assert_eq!(language.right_to_left(), language == Language::Arabic);
        assert_eq!(Language::from_tag(language.code()), Some(language));
    }
}

#[test]
fn plural_forms_follow_each_language() {
    let forms = |code: &str, ns: &[u64]| -> Vec<&str> {
        ns.iter().map(|n| rules::plural_form(code, *n)).collect()
    };
    assert_eq!(
        forms("en", &[0, 1, 2, 11]),
        ["other", "one", "other", "other"]
    );
    assert_eq!(forms("de", &[0, 1, 2]), ["other", "one", "other"]);
    // French counts 0 as singular.
    assert_eq!(
        forms("fr", &[0, 1, 2, 1_000_000]),
        ["one", "one", "other", "many"]
    );
    assert_eq!(
        forms("ar", &[0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111]),
        ["zero", "one", "two", "few", "few", "many", "many", "other", "other", "few", "many"]
    );
    for code in ["en", "de", "fr", "es", "ar"] {
        for n in 0..300 {
            assert!(rules::plural_forms(code).contains(&rules::plural_form(code, n)));
        }
    }
}

#[test]
fn a_count_takes_its_languages_form_and_the_number_as_the_language_writes_it() {
    let english = Words::english(plain);
    assert_eq!(
        english.count(Key::SECTION_MISSING, 1, &[]),
        "One statement on this page has no answer yet. Choose an answer, or \"Don't know\", to continue."
    );
    assert!(english
        .count(Key::SECTION_MISSING, 3, &[])
        .starts_with("3 statements"));
    let arabic = words(Language::Arabic);
    let file: Value = serde_json::from_str(shipped(Language::Arabic)).unwrap();
    let forms = &file["messages"]["section.missing"];
    for (n, form) in [
        (0, "zero"),
        (1, "one"),
        (2, "two"),
        (5, "few"),
        (12, "many"),
        (100, "other"),
    ] {
        let expected = forms[form]
            .as_str()
            .unwrap()
            .replace("{count}", &n.to_string());
        assert_eq!(arabic.count(Key::SECTION_MISSING, n, &[]), expected, "{n}");
    }
    let filled = english.fill(
        Key::PROGRESS_SECTION,
        &[
            ("section", "2"),
            ("sections", "4"),
            ("name", "{count} Planning"),
        ],
    );
    // What is filled in is never read for placeholders again.
    assert_eq!(filled, "Section 2 of 4: {count} Planning");
}

#[test]
fn hostile_translations_are_each_refused_with_their_place() {
    let german = Language::German;
    let cases: Vec<(String, &str)> = vec![
        (
            changed(german, |f| f["messages"]["nav.next"] = json!("<img src=x onerror=alert(1)>")),
            "messages.\"nav.next\": character 1 starts what looks like markup (\"<\"); a message is plain text",
        ),
        (
            changed(german, |f| f["messages"]["nav.next"] = json!("Weiter\u{202e}txt")),
            "messages.\"nav.next\": character 7 is a direction control (U+202E); Tandem sets each language's direction itself",
        ),
        (
            changed(german, |f| f["messages"]["nav.back"] = json!("Zur\u{0007}ück")),
            "messages.\"nav.back\": character 4 is an invisible control character (U+0007)",
        ),
        (
            changed(german, |f| f["messages"]["nav.back"] = json!("x".repeat(2_001))),
            "messages.\"nav.back\": it is 2001 characters long, and a message may have at most 2000",
        ),
        (
            changed(german, |f| f["messages"]["nav.back"] = json!("   ")),
            "messages.\"nav.back\": it is empty",
        ),
        (
            changed(german, |f| {
                f["messages"].as_object_mut().unwrap().remove("nav.back");
            }),
            "messages.\"nav.back\": this message is missing",
        ),
        (
            changed(german, |f| f["messages"]["nav.sideways"] = json!("Seitwärts")),
            "messages.\"nav.sideways\": Tandem has no message of this key",
        ),
        (
            changed(german, |f| f["messages"]["progress.count"] = json!("{answered} beantwortet")),
            "messages.\"progress.count\": {total} is left out",
        ),
        (
            changed(german, |f| f["messages"]["progress.count"] = json!("{answered} von {total} {secret}")),
            "messages.\"progress.count\": {secret} is not something Tandem fills in here",
        ),
        (
            changed(german, |f| f["messages"]["nav.next"] = json!({"one": "Weiter", "other": "Weiter"})),
            "messages.\"nav.next\": it must be text",
        ),
        (
            changed(german, |f| f["messages"]["section.missing"] = json!({"one": "Eine", "few": "Einige", "other": "{count}"})),
            "messages.\"section.missing\".few: this language's plural forms are one, other",
        ),
        (
            changed(Language::Arabic, |f| {
                f["messages"]["section.missing"].as_object_mut().unwrap().remove("two");
            }),
            "messages.\"section.missing\": the plural form \"two\" is missing",
        ),
        (
            changed(german, |f| f["bank"]["dimensions"]["telepathy"] = json!({"name": "Telepathie"})),
            "bank.dimensions.telepathy: the bank has no dimension of this id",
        ),
        (
            changed(german, |f| {
                f["bank"]["dimensions"]["communication"]["statements"]["communication.monthly-review"] =
                    json!("<b>fett</b>")
            }),
            "bank.dimensions.communication.statements.communication.monthly-review: character 1 starts what looks like markup (\"<\"); a message is plain text",
        ),
        (
            changed(german, |f| f["bank"]["levels"] = json!([{}, {}, {}, {}, {}, {}])),
            "bank.levels: the bank has 5 levels",
        ),
        (
            changed(german, |f| f["script"] = json!("alert(1)")),
            "script: is not a field Tandem knows here; the fields here are messages, bank",
        ),
    ];
    for (text, expected) in cases {
        let language = if expected.contains("\"two\"") {
            Language::Arabic
        } else {
            german
        };
        let found = problems(language, &text);
        assert!(
            found.iter().any(|p| p == expected),
            "expected {expected:?} among {found:?}"
        );
    }
    // Not JSON, or too large to read at all: one problem, never a panic.
    assert_eq!(problems(german, "{\"messages\": ").len(), 1);
    let huge = format!("{{\"messages\": \"{}\"}}", "x".repeat(600 * 1024));
    assert!(problems(german, &huge)[0].contains("is too large"));
}

#[test]
fn a_translated_bank_keeps_its_fingerprint_and_scores_the_same_answers_the_same() {
    let standard = Bank::standard();
    let mut progress = Progress::new(Mode::Full);
    progress.role = Some(Role::Hr);
    for (i, statement) in standard
        .dimensions()
        .iter()
        .flat_map(|d| &d.statements)
        .enumerate()
    {
        let answer = [
            Answer::Agree,
            Answer::StronglyDisagree,
            Answer::DontKnow,
            Answer::Neutral,
        ][i % 4];
        progress.answer(standard, &statement.id, answer);
    }
    let english_code = code::encode(standard, &progress);
    let english_report = progress.report(standard);
    for language in others() {
        let translated = words(language)
            .bank(standard)
            .expect("the standard bank translates");
        assert_eq!(translated.fingerprint(), standard.fingerprint());
        assert_ne!(
            translated.dimensions()[0].name,
            standard.dimensions()[0].name,
            "{language:?}"
        );
        assert_eq!(
            code::encode(&translated, &progress),
            english_code,
            "{language:?}"
        );
        let report = progress.report(&translated);
        let scores = |r: &tandem::assessment::Report| -> Vec<_> {
            r.dimensions
                .iter()
                .map(|d| (d.index, d.scored, d.coverage))
                .collect()
        };
        assert_eq!(scores(&report), scores(&english_report), "{language:?}");
        // A code made in this language opens in English with the same answers.
        let decoded = code::decode(standard, &english_code).unwrap();
        assert_eq!(decoded.answers, progress.answers);
    }
}

#[test]
fn a_drafted_plan_reads_in_the_readers_language_and_keeps_the_banks_own_words() {
    let standard = Bank::standard();
    let mut progress = Progress::new(Mode::Quick);
    progress.role = Some(Role::Hr);
    for statement in standard.dimensions().iter().flat_map(|d| &d.statements) {
        progress.answer(standard, &statement.id, Answer::Disagree);
    }
    let mut plan = tandem::assessment::plan::ActionPlan::default();
    plan.redraft(standard, &progress.report(standard));
    assert!(plan.actions.len() >= 3);
    // The person rewrites the second action in their own words.
    plan.actions[1].text = "Ask Ana about the onboarding plan".to_owned();
    for language in others() {
        let translated = words(language).bank(standard).unwrap();
        let shown = plan.in_language(standard, &translated);
        let mut redrafted = tandem::assessment::plan::ActionPlan::default();
        redrafted.redraft(&translated, &progress.report(&translated));
        assert_eq!(
            shown.actions[0].text, redrafted.actions[0].text,
            "{language:?}"
        );
        assert_ne!(shown.actions[0].text, plan.actions[0].text, "{language:?}");
        assert_eq!(
            shown.actions[1].text, plan.actions[1].text,
            "{language:?}: the person's words stay"
        );
        // Read back in English, the plan is the one kept.
        assert_eq!(shown.in_language(&translated, standard), plan);
    }
}

#[test]
fn a_consultants_own_bank_is_never_laid_over_with_the_standard_text() {
    let own = Bank::parse(&serde_json::to_string(&common_bank()).unwrap()).unwrap();
    assert!(words(Language::German).bank(&own).is_none());
}

fn common_bank() -> Value {
    let mut bank: Value = serde_json::from_str(&Bank::standard().to_json()).unwrap();
    bank["id"] = json!("acme-questions");
    bank
}

/// A reason, named, and how it is worded.
/// A reason worded in any language.
type Wording = Box<dyn Fn(&Words) -> String>;
type Worded = (String, Wording);

/// One of every reason Tandem gives for an input it cannot use, each kind
/// of it once.
fn every_reason() -> Vec<Worded> {
    use tandem::app::state::Unreadable;
    use tandem::assessment::export::ImportError;
    use tandem::assessment::saved::SavedError;
    use tandem::assessment::workshop::RestoreError;
    use tandem::assessment::Reason;
    let codes = [
        code::CodeError::Empty,
        code::CodeError::TooLong,
        code::CodeError::NotTandem,
        code::CodeError::NewerVersion { version: 7 },
        code::CodeError::BadCharacter {
            character: '?',
            position: 5,
        },
        code::CodeError::Incomplete,
        code::CodeError::Checksum,
        code::CodeError::Damaged,
        code::CodeError::OtherBank {
            mark: Bank::standard().mark(),
        },
        code::CodeError::Earlier,
    ];
    let imports = [
        ImportError::TooLarge { bytes: 2_000_000 },
        ImportError::NotJson {
            line: 2,
            column: 14,
        },
        ImportError::NotTandem,
        ImportError::Newer { version: 9 },
        ImportError::OtherBank {
            id: "acme-bank".into(),
        },
        ImportError::Earlier,
        ImportError::Damaged {
            reason: Problem::new(
                Place::Line { line: 3, column: 1 },
                Why::new(Key::PROBLEM_DATA_MISSING).text("field", "progress"),
            ),
        },
    ];
    let restore = RestoreError::Newer { schema: 5 };
    let saved = [
        SavedError::Newer { schema: 9 },
        SavedError::OtherBank {
            bank: "acme-bank".into(),
        },
        SavedError::Damaged {
            reason: Problem::new(Place::File, Why::new(Key::PROBLEM_JSON_ENDS)),
        },
        SavedError::Workshop(restore.clone()),
    ];
    let mut all: Vec<Worded> = Vec::new();
    for error in codes {
        let reason = Reason::from(error.clone());
        all.push((format!("{error:?}"), Box::new(move |w| error.words(w))));
        all.push((format!("{reason:?}"), Box::new(move |w| reason.words(w))));
    }
    for error in imports {
        let reason = Reason::from(error.clone());
        all.push((format!("{error:?}"), Box::new(move |w| error.words(w))));
        all.push((format!("{reason:?}"), Box::new(move |w| reason.words(w))));
    }
    for error in saved {
        let unreadable = Unreadable::Saved(error.clone());
        all.push((format!("{error:?}"), Box::new(move |w| error.words(w))));
        all.push((
            format!("{unreadable:?}"),
            Box::new(move |w| unreadable.words(w)),
        ));
    }
    all.push((format!("{restore:?}"), Box::new(move |w| restore.words(w))));
    all.push((
        "NotMoved".into(),
        Box::new(|w| Unreadable::NotMoved.words(w)),
    ));
    all
}

#[test]
fn a_reason_for_an_unusable_code_or_file_reads_in_the_readers_language() {
    let german = words(Language::German);
    assert_eq!(
        code::CodeError::Checksum.words(&german),
        "Dieser Code enthält einen Tippfehler: Ein Zeichen wurde geändert, hinzugefügt oder \
         ausgelassen. Vergleichen Sie ihn mit dem Original."
    );
    let bad = code::CodeError::BadCharacter {
        character: '?',
        position: 5,
    };
    assert_eq!(
        bad.words(&german),
        "Zeichen 6 („?“) kann nicht Teil eines Ergebniscodes sein. Vergleichen Sie den Code \
         mit dem Original."
    );
    // English is the same sentence, as the messages write it.
    assert_eq!(
        bad.to_string(),
        "Character 6 (\u{201c}?\u{201d}) cannot be part of a result code. Check the code against the original."
    );
    let english = Words::english(plain);
    let reasons = every_reason();
    for language in Language::ALL {
        let words = if language == Language::English {
            Words::english(plain)
        } else {
            self::words(language)
        };
        for (name, word) in &reasons {
            let text = word(&words);
            assert!(!text.trim().is_empty(), "{language:?} {name}");
            assert!(!unfilled(&text), "{language:?} {name}: {text}");
            if language != Language::English {
                assert_ne!(text, word(&english), "{language:?} {name} is English");
            }
        }
    }
}

#[test]
fn spanish_joins_a_list_with_e_before_the_sound_of_an_i() {
    use tandem::assessment::wording::list;
    let names = |all: &[&str]| all.iter().map(|n| n.to_string()).collect::<Vec<_>>();
    let spanish = words(Language::Spanish);
    assert_eq!(
        list(
            &spanish,
            &names(&["Comunicación", "Integración de actividades y resultados"])
        ),
        "Comunicación e Integración de actividades y resultados"
    );
    assert_eq!(list(&spanish, &names(&["Agua", "hielo"])), "Agua y hielo");
    assert_eq!(
        list(&spanish, &names(&["Padres", "hijos"])),
        "Padres e hijos"
    );
    assert_eq!(
        list(
            &spanish,
            &names(&["Comunicación", "Liderazgo", "Reconocimiento mutuo"])
        ),
        "Comunicación, Liderazgo y Reconocimiento mutuo"
    );
    // Every other language keeps its one "and".
    let english = Words::english(plain);
    assert_eq!(
        list(&english, &names(&["Communication", "Integration"])),
        "Communication and Integration"
    );
    assert_eq!(
        list(
            &words(Language::French),
            &names(&["Communication", "Intégration"])
        ),
        "Communication et Intégration"
    );
}

/// What a consultant's file can get wrong, each in a configuration that
/// Tandem refuses: a mistake of most kinds the check names.
fn refused_files() -> Vec<tandem::assessment::Problem> {
    use tandem::assessment::config::json_from_link;
    use tandem::assessment::Config;
    let configs = [
        json!({"colors": {}, "title": 7, "intro": ["a"], "anonymity_threshold": "three",
               "consultant_tools": "yes", "language": "it", "host_messages": "all",
               "logo": "//elsewhere.example/logo.png", "contact": "http://example.org",
               "colours": {"accent": "#ffffff", "background": "#ffffff", "text": "blue"},
               "dimensions": ["nope", "nope"], "version": 99,
               "organisation": "line\nbreak"}),
        json!({"title": {"default": "T", "it": "x", "de": "\u{202e}x"},
               "bank": {"id": "tandem-standard", "version": 1, "title": "", "levels": [],
                        "dimensions": []}}),
        json!([]),
    ];
    let mut problems = Vec::new();
    for config in configs {
        problems.extend(
            Config::parse(&config.to_string(), Bank::standard())
                .unwrap_err()
                .problems,
        );
    }
    for text in ["{\"title\": }", "{\"title\": \"a\",}", "{", "{\"a\" \"b\"}"] {
        problems.extend(Config::parse(text, Bank::standard()).unwrap_err().problems);
    }
    for link in ["#nothing", "#config=***", "#config=_w"] {
        problems.extend(json_from_link(link).unwrap_err().problems);
    }
    problems.extend(
        Bank::standard()
            .with_text_sheet(b"field,default,it,de,de\nnot.a.key,x,y,z,w\n")
            .unwrap_err(),
    );
    problems
}

/// Whether a worded message still holds a placeholder such as `{file}`
/// (the braces of "an object { … }" are words, not a placeholder).
fn unfilled(text: &str) -> bool {
    text.split('{').skip(1).any(|after| {
        after.split_once('}').is_some_and(|(name, _)| {
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        })
    })
}

#[test]
fn a_problem_in_a_consultants_file_or_link_reads_in_the_readers_language() {
    let problems = refused_files();
    assert!(problems.len() >= 25, "{problems:#?}");
    let english = Words::english(plain);
    for language in others() {
        let words = words(language);
        for problem in &problems {
            let read = problem.words(&words);
            assert!(!unfilled(&read), "{language:?}: {read}");
            assert_ne!(
                problem.reason.words(&words),
                problem.reason.words(&english),
                "{language:?} words {problem} in English"
            );
        }
    }
    // The English is the same sentence, as the messages write it.
    let english_list: Vec<String> = problems.iter().map(|p| p.words(&english)).collect();
    let displayed: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(english_list, displayed);
    let german = words(Language::German);
    let first = problems
        .iter()
        .find(|p| p.location.to_string() == "title")
        .unwrap();
    assert_eq!(
        first.words(&german),
        "title: muss Text sein, ist aber eine Zahl"
    );
}

#[test]
fn every_message_about_a_problem_is_translated_into_every_language() {
    // The names of JSON's own values read the same everywhere.
    let same_everywhere = [Key::PROBLEM_KIND_NULL];
    for language in others() {
        let words = words(language);
        let english = Words::english(plain);
        for key in Key::all().filter(|k| k.name().starts_with("problem.")) {
            if same_everywhere.contains(&key) {
                continue;
            }
            assert_ne!(
                words.get(key),
                english.get(key),
                "{language:?} {}",
                key.name()
            );
        }
    }
}

#[test]
fn a_damaged_export_or_saved_record_says_what_is_wrong_in_the_readers_language() {
    use tandem::assessment::export::{from_json, to_json};
    use tandem::assessment::saved;
    let bank = Bank::standard();
    let export = to_json(bank, &Progress::new(Mode::Quick));
    let exports = [
        export.replacen("\"quick\"", "\"sideways\"", 1),
        export.replacen("\"mode\"", "\"mood\"", 1),
        export.replacen("\"fingerprint\": \"", "\"fingerprint\": \"zz", 1),
    ];
    let mut reasons: Vec<Wording> = Vec::new();
    for text in exports {
        let error = from_json(bank, &text).unwrap_err();
        assert!(
            matches!(
                error,
                tandem::assessment::export::ImportError::Damaged { .. }
            ),
            "{error:?}"
        );
        reasons.push(Box::new(move |w| error.words(w)));
    }
    for text in [
        r#"{"schema": 1, "bank": 7}"#,
        r#"{"schema": 1, "bank": "tandem-standard", "progress": []}"#,
    ] {
        let error = saved::decode(bank, text).unwrap_err();
        reasons.push(Box::new(move |w| error.words(w)));
    }
    let english = Words::english(plain);
    let serdes = [
        "unknown variant",
        "missing field",
        "invalid type",
        "expected",
        "at line",
    ];
    for reason in &reasons {
        let in_english = reason(&english);
        assert!(
            !serdes.iter().any(|s| in_english.contains(s)),
            "{in_english}"
        );
        for language in others() {
            let read = reason(&words(language));
            assert!(!unfilled(&read), "{language:?}: {read}");
            assert!(
                !serdes.iter().any(|s| read.contains(s)),
                "{language:?}: {read}"
            );
            assert_ne!(read, in_english, "{language:?}");
        }
    }
    let german = reasons[0](&words(Language::German));
    assert!(german.contains("`sideways` ist kein Wert"), "{german}");
}
