//! What the end-to-end journeys click and what the screen must then show,
//! written here from the domain so that no test script encodes a code or
//! works a figure out by itself: the answer sets the journeys take with the
//! rows, cards, overall lines and plans of their results, and rooms of
//! participants with the figures of the workshop's team view.
//!
//! Each fixture is a file in `e2e/fixtures/`. Each test here builds one
//! afresh and fails when the committed file differs; `TANDEM_WRITE_FIXTURES=1
//! cargo test --test e2e_fixtures` writes them again (after a change to the
//! standard bank, the scoring, the plan, the code format or the team view),
//! to be committed with that change.

mod answers;
mod results;
mod rooms;
mod shown;

use serde_json::Value;
use std::path::Path;
use tandem::assessment::Bank;

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

/// The pages of each mode: which dimensions it asks, in order.
#[test]
fn modes() {
    check("modes.json", &results::modes(Bank::standard()));
}

/// Every answer set a journey takes, with what its results page shows.
#[test]
fn results_of_the_journeys() {
    check("results.json", &results::fixture(Bank::standard()));
}

/// Five HR, three L&D and one line manager, codes to paste: L&D hidden too.
#[test]
fn five_hr_three_ld_and_one_line_manager() {
    check(
        "five-three-one.json",
        &rooms::five_three_one(Bank::standard()),
    );
}

/// The facilitator's room of six, each person's answers and the team's
/// figures, exports and plan.
#[test]
fn room_of_six() {
    check("room-of-six.json", &rooms::room_of_six(Bank::standard()));
}

/// Two HR above two L&D, compared at a threshold of 2.
#[test]
fn hr_above_ld() {
    check("hr-above-ld.json", &rooms::hr_above_ld(Bank::standard()));
}
