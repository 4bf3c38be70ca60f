//! Checking and installing the external tools the steps need: the wasm32
//! target, the standard library's source, Trunk, the wasm-bindgen CLI,
//! wasm-opt, and Chromium with its driver; and the environment the release
//! build runs in.
//!
//! Each tool is probed first because installing is slow (Trunk takes about
//! 20 minutes on 2 cores) and the probe takes milliseconds. Versions are
//! pinned to ones known to work with Rust 1.95 behind a registry-only
//! network: Trunk's own tool downloads fail there, so exact versions must be
//! on PATH before Trunk looks for them.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::process::{probe, run, since};
use crate::toolchain;
use crate::workspace::{non_empty_var, Workspace};

const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// The standard library's source, for the release build.
const RUST_SRC: &str = "rust-src";
/// 0.22 needs a newer rustc than the 1.95 these machines have.
const TRUNK_VERSION: &str = "0.21.14";
/// Debian's binaryen (108) cannot parse what rustc 1.95 emits.
const BINARYEN_VERSION: &str = "132";
/// For `cargo xtask fuzz` only.
const CARGO_FUZZ_VERSION: &str = "0.13.2";

pub struct Browser {
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
}

pub fn ensure_build_tools(ws: &Workspace) -> Result<(), String> {
    let start = Instant::now();
    toolchain::ensure_pinned_compiler(ws)?;
    ensure_wasm_target(ws)?;
    ensure_rust_src(ws)?;
    toolchain::ensure_std_dependencies(ws)?;
    toolchain::ensure_app_dependencies(ws)?;
    ensure_trunk(ws)?;
    ensure_wasm_bindgen(ws)?;
    ensure_wasm_opt(ws)?;
    println!("[tools] build tools ready in {}", since(start));
    Ok(())
}

pub fn ensure_wasm_target(ws: &Workspace) -> Result<(), String> {
    ensure_rustup_part(ws, "target", WASM_TARGET, "the app is compiled for it")
}

/// rustfmt and Clippy, which the quality gates run. rustup's default
/// profile has them; its minimal profile does not.
pub fn ensure_lint_tools(ws: &Workspace) -> Result<(), String> {
    for (component, cargo_command) in [("rustfmt", "fmt"), ("clippy", "clippy")] {
        if probe(ws.cargo().args([cargo_command, "--version"])).is_some() {
            println!("[tools] {component} component: already installed");
            continue;
        }
        println!("[tools] {component} component: installing with rustup (takes seconds)...");
        run(
            ws.command("rustup").args(["component", "add", component]),
            &format!(
                "check that rustup can reach its download server; the quality gates \
                 run `cargo {cargo_command}`"
            ),
        )?;
    }
    Ok(())
}

/// The standard library's source, which the release build compiles for the
/// wasm32 target (see [`release_build_env`]).
fn ensure_rust_src(ws: &Workspace) -> Result<(), String> {
    ensure_rustup_part(
        ws,
        "component",
        RUST_SRC,
        "the release build compiles the standard library from it",
    )
}

/// Adds a rustup `target` or `component` unless it is installed already;
/// `why` says what Tandem needs it for.
fn ensure_rustup_part(ws: &Workspace, kind: &str, name: &str, why: &str) -> Result<(), String> {
    let Some(installed) = probe(ws.command("rustup").args([kind, "list", "--installed"])) else {
        return Err(format!(
            "rustup not found (or `rustup {kind} list` failed).\n  \
             hint: install Rust with rustup (https://rustup.rs), then run \
             `rustup {kind} add {name}`: {why}"
        ));
    };
    if is_listed(&installed, name) {
        println!("[tools] {name} {kind}: already installed");
        return Ok(());
    }
    println!("[tools] {name} {kind}: installing with rustup (takes seconds)...");
    run(
        ws.command("rustup").args([kind, "add", name]),
        &format!("check that the Rust package registry (static.rust-lang.org) is reachable; {why}"),
    )
}

/// Whether rustup's `--installed` list names `name`: the first word of a
/// line, since some rustup versions add ` (installed)` after it.
fn is_listed(installed: &str, name: &str) -> bool {
    installed
        .lines()
        .any(|line| line.split_whitespace().next() == Some(name))
}

