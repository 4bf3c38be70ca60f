//! The team picture: the room's figures per dimension, how HR and L&D see
//! it, where the team is most divided, and the groups by role and team
//! label; each figure as the team view lets it be seen, and why when hidden.

use crate::app::components::{RadarChart, RadarSeries};
use crate::assessment::disclosure::Figure;
use crate::assessment::language::{Key, Words};
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
pub(super) fn mode_notice(words: &Words, threshold: usize) -> Html {
    let number = words.number(threshold as f64);
    let threshold_is = [("threshold", number.as_str())];
    if threshold >= PROTECTED_FROM {
        return html! {
            <p class="workshop__mode" role="note">{ words.fill(Key::TEAM_MODE_ANONYMOUS, &threshold_is) }</p>
        };
    }
    html! {
        <p class="workshop__open" role="note">{ words.fill(Key::TEAM_MODE_OPEN, &threshold_is) }</p>
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
    words: &Words,
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
    let mut series = vec![to_series(words.get(Key::TEAM_SERIES), "self", &radar.team)];
    if let Some(hr) = &radar.hr {
        series.push(to_series(words.get(Key::OWNER_HR), "hr", hr));
    }
    if let Some(ld) = &radar.ld {
        series.push(to_series(words.get(Key::OWNER_LD), "ld", ld));
    }
    let series: Rc<[RadarSeries]> = series.into();
    let overall = view.report().overall;
    html! {
        <>
            { mode_notice(words, view.threshold) }
            <h2 id="team-heading" class="workshop__headline">{ wording::team_line(words, bank, &overall) }</h2>
            <p class="workshop__headcount">{ wording::team_headcount(words, view) }</p>
            { toolbar }
            <div class="workshop__picture">
                <RadarChart {axes} {series} label={words.get(Key::TEAM_RADAR).to_owned()} />
                <div class="workshop__comparison">
                    <h3>{ words.get(Key::TEAM_COMPARE) }</h3>
                    if view.gaps.is_empty() {
                        if enough_for_comparison(view) {
                            <p>{ words.get(Key::TEAM_COMPARE_HIDDEN) }</p>
                        } else {
                            <p>{ words.fill(Key::TEAM_COMPARE_LATER, &[("threshold", &words.number(view.threshold as f64))]) }</p>
                            if let Some(on_open) = offer_open {
                                <p>{ words.fill(Key::TEAM_COMPARE_OPEN, &[("open", &words.number(OPEN_WORKSHOP as f64))]) }</p>
                                <button type="button" class="button" onclick={on_open.reform(|_| ())}>{ words.get(Key::TEAM_COMPARE_OPEN_BUTTON) }</button>
                            }
                        }
                    } else {
                        <table class="data-table workshop__gaps">
                            <caption>{ words.get(Key::TEAM_GAPS) }</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{ words.get(Key::RESULTS_COLUMN_DIMENSION) }</th>
                                    <th scope="col">{ words.get(Key::OWNER_HR) }</th>
                                    <th scope="col">{ words.get(Key::OWNER_LD) }</th>
                                    <th scope="col">{ words.get(Key::TEAM_COLUMN_GAP) }</th>
                                </tr>
                            </thead>
                            <tbody>
                                for g in view.gaps.iter() {
                                    <tr key={g.index}>
                                        <th scope="row">{ name(g.index) }</th>
                                        <td>{ wording::mean(words, Some(&g.hr)) }</td>
                                        <td>{ wording::mean(words, Some(&g.ld)) }</td>
                                        <td>{ wording::gap(words, g) }</td>
                                    </tr>
                                }
                            </tbody>
                        </table>
                    }
                    if let Some(protection) = view.protection() {
                        <p class="workshop__protection">{ wording::protection(words, &protection, view.threshold) }</p>
                    }
                </div>
            </div>
            <table class="data-table workshop__stats">
                <caption>{ words.get(Key::TEAM_STATS) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ words.get(Key::RESULTS_COLUMN_DIMENSION) }</th>
                        <th scope="col">{ words.get(Key::TEAM_COLUMN_MEAN) }</th>
                        <th scope="col">{ words.get(Key::RESULTS_COLUMN_LEVEL) }</th>
                        <th scope="col">{ words.get(Key::TEAM_COLUMN_MEDIAN) }</th>
                        <th scope="col">{ words.get(Key::TEAM_COLUMN_RANGE) }</th>
                        <th scope="col">{ words.get(Key::TEAM_COLUMN_SPREAD) }</th>
                        <th scope="col">{ words.get(Key::TEAM_COLUMN_AGREEMENT) }</th>
                        <th scope="col">{ words.get(Key::ANSWER_DONT_KNOW) }</th>
                    </tr>
                </thead>
                <tbody>
                    for d in view.dimensions.iter() {
                        <tr key={d.index}>
                            <th scope="row">{ name(d.index) }</th>
                            if let Some(s) = &d.spread {
                                for cell in wording::team_cells(words, bank, s) {
                                    <td>{ cell }</td>
                                }
                            } else {
                                <td colspan="6">{ wording::hidden(words, d.figure, view.threshold) }</td>
                            }
                            <td>{ wording::rate(words, d.dont_know) }</td>
                        </tr>
                    }
                </tbody>
            </table>

            // The terms, explained once, on the screen and on paper.
            <dl class="workshop__terms">
                <dt>{ words.get(Key::TEAM_COLUMN_SPREAD) }</dt>
                <dd>{ words.get(Key::TEAM_SPREAD) }</dd>
                <dt>{ words.get(Key::TEAM_COLUMN_AGREEMENT) }</dt>
                <dd>
                    for agreement in Agreement::ALL {
                        <span>{ words.fill(Key::TEAM_AGREEMENT_TERM, &[("label", words.get(agreement.key())), ("meaning", words.get(agreement.meaning_key()))]) }{ " " }</span>
                    }
                </dd>
            </dl>

            <h3>{ words.get(Key::TEAM_DIVIDED) }</h3>
            { divided_list(words, bank, view, DIVIDED_COUNT) }
            <p class="hint">{ words.get(Key::TEAM_DIVIDED_RULE) }</p>

            if view.threshold >= PROTECTED_FROM {
                <p class="hint workshop__rule">{ words.fill(Key::TEAM_PROTECTED, &[("threshold", &words.number(view.threshold as f64))]) }</p>
            }
            <p class="hint workshop__rule">{ words.get(Key::TEAM_GATHER_FIRST) }</p>
            { group_table(words, words.get(Key::TEAM_BY_ROLE), bank, view, &view.roles) }
            { group_table(words, words.get(Key::TEAM_BY_TEAM), bank, view, &view.teams) }
        </>
    }
}

/// The statements the room is most divided on, each with its dimension and
/// a bar of how the answers fell, the counts written beside it; and, where
/// the anonymity rules let it be shown, the same for HR and for L&D; the
/// first `at_most` of them.
pub(super) fn divided_list(words: &Words, bank: &Bank, view: &TeamView, at_most: usize) -> Html {
    if view.divided.is_empty() {
        return html! { <p>{ words.get(Key::TEAM_DIVIDED_NONE) }</p> };
    }
    html! {
        <ol class="workshop__divided">
            for s in view.divided.iter().take(at_most) {
                <li key={s.id.as_str()}>
                    <p class="workshop__statement">{ statement_text(bank, s.dimension, &s.id) }</p>
                    <p class="workshop__statement-dimension">{ &bank.dimensions()[s.dimension].name }</p>
                    { answer_bar(&s.answers) }
                    <p class="hint">{ wording::answer_counts(words, &s.answers) }</p>
                    if let Some(split) = &s.split {
                        <dl class="workshop__split">
                            for (group, answers) in [(words.get(Key::OWNER_HR), &split.hr), (words.get(Key::OWNER_LD), &split.ld)] {
                                <div class="workshop__split-group">
                                    <dt>{ group }</dt>
                                    <dd>{ answer_bar(answers) }</dd>
                                    <dd class="hint workshop__split-counts">{ wording::answer_counts(words, answers) }</dd>
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

fn group_table(words: &Words, title: &str, bank: &Bank, view: &TeamView, groups: &[Group]) -> Html {
    if groups.is_empty() {
        return Html::default();
    }
    html! {
        <table class="data-table workshop__groups">
            <caption>{ words.fill(Key::TEAM_GROUPS, &[("title", title), ("threshold", &words.number(view.threshold as f64))]) }</caption>
            <thead>
                <tr>
                    <th scope="col">{ words.get(Key::TEAM_COLUMN_GROUP) }</th>
                    <th scope="col">{ words.get(Key::TEAM_COLUMN_PEOPLE) }</th>
                    for d in view.dimensions.iter() {
                        <th scope="col">{ &bank.dimensions()[d.index].name }</th>
                    }
                </tr>
            </thead>
            <tbody>
                for group in groups.iter() {
                    <tr>
                        <th scope="row">{ wording::group_label(words, &group.label) }</th>
                        if let Some(figures) = &group.figures {
                            <td>{ words.number(figures.members as f64) }</td>
                            for (mean, figure) in figures.means.iter().zip(figures.figures.iter()) {
                                <td>{ wording::group_mean(words, mean.as_ref(), *figure, view.threshold) }</td>
                            }
                        } else {
                            <td colspan={(view.dimensions.len() + 1).to_string()}>{ wording::hidden(words, Figure::TooFew, view.threshold) }</td>
                        }
                    </tr>
                }
            </tbody>
        </table>
    }
}
