//! The builder's languages: how much of a consultant's own bank each
//! language Tandem speaks has, which texts are missing (a respondent reading
//! that language sees them in the bank's own words, and is never told), and
//! the bank's text as a spreadsheet for a translator, out and back in.

use crate::app::components::read_chosen;
use crate::assessment::bank::MAX_BANK_BYTES;
use crate::assessment::config;
use crate::assessment::language::Language;
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

/// What became of the last sheet brought back.
#[derive(Clone, PartialEq)]
enum Brought {
    Read {
        file: String,
        texts: Vec<(Language, usize)>,
    },
    Refused {
        file: String,
        problems: Vec<Problem>,
    },
    Unreadable {
        file: String,
        reason: String,
    },
}

/// Root class `builder__languages`.
#[component]
pub fn BuilderLanguages(
    BuilderLanguagesProps {
        bank,
        on_translated,
    }: &BuilderLanguagesProps,
) -> Html {
    let brought = use_state_eq(|| None::<Brought>);
    let download_error = use_state_eq(|| None::<String>);
    let fields = bank.fields().len();

    let on_download = {
        let bank = Rc::clone(bank);
        let download_error = download_error.clone();
        Callback::from(move |_| {
            let sheet = bank.text_sheet();
            download_error.set(files::download(SHEET, "text/csv;charset=utf-8", &sheet).err());
        })
    };
    let on_sheet = {
        let bank = Rc::clone(bank);
        let brought = brought.clone();
        let on_translated = on_translated.clone();
        read_chosen(move |file| {
            let bank = Rc::clone(&bank);
            let brought = brought.clone();
            let on_translated = on_translated.clone();
            async move {
                let name = file.name();
                // A sheet of a bank's text is about as large as the bank.
                let outcome = match files::read_bytes(&file, 2 * MAX_BANK_BYTES).await {
                    Err(Some(size)) => Brought::Unreadable {
                        file: name,
                        reason: format!(
                            "is {} KB, more than a bank's text ever is",
                            size.div_ceil(1024)
                        ),
                    },
                    Err(None) => Brought::Unreadable {
                        file: name,
                        reason: "could not be read".to_owned(),
                    },
                    Ok(bytes) => match bank.with_text_sheet(&bytes) {
                        // The draft holds the bank as JSON, held to a bank
                        // file's size: one too large would be refused whole.
                        Ok(translated) => {
                            let bytes = config::pretty_bank(&translated).len();
                            if bytes > MAX_BANK_BYTES {
                                Brought::Unreadable {
                                    file: name,
                                    reason: format!(
                                        "would make the question bank, with its translations, {} KB, and a bank may be at most {} KB; bring fewer languages into this bank",
                                        bytes.div_ceil(1000),
                                        MAX_BANK_BYTES / 1000
                                    ),
                                }
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
            <h3 id="builder-languages-heading">{ "Languages" }</h3>
            <p class="builder__hint">{ "Respondents read your questions in their language where the bank gives it, written in the bank as {\"default\": \"…\", \"de\": \"…\"}. A text missing in a language shows in the bank's own words (its default), and respondents are not told." }</p>
            <ul class="builder__coverage" aria-labelledby="builder-languages-heading">
                for language in Language::ALL {
                    { coverage(bank, language, fields) }
                }
            </ul>
            <div class="builder__actions">
                <button type="button" class="button" onclick={on_download}>{ "Download the questions' text for translators (CSV)" }</button>
            </div>
            if let Some(reason) = &*download_error {
                <p class="builder__errors" role="alert">{ format!("Not done: {reason}.") }</p>
            }
            <div class="builder__field">
                <label for="builder-sheet">{ "Bring back a translated CSV" }</label>
                <input id="builder-sheet" type="file" accept=".csv,text/csv"
                    aria-describedby="builder-sheet-hint" onchange={on_sheet} />
                <p class="builder__hint" id="builder-sheet-hint">{ "One row per text, by the key in its first column; a column per language, headed by its code (en, de, fr, es, ar). An empty cell leaves that text in the bank's own words. A sheet with any problem changes nothing." }</p>
            </div>
            { brought_outcome(brought.as_ref()) }
        </div>
    }
}

/// One language's line: how many of the bank's texts it has, and which are
/// missing.
fn coverage(bank: &Bank, language: Language, fields: usize) -> Html {
    let name = format!("{} ({})", language.name(), language.code());
    let Some(text) = bank.translation(language) else {
        return html! {
            <li>
                <span lang={language.code()}>{ name }</span>{ ": not translated; readers of this language see the bank's own words." }
            </li>
        };
    };
    let missing = bank.untranslated(text);
    if missing.is_empty() {
        return html! {
            <li><span lang={language.code()}>{ name }</span>{ format!(": all {fields} texts translated.") }</li>
        };
    }
    let listed = missing.len().min(MOST_LISTED);
    html! {
        <li>
            <p>
                <span lang={language.code()}>{ name }</span>
                { format!(": {} of {fields} texts translated; {} missing, shown in the bank's own words.", fields - missing.len(), missing.len()) }
            </p>
            <details>
                <summary>{ format!("The {} missing", missing.len()) }</summary>
                <ul>
                    for field in missing.iter().take(listed) {
                        <li><code>{ field.to_string() }</code></li>
                    }
                    if missing.len() > listed {
                        <li>{ format!("and {} more", missing.len() - listed) }</li>
                    }
                </ul>
            </details>
        </li>
    }
}

fn brought_outcome(brought: Option<&Brought>) -> Html {
    match brought {
        None => Html::default(),
        Some(Brought::Read { file, texts }) => {
            let each: Vec<String> = texts
                .iter()
                .map(|(language, n)| format!("{} {n}", language.code()))
                .collect();
            let each = if each.is_empty() {
                "no translations".to_owned()
            } else {
                format!("texts per language: {}", each.join(", "))
            };
            html! {
                <p role="status">{ format!("Read \u{201c}{file}\u{201d}; the question bank now holds its translations ({each}).") }</p>
            }
        }
        Some(Brought::Unreadable { file, reason }) => html! {
            <p class="builder__errors" role="alert">{ format!("\u{201c}{file}\u{201d} {reason}; nothing was changed.") }</p>
        },
        Some(Brought::Refused { file, problems }) => html! {
            <div class="builder__errors" role="alert">
                <p>{ format!("\u{201c}{file}\u{201d} was not used, so nothing was changed. {}:", if problems.len() == 1 { "One problem".to_owned() } else { format!("{} problems", problems.len()) }) }</p>
                <ul>
                    for problem in problems {
                        <li>{ format!("{}: {}", problem.location, problem.reason) }</li>
                    }
                </ul>
            </div>
        },
    }
}
