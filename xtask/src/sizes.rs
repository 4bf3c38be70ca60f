//! The size report printed after a release build: every file in `dist/` with
//! its raw size and its `gzip -9` size.
//!
//! The gzip size is what a visitor actually downloads, so it is the number
//! that matters for the size budget; the system `gzip` is used instead of a
//! compression crate to keep xtask dependency-free.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use crate::process::{describe, exit_failure, probe, start_failure};
use crate::workspace::Workspace;

pub fn report(ws: &Workspace, dist: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    collect_files(dist, &mut files)?;
    files.sort();
    if files.is_empty() {
        return Err(format!(
            "{} is empty after the build.\n  hint: check Trunk.toml's `dist` setting and Trunk's output above",
            dist.display()
        ));
    }

    let has_gzip = probe(ws.command("gzip").arg("--version")).is_some();
    if !has_gzip {
        println!("[build] gzip not found on PATH; skipping the gzip column");
    }

    let mut rows = Vec::with_capacity(files.len());
    for file in &files {
        let raw = fs::metadata(file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?
            .len();
        let gzipped = if has_gzip {
            Some(gzip_size(ws, file)?)
        } else {
            None
        };
        let name = file
            .strip_prefix(dist)
            .unwrap_or(file)
            .display()
            .to_string();
        rows.push((name, raw, gzipped));
    }

    let total_raw = rows.iter().map(|(_, raw, _)| raw).sum();
    let total_gzip = rows.iter().map(|(_, _, gz)| *gz).sum::<Option<u64>>();
    let width = rows
        .iter()
        .map(|(name, _, _)| name.len())
        .max()
        .unwrap_or(0)
        .max("total".len());

    println!("[build] {} ({} files):", dist.display(), rows.len());
    print_row(width, "file", "raw", has_gzip.then_some("gzip -9"));
    for (name, raw, gzipped) in &rows {
        let gzipped = gzipped.map(format_size);
        print_row(width, name, &format_size(*raw), gzipped.as_deref());
    }
    let total_gzip = total_gzip.map(format_size);
    print_row(
        width,
        "total",
        &format_size(total_raw),
        total_gzip.as_deref(),
    );
    Ok(())
}

fn print_row(width: usize, name: &str, raw: &str, gzipped: Option<&str>) {
    match gzipped {
        Some(gzipped) => println!("  {name:<width$}  {raw:>22}  {gzipped:>22}"),
        None => println!("  {name:<width$}  {raw:>22}"),
    }
}

fn collect_files(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        let path = entry.path();
        let kind = entry
            .file_type()
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if kind.is_dir() {
            collect_files(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

/// The file is handed to gzip as its stdin, so there is no writer thread and
/// no risk of both pipes filling up.
fn gzip_size(ws: &Workspace, file: &Path) -> Result<u64, String> {
    let input = File::open(file).map_err(|e| format!("cannot open {}: {e}", file.display()))?;
    let mut command = ws.command("gzip");
    command
        .args(["-9", "-c"])
        .stdin(Stdio::from(input))
        .stdout(Stdio::piped());
    let shown = format!("{} < {}", describe(&command), file.display());
    let hint = "gzip is only used for the size report; check the file is readable";
    let mut child = command
        .spawn()
        .map_err(|e| start_failure(&shown, &e, hint))?;
    let counted = match child.stdout.take() {
        Some(mut stdout) => io::copy(&mut stdout, &mut io::sink()),
        None => Err(io::Error::other("no stdout pipe")),
    };
    let status = child
        .wait()
        .map_err(|e| format!("waiting for {shown}: {e}"))?;
    let bytes = counted.map_err(|e| format!("reading the output of {shown}: {e}"))?;
    if status.success() {
        Ok(bytes)
    } else {
        Err(exit_failure(&shown, status, hint))
    }
}

/// Exact bytes for comparing builds, KiB for reading at a glance.
fn format_size(bytes: u64) -> String {
    let exact = group_thousands(bytes);
    if bytes < 1024 {
        format!("{exact} B")
    } else {
        format!("{:.1} KiB ({exact} B)", bytes as f64 / 1024.0)
    }
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_show_exact_bytes_and_kib() {
        assert_eq!(format_size(0), "0 B");
        assert_eq!(format_size(612), "612 B");
        assert_eq!(format_size(53_248), "52.0 KiB (53,248 B)");
        assert_eq!(format_size(1_234_567), "1205.6 KiB (1,234,567 B)");
    }
}