/// The splitter that every release build runs (tools/wasm-split; see
/// tools/post-build.mjs): a crate of this workspace, built here so that it
/// always matches the page code that loads the rest. Returns the variables
/// that tell the build where it is, and where the linker writes the link
/// map (build.rs asks for it) that the splitter reads to move data that
/// only the rest reaches.
pub fn splitter(ws: &Workspace) -> Result<[(&'static str, PathBuf); 2], String> {
    println!("[tools] tandem-split: cargo build --release -p tandem-split...");
    run(
        ws.cargo()
            .args(["build", "--release", "--quiet", "-p", "tandem-split"]),
        "read the compiler error above; tools/wasm-split is part of this workspace",
    )?;
    let target = non_empty_var("CARGO_TARGET_DIR")
        .map(|dir| ws.root.join(dir))
        .unwrap_or_else(|| ws.root.join("target"));
    let map = target
        .join("wasm32-unknown-unknown")
        .join("release")
        .join("tandem.map");
    Ok([
        ("TANDEM_SPLIT", target.join("release").join("tandem-split")),
        ("TANDEM_LINK_MAP", map),
    ])
}

/// The environment of every release build of the app (`trunk build --release`
/// and `trunk serve --release`), for size: the wasm is what people download.
///
/// - `CARGO_UNSTABLE_BUILD_STD` compiles the standard library from source
///   (the rust-src component) with the app's release profile, so it is
///   optimised for size (`opt-level = "z"`) and link-time optimised together
///   with the app, instead of arriving prebuilt and optimised for speed.
///   `panic_abort` is the runtime that the profile's `panic = "abort"` needs;
///   the panic hook still runs, which src/recovery.rs relies on.
/// - `-Zlocation-detail=none` leaves the file, line and column out of panic
///   messages (they read `panicked at <redacted>:0:0:`), so the wasm carries
///   no source paths.
///
/// Not `-Zfmt-debug=none`, which would drop the Debug formatting code: it
/// saved only 1.1 KB gzip, and serde writes the offending text with `{:?}`
/// in messages Tandem shows when an import or the saved data cannot be read
/// (`invalid type: string "two", expected u32`), which would lose the text.
///
/// These options are unstable: `RUSTC_BOOTSTRAP=1` lets the stable toolchain
/// accept them, so no nightly toolchain is needed (`cargo xtask fuzz` does
/// the same). It is set only for the release builds, whose output the
/// end-to-end tests check, and for the native benchmark built after one
/// (see `bench` in steps.rs). The flags apply to the wasm32 target alone, so
/// native builds are unchanged: `cargo test`, and the build scripts and
/// macros that this build compiles for the machine itself.
///
/// The compiler is pinned (rust-toolchain.toml, checked in toolchain.rs) and
/// the library's dependencies are downloaded beforehand, because Trunk runs
/// Cargo offline.
pub fn release_build_env() -> [(&'static str, &'static str); 3] {
    [
        ("RUSTC_BOOTSTRAP", "1"),
        ("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort"),
        (
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            "-Zlocation-detail=none",
        ),
    ]
}

fn ensure_trunk(ws: &Workspace) -> Result<(), String> {
    let wanted = format!("trunk {TRUNK_VERSION}");
    if version_of(ws, "trunk").as_deref() == Some(&wanted) {
        println!("[tools] trunk {TRUNK_VERSION}: already installed");
        return Ok(());
    }
    println!(
        "[tools] trunk {TRUNK_VERSION}: installing with cargo install \
         (takes about 20 minutes on 2 cores)..."
    );
    let start = Instant::now();
    run(
        ws.cargo()
            .args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]),
        "read the compiler error above; a missing system library usually means \
         `apt-get install build-essential pkg-config`",
    )?;
    expect_version(ws, "trunk", &wanted)?;
    println!(
        "[tools] trunk {TRUNK_VERSION}: installed in {}",
        since(start)
    );
    Ok(())
}

