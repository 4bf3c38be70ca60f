//! The join screen: what the projector shows while the room gets started. A
//! large QR code and the link to the assessment, and how each person hands
//! in their result at the end.

use crate::app::components::{use_words, QrCode};
use crate::assessment::language::Key;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct JoinScreenProps {
    /// The link participants open.
    pub link: AttrValue,
    /// Why the link cannot bring the configuration in use, if it cannot.
    #[prop_or_default]
    pub warning: Option<AttrValue>,
    /// Back to the workshop.
    pub on_closed: Callback<()>,
}

/// Full screen, for a projector: scan or type the link, answer, hand in.
#[component]
pub fn JoinScreen(
    JoinScreenProps {
        link,
        warning,
        on_closed,
    }: &JoinScreenProps,
) -> Html {
    let words = use_words();
    {
        let on_closed = on_closed.clone();
        use_effect_with((), move |()| {
            crate::page::focus(".join h1");
            let listener = crate::page::on_keydown(move |event| {
                if event.key() == "Escape" {
                    on_closed.emit(());
                }
            });
            move || drop(listener)
        });
    }
    html! {
        <section class="join" aria-labelledby="join-heading">
            <h1 id="join-heading" tabindex="-1">{ words.get(Key::JOIN_HEADING) }</h1>
            if let Some(warning) = warning {
                <p class="join__warning" role="alert">{ warning }</p>
            }
            <div class="join__ways">
                <QrCode text={link.clone()} label={words.fill(Key::JOIN_QR, &[("link", link)])} />
                <div class="join__steps">
                    <ol>
                        <li>{ words.get(Key::JOIN_SCAN) }</li>
                        <li>{ words.get(Key::JOIN_ANSWER) }</li>
                        <li>{ words.get(Key::JOIN_HAND_IN) }</li>
                    </ol>
                    <p class="join__link">{ link }</p>
                </div>
            </div>
            <div class="nav-buttons">
                <button type="button" class="button" onclick={on_closed.reform(|_| ())}>{ words.get(Key::JOIN_BACK) }</button>
            </div>
        </section>
    }
}
