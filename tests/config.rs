//! A configuration's rules at their edges: each limit accepted at its value
//! and refused one past it, the format version, the contrast and palette
//! thresholds, the logo's path rules and the link format. What a site's own
//! file lets other configurations do is in `site_policy.rs`; the corpus of
//! hostile files in `untrusted/`; the app's choice of configuration in
//! `setup.rs`.

mod common;

use common::config::{accepted, problems_in, site, site_problems};
use serde_json::json;
use tandem::assessment::config::{
    self, Colours, ImageFormat, LogoError, Scheme, LINK_PREFIX, MAX_LINK_CHARS, MAX_LOGO_BYTES,
    MAX_LOGO_PATH, MAX_LOGO_SIDE, MAX_ORGANISATION, MAX_PROSE, MAX_THRESHOLD, MAX_TITLE,
    MIN_THRESHOLD,
};
use tandem::assessment::{saved, Bank, Colour, Config, HostMessages, Logo};

/// The colour `hex`, which must be one.
fn colour(hex: &str) -> Colour {
    hex.parse().unwrap()
}

#[test]
fn each_text_is_accepted_at_its_limit_and_refused_one_character_past_it() {
    // "é" is one character and two bytes: limits count characters.
    for (field, max) in [
        ("organisation", MAX_ORGANISATION),
        ("title", MAX_TITLE),
        ("intro", MAX_PROSE),
        ("closing", MAX_PROSE),
    ] {
        assert_eq!(
            problems_in(&json!({ field: "é".repeat(max) })),
            Vec::<String>::new(),
            "{field}"
        );
        assert_eq!(
            problems_in(&json!({ field: "é".repeat(max + 1) })),
            [format!("{field}: is too long (at most {max} characters)")],
        );
    }
    assert_eq!((MAX_ORGANISATION, MAX_TITLE, MAX_PROSE), (80, 120, 2_000));
}

#[test]
fn the_title_is_one_line_and_the_intro_and_closing_may_be_many() {
    assert_eq!(
        problems_in(&json!({"title": "Spring\ncheck"})),
        ["title: has a line break at character 7; this text must be one line"]
    );
    let config = accepted(&json!({"intro": "One.\n\nTwo.", "closing": "Three.\n\nFour."}));
    assert_eq!(config.intro(), ["One.", "Two."]);
    assert_eq!(config.closing(), ["Three.", "Four."]);
    // A title given replaces the bank's; none keeps it.
    assert_eq!(
        accepted(&json!({"title": "Spring check"})).title(),
        "Spring check"
    );
    assert_eq!(accepted(&json!({})).title(), Bank::standard().title());
}

#[test]
fn the_threshold_runs_from_two_to_ten_in_a_file_and_a_site_floor_alike() {
    assert_eq!((MIN_THRESHOLD, MAX_THRESHOLD), (2, 10));
    // The room and a saved workshop keep within the same largest threshold.
    assert_eq!(saved::MAX_THRESHOLD, MAX_THRESHOLD);
    let range = "must be a whole number from 2 to 10";
    for n in [MIN_THRESHOLD, MAX_THRESHOLD] {
        assert_eq!(
            accepted(&json!({"anonymity_threshold": n})).anonymity_threshold(),
            n
        );
        assert_eq!(site(&json!({"anonymity_floor": n})).policy().floor, Some(n));
    }
    for n in [MIN_THRESHOLD - 1, MAX_THRESHOLD + 1] {
        assert_eq!(
            problems_in(&json!({"anonymity_threshold": n})),
            [format!("anonymity_threshold: {range}")]
        );
        assert_eq!(
            site_problems(&json!({"anonymity_floor": n})),
            [format!("anonymity_floor: {range}")]
        );
    }
}

#[test]
fn the_host_is_told_scores_only_when_the_configuration_says_so() {
    assert!(!HostMessages::Level.includes_scores());
    assert!(HostMessages::LevelAndScores.includes_scores());
    assert_eq!(HostMessages::default(), HostMessages::Level);
}

