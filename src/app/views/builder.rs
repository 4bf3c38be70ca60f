//! The configuration builder: a consultant edits the branding, the words and
//! the question bank, sees every problem as they type and a live preview,
//! then downloads `tandem.config.json` or copies a link that carries the
//! configuration. The draft is checked by the same `Config::parse` that reads
//! the file, so what the builder accepts, the app accepts.

use super::builder_languages::{named, BuilderLanguages};
use super::builder_preview::BuilderPreview;
use crate::app::components::{read_chosen, use_words};
use crate::assessment::config::{
    self, Draft, HostMessages, LogoError, OwnText, MAX_LINK_CHARS, MAX_LOGO_BYTES, MAX_LOGO_SIDE,
};
use crate::assessment::language::{Key, Language, Words};
use crate::assessment::saved::MAX_THRESHOLD;
use crate::assessment::untrusted::{Place, Why};
use crate::assessment::{Bank, Config, ConfigError, Logo, Problem};
use crate::{clipboard, files, hosting, page};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BuilderProps {
    /// The configuration in use, which the draft starts from.
    pub config: Rc<Config>,
    /// Chose to use the configuration being built: its link's fragment,
    /// opened as a link would be.
    pub on_link_used: Callback<String>,
}

/// One text field of the draft.
#[derive(Clone, Copy, PartialEq)]
enum Field {
    Organisation,
    Title,
    Logo,
    Colour(usize),
    Intro,
    Closing,
    Contact,
    Bank,
    /// The title, intro or closing in a language.
    Own(OwnText, Language),
}

impl Field {
    fn get(self, draft: &Draft) -> &str {
        match self {
            Field::Organisation => &draft.organisation,
            Field::Title => &draft.title,
            Field::Logo => &draft.logo,
            Field::Colour(i) => &draft.colours[i],
            Field::Intro => &draft.intro,
            Field::Closing => &draft.closing,
            Field::Contact => &draft.contact,
            Field::Bank => &draft.bank,
            Field::Own(own, language) => draft.translated(own, language),
        }
    }

    /// Where the configuration's check reports a problem with this field:
    /// its own problems, and those inside it (`bank.dimensions[0]…`).
    fn location(self) -> String {
        match self {
            Field::Organisation => "organisation".to_owned(),
            Field::Title => "title".to_owned(),
            Field::Logo => "logo".to_owned(),
            Field::Colour(i) => format!("colours.{}", config::COLOUR_FIELDS[i]),
            Field::Intro => "intro".to_owned(),
            Field::Closing => "closing".to_owned(),
            Field::Contact => "contact".to_owned(),
            Field::Bank => "bank".to_owned(),
            Field::Own(own, language) => format!("{}.{}", own.key(), language.code()),
        }
    }

    /// The problems the check found at this field.
    fn problems(self, problems: &[Problem]) -> Vec<&Problem> {
        let at = self.location();
        problems
            .iter()
            .filter(|p| match &p.location {
                // The bank's own text, where it does not read as JSON.
                Place::Bank(_) => self == Field::Bank,
                place => place.path().is_some_and(|path| {
                    path == at
                        || path.strip_prefix(at.as_str()).is_some_and(|rest| {
                            (rest.starts_with('.') || rest.starts_with('[')) && !in_a_language(rest)
                        })
                }),
            })
            .collect()
    }

    fn of(self, draft: &mut Draft) -> &mut String {
        match self {
            Field::Organisation => &mut draft.organisation,
            Field::Title => &mut draft.title,
            Field::Logo => &mut draft.logo,
            Field::Colour(i) => &mut draft.colours[i],
            Field::Intro => &mut draft.intro,
            Field::Closing => &mut draft.closing,
            Field::Contact => &mut draft.contact,
            Field::Bank => &mut draft.bank,
            Field::Own(own, language) => draft.translated_mut(own, language),
        }
    }
}

/// Whether the rest of a path (`.de`) is a language of the field's own, a
/// field beside it ([`Field::Own`]) rather than inside it.
fn in_a_language(rest: &str) -> bool {
    rest.strip_prefix('.')
        .and_then(Language::from_code)
        .is_some()
}

/// The label of each of the configuration's own texts, as its field in
/// the configuration's own words has it.
fn own_label(own: OwnText) -> Key {
    match own {
        OwnText::Title => Key::BUILDER_TITLE,
        OwnText::Intro => Key::BUILDER_INTRO,
        OwnText::Closing => Key::BUILDER_CLOSING,
    }
}

