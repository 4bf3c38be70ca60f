//! A radar chart of dimension scores, drawn as SVG on the device.
//!
//! The chart is a picture of figures that the page also gives as a table, so
//! screen readers get the table and the chart carries only a short label.
//! Colours come from CSS classes, never inline styles, so the chart works
//! under a strict Content Security Policy and prints in the print palette.

use crate::assessment::language::Key;
use std::rc::Rc;
use yew::prelude::*;

/// Width of the drawing, in SVG units.
const WIDTH: f64 = 560.0;
/// Height of the drawing.
const HEIGHT: f64 = 460.0;
/// Radius of the 100-point ring when the labels leave room for it.
const MAX_RADIUS: f64 = 165.0;
/// The smallest ring drawn, whatever the labels.
const MIN_RADIUS: f64 = 90.0;
/// Between the 100-point ring and a label.
const LABEL_GAP: f64 = 10.0;
/// Kept clear around the drawing's edge.
const EDGE: f64 = 4.0;
/// The labels' font size in SVG units (`.radar-chart__label` in the
/// stylesheet says the same): on a phone the drawing spans the screen, so
/// labels are 11.4 px at 320 px and 13.9 px at 390 px.
const FONT: f64 = 20.0;
/// Baseline to baseline, in ems.
const LINE: f64 = 1.15;
/// How many characters a label's line may hold, tried widest first.
const LINE_LENGTHS: [usize; 6] = [18, 15, 13, 11, 9, 7];
/// The rings drawn, in points.
const RINGS: [f64; 5] = [20.0, 40.0, 60.0, 80.0, 100.0];

/// One set of scores drawn on the chart.
#[derive(Clone, PartialEq)]
pub struct RadarSeries {
    /// What the series is, for the legend.
    pub label: AttrValue,
    /// CSS modifier that colours it (`radar-chart__series--{modifier}`).
    pub modifier: &'static str,
    /// One score per axis, 0 to 100; `None` where there is no score.
    pub scores: Rc<[Option<u8>]>,
}

#[derive(Properties, PartialEq)]
pub struct RadarChartProps {
    /// The axes' names, clockwise from the top.
    pub axes: Rc<[AttrValue]>,
    pub series: Rc<[RadarSeries]>,
    /// Short description for assistive technology.
    pub label: AttrValue,
}

/// The direction of axis `axis` of `axes`, clockwise from twelve o'clock.
fn direction(axis: usize, axes: usize) -> (f64, f64) {
    let angle =
        std::f64::consts::TAU * axis as f64 / axes.max(1) as f64 - std::f64::consts::FRAC_PI_2;
    (angle.cos(), angle.sin())
}

/// The position of `value` (0 to 100) on axis `axis` of `axes` in a chart
/// whose 100-point ring has `radius`.
pub fn point(axis: usize, axes: usize, value: f64, radius: f64) -> (f64, f64) {
    let (dx, dy) = direction(axis, axes);
    let r = radius * value.clamp(0.0, 100.0) / 100.0;
    (WIDTH / 2.0 + r * dx, HEIGHT / 2.0 + r * dy)
}

