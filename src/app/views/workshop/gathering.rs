//! Gathering the room's results: pasted codes and links, exported result
//! files, the camera; and what each attempt added and refused.

use crate::app::components::{use_words, QrScanner};
use crate::assessment::export;
use crate::assessment::language::{Key, Words};
use crate::assessment::untrusted::Why;
use crate::assessment::workshop::Gathered;
use crate::files;
use yew::prelude::*;

/// Exported result files as read: each one's name and text, or why it could
/// not be read.
pub type ChosenFiles = Vec<(String, Result<String, Why>)>;

#[derive(Properties, PartialEq)]
pub struct GatheringProps {
    /// Pasted codes or links, any number, any separators.
    pub on_codes_pasted: Callback<String>,
    /// Read a code from the camera.
    pub on_code_scanned: Callback<String>,
    /// Chose exported result files.
    pub on_files_chosen: Callback<ChosenFiles>,
}

/// The ways results reach the facilitator. Root class `workshop__gather`
/// (a part of the workshop screen).
#[component]
pub fn Gathering(
    GatheringProps {
        on_codes_pasted,
        on_code_scanned,
        on_files_chosen,
    }: &GatheringProps,
) -> Html {
    let words = use_words();
    let paste = use_node_ref();
    let on_paste = {
        let paste = paste.clone();
        let on_codes_pasted = on_codes_pasted.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(area) = paste.cast::<web_sys::HtmlTextAreaElement>() {
                let text = area.value();
                if !text.trim().is_empty() {
                    area.set_value("");
                    on_codes_pasted.emit(text);
                }
            }
        })
    };
    let on_files = {
        let on_files_chosen = on_files_chosen.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let chosen = files::chosen_files(&input);
            input.set_value("");
            let on_files_chosen = on_files_chosen.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let mut read = Vec::new();
                for file in chosen {
                    let text = files::read_text(&file, export::MAX_IMPORT_BYTES).await;
                    read.push((file.name(), text));
                }
                on_files_chosen.emit(read);
            });
        })
    };
    html! {
        <section class="workshop__gather" aria-labelledby="gather-heading">
            <form onsubmit={on_paste}>
                <label for="workshop-codes">{ words.get(Key::GATHER_PASTE) }</label>
                <p class="hint" id="workshop-codes-hint">{ words.get(Key::GATHER_PASTE_HINT) }</p>
                <textarea id="workshop-codes" rows="4" spellcheck="false" aria-describedby="workshop-codes-hint" ref={paste} />
                <button type="submit" class="button button--primary">{ words.get(Key::GATHER_PASTE_ADD) }</button>
            </form>
            <label for="workshop-files">{ words.get(Key::GATHER_FILES) }</label>
            <input id="workshop-files" type="file" multiple=true accept=".json,application/json" onchange={on_files} />
            <p class="hint">{ words.get(Key::GATHER_LINK) }</p>
            <QrScanner
                on_code={on_code_scanned.clone()}
                on_close={Callback::noop()}
            />
        </section>
    }
}

/// What the last paste, scan or file added and refused.
pub(super) fn gathered_summary(words: &Words, gathered: Option<&Gathered>) -> Html {
    let Some(gathered) = gathered else {
        return Html::default();
    };
    let mut parts = vec![words.count(Key::GATHER_ADDED, gathered.added, &[])];
    if gathered.duplicates > 0 {
        parts.push(words.count(Key::GATHER_DUPLICATES, gathered.duplicates, &[]));
    }
    if let Some(refused) = &gathered.refused {
        return html! {
            <div class="workshop__gathered">
                <div class="error-summary" role="alert"><p>{ refused.words(words) }</p></div>
            </div>
        };
    }
    let rejected = gathered.rejected.len() + gathered.more_rejected;
    html! {
        <div class="workshop__gathered">
            <p role="status">{ parts.join(" ") }</p>
            if rejected > 0 {
                <div class="error-summary" role="alert">
                    <p>{ words.count(Key::GATHER_REJECTED, rejected, &[]) }</p>
                    <ul>
                        for rejected in gathered.rejected.iter() {
                            <li><code>{ &rejected.text }</code>{ ": " }{ rejected.reason.words(words) }</li>
                        }
                    </ul>
                    if gathered.more_rejected > 0 {
                        <p>{ words.fill(Key::GATHER_REJECTED_MORE, &[("count", &words.number(gathered.more_rejected as f64))]) }</p>
                    }
                </div>
            }
            if gathered.lines_without_code > 0 {
                <details class="workshop__without-code">
                    <summary>{ words.count(Key::GATHER_WITHOUT_CODE, gathered.lines_without_code, &[]) }</summary>
                    <ul>
                        for line in gathered.without_code.iter() {
                            <li><code>{ line }</code></li>
                        }
                    </ul>
                    if gathered.lines_without_code > gathered.without_code.len() {
                        <p>{ words.fill(Key::GATHER_WITHOUT_CODE_MORE, &[("count", &words.number((gathered.lines_without_code - gathered.without_code.len()) as f64))]) }</p>
                    }
                </details>
            }
        </div>
    }
}