/// The colours' labels and hints, in the order of `Draft::colours`.
const COLOURS: [(Key, Key); 4] = [
    (Key::BUILDER_COLOUR_ACCENT, Key::BUILDER_COLOUR_ACCENT_HINT),
    (
        Key::BUILDER_COLOUR_ACCENT_TEXT,
        Key::BUILDER_COLOUR_ACCENT_TEXT_HINT,
    ),
    (
        Key::BUILDER_COLOUR_BACKGROUND,
        Key::BUILDER_COLOUR_BACKGROUND_HINT,
    ),
    (Key::BUILDER_COLOUR_TEXT, Key::BUILDER_COLOUR_TEXT_HINT),
];

/// Why the last image file chosen for the logo was not embedded.
#[derive(Clone, PartialEq)]
struct LogoRefused {
    /// The file's name.
    file: String,
    /// What the check said of it; `None` when it could not be read at all.
    reason: Option<Why>,
}

#[component]
pub fn Builder(
    BuilderProps {
        config,
        on_link_used,
    }: &BuilderProps,
) -> Html {
    let words = use_words();
    let draft = {
        let config = Rc::clone(config);
        use_state_eq(move || Draft::of(&config, Bank::standard()))
    };
    let copied = use_state_eq(|| None::<Result<(), Why>>);
    let logo_error = use_state_eq(|| None::<LogoRefused>);
    // The draft as a file, and the configuration it makes, or its problems.
    let checked: Result<(String, Config), ConfigError> = draft
        .to_json()
        .and_then(|json| Config::parse(&json, Bank::standard()).map(|config| (json, config)));
    let link = checked
        .as_ref()
        .ok()
        .map(|(json, _)| config::link_fragment(json));

    let edit = |field: Field| {
        let draft = draft.clone();
        let copied = copied.clone();
        Callback::from(move |e: InputEvent| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            let mut next = (*draft).clone();
            *field.of(&mut next) = value;
            draft.set(next);
            copied.set(None);
        })
    };
    let edit_area = |field: Field| {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                .value();
            let mut next = (*draft).clone();
            *field.of(&mut next) = value;
            draft.set(next);
        })
    };
    let problems: &[Problem] = match &checked {
        Ok(_) => &[],
        Err(error) => &error.problems,
    };
    // A field's problems, beside it, in words.
    let field_errors = |field: Field, id: &str| -> (Html, Option<String>) {
        let found = field.problems(problems);
        if found.is_empty() {
            return (Html::default(), None);
        }
        let error_id = format!("{id}-error");
        (
            html! {
                <ul class="builder__errors" id={error_id.clone()}>
                    for problem in found {
                        <li>{ field_problem(&words, problem, &field.location()) }</li>
                    }
                </ul>
            },
            Some(error_id),
        )
    };
    let text_field = |field: Field, id: &'static str, label: Key, hint: Key| {
        let value = field.get(&draft).to_owned();
        let hint_id = format!("{id}-hint");
        let (errors, error_id) = field_errors(field, id);
        let described = error_id
            .as_ref()
            .map_or_else(|| hint_id.clone(), |e| format!("{e} {hint_id}"));
        html! {
            <div class="builder__field">
                <label for={id}>{ words.get(label) }</label>
                <input id={id} type="text" {value} aria-describedby={described}
                    aria-invalid={error_id.is_some().then_some("true")} oninput={edit(field)} />
                { errors }
                <p class="builder__hint" id={hint_id}>{ words.get(hint) }</p>
            </div>
        }
    };
    let text_area = |field: Field, id: &'static str, label: Key, hint: Key, rows: &'static str| {
        let value = field.get(&draft).to_owned();
        let hint_id = format!("{id}-hint");
        let (errors, error_id) = field_errors(field, id);
        let described = error_id
            .as_ref()
            .map_or_else(|| hint_id.clone(), |e| format!("{e} {hint_id}"));
        html! {
            <div class="builder__field">
                <label for={id}>{ words.get(label) }</label>
                <textarea id={id} {rows} {value} aria-describedby={described}
                    aria-invalid={error_id.is_some().then_some("true")}
                    spellcheck={ if field == Field::Bank { "false" } else { "true" } } oninput={edit_area(field)} />
                { errors }
                <p class="builder__hint" id={hint_id}>{ words.get(hint) }</p>
            </div>
        }
    };
    // The title, intro or closing in a language: typed in that language's
    // direction, and spell-checked in it.
    let own_field = |own: OwnText, language: Language| {
        let field = Field::Own(own, language);
        let id = format!("builder-{}-{}", own.key(), language.code());
        let label = own_label(own);
        let (errors, error_id) = field_errors(field, &id);
        let value = field.get(&draft).to_owned();
        let lang = language.code();
        let dir = if language.right_to_left() {
            "rtl"
        } else {
            "ltr"
        };
        let invalid = error_id.is_some().then_some("true");
        let name = html! { <bdi lang={lang}>{ language.name() }</bdi> };
        html! {
            <div class="builder__field">
                <label for={id.clone()}>{ named(&words.fill(Key::BUILDER_OWN_LABEL, &[("field", words.get(label))]), name) }</label>
                if own == OwnText::Title {
                    <input id={id} type="text" {value} {lang} {dir} aria-describedby={error_id}
                        aria-invalid={invalid} oninput={edit(field)} />
                } else {
                    <textarea id={id} rows="4" {value} {lang} {dir} aria-describedby={error_id}
                        aria-invalid={invalid} oninput={edit_area(field)} />
                }
                { errors }
            </div>
        }
    };
    // Each language's texts, folded away until the consultant opens them;
    // the summary says how many are given and how many have problems.
    let own_language = |language: Language| {
        let given = OwnText::ALL
            .iter()
            .filter(|own| !draft.translated(**own, language).trim().is_empty())
            .count();
        let to_fix: usize = OwnText::ALL
            .iter()
            .map(|own| Field::Own(*own, language).problems(problems).len())
            .sum();
        let code = language.code();
        let name = html! { <bdi lang={code}>{ format!("{} ({code})", language.name()) }</bdi> };
        let summary = words.fill(
            Key::BUILDER_OWN_GIVEN,
            &[
                ("given", &words.number(given as f64)),
                ("total", &words.number(OwnText::ALL.len() as f64)),
            ],
        );
        html! {
            <details class="builder__own">
                <summary>
                    { named(&summary, name) }
                    if to_fix > 0 {
                        { " " }<span class="builder__to-fix">{ words.count(Key::BUILDER_OWN_TO_FIX, to_fix, &[]) }</span>
                    }
                </summary>
                for own in OwnText::ALL {
                    { own_field(own, language) }
                }
            </details>
        }
    };
    // A colour: its hex field, with the browser's colour picker beside it.
    let colour_field = |i: usize| {
        let (label, hint) = COLOURS[i];
        let id = [
            "builder-accent",
            "builder-accent-text",
            "builder-background",
            "builder-text",
        ][i];
        let field = Field::Colour(i);
        let value = field.get(&draft).trim().to_owned();
        // The picker shows the colour written, when it is a full hex value.
        let picked = if value.len() == 7
            && value.starts_with('#')
            && value[1..].bytes().all(|b| b.is_ascii_hexdigit())
        {
            value.to_ascii_lowercase()
        } else {
            "#000000".to_owned()
        };
        html! {
            <div class="builder__colour">
                { text_field(field, id, label, hint) }
                <input type="color" class="builder__picker" value={picked}
                    aria-label={words.fill(Key::BUILDER_COLOUR_PICK, &[("colour", words.get(label))])} oninput={edit(field)} />
            </div>
        }
    };
    // The logo: a path beside the app, or a small image embedded in the
    // configuration, which travels in its link as well as its file.
    let embedded = Field::Logo
        .get(&draft)
        .parse::<Logo>()
        .ok()
        .filter(Logo::is_embedded);
    let on_logo_file = {
        let draft = draft.clone();
        let logo_error = logo_error.clone();
        read_chosen(move |file| {
            let draft = draft.clone();
            let logo_error = logo_error.clone();
            async move {
                let name = file.name();
                let embedded = match files::read_bytes(&file, MAX_LOGO_BYTES).await {
                    Ok(bytes) => Logo::embed(&bytes).map_err(|reason| Some(reason.into())),
                    Err(Some(size)) => Err(Some(LogoError::EmbeddedTooLarge(size).into())),
                    Err(None) => Err(None),
                };
                match embedded {
                    Ok(logo) => {
                        let mut next = (*draft).clone();
                        next.logo = logo.as_str().to_owned();
                        draft.set(next);
                        logo_error.set(None);
                    }
                    Err(reason) => logo_error.set(Some(LogoRefused { file: name, reason })),
                }
            }
        })
    };
    let on_logo_removed = {
        let draft = draft.clone();
        Callback::from(move |_| {
            let mut next = (*draft).clone();
            next.logo.clear();
            draft.set(next);
        })
    };
    let logo_refused = (*logo_error).as_ref().map(|refused| match &refused.reason {
        Some(reason) => words.fill(
            Key::BUILDER_LOGO_REFUSED,
            &[("file", &refused.file), ("reason", &reason.words(&words))],
        ),
        None => words.fill(Key::BUILDER_LOGO_UNREADABLE, &[("file", &refused.file)]),
    });
    let logo_kb = |bytes: usize| words.number(bytes.div_ceil(1024) as f64);
    let logo_field = html! {
        <>
            if let Some(logo) = &embedded {
                <div class="builder__field">
                    <p class="builder__label">{ words.get(Key::BUILDER_LOGO) }</p>
                    <p class="builder__embedded">
                        <img class="builder__thumbnail" src={logo.as_str().to_owned()} alt={words.get(Key::BUILDER_LOGO_EMBEDDED_ALT).to_owned()} />
                        { words.fill(Key::BUILDER_LOGO_EMBEDDED, &[("kb", &logo_kb(logo.embedded_bytes().unwrap_or_default()))]) }
                    </p>
                    <div class="builder__actions">
                        <button type="button" class="button" onclick={on_logo_removed}>{ words.get(Key::BUILDER_LOGO_REMOVE) }</button>
                    </div>
                </div>
            } else {
                { text_field(Field::Logo, "builder-logo", Key::BUILDER_LOGO, Key::BUILDER_LOGO_HINT) }
            }
            <div class="builder__field">
                <label for="builder-logo-file">{ words.get(if embedded.is_some() { Key::BUILDER_LOGO_FILE_ANOTHER } else { Key::BUILDER_LOGO_FILE }) }</label>
                <input id="builder-logo-file" type="file" accept="image/png,image/jpeg,image/webp"
                    aria-describedby="builder-logo-file-hint" onchange={on_logo_file} />
                if let Some(refused) = logo_refused {
                    <p class="builder__errors" role="alert">{ refused }</p>
                }
                <p class="builder__hint" id="builder-logo-file-hint">{ words.fill(Key::BUILDER_LOGO_FILE_HINT, &[("kb", &logo_kb(MAX_LOGO_BYTES)), ("pixels", &words.number(MAX_LOGO_SIDE.into()))]) }</p>
            </div>
        </>
    };
    let on_threshold = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Ok(threshold) = value.parse() {
                let mut next = (*draft).clone();
                next.anonymity_threshold = threshold;
                draft.set(next);
            }
        })
    };
    let on_host = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            let mut next = (*draft).clone();
            next.host_messages = if value == "level-and-scores" {
                HostMessages::LevelAndScores
            } else {
                HostMessages::Level
            };
            draft.set(next);
        })
    };
    // The standard bank is written out only when asked for: it is 30 KB.
    let set_bank = |standard: bool| {
        let draft = draft.clone();
        Callback::from(move |_| {
            let mut next = (*draft).clone();
            next.bank = if standard {
                config::pretty_bank(Bank::standard())
            } else {
                String::new()
            };
            next.dimensions = None;
            draft.set(next);
        })
    };

    // A bank of the consultant's own, once it reads, and what a
    // translator's sheet brings back to it.
    let own_bank = checked
        .as_ref()
        .ok()
        .and_then(|(_, config)| config.own_bank())
        .map(|bank| Rc::new(bank.clone()));
    let on_translated = {
        let draft = draft.clone();
        Callback::from(move |bank: Bank| {
            let mut next = (*draft).clone();
            next.bank = config::pretty_bank(&bank);
            draft.set(next);
        })
    };

    let on_download = {
        let json = checked.as_ref().ok().map(|(json, _)| json.clone());
        let copied = copied.clone();
        Callback::from(move |_| {
            if let Some(json) = &json {
                if let Err(reason) = files::download(hosting::CONFIG_FILE, "application/json", json)
                {
                    copied.set(Some(Err(reason)));
                }
            }
        })
    };
    let full_link = link
        .as_ref()
        .filter(|fragment| fragment.len() <= MAX_LINK_CHARS)
        .map(|fragment| format!("{}#{fragment}", page::address()));
    let on_copy = {
        let full_link = full_link.clone();
        let copied = copied.clone();
        Callback::from(move |_| {
            let Some(link) = full_link.clone() else {
                return;
            };
            let copied = copied.clone();
            wasm_bindgen_futures::spawn_local(async move {
                copied.set(Some(clipboard::copy(&link).await));
            });
        })
    };
    let on_use = {
        let on_link_used = on_link_used.clone();
        let link = link.clone();
        Callback::from(move |_| {
            if let Some(fragment) = &link {
                on_link_used.emit(fragment.clone());
            }
        })
    };

    // The preview keeps the last configuration without problems while one
    // is being fixed.
    let last_good = use_mut_ref(|| None::<Rc<Config>>);
    if let Ok((_, config)) = &checked {
        *last_good.borrow_mut() = Some(Rc::new(config.clone()));
    }
    let previewed = last_good.borrow().clone();

    html! {
        <section class="builder">
            <h1 tabindex="-1">{ words.get(Key::BUILDER_HEADING) }</h1>
            <p>{ words.get(Key::BUILDER_LEAD) }</p>
            <div class="builder__layout">
                <form class="builder__form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <fieldset>
                        <legend>{ words.get(Key::BUILDER_BRANDING) }</legend>
                        { text_field(Field::Organisation, "builder-organisation", Key::BUILDER_ORGANISATION, Key::BUILDER_ORGANISATION_HINT) }
                        { text_field(Field::Title, "builder-title", Key::BUILDER_TITLE, Key::BUILDER_TITLE_HINT) }
                        { logo_field }
                        { text_field(Field::Contact, "builder-contact", Key::BUILDER_CONTACT, Key::BUILDER_CONTACT_HINT) }
                    </fieldset>
                    <fieldset>
                        <legend>{ words.get(Key::BUILDER_COLOURS) }</legend>
                        <p class="builder__hint">{ words.get(Key::BUILDER_COLOURS_HINT) }</p>
                        for i in 0..COLOURS.len() {
                            { colour_field(i) }
                        }
                    </fieldset>
                    <fieldset>
                        <legend>{ words.get(Key::BUILDER_WORDS) }</legend>
                        { text_area(Field::Intro, "builder-intro", Key::BUILDER_INTRO, Key::BUILDER_INTRO_HINT, "5") }
                        { text_area(Field::Closing, "builder-closing", Key::BUILDER_CLOSING, Key::BUILDER_CLOSING_HINT, "4") }
                    </fieldset>
                    <fieldset>
                        <legend>{ words.get(Key::BUILDER_OWN) }</legend>
                        <p class="builder__hint">{ words.get(Key::BUILDER_OWN_HINT) }</p>
                        for language in Language::ALL {
                            { own_language(language) }
                        }
                    </fieldset>
                    <fieldset>
                        <legend>{ words.get(Key::BUILDER_WORKSHOP) }</legend>
                        <div class="builder__field">
                            <label for="builder-threshold">{ words.get(Key::BUILDER_THRESHOLD) }</label>
                            <select id="builder-threshold" onchange={on_threshold}>
                                for n in 2..=MAX_THRESHOLD {
                                    <option value={n.to_string()} selected={n == draft.anonymity_threshold}>{ words.count(Key::WORKSHOP_THRESHOLD_PEOPLE, n, &[]) }</option>
                                }
                            </select>
                        </div>
                        <div class="builder__field">
                            <label for="builder-host">{ words.get(Key::BUILDER_HOST) }</label>
                            <select id="builder-host" onchange={on_host}>
                                <option value="level" selected={draft.host_messages == HostMessages::Level}>{ words.get(Key::BUILDER_HOST_LEVEL) }</option>
                                <option value="level-and-scores" selected={draft.host_messages == HostMessages::LevelAndScores}>{ words.get(Key::BUILDER_HOST_SCORES) }</option>
                            </select>
                        </div>
                    </fieldset>
                    <fieldset>
                        <legend>{ words.get(Key::BUILDER_QUESTIONS) }</legend>
                        <p class="builder__hint">{ words.get(Key::BUILDER_QUESTIONS_HINT) }</p>
                        <div class="builder__actions">
                            <button type="button" class="button" onclick={set_bank(true)}>{ words.get(Key::BUILDER_BANK_START) }</button>
                            <button type="button" class="button" onclick={set_bank(false)}>{ words.get(Key::BUILDER_BANK_STANDARD) }</button>
                        </div>
                        { text_area(Field::Bank, "builder-bank", Key::BUILDER_BANK, Key::BUILDER_BANK_HINT, "16") }
                        if let Some(bank) = own_bank {
                            <BuilderLanguages {bank} {on_translated} />
                        }
                    </fieldset>
                </form>
                // Beside the form, in view while it scrolls: the check, the
                // preview and how to send the configuration.
                <div class="builder__side">
                    <section class="builder__check" aria-labelledby="builder-check-heading">
                        <h2 id="builder-check-heading">{ words.get(Key::BUILDER_CHECK) }</h2>
                        <div role="status" aria-live="polite">
                            if problems.is_empty() {
                                <p class="builder__valid">{ words.get(Key::BUILDER_CHECK_READY) }</p>
                            } else {
                                <p>{ words.count(Key::BUILDER_CHECK_PROBLEMS, problems.len(), &[]) }</p>
                                <ul class="builder__problems">
                                    for problem in problems.iter() {
                                        <li><code>{ problem.location.words(&words) }</code>{ ": " }{ problem.reason.words(&words) }</li>
                                    }
                                </ul>
                            }
                        </div>
                    </section>

                    if let Some(config) = &previewed {
                        <BuilderPreview config={Rc::clone(config)} stale={checked.is_err()} />
                    }

                    if checked.is_ok() {
                        <section class="builder__share" aria-labelledby="builder-share-heading">
                            <h2 id="builder-share-heading">{ words.get(Key::BUILDER_SHARE) }</h2>
                            <h3>{ words.get(Key::BUILDER_SHARE_FILE) }</h3>
                            <p class="builder__hint">{ words.get(Key::BUILDER_SHARE_FILE_HINT) }</p>
                            <div class="builder__actions">
                                <button type="button" class="button button--primary" onclick={on_download}>{ words.get(Key::BUILDER_SHARE_DOWNLOAD) }</button>
                            </div>
                            <h3>{ words.get(Key::BUILDER_SHARE_LINK) }</h3>
                            <p class="builder__hint">{ words.get(Key::BUILDER_SHARE_LINK_HINT) }</p>
                            if let Some(full_link) = &full_link {
                                <div class="builder__field">
                                    <label for="builder-link">{ words.get(Key::BUILDER_SHARE_LINK_LABEL) }</label>
                                    <input id="builder-link" type="text" readonly=true value={full_link.clone()} />
                                </div>
                                <div class="builder__actions">
                                    <button type="button" class="button" onclick={on_copy}>{ words.get(Key::BUILDER_SHARE_COPY) }</button>
                                    <button type="button" class="button" onclick={on_use}>{ words.get(Key::BUILDER_SHARE_USE) }</button>
                                </div>
                            } else {
                                <p>{ words.get(Key::BUILDER_SHARE_TOO_LARGE) }</p>
                                <div class="builder__actions">
                                    <button type="button" class="button" onclick={on_use}>{ words.get(Key::BUILDER_SHARE_USE) }</button>
                                </div>
                            }
                            { copy_outcome(&words, &copied) }
                        </section>
                    }
                </div>
            </div>
        </section>
    }
}

