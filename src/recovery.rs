//! What happens when Tandem itself fails: a panic.
//!
//! In the browser a panic aborts the WebAssembly module; nothing can be
//! caught, and calling into the module afterwards is unsound. So the panic
//! hook does three things while it still can, with the DOM only and without
//! Yew:
//!
//! 1. stops every further write to storage, so a broken state can never
//!    overwrite what was saved before (`storage::stop_writing`);
//! 2. replaces the page's body (and with it every listener Yew attached) with
//!    a plain recovery screen that says what happened and what is safe;
//! 3. offers the saved data, read once now, as a file to download: a plain
//!    link to a `blob:` URL, which works with the module gone.
//!
//! Hosts and tests can see the screen with `window.wasmBindings.failureDrill()`,
//! which panics on purpose.

use crate::assessment::language::{Key, Words};
use std::cell::RefCell;

thread_local! {
    /// The words of the language the app shows, for the recovery screen.
    static WORDS: RefCell<Option<Words>> = const { RefCell::new(None) };
}

/// Keeps `words` for the recovery screen: the app calls it whenever its
/// language changes.
pub fn speak(words: &Words) {
    WORDS.with(|kept| {
        if let Ok(mut kept) = kept.try_borrow_mut() {
            *kept = Some(words.clone());
        }
    });
}

/// The words the recovery screen speaks: the app's, or English if they
/// cannot be had (the failure came before the app had any, or while they
/// were being changed).
fn words() -> Words {
    WORDS
        .try_with(|kept| kept.try_borrow().ok().and_then(|kept| kept.clone()))
        .ok()
        .flatten()
        .unwrap_or_else(|| Words::english(crate::text::number))
}

/// Installs the panic hook; called once, before the app is mounted.
pub fn install() {
    // Through Yew, which otherwise sets its own hook when it mounts.
    yew::set_custom_panic_hook(Box::new(|info| {
        crate::storage::stop_writing();
        show(&info.to_string());
    }));
}

/// Offers what is saved in this browser, as it is, as a file: for saved
/// answers this version cannot read (the saving notices offer it too, while
/// Tandem still runs).
pub fn download_saved() {
    let copy = saved_copy(&crate::storage::saved_text());
    let _ = crate::files::download("tandem-saved-data.json", "application/json", &copy);
}

/// A panic on purpose, to see the recovery screen: `window.wasmBindings.failureDrill()`.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = failureDrill)]
pub fn failure_drill() {
    panic!("failure drill: Tandem was asked to stop");
}

/// The saved data as one JSON object, each key's text as it was saved; keys
/// with nothing saved, or that cannot be read, are left out.
pub fn saved_copy(saved: &[(String, Option<String>)]) -> String {
    // Written by hand around serde_json's string escaping: the smallest code
    // for a file that only ever has these few keys.
    let quoted = |text: &str| serde_json::to_string(text).unwrap_or_default();
    let fields: Vec<String> = saved
        .iter()
        .filter_map(|(key, text)| Some(format!("{}:{}", quoted(key), quoted(text.as_deref()?))))
        .collect();
    format!("{{{}}}", fields.join(","))
}

/// Replaces the page with the recovery screen. Every step that fails is
/// skipped: this runs after something already went wrong.
fn show(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(body) = document.create_element("body") else {
        return;
    };
    let element = |tag: &str, class: &str, text: &str| {
        let node = document.create_element(tag).ok()?;
        if !class.is_empty() {
            node.set_class_name(class);
        }
        if !text.is_empty() {
            node.set_text_content(Some(text));
        }
        Some(node)
    };
    let Some(main) = element("main", "recovery", "") else {
        return;
    };
    let _ = main.set_attribute("role", "alert");
    let words = words();
    let mut parts = vec![
        element("h1", "", words.get(Key::RECOVERY_TITLE)),
        element("p", "", words.get(Key::RECOVERY_WHAT)),
        element("p", "", words.get(Key::RECOVERY_RELOAD)),
    ];
    let saved = crate::storage::saved_text();
    if saved.iter().any(|(_, text)| text.is_some()) {
        parts.push(download_link(&document, &words, &saved_copy(&saved)));
    } else {
        parts.push(element("p", "", words.get(Key::RECOVERY_NOTHING_SAVED)));
    }
    let details = element("details", "recovery__details", "");
    if let Some(details) = &details {
        for child in [
            element("summary", "", words.get(Key::RECOVERY_DETAILS)),
            element("pre", "", detail),
        ]
        .into_iter()
        .flatten()
        {
            let _ = details.append_child(&child);
        }
    }
    parts.push(details);
    for part in parts.into_iter().flatten() {
        let _ = main.append_child(&part);
    }
    let _ = body.append_child(&main);
    if let (Some(root), Some(old)) = (document.document_element(), document.body()) {
        let _ = root.replace_child(&body, &old);
    }
    document.set_title(words.get(Key::RECOVERY_TITLE));
}

/// A paragraph with a link that downloads `contents`, or a sentence saying
/// the browser would not make the file.
fn download_link(
    document: &web_sys::Document,
    words: &Words,
    contents: &str,
) -> Option<web_sys::Element> {
    let paragraph = document.create_element("p").ok()?;
    match crate::files::object_url("application/json", contents) {
        Ok(url) => {
            let link = document.create_element("a").ok()?;
            let _ = link.set_attribute("href", &url);
            let _ = link.set_attribute("download", "tandem-saved-data.json");
            link.set_text_content(Some(words.get(Key::RECOVERY_DOWNLOAD)));
            paragraph.append_child(&link).ok()?;
        }
        Err(_) => paragraph.set_text_content(Some(words.get(Key::RECOVERY_NO_COPY))),
    }
    Some(paragraph)
}

#[cfg(test)]
mod tests {
    use super::saved_copy;

    #[test]
    fn the_copy_keeps_each_saved_text_exactly_and_leaves_out_what_is_missing() {
        let progress = r#"{"schema":1,"bank":"x","progress":{"team":"Nord \"A\""}}"#;
        let copy = saved_copy(&[
            ("tandem.progress".to_owned(), Some(progress.to_owned())),
            ("tandem.workshop".to_owned(), None),
        ]);
        let read: serde_json::Value = serde_json::from_str(&copy).expect("the copy is JSON");
        assert_eq!(read["tandem.progress"], progress);
        assert!(read.get("tandem.workshop").is_none());
        assert_eq!(saved_copy(&[("tandem.workshop".to_owned(), None)]), "{}");
    }
}
