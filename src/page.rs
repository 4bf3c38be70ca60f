//! The page around the app: where focus goes and what the tab is called.
//!
//! Screens change without a page load, so the app moves focus itself: to the
//! new screen's heading, or to an error summary, as a page load or a form
//! submission would for keyboard and screen-reader users.

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

fn focus(selector: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
