//! Choosing an earlier result to compare with: a code, a link or an export.

use super::transfer::{on_file_chosen, ChosenFile};
use crate::app::state::Refused;
use crate::assessment::language::Key;
use crate::assessment::Progress;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    /// The earlier result, or why it could not be read.
    pub earlier: Option<Result<Progress, Refused>>,
    /// Entered an earlier result code or link.
    pub on_code_entered: Callback<String>,
    /// Chose an earlier export.
    pub on_file_chosen: Callback<ChosenFile>,
    /// Stopped comparing.
    pub on_closed: Callback<()>,
}

#[component]
pub fn Comparison(
    ComparisonProps {
        earlier,
        on_code_entered,
        on_file_chosen: on_chosen,
        on_closed,
    }: &ComparisonProps,
) -> Html {
    let words = super::use_words();
    let input = use_node_ref();
    let on_submit = {
        let input = input.clone();
        let on_code_entered = on_code_entered.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(input) = input.cast::<web_sys::HtmlInputElement>() {
                on_code_entered.emit(input.value());
            }
        })
    };
    let on_file = on_file_chosen(on_chosen);
    html! {
        <section class="comparison" aria-labelledby="compare-heading">
            <h2 id="compare-heading">{ words.get(Key::COMPARE_HEADING) }</h2>
            if let Some(Ok(_)) = earlier {
                <p>{ words.get(Key::COMPARE_SHOWN) }</p>
                <button type="button" class="button" onclick={on_closed.reform(|_| ())}>
                    { words.get(Key::COMPARE_STOP) }
                </button>
            } else {
                <form class="comparison__form" onsubmit={on_submit}>
                    <label for="earlier-code">{ words.get(Key::COMPARE_CODE) }</label>
                    <div class="comparison__row">
                        <input id="earlier-code" type="text" autocomplete="off" spellcheck="false" ref={input} />
                        <button type="submit" class="button">{ words.get(Key::COMPARE_SUBMIT) }</button>
                    </div>
                    <label for="earlier-file">{ words.get(Key::COMPARE_FILE) }</label>
                    <input id="earlier-file" type="file" accept=".json,application/json" onchange={on_file} />
                </form>
                if let Some(Err(refused)) = earlier {
                    <p class="comparison__error" role="alert">{ match &refused.file {
                        Some(file) => words.fill(Key::COMPARE_FILE_REFUSED, &[("file", file), ("reason", &refused.reason.words(&words))]),
                        None => refused.reason.words(&words),
                    } }</p>
                }
            }
        </section>
    }
}
