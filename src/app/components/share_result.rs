//! The result code and a link that carries it, each with a copy button. The
//! link keeps the code in the address's fragment (`#r=...`), which browsers
//! never send to a server.

use super::QrCode;
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
    let status = use_state_eq(String::new);
    let on_copy = {
        let status = status.clone();
        let value = value.clone();
        Callback::from(move |_| {
            let status = status.clone();
            let value = value.clone();
            wasm_bindgen_futures::spawn_local(async move {
                status.set(match clipboard::copy(&value).await {
                    Ok(()) => "Copied.".to_owned(),
                    Err(reason) => format!("Not copied: {reason}."),
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
                <button type="button" class="button" onclick={on_copy} aria-label={copy}>{ "Copy" }</button>
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
    html! {
        <section class="share-result" aria-labelledby="share-heading">
            <h2 id="share-heading">{ "Hand in your result" }</h2>
            <div class="share-result__ways">
                <QrCode text={code.clone()} label={format!("QR code of the result code {code}")} />
                <div class="share-result__fields">
                    <CopyField id="result-code" label="Result code" copy="Copy the result code" value={code.clone()} whole=true />
                    <CopyField id="result-link" label="Result link" copy="Copy the result link" value={link.clone()} />
                </div>
            </div>
            <p class="hint">{ "In a workshop, hold the QR code up to the facilitator's camera, or send them the code or the link. The code holds your role, team label and answers, nothing else; nothing is uploaded." }</p>
            { children.clone() }
        </section>
    }
}
