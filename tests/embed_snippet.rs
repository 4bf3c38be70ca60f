//! The README's embed snippet and the demo page the build ships stay the same
//! code: `embed-demo.html` is the snippet's frame with Tandem's address being
//! its own folder, and `embed-demo.js` is the snippet's script, word for word.
//! The browser test (e2e/tests/embed.test.js) runs the snippet itself on a
//! page of another origin.

use std::fs;
use std::path::Path;

/// Where Tandem is hosted, as the README's snippet writes it.
const PLACEHOLDER: &str = "https://YOUR-HOST/tandem/";

fn read(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The ```html block of the README's "Embed Tandem in a page" section, split
/// into its markup and the text of its script.
fn snippet() -> (String, String) {
    let readme = read("README.md");
    let section = readme
        .split_once("\n## Embed Tandem in a page\n")
        .expect("the README has an \"Embed Tandem in a page\" section")
        .1;
    let block = section
        .split_once("```html\n")
        .and_then(|(_, rest)| rest.split_once("\n```"))
        .expect("the section has an ```html block")
        .0;
    let (markup, rest) = block
        .split_once("<script>\n")
        .expect("the snippet has an inline script");
    let script = rest
        .strip_suffix("</script>")
        .expect("the snippet ends with its script");
    (markup.to_owned(), script.to_owned())
}

/// Lines without their indentation, blank lines left out.
fn lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn the_demo_script_is_the_snippets_script() {
    let (_, script) = snippet();
    assert_eq!(read("embed-demo.js"), script);
}

#[test]
fn the_demo_page_is_the_snippet_with_the_app_beside_it() {
    let (markup, _) = snippet();
    assert_eq!(
        markup.matches(PLACEHOLDER).count(),
        1,
        "one placeholder for Tandem's address"
    );
    // The demo sits beside Tandem's index.html, so its address is relative.
    let beside = markup.replace(PLACEHOLDER, "");
    let mut expected = lines(&beside);
    expected.push(r#"<script src="embed-demo.js"></script>"#);

    let demo = read("embed-demo.html");
    let demo = lines(&demo);
    assert!(
        demo.windows(expected.len())
            .any(|w| w == expected.as_slice()),
        "embed-demo.html holds the snippet's frame then its script file:\n{}",
        expected.join("\n")
    );
}

#[test]
fn the_demo_page_has_no_inline_script_or_style() {
    let demo = read("embed-demo.html");
    for (at, _) in demo.match_indices("<script") {
        let tag = &demo[at..demo[at..].find('>').map_or(demo.len(), |end| at + end)];
        assert!(
            tag.contains(" src="),
            "an inline script in embed-demo.html: {tag}"
        );
    }
    for attribute in [" style=", "<style", " onload=", " onclick=", "javascript:"] {
        assert!(!demo.contains(attribute), "embed-demo.html has {attribute}");
    }
}

#[test]
fn the_build_ships_the_demo() {
    let index = read("index.html");
    for file in ["embed-demo.html", "embed-demo.js"] {
        assert!(
            index.contains(&format!(
                r#"<link data-trunk rel="copy-file" href="{file}">"#
            )),
            "index.html has Trunk copy {file} into the build"
        );
    }
}
