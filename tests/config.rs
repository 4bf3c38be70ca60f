//! A configuration's rules at their edges: each limit accepted at its value
//! and refused one past it, the contrast and palette thresholds, the logo's
//! path rules, and what a site's own file lets configurations from elsewhere
//! do. The corpus of hostile files is in `untrusted.rs`; the app's choice of
//! configuration is in `setup.rs`.

mod common;

use common::mini_bank_json;
use serde_json::{json, Value};
use tandem::assessment::config::{
    self, Colours, Links, LogoError, Part, Policy, Scheme, LINK_PREFIX, MAX_LINK_CHARS,
    MAX_LOGO_PATH, MAX_ORGANISATION, MAX_PROSE, MAX_THRESHOLD, MAX_TITLE, MIN_THRESHOLD,
};
use tandem::assessment::{saved, Bank, Colour, Config, HostMessages, Logo};

/// The problems `Config::parse` finds in `value`, as "location: reason"
/// lines; empty when it is accepted.
fn problems_in(value: &Value) -> Vec<String> {
    listed(Config::parse(&value.to_string(), Bank::standard()))
}

/// The problems of a site's own file `value`, as [`problems_in`].
fn site_problems(value: &Value) -> Vec<String> {
    listed(Config::site_file(&value.to_string(), Bank::standard()).map(|_| ()))
}

fn listed<T>(result: Result<T, config::ConfigError>) -> Vec<String> {
    match result {
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
    Config::parse(&value.to_string(), Bank::standard()).unwrap_or_else(|e| panic!("{e}"))
}

/// The site's own file `value`, which must be accepted as a configuration.
fn site(value: &Value) -> Config {
    Config::site_file(&value.to_string(), Bank::standard())
        .unwrap_or_else(|e| panic!("{e}"))
        .expect("a configuration, not null")
}

fn colour(hex: &str) -> Colour {
    hex.parse().unwrap()
}

#[test]
fn each_text_is_accepted_at_its_limit_and_refused_one_character_past_it() {
    // "é" is one character and two bytes: limits count characters.
    for (field, max) in [
        ("organisation", MAX_ORGANISATION),
        ("title", MAX_TITLE),
        ("intro", MAX_PROSE),
        ("closing", MAX_PROSE),
    ] {
        assert_eq!(
            problems_in(&json!({ field: "é".repeat(max) })),
            Vec::<String>::new(),
            "{field}"
        );
        assert_eq!(
            problems_in(&json!({ field: "é".repeat(max + 1) })),
            [format!("{field}: is too long (at most {max} characters)")],
        );
    }
    assert_eq!((MAX_ORGANISATION, MAX_TITLE, MAX_PROSE), (80, 120, 2_000));
}

#[test]
fn the_title_is_one_line_and_the_intro_and_closing_may_be_many() {
    assert_eq!(
        problems_in(&json!({"title": "Spring\ncheck"})),
        ["title: has a line break at character 7; this text must be one line"]
    );
    let config = accepted(&json!({"intro": "One.\n\nTwo.", "closing": "Three.\n\nFour."}));
    assert_eq!(config.intro(), ["One.", "Two."]);
    assert_eq!(config.closing(), ["Three.", "Four."]);
    // A title given replaces the bank's; none keeps it.
    assert_eq!(
        accepted(&json!({"title": "Spring check"})).title(),
        "Spring check"
    );
    assert_eq!(accepted(&json!({})).title(), Bank::standard().title());
}

#[test]
fn the_threshold_runs_from_two_to_ten_in_a_file_and_a_site_floor_alike() {
    assert_eq!((MIN_THRESHOLD, MAX_THRESHOLD), (2, 10));
    // The room and a saved workshop keep within the same largest threshold.
    assert_eq!(saved::MAX_THRESHOLD, MAX_THRESHOLD);
    let range = "must be a whole number from 2 to 10";
    for n in [MIN_THRESHOLD, MAX_THRESHOLD] {
        assert_eq!(
            accepted(&json!({"anonymity_threshold": n})).anonymity_threshold(),
            n
        );
        assert_eq!(site(&json!({"anonymity_floor": n})).policy().floor, Some(n));
    }
    for n in [MIN_THRESHOLD - 1, MAX_THRESHOLD + 1] {
        assert_eq!(
            problems_in(&json!({"anonymity_threshold": n})),
            [format!("anonymity_threshold: {range}")]
        );
        assert_eq!(
            site_problems(&json!({"anonymity_floor": n})),
            [format!("anonymity_floor: {range}")]
        );
    }
}

#[test]
fn a_site_floor_raises_the_default_threshold_and_holds_its_own_file_to_it() {
    // Below the default, the default stands; above it, the floor is the default.
    assert_eq!(
        site(&json!({"anonymity_floor": 2})).anonymity_threshold(),
        3
    );
    assert_eq!(
        site(&json!({"anonymity_floor": 3})).anonymity_threshold(),
        3
    );
    assert_eq!(
        site(&json!({"anonymity_floor": 5})).anonymity_threshold(),
        5
    );
    // Its own threshold may equal the floor, never go below it.
    let at_floor = site(&json!({"anonymity_floor": 4, "anonymity_threshold": 4}));
    assert_eq!(at_floor.anonymity_threshold(), 4);
    assert_eq!(
        site_problems(&json!({"anonymity_floor": 4, "anonymity_threshold": 3})),
        ["anonymity_threshold: is 3, below this file's own anonymity_floor of 4"]
    );
    // The floor a workshop may choose: the site's, or 1 without one.
    assert_eq!(at_floor.threshold_floor(), 4);
    assert_eq!(
        site(&json!({"organisation": "Harbour Trust"})).threshold_floor(),
        1
    );
    assert_eq!(Config::plain(Bank::standard()).threshold_floor(), 1);
}

#[test]
fn a_configuration_at_the_site_floor_is_admitted_and_one_below_it_is_not() {
    let floor = site(&json!({"anonymity_floor": 4}));
    for from_link in [true, false] {
        let at = accepted(&json!({"anonymity_threshold": 4}));
        assert_eq!(floor.admits(&at, from_link), [], "from a link: {from_link}");
        let below = accepted(&json!({"anonymity_threshold": 3}));
        let problems = floor.admits(&below, from_link);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].location, "anonymity_threshold");
        assert_eq!(
            problems[0].reason,
            "is 3, below this site's smallest of 4: groups this small could be recognised"
        );
    }
    // Without a floor, any threshold a file may set is admitted.
    let open = site(&json!({"organisation": "Harbour Trust"}));
    assert_eq!(
        open.admits(&accepted(&json!({"anonymity_threshold": 2})), true),
        []
    );
}

