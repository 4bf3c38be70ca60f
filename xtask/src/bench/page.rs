//! The template of `docs/benchmarks.md`: one run's figures in tables, the
//! machine and the date above them, and each budget beside its figure.
//!
//! The figures come as the two halves of the benchmark wrote them (see
//! `json.rs`); this file only arranges them. The speed budgets live here, the
//! first screen's size budget in `tools/sizes.mjs` (it arrives with the
//! sizes), and `docs/performance.md` says how each figure is taken.

use super::json::Json;
use super::machine::Machine;

/// One answer at 60 frames a second: the 95th percentile of answer to paint.
const ANSWER_P95_MS: f64 = 16.0;
/// "See my results" to the results page painted, median.
const RESULTS_MS: f64 = 50.0;
/// 10,000 codes read and aggregated in the browser (medians added).
const ROOM_OF_10000_MS: f64 = 100.0;
/// 1 MB pasted that holds no code, read: the slowest shape's median.
const HOSTILE_READ_MS: f64 = 200.0;
/// Lighthouse's mobile performance score on the landing page, at least.
const LIGHTHOUSE_PERFORMANCE: f64 = 99.0;
/// Lighthouse's largest contentful paint on the landing page, at most.
const LIGHTHOUSE_LCP_MS: f64 = 1500.0;

/// What one run of `cargo xtask bench --write` measured, and where.
pub struct Run<'a> {
    pub date: &'a str,
    pub machine: &'a Machine,
    /// The browser half's record (`e2e/bench.js`, `TANDEM_BENCH_JSON`).
    pub browser: &'a Json,
    /// The native half's record (`benches/workshop.rs`, `native.json`).
    pub native: &'a Json,
}

/// The whole of `docs/benchmarks.md` for `run`, or the figure it lacks.
pub fn page(run: &Run) -> Result<String, String> {
    let mut page = vec![
        "# Benchmarks".to_owned(),
        String::new(),
        format!(
            "Written by `cargo xtask bench --write` on {}, from one run on the machine \
             below. Do not edit it by hand: run the command again and commit this file on \
             its own. How each figure is taken is in [performance.md](performance.md); \
             what a first visit downloads, and why, in [split.md](split.md).",
            run.date
        ),
        String::new(),
    ];
    page.extend(machine(run.machine, run.browser)?);
    page.extend(sizes(run.browser)?);
    page.extend(browser(run.browser)?);
    page.extend(languages(run.browser)?);
    page.extend(lighthouse(run.browser)?);
    page.extend(workshop(run.browser, run.native)?);
    page.extend(native(run.native)?);
    Ok(wrap(&page.join("\n")))
}

fn machine(machine: &Machine, browser: &Json) -> Result<Vec<String>, String> {
    let rows = [
        ("processor", machine.processor.clone()),
        ("memory", machine.memory.clone()),
        ("system", machine.system.clone()),
        ("load", machine.load.clone()),
        (
            "browser",
            format!("Chromium {}, headless", browser.text("browser")?),
        ),
        ("compiler", machine.compiler.clone()),
        ("build tools", machine.build_tools.clone()),
        ("Node.js", machine.node.clone()),
    ];
    let mut lines = section("The machine");
    lines.push(table(
        &["", ""],
        rows.into_iter()
            .map(|(name, value)| vec![name.to_owned(), value])
            .collect(),
    ));
    lines.push(String::new());
    lines.push(
        "Timings on a shared or virtual machine swing from run to run, and more so when \
         the load average is above the number of processors (other work was running); \
         compare figures measured on one machine."
            .to_owned(),
    );
    lines.push(String::new());
    Ok(lines)
}

