//! Complementary suppression (`assessment::disclosure`): hand-made rooms
//! whose answers could be worked out by subtraction, and a property test
//! that checks the rule against plain linear algebra on every participant.

mod common;

use common::subtraction;
use proptest::prelude::*;
use tandem::assessment::disclosure::{exposed, suppress, Cells, Figure, Suppression};

/// Role rows as the team view orders them.
const HR: usize = 0;
const LD: usize = 1;
const LINE_MANAGER: usize = 3;
const ROLES: usize = 6;

fn room(people: &[Person], labels: usize) -> Cells {
    let mut cells = Cells::new(ROLES, labels);
    for &(role, label) in people {
        cells.add(role, label);
    }
    cells
}

fn repeat(n: usize, who: Person) -> Vec<Person> {
    vec![who; n]
}

#[test]
fn five_hr_three_ld_and_one_line_manager_hide_ld_too() {
    let people = [
        repeat(5, (HR, None)),
        repeat(3, (LD, None)),
        repeat(1, (LINE_MANAGER, None)),
    ]
    .concat();
    let cells = room(&people, 0);
    // Hiding the line manager alone leaves 9 × room − 5 × HR − 3 × L&D.
    let naive = Suppression {
        room: Figure::Shown,
        roles: vec![
            Figure::Shown,
            Figure::Shown,
            Figure::Empty,
            Figure::TooFew,
            Figure::Empty,
            Figure::Empty,
        ],
        labels: vec![],
    };
    let exposure = exposed(&cells, &naive, 3).expect("the line manager is exposed");
    assert_eq!(exposure.participants, 1);

    let shown = suppress(&cells, 3);
    assert_eq!(shown.room, Figure::Shown);
    assert_eq!(shown.roles[HR], Figure::Shown);
    assert_eq!(shown.roles[LD], Figure::Protecting);
    assert_eq!(shown.roles[LINE_MANAGER], Figure::TooFew);
    assert_eq!(shown.roles[2], Figure::Empty);
    assert!(shown.protects());
    assert_eq!(exposed(&cells, &shown, 3), None);
}

#[test]
fn a_label_that_repeats_a_role_cannot_be_subtracted_either() {
    // Team A is exactly the five L&D people; team B is the five HR people
    // and the line manager. B − HR would be the line manager.
    let people = [
        repeat(5, (HR, Some(1))),
        repeat(5, (LD, Some(0))),
        repeat(1, (LINE_MANAGER, Some(1))),
    ]
    .concat();
    let cells = room(&people, 2);
    let shown = suppress(&cells, 3);
    assert_eq!(exposed(&cells, &shown, 3), None);
    assert_eq!(shown.roles[LINE_MANAGER], Figure::TooFew);
    assert_eq!(
        shown.room,
        Figure::Shown,
        "the room's figure is never hidden to protect another"
    );
}

#[test]
fn two_large_overlapping_groups_do_not_give_away_their_difference() {
    // HR (4) = three in team A and one in team B; team A (3) is HR only;
    // L&D (3) are all in B. HR − A is the one HR person in team B.
    let people = [
        repeat(3, (HR, Some(0))),
        repeat(1, (HR, Some(1))),
        repeat(3, (LD, Some(1))),
    ]
    .concat();
    let cells = room(&people, 2);
    let everything = Suppression {
        room: Figure::Shown,
        roles: vec![
            Figure::Shown,
            Figure::Shown,
            Figure::Empty,
            Figure::Empty,
            Figure::Empty,
            Figure::Empty,
        ],
        labels: vec![Figure::Shown, Figure::Shown],
    };
    assert_eq!(
        exposed(&cells, &everything, 3).map(|e| e.participants),
        Some(1)
    );
    let shown = suppress(&cells, 3);
    assert_eq!(exposed(&cells, &shown, 3), None);
    assert!(shown.protects());
}

#[test]
fn a_room_smaller_than_the_threshold_shows_nothing() {
    let cells = room(&[(HR, None), (LD, None)], 0);
    let shown = suppress(&cells, 3);
    assert_eq!(shown.room, Figure::TooFew);
    assert_eq!(shown.roles[HR], Figure::TooFew);
    assert_eq!(exposed(&cells, &shown, 3), None);
}

#[test]
fn a_threshold_of_one_or_zero_hides_nothing() {
    let cells = room(&[(HR, None), (LD, Some(0)), (LINE_MANAGER, None)], 1);
    for threshold in [0, 1] {
        let shown = suppress(&cells, threshold);
        assert_eq!(shown.room, Figure::Shown);
        assert_eq!(shown.roles[HR], Figure::Shown);
        assert_eq!(shown.roles[LINE_MANAGER], Figure::Shown);
        assert_eq!(shown.labels, [Figure::Shown]);
        assert!(!shown.protects());
    }
}

