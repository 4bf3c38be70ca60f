//! Tells the person when their answers are not being kept, and why, with what
//! they can do about it: download what cannot be saved or read, or choose
//! whose answers to keep when another tab saved in the meantime.

use crate::app::state::Saving;
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
    let button = |label: &'static str, action: &Option<Callback<()>>| {
        action.as_ref().map_or_else(Html::default, |action| {
            html! {
                <button type="button" class="button" onclick={action.reform(|_| ())}>{ label }</button>
            }
        })
    };
    let (message, actions) = match &props.saving {
        Saving::On => return Html::default(),
        Saving::Unavailable if props.of_workshop => (
            "This browser is not letting Tandem store anything here, so the workshop will not \
             be kept: the gathered codes will be lost if you close or reload the page."
                .to_owned(),
            None,
        ),
        // Also what a person sees in a frame whose storage is blocked, as
        // third-party frames' storage often is.
        Saving::Unavailable => (
            "This browser is not letting Tandem store anything here, so your progress will not \
             be kept: your answers will be lost if you close or reload the page. You can \
             download them at any time."
                .to_owned(),
            Some(button("Download my answers", &props.on_download_answers)),
        ),
        Saving::Held(reason) if props.of_workshop => (
            format!(
                "A workshop saved earlier on this device could not be read: {reason}. It has been \
                 left untouched; if you start a new workshop, a copy of it stays in this browser."
            ),
            Some(button("Download the saved data", &props.on_download_saved)),
        ),
        Saving::Failed(reason) if props.of_workshop => (
            format!(
                "The workshop's latest changes could not be saved: {reason}. They are kept while \
                 this page stays open, and Tandem will keep trying to save them."
            ),
            None,
        ),
        Saving::Held(reason) => (
            format!(
                "Answers saved earlier on this device could not be read: {reason}. They have been \
                 left untouched; if you start an assessment, a copy of them stays in this browser."
            ),
            Some(button("Download the saved data", &props.on_download_saved)),
        ),
        Saving::Failed(reason) => (
            format!(
                "Your latest answers could not be saved: {reason}. They are kept while this page \
                 stays open, and Tandem will keep trying to save them. To be safe, download them."
            ),
            Some(button("Download my answers", &props.on_download_answers)),
        ),
        Saving::Conflict => (
            "Tandem is open in another tab or window, which saved answers after this page \
             loaded. To lose neither, this page has stopped saving. Choose which answers to \
             keep."
                .to_owned(),
            Some(html! {
                <>
                    { button("Use the other tab's answers", &props.on_reload) }
                    { button("Keep the answers on this page", &props.on_keep) }
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
