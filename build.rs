//! Compiles the standard question bank in without the indentation people
//! read and edit it with: the whitespace between JSON tokens goes (strings
//! are copied as they are), 6 KB less in the module a first visit downloads.
//! src/assessment/bank/ parses the result, and its tests check it.

use std::path::PathBuf;

const BANK: &str = "src/assessment/standard.json";

fn main() {
    println!("cargo::rerun-if-changed={BANK}");
    let text = std::fs::read_to_string(BANK).unwrap_or_else(|e| panic!("cannot read {BANK}: {e}"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("Cargo sets OUT_DIR"));
    let target = out.join("standard.json");
    std::fs::write(&target, without_whitespace(&text))
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", target.display()));
}

/// `json` without whitespace outside its strings.
fn without_whitespace(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_ascii_whitespace() {
            out.push(c);
        }
    }
    out
}
