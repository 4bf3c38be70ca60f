//! A workshop's team report, as JSON and as CSV: only aggregates, never a
//! participant's code or answers.

use super::result_csv::push_row;
use super::VERSION;
use crate::assessment::bank::{Bank, DimensionId};
use crate::assessment::language::{plain_number, Words};
use crate::assessment::plan::{ActionPlan, Horizon, Owner};
use crate::assessment::scoring::Level;
use crate::assessment::wording;
use crate::assessment::workshop::{DimensionStats, Group, Mean, TeamView};
use serde::Serialize;
use std::collections::BTreeMap;

/// Format name of a workshop's team report.
pub const TEAM_FORMAT: &str = "tandem-team-report";

/// A workshop's team report as JSON: the figures the team view shows and the
/// team plan. Only aggregates: no participant's code or answers, and no
/// figures for groups below the anonymity threshold.
pub fn team_json(bank: &Bank, name: &str, view: &TeamView, plan: &ActionPlan) -> String {
    let dimension = |index: usize| &bank.dimensions()[index];
    let mean = |m: &Mean| MeanRecord {
        mean: m.value,
        of: m.of,
    };
    let groups = |groups: &[Group]| -> Vec<GroupRecord> {
        groups
            .iter()
            .map(|g| GroupRecord {
                figures: g.figures.as_ref().map(|f| GroupFiguresRecord {
                    means: f.means.iter().map(|m| m.map(|m| m.value)).collect(),
                    members: f.members,
                }),
                group: g.label.to_string(),
            })
            .collect()
    };
    let report = TeamReport {
        anonymity_threshold: view.threshold,
        bank: TeamBankRecord {
            fingerprint: bank.fingerprint().to_string(),
            id: bank.id(),
            version: bank.version(),
        },
        by_role: view
            .by_role
            .iter()
            .map(|&(role, count)| RoleCount {
                count,
                role: role.label(),
            })
            .collect(),
        by_role_groups: groups(&view.roles),
        by_team_groups: groups(&view.teams),
        dimensions: view
            .dimensions
            .iter()
            .map(|d| TeamDimensionRecord {
                asked: d.asked,
                dimension: dimension(d.index).id.as_str(),
                dont_know: d.dont_know.map(|rate| RateRecord {
                    count: rate.count,
                    of: rate.of,
                }),
                figures: d.spread.as_ref().map(|s| SpreadRecord {
                    agreement: s.agreement.map(|a| a.label()),
                    level: s.mean.level().number(),
                    max: s.max.value(),
                    mean: s.mean.value,
                    median: s.median,
                    min: s.min.value(),
                    std_dev: s.std_dev,
                }),
                name: &dimension(d.index).name,
                scored: d.scored,
            })
            .collect(),
        format: TEAM_FORMAT,
        hr_ld_gaps: view
            .gaps
            .iter()
            .map(|g| GapRecord {
                dimension: dimension(g.index).id.as_str(),
                gap: g.gap,
                hr: mean(&g.hr),
                ld: mean(&g.ld),
            })
            .collect(),
        participants: view.participants,
        plan: TeamPlanRecord {
            actions: plan
                .actions
                .iter()
                .map(|a| TeamActionRecord {
                    dimension: a.dimension.as_str(),
                    horizon: a.horizon,
                    id: a.id,
                    owner: a.owner,
                    text: &a.text,
                })
                .collect(),
            drafted: plan.drafted,
            edited: plan.edited,
            targets: &plan.targets,
        },
        version: VERSION,
        workshop: name,
    };
    // Serialising plain data with string keys cannot fail.
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}

// The team report as written. Every object lists its fields in alphabetical
// order, as the report has always had them (it used to be built as a
// `serde_json::Value`, whose objects sort their keys); plain structs write the
// same file without the `Value` tree, its `json!` building code and the
// `Debug` formatting its `unwrap`s brought into the release build.

#[derive(Serialize)]
struct TeamReport<'a> {
    anonymity_threshold: usize,
    bank: TeamBankRecord<'a>,
    by_role: Vec<RoleCount>,
    by_role_groups: Vec<GroupRecord>,
    by_team_groups: Vec<GroupRecord>,
    dimensions: Vec<TeamDimensionRecord<'a>>,
    format: &'static str,
    hr_ld_gaps: Vec<GapRecord<'a>>,
    participants: usize,
    plan: TeamPlanRecord<'a>,
    version: u32,
    workshop: &'a str,
}

