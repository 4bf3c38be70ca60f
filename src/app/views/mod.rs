//! One component per screen: the questionnaire's (landing, about you, a
//! section of statements, results), the facilitator's workshop and the
//! consultant's configuration builder. A view receives the state it
//! shows and a callback per thing the person can do there; it never touches
//! storage or the reducer itself.

mod about;
mod builder;
mod builder_languages;
mod builder_preview;
mod landing;
mod offer;
mod results;
mod section;
mod workshop;

pub use about::About;
pub use builder::Builder;
pub use landing::Landing;
pub use offer::ConfigOffer;
pub use results::{Ownership, Results};
pub use section::Section;
pub use workshop::Workshop;
