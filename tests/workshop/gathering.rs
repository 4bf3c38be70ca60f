//! Gathering codes: pasted text, imports, duplicates, removal, and the saved
//! workshop.

use super::*;

/// Five different results and their codes.
fn five_codes(bank: &Bank) -> (Vec<Progress>, Vec<String>) {
    let results: Vec<Progress> = [
        (Role::Hr, 0),
        (Role::Hr, 25),
        (Role::LearningAndDevelopment, 50),
        (Role::LearningAndDevelopment, 75),
        (Role::Leadership, 100),
    ]
    .iter()
    .map(|&(role, points)| {
        person(
            bank,
            Mode::Quick,
            Some(role),
            "Team A",
            &[("alpha", points), ("beta", points)],
        )
    })
    .collect();
    let codes = results.iter().map(|p| code::encode(bank, p)).collect();
    (results, codes)
}

#[test]
fn pasted_codes_are_found_among_any_separators() {
    let bank = mini_bank();
    let (results, codes) = five_codes(&bank);
    let compact: String = codes[2].chars().filter(|&c| c != '-').collect();
    let text = format!(
        "Here are today's codes:\n{}\r\n{}, {compact};\t<https://example.org/tandem/#r={}> thanks!|\"{}\".",
        codes[0],
        codes[1].to_lowercase(),
        codes[3],
        codes[4],
    );
    let mut workshop = Workshop::new("  Leadership offsite\u{7} ");
    assert_eq!(workshop.name(), "Leadership offsite");
    let gathered = workshop.add_text(&bank, &text);
    assert_eq!((gathered.added, gathered.duplicates), (5, 0));
    assert!(gathered.rejected.is_empty(), "{:?}", gathered.rejected);
    assert_eq!(workshop.len(), 5);
    // Kept in canonical spelling, in the order pasted.
    assert_eq!(workshop.codes(), codes.as_slice());
    for (kept, original) in workshop.participants().iter().zip(&results) {
        let kept = kept.progress(&bank);
        assert_eq!(
            (kept.role, &kept.team, &kept.answers),
            (original.role, &original.team, &original.answers)
        );
    }
}

#[test]
fn a_link_with_other_parameters_is_read() {
    let bank = mini_bank();
    let (_, codes) = five_codes(&bank);
    let text = format!(
        "see https://intranet.example/tandem/#/results?r={}&from=mail",
        codes[0]
    );
    let mut workshop = Workshop::default();
    assert_eq!(workshop.add_text(&bank, &text).added, 1);
    // A link without a code in it is some other link, not an entry.
    let other = workshop.add_text(&bank, "https://example.org/#section-2 #hashtag");
    assert_eq!(other.found(), 0);
}

#[test]
fn a_paste_over_the_limit_is_refused_whole_and_changes_nothing() {
    let bank = mini_bank();
    let (_, codes) = five_codes(&bank);
    let mut workshop = Workshop::default();
    workshop.add_text(&bank, &codes[0]);
    let before = workshop.clone();
    let mut text = format!("{}\n", codes[1]);
    text.push_str(&"x".repeat(MAX_PASTE_BYTES + 1 - text.len()));
    let gathered = workshop.add_text(&bank, &text);
    let refused = gathered.refused.expect("refused whole");
    assert_eq!(refused.bytes, MAX_PASTE_BYTES + 1);
    assert!(
        refused.to_string().contains("paste it in parts"),
        "{refused}"
    );
    assert_eq!((gathered.added, gathered.found()), (0, 0));
    assert_eq!(workshop, before, "nothing gathered changed");
    // At the limit it is read.
    text.pop();
    assert_eq!(workshop.add_text(&bank, &text).added, 1);
}

#[test]
fn refused_entries_are_listed_up_to_a_cap_and_counted_beyond_it() {
    let bank = mini_bank();
    let text: String = (0..MAX_LISTED + 10)
        .map(|i| format!("T1-BROKEN{i:04}\n"))
        .collect();
    let gathered = Workshop::default().add_text(&bank, &text);
    assert_eq!(gathered.rejected.len(), MAX_LISTED);
    assert_eq!(gathered.more_rejected, 10);
    assert_eq!(gathered.found(), MAX_LISTED + 10);
    // Merged reports (several files) keep the cap too.
    let mut merged = gathered.clone();
    merged.merge(gathered);
    assert_eq!(merged.rejected.len(), MAX_LISTED);
    assert_eq!(merged.more_rejected, MAX_LISTED + 20);
}