#[test]
fn large_groups_alone_need_no_protection() {
    let people = [repeat(4, (HR, Some(0))), repeat(4, (LD, Some(1)))].concat();
    let shown = suppress(&room(&people, 2), 3);
    assert!(!shown.protects());
    assert!(shown.roles[HR].is_shown() && shown.labels[1].is_shown());
}

// ---------------------------------------------------------------------------
// The rule against linear algebra, participant by participant
// ---------------------------------------------------------------------------

/// A participant: their role row and team label.
type Person = (usize, Option<usize>);

/// Each shown figure as the set of participants it sums over.
fn shown_sums(people: &[Person], shown: &Suppression) -> Vec<Vec<u128>> {
    let mut sums = Vec::new();
    let over = |keep: &dyn Fn(&Person) -> bool| {
        people
            .iter()
            .map(|p| u128::from(keep(p)))
            .collect::<Vec<_>>()
    };
    if shown.room.is_shown() {
        sums.push(over(&|_| true));
    }
    for (r, figure) in shown.roles.iter().enumerate() {
        if figure.is_shown() {
            sums.push(over(&|p| p.0 == r));
        }
    }
    for (l, figure) in shown.labels.iter().enumerate() {
        if figure.is_shown() {
            sums.push(over(&|p| p.1 == Some(l)));
        }
    }
    sums
}

/// Whether the shown figures let someone solve the sum of fewer than
/// `threshold` participants.
fn solvable(people: &[Person], shown: &Suppression, threshold: usize) -> bool {
    subtraction::solvable(&shown_sums(people, shown), threshold)
}

fn people_strategy() -> impl Strategy<Value = (Vec<(usize, Option<usize>)>, usize, usize)> {
    (0usize..=3, 1usize..=5).prop_flat_map(|(labels, threshold)| {
        let label = if labels == 0 {
            Just(None).boxed()
        } else {
            proptest::option::weighted(0.7, 0..labels).boxed()
        };
        (
            proptest::collection::vec((0..ROLES, label), 0..=11),
            Just(labels),
            Just(threshold),
        )
    })
}

fn any_suppression(labels: usize) -> impl Strategy<Value = Suppression> {
    let figure = prop_oneof![Just(Figure::Shown), Just(Figure::TooFew)];
    (
        figure.clone(),
        proptest::collection::vec(figure.clone(), ROLES),
        proptest::collection::vec(figure, labels),
    )
        .prop_map(|(room, roles, labels)| Suppression {
            room,
            roles,
            labels,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Whatever the room, what `suppress` shows lets nobody solve the sum
    /// of fewer than the threshold's number of participants.
    #[test]
    fn what_is_shown_solves_nobody((people, labels, threshold) in people_strategy()) {
        let cells = room(&people, labels);
        let shown = suppress(&cells, threshold);
        prop_assert!(
            !solvable(&people, &shown, threshold),
            "{people:?} at threshold {threshold}: {shown:?}"
        );
        // Groups too small are always hidden, and large enough ones are
        // hidden only to protect.
        for (r, figure) in shown.roles.iter().enumerate() {
            let n = cells.role_total(r);
            prop_assert_eq!(*figure == Figure::TooFew, n > 0 && n < threshold);
        }
    }

    /// A higher threshold hides everything a lower one hides.
    #[test]
    fn a_higher_threshold_hides_at_least_as_much((people, labels, threshold) in people_strategy()) {
        let cells = room(&people, labels);
        let lower = suppress(&cells, threshold);
        let higher = suppress(&cells, threshold + 1);
        let pairs = std::iter::once((lower.room, higher.room))
            .chain(lower.roles.iter().copied().zip(higher.roles.iter().copied()))
            .chain(lower.labels.iter().copied().zip(higher.labels.iter().copied()));
        for (at_lower, at_higher) in pairs {
            prop_assert!(at_lower.is_shown() || !at_higher.is_shown(), "{people:?} at {threshold}");
        }
    }

    /// The graph's minimum cut says exactly what linear algebra says, for
    /// any choice of figures shown.
    #[test]
    fn exposure_is_decided_exactly(
        (people, labels, threshold, shown) in people_strategy()
            .prop_flat_map(|(people, labels, threshold)| {
                (Just(people), Just(labels), Just(threshold), any_suppression(labels))
            })
    ) {
        let cells = room(&people, labels);
        prop_assert_eq!(
            exposed(&cells, &shown, threshold).is_some(),
            solvable(&people, &shown, threshold),
            "{:?} at threshold {}: {:?}", people, threshold, shown
        );
    }
}