fn ensure_wasm_bindgen(ws: &Workspace) -> Result<(), String> {
    let version = locked_wasm_bindgen_version(ws)?;
    let wanted = format!("wasm-bindgen {version}");
    if version_of(ws, "wasm-bindgen").as_deref() == Some(&wanted) {
        println!("[tools] wasm-bindgen CLI {version}: already installed");
        return Ok(());
    }
    println!(
        "[tools] wasm-bindgen CLI {version}: installing with cargo install \
         (takes about 5 to 10 minutes)..."
    );
    let start = Instant::now();
    // Without --locked: the CLI's own lock file pins a crate version that the
    // registry no longer has.
    run(
        ws.cargo()
            .args(["install", "wasm-bindgen-cli", "--version", &version]),
        "the CLI version must equal the wasm-bindgen crate version in Cargo.lock; \
         read the error above",
    )?;
    expect_version(ws, "wasm-bindgen", &wanted)?;
    println!(
        "[tools] wasm-bindgen CLI {version}: installed in {}",
        since(start)
    );
    Ok(())
}

/// The CLI must match the crate exactly, or the generated JS glue does not
/// fit the wasm module; Cargo.lock is where that crate version is decided.
fn locked_wasm_bindgen_version(ws: &Workspace) -> Result<String, String> {
    let lock_path = ws.root.join("Cargo.lock");
    if !lock_path.exists() {
        // A fresh clone without a lock file would get one from the first
        // build anyway; we need it earlier to pick the CLI version.
        println!("[tools] Cargo.lock missing: creating it with cargo generate-lockfile...");
        run(
            ws.cargo().arg("generate-lockfile"),
            "check that Cargo.toml is valid and the crates registry is reachable",
        )?;
    }
    let text = fs::read_to_string(&lock_path)
        .map_err(|e| format!("cannot read {}: {e}", lock_path.display()))?;
    let versions = locked_versions(&text, "wasm-bindgen");
    match versions.as_slice() {
        [version] => Ok(version.clone()),
        [] => Err(format!(
            "no `wasm-bindgen` package in {}, so the wasm-bindgen CLI version is unknown.\n  \
             hint: the app should depend on wasm-bindgen for the wasm32 target; \
             run `cargo update -p wasm-bindgen` or check Cargo.toml",
            lock_path.display()
        )),
        several => Err(format!(
            "{} locks several wasm-bindgen versions ({}); one CLI cannot serve them all.\n  \
             hint: align the dependencies on one version, e.g. with `cargo tree -i wasm-bindgen`",
            lock_path.display(),
            several.join(", ")
        )),
    }
}

/// Versions of `name` among the lock file's `[[package]]` tables. Parsed by
/// hand to keep xtask free of dependencies; the format is line-based and
/// written by Cargo, so a full TOML parser is not needed.
pub fn locked_versions(lock: &str, name: &str) -> Vec<String> {
    let mut versions: Vec<String> = Vec::new();
    for table in lock.split("[[package]]").skip(1) {
        let mut found_name = None;
        let mut found_version = None;
        for line in table.lines().skip(1) {
            let line = line.trim();
            // A new table header (e.g. `[metadata]`) ends this package.
            if line.starts_with('[') {
                break;
            }
            if let Some(value) = string_value(line, "name") {
                found_name = Some(value);
            } else if let Some(value) = string_value(line, "version") {
                found_version = Some(value);
            }
        }
        if let (Some(found), Some(version)) = (found_name, found_version) {
            if found == name && !versions.iter().any(|v| v == version) {
                versions.push(version.to_string());
            }
        }
    }
    versions
}

fn string_value<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    line.strip_prefix(key)?
        .trim_start()
        .strip_prefix('=')?
        .trim()
        .strip_prefix('"')?
        .strip_suffix('"')
}

