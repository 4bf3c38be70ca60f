//! The Yew application: the root component, its state and its screens.
//!
//! - [`state`]: the questionnaire's reducer;
//! - [`setup`]: which consultant's configuration the app runs under, and
//!   where it came from;
//! - `views`: one component per screen (landing, about you, a section of
//!   statements, results, workshop, configuration builder);
//! - `components`: pieces the screens share (progress bar, statement, radar
//!   chart, restart control, notices, the brand in the header).
//!
//! The root, [`App`], settles the configuration first (a link's
//! `#config=…`, one kept from an earlier visit, or `tandem.config.json`
//! beside the app) and applies its colours; [`Tandem`] then runs the
//! questionnaire and the workshop under it, and is started afresh whenever
//! the questions change, so that it reads the answers kept for those
//! questions. [`Tandem`] owns the other browser effects: saving progress
//! after every change, moving focus to a new screen's heading, and opening a
//! result shared in the address's fragment (`#r=CODE`), and in embed mode
//! (`?embed`) the embed look and the messages to the host page.

mod components;
pub mod setup;
pub mod state;
mod views;
pub mod workshop_state;

use crate::assessment::config::{Config, Scheme};
use crate::assessment::saved::KeptConfig;
use crate::assessment::Colours;
use crate::assessment::{code, export, Bank, Stage};
use crate::embed::Embedding;
use crate::storage::SaveFailure;
use crate::{embed, files, hosting, page, recovery, storage};
use components::{brand, config_notice, Restart, SavingNotice};
use setup::{Setup, SetupAction, Source};
use state::{Action, Saving, State};
use std::rc::Rc;
use views::{About, Builder, ConfigOffer, Landing, Ownership, Results, Section, Workshop};

/// The configuration file a host may put beside `index.html`, fetched by this
/// relative URL.
pub const CONFIG_FILE: &str = "tandem.config.json";

/// The screens a person can link to, named by the address's fragment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Route {
    /// The questionnaire and its results (no fragment, or `#r=CODE` for a
    /// shared result shown over it).
    Assessment,
    /// The facilitator's workshop (`#workshop`).
    Workshop,
    /// The consultant's configuration builder (`#builder`).
    Builder,
}

impl Route {
    fn of(fragment: &str) -> Route {
        match fragment {
            "workshop" => Route::Workshop,
            "builder" => Route::Builder,
            _ => Route::Assessment,
        }
    }
}
use yew::prelude::*;

/// The state on opening the app: whatever this browser had saved.
fn restored(bank: Rc<Bank>) -> State {
    let (progress, saving) = match storage::load_progress(&bank) {
        storage::Loaded::Nothing => (None, Saving::On),
        storage::Loaded::Found(progress) => (Some(progress), Saving::On),
        storage::Loaded::Unreadable(reason) => (None, Saving::Held(reason.into())),
        storage::Loaded::Unavailable => (None, Saving::Unavailable),
    };
    State::new(bank, progress, saving)
}

