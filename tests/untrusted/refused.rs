//! Hostile and mistaken files refused, each problem with its own location
//! and reason, and every problem of a file listed at once.

use super::*;

/// The problems `Config::parse` finds in `text`, as "location: reason" lines;
/// empty when it is accepted.
fn problems_in(text: &str) -> Vec<String> {
    match Config::parse(text, Bank::standard()) {
        Ok(_) => Vec::new(),
        Err(error) => error
            .problems
            .iter()
            .map(|p| format!("{}: {}", p.location, p.reason))
            .collect(),
    }
}

/// A configuration with its own bank, the mini bank after `damage`.
fn with_bank(damage: impl FnOnce(&mut Value)) -> String {
    let mut bank = mini_bank_json();
    damage(&mut bank);
    json!({"version": 1, "bank": bank}).to_string()
}

/// `depth` lists inside one another.
fn nested(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

/// What a colour that is not hex is refused with.
const BAD_COLOUR: &str =
    "colours.accent: must be a hex colour: # and 3 or 6 hex digits, such as #1f5fa8";
/// What a link other than https or mailto is refused with.
const ONLY_HTTPS: &str =
    "contact: must start with https:// or mailto: (no other kind of link is allowed)";
/// What a logo that is not the path of an image beside the app is refused with.
const NOT_A_PATH: &str = "logo: must be the path of an image beside the app, such as branding/logo.png, or an embedded image, not a web address or a javascript: URL";

#[test]
fn hostile_and_mistaken_files_are_refused_each_with_its_own_location_and_reason() {
    let huge = "x".repeat(10_000);
    let deep_intro = format!("{{\"intro\": {}}}", nested(200));
    let too_large = format!("{{\"intro\": \"{}\"}}", "a".repeat(MAX_CONFIG_BYTES));
    let thirteen_statements: Vec<Value> = (0..13)
        .map(|i| json!({"id": format!("alpha.s{i}"), "text": format!("S{i}")}))
        .collect();
    let cases: Vec<(&str, String, Vec<&str>)> = vec![
        // Links: only https and mailto, however a browser might forgive them.
        ("javascript: link", json!({"contact": "javascript:alert(1)"}).to_string(), vec![ONLY_HTTPS]),
        ("javascript: in capitals", json!({"contact": "JaVaScRiPt:alert(1)"}).to_string(), vec![ONLY_HTTPS]),
        (
            "javascript: behind a space",
            json!({"contact": " javascript:alert(1)"}).to_string(),
            vec!["contact: must not contain spaces, tabs, line breaks or control characters; write a space as %20"],
        ),
        (
            "javascript: split by a tab",
            json!({"contact": "java\tscript:alert(1)"}).to_string(),
            vec!["contact: must not contain spaces, tabs, line breaks or control characters; write a space as %20"],
        ),
        ("data: link", json!({"contact": "data:text/html,<script>alert(1)</script>"}).to_string(), vec![ONLY_HTTPS]),
        ("vbscript: link", json!({"contact": "vbscript:msgbox(1)"}).to_string(), vec![ONLY_HTTPS]),
        (
            "http: link",
            json!({"contact": "http://example.org/contact"}).to_string(),
            vec!["contact: must start with https:// (http:// links are not encrypted) or mailto:"],
        ),
        (
            "user name hiding the host",
            json!({"contact": "https://bank.example@evil.example/"}).to_string(),
            vec!["contact: must not have a user name or @ before the site's name; it hides where the link goes"],
        ),
        (
            "https without a host",
            json!({"contact": "https:///path"}).to_string(),
            vec!["contact: must name a site after https://, such as https://example.org/contact"],
        ),
        (
            "mailto without an address",
            json!({"contact": "mailto:"}).to_string(),
            vec!["contact: must give an email address after mailto:, such as mailto:team@example.org"],
        ),
        (
            "look-alike letter",
            json!({"contact": "https://ex\u{0430}mple.org"}).to_string(),
            vec!["contact: must use plain ASCII characters only; copy it from the browser's address bar, which writes the others as %XX"],
        ),
        (
            "backslashes",
            json!({"contact": "https:\\\\evil.example"}).to_string(),
            vec!["contact: must not contain a backslash (\\); use / instead"],
        ),
        (
            "link as a number",
            json!({"contact": 42}).to_string(),
            vec!["contact: must be text, but is a number"],
        ),
        // Logos: a same-origin PNG, JPEG or WebP path only.
        (
            "SVG logo",
            json!({"logo": "branding/logo.svg"}).to_string(),
            vec!["logo: must not be an SVG image, which can carry script; use PNG, JPEG or WebP"],
        ),
        (
            "SVG logo in capitals",
            json!({"logo": "LOGO.SVG"}).to_string(),
            vec!["logo: must not be an SVG image, which can carry script; use PNG, JPEG or WebP"],
        ),
        ("logo on another site", json!({"logo": "https://evil.example/logo.png"}).to_string(), vec![NOT_A_PATH]),
        (
            "logo on another site without a scheme",
            json!({"logo": "//evil.example/logo.png"}).to_string(),
            vec!["logo: must not start with //, which points at another site; put the image beside the app and give its path, such as branding/logo.png"],
        ),
        (
            "embedded logo that is only a PNG's signature",
            json!({"logo": "data:image/png;base64,iVBORw0KGgo="}).to_string(),
            vec!["logo: is not the PNG image it says it is, or its size cannot be read; choose the image file again"],
        ),
        (
            "embedded SVG logo",
            json!({"logo": "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"}).to_string(),
            vec!["logo: must not be an SVG image, which can carry script; use PNG, JPEG or WebP"],
        ),
        (
            "embedded page as a logo",
            json!({"logo": "data:text/html,<script>alert(1)</script>"}).to_string(),
            vec!["logo: is a data: URL but not a base64 PNG, JPEG or WebP image (data:image/png;base64,…)"],
        ),
        ("javascript: logo", json!({"logo": "javascript:alert(1)//.png"}).to_string(), vec![NOT_A_PATH]),
        (
            "absolute logo path",
            json!({"logo": "/logo.png"}).to_string(),
            vec!["logo: must be relative to the app's folder, without a leading /, such as branding/logo.png"],
        ),
        (
            "logo outside the app's folder",
            json!({"logo": "../private/logo.png"}).to_string(),
            vec!["logo: must not step out of the app's folder with .."],
        ),
        (
            "logo path with a space and a query",
            json!({"logo": "brand/lo go.png?x=1"}).to_string(),
            vec!["logo: may only use letters, digits, -, _ and . in names, with / between folders"],
        ),
        (
            "GIF logo",
            json!({"logo": "logo.gif"}).to_string(),
            vec!["logo: must be a PNG, JPEG or WebP image (.png, .jpg, .jpeg or .webp)"],
        ),
        // Colours: hex values only, in readable pairs.
        ("CSS smuggled in a colour", json!({"colours": {"accent": "red; background:url(x)", "accent_text": "#fff"}}).to_string(), vec![BAD_COLOUR]),
        ("colour name", json!({"colours": {"accent": "red", "accent_text": "#fff"}}).to_string(), vec![BAD_COLOUR]),
        ("colour with a non-hex digit", json!({"colours": {"accent": "#12345g", "accent_text": "#fff"}}).to_string(), vec![BAD_COLOUR]),
        ("colour with four digits", json!({"colours": {"accent": "#1234", "accent_text": "#fff"}}).to_string(), vec![BAD_COLOUR]),
        ("colour function", json!({"colours": {"accent": "rgb(0,0,0)", "accent_text": "#fff"}}).to_string(), vec![BAD_COLOUR]),
        (
            "colour without its partner",
            json!({"colours": {"accent": "#0b5d4b"}}).to_string(),
            vec!["colours.accent_text: is missing: accent and accent_text go together, so that Tandem can check that text stays readable; give both or neither"],
        ),
        (
            "unreadable colours",
            json!({"colours": {"text": "#777777", "background": "#888888", "accent": "#000000", "accent_text": "#ffffff"}}).to_string(),
            vec!["colours.text: has too little contrast with background (1.2:1; at least 4.5:1 keeps text readable): choose a darker colour, or black"],
        ),
        (
            "light accent on Tandem's own background",
            json!({"colours": {"accent": "#ffd166", "accent_text": "#000000"}}).to_string(),
            vec!["colours.accent: has too little contrast with Tandem's own background (#f7f8fa); give a background too (1.3:1; at least 4.5:1 keeps text readable): choose a darker colour, or black"],
        ),
        (
            "dark background under Tandem's own accent",
            json!({"colours": {"background": "#101418", "text": "#ffffff"}}).to_string(),
            vec!["colours.background: has too little contrast with Tandem's own accent (#1f5fa8), used for buttons and links; give an accent too (2.8:1; at least 4.5:1 keeps text readable): choose a lighter colour, or white"],
        ),
        (
            "unknown colour",
            json!({"colours": {"accent": "#000", "accent_text": "#fff", "border": "#000"}}).to_string(),
            vec!["colours.border: is not a field Tandem knows here; the fields here are accent, accent_text, background, text"],
        ),
        // Text: plain, bounded, one line where it is a name.
        (
            "huge title",
            json!({"title": huge}).to_string(),
            vec!["title: is too long (at most 120 characters)"],
        ),
        (
            "huge intro",
            json!({"intro": "word ".repeat(500)}).to_string(),
            vec!["intro: is too long (at most 2000 characters)"],
        ),
        (
            "organisation on two lines",
            json!({"organisation": "Northwind\nHealth"}).to_string(),
            vec!["organisation: has a line break at character 10; this text must be one line"],
        ),
        (
            "control character",
            json!({"organisation": "North\u{0}wind"}).to_string(),
            vec!["organisation: has a control character (U+0000) at character 6; remove it"],
        ),
        ("empty title", json!({"title": "   "}).to_string(), vec!["title: is empty"]),
        (
            "intro as a list",
            json!({"intro": ["one", "two"]}).to_string(),
            vec!["intro: must be text, but is a list [ … ]"],
        ),
        // The file's shape.
        (
            "misspelt field",
            json!({"colors": {}}).to_string(),
            vec!["colors: is not a field Tandem knows here; the fields here are version, organisation, title, logo, colours, intro, closing, contact, anonymity_threshold, host_messages, consultant_tools, language, bank, dimensions"],
        ),
        (
            "unknown field with a huge name",
            format!("{{\"{}\": 1}}", "k".repeat(5_000)),
            vec!["kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk…: is not a field Tandem knows here; the fields here are version, organisation, title, logo, colours, intro, closing, contact, anonymity_threshold, host_messages, consultant_tools, language, bank, dimensions"],
        ),
        (
            "a list instead of an object",
            "[]".to_owned(),
            vec!["file: must be an object { … }, but is a list [ … ]"],
        ),
        ("null", "null".to_owned(), vec!["file: must be an object { … }, but is null"]),
        (
            "not JSON",
            "{\"title\": 'Acme'}".to_owned(),
            vec!["line 1, column 11: is not valid JSON here; check the quotes, commas and brackets near this place"],
        ),
        (
            "cut short",
            "{\"title\": \"Acme".to_owned(),
            vec!["line 1, column 15: is not valid JSON: the text ends too early (a closing bracket, brace or quote is missing)"],
        ),
        (
            "empty file",
            String::new(),
            vec!["line 1, column 0: is not valid JSON: the text ends too early (a closing bracket, brace or quote is missing)"],
        ),
        (
            "deep nesting",
            deep_intro,
            vec!["line 1, column 137: is nested too deeply (more than 128 brackets inside one another); a Tandem file needs fewer than 10"],
        ),
        (
            "huge file",
            too_large,
            vec!["file: is too large (300013 bytes; at most 300000 bytes)"],
        ),
        (
            "newer format",
            json!({"version": 2}).to_string(),
            vec!["version: is 2: this configuration was made for a newer version of Tandem (this one reads format 1); use that newer version"],
        ),
        ("version as text", json!({"version": "1"}).to_string(), vec!["version: must be 1"]),
        // Settings.
        (
            "threshold of one",
            json!({"anonymity_threshold": 1}).to_string(),
            vec!["anonymity_threshold: must be a whole number from 2 to 10"],
        ),
        (
            "fractional threshold",
            json!({"anonymity_threshold": 2.5}).to_string(),
            vec!["anonymity_threshold: must be a whole number from 2 to 10"],
        ),
        (
            "threshold as text",
            json!({"anonymity_threshold": "3"}).to_string(),
            vec!["anonymity_threshold: must be a whole number from 2 to 10, but is text"],
        ),
        (
            "consultant tools as a word",
            json!({"consultant_tools": "yes"}).to_string(),
            vec!["consultant_tools: must be true or false, but is text"],
        ),
        (
            "host told the answers",
            json!({"host_messages": "answers"}).to_string(),
            vec!["host_messages: must be one of level, level-and-scores"],
        ),
        (
            "unknown dimension",
            json!({"dimensions": ["communication", "teamwork"]}).to_string(),
            vec!["dimensions[1]: `teamwork` is not a dimension of the question bank in use; its dimensions are communication, business-partnering, performance-management, mutual-recognition, needs-and-planning, structure-and-budgets, leadership-and-success, integration"],
        ),
        (
            "dimension twice",
            json!({"dimensions": ["communication", "communication"]}).to_string(),
            vec!["dimensions[1]: lists `communication` a second time"],
        ),
        (
            "no dimensions",
            json!({"dimensions": []}).to_string(),
            vec!["dimensions: must list at least one dimension; leave it out to ask all of them"],
        ),
        (
            "no core dimension",
            json!({"dimensions": ["integration"]}).to_string(),
            vec!["dimensions: must include at least one core dimension (the quick assessment asks the core ones): communication, business-partnering, performance-management, mutual-recognition"],
        ),
        // A bank of the consultant's own, inside the configuration.
        (
            "bank posing as Tandem's own",
            with_bank(|b| b["id"] = json!("tandem-standard")),
            vec!["bank.id: is the id of Tandem's own question bank; give your bank an id of its own, such as `acme-partnership`"],
        ),
        (
            "duplicate statement id",
            with_bank(|b| b["dimensions"][1]["statements"][0]["id"] = json!("alpha.one")),
            vec!["bank.dimensions[1].statements[0].id: is used by another statement"],
        ),
        (
            "duplicate dimension id",
            with_bank(|b| b["dimensions"][3]["id"] = json!("beta")),
            vec!["bank.dimensions[3].id: is used by another dimension"],
        ),
        (
            "missing statement text",
            with_bank(|b| {
                b["dimensions"][0]["statements"][2].as_object_mut().unwrap().remove("text");
            }),
            vec!["bank.dimensions[0].statements[2].text: is missing"],
        ),
        (
            "weight as text",
            with_bank(|b| b["dimensions"][0]["statements"][0]["weight"] = json!("heavy")),
            vec!["bank.dimensions[0].statements[0].weight: must be a whole number from 1 to 5, but is text"],
        ),
        (
            "weight too high",
            with_bank(|b| b["dimensions"][0]["statements"][0]["weight"] = json!(9)),
            vec!["bank.dimensions[0].statements[0].weight: must be a whole number from 1 to 5"],
        ),
        (
            "reverse as text",
            with_bank(|b| b["dimensions"][0]["statements"][0]["reverse"] = json!("yes")),
            vec!["bank.dimensions[0].statements[0].reverse: must be true or false, but is text"],
        ),
        (
            "too many statements",
            with_bank(|b| b["dimensions"][0]["statements"] = json!(thirteen_statements)),
            vec!["bank.dimensions[0].statements: has too many statements (at most 12)"],
        ),
        (
            "too many dimensions",
            with_bank(|b| {
                let first = b["dimensions"][0].clone();
                let list = b["dimensions"].as_array_mut().unwrap();
                list.clear();
                for i in 0..13 {
                    let mut d = first.clone();
                    d["id"] = json!(format!("d{i}"));
                    for (s, statement) in d["statements"].as_array_mut().unwrap().iter_mut().enumerate() {
                        statement["id"] = json!(format!("d{i}.s{s}"));
                    }
                    list.push(d);
                }
            }),
            vec!["bank.dimensions: has too many dimensions (at most 12)"],
        ),
        (
            "unknown statement field",
            with_bank(|b| b["dimensions"][0]["statements"][0]["html"] = json!(true)),
            vec!["bank.dimensions[0].statements[0].html: is not a field Tandem knows here; the fields here are id, text, reverse, not_applicable, weight"],
        ),
        (
            "statement id with capitals and spaces",
            with_bank(|b| b["dimensions"][0]["statements"][0]["id"] = json!("Alpha One")),
            vec!["bank.dimensions[0].statements[0].id: must be lowercase letters, digits, hyphens and dots"],
        ),
        (
            "unknown owner",
            with_bank(|b| b["dimensions"][0]["owner"] = json!("boss")),
            vec!["bank.dimensions[0].owner: must be one of hr, learning-and-development, joint, leaders"],
        ),
        (
            "huge statement",
            with_bank(|b| b["dimensions"][1]["statements"][1]["text"] = json!("x".repeat(100_000))),
            vec!["bank.dimensions[1].statements[1].text: is too long (at most 600 characters)"],
        ),
        (
            "bank as text",
            json!({"bank": "mini"}).to_string(),
            vec!["bank: must be an object { … }, but is text"],
        ),
        (
            "dimensions outside the configuration's own bank",
            json!({"bank": mini_bank_json(), "dimensions": ["alpha", "communication"]}).to_string(),
            vec!["dimensions[1]: `communication` is not a dimension of the question bank in use; its dimensions are alpha, beta, gamma, delta"],
        ),
    ];
    assert!(cases.len() >= 30);
    let mut failures = Vec::new();
    for (name, text, expected) in &cases {
        let problems = problems_in(text);
        if problems != *expected {
            failures.push(format!(
                "{name}:\n  expected {expected:?}\n  got      {problems:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_problem_in_a_file_is_listed_at_once() {
    let text = json!({
        "title": "",
        "logo": "logo.svg",
        "colours": {"accent": "blue", "accent_text": "#fff"},
        "contact": "javascript:alert(1)",
        "anonymity_threshold": 0,
    })
    .to_string();
    assert_eq!(
        problems_in(&text),
        [
            "title: is empty",
            "logo: must not be an SVG image, which can carry script; use PNG, JPEG or WebP",
            BAD_COLOUR,
            ONLY_HTTPS,
            "anonymity_threshold: must be a whole number from 2 to 10",
        ]
    );
}

#[test]
fn a_flood_of_problems_is_listed_up_to_a_hundred_then_counted() {
    let mut bank = mini_bank_json();
    let statements: Vec<Value> = (0..12)
        .map(|_| json!({"id": "", "text": "", "weight": 0}))
        .collect();
    for dimension in bank["dimensions"].as_array_mut().unwrap() {
        dimension["statements"] = json!(statements);
    }
    let error = Bank::parse(&bank.to_string()).unwrap_err();
    assert_eq!(error.problems.len(), 101);
    let last = error.problems.last().unwrap();
    assert_eq!(last.location.to_string(), "file");
    assert_eq!(
        last.reason.to_string(),
        "has 44 more problems not listed here; fix the ones above first"
    );
}
