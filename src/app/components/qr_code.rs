//! A result code drawn as a QR code, on the device, as inline SVG.
//!
//! A participant holds their phone up to the facilitator's camera (or the
//! code is projected), so the drawing favours scanning over looks: error
//! correction level M or better (15% of the symbol may be damaged: a glare
//! spot, a finger), the four-module quiet zone the standard asks for, and dark
//! modules on white in every colour scheme, since scanners expect dark on
//! light. The modules are one `<path>`, coloured by CSS classes, so the SVG
//! stays small, has no inline styles and works under a strict Content
//! Security Policy.
//!
//! The symbol comes from `qrcodegen` (Nayuki's reference QR Code generator,
//! no dependencies). The `qrcode` crate does the same job but measured
//! twice the cost in the release build: about 16 KB of gzipped wasm against
//! 8 KB; what it does better (mixing modes within one text) buys nothing
//! for result codes, which are alphanumeric throughout.

use qrcodegen::{DataTooLong, QrCode as Matrix, QrCodeEcc};
use std::fmt::Write;
use yew::prelude::*;

/// Light modules around the symbol on every side, as ISO/IEC 18004 asks;
/// scanners find the finder patterns less reliably with less.
pub const QUIET_ZONE: usize = 4;

#[derive(Properties, PartialEq)]
pub struct QrCodeProps {
    /// What the QR code holds: a result code.
    pub text: AttrValue,
    /// The drawing's accessible name, for example "QR code of your result code".
    pub label: AttrValue,
}

/// The text to encode: a code upper-cased, so that it fits the QR code's
/// alphanumeric mode (11 bits per two characters instead of 8 per character,
/// hence a smaller symbol with larger modules). Text that upper-casing would
/// not bring into that mode (a link, a lower-case team label) is kept as it
/// is, since upper-casing would change it.
pub fn qr_text(text: &str) -> String {
    let upper = text.trim().to_ascii_uppercase();
    let alphanumeric =
        |c: char| c.is_ascii_digit() || c.is_ascii_uppercase() || " $%*+-./:".contains(c);
    if upper.chars().all(alphanumeric) {
        upper
    } else {
        text.trim().to_owned()
    }
}

/// The symbol for `text`: the smallest QR version that holds it at level M,
/// with the error correction raised where that still fits the same version.
/// Fails only for text too long for any QR code, far beyond any result code.
pub fn matrix(text: &str) -> Result<Matrix, DataTooLong> {
    Matrix::encode_text(&qr_text(text), QrCodeEcc::Medium)
}

/// The symbol's modules row by row (`dark[y * width + x]`) and its width.
pub fn dark_modules(symbol: &Matrix) -> (Vec<bool>, usize) {
    let size = symbol.size();
    let dark = (0..size)
        .flat_map(|y| (0..size).map(move |x| symbol.get_module(x, y)))
        .collect();
    (dark, size.max(0) as usize)
}

/// The `d` attribute of one path that draws the dark modules of a square
/// symbol `width` modules wide, given row by row (`dark[y * width + x]`),
/// shifted by the quiet zone. Each horizontal run of dark modules is one
/// closed rectangle (`M x y h n v 1 h -n z`), so that neighbouring modules
/// leave no hairline gaps between them and the path stays short.
pub fn modules_path(dark: &[bool], width: usize) -> String {
    let mut path = String::new();
    for (y, row) in dark.chunks(width.max(1)).enumerate() {
        let mut x = 0;
        while x < row.len() {
            if !row[x] {
                x += 1;
                continue;
            }
            let start = x;
            while x < row.len() && row[x] {
                x += 1;
            }
            let run = x - start;
            let _ = write!(
                path,
                "M{} {}h{run}v1h-{run}z",
                start + QUIET_ZONE,
                y + QUIET_ZONE
            );
        }
    }
    path
}

