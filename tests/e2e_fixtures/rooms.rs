//! Rooms of participants for the workshop journeys, with the figures the
//! team view, presenter mode, the team exports and the team plan must show.
//! A room either carries its result codes (to paste) or its people's
//! answers (for the journey to take each assessment in the browser).

use crate::answers::{self, scoring};
use crate::results::actions;
use crate::shown;
use serde_json::{json, Value};
use tandem::assessment::disclosure::Figure;
use tandem::assessment::export::dimension_row;
use tandem::assessment::plan::ActionPlan;
use tandem::assessment::wording;
use tandem::assessment::workshop::{Group, GroupLabel, Mean, TeamView};
use tandem::assessment::{code, Bank, Mode, Progress, Role};

/// A quick assessment taken by someone with `role` and `team` whose four
/// dimensions score `scores` (0 to 100 in steps of 25).
fn participant(bank: &Bank, role: Role, team: &str, scores: [u8; 4]) -> Progress {
    let mut progress = scoring(bank, Mode::Quick, &scores);
    progress.choose_role(role);
    progress.name_team(team);
    progress
}

/// The team view of `room` as the workshop builds it.
fn team_view(bank: &Bank, room: &[Progress], threshold: usize) -> TeamView {
    TeamView::of(bank, Mode::Quick, room, threshold, str::to_lowercase)
}

/// A mean as the workshop's tables show it.
fn shown_mean(mean: Option<&Mean>) -> Value {
    mean.map_or(Value::Null, |m| json!(wording::mean(&english(), Some(m))))
}

/// Five HR, three L&D and one line manager, at the default threshold of 3:
/// the room in which hiding the line manager alone would leave
/// `9 × team − 5 × HR − 3 × L&D`, the line manager's own scores. The codes
/// to paste, and per dimension the team's mean, then each role group's
/// cells as shown.
pub fn five_three_one(bank: &Bank) -> Value {
    let threshold = 3;
    let mut room = Vec::new();
    for scores in [
        [75, 50, 50, 75],
        [100, 75, 50, 50],
        [50, 50, 75, 100],
        [75, 100, 25, 50],
        [100, 25, 50, 75],
    ] {
        room.push(participant(bank, Role::Hr, "", scores));
    }
    for scores in [[25, 75, 50, 25], [50, 50, 100, 50], [75, 100, 75, 25]] {
        room.push(participant(bank, Role::LearningAndDevelopment, "", scores));
    }
    room.push(participant(bank, Role::LineManager, "", [50, 50, 25, 50]));
    let view = team_view(bank, &room, threshold);
    let codes: Vec<String> = room.iter().map(|p| code::encode(bank, p)).collect();
    let roles: Vec<Value> = view
        .roles
        .iter()
        .map(|group| {
            let label = group.label.to_string();
            let cells: Vec<Value> = match &group.figures {
                None => vec![json!(wording::hidden(
                    &english(),
                    Figure::TooFew,
                    threshold
                ))],
                Some(figures) => figures
                    .means
                    .iter()
                    .zip(&figures.figures)
                    .map(|(mean, figure)| {
                        json!(wording::group_mean(
                            &english(),
                            mean.as_ref(),
                            *figure,
                            threshold
                        ))
                    })
                    .collect(),
            };
            json!({ "group": label, "cells": cells })
        })
        .collect();
    let fixture = json!({
        "threshold": threshold,
        "codes": codes,
        "team_means": view
            .dimensions
            .iter()
            .map(|d| shown_mean(d.spread.as_ref().map(|s| &s.mean)))
            .collect::<Vec<_>>(),
        "roles": roles,
        "gaps": view.gaps.len(),
        "protection": view.protection().map(|p| wording::protection(&english(), &p, threshold)),
        "divided": divided(bank, &view),
    });
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
    // The line manager could be subtracted from any statement's split.
    assert!(view.divided.iter().all(|s| s.split.is_none()));
    assert!(fixture["team_means"]
        .as_array()
        .unwrap()
        .iter()
        .all(Value::is_string));
    fixture
}

