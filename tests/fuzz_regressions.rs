//! Replays, in a plain `cargo test`, every input kept in fuzz/: the seeds each
//! fuzz target starts from (fuzz/seeds/TARGET) and every input a fuzzing run
//! ever found a crash with (fuzz/regressions/TARGET), through the same check
//! the fuzz target makes (fuzz/checks.rs). A crash fixed once stays fixed
//! without anyone running the fuzzer.

// The checks also hold the builders of seed inputs (tests/fuzz_seeds.rs).
#[allow(dead_code)]
#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::Path;

/// A fuzz target's check: whether the reader accepted the input.
type Check = fn(&[u8]) -> bool;

/// Each fuzz target, by the name of its folders, with its check.
const TARGETS: [(&str, Check); 8] = [
    ("result_code", checks::result_code),
    ("pasted_codes", checks::pasted_codes),
    ("json_import", checks::json_import),
    ("saved_progress", checks::saved_progress),
    ("bank", checks::bank),
    ("configuration", checks::configuration),
    ("custom_bank_code", checks::custom_bank_code),
    ("qr_frame", checks::qr_frame),
];

/// The files in `fuzz/KIND/TARGET`, in name order; none if the folder is
/// missing.
fn inputs(kind: &str, target: &str) -> Vec<(String, Vec<u8>)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(kind)
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
        .into_iter()
        .filter(|path| path.is_file() && !path.ends_with(".gitkeep"))
        .map(|path| {
            let bytes = std::fs::read(&path).expect("a kept fuzz input is readable");
            (path.display().to_string(), bytes)
        })
        .collect()
}

/// Runs every kept input of one kind through its target's check, naming the
/// file of any that fails; gives, per target, how many inputs were accepted.
fn replay(kind: &str) -> Vec<(&'static str, usize)> {
    TARGETS
        .iter()
        .map(|&(target, check)| {
            let accepted = inputs(kind, target)
                .into_iter()
                .filter(|(file, bytes)| {
                    std::panic::catch_unwind(|| check(bytes))
                        .unwrap_or_else(|_| panic!("{target} fails again on {file}"))
                })
                .count();
            (target, accepted)
        })
        .collect()
}

#[test]
fn every_target_has_a_seed_that_reaches_its_round_trip() {
    // A seed the reader refuses would leave the check's round trip to the
    // fuzzer alone; each target starts from at least one it accepts.
    for (target, accepted) in replay("seeds") {
        assert!(accepted > 0, "no seed in fuzz/seeds/{target} is accepted");
    }
}

#[test]
fn every_input_a_fuzzer_crashed_on_passes_now() {
    replay("regressions");
}
