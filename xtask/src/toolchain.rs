//! The Rust compiler the builds run on, and the crates they compile, made
//! ready before anything is built.
//!
//! The release build compiles the standard library from its source
//! (`release_build_env` in tools.rs) with unstable options, which hold only
//! for the compiler the build was proven on: `rust-toolchain.toml` names it,
//! and every command checks that it is the one in use.
//!
//! Trunk runs Cargo offline (Trunk.toml), so every crate that build needs,
//! the standard library's own dependencies included, must be downloaded
//! first. A brand-new machine has none of them. Each download is a step of
//! its own: an offline `cargo fetch` tells in milliseconds whether it is
//! done already, and only then does a real one run.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::process::{probe, run, since};
use crate::workspace::Workspace;

/// The file that pins the compiler, at the repository root.
const TOOLCHAIN_FILE: &str = "rust-toolchain.toml";

/// Fails, saying why and what to do, unless `rustc` on the builds' PATH is
/// the version that rust-toolchain.toml pins.
pub fn ensure_pinned_compiler(ws: &Workspace) -> Result<(), String> {
    let file = ws.root.join(TOOLCHAIN_FILE);
    let text =
        fs::read_to_string(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let pinned = pinned_channel(&text).ok_or_else(|| {
        format!(
            "{} does not pin a compiler version (a line such as `channel = \"1.95.0\"`).\n  \
             hint: restore it from git; the release build needs an exact version",
            file.display()
        )
    })?;
    let Some(output) = probe(ws.command("rustc").arg("--version")) else {
        return Err(format!(
            "rustc not found or not working; Tandem is built with Rust {pinned}.\n  \
             hint: install Rust with rustup (https://rustup.rs); rustup then reads \
             {TOOLCHAIN_FILE} and uses {pinned} here"
        ));
    };
    match compiler_version(&output) {
        Some(version) if version == pinned => {
            println!("[tools] rustc {version}: the version {TOOLCHAIN_FILE} pins");
            Ok(())
        }
        found => Err(mismatch(&pinned, found.unwrap_or(output.trim()))),
    }
}

fn mismatch(pinned: &str, found: &str) -> String {
    format!(
        "the compiler in use is rustc {found}, but Tandem's release build is proven on \
         rustc {pinned} only ({TOOLCHAIN_FILE}).\n  \
         why: that build compiles the standard library from source with unstable options, \
         and both the options and the library's own dependencies change from one compiler \
         to the next, so another version may fail or build something untested.\n  \
         hint: run the command without `cargo +TOOLCHAIN`, RUSTUP_TOOLCHAIN or a \
         `rustup override` in this folder, so that rustup uses {pinned} \
         (`rustup toolchain install {pinned}` if it is missing); to move Tandem to \
         another compiler, change {TOOLCHAIN_FILE} and prove `cargo xtask test` on it"
    )
}

/// The version in the `channel = "..."` line of a rust-toolchain.toml, when
/// it is an exact `MAJOR.MINOR.PATCH` (a channel such as `stable` moves).
pub fn pinned_channel(toml: &str) -> Option<String> {
    toml.lines().find_map(|line| {
        let value = line
            .trim()
            .strip_prefix("channel")?
            .trim_start()
            .strip_prefix('=')?
            .trim()
            .strip_prefix('"')?
            .strip_suffix('"')?;
        is_exact_version(value).then(|| value.to_string())
    })
}

/// The version in `rustc --version` output: `rustc 1.95.0 (59807616e
/// 2026-04-14)` gives `1.95.0`, a nightly's `1.97.0-nightly` is kept whole.
pub fn compiler_version(output: &str) -> Option<&str> {
    output
        .trim()
        .strip_prefix("rustc ")?
        .split_whitespace()
        .next()
}

fn is_exact_version(value: &str) -> bool {
    let parts: Vec<&str> = value.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

/// The standard library's own dependencies, which the release build
/// compiles with it. They are listed in the rust-src component's
/// `library/Cargo.lock`, so the versions are the compiler's, not Tandem's.
pub fn ensure_std_dependencies(ws: &Workspace) -> Result<(), String> {
    let sysroot = probe(ws.command("rustc").args(["--print", "sysroot"]))
        .ok_or("`rustc --print sysroot` failed, so the standard library's source is not found")?;
    let manifest = std_manifest(Path::new(&sysroot));
    if !manifest.is_file() {
        return Err(format!(
            "{} is missing, so the standard library cannot be built from source.\n  \
             hint: run `rustup component add rust-src`",
            manifest.display()
        ));
    }
    // The library's manifest uses unstable Cargo features; the build reads
    // it the same way (`RUSTC_BOOTSTRAP=1` in `release_build_env`).
    fetch(
        ws,
        "the standard library's dependencies (it is compiled from source)",
        Some(&manifest),
        true,
    )
}

/// Where the rust-src component keeps the standard library's workspace.
fn std_manifest(sysroot: &Path) -> PathBuf {
    sysroot.join("lib/rustlib/src/rust/library/Cargo.toml")
}

/// Every crate in Tandem's Cargo.lock, for every target: Trunk's build of
/// the app and the native builds of the splitter and the tests.
pub fn ensure_app_dependencies(ws: &Workspace) -> Result<(), String> {
    fetch(ws, "Tandem's dependencies (Cargo.lock)", None, false)
}

/// The fuzz crate's dependencies (fuzz/Cargo.lock, a workspace of its own).
pub fn ensure_fuzz_dependencies(ws: &Workspace) -> Result<(), String> {
    let manifest = ws.root.join("fuzz").join("Cargo.toml");
    fetch(
        ws,
        "the fuzz targets' dependencies (fuzz/Cargo.lock)",
        Some(&manifest),
        false,
    )
}

/// `cargo fetch --locked` for one workspace, unless an offline fetch shows
/// that every crate it locks is downloaded already. `--locked` because the
/// lock file is the record of what was proven: a fetch must not change it.
fn fetch(
    ws: &Workspace,
    what: &str,
    manifest: Option<&Path>,
    bootstrap: bool,
) -> Result<(), String> {
    let command = || {
        let mut command = ws.cargo();
        command.args(["fetch", "--locked"]);
        if let Some(manifest) = manifest {
            command.arg("--manifest-path").arg(manifest);
        }
        if bootstrap {
            command.env("RUSTC_BOOTSTRAP", "1");
        }
        command
    };
    if probe(command().arg("--offline")).is_some() {
        println!("[tools] {what}: already downloaded");
        return Ok(());
    }
    println!("[tools] {what}: downloading with cargo fetch...");
    let start = Instant::now();
    run(
        &mut command(),
        "check that the crates registry is reachable (crates.io, or the mirror that \
         ~/.cargo/config.toml names); a lock file error means Cargo.lock no longer \
         matches Cargo.toml: run `cargo update -w` and commit Cargo.lock",
    )?;
    println!("[tools] {what}: downloaded in {}", since(start));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_pinned_version() {
        let file = "# why\n[toolchain]\nchannel = \"1.95.0\"\ncomponents = [\"rust-src\"]\n";
        assert_eq!(pinned_channel(file).as_deref(), Some("1.95.0"));
        assert_eq!(
            pinned_channel("channel=\"1.96.1\"").as_deref(),
            Some("1.96.1")
        );
    }

    #[test]
    fn a_moving_channel_is_no_pin() {
        assert_eq!(pinned_channel("[toolchain]\nchannel = \"stable\"\n"), None);
        assert_eq!(pinned_channel("channel = \"1.95\"\n"), None);
        assert_eq!(pinned_channel("channel = \"nightly-2026-05-19\"\n"), None);
        assert_eq!(pinned_channel("[toolchain]\n"), None);
    }

    #[test]
    fn reads_rustcs_version() {
        assert_eq!(
            compiler_version("rustc 1.95.0 (59807616e 2026-04-14)\n"),
            Some("1.95.0")
        );
        assert_eq!(
            compiler_version("rustc 1.97.0-nightly (e50aa6fba 2026-05-19)"),
            Some("1.97.0-nightly")
        );
        assert_eq!(compiler_version("cargo 1.95.0"), None);
    }

    #[test]
    fn a_mismatch_names_both_versions_and_the_way_out() {
        let message = mismatch("1.95.0", "1.97.0-nightly");
        assert!(message.contains("rustc 1.97.0-nightly"));
        assert!(message.contains("rustc 1.95.0"));
        assert!(message.contains("RUSTUP_TOOLCHAIN"));
        assert!(message.contains(TOOLCHAIN_FILE));
    }

    #[test]
    fn the_repositorys_pin_is_exact() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let text = fs::read_to_string(root.join(TOOLCHAIN_FILE)).unwrap();
        assert!(pinned_channel(&text).is_some(), "{TOOLCHAIN_FILE}: {text}");
    }
}
