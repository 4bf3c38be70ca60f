//! The user-facing commands: `serve`, `build`, `check`, `test` and `profile`,
//! each ensuring the tools it needs before running them (`bench` is in
//! `bench/`, and shares the release build and the e2e/ folder's set-up).
//!
//! `test` runs its layers from cheapest to most expensive and stops at the
//! first failure, so a broken unit test is reported in seconds instead of
//! after a release build and a browser run.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::process::{probe, run, since};
use crate::toolchain;
use crate::tools::{self, Browser};
use crate::workspace::Workspace;
use crate::{gates, modules};

const TEST_LAYERS: usize = 4;

pub fn serve(ws: &Workspace, port: u16) -> Result<(), String> {
    tools::ensure_build_tools(ws)?;
    let url = format!("http://127.0.0.1:{port}/");
    println!(
        "[serve] serving a release build at {url} (rebuilds on change, no offline copy; Ctrl-C to stop)"
    );
    let start = Instant::now();
    let port = port.to_string();
    let split_env = tools::splitter(ws)?;
    run(
        ws.command("trunk")
            .args([
                "serve",
                "--release",
                "--address",
                "127.0.0.1",
                "--port",
                &port,
            ])
            .envs(tools::release_build_env())
            .envs(split_env)
            // No service worker while developing: each rebuild would wait
            // behind the cached one (see tools/post-build.mjs).
            .env("TANDEM_OFFLINE", "off"),
        "if the port is taken, pick another with `cargo xtask serve --port N`; \
         otherwise read Trunk's error above",
    )?;
    println!("[serve] stopped after {}", since(start));
    Ok(())
}

pub fn build(ws: &Workspace) -> Result<(), String> {
    tools::ensure_build_tools(ws)?;
    trunk_release(ws)?;
    sizes(ws, Budget::Report)
}

/// Whether the first screen's size budget is only reported or enforced.
#[derive(PartialEq)]
enum Budget {
    Report,
    Enforce,
}

/// Every file of dist/ with its raw, gzip and brotli size, and the first
/// screen against its budget: tools/sizes.mjs, where the rule of what a
/// first visit downloads lives (the benchmark prints the same table).
fn sizes(ws: &Workspace, budget: Budget) -> Result<(), String> {
    println!();
    let mut command = ws.command("node");
    command
        .arg(ws.root.join("tools").join("sizes.mjs"))
        .arg(ws.dist());
    if budget == Budget::Enforce {
        command.arg("--check");
    }
    run(
        &mut command,
        "the line above says by how much the first screen is over its budget and where to look",
    )
}

pub fn trunk_release(ws: &Workspace) -> Result<(), String> {
    let split_env = tools::splitter(ws)?;
    println!("[build] trunk build --release, with the standard library built for size...");
    let start = Instant::now();
    run(
        ws.command("trunk")
            .args(["build", "--release"])
            .envs(tools::release_build_env())
            .envs(split_env),
        "read Trunk's error above; `cargo build --release --target wasm32-unknown-unknown` \
         with the same variables shows compiler errors without Trunk",
    )?;
    println!("[build] release build finished in {}", since(start));
    Ok(())
}

const GATES: &str =
    "cargo fmt --check, cargo clippy -D warnings, the domain boundary, no import circles";

fn quality_gates(ws: &Workspace) -> Result<(), String> {
    gates::formatting(ws)?;
    gates::lints(ws)?;
    gates::domain_boundary(ws)?;
    modules::no_import_circles(ws)
}

/// `cargo xtask check`: the first layer of `test` on its own, for a quick
/// look before a commit. Clippy builds for wasm32, so it needs the target.
pub fn check(ws: &Workspace) -> Result<(), String> {
    toolchain::ensure_pinned_compiler(ws)?;
    tools::ensure_wasm_target(ws)?;
    tools::ensure_lint_tools(ws)?;
    println!("\n==> quality gates: {GATES}");
    let start = Instant::now();
    quality_gates(ws)?;
    println!("[check] quality gates passed in {}", since(start));
    Ok(())
}

