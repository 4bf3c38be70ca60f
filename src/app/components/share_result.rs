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
}

/// A read-only text with a copy button and a polite status line.
#[component]
fn CopyField(
    CopyFieldProps {
        id,
        label,
        copy,
        value,
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
                <input id={id.clone()} type="text" readonly=true value={value.clone()} />
                <button type="button" class="button" onclick={on_copy} aria-label={copy}>{ "Copy" }</button>
            </div>
            <p class="share-result__status" role="status">{ (*status).clone() }</p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct CopyFieldProps {
    id: AttrValue,
    label: AttrValue,
    /// The copy button's accessible name.
    copy: AttrValue,
    value: AttrValue,
}

#[component]
pub fn ShareResult(ShareResultProps { code, link }: &ShareResultProps) -> Html {
    html! {
        <section class="share-result" aria-labelledby="share-heading">
            <h2 id="share-heading">{ "Share with the facilitator, or keep this result" }</h2>
            <p class="hint">{ "The code holds your role, team label and answers, nothing else. In a workshop, hold this QR code up to the facilitator's camera, or send them the code or the link. Anyone who opens the link sees this result in their own browser; nothing is uploaded." }</p>
            <QrCode text={code.clone()} label={format!("QR code of the result code {code}")} />
            <CopyField id="result-code" label="Result code" copy="Copy the result code" value={code.clone()} />
            <CopyField id="result-link" label="Result link" copy="Copy the result link" value={link.clone()} />
        </section>
    }
}
