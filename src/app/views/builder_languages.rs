//! The builder's languages: how much of a consultant's own bank each
//! language Tandem speaks has, which texts are missing (a respondent reading
//! that language sees them in the bank's own words, and is never told), and
//! the bank's text as a spreadsheet for a translator, out and back in.

use crate::app::components::{read_chosen, use_words};
use crate::assessment::bank::MAX_BANK_BYTES;
use crate::assessment::config;
use crate::assessment::language::{Key, Language, Words};
use crate::assessment::untrusted::Why;
use crate::assessment::{Bank, Problem};
use crate::files;
use std::rc::Rc;
use yew::prelude::*;

/// The spreadsheet's file name.
const SHEET: &str = "tandem-questions-text.csv";
/// Most missing texts listed for one language; the count says the rest.
const MOST_LISTED: usize = 40;

#[derive(Properties, PartialEq)]
pub struct BuilderLanguagesProps {
    /// The consultant's bank, whole, as the draft gives it.
    pub bank: Rc<Bank>,
    /// A translator's sheet was read: the bank with its translations.
    pub on_translated: Callback<Bank>,
}

/// What became of the last sheet brought back, each by the file's name.
#[derive(Clone, PartialEq)]
enum Brought {
    /// Read: how many texts the bank now has in each language.
    Read {
        file: String,
        texts: Vec<(Language, usize)>,
    },
    /// Read, with problems: none of it was used.
    Refused {
        file: String,
        problems: Vec<Problem>,
    },
    /// Larger, in bytes, than a sheet of a bank's text can be.
    TooLarge { file: String, bytes: usize },
    /// The browser could not read the file.
    Unreadable { file: String },
    /// Its translations would make the bank larger, in bytes, than a bank
    /// may be.
    BankTooLarge { file: String, bytes: usize },
}

/// Root class `builder__languages`.
#[component]
pub fn BuilderLanguages(
    BuilderLanguagesProps {
        bank,
        on_translated,
    }: &BuilderLanguagesProps,
) -> Html {
    let words = use_words();
    let brought = use_state_eq(|| None::<Brought>);
    let download_error = use_state_eq(|| None::<Why>);
    let fields = bank.fields().len();

    let on_download = {
        let bank = Rc::clone(bank);
        let download_error = download_error.clone();
        Callback::from(move |_| {
            let sheet = bank.text_sheet();
            download_error.set(files::download(SHEET, "text/csv;charset=utf-8", &sheet).err());
        })
    };
    // The bank and the draft as the latest render has them, or `None` once
    // the bank no longer reads (the languages are not shown then): a sheet
    // read while the consultant edits is laid over the bank as it is when
    // the reading ends, and one that ends after the bank broke is dropped,
    // so that it never brings back what the consultant changed.
    let latest = use_mut_ref(|| None::<(Rc<Bank>, Callback<Bank>)>);
    *latest.borrow_mut() = Some((Rc::clone(bank), on_translated.clone()));
    {
        let latest = latest.clone();
        use_effect_with((), move |()| move || *latest.borrow_mut() = None);
    }
    let on_sheet = {
        let brought = brought.clone();
        read_chosen(move |file| {
            let latest = latest.clone();
            let brought = brought.clone();
            async move {
                let name = file.name();
                // A sheet of a bank's text is about as large as the bank.
                let read = files::read_bytes(&file, 2 * MAX_BANK_BYTES).await;
                let Some((bank, on_translated)) = latest.borrow().clone() else {
                    return;
                };
                let outcome = match read {
                    Err(Some(size)) => Brought::TooLarge {
                        file: name,
                        bytes: size,
                    },
                    Err(None) => Brought::Unreadable { file: name },
                    Ok(bytes) => match bank.with_text_sheet(&bytes) {
                        // The draft holds the bank as JSON, held to a bank
                        // file's size: one too large would be refused whole.
                        Ok(translated) => {
                            let bytes = config::pretty_bank(&translated).len();
                            if bytes > MAX_BANK_BYTES {
                                Brought::BankTooLarge { file: name, bytes }
                            } else {
                                let texts = Language::ALL
                                    .into_iter()
                                    .filter_map(|l| Some((l, translated.translation(l)?.len())))
                                    .collect();
                                on_translated.emit(translated);
                                Brought::Read { file: name, texts }
                            }
                        }
                        Err(problems) => Brought::Refused {
                            file: name,
                            problems,
                        },
                    },
                };
                brought.set(Some(outcome));
            }
        })
    };

    html! {
        <div class="builder__languages">
            <h3 id="builder-languages-heading">{ words.get(Key::BUILDER_LANGUAGES) }</h3>
            <p class="builder__hint">{ words.get(Key::BUILDER_LANGUAGES_HINT) }</p>
            <ul class="builder__coverage" aria-labelledby="builder-languages-heading">
                for language in Language::ALL {
                    { coverage(&words, bank, language, fields) }
                }
            </ul>
            <div class="builder__actions">
                <button type="button" class="button" onclick={on_download}>{ words.get(Key::BUILDER_LANGUAGES_DOWNLOAD) }</button>
            </div>
            if let Some(reason) = &*download_error {
                <p class="builder__errors" role="alert">{ words.fill(Key::BUILDER_NOT_DONE, &[("reason", &reason.words(&words))]) }</p>
            }
            <div class="builder__field">
                <label for="builder-sheet">{ words.get(Key::BUILDER_SHEET) }</label>
                <input id="builder-sheet" type="file" accept=".csv,text/csv"
                    aria-describedby="builder-sheet-hint" onchange={on_sheet} />
                <p class="builder__hint" id="builder-sheet-hint">{ words.get(Key::BUILDER_SHEET_HINT) }</p>
            </div>
            { brought_outcome(&words, brought.as_ref()) }
        </div>
    }
}