/// `value` rounded to `places` decimals (1 or 2), written with integer
/// arithmetic: Rust's float formatting was the chart's largest cost.
pub fn fixed(value: f64, places: u32) -> String {
    let scale = 10_u64.pow(places);
    let scaled = (value * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let scaled = scaled.unsigned_abs();
    format!(
        "{sign}{}.{:0width$}",
        scaled / scale,
        scaled % scale,
        width = places as usize
    )
}

/// The `points` attribute of a polygon through `points`.
fn points_attribute(points: impl Iterator<Item = (f64, f64)>) -> String {
    let mut attribute = String::new();
    for (x, y) in points {
        if !attribute.is_empty() {
            attribute.push(' ');
        }
        attribute.push_str(&fixed(x, 1));
        attribute.push(',');
        attribute.push_str(&fixed(y, 1));
    }
    attribute
}

/// The longest word kept whole: one that still fits beside the smallest
/// ring. A longer one is broken with a hyphen.
const LONGEST_WORD: usize = 13;

/// Words wrapped greedily into lines of at most `length` characters; a word
/// longer than [`LONGEST_WORD`] is broken with a hyphen, and one longer
/// than the line keeps a line of its own.
fn wrap(label: &str, length: usize) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in label.split_whitespace() {
        let chars: Vec<char> = word.chars().collect();
        if chars.len() <= LONGEST_WORD {
            words.push(word.to_owned());
            continue;
        }
        let piece = LONGEST_WORD - 1;
        let pieces: Vec<&[char]> = chars.chunks(piece).collect();
        for (i, part) in pieces.iter().enumerate() {
            let mut part: String = part.iter().collect();
            if i + 1 < pieces.len() {
                part.push('-');
            }
            words.push(part);
        }
    }
    let mut lines: Vec<String> = Vec::new();
    for word in words.iter().map(String::as_str) {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= length => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// A generous estimate of a line's width in ems, for the widest common
/// sans-serif face (DejaVu Sans): the chart must fit whatever face the
/// device has, and the end-to-end tests measure the real boxes.
fn width_in_ems(line: &str) -> f64 {
    line.chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | 't' | 'f' | 'r' | ' ' | '.' | ',' | '\'' | ':' | ';' | '-' => 0.36,
            'm' | 'w' => 0.98,
            'M' | 'W' | '&' | '%' => 0.9,
            c if c.is_uppercase() => 0.76,
            _ => 0.63,
        })
        .sum()
}

/// Which way a label runs from its anchor.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Side {
    Before,
    Centred,
    After,
}

impl Side {
    fn of(d: f64) -> Side {
        if d > 0.01 {
            Side::After
        } else if d < -0.01 {
            Side::Before
        } else {
            Side::Centred
        }
    }
}

/// Where everything sits: the 100-point ring's radius and each label's
/// lines, chosen so that every label lies inside the drawing.
#[derive(Debug, PartialEq)]
struct Layout {
    radius: f64,
    labels: Vec<Vec<String>>,
}

impl Layout {
    /// The `viewBox`: the whole width, and the height that the ring and
    /// the labels take, so a chart with few axes wastes no screen.
    fn view_box(&self) -> String {
        let n = self.labels.len();
        let (mut top, mut bottom) = (HEIGHT / 2.0 - self.radius, HEIGHT / 2.0 + self.radius);
        for axis in 0..n {
            let (t, b) = label_rows(axis, n, self.labels[axis].len(), self.radius);
            top = top.min(t);
            bottom = bottom.max(b);
        }
        let top = (top - EDGE).max(0.0);
        let bottom = (bottom + EDGE).min(HEIGHT);
        format!("0 {} {WIDTH} {}", fixed(top, 1), fixed(bottom - top, 1))
    }
}

/// Ascent above a baseline and descent below it, in SVG units, for a
/// generous face.
const ASCENT: f64 = 0.95 * FONT;
const DESCENT: f64 = 0.3 * FONT;

/// The estimated box (top, bottom) of `lines` on axis `axis` of `axes` at
/// a ring of `radius`, as `RadarChart` places them.
fn label_rows(axis: usize, axes: usize, lines: usize, radius: f64) -> (f64, f64) {
    let (_, dy) = direction(axis, axes);
    let y = HEIGHT / 2.0 + (radius + LABEL_GAP) * dy;
    let height = (lines as f64 - 1.0) * LINE * FONT;
    match Side::of(dy) {
        Side::Before => (y - height - ASCENT, y + DESCENT),
        Side::After => (y, y + 0.8 * FONT + height + DESCENT),
        Side::Centred => (y - height / 2.0 - ASCENT, y + height / 2.0 + DESCENT),
    }
}

