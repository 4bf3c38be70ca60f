//! The page around the app: where focus goes, what the tab is called, the
//! address's fragment (which carries shared results and never reaches a
//! server), printing, and today's date for printed reports.
//!
//! Screens change without a page load, so the app moves focus itself: to the
//! new screen's heading, or to an error summary, as a page load or a form
//! submission would for keyboard and screen-reader users.

use crate::assessment::config::Scheme;
use crate::assessment::Colours;
use gloo_events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Names the browser tab.
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Moves focus to the current screen's main heading and shows the top of it.
pub fn focus_heading() {
    focus("main h1");
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Moves focus to the summary of what must be fixed before going on.
pub fn focus_error_summary() {
    focus(".error-summary");
}

/// Moves focus to the first element `selector` matches, if there is one.
pub fn focus(selector: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Opens every closed disclosure while the page prints, and closes them
/// again after: a printed report holds what the screen folds away, in
/// browsers whose print styles cannot open a disclosure themselves. Lasts
/// as long as the listeners returned are kept.
pub fn open_disclosures_when_printing() -> Vec<EventListener> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    const MARK: &str = "data-opened-to-print";
    fn each(selector: &str, then: impl Fn(&web_sys::Element)) {
        if let Some(found) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector_all(selector).ok())
        {
            for i in 0..found.length() {
                if let Some(element) = found
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                {
                    then(&element);
                }
            }
        }
    }
    vec![
        EventListener::new(&window, "beforeprint", |_| {
            each("details:not([open])", |details| {
                let _ = details.set_attribute(MARK, "");
                let _ = details.set_attribute("open", "");
            });
        }),
        EventListener::new(&window, "afterprint", |_| {
            each(&format!("details[{MARK}]"), |details| {
                let _ = details.remove_attribute(MARK);
                let _ = details.remove_attribute("open");
            });
        }),
    ]
}

/// Calls `handler` with every key pressed anywhere on the page, for as long
/// as the listener returned is kept; the handler may prevent the key's
/// default.
pub fn on_keydown(handler: impl Fn(&web_sys::KeyboardEvent) + 'static) -> Option<EventListener> {
    let document = web_sys::window()?.document()?;
    let options = gloo_events::EventListenerOptions::enable_prevent_default();
    Some(EventListener::new_with_options(
        &document,
        "keydown",
        options,
        move |event| {
            if let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() {
                handler(event);
            }
        },
    ))
}

/// Opens the browser's print dialog (which also offers "Save as PDF").
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Runs `then` in a task of its own once the browser has painted what is
/// pending: for work whose result the screen does not show (the printed
/// report's own parts), so that a new screen is not held back by it.
pub fn after_paint(then: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    // A frame callback runs just before the paint; a task queued from it
    // runs after. Each closure frees itself once called.
    let task = Closure::once_into_js(then);
    let frame = Closure::once_into_js(move || {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(task.unchecked_ref());
        }
    });
    let _ = window.request_animation_frame(frame.unchecked_ref());
}

/// The address's fragment without the leading `#`.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|hash| hash.trim_start_matches('#').to_owned())
        .unwrap_or_default()
}

/// Whether this page runs in a frame of another page (embedded, with or
/// without `?embed`): such a page may change the frame's address, so a
/// configuration in it is nobody's choice.
pub fn is_framed() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    match window.top() {
        Ok(Some(top)) => !js_sys::Object::is(&top, &window),
        // A top window that cannot even be reached is another page's.
        _ => true,
    }
}

/// The app's own address without any fragment, for building share links.
pub fn address() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_owned())
        .unwrap_or_default()
}

/// Goes to another screen by setting the fragment (`workshop`).
pub fn go_to(fragment: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(fragment);
    }
}

/// Loads the page again, as the browser's reload button does.
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Removes the fragment without reloading or adding a history entry.
pub fn clear_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address()));
    }
}

/// Today's date as readers of `language` write it, for the printed report,
/// by the browser's `Intl` ("3 December 2026", "3. Dezember 2026").
pub fn today(language: crate::assessment::language::Language) -> String {
    let options = js_sys::Object::new();
    for (name, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
        let _ = js_sys::Reflect::set(&options, &name.into(), &value.into());
    }
    // British English writes the day first, as Tandem's English does.
    let locale = match language {
        crate::assessment::language::Language::English => "en-GB",
        other => other.code(),
    };
    js_sys::Date::new_0()
        .to_locale_date_string(locale, &options)
        .into()
}

/// Sets the brand colours on the page's root element as CSS custom
/// properties, through the CSS object model: no style text is ever written,
/// so nothing in a colour can be read as CSS, and a strict Content Security
/// Policy (no `'unsafe-inline'` styles) allows it. A colour the brand does
/// not set is removed, giving Tandem's own back. The brand's scheme (light or
/// dark) pins the palette for everything the brand does not colour; without
/// one it is left to the reader's setting.
pub fn set_colours(colours: &Colours) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    set_properties(&root, colours);
    let _ = match colours.scheme() {
        Some(Scheme::Light) => root.set_attribute("data-scheme", "light"),
        Some(Scheme::Dark) => root.set_attribute("data-scheme", "dark"),
        None => root.remove_attribute("data-scheme"),
    };
}

/// Sets or removes the brand colours' CSS custom properties on one element,
/// through the CSS object model as [`set_colours`] does; what is set there
/// applies to the element and everything inside it.
pub fn set_properties(element: &web_sys::HtmlElement, colours: &Colours) {
    let style = element.style();
    for (property, colour) in colours.custom_properties() {
        let _ = match colour {
            Some(colour) => style.set_property(property, &colour.to_string()),
            None => style.remove_property(property).map(drop),
        };
    }
}

/// The value of `name` in the address's query (`?lang=de`), if it is there:
/// read as it is written, since only a language's code is looked for.
pub fn query_value(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

/// The browser's languages, most wanted first (`navigator.languages`).
pub fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|list| list.iter().filter_map(|tag| tag.as_string()).collect())
        .unwrap_or_default()
}

/// Marks the page as written in the language `code`, from right to left
/// when `right_to_left`: `<html lang dir>`, which screen readers, fonts,
/// hyphenation and the stylesheet's logical properties follow.
pub fn set_language(code: &str, right_to_left: bool) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", code);
        let _ = root.set_attribute("dir", if right_to_left { "rtl" } else { "ltr" });
    }
}