fn ensure_wasm_opt(ws: &Workspace) -> Result<(), String> {
    let wanted = format!("version {BINARYEN_VERSION}");
    let wasm_opt = ws.wasm_opt();
    if wasm_opt_matches(ws, &wasm_opt, &wanted) {
        println!("[tools] wasm-opt {BINARYEN_VERSION}: already installed");
        return Ok(());
    }
    if probe(ws.command("npm").arg("--version")).is_none() {
        return Err(
            "npm not found; it is needed to install wasm-opt (binaryen) \
             and to run the end-to-end tests.\n  \
             hint: install Node.js and npm, e.g. `apt-get install nodejs npm`"
                .into(),
        );
    }
    println!(
        "[tools] wasm-opt {BINARYEN_VERSION}: installing binaryen@{BINARYEN_VERSION} with npm into {}...",
        ws.tools_dir.display()
    );
    let start = Instant::now();
    fs::create_dir_all(&ws.tools_dir)
        .map_err(|e| format!("cannot create {}: {e}", ws.tools_dir.display()))?;
    let package = format!("binaryen@{BINARYEN_VERSION}");
    run(
        ws.command("npm")
            .arg("install")
            .arg("--prefix")
            .arg(&ws.tools_dir)
            .args(["--no-audit", "--no-fund", &package]),
        "check that the npm registry is reachable (npm config get registry)",
    )?;
    if !wasm_opt_matches(ws, &wasm_opt, &wanted) {
        return Err(format!(
            "installed {package}, but `{} --version` does not report `{wanted}`.\n  \
             hint: delete {} and run the command again",
            wasm_opt.display(),
            ws.tools_dir.display()
        ));
    }
    println!(
        "[tools] wasm-opt {BINARYEN_VERSION}: installed in {}",
        since(start)
    );
    Ok(())
}

fn wasm_opt_matches(ws: &Workspace, wasm_opt: &Path, wanted: &str) -> bool {
    probe(ws.command(wasm_opt).arg("--version")).is_some_and(|out| out.contains(wanted))
}

fn version_of(ws: &Workspace, program: &str) -> Option<String> {
    probe(ws.command(program).arg("--version"))
        .and_then(|out| out.lines().next().map(|line| line.trim().to_string()))
}

/// Catches an install that went somewhere our PATH does not look (for
/// example a custom `CARGO_INSTALL_ROOT`), which would otherwise make Trunk
/// try to download its own copy and fail offline.
fn expect_version(ws: &Workspace, program: &str, wanted: &str) -> Result<(), String> {
    let found = version_of(ws, program);
    if found.as_deref() == Some(wanted) {
        return Ok(());
    }
    Err(format!(
        "installed {program}, but `{program} --version` now reports {}.\n  \
         hint: make sure cargo installs into {} (unset CARGO_INSTALL_ROOT) and try again",
        found.map_or_else(|| "nothing".to_string(), |v| format!("`{v}`")),
        ws.cargo_bin.display()
    ))
}

/// cargo-fuzz, which builds the fuzz targets with libFuzzer (it needs a C++
/// compiler, which `build-essential` provides).
pub fn ensure_cargo_fuzz(ws: &Workspace) -> Result<(), String> {
    let wanted = format!("cargo-fuzz {CARGO_FUZZ_VERSION}");
    if probe(ws.cargo().args(["fuzz", "--version"])).as_deref() == Some(wanted.as_str()) {
        println!("[tools] cargo-fuzz {CARGO_FUZZ_VERSION}: already installed");
        return Ok(());
    }
    println!("[tools] cargo-fuzz {CARGO_FUZZ_VERSION}: installing with cargo install (about a minute)...");
    let start = Instant::now();
    run(
        ws.cargo().args([
            "install",
            "cargo-fuzz",
            "--version",
            CARGO_FUZZ_VERSION,
            "--locked",
        ]),
        "read the compiler error above; check that the crates registry is reachable",
    )?;
    println!(
        "[tools] cargo-fuzz {CARGO_FUZZ_VERSION}: installed in {}",
        since(start)
    );
    Ok(())
}

pub fn ensure_browser_tools(ws: &Workspace) -> Result<Browser, String> {
    let start = Instant::now();
    let found = (
        working_binary(ws, "CHROMIUM", "/usr/bin/chromium"),
        working_binary(ws, "CHROMEDRIVER", "/usr/bin/chromedriver"),
    );
    let browser = match found {
        (Some(chromium), Some(chromedriver)) => {
            println!("[tools] chromium and chromedriver: already installed");
            Browser {
                chromium,
                chromedriver,
            }
        }
        _ => install_browser(ws)?,
    };
    println!(
        "[tools] browser tools ready in {} (chromium: {}, chromedriver: {})",
        since(start),
        browser.chromium.display(),
        browser.chromedriver.display()
    );
    Ok(browser)
}

