//! The quality gate that keeps Tandem's modules free of import circles.
//!
//! A circle (the storage using the recovery screen while the recovery screen
//! reads the storage) means neither module can be understood, tested or
//! moved without the other. The gate reads every module under `src/`, finds
//! each path it names (`use` declarations and paths in code starting with
//! `crate::`, `super::` or `self::`), resolves it to the module that defines
//! the item, through re-exports, and reports every group of modules that
//! reach each other.
//!
//! A module's own `mod` declarations and `pub use` re-exports of its
//! descendants are its table of contents, not a use; code in a parent that
//! uses a child's item is. Test modules (`#[cfg(test)]`) are skipped: a test
//! may reach anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use crate::gates::rust_files;
use crate::workspace::Workspace;

/// A module's path, as `crate::app::views` names it.
type Module = String;

/// What the gate knows of one module's file.
#[derive(Default)]
struct Source {
    /// Paths the module names, each as written from its crate root.
    uses: Vec<Use>,
    /// Names the module re-exports, and the path each stands for.
    exports: BTreeMap<String, String>,
}

/// One path a module names, and whether it only re-exports it.
struct Use {
    path: String,
    reexport: bool,
}

/// `cargo xtask check`'s gate: no circle among the modules under `src/`.
pub fn no_import_circles(ws: &Workspace) -> Result<(), String> {
    let src = ws.root.join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files)?;
    let mut sources = BTreeMap::new();
    for file in &files {
        let Some(module) = module_of(&src, file) else {
            continue;
        };
        let text =
            fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        sources.insert(module.clone(), read_source(&module, &text));
    }
    let circles = circles(&sources);
    if circles.is_empty() {
        println!(
            "[test] import circles: none among the {} modules in src/",
            sources.len()
        );
        return Ok(());
    }
    let listed: Vec<String> = circles
        .iter()
        .map(|group| format!("  {}", group.join(" <-> ")))
        .collect();
    Err(format!(
        "these modules use each other, so none of them can be read or changed alone:\n{}\n  \
         hint: move what both need into the module that owns it (or a new one named \
         after it), so that the dependency goes one way",
        listed.join("\n")
    ))
}

/// The module a file under `src/` holds; `None` for the binary's `main.rs`.
fn module_of(src: &Path, file: &Path) -> Option<Module> {
    let relative = file.strip_prefix(src).ok()?.with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    match parts.last().map(String::as_str) {
        Some("main") if parts.len() == 1 => return None,
        Some("lib") if parts.len() == 1 => parts.clear(),
        Some("mod") => {
            parts.pop();
        }
        _ => {}
    }
    Some(
        std::iter::once("crate".to_owned())
            .chain(parts)
            .collect::<Vec<_>>()
            .join("::"),
    )
}

/// The paths a module's code names, and what it re-exports.
fn read_source(module: &str, text: &str) -> Source {
    let code = without_tests(&without_comments_and_strings(text));
    let mut source = Source::default();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("use ") {
        let before = &rest[..at];
        let starts_item = before
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || c == ';' || c == '}' || c == '{');
        let after = &rest[at + 4..];
        let Some(end) = after.find(';') else {
            break;
        };
        if starts_item {
            let reexport = before.trim_end().ends_with("pub") || before.trim_end().ends_with(')');
            for (path, name) in use_tree(after[..end].trim()) {
                let Some(absolute) = absolute(module, &path) else {
                    continue;
                };
                if reexport {
                    source.exports.insert(name, absolute.clone());
                }
                source.uses.push(Use {
                    path: absolute,
                    reexport,
                });
            }
            rest = &after[end..];
        } else {
            rest = after;
        }
    }
    for path in paths_in_code(&code) {
        if let Some(absolute) = absolute(module, &path) {
            source.uses.push(Use {
                path: absolute,
                reexport: false,
            });
        }
    }
    source
}

