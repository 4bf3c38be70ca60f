//! The logo a configuration shows: a path to an image beside the app, or a
//! small image embedded in the configuration so that it travels in a link,
//! and every reason either is refused.

use super::base64::{self, Alphabet};
use crate::assessment::language::Key;
use crate::assessment::untrusted::Why;

use std::str::FromStr;

/// Longest logo path, in characters.
pub const MAX_LOGO_PATH: usize = 200;
/// Largest embedded logo, in bytes of image: a header logo of about
/// 400 × 120 pixels, and about 22,000 characters of a link.
pub const MAX_LOGO_BYTES: usize = 16 * 1024;
/// Widest and tallest embedded logo, in pixels: a small file can still
/// unpack to an image that fills the browser's memory.
pub const MAX_LOGO_SIDE: u32 = 2000;

/// The logo: a path to a PNG, JPEG or WebP image in the app's folder or
/// below it, such as `branding/logo.png`, kept as written; or such an image
/// embedded as a `data:image/…;base64,` URL, checked to be the image it
/// says, no larger than [`MAX_LOGO_BYTES`] and [`MAX_LOGO_SIDE`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Logo(String);

/// The image formats a logo may be, each with the bytes that start it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageFormat {
    Png,
    Jpeg,
    Webp,
}

impl ImageFormat {
    const ALL: [ImageFormat; 3] = [ImageFormat::Png, ImageFormat::Jpeg, ImageFormat::Webp];

    /// Its media type, as a `data:` URL names it.
    pub fn media_type(self) -> &'static str {
        match self {
            ImageFormat::Png => "image/png",
            ImageFormat::Jpeg => "image/jpeg",
            ImageFormat::Webp => "image/webp",
        }
    }

    /// Its name, for a person.
    pub fn name(self) -> &'static str {
        match self {
            ImageFormat::Png => "PNG",
            ImageFormat::Jpeg => "JPEG",
            ImageFormat::Webp => "WebP",
        }
    }

    /// The format `bytes` are in, told by how they start, never by a name.
    pub fn of(bytes: &[u8]) -> Option<ImageFormat> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(ImageFormat::Png)
        } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
            Some(ImageFormat::Jpeg)
        } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
            Some(ImageFormat::Webp)
        } else {
            None
        }
    }

    /// The width and height its header gives, or `None` when `bytes` have
    /// no header of this format that can be read.
    fn size(self, bytes: &[u8]) -> Option<(u32, u32)> {
        let be16 = |at: usize| {
            Some(u32::from(u16::from_be_bytes(
                bytes.get(at..at + 2)?.try_into().ok()?,
            )))
        };
        let le16 = |at: usize| {
            Some(u32::from(u16::from_le_bytes(
                bytes.get(at..at + 2)?.try_into().ok()?,
            )))
        };
        let le24 = |at: usize| {
            let b = bytes.get(at..at + 3)?;
            Some(u32::from(b[0]) | u32::from(b[1]) << 8 | u32::from(b[2]) << 16)
        };
        match self {
            // The IHDR chunk comes first: its width and height, 4 bytes each.
            ImageFormat::Png => {
                if bytes.get(12..16)? != b"IHDR" {
                    return None;
                }
                let be32 =
                    |at: usize| Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
                Some((be32(16)?, be32(20)?))
            }
            // Segments up to the first start of frame, which holds the size.
            ImageFormat::Jpeg => {
                let mut at = 2;
                loop {
                    if *bytes.get(at)? != 0xff {
                        return None;
                    }
                    let marker = *bytes.get(at + 1)?;
                    match marker {
                        0xff => at += 1,
                        0x01 | 0xd0..=0xd7 => at += 2,
                        0xc0..=0xcf if !matches!(marker, 0xc4 | 0xc8 | 0xcc) => {
                            return Some((be16(at + 7)?, be16(at + 5)?));
                        }
                        0xd9 | 0xda => return None,
                        _ => at += 2 + usize::try_from(be16(at + 2)?).ok()?,
                    }
                }
            }
            // The first chunk: lossy (VP8), lossless (VP8L) or extended (VP8X).
            ImageFormat::Webp => match bytes.get(12..16)? {
                b"VP8 " if bytes.get(23..26)? == [0x9d, 0x01, 0x2a] => {
                    Some((le16(26)? & 0x3fff, le16(28)? & 0x3fff))
                }
                b"VP8L" if *bytes.get(20)? == 0x2f => {
                    let bits = u32::from_le_bytes(bytes.get(21..25)?.try_into().ok()?);
                    Some(((bits & 0x3fff) + 1, (bits >> 14 & 0x3fff) + 1))
                }
                b"VP8X" => Some((le24(24)? + 1, le24(27)? + 1)),
                _ => None,
            },
        }
    }
}

