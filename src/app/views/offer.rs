//! A configuration from a link, shown before it is used: who it names, its
//! contact link, what it changes against this site's own configuration and
//! where it came from. The person chooses to use it or not; until then
//! Tandem runs nothing under it.

use crate::app::setup::Offer;
use crate::assessment::config::{Config, HostMessages, Part};
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
    let config = &offer.config;
    let named = match config.organisation() {
        Some(name) => format!(
            "It names the organisation \u{201c}{name}\u{201d}, with the title \u{201c}{}\u{201d}.",
            config.title()
        ),
        None => format!(
            "It names no organisation; its title is \u{201c}{}\u{201d}.",
            config.title()
        ),
    };
    let contact = match config.contact() {
        Some(link) => format!("Its contact link goes to {}.", link.as_str()),
        None => "It has no contact link.".to_owned(),
    };
    let from = if offer.earlier {
        "You chose this configuration on an earlier visit, from a link or a file. This site's own \
         configuration has changed since, so Tandem asks again before using it."
    } else {
        "The address you opened carries a configuration (the part after #config=). Anyone can \
         make such a link, so Tandem shows what it would change before using it."
    };
    let site_name = site.organisation().map_or_else(
        || "Tandem as shipped".to_owned(),
        |name| format!("this site's configuration for \u{201c}{name}\u{201d}"),
    );
    html! {
        <section class="offer" aria-labelledby="offer-heading">
            <h1 id="offer-heading" tabindex="-1">{ "Use this configuration?" }</h1>
            <p>{ from }</p>
            <p>{ named }</p>
            <p>{ contact }</p>
            <h2>{ "What it changes" }</h2>
            if offer.changes.is_empty() {
                <p>{ "Nothing you would see: it is the same as this site's own." }</p>
            } else {
                <ul class="offer__changes">
                    for part in offer.changes.iter() {
                        <li>{ change(*part, config, site) }</li>
                    }
                </ul>
            }
            <p>{ format!("If you do not use it, Tandem goes on with {site_name}.") }</p>
            <p class="nav-buttons">
                <button type="button" class="button button--primary" onclick={on_accepted.reform(|_| ())}>
                    { "Use this configuration" }
                </button>
                <button type="button" class="button" onclick={on_declined.reform(|_| ())}>
                    { "Keep this site's configuration" }
                </button>
            </p>
        </section>
    }
}

/// One change, in words, against the site's own configuration.
fn change(part: Part, config: &Config, site: &Config) -> String {
    match part {
        Part::Branding => format!(
            "Branding: the name, logo, colours, words and contact link shown (as \u{201c}{}\u{201d}).",
            config.organisation().unwrap_or(config.title())
        ),
        Part::Questions => format!("The questions: {}.", questions(config.bank())),
        Part::Threshold => format!(
            "The workshop's anonymity threshold: groups of fewer than {} are hidden (this site's is {}).",
            config.anonymity_threshold(),
            site.anonymity_threshold()
        ),
        Part::HostMessages => format!(
            "What a page that embeds Tandem is told when someone finishes: {}.",
            match config.host_messages() {
                HostMessages::Level => "the overall level only",
                HostMessages::LevelAndScores => "the overall level and every dimension's score",
            }
        ),
    }
}

/// The questions a bank asks, in a few words.
fn questions(bank: &Bank) -> String {
    let dimensions = bank.dimensions().len();
    let statements = bank.statement_count(Mode::Full);
    let standard = Bank::standard();
    if bank.ships_with_tandem() {
        let names: Vec<&str> = bank.dimensions().iter().map(|d| d.name.as_str()).collect();
        format!(
            "{dimensions} of the standard {} dimensions ({})",
            standard.dimensions().len(),
            names.join(", ")
        )
    } else {
        format!(
            "its own question bank, \u{201c}{}\u{201d}: {dimensions} dimensions, {statements} statements",
            bank.title()
        )
    }
}
