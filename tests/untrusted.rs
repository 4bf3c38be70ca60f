//! Files people write: a corpus of hostile and mistaken configurations and
//! question banks, each refused with its own location and reason (or, for
//! markup, accepted as the literal text it is), and arbitrary input that
//! never panics the readers.

mod common;

use common::mini_bank_json;
use proptest::prelude::*;
use serde_json::{json, Value};
use tandem::assessment::config::{self, Draft, Scheme, MAX_CONFIG_BYTES, MAX_LINK_CHARS};
use tandem::assessment::{Bank, Config, HostMessages, Mode};

/// The problems `Config::parse` finds in `text`, as "location: reason" lines;
/// empty when it is accepted.
fn problems_in(text: &str) -> Vec<String> {
    match Config::parse(text, Bank::standard()) {
        Ok(_) => Vec::new(),
        Err(error) => error
            .problems
            .iter()
            .map(|p| format!("{}: {}", p.location, p.reason))
            .collect(),
    }
}

/// The configuration `value`, which must be accepted.
fn accepted(value: &Value) -> Config {
    match Config::parse(&value.to_string(), Bank::standard()) {
        Ok(config) => config,
        Err(error) => panic!("refused: {error}"),
    }
}

/// A configuration with its own bank, the mini bank after `damage`.
fn with_bank(damage: impl FnOnce(&mut Value)) -> String {
    let mut bank = mini_bank_json();
    damage(&mut bank);
    json!({"version": 1, "bank": bank}).to_string()
}