pub fn test(ws: &Workspace) -> Result<(), String> {
    let start = Instant::now();
    tools::ensure_build_tools(ws)?;
    tools::ensure_lint_tools(ws)?;
    let browser = tools::ensure_browser_tools(ws)?;

    layer(1, "quality gates", GATES, || quality_gates(ws))?;
    layer(2, "native tests", "cargo test --workspace", || {
        run(
            ws.cargo()
                .args(["test", "--workspace"])
                .envs(tools::wasm_test_env(&browser)),
            "read the failing test above; rerun it alone with `cargo test <name>`",
        )
    })?;
    layer(
        3,
        "release build",
        "trunk build --release, and the first screen's size budget",
        || {
            trunk_release(ws)?;
            sizes(ws, Budget::Enforce)
        },
    )?;
    layer(
        4,
        "end-to-end tests",
        "node --test e2e/tests/ against dist/",
        || end_to_end(ws, &browser),
    )?;

    println!(
        "\n[test] all {TEST_LAYERS} test layers passed in {}",
        since(start)
    );
    Ok(())
}

/// `cargo xtask profile`: builds the release with every function reporting
/// that it ran (TANDEM_SPLIT_MODE=instrument, into target/profile-dist),
/// opens its first screens in headless Chromium (e2e/profile.js) and writes
/// the functions they ran to tools/first-screen.txt, which every split build
/// keeps in the main module.
pub fn profile(ws: &Workspace) -> Result<(), String> {
    let start = Instant::now();
    tools::ensure_build_tools(ws)?;
    let browser = tools::ensure_browser_tools(ws)?;
    let split_env = tools::splitter(ws)?;
    let dist = ws.root.join("target").join("profile-dist");
    println!(
        "[profile] trunk build --release, instrumented, into {}...",
        dist.display()
    );
    run(
        ws.command("trunk")
            .args(["build", "--release", "--dist"])
            .arg(&dist)
            .envs(tools::release_build_env())
            .envs(split_env)
            .env("TANDEM_SPLIT_MODE", "instrument")
            .env("TANDEM_OFFLINE", "off"),
        "read Trunk's error above",
    )?;
    let e2e = e2e_ready(ws)?;
    println!("[profile] opening the first screens in headless Chromium...");
    run(
        ws.command("node")
            .arg(e2e.join("profile.js"))
            .env("TANDEM_DIST", &dist)
            .env("CHROMIUM", &browser.chromium),
        "read the error above; `TANDEM_DIST=target/profile-dist node e2e/profile.js` \
         runs this step alone",
    )?;
    println!(
        "[profile] finished in {}; commit tools/first-screen.txt",
        since(start)
    );
    Ok(())
}

fn layer(
    number: usize,
    name: &str,
    what: &str,
    body: impl FnOnce() -> Result<(), String>,
) -> Result<(), String> {
    println!("\n==> [test {number}/{TEST_LAYERS}] {name}: {what}");
    let start = Instant::now();
    match body() {
        Ok(()) => {
            println!("[test] {name} passed in {}", since(start));
            Ok(())
        }
        Err(error) => Err(format!("{name} failed after {}\n{error}", since(start))),
    }
}

/// The e2e/ folder with its Node dependencies installed (`npm ci` when the
/// lock file is newer than node_modules), after checking Node's version.
pub fn e2e_ready(ws: &Workspace) -> Result<PathBuf, String> {
    let e2e = ws.root.join("e2e");
    let package_json = e2e.join("package.json");
    if !package_json.is_file() {
        return Err(format!(
            "{} does not exist, so there are no end-to-end tests to run.\n  \
             hint: the e2e/ folder (package.json, package-lock.json, tests/) has to be \
             in place before `cargo xtask test`",
            package_json.display()
        ));
    }
    let lock = e2e.join("package-lock.json");
    if !lock.is_file() {
        return Err(format!(
            "{} does not exist; `npm ci` installs exactly what it lists.\n  \
             hint: run `npm install` in e2e/ once and commit package-lock.json",
            lock.display()
        ));
    }
    match probe(ws.command("node").arg("--version")) {
        None => {
            return Err(
                "node not found; the end-to-end tests run on Node.js 20 or later.\n  \
                 hint: install Node.js and npm, e.g. `apt-get install nodejs npm`"
                    .into(),
            )
        }
        Some(version) if node_version(&version).is_some_and(|v| v < NODE_OLDEST) => {
            return Err(format!(
                "node {} is too old: the end-to-end tests need Node.js {}.{} or later \
                 (pdf.js, which reads the printed reports back, asks for it).\n  \
                 hint: install a current Node.js and npm",
                version.trim(),
                NODE_OLDEST.0,
                NODE_OLDEST.1
            ))
        }
        Some(_) => {}
    }

    npm_ci(ws, "e2e")?;
    Ok(e2e)
}

