//! What the benchmark ran on, for the head of `docs/benchmarks.md`: the
//! processor, memory and operating system (read from Linux's `/proc` and
//! `/etc/os-release`), how busy it was, the compiler and build tools (each
//! asked its version), and the date.
//!
//! Anything that cannot be read is written as "unknown" rather than
//! stopping a run that has already measured for minutes.

use std::fs;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::process::probe;
use crate::workspace::Workspace;

/// The machine and tools one benchmark run used, each as a line of text.
pub struct Machine {
    pub processor: String,
    pub memory: String,
    pub system: String,
    /// The load average when the measuring started and when it ended: on a
    /// shared machine, what else was running.
    pub load: String,
    pub compiler: String,
    pub build_tools: String,
    pub node: String,
}

const UNKNOWN: &str = "unknown";

impl Machine {
    /// The machine now, with `load_before` from [`load_average`] when the
    /// measuring started.
    pub fn describe(ws: &Workspace, load_before: Option<f64>) -> Machine {
        let read = |path: &str| fs::read_to_string(path).unwrap_or_default();
        let version = |program: &mut std::process::Command| {
            probe(program).unwrap_or_else(|| UNKNOWN.to_owned())
        };
        let kernel = read("/proc/sys/kernel/osrelease");
        let system = match (os_name(&read("/etc/os-release")), kernel.trim()) {
            (Some(os), "") => os,
            (Some(os), kernel) => format!("{os}, Linux {kernel}"),
            (None, "") => UNKNOWN.to_owned(),
            (None, kernel) => format!("Linux {kernel}"),
        };
        Machine {
            processor: processor(&read("/proc/cpuinfo")).unwrap_or_else(|| UNKNOWN.to_owned()),
            memory: memory(&read("/proc/meminfo")).unwrap_or_else(|| UNKNOWN.to_owned()),
            system,
            load: load(load_before, load_average()),
            compiler: version(ws.command("rustc").arg("--version")),
            build_tools: [
                version(ws.command("trunk").arg("--version")),
                version(ws.command("wasm-bindgen").arg("--version")),
                version(ws.command(ws.wasm_opt()).arg("--version")),
            ]
            .join(", "),
            node: version(ws.command("node").arg("--version")),
        }
    }
}

/// "AMD EPYC 7B13, 2 logical processors (a virtual machine)" from
/// `/proc/cpuinfo`.
fn processor(cpuinfo: &str) -> Option<String> {
    let field = |line: &str, name: &str| {
        let (key, value) = line.split_once(':')?;
        (key.trim() == name).then(|| value.trim().to_owned())
    };
    let model = cpuinfo.lines().find_map(|line| field(line, "model name"))?;
    let count = cpuinfo
        .lines()
        .filter(|line| field(line, "processor").is_some())
        .count();
    let virtual_machine = cpuinfo
        .lines()
        .filter_map(|line| field(line, "flags"))
        .any(|flags| flags.split_whitespace().any(|flag| flag == "hypervisor"));
    let plural = if count == 1 { "" } else { "s" };
    let kind = if virtual_machine {
        " (a virtual machine)"
    } else {
        ""
    };
    Some(format!("{model}, {count} logical processor{plural}{kind}"))
}

/// "7.8 GiB" from `/proc/meminfo`'s `MemTotal`.
fn memory(meminfo: &str) -> Option<String> {
    let kib: f64 = meminfo
        .lines()
        .find_map(|line| line.strip_prefix("MemTotal:"))?
        .trim()
        .strip_suffix("kB")?
        .trim()
        .parse()
        .ok()?;
    Some(format!("{:.1} GiB", kib / 1024.0 / 1024.0))
}

/// `PRETTY_NAME` from `/etc/os-release`, without its quotes.
fn os_name(os_release: &str) -> Option<String> {
    let name = os_release
        .lines()
        .find_map(|line| line.strip_prefix("PRETTY_NAME="))?;
    Some(name.trim().trim_matches('"').to_owned())
}

/// The 1-minute load average (`/proc/loadavg`): how many processes were
/// running or waiting to, on average.
pub fn load_average() -> Option<f64> {
    let loadavg = fs::read_to_string("/proc/loadavg").ok()?;
    loadavg.split_whitespace().next()?.parse().ok()
}

/// "0.42 when the measuring started, 1.10 when it ended (1-minute load
/// average)".
fn load(before: Option<f64>, after: Option<f64>) -> String {
    let shown = |load: Option<f64>| load.map_or_else(|| UNKNOWN.to_owned(), |l| format!("{l:.2}"));
    format!(
        "{} when the measuring started, {} when it ended (1-minute load average)",
        shown(before),
        shown(after)
    )
}

/// Today's date in UTC, as `2026-12-05`.
pub fn today() -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    let (year, month, day) = civil_date(seconds / 86_400);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The proleptic Gregorian date of a day counted from 1970-01-01 (Howard
/// Hinnant's `civil_from_days`, for days on or after the epoch).
fn civil_date(days: u64) -> (u64, u64, u64) {
    let days = days + 719_468;
    let era = days / 146_097;
    let day_of_era = days % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_processor_is_its_model_and_count() {
        let cpuinfo = "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\n\
                       flags\t\t: fpu vme hypervisor lahf_lm\n\n\
                       processor\t: 1\nmodel name\t: AMD EPYC 7B13\nflags\t\t: fpu vme hypervisor\n";
        assert_eq!(
            processor(cpuinfo).as_deref(),
            Some("AMD EPYC 7B13, 2 logical processors (a virtual machine)")
        );
        let bare = "processor : 0\nmodel name : Intel(R) Core(TM) i5\nflags : fpu sse2\n";
        assert_eq!(
            processor(bare).as_deref(),
            Some("Intel(R) Core(TM) i5, 1 logical processor")
        );
        assert_eq!(processor(""), None);
    }

    #[test]
    fn memory_and_system_are_read() {
        assert_eq!(
            memory("MemTotal:        8141124 kB\nMemFree: 1 kB\n").as_deref(),
            Some("7.8 GiB")
        );
        assert_eq!(memory("MemFree: 1 kB\n"), None);
        assert_eq!(
            os_name("NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n")
                .as_deref(),
            Some("Debian GNU/Linux 12 (bookworm)")
        );
    }

    #[test]
    fn the_load_is_shown_before_and_after() {
        assert_eq!(
            load(Some(0.4), None),
            "0.40 when the measuring started, unknown when it ended (1-minute load average)"
        );
    }

    #[test]
    fn days_since_the_epoch_are_dates() {
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(civil_date(59), (1970, 3, 1));
        assert_eq!(civil_date(11_016), (2000, 2, 29));
        assert_eq!(civil_date(20_788), (2026, 12, 1));
        assert_eq!(civil_date(20_818), (2026, 12, 31));
        assert_eq!(civil_date(20_819), (2027, 1, 1));
    }
}