#[test]
fn a_sites_links_are_read_as_ask_refuse_or_the_parts_a_link_may_change() {
    let links = |value: Value| site(&json!({ "links": value })).policy().links.clone();
    assert_eq!(links(json!("ask")), Links::Ask);
    assert_eq!(links(json!("refuse")), Links::Refuse);
    assert_eq!(
        links(json!(["threshold", "questions", "threshold"])),
        Links::Only(vec![Part::Threshold, Part::Questions])
    );
    assert_eq!(links(json!([])), Links::Only(Vec::new()));
    assert_eq!(
        site(&json!({"organisation": "Harbour Trust"})).policy(),
        &Policy {
            links: Links::Ask,
            floor: None
        }
    );
    assert_eq!(
        site_problems(&json!({"links": "sometimes"})),
        ["links: must be one of ask, refuse"]
    );
    assert_eq!(
        site_problems(&json!({"links": ["questions", "everything"]})),
        ["links[1]: must be one of branding, questions, threshold, host_messages"]
    );
    let names: Vec<&str> = [
        Part::Branding,
        Part::Questions,
        Part::Threshold,
        Part::HostMessages,
    ]
    .iter()
    .map(|p| p.name())
    .collect();
    assert_eq!(
        names,
        ["branding", "questions", "threshold", "host_messages"]
    );
}

/// A configuration that differs from the plain one in one part each.
fn one_part_each() -> [(Config, Part); 4] {
    [
        (
            accepted(&json!({"organisation": "Elsewhere"})),
            Part::Branding,
        ),
        (
            accepted(&json!({"dimensions": ["communication"]})),
            Part::Questions,
        ),
        (
            accepted(&json!({"anonymity_threshold": 6})),
            Part::Threshold,
        ),
        (
            accepted(&json!({"host_messages": "level-and-scores"})),
            Part::HostMessages,
        ),
    ]
}

