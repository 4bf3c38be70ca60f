//! The facilitator's workshop: gather the room's result codes (paste, files,
//! camera, links), see the team picture, present it one dimension at a time,
//! and agree a team action plan. Everything stays on this device.

use crate::app::components::{ActionPlan, QrScanner, RadarChart, RadarSeries, SavingNotice};
use crate::app::state::Saving;
use crate::app::workshop_state::{Presenter, WorkshopAction, WorkshopState};
use crate::assessment::disclosure::Figure;
use crate::assessment::plan::Direction;
use crate::assessment::saved::{WorkshopRecord, MAX_THRESHOLD};
use crate::assessment::workshop::{Group, Mean, Rate, TeamView};
use crate::assessment::{export, Answer, Bank, Level, Role};
use crate::storage::SaveFailure;
use crate::{files, page, storage};
use std::rc::Rc;
use yew::prelude::*;

/// The state on opening the screen: whatever workshop this browser had saved,
/// or a new one with the configured anonymity threshold.
fn restored(bank: Rc<Bank>, threshold: usize, floor: usize) -> WorkshopState {
    let (record, saving) = match storage::load_workshop(&bank) {
        storage::Loaded::Nothing => (None, Saving::On),
        storage::Loaded::Found(record) => (Some(record), Saving::On),
        storage::Loaded::Unreadable(reason) => (None, Saving::Held(reason.into())),
        storage::Loaded::Unavailable => (None, Saving::Unavailable),
    };
    WorkshopState::new(bank, record, threshold, floor, saving)
}

/// After another tab or window saved this workshop meanwhile: takes in what
/// it gathered, keeps a copy of what it saved, and saves the two together,
/// so that neither tab's codes are lost.
fn absorb_other_tab(bank: &Bank, record: &WorkshopRecord) -> WorkshopAction {
    let mut joined = record.clone();
    let added = match storage::load_workshop(bank) {
        storage::Loaded::Found(other) => joined.workshop.absorb(&other.workshop),
        _ => 0,
    };
    let saved = storage::take_over(storage::Kind::Workshop, bank)
        .map_err(SaveFailure::Refused)
        .and_then(|()| storage::save_workshop(bank, &joined));
    match saved {
        Ok(()) => WorkshopAction::OtherTabAbsorbed {
            workshop: joined.workshop,
            added,
        },
        Err(SaveFailure::Conflict) => WorkshopAction::SavingFailed(
            "another tab or window keeps saving this workshop at the same moment".into(),
        ),
        Err(SaveFailure::Refused(reason)) => WorkshopAction::SavingFailed(reason.into()),
    }
}

#[derive(Properties, PartialEq)]
pub struct WorkshopProps {
    pub bank: Rc<Bank>,
    /// The anonymity threshold a new workshop starts with (a saved one keeps
    /// its own).
    pub threshold: usize,
    /// The smallest threshold the site lets the facilitator choose.
    pub floor: usize,
    /// A result code brought from a result link opened on this device; it
    /// is added as a pasted code would be, with the same report.
    #[prop_or_default]
    pub arriving: Option<AttrValue>,
    /// Called once the arriving code has been added.
    #[prop_or_default]
    pub on_arrived: Callback<()>,
}