#[test]
fn the_format_version_is_one_and_a_smaller_one_is_not_newer() {
    assert_eq!(config::FORMAT_VERSION, 1);
    assert_eq!(problems_in(&json!({"version": 1})), Vec::<String>::new());
    assert_eq!(problems_in(&json!({"version": 0})), ["version: must be 1"]);
    assert_eq!(problems_in(&json!({"version": -1})), ["version: must be 1"]);
}

#[test]
fn text_needs_a_contrast_of_four_and_a_half_to_one_and_no_less() {
    // #767676 on white is 4.54:1, the lightest grey that passes; #777777 is
    // 4.48:1.
    let white = colour("#ffffff");
    assert_eq!(colour("#767676").contrast_tenths(white), 45);
    assert_eq!(colour("#777777").contrast_tenths(white), 44);
    // Either way round.
    assert_eq!(white.contrast_tenths(colour("#767676")), 45);
    assert_eq!(white.contrast_tenths(white), 10);

    let pair = |text: &str| json!({"colours": {"text": text, "background": "#ffffff"}});
    assert_eq!(problems_in(&pair("#767676")), Vec::<String>::new());
    assert_eq!(
        problems_in(&pair("#777777")),
        ["colours.text: has too little contrast with background (4.4:1; at least 4.5:1 keeps text readable): choose a darker colour, or black"]
    );
    let buttons = |text: &str| json!({"colours": {"accent": "#ffffff", "accent_text": text, "background": "#1f5fa8", "text": "#ffffff"}});
    assert_eq!(
        problems_in(&buttons("#777777")),
        ["colours.accent_text: has too little contrast with accent (4.4:1; at least 4.5:1 keeps text readable): choose a darker colour, or black"]
    );
}

#[test]
fn the_accent_is_checked_against_the_background_it_is_drawn_on() {
    // Both pairs readable, but the accent's buttons vanish into the page.
    assert_eq!(
        problems_in(&json!({"colours": {
            "accent": "#f0f0f0", "accent_text": "#000000",
            "background": "#ffffff", "text": "#000000"
        }})),
        ["colours.accent: has too little contrast with background (1.1:1; at least 4.5:1 keeps text readable): choose a darker colour, or black"]
    );
    assert_eq!(
        problems_in(&json!({"colours": {"accent": "#000000"}})),
        ["colours.accent_text: is missing: accent and accent_text go together, so that Tandem can check that text stays readable; give both or neither"]
    );
    // Each colour of a pair names the other when it is alone.
    assert_eq!(
        problems_in(&json!({"colours": {"accent_text": "#ffffff"}})),
        ["colours.accent: is missing: accent_text and accent go together, so that Tandem can check that text stays readable; give both or neither"]
    );
    assert_eq!(
        problems_in(&json!({"colours": {"text": "#000000"}})),
        ["colours.background: is missing: text and background go together, so that Tandem can check that text stays readable; give both or neither"]
    );
    assert_eq!(
        problems_in(&json!({"colours": {"background": "#ffffff"}})),
        ["colours.text: is missing: background and text go together, so that Tandem can check that text stays readable; give both or neither"]
    );
    assert_eq!(
        accepted(&json!({"colours": {}})).colours(),
        &Colours::default()
    );
}

#[test]
fn a_background_darker_than_a_luminance_of_0_18_keeps_the_dark_palette() {
    let scheme = |hex: &str| {
        Colours {
            background: Some(colour(hex)),
            ..Colours::default()
        }
        .scheme()
    };
    // #08828f has a luminance of exactly 0.18, #0278d0 just below it.
    assert_eq!(scheme("#08828f"), Some(Scheme::Light));
    assert_eq!(scheme("#0278d0"), Some(Scheme::Dark));
    assert_eq!(scheme("#000000"), Some(Scheme::Dark));
    assert_eq!(scheme("#ffffff"), Some(Scheme::Light));
    // Colours without a background keep Tandem's light palette.
    let text_only = Colours {
        text: Some(colour("#000000")),
        ..Colours::default()
    };
    assert_eq!(text_only.scheme(), Some(Scheme::Light));
    assert_eq!(Colours::default().scheme(), None);
}