#[test]
fn a_link_may_change_only_the_parts_the_site_lists_and_a_file_anything() {
    let plain = accepted(&json!({}));
    let only = |parts: Value| site(&json!({ "links": parts }));
    for (offered, part) in one_part_each() {
        assert_eq!(offered.parts_changed(&plain), [part]);
        assert_eq!(only(json!([part.name()])).admits(&offered, true), []);
        assert_eq!(site(&json!({"links": "ask"})).admits(&offered, true), []);
        let refused = only(json!([])).admits(&offered, true);
        assert_eq!(refused.len(), 1);
        assert_eq!(refused[0].location, part.name());
        assert_eq!(
            refused[0].reason,
            "this site lets a link change only nothing"
        );
        // A file the person imports is theirs to choose, whatever the links.
        assert_eq!(only(json!([])).admits(&offered, false), []);
        assert_eq!(
            site(&json!({"links": "refuse"})).admits(&offered, false),
            []
        );
    }
}

#[test]
fn every_part_a_link_may_not_change_is_its_own_problem_naming_those_it_may() {
    let everything = accepted(&json!({
        "organisation": "Elsewhere",
        "dimensions": ["communication"],
        "anonymity_threshold": 6,
        "host_messages": "level-and-scores",
    }));
    let refused = |parts: Value| -> Vec<String> {
        site(&json!({ "links": parts }))
            .admits(&everything, true)
            .iter()
            .map(|p| format!("{}: {}", p.location, p.reason))
            .collect()
    };
    assert_eq!(
        refused(json!(["questions", "threshold"])),
        [
            "branding: this site lets a link change only questions and threshold",
            "host_messages: this site lets a link change only questions and threshold",
        ]
    );
    assert_eq!(
        refused(json!(["host_messages", "questions", "threshold"])),
        ["branding: this site lets a link change only host_messages, questions and threshold"]
    );
    assert_eq!(
        refused(json!([
            "branding",
            "questions",
            "threshold",
            "host_messages"
        ])),
        Vec::<String>::new()
    );
    let refusing = refused(json!("refuse"));
    assert_eq!(
        refusing,
        ["link: this site does not take configurations from links; ask whoever runs it for the address of the configuration you need"]
    );
}

#[test]
fn each_branding_field_alone_changes_the_branding_and_makes_a_configuration_not_plain() {
    let plain = accepted(&json!({}));
    assert_eq!(plain.parts_changed(&plain), []);
    assert!(plain.is_plain(Bank::standard()));
    let branded = [
        json!({"organisation": "Northwind"}),
        json!({"title": "Spring check"}),
        json!({"logo": "logo.png"}),
        json!({"colours": {"accent": "#0b5d4b", "accent_text": "#ffffff"}}),
        json!({"intro": "Welcome."}),
        json!({"closing": "Thanks."}),
        json!({"contact": "mailto:team@example.org"}),
    ];
    for value in &branded {
        let config = accepted(value);
        assert_eq!(config.parts_changed(&plain), [Part::Branding], "{value}");
        assert_eq!(plain.parts_changed(&config), [Part::Branding], "{value}");
        assert_eq!(config.parts_changed(&config), [], "{value}");
        assert!(!config.is_plain(Bank::standard()), "{value}");
    }
    for (config, part) in one_part_each() {
        assert!(!config.is_plain(Bank::standard()), "{part:?}");
        assert_eq!(config.parts_changed(&config), []);
    }
    // The standard bank's dimensions chosen whole are still the plain bank.
    let all: Vec<&str> = Bank::standard()
        .dimensions()
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    assert!(accepted(&json!({ "dimensions": all })).is_plain(Bank::standard()));
}

#[test]
fn the_host_is_told_scores_only_when_the_configuration_says_so() {
    assert!(!HostMessages::Level.includes_scores());
    assert!(HostMessages::LevelAndScores.includes_scores());
    assert_eq!(HostMessages::default(), HostMessages::Level);
}

