//! Presenter mode: the team picture on a projector, one slide at a time.
//! Each dimension asks the room first and shows its figures when revealed,
//! as large figures and bars; then the four statements the room is most
//! divided on, with how HR and L&D answered where that may be shown; then the
//! team plan, to close. A presentation clicker drives it: its keys (arrows,
//! Page Up and Down, Space) move through the slides.

use super::team_picture::{divided_list, mode_notice};
use crate::app::components::use_words;
use crate::app::workshop_state::{Presenter, Slide};
use crate::assessment::language::{Key, Words};
use crate::assessment::plan::{ActionPlan, Direction};
use crate::assessment::workshop::{DimensionStats, PerceptionGap, TeamView};
use crate::assessment::{wording, Bank, Score};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How many of the most divided statements the projector shows: four fill
/// two rows of two with their HR and L&D bars at 1366 × 768 and at 150 %
/// zoom; the team picture lists them all.
const PROJECTED_DIVIDED: usize = 4;

#[derive(Properties, PartialEq)]
pub struct PresenterModeProps {
    pub bank: Rc<Bank>,
    pub view: Rc<TeamView>,
    /// The team plan, for the closing slide.
    pub plan: ActionPlan,
    pub presenter: Presenter,
    /// Moved to the previous or next slide.
    pub on_moved: Callback<Direction>,
    /// Went on: revealed the figures, or moved to the next slide.
    pub on_forward: Callback<()>,
    /// Revealed the current dimension's figures.
    pub on_revealed: Callback<()>,
    /// Left presenter mode.
    pub on_ended: Callback<()>,
}

/// What a key press asks of presenter mode.
enum Press {
    Forward,
    Back,
    Leave,
}

/// The keys a presentation clicker and a keyboard send. A key held down
/// counts once. In a form field every key is the field's own, and Space
/// and Enter on a button or link are that control's (the browser presses
/// it). Nothing counts while the app is hidden (under a configuration's
/// offer).
fn press(event: &web_sys::KeyboardEvent) -> Option<Press> {
    if event.alt_key() || event.ctrl_key() || event.meta_key() || event.repeat() {
        return None;
    }
    let target = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let within = |selector: &str| {
        target
            .as_ref()
            .is_some_and(|e| e.closest(selector).ok().flatten().is_some())
    };
    let hidden = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".presenter").ok().flatten())
        .is_none_or(|presenter| presenter.closest("[hidden]").ok().flatten().is_some());
    if hidden || within("input, select, textarea, [contenteditable]") {
        return None;
    }
    match event.key().as_str() {
        "ArrowRight" | "ArrowDown" | "PageDown" => Some(Press::Forward),
        " " | "Enter" if !within("button, a") => Some(Press::Forward),
        "ArrowLeft" | "ArrowUp" | "PageUp" => Some(Press::Back),
        "Escape" => Some(Press::Leave),
        _ => None,
    }
}

