//! Choosing an earlier result to compare with: a code, a link or an export.

use super::transfer::{on_file_chosen, ChosenFile};
use crate::assessment::Progress;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    /// The earlier result, or why it could not be read.
    pub earlier: Option<Result<Progress, AttrValue>>,
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
            <h2 id="compare-heading">{ "Compare with an earlier result" }</h2>
            if let Some(Ok(_)) = earlier {
                <p>{ "The chart and the table above show the earlier result beside this one." }</p>
                <button type="button" class="button" onclick={on_closed.reform(|_| ())}>
                    { "Stop comparing" }
                </button>
            } else {
                <form class="comparison__form" onsubmit={on_submit}>
                    <label for="earlier-code">{ "Earlier result code or link" }</label>
                    <div class="comparison__row">
                        <input id="earlier-code" type="text" autocomplete="off" spellcheck="false" ref={input} />
                        <button type="submit" class="button">{ "Compare" }</button>
                    </div>
                    <label for="earlier-file">{ "Or an earlier JSON export" }</label>
                    <input id="earlier-file" type="file" accept=".json,application/json" onchange={on_file} />
                </form>
                if let Some(Err(reason)) = earlier {
                    <p class="comparison__error" role="alert">{ reason }</p>
                }
            }
        </section>
    }
}