/// The largest ring at which `lines` on axis `axis` of `axes` still fit.
fn radius_for(axis: usize, axes: usize, lines: &[String]) -> f64 {
    let (dx, dy) = direction(axis, axes);
    let width = lines.iter().map(|l| width_in_ems(l)).fold(0.0, f64::max) * FONT;
    let height = (lines.len() as f64 - 1.0) * LINE * FONT;
    let (ascent, descent) = (ASCENT, DESCENT);
    let mut radius = MAX_RADIUS;
    let mut limit = |room: f64, along: f64| {
        if along > 0.01 {
            radius = radius.min(room / along - LABEL_GAP);
        }
    };
    let (cx, cy) = (WIDTH / 2.0, HEIGHT / 2.0);
    match Side::of(dx) {
        Side::After => limit(WIDTH - EDGE - width - cx, dx),
        Side::Before => limit(cx - EDGE - width, -dx),
        Side::Centred => {}
    }
    match Side::of(dy) {
        // Above the centre a label grows upwards from its last line.
        Side::Before => limit(cy - EDGE - height - ascent, -dy),
        Side::After => limit(HEIGHT - EDGE - cy - height - descent - ascent, dy),
        Side::Centred => limit(cy - EDGE - height / 2.0 - ascent, 1.0),
    }
    radius
}

/// The layout with the largest ring, trying each line length; the widest
/// lines win a tie. An axis `unscored` says so on a line of its own
/// (`no_score`), which the layout makes room for.
fn layout(axes: &[&str], unscored: &dyn Fn(usize) -> bool, no_score: &str) -> Layout {
    let mut best: Option<Layout> = None;
    for length in LINE_LENGTHS {
        let labels: Vec<Vec<String>> = axes
            .iter()
            .enumerate()
            .map(|(axis, name)| {
                let mut lines = wrap(name, length);
                if unscored(axis) {
                    lines.push(no_score.to_owned());
                }
                lines
            })
            .collect();
        let radius = labels
            .iter()
            .enumerate()
            .map(|(axis, lines)| radius_for(axis, axes.len(), lines))
            .fold(MAX_RADIUS, f64::min);
        if best.as_ref().is_none_or(|b| radius > b.radius + 0.5) {
            best = Some(Layout { radius, labels });
        }
    }
    let mut best = best.unwrap_or(Layout {
        radius: MAX_RADIUS,
        labels: Vec::new(),
    });
    best.radius = best.radius.max(MIN_RADIUS);
    best
}

