//! One dimension's statements, one page each: the core of the questionnaire.

use crate::app::components::{use_words, ProgressBar, StatementItem};
use crate::assessment::language::Key;
use crate::assessment::{Answer, Bank, Progress, StatementId, Unanswered};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SectionProps {
    pub bank: Rc<Bank>,
    pub progress: Progress,
    /// Which of the mode's dimensions this page shows, from 0.
    pub index: usize,
    /// What a refused "Next" found missing.
    pub unanswered: Option<Unanswered>,
    pub on_answer: Callback<(StatementId, Answer)>,
    pub on_next: Callback<()>,
    pub on_back: Callback<()>,
}

#[component]
pub fn Section(
    SectionProps {
        bank,
        progress,
        index,
        unanswered,
        on_answer,
        on_next,
        on_back,
    }: &SectionProps,
) -> Html {
    let words = use_words();
    let Some(dimension) = progress.section(bank, *index) else {
        return Html::default();
    };
    let sections = progress.section_count(bank);
    let missing: &[StatementId] = match unanswered {
        Some(Unanswered::Statements(missing)) => missing,
        _ => &[],
    };
    // Statements are numbered through the whole questionnaire, so "statement
    // 12" means the same thing on every page.
    let first_number: usize = bank
        .dimensions_in(progress.mode)
        .take(*index)
        .map(|d| d.statements.len())
        .sum::<usize>()
        + 1;
    let is_last = index + 1 == sections;
    let on_submit = on_next.reform(|e: SubmitEvent| e.prevent_default());

    html! {
        <form class="section" onsubmit={on_submit} novalidate=true>
            <ProgressBar
                answered={progress.answered_count(bank)}
                total={bank.statement_count(progress.mode)}
                section={index + 1}
                {sections}
                name={AttrValue::from(dimension.name.clone())}
            />
            <h1 tabindex="-1">{ &dimension.name }</h1>
            <p class="section__summary">{ &dimension.summary }</p>
            <p class="hint">{ words.get(Key::SECTION_HINT) }</p>
            if !missing.is_empty() {
                <div class="error-summary" role="alert" tabindex="-1">
                    <p>{ words.count(Key::SECTION_MISSING, missing.len(), &[]) }</p>
                </div>
            }
            <ol class="section__statements" start={first_number.to_string()}>
                for (offset, statement) in dimension.statements.iter().enumerate() {
                    <li key={statement.id.as_str()}>
                        <StatementItem
                            id={statement.id.clone()}
                            number={first_number + offset}
                            text={AttrValue::from(statement.text.clone())}
                            offers_not_applicable={statement.not_applicable}
                            answer={progress.answers.get(&statement.id).copied()}
                            missing={missing.contains(&statement.id)}
                            on_answer={on_answer.clone()}
                        />
                    </li>
                }
            </ol>
            <div class="nav-buttons">
                <button type="button" class="button" onclick={on_back.reform(|_| ())}>{ words.get(Key::NAV_BACK) }</button>
                <button type="submit" class="button button--primary">
                    { words.get(if is_last { Key::NAV_RESULTS } else { Key::NAV_NEXT }) }
                </button>
            </div>
        </form>
    }
}
