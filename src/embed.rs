//! Tandem inside a frame on someone else's page (a blog post, an intranet
//! article): embed mode, and the few messages it sends to that host page.
//!
//! Embed mode is asked for in the address's query, `index.html?embed` (or
//! `?embed=1`). It gives the embed look, the `embed` class on the root element
//! (no header or footer, no page margins, a transparent background; see
//! styles/frame.css). When Tandem really is inside a frame it also tells the
//! host page two things, and nothing else:
//!
//! - the content's height, whenever it changes, so the frame can fit it
//!   without a scrollbar;
//! - that the person completed the assessment, with the overall level.
//!
//! Messages are small plain objects, `{ source: "tandem", version: 1, type,
//! ... }`, listed in the README ("Embed Tandem in a page"). [`HostMessages`] is
//! the one place that decides what a completion may carry: the level only,
//! unless a consultant's configuration explicitly allows dimension scores too.
//!
//! Where the messages may go: to the parent page's origin when the browser
//! says what it is (`location.ancestorOrigins`, or the referrer), otherwise to
//! any origin (`"*"`). The wildcard gives nothing away: only the page that
//! frames Tandem receives a message sent to its parent, and anyone may frame
//! Tandem, so the height and the level are what every host may learn. Scores
//! go only to a known origin.

use crate::assessment::language::Key;
use crate::assessment::{Bank, Overall, Report};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The query parameter that asks for embed mode.
const PARAMETER: &str = "embed";
/// The class on the root element that gives the embed look.
const CLASS: &str = "embed";
/// Every message's `source`, so a host can tell Tandem's messages apart.
const SOURCE: &str = "tandem";
/// Every message's `version`. Raised only when a message changes in a way an
/// existing listener would misread; adding a field keeps the version.
pub const VERSION: u32 = 1;

/// Whether a query string (`location.search`, with or without its `?`) asks
/// for embed mode: an `embed` parameter that is empty (`?embed`, `?embed=`)
/// or `1`. Any other value, such as `embed=0`, does not.
pub fn requested(search: &str) -> bool {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (name == PARAMETER).then_some(value)
        })
        .any(|value| value.is_empty() || value == "1")
}

/// The address without the `embed` parameter: a result link made inside a
/// frame is opened later as a page of its own, with Tandem's usual look.
pub fn without_parameter(address: &str) -> String {
    let Some((page, query)) = address.split_once('?') else {
        return address.to_owned();
    };
    let mut kept = page.to_owned();
    for pair in query.split('&') {
        if !pair.is_empty() && pair.split('=').next() != Some(PARAMETER) {
            kept.push(if kept.len() == page.len() { '?' } else { '&' });
            kept.push_str(pair);
        }
    }
    kept
}

/// What an embedded Tandem may tell its host page when an assessment is
/// completed, as a consultant's configuration says ("host_messages"); the
/// height is always sent, and says nothing about the person. Without a
/// configuration, [`HostMessages::Level`] applies: the overall level only.
/// Scores go only to a host whose origin is known.
pub use crate::assessment::config::HostMessages;

/// One message to the host page, before it becomes a JavaScript object.
#[derive(Clone, Debug, PartialEq)]
pub enum HostMessage {
    /// The content's height in CSS pixels, rounded up.
    Height(u32),
    /// The person reached their results from the questionnaire.
    Completed {
        /// The overall level's number (1 to 5) and name, or `None` when too
        /// few dimensions had enough answers for an overall level.
        level: Option<(u8, String)>,
        /// Each dimension's id and score (`None` when it had too few
        /// answers), only when [`HostMessages::LevelAndScores`] applies.
        scores: Option<Vec<(String, Option<u8>)>>,
    },
}

