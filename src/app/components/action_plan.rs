//! Targets per dimension and the editable action plan, with a plain table of
//! the same plan for the printed report. The same editor serves a
//! respondent's own plan and a workshop's team plan: it shows a plan for a
//! report and asks for changes; the owner of the plan applies them.

use super::send_some;
use crate::assessment::language::Key;
use crate::assessment::plan::{
    self, target_for, ActionEdit, Direction, Horizon, Owner, PlanChange,
};
use crate::assessment::{wording, Bank, DimensionId, Level, Report};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ActionPlanProps {
    pub bank: Rc<Bank>,
    /// The result the plan is for; its dimensions are the ones offered.
    pub report: Rc<Report>,
    pub plan: plan::ActionPlan,
    pub on_change: Callback<PlanChange>,
    /// The team's plan in a workshop, rather than a person's own.
    #[prop_or_default]
    pub of_workshop: bool,
}

/// The value of the `<select>` or text field an event came from.
fn value_of(event: &Event) -> String {
    let target = event.target();
    if let Some(select) = target
        .clone()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(t).ok())
    {
        return select.value();
    }
    target
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlTextAreaElement>(t).ok())
        .map(|area| area.value())
        .unwrap_or_default()
}

#[component]
pub fn ActionPlan(
    ActionPlanProps {
        bank,
        report,
        plan,
        on_change,
        of_workshop,
    }: &ActionPlanProps,
) -> Html {
    let words = super::use_words();
    let name_of = |id: &DimensionId| {
        bank.dimension(id)
            .map_or_else(|| id.to_string(), |d| d.name.clone())
    };
    let level_label = |level: Level| wording::level_label(&words, bank, level);
    let dimensions: Vec<(DimensionId, String)> = report
        .dimensions
        .iter()
        .map(|d| &bank.dimensions()[d.index])
        .map(|d| (d.id.clone(), d.name.clone()))
        .collect();

    let targets = report.dimensions.iter().map(|d| {
        let dimension = &bank.dimensions()[d.index];
        let label_id = format!("target-{}", dimension.id);
        let control = match d.level() {
            None => html! { <span>{ words.get(Key::PLAN_TARGET_NONE) }</span> },
            Some(current) if current == Level::HIGHEST => {
                html! { <span>{ words.get(Key::PLAN_TARGET_TOP) }</span> }
            }
            Some(current) => {
                let target = target_for(plan, &dimension.id, current);
                let id = dimension.id.clone();
                let on_target = send_some(on_change, move |e: Event| {
                    let level = value_of(&e).parse().ok().and_then(Level::new)?;
                    Some(PlanChange::Target(id.clone(), level))
                });
                html! {
                    <select id={label_id.clone()} onchange={on_target}>
                        for level in Level::all().filter(|l| *l >= current) {
                            <option value={level.to_string()} selected={level == target}>{ level_label(level) }</option>
                        }
                    </select>
                }
            }
        };
        html! {
            <tr key={d.index}>
                <th scope="row"><label for={label_id}>{ &dimension.name }</label></th>
                <td>{ d.level().map_or_else(|| words.get(Key::FIGURE_NOT_ENOUGH).to_owned(), level_label) }</td>
                <td>{ control }</td>
            </tr>
        }
    });

    // One action at a time is open for editing; the others are read as
    // text, which keeps a long plan light to show (three menus per action
    // otherwise). Opening and closing an editor moves focus into it and
    // back to its "Edit" button.
    let editing = use_state_eq(|| None::<u32>);
    let focus_next = use_mut_ref(|| None::<String>);
    {
        let focus_next = focus_next.clone();
        use_effect(move || {
            if let Some(selector) = focus_next.borrow_mut().take() {
                crate::page::focus(&selector);
            }
        });
    }
    let open_editor = |id: u32| {
        let editing = editing.clone();
        let focus_next = focus_next.clone();
        Callback::from(move |_: MouseEvent| {
            *focus_next.borrow_mut() = Some(format!("#action-{id}-text"));
            editing.set(Some(id));
        })
    };

    // The printed plan, a table the screen never shows, is added once the
    // screen has painted: the results page shows sooner without it.
    let printable = use_state_eq(|| false);
    {
        let printable = printable.clone();
        use_effect_with((), move |_| {
            crate::page::after_paint(move || printable.set(true));
        });
    }

    let count = plan.actions.len();
    let actions = plan.actions.iter().enumerate().map(|(position, action)| {
        let number = position + 1;
        let id = action.id;
        let number_text = words.number(number as f64);
        let labelled = |key: Key| words.fill(key, &[("number", &number_text)]);
        let title = words.fill(
            Key::PLAN_ACTION_TITLE,
            &[("number", &number_text), ("dimension", &name_of(&action.dimension))],
        );
        let field = |what: &str| format!("action-{id}-{what}");
        if *editing != Some(id) {
            return html! {
                <li class="action-plan__item" key={id}>
                    <div class="action-plan__action" role="group" aria-labelledby={field("title")}>
                        <h3 class="action-plan__title" id={field("title")}>{ title }</h3>
                        if action.text.is_empty() {
                            <p class="action-plan__text action-plan__text--empty">{ words.get(Key::PLAN_ACTION_UNWRITTEN) }</p>
                        } else {
                            <p class="action-plan__text">{ &action.text }</p>
                        }
                        <p class="action-plan__meta">
                            { words.fill(Key::PLAN_ACTION_META, &[("owner", words.get(action.owner.key())), ("when", words.get(action.horizon.key()))]) }
                        </p>
                        <button type="button" class="button" id={field("edit")}
                            aria-label={labelled(Key::PLAN_ACTION_EDIT_LABEL)}
                            onclick={open_editor(id)}>{ words.get(Key::PLAN_ACTION_EDIT) }</button>
                    </div>
                </li>
            };
        }
        let edit = |make: fn(String) -> Option<ActionEdit>| {
            send_some(on_change, move |e: Event| {
                make(value_of(&e)).map(|edit| PlanChange::Edit(id, edit))
            })
        };
        let on_text = edit(|text| Some(ActionEdit::Text(text)));
        let on_owner = edit(|token| {
            Owner::ALL
                .into_iter()
                .find(|o| o.token() == token)
                .map(ActionEdit::Owner)
        });
        let on_horizon = edit(|token| {
            Horizon::ALL
                .into_iter()
                .find(|h| h.token() == token)
                .map(ActionEdit::Horizon)
        });
        let on_dimension = on_change.reform(move |e: Event| {
            PlanChange::Edit(
                id,
                ActionEdit::Dimension(DimensionId::from(value_of(&e).as_str())),
            )
        });
        html! {
            <li class="action-plan__item" key={id}>
                <fieldset>
                    <legend>{ title }</legend>
                    <label for={field("text")}>{ words.get(Key::PLAN_ACTION_TEXT) }</label>
                    <textarea id={field("text")} rows="2" maxlength="300" value={action.text.clone()} onchange={on_text} />
                    <div class="action-plan__fields">
                        <div>
                            <label for={field("owner")}>{ words.get(Key::PLAN_COLUMN_OWNER) }</label>
                            <select id={field("owner")} onchange={on_owner}>
                                for owner in Owner::ALL {
                                    <option value={owner.token()} selected={owner == action.owner}>{ words.get(owner.key()) }</option>
                                }
                            </select>
                        </div>
                        <div>
                            <label for={field("horizon")}>{ words.get(Key::PLAN_COLUMN_WHEN) }</label>
                            <select id={field("horizon")} onchange={on_horizon}>
                                for horizon in Horizon::ALL {
                                    <option value={horizon.token()} selected={horizon == action.horizon}>{ words.get(horizon.key()) }</option>
                                }
                            </select>
                        </div>
                        <div>
                            <label for={field("dimension")}>{ words.get(Key::RESULTS_COLUMN_DIMENSION) }</label>
                            <select id={field("dimension")} onchange={on_dimension}>
                                for (dimension_id, name) in dimensions.iter() {
                                    <option value={dimension_id.to_string()} selected={*dimension_id == action.dimension}>{ name }</option>
                                }
                            </select>
                        </div>
                    </div>
                    <div class="action-plan__buttons">
                        <button type="button" class="button button--primary"
                            aria-label={labelled(Key::PLAN_ACTION_DONE_LABEL)}
                            onclick={{
                                let editing = editing.clone();
                                let focus_next = focus_next.clone();
                                Callback::from(move |_: MouseEvent| {
                                    *focus_next.borrow_mut() = Some(format!("#action-{id}-edit"));
                                    editing.set(None);
                                })
                            }}>{ words.get(Key::PLAN_ACTION_DONE) }</button>
                        <button type="button" class="button" disabled={number == 1}
                            aria-label={labelled(Key::PLAN_ACTION_UP_LABEL)}
                            onclick={on_change.reform(move |_| PlanChange::Move(id, Direction::Up))}>{ words.get(Key::PLAN_ACTION_UP) }</button>
                        <button type="button" class="button" disabled={number == count}
                            aria-label={labelled(Key::PLAN_ACTION_DOWN_LABEL)}
                            onclick={on_change.reform(move |_| PlanChange::Move(id, Direction::Down))}>{ words.get(Key::PLAN_ACTION_DOWN) }</button>
                        <button type="button" class="button"
                            aria-label={labelled(Key::PLAN_ACTION_REMOVE_LABEL)}
                            onclick={{
                                // Focus goes on to the next action, or the
                                // one before, or "Add an action".
                                let neighbour = plan.actions.get(position + 1)
                                    .or_else(|| position.checked_sub(1).and_then(|p| plan.actions.get(p)))
                                    .map_or_else(|| "#action-add".to_owned(), |a| format!("#action-{}-edit", a.id));
                                let focus_next = focus_next.clone();
                                let editing = editing.clone();
                                on_change.reform(move |_| {
                                    *focus_next.borrow_mut() = Some(neighbour.clone());
                                    editing.set(None);
                                    PlanChange::Remove(id)
                                })
                            }}>{ words.get(Key::PLAN_ACTION_REMOVE) }</button>
                    </div>
                </fieldset>
            </li>
        }
    });
    // A new action opens for editing: it has nothing to read yet.
    let on_add = {
        let open = open_editor(plan.next_id());
        let on_change = on_change.clone();
        Callback::from(move |event: MouseEvent| {
            on_change.emit(PlanChange::Add);
            open.emit(event);
        })
    };

    html! {
        <section class="action-plan" aria-labelledby="plan-heading">
            <h2 id="plan-heading" tabindex="-1">{ words.get(Key::PLAN_HEADING) }</h2>
            <div class="action-plan__editor">
                <p class="hint">{ words.fill(
                    if *of_workshop { Key::PLAN_HINT_WORKSHOP } else { Key::PLAN_HINT },
                    &[("most", &words.number(plan::DRAFT_LENGTH as f64))],
                ) }</p>
                <table class="data-table action-plan__targets">
                    <caption>{ words.get(Key::PLAN_TARGETS) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ words.get(Key::RESULTS_COLUMN_DIMENSION) }</th>
                            <th scope="col">{ words.get(Key::PLAN_COLUMN_NOW) }</th>
                            <th scope="col">{ words.get(Key::PLAN_COLUMN_TARGET) }</th>
                        </tr>
                    </thead>
                    <tbody>{ for targets }</tbody>
                </table>
                if plan.edited {
                    <p class="hint">{ words.get(Key::PLAN_EDITED) }</p>
                    <button type="button" class="button" onclick={on_change.reform(|_| PlanChange::Redraft)}>
                        { words.get(Key::PLAN_REDRAFT) }
                    </button>
                }
                if count == 0 {
                    <p>{ words.get(Key::PLAN_EMPTY) }</p>
                }
                <ol class="action-plan__list">{ for actions }</ol>
                <button type="button" class="button" id="action-add" onclick={on_add}>{ words.get(Key::PLAN_ADD) }</button>
            </div>
            // The printed report shows the plan as a table instead of controls.
            if *printable {
                <table class="data-table action-plan__table">
                    <caption>{ words.get(Key::PLAN_TABLE) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "#" }</th>
                            <th scope="col">{ words.get(Key::PLAN_COLUMN_ACTION) }</th>
                            <th scope="col">{ words.get(Key::RESULTS_COLUMN_DIMENSION) }</th>
                            <th scope="col">{ words.get(Key::PLAN_COLUMN_OWNER) }</th>
                            <th scope="col">{ words.get(Key::PLAN_COLUMN_WHEN) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        for (i, action) in plan.actions.iter().enumerate() {
                            <tr key={action.id}>
                                <td>{ words.number((i + 1) as f64) }</td>
                                <td>{ &action.text }</td>
                                <td>{ name_of(&action.dimension) }</td>
                                <td>{ words.get(action.owner.key()) }</td>
                                <td>{ words.get(action.horizon.key()) }</td>
                            </tr>
                        }
                    </tbody>
                </table>
            }
        </section>
    }
}
