//! Tells the person when their answers are not being kept, and why, with what
//! they can do about it: download what cannot be saved or read, or choose
//! whose answers to keep when another tab saved in the meantime.

use crate::app::state::Saving;
use crate::assessment::language::Key;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SavingNoticeProps {
    pub saving: Saving,
    /// What is saved is a facilitator's workshop, not a person's answers.
    #[prop_or_default]
    pub of_workshop: bool,
    /// Downloads what is on this page (when it cannot be saved).
    #[prop_or_default]
    pub on_download_answers: Option<Callback<()>>,
    /// Downloads what is saved in this browser, as it is (when it cannot be
    /// read).
    #[prop_or_default]
    pub on_download_saved: Option<Callback<()>>,
    /// Keeps this page's answers over another tab's.
    #[prop_or_default]
    pub on_keep: Option<Callback<()>>,
    /// Reloads the page with the answers another tab saved.
    #[prop_or_default]
    pub on_reload: Option<Callback<()>>,
}

#[component]
pub fn SavingNotice(props: &SavingNoticeProps) -> Html {
    let words = super::use_words();
    let button = |label: Key, action: &Option<Callback<()>>| {
        action.as_ref().map_or_else(Html::default, |action| {
            html! {
                <button type="button" class="button" onclick={action.reform(|_| ())}>{ words.get(label) }</button>
            }
        })
    };
    let because = |key: Key, reason: &str| words.fill(key, &[("reason", reason)]);
    let (message, actions) = match &props.saving {
        Saving::On => return Html::default(),
        Saving::Unavailable if props.of_workshop => {
            (words.get(Key::SAVING_UNAVAILABLE_WORKSHOP).to_owned(), None)
        }
        // Also what a person sees in a frame whose storage is blocked, as
        // third-party frames' storage often is.
        Saving::Unavailable => (
            words.get(Key::SAVING_UNAVAILABLE).to_owned(),
            Some(button(
                Key::SAVING_DOWNLOAD_ANSWERS,
                &props.on_download_answers,
            )),
        ),
        Saving::Held(reason) if props.of_workshop => (
            because(Key::SAVING_HELD_WORKSHOP, &reason.words(&words)),
            Some(button(Key::SAVING_DOWNLOAD_SAVED, &props.on_download_saved)),
        ),
        Saving::Failed(reason) if props.of_workshop => (
            because(Key::SAVING_FAILED_WORKSHOP, &reason.words(&words)),
            None,
        ),
        Saving::Held(reason) => (
            because(Key::SAVING_HELD, &reason.words(&words)),
            Some(button(Key::SAVING_DOWNLOAD_SAVED, &props.on_download_saved)),
        ),
        Saving::Failed(reason) => (
            because(Key::SAVING_FAILED, &reason.words(&words)),
            Some(button(
                Key::SAVING_DOWNLOAD_ANSWERS,
                &props.on_download_answers,
            )),
        ),
        Saving::Conflict => (
            words.get(Key::SAVING_CONFLICT).to_owned(),
            Some(html! {
                <>
                    { button(Key::SAVING_USE_OTHER, &props.on_reload) }
                    { button(Key::SAVING_KEEP_THIS, &props.on_keep) }
                </>
            }),
        ),
    };
    html! {
        <div class="saving-notice" role="status">
            <p>{ message }</p>
            if let Some(actions) = actions {
                <p class="saving-notice__actions">{ actions }</p>
            }
        </div>
    }
}
