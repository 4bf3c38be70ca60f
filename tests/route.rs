//! The address's fragment, parsed once into a route.

use tandem::app::route::{Route, Screen};

#[test]
fn each_fragment_names_its_route_and_screen() {
    let cases = [
        ("", Route::Assessment, Screen::Assessment),
        ("workshop", Route::Workshop, Screen::Workshop),
        ("builder", Route::Builder, Screen::Builder),
        (
            "r=T1-ABCDE",
            Route::SharedResult("r=T1-ABCDE".into()),
            Screen::Assessment,
        ),
        (
            "config=e30",
            Route::ConfigLink("config=e30".into()),
            Screen::Assessment,
        ),
        // Only the exact names open a screen; anything else is the assessment.
        ("Workshop", Route::Assessment, Screen::Assessment),
        ("workshop/", Route::Assessment, Screen::Assessment),
        ("top", Route::Assessment, Screen::Assessment),
        ("rr=1", Route::Assessment, Screen::Assessment),
    ];
    for (fragment, route, screen) in cases {
        let parsed = Route::parse(fragment);
        assert_eq!(parsed, route, "{fragment:?}");
        assert_eq!(parsed.screen(), screen, "{fragment:?}");
    }
}

#[test]
fn a_route_writes_the_fragment_it_is_read_from() {
    for route in [
        Route::Assessment,
        Route::Workshop,
        Route::Builder,
        Route::SharedResult("r=T1-ABCDE".into()),
        Route::ConfigLink("config=e30".into()),
    ] {
        assert_eq!(Route::parse(route.fragment()), route);
        assert_eq!(route.href(), format!("#{}", route.fragment()));
    }
    assert_eq!(Route::Workshop.href(), "#workshop");
    assert_eq!(Route::Assessment.href(), "#");
}
