//! Properties of any result and any file: JSON round trips, no input panics
//! the importer, and every CSV cell reads back as its text.

use super::*;

fn answer_picks() -> impl Strategy<Value = Vec<Option<Answer>>> {
    prop::collection::vec(
        prop::option::weighted(0.9, prop::sample::select(ALL_ANSWERS.to_vec())),
        0..60,
    )
}

fn any_role() -> impl Strategy<Value = Option<Role>> {
    prop::option::weighted(0.9, prop::sample::select(Role::ALL.to_vec()))
}

fn any_mode() -> impl Strategy<Value = Mode> {
    prop::sample::select(vec![Mode::Quick, Mode::Full])
}

/// A real export of a whole full assessment, to damage.
fn real_export() -> String {
    let bank = Bank::standard();
    let picks: Vec<_> = (0..60).map(|i| Some(ALL_ANSWERS[i % 7])).collect();
    let progress = journey(
        bank,
        Mode::Full,
        Some(Role::Leadership),
        "Région Nord, \"A\"",
        &picks,
        100,
        0,
    );
    to_json(bank, &progress)
}

proptest! {
    #[test]
    fn json_round_trips_on_the_mini_bank(
        mode in any_mode(),
        role in any_role(),
        team in ".{0,80}",
        picks in answer_picks(),
        steps in 0usize..8,
        backs in 0usize..3,
    ) {
        let bank = mini_bank();
        let progress = journey(&bank, mode, role, &team, &picks, steps, backs);
        prop_assert_eq!(from_json(&bank, &to_json(&bank, &progress)), Ok(progress));
    }

    #[test]
    fn json_round_trips_on_the_standard_bank(
        mode in any_mode(),
        role in any_role(),
        team in ".{0,80}",
        picks in answer_picks(),
        steps in 0usize..12,
        backs in 0usize..3,
    ) {
        let bank = Bank::standard();
        let progress = journey(bank, mode, role, &team, &picks, steps, backs);
        prop_assert_eq!(from_json(bank, &to_json(bank, &progress)), Ok(progress));
    }

    #[test]
    fn no_text_panics_the_importer(text in "(?s).{0,400}") {
        let _ = from_json(&mini_bank(), &text);
        let _ = from_json(Bank::standard(), &text);
    }

    #[test]
    fn no_json_value_panics_the_importer(
        format in prop::option::of(prop::sample::select(vec![json!(FORMAT), json!("x"), json!(1)])),
        version in prop::option::of(prop::sample::select(vec![json!(0), json!(1), json!(2), json!(-1), json!("1"), json!(null)])),
        bank_id in prop::sample::select(vec![json!("mini"), json!("other"), json!(3)]),
        progress in prop::sample::select(vec![json!({}), json!(null), json!({"mode":"quick","role":null,"team":"","answers":{},"stage":"about"})]),
    ) {
        let bank = mini_bank();
        let mut value = json!({
            "bank": {"id": bank_id, "version": 1, "fingerprint": bank.fingerprint().to_string()},
            "progress": progress,
        });
        if let Some(format) = format {
            value["format"] = format;
        }
        if let Some(version) = version {
            value["version"] = version;
        }
        let _ = import_value(&bank, &value);
    }

    #[test]
    fn no_damage_to_a_real_export_panics_the_importer(
        start in any::<prop::sample::Index>(),
        length in 0usize..200,
        duplicate in any::<bool>(),
    ) {
        let bank = Bank::standard();
        let chars: Vec<char> = real_export().chars().collect();
        let start = start.index(chars.len());
        let end = (start + length).min(chars.len());
        let mut damaged: Vec<char> = chars[..start].to_vec();
        if duplicate {
            damaged.extend_from_slice(&chars[start..end]);
            damaged.extend_from_slice(&chars[start..]);
        } else {
            damaged.extend_from_slice(&chars[end..]);
        }
        let text: String = damaged.into_iter().collect();
        if let Ok(progress) = from_json(bank, &text) {
            // Whatever survives the damage is still fitted to the bank.
            prop_assert_eq!(progress.clone().fitted_to(bank), progress);
        }
    }

    #[test]
    fn every_csv_cell_reads_back_as_its_text(value in "(?s).{0,40}") {
        let cell = csv_field(&value);
        let rows = parse_csv(&format!("{cell}\r\n"));
        prop_assert_eq!(rows.len(), 1);
        prop_assert_eq!(rows[0].len(), 1);
        let read = &rows[0][0];
        // A formula's start, and `'`s before one, get one `'` more, which
        // reading a sheet back takes off again.
        if value.trim_start_matches('\'').starts_with(FORMULA_STARTS) {
            prop_assert_eq!(read, &format!("'{value}"));
        } else {
            prop_assert_eq!(read, &value);
        }
        prop_assert!(!read.starts_with(FORMULA_STARTS));
        prop_assert_eq!(tandem::assessment::csv::cell_text(read), value.trim_start_matches('\u{feff}'));
    }
}
