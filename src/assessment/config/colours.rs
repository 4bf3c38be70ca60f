//! The brand colours: hex values for a fixed set of roles, checked in the
//! pairs they are drawn in for a readable contrast (WCAG 2, level AA), and
//! set on the page as CSS custom properties.

use crate::assessment::language::Key;
use crate::assessment::untrusted::{parsed, At, Problems, Why};
use serde_json::Value;
use std::fmt;
use std::str::FromStr;

/// The fields of a configuration's `colours`, in the order of [`Colours`].
pub const COLOUR_FIELDS: &[&str] = &["accent", "accent_text", "background", "text"];

/// The brand colours, each optional; what is left out keeps Tandem's own.
///
/// Colours come in pairs that are drawn on each other: `accent` with
/// `accent_text` (buttons), `text` with `background` (the page). A pair is
/// given whole or not at all, so a configured colour never meets a default
/// one it was not checked against (the defaults change with the reader's
/// light or dark setting), and every pair given has a contrast of at least
/// 4.5:1, as has `accent` on `background` when both are given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Colours {
    /// Buttons, links, outlines and the current step.
    pub accent: Option<Colour>,
    /// Text on accent-coloured buttons.
    pub accent_text: Option<Colour>,
    /// The page behind everything.
    pub background: Option<Colour>,
    /// Body text.
    pub text: Option<Colour>,
}

/// An sRGB colour, read from `#rgb` or `#rrggbb` and written as `#rrggbb`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Colour([u8; 3]);

/// A text is not a colour Tandem accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ColourError;

/// Tandem's own page background in its light palette (`styles/base.css`),
/// which a configured accent is drawn on when no background is given.
const TANDEM_BACKGROUND: Colour = Colour([0xf7, 0xf8, 0xfa]);
/// Tandem's own accent in its light palette, drawn on a configured
/// background when no accent is given.
const TANDEM_ACCENT: Colour = Colour([0x1f, 0x5f, 0xa8]);
/// The CSS custom properties a configuration may set, in the order of
/// [`Colours::custom_properties`].
pub const CUSTOM_PROPERTIES: [&str; 6] = [
    "--colour-primary",
    "--colour-primary-text",
    "--colour-background",
    "--colour-text",
    "--colour-surface",
    "--colour-muted",
];

/// Which of Tandem's palettes the page keeps for everything a configuration
/// does not colour (borders, focus, errors, levels).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// Tandem's light palette: dark text on a light page.
    Light,
    /// Tandem's dark palette: light text on a dark page.
    Dark,
}

impl Colours {
    /// Every CSS custom property a configuration may set on the app's root
    /// element ([`CUSTOM_PROPERTIES`]), with the colour it sets there, or
    /// `None` to keep Tandem's own. Cards and panels take the page's
    /// background, and secondary text the body text, so that every text a
    /// configuration colours is drawn on a colour it was checked against.
    pub fn custom_properties(&self) -> [(&'static str, Option<Colour>); 6] {
        let values = [
            self.accent,
            self.accent_text,
            self.background,
            self.text,
            self.background,
            self.text,
        ];
        let mut properties = [("", None); 6];
        for (i, value) in values.into_iter().enumerate() {
            properties[i] = (CUSTOM_PROPERTIES[i], value);
        }
        properties
    }

    /// The palette the rest of the page keeps: none for no colours (the
    /// reader's light or dark setting decides); with colours, the one that
    /// matches the background (Tandem's light one when none is given).
    pub fn scheme(&self) -> Option<Scheme> {
        if *self == Colours::default() {
            return None;
        }
        // WCAG's luminance below 0.18 is nearer black than white.
        match self.background {
            Some(background) if background.luminance() < 180_000 => Some(Scheme::Dark),
            _ => Some(Scheme::Light),
        }
    }
}

impl FromStr for Colour {
    type Err = ColourError;

