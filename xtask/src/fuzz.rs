//! `cargo xtask fuzz`: every fuzz target in fuzz/ for a while each, with
//! libFuzzer through cargo-fuzz, and a summary of how many inputs each ran.
//!
//! The targets are Tandem's readers of untrusted input (fuzz/checks.rs says
//! what each one asserts). cargo-fuzz needs the compiler's unstable sanitizer
//! flags; `RUSTC_BOOTSTRAP=1` lets the stable toolchain take them, so no
//! nightly toolchain has to be downloaded.
//!
//! A crash stops the run and names the file libFuzzer wrote; kept in
//! fuzz/regressions/TARGET/, a plain `cargo test` replays it for good
//! (tests/fuzz_regressions.rs).

use std::fs;
use std::path::Path;
use std::process::Stdio;
use std::time::Instant;

use crate::process::{describe, exit_failure, since, start_failure};
use crate::toolchain;
use crate::tools;
use crate::workspace::Workspace;

/// The fuzz targets in fuzz/fuzz_targets, in the order they run.
pub const TARGETS: [&str; 6] = [
    "result_code",
    "pasted_codes",
    "json_import",
    "saved_progress",
    "bank",
    "configuration",
];

pub fn fuzz(ws: &Workspace, seconds: u32) -> Result<(), String> {
    let start = Instant::now();
    toolchain::ensure_pinned_compiler(ws)?;
    tools::ensure_cargo_fuzz(ws)?;
    toolchain::ensure_fuzz_dependencies(ws)?;
    let fuzz = ws.root.join("fuzz");
    let mut ran = Vec::new();
    for target in TARGETS {
        println!("\n[fuzz] {target}: {seconds} s (the first run also builds it with sanitizers, a few minutes)...");
        let corpus = fuzz.join("corpus").join(target);
        fs::create_dir_all(&corpus)
            .map_err(|e| format!("cannot create {}: {e}", corpus.display()))?;
        let log = fuzz.join("artifacts").join(format!("{target}.log"));
        fs::create_dir_all(log.parent().unwrap_or(&fuzz))
            .map_err(|e| format!("cannot create the folder of {}: {e}", log.display()))?;
        let log_file =
            fs::File::create(&log).map_err(|e| format!("cannot write {}: {e}", log.display()))?;
        let mut command = ws.cargo();
        command
            .args(["fuzz", "run", target])
            .arg(&corpus)
            .arg(fuzz.join("seeds").join(target))
            .args([
                "--",
                &format!("-max_total_time={seconds}"),
                "-print_final_stats=1",
            ])
            .env("RUSTC_BOOTSTRAP", "1")
            .stdout(Stdio::inherit())
            .stderr(log_file);
        let shown = describe(&command);
        let status = command
            .status()
            .map_err(|e| start_failure(&shown, &e, "is cargo-fuzz installed? see above"))?;
        let output = fs::read_to_string(&log).unwrap_or_default();
        if !status.success() {
            let hint = match crash_file(&output) {
                Some(file) => format!(
                    "{target} crashed (the log is {}); the input is {file}. Reproduce it with \
                     `RUSTC_BOOTSTRAP=1 cargo fuzz run {target} {file}`, fix the cause, then \
                     copy the file into fuzz/regressions/{target}/ so `cargo test` replays it",
                    log.display()
                ),
                None => format!(
                    "read {} for libFuzzer's or the compiler's output",
                    log.display()
                ),
            };
            return Err(exit_failure(&shown, status, &hint));
        }
        let runs = executions(&output).ok_or_else(|| {
            format!(
                "{target} finished but its log ({}) does not say how many inputs it ran",
                log.display()
            )
        })?;
        println!("[fuzz] {target}: {runs} executions, no crash");
        ran.push((target, runs));
    }
    println!(
        "\n[fuzz] every target ran without a crash, {seconds} s each, in {}:",
        since(start)
    );
    for (target, runs) in ran {
        println!("  {target:<15} {runs:>12} executions");
    }
    Ok(())
}

/// libFuzzer's final count of inputs run (`-print_final_stats=1`).
fn executions(log: &str) -> Option<u64> {
    log.lines()
        .find_map(|line| line.strip_prefix("stat::number_of_executed_units:"))
        .and_then(|count| count.trim().parse().ok())
}

/// Where libFuzzer wrote the input that crashed a target.
fn crash_file(log: &str) -> Option<&str> {
    log.lines()
        .find_map(|line| line.split_once("Test unit written to "))
        .map(|(_, file)| file.trim())
        .filter(|file| Path::new(file).file_name().is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_final_statistics_give_the_executions() {
        let log = "Done 886700 runs in 21 second(s)\n\
                   stat::number_of_executed_units: 886700\n\
                   stat::average_exec_per_sec:     42223\n";
        assert_eq!(executions(log), Some(886_700));
        assert_eq!(executions("Done 5 runs"), None);
    }

    #[test]
    fn a_crash_names_its_input() {
        let log = "==1== ERROR: libFuzzer: deadly signal\n\
                   artifact_prefix='/w/fuzz/artifacts/bank/'; Test unit written to \
                   /w/fuzz/artifacts/bank/crash-0a1b\nBase64: AAA=\n";
        assert_eq!(crash_file(log), Some("/w/fuzz/artifacts/bank/crash-0a1b"));
        assert_eq!(crash_file("nothing here"), None);
    }
}