#[test]
fn colours_are_read_from_three_or_six_hex_digits_in_either_case() {
    assert_eq!(colour("#abc").rgb(), [0xaa, 0xbb, 0xcc]);
    assert_eq!(colour("#0B5D4B").rgb(), [0x0b, 0x5d, 0x4b]);
    assert_eq!(colour("#0B5D4B").to_string(), "#0b5d4b");
    assert_eq!(colour("#f00").to_string(), "#ff0000");
    for text in [
        "abc", "#", "#ab", "#abcd", "#abcdef0", "#ab c", "#+1+2+3", "#éé",
    ] {
        assert!(text.parse::<Colour>().is_err(), "{text:?}");
    }
}

#[test]
fn a_logo_path_is_accepted_up_to_its_limit_in_each_image_format() {
    let long = format!("{}.png", "a".repeat(MAX_LOGO_PATH - 4));
    assert_eq!(long.chars().count(), MAX_LOGO_PATH);
    assert_eq!(
        long.parse::<Logo>().map(|l| l.as_str().to_owned()),
        Ok(long.clone())
    );
    assert_eq!(format!("a{long}").parse::<Logo>(), Err(LogoError::TooLong));
    assert_eq!(long.parse::<Logo>().unwrap().embedded_bytes(), None);
    for path in [
        "logo.png",
        "logo.jpg",
        "logo.jpeg",
        "logo.webp",
        "Brand/Logo.PNG",
        "a-b_c/d.e.JPEG",
    ] {
        assert_eq!(
            path.parse::<Logo>().map(|l| l.as_str().to_owned()),
            Ok(path.to_owned())
        );
    }
}

#[test]
fn a_logo_path_is_refused_for_each_way_out_of_the_apps_folder() {
    for (path, error) in [
        ("", LogoError::Empty),
        ("//cdn.example/logo.png", LogoError::OtherSite),
        ("https://cdn.example/logo.png", LogoError::Address),
        ("branding\\logo.png", LogoError::Backslash),
        ("/logo.png", LogoError::Absolute),
        ("branding/../logo.png", LogoError::Up),
        ("..", LogoError::Up),
        ("branding//logo.png", LogoError::Characters),
        ("./logo.png", LogoError::Characters),
        ("branding/./logo.png", LogoError::Characters),
        ("branding/", LogoError::Characters),
        ("lo go.png", LogoError::Characters),
        ("logo.png?v=2", LogoError::Characters),
        ("logó.png", LogoError::Characters),
        ("logo.svgz", LogoError::Svg),
        ("logo", LogoError::Format),
        ("logo.png.txt", LogoError::Format),
    ] {
        assert_eq!(path.parse::<Logo>(), Err(error), "{path:?}");
    }
    assert_eq!(problems_in(&json!({"logo": ""})), ["logo: is empty"]);
    assert_eq!(
        problems_in(&json!({"logo": "branding\\logo.png"})),
        ["logo: must use / between folders, not \\"]
    );
}

/// The first bytes of a PNG of `width` × `height`: what a logo's checks read.
fn png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    bytes.extend(width.to_be_bytes());
    bytes.extend(height.to_be_bytes());
    bytes.extend([8, 6, 0, 0, 0]);
    bytes
}