/// Large type for a projector, sized to the screen's height, so that one
/// slide fits at 1366 × 768 and at 150 % zoom.
#[component]
pub fn PresenterMode(
    PresenterModeProps {
        bank,
        view,
        plan,
        presenter,
        on_moved,
        on_forward,
        on_revealed,
        on_ended,
    }: &PresenterModeProps,
) -> Html {
    let words = use_words();
    {
        let (on_moved, on_forward, on_ended) =
            (on_moved.clone(), on_forward.clone(), on_ended.clone());
        use_effect_with((), move |()| {
            let listener = crate::page::on_keydown(move |event| {
                let Some(press) = press(event) else {
                    return;
                };
                event.prevent_default();
                match press {
                    Press::Forward => on_forward.emit(()),
                    Press::Back => on_moved.emit(Direction::Up),
                    Press::Leave => on_ended.emit(()),
                }
            });
            move || drop(listener)
        });
    }

    let count = Slide::count(view);
    let position = presenter.position.min(count - 1);
    let slide = match Slide::at(view, position) {
        Slide::Dimension(index) => match view.dimensions.get(index) {
            Some(stats) => {
                dimension_slide(&words, bank, view, stats, presenter.revealed, on_revealed)
            }
            None => html! { <h1 tabindex="-1">{ words.get(Key::PRESENTER_EMPTY) }</h1> },
        },
        Slide::Divided => html! {
            <>
                <h1 tabindex="-1">{ words.get(Key::TEAM_DIVIDED) }</h1>
                <div class="presenter__divided">{ divided_list(&words, bank, view, PROJECTED_DIVIDED) }</div>
            </>
        },
        Slide::Plan => plan_slide(&words, bank, plan),
    };
    html! {
        <section class="presenter">
            <header class="presenter__top">
                { mode_notice(&words, view.threshold) }
                if let Slide::Dimension(index) = Slide::at(view, position) {
                    <p class="presenter__position">{ words.fill(Key::PRESENTER_DIMENSION, &[("number", &words.number((index + 1) as f64)), ("total", &words.number(view.dimensions.len() as f64))]) }</p>
                }
                <p class="presenter__position">{ words.fill(Key::PRESENTER_SLIDE, &[("number", &words.number((position + 1) as f64)), ("total", &words.number(count as f64))]) }</p>
            </header>
            <div class="presenter__slide">{ slide }</div>
            <nav class="nav-buttons presenter__nav" aria-label={words.get(Key::PRESENTER_NAV).to_owned()}>
                <button type="button" class="button" disabled={position == 0}
                    onclick={on_moved.reform(|_| Direction::Up)}>{ words.get(Key::PRESENTER_PREVIOUS) }</button>
                <button type="button" class="button" onclick={on_ended.reform(|_| ())}>{ words.get(Key::PRESENTER_LEAVE) }</button>
                <button type="button" class="button button--primary" disabled={position + 1 >= count}
                    onclick={on_moved.reform(|_| Direction::Down)}>{ words.get(Key::NAV_NEXT) }</button>
                <p class="hint presenter__keys">{ words.get(Key::PRESENTER_KEYS) }</p>
            </nav>
        </section>
    }
}

/// A dimension: the question for the room, then its figures, bars and
/// prompts beside each other.
fn dimension_slide(
    words: &Words,
    bank: &Bank,
    view: &TeamView,
    stats: &DimensionStats,
    revealed: bool,
    on_revealed: &Callback<()>,
) -> Html {
    let dimension = &bank.dimensions()[stats.index];
    let gap = view.gaps.iter().find(|g| g.index == stats.index);
    let heading = html! {
        <>
            <h1 tabindex="-1">{ &dimension.name }</h1>
            <p class="presenter__summary">{ &dimension.summary }</p>
        </>
    };
    if !revealed {
        return html! {
            <>
                { heading }
                <p class="presenter__question">{ words.get(Key::PRESENTER_QUESTION) }</p>
                <button type="button" class="button button--primary" onclick={on_revealed.reform(|_| ())}>{ words.get(Key::PRESENTER_REVEAL) }</button>
            </>
        };
    }
    let prompts = stats.spread.as_ref().map(|s| {
        let guidance = dimension.guidance_at(s.mean.level());
        html! {
            <div class="presenter__prompts">
                <h2>{ words.get(Key::PRESENTER_DISCUSS) }</h2>
                <p>{ &guidance.next }</p>
                <ul>
                    for practice in guidance.practices.iter() {
                        <li>{ wording::discussion_question(words, &practice.text) }</li>
                    }
                </ul>
            </div>
        }
    });
    html! {
        <>
            { heading }
            <div class="presenter__revealed">
                <div class="presenter__figures-column">
                    <div class="presenter__figures" role="status">
                        for (i, line) in wording::presenter_lines(words, bank, stats, gap, view.threshold).into_iter().enumerate() {
                            <p class={(i == 0).then_some("presenter__score")}>{ line }</p>
                        }
                    </div>
                    { bars(words, stats, gap) }
                </div>
                { for prompts }
            </div>
        </>
    }
}

