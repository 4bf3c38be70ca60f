//! Text services that the domain borrows from the platform it runs on. In
//! the browser they are the browser's own, so the app carries no tables of
//! its own for them; natively (tests, benchmarks, fuzzing) they are Rust's,
//! which follow the same Unicode rules.

use crate::assessment::language::{Amount, Language};

/// `text` in lower case, by Unicode's case mapping: how the workshop tells
/// team labels apart whatever their case. Rust's mapping would bring its
/// tables (11 KB, 4 KB gzip) into the module a first visit downloads.
#[cfg(target_arch = "wasm32")]
pub fn lowercase(text: &str) -> String {
    String::from(js_sys::JsString::from(text).to_lower_case())
}

/// `text` in lower case, by Unicode's case mapping.
#[cfg(not(target_arch = "wasm32"))]
pub fn lowercase(text: &str) -> String {
    text.to_lowercase()
}

/// `amount` as `language` writes it (its digits, its grouping), by the browser's
/// `Intl`: what [`Words`](crate::assessment::language::Words) writes
/// numbers with.
#[cfg(target_arch = "wasm32")]
pub fn number(language: Language, amount: Amount) -> String {
    use wasm_bindgen::JsValue;
    let (n, options): (f64, [(&str, JsValue); 2]) = match amount {
        Amount::Plain(n) => {
            return String::from(js_sys::Number::from(n).to_locale_string(language.code()))
        }
        Amount::Tenths(n) => (
            n,
            [
                ("minimumFractionDigits", 1.into()),
                ("maximumFractionDigits", 1.into()),
            ],
        ),
        Amount::Percent(n) => (
            n / 100.0,
            [
                ("style", "percent".into()),
                ("maximumFractionDigits", 0.into()),
            ],
        ),
    };
    let settings = js_sys::Object::new();
    for (name, value) in options {
        let _ = js_sys::Reflect::set(&settings, &name.into(), &value);
    }
    let locales = js_sys::Array::of1(&language.code().into());
    js_sys::Intl::NumberFormat::new(&locales, &settings)
        .format()
        .call1(&JsValue::NULL, &n.into())
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| crate::assessment::language::plain_number(language, amount))
}

/// `n` as Rust writes it: natively, where no `Intl` is at hand.
#[cfg(not(target_arch = "wasm32"))]
pub fn number(language: Language, amount: Amount) -> String {
    crate::assessment::language::plain_number(language, amount)
}