fn sizes(browser: &Json) -> Result<Vec<String>, String> {
    let mut rows = Vec::new();
    for file in browser.list("sizes.files")? {
        let when = match file.text("part")? {
            "first" => "before the first screen",
            "after" => "after the first screen",
            _ => "never (the embed demo)",
        };
        let mut row = vec![format!("`{}`", file.text("name")?), when.to_owned()];
        row.extend(three_sizes(file.list("sizes")?)?);
        rows.push(row);
    }
    for (name, path, when) in [
        ("first screen", "sizes.firstScreen", ""),
        ("whole app", "sizes.whole", "first screen and after"),
    ] {
        let mut row = vec![format!("**{name}**"), when.to_owned()];
        row.extend(three_sizes(browser.list(path)?)?);
        rows.push(row);
    }
    let first_screen = number_in(browser.list("sizes.firstScreen")?, 1)?;
    let budget = browser.number("sizes.budget")?;
    let mut lines = section("Sizes of the release build");
    lines.push(table(
        &["file", "downloaded", "raw ›", "gzip -9 ›", "brotli 11 ›"],
        rows,
    ));
    lines.push(String::new());
    lines.push(table(
        &["figure", "measured ›", "budget"],
        vec![vec![
            "everything the first screen needs, gzip -9".to_owned(),
            bytes(first_screen),
            format!(
                "at most {}: {}",
                bytes(budget),
                verdict(first_screen <= budget)
            ),
        ]],
    ));
    lines.push(String::new());
    Ok(lines)
}

fn browser(browser: &Json) -> Result<Vec<String>, String> {
    let runs = |path: &str| browser.number(path).map(count);
    let rest = match browser.at("load.restLinked")? {
        Json::Null => vec![
            "cold load to the rest of the code linked".to_owned(),
            "not before it was needed, in any run".to_owned(),
            String::new(),
            runs("load.runs")?,
            String::new(),
        ],
        figures => timing_row(
            "cold load to the rest of the code linked",
            &Figures::read(figures)?,
            "",
        ),
    };
    let answers = Figures::read(browser.at("answering.answers")?)?;
    let p95 = browser.number("answering.answers.p95")?;
    let results = Figures::read(browser.at("answering.results")?)?;
    let rows = vec![
        timing_row(
            "cold load to the first interactive control",
            &Figures::read(browser.at("load.firstControl")?)?,
            "",
        ),
        rest,
        timing_row(
            "cold load to the first statement (the bench clicks Start, a role and Next)",
            &Figures::read(browser.at("load.firstStatement")?)?,
            "",
        ),
        vec![
            format!(
                "answer to next paint, full assessment ({} statements)",
                count(browser.number("answering.statements")?)
            ),
            ms(answers.median),
            format!("95th percentile {}, max {}", ms(p95), ms(answers.max)),
            format!(
                "{} answers in {} runs",
                count(answers.count),
                runs("answering.runs")?
            ),
            format!(
                "95th percentile under {}: {}",
                ms(ANSWER_P95_MS),
                verdict(p95 < ANSWER_P95_MS)
            ),
        ],
        timing_row(
            "\"See my results\" to the results page painted",
            &results,
            &format!(
                "under {}: {}",
                ms(RESULTS_MS),
                verdict(results.median < RESULTS_MS)
            ),
        ),
    ];
    let mut lines = section("In the browser");
    lines.push(table(
        &["figure", "median ›", "spread", "runs ›", "budget"],
        rows,
    ));
    lines.push(String::new());
    lines.push(format!(
        "In {} of {} cold loads the bench clicked Start before the rest of the code had \
         arrived (faster than a person would), and the rest was loaded at that click.",
        count(browser.number("load.onDemand")?),
        runs("load.runs")?
    ));
    lines.push(String::new());
    Ok(lines)
}

fn languages(browser: &Json) -> Result<Vec<String>, String> {
    let mut rows = Vec::new();
    for file in browser.list("languages.files")? {
        rows.push(vec![
            format!("`lang/{}.json`", file.text("code")?),
            bytes(file.number("gzip")?),
            bytes(file.number("raw")?),
            Figures::read(file.at("first")?)?.spread(),
            Figures::read(file.at("back")?)?.spread(),
        ]);
    }
    let mut lines = section("Switching language");
    lines.push(format!(
        "On the landing page of a fresh browser, {} runs each: from the switcher's change \
         to the frame painted in that language. The first switch fetches the language's \
         file (and the rest of the code, which reads it); English is in the first module.",
        count(browser.number("languages.runs")?)
    ));
    lines.push(String::new());
    lines.push(table(
        &[
            "file",
            "gzip -9 ›",
            "raw ›",
            "first switch to it ›",
            "back to English ›",
        ],
        rows,
    ));
    lines.push(String::new());
    Ok(lines)
}