fn install_browser(ws: &Workspace) -> Result<Browser, String> {
    let is_root = probe(ws.command("id").arg("-u")).is_some_and(|uid| uid == "0");
    if !is_root {
        return Err(
            "chromium and chromedriver are needed for the end-to-end tests.\n  \
             hint: run `sudo apt-get update && sudo apt-get install -y chromium chromium-driver`, \
             or set CHROMIUM and CHROMEDRIVER to working binaries"
                .into(),
        );
    }
    println!("[tools] chromium and chromedriver: installing with apt-get...");
    let hint = "check that the Debian package mirrors are reachable and no other apt \
                process holds the lock; or set CHROMIUM and CHROMEDRIVER to working binaries";
    run(
        ws.command("apt-get")
            .arg("update")
            .env("DEBIAN_FRONTEND", "noninteractive"),
        hint,
    )?;
    run(
        ws.command("apt-get")
            .args(["install", "-y", "chromium", "chromium-driver"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
        hint,
    )?;
    let chromium = working_binary(ws, "CHROMIUM", "/usr/bin/chromium");
    let chromedriver = working_binary(ws, "CHROMEDRIVER", "/usr/bin/chromedriver");
    match (chromium, chromedriver) {
        (Some(chromium), Some(chromedriver)) => Ok(Browser {
            chromium,
            chromedriver,
        }),
        _ => Err(
            "apt-get finished, but /usr/bin/chromium or /usr/bin/chromedriver \
             still does not run `--version`.\n  \
             hint: run them by hand to see why"
                .into(),
        ),
    }
}

/// An explicit variable wins, so people can test against another browser;
/// a broken one is reported rather than silently replaced.
fn working_binary(ws: &Workspace, variable: &str, default: &str) -> Option<PathBuf> {
    if let Some(chosen) = non_empty_var(variable) {
        if runs_version(ws, &chosen) {
            return Some(chosen);
        }
        println!(
            "[tools] {variable}={} does not run `--version`; trying {default}",
            chosen.display()
        );
    }
    let default = PathBuf::from(default);
    runs_version(ws, &default).then_some(default)
}

fn runs_version(ws: &Workspace, program: &Path) -> bool {
    probe(ws.command(program).arg("--version")).is_some()
}

/// The variables the browser needs in `cargo test`: wasm tests (when there
/// are any) run through wasm-bindgen-test-runner, which drives chromedriver.
pub fn wasm_test_env(browser: &Browser) -> [(&'static str, OsString); 2] {
    [
        (
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner".into(),
        ),
        (
            "CHROMEDRIVER",
            browser.chromedriver.clone().into_os_string(),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"# This file is automatically @generated by Cargo.
version = 4

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "cfg-if",
 "wasm-bindgen-macro",
]

[[package]]
name = "wasm-bindgen-macro"
version = "0.2.130"

[[package]]
name = "namespaced"
version = "9.9.9"
"#;

    #[test]
    fn finds_the_locked_wasm_bindgen_version() {
        assert_eq!(locked_versions(LOCK, "wasm-bindgen"), ["0.2.130"]);
    }

    #[test]
    fn does_not_confuse_similar_names() {
        assert!(locked_versions(LOCK, "wasm").is_empty());
        assert_eq!(locked_versions(LOCK, "namespaced"), ["9.9.9"]);
    }

    #[test]
    fn reads_rustups_installed_lists() {
        let components =
            "cargo-x86_64-unknown-linux-gnu\nrust-src\nrustc-x86_64-unknown-linux-gnu\n";
        assert!(is_listed(components, RUST_SRC));
        assert!(is_listed("rust-src (installed)\n", RUST_SRC));
        assert!(!is_listed(
            "rust-std-wasm32-unknown-unknown\nrustc-x86_64-unknown-linux-gnu",
            RUST_SRC
        ));
        assert!(!is_listed("rust-src-extra", RUST_SRC));
        assert!(is_listed(
            "x86_64-unknown-linux-gnu\nwasm32-unknown-unknown\n",
            WASM_TARGET
        ));
        assert!(!is_listed("wasm32-unknown-unknown-extra", WASM_TARGET));
    }

    #[test]
    fn reports_every_distinct_version() {
        let two = format!("{LOCK}\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.99\"\n");
        assert_eq!(locked_versions(&two, "wasm-bindgen"), ["0.2.130", "0.2.99"]);
    }
}
