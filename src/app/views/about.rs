//! "About you": the respondent's role and an optional team label, asked before
//! the statements so a workshop can compare how different groups see things.

use crate::assessment::progress::MAX_TEAM_LABEL;
use crate::assessment::Role;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AboutProps {
    pub role: Option<Role>,
    pub team: AttrValue,
    /// "Next" was pressed without a role.
    pub role_missing: bool,
    /// Going back to the landing page loses nothing.
    pub can_go_back: bool,
    pub on_role: Callback<Role>,
    pub on_team: Callback<String>,
    pub on_next: Callback<()>,
    pub on_back: Callback<()>,
}

#[component]
pub fn About(
    AboutProps {
        role,
        team,
        role_missing,
        can_go_back,
        on_role,
        on_team,
        on_next,
        on_back,
    }: &AboutProps,
) -> Html {
    let on_submit = on_next.reform(|e: SubmitEvent| e.prevent_default());
    let on_input = on_team.reform(|e: InputEvent| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    });
    html! {
        <form class="about" onsubmit={on_submit} novalidate=true>
            <h1 tabindex="-1">{ "About you" }</h1>
            if *role_missing {
                <div class="error-summary" role="alert" tabindex="-1">
                    <p>{ "Choose your role to continue." }</p>
                </div>
            }
            <fieldset class={classes!("about__roles", role_missing.then_some("about__roles--missing"))}>
                <legend>{ "Your role" }</legend>
                <p class="hint">{ "Results can be compared by role, for example how HR and L&D each see the partnership." }</p>
                for option in Role::ALL {
                    <label class="choice" key={option.token()}>
                        <input
                            type="radio"
                            name="role"
                            value={option.token()}
                            checked={*role == Some(option)}
                            onchange={on_role.reform(move |_| option)}
                        />
                        <span>{ option.label() }</span>
                    </label>
                }
            </fieldset>
            <div class="about__team">
                <label for="team-label">{ "Team label (optional)" }</label>
                <p class="hint" id="team-label-hint">
                    { "For example a department or region. It helps a facilitator tell groups apart; leave it blank if you prefer." }
                </p>
                <input
                    id="team-label"
                    type="text"
                    autocomplete="off"
                    maxlength={MAX_TEAM_LABEL.to_string()}
                    aria-describedby="team-label-hint"
                    value={team.clone()}
                    oninput={on_input}
                />
            </div>
            <div class="nav-buttons">
                if *can_go_back {
                    <button type="button" class="button" onclick={on_back.reform(|_| ())}>{ "Back" }</button>
                }
                <button type="submit" class="button button--primary">{ "Next" }</button>
            </div>
        </form>
    }
}
