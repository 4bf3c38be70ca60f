//! Which configuration the app runs under: events in, setup out.

use serde_json::json;
use std::rc::Rc;
use tandem::app::setup::{Origin, Setup, SetupAction, Source};
use tandem::assessment::config::{self, Part};
use tandem::assessment::language::Key;
use tandem::assessment::saved::KeptConfig;
use tandem::assessment::untrusted::Why;
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
    let setup = Setup::new(None, None, false);
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
            Setup::new(None, None, false),
            [SetupAction::FileLoaded(Some(text.to_owned()))],
        );
        assert!(setup.ready);
        assert_eq!(setup.source, Source::Standard, "{text:?}");
        assert_eq!(setup.refused, None, "{text:?}");
        assert_eq!(setup.config.organisation(), None);
    }
    // Anything else is read as a configuration, and refused if it is none.
    let setup = after(
        Setup::new(None, None, false),
        [SetupAction::FileLoaded(Some("nul".to_owned()))],
    );
    assert!(setup.refused.is_some());
}

#[test]
fn the_file_beside_the_app_configures_it() {
    let setup = after(
        Setup::new(None, None, false),
        [SetupAction::FileLoaded(Some(branded("Northwind")))],
    );
    assert!(setup.ready);
    assert_eq!(setup.source, Source::File);
    assert_eq!(setup.config.organisation(), Some("Northwind"));
}

#[test]
fn a_broken_file_is_named_with_its_problems_and_the_app_falls_back() {
    let text = json!({"contact": "javascript:alert(1)", "colours": {"accent": "red"}}).to_string();
    let setup = after(
        Setup::new(None, None, false),
        [SetupAction::FileLoaded(Some(text))],
    );
    assert!(setup.ready);
    assert_eq!(setup.source, Source::Standard);
    let refusal = setup.refused.as_ref().unwrap();
    assert_eq!(refusal.origin, Origin::SiteFile);
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
        Setup::new(None, None, false),
        [SetupAction::FileFailed(
            Why::new(Key::PROBLEM_FETCH_STATUS).text("status", "500"),
        )],
    );
    assert!(setup.ready);
    assert_eq!(
        problems(&setup),
        ["file: could not be fetched: the site answered with HTTP status 500"]
    );
}

/// What storage keeps of `text`, chosen from a link over the site's file
/// `site` (its text, or `None`).
fn kept(text: &str, site: Option<&str>) -> String {
    KeptConfig {
        kept: text.to_owned(),
        over: Some(config::site_mark(site)),
        link: true,
    }
    .encode()
}

#[test]
fn a_strangers_link_is_shown_first_and_used_only_when_chosen() {
    let site = branded("Harbour Trust");
    let link = json!({
        "organisation": "Payroll Verification Desk",
        "contact": "https://payroll-check.example/verify",
        "anonymity_threshold": 2,
    })
    .to_string();
    let setup = after(
        Setup::new(Some(&config::link_fragment(&link)), None, false),
        [SetupAction::FileLoaded(Some(site.clone()))],
    );
    // Not applied: offered, with what it changes; the site's own is in use.
    assert_eq!(setup.config.organisation(), Some("Harbour Trust"));
    assert_eq!(setup.source, Source::File);
    assert_eq!(setup.chosen, None, "nothing kept before the person chooses");
    let offer = setup.offered.as_ref().expect("offered");
    assert_eq!(offer.changes, [Part::Branding, Part::Threshold]);
    assert_eq!(
        offer.config.organisation(),
        Some("Payroll Verification Desk")
    );
    assert!(!offer.earlier);

    // Declined: nothing changes, nothing is kept.
    let declined = setup.clone().reduce(SetupAction::OfferDeclined);
    assert_eq!(declined.offered, None);
    assert_eq!(declined.config.organisation(), Some("Harbour Trust"));
    assert_eq!(declined.chosen, None);

    // Chosen: used, and kept marked with the site's file it was chosen over.
    let chosen = setup.reduce(SetupAction::OfferAccepted);
    assert_eq!(chosen.source, Source::Chosen);
    assert_eq!(
        chosen.config.organisation(),
        Some("Payroll Verification Desk")
    );
    let kept = chosen.chosen.clone().expect("kept");
    assert_eq!(kept.kept, link);
    assert_eq!(kept.over, Some(config::site_mark(Some(&site))));

    // Dropping it returns to the site's own.
    let dropped = chosen.reduce(SetupAction::ChosenDropped);
    assert_eq!(dropped.source, Source::File);
    assert_eq!(dropped.chosen, None);
    assert_eq!(dropped.config.organisation(), Some("Harbour Trust"));
}