#[test]
fn lines_without_a_code_are_counted_and_shown_not_dropped() {
    let bank = mini_bank();
    let (_, codes) = five_codes(&bank);
    let text = format!(
        "Hello everyone, here are the codes:\n{}\n\n   \nAnna: {}\nthanks, bye\n",
        codes[0], codes[1]
    );
    let gathered = Workshop::default().add_text(&bank, &text);
    assert_eq!(gathered.added, 2);
    assert_eq!(gathered.lines_without_code, 2, "blank lines do not count");
    assert_eq!(
        gathered.without_code,
        ["Hello everyone, here are the codes:", "thanks, bye"]
    );
    let many: String = (0..MAX_LISTED + 5).map(|i| format!("line {i}\n")).collect();
    let gathered = Workshop::default().add_text(&bank, &many);
    assert_eq!(gathered.lines_without_code, MAX_LISTED + 5);
    assert_eq!(gathered.without_code.len(), MAX_LISTED);
}

#[test]
fn words_that_only_start_like_codes_are_refused_without_joining_forever() {
    let bank = mini_bank();
    // Each word starts like a code and is tried joined with the sixteen
    // after it: a paste of a hundred thousand of them still reads, adds
    // nothing and lists one refusal (the same text each time).
    let text = "T1AB3 ".repeat(100_000);
    let gathered = Workshop::default().add_text(&bank, &text);
    assert_eq!((gathered.added, gathered.rejected.len()), (0, 1));
    // A real code split into groups among them is still found.
    let (_, codes) = five_codes(&bank);
    let text = format!("T1AB3 T1AB3 {} T1AB3", codes[0].replace('-', " "));
    let gathered = Workshop::default().add_text(&bank, &text);
    assert_eq!(gathered.added, 1);
}

#[test]
fn a_code_split_by_spaces_is_joined_back() {
    let bank = mini_bank();
    let (_, codes) = five_codes(&bank);
    let spaced = codes[0].replace('-', " ");
    let text = format!("{spaced}   {}\n{} and more words", codes[1], codes[2]);
    let mut workshop = Workshop::default();
    let gathered = workshop.add_text(&bank, &text);
    assert_eq!(
        (gathered.added, gathered.rejected.len()),
        (3, 0),
        "{:?}",
        gathered.rejected
    );
    assert_eq!(workshop.codes(), &codes[..3]);

    // A code cut short stays refused even with words after it to try.
    let cut = &codes[3][..12];
    let gathered = workshop.add_text(&bank, &format!("{cut} thanks all"));
    assert_eq!(gathered.added, 0);
    assert_eq!(gathered.rejected.len(), 1);
    assert_eq!(gathered.rejected[0].text, cut);
}

#[test]
fn duplicates_count_once_in_one_paste_and_across_pastes() {
    let bank = mini_bank();
    let (_, codes) = five_codes(&bank);
    let mut workshop = Workshop::default();
    // The same code three times, spelled three ways.
    let text = format!(
        "{} {} https://x.example/#r={}",
        codes[0],
        codes[0].to_lowercase(),
        codes[0]
    );
    let first = workshop.add_text(&bank, &text);
    assert_eq!((first.added, first.duplicates), (1, 2));
    // Again, with a new one: the old one is a duplicate, the new one added.
    let second = workshop.add_text(&bank, &format!("{}\n{}", codes[0], codes[1]));
    assert_eq!((second.added, second.duplicates), (1, 1));
    assert_eq!(workshop.len(), 2);
    assert_eq!(second.found(), 2);
}