impl ImageFormat {
    /// Whether `bytes` say they are an animation: an animated PNG's `acTL`
    /// chunk, before its image data, or the animation flag of an extended
    /// WebP. JPEG has none.
    fn is_animated(self, bytes: &[u8]) -> bool {
        match self {
            ImageFormat::Png => {
                let mut at = 8;
                while let Some(chunk) = bytes.get(at..at + 8) {
                    match &chunk[4..] {
                        b"acTL" => return true,
                        b"IDAT" => return false,
                        _ => {}
                    }
                    let length = u32::from_be_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
                    let Some(next) = usize::try_from(length)
                        .ok()
                        .and_then(|length| at.checked_add(12)?.checked_add(length))
                    else {
                        return false;
                    };
                    at = next;
                }
                false
            }
            ImageFormat::Jpeg => false,
            ImageFormat::Webp => {
                bytes.get(12..16) == Some(b"VP8X") && bytes.get(20).is_some_and(|f| f & 0x02 != 0)
            }
        }
    }
}

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
    /// A `data:` URL of another kind than a base64 PNG, JPEG or WebP image.
    EmbeddedKind,
    /// An embedded image's base64 is damaged at this character (from 1).
    EmbeddedDamaged(usize),
    /// An embedded image's bytes are not the image its URL names, or its
    /// size cannot be read from them.
    EmbeddedNotImage(ImageFormat),
    /// An embedded image of this many bytes, over [`MAX_LOGO_BYTES`].
    EmbeddedTooLarge(usize),
    /// An embedded image of this width and height, over [`MAX_LOGO_SIDE`].
    EmbeddedTooWide(u32, u32),
    /// An animated image: a logo beside the questions all the way through
    /// must keep still.
    EmbeddedAnimated,
}

impl FromStr for Logo {
    type Err = LogoError;

