//! `cargo xtask fuzz`: every fuzz target in fuzz/ (or the one `--target`
//! names) for a while each, with libFuzzer through cargo-fuzz, and a summary
//! of how many inputs each ran, how fast, and the corpus it ended with.
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

/// A fuzz target in fuzz/fuzz_targets.
pub struct Target {
    /// Its name, which is also the name of its folders in fuzz/.
    pub name: &'static str,
    /// The longest input libFuzzer may make, in bytes, for a reader that
    /// takes large inputs, and from the start: libFuzzer otherwise keeps to
    /// the longest seed for as long as it finds new coverage, which in ten
    /// minutes is the whole run. `None` leaves libFuzzer's default (the
    /// longest seed, at least 4,096 bytes, growing slowly).
    max_len: Option<usize>,
}

/// Inputs up to a mebibyte: a 640 × 480 camera frame is 307,200 bytes, and
/// the workshop reads pastes up to 2 MB.
const LARGE: Option<usize> = Some(1 << 20);

/// The fuzz targets in fuzz/fuzz_targets, in the order they run.
pub const TARGETS: [Target; 8] = [
    Target {
        name: "result_code",
        max_len: None,
    },
    Target {
        name: "pasted_codes",
        max_len: None,
    },
    Target {
        name: "json_import",
        max_len: None,
    },
    Target {
        name: "saved_progress",
        max_len: None,
    },
    Target {
        name: "bank",
        max_len: None,
    },
    Target {
        name: "configuration",
        max_len: None,
    },
    Target {
        name: "custom_bank_code",
        max_len: LARGE,
    },
    Target {
        name: "qr_frame",
        max_len: LARGE,
    },
];

/// What one target's run did, from libFuzzer's final statistics and its
/// last status line.
struct Ran {
    executions: u64,
    per_second: Option<u64>,
    corpus: Option<String>,
}

/// The target called `name`.
pub fn target(name: &str) -> Option<&'static Target> {
    TARGETS.iter().find(|target| target.name == name)
}

/// Runs every target, or only `only`, for `seconds` each.
pub fn fuzz(ws: &Workspace, seconds: u32, only: Option<&Target>) -> Result<(), String> {
    let start = Instant::now();
    let chosen = TARGETS
        .iter()
        .filter(|target| only.is_none_or(|only| only.name == target.name));
    toolchain::ensure_pinned_compiler(ws)?;
    tools::ensure_cargo_fuzz(ws)?;
    toolchain::ensure_fuzz_dependencies(ws)?;
    let fuzz = ws.root.join("fuzz");
    let mut ran = Vec::new();
    for &Target {
        name: target,
        max_len,
    } in chosen
    {
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
            .args(
                max_len
                    .into_iter()
                    .flat_map(|bytes| [format!("-max_len={bytes}"), "-len_control=0".to_owned()]),
            )
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
        let executions = executions(&output).ok_or_else(|| {
            format!(
                "{target} finished but its log ({}) does not say how many inputs it ran",
                log.display()
            )
        })?;
        let run = Ran {
            executions,
            per_second: per_second(&output),
            corpus: corpus_size(&output).map(str::to_owned),
        };
        println!("[fuzz] {target}: {} executions, no crash", run.executions);
        ran.push((target, run));
    }
    println!(
        "\n[fuzz] every target ran without a crash, {seconds} s each, in {}:",
        since(start)
    );
    for (target, run) in ran {
        let per_second = run
            .per_second
            .map_or_else(String::new, |n| format!("{n}/s"));
        let corpus = run
            .corpus
            .map_or_else(String::new, |c| format!("corpus {c}"));
        println!(
            "  {target:<17} {:>12} executions {per_second:>9}  {corpus}",
            run.executions
        );
    }
    Ok(())
}

/// libFuzzer's final count of inputs run (`-print_final_stats=1`).
fn executions(log: &str) -> Option<u64> {
    log.lines()
        .find_map(|line| line.strip_prefix("stat::number_of_executed_units:"))
        .and_then(|count| count.trim().parse().ok())
}

/// libFuzzer's final average of inputs run per second.
fn per_second(log: &str) -> Option<u64> {
    log.lines()
        .find_map(|line| line.strip_prefix("stat::average_exec_per_sec:"))
        .and_then(|count| count.trim().parse().ok())
}

/// The corpus libFuzzer held at the end, as its last status line gives it:
/// inputs and their total size (`corp: 212/43Kb`).
fn corpus_size(log: &str) -> Option<&str> {
    log.lines()
        .rev()
        .find_map(|line| line.split_once(" corp: "))
        .and_then(|(_, rest)| rest.split_whitespace().next())
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
        assert_eq!(per_second(log), Some(42_223));
        assert_eq!(executions("Done 5 runs"), None);
    }

    #[test]
    fn the_last_status_line_gives_the_corpus() {
        let log = "#2\tINITED cov: 30 ft: 31 corp: 1/1b exec/s: 0 rss: 40Mb\n\
                   #900\tNEW    cov: 95 ft: 140 corp: 57/4096b lim: 17 exec/s: 0 rss: 41Mb\n\
                   #886700\tDONE   cov: 98 ft: 151 corp: 61/4310b lim: 4096 exec/s: 42223 rss: 60Mb\n";
        assert_eq!(corpus_size(log), Some("61/4310b"));
        assert_eq!(corpus_size("Done 5 runs"), None);
    }

    #[test]
    fn every_target_has_its_folders() {
        let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
        for target in TARGETS {
            let source = fuzz
                .join("fuzz_targets")
                .join(format!("{}.rs", target.name));
            assert!(source.is_file(), "{} is missing", source.display());
            assert!(fuzz.join("seeds").join(target.name).is_dir());
            assert!(fuzz.join("regressions").join(target.name).is_dir());
        }
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
