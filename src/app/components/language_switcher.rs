//! The language switcher on every screen: a labelled menu of the languages
//! Tandem speaks, each named in itself and marked with its own language, so
//! that a screen reader reads "Deutsch" in German.

use super::use_words;
use crate::assessment::language::{Key, Language};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LanguageSwitcherProps {
    /// Chose another language.
    pub on_choose: Callback<Language>,
}

#[component]
pub fn LanguageSwitcher(LanguageSwitcherProps { on_choose }: &LanguageSwitcherProps) -> Html {
    let words = use_words();
    let shown = words.language();
    let on_change = super::send_some(on_choose, |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        Language::from_tag(&select.value())
    });
    html! {
        <p class="language-switcher">
            <label for="language">{ words.get(Key::LANGUAGE_LABEL) }</label>
            <select id="language" onchange={on_change}>
                for language in Language::ALL {
                    <option
                        value={language.code()}
                        lang={language.code()}
                        selected={language == shown}
                    >
                        { language.name() }
                    </option>
                }
            </select>
        </p>
    }
}