#[component]
pub fn Workshop(
    WorkshopProps {
        bank,
        threshold,
        floor,
        arriving,
        on_arrived,
    }: &WorkshopProps,
) -> Html {
    let state = {
        let bank = Rc::clone(bank);
        let (threshold, floor) = (*threshold, *floor);
        use_reducer(move || restored(bank, threshold, floor))
    };
    let dispatch = state.dispatcher();

    {
        let dispatch = dispatch.clone();
        let on_arrived = on_arrived.clone();
        use_effect_with(arriving.clone(), move |arriving| {
            if let Some(code) = arriving {
                dispatch.dispatch(WorkshopAction::CodesPasted(code.to_string()));
                on_arrived.emit(());
            }
        });
    }

    // Save after every change, as the questionnaire does: not what was just
    // loaded (a second tab opened on the workshop must not pass for the
    // latest to save), and never over a saved workshop that could not be
    // read until the facilitator starts a new one.
    {
        let dispatch = dispatch.clone();
        let bank = Rc::clone(&state.bank);
        let loaded = use_mut_ref(|| true);
        use_effect_with(
            (state.record(), state.may_save()),
            move |(record, may_save)| {
                if std::mem::replace(&mut *loaded.borrow_mut(), false) || !*may_save {
                    return;
                }
                dispatch.dispatch(match storage::save_workshop(&bank, record) {
                    Ok(()) => WorkshopAction::Saved,
                    Err(SaveFailure::Conflict) => absorb_other_tab(&bank, record),
                    Err(SaveFailure::Refused(reason)) => {
                        WorkshopAction::SavingFailed(reason.into())
                    }
                });
            },
        );
    }

    let on_action: Callback<WorkshopAction> = dispatch.into();
    let view = Rc::clone(&state.view);

    if let Some(presenter) = state.presenter {
        return html! {
            <PresenterMode bank={Rc::clone(&state.bank)} view={Rc::clone(&view)} {presenter} on_action={on_action.clone()} />
        };
    }

    let on_rename = on_action.reform(|e: InputEvent| {
        WorkshopAction::Renamed(
            e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .value(),
        )
    });
    let paste = use_node_ref();
    let on_paste = {
        let paste = paste.clone();
        let on_action = on_action.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(area) = paste.cast::<web_sys::HtmlTextAreaElement>() {
                let text = area.value();
                if !text.trim().is_empty() {
                    area.set_value("");
                    on_action.emit(WorkshopAction::CodesPasted(text));
                }
            }
        })
    };
    let on_files = {
        let on_action = on_action.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let chosen = files::chosen_files(&input);
            input.set_value("");
            let on_action = on_action.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let mut read = Vec::new();
                for file in chosen {
                    let text = files::read_text(&file, export::MAX_IMPORT_BYTES).await;
                    read.push((file.name(), text));
                }
                on_action.emit(WorkshopAction::FilesChosen(read));
            });
        })
    };
    let on_threshold = on_action.reform(|e: Event| {
        let value = e
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        WorkshopAction::ThresholdChosen(value.parse().unwrap_or(MAX_THRESHOLD))
    });
    let confirming_clear = use_state_eq(|| false);
    // The list is only built while it is open: a large room would otherwise
    // put thousands of rows into the page that nobody asked to see.
    let list_open = use_state_eq(|| false);
    let on_list_toggle = {
        let list_open = list_open.clone();
        Callback::from(move |e: Event| {
            list_open.set(
                e.target_unchecked_into::<web_sys::HtmlDetailsElement>()
                    .open(),
            );
        })
    };
    let name = state.workshop.name().to_owned();
    let report = Rc::new(view.report());
    // The file is written when the button is pressed, not on every render.
    let save_file =
        |file: &'static str, mime: &'static str, write: fn(&WorkshopState) -> String| {
            let state = state.clone();
            Callback::from(move |_| {
                let _ = files::download(file, mime, &write(&state));
            })
        };

    html! {
        <section class="workshop">
            <p class="results__report-title">{ format!("Tandem team report: {} · {}", if name.is_empty() { "Workshop" } else { &name }, page::today()) }</p>
            <h1 tabindex="-1">{ "Workshop" }</h1>
            <p class="workshop__lead">{ "Gather the room's result codes on this device and see the team picture. Nothing is uploaded: codes arrive by paste, file, camera or link, and stay in this browser." }</p>
            <SavingNotice
                saving={state.saving.clone()}
                of_workshop=true
                on_download_saved={Callback::from(|()| crate::app::download_saved())}
            />
            if let Some(added) = state.absorbed {
                <div class="saving-notice" role="status">
                    <p>{ absorbed_message(added) }</p>
                    <p class="saving-notice__actions">
                        <button type="button" class="button" onclick={Callback::from(|_| crate::app::download_saved())}>{ "Download the saved data" }</button>
                    </p>
                </div>
            }
            <div class="workshop__name">
                <label for="workshop-name">{ "Workshop name" }</label>
                <input id="workshop-name" type="text" maxlength="80" autocomplete="off" value={name.clone()} oninput={on_rename} />
            </div>

            <section class="workshop__gather" aria-labelledby="gather-heading">
                <h2 id="gather-heading">{ "Add participants' results" }</h2>
                <form onsubmit={on_paste}>
                    <label for="workshop-codes">{ "Paste result codes or links" }</label>
                    <p class="hint" id="workshop-codes-hint">{ "Any number at once, separated by new lines, spaces or commas. Duplicates are counted once." }</p>
                    <textarea id="workshop-codes" rows="4" spellcheck="false" aria-describedby="workshop-codes-hint" ref={paste} />
                    <button type="submit" class="button button--primary">{ "Add codes" }</button>
                </form>
                <label for="workshop-files">{ "Import exported result files (JSON, several at once)" }</label>
                <input id="workshop-files" type="file" multiple=true accept=".json,application/json" onchange={on_files} />
                <p class="hint">{ "A participant's result link opened on this device also offers to add them to the workshop." }</p>
                <QrScanner
                    on_code={on_action.reform(WorkshopAction::CodeScanned)}
                    on_close={Callback::noop()}
                />
                { gathered_summary(&state) }
            </section>

            { participants_summary(&state, &on_action, *list_open, on_list_toggle) }

            if view.participants > 0 {
                <section class="workshop__team" aria-labelledby="team-heading">
                    <h2 id="team-heading">{ "The team picture" }</h2>
                    <div class="workshop__threshold">
                        <label for="workshop-threshold">{ "Smallest group shown on its own" }</label>
                        <select id="workshop-threshold" onchange={on_threshold}>
                            for n in state.floor..=MAX_THRESHOLD {
                                <option value={n.to_string()} selected={n == state.threshold}>{ format!("{n} {}", if n == 1 { "person" } else { "people" }) }</option>
                            }
                        </select>
                        if state.threshold >= PROTECTED_FROM {
                            <p class="hint">{ "Groups smaller than this (by role or team label) are never shown on their own, nor is any figure that would let someone work them out from the others; the HR and L&D comparison needs this many of each. No view shows one person's answers." }</p>
                        } else {
                            <p class="hint">{ format!("Below {PROTECTED_FROM}, small groups show: a figure made by one or two people can be read as theirs. Choose this only when the room has agreed to an open workshop; every view of the team says so.") }</p>
                        }
                    </div>
                    <div class="results__tools">
                        <button type="button" class="button button--primary" onclick={on_action.reform(|_| WorkshopAction::PresenterStarted)}>{ "Start presenter mode" }</button>
                        <button type="button" class="button" onclick={Callback::from(|_| page::print())}>{ "Print / save as PDF" }</button>
                        <button type="button" class="button" onclick={save_file("tandem-team-report.csv", "text/csv", |state| export::team_csv(&state.bank, &state.view, &state.plan))}>{ "Export team CSV" }</button>
                        <button type="button" class="button" onclick={save_file("tandem-team-report.json", "application/json", |state| export::team_json(&state.bank, state.workshop.name(), &state.view, &state.plan))}>{ "Export team JSON" }</button>
                    </div>
                    { team_picture(&state.bank, &view) }
                </section>
                <ActionPlan
                    bank={Rc::clone(&state.bank)}
                    {report}
                    plan={state.plan.clone()}
                    on_change={on_action.reform(WorkshopAction::PlanChanged)}
                />
            }

            <div class="nav-buttons">
                <a class="button" href="#">{ "Back to the assessment" }</a>
                if *confirming_clear {
                    <div class="restart__confirm" role="group" aria-labelledby="clear-question">
                        <p id="clear-question">{ "Forget this workshop's participants and plan on this device?" }</p>
                        <button type="button" class="button button--danger" onclick={{
                            let confirming_clear = confirming_clear.clone();
                            on_action.reform(move |_| { confirming_clear.set(false); WorkshopAction::Cleared })
                        }}>{ "Forget the workshop" }</button>
                        <button type="button" class="button" onclick={{ let c = confirming_clear.clone(); Callback::from(move |_| c.set(false)) }}>{ "Keep it" }</button>
                    </div>
                } else {
                    <button type="button" class="button" onclick={{ let c = confirming_clear.clone(); Callback::from(move |_| c.set(true)) }}>{ "Start a new workshop" }</button>
                }
            </div>
        </section>
    }
}

