//! Every relative link in the README and the guides in `docs/` (and the
//! READMEs of `e2e/` and `fuzz/`) leads somewhere: to a file or folder that
//! exists and, when it names a `#heading`, to a heading of that Markdown file
//! with that anchor, as GitHub spells anchors. A guide that is moved or a
//! heading that is reworded then fails here, not in a reader's browser.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The Markdown files whose links are checked.
fn documents() -> Vec<PathBuf> {
    let mut files = vec![
        root().join("README.md"),
        root().join("e2e/README.md"),
        root().join("fuzz/README.md"),
    ];
    let docs = fs::read_dir(root().join("docs")).expect("docs/ is readable");
    let mut guides: Vec<PathBuf> = docs
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    guides.sort();
    files.extend(guides);
    files
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The lines of `markdown` outside fenced code blocks, with inline code
/// spans left out (a link written as code is not a link).
fn prose(markdown: &str) -> Vec<String> {
    let mut fenced = false;
    let mut lines = Vec::new();
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if !fenced {
            let outside_code: Vec<&str> = line.split('`').step_by(2).collect();
            lines.push(outside_code.join(" "));
        }
    }
    lines
}

/// The targets of the `[text](target)` links in `markdown`.
fn links(markdown: &str) -> Vec<String> {
    let mut targets = Vec::new();
    for line in prose(markdown) {
        let mut rest = line.as_str();
        while let Some(start) = rest.find("](") {
            let after = &rest[start + 2..];
            let Some(end) = after.find(')') else { break };
            targets.push(after[..end].trim().to_owned());
            rest = &after[end..];
        }
    }
    targets
}

/// GitHub's anchor for a heading: lower case, every character but letters,
/// digits, spaces, hyphens and underscores dropped, spaces turned into
/// hyphens.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// Every anchor of a Markdown file's headings; a repeated heading's
/// anchors get `-1`, `-2` and so on, as on GitHub.
fn anchors(markdown: &str) -> HashSet<String> {
    let mut found = HashSet::new();
    let mut fenced = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        let text = line.trim_start_matches('#');
        if fenced || text.len() == line.len() || !text.starts_with(' ') {
            continue;
        }
        let base = anchor(&text.replace('`', ""));
        let mut candidate = base.clone();
        let mut repeat = 0;
        while !found.insert(candidate.clone()) {
            repeat += 1;
            candidate = format!("{base}-{repeat}");
        }
    }
    found
}

/// What is wrong with `target`, a link in the file `from`, if anything.
fn broken(from: &Path, target: &str) -> Option<String> {
    let external = ["http://", "https://", "mailto:"];
    if external.iter().any(|scheme| target.starts_with(scheme)) {
        return None;
    }
    let (file, heading) = match target.split_once('#') {
        Some((file, heading)) => (file, Some(heading)),
        None => (target, None),
    };
    let path = if file.is_empty() {
        from.to_path_buf()
    } else {
        from.parent().expect("a document is in a folder").join(file)
    };
    if !path.exists() {
        return Some(format!("{target}: there is no {}", path.display()));
    }
    let heading = heading?;
    if path.extension().is_none_or(|ext| ext != "md") {
        return Some(format!(
            "{target}: #{heading} points into a file that is not Markdown"
        ));
    }
    if anchors(&read(&path)).contains(heading) {
        None
    } else {
        Some(format!(
            "{target}: {} has no heading #{heading}",
            path.display()
        ))
    }
}

#[test]
fn every_relative_link_leads_to_a_file_and_heading_that_exist() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for document in documents() {
        for target in links(&read(&document)) {
            checked += 1;
            if let Some(problem) = broken(&document, &target) {
                let name = document.strip_prefix(root()).unwrap_or(&document);
                problems.push(format!("{}: {problem}", name.display()));
            }
        }
    }
    assert!(
        checked > 50,
        "only {checked} links found: is the reader broken?"
    );
    assert!(
        problems.is_empty(),
        "broken links:\n{}",
        problems.join("\n")
    );
}

#[test]
fn links_and_anchors_are_read_as_github_reads_them() {
    let markdown = "# Tandem\n\
                    See [the guide](docs/a.md#the-configurations-fields) and [here](#tandem).\n\
                    `[not a link](nowhere.md)` and [web](https://yew.rs).\n\
                    ```text\n[in code](nowhere.md)\n# not a heading\n```\n\
                    ## The configuration's fields\n\
                    ## Identity: the `fingerprint`\n\
                    ## Notes\n## Notes\n#hashtag\n";
    assert_eq!(
        links(markdown),
        [
            "docs/a.md#the-configurations-fields",
            "#tandem",
            "https://yew.rs"
        ]
    );
    let found = anchors(markdown);
    for expected in [
        "tandem",
        "the-configurations-fields",
        "identity-the-fingerprint",
        "notes",
        "notes-1",
    ] {
        assert!(found.contains(expected), "{expected} in {found:?}");
    }
    assert!(!found.contains("not-a-heading"));
    assert!(!found.contains("hashtag"));
    assert_eq!(found.len(), 5);
}
