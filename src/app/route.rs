//! The address's fragment, read once into what it asks for.
//!
//! The fragment never reaches a server, which is why everything a link
//! carries travels in it: a shared result (`#r=CODE`), a consultant's
//! configuration (`#config=…`), or the screen to open (`#workshop`,
//! `#builder`). [`Route::parse`] is the only place that reads it; the root
//! parses it on arrival and on every `hashchange`, and hands the screens the
//! [`Route`].

use crate::assessment::config::LINK_PREFIX;

/// What the address asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The questionnaire and the person's own result: no fragment, or one
    /// Tandem does not know.
    Assessment,
    /// A result someone shared, shown over the person's own work; the
    /// fragment as it came (`r=…`), which the code reader takes as a link.
    SharedResult(String),
    /// A consultant's configuration (`config=…`), offered before it is used.
    ConfigLink(String),
    /// The facilitator's workshop.
    Workshop,
    /// The consultant's configuration builder.
    Builder,
}

/// The screens a route opens; a shared result and a configuration link open
/// over the assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Assessment,
    Workshop,
    Builder,
}

impl Route {
    /// The route of a fragment, given without its `#`.
    pub fn parse(fragment: &str) -> Route {
        match fragment {
            _ if fragment == Screen::Workshop.fragment() => Route::Workshop,
            _ if fragment == Screen::Builder.fragment() => Route::Builder,
            _ if fragment.starts_with("r=") => Route::SharedResult(fragment.to_owned()),
            _ if fragment.starts_with(LINK_PREFIX) => Route::ConfigLink(fragment.to_owned()),
            _ => Route::Assessment,
        }
    }

    /// The screen it opens.
    pub fn screen(&self) -> Screen {
        match self {
            Route::Workshop => Screen::Workshop,
            Route::Builder => Screen::Builder,
            Route::Assessment | Route::SharedResult(_) | Route::ConfigLink(_) => Screen::Assessment,
        }
    }
}

impl Screen {
    /// The fragment that opens the screen, without its `#` (none for the
    /// assessment).
    pub fn fragment(self) -> &'static str {
        match self {
            Screen::Assessment => "",
            Screen::Workshop => "workshop",
            Screen::Builder => "builder",
        }
    }

    /// A link's `href` to the screen, within the page.
    pub fn href(self) -> &'static str {
        match self {
            Screen::Assessment => "#",
            Screen::Workshop => "#workshop",
            Screen::Builder => "#builder",
        }
    }
}

impl From<Screen> for Route {
    /// The route that opens a screen, and nothing over it.
    fn from(screen: Screen) -> Route {
        match screen {
            Screen::Assessment => Route::Assessment,
            Screen::Workshop => Route::Workshop,
            Screen::Builder => Route::Builder,
        }
    }
}
