//! Reading configurations in tests: the problems a file has, as
//! "location: reason" lines, or the configuration it must be.

use serde_json::Value;
use tandem::assessment::config::ConfigError;
use tandem::assessment::{Bank, Config};

/// The problems `Config::parse` finds in `value`, as "location: reason"
/// lines; empty when it is accepted.
pub fn problems_in(value: &Value) -> Vec<String> {
    listed(Config::parse(&value.to_string(), Bank::standard()))
}

/// The problems of a site's own file `value`, as [`problems_in`].
pub fn site_problems(value: &Value) -> Vec<String> {
    listed(Config::site_file(&value.to_string(), Bank::standard()).map(|_| ()))
}

/// The problems of `result`, as [`problems_in`] lists them.
fn listed<T>(result: Result<T, ConfigError>) -> Vec<String> {
    match result {
        Ok(_) => Vec::new(),
        Err(error) => error
            .problems
            .iter()
            .map(|p| format!("{}: {}", p.location, p.reason))
            .collect(),
    }
}

/// The configuration `value`, which must be accepted.
pub fn accepted(value: &Value) -> Config {
    Config::parse(&value.to_string(), Bank::standard()).unwrap_or_else(|e| panic!("{e}"))
}

/// The site's own file `value`, which must be accepted as a configuration.
pub fn site(value: &Value) -> Config {
    Config::site_file(&value.to_string(), Bank::standard())
        .unwrap_or_else(|e| panic!("{e}"))
        .expect("a configuration, not null")
}