    fn from_str(path: &str) -> Result<Logo, LogoError> {
        if path.is_empty() {
            return Err(LogoError::Empty);
        }
        if path
            .get(..5)
            .is_some_and(|scheme| scheme.eq_ignore_ascii_case("data:"))
        {
            return embedded(path);
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

/// An embedded logo, `data:image/png;base64,…` and the like, checked.
fn embedded(url: &str) -> Result<Logo, LogoError> {
    if url
        .get(..11)
        .is_some_and(|start| start.eq_ignore_ascii_case("data:image/"))
        && url
            .get(11..14)
            .is_some_and(|kind| kind.eq_ignore_ascii_case("svg"))
    {
        return Err(LogoError::Svg);
    }
    let (format, encoded) = ImageFormat::ALL
        .into_iter()
        .find_map(|format| {
            let prefix = format!("data:{};base64,", format.media_type());
            url.strip_prefix(prefix.as_str()).map(|rest| (format, rest))
        })
        .ok_or(LogoError::EmbeddedKind)?;
    // Refused by its length before anything is decoded.
    if encoded.len() > base64::encoded_len(MAX_LOGO_BYTES, Alphabet::Standard) {
        return Err(LogoError::EmbeddedTooLarge(encoded.len() / 4 * 3));
    }
    // The position a person counts: characters, not bytes, from 1.
    let bytes = base64::decode(encoded, Alphabet::Standard).map_err(|at| {
        let before = url.len() - encoded.len() + at;
        LogoError::EmbeddedDamaged(url.get(..before).map_or(before, |s| s.chars().count()) + 1)
    })?;
    if ImageFormat::of(&bytes) != Some(format) {
        return Err(LogoError::EmbeddedNotImage(format));
    }
    Logo::embed(&bytes)
}

impl Logo {
    /// The logo's address as an image's `src`: the path as written,
    /// relative to the app's page, or the whole `data:` URL.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the image is embedded rather than beside the app.
    pub fn is_embedded(&self) -> bool {
        self.0.starts_with("data:")
    }

    /// How many bytes of image an embedded logo holds; `None` for a path.
    pub fn embedded_bytes(&self) -> Option<usize> {
        let (_, encoded) = self.0.strip_prefix("data:")?.split_once(',')?;
        let padding = encoded.bytes().rev().take_while(|&b| b == b'=').count();
        Some(encoded.len() / 4 * 3 - padding)
    }

    /// An image file's bytes as an embedded logo, or why they cannot be one:
    /// the format is told from the bytes, and the size limits are checked.
    pub fn embed(bytes: &[u8]) -> Result<Logo, LogoError> {
        if bytes.len() > MAX_LOGO_BYTES {
            return Err(LogoError::EmbeddedTooLarge(bytes.len()));
        }
        let format = ImageFormat::of(bytes).ok_or(LogoError::Format)?;
        let (width, height) = format
            .size(bytes)
            .ok_or(LogoError::EmbeddedNotImage(format))?;
        if width == 0 || height == 0 {
            return Err(LogoError::EmbeddedNotImage(format));
        }
        if width > MAX_LOGO_SIDE || height > MAX_LOGO_SIDE {
            return Err(LogoError::EmbeddedTooWide(width, height));
        }
        if format.is_animated(bytes) {
            return Err(LogoError::EmbeddedAnimated);
        }
        let prefix = format!("data:{};base64,", format.media_type());
        let mut url = String::with_capacity(
            prefix.len() + base64::encoded_len(bytes.len(), Alphabet::Standard),
        );
        url.push_str(&prefix);
        base64::encode_into(bytes, Alphabet::Standard, &mut url);
        Ok(Logo(url))
    }
}

impl From<LogoError> for Why {
    fn from(error: LogoError) -> Why {
        match error {
            LogoError::Empty => Why::new(Key::PROBLEM_EMPTY),
            LogoError::TooLong => Why::new(Key::PROBLEM_TOO_LONG).number("max", MAX_LOGO_PATH),
            LogoError::OtherSite => Why::new(Key::PROBLEM_LOGO_OTHER_SITE),
            LogoError::Address => Why::new(Key::PROBLEM_LOGO_ADDRESS),
            LogoError::Backslash => Why::new(Key::PROBLEM_LOGO_BACKSLASH),
            LogoError::Absolute => Why::new(Key::PROBLEM_LOGO_ABSOLUTE),
            LogoError::Up => Why::new(Key::PROBLEM_LOGO_UP),
            LogoError::Characters => Why::new(Key::PROBLEM_LOGO_CHARACTERS),
            LogoError::Svg => Why::new(Key::PROBLEM_LOGO_SVG),
            LogoError::Format => Why::new(Key::PROBLEM_LOGO_FORMAT),
            LogoError::EmbeddedAnimated => Why::new(Key::PROBLEM_LOGO_ANIMATED),
            LogoError::EmbeddedKind => Why::new(Key::PROBLEM_LOGO_DATA_KIND),
            LogoError::EmbeddedDamaged(at) => Why::new(Key::PROBLEM_LOGO_DAMAGED).number("at", at),
            LogoError::EmbeddedNotImage(format) => {
                Why::new(Key::PROBLEM_LOGO_NOT_IMAGE).text("format", format.name())
            }
            LogoError::EmbeddedTooLarge(bytes) => Why::new(Key::PROBLEM_LOGO_TOO_LARGE)
                .number("kb", bytes.div_ceil(1024))
                .number("max", MAX_LOGO_BYTES / 1024),
            LogoError::EmbeddedTooWide(width, height) => Why::new(Key::PROBLEM_LOGO_TOO_WIDE)
                .number("width", width as usize)
                .number("height", height as usize)
                .number("max", MAX_LOGO_SIDE as usize),
        }
    }
}
