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
fn a_screen_is_opened_by_the_fragment_it_writes() {
    for screen in [Screen::Assessment, Screen::Workshop, Screen::Builder] {
        assert_eq!(Route::parse(screen.fragment()), Route::from(screen));
        assert_eq!(Route::from(screen).screen(), screen);
        assert_eq!(screen.href(), format!("#{}", screen.fragment()));
    }
    assert_eq!(Screen::Workshop.href(), "#workshop");
}
