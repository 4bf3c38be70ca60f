//! The result code and a link that carries it, each with a copy button. The
//! link keeps the code in the address's fragment (`#r=...`), which browsers
//! never send to a server.

use super::{use_words, QrCode};
use crate::assessment::language::Key;
use crate::clipboard;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareResultProps {
    pub code: AttrValue,
    pub link: AttrValue,
    /// Other ways to keep the result, after the code and link.
    #[prop_or_default]
    pub children: Html,
}

/// A read-only text with a copy button and a polite status line.
#[component]
fn CopyField(
    CopyFieldProps {
        id,
        label,
        copy,
        value,
        whole,
    }: &CopyFieldProps,
) -> Html {
    let words = use_words();
    let status = use_state_eq(String::new);
    let on_copy = {
        let words = words.clone();
        let status = status.clone();
        let value = value.clone();
        Callback::from(move |_| {
            let status = status.clone();
            let value = value.clone();
            let words = words.clone();
            wasm_bindgen_futures::spawn_local(async move {
                status.set(match clipboard::copy(&value).await {
                    Ok(()) => words.get(Key::SHARE_COPIED).to_owned(),
                    Err(reason) => {
                        words.fill(Key::SHARE_NOT_COPIED, &[("reason", &reason.words(&words))])
                    }
                });
            });
        })
    };
    html! {
        <div class="share-result__field">
            <label for={id.clone()}>{ label }</label>
            <div class="share-result__row">
                if *whole {
                    // As many rows as the code needs at a phone's width, for
                    // browsers that do not size a field to its content.
                    <textarea id={id.clone()} class="share-result__whole" readonly=true spellcheck="false"
                        rows={value.chars().count().div_ceil(CODE_ROW).max(1).to_string()} value={value.clone()} />
                } else {
                    <input id={id.clone()} type="text" readonly=true value={value.clone()} />
                }
                <button type="button" class="button" onclick={on_copy} aria-label={copy}>{ words.get(Key::SHARE_COPY) }</button>
            </div>
            <p class="share-result__status" role="status">{ (*status).clone() }</p>
        </div>
    }
}

/// Characters of a result code a row of its box holds on a phone.
const CODE_ROW: usize = 16;

#[derive(Properties, PartialEq)]
struct CopyFieldProps {
    id: AttrValue,
    label: AttrValue,
    /// The copy button's accessible name.
    copy: AttrValue,
    value: AttrValue,
    /// Shown whole, wrapped over as many lines as it needs, rather than in
    /// a one-line field that scrolls.
    #[prop_or_default]
    whole: bool,
}

#[component]
pub fn ShareResult(
    ShareResultProps {
        code,
        link,
        children,
    }: &ShareResultProps,
) -> Html {
    let words = use_words();
    let text = |key: Key| AttrValue::from(words.get(key).to_owned());
    html! {
        <section class="share-result" aria-labelledby="share-heading">
            <h2 id="share-heading">{ words.get(Key::SHARE_HEADING) }</h2>
            <div class="share-result__ways">
                <QrCode text={code.clone()} label={words.fill(Key::SHARE_QR, &[("code", code)])} />
                <div class="share-result__fields">
                    <CopyField id="result-code" label={text(Key::SHARE_CODE)} copy={text(Key::SHARE_CODE_COPY)} value={code.clone()} whole=true />
                    <CopyField id="result-link" label={text(Key::SHARE_LINK)} copy={text(Key::SHARE_LINK_COPY)} value={link.clone()} />
                </div>
            </div>
            <p class="hint">{ words.get(Key::SHARE_HINT) }</p>
            { children.clone() }
        </section>
    }
}
