//! Saving the result as a file (JSON to restore it, CSV for spreadsheets) and
//! restoring it from a JSON file. A file that cannot be used is explained and
//! changes nothing.

use crate::app::state::Refused;
use crate::assessment::language::Key;
use crate::assessment::untrusted::Why;
use crate::assessment::{export, Bank, Progress};
use crate::files;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TransferProps {
    pub bank: Rc<Bank>,
    pub progress: Progress,
    /// The outcome of the last import.
    pub import: Option<Result<AttrValue, Refused>>,
    /// Chose a JSON export to restore.
    pub on_file_imported: Callback<ChosenFile>,
}

/// A file chosen in a file input: its name, and its text or why it could not
/// be read.
pub type ChosenFile = (String, Result<String, Why>);

/// Reads the file chosen in a file input, then hands its name and text to
/// `deliver`; clears the input so the same file can be chosen again.
pub fn on_file_chosen(deliver: &Callback<ChosenFile>) -> Callback<Event> {
    let deliver = deliver.clone();
    super::read_chosen(move |file| {
        let deliver = deliver.clone();
        async move {
            let text = files::read_text(&file, export::MAX_IMPORT_BYTES).await;
            deliver.emit((file.name(), text));
        }
    })
}

#[component]
pub fn Transfer(
    TransferProps {
        bank,
        progress,
        import,
        on_file_imported,
    }: &TransferProps,
) -> Html {
    let words = super::use_words();
    let error = use_state_eq(|| None::<Why>);
    let save =
        |name: &'static str, mime: &'static str, contents: fn(&Bank, &Progress) -> String| {
            let bank = Rc::clone(bank);
            let progress = progress.clone();
            let error = error.clone();
            Callback::from(move |_| {
                error.set(files::download(name, mime, &contents(&bank, &progress)).err());
            })
        };
    let on_import = on_file_chosen(on_file_imported);
    html! {
        <section class="transfer" aria-labelledby="transfer-heading">
            <h2 id="transfer-heading">{ words.get(Key::TRANSFER_HEADING) }</h2>
            <div class="transfer__buttons">
                <button type="button" class="button" onclick={save("tandem-result.json", "application/json", export::to_json)}>
                    { words.get(Key::TRANSFER_JSON) }
                </button>
                <button type="button" class="button" onclick={save("tandem-result.csv", "text/csv", export::to_csv)}>
                    { words.get(Key::TRANSFER_CSV) }
                </button>
            </div>
            if let Some(reason) = &*error {
                <p class="transfer__error" role="alert">{ reason.words(&words) }</p>
            }
            <div class="transfer__import">
                <label for="import-file">{ words.get(Key::TRANSFER_IMPORT) }</label>
                <input id="import-file" type="file" accept=".json,application/json" onchange={on_import} />
            </div>
            { match import {
                Some(Ok(file)) => html! {
                    <p class="transfer__done" role="status">{ words.fill(Key::TRANSFER_RESTORED, &[("file", file)]) }</p>
                },
                Some(Err(refused)) => html! {
                    <p class="transfer__error" role="alert">{ words.fill(
                        Key::TRANSFER_REFUSED,
                        &[("file", refused.file.as_deref().unwrap_or_default()), ("reason", &refused.reason.words(&words))],
                    ) }</p>
                },
                None => Html::default(),
            } }
        </section>
    }
}
