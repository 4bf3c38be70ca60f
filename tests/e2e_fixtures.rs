//! Rooms of result codes that the end-to-end tests paste into the workshop,
//! with the figures the screen must then show, written here from the domain
//! so that no test script encodes a code or works a figure out by itself.
//!
//! Each fixture is a file in `e2e/fixtures/`. This test builds it afresh and
//! fails when the committed file differs; `TANDEM_WRITE_FIXTURES=1 cargo test
//! --test e2e_fixtures` writes it again (after a change to the standard bank,
//! the code format or the team view), to be committed with that change.

use serde_json::{json, Value};
use std::path::Path;
use tandem::assessment::code;
use tandem::assessment::disclosure::Figure;
use tandem::assessment::workshop::{GroupLabel, TeamView};
use tandem::assessment::{Answer, Bank, Mode, Progress, Role};

/// A quick assessment whose four dimensions score `scores` (0 to 100 in
/// steps of 25), every statement answered.
fn participant(bank: &Bank, role: Role, scores: [u8; 4]) -> Progress {
    let mut progress = Progress::new(Mode::Quick);
    progress.choose_role(role);
    for (dimension, points) in bank.dimensions_in(Mode::Quick).zip(scores) {
        let steps = usize::from(points / 25);
        for statement in &dimension.statements {
            let answer = Answer::AGREEMENT[if statement.reverse { 4 - steps } else { steps }];
            assert!(progress.answer(bank, &statement.id, answer));
        }
    }
    progress
}

/// A mean as the workshop's tables show it.
fn shown(mean: Option<f64>) -> Value {
    mean.map_or(Value::Null, |m| json!(format!("{m:.0}")))
}

/// What the screen must show for a room: the codes to paste, and per
/// dimension the team's mean, then each role group's cells as shown.
fn fixture(bank: &Bank, room: &[Progress], threshold: usize) -> Value {
    let view = TeamView::of(bank, Mode::Quick, room, threshold, str::to_lowercase);
    let codes: Vec<String> = room.iter().map(|p| code::encode(bank, p)).collect();
    let roles: Vec<Value> = view
        .roles
        .iter()
        .map(|group| {
            let label = group.label.to_string();
            let cells: Vec<Value> = match &group.figures {
                None => vec![json!(format!("Hidden (fewer than {threshold})"))],
                Some(figures) => figures
                    .means
                    .iter()
                    .zip(&figures.figures)
                    .map(|(mean, figure)| match figure {
                        Figure::Shown => shown(mean.map(|m| m.value)),
                        Figure::TooFew => json!(format!("Hidden (fewer than {threshold})")),
                        Figure::Protecting => json!("Hidden to protect a smaller group"),
                        Figure::Empty => json!("-"),
                    })
                    .collect(),
            };
            json!({ "group": label, "cells": cells })
        })
        .collect();
    json!({
        "threshold": threshold,
        "codes": codes,
        "team_means": view
            .dimensions
            .iter()
            .map(|d| shown(d.spread.map(|s| s.mean.value)))
            .collect::<Vec<_>>(),
        "roles": roles,
        "gaps": view.gaps.len(),
        "protection": view.protection().map(|p| p.sentence(threshold)),
    })
}

/// Compares `fixture` with the committed file, or writes it when asked.
fn check(name: &str, fixture: &Value) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("e2e")
        .join("fixtures")
        .join(name);
    let text = format!("{}\n", serde_json::to_string_pretty(fixture).unwrap());
    if std::env::var_os("TANDEM_WRITE_FIXTURES").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == text,
        "{} is stale: run `TANDEM_WRITE_FIXTURES=1 cargo test --test e2e_fixtures` \
         and commit it",
        path.display()
    );
}

/// Five HR, three L&D and one line manager, at the default threshold of 3:
/// the room in which hiding the line manager alone would leave
/// `9 × team − 5 × HR − 3 × L&D`, the line manager's own scores.
#[test]
fn five_hr_three_ld_and_one_line_manager() {
    let bank = Bank::standard();
    let mut room = Vec::new();
    for scores in [
        [75, 50, 50, 75],
        [100, 75, 50, 50],
        [50, 50, 75, 100],
        [75, 100, 25, 50],
        [100, 25, 50, 75],
    ] {
        room.push(participant(bank, Role::Hr, scores));
    }
    for scores in [[25, 75, 50, 25], [50, 50, 100, 50], [75, 100, 75, 25]] {
        room.push(participant(bank, Role::LearningAndDevelopment, scores));
    }
    room.push(participant(bank, Role::LineManager, [50, 50, 25, 50]));
    let fixture = fixture(bank, &room, 3);
    // What the fixture promises the screen, checked here once.
    let ld = GroupLabel::Role(Role::LearningAndDevelopment).to_string();
    let ld_row = fixture["roles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["group"] == ld.as_str())
        .unwrap();
    assert!(ld_row["cells"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c == "Hidden to protect a smaller group"));
    assert_eq!(fixture["gaps"], 0);
    assert!(fixture["team_means"]
        .as_array()
        .unwrap()
        .iter()
        .all(Value::is_string));
    check("five-three-one.json", &fixture);
}