#[test]
fn a_kept_configuration_is_used_while_the_site_file_is_the_one_it_was_chosen_over() {
    let site = branded("Harbour Trust");
    let setup = after(
        Setup::new(None, Some(kept(&branded("Kept"), Some(&site))), false),
        [SetupAction::FileLoaded(Some(site))],
    );
    assert!(setup.ready);
    assert_eq!(setup.offered, None);
    assert_eq!(setup.source, Source::Chosen);
    assert_eq!(setup.config.organisation(), Some("Kept"));
}

#[test]
fn a_kept_configuration_never_hides_a_change_to_the_site_file() {
    let before = branded("Harbour Trust");
    let after_change = branded("Harbour Trust, renamed");
    for stored in [
        kept(&branded("Kept"), Some(&before)),
        // Kept by a Tandem that did not mark it: offered once again too.
        branded("Kept"),
    ] {
        let setup = after(
            Setup::new(None, Some(stored), false),
            [SetupAction::FileLoaded(Some(after_change.clone()))],
        );
        assert_eq!(setup.config.organisation(), Some("Harbour Trust, renamed"));
        assert_eq!(setup.source, Source::File);
        let offer = setup.offered.as_ref().expect("offered again");
        assert!(offer.earlier);
        // Declined: forgotten, so it is not offered on every visit.
        let declined = setup.reduce(SetupAction::OfferDeclined);
        assert_eq!(declined.chosen, None);
        assert_eq!(declined.source, Source::File);
    }
}

#[test]
fn a_site_can_refuse_links() {
    let site = json!({"organisation": "Harbour Trust", "links": "refuse"}).to_string();
    let setup = after(
        Setup::new(Some(&config::link_fragment(&branded("Other"))), None, false),
        [SetupAction::FileLoaded(Some(site))],
    );
    assert_eq!(setup.offered, None);
    assert_eq!(setup.config.organisation(), Some("Harbour Trust"));
    assert_eq!(setup.refused.as_ref().unwrap().origin, Origin::Link);
    assert_eq!(
        problems(&setup),
        ["link: this site does not take configurations from links; ask whoever runs it for the address of the configuration you need"]
    );
    // A file the person imports is theirs to choose.
    let setup = setup.reduce(SetupAction::Imported("own.json".into(), Ok(branded("Own"))));
    assert_eq!(setup.config.organisation(), Some("Own"));
}

#[test]
fn a_site_can_let_links_change_only_some_parts() {
    let site = json!({"organisation": "Harbour Trust", "links": ["questions"]}).to_string();
    let questions = json!({"organisation": "Harbour Trust", "dimensions": ["communication", "mutual-recognition"]}).to_string();
    let setup = after(
        Setup::new(Some(&config::link_fragment(&questions)), None, false),
        [SetupAction::FileLoaded(Some(site.clone()))],
    );
    assert_eq!(setup.refused, None);
    assert_eq!(setup.offered.as_ref().unwrap().changes, [Part::Questions]);

    let rebranded =
        json!({"organisation": "Elsewhere", "dimensions": ["communication"]}).to_string();
    let setup = after(
        Setup::new(Some(&config::link_fragment(&rebranded)), None, false),
        [SetupAction::FileLoaded(Some(site))],
    );
    assert_eq!(setup.offered, None);
    assert_eq!(
        problems(&setup),
        ["branding: this site lets a link change only questions"]
    );
}

#[test]
fn no_link_or_import_goes_below_the_site_floor() {
    let site = json!({"anonymity_floor": 4}).to_string();
    let low = json!({"anonymity_threshold": 3}).to_string();
    let setup = after(
        Setup::new(Some(&config::link_fragment(&low)), None, false),
        [SetupAction::FileLoaded(Some(site))],
    );
    // The site's own threshold rises to its floor.
    assert_eq!(setup.config.anonymity_threshold(), 4);
    assert_eq!(setup.offered, None);
    let refused = ["anonymity_threshold: is 3, below this site's smallest of 4: groups this small could be recognised"];
    assert_eq!(problems(&setup), refused);
    let setup = setup.reduce(SetupAction::Imported("low.json".into(), Ok(low)));
    assert_eq!(problems(&setup), refused);
    assert_eq!(setup.config.anonymity_threshold(), 4);
    assert_eq!(setup.config.threshold_floor(), 4);
}