/// The most divided statements as the workshop lists them: each one's text,
/// how the room answered, and how HR and L&D did where that is shown.
fn divided(bank: &Bank, view: &TeamView) -> Value {
    view.divided
        .iter()
        .map(|s| {
            let text = bank.dimensions()[s.dimension]
                .statements
                .iter()
                .find(|t| t.id == s.id)
                .map(|t| t.text.clone());
            json!({
                "statement": text,
                "room": wording::answer_counts(&english(), &s.answers),
                "hr": s.split.map(|split| wording::answer_counts(&english(), &split.hr)),
                "ld": s.split.map(|split| wording::answer_counts(&english(), &split.ld)),
            })
        })
        .collect()
}

/// One person of a room whose journey takes the assessment in the browser:
/// the name of their exported file, their role and team, and their answers.
struct Person {
    file: &'static str,
    progress: Progress,
}

impl Person {
    fn fixture(&self) -> Value {
        json!({
            "file": self.file,
            "role": self.progress.role.map(Role::label),
            "team": self.progress.team,
            "answers": answers::labels(&self.progress),
        })
    }
}

/// A group of the team JSON: its label, and its members and means, both
/// `null` for a group too small to show.
fn group_record(group: &Group) -> Value {
    json!({
        "group": group.label.to_string(),
        "members": group.figures.as_ref().map(|f| f.members),
        "means": group.figures.as_ref().map(|f| f.means.iter().map(|m| m.map(|m| m.value)).collect::<Vec<_>>()),
    })
}

