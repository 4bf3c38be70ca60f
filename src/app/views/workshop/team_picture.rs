//! The team picture: the room's figures per dimension, how HR and L&D see
//! it, where the team is most divided, and the groups by role and team
//! label; each figure as the team view lets it be seen, and why when hidden.

use crate::app::components::{RadarChart, RadarSeries};
use crate::assessment::workshop::{Group, StatementStats, TeamView, PROTECTED_FROM};
use crate::assessment::{wording, Answer, Bank, Role, Score, StatementId};
use std::rc::Rc;
use yew::prelude::*;

/// What every view of an open workshop says first.
pub(super) fn open_workshop_notice(threshold: usize) -> Html {
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
pub(super) fn team_picture(bank: &Bank, view: &TeamView) -> Html {
    let name = |index: usize| bank.dimensions()[index].name.clone();
    let radar = view.radar();
    let axes: Rc<[AttrValue]> = radar
        .dimensions
        .iter()
        .map(|&i| AttrValue::from(name(i)))
        .collect();
    let to_series = |label: &str, modifier: &'static str, scores: &[Option<Score>]| RadarSeries {
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
            <table class="data-table workshop__stats">
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
                                for cell in wording::team_cells(bank, s) {
                                    <td>{ cell }</td>
                                }
                            } else {
                                <td colspan="6">{ wording::hidden(d.figure, view.threshold) }</td>
                            }
                            <td>{ wording::rate(d.dont_know) }</td>
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
                <table class="data-table workshop__gaps">
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
                                <td>{ wording::mean(Some(&g.hr)) }</td>
                                <td>{ wording::mean(Some(&g.ld)) }</td>
                                <td>{ wording::gap(g) }</td>
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

fn statement_text(bank: &Bank, dimension: usize, id: &StatementId) -> String {
    bank.dimensions()[dimension]
        .statements
        .iter()
        .find(|s| &s.id == id)
        .map_or_else(|| id.to_string(), |s| s.text.clone())
}

fn answer_counts(s: &StatementStats) -> String {
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
        <table class="data-table workshop__groups">
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
                                    <td>{ wording::mean(mean.as_ref()) }</td>
                                } else {
                                    <td>{ wording::hidden(*figure, view.threshold) }</td>
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
