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

use serde_json::{json, Value};
use std::path::Path;
use tandem::assessment::{Answer, Bank, Mode, Progress, Role};

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

/// Each language's words as the screens show them: its messages (the form
/// that counts nothing) and the standard questions in it, read from the
/// files the build ships.
#[test]
fn languages() {
    use tandem::assessment::language::{Key, Language, Translation, Words};
    let plain = tandem::assessment::language::plain_number;
    let fixture: serde_json::Map<String, Value> = Language::ALL
        .into_iter()
        .map(|language| {
            let words = match language.file() {
                None => Words::english(plain),
                Some(file) => {
                    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                        .join("locales")
                        .join(file.trim_start_matches("lang/"));
                    let text = std::fs::read_to_string(&path).unwrap();
                    Words::new(std::rc::Rc::new(Translation::read(language, &text).unwrap()), plain)
                }
            };
            let bank = words.bank(Bank::standard()).unwrap_or_else(|| Bank::standard().clone());
            let messages: serde_json::Map<String, Value> = Key::all()
                .map(|key| (key.name().to_owned(), json!(words.get(key))))
                .collect();
            let dimensions: Vec<Value> = bank
                .dimensions()
                .iter()
                .map(|d| {
                    json!({
                        "id": d.id.as_str(),
                        "name": d.name,
                        "statements": d.statements.iter().map(|s| json!({"id": s.id.as_str(), "text": s.text})).collect::<Vec<_>>(),
                    })
                })
                .collect();
            let value = json!({
                "name": language.name(),
                "rtl": language.right_to_left(),
                "messages": messages,
                "bank": { "title": bank.title(), "dimensions": dimensions },
                "team": team_picture(&words, &bank),
            });
            (language.code().to_owned(), value)
        })
        .collect();
    let mut fixture = fixture;
    fixture.insert(
        "room".to_owned(),
        Value::Array(
            MIXED_ROOM
                .iter()
                .map(|(language, role, answer)| {
                    json!({ "language": language.code(), "role": role_name(*role), "answer": answer_name(*answer) })
                })
                .collect(),
        ),
    );
    check("languages.json", &Value::Object(fixture));
}

/// The mixed-language room: who answers in which language, as whom, and
/// the one answer they give to every statement of the quick assessment.
const MIXED_ROOM: [(tandem::assessment::language::Language, Role, Answer); 3] = {
    use tandem::assessment::language::Language;
    [
        (Language::French, Role::Hr, Answer::Agree),
        (
            Language::German,
            Role::LearningAndDevelopment,
            Answer::Disagree,
        ),
        (Language::Arabic, Role::LineManager, Answer::StronglyAgree),
    ]
};

/// The message key's last part for `role` (`role.hr` → `hr`).
fn role_name(role: Role) -> &'static str {
    role.key().name().trim_start_matches("role.")
}

/// The message key's last part for `answer` (`answer.agree` → `agree`).
fn answer_name(answer: Answer) -> &'static str {
    answer.key().name().trim_start_matches("answer.")
}

/// The mixed-language room's team picture as a facilitator reading `words`
/// sees it: the headline, the head count and the team table's rows
/// (dimension, mean, level, median, range, spread, agreement, don't know).
fn team_picture(words: &tandem::assessment::language::Words, bank: &Bank) -> Value {
    use tandem::assessment::wording;
    use tandem::assessment::workshop::{TeamView, DEFAULT_ANONYMITY_THRESHOLD};
    let room: Vec<Progress> = MIXED_ROOM
        .iter()
        .map(|(_, role, answer)| {
            let mut progress = Progress::new(Mode::Quick);
            progress.choose_role(*role);
            for statement in bank.dimensions().iter().flat_map(|d| &d.statements) {
                progress.answer(bank, &statement.id, *answer);
            }
            progress
        })
        .collect();
    let threshold = DEFAULT_ANONYMITY_THRESHOLD;
    let view = TeamView::of(bank, Mode::Quick, &room, threshold, str::to_lowercase);
    let rows: Vec<Vec<String>> = view
        .dimensions
        .iter()
        .map(|d| {
            let mut row = vec![bank.dimensions()[d.index].name.clone()];
            match &d.spread {
                Some(spread) => row.extend(wording::team_cells(words, bank, spread)),
                None => row.push(wording::hidden(words, d.figure, threshold)),
            }
            row.push(wording::rate(words, d.dont_know));
            row
        })
        .collect();
    json!({
        "headline": wording::team_line(words, bank, &view.report().overall),
        "headcount": wording::team_headcount(words, &view),
        "rows": rows,
    })
}