/// What the screen says after taking in another tab's save.
fn absorbed_message(added: usize) -> String {
    let codes = match added {
        0 => "It had gathered no codes that are not here too".to_owned(),
        1 => "The 1 code gathered there and not here was added".to_owned(),
        n => format!("The {n} codes gathered there and not here were added"),
    };
    format!(
        "Another tab or window saved this workshop while it was open here. {codes}; \
         this page's name, threshold and plan were kept, and a copy of what the other \
         one saved stays in this browser. If you removed anyone here meanwhile, check \
         the list: the other tab still had them."
    )
}

fn gathered_summary(state: &WorkshopState) -> Html {
    let Some(gathered) = &state.gathered else {
        return Html::default();
    };
    let mut parts = vec![match gathered.added {
        1 => "Added 1 participant.".to_owned(),
        n => format!("Added {n} participants."),
    }];
    if gathered.duplicates > 0 {
        parts.push(match gathered.duplicates {
            1 => "1 duplicate was counted once.".to_owned(),
            n => format!("{n} duplicates were counted once."),
        });
    }
    if let Some(refused) = &gathered.refused {
        return html! {
            <div class="workshop__gathered">
                <div class="error-summary" role="alert"><p>{ refused }</p></div>
            </div>
        };
    }
    let rejected = gathered.rejected.len() + gathered.more_rejected;
    html! {
        <div class="workshop__gathered">
            <p role="status">{ parts.join(" ") }</p>
            if rejected > 0 {
                <div class="error-summary" role="alert">
                    <p>{ match rejected {
                        1 => "1 entry could not be added; everything gathered before is kept:".to_owned(),
                        n => format!("{n} entries could not be added; everything gathered before is kept:"),
                    } }</p>
                    <ul>
                        for rejected in gathered.rejected.iter() {
                            <li><code>{ &rejected.text }</code>{ ": " }{ &rejected.reason }</li>
                        }
                    </ul>
                    if gathered.more_rejected > 0 {
                        <p>{ format!("… and {} more not listed.", gathered.more_rejected) }</p>
                    }
                </div>
            }
            if gathered.lines_without_code > 0 {
                <details class="workshop__without-code">
                    <summary>{ match gathered.lines_without_code {
                        1 => "1 line had no result code".to_owned(),
                        n => format!("{n} lines had no result code"),
                    } }</summary>
                    <ul>
                        for line in gathered.without_code.iter() {
                            <li><code>{ line }</code></li>
                        }
                    </ul>
                    if gathered.lines_without_code > gathered.without_code.len() {
                        <p>{ format!("… and {} more.", gathered.lines_without_code - gathered.without_code.len()) }</p>
                    }
                </details>
            }
        </div>
    }
}

