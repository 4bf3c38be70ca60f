//! What a consultant's configuration puts on the page: the brand in the
//! header, the contact link, and the notice that a configuration could not
//! be used. Plain functions rather than components: they hold no state, and
//! each component costs the download several kilobytes of lifecycle code.
//!
//! Everything from a configuration is text, rendered as text nodes; the
//! only attributes it reaches are the logo's `src`, a checked same-origin
//! image path or an embedded PNG, JPEG or WebP `data:` URL checked by its
//! bytes, and the contact link's `href`, which passed the https/mailto
//! allowlist.

use crate::app::setup::{Origin, Refusal, Source};
use crate::assessment::language::{Key, Words};
use crate::assessment::{Config, Link};
use yew::prelude::*;

/// The header's name: the client's logo and organisation, "Tandem" without
/// a configuration. Root class `brand`.
pub fn brand(config: &Config) -> Html {
    html! {
        <p class="brand">
            if let Some(logo) = config.logo() {
                // The name beside it says who it is, so for a screen reader
                // the image is decoration.
                <img class="brand__logo" src={logo.as_str().to_owned()} alt="" />
            }
            <span class="brand__name">{ config.organisation().unwrap_or("Tandem") }</span>
        </p>
    }
}

/// The consultant's contact link. Root class `contact-link`.
pub fn contact_link(link: &Link, words: &Words) -> Html {
    let lead = words.get(if link.is_email() {
        Key::CONTACT_WRITE
    } else {
        Key::CONTACT_VISIT
    });
    html! {
        <p class="contact-link">
            { lead }{ " " }
            // The page it opens learns nothing about this one.
            <a href={link.as_str().to_owned()} rel="noopener noreferrer">{ link.label() }</a>
        </p>
    }
}

/// Says that a configuration could not be used, lists every problem found in
/// it with its place in the file, and what Tandem runs under instead (the
/// configuration from `source`). Root class `config-notice`.
pub fn config_notice(
    refusal: &Refusal,
    source: Source,
    words: &Words,
    on_close: &Callback<()>,
) -> Html {
    let instead = words.get(match source {
        Source::Standard => Key::CONFIG_NOTICE_INSTEAD_STANDARD,
        Source::File => Key::CONFIG_NOTICE_INSTEAD_FILE,
        Source::Chosen => Key::CONFIG_NOTICE_INSTEAD_CHOSEN,
    });
    let found = words.count(Key::CONFIG_NOTICE_FOUND, refusal.problems.len(), &[]);
    let title = match &refusal.origin {
        Origin::SiteFile => words.get(Key::CONFIG_NOTICE_FROM_FILE).to_owned(),
        Origin::Link => words.get(Key::CONFIG_NOTICE_FROM_LINK).to_owned(),
        Origin::Embedded => words.get(Key::CONFIG_NOTICE_FROM_EMBEDDED).to_owned(),
        Origin::Kept => words.get(Key::CONFIG_NOTICE_FROM_KEPT).to_owned(),
        Origin::Imported(file) => words.fill(Key::CONFIG_NOTICE_FROM_IMPORTED, &[("file", file)]),
    };
    html! {
        <div class="config-notice" role="alert">
            <h2 class="config-notice__title">{ title }</h2>
            <p>{ format!("{instead} {found}") }</p>
            <ul class="config-notice__problems">
                for problem in refusal.problems.iter() {
                    <li><code>{ problem.location.words(words) }</code>{ ": " }{ problem.reason.words(words) }</li>
                }
            </ul>
            <button type="button" class="button" onclick={on_close.reform(|_| ())}>{ words.get(Key::CONFIG_NOTICE_DISMISS) }</button>
        </div>
    }
}