/// A problem as its field shows it: the reason, or where inside the field
/// (`dimensions[0].statements[1].weight`, or a place in the bank's text)
/// and the reason.
fn field_problem(words: &Words, problem: &Problem, at: &str) -> String {
    let inside = match &problem.location {
        Place::Bank(inside) => inside.words(words),
        place => place
            .path()
            .and_then(|path| path.strip_prefix(at))
            .map(|rest| rest.trim_start_matches('.').to_owned())
            .unwrap_or_default(),
    };
    let mut reason = problem.reason.words(words);
    if inside.is_empty() {
        // ASCII only: Unicode's case tables would weigh on the first
        // screen, whose module holds all of the app's data.
        if let Some(first) = reason.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        reason
    } else {
        words.fill(
            Key::BUILDER_PROBLEM_AT,
            &[("inside", &inside), ("reason", &reason)],
        )
    }
}

/// What became of the last copy or download.
fn copy_outcome(words: &Words, outcome: &Option<Result<(), Why>>) -> Html {
    match outcome {
        Some(Ok(())) => html! { <p role="status">{ words.get(Key::BUILDER_COPIED) }</p> },
        Some(Err(reason)) => {
            let reason = reason.words(words);
            html! { <p role="alert">{ words.fill(Key::BUILDER_NOT_DONE, &[("reason", &reason)]) }</p> }
        }
        None => Html::default(),
    }
}
