//! Running child processes and turning their failures into readable errors,
//! plus the timing format shared by every step.
//!
//! Failures are returned as `String`s that already name the command, its exit
//! status and a hint, so callers only add context and `main` prints them.

use std::fmt::Write as _;
use std::io;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// Runs a command with inherited output, so long builds stream their
/// progress to the terminal.
pub fn run(command: &mut Command, hint: &str) -> Result<(), String> {
    let shown = describe(command);
    let status = command
        .stdin(Stdio::inherit())
        .status()
        .map_err(|e| start_failure(&shown, &e, hint))?;
    if status.success() {
        Ok(())
    } else {
        Err(exit_failure(&shown, status, hint))
    }
}

pub fn exit_failure(shown: &str, status: ExitStatus, hint: &str) -> String {
    // `ExitStatus`'s Display says "exit status: 1", which reads oddly after
    // our own label; a signal has no code and keeps the Display form.
    let status = match status.code() {
        Some(code) => format!("exit status {code}"),
        None => status.to_string(),
    };
    format!("command failed: {shown}\n  {status}\n  hint: {hint}")
}

/// Runs a command only to learn something (a version, a user id). `None`
/// means "missing or broken"; callers decide whether that is fatal.
pub fn probe(command: &mut Command) -> Option<String> {
    let output = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .ok()?;
    if output.status.success() {
        Some(String::from_utf8_lossy(&output.stdout).trim().to_string())
    } else {
        None
    }
}

pub fn start_failure(shown: &str, error: &io::Error, hint: &str) -> String {
    let reason = if error.kind() == io::ErrorKind::NotFound {
        "program not found on PATH".to_string()
    } else {
        error.to_string()
    };
    format!("could not start: {shown}\n  reason: {reason}\n  hint: {hint}")
}

/// A copy-pasteable rendering of the command, including the variables we
/// set (PATH is left out: it is long and always the same).
pub fn describe(command: &Command) -> String {
    let mut shown = String::new();
    for (key, value) in command.get_envs() {
        if key == "PATH" {
            continue;
        }
        if let Some(value) = value {
            let _ = write!(
                shown,
                "{}={} ",
                key.to_string_lossy(),
                quote(&value.to_string_lossy())
            );
        }
    }
    shown.push_str(&quote(&command.get_program().to_string_lossy()));
    for arg in command.get_args() {
        shown.push(' ');
        shown.push_str(&quote(&arg.to_string_lossy()));
    }
    if let Some(dir) = command.get_current_dir() {
        let _ = write!(shown, "  (in {})", dir.display());
    }
    shown
}

fn quote(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:@+,%".contains(c));
    if plain {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

pub fn since(start: Instant) -> String {
    format_duration(start.elapsed())
}

pub fn format_duration(duration: Duration) -> String {
    let tenths = duration.as_millis() / 100;
    let (minutes, tenths) = (tenths / 600, tenths % 600);
    if minutes == 0 {
        format!("{}.{}s", tenths / 10, tenths % 10)
    } else {
        format!("{minutes}m {:02}.{}s", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_short_and_readable() {
        assert_eq!(format_duration(Duration::from_millis(41_230)), "41.2s");
        assert_eq!(format_duration(Duration::from_millis(50)), "0.0s");
        assert_eq!(format_duration(Duration::from_millis(83_450)), "1m 23.4s");
        assert_eq!(format_duration(Duration::from_secs(1325)), "22m 05.0s");
    }

    #[test]
    fn described_commands_can_be_pasted_into_a_shell() {
        let mut command = Command::new("node");
        command
            .args(["--test", "e2e tests/"])
            .env("CHROMIUM", "/usr/bin/chromium");
        assert_eq!(
            describe(&command),
            "CHROMIUM=/usr/bin/chromium node --test 'e2e tests/'"
        );
    }
}
