//! The landing page: what Tandem is (or the consultant's own introduction),
//! how long it takes, the privacy promise, the choice between the quick and
//! the full assessment, and for consultants a configuration to import or
//! build.

use crate::app::components::{contact_link, read_chosen};
use crate::app::route::Screen;
use crate::app::setup::Source;
use crate::assessment::config::MAX_CONFIG_BYTES;
use crate::assessment::{Bank, Config, Mode};
use crate::files;
use std::rc::Rc;
use yew::prelude::*;

/// Seconds a respondent typically needs per statement; used for the time
/// estimate on the landing page.
const SECONDS_PER_STATEMENT: usize = 20;

#[derive(Properties, PartialEq)]
pub struct LandingProps {
    pub bank: Rc<Bank>,
    /// Whether this browser keeps progress; in a frame on another site it
    /// may not, and a notice above says so.
    pub keeps_progress: bool,
    /// Embedded in another page: what that page learns, said with the
    /// privacy promise rather than promising that nothing is sent.
    pub host_learns: Option<&'static str>,
    pub config: Rc<Config>,
    /// Where the configuration came from.
    pub source: Source,
    /// This browser keeps answers to other questions than these.
    pub kept_elsewhere: bool,
    pub on_start: Callback<Mode>,
    /// Chose a configuration file: its name, and its text or why it could
    /// not be read.
    pub on_config_imported: Callback<(String, Result<String, String>)>,
    /// Chose to go back to the site's own configuration.
    pub on_chosen_dropped: Callback<()>,
}

#[component]
pub fn Landing(
    LandingProps {
        bank,
        keeps_progress,
        host_learns,
        config,
        source,
        kept_elsewhere,
        on_start,
        on_config_imported,
        on_chosen_dropped,
    }: &LandingProps,
) -> Html {
    let choice = |mode: Mode, blurb: String| {
        let statements = bank.statement_count(mode);
        let dimensions = bank.dimensions_in(mode).count();
        let minutes = (statements * SECONDS_PER_STATEMENT).div_ceil(60);
        let on_click = on_start.reform(move |_| mode);
        html! {
            <li class="landing__choice">
                <h2>{ mode.label() }</h2>
                <p class="landing__facts">
                    { format!("{statements} statements on {dimensions} dimensions, about {minutes} minutes.") }
                </p>
                <p>{ blurb }</p>
                <button type="button" class="button button--primary" onclick={on_click}>
                    { mode.start_label() }
                </button>
            </li>
        }
    };
    let names = |mode: Mode| -> String {
        let names: Vec<&str> = bank.dimensions_in(mode).map(|d| d.name.as_str()).collect();
        names.join(", ")
    };
    let full = if bank.fingerprint() == Bank::standard().fingerprint() {
        "All eight dimensions, adding planning, structure and budgets, leadership, and integration."
            .to_owned()
    } else {
        format!("Every dimension: {}.", names(Mode::Full))
    };
    // A quick assessment that asks everything is the only choice needed.
    let both = bank.statement_count(Mode::Quick) < bank.statement_count(Mode::Full);

    let on_config_file = {
        let on_config_imported = on_config_imported.clone();
        read_chosen(move |file| {
            let on_config_imported = on_config_imported.clone();
            async move {
                let text = files::read_config(&file, MAX_CONFIG_BYTES).await;
                on_config_imported.emit((file.name(), text));
            }
        })
    };

    html! {
        <section class="landing">
            <h1 tabindex="-1">{ config.title() }</h1>
            if *source == Source::Chosen {
                <div class="landing__config" role="status">
                    <p>
                        { match config.organisation() {
                            Some(name) => format!("Tandem is using a configuration you chose from a link or a file, for \u{201c}{name}\u{201d}, not this site's own."),
                            None => "Tandem is using a configuration you chose from a link or a file, not this site's own.".to_owned(),
                        } }
                    </p>
                    <button type="button" class="button" onclick={on_chosen_dropped.reform(|_| ())}>
                        { "Use this site's own configuration" }
                    </button>
                </div>
            } else if *source == Source::File {
                <p class="landing__config">
                    { match config.organisation() {
                        Some(name) => format!("This site runs Tandem with its own configuration, for \u{201c}{name}\u{201d}."),
                        None => "This site runs Tandem with its own configuration.".to_owned(),
                    } }
                </p>
            }
            if config.intro().is_empty() {
                <p class="landing__lead">
                    { "How well do your HR and Learning & Development functions work together? \
                       Rate a series of plain statements about everyday practice and get a scored \
                       picture of the partnership: where it stands on each dimension, its strengths, \
                       the priorities, and what the next level looks like." }
                </p>
            } else {
                <div class="landing__intro">
                    for paragraph in config.intro().iter() {
                        <p>{ paragraph }</p>
                    }
                </div>
            }
            if let Some(contact) = config.contact() {
                { contact_link(contact) }
            }
            <p class="landing__privacy">
                <strong>{ "Your answers stay in this browser." }</strong>
                { " Tandem scores them on this device." }
                if let Some(host_learns) = host_learns {
                    { " Your answers are never sent anywhere: there is no account, no server and \
                       no tracking. " }
                    { *host_learns }
                } else {
                    { " Nothing is sent anywhere: there is no account, no server and no tracking." }
                }
                if *keeps_progress {
                    { " Your progress is saved on this device so you can stop and come back." }
                }
            </p>
            if *kept_elsewhere {
                <p class="landing__kept" role="status">
                    { "Answers you gave to another set of questions are kept on this device, untouched. \
                       They come back when Tandem is opened with those questions again." }
                </p>
            }
            <ul class="landing__choices">
                { choice(Mode::Quick, format!("The core of the partnership: {}.", names(Mode::Quick))) }
                if both {
                    { choice(Mode::Full, full) }
                }
            </ul>
            <section class="landing__workshop" aria-labelledby="workshop-heading">
                <h2 id="workshop-heading">{ "Running a workshop?" }</h2>
                <p>{ "Each participant answers on their own device and hands you a result code, link or QR code. Gather them on this device to see where the team stands, where it disagrees, and how HR and L&D see it differently. Nothing goes through a server." }</p>
                <a class="button" href={Screen::Workshop.href()}>{ "Open the facilitator's workshop" }</a>
            </section>
            // A client's respondents see the client, not the consultant's
            // tools, unless the configuration keeps them.
            if *source == Source::Standard || config.shows_consultant_tools() {
            <section class="landing__setup" aria-labelledby="setup-heading">
                <h2 id="setup-heading">{ "Running Tandem for a client?" }</h2>
                <p>{ "Put Tandem under your client's name, colours and words, and ask your own questions, with a configuration file. It is read on this device only." }</p>
                <p class="landing__import">
                    <label for="config-file">{ "Use a configuration file (.json)" }</label>
                    <input id="config-file" type="file" accept=".json,application/json" onchange={on_config_file} />
                </p>
                <a class="button" href={Screen::Builder.href()}>{ "Build a configuration" }</a>
            </section>
            }
        </section>
    }
}
