//! Compiles the standard question bank in without the indentation people
//! read and edit it with: the whitespace between JSON tokens goes (strings
//! are copied as they are), 6 KB less in the module a first visit downloads.
//! src/assessment/bank/ parses the result, and its tests check it.
//!
//! It also turns the English messages (src/assessment/language/en.json)
//! into the app's table of messages and their keys, and reads every language
//! Tandem ships (locales/*.json) by the rules the app reads them with
//! (src/assessment/language/rules.rs): a language that misses a message or
//! breaks one stops the build, naming the message. Each language file's
//! SHA-256 goes into the app, which checks a fetched file against it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/assessment/language/rules.rs"]
mod rules;

const BANK: &str = "src/assessment/standard.json";
const ENGLISH: &str = "src/assessment/language/en.json";
const LOCALES: &str = "locales";
/// The languages Tandem ships beside English, as `Language` lists them.
const SHIPPED: [&str; 4] = ["de", "fr", "es", "ar"];
/// The messages the first screen may show, by the start of their keys: the
/// landing page, on its own or embedded, its header and footer, what it
/// says when it cannot save, and the recovery screen, which must never need
/// the rest, since it is shown when Tandem has failed. Their English stays in the module a first visit
/// downloads; every other message's English is read through a function
/// that the split moves to the rest, with the text it reads
/// (`Key::english_form`). A key missing here costs only speed: the landing
/// page then loads the rest early to show it, which the end-to-end tests
/// catch.
const FIRST_SCREEN: [&str; 10] = [
    "app.",
    "contact.",
    "frame.",
    "landing.",
    "language.",
    "mode.",
    "nav.",
    "recovery.",
    "saving.",
    "title.",
];

fn main() {
    println!("cargo::rerun-if-changed={BANK}");
    println!("cargo::rerun-if-changed={ENGLISH}");
    println!("cargo::rerun-if-changed={LOCALES}");
    let text = read(BANK);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("Cargo sets OUT_DIR"));
    write(&out.join("standard.json"), &without_whitespace(&text));
    write(&out.join("messages.rs"), &messages());
    // The link map, where `cargo xtask` asks for it: the splitter reads
    // from it which bytes of data make up each constant (tools/wasm-split).
    println!("cargo::rerun-if-env-changed=TANDEM_LINK_MAP");
    if let Some(map) = std::env::var_os("TANDEM_LINK_MAP") {
        if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
            println!(
                "cargo::rustc-link-arg-bin=tandem=--Map={}",
                Path::new(&map).display()
            );
        }
    }
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn write(target: &Path, text: &str) {
    std::fs::write(target, text)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", target.display()));
}

