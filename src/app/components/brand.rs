//! The header's name: the client's logo and organisation under a
//! consultant's configuration, "Tandem" otherwise.

use crate::assessment::Config;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BrandProps {
    pub config: Rc<Config>,
}

#[component]
pub fn Brand(BrandProps { config }: &BrandProps) -> Html {
    let name = config.organisation().unwrap_or("Tandem");
    html! {
        <p class="brand">
            if let Some(logo) = config.logo() {
                // The logo is a checked same-origin path to a PNG, JPEG or
                // WebP image; the name beside it says who it is, so the
                // image itself is decoration for a screen reader.
                <img class="brand__logo" src={logo.as_str().to_owned()} alt="" />
            }
            <span class="brand__name">{ name }</span>
        </p>
    }
}