#[test]
fn foreign_and_broken_codes_are_listed_with_the_reason() {
    let bank = mini_bank();
    let standard = Bank::standard();
    let (_, codes) = five_codes(&bank);
    let foreign = code::encode(
        standard,
        &person(standard, Mode::Quick, Some(Role::Hr), "", &[]),
    );
    let broken = typo(&codes[1]);
    let text = format!("{}\n{foreign}\n{broken}\n{}\n{broken}", codes[0], codes[2]);
    let mut workshop = Workshop::default();
    let gathered = workshop.add_text(&bank, &text);
    assert_eq!((gathered.added, gathered.duplicates), (2, 0));
    // The broken one pasted twice is listed once.
    assert_eq!(gathered.rejected.len(), 2);
    let other_bank = CodeError::OtherBank {
        mark: standard.mark(),
    };
    assert_eq!(code::bank_of(&foreign), Ok(standard.mark()));
    assert!(gathered.rejected[0]
        .reason
        .to_string()
        .contains("different set of questions"));
    assert_eq!(
        gathered.rejected[0].reason,
        Reason::Code(other_bank.clone())
    );
    assert_eq!(
        gathered.rejected[0].reason.to_string(),
        other_bank.to_string()
    );
    assert_eq!(
        gathered.rejected[1].reason,
        Reason::Code(CodeError::Checksum)
    );
    // Shown shortened: 31 characters and an ellipsis.
    assert_eq!(gathered.rejected[1].text.chars().count(), 32);
    assert!(gathered.rejected[1].text.ends_with('…'));
    assert!(broken.starts_with(gathered.rejected[1].text.trim_end_matches('…')));
    assert_eq!(workshop.codes(), [codes[0].clone(), codes[2].clone()]);
}

#[test]
fn words_that_look_like_codes_are_reported_and_others_skipped() {
    let bank = mini_bank();
    let mut workshop = Workshop::default();
    // `T2…` could be a code from a newer Tandem (this one is not a real
    // code): reported, not skipped. "Team", "Thanks" and "T4" are words.
    let gathered = workshop.add_text(&bank, "T2-ABCDE-FGH12 Team Thanks T4 Tandem.");
    assert_eq!(gathered.rejected.len(), 1);
    assert_eq!(gathered.rejected[0].text, "T2-ABCDE-FGH12");
    assert_eq!(gathered.found(), 1);
}

#[test]
fn a_bad_paste_loses_nothing() {
    let bank = mini_bank();
    let (_, codes) = five_codes(&bank);
    let mut workshop = Workshop::new("Kept");
    workshop.add_text(&bank, &format!("{}\n{}", codes[0], codes[1]));
    let before = workshop.clone();
    for bad in [
        String::new(),
        "no codes here at all".to_owned(),
        "T1".to_owned(),
        "T1-".repeat(2_000),
        typo(&codes[2]),
        "\u{0}\u{202e}T1-😀".to_owned(),
        format!("https://x.example/#r={}", typo(&codes[3])),
    ] {
        let gathered = workshop.add_text(&bank, &bad);
        assert_eq!(gathered.added, 0, "{bad:?}");
        assert_eq!(workshop, before, "{bad:?}");
    }
    // Good codes next to bad ones are added after what was there.
    let gathered = workshop.add_text(
        &bank,
        &format!("{}, nonsense T1XYZ {}", typo(&codes[2]), codes[3]),
    );
    assert_eq!((gathered.added, gathered.rejected.len()), (1, 2));
    assert_eq!(&workshop.codes()[..2], before.codes());
    assert_eq!(&workshop.participants()[..2], before.participants());
}

#[test]
fn imported_progress_counts_once_with_its_code() {
    let bank = mini_bank();
    let (results, codes) = five_codes(&bank);
    let imported = export::from_json(&bank, &export::to_json(&bank, &results[0])).unwrap();
    let mut workshop = Workshop::default();
    let first = workshop.add_progress(&bank, &imported);
    assert_eq!((first.added, first.duplicates), (1, 0));
    assert_eq!(workshop.codes(), [codes[0].clone()]);
    // The same participant pasting their code is a duplicate, and so is a
    // second import of the same file.
    assert_eq!(workshop.add_text(&bank, &codes[0]).duplicates, 1);
    assert_eq!(workshop.add_progress(&bank, &imported).duplicates, 1);
    // Kept as a code would give it: no action plan.
    assert_eq!(
        workshop.participants()[0],
        code::read(&bank, &codes[0]).unwrap()
    );
    assert_eq!(workshop.len(), 1);
}

#[test]
fn remove_takes_out_one_participant() {
    let bank = mini_bank();
    let (_, codes) = five_codes(&bank);
    let mut workshop = Workshop::default();
    workshop.add_text(&bank, &codes.join("\n"));
    assert_eq!(workshop.remove(1), Some(codes[1].clone()));
    assert_eq!(workshop.remove(9), None);
    assert_eq!(workshop.len(), 4);
    assert_eq!(workshop.participants().len(), 4);
    assert_eq!(workshop.codes()[1], codes[2]);
    // Removed, it can be added again.
    assert_eq!(workshop.add_text(&bank, &codes[1]).added, 1);
}

