//! `cargo xtask`: Tandem's build, test and serve commands in Rust, so they
//! run the same on a laptop and in CI without shell scripts.
//!
//! This file only parses arguments, prints usage and turns errors into exit
//! codes; the work lives in `steps.rs` (commands), `bench/` (the benchmark
//! and the page it writes) and `tools.rs` (installing what they need).

mod bench;
mod fuzz;
mod gates;
mod modules;
mod process;
mod steps;
mod toolchain;
mod tools;
mod workspace;

use std::process::ExitCode;

use workspace::Workspace;

const DEFAULT_PORT: u16 = 8080;
const DEFAULT_FUZZ_SECONDS: u32 = 60;

const USAGE: &str = "\
cargo xtask: build, test and serve Tandem

Usage: cargo xtask <command> [options]

Commands:
  serve [--port N]  serve a release build at http://127.0.0.1:N/ (default 8080),
                    rebuilding on change
  build             build the release into dist/ and list each file's raw,
                    gzip -9 and brotli size
  check             the quality gates alone (the first layer of `test`):
                    seconds once the crates are compiled
  test              run every test layer, stopping at the first failure:
                    1. quality gates: cargo fmt --check, cargo clippy with
                       warnings denied, the domain boundary (src/assessment/
                       reaches no browser or framework code)
                    2. cargo test --workspace
                    3. the release build (as `build`), whose first screen
                       must stay within its size budget (tools/sizes.mjs)
                    4. end-to-end browser tests in e2e/tests/ against dist/
  bench [--write]   print the release build's raw, gzip and brotli sizes, the
                    native workshop benchmark, and timings in headless
                    Chromium: cold load, answer to paint, results page,
                    1,000 and 10,000 codes gathered, wasm memory; with
                    --write, also write them to docs/benchmarks.md with the
                    machine, the date and the budgets
  profile           record which functions the first screen runs into
                    tools/first-screen.txt, from an instrumented release
                    build in headless Chromium: the split keeps those in the
                    module a first visit downloads (tools/wasm-split)
  fuzz [--seconds N] [--target NAME]
                    run each fuzz target in fuzz/ (or only NAME) for N seconds
                    (default 60) with libFuzzer, and print how many inputs
                    each ran, how many a second, and the corpus it ended with
  help              show this text

Every command first checks that rustc is the version rust-toolchain.toml
pins, then installs what is missing and skips what is there: the wasm32
target, the rust-src component (the release build compiles the standard
library for size), the standard library's and Tandem's crates (cargo fetch:
Trunk builds offline), Trunk 0.21.14, the wasm-bindgen CLI matching
Cargo.lock, wasm-opt 132 (from npm), and for `test` and `bench` Chromium with
chromedriver (apt-get). Installing Trunk takes about 20 minutes on 2 cores;
later runs skip it. `fuzz` installs cargo-fuzz and the fuzz crate's crates.
";

enum Command {
    Serve {
        port: u16,
    },
    Build,
    Check,
    Test,
    Bench(bench::Figures),
    Profile,
    Fuzz {
        seconds: u32,
        target: Option<&'static fuzz::Target>,
    },
    Help,
}

/// Mistakes in how xtask was called; they exit with 2 like other CLIs.
struct UsageError(String);

