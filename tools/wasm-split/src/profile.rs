//! The profile (tools/first-screen.txt): the names of the functions the
//! first screen ran, and the stable form of a function's name in which a
//! profile lists it and the splitter looks it up.

use std::collections::HashSet;

/// The names a profile lists: one a line, `#` comments and blank lines left out.
pub fn parse_profile(text: &str) -> HashSet<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// `name` without rustc's crate hashes (`[0123abcd]`), LLVM's `.llvm.NNN`
/// suffixes and the linker's `.NNN` (which tells apart local functions of
/// the same name), all of which change between builds of the same code.
/// Functions that then share a name are kept or moved together.
pub fn stable(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find(']') {
            Some(close) if close > 0 && after[..close].bytes().all(|b| b.is_ascii_hexdigit()) => {
                rest = &after[close + 1..];
            }
            _ => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    if let Some(at) = out.find(".llvm.") {
        out.truncate(at);
    }
    match out.rsplit_once('.') {
        Some((base, number))
            if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) =>
        {
            base.to_string()
        }
        _ => out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_their_crate_hashes() {
        assert_eq!(
            stable("<yew[dee37bcb31318540]::html::Html as tandem[3bc7]::X>::f"),
            "<yew::html::Html as tandem::X>::f"
        );
        assert_eq!(stable("core::fmt::write.llvm.12345"), "core::fmt::write");
        assert_eq!(stable("alloc::fmt::format.480"), "alloc::fmt::format");
        assert_eq!(stable("f64::max.2"), "f64::max");
        assert_eq!(stable("a::b.c"), "a::b.c");
        assert_eq!(stable("a[i]::b[]"), "a[i]::b[]");
    }

    #[test]
    fn profiles_skip_comments_and_blank_lines() {
        let keep = parse_profile("# first screen\n\nmain\n  yew::html  \n");
        assert_eq!(
            keep,
            HashSet::from(["main".to_string(), "yew::html".to_string()])
        );
    }
}