#[component]
pub fn RadarChart(
    RadarChartProps {
        axes,
        series,
        label,
    }: &RadarChartProps,
) -> Html {
    let n = axes.len();
    let names: Vec<&str> = axes.iter().map(|a| a.as_str()).collect();
    // An axis the first series has no score on is drawn as a gap.
    let unscored = |axis: usize| {
        series
            .first()
            .is_some_and(|s| s.scores.get(axis).is_some_and(Option::is_none))
    };
    let words = super::use_words();
    let layout = layout(&names, &unscored, words.get(Key::CHART_NO_SCORE));
    let radius = layout.radius;
    let at = |axis: usize, value: f64| point(axis, n, value, radius);
    let ring = |value: f64| points_attribute((0..n).map(|axis| at(axis, value)));
    let view_box = layout.view_box();
    let labels = layout.labels.iter().enumerate().map(|(axis, lines)| {
        let (x, y) = at(axis, 100.0 + LABEL_GAP * 100.0 / radius);
        let (dx, dy) = direction(axis, n);
        let anchor = match Side::of(dx) {
            Side::After => "start",
            Side::Before => "end",
            Side::Centred => "middle",
        };
        let extra = lines.len() as f64 - 1.0;
        // Labels above the centre grow upwards, below it downwards.
        let first_dy = match Side::of(dy) {
            Side::Before => -extra * LINE,
            Side::After => 0.8,
            Side::Centred => 0.35 - extra * LINE / 2.0,
        };
        let class = if unscored(axis) {
            "radar-chart__label radar-chart__label--unscored"
        } else {
            "radar-chart__label"
        };
        html! {
            <text {class} x={fixed(x, 1)} y={fixed(y, 1)} text-anchor={anchor}>
                for (i, line) in lines.iter().enumerate() {
                    <tspan x={fixed(x, 1)} dy={format!("{}em", fixed(if i == 0 { first_dy } else { LINE }, 2))}>{ line.clone() }</tspan>
                }
            </text>
        }
    });
    let (cx, cy) = (WIDTH / 2.0, HEIGHT / 2.0);
    html! {
        <figure class="radar-chart">
            <svg viewBox={view_box} role="img" aria-label={label.clone()}>
                for value in RINGS {
                    <polygon class="radar-chart__ring" points={ring(value)} />
                }
                for axis in 0..n {
                    { {
                        let (x, y) = at(axis, 100.0);
                        let class = if unscored(axis) { "radar-chart__axis radar-chart__axis--unscored" } else { "radar-chart__axis" };
                        html! { <line {class} x1={fixed(cx, 1)} y1={fixed(cy, 1)} x2={fixed(x, 1)} y2={fixed(y, 1)} /> }
                    } }
                }
                for value in RINGS {
                    { {
                        // The scale, on each ring halfway between the first two
                        // axes, where no label is.
                        let ((x1, y1), (x2, y2)) = (at(0, value), at(1 % n.max(1), value));
                        let (x, y) = ((x1 + x2) / 2.0, (y1 + y2) / 2.0);
                        html! { <text class="radar-chart__scale" x={fixed(x, 1)} y={fixed(y - 2.0, 1)}>{ value as u8 }</text> }
                    } }
                }
                for series in series.iter() {
                    { series_shape(series, n, &at) }
                }
                { for labels }
            </svg>
            <figcaption class="radar-chart__legend">
                if series.len() > 1 {
                    for series in series.iter() {
                        <span class={format!("radar-chart__key radar-chart__key--{}", series.modifier)}>{ &series.label }</span>
                    }
                }
                <span class="radar-chart__key-scale">{ words.get(Key::CHART_SCALE) }</span>
            </figcaption>
        </figure>
    }
}

