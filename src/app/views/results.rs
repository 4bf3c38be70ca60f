//! The result: overall level and the rule behind it, the radar chart and its
//! table, strengths, priorities, each dimension's next-level guidance, and
//! (for the person's own result) targets, the action plan, sharing, files and
//! comparison. The same view shows a result opened from a link, read-only.

use crate::app::components::ChosenFile;
use crate::app::components::{
    contact_link, ActionPlan, Comparison, RadarChart, RadarSeries, ShareResult, Transfer,
};
use crate::assessment::plan::{self, PlanChange};
use crate::assessment::wording;
use crate::assessment::{
    overall_rule, Bank, Config, DimensionResult, Link, Overall, Progress, Report,
};
use std::rc::Rc;
use yew::prelude::*;

/// What the person can do with the result on screen.
// Made once per render and compared as a prop; boxing the larger variant
// would add an allocation and save nothing measurable.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, PartialEq)]
pub enum Ownership {
    /// Their own result: plan, share, export, import and compare.
    Own {
        code: AttrValue,
        link: AttrValue,
        /// An earlier result to compare with, or why it could not be read.
        earlier: Option<Result<Progress, AttrValue>>,
        /// The outcome of the last import.
        import: Option<Result<AttrValue, AttrValue>>,
        /// Changed the action plan or a target.
        on_plan_changed: Callback<PlanChange>,
        /// Chose to change their answers.
        on_went_back: Callback<()>,
        /// Chose a JSON export to restore.
        on_file_imported: Callback<ChosenFile>,
        /// Entered an earlier result code or link to compare with.
        on_earlier_code_entered: Callback<String>,
        /// Chose an earlier export to compare with.
        on_earlier_file_chosen: Callback<ChosenFile>,
        /// Stopped comparing.
        on_comparison_closed: Callback<()>,
    },
    /// A result opened from a link: shown, nothing changed; a facilitator
    /// can add it to the workshop on this device.
    Shared {
        on_add_to_workshop: Callback<()>,
        /// Closed it, to return to their own.
        on_closed: Callback<()>,
    },
}

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub bank: Rc<Bank>,
    pub progress: Progress,
    pub ownership: Ownership,
    /// A consultant's configuration: the title, their closing words and
    /// contact link.
    #[prop_or_default]
    pub config: Option<Rc<Config>>,
    /// The date printed on the report.
    pub printed_on: AttrValue,
}