#[test]
fn only_the_site_file_sets_what_others_may_do() {
    let link = json!({"organisation": "X", "links": "ask", "anonymity_floor": 2}).to_string();
    let setup = after(
        Setup::new(Some(&config::link_fragment(&link)), None, false),
        [SetupAction::FileLoaded(None)],
    );
    assert_eq!(setup.offered, None);
    assert_eq!(
        problems(&setup),
        [
            "links: can be set only in the tandem.config.json beside the app, by whoever hosts it",
            "anonymity_floor: can be set only in the tandem.config.json beside the app, by whoever hosts it",
        ]
    );
}

#[test]
fn a_page_that_embeds_tandem_cannot_configure_it_through_its_address() {
    let fragment = config::link_fragment(&branded("Framed"));
    let setup = after(
        Setup::new(Some(&fragment), None, true),
        [
            SetupAction::FileLoaded(None),
            SetupAction::LinkOpened(fragment.clone()),
        ],
    );
    assert_eq!(setup.offered, None);
    assert_eq!(setup.config.organisation(), None);
    assert_eq!(setup.refused.as_ref().unwrap().origin, Origin::Embedded);
}

#[test]
fn a_damaged_link_changes_nothing_but_the_message() {
    let setup = after(
        Setup::new(
            Some("config=e30*"),
            Some(kept(&branded("Kept"), None)),
            false,
        ),
        [SetupAction::FileLoaded(None)],
    );
    assert_eq!(setup.config.organisation(), Some("Kept"));
    assert_eq!(
        problems(&setup),
        ["link: is damaged at character 4 of the configuration (only letters, digits, - and _ belong there); copy the whole link again"]
    );
}

#[test]
fn an_imported_file_is_used_or_refused_by_name() {
    let setup = after(
        Setup::new(None, None, false),
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
    assert_eq!(
        setup.refused.as_ref().unwrap().origin,
        Origin::Imported("broken.json".into())
    );
    assert_eq!(
        problems(&setup),
        ["logo: must not be an SVG image, which can carry script; use PNG, JPEG or WebP"]
    );

    let setup = setup.reduce(SetupAction::ChosenDropped);
    assert_eq!(setup.source, Source::Standard);
    assert_eq!(setup.config.organisation(), None);
}

#[test]
fn a_site_whose_own_file_cannot_be_read_takes_no_link() {
    let link = config::link_fragment(&branded("Other"));
    for answer in [
        SetupAction::FileFailed(Why::new(Key::PROBLEM_FETCH_STATUS).text("status", "500")),
        SetupAction::FileLoaded(Some(json!({"links": "sometimes"}).to_string())),
    ] {
        let setup = after(Setup::new(Some(&link), None, false), [answer]);
        assert_eq!(setup.offered, None);
        assert_eq!(setup.config.organisation(), None);
        let setup = setup.reduce(SetupAction::LinkOpened(link.clone()));
        assert_eq!(setup.offered, None);
        assert!(
            problems(&setup)[0].contains("could not be read, so Tandem cannot tell whether it takes configurations from links"),
            "{:?}",
            problems(&setup)
        );
    }
}

#[test]
fn a_link_changes_only_what_it_says_over_the_site_configuration() {
    let site = json!({
        "organisation": "Harbour Trust",
        "dimensions": ["communication", "mutual-recognition"],
        "anonymity_threshold": 4,
        "links": ["branding"],
    })
    .to_string();
    let setup = after(
        Setup::new(
            Some(&config::link_fragment(
                &json!({"title": "Spring check"}).to_string(),
            )),
            None,
            false,
        ),
        [SetupAction::FileLoaded(Some(site))],
    );
    assert_eq!(setup.refused, None);
    let offer = setup.offered.as_ref().expect("offered");
    assert_eq!(offer.changes, [Part::Branding]);
    assert_eq!(offer.config.title(), "Spring check");
    assert_eq!(offer.config.organisation(), Some("Harbour Trust"));
    assert_eq!(offer.config.anonymity_threshold(), 4);
    assert_eq!(offer.config.bank().dimensions().len(), 2);
}

#[test]
fn a_kept_configuration_the_site_no_longer_allows_is_forgotten() {
    let site = json!({"organisation": "Harbour Trust"}).to_string();
    let refusing = json!({"organisation": "Harbour Trust", "links": "refuse"}).to_string();
    let setup = after(
        Setup::new(None, Some(kept(&branded("Kept"), Some(&site))), false),
        [SetupAction::FileLoaded(Some(refusing))],
    );
    assert_eq!(setup.config.organisation(), Some("Harbour Trust"));
    assert_eq!(setup.chosen, None);
    assert_eq!(setup.refused.as_ref().unwrap().origin, Origin::Kept);
}
