//! What a language file's messages must be, written once: `build.rs`
//! includes this file to refuse a build whose shipped languages miss a
//! message or break one, and the app reads every language file it fetches
//! through the same function. It uses nothing but `std` and `serde_json`,
//! so that the build script can compile it on its own.

use serde_json::Value;

/// The longest message a language file may hold, in characters: ten times
/// the longest English one would still be far below it.
pub const MAX_MESSAGE_CHARS: usize = 2_000;

/// Every plural form CLDR names, in its order.
pub const PLURAL_FORMS: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// The plural forms each language distinguishes (CLDR's cardinal
/// categories), in the order `plural_form` numbers them; every language has
/// `other`, which a message that does not change with a number uses alone.
pub fn plural_forms(code: &str) -> &'static [&'static str] {
    match code {
        "ar" => &["zero", "one", "two", "few", "many", "other"],
        // French counts 0 and 1 as singular ("0 réponse"); it also has a
        // `many` for millions, which no message here counts.
        "fr" => &["one", "many", "other"],
        _ => &["one", "other"],
    }
}

/// The plural form `n` takes in the language `code` (CLDR's rules for whole
/// numbers), one of [`plural_forms`].
pub fn plural_form(code: &str, n: u64) -> &'static str {
    match code {
        "ar" => match (n, n % 100) {
            (0, _) => "zero",
            (1, _) => "one",
            (2, _) => "two",
            (_, 3..=10) => "few",
            (_, 11..=99) => "many",
            _ => "other",
        },
        "fr" => match n {
            0 | 1 => "one",
            n if n != 0 && n % 1_000_000 == 0 => "many",
            _ => "other",
        },
        _ => {
            if n == 1 {
                "one"
            } else {
                "other"
            }
        }
    }
}

/// The names of the `{placeholders}` in `text`, in order, each once.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        if !name.is_empty()
            && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            && !names.contains(&name)
        {
            names.push(name);
        }
        rest = &after[close + 1..];
    }
    names
}

/// Where `text` turns the direction of what follows, if it does: the
/// position (from 1, in characters) and the control. A translation has no
/// need to, since Tandem sets each language's direction itself, and one
/// that does can make a text read as something it is not.
pub fn direction_control(text: &str) -> Option<(usize, char)> {
    text.chars()
        .zip(1..)
        .find(|(c, _)| {
            matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
        })
        .map(|(c, at)| (at, c))
}

/// Why `text` cannot be shown as a message, if it cannot: a translation is
/// shown as text, never as markup, but one that looks like markup, turns
/// the direction of what follows, or holds invisible controls is not a
/// translation.
pub fn refuse_text(text: &str) -> Option<String> {
    if text.trim().is_empty() {
        return Some("it is empty".to_owned());
    }
    let chars = text.chars().count();
    if chars > MAX_MESSAGE_CHARS {
        return Some(format!(
            "it is {chars} characters long, and a message may have at most {MAX_MESSAGE_CHARS}"
        ));
    }
    if let Some((at, c)) = direction_control(text) {
        return Some(format!(
            "character {at} is a direction control (U+{:04X}); Tandem sets each language's direction itself",
            c as u32
        ));
    }
    for (position, c) in text.chars().enumerate() {
        let at = position + 1;
        match c {
            c if c.is_control() => {
                return Some(format!(
                    "character {at} is an invisible control character (U+{:04X})",
                    c as u32
                ));
            }
            _ => {}
        }
    }
    if let Some(at) = markup_at(text) {
        return Some(format!(
            "character {at} starts what looks like markup (\"<\"); a message is plain text"
        ));
    }
    None
}

/// The position (from 1, in characters) of a `<` that starts a tag, a
/// closing tag or a comment.
fn markup_at(text: &str) -> Option<usize> {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(2)
        .position(|pair| {
            pair[0] == '<' && (pair[1].is_alphabetic() || matches!(pair[1], '/' | '!' | '?'))
        })
        .map(|i| i + 1)
}