#[test]
fn a_saved_workshop_round_trips_through_json() {
    let bank = mini_bank();
    let (_, codes) = five_codes(&bank);
    let mut workshop = Workshop::new("Leadership offsite");
    workshop.add_text(&bank, &codes.join(" "));
    let json = serde_json::to_string(&workshop).unwrap();
    // Compact: the name and the codes, nothing decoded.
    assert!(
        json.len() < 60 + codes.iter().map(|c| c.len() + 3).sum::<usize>(),
        "{json}"
    );
    let saved: SavedWorkshop = serde_json::from_str(&json).unwrap();
    assert_eq!(saved, workshop.saved());
    let (restored, report) = Workshop::restore(&bank, saved).unwrap();
    assert_eq!(restored, workshop);
    assert_eq!((report.added, report.rejected.len()), (5, 0));
}

#[test]
fn saved_codes_that_no_longer_read_are_kept() {
    let bank = mini_bank();
    let (_, codes) = five_codes(&bank);
    let foreign = code::encode(Bank::standard(), &Progress::new(Mode::Quick));
    let saved = SavedWorkshop {
        schema: 1,
        name: "Offsite".into(),
        codes: vec![
            codes[0].clone(),
            foreign.clone(),
            codes[0].clone(),
            "garbage".into(),
        ],
    };
    let (mut restored, report) = Workshop::restore(&bank, saved).unwrap();
    assert_eq!(
        (report.added, report.duplicates, report.rejected.len()),
        (1, 1, 2)
    );
    assert_eq!(restored.len(), 1);
    assert_eq!(
        restored.unreadable(),
        [foreign.clone(), "garbage".to_owned()]
    );
    // Saved again, nothing is lost.
    assert_eq!(
        restored.saved().codes,
        [codes[0].clone(), foreign, "garbage".to_owned()]
    );
    // Until the facilitator discards them.
    restored.discard_unreadable();
    assert_eq!(restored.saved().codes, [codes[0].clone()]);
}