fn lighthouse(browser: &Json) -> Result<Vec<String>, String> {
    let seconds = |value: f64| format!("{:.2} s", value / 1000.0);
    let mut rows = Vec::new();
    let mut landing = None;
    for page in browser.list("lighthouse.pages")? {
        let figure = |name: &str| page.number(name);
        if page.text("address")? == "/" {
            landing = Some((
                figure("performance")?,
                figure("lcp")?,
                figure("cls")?,
                figure("mostConsoleErrors")?,
            ));
        }
        rows.push(vec![
            format!("{} (`{}`)", page.text("name")?, page.text("address")?),
            format!(
                "{} (lowest {})",
                count(figure("performance")?),
                count(figure("worstPerformance")?)
            ),
            seconds(figure("fcp")?),
            seconds(figure("lcp")?),
            ms(figure("tbt")?),
            format!("{:.3}", figure("cls")?),
            count(figure("accessibility")?),
            count(figure("mostConsoleErrors")?),
        ]);
    }
    let (performance, lcp, cls, errors) =
        landing.ok_or("the Lighthouse figures have no landing page (`/`)")?;
    let mut lines = section("Lighthouse");
    lines.push(format!(
        "Lighthouse {}'s mobile preset (simulated slow 4G, 4× CPU slowdown) on the \
         machine's Chromium, against the release build on a local server that sends it \
         gzip -9 as a web host would; medians of {} \
         runs, each in a fresh browser. \"Console errors\" is the most of any run.",
        browser.text("lighthouse.version")?,
        count(browser.number("lighthouse.runs")?)
    ));
    lines.push(String::new());
    lines.push(table(
        &[
            "page",
            "performance ›",
            "FCP ›",
            "LCP ›",
            "TBT ›",
            "CLS ›",
            "accessibility ›",
            "console errors ›",
        ],
        rows,
    ));
    lines.push(String::new());
    lines.push(table(
        &["goal on the landing page", "measured ›", "verdict"],
        vec![
            vec![
                format!("performance at least {}", count(LIGHTHOUSE_PERFORMANCE)),
                count(performance),
                verdict(performance >= LIGHTHOUSE_PERFORMANCE).to_owned(),
            ],
            vec![
                format!("LCP at most {}", seconds(LIGHTHOUSE_LCP_MS)),
                seconds(lcp),
                verdict(lcp <= LIGHTHOUSE_LCP_MS).to_owned(),
            ],
            vec![
                "CLS 0".to_owned(),
                format!("{cls:.3}"),
                verdict(cls == 0.0).to_owned(),
            ],
            vec![
                "no console error".to_owned(),
                count(errors),
                verdict(errors == 0.0).to_owned(),
            ],
        ],
    ));
    lines.push(String::new());
    Ok(lines)
}

