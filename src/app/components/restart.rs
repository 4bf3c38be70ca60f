//! "Start again": forgets every answer on this device, after a confirmation,
//! because it cannot be undone.

use super::use_words;
use crate::assessment::language::Key;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RestartProps {
    pub on_restart: Callback<()>,
}

#[component]
pub fn Restart(RestartProps { on_restart }: &RestartProps) -> Html {
    let words = use_words();
    let confirming = use_state_eq(|| false);
    let confirm_button = use_node_ref();
    {
        let confirm_button = confirm_button.clone();
        use_effect_with(*confirming, move |confirming| {
            if *confirming {
                if let Some(button) = confirm_button.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(true))
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(false))
    };
    let forget = {
        let confirming = confirming.clone();
        on_restart.reform(move |_| confirming.set(false))
    };
    html! {
        <div class="restart">
            if *confirming {
                <div class="confirm" role="group" aria-labelledby="restart-question">
                    <p id="restart-question">{ words.get(Key::RESTART_QUESTION) }</p>
                    <button type="button" class="button button--danger" ref={confirm_button} onclick={forget}>
                        { words.get(Key::RESTART_FORGET) }
                    </button>
                    <button type="button" class="button" onclick={cancel}>{ words.get(Key::RESTART_KEEP) }</button>
                </div>
            } else {
                <button type="button" class="button button--quiet" onclick={ask}>{ words.get(Key::RESTART_START_AGAIN) }</button>
            }
        </div>
    }
}
