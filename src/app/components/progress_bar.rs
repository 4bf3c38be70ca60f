//! How far through the questionnaire the respondent is, shown and announced.

use super::use_words;
use crate::assessment::language::Key;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProgressBarProps {
    /// Statements answered so far.
    pub answered: usize,
    /// Statements in the assessment.
    pub total: usize,
    /// This page's number, from 1.
    pub section: usize,
    /// Pages in the assessment.
    pub sections: usize,
    /// This page's dimension.
    pub name: AttrValue,
}

#[component]
pub fn ProgressBar(
    ProgressBarProps {
        answered,
        total,
        section,
        sections,
        name,
    }: &ProgressBarProps,
) -> Html {
    let words = use_words();
    let count = words.fill(
        Key::PROGRESS_COUNT,
        &[
            ("answered", &words.number(*answered as f64)),
            ("total", &words.number(*total as f64)),
        ],
    );
    html! {
        <div class="progress-bar">
            // Polite: read out after the new page's heading, once per page.
            <p class="progress-bar__section" aria-live="polite">
                { words.fill(Key::PROGRESS_SECTION, &[
                    ("section", &words.number(*section as f64)),
                    ("sections", &words.number(*sections as f64)),
                    ("name", name),
                ]) }
            </p>
            <progress
                class="progress-bar__meter"
                max={total.to_string()}
                value={answered.to_string()}
                aria-label={count.clone()}
            />
            <p class="progress-bar__count">{ count }</p>
        </div>
    }
}