#[component]
pub fn Results(
    ResultsProps {
        bank,
        progress,
        ownership,
        config,
        printed_on,
    }: &ResultsProps,
) -> Html {
    let report = progress.report(bank);
    // A quick and a full result compare on the dimensions they share: each
    // figure is looked up by dimension, not by position.
    let earlier = match ownership {
        Ownership::Own {
            earlier: Some(Ok(earlier)),
            ..
        } => Some(earlier.report(bank)),
        _ => None,
    };
    let name = |d: &DimensionResult| bank.dimensions()[d.index].name.clone();

    let axes = radar_axes(bank, &report);
    let earlier_score = |index: usize| {
        earlier
            .as_ref()
            .and_then(|e| e.dimensions.iter().find(|d| d.index == index))
            .and_then(|d| d.score())
    };
    let mut series = vec![RadarSeries {
        label: "This result".into(),
        modifier: "self",
        scores: radar_scores(&report),
    }];
    if earlier.is_some() {
        series.push(RadarSeries {
            label: "Earlier result".into(),
            modifier: "other",
            scores: report
                .dimensions
                .iter()
                .map(|d| earlier_score(d.index).map(|s| s.value()))
                .collect(),
        });
    }
    let series: Rc<[RadarSeries]> = series.into();
    let is_own = matches!(ownership, Ownership::Own { .. });
    let title = config.as_ref().map_or(bank.title(), |c| c.title());
    let closing = config.as_ref().map(|c| c.closing()).unwrap_or_default();
    let contact = config.as_ref().and_then(|c| c.contact());

    // The first steps: the person's own plan, or the one Tandem drafts for
    // this result when there is none yet (a result opened from a link).
    let first_plan = if progress.plan.drafted {
        progress.plan.clone()
    } else {
        let mut plan = plan::ActionPlan::default();
        plan.redraft(bank, &report);
        plan
    };

    // Who answered: "Quick assessment · Role: HR · Team: North", and on the
    // title page "Quick assessment result · ...".
    let about_with = |first: String| {
        let mut parts = vec![first];
        if let Some(role) = progress.role {
            parts.push(format!("Role: {}", role.label()));
        }
        if !progress.team.is_empty() {
            parts.push(format!("Team: {}", progress.team));
        }
        parts.join(" · ")
    };
    let about = about_with(progress.mode.label().to_owned());
    let cover_about = about_with(format!("{} result", progress.mode.label()));

    html! {
        <section class="results">
            // The printed report's title page: what, for whom, when.
            <div class="report-cover">
                <p class="report-cover__kind">{ "Tandem report" }</p>
                if let Some(organisation) = config.as_ref().and_then(|c| c.organisation()) {
                    <p class="report-cover__organisation">{ organisation }</p>
                }
                <p class="report-cover__title">{ title }</p>
                <p>{ cover_about }</p>
                <p>{ format!("Printed on {printed_on}") }</p>
            </div>
            <p class="report-title">{ format!("Tandem report: {} · {printed_on}", title) }</p>
            if is_own {
                <h1 tabindex="-1">{ "Your result" }</h1>
            } else {
                <h1 tabindex="-1">{ "Shared result" }</h1>
                <div class="results__shared" role="status">
                    <p>{ "This result was opened from a link. It is shown here only: your own answers on this device are untouched, and nothing is saved." }</p>
                    if let Ownership::Shared { on_add_to_workshop, on_closed } = ownership {
                        <button type="button" class="button button--primary" onclick={on_add_to_workshop.reform(|_| ())}>{ "Add to the workshop on this device" }</button>
                        <button type="button" class="button" onclick={on_closed.reform(|_| ())}>{ "Close the shared result" }</button>
                    }
                </div>
            }
            <p class="results__about">{ about }</p>

            <p class="results__summary">{ wording::result_summary(bank, &report, is_own.then(|| progress.plan.actions.iter().filter(|a| !a.text.is_empty()).count())) }</p>
            <div class="results__lead">
                { overall_summary(bank, &report) }
                <RadarChart
                    {axes}
                    {series}
                    label="Radar chart of the scores by dimension; the same figures are in the table under Scores by dimension."
                />
                { first_steps(bank, &first_plan, is_own) }
            </div>

            if let Ownership::Own { code, link, .. } = ownership {
                <ShareResult code={code.clone()} link={link.clone()}>
                    <div class="toolbar">
                        <button type="button" class="button" onclick={Callback::from(|_| crate::page::print())}>{ "Print / save as PDF" }</button>
                    </div>
                </ShareResult>
            }

            { closing_words(closing, contact) }

            <section class="results__scores" aria-labelledby="scores-heading">
                <h2 id="scores-heading">{ "Scores by dimension" }</h2>
                <table class="data-table">
                    <caption>{ "Score out of 100, level and how many statements each score is based on" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Dimension" }</th>
                            <th scope="col">{ "Score" }</th>
                            <th scope="col">{ "Level" }</th>
                            <th scope="col">{ "Based on" }</th>
                            if earlier.is_some() {
                                <th scope="col">{ "Earlier" }</th>
                                <th scope="col">{ "Change" }</th>
                            }
                        </tr>
                    </thead>
                    <tbody>
                        for d in report.dimensions.iter() {
                            <tr key={d.index}>
                                <th scope="row">{ name(d) }</th>
                                for cell in wording::result_cells(bank, d) {
                                    <td>{ cell }</td>
                                }
                                if earlier.is_some() {
                                    <td>{ wording::score_cell(earlier_score(d.index)) }</td>
                                    <td>{ wording::change(d.score(), earlier_score(d.index)) }</td>
                                }
                            </tr>
                        }
                    </tbody>
                </table>
            </section>

            <div class="results__highlights">
                <section aria-labelledby="strengths-heading">
                    <h2 id="strengths-heading">{ "Strengths" }</h2>
                    <p class="hint">{ wording::strengths_rule(bank) }</p>
                    { highlight_list(&report.strengths(), &name, wording::no_strengths(bank)) }
                </section>
                <section aria-labelledby="priorities-heading">
                    <h2 id="priorities-heading">{ "Top priorities" }</h2>
                    <p class="hint">{ wording::priorities_rule(bank) }</p>
                    { highlight_list(&report.priorities(), &name, wording::no_priorities(bank)) }
                </section>
            </div>

            <details class="results__rule">
                <summary><h2 id="rule-heading">{ "How this result is worked out" }</h2></summary>
                <p>{ overall_rule(bank) }</p>
            </details>

            <section class="results__guidance" aria-labelledby="guidance-heading">
                <h2 id="guidance-heading">{ "What to do next, dimension by dimension" }</h2>
                for d in report.dimensions.iter() {
                    { dimension_card(bank, d) }
                }
            </section>

            if let Ownership::Own {
                earlier, import, on_plan_changed, on_went_back, on_file_imported,
                on_earlier_code_entered, on_earlier_file_chosen, on_comparison_closed, ..
            } = ownership {
                <ActionPlan
                    bank={Rc::clone(bank)}
                    report={Rc::new(report.clone())}
                    plan={progress.plan.clone()}
                    on_change={on_plan_changed.clone()}
                />
                <Transfer bank={Rc::clone(bank)} progress={progress.clone()} import={import.clone()} on_file_imported={on_file_imported.clone()} />
                <Comparison
                    earlier={earlier.clone()}
                    on_code_entered={on_earlier_code_entered.clone()}
                    on_file_chosen={on_earlier_file_chosen.clone()}
                    on_closed={on_comparison_closed.clone()}
                />
                <div class="nav-buttons">
                    <button type="button" class="button" onclick={on_went_back.reform(|_| ())}>{ "Change my answers" }</button>
                </div>
            }
        </section>
    }
}

/// The radar chart's axes: the result's dimensions by name.
pub(super) fn radar_axes(bank: &Bank, report: &Report) -> Rc<[AttrValue]> {
    report
        .dimensions
        .iter()
        .map(|d| AttrValue::from(bank.dimensions()[d.index].name.clone()))
        .collect()
}

/// A result's scores in the order of [`radar_axes`], `None` for no score.
pub(super) fn radar_scores(report: &Report) -> Rc<[Option<u8>]> {
    report
        .dimensions
        .iter()
        .map(|d| d.score().map(|s| s.value()))
        .collect()
}

/// The consultant's closing words and contact link, when there are any.
/// Root class `results__closing`.
pub(super) fn closing_words(closing: &[String], contact: Option<&Link>) -> Html {
    if closing.is_empty() && contact.is_none() {
        return Html::default();
    }
    html! {
        <section class="results__closing" aria-label="A word from the people running this assessment">
            for paragraph in closing.iter() {
                <p>{ paragraph }</p>
            }
            if let Some(contact) = contact {
                { contact_link(contact) }
            }
        </section>
    }
}

/// The headline: the overall level, what it rests on and its meaning.
/// Root class `results__overall`.
pub(super) fn overall_summary(bank: &Bank, report: &Report) -> Html {
    match report.overall {
        Overall::NotEnoughAnswers => html! {
            <div class="results__overall">
                <p class="results__overall-level">{ wording::overall_line(bank, &report.overall) }</p>
                <p class="results__basis">{ wording::basis_line(report.basis()) }</p>
                <p>{ "Fewer than half of the dimensions have enough answers for a score. Change some \"Don't know\" answers where you can judge, to get an overall result." }</p>
            </div>
        },
        Overall::Scored {
            score,
            level,
            uncapped,
        } => {
            let info = bank.level(level);
            html! {
                <div class={format!("results__overall results__overall--level-{level}")}>
                    <p class="results__overall-level">
                        { wording::overall_line(bank, &report.overall) }
                    </p>
                    <p class="results__overall-score">{ wording::overall_score_line(score) }</p>
                    <p class="results__basis">{ wording::basis_line(report.basis()) }</p>
                    <p>{ &info.summary }</p>
                    if uncapped > level {
                        <p class="results__cap">
                            { format!(
                                "Your average alone would place the partnership at level {uncapped}, {}. \
                                 The overall level is held one level above your lowest dimension, \
                                 because a partnership is only as strong as its weakest area.",
                                bank.level(uncapped).name
                            ) }
                        </p>
                    }
                    if let Some(tentative) = wording::tentative(report.basis()) {
                        <p class="results__tentative" role="note">{ tentative }</p>
                    }
                </div>
            }
        }
    }
}

/// How many of the plan's actions the top of the result shows.
const FIRST_STEPS: usize = 3;

/// The plan's first action for each of its first dimensions, at the top
/// of the result: what to do first.
pub(super) fn first_steps(bank: &Bank, plan: &plan::ActionPlan, is_own: bool) -> Html {
    // One step per dimension, in the plan's order: the first thing to do
    // about each of the most urgent.
    let mut steps: Vec<&plan::PlannedAction> = Vec::new();
    for action in plan.actions.iter().filter(|a| !a.text.is_empty()) {
        if steps.len() < FIRST_STEPS && steps.iter().all(|s| s.dimension != action.dimension) {
            steps.push(action);
        }
    }
    if steps.is_empty() {
        return Html::default();
    }
    html! {
        <section class="results__first-steps" aria-labelledby="first-steps-heading">
            <h2 id="first-steps-heading">{ "Where to start" }</h2>
            <ol>
                for action in steps {
                    <li key={action.id}>
                        <p>{ &action.text }</p>
                        <p class="hint">{ wording::action_line(bank, action) }</p>
                    </li>
                }
            </ol>
            if is_own {
                <p class="results__first-steps-more">
                    <button type="button" class="button button--quiet" onclick={Callback::from(|_| crate::page::focus("#plan-heading"))}>
                        { "See and change the whole plan" }
                    </button>
                </p>
            }
        </section>
    }
}

fn highlight_list(
    dimensions: &[&DimensionResult],
    name: &dyn Fn(&DimensionResult) -> String,
    empty: String,
) -> Html {
    if dimensions.is_empty() {
        return html! { <p>{ empty }</p> };
    }
    html! {
        <ol class="results__highlight-list">
            for d in dimensions.iter() {
                <li key={d.index}>
                    { name(d) }
                    if let Some(score) = d.score() {
                        { format!(" ({score})") }
                    }
                </li>
            }
        </ol>
    }
}

fn dimension_card(bank: &Bank, d: &DimensionResult) -> Html {
    let dimension = &bank.dimensions()[d.index];
    let body = match d.scored {
        None => html! {
            <p class="dimension-card__not-enough">
                { wording::dimension_line(bank, d) }
            </p>
        },
        Some((_, level)) => {
            let guidance = dimension.guidance_at(level);
            let heading = match level.next() {
                Some(next) => format!("What level {next}, {}, looks like", bank.level(next).name),
                None => "How to stay at the top level".to_owned(),
            };
            html! {
                <>
                    <p class="dimension-card__score">
                        { wording::dimension_line(bank, d) }
                    </p>
                    <h4>{ heading }</h4>
                    <p>{ &guidance.next }</p>
                    <h4>{ "Practices to get there" }</h4>
                    <ul>
                        for practice in guidance.practices.iter() {
                            <li>{ &practice.text }</li>
                        }
                    </ul>
                </>
            }
        }
    };
    html! {
        <article class="dimension-card" key={d.index}>
            <h3>{ &dimension.name }</h3>
            <p class="dimension-card__summary">{ &dimension.summary }</p>
            { body }
        </article>
    }
}
