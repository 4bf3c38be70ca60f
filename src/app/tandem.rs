//! [`Tandem`]: the app under one configuration. It owns the questionnaire's
//! reducer and its browser effects (saving progress after every change,
//! moving focus to a new screen's heading, the tab's title, opening a result
//! shared in a link, and in embed mode the messages to the host page), and
//! shows the screen the route asks for.

use super::components::{
    brand, config_notice, use_shown_bank, use_words, LanguageSwitcher, Restart, SavingNotice,
};
use super::route::{Route, Screen};
use super::saved_workshop::SavedWorkshop;
use super::setup::{self, SetupAction, Source};
use super::state::{Action, Saving, State};
use super::views::{About, Builder, Landing, Ownership, Results, Section};
use crate::assessment::config::Config;
use crate::assessment::language::{Key, Language, Words};
use crate::assessment::{code, export, Bank, Stage};
use crate::embed::{self, Embedding};
use crate::storage::SaveFailure;
use crate::{files, page, recovery, storage};
use std::rc::Rc;
use yew::prelude::*;

/// The state on opening the app: whatever this browser had saved.
fn restored(bank: Rc<Bank>) -> State {
    let (progress, saving) = Saving::on_opening(storage::load_progress(&bank));
    State::new(bank, progress, saving)
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
    /// What a link to the assessment carries after `#` for a participant's
    /// device to get this configuration, when the address alone does not,
    /// or that no link can ([`setup::Setup::join_fragment`]).
    pub join_fragment: Result<Option<AttrValue>, setup::LinkRefused>,
    /// Kept out of sight (and out of reach) while a configuration is
    /// offered, without losing anything on it.
    pub hidden: bool,
    /// A configuration that could not be used, and why.
    pub refused: Option<setup::Refusal>,
    /// What the address asks for.
    pub route: Route,
    /// Embed mode and the frame around Tandem.
    pub embedding: Rc<Embedding>,
    /// Sends the person to another screen.
    pub on_navigate: Callback<Screen>,
    pub on_setup: Callback<SetupAction>,
    /// Chose a language with the switcher.
    pub on_language: Callback<Language>,
}

