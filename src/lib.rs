//! Tandem: an HR & L&D collaboration assessment that runs entirely in the browser.
//!
//! People answer statements about how their organisation's HR and Learning &
//! Development functions work together; Tandem scores the answers on the device
//! and explains where the partnership stands and what to do next. Nothing is sent
//! anywhere: answers live in this browser's storage only.
//!
//! - [`assessment`] is the domain: the question bank, answers, scoring and the
//!   respondent's progress. It has no framework or browser code and is tested
//!   natively with `cargo test`.
//! - [`app`] is the Yew application: state, screens and components.
//! - [`qr`] is QR codes as pixels: the symbol a result code is drawn as, and
//!   the texts read from a camera's grayscale frame. No browser code, so the
//!   fuzz targets reach it natively.
//! - One small module per browser service, and no browser code elsewhere:
//!   `storage` (progress in `localStorage`), `page` (focus, title, the address's
//!   fragment, printing, the date), `files` (downloads and opened files),
//!   `clipboard`, `camera` (the camera's picture, for reading QR codes),
//!   `hosting` (a consultant's `tandem.config.json` beside the app),
//!   `timing` (performance measures for the benchmark), `embed` (embed
//!   mode, and the messages an embedded Tandem sends to its host page) and
//!   `text` (Unicode lower case, which the workshop borrows from the browser
//!   so the app carries no case tables).
//! - [`recovery`] takes over when Tandem itself fails (a panic): it stops
//!   writes and shows a plain recovery screen outside Yew.

pub mod app;
pub mod assessment;
mod camera;
mod clipboard;
mod embed;
mod files;
mod hosting;
mod page;
pub mod qr;
pub mod recovery;
mod storage;
mod text;
mod timing;

/// Mounts the app into the page's `<body>`.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    recovery::install();
    yew::Renderer::<app::App>::new().render();
}

/// Native builds only run tests; there is nothing to mount.
#[cfg(not(target_arch = "wasm32"))]
pub fn start() {}
