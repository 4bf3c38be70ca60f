//! Which configuration the app runs under: events in, setup out.

use serde_json::json;
use std::rc::Rc;
use tandem::app::setup::{Setup, SetupAction, Source};
use tandem::assessment::config;
use yew::Reducible;

fn after(setup: Setup, actions: impl IntoIterator<Item = SetupAction>) -> Rc<Setup> {
    actions.into_iter().fold(Rc::new(setup), |s, a| s.reduce(a))
}

fn branded(organisation: &str) -> String {
    json!({"organisation": organisation}).to_string()
}

fn problems(setup: &Setup) -> Vec<String> {
    setup
        .refused
        .iter()
        .flat_map(|r| r.problems.iter())
        .map(|p| format!("{}: {}", p.location, p.reason))
        .collect()
}

#[test]
fn without_a_file_tandem_runs_as_shipped_once_the_site_has_answered() {
    let setup = Setup::new("", None);
    assert!(!setup.ready, "waits for tandem.config.json");
    let setup = after(setup, [SetupAction::FileLoaded(None)]);
    assert!(setup.ready);
    assert_eq!(setup.source, Source::Standard);
    assert_eq!(setup.refused, None);
    assert_eq!(setup.config.organisation(), None);
}

#[test]
fn the_file_the_build_ships_means_no_configuration() {
    // dist/tandem.config.json, as the build writes it (site/), so that a
    // site without a configuration answers with a file and not a 404.
    let shipped = include_str!("../site/tandem.config.json");
    for text in [shipped, " null ", "\u{feff}null\r\n"] {
        let setup = after(
            Setup::new("", None),
            [SetupAction::FileLoaded(Some(text.to_owned()))],
        );
        assert!(setup.ready);
        assert_eq!(setup.source, Source::Standard, "{text:?}");
        assert_eq!(setup.refused, None, "{text:?}");
        assert_eq!(setup.config.organisation(), None);
    }
    // Anything else is read as a configuration, and refused if it is none.
    let setup = after(
        Setup::new("", None),
        [SetupAction::FileLoaded(Some("nul".to_owned()))],
    );
    assert!(setup.refused.is_some());
}

#[test]
fn the_file_beside_the_app_configures_it() {
    let setup = after(
        Setup::new("", None),
        [SetupAction::FileLoaded(Some(branded("Northwind")))],
    );
    assert!(setup.ready);
    assert_eq!(setup.source, Source::File);
    assert_eq!(setup.config.organisation(), Some("Northwind"));
}

#[test]
fn a_broken_file_is_named_with_its_problems_and_the_app_falls_back() {
    let text = json!({"contact": "javascript:alert(1)", "colours": {"accent": "red"}}).to_string();
    let setup = after(Setup::new("", None), [SetupAction::FileLoaded(Some(text))]);
    assert!(setup.ready);
    assert_eq!(setup.source, Source::Standard);
    let refusal = setup.refused.as_ref().unwrap();
    assert_eq!(&*refusal.origin, "tandem.config.json beside the app");
    assert_eq!(
        problems(&setup),
        [
            "colours.accent: must be a hex colour: # and 3 or 6 hex digits, such as #1f5fa8",
            "contact: must start with https:// or mailto: (no other kind of link is allowed)",
        ]
    );
    let setup = setup.reduce(SetupAction::RefusalClosed);
    assert_eq!(setup.refused, None);
}

#[test]
fn a_site_that_fails_to_answer_is_reported_and_the_app_still_opens() {
    let setup = after(
        Setup::new("", None),
        [SetupAction::FileFailed(
            "the site answered with HTTP status 500".into(),
        )],
    );
    assert!(setup.ready);
    assert_eq!(
        problems(&setup),
        ["file: the site answered with HTTP status 500"]
    );
}

#[test]
fn a_link_wins_over_the_file_and_dropping_it_returns_to_the_file() {
    let fragment = config::link_fragment(&branded("From the link"));
    let setup = Setup::new(&fragment, None);
    assert!(setup.ready, "a link needs no wait");
    assert_eq!(setup.source, Source::Chosen);
    assert_eq!(setup.config.organisation(), Some("From the link"));
    assert_eq!(
        setup.chosen.as_deref(),
        Some(branded("From the link").as_str())
    );

    let setup = after(
        Rc::unwrap_or_clone(Rc::new(setup)),
        [SetupAction::FileLoaded(Some(branded("From the file")))],
    );
    assert_eq!(setup.config.organisation(), Some("From the link"));

    let setup = setup.reduce(SetupAction::ChosenDropped);
    assert_eq!(setup.source, Source::File);
    assert_eq!(setup.chosen, None);
    assert_eq!(setup.config.organisation(), Some("From the file"));
}

#[test]
fn a_kept_configuration_is_used_on_the_next_visit() {
    let setup = Setup::new("", Some(branded("Kept")));
    assert!(setup.ready);
    assert_eq!(setup.source, Source::Chosen);
    assert_eq!(setup.config.organisation(), Some("Kept"));
}

#[test]
fn a_damaged_link_changes_nothing_but_the_message() {
    let setup = Setup::new("config=e30*", Some(branded("Kept")));
    assert_eq!(setup.config.organisation(), Some("Kept"));
    assert_eq!(
        problems(&setup),
        ["link: is damaged at character 4 of the configuration (only letters, digits, - and _ belong there); copy the whole link again"]
    );
}

#[test]
fn an_imported_file_is_used_or_refused_by_name() {
    let setup = after(
        Setup::new("", None),
        [
            SetupAction::FileLoaded(None),
            SetupAction::Imported("acme.json".into(), Ok(branded("Acme"))),
        ],
    );
    assert_eq!(setup.source, Source::Chosen);
    assert_eq!(setup.config.organisation(), Some("Acme"));

    let setup = setup.reduce(SetupAction::Imported(
        "broken.json".into(),
        Ok(json!({"logo": "logo.svg"}).to_string()),
    ));
    assert_eq!(setup.config.organisation(), Some("Acme"), "unchanged");
    assert_eq!(&*setup.refused.as_ref().unwrap().origin, "\"broken.json\"");
    assert_eq!(
        problems(&setup),
        ["logo: must not be an SVG image, which can carry script; use PNG, JPEG or WebP"]
    );

    let setup = setup.reduce(SetupAction::ChosenDropped);
    assert_eq!(setup.source, Source::Standard);
    assert_eq!(setup.config.organisation(), None);
}