#[test]
fn a_workshop_from_a_newer_tandem_is_refused() {
    let bank = mini_bank();
    let saved: SavedWorkshop = serde_json::from_str(r#"{"schema": 2, "codes": []}"#).unwrap();
    let error = Workshop::restore(&bank, saved).unwrap_err();
    assert!(error.to_string().contains("newer version"));
    // Missing name and codes read as empty.
    let saved: SavedWorkshop = serde_json::from_str(r#"{"schema": 1}"#).unwrap();
    assert!(Workshop::restore(&bank, saved).unwrap().0.is_empty());
}

#[test]
fn a_thousand_codes_paste_at_once() {
    let bank = Bank::standard();
    let codes: Vec<String> = (0..1_000)
        .map(|i| code::encode(bank, &sample::participant(bank, i)))
        .collect();
    let mut workshop = Workshop::new("Big room");
    let gathered = workshop.add_text(bank, &codes.join("\n"));
    let distinct: std::collections::HashSet<&String> = codes.iter().collect();
    assert_eq!(gathered.added, distinct.len());
    assert_eq!(gathered.added + gathered.duplicates, 1_000);
    assert!(gathered.rejected.is_empty());
}

#[test]
fn workshops_are_equal_exactly_when_name_participants_and_unreadable_codes_are() {
    // The screen skips a render when the workshop is equal to the one
    // before: equality must see every change to what is shown or saved,
    // and a copy (sharing its participants) must be equal.
    let bank = mini_bank();
    let (_, codes) = five_codes(&bank);
    let gathered = |name: &str, codes: &[&String]| {
        let mut workshop = Workshop::new(name);
        let text: Vec<&str> = codes.iter().map(|c| c.as_str()).collect();
        workshop.add_text(&bank, &text.join("\n"));
        workshop
    };
    let workshop = gathered("Offsite", &[&codes[0], &codes[1], &codes[2]]);
    assert_eq!(workshop.clone(), workshop);
    // Gathered again apart, the same name and codes in the same order are
    // the same workshop, though nothing is shared.
    assert_eq!(
        gathered("Offsite", &[&codes[0], &codes[1], &codes[2]]),
        workshop
    );
    assert_eq!(Workshop::new("Offsite"), Workshop::new("Offsite"));

    let mut renamed = workshop.clone();
    renamed.rename("Offsite 2");
    assert_ne!(renamed, workshop, "another name");
    let mut more = workshop.clone();
    assert_eq!(more.add_text(&bank, &codes[3]).added, 1);
    assert_ne!(more, workshop, "one participant more");
    let mut fewer = workshop.clone();
    fewer.remove(2);
    assert_ne!(fewer, workshop, "one participant fewer");
    assert_ne!(
        gathered("Offsite", &[&codes[0], &codes[1], &codes[3]]),
        workshop,
        "another participant"
    );
    assert_ne!(
        gathered("Offsite", &[&codes[0], &codes[2], &codes[1]]),
        workshop,
        "the same participants in another order"
    );

    // The same name and participants, and a saved code that did not read.
    let saved = SavedWorkshop {
        schema: 1,
        name: "Offsite".into(),
        codes: vec![
            codes[0].clone(),
            codes[1].clone(),
            codes[2].clone(),
            "garbage".into(),
        ],
    };
    let (mut restored, _) = Workshop::restore(&bank, saved).unwrap();
    assert_eq!(restored.participants(), workshop.participants());
    assert_ne!(restored, workshop, "a code that did not read");
    restored.discard_unreadable();
    assert_eq!(restored, workshop);
}

#[test]
fn another_tabs_participants_and_unreadable_codes_are_taken_in_once() {
    let bank = mini_bank();
    let (_, codes) = five_codes(&bank);
    let mut here = Workshop::new("Here");
    assert!(here.is_empty());
    here.add_text(&bank, &codes[..2].join("\n"));
    assert!(!here.is_empty());
    // The other tab saved codes 1 to 3 and one that does not read.
    let saved = SavedWorkshop {
        schema: 1,
        name: "There".into(),
        codes: vec![
            codes[1].clone(),
            codes[2].clone(),
            codes[3].clone(),
            "garbage".into(),
        ],
    };
    let (there, _) = Workshop::restore(&bank, saved).unwrap();
    assert_eq!(here.absorb(&there), 2, "codes 2 and 3 are new here");
    assert_eq!(here.name(), "Here");
    assert_eq!(here.codes(), &codes[..4]);
    assert_eq!(here.len(), 4);
    assert_eq!(here.unreadable(), ["garbage".to_owned()]);
    // Taken in again, nothing is new and nothing is doubled.
    assert_eq!(here.absorb(&there), 0);
    assert_eq!(here.codes(), &codes[..4]);
    assert_eq!(here.unreadable(), ["garbage".to_owned()]);
}

#[test]
fn the_reports_of_a_batch_add_up() {
    let bank = mini_bank();
    let (_, codes) = five_codes(&bank);
    let mut workshop = Workshop::default();
    // One added, one refused, one line without a code.
    let first = format!("{}\n{}\nhello", codes[0], typo(&codes[1]));
    let mut report = workshop.add_text(&bank, &first);
    // One added, one duplicate, one refused, two lines without a code.
    let second = format!(
        "{}\n{}\n{}\nbye\nsee you",
        codes[2],
        codes[0],
        typo(&codes[3])
    );
    report.merge(workshop.add_text(&bank, &second));
    assert_eq!((report.added, report.duplicates), (2, 1));
    assert_eq!((report.rejected.len(), report.more_rejected), (2, 0));
    assert_eq!(report.found(), 5);
    assert_eq!(report.without_code, ["hello", "bye", "see you"]);
    assert_eq!(report.lines_without_code, 3);
    assert_eq!(report.refused, None);
    // A paste refused whole says so in the merged report too.
    report.merge(workshop.add_text(&bank, &"x".repeat(MAX_PASTE_BYTES + 1)));
    assert!(report.refused.is_some());
    assert_eq!(report.found(), 5);
}

#[test]
fn a_split_code_is_joined_back_between_other_words_and_codes() {
    let bank = mini_bank();
    let (_, codes) = five_codes(&bank);
    let spaced = codes[0].replace('-', " ");
    assert!(spaced.split(' ').count() > 3, "{spaced}");
    // After the split code, reading goes on with the next word on the line.
    let text = format!("Codes: {spaced} {} {}", codes[1], codes[2]);
    let mut workshop = Workshop::default();
    let gathered = workshop.add_text(&bank, &text);
    assert_eq!(
        (gathered.added, gathered.rejected.len()),
        (3, 0),
        "{:?}",
        gathered.rejected
    );
    assert_eq!(workshop.codes(), &codes[..3]);
}

#[test]
fn unicode_spaces_and_vertical_tabs_separate_codes() {
    let bank = mini_bank();
    let (_, codes) = five_codes(&bank);
    // A no-break space, an ideographic space and a vertical tab, as a word
    // processor or a chat may paste them.
    let text = format!(
        "{}\u{00A0}{}\u{3000}{}\u{000B}{}",
        codes[0], codes[1], codes[2], codes[3]
    );
    let mut workshop = Workshop::default();
    let gathered = workshop.add_text(&bank, &text);
    assert_eq!(
        (gathered.added, gathered.rejected.len()),
        (4, 0),
        "{:?}",
        gathered.rejected
    );
    // A vertical tab alone on an ASCII line separates as well.
    let gathered =
        Workshop::default().add_text(&bank, &format!("{}\u{000B}{}", codes[0], codes[1]));
    assert_eq!(gathered.added, 2);
}

#[test]
fn a_word_shaped_like_a_later_format_is_reported_and_punctuated_words_are_not_codes() {
    let bank = mini_bank();
    // Format 3 is past this Tandem's: a word of its shape (T, code symbols
    // and hyphens, a digit among them) is read as a code and reported, so a
    // code from a newer Tandem is never skipped as a word.
    let gathered = Workshop::default().add_text(&bank, "T3-ABCDE-FGH12");
    assert_eq!(gathered.rejected.len(), 1, "{gathered:?}");
    assert_eq!(gathered.rejected[0].text, "T3-ABCDE-FGH12");
    // Other punctuation inside a word makes it no code at all.
    let gathered = Workshop::default().add_text(&bank, "T3:ABCDE12 T3.ABCDE12");
    assert_eq!(gathered.found(), 0, "{gathered:?}");
    assert_eq!(gathered.lines_without_code, 1);
}

#[test]
fn a_long_run_of_code_like_words_spends_the_joining_allowance() {
    let bank = mini_bank();
    let (_, codes) = five_codes(&bank);
    // Joining may look at each byte of a paste a few times over, no more.
    // Twenty thousand words that start like codes, each tried joined with
    // the sixteen after it, spend that allowance: a code split into groups
    // after them is then read word by word, so refused (listed, not lost)
    // rather than joined. Whole codes still read.
    let text = format!(
        "{}\n{}\n{}",
        "T1AB3 ".repeat(20_000),
        codes[0].replace('-', " "),
        codes[1]
    );
    let gathered = Workshop::default().add_text(&bank, &text);
    assert_eq!(gathered.added, 1, "{gathered:?}");
    assert_eq!(gathered.rejected.len(), 2, "{:?}", gathered.rejected);
    let first_group = codes[0].split('-').next().unwrap();
    assert_eq!(gathered.rejected[1].text, first_group);
}

#[test]
fn a_thousand_codes_split_by_spaces_are_all_joined_back() {
    let bank = mini_bank();
    let (_, codes) = five_codes(&bank);
    // A chat where everybody split their code into groups: however many
    // there are, each is joined back.
    let text: Vec<String> = (0..1_000)
        .map(|i| format!("{}: {}", i, codes[i % 5].replace('-', " ")))
        .collect();
    let gathered = Workshop::default().add_text(&bank, &text.join("\n"));
    assert_eq!(
        (gathered.added, gathered.duplicates, gathered.rejected.len()),
        (5, 995, 0),
        "{:?}",
        gathered.rejected
    );
}

#[test]
fn the_joining_allowance_is_a_few_times_the_paste() {
    let bank = mini_bank();
    let (_, codes) = five_codes(&bank);
    // Lines of six words that start like codes: each is tried joined with
    // the words after it on its line, which looks at about twice the
    // line's bytes. That is within the allowance (four times the paste), so
    // a split code after two thousand such lines is still joined back.
    let noise = format!("{}\n", ["T1AB3"; 6].join(" ")).repeat(2_000);
    let text = format!("{noise}{}", codes[0].replace('-', " "));
    let gathered = Workshop::default().add_text(&bank, &text);
    assert_eq!(gathered.added, 1, "{:?}", gathered.rejected);
    assert_eq!(gathered.rejected.len(), 1, "the noise, listed once");
}
