//! One statement as a real radio group: a `fieldset` whose `legend` is the
//! statement, with the agreement scale and "Don't know" as labelled radios.

use super::use_words;
use crate::assessment::language::Key;
use crate::assessment::{Answer, StatementId};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StatementItemProps {
    pub id: StatementId,
    /// Position in the whole questionnaire, from 1.
    pub number: usize,
    pub text: AttrValue,
    /// "Not applicable" is offered.
    pub offers_not_applicable: bool,
    pub answer: Option<Answer>,
    /// "Next" was refused while this had no answer.
    pub missing: bool,
    pub on_answer: Callback<(StatementId, Answer)>,
}

#[component]
pub fn StatementItem(
    StatementItemProps {
        id,
        number,
        text,
        offers_not_applicable,
        answer,
        missing,
        on_answer,
    }: &StatementItemProps,
) -> Html {
    let words = use_words();
    let unsure = std::iter::once(Answer::DontKnow)
        .chain(offers_not_applicable.then_some(Answer::NotApplicable));
    let option = |choice: Answer| {
        let on_change = {
            let id = id.clone();
            on_answer.reform(move |_| (id.clone(), choice))
        };
        html! {
            <label class={classes!("statement-item__option", choice.agreement().is_none().then_some("statement-item__option--unsure"))}>
                <input
                    type="radio"
                    name={id.to_string()}
                    value={choice.token()}
                    checked={*answer == Some(choice)}
                    onchange={on_change}
                />
                <span>{ words.get(choice.key()) }</span>
            </label>
        }
    };
    let missing_id = format!("{id}-missing");
    html! {
        <fieldset
            class={classes!("statement-item", missing.then_some("statement-item--missing"))}
            aria-describedby={missing.then(|| missing_id.clone())}
        >
            <legend>
                <span class="statement-item__number">{ words.fill(Key::STATEMENT_NUMBER, &[("number", &words.number(*number as f64))]) }</span>
                { " " }{ text }
            </legend>
            <div class="statement-item__scale">
                for choice in Answer::AGREEMENT { { option(choice) } }
            </div>
            <div class="statement-item__unsure">
                for choice in unsure { { option(choice) } }
            </div>
            if *missing {
                <p class="statement-item__missing" id={missing_id}>{ words.get(Key::STATEMENT_MISSING) }</p>
            }
        </fieldset>
    }
}
