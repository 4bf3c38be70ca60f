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
//! The symbol itself, and why `qrcodegen` makes it, is in [`crate::qr`].

use crate::assessment::language::Key;
use crate::qr::{dark_modules, matrix, QUIET_ZONE};
use std::fmt::Write;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QrCodeProps {
    /// What the QR code holds: a result code.
    pub text: AttrValue,
    /// The drawing's accessible name, for example "QR code of your result code".
    pub label: AttrValue,
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
    let words = super::use_words();
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
                { words.get(Key::QR_TOO_LONG) }
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
}
