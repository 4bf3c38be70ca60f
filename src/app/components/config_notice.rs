//! Says that a configuration could not be used, lists every problem found in
//! it with its place in the file, and what Tandem runs under instead.

use crate::app::setup::{Refusal, Source};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfigNoticeProps {
    pub refusal: Refusal,
    /// Where the configuration in use came from.
    pub source: Source,
    pub on_close: Callback<()>,
}

#[component]
pub fn ConfigNotice(
    ConfigNoticeProps {
        refusal,
        source,
        on_close,
    }: &ConfigNoticeProps,
) -> Html {
    let instead = match source {
        Source::Standard => "Tandem is running with its standard questions and look instead.",
        Source::File => "Tandem is running with the configuration beside the app instead.",
        Source::Chosen => "Tandem is still running with the configuration it had.",
    };
    let count = refusal.problems.len();
    html! {
        <div class="config-notice" role="alert">
            <h2 class="config-notice__title">
                { format!("The configuration from {} was not used", refusal.origin) }
            </h2>
            <p>
                { format!("{instead} {} found:", if count == 1 { "One problem was".to_owned() } else { format!("{count} problems were") }) }
            </p>
            <ul class="config-notice__problems">
                for problem in refusal.problems.iter() {
                    <li><code>{ &problem.location }</code>{ ": " }{ &problem.reason }</li>
                }
            </ul>
            <button type="button" class="button" onclick={on_close.reform(|_| ())}>{ "Dismiss" }</button>
        </div>
    }
}