/// One series: its area through the scores it has, solid edges between
/// neighbouring scores, a dashed edge across an axis without one (a gap,
/// never a zero), and a dot per score.
fn series_shape(series: &RadarSeries, n: usize, at: &dyn Fn(usize, f64) -> (f64, f64)) -> Html {
    let scored: Vec<(usize, f64)> = series
        .scores
        .iter()
        .enumerate()
        .filter_map(|(axis, s)| s.map(|s| (axis, f64::from(s))))
        .collect();
    let complete = scored.len() == n;
    let area = points_attribute(scored.iter().map(|&(axis, value)| at(axis, value)));
    let edges = (0..n).filter_map(|axis| {
        let next = (axis + 1) % n;
        let (Some(a), Some(b)) = (series.scores.get(axis)?, series.scores.get(next)?) else {
            return None;
        };
        let (x1, y1) = at(axis, f64::from(*a));
        let (x2, y2) = at(next, f64::from(*b));
        Some(html! { <line class="radar-chart__edge" x1={fixed(x1, 1)} y1={fixed(y1, 1)} x2={fixed(x2, 1)} y2={fixed(y2, 1)} /> })
    });
    html! {
        <g class={format!("radar-chart__series radar-chart__series--{}", series.modifier)}>
            if scored.len() > 1 {
                <polygon class={if complete { "radar-chart__area" } else { "radar-chart__area radar-chart__area--gap" }} points={area} />
            }
            if !complete {
                { for edges }
            }
            for (axis, value) in scored.iter() {
                { {
                    let (x, y) = at(*axis, *value);
                    html! { <circle class="radar-chart__dot" cx={fixed(x, 1)} cy={fixed(y, 1)} r="5" /> }
                } }
            }
        </g>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What an axis without a score adds under its name, in English.
    const NO_SCORE: &str = "(no score)";

    #[test]
    fn first_axis_points_straight_up() {
        let (x, y) = point(0, 4, 100.0, 150.0);
        assert!((x - WIDTH / 2.0).abs() < 1e-9);
        assert!((y - (HEIGHT / 2.0 - 150.0)).abs() < 1e-9);
    }

    #[test]
    fn values_are_clamped_to_the_chart() {
        assert_eq!(point(1, 4, 250.0, 150.0), point(1, 4, 100.0, 150.0));
        assert_eq!(point(1, 4, -5.0, 150.0), point(1, 4, 0.0, 150.0));
    }

    #[test]
    fn fixed_writes_rounded_decimals() {
        assert_eq!(fixed(280.0, 1), "280.0");
        assert_eq!(fixed(129.04, 1), "129.0");
        assert_eq!(fixed(129.06, 1), "129.1");
        assert_eq!(fixed(0.35, 2), "0.35");
        assert_eq!(fixed(-1.1, 2), "-1.10");
        assert_eq!(fixed(-0.04, 1), "0.0");
        for value in [0.0, 3.26, 70.3, 149.96, 430.7, -2.2] {
            assert_eq!(fixed(value, 1), format!("{value:.1}"), "{value}");
        }
    }

    #[test]
    fn labels_wrap_between_words() {
        assert_eq!(wrap("Communication", 11), ["Communication"]);
        assert_eq!(
            wrap("Structure, ownership and budgets", 15),
            ["Structure,", "ownership and", "budgets"]
        );
        assert_eq!(wrap("  Data   and  tools ", 18), ["Data and tools"]);
    }

    /// Every label's estimated box inside the drawing.
    fn fits(layout: &Layout) -> bool {
        let n = layout.labels.len();
        layout
            .labels
            .iter()
            .enumerate()
            .all(|(axis, lines)| radius_for(axis, n, lines) + 1e-9 >= layout.radius)
    }

    #[test]
    fn the_ring_shrinks_until_the_longest_labels_fit() {
        let short = layout(&["A", "B", "C", "D"], &|_| false, NO_SCORE);
        assert_eq!(short.radius, MAX_RADIUS);
        let standard = [
            "Communication",
            "Business partnering",
            "Shared performance management",
            "Mutual recognition",
            "Needs analysis and joint planning",
            "Structure, ownership and budgets",
            "Leadership and showcasing success",
            "Integration of activities and outcomes",
        ];
        let fitted = layout(&standard, &|_| false, NO_SCORE);
        assert!(
            fitted.radius < MAX_RADIUS && fitted.radius >= MIN_RADIUS,
            "{fitted:?}"
        );
        assert!(fits(&fitted), "{fitted:?}");
        // Every word is kept, in order.
        for (name, lines) in standard.iter().zip(&fitted.labels) {
            assert_eq!(lines.join(" "), *name);
        }
        // An axis without a score says so on a line of its own, and the
        // layout makes room for it, at the bottom as at the sides.
        let gaps = layout(&standard, &|axis| axis % 2 == 0, NO_SCORE);
        assert!(fits(&gaps), "{gaps:?}");
        assert_eq!(gaps.labels[4].last().map(String::as_str), Some(NO_SCORE));
        assert!(gaps.radius <= fitted.radius);
    }

    #[test]
    fn a_word_longer_than_a_line_is_broken_and_still_fits() {
        assert_eq!(wrap("Interdepartmental", 9), ["Interdepartm-", "ental"]);
        assert_eq!(wrap("Communication", 7), ["Communication"]);
        let long = layout(
            &[
                "Interdepartmentalisation",
                "B",
                "Interdepartmentalisation",
                "D",
            ],
            &|_| false,
            NO_SCORE,
        );
        assert!(fits(&long), "{long:?}");
        assert!(long.labels[0]
            .iter()
            .all(|l| l.chars().count() <= LONGEST_WORD));
    }
}