/// Tandem under one configuration: the questionnaire, the workshop and the
/// builder.
#[component]
pub fn Tandem(
    TandemProps {
        config,
        source,
        floor,
        join_fragment,
        hidden,
        refused,
        route,
        embedding,
        on_navigate,
        on_setup,
        on_language,
    }: &TandemProps,
) -> Html {
    let state = use_reducer(|| restored(Rc::new(config.bank().clone())));
    // The questions in the reader's language: the same ids, so the same
    // answers and scores, under the same fingerprint.
    let words = use_words();
    let shown_bank = use_shown_bank(&state.bank);
    // Answers to other questions stay in storage untouched; the person is
    // told they are there. Checked once, when these questions open.
    let kept_elsewhere = use_memo((), |()| {
        storage::progress_kept_for_other_questions(&state.bank)
    });
    let dispatch = state.dispatcher();
    let screen = route.screen();
    // A result link's code on its way to the workshop screen, which adds it
    // like a pasted code and says what happened.
    let arriving = use_state_eq(|| None::<AttrValue>);
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
            (state.progress.clone(), state.saving.allows_writing()),
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
                        Err(SaveFailure::Refused(reason)) => Action::SavingFailed(reason),
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
        let shown = (
            screen,
            state.progress.as_ref().map(|p| p.stage),
            state.shared.is_some(),
        );
        let state = state.clone();
        let embedding = Rc::clone(embedding);
        use_effect_with(shown, move |screen| {
            let Some(before) = previous.borrow_mut().replace(*screen) else {
                return;
            };
            page::focus_heading();
            let completed = matches!(
                (before, screen),
                (
                    (_, Some(Stage::Section(_)), false),
                    (Screen::Assessment, Some(Stage::Results), false)
                )
            );
            if let (true, Some(progress)) = (completed, &state.progress) {
                embedding.tell_completed(&state.bank, &progress.report(&state.bank), allowed);
            }
        });
    }
    // The tab's title follows the screen and the configuration's names.
    use_effect_with(
        screen_title(screen, &state, config, &words, &shown_bank),
        |title| {
            page::set_title(title);
        },
    );
    // A refused "Next" takes focus to the list of what is missing.
    use_effect_with(state.refusals, |refusals| {
        if *refusals > 0 {
            page::focus_error_summary();
        }
    });

    // A link carrying a result opens it, on arrival and whenever one is
    // opened while the app is open.
    {
        let dispatch = dispatch.clone();
        use_effect_with(route.clone(), move |route| {
            if let Route::SharedResult(fragment) = route {
                dispatch.dispatch(Action::LinkOpened(format!("#{fragment}")));
            }
        });
    }
    // Embed mode's look and, inside a frame, the content's height for the
    // host page whenever it changes, from the start.
    {
        let embedding = Rc::clone(embedding);
        use_effect_with((), move |()| {
            let reporter = embedding.start();
            move || drop(reporter)
        });
    }

    let on_action: Callback<Action> = {
        let dispatch = dispatch.clone();
        let on_navigate = on_navigate.clone();
        Callback::from(move |action: Action| {
            // Closing a shared result also takes it out of the address.
            if action == Action::SharedClosed {
                on_navigate.emit(Screen::Assessment);
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
    let shown = match (screen, &state.shared, &state.progress) {
        (Screen::Workshop, _, _) => workshop_screen(
            &state.bank,
            config,
            *floor,
            join_fragment,
            &words,
            &arriving,
        ),
        (Screen::Builder, _, _) => builder_screen(config, on_setup),
        (_, Some(_), _) => shared_screen(
            &state,
            &shown_bank,
            &words,
            config,
            &arriving,
            &on_action,
            on_navigate,
        ),
        (_, None, None) => html! {
            <Landing
                bank={Rc::clone(&shown_bank)}
                keeps_progress={state.saving != Saving::Unavailable}
                host_learns={embedding.tells_host().then(|| allowed.what_the_host_learns())}
                config={Rc::clone(config)}
                source={*source}
                kept_elsewhere={*kept_elsewhere}
                on_start={on_action.reform(Action::Started)}
                on_config_imported={on_setup.reform(|(name, text)| SetupAction::Imported(name, text))}
                on_chosen_dropped={on_setup.reform(|()| SetupAction::ChosenDropped)}
            />
        },
        (_, None, Some(progress)) => {
            questionnaire_screen(&state, &shown_bank, &words, progress, config, &on_action)
        }
    };

    let restart = html! {
        if screen == Screen::Assessment && state.progress.is_some() && state.shared.is_none() {
            <Restart on_restart={on_action.reform(|()| Action::Restarted)} />
        }
    };
    let switcher = html! { <LanguageSwitcher on_choose={on_language.clone()} /> };
    html! {
        <div class="app" hidden={*hidden}>
            // Embedded in someone else's page, Tandem has no banner or footer
            // of its own; "Start again" stays, above the screen.
            if embedding.is_on() {
                <div class="app-tools">{ switcher }{ restart }</div>
            } else {
                <header class="app-header">
                    { brand(config) }
                    <div class="app-header__tools">{ switcher }{ restart }</div>
                </header>
            }
            if let Some(refusal) = refused {
                { config_notice(refusal, *source, &words, &on_setup.reform(|()| SetupAction::RefusalClosed)) }
            }
            if screen == Screen::Assessment {
                <SavingNotice
                    saving={state.saving.clone()}
                    on_download_answers={download_answers}
                    on_download_saved={Callback::from(|()| recovery::download_saved())}
                    on_keep={{
                        let bank = Rc::clone(&state.bank);
                        on_action.reform(move |()| {
                            // The other tab's answers are kept as a copy
                            // first; if even that fails, saving stays off.
                            match storage::take_over(storage::Kind::Progress, &bank) {
                                Ok(()) => Action::KeptThisPage,
                                Err(reason) => Action::SavingFailed(reason),
                            }
                        })
                    }}
                    on_reload={Callback::from(|()| page::reload())}
                />
            }
            <main class="app-main">{ shown }</main>
            if embedding.tells_host() {
                <p class="app-embed-note">
                    { words.get(Key::FRAME_EMBED_NOTE) }{ " " }
                    { words.get(allowed.what_the_host_learns()) }
                </p>
            } else if !embedding.is_on() {
                <footer class="app-footer">
                    <p>
                        { words.get(Key::FRAME_FOOTER) }
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
fn builder_screen(config: &Rc<Config>, on_setup: &Callback<SetupAction>) -> Html {
    html! {
        <Builder config={Rc::clone(config)} on_link_used={on_setup.reform(SetupAction::LinkOpened)} />
    }
}

#[inline(never)]
fn workshop_screen(
    bank: &Rc<Bank>,
    config: &Config,
    floor: usize,
    join_fragment: &Result<Option<AttrValue>, setup::LinkRefused>,
    words: &Words,
    arriving: &UseStateHandle<Option<AttrValue>>,
) -> Html {
    // The link the room opens: this address, with the configuration in use
    // when the address alone would not bring it.
    let address = embed::without_parameter(&page::address());
    let join_link = AttrValue::from(match join_fragment {
        Ok(Some(fragment)) => format!("{address}#{fragment}"),
        _ => address,
    });
    let join_warning = join_fragment
        .is_err()
        .then(|| AttrValue::from(words.get(Key::JOIN_NO_LINK).to_owned()));
    let on_arrived = {
        let arriving = arriving.clone();
        Callback::from(move |()| arriving.set(None))
    };
    html! {
        <SavedWorkshop bank={Rc::clone(bank)} threshold={config.anonymity_threshold()} {floor} {join_link} {join_warning} arriving={(**arriving).clone()} {on_arrived} />
    }
}

/// A result opened from a link, or why it could not be.
#[inline(never)]
fn shared_screen(
    state: &State,
    shown_bank: &Rc<Bank>,
    words: &Words,
    config: &Rc<Config>,
    arriving: &UseStateHandle<Option<AttrValue>>,
    on_action: &Callback<Action>,
    on_navigate: &Callback<Screen>,
) -> Html {
    let bank = &state.bank;
    match &state.shared {
        None => Html::default(),
        Some(Ok(shared)) => html! {
            <Results
                bank={Rc::clone(shown_bank)}
                source={Rc::clone(bank)}
                progress={shared.clone()}
                config={Rc::clone(config)}
                ownership={Ownership::Shared {
                    on_add_to_workshop: add_to_workshop(bank, shared, arriving.setter(), on_action.clone(), on_navigate.clone()),
                    on_closed: on_action.reform(|()| Action::SharedClosed),
                }}
                printed_on={AttrValue::from(page::today(words.language()))}
            />
        },
        Some(Err(reason)) => html! {
            <section class="link-error">
                <h1 tabindex="-1">{ words.get(Key::LINK_FAILED) }</h1>
                <p role="alert">{ reason.words(words) }</p>
                <button type="button" class="button button--primary" onclick={on_action.reform(|_| Action::SharedClosed)}>
                    { words.get(Key::LINK_CONTINUE) }
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
    shown_bank: &Rc<Bank>,
    words: &Words,
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
                bank={Rc::clone(shown_bank)}
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
                    bank={Rc::clone(shown_bank)}
                    source={Rc::clone(&state.bank)}
                    progress={progress.clone()}
                    config={Rc::clone(config)}
                    ownership={Ownership::Own {
                        code: code.into(),
                        link: link.into(),
                        earlier: state.earlier.clone(),
                        import: state.import.clone(),
                        on_plan_changed: on_action.reform(Action::PlanChanged),
                        on_went_back: on_action.reform(|()| Action::WentBack),
                        on_file_imported: on_action.reform(|(name, text)| Action::FileImported(name, text)),
                        on_earlier_code_entered: on_action.reform(Action::EarlierCodeEntered),
                        on_earlier_file_chosen: on_action.reform(|(name, text)| Action::EarlierFileChosen(name, text)),
                        on_comparison_closed: on_action.reform(|()| Action::ComparisonClosed),
                    }}
                    printed_on={AttrValue::from(page::today(words.language()))}
                />
            }
        }
    }
}

/// Adds a result opened from a link to the workshop, then opens it.
fn add_to_workshop(
    bank: &Rc<Bank>,
    shared: &crate::assessment::Progress,
    arriving: UseStateSetter<Option<AttrValue>>,
    on_action: Callback<Action>,
    on_navigate: Callback<Screen>,
) -> Callback<()> {
    let code = AttrValue::from(crate::assessment::code::encode(bank, shared));
    Callback::from(move |()| {
        arriving.set(Some(code.clone()));
        on_action.emit(Action::SharedClosed);
        on_navigate.emit(Screen::Workshop);
    })
}

/// The browser tab's title for the current screen, in the reader's
/// language over `bank` (the questions in it).
fn screen_title(
    screen: Screen,
    state: &State,
    config: &Config,
    words: &Words,
    bank: &Bank,
) -> String {
    let name = config.organisation().unwrap_or("Tandem");
    let titled =
        |screen: &str| words.fill(Key::TITLE_SCREEN, &[("screen", screen), ("name", name)]);
    match screen {
        Screen::Workshop => return titled(words.get(Key::TITLE_WORKSHOP)),
        Screen::Builder => return words.get(Key::TITLE_BUILDER).to_owned(),
        Screen::Assessment => {}
    }
    let screen = match (&state.shared, &state.progress) {
        (Some(_), _) => words.get(Key::RESULTS_SHARED).to_owned(),
        (None, None) if config.is_plain(Bank::standard()) => {
            return words.get(Key::TITLE_STANDARD).to_owned()
        }
        (None, None) => config.title_over(bank, words.language()).to_owned(),
        (None, Some(progress)) => match progress.stage {
            Stage::About => words.get(Key::ABOUT_HEADING).to_owned(),
            Stage::Section(n) => progress
                .section(bank, n)
                .map_or_else(String::new, |d| d.name.clone()),
            Stage::Results => words.get(Key::RESULTS_OWN).to_owned(),
        },
    };
    titled(&screen)
}
