//! How far through the questionnaire the respondent is, shown and announced.

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
    let count = format!("{answered} of {total} statements answered");
    html! {
        <div class="progress-bar">
            // Polite: read out after the new page's heading, once per page.
            <p class="progress-bar__section" aria-live="polite">
                { format!("Section {section} of {sections}: {name}") }
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
