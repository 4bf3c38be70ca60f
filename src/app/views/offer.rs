//! A configuration from a link, shown before it is used: who it names, its
//! contact link, what it changes against this site's own configuration and
//! where it came from. The person chooses to use it or not; until then
//! Tandem runs nothing under it.

use crate::app::components::use_words;
use crate::app::setup::Offer;
use crate::assessment::config::{Config, HostMessages, Part};
use crate::assessment::language::{Key, Words};
use crate::assessment::{Bank, Mode};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OfferProps {
    pub offer: Offer,
    /// The site's own configuration, which stays in use if the person says no.
    pub site: std::rc::Rc<Config>,
    /// Chose to use the offered configuration.
    pub on_accepted: Callback<()>,
    /// Chose to keep the site's own.
    pub on_declined: Callback<()>,
}

#[component]
pub fn ConfigOffer(
    OfferProps {
        offer,
        site,
        on_accepted,
        on_declined,
    }: &OfferProps,
) -> Html {
    // The person is asked before anything else: keyboard and screen-reader
    // users start at the question (an offer never shows inside a frame).
    use_effect_with((), |()| crate::page::focus("#offer-heading"));
    let words = use_words();
    let config = &offer.config;
    let named = match config.organisation() {
        Some(name) => words.fill(
            Key::OFFER_NAMED,
            &[("name", name), ("title", config.title_in(words.language()))],
        ),
        None => words.fill(
            Key::OFFER_UNNAMED,
            &[("title", config.title_in(words.language()))],
        ),
    };
    let contact = match config.contact() {
        Some(link) => words.fill(Key::OFFER_CONTACT, &[("link", link.as_str())]),
        None => words.get(Key::OFFER_CONTACT_NONE).to_owned(),
    };
    let from = words.get(if offer.earlier {
        Key::OFFER_FROM_EARLIER
    } else {
        Key::OFFER_FROM_LINK
    });
    let otherwise = match site.organisation() {
        Some(name) => words.fill(Key::OFFER_ELSE_NAMED, &[("name", name)]),
        None => words.get(Key::OFFER_ELSE).to_owned(),
    };
    html! {
        <section class="offer" aria-labelledby="offer-heading">
            <h1 id="offer-heading" tabindex="-1">{ words.get(Key::OFFER_HEADING) }</h1>
            <p>{ from }</p>
            <p>{ named }</p>
            <p>{ contact }</p>
            <h2>{ words.get(Key::OFFER_CHANGES) }</h2>
            if offer.changes.is_empty() {
                <p>{ words.get(Key::OFFER_CHANGES_NONE) }</p>
            } else {
                <ul class="offer__changes">
                    for part in offer.changes.iter() {
                        <li>{ change(&words, *part, config, site) }</li>
                    }
                </ul>
            }
            <p>{ otherwise }</p>
            <p class="nav-buttons">
                <button type="button" class="button button--primary" onclick={on_accepted.reform(|_| ())}>
                    { words.get(Key::OFFER_USE) }
                </button>
                <button type="button" class="button" onclick={on_declined.reform(|_| ())}>
                    { words.get(Key::OFFER_KEEP) }
                </button>
            </p>
        </section>
    }
}

/// One change, in words, against the site's own configuration.
fn change(words: &Words, part: Part, config: &Config, site: &Config) -> String {
    match part {
        Part::Branding => words.fill(
            Key::OFFER_CHANGE_BRANDING,
            &[("name", config.organisation().unwrap_or(config.title()))],
        ),
        Part::Questions => words.fill(
            Key::OFFER_CHANGE_QUESTIONS,
            &[("questions", &questions(words, config.bank()))],
        ),
        Part::Threshold => words.fill(
            Key::OFFER_CHANGE_THRESHOLD,
            &[
                (
                    "threshold",
                    &words.number(config.anonymity_threshold() as f64),
                ),
                ("site", &words.number(site.anonymity_threshold() as f64)),
            ],
        ),
        Part::HostMessages => words
            .get(match config.host_messages() {
                HostMessages::Level => Key::OFFER_CHANGE_HOST_LEVEL,
                HostMessages::LevelAndScores => Key::OFFER_CHANGE_HOST_SCORES,
            })
            .to_owned(),
    }
}

/// The questions a bank asks, in a few words.
fn questions(words: &Words, bank: &Bank) -> String {
    let dimensions = words.number(bank.dimensions().len() as f64);
    if bank.ships_with_tandem() {
        let names: Vec<&str> = bank.dimensions().iter().map(|d| d.name.as_str()).collect();
        words.fill(
            Key::OFFER_QUESTIONS_STANDARD,
            &[
                ("dimensions", &dimensions),
                (
                    "all",
                    &words.number(Bank::standard().dimensions().len() as f64),
                ),
                ("names", &names.join(words.get(Key::LIST_COMMA))),
            ],
        )
    } else {
        words.fill(
            Key::OFFER_QUESTIONS_OWN,
            &[
                ("title", bank.title()),
                ("dimensions", &dimensions),
                (
                    "statements",
                    &words.number(bank.statement_count(Mode::Full) as f64),
                ),
            ],
        )
    }
}
