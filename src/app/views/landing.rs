//! The landing page: what Tandem is (or the consultant's own introduction),
//! how long it takes, the privacy promise, the choice between the quick and
//! the full assessment, and for consultants a configuration to import or
//! build.

use crate::app::components::{contact_link, read_chosen, use_words};
use crate::app::route::Screen;
use crate::app::setup::Source;
use crate::assessment::config::MAX_CONFIG_BYTES;
use crate::assessment::language::Key;
use crate::assessment::untrusted::Why;
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
    pub host_learns: Option<Key>,
    pub config: Rc<Config>,
    /// Where the configuration came from.
    pub source: Source,
    /// This browser keeps answers to other questions than these.
    pub kept_elsewhere: bool,
    pub on_start: Callback<Mode>,
    /// Chose a configuration file: its name, and its text or why it could
    /// not be read.
    pub on_config_imported: Callback<(String, Result<String, Why>)>,
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
    let words = use_words();
    let choice = |mode: Mode, blurb: String| {
        let statements = bank.statement_count(mode);
        let dimensions = bank.dimensions_in(mode).count();
        let minutes = (statements * SECONDS_PER_STATEMENT).div_ceil(60);
        let on_click = on_start.reform(move |_| mode);
        html! {
            <li class="landing__choice">
                <h2>{ words.get(mode.key()) }</h2>
                <p class="landing__facts">
                    { words.fill(Key::LANDING_FACTS, &[
                        ("statements", &words.number(statements as f64)),
                        ("dimensions", &words.number(dimensions as f64)),
                        ("minutes", &words.number(minutes as f64)),
                    ]) }
                </p>
                <p>{ blurb }</p>
                <button type="button" class="button button--primary" onclick={on_click}>
                    { words.get(mode.start_key()) }
                </button>
            </li>
        }
    };
    let names = |mode: Mode| -> String {
        let names: Vec<&str> = bank.dimensions_in(mode).map(|d| d.name.as_str()).collect();
        names.join(", ")
    };
    let full = if bank.fingerprint() == Bank::standard().fingerprint() {
        words.get(Key::LANDING_FULL_STANDARD).to_owned()
    } else {
        words.fill(Key::LANDING_FULL, &[("names", &names(Mode::Full))])
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
            <h1 tabindex="-1">{ config.title_over(bank, words.language()) }</h1>
            if *source == Source::Chosen {
                <div class="landing__config" role="status">
                    <p>
                        { match config.organisation() {
                            Some(name) => words.fill(Key::LANDING_CHOSEN_NAMED, &[("name", name)]),
                            None => words.get(Key::LANDING_CHOSEN).to_owned(),
                        } }
                    </p>
                    <button type="button" class="button" onclick={on_chosen_dropped.reform(|_| ())}>
                        { words.get(Key::LANDING_CHOSEN_DROP) }
                    </button>
                </div>
            } else if *source == Source::File {
                <p class="landing__config">
                    { match config.organisation() {
                        Some(name) => words.fill(Key::LANDING_SITE_NAMED, &[("name", name)]),
                        None => words.get(Key::LANDING_SITE).to_owned(),
                    } }
                </p>
            }
            if config.intro_in(words.language()).is_empty() {
                <p class="landing__lead">
                    { words.get(Key::LANDING_LEAD) }
                </p>
            } else {
                <div class="landing__intro">
                    for paragraph in config.intro_in(words.language()).iter() {
                        <p>{ paragraph }</p>
                    }
                </div>
            }
            if let Some(contact) = config.contact() {
                { contact_link(contact, &words) }
            }
            <p class="landing__privacy">
                <strong>{ words.get(Key::LANDING_PRIVACY) }</strong>
                { " " }{ words.get(Key::LANDING_PRIVACY_DEVICE) }
                if let Some(host_learns) = host_learns {
                    { " " }{ words.get(Key::LANDING_PRIVACY_EMBEDDED) }{ " " }
                    { words.get(*host_learns) }
                } else {
                    { " " }{ words.get(Key::LANDING_PRIVACY_NOTHING_SENT) }
                }
                if *keeps_progress {
                    { " " }{ words.get(Key::LANDING_PRIVACY_KEPT) }
                }
            </p>
            if *kept_elsewhere {
                <p class="landing__kept" role="status">
                    { words.get(Key::LANDING_KEPT_ELSEWHERE) }
                </p>
            }
            <ul class="landing__choices">
                { choice(Mode::Quick, words.fill(Key::LANDING_QUICK, &[("names", &names(Mode::Quick))])) }
                if both {
                    { choice(Mode::Full, full) }
                }
            </ul>
            <section class="landing__workshop" aria-labelledby="workshop-heading">
                <h2 id="workshop-heading">{ words.get(Key::LANDING_WORKSHOP_HEADING) }</h2>
                <p>{ words.get(Key::LANDING_WORKSHOP_TEXT) }</p>
                <a class="button" href={Screen::Workshop.href()}>{ words.get(Key::LANDING_WORKSHOP_OPEN) }</a>
            </section>
            // A client's respondents see the client, not the consultant's
            // tools, unless the configuration keeps them.
            if *source == Source::Standard || config.shows_consultant_tools() {
            <section class="landing__setup" aria-labelledby="setup-heading">
                <h2 id="setup-heading">{ words.get(Key::LANDING_SETUP_HEADING) }</h2>
                <p>{ words.get(Key::LANDING_SETUP_TEXT) }</p>
                <p class="landing__import">
                    <label for="config-file">{ words.get(Key::LANDING_SETUP_FILE) }</label>
                    <input id="config-file" type="file" accept=".json,application/json" onchange={on_config_file} />
                </p>
                <a class="button" href={Screen::Builder.href()}>{ words.get(Key::LANDING_SETUP_BUILD) }</a>
            </section>
            }
        </section>
    }
}
