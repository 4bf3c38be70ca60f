//! A small bank for tests whose expected figures are worked out by hand:
//! two core dimensions and two extended ones, with a reverse-scored
//! statement and one that offers "Not applicable".

#![allow(dead_code)]

use serde_json::{json, Value};
use std::collections::BTreeMap;
use tandem::assessment::{Answer, Bank, StatementId};

pub mod config;
pub mod sample;
pub mod subtraction;

/// Guidance for five levels, as every dimension needs.
fn guidance() -> Value {
    json!((1..=5)
        .map(|level| json!({"level": level, "next": format!("Next step from {level}"), "practices": ["Do one thing", "Do another"]}))
        .collect::<Vec<_>>())
}

/// The small bank as JSON, so tests can damage it.
pub fn mini_bank_json() -> Value {
    json!({
        "id": "mini",
        "version": 1,
        "title": "Mini bank",
        "levels": [
            {"name": "Siloed", "summary": "s1"},
            {"name": "Aware", "summary": "s2"},
            {"name": "Cooperating", "summary": "s3"},
            {"name": "Collaborating", "summary": "s4"},
            {"name": "Integrated", "summary": "s5"}
        ],
        "dimensions": [
            {"id": "alpha", "name": "Alpha", "summary": "First", "core": true,
             "statements": [
                {"id": "alpha.one", "text": "A1"},
                {"id": "alpha.two", "text": "A2"},
                {"id": "alpha.three", "text": "A3", "reverse": true},
                {"id": "alpha.four", "text": "A4", "not_applicable": true}
             ],
             "guidance": guidance()},
            {"id": "beta", "name": "Beta", "summary": "Second", "core": true,
             "statements": [
                {"id": "beta.one", "text": "B1"},
                {"id": "beta.two", "text": "B2"}
             ],
             "guidance": guidance()},
            {"id": "gamma", "name": "Gamma", "summary": "Third", "core": false,
             "statements": [
                {"id": "gamma.one", "text": "G1"},
                {"id": "gamma.two", "text": "G2"}
             ],
             "guidance": guidance()},
            {"id": "delta", "name": "Delta", "summary": "Fourth", "core": false,
             "statements": [
                {"id": "delta.one", "text": "D1"},
                {"id": "delta.two", "text": "D2"}
             ],
             "guidance": guidance()}
        ]
    })
}

pub fn mini_bank() -> Bank {
    Bank::parse(&mini_bank_json().to_string()).expect("the test bank is valid")
}

/// Answers from `(statement id, answer)` pairs.
pub fn answers(pairs: &[(&str, Answer)]) -> BTreeMap<StatementId, Answer> {
    pairs
        .iter()
        .map(|(id, a)| (StatementId::from(*id), *a))
        .collect()
}

/// Every answer a statement can have.
pub const ALL_ANSWERS: [Answer; 7] = Answer::ALL;
