//! The Yew application: the root component, its state and its screens.
//!
//! - [`state`]: the questionnaire's reducer;
//! - `views`: one component per screen (landing, about you, a section of
//!   statements, results);
//! - `components`: pieces the screens share (progress bar, statement, radar
//!   chart, restart control, notices).
//!
//! The root owns the browser effects: saving progress after every change,
//! moving focus to a new screen's heading, opening a result shared in the
//! address's fragment (`#r=CODE`), and in embed mode (`?embed`) the embed
//! look and the messages to the host page.

mod components;
pub mod state;
mod views;
pub mod workshop_state;

use crate::assessment::{code, Bank, Stage};
use crate::embed::{Embedding, HostMessages};
use crate::{embed, page, storage};
use components::{Restart, SavingNotice};
use state::{Action, Saving, State};
use std::rc::Rc;
use views::{About, Landing, Ownership, Results, Section, Workshop};

/// The screens a person can link to, named by the address's fragment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Route {
    /// The questionnaire and its results (no fragment, or `#r=CODE` for a
    /// shared result shown over it).
    Assessment,
    /// The facilitator's workshop (`#workshop`).
    Workshop,
}

impl Route {
    fn of(fragment: &str) -> Route {
        if fragment == "workshop" {
            Route::Workshop
        } else {
            Route::Assessment
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
        storage::Loaded::Newer(reason) => (None, Saving::Newer(reason.into())),
        storage::Loaded::Unavailable => (None, Saving::Unavailable),
    };
    State::new(bank, progress, saving)
}

/// The whole app.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| restored(Rc::new(Bank::standard().clone())));
    let dispatch = state.dispatcher();
    let route = use_state_eq(|| Route::of(&page::fragment()));
    // A result link's code on its way to the workshop screen, which adds it
    // like a pasted code and says what happened.
    let arriving = use_state_eq(|| None::<AttrValue>);
    // Embed mode and the frame around Tandem, read once.
    let embedding = use_memo((), |()| Embedding::detect());
    // What a host page may learn; a consultant's configuration will choose
    // here once there is one.
    let allowed = HostMessages::default();

    // Save after every change. Loading happened before the first render, so
    // nothing is written before what was saved has been read; and while saved
    // data could not be read, nothing is written over it.
    {
        let dispatch = dispatch.clone();
        let bank = Rc::clone(&state.bank);
        use_effect_with(
            (state.progress.clone(), state.may_save()),
            move |(progress, may_save)| {
                if *may_save {
                    let result = match progress {
                        Some(progress) => storage::save_progress(&bank, progress),
                        None => storage::forget_progress(),
                    };
                    dispatch.dispatch(match result {
                        Ok(()) => Action::Saved,
                        Err(reason) => Action::SavingFailed(reason.into()),
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
        let title = screen_title(*route, &state);
        let state = state.clone();
        let embedding = Rc::clone(&embedding);
        use_effect_with(screen, move |screen| {
            page::set_title(&title);
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
    let printed_on = AttrValue::from(page::today());
    let screen = match (*route, &state.shared, &state.progress) {
        (Route::Workshop, _, _) => {
            let on_arrived = {
                let arriving = arriving.clone();
                Callback::from(move |()| arriving.set(None))
            };
            html! {
                <Workshop bank={Rc::clone(&state.bank)} arriving={(*arriving).clone()} {on_arrived} />
            }
        }
        (_, Some(Ok(shared)), _) => html! {
            <Results
                bank={Rc::clone(&state.bank)}
                progress={shared.clone()}
                ownership={Ownership::Shared { on_add_to_workshop: add_to_workshop(&state.bank, shared, arriving.setter(), on_action.clone()) }}
                printed_on={printed_on.clone()}
                on_action={on_action.clone()}
            />
        },
        (_, Some(Err(reason)), _) => html! {
            <section class="link-error">
                <h1 tabindex="-1">{ "This link's result could not be opened" }</h1>
                <p role="alert">{ reason }</p>
                <button type="button" class="button button--primary" onclick={on_action.reform(|_| Action::SharedClosed)}>
                    { "Continue to Tandem" }
                </button>
            </section>
        },
        (_, None, None) => html! {
            <Landing
                bank={Rc::clone(&state.bank)}
                keeps_progress={!matches!(state.saving, Saving::Unavailable | Saving::Newer(_))}
                host_learns={embedding.tells_host().then(|| allowed.what_the_host_learns())}
                on_start={on_action.reform(Action::Started)}
            />
        },
        (_, None, Some(progress)) => match progress.stage {
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
                        ownership={Ownership::Own {
                            code: code.into(),
                            link: link.into(),
                            earlier: state.earlier.clone(),
                            import: state.import.clone(),
                        }}
                        {printed_on}
                        on_action={on_action.clone()}
                    />
                }
            }
        },
    };

    let restart = html! {
        if *route == Route::Assessment && state.progress.is_some() && state.shared.is_none() {
            <Restart on_restart={on_action.reform(|()| Action::Restarted)} />
        }
    };
    html! {
        <div class="app">
            // Embedded in someone else's page, Tandem has no banner or footer
            // of its own; "Start again" stays, above the screen.
            if embedding.is_on() {
                <div class="app-tools">{ restart }</div>
            } else {
                <header class="app-header">
                    <p class="app-header__brand">{ "Tandem" }</p>
                    { restart }
                </header>
            }
            if *route == Route::Assessment {
                <SavingNotice saving={state.saving.clone()} />
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

/// Adds a result opened from a link to the workshop saved on this device,
/// then opens the workshop, which reads it back from storage.
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
fn screen_title(route: Route, state: &State) -> String {
    if route == Route::Workshop {
        return "Workshop - Tandem".to_owned();
    }
    let screen = match (&state.shared, &state.progress) {
        (Some(_), _) => "Shared result".to_owned(),
        (None, None) => return "Tandem: HR & L&D collaboration assessment".to_owned(),
        (None, Some(progress)) => match progress.stage {
            Stage::About => "About you".to_owned(),
            Stage::Section(n) => progress
                .section(&state.bank, n)
                .map_or_else(String::new, |d| d.name.clone()),
            Stage::Results => "Your result".to_owned(),
        },
    };
    format!("{screen} - Tandem")
}
