//! The first, fast layer of `cargo xtask test`: the checks that need no
//! build of the app, each failing with what to fix. Formatting and Clippy
//! run as Cargo commands; the domain boundary is read here from the source.
//!
//! The domain boundary: `src/assessment/` is Tandem's framework-free domain
//! (see docs/architecture.md). Nothing in it may name the framework or the
//! browser, and nothing in it may reach them through another module of the
//! crate, so its paths may lead only to the standard library, to the
//! dependencies in [`DOMAIN_CRATES`] and to `crate::assessment` itself.

use std::fs;
use std::path::{Path, PathBuf};

use crate::process::run;
use crate::workspace::Workspace;

/// The app's dependencies that the domain may use: data formats and a hash
/// (a bank's fingerprint), no framework, no browser, no clock, no
/// randomness, no storage.
const DOMAIN_CRATES: [&str; 7] = [
    "std",
    "core",
    "alloc",
    "serde",
    "serde_json",
    "sha2",
    "csv_core",
];

/// The folder that holds the domain, and its module path.
const DOMAIN_DIR: &str = "src/assessment";
const DOMAIN_MODULE: &str = "assessment";

pub fn formatting(ws: &Workspace) -> Result<(), String> {
    run(
        ws.cargo().args(["fmt", "--all", "--check"]),
        "run `cargo fmt --all` and commit the result",
    )
}

/// Clippy over the workspace natively, then over the app for the browser:
/// most of the app's browser code is compiled for wasm32 only.
pub fn lints(ws: &Workspace) -> Result<(), String> {
    let hint = "fix each warning above (Clippy's `help:` lines say how), or allow one \
                with `#[allow(clippy::NAME)]` and a comment that says why";
    run(
        ws.cargo()
            .args(["clippy", "--workspace", "--all-targets", "--quiet", "--"])
            .args(["-D", "warnings"]),
        hint,
    )?;
    run(
        ws.cargo()
            .args([
                "clippy",
                "-p",
                "tandem",
                "--target",
                "wasm32-unknown-unknown",
            ])
            .args(["--quiet", "--", "-D", "warnings"]),
        hint,
    )
}

/// Every path in `src/assessment/` that leaves the domain, listed with its
/// file and line.
pub fn domain_boundary(ws: &Workspace) -> Result<(), String> {
    let dependencies = app_dependencies(&ws.root)?;
    let mut files = Vec::new();
    rust_files(&ws.root.join(DOMAIN_DIR), &mut files)?;
    files.sort();
    let mut found = Vec::new();
    for file in &files {
        let text =
            fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let depth = module_depth(&ws.root.join(DOMAIN_DIR), file);
        let shown = file.strip_prefix(&ws.root).unwrap_or(file).display();
        for breach in breaches(&text, depth, &dependencies) {
            found.push(format!("  {shown}:{}: {}", breach.line, breach.reason));
        }
    }
    if found.is_empty() {
        println!(
            "[test] domain boundary: {} files in {DOMAIN_DIR}/ use only the standard \
             library, {} and the domain itself",
            files.len(),
            DOMAIN_CRATES[3..].join(", ")
        );
        return Ok(());
    }
    Err(format!(
        "{DOMAIN_DIR}/ is the framework-free domain, but it reaches outside it:\n{}\n  \
         hint: keep browser and framework code in src/app/ or a browser-service module \
         (src/storage.rs and the like) and pass the domain what it needs as plain data or \
         a function; a new pure dependency may join DOMAIN_CRATES in xtask/src/gates.rs",
        found.join("\n")
    ))
}

/// The names of the crates the app depends on (Cargo.toml's dependency
/// tables), as Rust code names them: `web-sys` is `web_sys`.
fn app_dependencies(root: &Path) -> Result<Vec<String>, String> {
    let manifest = root.join("Cargo.toml");
    let text = fs::read_to_string(&manifest)
        .map_err(|e| format!("cannot read {}: {e}", manifest.display()))?;
    Ok(dependency_names(&text))
}

