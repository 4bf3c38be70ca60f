//! QR codes as pixels, with no browser in sight: the symbol Tandem draws for
//! a result code, and the texts read from a grayscale camera frame.
//!
//! The components around them (`app::components::QrCode` draws the symbol as
//! SVG, `app::components::QrScanner` takes the frames from the camera) only
//! add the page and the camera, so what a participant holds up and what the
//! facilitator's camera reads can be tested, and fuzzed, natively (see
//! fuzz/checks.rs: a code drawn the way Tandem draws it reads back as itself).
//!
//! The symbol comes from `qrcodegen` (Nayuki's reference QR Code generator,
//! no dependencies). The `qrcode` crate does the same job but measured
//! twice the cost in the release build: about 16 KB of gzipped wasm against
//! 8 KB; what it does better (mixing modes within one text) buys nothing
//! for result codes, which are alphanumeric throughout.
//!
//! Frames are read with `quircs`, a pure Rust port of the quirc decoder.
//! Why `quircs` and not `rqrr`, the other pure Rust decoder: in WebAssembly
//! a panic aborts the whole app, and the decoder sees every frame the camera
//! sends. On the same 120,000 generated frames (codes at random sizes,
//! angles and contrasts, with noise and stray finder-like squares) `quircs`
//! never panicked, while `rqrr` 0.11 panicked 6 times (assertions in its
//! perspective code, its open issue #54): at five frames a second, about
//! once an hour of scanning. `quircs` also costs about 12 KB of gzipped wasm
//! against 84 KB for `rqrr` and decodes twice as fast; `rqrr` read about a
//! quarter more of those hard frames, which matters little when a person
//! can hold the code steadier.

use qrcodegen::{DataTooLong, QrCode as Matrix, QrCodeEcc};

/// Light modules around the symbol on every side, as ISO/IEC 18004 asks;
/// scanners find the finder patterns less reliably with less.
pub const QUIET_ZONE: usize = 4;

/// The text to encode: a code upper-cased, so that it fits the QR code's
/// alphanumeric mode (11 bits per two characters instead of 8 per character,
/// hence a smaller symbol with larger modules). Text that upper-casing would
/// not bring into that mode (a link, a lower-case team label) is kept as it
/// is, since upper-casing would change it.
pub fn qr_text(text: &str) -> String {
    let upper = text.trim().to_ascii_uppercase();
    let alphanumeric =
        |c: char| c.is_ascii_digit() || c.is_ascii_uppercase() || " $%*+-./:".contains(c);
    if upper.chars().all(alphanumeric) {
        upper
    } else {
        text.trim().to_owned()
    }
}

/// The symbol for `text`: the smallest QR version that holds it at level M,
/// with the error correction raised where that still fits the same version.
/// Fails only for text too long for any QR code, far beyond any result code.
pub fn matrix(text: &str) -> Result<Matrix, DataTooLong> {
    Matrix::encode_text(&qr_text(text), QrCodeEcc::Medium)
}

/// The symbol's modules row by row (`dark[y * width + x]`) and its width.
pub fn dark_modules(symbol: &Matrix) -> (Vec<bool>, usize) {
    let size = symbol.size();
    let dark = (0..size)
        .flat_map(|y| (0..size).map(move |x| symbol.get_module(x, y)))
        .collect();
    (dark, size.max(0) as usize)
}

/// Every QR code found in a grayscale picture (`luma[y * width + x]`, 0
/// black to 255 white), decoded; QR codes that cannot be read are left out.
/// A picture whose size does not match its pixels gives nothing.
///
/// Where the decoder finds a code but cannot read it, the picture is read
/// once more, turned a quarter turn: `quircs` places its grid wrongly on
/// some sharp symbols that are turned (a phone held upside down) and reads
/// them at another angle. Of 20,000 codes drawn the way the `qr_frame` fuzz
/// target draws them, 76 did not read in one pass, every one of them
/// turned; with the second pass all of them did. Only a frame with a code
/// found but not read pays for that pass, and no further turns are tried:
/// a pass can be slow at some angle (0.7 s natively on one picture the
/// fuzzer made, which took about 20 ms as it came).
pub fn read_codes(width: usize, height: usize, luma: &[u8]) -> Vec<String> {
    if width == 0 || height == 0 || width.checked_mul(height) != Some(luma.len()) {
        return Vec::new();
    }
    let mut decoder = quircs::Quirc::default();
    let (mut texts, unread) = read_once(&mut decoder, width, height, luma);
    if unread > 0 {
        let turned = quarter_turn(width, height, luma);
        for text in read_once(&mut decoder, height, width, &turned).0 {
            if !texts.contains(&text) {
                texts.push(text);
            }
        }
    }
    texts
}

