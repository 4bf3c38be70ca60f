//! Pieces the screens share. Each has one root CSS class named after it.

mod action_plan;
mod branding;
mod comparison;
mod language_switcher;
mod progress_bar;
mod qr_code;
mod qr_scanner;
pub mod radar_chart;
mod restart;
mod saving_notice;
mod share_result;
mod statement_item;
mod transfer;

pub use action_plan::ActionPlan;
pub use branding::{brand, config_notice, contact_link};
pub use comparison::Comparison;
pub use language_switcher::LanguageSwitcher;
pub use progress_bar::ProgressBar;
pub use qr_code::QrCode;
pub use qr_scanner::QrScanner;
pub use radar_chart::{RadarChart, RadarSeries};
pub use restart::Restart;
pub use saving_notice::SavingNotice;
pub use share_result::ShareResult;
pub use statement_item::StatementItem;
pub use transfer::{ChosenFile, Transfer};

use crate::assessment::language::Words;
use crate::assessment::Bank;
use std::future::Future;
use std::rc::Rc;
use yew::{hook, use_context, use_memo, Callback, Event, TargetCast};

/// The words of the language the person reads Tandem in, which the root
/// provides; English where nothing does (a component tested on its own).
#[hook]
pub fn use_words() -> Words {
    use_context::<Words>().unwrap_or_else(|| Words::english(crate::text::number))
}

/// `bank` in the reader's language: the same ids, so the same answers and
/// scores, under the same fingerprint; made again only when the language or
/// the bank changes.
#[hook]
pub fn use_shown_bank(bank: &Rc<Bank>) -> Rc<Bank> {
    let words = use_words();
    (*use_memo((words, Rc::clone(bank)), |(words, bank)| {
        words.bank(bank).map_or_else(|| Rc::clone(bank), Rc::new)
    }))
    .clone()
}

/// A file input's change handler: takes the file chosen, clears the input so
/// that the same file can be chosen again (once fixed, say), and runs
/// `read` on it, which may wait for its contents.
pub fn read_chosen<F: Future<Output = ()> + 'static>(
    read: impl Fn(web_sys::File) -> F + 'static,
) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        let Some(file) = crate::files::chosen_file(&input) else {
            return;
        };
        input.set_value("");
        wasm_bindgen_futures::spawn_local(read(file));
    })
}

/// A callback that sends an action only when `make` finds one in the event,
/// for controls whose value has to be read and may not parse.
pub fn send_some<E: 'static, A: 'static>(
    on_event: &Callback<A>,
    make: impl Fn(E) -> Option<A> + 'static,
) -> Callback<E> {
    let on_event = on_event.clone();
    Callback::from(move |event| {
        if let Some(action) = make(event) {
            on_event.emit(action);
        }
    })
}
