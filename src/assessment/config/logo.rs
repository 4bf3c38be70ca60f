//! The logo a configuration shows: a path to an image beside the app, and
//! every reason a path is refused.

use std::fmt;
use std::str::FromStr;

/// Longest logo path, in characters.
pub const MAX_LOGO_PATH: usize = 200;

/// The logo: a path to a PNG, JPEG or WebP image in the app's folder or
/// below it, such as `branding/logo.png`, kept as written.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Logo(String);

/// Why a logo path was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogoError {
    /// Nothing there.
    Empty,
    /// Longer than [`MAX_LOGO_PATH`].
    TooLong,
    /// Starts with `//`, which points at another site.
    OtherSite,
    /// Has a `:`: a web address, a `data:` or `javascript:` URL.
    Address,
    /// Has a `\`, which browsers read as `/`.
    Backslash,
    /// Starts with `/`, which leaves the app's folder.
    Absolute,
    /// Has a `..` step, which leaves the app's folder.
    Up,
    /// Has a character other than letters, digits, `-`, `_`, `.` and `/`,
    /// or an empty or `.` step.
    Characters,
    /// An SVG image, which can carry script.
    Svg,
    /// Not a `.png`, `.jpg`, `.jpeg` or `.webp` file.
    Format,
}

impl FromStr for Logo {
    type Err = LogoError;

    fn from_str(path: &str) -> Result<Logo, LogoError> {
        if path.is_empty() {
            return Err(LogoError::Empty);
        }
        if path.chars().count() > MAX_LOGO_PATH {
            return Err(LogoError::TooLong);
        }
        if path.starts_with("//") {
            return Err(LogoError::OtherSite);
        }
        if path.contains(':') {
            return Err(LogoError::Address);
        }
        if path.contains('\\') {
            return Err(LogoError::Backslash);
        }
        if path.starts_with('/') {
            return Err(LogoError::Absolute);
        }
        if path.split('/').any(|step| step == "..") {
            return Err(LogoError::Up);
        }
        let plain = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.');
        if path
            .split('/')
            .any(|step| step.is_empty() || step == "." || !step.bytes().all(plain))
        {
            return Err(LogoError::Characters);
        }
        let extension = path
            .rsplit_once('.')
            .map(|(_, extension)| extension.to_ascii_lowercase())
            .unwrap_or_default();
        match extension.as_str() {
            "png" | "jpg" | "jpeg" | "webp" => Ok(Logo(path.to_owned())),
            "svg" | "svgz" => Err(LogoError::Svg),
            _ => Err(LogoError::Format),
        }
    }
}

impl Logo {
    /// The path as written, relative to the app's page.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for LogoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LogoError::Empty => "is empty",
            LogoError::TooLong => "is too long (at most 200 characters)",
            LogoError::OtherSite => {
                "must not start with //, which points at another site; put the image beside the app and give its path, such as branding/logo.png"
            }
            LogoError::Address => {
                "must be the path of an image beside the app, such as branding/logo.png, not a web address or a data: or javascript: URL"
            }
            LogoError::Backslash => "must use / between folders, not \\",
            LogoError::Absolute => {
                "must be relative to the app's folder, without a leading /, such as branding/logo.png"
            }
            LogoError::Up => "must not step out of the app's folder with ..",
            LogoError::Characters => {
                "may only use letters, digits, -, _ and . in names, with / between folders"
            }
            LogoError::Svg => "must not be an SVG image, which can carry script; use PNG, JPEG or WebP",
            LogoError::Format => "must be a PNG, JPEG or WebP image (.png, .jpg, .jpeg or .webp)",
        })
    }
}

impl std::error::Error for LogoError {}