/// The whole app: settles the configuration, then runs Tandem under it.
#[component]
pub fn App() -> Html {
    let setup = use_reducer(|| {
        Setup::new(
            &page::fragment(),
            storage::load_config(),
            Embedding::detect().is_on() || page::is_framed(),
        )
    });
    let on_setup: Callback<SetupAction> = setup.dispatcher().into();

    // Once, on arrival: ask for tandem.config.json, and stop a link's
    // configuration from being applied again on reload (it is kept in
    // storage instead); afterwards, apply a configuration link opened in
    // this tab.
    {
        let on_setup = on_setup.clone();
        use_effect_with((), move |()| {
            if page::fragment().starts_with(crate::assessment::config::LINK_PREFIX) {
                page::clear_fragment();
            }
            let fetched = on_setup.clone();
            wasm_bindgen_futures::spawn_local(async move {
                fetched.emit(match hosting::config_file().await {
                    Ok(text) => SetupAction::FileLoaded(text),
                    Err(reason) => SetupAction::FileFailed(reason),
                });
            });
            let listener = web_sys::window().map(|window| {
                gloo_events::EventListener::new(&window, "hashchange", move |_| {
                    let fragment = page::fragment();
                    if fragment.starts_with(crate::assessment::config::LINK_PREFIX) {
                        page::clear_fragment();
                        on_setup.emit(SetupAction::LinkOpened(fragment));
                    }
                })
            });
            move || drop(listener)
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

    // The brand's colours, as custom properties on the root element.
    use_effect_with(setup.config.colours().clone(), |colours| {
        let properties = colour_properties(colours);
        let scheme = colours.scheme().map(|scheme| match scheme {
            Scheme::Light => "light",
            Scheme::Dark => "dark",
        });
        page::set_colours(&properties, scheme);
    });

    if !setup.ready {
        return html! {
            <div class="app">
                <main class="app-main"><p role="status">{ "Opening Tandem…" }</p></main>
            </div>
        };
    }
    // An offer is shown over Tandem, which stays as it was underneath (a
    // questionnaire whose answers cannot be saved loses nothing to it).
    let offer = setup.offered.as_ref().map(|offer| {
        html! {
            <div class="app">
                <main class="app-main">
                    <ConfigOffer offer={offer.clone()} site={setup.site()} on_setup={on_setup.clone()} />
                </main>
            </div>
        }
    });
    html! {
        <>
        { offer.unwrap_or_default() }
        <Tandem
            hidden={setup.offered.is_some()}
            key={setup.config.bank().fingerprint().to_string()}
            config={Rc::clone(&setup.config)}
            source={setup.source}
            floor={setup.site().threshold_floor()}
            refused={setup.refused.clone()}
            {on_setup}
        />
        </>
    }
}

/// The CSS custom properties a configuration's colours set, each with its
/// value or `None` for Tandem's own.
pub(crate) fn colour_properties(colours: &Colours) -> Vec<(&'static str, Option<String>)> {
    colours
        .custom_properties()
        .iter()
        .map(|(property, colour)| (*property, colour.map(|c| c.to_string())))
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct TandemProps {
    /// The configuration in use.
    pub config: Rc<Config>,
    /// Where it came from.
    pub source: Source,
    /// The smallest anonymity threshold the site's own file lets a
    /// workshop choose.
    pub floor: usize,
    /// Kept out of sight (and out of reach) while a configuration is
    /// offered, without losing anything on it.
    pub hidden: bool,
    /// A configuration that could not be used, and why.
    pub refused: Option<setup::Refusal>,
    pub on_setup: Callback<SetupAction>,
}

/// Tandem under one configuration: the questionnaire, the workshop and the
/// builder.
#[component]
pub fn Tandem(
    TandemProps {
        config,
        source,
        floor,
        hidden,
        refused,
        on_setup,
    }: &TandemProps,
) -> Html {
    let state = use_reducer(|| restored(Rc::new(config.bank().clone())));
    // Answers to other questions stay in storage untouched; the person is
    // told they are there. Checked once, when these questions open.
    let kept_elsewhere = use_memo((), |()| {
        storage::progress_kept_for_other_questions(&state.bank)
    });
    let dispatch = state.dispatcher();
    let route = use_state_eq(|| Route::of(&page::fragment()));
    // A result link's code on its way to the workshop screen, which adds it
    // like a pasted code and says what happened.
    let arriving = use_state_eq(|| None::<AttrValue>);
    // Embed mode and the frame around Tandem, read once.
    let embedding = use_memo((), |()| Embedding::detect());
    // What a host page may learn, as the configuration says.
    let allowed = config.host_messages();

    // Save after every change. Loading happened before the first render, so
    // nothing is written before what was saved has been read; and while saved
    // data could not be read, nothing is written over it. What was just
    // loaded is not written back: a second tab opened on the
    // same assessment must not pass for the latest to save (see
    // `storage::save_progress`).
    {
        let dispatch = dispatch.clone();
        let bank = Rc::clone(&state.bank);
        let loaded = use_mut_ref(|| true);
        use_effect_with(
            (state.progress.clone(), state.may_save()),
            move |(progress, may_save)| {
                if std::mem::replace(&mut *loaded.borrow_mut(), false) {
                    return;
                }
                if *may_save {
                    let result = match progress {
                        Some(progress) => storage::save_progress(&bank, progress),
                        None => storage::forget_progress(&bank).map_err(SaveFailure::Refused),
                    };
                    dispatch.dispatch(match result {
                        Ok(()) => Action::Saved,
                        Err(SaveFailure::Conflict) => Action::SavingConflicted,
                        Err(SaveFailure::Refused(reason)) => Action::SavingFailed(reason.into()),
                    });
                }
            },
        );
    }

    // A new screen takes focus, so keyboard and screen-reader users start at
    // its heading; but not on the first render, which would scroll a host
    // page that embeds Tandem. Reaching the results from the questionnaire
    // completes the assessment, which a host page is told; a result reopened
    // later (after a reload, say) is not a new completion.
    {
        let previous = use_mut_ref(|| None);
        let screen = (
            *route,
            state.progress.as_ref().map(|p| p.stage),
            state.shared.is_some(),
        );
        let state = state.clone();
        let embedding = Rc::clone(&embedding);
        use_effect_with(screen, move |screen| {
            let Some(before) = previous.borrow_mut().replace(*screen) else {
                return;
            };
            page::focus_heading();
            let completed = matches!(
                (before, screen),
                (
                    (_, Some(Stage::Section(_)), false),
                    (Route::Assessment, Some(Stage::Results), false)
                )
            );
            if let (true, Some(progress)) = (completed, &state.progress) {
                embedding.tell_completed(&state.bank, &progress.report(&state.bank), allowed);
            }
        });
    }
    // The tab's title follows the screen and the configuration's names.
    use_effect_with(screen_title(*route, &state, config), |title| {
        page::set_title(title);
    });
    // A refused "Next" takes focus to the list of what is missing.
    use_effect_with(state.refusals, |refusals| {
        if *refusals > 0 {
            page::focus_error_summary();
        }
    });

    // The fragment picks the screen, and a link carrying a result opens it,
    // on arrival and whenever the fragment changes while the app is open.
    // Embed mode's look and, inside a frame, the content's height for the
    // host page whenever it changes, also from the start.
    {
        let dispatch = dispatch.clone();
        let route = route.clone();
        let embedding = Rc::clone(&embedding);
        use_effect_with((), move |()| {
            let reporter = embedding.start();
            let open = move || {
                let fragment = page::fragment();
                route.set(Route::of(&fragment));
                if fragment.starts_with("r=") {
                    dispatch.dispatch(Action::LinkOpened(format!("#{fragment}")));
                }
            };
            open();
            let listener = web_sys::window().map(|window| {
                gloo_events::EventListener::new(&window, "hashchange", move |_| open())
            });
            move || {
                drop(listener);
                drop(reporter);
            }
        });
    }

    let on_action: Callback<Action> = {
        let dispatch = dispatch.clone();
        Callback::from(move |action: Action| {
            // Closing a shared result also takes it out of the address, so a
            // reload shows the person's own work.
            if action == Action::SharedClosed {
                page::clear_fragment();
            }
            dispatch.dispatch(action);
        })
    };
    // When answers cannot be saved, the person can take them away as the
    // usual export file.
    let download_answers = {
        let bank = Rc::clone(&state.bank);
        let progress = state.progress.clone();
        Callback::from(move |()| {
            if let Some(progress) = &progress {
                let json = export::to_json(&bank, progress);
                let _ = files::download("tandem-result.json", "application/json", &json);
            }
        })
    };
    let screen = match (*route, &state.shared, &state.progress) {
        (Route::Workshop, _, _) => workshop_screen(&state.bank, config, *floor, &arriving),
        (Route::Builder, _, _) => html! {
            <Builder config={Rc::clone(config)} on_setup={on_setup.clone()} />
        },
        (_, Some(shared), _) => shared_screen(&state.bank, shared, config, &arriving, &on_action),
        (_, None, None) => html! {
            <Landing
                bank={Rc::clone(&state.bank)}
                keeps_progress={state.saving != Saving::Unavailable}
                host_learns={embedding.tells_host().then(|| allowed.what_the_host_learns())}
                config={Rc::clone(config)}
                source={*source}
                kept_elsewhere={*kept_elsewhere}
                on_start={on_action.reform(Action::Started)}
                on_setup={on_setup.clone()}
            />
        },
        (_, None, Some(progress)) => questionnaire_screen(&state, progress, config, &on_action),
    };

    let restart = html! {
        if *route == Route::Assessment && state.progress.is_some() && state.shared.is_none() {
            <Restart on_restart={on_action.reform(|()| Action::Restarted)} />
        }
    };
    html! {
        <div class="app" hidden={*hidden}>
            // Embedded in someone else's page, Tandem has no banner or footer
            // of its own; "Start again" stays, above the screen.
            if embedding.is_on() {
                <div class="app-tools">{ restart }</div>
            } else {
                <header class="app-header">
                    { brand(config) }
                    { restart }
                </header>
            }
            if let Some(refusal) = refused {
                { config_notice(refusal, *source, &on_setup.reform(|()| SetupAction::RefusalClosed)) }
            }
            if *route == Route::Assessment {
                <SavingNotice
                    saving={state.saving.clone()}
                    on_download_answers={download_answers}
                    on_download_saved={Callback::from(|()| download_saved())}
                    on_keep={{
                        let bank = Rc::clone(&state.bank);
                        on_action.reform(move |()| {
                            // The other tab's answers are kept as a copy
                            // first; if even that fails, saving stays off.
                            match storage::take_over(storage::Kind::Progress, &bank) {
                                Ok(()) => Action::KeptThisPage,
                                Err(reason) => Action::SavingFailed(reason.into()),
                            }
                        })
                    }}
                    on_reload={Callback::from(|()| page::reload())}
                />
            }
            <main class="app-main">{ screen }</main>
            if embedding.tells_host() {
                <p class="app-embed-note">
                    { "Tandem runs in your browser and never sends your answers anywhere. " }
                    { allowed.what_the_host_learns() }
                </p>
            } else if !embedding.is_on() {
                <footer class="app-footer">
                    <p>
                        { "Tandem runs in your browser. Your answers are kept on this device only and are never sent anywhere." }
                    </p>
                </footer>
            }
        </div>
    }
}

// The screens other than the landing page are built out of line: the
// landing page is the first screen, and the code it does not run comes after
// it (tools/wasm-split), which it can only do for whole functions.

#[inline(never)]
fn workshop_screen(
    bank: &Rc<Bank>,
    config: &Config,
    floor: usize,
    arriving: &UseStateHandle<Option<AttrValue>>,
) -> Html {
    let on_arrived = {
        let arriving = arriving.clone();
        Callback::from(move |()| arriving.set(None))
    };
    html! {
        <Workshop bank={Rc::clone(bank)} threshold={config.anonymity_threshold()} {floor} arriving={(**arriving).clone()} {on_arrived} />
    }
}

/// A result opened from a link, or why it could not be.
#[inline(never)]
fn shared_screen(
    bank: &Rc<Bank>,
    shared: &Result<crate::assessment::Progress, AttrValue>,
    config: &Rc<Config>,
    arriving: &UseStateHandle<Option<AttrValue>>,
    on_action: &Callback<Action>,
) -> Html {
    match shared {
        Ok(shared) => html! {
            <Results
                bank={Rc::clone(bank)}
                progress={shared.clone()}
                config={Rc::clone(config)}
                ownership={Ownership::Shared { on_add_to_workshop: add_to_workshop(bank, shared, arriving.setter(), on_action.clone()) }}
                printed_on={AttrValue::from(page::today())}
                on_action={on_action.clone()}
            />
        },
        Err(reason) => html! {
            <section class="link-error">
                <h1 tabindex="-1">{ "This link's result could not be opened" }</h1>
                <p role="alert">{ reason }</p>
                <button type="button" class="button button--primary" onclick={on_action.reform(|_| Action::SharedClosed)}>
                    { "Continue to Tandem" }
                </button>
            </section>
        },
    }
}

/// The person's own questionnaire: about them, a page of statements, or
/// their result.
#[inline(never)]
fn questionnaire_screen(
    state: &State,
    progress: &crate::assessment::Progress,
    config: &Rc<Config>,
    on_action: &Callback<Action>,
) -> Html {
    match progress.stage {
        Stage::About => html! {
            <About
                role={progress.role}
                team={AttrValue::from(progress.team.clone())}
                role_missing={state.unanswered.is_some()}
                can_go_back={progress.answers.is_empty()}
                on_role={on_action.reform(Action::ChoseRole)}
                on_team={on_action.reform(Action::NamedTeam)}
                on_next={on_action.reform(|()| Action::WentNext)}
                on_back={on_action.reform(|()| Action::WentBack)}
            />
        },
        Stage::Section(index) => html! {
            <Section
                bank={Rc::clone(&state.bank)}
                progress={progress.clone()}
                {index}
                unanswered={state.unanswered.clone()}
                on_answer={on_action.reform(|(id, answer)| Action::Answered(id, answer))}
                on_next={on_action.reform(|()| Action::WentNext)}
                on_back={on_action.reform(|()| Action::WentBack)}
            />
        },
        Stage::Results => {
            let code = code::encode(&state.bank, progress);
            // A link is opened later as a page of its own, never embedded.
            let link = format!("{}#r={code}", embed::without_parameter(&page::address()));
            html! {
                <Results
                    bank={Rc::clone(&state.bank)}
                    progress={progress.clone()}
                    config={Rc::clone(config)}
                    ownership={Ownership::Own {
                        code: code.into(),
                        link: link.into(),
                        earlier: state.earlier.clone(),
                        import: state.import.clone(),
                    }}
                    printed_on={AttrValue::from(page::today())}
                    on_action={on_action.clone()}
                />
            }
        }
    }
}

/// Adds a result opened from a link to the workshop saved on this device,
/// then opens the workshop, which reads it back from storage.
/// Offers what is saved in this browser, as it is, as a file: for saved
/// answers this version cannot read.
pub fn download_saved() {
    let copy = recovery::saved_copy(&storage::saved_text());
    let _ = files::download("tandem-saved-data.json", "application/json", &copy);
}

fn add_to_workshop(
    bank: &Rc<Bank>,
    shared: &crate::assessment::Progress,
    arriving: UseStateSetter<Option<AttrValue>>,
    on_action: Callback<Action>,
) -> Callback<()> {
    let code = AttrValue::from(crate::assessment::code::encode(bank, shared));
    Callback::from(move |()| {
        arriving.set(Some(code.clone()));
        on_action.emit(Action::SharedClosed);
        page::go_to("workshop");
    })
}

/// The browser tab's title for the current screen.
fn screen_title(route: Route, state: &State, config: &Config) -> String {
    let name = config.organisation().unwrap_or("Tandem");
    match route {
        Route::Workshop => return format!("Workshop - {name}"),
        Route::Builder => return "Configuration builder - Tandem".to_owned(),
        Route::Assessment => {}
    }
    let screen = match (&state.shared, &state.progress) {
        (Some(_), _) => "Shared result".to_owned(),
        (None, None) if config.is_plain(Bank::standard()) => {
            return "Tandem: HR & L&D collaboration assessment".to_owned()
        }
        (None, None) => config.title().to_owned(),
        (None, Some(progress)) => match progress.stage {
            Stage::About => "About you".to_owned(),
            Stage::Section(n) => progress
                .section(&state.bank, n)
                .map_or_else(String::new, |d| d.name.clone()),
            Stage::Results => "Your result".to_owned(),
        },
    };
    format!("{screen} - {name}")
}
