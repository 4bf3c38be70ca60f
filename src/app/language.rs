//! The language Tandem is read in: settled once the configuration is (it
//! may name one), so that the first screen is already in it; then whatever
//! the person chooses. Each language's file is fetched once, checked against
//! the build (`Translation::read_shipped`), and kept for the visit.
//!
//! One reducer holds it all, so that the first screen carries one hook's
//! code rather than one per field.

use crate::assessment::language::{Language, Preferences, Translation, Words};
use crate::{hosting, page, storage, text};
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;

/// What the app knows of its language.
#[derive(Clone, Debug)]
pub struct Reading {
    /// The words shown.
    pub words: Words,
    /// Whether the first choice has been made (and its file read or
    /// refused): until then the app says it is opening.
    pub settled: bool,
    /// The language last asked for whose file could not be used, and why.
    pub failed: Option<(Language, AttrValue)>,
    /// The language last asked for: an answer for any other is late.
    wanted: Language,
    /// The files read so far.
    loaded: HashMap<Language, Rc<Translation>>,
}

impl Default for Reading {
    fn default() -> Reading {
        Reading {
            words: Words::english(text::number),
            settled: false,
            failed: None,
            wanted: Language::English,
            loaded: HashMap::new(),
        }
    }
}

/// What happens to the language.
pub enum Change {
    /// A language was asked for.
    Wanted(Language),
    /// Its file was read, or could not be used.
    Arrived(Language, Result<Rc<Translation>, String>),
}

impl Reducible for Reading {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = (*self).clone();
        match change {
            Change::Wanted(language) => {
                next.wanted = language;
                if language == Language::English {
                    next.words = Words::english(text::number);
                    next.settled = true;
                } else if let Some(translation) = next.loaded.get(&language) {
                    next.words = Words::new(Rc::clone(translation), text::number);
                    next.settled = true;
                }
            }
            // A later choice has been made meanwhile: this one is late.
            Change::Arrived(language, _) if language != next.wanted => return self,
            Change::Arrived(language, Ok(translation)) => {
                next.loaded.insert(language, Rc::clone(&translation));
                next.words = Words::new(translation, text::number);
                next.failed = None;
                next.settled = true;
            }
            Change::Arrived(language, Err(reason)) => {
                next.words = Words::english(text::number);
                next.failed = Some((language, reason.into()));
                next.settled = true;
            }
        }
        Rc::new(next)
    }
}

/// The language, settled once `ready` (the configuration is, and names
/// `configured`, if any), with the callback that the switcher calls: it
/// keeps the person's choice on the device.
#[hook]
pub fn use_language(
    ready: bool,
    configured: Option<Language>,
) -> (UseReducerHandle<Reading>, Callback<Language>) {
    let reading = use_reducer(Reading::default);
    let switch = {
        let reading = reading.clone();
        Callback::from(move |language: Language| want(&reading, language))
    };
    {
        let switch = switch.clone();
        use_effect_with(ready, move |ready| {
            if *ready {
                switch.emit(settled_choice(configured));
            }
        });
    }
    let on_language = switch.reform(|language: Language| {
        // A failure only costs the next visit its choice.
        let _ = storage::save_language(language.code());
        language
    });
    use_effect_with(reading.words.language(), |language| {
        page::set_language(language.code(), language.right_to_left());
    });
    // The recovery screen, should Tandem fail, speaks the same language.
    use_effect_with(reading.words.clone(), crate::recovery::speak);
    (reading, on_language)
}

/// The language the person gets when the page opens: their choice, the
/// address's `lang=`, the configuration's, the browser's, English.
fn settled_choice(configured: Option<Language>) -> Language {
    let (chosen, address) = (storage::load_language(), page::query_value("lang"));
    let browser = page::browser_languages();
    Preferences {
        chosen: chosen.as_deref(),
        address: address.as_deref(),
        configured: configured.map(Language::code),
        browser: &browser,
    }
    .choose()
}

/// Asks for `language`, fetching its file unless it is English or read
/// already.
fn want(reading: &UseReducerHandle<Reading>, language: Language) {
    reading.dispatch(Change::Wanted(language));
    if let (Some(file), false) = (language.file(), reading.loaded.contains_key(&language)) {
        fetch(reading.dispatcher(), language, file);
    }
}

/// Fetches and reads `file`, the file of `language`: out of line, since an
/// English first screen never runs it.
#[inline(never)]
fn fetch(dispatch: UseReducerDispatcher<Reading>, language: Language, file: String) {
    wasm_bindgen_futures::spawn_local(async move {
        let read = hosting::language_file(&file)
            .await
            .and_then(|bytes| Translation::read_shipped(language, &bytes));
        dispatch.dispatch(Change::Arrived(language, read.map(Rc::new)));
    });
}
