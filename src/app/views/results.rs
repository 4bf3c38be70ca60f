//! The result: overall level and the rule behind it, the radar chart and its
//! table, strengths, priorities, each dimension's next-level guidance, and
//! (for the person's own result) targets, the action plan, sharing, files and
//! comparison. The same view shows a result opened from a link, read-only.

use crate::app::components::{
    contact_link, ActionPlan, Comparison, RadarChart, RadarSeries, ShareResult, Transfer,
};
use crate::app::components::{use_words, ChosenFile};
use crate::app::state::Refused;
use crate::assessment::language::{Key, Words};
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
        earlier: Option<Result<Progress, Refused>>,
        /// The outcome of the last import.
        import: Option<Result<AttrValue, Refused>>,
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
    /// The bank in the reader's language.
    pub bank: Rc<Bank>,
    /// The bank in its own language, as answers and plans are kept and
    /// exported.
    pub source: Rc<Bank>,
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
        source,
        progress,
        ownership,
        config,
        printed_on,
    }: &ResultsProps,
) -> Html {
    let words = use_words();
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
        label: words.get(Key::RESULTS_RADAR_THIS).to_owned().into(),
        modifier: "self",
        scores: radar_scores(&report),
    }];
    if earlier.is_some() {
        series.push(RadarSeries {
            label: words.get(Key::RESULTS_RADAR_EARLIER).to_owned().into(),
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
    let language = words.language();
    let title = config
        .as_ref()
        .map_or(bank.title(), |c| c.title_over(bank, language));
    let closing = config
        .as_ref()
        .map(|c| c.closing_in(language))
        .unwrap_or_default();
    let contact = config.as_ref().and_then(|c| c.contact());

    // The first steps: the person's own plan, or the one Tandem drafts for
    // this result when there is none yet (a result opened from a link).
    let shown_plan = progress.plan.in_language(source, bank);
    let first_plan = if progress.plan.drafted {
        shown_plan.clone()
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
            parts.push(words.fill(Key::RESULTS_ABOUT_ROLE, &[("role", words.get(role.key()))]));
        }
        if !progress.team.is_empty() {
            parts.push(words.fill(Key::RESULTS_ABOUT_TEAM, &[("team", &progress.team)]));
        }
        parts.join(" · ")
    };
    let mode = words.get(progress.mode.key());
    let about = about_with(mode.to_owned());
    let cover_about = about_with(words.fill(Key::RESULTS_COVER, &[("mode", mode)]));

    html! {
        <section class="results">
            // The printed report's title page: what, for whom, when.
            <div class="report-cover">
                <p class="report-cover__kind">{ words.get(Key::RESULTS_KIND) }</p>
                if let Some(organisation) = config.as_ref().and_then(|c| c.organisation()) {
                    <p class="report-cover__organisation">{ organisation }</p>
                }
                <p class="report-cover__title">{ title }</p>
                <p>{ cover_about }</p>
                <p>{ words.fill(Key::RESULTS_PRINTED, &[("date", printed_on)]) }</p>
            </div>
            <p class="report-title">{ words.fill(Key::RESULTS_REPORT_TITLE, &[("title", title), ("date", printed_on)]) }</p>
            if is_own {
                <h1 tabindex="-1">{ words.get(Key::RESULTS_OWN) }</h1>
            } else {
                <h1 tabindex="-1">{ words.get(Key::RESULTS_SHARED) }</h1>
                <div class="results__shared" role="status">
                    <p>{ words.get(Key::RESULTS_SHARED_NOTE) }</p>
                    if let Ownership::Shared { on_add_to_workshop, on_closed } = ownership {
                        <button type="button" class="button button--primary" onclick={on_add_to_workshop.reform(|_| ())}>{ words.get(Key::RESULTS_SHARED_ADD) }</button>
                        <button type="button" class="button" onclick={on_closed.reform(|_| ())}>{ words.get(Key::RESULTS_SHARED_CLOSE) }</button>
                    }
                </div>
            }
            <p class="results__about">{ about }</p>

            <p class="results__summary">{ wording::result_summary(&words, bank, &report, is_own.then(|| shown_plan.actions.iter().filter(|a| !a.text.is_empty()).count())) }</p>
            <div class="results__lead">
                { overall_summary(&words, bank, &report) }
                <RadarChart
                    {axes}
                    {series}
                    label={AttrValue::from(words.get(Key::RESULTS_RADAR).to_owned())}
                />
                { first_steps(&words, bank, &first_plan, is_own) }
            </div>

            if let Ownership::Own { code, link, .. } = ownership {
                <ShareResult code={code.clone()} link={link.clone()}>
                    <div class="toolbar">
                        <button type="button" class="button" onclick={Callback::from(|_| crate::page::print())}>{ words.get(Key::RESULTS_PRINT) }</button>
                    </div>
                </ShareResult>
            }

            { closing_words(closing, contact, &words) }

            <section class="results__scores" aria-labelledby="scores-heading">
                <h2 id="scores-heading">{ words.get(Key::RESULTS_SCORES) }</h2>
                <table class="data-table">
                    <caption>{ words.get(Key::RESULTS_SCORES_CAPTION) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ words.get(Key::RESULTS_COLUMN_DIMENSION) }</th>
                            <th scope="col">{ words.get(Key::RESULTS_COLUMN_SCORE) }</th>
                            <th scope="col">{ words.get(Key::RESULTS_COLUMN_LEVEL) }</th>
                            <th scope="col">{ words.get(Key::RESULTS_COLUMN_BASED_ON) }</th>
                            if earlier.is_some() {
                                <th scope="col">{ words.get(Key::RESULTS_COLUMN_EARLIER) }</th>
                                <th scope="col">{ words.get(Key::RESULTS_COLUMN_CHANGE) }</th>
                            }
                        </tr>
                    </thead>
                    <tbody>
                        for d in report.dimensions.iter() {
                            <tr key={d.index}>
                                <th scope="row">{ name(d) }</th>
                                for cell in wording::result_cells(&words, bank, d) {
                                    <td>{ cell }</td>
                                }
                                if earlier.is_some() {
                                    <td>{ wording::score_cell(&words, earlier_score(d.index)) }</td>
                                    <td>{ wording::change(&words, d.score(), earlier_score(d.index)) }</td>
                                }
                            </tr>
                        }
                    </tbody>
                </table>
            </section>

            <div class="results__highlights">
                <section aria-labelledby="strengths-heading">
                    <h2 id="strengths-heading">{ words.get(Key::RESULTS_STRENGTHS) }</h2>
                    <p class="hint">{ wording::strengths_rule(&words, bank) }</p>
                    { highlight_list(&words, &report.strengths(), &name, wording::no_strengths(&words, bank)) }
                </section>
                <section aria-labelledby="priorities-heading">
                    <h2 id="priorities-heading">{ words.get(Key::RESULTS_PRIORITIES) }</h2>
                    <p class="hint">{ wording::priorities_rule(&words, bank) }</p>
                    { highlight_list(&words, &report.priorities(), &name, wording::no_priorities(&words, bank)) }
                </section>
            </div>

            <details class="results__rule">
                <summary><h2 id="rule-heading">{ words.get(Key::RESULTS_RULE) }</h2></summary>
                <p>{ overall_rule(&words, bank) }</p>
            </details>

            <section class="results__guidance" aria-labelledby="guidance-heading">
                <h2 id="guidance-heading">{ words.get(Key::RESULTS_GUIDANCE) }</h2>
                for d in report.dimensions.iter() {
                    { dimension_card(&words, bank, d) }
                }
            </section>

            if let Ownership::Own {
                earlier, import, on_plan_changed, on_went_back, on_file_imported,
                on_earlier_code_entered, on_earlier_file_chosen, on_comparison_closed, ..
            } = ownership {
                <ActionPlan
                    bank={Rc::clone(bank)}
                    report={Rc::new(report.clone())}
                    plan={shown_plan.clone()}
                    on_change={on_plan_changed.clone()}
                />
                <Transfer bank={Rc::clone(source)} progress={progress.clone()} import={import.clone()} on_file_imported={on_file_imported.clone()} />
                <Comparison
                    earlier={earlier.clone()}
                    on_code_entered={on_earlier_code_entered.clone()}
                    on_file_chosen={on_earlier_file_chosen.clone()}
                    on_closed={on_comparison_closed.clone()}
                />
                <div class="nav-buttons">
                    <button type="button" class="button" onclick={on_went_back.reform(|_| ())}>{ words.get(Key::RESULTS_CHANGE_ANSWERS) }</button>
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
pub(super) fn closing_words(closing: &[String], contact: Option<&Link>, words: &Words) -> Html {
    if closing.is_empty() && contact.is_none() {
        return Html::default();
    }
    html! {
        <section class="results__closing" aria-label={words.get(Key::RESULTS_CLOSING).to_owned()}>
            for paragraph in closing.iter() {
                <p>{ paragraph }</p>
            }
            if let Some(contact) = contact {
                { contact_link(contact, words) }
            }
        </section>
    }
}

/// The headline: the overall level, what it rests on and its meaning.
/// Root class `results__overall`.
pub(super) fn overall_summary(words: &Words, bank: &Bank, report: &Report) -> Html {
    match report.overall {
        Overall::NotEnoughAnswers => html! {
            <div class="results__overall">
                <p class="results__overall-level">{ wording::overall_line(words, bank, &report.overall) }</p>
                <p class="results__basis">{ wording::basis_line(words, report.basis()) }</p>
                <p>{ words.get(Key::RESULTS_NOT_ENOUGH) }</p>
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
                        { wording::overall_line(words, bank, &report.overall) }
                    </p>
                    <p class="results__overall-score">{ wording::overall_score_line(words, score) }</p>
                    <p class="results__basis">{ wording::basis_line(words, report.basis()) }</p>
                    <p>{ &info.summary }</p>
                    if uncapped > level {
                        <p class="results__cap">
                            { words.fill(Key::RESULTS_CAP, &[("level", &wording::level_phrase(words, bank, uncapped))]) }
                        </p>
                    }
                    if let Some(tentative) = wording::tentative(words, report.basis()) {
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
pub(super) fn first_steps(
    words: &Words,
    bank: &Bank,
    plan: &plan::ActionPlan,
    is_own: bool,
) -> Html {
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
            <h2 id="first-steps-heading">{ words.get(Key::RESULTS_FIRST_STEPS) }</h2>
            <ol>
                for action in steps {
                    <li key={action.id}>
                        <p>{ &action.text }</p>
                        <p class="hint">{ wording::action_line(words, bank, action) }</p>
                    </li>
                }
            </ol>
            if is_own {
                <p class="results__first-steps-more">
                    <button type="button" class="button button--quiet" onclick={Callback::from(|_| crate::page::focus("#plan-heading"))}>
                        { words.get(Key::RESULTS_FIRST_STEPS_MORE) }
                    </button>
                </p>
            }
        </section>
    }
}

fn highlight_list(
    words: &Words,
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
                    { match d.score() {
                        Some(score) => words.fill(Key::RESULTS_HIGHLIGHT, &[
                            ("name", &name(d)),
                            ("score", &words.number(score.value().into())),
                        ]),
                        None => name(d),
                    } }
                </li>
            }
        </ol>
    }
}

fn dimension_card(words: &Words, bank: &Bank, d: &DimensionResult) -> Html {
    let dimension = &bank.dimensions()[d.index];
    let body = match d.scored {
        None => html! {
            <p class="dimension-card__not-enough">
                { wording::dimension_line(words, bank, d) }
            </p>
        },
        Some((_, level)) => {
            let guidance = dimension.guidance_at(level);
            let heading = match level.next() {
                Some(next) => words.fill(
                    Key::CARD_NEXT,
                    &[
                        ("level", &words.number(u8::from(next).into())),
                        ("name", &bank.level(next).name),
                    ],
                ),
                None => words.get(Key::CARD_TOP).to_owned(),
            };
            html! {
                <>
                    <p class="dimension-card__score">
                        { wording::dimension_line(words, bank, d) }
                    </p>
                    <h4>{ heading }</h4>
                    <p>{ &guidance.next }</p>
                    <h4>{ words.get(Key::CARD_PRACTICES) }</h4>
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