/// A QR code of `text`, scaled by CSS to the width of its container.
#[component]
pub fn QrCode(QrCodeProps { text, label }: &QrCodeProps) -> Html {
    let drawing = use_memo(text.clone(), |text| {
        matrix(text).ok().map(|symbol| {
            let (dark, width) = dark_modules(&symbol);
            (width + 2 * QUIET_ZONE, modules_path(&dark, width))
        })
    });
    match &*drawing {
        Some((side, path)) => html! {
            <svg
                class="qr-code"
                viewBox={format!("0 0 {side} {side}")}
                role="img"
                aria-label={label.clone()}
                shape-rendering="crispEdges"
            >
                <rect class="qr-code__light" width={side.to_string()} height={side.to_string()} />
                <path class="qr-code__dark" d={path.clone()} />
            </svg>
        },
        None => html! {
            <p class="qr-code qr-code--too-long">
                { "This code is too long to show as a QR code; share it as text or as a link instead." }
            </p>
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The modules a path paints, read back by following its commands.
    fn painted(path: &str, side: usize) -> Vec<bool> {
        let mut grid = vec![false; side * side];
        for rectangle in path.split('z').filter(|r| !r.is_empty()) {
            let rest = rectangle.strip_prefix('M').expect("starts with M");
            let (xy, rest) = rest.split_once('h').expect("has h");
            let (x, y) = xy.split_once(' ').expect("x y");
            let (run, rest) = rest.split_once('v').expect("has v");
            assert_eq!(rest, format!("1h-{run}"), "closes the run it opened");
            let (x, y, run): (usize, usize, usize) =
                (x.parse().unwrap(), y.parse().unwrap(), run.parse().unwrap());
            assert!(run > 0);
            for cell in &mut grid[y * side + x..y * side + x + run] {
                assert!(!*cell, "no module is painted twice");
                *cell = true;
            }
        }
        grid
    }

    #[test]
    fn the_path_paints_exactly_the_dark_modules_inside_the_quiet_zone() {
        let symbol = matrix("T1-TAR5V-GRSAE-MW9SB-JMEG6-V").unwrap();
        let (dark, width) = dark_modules(&symbol);
        assert_eq!(dark.len(), width * width);
        let side = width + 2 * QUIET_ZONE;
        let grid = painted(&modules_path(&dark, width), side);
        for y in 0..side {
            for x in 0..side {
                let inside = (QUIET_ZONE..QUIET_ZONE + width).contains(&x)
                    && (QUIET_ZONE..QUIET_ZONE + width).contains(&y);
                let expected = inside && dark[(y - QUIET_ZONE) * width + (x - QUIET_ZONE)];
                assert_eq!(grid[y * side + x], expected, "module ({x}, {y})");
            }
        }
        assert_eq!(
            grid.iter().filter(|&&d| d).count(),
            dark.iter().filter(|&&d| d).count()
        );
    }

    #[test]
    fn runs_become_one_rectangle_each() {
        let dark = [true, true, false, true, false, false, false, false, true];
        assert_eq!(
            modules_path(&dark, 3),
            "M4 4h2v1h-2zM4 5h1v1h-1zM6 6h1v1h-1z"
        );
        assert_eq!(modules_path(&[false; 4], 2), "");
        assert_eq!(modules_path(&[], 0), "");
    }

    #[test]
    fn codes_use_the_alphanumeric_mode_and_the_smallest_symbol() {
        // A quick-assessment code: 28 characters take version 2 (25 modules)
        // in alphanumeric mode; in byte mode they would need version 3.
        let quick = matrix("t1-tar5v-grsae-mw9sb-jmeg6-v").unwrap();
        assert_eq!(quick.version().value(), 2);
        assert_eq!(quick.size(), 25);
        assert!(quick.error_correction_level() >= QrCodeEcc::Medium);
        // A full-assessment code: 43 characters take version 3 (29 modules);
        // byte mode would need version 4.
        let full = matrix("T1-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXX").unwrap();
        assert_eq!(full.version().value(), 3);
        assert!(full.error_correction_level() >= QrCodeEcc::Medium);
    }

    #[test]
    fn only_text_that_stays_the_same_is_upper_cased() {
        assert_eq!(qr_text(" t1-abc "), "T1-ABC");
        assert_eq!(
            qr_text("https://example.org/tandem/#r=T1-ABC"),
            "https://example.org/tandem/#r=T1-ABC"
        );
    }

    #[test]
    fn text_too_long_for_any_qr_code_is_refused_not_panicked_on() {
        assert!(matrix(&"Ü".repeat(4_000)).is_err());
    }
}
