//! What the main module, the rest module and the page's loader
//! (tools/split/loader.js) agree on: the modules that imports come from, the
//! names under which the main module exports what the rest imports, and the
//! global that says whether the rest is linked.

use wasm_encoder as enc;

/// Where the main module imports `load` and `ran` from; the loader
/// (tools/split/loader.js) provides both.
pub const HOST_MODULE: &str = "tandem";
/// Where the rest module imports the main module's exports from.
pub const MAIN_MODULE: &str = "main";
/// The prefix of what the main module exports for the rest module.
const EXPORT_PREFIX: char = '~';
/// The main module's global that says whether the rest is linked (0 or 1).
pub const LOADED: enc::GlobalType = enc::GlobalType {
    val_type: enc::ValType::I32,
    mutable: true,
    shared: false,
};

/// The name the split main module gives its import number `index` from the
/// wasm-bindgen glue, whose import object (`tools/split/build.mjs` rewrites
/// it) gives the same name: a letter and then letters and digits, a plain
/// JavaScript property name, in place of names such as
/// `__wbg_lastChild_d03af7c29f69e2ad` whose hashes cannot be compressed.
pub fn short_import(index: u32) -> String {
    const FIRST: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const LATER: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let mut name = vec![FIRST[(index % 52) as usize] as char];
    let mut n = index / 52;
    while n > 0 {
        n -= 1;
        name.push(LATER[(n % 62) as usize] as char);
        n /= 62;
    }
    name.into_iter().collect()
}

/// The name under which the main module exports its `kind` ('f'unction,
/// 't'able, 'g'lobal, 'm'emory) number `index` to the rest: short, because
/// both modules carry one for every function the rest calls.
pub fn shared(kind: char, index: u32) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut digits = Vec::new();
    let mut n = index;
    loop {
        digits.push(DIGITS[(n % 62) as usize] as char);
        n /= 62;
        if n == 0 {
            break;
        }
    }
    std::iter::once(EXPORT_PREFIX)
        .chain(std::iter::once(kind))
        .chain(digits.into_iter().rev())
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn shared_names_are_short_and_distinct() {
        assert_eq!(shared('f', 0), "~f0");
        assert_eq!(shared('f', 61), "~fZ");
        assert_eq!(shared('f', 62), "~f10");
        let names: HashSet<String> = (0..10_000).map(|n| shared('f', n)).collect();
        assert_eq!(names.len(), 10_000);
    }

    #[test]
    fn short_imports_are_distinct_property_names() {
        assert_eq!(short_import(0), "a");
        assert_eq!(short_import(51), "Z");
        assert_eq!(short_import(52), "aa");
        let names: HashSet<String> = (0..10_000).map(short_import).collect();
        assert_eq!(names.len(), 10_000);
        for name in &names {
            assert!(name.starts_with(|c: char| c.is_ascii_alphabetic()));
            assert!(name.chars().all(|c| c.is_ascii_alphanumeric()));
            assert!(name.len() <= 3, "{name}");
        }
    }
}