fn dependency_names(manifest: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut in_dependencies = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_dependencies = line.trim_matches(['[', ']']).ends_with("dependencies");
            continue;
        }
        if !in_dependencies {
            continue;
        }
        let Some((key, _)) = line.split_once('=') else {
            continue;
        };
        let key = key.trim();
        if !key.is_empty()
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            names.push(key.replace('-', "_"));
        }
    }
    names
}

pub(crate) fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            rust_files(&path, files)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    Ok(())
}

/// How many modules below `crate::assessment` a file's module sits:
/// `mod.rs` is 0, `scoring.rs` 1, `workshop/tally.rs` 2.
fn module_depth(domain: &Path, file: &Path) -> usize {
    let relative = file.strip_prefix(domain).unwrap_or(file);
    let parts = relative.components().count();
    let is_mod = relative.file_name().is_some_and(|n| n == "mod.rs");
    if is_mod {
        parts - 1
    } else {
        parts
    }
}

#[derive(Debug, PartialEq)]
struct Breach {
    line: usize,
    reason: String,
}

/// The paths in one domain file that leave the domain. `depth` is the
/// file's [`module_depth`]; inline `mod` blocks add to it where they open.
fn breaches(source: &str, depth: usize, dependencies: &[String]) -> Vec<Breach> {
    let code = code_only(source);
    let tokens = tokens(&code);
    let mut found = Vec::new();
    // Inline modules open and close with braces: the depth at each brace.
    let mut braces: Vec<bool> = Vec::new();
    let mut inline_modules = 0;
    let mut i = 0;
    while i < tokens.len() {
        let (line, token) = tokens[i];
        match token {
            "{" => {
                let opens_module = i >= 2 && tokens[i - 2].1 == "mod";
                inline_modules += usize::from(opens_module);
                braces.push(opens_module);
            }
            "}" if braces.pop() == Some(true) => inline_modules -= 1,
            _ => {}
        }
        // A path starts at a name not preceded by `::` (or at a leading `::`).
        let after_separator = i > 0 && tokens[i - 1].1 == "::";
        let leading = token == "::" && !(i > 0 && is_name(tokens[i - 1].1));
        if leading && i + 1 < tokens.len() {
            let name = tokens[i + 1].1;
            if !DOMAIN_CRATES.contains(&name) && is_name(name) {
                found.push(Breach {
                    line,
                    reason: format!("`::{name}` is a crate outside the domain"),
                });
            }
            i += 2;
            continue;
        }
        if is_name(token) && !after_separator {
            let next = tokens.get(i + 1).map(|t| t.1);
            let is_path = next == Some("::");
            let is_use = i > 0 && tokens[i - 1].1 == "use";
            let is_extern = i > 1 && tokens[i - 1].1 == "crate" && tokens[i - 2].1 == "extern";
            if is_path || is_use || is_extern {
                if let Some(reason) =
                    leaves_domain(&tokens[i..], depth + inline_modules, dependencies)
                {
                    found.push(Breach { line, reason });
                }
            }
        }
        i += 1;
    }
    found
}

/// Why the path starting at `path[0]` leaves the domain, if it does.
fn leaves_domain(path: &[(usize, &str)], depth: usize, dependencies: &[String]) -> Option<String> {
    let first = path[0].1;
    let segment = |n: usize| {
        path.get(2 * n)
            .map(|t| t.1)
            .filter(|_| (1..=n).all(|k| path.get(2 * k - 1).map(|t| t.1) == Some("::")))
    };
    match first {
        "crate" => match segment(1) {
            Some(DOMAIN_MODULE) | None | Some("{") => (segment(1) == Some("{"))
                .then(|| "`crate::{...}` must name only `crate::assessment`".to_string()),
            Some(other) => Some(format!(
                "`crate::{other}` is outside the domain (only `crate::{DOMAIN_MODULE}` is inside)"
            )),
        },
        "super" => {
            let climbs = (0..).take_while(|&n| segment(n) == Some("super")).count();
            (climbs > depth).then(|| {
                let shown = vec!["super"; climbs].join("::");
                format!("`{shown}` climbs out of {DOMAIN_DIR}/")
            })
        }
        name if DOMAIN_CRATES.contains(&name) => None,
        name if dependencies.iter().any(|d| d == name) => Some(format!(
            "`{name}` is a dependency the domain may not use (allowed: {})",
            DOMAIN_CRATES.join(", ")
        )),
        _ => None,
    }
}