fn participants_summary(
    state: &WorkshopState,
    on_action: &Callback<WorkshopAction>,
    list_open: bool,
    on_list_toggle: Callback<Event>,
) -> Html {
    let view = &state.view;
    let roles: Vec<String> = view
        .by_role
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(role, n)| format!("{} {n}", role.label()))
        .chain((view.without_role > 0).then(|| format!("No role {}", view.without_role)))
        .collect();
    let unreadable = state.workshop.unreadable().len();
    html! {
        <section class="workshop__participants" aria-labelledby="participants-heading">
            <h2 id="participants-heading">{ format!("Participants: {}", view.participants) }</h2>
            if !roles.is_empty() {
                <p>{ format!("By role: {}", roles.join(" · ")) }</p>
            }
            if unreadable > 0 {
                <p role="alert">
                    { format!("{unreadable} saved codes no longer read and are left out of the figures. ") }
                    <button type="button" class="button" onclick={on_action.reform(|_| WorkshopAction::UnreadableDiscarded)}>{ "Discard them" }</button>
                </p>
            }
            if view.participants > 0 {
                <details open={list_open} ontoggle={on_list_toggle}>
                    <summary>{ "List of participants (role and team only)" }</summary>
                    if list_open {
                    <ol class="workshop__list">
                        for (i, participant) in state.workshop.participants().iter().enumerate() {
                            <li key={i}>
                                { participant.role().map_or("No role", |r| r.label()) }
                                if !participant.team().is_empty() { { format!(", {}", participant.team()) } }
                                { " " }
                                <button type="button" class="button button--quiet" aria-label={format!("Remove participant {}", i + 1)}
                                    onclick={on_action.reform(move |_| WorkshopAction::ParticipantRemoved(i))}>{ "Remove" }</button>
                            </li>
                        }
                    </ol>
                    }
                </details>
            }
        </section>
    }
}

