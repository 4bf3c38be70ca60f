//! A radar chart of dimension scores, drawn as SVG on the device.
//!
//! The chart is a picture of figures that the page also gives as a table, so
//! screen readers get the table and the chart carries only a short label.
//! Colours come from CSS classes, never inline styles, so the chart works
//! under a strict Content Security Policy and prints in the print palette.

use std::rc::Rc;
use yew::prelude::*;

/// Width of the drawing, in SVG units; labels need room on both sides.
const WIDTH: f64 = 560.0;
/// Height of the drawing.
const HEIGHT: f64 = 440.0;
/// Radius of the 100-point ring.
const RADIUS: f64 = 150.0;
/// Distance of the axis labels from the centre.
const LABEL_RADIUS: f64 = RADIUS + 16.0;
/// Labels longer than this wrap onto two lines.
const LABEL_WRAP: usize = 16;

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

/// The position of `value` (0 to 100) on axis `axis` of `axes`, clockwise
/// from twelve o'clock.
pub fn point(axis: usize, axes: usize, value: f64) -> (f64, f64) {
    let angle =
        std::f64::consts::TAU * axis as f64 / axes.max(1) as f64 - std::f64::consts::FRAC_PI_2;
    let r = RADIUS * value.clamp(0.0, 100.0) / 100.0;
    (
        WIDTH / 2.0 + r * angle.cos(),
        HEIGHT / 2.0 + r * angle.sin(),
    )
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

/// The `points` attribute of a polygon through one value per axis; a missing
/// value is drawn at the centre.
pub fn polygon_points(values: impl ExactSizeIterator<Item = f64>) -> String {
    let axes = values.len();
    let mut points = String::new();
    for (axis, value) in values.enumerate() {
        let (x, y) = point(axis, axes, value);
        if !points.is_empty() {
            points.push(' ');
        }
        points.push_str(&fixed(x, 1));
        points.push(',');
        points.push_str(&fixed(y, 1));
    }
    points
}

/// Splits a long label at the space nearest its middle.
fn wrap(label: &str) -> Vec<&str> {
    if label.chars().count() <= LABEL_WRAP {
        return vec![label];
    }
    let middle = label.len() / 2;
    let split = label
        .match_indices(' ')
        .map(|(i, _)| i)
        .min_by_key(|i| i.abs_diff(middle));
    match split {
        Some(i) => vec![&label[..i], &label[i + 1..]],
        None => vec![label],
    }
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
    let ring = |value: f64| polygon_points((0..n).map(|_| value));
    let labels = axes.iter().enumerate().map(|(axis, name)| {
        let (x, y) = point(axis, n, LABEL_RADIUS * 100.0 / RADIUS);
        let anchor = if x > WIDTH / 2.0 + 1.0 {
            "start"
        } else if x < WIDTH / 2.0 - 1.0 {
            "end"
        } else {
            "middle"
        };
        let lines = wrap(name);
        // Labels above the centre grow upwards, below it downwards.
        let first_dy = if y < HEIGHT / 2.0 - 1.0 {
            -(lines.len() as f64 - 1.0) * 1.1
        } else if y > HEIGHT / 2.0 + 1.0 {
            0.8
        } else {
            0.35 - (lines.len() as f64 - 1.0) * 0.55
        };
        html! {
            <text class="radar-chart__label" x={fixed(x, 1)} y={fixed(y, 1)} text-anchor={anchor}>
                for (i, line) in lines.iter().enumerate() {
                    <tspan x={fixed(x, 1)} dy={format!("{}em", fixed(if i == 0 { first_dy } else { 1.1 }, 2))}>{ *line }</tspan>
                }
            </text>
        }
    });
    html! {
        <figure class="radar-chart">
            <svg viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" aria-label={label.clone()}>
                for value in [20.0, 40.0, 60.0, 80.0, 100.0] {
                    <polygon class="radar-chart__ring" points={ring(value)} />
                }
                for axis in 0..n {
                    { {
                        let (x, y) = point(axis, n, 100.0);
                        html! { <line class="radar-chart__axis" x1={fixed(WIDTH / 2.0, 1)} y1={fixed(HEIGHT / 2.0, 1)} x2={fixed(x, 1)} y2={fixed(y, 1)} /> }
                    } }
                }
                for series in series.iter() {
                    <g class={format!("radar-chart__series radar-chart__series--{}", series.modifier)}>
                        <polygon
                            class="radar-chart__area"
                            points={polygon_points(series.scores.iter().map(|s| s.map_or(0.0, f64::from)))}
                        />
                        for (axis, score) in series.scores.iter().enumerate() {
                            if let Some(score) = score {
                                { {
                                    let (x, y) = point(axis, n, f64::from(*score));
                                    html! { <circle class="radar-chart__dot" cx={fixed(x, 1)} cy={fixed(y, 1)} r="4" /> }
                                } }
                            }
                        }
                    </g>
                }
                { for labels }
            </svg>
            if series.len() > 1 {
                <figcaption class="radar-chart__legend">
                    for series in series.iter() {
                        <span class={format!("radar-chart__key radar-chart__key--{}", series.modifier)}>{ &series.label }</span>
                    }
                </figcaption>
            }
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_axis_points_straight_up() {
        let (x, y) = point(0, 4, 100.0);
        assert!((x - WIDTH / 2.0).abs() < 1e-9);
        assert!((y - (HEIGHT / 2.0 - RADIUS)).abs() < 1e-9);
    }

    #[test]
    fn values_are_clamped_to_the_chart() {
        assert_eq!(point(1, 4, 250.0), point(1, 4, 100.0));
        assert_eq!(point(1, 4, -5.0), point(1, 4, 0.0));
    }

    #[test]
    fn polygon_has_one_point_per_axis() {
        let points = polygon_points([0.0, 50.0, 100.0, 25.0].into_iter());
        assert_eq!(points.split(' ').count(), 4);
        assert!(points.starts_with("280.0,220.0 "));
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
    fn long_labels_wrap_near_the_middle() {
        assert_eq!(wrap("Communication"), vec!["Communication"]);
        assert_eq!(
            wrap("Structure, ownership and budgets"),
            vec!["Structure, ownership", "and budgets"]
        );
    }
}
