//! The Yew application: the root component, its state and its screens.
//!
//! - [`route`]: the address's fragment, read once into what it asks for;
//! - [`setup`]: which consultant's configuration the app runs under, and
//!   where it came from;
//! - [`state`]: the questionnaire's reducer;
//! - [`workshop_state`]: the workshop's reducer;
//! - `tandem`: the app under one configuration, which owns the
//!   questionnaire's state and its browser effects;
//! - `saved_workshop`: the workshop's state as this device keeps it (loaded
//!   when the screen opens, saved after every change);
//! - `views`: one component per screen (landing, about you, a section of
//!   statements, results, workshop, configuration builder, an offered
//!   configuration), which only show what they are given and report events
//!   through `on_<event>` callbacks;
//! - `components`: pieces the screens share (progress bar, statement, radar
//!   chart, restart control, notices, the brand in the header).
//!
//! The root, [`App`], reads the route and listens for its changes (the only
//! `hashchange` listener), settles the configuration first (a link's
//! `#config=…`, one kept from an earlier visit, or `tandem.config.json`
//! beside the app) and applies its colours; `Tandem` then runs the
//! questionnaire and the workshop under it, and is started afresh whenever
//! the questions change, so that it reads the answers kept for those
//! questions.

mod components;
mod language;
pub mod route;
mod saved_workshop;
pub mod setup;
pub mod state;
mod tandem;
mod views;
pub mod workshop_state;

use crate::assessment::language::{Key, Words};
use crate::assessment::saved::KeptConfig;
use crate::assessment::Config;
use crate::embed::Embedding;
use crate::{hosting, page, storage};
use route::{Route, Screen};
use setup::{Offer, Setup, SetupAction};
use std::rc::Rc;
use tandem::Tandem;
use views::ConfigOffer;

use yew::prelude::*;

/// The whole app: settles the configuration, then runs Tandem under it.
#[component]
pub fn App() -> Html {
    // The address, read on arrival and whenever its fragment changes: the
    // only place it is read (see `route`).
    let route = use_state_eq(|| Route::parse(&page::fragment()));
    // Embed mode and the frame around Tandem, read once.
    let embedding = use_memo((), |()| Embedding::detect());
    let setup = {
        let (route, embedding) = (route.clone(), Rc::clone(&embedding));
        use_reducer(move || {
            let link = match &*route {
                Route::ConfigLink(link) => Some(link.as_str()),
                _ => None,
            };
            Setup::new(
                link,
                storage::load_config(),
                embedding.is_on() || page::is_framed(),
            )
        })
    };
    let on_setup: Callback<SetupAction> = setup.dispatcher().into();
    // Where a screen sends the person: the address follows, without a
    // `hashchange` of its own for the assessment (a shared result or a
    // configuration link is taken out of the address, so that a reload
    // shows the person's own work).
    let on_navigate = {
        let route = route.clone();
        Callback::from(move |to: Screen| {
            match to {
                Screen::Assessment => page::clear_fragment(),
                other => page::go_to(other.fragment()),
            }
            route.set(Route::from(to));
        })
    };

    // Once, on arrival: ask for tandem.config.json, and stop a link's
    // configuration from being applied again on reload (it is kept in
    // storage instead); afterwards, follow the fragment as it changes, and
    // offer a configuration link opened in this tab.
    {
        let (on_setup, on_navigate, route) = (on_setup.clone(), on_navigate.clone(), route.clone());
        use_effect_with((), move |()| {
            if let Route::ConfigLink(_) = *route {
                on_navigate.emit(Screen::Assessment);
            }
            let printing = page::open_disclosures_when_printing();
            let fetched = on_setup.clone();
            wasm_bindgen_futures::spawn_local(async move {
                fetched.emit(match hosting::config_file().await {
                    Ok(text) => SetupAction::FileLoaded(text),
                    Err(reason) => SetupAction::FileFailed(reason),
                });
            });
            let listener = web_sys::window().map(|window| {
                gloo_events::EventListener::new(&window, "hashchange", move |_| match Route::parse(
                    &page::fragment(),
                ) {
                    Route::ConfigLink(link) => {
                        on_navigate.emit(Screen::Assessment);
                        on_setup.emit(SetupAction::LinkOpened(link));
                    }
                    other => route.set(other),
                })
            });
            move || drop((listener, printing))
        });
    }

    // A configuration from a link or an import is kept for the next visit,
    // and forgotten when the person stops using it (never on arrival, when a
    // kept configuration that could not be read is left as it is).
    {
        let first = use_mut_ref(|| true);
        use_effect_with(setup.chosen.clone(), move |chosen| {
            let first = std::mem::replace(&mut *first.borrow_mut(), false);
            // A failure only costs the next visit its configuration.
            let _ = match chosen {
                Some(kept)
                    if storage::load_config().map(|text| KeptConfig::decode(&text))
                        != Some(kept.clone()) =>
                {
                    storage::save_config(&kept.encode())
                }
                None if !first => storage::forget_config(),
                _ => Ok(()),
            };
        });
    }

    // The language: settled once the configuration is, which may name one,
    // so that the first screen is already in it.
    let (reading, on_language) = language::use_language(setup.ready, setup.config.language());
    let words = &reading.words;

    // The brand's colours, as custom properties on the root element.
    use_effect_with(setup.config.colours().clone(), |colours| {
        page::set_colours(colours);
    });

    if !setup.ready || !reading.settled {
        return html! {
            <div class="app">
                <main class="app-main"><p role="status">{ words.get(Key::APP_OPENING) }</p></main>
            </div>
        };
    }
    let failed = reading.failed.clone().map(|(language, reason)| {
        html! {
            <p class="language-failed" role="status">
                { words.fill(Key::LANGUAGE_FAILED, &[("language", language.name()), ("reason", &reason)]) }
            </p>
        }
    });
    // An offer is shown over Tandem, which stays as it was underneath (a
    // questionnaire whose answers cannot be saved loses nothing to it).
    let offer = setup
        .offered
        .as_ref()
        .map(|offer| offer_screen(offer, setup.site(), &on_setup));
    html! {
        <ContextProvider<Words> context={words.clone()}>
        { offer.unwrap_or_default() }
        { failed.unwrap_or_default() }
        <Tandem
            hidden={setup.offered.is_some()}
            key={setup.config.bank().fingerprint().to_string()}
            config={Rc::clone(&setup.config)}
            source={setup.source}
            floor={setup.site().threshold_floor()}
            join_fragment={setup.join_fragment()}
            refused={setup.refused.clone()}
            route={(*route).clone()}
            {embedding}
            {on_navigate}
            {on_setup}
            {on_language}
        />
        </ContextProvider<Words>>
    }
}

/// A configuration from a link, offered before it is used; out of line, so
/// that the first screen, which shows none, does not carry it
/// (tools/wasm-split moves whole functions).
#[inline(never)]
fn offer_screen(offer: &Offer, site: Rc<Config>, on_setup: &Callback<SetupAction>) -> Html {
    html! {
        <div class="app">
            <main class="app-main">
                <ConfigOffer
                    offer={offer.clone()}
                    {site}
                    on_accepted={on_setup.reform(|()| SetupAction::OfferAccepted)}
                    on_declined={on_setup.reform(|()| SetupAction::OfferDeclined)}
                />
            </main>
        </div>
    }
}
