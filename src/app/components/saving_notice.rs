//! Tells the person when their answers are not being kept, and why.

use crate::app::state::Saving;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SavingNoticeProps {
    pub saving: Saving,
}

#[component]
pub fn SavingNotice(SavingNoticeProps { saving }: &SavingNoticeProps) -> Html {
    let message = match saving {
        Saving::On => return Html::default(),
        // Also what a person sees in a frame whose storage is blocked, as
        // third-party frames' storage often is.
        Saving::Unavailable => "This browser is not letting Tandem store anything here, so your \
             progress will not be kept: your answers will be lost if you close or reload the page."
            .to_owned(),
        Saving::Held(reason) => format!(
            "Answers saved earlier on this device could not be read: {reason}. They have been left \
             untouched. Starting an assessment will replace them."
        ),
        // The older of two versions: the answers belong to the newer one,
        // which a reload brings (see the README's "Offline use").
        Saving::Newer(reason) => format!(
            "Answers saved earlier on this device could not be read: {reason}. They have been left \
             untouched, and this version will not save over them, so answers given here are not \
             kept. Reload the page to use the newer version of Tandem."
        ),
        Saving::Failed(reason) => format!(
            "Your latest answers could not be saved: {reason}. They are kept while this page stays \
             open, and Tandem will keep trying to save them."
        ),
    };
    html! {
        <div class="saving-notice" role="status">
            <p>{ message }</p>
        </div>
    }
}