/// Bars of the team's mean and, where they are compared, HR's and L&D's,
/// on the 0 to 100 scale with the level bands behind them. The figures are
/// the status lines beside it; the bars are their picture.
fn bars(words: &Words, stats: &DimensionStats, gap: Option<&PerceptionGap>) -> Html {
    let Some(spread) = &stats.spread else {
        return Html::default();
    };
    let mut rows: Vec<(&str, &'static str, Score)> =
        vec![(words.get(Key::TEAM_SERIES), "team", spread.mean.score)];
    if let Some(g) = gap {
        rows.push((words.get(Key::OWNER_HR), "hr", g.hr.score));
        rows.push((words.get(Key::OWNER_LD), "ld", g.ld.score));
    }
    // In SVG units: a label column, then 0 to 100 at 6 units a point.
    const LEFT: f64 = 90.0;
    const UNIT: f64 = 6.0;
    const ROW: f64 = 56.0;
    let height = ROW * rows.len() as f64 + 30.0;
    let x = |points: f64| LEFT + UNIT * points;
    html! {
        <svg class="presenter__bars" viewBox={format!("0 0 {} {height}", x(100.0) + 70.0)} aria-hidden="true">
            for band in 0..5_u8 {
                <rect class={format!("presenter__band presenter__band--{}", band + 1)}
                    x={x(f64::from(band) * 20.0).to_string()} y="0"
                    width={(20.0 * UNIT).to_string()} height={(height - 30.0).to_string()} />
            }
            for (i, (label, modifier, score)) in rows.iter().enumerate() {
                { {
                    let y = ROW * i as f64 + 10.0;
                    let end = x(f64::from(score.value()));
                    html! {
                        <g class={format!("presenter__bar presenter__bar--{modifier}")}>
                            <text class="presenter__bar-label" x="0" y={(y + 27.0).to_string()}>{ *label }</text>
                            <rect x={x(0.0).to_string()} y={y.to_string()} width={(end - x(0.0)).to_string()} height="36" />
                            <text class="presenter__bar-value" x={(end + 8.0).to_string()} y={(y + 29.0).to_string()}>{ words.number(f64::from(score.value())) }</text>
                        </g>
                    }
                } }
            }
            for tick in [0_u8, 20, 40, 60, 80, 100] {
                <text class="presenter__tick" x={x(f64::from(tick)).to_string()} y={(height - 6.0).to_string()} text-anchor="middle">{ words.number(f64::from(tick)) }</text>
            }
        </svg>
    }
}

/// How many of the plan's actions the closing slide lists.
const PLAN_ON_SLIDE: usize = 6;

/// The team plan, to close: what the room agreed to do.
fn plan_slide(words: &Words, bank: &Bank, plan: &ActionPlan) -> Html {
    let actions: Vec<_> = plan.actions.iter().filter(|a| !a.text.is_empty()).collect();
    html! {
        <>
            <h1 tabindex="-1">{ words.get(Key::PRESENTER_PLAN) }</h1>
            if actions.is_empty() {
                <p>{ words.get(Key::PRESENTER_PLAN_NONE) }</p>
            } else {
                <ol class="presenter__plan">
                    for action in actions.iter().take(PLAN_ON_SLIDE) {
                        <li key={action.id}>
                            <p>{ &action.text }</p>
                            <p class="presenter__plan-who">{ wording::action_line(words, bank, action) }</p>
                        </li>
                    }
                </ol>
                if actions.len() > PLAN_ON_SLIDE {
                    <p class="hint">{ words.fill(Key::PRESENTER_PLAN_MORE, &[("count", &words.number((actions.len() - PLAN_ON_SLIDE) as f64))]) }</p>
                }
            }
        </>
    }
}