#[test]
fn a_link_over_the_site_file_keeps_what_it_leaves_out() {
    let site_text = json!({
        "organisation": "Harbour Trust",
        "dimensions": ["communication", "mutual-recognition"],
        "anonymity_threshold": 5,
        "links": ["branding", "questions"],
        "anonymity_floor": 4,
    })
    .to_string();
    let over = |link: Value, site: Option<&str>| {
        Config::parse_over(&link.to_string(), site, Bank::standard())
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let ids = |config: &Config| -> Vec<String> {
        config
            .bank()
            .dimensions()
            .iter()
            .map(|d| d.id.to_string())
            .collect()
    };

    // The site's words, questions and threshold stay; its policy does not
    // travel with the link's configuration.
    let titled = over(json!({"title": "Spring check"}), Some(&site_text));
    assert_eq!(titled.organisation(), Some("Harbour Trust"));
    assert_eq!(titled.title(), "Spring check");
    assert_eq!(titled.anonymity_threshold(), 5);
    assert_eq!(ids(&titled), ["communication", "mutual-recognition"]);
    assert_eq!(
        titled.policy(),
        &Policy {
            links: Links::Ask,
            floor: None
        }
    );

    // A bank of its own asks all its dimensions, not the site's choice...
    let mini = over(json!({"bank": mini_bank_json()}), Some(&site_text));
    assert_eq!(ids(&mini), ["alpha", "beta", "gamma", "delta"]);
    assert_eq!(mini.organisation(), Some("Harbour Trust"));
    // ...unless it chooses dimensions too.
    let chosen = over(
        json!({"bank": mini_bank_json(), "dimensions": ["beta"]}),
        Some(&site_text),
    );
    assert_eq!(ids(&chosen), ["beta"]);

    // A site file saved with a byte-order mark is still the base.
    let marked = format!("\u{feff}{site_text}");
    assert_eq!(
        over(json!({}), Some(&marked)).organisation(),
        Some("Harbour Trust")
    );
    // Without a site file, or with null, it is read as it is.
    for site in [None, Some("null")] {
        let alone = over(json!({"title": "Spring check"}), site);
        assert_eq!(alone.organisation(), None);
        assert_eq!(ids(&alone).len(), Bank::standard().dimensions().len());
    }
    // Whatever comes from elsewhere still may not set the site's fields.
    let error = Config::parse_over(
        &json!({"links": "ask"}).to_string(),
        Some(&site_text),
        Bank::standard(),
    )
    .unwrap_err();
    assert_eq!(error.problems[0].location, "links");
}

#[test]
fn the_site_file_mark_tells_files_apart_and_null_from_none_not_at_all() {
    let none = config::site_mark(None);
    assert_eq!(none, "none");
    for text in ["null", " null\n", "\u{feff}null"] {
        assert_eq!(config::site_mark(Some(text)), none, "{text:?}");
    }
    let one = config::site_mark(Some(r#"{"organisation": "A"}"#));
    let other = config::site_mark(Some(r#"{"organisation": "B"}"#));
    assert_ne!(one, none);
    assert_ne!(one, other);
    assert_eq!(one, config::site_mark(Some(r#"{"organisation": "A"}"#)));
    assert_eq!(
        Config::site_file("null", Bank::standard()),
        Ok(None),
        "the file the build ships"
    );
}

#[test]
fn the_format_version_is_one_and_a_smaller_one_is_not_newer() {
    assert_eq!(config::FORMAT_VERSION, 1);
    assert_eq!(problems_in(&json!({"version": 1})), Vec::<String>::new());
    assert_eq!(problems_in(&json!({"version": 0})), ["version: must be 1"]);
    assert_eq!(problems_in(&json!({"version": -1})), ["version: must be 1"]);
}

#[test]
fn text_needs_a_contrast_of_four_and_a_half_to_one_and_no_less() {
    // #767676 on white is 4.54:1, the lightest grey that passes; #777777 is
    // 4.48:1.
    let white = colour("#ffffff");
    assert_eq!(colour("#767676").contrast_tenths(white), 45);
    assert_eq!(colour("#777777").contrast_tenths(white), 44);
    // Either way round.
    assert_eq!(white.contrast_tenths(colour("#767676")), 45);
    assert_eq!(white.contrast_tenths(white), 10);

    let pair = |text: &str| json!({"colours": {"text": text, "background": "#ffffff"}});
    assert_eq!(problems_in(&pair("#767676")), Vec::<String>::new());
    assert_eq!(
        problems_in(&pair("#777777")),
        ["colours.text: has too little contrast with background (4.4:1; at least 4.5:1 keeps text readable)"]
    );
    let buttons = |text: &str| json!({"colours": {"accent": "#ffffff", "accent_text": text, "background": "#1f5fa8", "text": "#ffffff"}});
    assert_eq!(
        problems_in(&buttons("#777777")),
        ["colours.accent_text: has too little contrast with accent (4.4:1; at least 4.5:1 keeps text readable)"]
    );
}

#[test]
fn the_accent_is_checked_against_the_background_it_is_drawn_on() {
    // Both pairs readable, but the accent's buttons vanish into the page.
    assert_eq!(
        problems_in(&json!({"colours": {
            "accent": "#f0f0f0", "accent_text": "#000000",
            "background": "#ffffff", "text": "#000000"
        }})),
        ["colours.accent: has too little contrast with background (1.1:1; at least 4.5:1 keeps text readable)"]
    );
    assert_eq!(
        problems_in(&json!({"colours": {"accent": "#000000"}})),
        ["colours.accent_text: is missing: accent and accent_text go together, so that Tandem can check that text stays readable; give both or neither"]
    );
    // Each colour of a pair names the other when it is alone.
    assert_eq!(
        problems_in(&json!({"colours": {"accent_text": "#ffffff"}})),
        ["colours.accent: is missing: accent_text and accent go together, so that Tandem can check that text stays readable; give both or neither"]
    );
    assert_eq!(
        problems_in(&json!({"colours": {"text": "#000000"}})),
        ["colours.background: is missing: text and background go together, so that Tandem can check that text stays readable; give both or neither"]
    );
    assert_eq!(
        problems_in(&json!({"colours": {"background": "#ffffff"}})),
        ["colours.text: is missing: background and text go together, so that Tandem can check that text stays readable; give both or neither"]
    );
    assert_eq!(
        accepted(&json!({"colours": {}})).colours(),
        &Colours::default()
    );
}

#[test]
fn a_background_darker_than_a_luminance_of_0_18_keeps_the_dark_palette() {
    let scheme = |hex: &str| {
        Colours {
            background: Some(colour(hex)),
            ..Colours::default()
        }
        .scheme()
    };
    // #08828f has a luminance of exactly 0.18, #0278d0 just below it.
    assert_eq!(scheme("#08828f"), Some(Scheme::Light));
    assert_eq!(scheme("#0278d0"), Some(Scheme::Dark));
    assert_eq!(scheme("#000000"), Some(Scheme::Dark));
    assert_eq!(scheme("#ffffff"), Some(Scheme::Light));
    // Colours without a background keep Tandem's light palette.
    let text_only = Colours {
        text: Some(colour("#000000")),
        ..Colours::default()
    };
    assert_eq!(text_only.scheme(), Some(Scheme::Light));
    assert_eq!(Colours::default().scheme(), None);
}

#[test]
fn colours_are_read_from_three_or_six_hex_digits_in_either_case() {
    assert_eq!(colour("#abc").rgb(), [0xaa, 0xbb, 0xcc]);
    assert_eq!(colour("#0B5D4B").rgb(), [0x0b, 0x5d, 0x4b]);
    assert_eq!(colour("#0B5D4B").to_string(), "#0b5d4b");
    assert_eq!(colour("#f00").to_string(), "#ff0000");
    for text in [
        "abc", "#", "#ab", "#abcd", "#abcdef0", "#ab c", "#+1+2+3", "#éé",
    ] {
        assert!(text.parse::<Colour>().is_err(), "{text:?}");
    }
}

#[test]
fn a_logo_path_is_accepted_up_to_its_limit_in_each_image_format() {
    let long = format!("{}.png", "a".repeat(MAX_LOGO_PATH - 4));
    assert_eq!(long.chars().count(), MAX_LOGO_PATH);
    assert_eq!(
        long.parse::<Logo>().map(|l| l.as_str().to_owned()),
        Ok(long.clone())
    );
    assert_eq!(format!("a{long}").parse::<Logo>(), Err(LogoError::TooLong));
    for path in [
        "logo.png",
        "logo.jpg",
        "logo.jpeg",
        "logo.webp",
        "Brand/Logo.PNG",
        "a-b_c/d.e.JPEG",
    ] {
        assert_eq!(
            path.parse::<Logo>().map(|l| l.as_str().to_owned()),
            Ok(path.to_owned())
        );
    }
}

#[test]
fn a_logo_path_is_refused_for_each_way_out_of_the_apps_folder() {
    for (path, error) in [
        ("", LogoError::Empty),
        ("//cdn.example/logo.png", LogoError::OtherSite),
        ("https://cdn.example/logo.png", LogoError::Address),
        ("branding\\logo.png", LogoError::Backslash),
        ("/logo.png", LogoError::Absolute),
        ("branding/../logo.png", LogoError::Up),
        ("..", LogoError::Up),
        ("branding//logo.png", LogoError::Characters),
        ("./logo.png", LogoError::Characters),
        ("branding/./logo.png", LogoError::Characters),
        ("branding/", LogoError::Characters),
        ("lo go.png", LogoError::Characters),
        ("logo.png?v=2", LogoError::Characters),
        ("logó.png", LogoError::Characters),
        ("logo.svgz", LogoError::Svg),
        ("logo", LogoError::Format),
        ("logo.png.txt", LogoError::Format),
    ] {
        assert_eq!(path.parse::<Logo>(), Err(error), "{path:?}");
    }
    assert_eq!(problems_in(&json!({"logo": ""})), ["logo: is empty"]);
    assert_eq!(
        problems_in(&json!({"logo": "branding\\logo.png"})),
        ["logo: must use / between folders, not \\"]
    );
}

#[test]
fn a_link_may_carry_up_to_its_limit_and_no_more() {
    // The limit counts every character after the #, `config=` included.
    let at_limit = format!(
        "{LINK_PREFIX}{}",
        "A".repeat(MAX_LINK_CHARS - LINK_PREFIX.len())
    );
    assert_eq!(at_limit.len(), MAX_LINK_CHARS);
    let reason = config::json_from_link(&format!("#{at_limit}"))
        .unwrap_err()
        .to_string();
    // Not too long: refused only because this many symbols is never whole bytes.
    assert!(
        reason.starts_with("link: is damaged at character"),
        "{reason}"
    );
    let just_under = format!(
        "{LINK_PREFIX}{}",
        "A".repeat(MAX_LINK_CHARS - LINK_PREFIX.len() - 1)
    );
    let text = config::json_from_link(&just_under).unwrap();
    assert_eq!(text.len(), (MAX_LINK_CHARS - LINK_PREFIX.len() - 1) / 4 * 3);
    assert!(text.bytes().all(|b| b == 0));
    assert_eq!(
        config::json_from_link(&format!("{at_limit}A")).unwrap_err().to_string(),
        format!("link: is too long ({} characters after the #; at most {MAX_LINK_CHARS}); share the configuration as a file instead", MAX_LINK_CHARS + 1)
    );
    assert_eq!(MAX_LINK_CHARS, 100_000);
    assert_eq!(config::link_fragment(""), LINK_PREFIX);
    assert_eq!(config::json_from_link("config="), Ok(String::new()));
    // Base64url of "Ma", "Man" and "Many", without padding.
    assert_eq!(config::link_fragment("Ma"), "config=TWE");
    assert_eq!(config::link_fragment("Man"), "config=TWFu");
    assert_eq!(config::link_fragment("Many"), "config=TWFueQ");
    // The two symbols where base64url differs from base64: - and _.
    assert_eq!(config::link_fragment("~~~???"), "config=fn5-Pz8_");
    assert_eq!(config::link_fragment("\u{3fe}\u{ffff}"), "config=z77vv78");
    assert_eq!(
        config::json_from_link("config=fn5-Pz8_"),
        Ok("~~~???".to_owned())
    );
}
