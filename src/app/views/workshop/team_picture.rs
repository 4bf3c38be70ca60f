//! The team picture: the room's figures per dimension, how HR and L&D see
//! it, where the team is most divided, and the groups by role and team
//! label; each figure as the team view lets it be seen, and why when hidden.

use crate::app::components::{RadarChart, RadarSeries};
use crate::assessment::disclosure::Figure;
use crate::assessment::workshop::{
    Agreement, AnswerCounts, Group, TeamView, DIVIDED_COUNT, PROTECTED_FROM,
};
use crate::assessment::{wording, Answer, Bank, Role, Score, StatementId};
use std::rc::Rc;
use yew::prelude::*;

/// The smallest groups an open workshop shows: the room agrees that a pair's
/// figures may be read as theirs.
pub(super) const OPEN_WORKSHOP: usize = 2;

/// What every view of the team says first: which mode the workshop is in.
pub(super) fn mode_notice(threshold: usize) -> Html {
    if threshold >= PROTECTED_FROM {
        return html! {
            <p class="workshop__mode" role="note">
                { format!("Anonymous workshop: no group of fewer than {threshold} is shown on its own.") }
            </p>
        };
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

/// The team picture: its headline and head count, then `toolbar` (what the
/// facilitator can do with it), the chart beside the HR and L&D
/// comparison, and the tables. `offer_open` is offered where a small room
/// hides the comparison and the site allows an open workshop.
pub(super) fn team_picture(
    bank: &Bank,
    view: &TeamView,
    toolbar: Html,
    offer_open: Option<Callback<()>>,
) -> Html {
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
    let overall = view.report().overall;
    html! {
        <>
            { mode_notice(view.threshold) }
            <h2 id="team-heading" class="workshop__headline">{ wording::team_line(bank, &overall) }</h2>
            <p class="workshop__headcount">{ headcount(view) }</p>
            { toolbar }
            <div class="workshop__picture">
                <RadarChart {axes} {series} label="Radar chart of the team's mean score per dimension, with HR and L&D where both groups are large enough; the same figures are in the tables that follow." />
                <div class="workshop__comparison">
                    <h3>{ "How HR and L&D see it" }</h3>
                    if view.gaps.is_empty() {
                        if enough_for_comparison(view) {
                            <p>{ "Not compared here: HR's or L&D's figures are hidden, so that a smaller group's answers cannot be worked out from them." }</p>
                        } else {
                            <p>{ format!("The comparison appears once there are at least {} HR and {} L&D participants.", view.threshold, view.threshold) }</p>
                            if let Some(on_open) = offer_open {
                                <p>{ format!("In a small room that agrees to it, an open workshop shows groups of {OPEN_WORKSHOP}: their figures can then be read as those people's own.") }</p>
                                <button type="button" class="button" onclick={on_open.reform(|_| ())}>{ "The room agrees: make this an open workshop" }</button>
                            }
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
                    if let Some(protection) = view.protection() {
                        <p class="workshop__protection">{ protection.sentence(view.threshold) }</p>
                    }
                </div>
            </div>
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

            // The terms, explained once, on the screen and on paper.
            <dl class="workshop__terms">
                <dt>{ "Spread" }</dt>
                <dd>{ "How far a typical score lies from the team's mean, in points (the standard deviation). A level is 20 points wide." }</dd>
                <dt>{ "Agreement" }</dt>
                <dd>
                    for agreement in Agreement::ALL {
                        <span>{ format!("{}: {} ", agreement.label(), agreement.meaning()) }</span>
                    }
                </dd>
            </dl>

            <h3>{ "Where the team is most divided" }</h3>
            { divided_list(bank, view, DIVIDED_COUNT) }
            <p class="hint">{ "One statement a dimension at most, the most divided: beside the dimension's mean scores, the answers to more of its statements would give away what someone who answered only some of them said." }</p>

            if view.threshold >= PROTECTED_FROM {
                <p class="hint workshop__rule">{ format!("How groups are protected: a group's figures are shown only when at least {} people make them, and a group large enough is hidden too when its figures, added to or subtracted from the others here, would give a smaller group's answers away.", view.threshold) }</p>
            }
            <p class="hint workshop__rule">{ "Gather everyone before the figures are shown: two views of a room that changed by a person or two in between differ by those people's answers." }</p>
            { group_table("By role", bank, view, &view.roles) }
            { group_table("By team label", bank, view, &view.teams) }
        </>
    }
}

/// "9 participants: HR 5 · L&D 3 · Line manager 1", under the team's
/// headline.
fn headcount(view: &TeamView) -> String {
    let people = match view.participants {
        1 => "1 participant".to_owned(),
        n => format!("{n} participants"),
    };
    match roles_line(view) {
        Some(roles) => format!("{people}: {roles}"),
        None => people,
    }
}

/// "HR 5 · L&D 3 · Line manager 1": how many of each role are in, or
/// `None` for an empty room.
pub(super) fn roles_line(view: &TeamView) -> Option<String> {
    let roles: Vec<String> = view
        .by_role
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(role, n)| format!("{} {n}", role.label()))
        .chain((view.without_role > 0).then(|| format!("No role {}", view.without_role)))
        .collect();
    (!roles.is_empty()).then(|| roles.join(" · "))
}

/// The statements the room is most divided on, each with its dimension and
/// a bar of how the answers fell, the counts written beside it; and, where
/// the anonymity rules let it be shown, the same for HR and for L&D; the
/// first `at_most` of them.
pub(super) fn divided_list(bank: &Bank, view: &TeamView, at_most: usize) -> Html {
    if view.divided.is_empty() {
        return html! { <p>{ "Not enough answers on the scale yet." }</p> };
    }
    html! {
        <ol class="workshop__divided">
            for s in view.divided.iter().take(at_most) {
                <li key={s.id.as_str()}>
                    <p class="workshop__statement">{ statement_text(bank, s.dimension, &s.id) }</p>
                    <p class="workshop__statement-dimension">{ &bank.dimensions()[s.dimension].name }</p>
                    { answer_bar(&s.answers) }
                    <p class="hint">{ wording::answer_counts(&s.answers) }</p>
                    if let Some(split) = &s.split {
                        <dl class="workshop__split">
                            for (group, answers) in [("HR", &split.hr), ("L&D", &split.ld)] {
                                <div class="workshop__split-group">
                                    <dt>{ group }</dt>
                                    <dd>{ answer_bar(answers) }</dd>
                                    <dd class="hint workshop__split-counts">{ wording::answer_counts(answers) }</dd>
                                </div>
                            }
                        </dl>
                    }
                </li>
            }
        </ol>
    }
}

/// The answers to a statement as one bar, strongly disagree to strongly
/// agree then "Don't know", each part as wide as its share. Drawn in SVG,
/// whose widths are attributes, so the strict style policy holds.
fn answer_bar(counts: &AnswerCounts) -> Html {
    let answers: Vec<(Answer, usize)> = Answer::AGREEMENT
        .into_iter()
        .chain([Answer::DontKnow])
        .map(|a| (a, counts.of(a)))
        .collect();
    let total: usize = answers.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return Html::default();
    }
    let mut x = 0.0;
    let parts = answers
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(answer, n)| {
            let width = 100.0 * n as f64 / total as f64;
            let part = html! {
                <rect class={format!("answer-bar__part answer-bar__part--{}", answer.token())}
                    x={format!("{x:.2}")} y="0" width={format!("{width:.2}")} height="10" />
            };
            x += width;
            part
        });
    html! {
        <svg class="answer-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
            { for parts }
        </svg>
    }
}

fn statement_text(bank: &Bank, dimension: usize, id: &StatementId) -> String {
    bank.dimensions()[dimension]
        .statements
        .iter()
        .find(|s| &s.id == id)
        .map_or_else(|| id.to_string(), |s| s.text.clone())
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
                                <td>{ wording::group_mean(mean.as_ref(), *figure, view.threshold) }</td>
                            }
                        } else {
                            <td colspan={(view.dimensions.len() + 1).to_string()}>{ wording::hidden(Figure::TooFew, view.threshold) }</td>
                        }
                    </tr>
                }
            </tbody>
        </table>
    }
}