/// The text with comments and the contents of string literals blanked, so
/// that a path in a doc comment or a message is not read as a use.
fn without_comments_and_strings(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        if text[i..].starts_with("//") {
            let end = text[i..].find('\n').map_or(text.len(), |n| i + n);
            i = end;
        } else if text[i..].starts_with("/*") {
            let end = text[i + 2..]
                .find("*/")
                .map_or(text.len(), |n| i + 2 + n + 2);
            i = end;
        } else if bytes[i] == b'"' {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j] != b'"' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            out.push_str("\"\"");
            i = (j + 1).min(bytes.len());
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The code without its `#[cfg(test)]` items.
fn without_tests(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        // The item ends at its closing brace, or at a `;` before any brace.
        let open = after.find('{');
        let semicolon = after.find(';');
        let end = match (open, semicolon) {
            (Some(open), Some(semi)) if semi < open => semi + 1,
            (Some(open), _) => {
                let mut depth = 0;
                let mut end = after.len();
                for (i, c) in after[open..].char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = open + i + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                end
            }
            (None, Some(semi)) => semi + 1,
            (None, None) => after.len(),
        };
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Every leaf of a `use` tree, as its full path and the name it is known by:
/// `a::{b, c::d as e, self}` gives `a::b` (b), `a::c::d` (e) and `a` (a).
fn use_tree(tree: &str) -> Vec<(String, String)> {
    let mut leaves = Vec::new();
    expand("", tree, &mut leaves);
    leaves
}

fn expand(prefix: &str, tree: &str, leaves: &mut Vec<(String, String)>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head = tree[..open].trim().trim_end_matches("::");
        let inner = tree[open + 1..].trim_end().trim_end_matches('}');
        let prefix = join(prefix, head);
        for part in split_top_level(inner) {
            expand(&prefix, part, leaves);
        }
        return;
    }
    if tree.is_empty() || tree.ends_with('*') {
        return;
    }
    let (path, alias) = match tree.split_once(" as ") {
        Some((path, alias)) => (path.trim(), Some(alias.trim())),
        None => (tree, None),
    };
    let full = if path == "self" {
        prefix.to_owned()
    } else {
        join(prefix, path)
    };
    let name = alias
        .map(str::to_owned)
        .unwrap_or_else(|| full.rsplit("::").next().unwrap_or_default().to_owned());
    leaves.push((full, name));
}

fn join(prefix: &str, path: &str) -> String {
    match (prefix.is_empty(), path.is_empty()) {
        (true, _) => path.to_owned(),
        (_, true) => prefix.to_owned(),
        _ => format!("{prefix}::{path}"),
    }
}

/// The comma-separated parts of a brace group's contents, braces kept whole.
fn split_top_level(inner: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
}

/// Paths in code outside `use` declarations: `crate::x::y`, `super::x`.
fn paths_in_code(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    for start in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(at) = code[from..].find(start).map(|n| from + n) {
            from = at + start.len();
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            // A `use` declaration's paths were read with their tree.
            let line_start = code[..at].rfind(['\n', ';']).map_or(0, |n| n + 1);
            if code[line_start..at].trim_start().starts_with("use ")
                || code[line_start..at].contains(" use ")
            {
                continue;
            }
            let end = code[at..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .map_or(code.len(), |n| at + n);
            paths.push(code[at..end].trim_end_matches(':').to_owned());
        }
    }
    paths
}

/// A path as written in `module`, from the crate root; `None` for a path
/// into another crate.
fn absolute(module: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = module.split("::").collect();
    let mut segments = path.split("::").peekable();
    match segments.peek().copied() {
        Some("crate") => {
            parts.truncate(1);
            segments.next();
        }
        Some("self") => {
            segments.next();
        }
        Some("super") => {
            while segments.peek() == Some(&"super") {
                segments.next();
                if parts.len() > 1 {
                    parts.pop();
                }
            }
        }
        // A name that is not a path from the crate: a sibling's `use
        // child::Item` in a `mod.rs` is relative to the module itself.
        Some(_) => {}
        None => return None,
    }
    let absolute: Vec<&str> = parts.into_iter().chain(segments).collect();
    Some(absolute.join("::"))
}

/// The module that defines what `path` names: its longest prefix that is a
/// module, followed through that module's re-exports.
fn defining_module(sources: &BTreeMap<Module, Source>, path: &str) -> Option<Module> {
    let mut path = path.to_owned();
    for _ in 0..16 {
        let segments: Vec<&str> = path.split("::").collect();
        let known = (1..=segments.len())
            .rev()
            .find(|&n| sources.contains_key(&segments[..n].join("::")))?;
        let module = segments[..known].join("::");
        let Some(name) = segments.get(known) else {
            return Some(module);
        };
        match sources[&module].exports.get(*name) {
            Some(target) if *target != path => {
                let rest = &segments[known + 1..];
                path = std::iter::once(target.as_str())
                    .chain(rest.iter().copied())
                    .collect::<Vec<_>>()
                    .join("::");
            }
            _ => return Some(module),
        }
    }
    None
}

/// Each group of two or more modules that reach one another, in order.
fn circles(sources: &BTreeMap<Module, Source>) -> Vec<Vec<Module>> {
    let mut edges: BTreeMap<&str, BTreeSet<Module>> = BTreeMap::new();
    for (module, source) in sources {
        let targets = edges.entry(module).or_default();
        for used in &source.uses {
            let Some(target) = defining_module(sources, &used.path) else {
                continue;
            };
            let into_own = target.starts_with(&format!("{module}::"));
            if target == *module || (used.reexport && into_own) {
                continue;
            }
            // A child declared here is its parent's to declare.
            if into_own && !target[module.len() + 2..].contains("::") && used.path == target {
                continue;
            }
            targets.insert(target);
        }
    }
    strongly_connected(&edges)
}

/// Tarjan's strongly connected components, each of more than one module.
fn strongly_connected(edges: &BTreeMap<&str, BTreeSet<Module>>) -> Vec<Vec<Module>> {
    struct Walk<'e> {
        edges: &'e BTreeMap<&'e str, BTreeSet<Module>>,
        index: BTreeMap<String, usize>,
        low: BTreeMap<String, usize>,
        stack: Vec<String>,
        on_stack: BTreeSet<String>,
        groups: Vec<Vec<Module>>,
    }
    impl Walk<'_> {
        fn visit(&mut self, node: &str) {
            let n = self.index.len();
            self.index.insert(node.to_owned(), n);
            self.low.insert(node.to_owned(), n);
            self.stack.push(node.to_owned());
            self.on_stack.insert(node.to_owned());
            let next: Vec<Module> = self
                .edges
                .get(node)
                .map(|t| t.iter().cloned().collect())
                .unwrap_or_default();
            for target in next {
                if !self.index.contains_key(&target) {
                    self.visit(&target);
                    let low = self.low[node].min(self.low[&target]);
                    self.low.insert(node.to_owned(), low);
                } else if self.on_stack.contains(&target) {
                    let low = self.low[node].min(self.index[&target]);
                    self.low.insert(node.to_owned(), low);
                }
            }
            if self.low[node] == self.index[node] {
                let mut group = Vec::new();
                while let Some(top) = self.stack.pop() {
                    self.on_stack.remove(&top);
                    let done = top == node;
                    group.push(top);
                    if done {
                        break;
                    }
                }
                if group.len() > 1 {
                    group.sort();
                    self.groups.push(group);
                }
            }
        }
    }
    let mut walk = Walk {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        groups: Vec::new(),
    };
    for node in edges.keys() {
        if !walk.index.contains_key(*node) {
            walk.visit(node);
        }
    }
    walk.groups.sort();
    walk.groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crate_of(files: &[(&str, &str)]) -> BTreeMap<Module, Source> {
        files
            .iter()
            .map(|(module, text)| (module.to_string(), read_source(module, text)))
            .collect()
    }

    #[test]
    fn use_trees_expand_to_every_leaf() {
        assert_eq!(
            use_tree("crate::a::{b, c::{d as e, self}, f::*}"),
            [
                ("crate::a::b".to_owned(), "b".to_owned()),
                ("crate::a::c::d".to_owned(), "e".to_owned()),
                ("crate::a::c".to_owned(), "c".to_owned()),
            ]
        );
    }

    #[test]
    fn paths_are_read_from_the_crate_root() {
        assert_eq!(
            absolute("crate::app::views", "super::state::Saving").as_deref(),
            Some("crate::app::state::Saving")
        );
        assert_eq!(
            absolute("crate::app", "views::Workshop").as_deref(),
            Some("crate::app::views::Workshop")
        );
        assert_eq!(
            absolute("crate::a::b", "crate::c").as_deref(),
            Some("crate::c")
        );
    }

    #[test]
    fn two_modules_that_use_each_other_are_a_circle() {
        let sources = crate_of(&[
            ("crate", "mod storage; mod recovery;"),
            ("crate::storage", "fn f() { crate::recovery::stopped(); }"),
            ("crate::recovery", "use crate::storage::saved_text;"),
        ]);
        assert_eq!(
            circles(&sources),
            [vec![
                "crate::recovery".to_owned(),
                "crate::storage".to_owned()
            ]]
        );
    }

    #[test]
    fn a_circle_through_a_reexport_is_found() {
        let sources = crate_of(&[
            (
                "crate::assessment",
                "pub mod bank; pub mod scoring; pub use scoring::Level;",
            ),
            ("crate::assessment::bank", "use super::Level;"),
            (
                "crate::assessment::scoring",
                "use crate::assessment::bank::Bank;",
            ),
        ]);
        assert_eq!(
            circles(&sources),
            [vec![
                "crate::assessment::bank".to_owned(),
                "crate::assessment::scoring".to_owned()
            ]]
        );
    }

    #[test]
    fn declarations_comments_strings_and_tests_are_not_uses() {
        let sources = crate_of(&[
            (
                "crate::app",
                "mod views; pub use views::Shown; // uses crate::app::views::x\n",
            ),
            (
                "crate::app::views",
                "pub struct Shown; fn f() { let _ = \"crate::app::Thing\"; }\n\
                 use super::App;\n#[cfg(test)]\nmod tests { use crate::app::Other; }",
            ),
        ]);
        assert!(circles(&sources).is_empty());
    }

    #[test]
    fn a_parent_that_uses_a_child_which_uses_it_is_a_circle() {
        let sources = crate_of(&[
            (
                "crate::app",
                "mod views; use views::Landing; pub fn download() {}",
            ),
            (
                "crate::app::views",
                "pub struct Landing; fn f() { crate::app::download(); }",
            ),
        ]);
        assert_eq!(
            circles(&sources),
            [vec![
                "crate::app".to_owned(),
                "crate::app::views".to_owned()
            ]]
        );
    }
}
