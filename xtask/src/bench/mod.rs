//! `cargo xtask bench`: the release build's sizes and Tandem's speed, as
//! figures. The native half (`cargo bench --bench workshop`) and the browser
//! half (`e2e/bench.js`) print them; nothing passes or fails on a figure.
//!
//! With `--write`, both halves also hand their figures over as JSON and
//! `page.rs` writes them into `docs/benchmarks.md`, with the machine
//! (`machine.rs`) and the date, so that a new measurement is one generated
//! commit.

mod json;
mod machine;
mod page;

use std::fs;
use std::path::Path;
use std::time::Instant;

use crate::process::{run, since};
use crate::steps::{e2e_ready, npm_ci, trunk_release};
use crate::tools;
use crate::workspace::Workspace;

use json::Json;
use machine::Machine;

/// Where `--write` puts the figures, from the repository's root.
const PAGE: &str = "docs/benchmarks.md";

/// Whether the figures are only printed or also written to [`PAGE`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Figures {
    Print,
    Write,
}

pub fn bench(ws: &Workspace, figures: Figures) -> Result<(), String> {
    let start = Instant::now();
    tools::ensure_build_tools(ws)?;
    let browser = tools::ensure_browser_tools(ws)?;
    trunk_release(ws)?;
    let load_before = machine::load_average();

    // The native half writes the rooms of codes the browser half pastes, and
    // its own figures as native.json.
    let codes = std::env::temp_dir().join("tandem-bench-codes");
    fs::create_dir_all(&codes).map_err(|e| format!("cannot create {}: {e}", codes.display()))?;
    println!("\n[bench] native: cargo bench --bench workshop (release profile)...");
    run(
        ws.cargo()
            .args([
                "bench",
                "--quiet",
                "--bench",
                "workshop",
                "--",
                "--write-codes",
            ])
            .arg(&codes)
            // As in the release build just before, so this build reuses the
            // macros that one compiled for this machine: proc-macro2's build
            // script, and everything after it, reruns when the variable changes.
            .env("RUSTC_BOOTSTRAP", "1"),
        "read the error above; `cargo bench --bench workshop` runs the native half alone",
    )?;

    let e2e = e2e_ready(ws)?;
    // Lighthouse, which only the benchmark runs, apart from the tests' own.
    npm_ci(ws, "tools/lighthouse")?;
    let record = codes.join("browser.json");
    println!("\n[bench] browser: headless Chromium against dist/ (a few minutes)...");
    let mut node = ws.command("node");
    node.arg(e2e.join("bench.js"))
        .env("TANDEM_DIST", ws.dist())
        .env("TANDEM_CODES", &codes)
        .env("CHROMIUM", &browser.chromium);
    if figures == Figures::Write {
        // Every part, so that the page has every figure.
        node.env("TANDEM_BENCH_JSON", &record)
            .env_remove("TANDEM_BENCH");
    }
    run(
        &mut node,
        "read the error above; `TANDEM_DIST=$PWD/dist TANDEM_CODES=... node e2e/bench.js` \
         runs the browser half alone",
    )?;
    if figures == Figures::Write {
        write_page(ws, &codes.join("native.json"), &record, load_before)?;
    }
    println!("\n[bench] finished in {}", since(start));
    Ok(())
}

/// Writes [`PAGE`] from the two halves' records.
fn write_page(
    ws: &Workspace,
    native: &Path,
    browser: &Path,
    load_before: Option<f64>,
) -> Result<(), String> {
    let read = |path: &Path| {
        fs::read_to_string(path)
            .map_err(|e| {
                format!(
                    "cannot read the benchmark's figures {}: {e}",
                    path.display()
                )
            })
            .and_then(|text| Json::parse(&text).map_err(|e| format!("{}: {e}", path.display())))
    };
    let (native, browser) = (read(native)?, read(browser)?);
    let machine = Machine::describe(ws, load_before);
    let date = machine::today();
    let text = page::page(&page::Run {
        date: &date,
        machine: &machine,
        browser: &browser,
        native: &native,
    })
    .map_err(|e| format!("cannot write {PAGE}: {e}"))?;
    let path = ws.root.join(PAGE);
    fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("\n[bench] wrote {PAGE}; commit it on its own (\"Benchmarks: ...\")");
    Ok(())
}
