//! The consultant's contact link from a configuration.

use crate::assessment::Link;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ContactLinkProps {
    /// A link that passed the allowlist: `https:` or `mailto:` only.
    pub link: Link,
}

#[component]
pub fn ContactLink(ContactLinkProps { link }: &ContactLinkProps) -> Html {
    let lead = if link.is_email() {
        "Questions? Write to "
    } else {
        "Questions? Contact "
    };
    html! {
        <p class="contact-link">
            { lead }
            // The page it opens learns nothing about this one.
            <a href={link.as_str().to_owned()} rel="noopener noreferrer">{ link.label() }</a>
        </p>
    }
}
