//! The result: overall level and the rule behind it, the radar chart and its
//! table, strengths, priorities, and each dimension's next-level guidance.

use crate::app::components::{RadarChart, RadarSeries};
use crate::assessment::{overall_rule, Bank, DimensionResult, Level, Overall, Progress, Report};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub bank: Rc<Bank>,
    pub progress: Progress,
    /// Go back to the last page of statements to change answers.
    pub on_back: Callback<()>,
}

#[component]
pub fn Results(
    ResultsProps {
        bank,
        progress,
        on_back,
    }: &ResultsProps,
) -> Html {
    let report = progress.report(bank);
    let name = |d: &DimensionResult| bank.dimensions()[d.index].name.clone();
    let level_name = |level: Level| bank.level(level).name.clone();

    let axes: Rc<[AttrValue]> = report
        .dimensions
        .iter()
        .map(|d| AttrValue::from(name(d)))
        .collect();
    let series: Rc<[RadarSeries]> = Rc::new([RadarSeries {
        label: "Your scores".into(),
        modifier: "self",
        scores: report
            .dimensions
            .iter()
            .map(|d| d.score().map(|s| s.value()))
            .collect(),
    }]);

    let about = {
        let mut parts = vec![progress.mode.label().to_owned()];
        if let Some(role) = progress.role {
            parts.push(format!("Role: {}", role.label()));
        }
        if !progress.team.is_empty() {
            parts.push(format!("Team: {}", progress.team));
        }
        parts.join(" · ")
    };

    html! {
        <section class="results">
            <h1 tabindex="-1">{ "Your result" }</h1>
            <p class="results__about">{ about }</p>

            { overall_summary(bank, &report) }

            <section class="results__rule" aria-labelledby="rule-heading">
                <h2 id="rule-heading">{ "How this result is worked out" }</h2>
                <p>{ overall_rule(bank) }</p>
            </section>

            <section class="results__scores" aria-labelledby="scores-heading">
                <h2 id="scores-heading">{ "Scores by dimension" }</h2>
                <RadarChart
                    {axes}
                    {series}
                    label="Radar chart of your scores by dimension; the same figures are in the table that follows."
                />
                <table class="results__table">
                    <caption>{ "Score out of 100, level and how many statements each score is based on" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Dimension" }</th>
                            <th scope="col">{ "Score" }</th>
                            <th scope="col">{ "Level" }</th>
                            <th scope="col">{ "Based on" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        for d in report.dimensions.iter() {
                            <tr key={d.index}>
                                <th scope="row">{ name(d) }</th>
                                <td>{ d.score().map_or_else(|| "Not enough answers".to_owned(), |s| s.to_string()) }</td>
                                <td>{ d.level().map_or_else(String::new, |l| format!("{l} {}", level_name(l))) }</td>
                                <td>{ coverage_text(d) }</td>
                            </tr>
                        }
                    </tbody>
                </table>
            </section>

            <div class="results__highlights">
                <section aria-labelledby="strengths-heading">
                    <h2 id="strengths-heading">{ "Strengths" }</h2>
                    { highlight_list(&report.strengths(), &name,
                        "No dimension has reached Cooperating yet: the priorities below are the place to start.") }
                </section>
                <section aria-labelledby="priorities-heading">
                    <h2 id="priorities-heading">{ "Top priorities" }</h2>
                    { highlight_list(&report.priorities(), &name,
                        "No priorities: every scored dimension is a strength or already at the top level.") }
                </section>
            </div>

            <section class="results__guidance" aria-labelledby="guidance-heading">
                <h2 id="guidance-heading">{ "What to do next, dimension by dimension" }</h2>
                for d in report.dimensions.iter() {
                    { dimension_card(bank, d) }
                }
            </section>

            <div class="nav-buttons">
                <button type="button" class="button" onclick={on_back.reform(|_| ())}>{ "Change my answers" }</button>
            </div>
        </section>
    }
}

fn overall_summary(bank: &Bank, report: &Report) -> Html {
    match report.overall {
        Overall::NotEnoughAnswers => html! {
            <div class="results__overall">
                <p class="results__overall-level">{ "Overall: not enough answers" }</p>
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
                        { format!("Overall: level {level}, {}", info.name) }
                    </p>
                    <p class="results__overall-score">{ format!("Overall score {score} out of 100") }</p>
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
                </div>
            }
        }
    }
}

fn coverage_text(d: &DimensionResult) -> String {
    let mut text = format!("{} of {} statements", d.coverage.counted, d.coverage.total);
    let mut unsure = Vec::new();
    if d.dont_know > 0 {
        unsure.push(format!("{} don't know", d.dont_know));
    }
    if d.not_applicable > 0 {
        unsure.push(format!("{} not applicable", d.not_applicable));
    }
    if !unsure.is_empty() {
        text.push_str(&format!(" ({})", unsure.join(", ")));
    }
    text
}

fn highlight_list(
    dimensions: &[&DimensionResult],
    name: &dyn Fn(&DimensionResult) -> String,
    empty: &str,
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
                { format!(
                    "Not enough answers: {} of {} statements were answered on the agreement scale, \
                     and a score needs at least half. Answer more of them, if you can judge, to see \
                     where this dimension stands.",
                    d.coverage.counted, d.coverage.total
                ) }
            </p>
        },
        Some((score, level)) => {
            let guidance = dimension.guidance_at(level);
            let heading = match level.next() {
                Some(next) => format!("What level {next}, {}, looks like", bank.level(next).name),
                None => "How to stay at the top level".to_owned(),
            };
            html! {
                <>
                    <p class="dimension-card__score">
                        { format!("Score {score} out of 100 · level {level}, {} · based on {}", bank.level(level).name, coverage_text(d)) }
                    </p>
                    <h4>{ heading }</h4>
                    <p>{ &guidance.next }</p>
                    <h4>{ "Practices to get there" }</h4>
                    <ul>
                        for practice in guidance.practices.iter() {
                            <li>{ practice }</li>
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
