//! `cargo xtask`: Tandem's build, test and serve commands in Rust, so they
//! run the same on a laptop and in CI without shell scripts.
//!
//! This file only parses arguments, prints usage and turns errors into exit
//! codes; the work lives in `steps.rs` (commands) and `tools.rs` (installing
//! what they need).

mod process;
mod sizes;
mod steps;
mod tools;
mod workspace;

use std::process::ExitCode;

use workspace::Workspace;

const DEFAULT_PORT: u16 = 8080;

const USAGE: &str = "\
cargo xtask: build, test and serve Tandem

Usage: cargo xtask <command> [options]

Commands:
  serve [--port N]  serve a release build at http://127.0.0.1:N/ (default 8080),
                    rebuilding on change
  build             build the release into dist/ and list each file's raw and
                    gzip -9 size
  test              run every test layer, stopping at the first failure:
                    1. cargo test --workspace
                    2. the release build (as `build`)
                    3. end-to-end browser tests in e2e/tests/ against dist/
  bench             print the release build's raw, gzip and brotli sizes, the
                    native workshop benchmark, and timings in headless
                    Chromium: cold load, answer to paint, results page,
                    1,000 and 10,000 codes gathered, wasm memory
  help              show this text

Missing tools are installed on first use: the wasm32 target, Trunk 0.21.14,
the wasm-bindgen CLI matching Cargo.lock, wasm-opt 132 (from npm), and for
`test` and `bench` Chromium with chromedriver (apt-get). Installing Trunk
takes about 20 minutes on 2 cores; later runs skip it.
";

enum Command {
    Serve { port: u16 },
    Build,
    Test,
    Bench,
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
        Command::Test => steps::test(&ws),
        Command::Bench => steps::bench(&ws),
        Command::Help => Ok(()),
    }
}

fn parse(args: &[String]) -> Result<Command, UsageError> {
    let Some((name, rest)) = args.split_first() else {
        return Ok(Command::Help);
    };
    let command = match name.as_str() {
        "serve" => return parse_serve(rest),
        "build" => Command::Build,
        "test" => Command::Test,
        "bench" => Command::Bench,
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
    let mut port = DEFAULT_PORT;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let value = if let Some(value) = arg.strip_prefix("--port=") {
            value
        } else if arg == "--port" {
            args.next()
                .ok_or_else(|| UsageError("`--port` needs a number".into()))?
        } else {
            return Err(UsageError(format!("unknown option `{arg}` for `serve`")));
        };
        port = value
            .parse()
            .ok()
            .filter(|&port: &u16| port != 0)
            .ok_or_else(|| UsageError(format!("invalid port `{value}` (use 1 to 65535)")))?;
    }
    Ok(Command::Serve { port })
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
}
