//! Text that a person typed or a file held, as Tandem keeps it or quotes it
//! back: the one place that says what a clean label, name or quotation is.
//!
//! Team labels, workshop names and action texts are shown as written, never
//! read as markup; what is cleaned here is only what would garble a screen, a
//! code or a message: control characters, and text longer than its field.

/// A label or a name as it is kept: without control characters, at most `max`
/// characters, trimmed.
pub(crate) fn kept(text: &str, max: usize) -> String {
    text.chars()
        .filter(|c| !c.is_control())
        .take(max)
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Text that is being edited, as it is kept while typing: control characters
/// (a pasted line break, a tab) become spaces, so the words either side stay
/// apart; at most `max` characters; not trimmed, so a space typed at the end
/// stays until the next word.
pub(crate) fn kept_while_typing(text: &str, max: usize) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(max)
        .collect()
}

/// Text fit to quote in a message or a list: no control characters, and at
/// most `max` characters, the last of them `…` when some were cut. Looks at no
/// more of `text` than that, however long it is.
pub(crate) fn quoted(text: &str, max: usize) -> String {
    let clean: Vec<char> = text
        .chars()
        .filter(|c| !c.is_control())
        .take(max + 1)
        .collect();
    if clean.len() <= max {
        clean.into_iter().collect()
    } else {
        let mut short: String = clean[..max.saturating_sub(1)].iter().collect();
        short.push('…');
        short
    }
}

/// Text from a file as a problem quotes it: at most `max` characters, control
/// characters escaped (`\n`, `\u{1b}`) rather than dropped, so a hostile key
/// can neither flood nor garble the list of problems, and the person can see
/// what is wrong with it.
pub(crate) fn escaped(text: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}