fn workshop(browser: &Json, native: &Json) -> Result<Vec<String>, String> {
    let mut rows = Vec::new();
    let mut room_of_10000 = None;
    for room in browser.list("workshop.rooms")? {
        let read = Figures::read(room.at("read")?)?;
        let view = Figures::read(room.at("teamView")?)?;
        let codes = room.number("codes")?;
        if codes == 10_000.0 {
            room_of_10000 = Some(read.median + view.median);
        }
        rows.push(vec![
            count(codes),
            read.spread(),
            view.spread(),
            Figures::read(room.at("paint")?)?.spread(),
            format!("{:.1} MiB", room.number("memory")? / f64::from(1 << 20)),
        ]);
    }
    let room_of_10000 =
        room_of_10000.ok_or("the workshop's figures have no room of 10,000 codes")?;
    let mut lines = section("The workshop in the browser");
    lines.push(format!(
        "A room's result codes pasted into the facilitator's screen, {} runs each; \
         medians, with the slowest run. \"Read\" and \"team view\" are the app's own \
         performance measures (`tandem:gather`, `tandem:team-view`).",
        count(browser.number("workshop.runs")?)
    ));
    lines.push(String::new());
    lines.push(table(
        &[
            "codes ›",
            "read and de-duplicated ›",
            "team view ›",
            "click to paint ›",
            "wasm memory after ›",
        ],
        rows,
    ));
    lines.push(String::new());
    lines.push(format!(
        "10,000 codes read and aggregated (the medians added): {}; budget under {}: {}.",
        ms(room_of_10000),
        ms(ROOM_OF_10000_MS),
        verdict(room_of_10000 < ROOM_OF_10000_MS)
    ));
    lines.push(String::new());

    let mut rows = Vec::new();
    let mut slowest: f64 = 0.0;
    for paste in browser.list("hostile.pastes")? {
        let name = paste.text("name")?;
        let read = Figures::read(paste.at("read")?)?;
        slowest = slowest.max(read.median);
        let natively = native
            .list("hostile")?
            .iter()
            .find(|native| native.text("name") == Ok(name))
            .ok_or_else(|| format!("the native figures have no 1 MB paste of {name}"))?;
        rows.push(vec![
            format!("`{name}`"),
            read.spread(),
            Figures::read(paste.at("paint")?)?.spread(),
            Figures::read(natively.at("read")?)?.native(),
        ]);
    }
    lines.push(format!(
        "1 MB pasted that holds no code, in five shapes that make the reader work \
         (`benches/workshop.rs` writes them), {} runs each in the browser:",
        count(browser.number("hostile.runs")?)
    ));
    lines.push(String::new());
    lines.push(table(
        &["paste", "read ›", "click to paint ›", "read natively ›"],
        rows,
    ));
    lines.push(String::new());
    lines.push(format!(
        "The slowest shape read in {} (median); budget under {}: {}.",
        ms(slowest),
        ms(HOSTILE_READ_MS),
        verdict(slowest < HOSTILE_READ_MS)
    ));
    lines.push(String::new());
    Ok(lines)
}

fn native(native: &Json) -> Result<Vec<String>, String> {
    let mut rows = Vec::new();
    for room in native.list("rooms")? {
        rows.push(vec![
            count(room.number("codes")?),
            Figures::read(room.at("read")?)?.native(),
            Figures::read(room.at("teamView")?)?.native(),
        ]);
    }
    let mut lines = section("The workshop natively");
    lines.push(format!(
        "`cargo bench --bench workshop`, release profile: the median and the range of {} runs.",
        count(native.number("runs")?)
    ));
    lines.push(String::new());
    lines.push(table(
        &["codes ›", "read and de-duplicated ›", "team view ›"],
        rows,
    ));
    Ok(lines)
}

/// Durations in milliseconds, as both halves of the benchmark record them.
struct Figures {
    median: f64,
    min: f64,
    max: f64,
    count: f64,
}

impl Figures {
    fn read(json: &Json) -> Result<Figures, String> {
        Ok(Figures {
            median: json.number("median")?,
            min: json.number("min")?,
            max: json.number("max")?,
            count: json.number("count")?,
        })
    }

    /// "52.3 ms (max 57.9 ms)", as `e2e/bench.js` prints it.
    fn spread(&self) -> String {
        format!("{} (max {})", ms(self.median), ms(self.max))
    }

    /// "13.91 ms (13.40 to 15.02)", as `benches/workshop.rs` prints it.
    fn native(&self) -> String {
        format!("{:.2} ms ({:.2} to {:.2})", self.median, self.min, self.max)
    }
}

fn timing_row(name: &str, figures: &Figures, budget: &str) -> Vec<String> {
    vec![
        name.to_owned(),
        ms(figures.median),
        format!("{} to {}", ms(figures.min), ms(figures.max)),
        count(figures.count),
        budget.to_owned(),
    ]
}

fn section(title: &str) -> Vec<String> {
    vec![format!("## {title}"), String::new()]
}

/// A Markdown table; a heading ending in ` ›` marks a column of figures,
/// aligned right.
fn table(headings: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut lines = Vec::new();
    let names: Vec<&str> = headings
        .iter()
        .map(|heading| heading.trim_end_matches(" ›"))
        .collect();
    lines.push(format!("| {} |", names.join(" | ")));
    let rules: Vec<&str> = headings
        .iter()
        .map(|heading| {
            if heading.ends_with(" ›") {
                "---:"
            } else {
                "---"
            }
        })
        .collect();
    lines.push(format!("| {} |", rules.join(" | ")));
    for row in rows {
        lines.push(format!("| {} |", row.join(" | ")));
    }
    lines.join("\n")
}