    fn from_str(text: &str) -> Result<Colour, ColourError> {
        let digits = text.strip_prefix('#').ok_or(ColourError)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(ColourError);
        }
        let value = |range: std::ops::Range<usize>| {
            u8::from_str_radix(&digits[range], 16).map_err(|_| ColourError)
        };
        match digits.len() {
            // `#abc` is `#aabbcc`.
            3 => Ok(Colour([
                value(0..1)? * 17,
                value(1..2)? * 17,
                value(2..3)? * 17,
            ])),
            6 => Ok(Colour([value(0..2)?, value(2..4)?, value(4..6)?])),
            _ => Err(ColourError),
        }
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

impl From<ColourError> for Why {
    fn from(_: ColourError) -> Why {
        Why::new(Key::PROBLEM_COLOUR)
    }
}

/// `LINEAR[v]` is the sRGB channel value `v` (0 to 255) made linear, in
/// millionths: `c / 12.92` up to `c = 0.04045`, `((c + 0.055) / 1.055)^2.4`
/// above, with `c = v / 255` (WCAG 2's definition). A table, because the
/// power function would add more to the app than these 1 KB; a test checks
/// every entry against the formula.
const LINEAR: [u32; 256] = [
    0, 304, 607, 911, 1214, 1518, 1821, 2125, 2428, 2732, 3035, 3347, 3677, 4025, 4391, 4777, 5182,
    5605, 6049, 6512, 6995, 7499, 8023, 8568, 9134, 9721, 10330, 10960, 11612, 12286, 12983, 13702,
    14444, 15209, 15996, 16807, 17642, 18500, 19382, 20289, 21219, 22174, 23153, 24158, 25187,
    26241, 27321, 28426, 29557, 30713, 31896, 33105, 34340, 35601, 36889, 38204, 39546, 40915,
    42311, 43735, 45186, 46665, 48172, 49707, 51269, 52861, 54480, 56128, 57805, 59511, 61246,
    63010, 64803, 66626, 68478, 70360, 72272, 74214, 76185, 78187, 80220, 82283, 84376, 86500,
    88656, 90842, 93059, 95307, 97587, 99899, 102242, 104616, 107023, 109462, 111932, 114435,
    116971, 119538, 122139, 124772, 127438, 130136, 132868, 135633, 138432, 141263, 144128, 147027,
    149960, 152926, 155926, 158961, 162029, 165132, 168269, 171441, 174647, 177888, 181164, 184475,
    187821, 191202, 194618, 198069, 201556, 205079, 208637, 212231, 215861, 219526, 223228, 226966,
    230740, 234551, 238398, 242281, 246201, 250158, 254152, 258183, 262251, 266356, 270498, 274677,
    278894, 283149, 287441, 291771, 296138, 300544, 304987, 309469, 313989, 318547, 323143, 327778,
    332452, 337164, 341914, 346704, 351533, 356400, 361307, 366253, 371238, 376262, 381326, 386429,
    391572, 396755, 401978, 407240, 412543, 417885, 423268, 428690, 434154, 439657, 445201, 450786,
    456411, 462077, 467784, 473531, 479320, 485150, 491021, 496933, 502886, 508881, 514918, 520996,
    527115, 533276, 539479, 545724, 552011, 558340, 564712, 571125, 577580, 584078, 590619, 597202,
    603827, 610496, 617207, 623960, 630757, 637597, 644480, 651406, 658375, 665387, 672443, 679542,
    686685, 693872, 701102, 708376, 715694, 723055, 730461, 737910, 745404, 752942, 760525, 768151,
    775822, 783538, 791298, 799103, 806952, 814847, 822786, 830770, 838799, 846873, 854993, 863157,
    871367, 879622, 887923, 896269, 904661, 913099, 921582, 930111, 938686, 947307, 955973, 964686,
    973445, 982251, 991102, 1000000,
];

/// The sRGB transfer function as [`LINEAR`] tabulates it, for the test that
/// checks the table.
#[doc(hidden)]
pub fn linear_table() -> &'static [u32; 256] {
    &LINEAR
}

impl Colour {
    /// The red, green and blue values, 0 to 255.
    pub fn rgb(self) -> [u8; 3] {
        self.0
    }

    /// Relative luminance (WCAG 2) in millionths, 0 (black) to 1,000,000
    /// (white).
    fn luminance(self) -> u64 {
        let [r, g, b] = self.0.map(|v| u64::from(LINEAR[usize::from(v)]));
        (2126 * r + 7152 * g + 722 * b) / 10_000
    }

