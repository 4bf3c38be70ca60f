//! Splits Tandem's release wasm in two, so that a first visit downloads only
//! the code its first screen runs.
//!
//! `tandem-split split APP.wasm PROFILE REST.wasm IMPORTS` rewrites APP.wasm into
//! the *main* module, which keeps every function named in PROFILE (the
//! functions the first screen ran, recorded by `cargo xtask profile`), and
//! writes every other function into REST.wasm. In the main module each moved
//! function becomes a stub that loads the rest if it has not arrived yet,
//! then calls the real function through the function table:
//!
//! ```text
//! global.get $rest_loaded  i32.eqz  if  call $tandem.load  end
//! local.get 0 .. local.get n  i32.const SLOT  call_indirect
//! ```
//!
//! The rest module imports the main module's memory, tables, globals and the
//! functions it calls, and on instantiation writes its functions into the
//! table slots the stubs call and over the table entries (trait objects,
//! closures) that named moved functions, then sets `$rest_loaded`. The page
//! code that loads it is tools/split/loader.js. The main module's imports
//! take short names (`link::short_import`), written to IMPORTS a line each
//! (module, name as built, short name, tab-separated) for the build to give
//! the glue's import object the same ones (tools/split/build.mjs).
//!
//! `tandem-split instrument APP.wasm NAMES` adds a call to `tandem.ran(n)`
//! at the start of local function n and writes each function's name, one a
//! line, to NAMES: what `cargo xtask profile` runs to record the profile.
//!
//! Both read the names that `wasm-opt -g` keeps and write modules without
//! them. Names are compared without the crate hashes rustc puts in them
//! (`yew[dee37bcb31318540]::html`), so that a profile outlives a compiler
//! update; a function missing from a stale profile still works, loaded on
//! demand.
//!
//! This file is the command line. The stages, in the order a split runs
//! them: `parsed` reads the module; `plan` decides which functions move;
//! `main_module` and `rest_module` write the two modules, from the sections
//! that `reencode` copies with their functions renumbered; `link` names what
//! the two modules and the loader share. `profile` reads the profile and the
//! names it compares; `instrument` writes the build that records one.

mod data;
mod instrument;
mod link;
mod main_module;
mod parsed;
mod plan;
mod profile;
mod reencode;
mod rest_module;
#[cfg(test)]
mod tests;

use std::process::ExitCode;

use wasmparser as wp;

use crate::parsed::Parsed;
use crate::profile::parse_profile;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["split", app, profile, rest, imports] => split_files(app, profile, rest, imports, None),
        ["split", app, profile, rest, imports, map] => {
            split_files(app, profile, rest, imports, Some(map))
        }
        ["instrument", app, names] => instrument_files(app, names),
        _ => Err(
            "usage: tandem-split split APP.wasm PROFILE REST.wasm IMPORTS [LINK_MAP]\n       \
                  tandem-split instrument APP.wasm NAMES"
                .to_string(),
        ),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("tandem-split: {message}");
            ExitCode::FAILURE
        }
    }
}

fn read(path: &str) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))
}

fn write(path: &str, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {path}: {e}"))
}

fn split_files(
    app: &str,
    profile: &str,
    rest: &str,
    imports: &str,
    map: Option<&str>,
) -> Result<(), String> {
    let bytes = read(app)?;
    let chunks = match map {
        Some(map) => {
            let text =
                std::fs::read_to_string(map).map_err(|e| format!("cannot read {map}: {e}"))?;
            Some(data::read_map(&text).map_err(|e| format!("{map}: {e}"))?)
        }
        None => None,
    };
    let profile_text =
        std::fs::read_to_string(profile).map_err(|e| format!("cannot read {profile}: {e}"))?;
    let keep = parse_profile(&profile_text);
    let module = Parsed::new(&bytes).map_err(|e| format!("{app}: {e}"))?;
    let split = module
        .split(&keep, chunks.as_deref())
        .map_err(|e| format!("{app}: {e}"))?;
    validate(&split.main).map_err(|e| format!("the main module is not valid wasm: {e}"))?;
    validate(&split.rest).map_err(|e| format!("the rest module is not valid wasm: {e}"))?;
    let mut renames = String::new();
    for (module, name, short) in module.short_imports() {
        if [module, name].iter().any(|n| n.contains(['\t', '\n'])) {
            return Err(format!(
                "{app}: an import name holds a tab or a line break: {name:?}"
            ));
        }
        renames.push_str(&format!("{module}\t{name}\t{short}\n"));
    }
    write(app, &split.main)?;
    write(rest, &split.rest)?;
    write(imports, renames.as_bytes())?;
    println!(
        "tandem-split: {} of {} functions stay in the main module ({} from the profile of {} \
         names), and {} bytes of data move with the others; main {} bytes, rest {} bytes",
        split.kept,
        module.bodies.len(),
        split.profiled,
        keep.len(),
        split.moved_data,
        split.main.len(),
        split.rest.len(),
    );
    Ok(())
}

fn instrument_files(app: &str, names: &str) -> Result<(), String> {
    let bytes = read(app)?;
    let module = Parsed::new(&bytes).map_err(|e| format!("{app}: {e}"))?;
    let instrumented = module.instrument().map_err(|e| format!("{app}: {e}"))?;
    validate(&instrumented).map_err(|e| format!("the instrumented module is not valid: {e}"))?;
    write(app, &instrumented)?;
    let list: String = (0..module.bodies.len() as u32)
        .map(|n| format!("{}\n", module.stable_name(n).unwrap_or_default()))
        .collect();
    write(names, list.as_bytes())
}

/// Whether `bytes` is a valid module, with every feature wasmparser knows.
fn validate(bytes: &[u8]) -> Result<(), String> {
    wp::Validator::new_with_features(wp::WasmFeatures::all())
        .validate_all(bytes)
        .map(|_| ())
        .map_err(|e| e.to_string())
}
