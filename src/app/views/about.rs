//! "About you": the respondent's role and an optional team label, asked before
//! the statements so a workshop can compare how different groups see things.

use crate::app::components::use_words;
use crate::assessment::language::Key;
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
    let words = use_words();
    let on_submit = on_next.reform(|e: SubmitEvent| e.prevent_default());
    let on_input = on_team.reform(|e: InputEvent| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    });
    html! {
        <form class="about" onsubmit={on_submit} novalidate=true>
            <h1 tabindex="-1">{ words.get(Key::ABOUT_HEADING) }</h1>
            if *role_missing {
                <div class="error-summary" role="alert" tabindex="-1">
                    <p>{ words.get(Key::ABOUT_ROLE_MISSING) }</p>
                </div>
            }
            <fieldset class={classes!("about__roles", role_missing.then_some("about__roles--missing"))}>
                <legend>{ words.get(Key::ABOUT_ROLE) }</legend>
                <p class="hint">{ words.get(Key::ABOUT_ROLE_HINT) }</p>
                for option in Role::ALL {
                    <label class="choice" key={option.token()}>
                        <input
                            type="radio"
                            name="role"
                            value={option.token()}
                            checked={*role == Some(option)}
                            onchange={on_role.reform(move |_| option)}
                        />
                        <span>{ words.get(option.key()) }</span>
                    </label>
                }
            </fieldset>
            <div class="about__team">
                <label for="team-label">{ words.get(Key::ABOUT_TEAM) }</label>
                <p class="hint" id="team-label-hint">
                    { words.get(Key::ABOUT_TEAM_HINT) }
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
                    <button type="button" class="button" onclick={on_back.reform(|_| ())}>{ words.get(Key::NAV_BACK) }</button>
                }
                <button type="submit" class="button button--primary">{ words.get(Key::NAV_NEXT) }</button>
            </div>
        </form>
    }
}