    /// The contrast ratio with `other` (WCAG 2), in tenths, rounded down:
    /// 45 for 4.5:1. From 10 (the same luminance) to 210 (black on white).
    pub fn contrast_tenths(self, other: Colour) -> u64 {
        let (a, b) = (self.luminance() + 50_000, other.luminance() + 50_000);
        10 * a.max(b) / a.min(b)
    }
}

/// The contrast text needs against what it is drawn on (WCAG 2, level AA).
const MIN_CONTRAST_TENTHS: u64 = 45;

/// A configuration's `colours`: each a hex value, each pair given whole and
/// readable.
pub(super) fn read_colours(problems: &mut Problems, at: &At, value: &Value) -> Option<Colours> {
    let map = problems.object(at, value, COLOUR_FIELDS)?;
    let before = problems.count();
    let mut colour = |key| {
        problems
            .optional_field(at, map, key, None, |p, at, v| {
                parsed::<Colour>(p, at, v).map(Some)
            })
            .flatten()
    };
    let colours = Colours {
        accent: colour("accent"),
        accent_text: colour("accent_text"),
        background: colour("background"),
        text: colour("text"),
    };
    if problems.count() > before {
        return None;
    }
    check_pair(
        problems,
        at,
        ("accent_text", colours.accent_text),
        ("accent", colours.accent),
    );
    check_pair(
        problems,
        at,
        ("text", colours.text),
        ("background", colours.background),
    );
    // Buttons and links are drawn on the page: a configured accent on
    // Tandem's background, or Tandem's accent on a configured background.
    match (colours.accent, colours.background) {
        (Some(accent), Some(background)) => {
            check_contrast(
                problems,
                &at.field("accent"),
                accent,
                "background",
                background,
            );
        }
        (Some(accent), None) => check_contrast(
            problems,
            &at.field("accent"),
            accent,
            "Tandem's own background (#f7f8fa); give a background too",
            TANDEM_BACKGROUND,
        ),
        (None, Some(background)) => check_contrast(
            problems,
            &at.field("background"),
            background,
            "Tandem's own accent (#1f5fa8), used for buttons and links; give an accent too",
            TANDEM_ACCENT,
        ),
        (None, None) => {}
    }
    (problems.count() == before).then_some(colours)
}

/// Two colours drawn on each other, `colour` on `other`: both given or
/// neither, and readable.
fn check_pair(
    problems: &mut Problems,
    at: &At,
    (name, colour): (&str, Option<Colour>),
    (other_name, other): (&str, Option<Colour>),
) {
    match (colour, other) {
        (Some(colour), Some(other)) => {
            check_contrast(problems, &at.field(name), colour, other_name, other);
        }
        (None, Some(_)) => missing_partner(problems, at, name, other_name),
        (Some(_), None) => missing_partner(problems, at, other_name, name),
        (None, None) => {}
    }
}

fn missing_partner(problems: &mut Problems, at: &At, missing: &str, given: &str) {
    problems.add(
        at.field(missing),
        Why::new(Key::PROBLEM_COLOUR_PARTNER)
            .text("given", given)
            .text("missing", missing),
    );
}

fn check_contrast(
    problems: &mut Problems,
    at: &At,
    colour: Colour,
    other_name: &str,
    other: Colour,
) {
    let tenths = colour.contrast_tenths(other);
    if tenths < MIN_CONTRAST_TENTHS {
        // Which way to move: towards whichever of white and black stands
        // out more against the other colour.
        let (white, black) = (Colour([255; 3]), Colour([0; 3]));
        let key = if white.contrast_tenths(other) >= black.contrast_tenths(other) {
            Key::PROBLEM_COLOUR_LIGHTER
        } else {
            Key::PROBLEM_COLOUR_DARKER
        };
        problems.add(
            at,
            Why::new(key)
                .text("other", other_name)
                .tenths("ratio", tenths as usize),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::TANDEM_BACKGROUND;

    /// The background a configured accent is checked against is the one the
    /// stylesheet paints: the two are written in different languages, so this
    /// holds them together.
    #[test]
    fn tandem_background_is_the_stylesheets() {
        let css = include_str!("../../../styles/base.css");
        let declared = format!("--colour-background: {TANDEM_BACKGROUND};");
        assert!(
            css.lines().any(|line| line.trim() == declared),
            "styles/base.css declares `{declared}` in its light palette"
        );
    }
}
