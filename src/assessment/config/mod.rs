//! A consultant's configuration: the client's name, logo, colours and words,
//! which dimensions to ask, the workshop's anonymity threshold, what an
//! embedded Tandem may tell its host page, and optionally a question bank of
//! the consultant's own.
//!
//! The file is untrusted: [`Config::parse`] is the only way to get a
//! [`Config`], it reports every problem at once with its location, and what it
//! returns can be used as is. Text is plain text, shown as written and never
//! read as HTML; links pass the shared allowlist ([`Link`]); the logo is an
//! image path beside the app; colours are hex values for a fixed set of roles,
//! each set as a CSS custom property. The format, with a complete example, is
//! described in the README ("Configure Tandem for a client").
//!
//! One file per job, every public name re-exported here:
//! - `file`: the checked [`Config`], the ways to read one, and what the app
//!   reads from it;
//! - `read`: each field of a file, read by its own rule, with the limits;
//! - `policy`: what a site's own file lets configurations from elsewhere do
//!   ([`Policy`], [`Links`], [`Part`]);
//! - `colours`: the brand [`Colours`], their contrast, and the CSS custom
//!   properties they set;
//! - `logo`: the [`Logo`] path and why one is refused;
//! - `link_format`: a configuration carried in a link ([`link_fragment`],
//!   [`json_from_link`]);
//! - `base64`: the two spellings of base64 a link and a logo use;
//! - `draft`: the builder's [`Draft`], written out as a file.
//!
//! [`Link`]: crate::assessment::Link

mod base64;
mod colours;
mod draft;
mod file;
mod languages;
mod link_format;
mod logo;
mod policy;
mod read;

pub use colours::COLOUR_FIELDS;
pub use colours::{linear_table, Colour, ColourError, Colours, Scheme, CUSTOM_PROPERTIES};
pub use draft::{pretty_bank, Draft};
pub use file::{site_mark, Config, ConfigError, HostMessages, FORMAT_VERSION, MAX_CONFIG_BYTES};
pub use languages::{OwnText, Translations};
pub use link_format::{json_from_link, link_fragment, LINK_PREFIX, MAX_LINK_CHARS};
pub use logo::{ImageFormat, Logo, LogoError, MAX_LOGO_BYTES, MAX_LOGO_PATH, MAX_LOGO_SIDE};
pub use policy::{Links, Part, Policy};
pub use read::{MAX_ORGANISATION, MAX_PROSE, MAX_THRESHOLD, MAX_TITLE, MIN_THRESHOLD};
