//! What a sound file does: markup kept as literal text, the threshold, the
//! dimensions, colours and paragraphs it sets, the documented examples, the
//! builder's draft and the configuration link.

use super::*;

/// The configuration `value`, which must be accepted.
fn accepted(value: &Value) -> Config {
    match Config::parse(&value.to_string(), Bank::standard()) {
        Ok(config) => config,
        Err(error) => panic!("refused: {error}"),
    }
}

/// Markup that would run if any text were read as HTML.
const MARKUP: &str = "<img src=x onerror=alert(1)>";

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
        dimension.guidance[0].practices[0].text,
        "<script>alert(1)</script>"
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
fn a_configuration_hides_the_consultants_tools_unless_it_keeps_them() {
    assert!(!accepted(&json!({"organisation": "Acme"})).shows_consultant_tools());
    let keeping = accepted(&json!({"organisation": "Acme", "consultant_tools": true}));
    assert!(keeping.shows_consultant_tools());
    // Keeping them is a change of branding: a link that does it says so.
    let plain = accepted(&json!({}));
    let only_tools = accepted(&json!({"consultant_tools": true}));
    assert!(!only_tools.is_plain(Bank::standard()));
    assert_eq!(
        only_tools.parts_changed(&plain),
        [tandem::assessment::config::Part::Branding]
    );
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
    let text = include_str!("../../examples/tandem.config.json");
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
    let readme = json_blocks(include_str!("../../README.md"));
    assert!(!readme.is_empty());
    for block in readme {
        Config::parse(block, Bank::standard()).unwrap_or_else(|e| panic!("README: {e}\n{block}"));
    }
    let docs = json_blocks(include_str!("../../docs/configuration.md"));
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
    let text = include_str!("../../examples/tandem.config.json");
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
    assert_eq!(
        error.problems[0].location.to_string(),
        "bank, line 1, column 7"
    );
}

#[test]
fn a_link_carries_a_configuration_and_refuses_damage() {
    let text = include_str!("../../examples/tandem.config.json");
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