/// The texts of the codes the decoder reads in one picture, and how many
/// more it found but could not read.
fn read_once(
    decoder: &mut quircs::Quirc,
    width: usize,
    height: usize,
    luma: &[u8],
) -> (Vec<String>, usize) {
    let mut unread = 0;
    let texts = decoder
        .identify(width, height, luma)
        .filter_map(|code| {
            let data = code.ok().and_then(|code| code.decode().ok());
            unread += usize::from(data.is_none());
            String::from_utf8(data?.payload).ok()
        })
        .collect();
    (texts, unread)
}

/// The pixels of a picture `width` by `height` turned a quarter turn
/// clockwise, which makes it `height` pixels wide and `width` high.
fn quarter_turn(width: usize, height: usize, luma: &[u8]) -> Vec<u8> {
    (0..width)
        .flat_map(|x| (0..height).rev().map(move |y| luma[y * width + x]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text`'s symbol at `scale` pixels per module with the quiet zone, dark
    /// modules black on white: the simplest picture of it.
    fn picture(text: &str, scale: usize) -> (usize, Vec<u8>) {
        let (dark, width) = dark_modules(&matrix(text).unwrap());
        let side = (width + 2 * QUIET_ZONE) * scale;
        let luma = (0..side * side)
            .map(|i| {
                let (x, y) = ((i % side) / scale, (i / side) / scale);
                let inside = QUIET_ZONE..QUIET_ZONE + width;
                let on = inside.contains(&x)
                    && inside.contains(&y)
                    && dark[(y - QUIET_ZONE) * width + (x - QUIET_ZONE)];
                if on {
                    0
                } else {
                    255
                }
            })
            .collect();
        (side, luma)
    }

    #[test]
    fn a_drawn_symbol_reads_back_as_its_text() {
        let (side, luma) = picture("t1-tar5v-grsae-mw9sb-jmeg6-v", 2);
        assert_eq!(
            read_codes(side, side, &luma),
            vec!["T1-TAR5V-GRSAE-MW9SB-JMEG6-V".to_owned()]
        );
    }

    #[test]
    fn a_code_turned_upside_down_reads() {
        let (side, luma) = picture("T1-K26CA-7TP70-0E5X", 4);
        let upside_down = quarter_turn(side, side, &quarter_turn(side, side, &luma));
        // One pass of the decoder misplaces its grid on this symbol and reads
        // nothing; should a newer `quircs` read it, the turns can go.
        let (texts, unread) = read_once(&mut quircs::Quirc::default(), side, side, &upside_down);
        assert_eq!((texts.len(), unread), (0, 1));
        assert_eq!(
            read_codes(side, side, &upside_down),
            vec!["T1-K26CA-7TP70-0E5X".to_owned()]
        );
    }

    #[test]
    fn a_quarter_turn_is_clockwise() {
        // 1 2 3      4 1
        // 4 5 6  ->  5 2
        //            6 3
        assert_eq!(quarter_turn(3, 2, &[1, 2, 3, 4, 5, 6]), [4, 1, 5, 2, 6, 3]);
    }

    #[test]
    fn pictures_without_a_code_give_nothing() {
        assert!(read_codes(64, 48, &vec![255; 64 * 48]).is_empty());
        assert!(read_codes(64, 48, &vec![0; 64 * 48]).is_empty());
        assert!(read_codes(0, 0, &[]).is_empty());
        // Sizes that do not match the pixels are refused before any work.
        assert!(read_codes(64, 48, &[0; 10]).is_empty());
        assert!(read_codes(usize::MAX, 2, &[0; 10]).is_empty());
    }

    #[test]
    fn codes_use_the_alphanumeric_mode_and_the_smallest_symbol() {
        // A quick-assessment code: 28 characters take version 2 (25 modules)
        // in alphanumeric mode; in byte mode they would need version 3.
        let quick = matrix("t1-tar5v-grsae-mw9sb-jmeg6-v").unwrap();
        assert_eq!(quick.version().value(), 2);
        assert_eq!(quick.size(), 25);
        assert!(quick.error_correction_level() >= QrCodeEcc::Medium);
        // A full-assessment code: 43 characters take version 3 (29 modules);
        // byte mode would need version 4.
        let full = matrix("T1-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXX").unwrap();
        assert_eq!(full.version().value(), 3);
        assert!(full.error_correction_level() >= QrCodeEcc::Medium);
    }

    #[test]
    fn only_text_that_stays_the_same_is_upper_cased() {
        assert_eq!(qr_text(" t1-abc "), "T1-ABC");
        assert_eq!(
            qr_text("https://example.org/tandem/#r=T1-ABC"),
            "https://example.org/tandem/#r=T1-ABC"
        );
    }

    #[test]
    fn text_too_long_for_any_qr_code_is_refused_not_panicked_on() {
        assert!(matrix(&"Ü".repeat(4_000)).is_err());
    }
}