/// The generated table: each message's `Key`, its name, its English forms,
/// and each shipped language file's SHA-256.
fn messages() -> String {
    let english: serde_json::Value = serde_json::from_str(&read(ENGLISH))
        .unwrap_or_else(|e| panic!("{ENGLISH} is not JSON: {e}"));
    let Some(object) = english.as_object() else {
        panic!("{ENGLISH} must be an object of messages");
    };
    let keys: Vec<(&str, Vec<(&str, &str)>)> = object
        .iter()
        .map(|(name, value)| {
            let forms = match value {
                serde_json::Value::String(text) => vec![("other", text.as_str())],
                serde_json::Value::Object(forms) => {
                    let forms: Vec<(&str, &str)> = forms
                        .iter()
                        .map(|(form, text)| (form.as_str(), text.as_str().unwrap_or_default()))
                        .collect();
                    assert!(
                        forms.len() == 2 && forms.iter().any(|f| f.0 == "one") && forms.iter().any(|f| f.0 == "other"),
                        "{ENGLISH}: \"{name}\" counts something, so it has the forms \"one\" and \"other\""
                    );
                    forms
                }
                _ => panic!("{ENGLISH}: \"{name}\" must be text or its plural forms"),
            };
            (name.as_str(), forms)
        })
        .collect();
    let mut problems = Vec::new();
    let (_, found) = rules::read_messages("en", &english, &keys);
    problems.extend(
        found
            .into_iter()
            .map(|(at, why)| format!("{ENGLISH}: {at}: {why}")),
    );

    let mut code = String::from("// Written by build.rs from src/assessment/language/en.json.\n\n");
    code.push_str("impl Key {\n");
    let mut names = Vec::new();
    for (index, (name, _)) in keys.iter().enumerate() {
        let constant: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_uppercase()
                } else {
                    '_'
                }
            })
            .collect();
        assert!(
            !names.contains(&constant),
            "{ENGLISH}: two keys are both {constant}"
        );
        writeln!(code, "    pub const {constant}: Key = Key({index});").unwrap();
        names.push(constant);
    }
    code.push_str("}\n\n");
    writeln!(
        code,
        "pub(super) const NAMES: [&str; {}] = {:?};\n",
        keys.len(),
        keys.iter().map(|k| k.0).collect::<Vec<_>>()
    )
    .unwrap();
    // The English texts one after another, the first screen's and then the
    // others' (two texts, so that the split can move the second), and where
    // each message's forms lie in them, counted through both: two offsets a
    // message rather than two pointers a form, which keeps the first module
    // small. The keys stay in the order of their names, which is the order
    // a shipped file is read in.
    let first = |name: &str| FIRST_SCREEN.iter().any(|start| name.starts_with(start));
    let mut texts = [String::new(), String::new()];
    let mut at = vec![[0; 3]; keys.len()];
    for part in [true, false] {
        for (index, (name, forms)) in keys.iter().enumerate() {
            if first(name) != part {
                continue;
            }
            let base = if part { 0 } else { texts[0].len() };
            let text = &mut texts[usize::from(!part)];
            let form = |name: &str| forms.iter().find(|f| f.0 == name).map_or("", |f| f.1);
            let start = base + text.len();
            text.push_str(form("one"));
            let other = base + text.len();
            text.push_str(form("other"));
            at[index] = [start, other, base + text.len()];
        }
    }
    assert!(
        texts[0].len() + texts[1].len() <= usize::from(u16::MAX),
        "{ENGLISH}: the English is too long for u16 offsets"
    );
    writeln!(code, "const FIRST_SCREEN_TEXT: &str = {:?};\n", texts[0]).unwrap();
    // A static of its own, so that the link map names it: the splitter
    // moves it to the rest with the one function that reads it.
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("Cargo sets OUT_DIR"));
    write(&out.join("later-english.txt"), &texts[1]);
    writeln!(
        code,
        "static LATER_ENGLISH: [u8; {}] = *include_bytes!(concat!(env!(\"OUT_DIR\"), \"/later-english.txt\"));\n",
        texts[1].len()
    )
    .unwrap();
    writeln!(
        code,
        "pub(super) const ENGLISH_AT: [[u16; 3]; {}] = {at:?};\n",
        keys.len()
    )
    .unwrap();

    writeln!(
        code,
        "pub(super) const FILES: [(&str, &str); {}] = [",
        SHIPPED.len()
    )
    .unwrap();
    for language in SHIPPED {
        let path = format!("{LOCALES}/{language}.json");
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        let file: serde_json::Value = match serde_json::from_slice(&bytes) {
            Ok(file) => file,
            Err(e) => {
                problems.push(format!("{path}: it is not JSON: {e}"));
                continue;
            }
        };
        let (_, found) = rules::read_messages(language, &file["messages"], &keys);
        problems.extend(
            found
                .into_iter()
                .map(|(at, why)| format!("{path}: {at}: {why}")),
        );
        use sha2::Digest;
        let digest = sha2::Sha256::digest(&bytes);
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        writeln!(code, "    ({language:?}, {hex:?}),").unwrap();
    }
    code.push_str("];\n");
    assert!(
        problems.is_empty(),
        "the languages Tandem ships have problems:\n{}",
        problems.join("\n")
    );
    code
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