/// One language's line: how many of the bank's texts it has, and which are
/// missing.
fn coverage(words: &Words, bank: &Bank, language: Language, fields: usize) -> Html {
    let name = format!("{} ({})", language.name(), language.code());
    let line = |text: &str| {
        named(
            text,
            // Isolated: a name in one script inside a sentence in another
            // keeps its own order ("English (en)" in an Arabic line).
            html! { <bdi lang={language.code()}>{ &name }</bdi> },
        )
    };
    let Some(text) = bank.translation(language) else {
        return html! {
            <li>{ line(words.get(Key::BUILDER_LANGUAGE_NONE)) }</li>
        };
    };
    let total = words.number(fields as f64);
    let missing = bank.untranslated(text);
    if missing.is_empty() {
        return html! {
            <li>{ line(&words.fill(Key::BUILDER_LANGUAGE_ALL, &[("total", &total)])) }</li>
        };
    }
    let listed = missing.len().min(MOST_LISTED);
    let translated = words.number((fields - missing.len()) as f64);
    html! {
        <li>
            <p>{ line(&words.count(Key::BUILDER_LANGUAGE_SOME, missing.len(), &[("translated", &translated), ("total", &total)])) }</p>
            <details>
                <summary>{ words.count(Key::BUILDER_LANGUAGE_MISSING, missing.len(), &[]) }</summary>
                <ul>
                    for field in missing.iter().take(listed) {
                        <li><code>{ field.to_string() }</code></li>
                    }
                    if missing.len() > listed {
                        <li>{ words.fill(Key::BUILDER_LANGUAGE_MORE, &[("count", &words.number((missing.len() - listed) as f64))]) }</li>
                    }
                </ul>
            </details>
        </li>
    }
}

/// `text` with the element `name` where its `{language}` is, so that the
/// language's name keeps its own `lang` wherever the sentence puts it.
pub(super) fn named(text: &str, name: Html) -> Html {
    match text.split_once("{language}") {
        Some((before, after)) => html! { <>{ before }{ name }{ after }</> },
        None => html! { <>{ name }{ " " }{ text }</> },
    }
}

fn brought_outcome(words: &Words, brought: Option<&Brought>) -> Html {
    let kb = |bytes: usize, unit: usize| words.number(bytes.div_ceil(unit) as f64);
    let unusable =
        |sentence: String| html! { <p class="builder__errors" role="alert">{ sentence }</p> };
    match brought {
        None => Html::default(),
        Some(Brought::Read { file, texts }) => {
            let sentence = if texts.is_empty() {
                words.fill(Key::BUILDER_SHEET_READ_NONE, &[("file", file)])
            } else {
                let each: Vec<String> = texts
                    .iter()
                    .map(|(language, n)| format!("{} {}", language.code(), words.number(*n as f64)))
                    .collect();
                words.fill(
                    Key::BUILDER_SHEET_READ,
                    &[
                        ("file", file),
                        ("texts", &each.join(words.get(Key::LIST_COMMA))),
                    ],
                )
            };
            html! { <p role="status">{ sentence }</p> }
        }
        Some(Brought::TooLarge { file, bytes }) => unusable(words.fill(
            Key::BUILDER_SHEET_TOO_LARGE,
            &[("file", file), ("kb", &kb(*bytes, 1024))],
        )),
        Some(Brought::Unreadable { file }) => {
            unusable(words.fill(Key::BUILDER_SHEET_UNREADABLE, &[("file", file)]))
        }
        Some(Brought::BankTooLarge { file, bytes }) => unusable(words.fill(
            Key::BUILDER_SHEET_BANK_TOO_LARGE,
            &[
                ("file", file),
                ("kb", &kb(*bytes, 1000)),
                ("most", &kb(MAX_BANK_BYTES, 1000)),
            ],
        )),
        Some(Brought::Refused { file, problems }) => html! {
            <div class="builder__errors" role="alert">
                <p>{ words.count(Key::BUILDER_SHEET_REFUSED, problems.len(), &[("file", file)]) }</p>
                <ul>
                    for problem in problems {
                        <li>{ problem.words(words) }</li>
                    }
                </ul>
            </div>
        },
    }
}