fn main() -> ExitCode {
    // Lossy so that an odd argument becomes a usage error instead of a panic.
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect();
    let command = match parse(&args) {
        Ok(command) => command,
        Err(UsageError(message)) => {
            eprintln!("error: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if let Command::Help = command {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }

    match execute(command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nerror: {message}");
            ExitCode::FAILURE
        }
    }
}

fn execute(command: Command) -> Result<(), String> {
    let ws = Workspace::discover()?;
    match command {
        Command::Serve { port } => steps::serve(&ws, port),
        Command::Build => steps::build(&ws),
        Command::Check => steps::check(&ws),
        Command::Test => steps::test(&ws),
        Command::Bench(figures) => bench::bench(&ws, figures),
        Command::Profile => steps::profile(&ws),
        Command::Fuzz { seconds, target } => fuzz::fuzz(&ws, seconds, target),
        Command::Help => Ok(()),
    }
}

fn parse(args: &[String]) -> Result<Command, UsageError> {
    let Some((name, rest)) = args.split_first() else {
        return Ok(Command::Help);
    };
    let command = match name.as_str() {
        "serve" => return parse_serve(rest),
        "fuzz" => return parse_fuzz(rest),
        "bench" => return parse_bench(rest),
        "build" => Command::Build,
        "check" => Command::Check,
        "test" => Command::Test,
        "profile" => Command::Profile,
        "help" | "--help" | "-h" => Command::Help,
        other => return Err(UsageError(format!("unknown command `{other}`"))),
    };
    match rest.first() {
        Some(extra) => Err(UsageError(format!(
            "`{name}` takes no arguments, got `{extra}`"
        ))),
        None => Ok(command),
    }
}

fn parse_serve(args: &[String]) -> Result<Command, UsageError> {
    let port = number_option(args, "serve", "port", DEFAULT_PORT, "use 1 to 65535")?;
    Ok(Command::Serve { port })
}

fn parse_bench(args: &[String]) -> Result<Command, UsageError> {
    match args {
        [] => Ok(Command::Bench(bench::Figures::Print)),
        [flag] if flag == "--write" => Ok(Command::Bench(bench::Figures::Write)),
        [_, extra, ..] if args[0] == "--write" => Err(UsageError(format!(
            "`bench --write` takes nothing more, got `{extra}`"
        ))),
        [flag, ..] => Err(UsageError(format!(
            "unknown option `{flag}` for `bench` (the only one is `--write`)"
        ))),
    }
}

fn parse_fuzz(args: &[String]) -> Result<Command, UsageError> {
    // `--target NAME` (or `--target=NAME`) is taken out; what is left is
    // for `--seconds`.
    let mut target = None;
    let mut rest = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let name = if let Some(name) = arg.strip_prefix("--target=") {
            name
        } else if arg == "--target" {
            args.next()
                .ok_or_else(|| UsageError("`--target` needs a fuzz target's name".to_owned()))?
        } else {
            rest.push(arg.clone());
            continue;
        };
        let found = fuzz::target(name).ok_or_else(|| {
            let names: Vec<&str> = fuzz::TARGETS.iter().map(|t| t.name).collect();
            UsageError(format!(
                "unknown fuzz target `{name}`; the targets are {}",
                names.join(", ")
            ))
        })?;
        if target.replace(found).is_some() {
            return Err(UsageError("`--target` is given twice".to_owned()));
        }
    }
    let seconds = number_option(
        &rest,
        "fuzz",
        "seconds",
        DEFAULT_FUZZ_SECONDS,
        "use whole seconds, at least 1",
    )?;
    Ok(Command::Fuzz { seconds, target })
}

/// The one option a command takes, `--NAME N` or `--NAME=N`: a positive
/// number, `default` when it is not given.
fn number_option<N>(
    args: &[String],
    command: &str,
    name: &str,
    default: N,
    range: &str,
) -> Result<N, UsageError>
where
    N: std::str::FromStr + Default + PartialEq,
{
    let flag = format!("--{name}");
    let mut number = default;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let value = if let Some(value) = arg.strip_prefix(&format!("{flag}=")) {
            value
        } else if *arg == flag {
            args.next()
                .ok_or_else(|| UsageError(format!("`{flag}` needs a number")))?
        } else {
            return Err(UsageError(format!(
                "unknown option `{arg}` for `{command}`"
            )));
        };
        number = value
            .parse()
            .ok()
            .filter(|number| *number != N::default())
            .ok_or_else(|| UsageError(format!("invalid {name} `{value}` ({range})")))?;
    }
    Ok(number)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn port_of(list: &[&str]) -> Option<u16> {
        match parse(&args(list)) {
            Ok(Command::Serve { port }) => Some(port),
            _ => None,
        }
    }

    #[test]
    fn serve_port_defaults_and_overrides() {
        assert_eq!(port_of(&["serve"]), Some(8080));
        assert_eq!(port_of(&["serve", "--port", "3000"]), Some(3000));
        assert_eq!(port_of(&["serve", "--port=3001"]), Some(3001));
        assert_eq!(port_of(&["serve", "--port", "0"]), None);
        assert_eq!(port_of(&["serve", "--port"]), None);
        assert_eq!(port_of(&["serve", "--port", "http"]), None);
    }

    #[test]
    fn unknown_commands_are_usage_errors() {
        assert!(matches!(parse(&args(&["deploy"])), Err(UsageError(_))));
        assert!(matches!(
            parse(&args(&["build", "--x"])),
            Err(UsageError(_))
        ));
        assert!(matches!(parse(&args(&[])), Ok(Command::Help)));
    }

    #[test]
    fn bench_prints_or_writes_its_figures() {
        let figures = |list: &[&str]| match parse(&args(list)) {
            Ok(Command::Bench(figures)) => Some(figures),
            _ => None,
        };
        assert_eq!(figures(&["bench"]), Some(bench::Figures::Print));
        assert_eq!(figures(&["bench", "--write"]), Some(bench::Figures::Write));
        assert_eq!(figures(&["bench", "--writ"]), None);
        assert_eq!(figures(&["bench", "--write", "--write"]), None);
    }

    #[test]
    fn fuzz_seconds_default_and_override() {
        let seconds = |list: &[&str]| match parse(&args(list)) {
            Ok(Command::Fuzz { seconds, .. }) => Some(seconds),
            _ => None,
        };
        assert_eq!(seconds(&["fuzz"]), Some(60));
        assert_eq!(seconds(&["fuzz", "--seconds", "300"]), Some(300));
        assert_eq!(seconds(&["fuzz", "--seconds=5"]), Some(5));
        assert_eq!(seconds(&["fuzz", "--seconds", "0"]), None);
        assert_eq!(seconds(&["fuzz", "--port", "5"]), None);
    }

    #[test]
    fn fuzz_runs_every_target_or_the_one_named() {
        let target = |list: &[&str]| match parse(&args(list)) {
            Ok(Command::Fuzz { seconds, target }) => Some((seconds, target.map(|t| t.name))),
            _ => None,
        };
        assert_eq!(target(&["fuzz"]), Some((60, None)));
        assert_eq!(
            target(&["fuzz", "--target", "qr_frame", "--seconds", "600"]),
            Some((600, Some("qr_frame")))
        );
        assert_eq!(
            target(&["fuzz", "--seconds=5", "--target=custom_bank_code"]),
            Some((5, Some("custom_bank_code")))
        );
        assert_eq!(target(&["fuzz", "--target", "nothing"]), None);
        assert_eq!(target(&["fuzz", "--target"]), None);
        assert_eq!(
            target(&["fuzz", "--target", "bank", "--target", "bank"]),
            None
        );
    }
}