fn mean_text(mean: Option<&Mean>) -> String {
    mean.map_or_else(|| "-".to_owned(), |m| format!("{:.0}", m.value))
}

/// A Don't know rate; "-" when there is none or it is hidden.
fn rate_text(rate: Option<Rate>) -> String {
    rate.and_then(Rate::percent)
        .map_or_else(|| "-".to_owned(), |p| format!("{p}%"))
}

/// The smallest threshold that protects everyone: with 3, someone who
/// subtracts their own answers from a group's still faces two unknowns.
/// Below it the workshop is open, and every view of the team says so.
const PROTECTED_FROM: usize = 3;

/// What every view of an open workshop says first.
fn open_workshop_notice(threshold: usize) -> Html {
    if threshold >= PROTECTED_FROM {
        return Html::default();
    }
    html! {
        <p class="workshop__open" role="note">
            { format!("Open workshop: groups of {threshold} or more are shown, so a figure may be one or two people's own answers.") }
        </p>
    }
}

/// Whether HR and L&D each have the threshold's number of people, so that a
/// missing comparison is the disclosure rule's doing, not the room's size.
fn enough_for_comparison(view: &TeamView) -> bool {
    [Role::Hr, Role::LearningAndDevelopment]
        .iter()
        .all(|&role| view.role_group(role).is_some_and(|g| g.figures.is_some()))
}

/// Why a figure of the team is missing, in the screen's words.
fn missing_text(figure: Figure, threshold: usize) -> String {
    match figure {
        Figure::TooFew => format!("Hidden (fewer than {threshold})"),
        Figure::Protecting => "Hidden to protect a smaller group".to_owned(),
        Figure::Shown | Figure::Empty => "Not enough answers".to_owned(),
    }
}

