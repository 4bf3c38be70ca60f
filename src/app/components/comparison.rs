//! Choosing an earlier result to compare with: a code, a link or an export.

use super::send_some;
use super::transfer::on_file_chosen;
use crate::app::state::Action;
use crate::assessment::Progress;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    /// The earlier result, or why it could not be read.
    pub earlier: Option<Result<Progress, AttrValue>>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn Comparison(ComparisonProps { earlier, on_action }: &ComparisonProps) -> Html {
    let input = use_node_ref();
    let on_submit = {
        let input = input.clone();
        send_some(on_action, move |e: SubmitEvent| {
            e.prevent_default();
            let text = input.cast::<web_sys::HtmlInputElement>()?.value();
            Some(Action::EarlierCodeEntered(text))
        })
    };
    let on_file = {
        let on_action = on_action.clone();
        on_file_chosen(move |name, text| on_action.emit(Action::EarlierFileChosen(name, text)))
    };
    html! {
        <section class="comparison" aria-labelledby="compare-heading">
            <h2 id="compare-heading">{ "Compare with an earlier result" }</h2>
            if let Some(Ok(_)) = earlier {
                <p>{ "The chart and the table above show the earlier result beside this one." }</p>
                <button type="button" class="button" onclick={on_action.reform(|_| Action::ComparisonClosed)}>
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
