//! The builder's preview: the configuration on the screens a respondent
//! meets (the first page, a page of statements and a result), drawn by the
//! app's own components and rules, in the configuration's colours. The
//! result is worked out by the real scoring from answers made up for the
//! purpose, and says so. Like a respondent's screens, it is in the reader's
//! language, the bank's text included where the bank (or, for Tandem's own
//! questions, the language file) gives it.

use super::results::{closing_words, first_steps, overall_summary, radar_axes, radar_scores};
use crate::app::components::{
    brand, use_words, ProgressBar, RadarChart, RadarSeries, StatementItem,
};
use crate::assessment::language::{Key, Words};
use crate::assessment::plan::ActionPlan;
use crate::assessment::{Answer, Bank, Config, Mode, Progress, StatementId};
use crate::page;
use std::rc::Rc;
use yew::prelude::*;

/// The screens the preview can show, in the order a respondent meets them.
#[derive(Clone, Copy, PartialEq)]
enum Screen {
    Landing,
    Statement,
    Result,
}

impl Screen {
    const ALL: [Screen; 3] = [Screen::Landing, Screen::Statement, Screen::Result];

    fn label(self) -> Key {
        match self {
            Screen::Landing => Key::BUILDER_PREVIEW_LANDING,
            Screen::Statement => Key::BUILDER_PREVIEW_STATEMENT,
            Screen::Result => Key::BUILDER_PREVIEW_RESULT,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct BuilderPreviewProps {
    /// The configuration shown: the draft's, or its last version without
    /// problems.
    pub config: Rc<Config>,
    /// The draft has problems and this is its last good version.
    pub stale: bool,
}

/// The preview, with a choice of screen. Root class `builder-preview`.
#[component]
pub fn BuilderPreview(BuilderPreviewProps { config, stale }: &BuilderPreviewProps) -> Html {
    let words = use_words();
    // The bank as a respondent reading this language gets it; `None` where
    // there is nothing to lay over its own words.
    let translated = use_memo((words.clone(), Rc::clone(config)), |(words, config)| {
        words.bank(config.bank())
    });
    let bank = translated.as_ref().as_ref().unwrap_or(config.bank());
    let screen = use_state_eq(|| Screen::Landing);
    // The statement on show can be answered, as on the real page.
    let answer = use_state_eq(|| None::<Answer>);

    // The colours, set on the frame as the app sets them on the page.
    let frame = use_node_ref();
    {
        let frame = frame.clone();
        use_effect_with(config.colours().clone(), move |colours| {
            if let Some(element) = frame.cast::<web_sys::HtmlElement>() {
                page::set_properties(&element, colours);
            }
        });
    }

    let choose = |choice: Screen| {
        let screen = screen.clone();
        Callback::from(move |_| screen.set(choice))
    };
    let on_answer = {
        let answer = answer.clone();
        Callback::from(move |(_, given): (StatementId, Answer)| answer.set(Some(given)))
    };
    let shown = match *screen {
        Screen::Landing => landing(&words, config, bank),
        Screen::Statement => statement(&words, bank, *answer, on_answer),
        Screen::Result => result(&words, config, bank),
    };

    html! {
        <section class="builder-preview" aria-labelledby="builder-preview-heading">
            <h2 id="builder-preview-heading">{ words.get(Key::BUILDER_PREVIEW) }</h2>
            <div class="builder-preview__screens" role="group" aria-label={words.get(Key::BUILDER_PREVIEW_SCREENS).to_owned()}>
                for choice in Screen::ALL {
                    <button type="button" class="button" aria-pressed={(*screen == choice).to_string()} onclick={choose(choice)}>
                        { words.get(choice.label()) }
                    </button>
                }
            </div>
            if *stale {
                <p class="builder__hint">{ words.get(Key::BUILDER_PREVIEW_STALE) }</p>
            }
            <div class="builder-preview__frame" ref={frame}>
                <div class="builder-preview__header">{ brand(config) }</div>
                { shown }
            </div>
        </section>
    }
}

/// The first page: the title, the introduction and the start.
fn landing(words: &Words, config: &Config, bank: &Bank) -> Html {
    html! {
        <>
            <p class="builder-preview__title">{ config.title_over(bank, words.language()) }</p>
            for paragraph in config.intro_in(words.language()).iter() {
                <p>{ paragraph }</p>
            }
            <p><span class="button button--primary">{ words.count(Key::BUILDER_PREVIEW_STATEMENTS, bank.statement_count(Mode::Quick), &[]) }</span></p>
            if let Some(contact) = config.contact() {
                <p>{ words.fill(Key::BUILDER_PREVIEW_CONTACT, &[("link", contact.label())]) }</p>
            }
        </>
    }
}

/// The first page of statements, with its first statement.
fn statement(
    words: &Words,
    bank: &Bank,
    answer: Option<Answer>,
    on_answer: Callback<(StatementId, Answer)>,
) -> Html {
    let Some(dimension) = bank.dimensions_in(Mode::Quick).next() else {
        return Html::default();
    };
    let Some(first) = dimension.statements.first() else {
        return Html::default();
    };
    html! {
        <>
            <ProgressBar
                answered={usize::from(answer.is_some())}
                total={bank.statement_count(Mode::Quick)}
                section={1}
                sections={bank.dimensions_in(Mode::Quick).count()}
                name={AttrValue::from(dimension.name.clone())}
            />
            <p class="builder-preview__title">{ &dimension.name }</p>
            <p class="section__summary">{ &dimension.summary }</p>
            <StatementItem
                id={first.id.clone()}
                number={1}
                text={AttrValue::from(first.text.clone())}
                offers_not_applicable={first.not_applicable}
                {answer}
                missing={false}
                {on_answer}
            />
            <p class="nav-buttons">
                <span class="button">{ words.get(Key::NAV_BACK) }</span>
                <span class="button button--primary">{ words.get(Key::NAV_NEXT) }</span>
            </p>
        </>
    }
}

/// A result worked out from made-up answers: the headline, the chart, where
/// to start and the closing words.
fn result(words: &Words, config: &Config, bank: &Bank) -> Html {
    let report = example(bank).report(bank);
    let mut plan = ActionPlan::default();
    plan.redraft(bank, &report);
    let series: Rc<[RadarSeries]> = Rc::new([RadarSeries {
        label: words.get(Key::RESULTS_RADAR_THIS).to_owned().into(),
        modifier: "self",
        scores: radar_scores(&report),
    }]);
    html! {
        <>
            <p class="builder__hint">{ words.get(Key::BUILDER_PREVIEW_EXAMPLE) }</p>
            { overall_summary(words, bank, &report) }
            <RadarChart axes={radar_axes(bank, &report)} {series} label={words.get(Key::BUILDER_PREVIEW_RADAR).to_owned()} />
            { first_steps(words, bank, &plan, false) }
            { closing_words(config.closing_in(words.language()), config.contact(), words) }
        </>
    }
}

/// A quick assessment answered so that its dimensions differ: each a little
/// lower than the one before, from mostly "Strongly agree" down.
fn example(bank: &Bank) -> Progress {
    let mut progress = Progress::new(Mode::Quick);
    for (d, dimension) in bank.dimensions_in(Mode::Quick).enumerate() {
        for (s, statement) in dimension.statements.iter().enumerate() {
            let agreement = 4usize.saturating_sub((d + s) / 2).max(1);
            progress
                .answers
                .insert(statement.id.clone(), Answer::AGREEMENT[agreement]);
        }
    }
    progress
}