/// The facilitator's room of six: three HR, three L&D. "North" has three
/// members, so it is shown; "Solo" has one, so it is hidden. North is the
/// three HR people: had it held two of them and one L&D person, HR minus
/// North would be one HR person's score minus one L&D person's, which either
/// of them could solve for the other, so the disclosure rule would hide a
/// group more (five-three-one.json is such a room).
pub fn room_of_six(bank: &Bank) -> Value {
    let threshold = 3;
    let (hr, ld) = (Role::Hr, Role::LearningAndDevelopment);
    let people = [
        ("hr-north-1.json", hr, "North", [100, 25, 50, 25]),
        ("hr-north-2.json", hr, "North", [75, 50, 25, 50]),
        ("hr-north-3.json", hr, "North", [100, 25, 50, 0]),
        ("ld-1.json", ld, "", [25, 50, 75, 75]),
        ("ld-solo.json", ld, "Solo", [50, 25, 100, 50]),
        ("ld-3.json", ld, "", [0, 0, 100, 100]),
    ]
    .map(|(file, role, team, scores)| Person {
        file,
        progress: participant(bank, role, team, scores),
    });
    let room: Vec<Progress> = people.iter().map(|p| p.progress.clone()).collect();
    let view = team_view(bank, &room, threshold);
    let report = view.report();
    let mut plan = ActionPlan::default();
    plan.redraft(bank, &report);

    let dimensions: Vec<Value> = view
        .dimensions
        .iter()
        .zip(&report.dimensions)
        .map(|(stats, result)| {
            let dimension = &bank.dimensions()[stats.index];
            let spread = stats.spread.as_ref().expect("everybody in the room is scored");
            let level = result.level().expect("a team level");
            let gap = view.gaps.iter().find(|g| g.index == stats.index);
            let guidance = dimension.guidance_at(level);
            json!({
                "name": dimension.name,
                "summary": dimension.summary,
                "level": level.number(),
                "level_label": wording::level_label(&english(), bank, level),
                "presenter": wording::presenter_lines(&english(), bank, stats, gap, threshold),
                "prompts": {
                    "next": guidance.next,
                    "questions": guidance.practices.iter().map(|p| wording::discussion_question(&english(), &p.text)).collect::<Vec<_>>(),
                },
                "csv": dimension_row(bank, stats),
                "json": {
                    "name": dimension.name,
                    "asked": stats.asked,
                    "scored": stats.scored,
                    "mean": spread.mean.value,
                    "level": spread.mean.level().number(),
                    "median": spread.median,
                    "min": spread.min.value(),
                    "max": spread.max.value(),
                    "std_dev": spread.std_dev,
                    "agreement": spread.agreement.map(|a| a.label()),
                    "dont_know": stats.dont_know.map(|r| json!({ "count": r.count, "of": r.of })),
                },
            })
        })
        .collect();
    let gaps: Vec<Value> = view
        .gaps
        .iter()
        .map(|g| {
            json!({
                "name": bank.dimensions()[g.index].name,
                "hr": { "mean": g.hr.value, "of": g.hr.of },
                "ld": { "mean": g.ld.value, "of": g.ld.of },
                "gap": g.gap,
            })
        })
        .collect();
    assert_eq!(gaps.len(), 4, "HR and L&D compared on every dimension");
    assert!(
        view.divided.iter().all(|s| s.split.is_some()),
        "HR and L&D shown on every divided statement"
    );

    // The three whose exported files one journey imports.
    let imported = [1, 0, 3];
    let three: Vec<Progress> = imported.iter().map(|&i| room[i].clone()).collect();
    let three_view = team_view(bank, &three, threshold);
    let table: Vec<Value> = three_view
        .dimensions
        .iter()
        .map(|d| {
            json!({
                "name": bank.dimensions()[d.index].name,
                "cells": shown::team_cells(bank, d.spread.as_ref().expect("all three scored")),
            })
        })
        .collect();

    json!({
        "mode": shown::mode_name(Mode::Quick),
        "threshold": threshold,
        "people": people.iter().map(Person::fixture).collect::<Vec<_>>(),
        // The same room as result codes, for journeys that paste it in.
        "codes": room.iter().map(|p| code::encode(bank, p)).collect::<Vec<_>>(),
        "dimensions": dimensions,
        "gaps": gaps,
        "divided": divided(bank, &view),
        "by_role_groups": view.roles.iter().map(group_record).collect::<Vec<_>>(),
        "by_team_groups": view.teams.iter().map(group_record).collect::<Vec<_>>(),
        "plan": actions(bank, &plan),
        "of_three": {
            "people": imported.map(|i| people[i].file),
            "table": table,
        },
    })
}

/// Two HR who answer high and two L&D who answer low: at a threshold of 2
/// the comparison has a gap on every dimension, HR above L&D.
pub fn hr_above_ld(bank: &Bank) -> Value {
    let (hr, ld) = (Role::Hr, Role::LearningAndDevelopment);
    let room = [
        participant(bank, hr, "", [100, 75, 100, 75]),
        participant(bank, hr, "", [75, 100, 75, 100]),
        participant(bank, ld, "", [25, 0, 25, 50]),
        participant(bank, ld, "", [0, 25, 50, 25]),
    ];
    let threshold = 2;
    let view = team_view(bank, &room, threshold);
    assert!(
        view.gaps.iter().all(|g| g.gap > 0.0),
        "HR above L&D everywhere"
    );
    json!({
        "people": room.iter().map(|p| json!({
            "role": p.role.map(Role::label),
            "answers": answers::labels(p),
        })).collect::<Vec<_>>(),
        "codes": room.iter().map(|p| code::encode(bank, p)).collect::<Vec<_>>(),
        "threshold": threshold,
        "gaps": view.gaps.iter().map(|g| shown::gap_row(bank, g)).collect::<Vec<_>>(),
    })
}

/// The screens' English words, which the journeys find on the page.
fn english() -> tandem::assessment::language::Words {
    tandem::assessment::language::Words::english(tandem::assessment::language::plain_number)
}
