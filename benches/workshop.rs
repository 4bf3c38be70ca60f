//! The workshop's native benchmark: gathering 1,000 and 10,000 pasted result
//! codes (reading and de-duplicating them) and building the team view, and
//! reading 1 MB pastes that hold no code, in the release profile.
//!
//! `cargo bench --bench workshop` prints the figures. With
//! `--write-codes DIR` it also writes `codes-1000.txt` and `codes-10000.txt`
//! (one code per line) and the `hostile-*.txt` pastes for the browser half
//! of `cargo xtask bench`, so both halves measure the same text, and the
//! figures as `native.json` for `cargo xtask bench --write`.
//!
//! A hand-written harness (`harness = false`): the figures are a median and
//! a spread over repeated runs, which is all the budget needs, without
//! another dependency to build in every test run.

#[path = "../tests/common/sample.rs"]
mod sample;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use tandem::assessment::code;
use tandem::assessment::workshop::{Workshop, DEFAULT_ANONYMITY_THRESHOLD};
use tandem::assessment::Bank;

const ROOMS: [usize; 2] = [1_000, 10_000];
const RUNS: usize = 15;

fn main() {
    let write_to = match codes_folder() {
        Ok(folder) => folder,
        Err(message) => {
            eprintln!("error: {message}");
            std::process::exit(2);
        }
    };
    let bank = Bank::standard();
    println!("native workshop benchmark: median (min to max) of {RUNS} runs, release profile");
    let mut rooms = Vec::new();
    for room in ROOMS {
        let codes: Vec<String> = (0..room as u64)
            .map(|seed| code::encode(bank, &sample::participant(bank, seed)))
            .collect();
        let pasted = codes.join("\n");
        hand_over(&write_to, &format!("codes-{room}.txt"), &pasted);

        let gather = measure(|| {
            let mut workshop = Workshop::new("Benchmark");
            let gathered = workshop.add_text(bank, black_box(&pasted));
            assert_eq!(gathered.added, room, "every generated code is read");
            workshop
        });
        let mut workshop = Workshop::new("Benchmark");
        workshop.add_text(bank, &pasted);
        let view =
            measure(|| workshop.team_view(bank, DEFAULT_ANONYMITY_THRESHOLD, str::to_lowercase));

        println!("  {room:>6} codes: read and de-duplicate {gather}; team view {view}");
        rooms.push(serde_json::json!({
            "codes": room,
            "read": gather.figures(),
            "teamView": view.figures(),
        }));
    }

    // Hostile pastes of 1 MB: what a prankster or a mistake can put in the
    // box. Reading each must take time in proportion to its length.
    let broken = {
        let good = code::encode(bank, &sample::participant(bank, 7));
        let mut typo: Vec<char> = good.chars().collect();
        let last = typo.len() - 3;
        typo[last] = if typo[last] == 'A' { 'B' } else { 'A' };
        typo.into_iter().collect::<String>()
    };
    let mut hostile = Vec::new();
    for (name, pasted) in hostile_pastes(&broken) {
        hand_over(&write_to, &format!("hostile-{name}.txt"), &pasted);
        let read = measure(|| {
            let mut workshop = Workshop::new("Benchmark");
            let gathered = workshop.add_text(bank, black_box(&pasted));
            assert_eq!(gathered.added, 0, "{name}: nothing to add");
            gathered
        });
        println!("  1 MB of {name}: read {read}");
        hostile.push(serde_json::json!({ "name": name, "read": read.figures() }));
    }
    let figures = serde_json::json!({ "runs": RUNS, "rooms": rooms, "hostile": hostile });
    hand_over(&write_to, "native.json", &format!("{figures:#}\n"));
}

/// Writes `text` as `name` into the `--write-codes` folder, if there is one,
/// for the browser half to paste.
fn hand_over(folder: &Option<PathBuf>, name: &str, text: &str) {
    let Some(folder) = folder else { return };
    let file = folder.join(name);
    if let Err(error) = std::fs::write(&file, text) {
        eprintln!("error: cannot write {}: {error}", file.display());
        std::process::exit(1);
    }
}

/// One megabyte each of text that holds no code that reads, shaped to make
/// the reader work: words that start like codes (each tried joined with the
/// ones after it), one huge word, a broken code per line, lines of prose,
/// and links whose fragment holds no code.
fn hostile_pastes(broken: &str) -> Vec<(&'static str, String)> {
    const MEGABYTE: usize = 1_000_000;
    let fill = |unit: &str| {
        let mut text = String::with_capacity(MEGABYTE + unit.len());
        while text.len() < MEGABYTE {
            text.push_str(unit);
        }
        text
    };
    vec![
        ("code-like-words", fill("T1AB3 ")),
        ("one-word", format!("T1{}", "A".repeat(MEGABYTE - 2))),
        ("broken-codes", fill(&format!("{broken}\n"))),
        ("prose", fill("Thanks everyone, see you next week!\n")),
        (
            "links",
            fill("https://example.org/tandem/#r=T1-NOT-A-CODE \n"),
        ),
    ]
}

/// The folder given with `--write-codes`, if any. Cargo passes `--bench`
/// and may pass a filter; everything else is refused.
fn codes_folder() -> Result<Option<PathBuf>, String> {
    let mut folder = None;
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--bench") => {}
            Some("--write-codes") => {
                let path = args.next().ok_or("`--write-codes` needs a folder")?;
                folder = Some(PathBuf::from(path));
            }
            _ => {
                return Err(format!(
                    "unknown argument {arg:?}; the only option is `--write-codes DIR`"
                ))
            }
        }
    }
    Ok(folder)
}

/// Timings of `RUNS` calls of `work` after one warm-up call.
fn measure<T>(mut work: impl FnMut() -> T) -> Timings {
    black_box(work());
    let mut runs: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let result = black_box(work());
            let elapsed = start.elapsed();
            // Freeing the result is not part of the work measured.
            drop(result);
            elapsed
        })
        .collect();
    runs.sort();
    Timings(runs)
}

/// Sorted run times.
struct Timings(Vec<Duration>);

impl Timings {
    /// The median, min and max in milliseconds, for `native.json`.
    fn figures(&self) -> serde_json::Value {
        serde_json::json!({
            "median": millis(self.median()),
            "min": millis(&self.0[0]),
            "max": millis(&self.0[self.0.len() - 1]),
            "count": self.0.len(),
        })
    }

    fn median(&self) -> &Duration {
        &self.0[self.0.len() / 2]
    }
}

fn millis(duration: &Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

impl std::fmt::Display for Timings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let runs = &self.0;
        write!(
            f,
            "{:.2} ms ({:.2} to {:.2})",
            millis(self.median()),
            millis(&runs[0]),
            millis(&runs[runs.len() - 1])
        )
    }
}