fn team_picture(bank: &Bank, view: &TeamView) -> Html {
    let name = |index: usize| bank.dimensions()[index].name.clone();
    let radar = view.radar();
    let axes: Rc<[AttrValue]> = radar
        .dimensions
        .iter()
        .map(|&i| AttrValue::from(name(i)))
        .collect();
    let to_series = |label: &str,
                     modifier: &'static str,
                     scores: &[Option<crate::assessment::Score>]| RadarSeries {
        label: AttrValue::from(label.to_owned()),
        modifier,
        scores: scores.iter().map(|s| s.map(|s| s.value())).collect(),
    };
    let mut series = vec![to_series("Team", "self", &radar.team)];
    if let Some(hr) = &radar.hr {
        series.push(to_series("HR", "hr", hr));
    }
    if let Some(ld) = &radar.ld {
        series.push(to_series("L&D", "ld", ld));
    }
    let series: Rc<[RadarSeries]> = series.into();
    html! {
        <>
            { open_workshop_notice(view.threshold) }
            <RadarChart {axes} {series} label="Radar chart of the team's mean score per dimension, with HR and L&D where both groups are large enough; the same figures are in the tables that follow." />
            <table class="results__table workshop__stats">
                <caption>{ "Team scores by dimension (0 to 100)" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Dimension" }</th>
                        <th scope="col">{ "Mean" }</th>
                        <th scope="col">{ "Level" }</th>
                        <th scope="col">{ "Median" }</th>
                        <th scope="col">{ "Range" }</th>
                        <th scope="col">{ "Spread" }</th>
                        <th scope="col">{ "Agreement" }</th>
                        <th scope="col">{ "Don't know" }</th>
                    </tr>
                </thead>
                <tbody>
                    for d in view.dimensions.iter() {
                        <tr key={d.index}>
                            <th scope="row">{ name(d.index) }</th>
                            if let Some(s) = &d.spread {
                                <td>{ format!("{:.0}", s.mean.value) }</td>
                                <td>{ { let l = Level::of(s.mean.score); format!("{l} {}", bank.level(l).name) } }</td>
                                <td>{ format!("{:.0}", s.median) }</td>
                                <td>{ format!("{}-{}", s.min, s.max) }</td>
                                <td>{ format!("{:.1}", s.std_dev) }</td>
                                <td>{ s.agreement.map_or("-", |a| a.label()) }</td>
                            } else {
                                <td colspan="6">{ missing_text(d.figure, view.threshold) }</td>
                            }
                            <td>{ rate_text(d.dont_know) }</td>
                        </tr>
                    }
                </tbody>
            </table>

            <h3>{ "How HR and L&D see it" }</h3>
            if view.gaps.is_empty() {
                if enough_for_comparison(view) {
                    <p>{ "Not compared here: HR's or L&D's figures are hidden, so that a smaller group's answers cannot be worked out from them." }</p>
                } else {
                    <p>{ format!("The comparison appears once there are at least {} HR and {} L&D participants.", view.threshold, view.threshold) }</p>
                }
            } else {
                <table class="results__table workshop__gaps">
                    <caption>{ "HR minus L&D mean score, largest difference first" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Dimension" }</th>
                            <th scope="col">{ "HR" }</th>
                            <th scope="col">{ "L&D" }</th>
                            <th scope="col">{ "Gap" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        for g in view.gaps.iter() {
                            <tr key={g.index}>
                                <th scope="row">{ name(g.index) }</th>
                                <td>{ mean_text(Some(&g.hr)) }</td>
                                <td>{ mean_text(Some(&g.ld)) }</td>
                                <td>{ format!("{:+.1}", g.gap) }</td>
                            </tr>
                        }
                    </tbody>
                </table>
            }

            <h3>{ "Where the team is most divided" }</h3>
            if view.divided.is_empty() {
                <p>{ "Not enough answers on the scale yet." }</p>
            } else {
                <ol class="workshop__divided">
                    for s in view.divided.iter() {
                        <li key={s.id.as_str()}>
                            <p class="workshop__statement">{ statement_text(bank, s.dimension, &s.id) }</p>
                            <p class="hint">{ answer_counts(s) }</p>
                        </li>
                    }
                </ol>
            }

            if view.threshold >= PROTECTED_FROM {
                <p class="hint workshop__rule">{ format!("How groups are protected: a group's figures are shown only when at least {} people make them, and a group large enough is hidden too when its figures, added to or subtracted from the others here, would give a smaller group's answers away.", view.threshold) }</p>
            }
            if let Some(protection) = view.protection() {
                <p class="workshop__protection">{ protection.sentence(view.threshold) }</p>
            }
            <p class="hint workshop__rule">{ "Gather everyone before the figures are shown: two views of a room that changed by a person or two in between differ by those people's answers." }</p>
            { group_table("By role", bank, view, &view.roles) }
            { group_table("By team label", bank, view, &view.teams) }
        </>
    }
}

fn statement_text(bank: &Bank, dimension: usize, id: &crate::assessment::StatementId) -> String {
    bank.dimensions()[dimension]
        .statements
        .iter()
        .find(|s| &s.id == id)
        .map_or_else(|| id.to_string(), |s| s.text.clone())
}

fn answer_counts(s: &crate::assessment::workshop::StatementStats) -> String {
    let counts: Vec<String> = Answer::AGREEMENT
        .into_iter()
        .chain([Answer::DontKnow])
        .map(|a| format!("{} {}", a.label(), s.answers.of(a)))
        .collect();
    counts.join(" · ")
}

fn group_table(title: &str, bank: &Bank, view: &TeamView, groups: &[Group]) -> Html {
    if groups.is_empty() {
        return Html::default();
    }
    html! {
        <table class="results__table workshop__groups">
            <caption>{ format!("{title}: mean score per dimension (groups of fewer than {} are hidden)", view.threshold) }</caption>
            <thead>
                <tr>
                    <th scope="col">{ "Group" }</th>
                    <th scope="col">{ "People" }</th>
                    for d in view.dimensions.iter() {
                        <th scope="col">{ &bank.dimensions()[d.index].name }</th>
                    }
                </tr>
            </thead>
            <tbody>
                for group in groups.iter() {
                    <tr>
                        <th scope="row">{ group.label.to_string() }</th>
                        if let Some(figures) = &group.figures {
                            <td>{ figures.members }</td>
                            for (mean, figure) in figures.means.iter().zip(figures.figures.iter()) {
                                if figure.is_shown() {
                                    <td>{ mean_text(mean.as_ref()) }</td>
                                } else {
                                    <td>{ missing_text(*figure, view.threshold) }</td>
                                }
                            }
                        } else {
                            <td colspan={(view.dimensions.len() + 1).to_string()}>{ format!("Hidden (fewer than {})", view.threshold) }</td>
                        }
                    </tr>
                }
            </tbody>
        </table>
    }
}

#[derive(Properties, PartialEq)]
struct PresenterModeProps {
    bank: Rc<Bank>,
    view: Rc<TeamView>,
    presenter: Presenter,
    on_action: Callback<WorkshopAction>,
}

/// Large type for a projector: one dimension at a time, a question for the
/// room first, then the figures when the facilitator reveals them.
#[component]
fn PresenterMode(
    PresenterModeProps {
        bank,
        view,
        presenter,
        on_action,
    }: &PresenterModeProps,
) -> Html {
    let count = view.dimensions.len();
    let Some(stats) = view.dimensions.get(presenter.position) else {
        return html! {
            <section class="presenter">
                <h1 tabindex="-1">{ "Nothing to present yet" }</h1>
                <button type="button" class="button" onclick={on_action.reform(|_| WorkshopAction::PresenterEnded)}>{ "Leave presenter mode" }</button>
            </section>
        };
    };
    let dimension = &bank.dimensions()[stats.index];
    let gap = view.gaps.iter().find(|g| g.index == stats.index);
    html! {
        <section class="presenter">
            { open_workshop_notice(view.threshold) }
            <p class="presenter__position">{ format!("Dimension {} of {count}", presenter.position + 1) }</p>
            <h1 tabindex="-1">{ &dimension.name }</h1>
            <p class="presenter__summary">{ &dimension.summary }</p>
            if !presenter.revealed {
                <p class="presenter__question">{ "Before the figures: where do you think we stand on this, and why?" }</p>
                <button type="button" class="button button--primary" onclick={on_action.reform(|_| WorkshopAction::Revealed)}>{ "Reveal the team's results" }</button>
            } else {
                <div class="presenter__figures" role="status">
                    if let Some(s) = &stats.spread {
                        <p class="presenter__score">{ format!("Team mean {:.0} · level {}, {}", s.mean.value, Level::of(s.mean.score), bank.level(Level::of(s.mean.score)).name) }</p>
                        <p>{ format!("Range {}-{} · {}", s.min, s.max, s.agreement.map_or("one score", |a| a.label())) }</p>
                    } else if stats.figure == Figure::TooFew {
                        <p class="presenter__score">{ format!("Team score hidden (fewer than {} with a score)", view.threshold) }</p>
                    } else {
                        <p class="presenter__score">{ "Not enough answers for a team score" }</p>
                    }
                    if let Some(g) = gap {
                        <p>{ format!("HR {:.0} · L&D {:.0} (gap {:+.1})", g.hr.value, g.ld.value, g.gap) }</p>
                    }
                    <p>{ format!("Don't know: {}", rate_text(stats.dont_know)) }</p>
                </div>
                if let Some(s) = &stats.spread {
                    { {
                        let guidance = dimension.guidance_at(Level::of(s.mean.score));
                        html! {
                            <div class="presenter__prompts">
                                <h2>{ "To discuss" }</h2>
                                <p>{ &guidance.next }</p>
                                <ul>
                                    for practice in guidance.practices.iter() {
                                        <li>{ format!("Could we: {}", practice) }</li>
                                    }
                                </ul>
                            </div>
                        }
                    } }
                }
            }
            <div class="nav-buttons">
                <button type="button" class="button" disabled={presenter.position == 0}
                    onclick={on_action.reform(|_| WorkshopAction::PresenterMoved(Direction::Up))}>{ "Previous dimension" }</button>
                <button type="button" class="button" onclick={on_action.reform(|_| WorkshopAction::PresenterEnded)}>{ "Leave presenter mode" }</button>
                <button type="button" class="button button--primary" disabled={presenter.position + 1 >= count}
                    onclick={on_action.reform(|_| WorkshopAction::PresenterMoved(Direction::Down))}>{ "Next dimension" }</button>
            </div>
        </section>
    }
}
