//! Targets per dimension and the editable action plan, with a plain table of
//! the same plan for the printed report. The same editor serves a
//! respondent's own plan and a workshop's team plan: it shows a plan for a
//! report and asks for changes; the owner of the plan applies them.

use super::send_some;
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
    let name_of = |id: &DimensionId| {
        bank.dimension(id)
            .map_or_else(|| id.to_string(), |d| d.name.clone())
    };
    let level_label = |level: Level| wording::level_label(bank, level);
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
            None => html! { <span>{ "Not enough answers to set a target" }</span> },
            Some(current) if current == Level::HIGHEST => {
                html! { <span>{ "At the top level: keep it there" }</span> }
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
                <td>{ d.level().map_or_else(|| wording::NOT_ENOUGH_ANSWERS.to_owned(), level_label) }</td>
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
        let title = format!("Action {number}: {}", name_of(&action.dimension));
        let field = |what: &str| format!("action-{id}-{what}");
        if *editing != Some(id) {
            return html! {
                <li class="action-plan__item" key={id}>
                    <div class="action-plan__action" role="group" aria-labelledby={field("title")}>
                        <h3 class="action-plan__title" id={field("title")}>{ title }</h3>
                        if action.text.is_empty() {
                            <p class="action-plan__text action-plan__text--empty">{ "Not written yet" }</p>
                        } else {
                            <p class="action-plan__text">{ &action.text }</p>
                        }
                        <p class="action-plan__meta">
                            { format!("Owner: {} · When: {}", action.owner.label(), action.horizon.label()) }
                        </p>
                        <button type="button" class="button" id={field("edit")}
                            aria-label={format!("Edit action {number}")}
                            onclick={open_editor(id)}>{ "Edit" }</button>
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
                    <label for={field("text")}>{ "What to do" }</label>
                    <textarea id={field("text")} rows="2" maxlength="300" value={action.text.clone()} onchange={on_text} />
                    <div class="action-plan__fields">
                        <div>
                            <label for={field("owner")}>{ "Owner" }</label>
                            <select id={field("owner")} onchange={on_owner}>
                                for owner in Owner::ALL {
                                    <option value={owner.token()} selected={owner == action.owner}>{ owner.label() }</option>
                                }
                            </select>
                        </div>
                        <div>
                            <label for={field("horizon")}>{ "When" }</label>
                            <select id={field("horizon")} onchange={on_horizon}>
                                for horizon in Horizon::ALL {
                                    <option value={horizon.token()} selected={horizon == action.horizon}>{ horizon.label() }</option>
                                }
                            </select>
                        </div>
                        <div>
                            <label for={field("dimension")}>{ "Dimension" }</label>
                            <select id={field("dimension")} onchange={on_dimension}>
                                for (dimension_id, name) in dimensions.iter() {
                                    <option value={dimension_id.to_string()} selected={*dimension_id == action.dimension}>{ name }</option>
                                }
                            </select>
                        </div>
                    </div>
                    <div class="action-plan__buttons">
                        <button type="button" class="button button--primary"
                            aria-label={format!("Done editing action {number}")}
                            onclick={{
                                let editing = editing.clone();
                                let focus_next = focus_next.clone();
                                Callback::from(move |_: MouseEvent| {
                                    *focus_next.borrow_mut() = Some(format!("#action-{id}-edit"));
                                    editing.set(None);
                                })
                            }}>{ "Done" }</button>
                        <button type="button" class="button" disabled={number == 1}
                            aria-label={format!("Move up action {number}")}
                            onclick={on_change.reform(move |_| PlanChange::Move(id, Direction::Up))}>{ "Move up" }</button>
                        <button type="button" class="button" disabled={number == count}
                            aria-label={format!("Move down action {number}")}
                            onclick={on_change.reform(move |_| PlanChange::Move(id, Direction::Down))}>{ "Move down" }</button>
                        <button type="button" class="button"
                            aria-label={format!("Remove action {number}")}
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
                            }}>{ "Remove" }</button>
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
            <h2 id="plan-heading" tabindex="-1">{ "Targets and action plan" }</h2>
            <div class="action-plan__editor">
                <p class="hint">{ format!(
                    "Each target starts one level above where the dimension stands. Tandem drafts a short plan of up to {} actions from the gaps, largest first: a first step for each of the most urgent dimensions before a second for any. Edit, reorder, add or remove actions: the plan is saved on this device {}.",
                    plan::DRAFT_LENGTH,
                    if *of_workshop { "with the workshop" } else { "with your answers" }
                ) }</p>
                <table class="data-table action-plan__targets">
                    <caption>{ "Target level per dimension" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Dimension" }</th>
                            <th scope="col">{ "Now" }</th>
                            <th scope="col">{ "Target" }</th>
                        </tr>
                    </thead>
                    <tbody>{ for targets }</tbody>
                </table>
                if plan.edited {
                    <p class="hint">{ "You have edited the plan, so changing a target no longer redrafts it." }</p>
                    <button type="button" class="button" onclick={on_change.reform(|_| PlanChange::Redraft)}>
                        { "Redraft the plan from the targets (replaces your edits)" }
                    </button>
                }
                if count == 0 {
                    <p>{ "No actions yet: every scored dimension is at its target. Add an action if you want one." }</p>
                }
                <ol class="action-plan__list">{ for actions }</ol>
                <button type="button" class="button" id="action-add" onclick={on_add}>{ "Add an action" }</button>
            </div>
            // The printed report shows the plan as a table instead of controls.
            if *printable {
                <table class="data-table action-plan__table">
                    <caption>{ "Action plan" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "#" }</th>
                            <th scope="col">{ "Action" }</th>
                            <th scope="col">{ "Dimension" }</th>
                            <th scope="col">{ "Owner" }</th>
                            <th scope="col">{ "When" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        for (i, action) in plan.actions.iter().enumerate() {
                            <tr key={action.id}>
                                <td>{ i + 1 }</td>
                                <td>{ &action.text }</td>
                                <td>{ name_of(&action.dimension) }</td>
                                <td>{ action.owner.label() }</td>
                                <td>{ action.horizon.label() }</td>
                            </tr>
                        }
                    </tbody>
                </table>
            }
        </section>
    }
}