/// The three sizes (raw, gzip -9, brotli 11) of a row of `tools/sizes.mjs`.
fn three_sizes(sizes: &[Json]) -> Result<Vec<String>, String> {
    (0..3).map(|i| number_in(sizes, i).map(bytes)).collect()
}

fn number_in(list: &[Json], index: usize) -> Result<f64, String> {
    match list.get(index) {
        Some(Json::Number(number)) => Ok(*number),
        _ => Err(format!("a list of sizes has no number at {index}")),
    }
}

fn verdict(met: bool) -> &'static str {
    if met {
        "met"
    } else {
        "**not met**"
    }
}

fn ms(value: f64) -> String {
    format!("{value:.1} ms")
}

/// A whole number with thousands separators, as the README writes them.
fn count(value: f64) -> String {
    let digits = format!("{:.0}", value.max(0.0));
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

fn bytes(value: f64) -> String {
    format!("{} B", count(value))
}

/// Lines of prose wrapped at 78 columns, as the hand-written docs are;
/// headings, tables and blank lines stay as they are.
fn wrap(text: &str) -> String {
    let mut out = Vec::new();
    for line in text.lines() {
        if line.starts_with('|') || line.starts_with('#') || line.len() <= 78 {
            out.push(line.to_owned());
            continue;
        }
        let mut current = String::new();
        for word in line.split(' ') {
            if !current.is_empty() && current.len() + 1 + word.len() > 78 {
                out.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        out.push(current);
    }
    out.join("\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(median: f64) -> String {
        format!(
            r#"{{"median": {median}, "min": {}, "max": {}, "p95": {}, "count": 10}}"#,
            median - 1.0,
            median + 2.0,
            median + 1.0
        )
    }

    fn run_page(browser: &str, native: &str) -> Result<String, String> {
        let machine = Machine {
            processor: "AMD EPYC, 2 logical processors".to_owned(),
            memory: "7.8 GiB".to_owned(),
            system: "Debian GNU/Linux 12 (bookworm)".to_owned(),
            load: "0.40 when the measuring started".to_owned(),
            compiler: "rustc 1.95.0".to_owned(),
            build_tools: "trunk 0.21.14".to_owned(),
            node: "v20.19.2".to_owned(),
        };
        page(&Run {
            date: "2026-12-02",
            machine: &machine,
            browser: &Json::parse(browser)?,
            native: &Json::parse(native)?,
        })
    }

    fn browser_record(first_screen_gzip: u32, answer_p95: f64) -> String {
        let f = figures;
        format!(
            r#"{{"browser": "139.0.1",
              "sizes": {{"budget": 150000,
                "files": [{{"name": "index.html", "part": "first", "sizes": [1120, 722, 563]}},
                          {{"name": "rest-ab.wasm", "part": "after", "sizes": [507473, 200501, 165701]}}],
                "firstScreen": [380663, {first_screen_gzip}, 120766],
                "whole": [890713, 346621, 287360]}},
              "load": {{"runs": 10, "firstControl": {}, "firstStatement": {}, "restLinked": null, "onDemand": 1}},
              "answering": {{"runs": 5, "statements": 36,
                "answers": {{"median": 12.2, "min": 9.0, "max": 16.2, "p95": {answer_p95}, "count": 185}},
                "results": {}}},
              "languages": {{"runs": 3, "files": [
                {{"code": "de", "raw": 95293, "gzip": 25666, "first": {}, "back": {}}}]}},
              "lighthouse": {{"version": "12.8.2", "runs": 3, "pages": [
                {{"name": "landing page", "address": "/", "performance": 95, "worstPerformance": 94,
                  "fcp": 1420, "lcp": 2900, "tbt": 25, "cls": 0, "accessibility": 100,
                  "consoleErrors": 0, "mostConsoleErrors": 0}}]}},
              "workshop": {{"runs": 5, "rooms": [
                {{"codes": 10000, "read": {}, "teamView": {}, "paint": {}, "memory": 5138022}}]}},
              "hostile": {{"runs": 3, "pastes": [{{"name": "prose", "read": {}, "paint": {}}}]}}}}"#,
            f(232.0),
            f(534.0),
            f(35.1),
            f(88.0),
            f(9.5),
            f(52.3),
            f(12.7),
            f(150.0),
            f(135.4),
            f(163.4)
        )
    }

    const NATIVE: &str = r#"{"runs": 15,
        "rooms": [{"codes": 10000, "read": {"median": 13.91, "min": 13.4, "max": 15.02, "count": 15},
                   "teamView": {"median": 3.3, "min": 3.1, "max": 3.9, "count": 15}}],
        "hostile": [{"name": "prose", "read": {"median": 58.4, "min": 57.0, "max": 60.0, "count": 15}}]}"#;

    #[test]
    fn the_page_sets_each_figure_beside_its_budget() {
        let page = run_page(&browser_record(145_073, 13.4), NATIVE).unwrap();
        assert!(page
            .starts_with("# Benchmarks\n\nWritten by `cargo xtask bench --write` on 2026-12-02"));
        assert!(page.contains("| browser | Chromium 139.0.1, headless |"));
        assert!(page.contains("| **first screen** |  | 380,663 B | 145,073 B | 120,766 B |"));
        assert!(page.contains(
            "| everything the first screen needs, gzip -9 | 145,073 B | at most 150,000 B: met |"
        ));
        assert!(page.contains("| `rest-ab.wasm` | after the first screen | 507,473 B |"));
        assert!(page.contains("| cold load to the first interactive control | 232.0 ms | 231.0 ms to 234.0 ms | 10 |  |"));
        assert!(page.contains("not before it was needed, in any run"));
        assert!(page.contains("95th percentile 13.4 ms, max 16.2 ms | 185 answers in 5 runs | 95th percentile under 16.0 ms: met |"));
        assert!(page.contains("| under 50.0 ms: met |"));
        assert!(page.contains(
            "| landing page (`/`) | 95 (lowest 94) | 1.42 s | 2.90 s | 25.0 ms | 0.000 | 100 | 0 |"
        ));
        assert!(page.contains("| performance at least 99 | 95 | **not met** |"));
        assert!(page.contains("| LCP at most 1.50 s | 2.90 s | **not met** |"));
        assert!(page.contains("| CLS 0 | 0.000 | met |"));
        assert!(page.contains(
            "| `lang/de.json` | 25,666 B | 95,293 B | 88.0 ms (max 90.0 ms) | 9.5 ms (max 11.5 ms) |"
        ));
        assert!(page.contains("| 10,000 | 52.3 ms (max 54.3 ms) | 12.7 ms (max 14.7 ms) | 150.0 ms (max 152.0 ms) | 4.9 MiB |"));
        let prose = page.replace('\n', " ");
        assert!(prose.contains("(the medians added): 65.0 ms; budget under 100.0 ms: met."));
        assert!(prose.contains("In 1 of 10 cold loads the bench clicked Start"));
        assert!(page.contains("| `prose` | 135.4 ms (max 137.4 ms) | 163.4 ms (max 165.4 ms) | 58.40 ms (57.00 to 60.00) |"));
        assert!(page.contains("| 10,000 | 13.91 ms (13.40 to 15.02) | 3.30 ms (3.10 to 3.90) |"));
        assert!(page.ends_with("|\n"));
    }

    #[test]
    fn a_budget_that_is_not_met_says_so() {
        let page = run_page(&browser_record(150_001, 16.0), NATIVE).unwrap();
        assert!(page.contains("at most 150,000 B: **not met**"));
        assert!(page.contains("95th percentile under 16.0 ms: **not met**"));
    }

    #[test]
    fn a_missing_part_is_named() {
        let error = run_page(r#"{"browser": "139"}"#, NATIVE).unwrap_err();
        assert_eq!(error, "the figures have no `sizes.files`");
    }

    #[test]
    fn prose_is_wrapped_and_tables_are_not() {
        let long = format!("{} end", "word ".repeat(20));
        let wrapped = wrap(&format!("{long}\n| {long} |"));
        let lines: Vec<&str> = wrapped.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].len() <= 78);
        assert!(lines[2].starts_with('|'));
        assert_eq!(count(1234567.0), "1,234,567");
        assert_eq!(count(999.0), "999");
    }
}