/// `depth` lists inside one another.
fn nested(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

const MARKUP: &str = "<img src=x onerror=alert(1)>";
const BAD_COLOUR: &str =
    "colours.accent: must be a hex colour: # and 3 or 6 hex digits, such as #1f5fa8";
const ONLY_HTTPS: &str =
    "contact: must start with https:// or mailto: (no other kind of link is allowed)";
const NOT_A_PATH: &str = "logo: must be the path of an image beside the app, such as branding/logo.png, not a web address or a data: or javascript: URL";

#[test]
fn hostile_and_mistaken_files_are_refused_each_with_its_own_location_and_reason() {
    let huge = "x".repeat(10_000);
    let deep_intro = format!("{{\"intro\": {}}}", nested(200));
    let too_large = format!("{{\"intro\": \"{}\"}}", "a".repeat(MAX_CONFIG_BYTES));
    let thirteen_statements: Vec<Value> = (0..13)
        .map(|i| json!({"id": format!("alpha.s{i}"), "text": format!("S{i}")}))
        .collect();
    let cases: Vec<(&str, String, Vec<&str>)> = vec![
        // Links: only https and mailto, however a browser might forgive them.
        ("javascript: link", json!({"contact": "javascript:alert(1)"}).to_string(), vec![ONLY_HTTPS]),
        ("javascript: in capitals", json!({"contact": "JaVaScRiPt:alert(1)"}).to_string(), vec![ONLY_HTTPS]),
        (
            "javascript: behind a space",
            json!({"contact": " javascript:alert(1)"}).to_string(),
            vec!["contact: must not contain spaces, tabs, line breaks or control characters; write a space as %20"],
        ),
        (
            "javascript: split by a tab",
            json!({"contact": "java\tscript:alert(1)"}).to_string(),
            vec!["contact: must not contain spaces, tabs, line breaks or control characters; write a space as %20"],
        ),
        ("data: link", json!({"contact": "data:text/html,<script>alert(1)</script>"}).to_string(), vec![ONLY_HTTPS]),
        ("vbscript: link", json!({"contact": "vbscript:msgbox(1)"}).to_string(), vec![ONLY_HTTPS]),
        (
            "http: link",
            json!({"contact": "http://example.org/contact"}).to_string(),
            vec!["contact: must start with https:// (http:// links are not encrypted) or mailto:"],
        ),
        (
            "user name hiding the host",
            json!({"contact": "https://bank.example@evil.example/"}).to_string(),
            vec!["contact: must not have a user name or @ before the site's name; it hides where the link goes"],
        ),
        (
            "https without a host",
            json!({"contact": "https:///path"}).to_string(),
            vec!["contact: must name a site after https://, such as https://example.org/contact"],
        ),
        (
            "mailto without an address",
            json!({"contact": "mailto:"}).to_string(),
            vec!["contact: must give an email address after mailto:, such as mailto:team@example.org"],
        ),
        (
            "look-alike letter",
            json!({"contact": "https://ex\u{0430}mple.org"}).to_string(),
            vec!["contact: must use plain ASCII characters only; copy it from the browser's address bar, which writes the others as %XX"],
        ),
        (
            "backslashes",
            json!({"contact": "https:\\\\evil.example"}).to_string(),
            vec!["contact: must not contain a backslash (\\); use / instead"],
        ),
        (
            "link as a number",
            json!({"contact": 42}).to_string(),
            vec!["contact: invalid type: expected text, found a number"],
        ),
        // Logos: a same-origin PNG, JPEG or WebP path only.
        (
            "SVG logo",
            json!({"logo": "branding/logo.svg"}).to_string(),
            vec!["logo: must not be an SVG image, which can carry script; use PNG, JPEG or WebP"],
        ),
        (
            "SVG logo in capitals",
            json!({"logo": "LOGO.SVG"}).to_string(),
            vec!["logo: must not be an SVG image, which can carry script; use PNG, JPEG or WebP"],
        ),
        ("logo on another site", json!({"logo": "https://evil.example/logo.png"}).to_string(), vec![NOT_A_PATH]),
        (
            "logo on another site without a scheme",
            json!({"logo": "//evil.example/logo.png"}).to_string(),
            vec!["logo: must not start with //, which points at another site; put the image beside the app and give its path, such as branding/logo.png"],
        ),
        ("data: logo", json!({"logo": "data:image/png;base64,iVBORw0KGgo="}).to_string(), vec![NOT_A_PATH]),
        ("javascript: logo", json!({"logo": "javascript:alert(1)//.png"}).to_string(), vec![NOT_A_PATH]),
        (
            "absolute logo path",
            json!({"logo": "/logo.png"}).to_string(),
            vec!["logo: must be relative to the app's folder, without a leading /, such as branding/logo.png"],
        ),
        (
            "logo outside the app's folder",
            json!({"logo": "../private/logo.png"}).to_string(),
            vec!["logo: must not step out of the app's folder with .."],
        ),
        (
            "logo path with a space and a query",
            json!({"logo": "brand/lo go.png?x=1"}).to_string(),
            vec!["logo: may only use letters, digits, -, _ and . in names, with / between folders"],
        ),
        (
            "GIF logo",
            json!({"logo": "logo.gif"}).to_string(),
            vec!["logo: must be a PNG, JPEG or WebP image (.png, .jpg, .jpeg or .webp)"],
        ),
        // Colours: hex values only, in readable pairs.
        ("CSS smuggled in a colour", json!({"colours": {"accent": "red; background:url(x)", "accent_text": "#fff"}}).to_string(), vec![BAD_COLOUR]),
        ("colour name", json!({"colours": {"accent": "red", "accent_text": "#fff"}}).to_string(), vec![BAD_COLOUR]),
        ("colour with a non-hex digit", json!({"colours": {"accent": "#12345g", "accent_text": "#fff"}}).to_string(), vec![BAD_COLOUR]),
        ("colour with four digits", json!({"colours": {"accent": "#1234", "accent_text": "#fff"}}).to_string(), vec![BAD_COLOUR]),
        ("colour function", json!({"colours": {"accent": "rgb(0,0,0)", "accent_text": "#fff"}}).to_string(), vec![BAD_COLOUR]),
        (
            "colour without its partner",
            json!({"colours": {"accent": "#0b5d4b"}}).to_string(),
            vec!["colours.accent_text: is missing: accent and accent_text go together, so that Tandem can check that text stays readable; give both or neither"],
        ),
        (
            "unreadable colours",
            json!({"colours": {"text": "#777777", "background": "#888888", "accent": "#000000", "accent_text": "#ffffff"}}).to_string(),
            vec!["colours.text: has too little contrast with background (1.2:1; at least 4.5:1 keeps text readable)"],
        ),
        (
            "light accent on Tandem's own background",
            json!({"colours": {"accent": "#ffd166", "accent_text": "#000000"}}).to_string(),
            vec!["colours.accent: has too little contrast with Tandem's own background (#f7f8fa); give a background too (1.3:1; at least 4.5:1 keeps text readable)"],
        ),
        (
            "dark background under Tandem's own accent",
            json!({"colours": {"background": "#101418", "text": "#ffffff"}}).to_string(),
            vec!["colours.background: has too little contrast with Tandem's own accent (#1f5fa8), used for buttons and links; give an accent too (2.8:1; at least 4.5:1 keeps text readable)"],
        ),
        (
            "unknown colour",
            json!({"colours": {"accent": "#000", "accent_text": "#fff", "border": "#000"}}).to_string(),
            vec!["colours.border: unknown field `border`; colours has only accent, accent_text, background, text"],
        ),
        // Text: plain, bounded, one line where it is a name.
        (
            "huge title",
            json!({"title": huge}).to_string(),
            vec!["title: is too long (at most 120 characters)"],
        ),
        (
            "huge intro",
            json!({"intro": "word ".repeat(500)}).to_string(),
            vec!["intro: is too long (at most 2000 characters)"],
        ),
        (
            "organisation on two lines",
            json!({"organisation": "Northwind\nHealth"}).to_string(),
            vec!["organisation: has a line break at character 10; this text must be one line"],
        ),
        (
            "control character",
            json!({"organisation": "North\u{0}wind"}).to_string(),
            vec!["organisation: has a control character (U+0000) at character 6; remove it"],
        ),
        ("empty title", json!({"title": "   "}).to_string(), vec!["title: is empty"]),
        (
            "intro as a list",
            json!({"intro": ["one", "two"]}).to_string(),
            vec!["intro: invalid type: expected text, found a list [ … ]"],
        ),
        // The file's shape.
        (
            "misspelt field",
            json!({"colors": {}}).to_string(),
            vec!["colors: unknown field `colors`; a configuration has only version, organisation, title, logo, colours, intro, closing, contact, anonymity_threshold, host_messages, bank, dimensions"],
        ),
        (
            "unknown field with a huge name",
            format!("{{\"{}\": 1}}", "k".repeat(5_000)),
            vec!["kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk…: unknown field `kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk…`; a configuration has only version, organisation, title, logo, colours, intro, closing, contact, anonymity_threshold, host_messages, bank, dimensions"],
        ),
        (
            "a list instead of an object",
            "[]".to_owned(),
            vec!["file: invalid type: expected an object { … }, found a list [ … ]"],
        ),
        ("null", "null".to_owned(), vec!["file: invalid type: expected an object { … }, found null"]),
        (
            "not JSON",
            "{\"title\": 'Acme'}".to_owned(),
            vec!["line 1, column 11: is not valid JSON: expected value"],
        ),
        (
            "cut short",
            "{\"title\": \"Acme".to_owned(),
            vec!["line 1, column 15: is not valid JSON: the text ends too early (a closing bracket, brace or quote is missing)"],
        ),
        (
            "empty file",
            String::new(),
            vec!["line 1, column 0: is not valid JSON: the text ends too early (a closing bracket, brace or quote is missing)"],
        ),
        (
            "deep nesting",
            deep_intro,
            vec!["line 1, column 137: is nested too deeply (more than 128 brackets inside one another); a Tandem file needs fewer than 10"],
        ),
        (
            "huge file",
            too_large,
            vec!["file: is too large (300013 bytes; a configuration may be at most 300000 bytes)"],
        ),
        (
            "newer format",
            json!({"version": 2}).to_string(),
            vec!["version: is 2: this configuration was made for a newer version of Tandem (this one reads format 1); use that newer version"],
        ),
        ("version as text", json!({"version": "1"}).to_string(), vec!["version: must be 1"]),
        // Settings.
        (
            "threshold of one",
            json!({"anonymity_threshold": 1}).to_string(),
            vec!["anonymity_threshold: must be a whole number from 2 to 10"],
        ),
        (
            "fractional threshold",
            json!({"anonymity_threshold": 2.5}).to_string(),
            vec!["anonymity_threshold: must be a whole number from 2 to 10"],
        ),
        (
            "threshold as text",
            json!({"anonymity_threshold": "3"}).to_string(),
            vec!["anonymity_threshold: invalid type: expected a whole number from 2 to 10, found text"],
        ),
        (
            "host told the answers",
            json!({"host_messages": "answers"}).to_string(),
            vec!["host_messages: must be one of level, level-and-scores"],
        ),
        (
            "unknown dimension",
            json!({"dimensions": ["communication", "teamwork"]}).to_string(),
            vec!["dimensions[1]: `teamwork` is not a dimension of the question bank in use; its dimensions are communication, business-partnering, performance-management, mutual-recognition, needs-and-planning, structure-and-budgets, leadership-and-success, integration"],
        ),
        (
            "dimension twice",
            json!({"dimensions": ["communication", "communication"]}).to_string(),
            vec!["dimensions[1]: lists `communication` a second time"],
        ),
        (
            "no dimensions",
            json!({"dimensions": []}).to_string(),
            vec!["dimensions: must list at least one dimension; leave it out to ask all of them"],
        ),
        (
            "no core dimension",
            json!({"dimensions": ["integration"]}).to_string(),
            vec!["dimensions: must include at least one core dimension (the quick assessment asks the core ones): communication, business-partnering, performance-management, mutual-recognition"],
        ),
        // A bank of the consultant's own, inside the configuration.
        (
            "bank posing as Tandem's own",
            with_bank(|b| b["id"] = json!("tandem-standard")),
            vec!["bank.id: is the id of Tandem's own question bank; give your bank an id of its own, such as `acme-partnership`"],
        ),
        (
            "duplicate statement id",
            with_bank(|b| b["dimensions"][1]["statements"][0]["id"] = json!("alpha.one")),
            vec!["bank.dimensions[1].statements[0].id: is used by another statement"],
        ),
        (
            "duplicate dimension id",
            with_bank(|b| b["dimensions"][3]["id"] = json!("beta")),
            vec!["bank.dimensions[3].id: is used by another dimension"],
        ),
        (
            "missing statement text",
            with_bank(|b| {
                b["dimensions"][0]["statements"][2].as_object_mut().unwrap().remove("text");
            }),
            vec!["bank.dimensions[0].statements[2].text: is missing"],
        ),
        (
            "weight as text",
            with_bank(|b| b["dimensions"][0]["statements"][0]["weight"] = json!("heavy")),
            vec!["bank.dimensions[0].statements[0].weight: invalid type: expected a whole number from 1 to 5, found text"],
        ),
        (
            "weight too high",
            with_bank(|b| b["dimensions"][0]["statements"][0]["weight"] = json!(9)),
            vec!["bank.dimensions[0].statements[0].weight: must be a whole number from 1 to 5"],
        ),
        (
            "reverse as text",
            with_bank(|b| b["dimensions"][0]["statements"][0]["reverse"] = json!("yes")),
            vec!["bank.dimensions[0].statements[0].reverse: invalid type: expected true or false, found text"],
        ),
        (
            "too many statements",
            with_bank(|b| b["dimensions"][0]["statements"] = json!(thirteen_statements)),
            vec!["bank.dimensions[0].statements: has too many statements (at most 12)"],
        ),
        (
            "too many dimensions",
            with_bank(|b| {
                let first = b["dimensions"][0].clone();
                let list = b["dimensions"].as_array_mut().unwrap();
                list.clear();
                for i in 0..13 {
                    let mut d = first.clone();
                    d["id"] = json!(format!("d{i}"));
                    for (s, statement) in d["statements"].as_array_mut().unwrap().iter_mut().enumerate() {
                        statement["id"] = json!(format!("d{i}.s{s}"));
                    }
                    list.push(d);
                }
            }),
            vec!["bank.dimensions: has too many dimensions (at most 12)"],
        ),
        (
            "unknown statement field",
            with_bank(|b| b["dimensions"][0]["statements"][0]["html"] = json!(true)),
            vec!["bank.dimensions[0].statements[0].html: unknown field `html`; a statement has only id, text, reverse, not_applicable, weight"],
        ),
        (
            "statement id with capitals and spaces",
            with_bank(|b| b["dimensions"][0]["statements"][0]["id"] = json!("Alpha One")),
            vec!["bank.dimensions[0].statements[0].id: must be lowercase letters, digits, hyphens and dots"],
        ),
        (
            "unknown owner",
            with_bank(|b| b["dimensions"][0]["owner"] = json!("boss")),
            vec!["bank.dimensions[0].owner: must be one of hr, learning-and-development, joint, leaders"],
        ),
        (
            "huge statement",
            with_bank(|b| b["dimensions"][1]["statements"][1]["text"] = json!("x".repeat(100_000))),
            vec!["bank.dimensions[1].statements[1].text: is too long (at most 600 characters)"],
        ),
        (
            "bank as text",
            json!({"bank": "mini"}).to_string(),
            vec!["bank: invalid type: expected an object { … }, found text"],
        ),
        (
            "dimensions outside the configuration's own bank",
            json!({"bank": mini_bank_json(), "dimensions": ["alpha", "communication"]}).to_string(),
            vec!["dimensions[1]: `communication` is not a dimension of the question bank in use; its dimensions are alpha, beta, gamma, delta"],
        ),
    ];
    assert!(cases.len() >= 30);
    let mut failures = Vec::new();
    for (name, text, expected) in &cases {
        let problems = problems_in(text);
        if problems != *expected {
            failures.push(format!(
                "{name}:\n  expected {expected:?}\n  got      {problems:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn markup_in_any_text_is_kept_as_the_literal_text_it_is() {
    let mut bank = mini_bank_json();
    bank["title"] = json!(MARKUP);
    bank["dimensions"][0]["name"] = json!(MARKUP);
    bank["dimensions"][0]["statements"][0]["text"] = json!(MARKUP);
    bank["dimensions"][0]["guidance"][0]["practices"][0] = json!("<script>alert(1)</script>");
    let config = accepted(&json!({
        "organisation": MARKUP,
        "title": "<b>Partnership</b>",
        "intro": format!("{MARKUP}\n\n<script>alert(1)</script>"),
        "closing": "<a href=\"javascript:alert(1)\">Thanks</a>",
        "bank": bank,
    }));
    assert_eq!(config.organisation(), Some(MARKUP));
    assert_eq!(config.title(), "<b>Partnership</b>");
    assert_eq!(config.intro(), [MARKUP, "<script>alert(1)</script>"]);
    assert_eq!(
        config.closing(),
        ["<a href=\"javascript:alert(1)\">Thanks</a>"]
    );
    let dimension = &config.bank().dimensions()[0];
    assert_eq!(dimension.name, MARKUP);
    assert_eq!(dimension.statements[0].text, MARKUP);
    assert_eq!(
        dimension.guidance[0].practices[0],
        "<script>alert(1)</script>"
    );
}

#[test]
fn every_problem_in_a_file_is_listed_at_once() {
    let text = json!({
        "title": "",
        "logo": "logo.svg",
        "colours": {"accent": "blue", "accent_text": "#fff"},
        "contact": "javascript:alert(1)",
        "anonymity_threshold": 0,
    })
    .to_string();
    assert_eq!(
        problems_in(&text),
        [
            "title: is empty",
            "logo: must not be an SVG image, which can carry script; use PNG, JPEG or WebP",
            BAD_COLOUR,
            ONLY_HTTPS,
            "anonymity_threshold: must be a whole number from 2 to 10",
        ]
    );
}

#[test]
fn a_flood_of_problems_is_listed_up_to_a_hundred_then_counted() {
    let mut bank = mini_bank_json();
    let statements: Vec<Value> = (0..12)
        .map(|_| json!({"id": "", "text": "", "weight": 0}))
        .collect();
    for dimension in bank["dimensions"].as_array_mut().unwrap() {
        dimension["statements"] = json!(statements);
    }
    let error = Bank::parse(&bank.to_string()).unwrap_err();
    assert_eq!(error.problems.len(), 101);
    let last = error.problems.last().unwrap();
    assert_eq!(last.location, "file");
    assert_eq!(
        last.reason,
        "has 44 more problems not listed here; fix the ones above first"
    );
}

#[test]
fn a_configuration_sets_the_workshop_threshold_and_what_the_host_is_told() {
    let config = accepted(&json!({"anonymity_threshold": 5, "host_messages": "level-and-scores"}));
    assert_eq!(config.anonymity_threshold(), 5);
    assert_eq!(config.host_messages(), HostMessages::LevelAndScores);
    let plain = accepted(&json!({}));
    assert_eq!(plain.anonymity_threshold(), 3);
    assert_eq!(plain.host_messages(), HostMessages::Level);
    assert!(plain.is_plain(Bank::standard()));
    assert_eq!(plain.bank(), Bank::standard());
}

#[test]
fn choosing_dimensions_asks_only_those_under_a_fingerprint_of_their_own() {
    let config = accepted(&json!({"dimensions": ["integration", "communication"]}));
    let ids: Vec<&str> = config
        .bank()
        .dimensions()
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    // In the bank's order, not the list's.
    assert_eq!(ids, ["communication", "integration"]);
    assert_eq!(config.bank().statement_count(Mode::Quick), 4);
    assert_ne!(config.bank().fingerprint(), Bank::standard().fingerprint());
}

#[test]
fn colours_are_read_as_hex_and_set_as_custom_properties() {
    let config = accepted(&json!({"colours": {
        "accent": "#0B5D4B", "accent_text": "#fff",
        "background": "#f6f8f7", "text": "#18211f"
    }}));
    let properties: Vec<(&str, Option<String>)> = config
        .colours()
        .custom_properties()
        .into_iter()
        .map(|(property, colour)| (property, colour.map(|c| c.to_string())))
        .collect();
    let set = |value: &str| Some(value.to_owned());
    assert_eq!(
        properties,
        [
            ("--colour-primary", set("#0b5d4b")),
            ("--colour-primary-text", set("#ffffff")),
            ("--colour-background", set("#f6f8f7")),
            ("--colour-text", set("#18211f")),
            ("--colour-surface", set("#f6f8f7")),
            ("--colour-muted", set("#18211f")),
        ]
    );
    assert_eq!(config.colours().scheme(), Some(Scheme::Light));

    let dark = accepted(&json!({"colours": {
        "accent": "#ffd166", "accent_text": "#000",
        "background": "#101418", "text": "#f0f0f0"
    }}));
    assert_eq!(dark.colours().scheme(), Some(Scheme::Dark));
    let accent_only = accepted(&json!({"colours": {"accent": "#0b5d4b", "accent_text": "#fff"}}));
    let kept: Vec<&str> = accent_only
        .colours()
        .custom_properties()
        .iter()
        .filter(|(_, colour)| colour.is_none())
        .map(|(property, _)| *property)
        .collect();
    assert_eq!(
        kept,
        [
            "--colour-background",
            "--colour-text",
            "--colour-surface",
            "--colour-muted"
        ]
    );
    assert_eq!(accent_only.colours().scheme(), Some(Scheme::Light));
    assert_eq!(accepted(&json!({})).colours().scheme(), None);
}

#[test]
fn the_contrast_table_follows_the_wcag_formula() {
    for (v, &table) in config::linear_table().iter().enumerate() {
        let c = v as f64 / 255.0;
        let linear = if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        };
        assert_eq!(table, (linear * 1_000_000.0).round() as u32, "{v}");
    }
    let black: tandem::assessment::Colour = "#000".parse().unwrap();
    let white: tandem::assessment::Colour = "#fff".parse().unwrap();
    assert_eq!(black.contrast_tenths(white), 210);
}

#[test]
fn intro_and_closing_are_paragraphs_at_blank_lines() {
    let config = accepted(&json!({
        "intro": "First line\r\nsame paragraph.\r\n\r\n\r\nSecond paragraph.\n",
        "closing": "Thanks."
    }));
    assert_eq!(
        config.intro(),
        ["First line same paragraph.", "Second paragraph."]
    );
    assert_eq!(config.closing(), ["Thanks."]);
}

#[test]
fn the_example_configuration_file_is_accepted_whole() {
    let text = include_str!("../examples/tandem.config.json");
    let config = Config::parse(text, Bank::standard()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(config.organisation(), Some("Northwind Health"));
    assert_eq!(
        config.logo().map(|l| l.as_str()),
        Some("branding/northwind-logo.png")
    );
    assert!(config.contact().is_some());
    assert_eq!(config.bank().id(), "northwind-partnership");
    assert!(config.bank().is_weighted());
    assert_eq!(config.intro().len(), 2);
}

/// The JSON code blocks of a Markdown file, in order.
fn json_blocks(markdown: &str) -> Vec<&str> {
    markdown
        .split("```json\n")
        .skip(1)
        .filter_map(|block| block.split("```").next())
        .collect()
}

#[test]
fn the_documented_examples_are_accepted() {
    let readme = json_blocks(include_str!("../README.md"));
    assert!(!readme.is_empty());
    for block in readme {
        Config::parse(block, Bank::standard()).unwrap_or_else(|e| panic!("README: {e}\n{block}"));
    }
    let docs = json_blocks(include_str!("../docs/configuration.md"));
    assert!(!docs.is_empty());
    for block in docs {
        Bank::parse(block).unwrap_or_else(|e| panic!("docs/configuration.md: {e}\n{block}"));
    }
}

#[test]
fn the_standard_bank_round_trips_through_the_custom_bank_format() {
    let standard = Bank::standard();
    let exported = config::pretty_bank(standard);
    let read = Bank::parse(&exported).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(&read, standard);
    assert_eq!(read.fingerprint(), standard.fingerprint());
    // The mark every result code of the standard bank carries.
    assert_eq!(standard.short_mark(), 0xd2b0_5dc3);
    // And inside a configuration, it is the standard bank again.
    let config = accepted(&json!({"bank": serde_json::from_str::<Value>(&exported).unwrap()}));
    assert_eq!(config.bank().fingerprint(), standard.fingerprint());
}

#[test]
fn a_draft_writes_the_configuration_it_was_made_from() {
    let text = include_str!("../examples/tandem.config.json");
    let config = Config::parse(text, Bank::standard()).unwrap();
    let draft = Draft::of(&config, Bank::standard());
    let again = Config::parse(&draft.to_json().unwrap(), Bank::standard()).unwrap();
    assert_eq!(again, config);

    let plain = Draft::of(&Config::plain(Bank::standard()), Bank::standard());
    assert_eq!(plain.bank, "");
    assert_eq!(plain.dimensions, None);
    let again = Config::parse(&plain.to_json().unwrap(), Bank::standard()).unwrap();
    assert!(again.is_plain(Bank::standard()));
}

#[test]
fn a_draft_whose_bank_is_not_json_says_where() {
    let draft = Draft {
        bank: "{\"id\": ".to_owned(),
        anonymity_threshold: 3,
        ..Draft::default()
    };
    let error = draft.to_json().unwrap_err();
    assert_eq!(error.problems.len(), 1);
    assert_eq!(error.problems[0].location, "bank, line 1, column 7");
}

#[test]
fn a_link_carries_a_configuration_and_refuses_damage() {
    let text = include_str!("../examples/tandem.config.json");
    let fragment = config::link_fragment(text);
    assert!(fragment.starts_with("config="));
    assert!(fragment[7..]
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    assert_eq!(
        config::json_from_link(&format!("#{fragment}")).unwrap(),
        text
    );

    let reason = |fragment: &str| config::json_from_link(fragment).unwrap_err().to_string();
    assert_eq!(
        reason("config=eyJ0aXRsZSI6*"),
        "link: is damaged at character 13 of the configuration (only letters, digits, - and _ belong there); copy the whole link again"
    );
    assert_eq!(
        reason("workshop"),
        "link: does not carry a configuration (it should end in #config=…)"
    );
    assert_eq!(
        reason(&format!("config={}", "A".repeat(MAX_LINK_CHARS))),
        format!("link: is too long ({} characters after the #; at most {MAX_LINK_CHARS}); share the configuration as a file instead", MAX_LINK_CHARS + 7)
    );
    // 0xFF is never UTF-8.
    assert_eq!(
        reason("config=_w"),
        "link: is damaged: the configuration it carries is not text; copy the whole link again"
    );
    // One symbol alone is never a whole byte; unused bits must be zero.
    assert!(config::json_from_link("config=QUJDR").is_err());
    assert!(config::json_from_link("config=QR").is_err());
}

proptest! {
    #[test]
    fn no_text_panics_the_configuration_reader(text in ".{0,300}") {
        let _ = Config::parse(&text, Bank::standard());
        let _ = Bank::parse(&text);
        let _ = config::json_from_link(&text);
    }

    #[test]
    fn no_json_value_panics_the_readers(value in json_value()) {
        let text = value.to_string();
        let _ = Config::parse(&text, Bank::standard());
        let _ = Bank::parse(&text);
        // The same value at every place a configuration has a field.
        for key in ["organisation", "logo", "colours", "intro", "contact",
                    "anonymity_threshold", "host_messages", "bank", "dimensions", "version"] {
            let _ = Config::parse(&json!({ key: value.clone() }).to_string(), Bank::standard());
        }
    }

    #[test]
    fn damaged_banks_never_panic_the_reader(path in prop::collection::vec(0usize..8, 1..6), value in json_value()) {
        let mut bank = mini_bank_json();
        // Replace whatever sits at a random path with a random value.
        let mut pointer = String::new();
        let mut at = &bank;
        for step in path {
            let (key, next) = match at {
                Value::Object(map) if !map.is_empty() => {
                    let (key, next) = map.iter().nth(step % map.len()).unwrap();
                    (key.clone(), next)
                }
                Value::Array(items) if !items.is_empty() => {
                    let index = step % items.len();
                    (index.to_string(), &items[index])
                }
                _ => break,
            };
            pointer = format!("{pointer}/{key}");
            at = next;
        }
        *bank.pointer_mut(&pointer).unwrap() = value;
        let _ = Bank::parse(&bank.to_string());
        let _ = Config::parse(&json!({"bank": bank, "dimensions": ["alpha"]}).to_string(), Bank::standard());
    }

    #[test]
    fn links_round_trip_any_text(text in ".{0,200}") {
        let fragment = config::link_fragment(&text);
        prop_assert_eq!(config::json_from_link(&fragment), Ok(text));
    }
}

/// Any JSON value, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,20}".prop_map(Value::from),
        prop::sample::select(vec![
            "#fff",
            "#0b5d4b",
            "https://example.org",
            "logo.png",
            "communication",
            "alpha"
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::btree_map("[a-z_]{1,12}", inner, 0..6)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}