impl HostMessage {
    /// The completion message for `report`: the level, and the scores only
    /// when `allowed` says so and the host's origin is known.
    pub fn completed(
        bank: &Bank,
        report: &Report,
        allowed: HostMessages,
        origin_known: bool,
    ) -> HostMessage {
        let level = match report.overall {
            Overall::Scored { level, .. } => Some((level.number(), bank.level(level).name.clone())),
            Overall::NotEnoughAnswers => None,
        };
        let scores = (allowed == HostMessages::LevelAndScores && origin_known).then(|| {
            report
                .dimensions
                .iter()
                .filter_map(|result| {
                    let dimension = bank.dimensions().get(result.index)?;
                    let score = result.score().map(|s| s.value());
                    Some((dimension.id.as_str().to_owned(), score))
                })
                .collect()
        });
        HostMessage::Completed { level, scores }
    }

    /// The message as JSON text, fields in the order the README lists them:
    /// `source`, `version`, `type`, then the type's own fields.
    pub fn to_json(&self) -> String {
        let head = format!(r#"{{"source":"{SOURCE}","version":{VERSION},"type":"#);
        match self {
            HostMessage::Height(height) => format!(r#"{head}"height","height":{height}}}"#),
            HostMessage::Completed { level, scores } => {
                let (number, name) = match level {
                    Some((number, name)) => (number.to_string(), json_text(name)),
                    None => ("null".to_owned(), "null".to_owned()),
                };
                let mut json = format!(r#"{head}"completed","level":{number},"levelName":{name}"#);
                if let Some(scores) = scores {
                    json.push_str(r#","dimensions":["#);
                    for (i, (id, score)) in scores.iter().enumerate() {
                        let score = score.map_or_else(|| "null".to_owned(), |s| s.to_string());
                        let comma = if i == 0 { "" } else { "," };
                        json.push_str(&format!(
                            r#"{comma}{{"id":{},"score":{score}}}"#,
                            json_text(id)
                        ));
                    }
                    json.push(']');
                }
                json.push('}');
                json
            }
        }
    }
}

/// A string as a JSON string literal, quotes and escapes included.
fn json_text(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "null".to_owned())
}

/// The `targetOrigin` for messages to a parent whose origin may be known: that
/// origin, or `"*"` when unknown or opaque (`"null"`, a sandboxed parent).
pub fn target_origin(parent: Option<&str>) -> &str {
    match parent {
        Some(origin) if !origin.is_empty() && origin != "null" => origin,
        _ => "*",
    }
}

/// How Tandem was opened, read once on start.
#[derive(Clone, Debug, PartialEq)]
pub enum Embedding {
    /// A page of its own: Tandem's usual look, nothing sent anywhere.
    Off,
    /// Embed mode with no page around it (the address opened on its own): the
    /// embed look, nobody to tell.
    Alone,
    /// Embed mode inside a frame: the embed look, and the host page is told
    /// heights and completions.
    Framed(Host),
}

/// The page around Tandem's frame.
#[derive(Clone, Debug, PartialEq)]
pub struct Host {
    /// The parent's origin, when the browser says what it is.
    origin: Option<String>,
}

impl Embedding {
    /// Reads the address and the frame around Tandem.
    pub fn detect() -> Embedding {
        let Some(window) = web_sys::window() else {
            return Embedding::Off;
        };
        if !window.location().search().is_ok_and(|s| requested(&s)) {
            return Embedding::Off;
        }
        match window.parent() {
            Ok(Some(parent)) if JsValue::from(&parent) != JsValue::from(&window) => {
                Embedding::Framed(Host {
                    origin: parent_origin(&window),
                })
            }
            _ => Embedding::Alone,
        }
    }

    /// Whether Tandem shows the embed look.
    pub fn is_on(&self) -> bool {
        *self != Embedding::Off
    }

    /// Whether a host page is told about the person's progress.
    pub fn tells_host(&self) -> bool {
        matches!(self, Embedding::Framed(_))
    }

    /// Gives the root element the embed look, and starts telling a host page
    /// the content's height; the height stops when the result is dropped.
    pub fn start(&self) -> Option<HeightReporter> {
        if !self.is_on() {
            return None;
        }
        let root = web_sys::window()?.document()?.document_element()?;
        let _ = root.class_list().add_1(CLASS);
        match self {
            Embedding::Framed(host) => HeightReporter::start(host.clone(), root),
            _ => None,
        }
    }

    /// Tells the host, if there is one, that the person completed the
    /// assessment with `report`; `allowed` says what it may learn.
    pub fn tell_completed(&self, bank: &Bank, report: &Report, allowed: HostMessages) {
        if let Embedding::Framed(host) = self {
            let message = HostMessage::completed(bank, report, allowed, host.origin.is_some());
            host.send(&message);
        }
    }
}

impl HostMessages {
    /// What the person is told the host page learns: a sentence's message.
    pub fn what_the_host_learns(self) -> Key {
        match self {
            HostMessages::Level => Key::EMBED_HOST_LEARNS_LEVEL,
            HostMessages::LevelAndScores => Key::EMBED_HOST_LEARNS_SCORES,
        }
    }
}

impl Host {
    fn send(&self, message: &HostMessage) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Ok(Some(parent)) = window.parent() else {
            return;
        };
        // Parsed from JSON, the message is a plain object of plain values.
        if let Ok(object) = js_sys::JSON::parse(&message.to_json()) {
            let _ = parent.post_message(&object, target_origin(self.origin.as_deref()));
        }
    }
}

/// The parent page's origin: Chromium and Safari list it in
/// `location.ancestorOrigins`; elsewhere the referrer usually carries at least
/// the origin (unless the host page asked for no referrer).
fn parent_origin(window: &web_sys::Window) -> Option<String> {
    let location = JsValue::from(window.location());
    let ancestors = js_sys::Reflect::get(&location, &JsValue::from_str("ancestorOrigins")).ok();
    let listed = ancestors
        .filter(|list| !list.is_undefined() && !list.is_null())
        .and_then(|list| js_sys::Reflect::get(&list, &JsValue::from(0)).ok())
        .and_then(|origin| origin.as_string());
    let origin = listed.or_else(|| {
        let referrer = window.document()?.referrer();
        web_sys::Url::new(&referrer).ok().map(|url| url.origin())
    })?;
    (origin != "null" && !origin.is_empty()).then_some(origin)
}

/// Tells the host page the content's height whenever it changes, until
/// dropped.
pub struct HeightReporter {
    observer: web_sys::ResizeObserver,
    _on_resize: Closure<dyn FnMut()>,
}

impl HeightReporter {
    fn start(host: Host, root: web_sys::Element) -> Option<HeightReporter> {
        let last = Rc::new(Cell::new(0_u32));
        let measured = root.clone();
        // The root element's box is exactly the content's height in embed
        // mode (nothing stretches it to the frame); rounded up, so a
        // fraction of a pixel never brings a scrollbar.
        let on_resize = Closure::<dyn FnMut()>::new(move || {
            let height = measured.get_bounding_client_rect().height().ceil();
            let height = if height.is_finite() && height > 0.0 {
                height as u32
            } else {
                return;
            };
            if last.replace(height) != height {
                host.send(&HostMessage::Height(height));
            }
        });
        let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
        observer.observe(&root);
        Some(HeightReporter {
            observer,
            _on_resize: on_resize,
        })
    }
}

impl Drop for HeightReporter {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{Answer, Mode, Progress};
    use serde_json::{json, Value};

    #[test]
    fn embed_mode_is_asked_for_by_an_empty_or_1_parameter() {
        for search in [
            "?embed",
            "?embed=",
            "?embed=1",
            "embed",
            "?a=b&embed",
            "?embed=0&embed",
        ] {
            assert!(requested(search), "{search}");
        }
        for search in [
            "",
            "?",
            "?embed=0",
            "?embed=no",
            "?embedded",
            "?xembed=1",
            "?a=embed",
            "?Embed",
        ] {
            assert!(!requested(search), "{search}");
        }
    }

    #[test]
    fn share_links_leave_embed_mode_out() {
        let cases = [
            (
                "https://example.org/t/index.html?embed",
                "https://example.org/t/index.html",
            ),
            (
                "https://example.org/t/?embed=1&lang=en",
                "https://example.org/t/?lang=en",
            ),
            (
                "https://example.org/t/?lang=en&embed",
                "https://example.org/t/?lang=en",
            ),
            ("https://example.org/t/", "https://example.org/t/"),
            (
                "https://example.org/t/?embedded=1",
                "https://example.org/t/?embedded=1",
            ),
        ];
        for (address, link) in cases {
            assert_eq!(without_parameter(address), link);
        }
    }

    #[test]
    fn the_target_is_the_known_parent_origin_or_any() {
        assert_eq!(
            target_origin(Some("https://blog.example")),
            "https://blog.example"
        );
        assert_eq!(target_origin(Some("null")), "*");
        assert_eq!(target_origin(Some("")), "*");
        assert_eq!(target_origin(None), "*");
    }

    fn parsed(message: &HostMessage) -> Value {
        serde_json::from_str(&message.to_json()).expect("a message is valid JSON")
    }

    /// A completed quick assessment, every statement answered `answer`.
    fn report(answer: Answer) -> Report {
        let bank = Bank::standard();
        let mut progress = Progress::new(Mode::Quick);
        for dimension in bank.dimensions_in(Mode::Quick) {
            for statement in &dimension.statements {
                progress.answers.insert(statement.id.clone(), answer);
            }
        }
        progress.report(bank)
    }

    #[test]
    fn the_height_message_carries_the_height_only() {
        assert_eq!(
            parsed(&HostMessage::Height(812)),
            json!({ "source": "tandem", "version": 1, "type": "height", "height": 812 })
        );
    }

    #[test]
    fn a_completion_carries_the_overall_level_and_nothing_else_by_default() {
        let bank = Bank::standard();
        let report = report(Answer::Agree);
        let Overall::Scored { level, .. } = report.overall else {
            panic!("agreeing throughout gives an overall level");
        };
        for origin_known in [false, true] {
            let message = HostMessage::completed(bank, &report, HostMessages::Level, origin_known);
            assert_eq!(
                parsed(&message),
                json!({
                    "source": "tandem",
                    "version": 1,
                    "type": "completed",
                    "level": level.number(),
                    "levelName": bank.level(level).name,
                })
            );
        }
    }

    #[test]
    fn a_completion_without_an_overall_level_says_null() {
        let report = report(Answer::DontKnow);
        let message = HostMessage::completed(Bank::standard(), &report, HostMessages::Level, true);
        assert_eq!(
            parsed(&message),
            json!({ "source": "tandem", "version": 1, "type": "completed", "level": null, "levelName": null })
        );
    }

    #[test]
    fn scores_go_only_where_allowed_and_to_a_known_origin() {
        let bank = Bank::standard();
        let report = report(Answer::Agree);
        let unknown = HostMessage::completed(bank, &report, HostMessages::LevelAndScores, false);
        assert!(parsed(&unknown).get("dimensions").is_none());

        let known = parsed(&HostMessage::completed(
            bank,
            &report,
            HostMessages::LevelAndScores,
            true,
        ));
        let expected: Vec<Value> = report
            .dimensions
            .iter()
            .map(|result| {
                json!({
                    "id": bank.dimensions()[result.index].id.as_str(),
                    "score": result.score().map(|s| s.value()),
                })
            })
            .collect();
        assert_eq!(expected.len(), 4);
        assert_eq!(known["dimensions"], Value::Array(expected));
        assert_eq!(known["type"], "completed");
    }

    #[test]
    fn level_names_are_escaped_as_json_text() {
        let message = HostMessage::Completed {
            level: Some((2, "Say \"hi\" \\ </script>\n".to_owned())),
            scores: Some(vec![("a\"b".to_owned(), None)]),
        };
        let value = parsed(&message);
        assert_eq!(value["levelName"], "Say \"hi\" \\ </script>\n");
        assert_eq!(
            value["dimensions"][0],
            json!({ "id": "a\"b", "score": null })
        );
    }
}