/// The first bytes of a baseline JPEG, an application segment before its
/// start of frame, as cameras and canvases write them.
fn jpeg(width: u16, height: u16) -> Vec<u8> {
    let mut bytes = vec![0xff, 0xd8, 0xff, 0xe0, 0, 16];
    bytes.extend(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
    bytes.extend([0xff, 0xc0, 0, 17, 8]);
    bytes.extend(height.to_be_bytes());
    bytes.extend(width.to_be_bytes());
    bytes.extend([3, 1, 0x22, 0]);
    bytes
}

/// The first bytes of a WebP whose first chunk is `chunk`.
fn webp(chunk: &[u8; 4], body: &[u8]) -> Vec<u8> {
    let mut bytes = b"RIFF\0\0\0\0WEBP".to_vec();
    bytes.extend(chunk);
    bytes.extend(u32::try_from(body.len()).unwrap().to_le_bytes());
    bytes.extend(body);
    bytes
}

#[test]
fn a_logo_travels_embedded_in_each_image_format_with_its_size_read_from_the_bytes() {
    let lossless_bits: u32 = (300 - 1) | (80 - 1) << 14;
    let mut lossless = vec![0x2f];
    lossless.extend(lossless_bits.to_le_bytes());
    let mut lossy = vec![0, 0, 0, 0x9d, 0x01, 0x2a];
    lossy.extend(300u16.to_le_bytes());
    lossy.extend(80u16.to_le_bytes());
    let mut extended = vec![0x10, 0, 0, 0];
    extended.extend(&(300u32 - 1).to_le_bytes()[..3]);
    extended.extend(&(80u32 - 1).to_le_bytes()[..3]);
    for (bytes, media_type) in [
        (png(300, 80), "image/png"),
        (jpeg(300, 80), "image/jpeg"),
        (webp(b"VP8L", &lossless), "image/webp"),
        (webp(b"VP8 ", &lossy), "image/webp"),
        (webp(b"VP8X", &extended), "image/webp"),
    ] {
        let logo = Logo::embed(&bytes).unwrap();
        assert!(logo.is_embedded());
        assert_eq!(logo.embedded_bytes(), Some(bytes.len()));
        assert!(
            logo.as_str()
                .starts_with(&format!("data:{media_type};base64,")),
            "{}",
            logo.as_str()
        );
        // What the builder writes, a configuration reads back as the same.
        assert_eq!(logo.as_str().parse::<Logo>(), Ok(logo.clone()));
        // A side one pixel over the limit is refused, by its width or its height.
        let wide = png(MAX_LOGO_SIDE + 1, 80);
        assert_eq!(
            Logo::embed(&wide),
            Err(LogoError::EmbeddedTooWide(MAX_LOGO_SIDE + 1, 80))
        );
    }
    assert!(Logo::embed(&png(MAX_LOGO_SIDE, MAX_LOGO_SIDE)).is_ok());
    assert_eq!(
        Logo::embed(&jpeg(80, 2001)),
        Err(LogoError::EmbeddedTooWide(80, 2001))
    );
    assert_eq!(
        Logo::embed(&png(0, 80)),
        Err(LogoError::EmbeddedNotImage(ImageFormat::Png))
    );
}

#[test]
fn an_embedded_logo_is_accepted_up_to_its_byte_limit_and_no_more() {
    let mut at_limit = png(300, 80);
    at_limit.resize(MAX_LOGO_BYTES, 0);
    let logo = Logo::embed(&at_limit).unwrap();
    assert_eq!(logo.as_str().parse::<Logo>(), Ok(logo.clone()));
    at_limit.push(0);
    assert_eq!(
        Logo::embed(&at_limit),
        Err(LogoError::EmbeddedTooLarge(MAX_LOGO_BYTES + 1))
    );
    // In a configuration too, by its length before anything is decoded.
    let over = format!("data:image/png;base64,{}", "A".repeat(40_000));
    assert_eq!(
        problems_in(&json!({ "logo": over })),
        ["logo: is an image of 30 KB, larger than a logo carried in the configuration may be (16 KB at most); make it smaller, or put it beside the app and give its path"]
    );
}

#[test]
fn an_embedded_logo_is_refused_unless_it_is_the_image_it_says() {
    let png_url = Logo::embed(&png(300, 80)).unwrap().as_str().to_owned();
    let jpeg_url = Logo::embed(&jpeg(300, 80)).unwrap().as_str().to_owned();
    let body = |url: &str| url.split_once(',').unwrap().1.to_owned();
    for (url, error) in [
        (
            format!("data:image/svg+xml;base64,{}", body(&png_url)),
            LogoError::Svg,
        ),
        (
            "DATA:IMAGE/SVG+XML,<svg onload=alert(1)>".to_owned(),
            LogoError::Svg,
        ),
        (
            "data:text/html;base64,PHNjcmlwdD4=".to_owned(),
            LogoError::EmbeddedKind,
        ),
        (
            "data:image/png,notbase64".to_owned(),
            LogoError::EmbeddedKind,
        ),
        (
            "data:image/gif;base64,R0lGODlh".to_owned(),
            LogoError::EmbeddedKind,
        ),
        (
            format!("data:image/png;base64,{}", body(&jpeg_url)),
            LogoError::EmbeddedNotImage(ImageFormat::Png),
        ),
        (
            // Says PNG and starts like one, but the first chunk is not IHDR.
            format!("data:image/png;base64,{}", "iVBORw0KGgoAAAAA"),
            LogoError::EmbeddedNotImage(ImageFormat::Png),
        ),
        (
            // A JPEG that ends before its start of frame.
            format!("data:image/jpeg;base64,{}", "/9j/4AAQ"),
            LogoError::EmbeddedNotImage(ImageFormat::Jpeg),
        ),
        // Character 23 is the first of the image, after "data:image/png;base64,".
        (
            "data:image/png;base64,*VBORw0K".to_owned(),
            LogoError::EmbeddedDamaged(23),
        ),
        (
            "data:image/png;base64,iVBORw0".to_owned(),
            LogoError::EmbeddedDamaged(30),
        ),
    ] {
        assert_eq!(url.parse::<Logo>(), Err(error), "{url:?}");
    }
    assert_eq!(
        problems_in(&json!({"logo": "data:image/png;base64,*VBORw0K"})),
        ["logo: is an embedded image damaged at character 23; choose the image file again"]
    );
    // Counted in characters, as a person counts them, not bytes.
    assert_eq!(
        "data:image/png;base64,iVBO€w0KGg".parse::<Logo>(),
        Err(LogoError::EmbeddedDamaged(27))
    );
    // Nor does an SVG's type in another case, or a URL cut short, slip by.
    assert_eq!(
        "data:image/SvG+xml;base64,AAAA".parse::<Logo>(),
        Err(LogoError::Svg)
    );
    assert_eq!("data:image/".parse::<Logo>(), Err(LogoError::EmbeddedKind));
}

#[test]
fn an_animated_logo_is_refused_and_a_still_one_of_the_same_format_is_not() {
    // A whole IHDR chunk (with its checksum), then an animated PNG's acTL.
    let mut still = png(300, 80);
    still.extend([0; 4]);
    let mut animated = still.clone();
    animated.extend(b"\0\0\0\x08acTL\0\0\0\x02\0\0\0\0");
    animated.extend([0; 4]);
    // Image data first: an acTL after it is no animation a browser plays.
    let mut data_first = still.clone();
    data_first.extend(b"\0\0\0\0IDAT\0\0\0\0\0\0\0\x08acTL");
    // An extended WebP with its animation flag, and without.
    let mut extended = vec![0x12, 0, 0, 0];
    extended.extend(&(300u32 - 1).to_le_bytes()[..3]);
    extended.extend(&(80u32 - 1).to_le_bytes()[..3]);
    let animated_webp = webp(b"VP8X", &extended);
    extended[0] = 0x10;
    let still_webp = webp(b"VP8X", &extended);
    for (bytes, animates) in [
        (still, false),
        (animated, true),
        (data_first, false),
        (animated_webp, true),
        (still_webp, false),
    ] {
        let embedded = Logo::embed(&bytes);
        assert_eq!(
            embedded == Err(LogoError::EmbeddedAnimated),
            animates,
            "{embedded:?}"
        );
        assert_eq!(embedded.is_ok(), !animates);
    }
    // A chunk length that runs past the end, or past what a number holds,
    // ends the search: the file is read no further than it goes.
    let mut endless = png(300, 80);
    endless.extend([0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, b't', b'E', b'X', b't']);
    assert!(Logo::embed(&endless).is_ok());
}

#[test]
fn a_configuration_with_an_embedded_logo_travels_in_a_link_and_comes_back_the_same() {
    let mut bytes = png(400, 120);
    bytes.resize(MAX_LOGO_BYTES, 7);
    let logo = Logo::embed(&bytes).unwrap();
    let json = json!({ "organisation": "Acme", "logo": logo.as_str() }).to_string();
    let fragment = config::link_fragment(&json);
    assert!(fragment.len() <= MAX_LINK_CHARS, "{}", fragment.len());
    let back = Config::parse(
        &config::json_from_link(&fragment).unwrap(),
        Bank::standard(),
    )
    .unwrap();
    assert_eq!(back.logo(), Some(&logo));
}

#[test]
fn a_link_may_carry_up_to_its_limit_and_no_more() {
    // The limit counts every character after the #, `config=` included.
    let at_limit = format!(
        "{LINK_PREFIX}{}",
        "A".repeat(MAX_LINK_CHARS - LINK_PREFIX.len())
    );
    assert_eq!(at_limit.len(), MAX_LINK_CHARS);
    let reason = config::json_from_link(&format!("#{at_limit}"))
        .unwrap_err()
        .to_string();
    // Not too long: refused only because this many symbols is never whole bytes.
    assert!(
        reason.starts_with("link: is damaged at character"),
        "{reason}"
    );
    let just_under = format!(
        "{LINK_PREFIX}{}",
        "A".repeat(MAX_LINK_CHARS - LINK_PREFIX.len() - 1)
    );
    let text = config::json_from_link(&just_under).unwrap();
    assert_eq!(text.len(), (MAX_LINK_CHARS - LINK_PREFIX.len() - 1) / 4 * 3);
    assert!(text.bytes().all(|b| b == 0));
    assert_eq!(
        config::json_from_link(&format!("{at_limit}A")).unwrap_err().to_string(),
        format!("link: is too long ({} characters after the #; at most {MAX_LINK_CHARS}); share the configuration as a file instead", MAX_LINK_CHARS + 1)
    );
    assert_eq!(MAX_LINK_CHARS, 100_000);
    assert_eq!(config::link_fragment(""), LINK_PREFIX);
    assert_eq!(config::json_from_link("config="), Ok(String::new()));
    // Base64url of "Ma", "Man" and "Many", without padding.
    assert_eq!(config::link_fragment("Ma"), "config=TWE");
    assert_eq!(config::link_fragment("Man"), "config=TWFu");
    assert_eq!(config::link_fragment("Many"), "config=TWFueQ");
    // The two symbols where base64url differs from base64: - and _.
    assert_eq!(config::link_fragment("~~~???"), "config=fn5-Pz8_");
    assert_eq!(config::link_fragment("\u{3fe}\u{ffff}"), "config=z77vv78");
    assert_eq!(
        config::json_from_link("config=fn5-Pz8_"),
        Ok("~~~???".to_owned())
    );
}

#[test]
fn an_unknown_dimension_is_the_one_problem_named_not_also_a_missing_core_one() {
    let error = Config::parse(r#"{"dimensions": ["nope"]}"#, Bank::standard()).unwrap_err();
    assert_eq!(error.problems.len(), 1, "{error}");
    assert_eq!(error.problems[0].location.to_string(), "dimensions[0]");
    assert!(error.problems[0]
        .reason
        .to_string()
        .contains("`nope` is not a dimension"));
}