#[derive(Serialize)]
struct TeamBankRecord<'a> {
    fingerprint: String,
    id: &'a str,
    version: u32,
}

#[derive(Serialize)]
struct RoleCount {
    count: usize,
    role: &'static str,
}

#[derive(Serialize)]
struct TeamDimensionRecord<'a> {
    asked: usize,
    dimension: &'a str,
    dont_know: Option<RateRecord>,
    figures: Option<SpreadRecord>,
    name: &'a str,
    scored: usize,
}

#[derive(Serialize)]
struct RateRecord {
    count: usize,
    of: usize,
}

#[derive(Serialize)]
struct SpreadRecord {
    agreement: Option<&'static str>,
    level: u8,
    max: u8,
    mean: f64,
    median: f64,
    min: u8,
    std_dev: f64,
}

#[derive(Serialize)]
struct GapRecord<'a> {
    dimension: &'a str,
    gap: f64,
    hr: MeanRecord,
    ld: MeanRecord,
}

#[derive(Serialize)]
struct MeanRecord {
    mean: f64,
    of: usize,
}

#[derive(Serialize)]
struct GroupRecord {
    figures: Option<GroupFiguresRecord>,
    group: String,
}

#[derive(Serialize)]
struct GroupFiguresRecord {
    means: Vec<Option<f64>>,
    members: usize,
}

#[derive(Serialize)]
struct TeamPlanRecord<'a> {
    actions: Vec<TeamActionRecord<'a>>,
    drafted: bool,
    edited: bool,
    targets: &'a BTreeMap<DimensionId, Level>,
}

#[derive(Serialize)]
struct TeamActionRecord<'a> {
    dimension: &'a str,
    horizon: Horizon,
    id: u32,
    owner: Owner,
    text: &'a str,
}

/// A dimension's row of the team CSV, as its cells: the team's figures,
/// empty where they are hidden, and no action.
pub fn dimension_row(bank: &Bank, d: &DimensionStats) -> [String; 14] {
    let (mean, level, median, min, max, std_dev, agreement) = match &d.spread {
        Some(s) => (
            wording::tenths(s.mean.value),
            wording::level_cell(&Words::english(plain_number), bank, s.mean.level()),
            wording::tenths(s.median),
            s.min.to_string(),
            s.max.to_string(),
            wording::tenths(s.std_dev),
            s.agreement.map_or("", |a| a.label()).to_owned(),
        ),
        None => Default::default(),
    };
    let dont_know = d
        .dont_know
        .and_then(|rate| rate.percent())
        .map_or(String::new(), |p| p.to_string());
    [
        "dimension".to_owned(),
        bank.dimensions()[d.index].name.clone(),
        d.scored.to_string(),
        mean,
        level,
        median,
        min,
        max,
        std_dev,
        agreement,
        dont_know,
        String::new(),
        String::new(),
        String::new(),
    ]
}

/// A workshop's team report as CSV: one row per dimension with the team's
/// figures, then one per action of the team plan. Cells are neutralised as
/// in [`to_csv`](super::to_csv).
pub fn team_csv(bank: &Bank, view: &TeamView, plan: &ActionPlan) -> String {
    let mut csv = String::from('\u{feff}');
    push_row(
        &mut csv,
        &[
            "row",
            "dimension",
            "participants",
            "mean",
            "level",
            "median",
            "min",
            "max",
            "std_dev",
            "agreement",
            "dont_know_percent",
            "action",
            "owner",
            "when",
        ],
    );
    for d in &view.dimensions {
        let row = dimension_row(bank, d);
        push_row(&mut csv, &row.each_ref().map(String::as_str));
    }
    for action in &plan.actions {
        let name = bank
            .dimension(&action.dimension)
            .map_or(action.dimension.as_str(), |d| d.name.as_str());
        push_row(
            &mut csv,
            &[
                "action",
                name,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                &action.text,
                action.owner.label(),
                action.horizon.label(),
            ],
        );
    }
    csv
}