/// Runs `npm ci` in `folder` (relative to the workspace) unless its
/// node_modules already holds what its package-lock.json lists.
pub fn npm_ci(ws: &Workspace, folder: &str) -> Result<(), String> {
    let dir = ws.root.join(folder);
    match reinstall_reason(&dir.join("node_modules"), &dir.join("package-lock.json")) {
        Some(reason) => {
            println!("[tools] {folder} dependencies: {folder}/{reason}; running npm ci...");
            let start = Instant::now();
            run(
                ws.command("npm")
                    .args(["ci", "--no-audit", "--no-fund"])
                    .current_dir(&dir)
                    // Browser downloads fail on these machines; the tests use
                    // the system Chromium passed in CHROMIUM.
                    .env("PUPPETEER_SKIP_DOWNLOAD", "1")
                    .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
                &format!(
                    "check that the npm registry is reachable and that {folder}/package-lock.json \
                     matches {folder}/package.json"
                ),
            )?;
            println!(
                "[tools] {folder} dependencies installed in {}",
                since(start)
            );
        }
        None => {
            println!("[tools] {folder} dependencies: node_modules is up to date; skipping npm ci")
        }
    }
    Ok(())
}

fn end_to_end(ws: &Workspace, browser: &Browser) -> Result<(), String> {
    let e2e = e2e_ready(ws)?;
    // The files are named one by one: from Node 21 on, a folder argument to
    // `--test` is read as a file pattern and matches nothing.
    let tests = test_files(&e2e.join("tests"))?;
    run(
        ws.command("node")
            .args(["--test", "--test-concurrency=1"])
            .args(&tests)
            .env("TANDEM_DIST", ws.dist())
            .env("CHROMIUM", &browser.chromium)
            .env("CHROMEDRIVER", &browser.chromedriver),
        "read the failing test above; e2e/artifacts/ may hold screenshots or logs",
    )
}

/// `None` when node_modules is at least as new as the lock file, i.e. the
/// last `npm ci` already installed what the lock file asks for.
fn reinstall_reason(node_modules: &Path, lock: &Path) -> Option<&'static str> {
    let modified = |path: &Path| fs::metadata(path).and_then(|m| m.modified()).ok();
    let Some(installed) = modified(node_modules) else {
        return Some("node_modules is missing");
    };
    match modified(lock) {
        Some(locked) if locked <= installed => None,
        _ => Some("package-lock.json is newer than node_modules"),
    }
}

/// The major version in `node --version` output such as `v20.20.2`.
/// The oldest Node.js the end-to-end tests run on: playwright-core needs
/// 20, pdf.js (pdfjs-dist 5) 20.19.
const NODE_OLDEST: (u32, u32) = (20, 19);

/// Major and minor of `node --version`'s output ("v20.20.2").
fn node_version(version: &str) -> Option<(u32, u32)> {
    let mut parts = version.trim().trim_start_matches('v').split('.');
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next()?.parse().ok()?;
    Some((major, minor))
}

/// Every `*.test.js` file in `dir`, sorted so runs are repeatable.
fn test_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut files: Vec<_> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.ends_with(".test.js"))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no *.test.js files in {}", dir.display()));
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::node_version;

    #[test]
    fn node_versions_are_read() {
        assert_eq!(node_version("v20.20.2\n"), Some((20, 20)));
        assert_eq!(node_version("v18.19.0"), Some((18, 19)));
        assert!(node_version("v20.18.1").unwrap() < super::NODE_OLDEST);
        assert!(node_version("v22.1.0").unwrap() > super::NODE_OLDEST);
        assert_eq!(node_version("garbage"), None);
    }
}
