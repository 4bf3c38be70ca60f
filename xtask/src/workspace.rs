//! Where things live: the repository root, the folder `cargo install` fills, the private
//! tools folder, and the single PATH value that every child process gets.
//!
//! Every command is created through [`Workspace::command`] so that a tool we
//! just installed is the one that runs, even when an older copy sits earlier
//! on the user's PATH.

use std::env;
use std::ffi::{OsStr, OsString};
use std::path::PathBuf;
use std::process::Command;

pub struct Workspace {
    pub root: PathBuf,
    pub cargo_bin: PathBuf,
    pub tools_dir: PathBuf,
    path: OsString,
}

impl Workspace {
    pub fn discover() -> Result<Self, String> {
        // `cargo run` sets the variable for the running program; prefer it to
        // the path compiled in, which is stale when a build of another checkout
        // shares this target folder.
        let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
        let root = manifest_dir
            .parent()
            .ok_or_else(|| format!("{} has no parent folder", manifest_dir.display()))?
            .to_path_buf();

        let home = non_empty_var("HOME");
        let cargo_home = non_empty_var("CARGO_HOME")
            .or_else(|| home.as_ref().map(|h| h.join(".cargo")))
            .ok_or("neither CARGO_HOME nor HOME is set, so Cargo's bin folder is unknown")?;
        // The XDG spec says relative values must be ignored.
        let cache_home = non_empty_var("XDG_CACHE_HOME")
            .filter(|p| p.is_absolute())
            .or_else(|| home.as_ref().map(|h| h.join(".cache")))
            .ok_or("neither XDG_CACHE_HOME nor HOME is set, so the tools folder is unknown")?;

        // `cargo install` puts binaries in CARGO_INSTALL_ROOT when it is set
        // (CI keeps them there across runs while CARGO_HOME starts empty).
        let cargo_bin = non_empty_var("CARGO_INSTALL_ROOT")
            .unwrap_or(cargo_home)
            .join("bin");
        let tools_dir = cache_home.join("tandem-tools");
        let mut dirs = vec![
            cargo_bin.clone(),
            tools_dir.join("node_modules").join(".bin"),
        ];
        if let Some(existing) = env::var_os("PATH") {
            dirs.extend(env::split_paths(&existing));
        }
        let path = env::join_paths(dirs).map_err(|e| format!("cannot build PATH: {e}"))?;

        Ok(Workspace {
            root,
            cargo_bin,
            tools_dir,
            path,
        })
    }

    /// A command that runs in the repository root with our PATH. On Unix the
    /// program itself is also looked up in that PATH, not in ours.
    pub fn command(&self, program: impl AsRef<OsStr>) -> Command {
        let mut command = Command::new(program);
        command.env("PATH", &self.path).current_dir(&self.root);
        command
    }

    /// Cargo sets `CARGO` for `cargo run`; using it keeps nested builds on
    /// the same toolchain as the one running xtask.
    pub fn cargo(&self) -> Command {
        self.command(env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
    }

    pub fn dist(&self) -> PathBuf {
        self.root.join("dist")
    }

    pub fn wasm_opt(&self) -> PathBuf {
        self.tools_dir
            .join("node_modules")
            .join(".bin")
            .join("wasm-opt")
    }
}

/// Treats an empty variable like an unset one, the way shells users expect.
pub fn non_empty_var(name: &str) -> Option<PathBuf> {
    env::var_os(name)
        .filter(|value| !value.is_empty())
        .map(PathBuf::from)
}