fn is_name(token: &str) -> bool {
    token
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// The source with comments, strings and character literals blanked out
/// (line breaks kept, so line numbers hold): a path named in a comment or a
/// message is no breach.
fn code_only(source: &str) -> String {
    let bytes = source.as_bytes();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    let blank = |out: &mut String, text: &str| {
        for c in text.chars() {
            out.push(if c == '\n' { '\n' } else { ' ' });
        }
    };
    while i < bytes.len() {
        let rest = &source[i..];
        let skipped = if rest.starts_with("//") {
            rest.find('\n').unwrap_or(rest.len())
        } else if rest.starts_with("/*") {
            block_comment_len(rest)
        } else if let Some(len) = raw_string_len(rest) {
            len
        } else if rest.starts_with('"') {
            quoted_len(rest, '"')
        } else if rest.starts_with('\'') {
            char_literal_len(rest)
        } else {
            0
        };
        if skipped > 0 {
            blank(&mut out, &rest[..skipped]);
            i += skipped;
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

fn block_comment_len(text: &str) -> usize {
    let mut depth = 0;
    let mut i = 0;
    while i < text.len() {
        if text[i..].starts_with("/*") {
            depth += 1;
            i += 2;
        } else if text[i..].starts_with("*/") {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    text.len()
}

/// `r"..."`, `r#"..."#` and `br"..."`.
fn raw_string_len(text: &str) -> Option<usize> {
    let body = text.strip_prefix("br").or_else(|| text.strip_prefix('r'))?;
    let hashes = body.len() - body.trim_start_matches('#').len();
    let body = body[hashes..].strip_prefix('"')?;
    let end = format!("\"{}", "#".repeat(hashes));
    let close = body.find(&end)?;
    Some(text.len() - body.len() + close + end.len())
}

fn quoted_len(text: &str, quote: char) -> usize {
    let mut chars = text.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        if c == '\\' {
            chars.next();
        } else if c == quote {
            return i + 1;
        }
    }
    text.len()
}

/// A character literal (`'a'`, `'\n'`, `'\u{1F600}'`), but not a lifetime
/// (`'a`), which is code.
fn char_literal_len(text: &str) -> usize {
    let mut chars = text.char_indices().skip(1);
    match chars.next() {
        Some((_, '\\')) => quoted_len(text, '\''),
        Some((_, _)) => match chars.next() {
            Some((i, '\'')) => i + 1,
            _ => 0,
        },
        None => 0,
    }
}

/// Names, `::`, and single punctuation marks, each with its line.
fn tokens(code: &str) -> Vec<(usize, &str)> {
    let mut tokens = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < code.len() {
        let rest = &code[i..];
        let c = rest.chars().next().unwrap_or(' ');
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += c.len_utf8();
        } else if rest.starts_with("::") {
            tokens.push((line, "::"));
            i += 2;
        } else if c.is_alphanumeric() || c == '_' {
            let len = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            // `r#name` is the name.
            tokens.push((line, &rest[..len]));
            i += len;
        } else {
            tokens.push((line, &rest[..c.len_utf8()]));
            i += c.len_utf8();
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deps() -> Vec<String> {
        dependency_names(
            "[package]\nname = \"tandem\"\n\n[dependencies]\nyew = { version = \"0.23\" }\n\
             serde = \"1\"\nserde_json = \"1\"\njs-sys = \"0.3\"\nweb-sys = { version = \"0.3\", features = [\n  \"Window\",\n] }\n\
             gloo-timers = \"0.3\"\n\n[dev-dependencies]\nproptest = \"1\"\n\n[profile.release]\nlto = true\n",
        )
    }

    fn reasons(source: &str, depth: usize) -> Vec<(usize, String)> {
        breaches(source, depth, &deps())
            .into_iter()
            .map(|b| (b.line, b.reason))
            .collect()
    }

    #[test]
    fn reads_the_dependency_names_as_code_writes_them() {
        assert_eq!(
            deps(),
            [
                "yew",
                "serde",
                "serde_json",
                "js_sys",
                "web_sys",
                "gloo_timers",
                "proptest"
            ]
        );
    }

    #[test]
    fn the_domains_own_paths_pass() {
        let source = "//! Scoring.\nuse std::fmt;\nuse serde::Deserialize;\n\
                      use crate::assessment::bank::Bank;\nuse super::answer::Answer;\n\
                      fn f() -> serde_json::Value { fmt::format(format_args!(\"\")); todo!() }\n\
                      mod tests { use super::*; use super::super::bank; }\n";
        assert_eq!(reasons(source, 1), []);
    }

    #[test]
    fn the_framework_and_the_browser_are_named_with_their_lines() {
        let source =
            "use std::fmt;\nuse yew::prelude::*;\n\nfn now() -> f64 { js_sys::Date::now() }\n\
                      fn f() { let w = ::web_sys::window(); }\nuse gloo_timers as timers;\n";
        let found = reasons(source, 1);
        let lines: Vec<usize> = found.iter().map(|(line, _)| *line).collect();
        assert_eq!(lines, [2, 4, 5, 6], "{found:?}");
        assert!(found[0].1.contains("`yew`"));
    }

    #[test]
    fn a_helper_module_of_the_crate_is_a_way_out() {
        let found = reasons(
            "fn key(t: &str) -> String { crate::text::lowercase(t) }\n",
            1,
        );
        assert_eq!(found.len(), 1);
        assert!(found[0].1.contains("crate::text"), "{found:?}");
        assert_eq!(
            reasons("use crate::{assessment::Bank, storage};\n", 1).len(),
            1
        );
        // From src/assessment/scoring.rs, `super::super` is the crate root.
        assert_eq!(reasons("use super::super::page;\n", 1).len(), 1);
        assert_eq!(reasons("use super::page;\n", 0).len(), 1);
        assert_eq!(reasons("use super::tally;\n", 2), []);
    }

    #[test]
    fn comments_strings_and_lifetimes_are_not_code() {
        let source = "// yew::Html would be wrong here\n/* web_sys::Window /* nested */ */\n\
                      const S: &str = \"js_sys::Date\";\nconst R: &str = r#\"crate::page\"#;\n\
                      fn f<'a>(x: &'a str) -> char { let _ = 'y'; '\\'' }\n";
        assert_eq!(reasons(source, 1), []);
    }

    #[test]
    fn local_names_that_match_no_dependency_pass() {
        // `fmt::` after `use std::fmt`, an enum's variants, a module's items.
        let source = "use std::fmt;\nimpl fmt::Display for Level {}\nfn f() { Level::Siloed; code::decode(); }\n";
        assert_eq!(reasons(source, 1), []);
    }

    #[test]
    fn module_depth_counts_folders_and_mod_files() {
        let domain = Path::new("/r/src/assessment");
        assert_eq!(module_depth(domain, &domain.join("mod.rs")), 0);
        assert_eq!(module_depth(domain, &domain.join("scoring.rs")), 1);
        assert_eq!(module_depth(domain, &domain.join("workshop/mod.rs")), 1);
        assert_eq!(module_depth(domain, &domain.join("workshop/tally.rs")), 2);
    }
}
