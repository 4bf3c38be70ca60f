//! What a site's own `tandem.config.json` lets configurations from
//! elsewhere do, at the edges of each rule: a threshold at the site's floor,
//! the parts a link may change (each alone), and what a link's configuration
//! keeps of the site's when read over it.

mod common;

use common::config::{accepted, site, site_problems};
use common::mini_bank_json;
use serde_json::{json, Value};
use tandem::assessment::config::{self, Links, Part, Policy};
use tandem::assessment::{Bank, Config};

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
        assert_eq!(problems[0].location.to_string(), "anonymity_threshold");
        assert_eq!(
            problems[0].reason.to_string(),
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
        assert_eq!(refused[0].location.to_string(), part.name());
        assert_eq!(
            refused[0].reason.to_string(),
            "this site does not take configurations from links; ask whoever runs it for the address of the configuration you need"
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
    assert_eq!(error.problems[0].location.to_string(), "links");
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