/// One message: its forms, each a plural form's name and its text (a
/// message that does not change with a number has `other` only).
pub type Forms = Vec<(&'static str, String)>;

/// A problem with a language file: where (a message's key, in quotes, or
/// `messages`), and what is wrong.
pub type Found = (String, String);

/// Reads the `messages` object of language `code` against the English
/// `keys` (each a message's name and its English forms). Returns each
/// English key's message, in order (`None` where it is missing or wrong),
/// and every problem: a missing or unknown key, a form the language does not
/// have or lacks, a `{placeholder}` the English does not fill (or one the
/// English has that a form leaves out, where the English form has it in
/// every form), and any text [`refuse_text`] refuses.
pub fn read_messages(
    code: &str,
    messages: &Value,
    keys: &[(&str, Vec<(&str, &str)>)],
) -> (Vec<Option<Forms>>, Vec<Found>) {
    let mut found: Vec<Found> = Vec::new();
    let Some(messages) = messages.as_object() else {
        return (
            vec![None; keys.len()],
            vec![(
                "messages".to_owned(),
                "it must be an object of messages, each by its key".to_owned(),
            )],
        );
    };
    for key in messages.keys() {
        if !keys.iter().any(|(name, _)| name == key) {
            found.push((
                format!("\"{key}\""),
                "Tandem has no message of this key".to_owned(),
            ));
        }
    }
    let allowed = plural_forms(code);
    let read = keys
        .iter()
        .map(|(name, english)| {
            let at = format!("\"{name}\"");
            let Some(value) = messages.get(*name) else {
                found.push((at, "this message is missing".to_owned()));
                return None;
            };
            let plural = english.len() > 1;
            let forms: Forms = match (value, plural) {
                (Value::String(text), false) => vec![("other", text.clone())],
                (Value::Object(given), true) => {
                    let mut forms = Vec::new();
                    for (form, text) in given {
                        let Some(form) = allowed.iter().find(|f| **f == form.as_str()) else {
                            found.push((
                                format!("{at}.{form}"),
                                format!("this language's plural forms are {}", allowed.join(", ")),
                            ));
                            continue;
                        };
                        match text.as_str() {
                            Some(text) => forms.push((*form, text.to_owned())),
                            None => {
                                found.push((format!("{at}.{form}"), "it must be text".to_owned()))
                            }
                        }
                    }
                    for form in allowed {
                        if !forms.iter().any(|(f, _)| f == form) {
                            found.push((
                                at.clone(),
                                format!("the plural form \"{form}\" is missing"),
                            ));
                        }
                    }
                    forms
                }
                (_, false) => {
                    found.push((at, "it must be text".to_owned()));
                    return None;
                }
                (_, true) => {
                    found.push((
                        at,
                        format!(
                            "it counts something, so it must be an object of its plural forms ({})",
                            allowed.join(", ")
                        ),
                    ));
                    return None;
                }
            };
            let filled: Vec<&str> = english
                .iter()
                .flat_map(|(_, text)| placeholders(text))
                .collect();
            let everywhere: Vec<&str> = filled
                .iter()
                .copied()
                .filter(|name| {
                    english
                        .iter()
                        .all(|(_, text)| placeholders(text).contains(name))
                })
                .collect();
            let before = found.len();
            for (form, text) in &forms {
                let place = if plural {
                    format!("{at}.{form}")
                } else {
                    at.clone()
                };
                if let Some(reason) = refuse_text(text) {
                    found.push((place, reason));
                    continue;
                }
                for name in placeholders(text) {
                    if !filled.contains(&name) {
                        found.push((
                            place.clone(),
                            format!("{{{name}}} is not something Tandem fills in here"),
                        ));
                    }
                }
                for name in &everywhere {
                    // A count may be said in words ("one statement").
                    if *name != "count" && !placeholders(text).contains(name) {
                        found.push((place.clone(), format!("{{{name}}} is left out")));
                    }
                }
            }
            (found.len() == before).then_some(forms)
        })
        .collect();
    (read, found)
}
