//! Reading participants' QR codes with the facilitator's camera, decoded on
//! this device: no picture and no code leaves the browser.
//!
//! A few times a second the component takes a small grayscale frame from the
//! camera ([`crate::camera`]) and looks for QR codes in it with
//! [`read_codes`] (the `quircs` decoder; [`crate::qr`] says why that one).
//! Every text read is passed on once per scanning session, so a code held in
//! front of the camera for a while counts once; checking what the text is (a
//! result code, a link, anything else) is up to the screen that receives it.

use super::use_words;
use crate::assessment::language::{Key, Words};
use crate::camera::{Camera, CameraError};
use crate::qr::read_codes;
use gloo_timers::callback::Interval;
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;
use yew::prelude::*;

/// Time between two frames, in milliseconds. Taking and decoding a 640 × 480
/// frame took about 12 ms in the release build (headless Chromium, 2 cores),
/// so five frames a second read a code as soon as it is steady and leave the
/// page responsive on slower phones too.
const FRAME_INTERVAL_MS: u32 = 200;

#[derive(Properties, PartialEq)]
pub struct QrScannerProps {
    /// Called with the text of every QR code read, each text once per
    /// scanning session.
    pub on_code: Callback<String>,
    /// Called when the person stops the camera or closes the scanner.
    pub on_close: Callback<()>,
}

/// What the scanner is doing.
#[derive(Clone, Copy, PartialEq)]
enum Phase {
    Off,
    /// Waiting for the browser (and perhaps the person) to open the camera.
    Starting,
    Scanning,
    Unavailable(CameraError),
}

/// What outlives a render: the open camera and the texts read so far.
#[derive(Default)]
struct Session {
    camera: Option<Camera>,
    /// Texts already passed on: a `HashSet<String>`, like the workshop's, so
    /// the release build carries one set's code for both (a `BTreeSet`
    /// brought its own B-tree, 645 bytes gzipped).
    seen: HashSet<String>,
    /// Counts starts and stops, so that a camera that finishes opening after
    /// the person stopped (or left) is turned off at once instead of kept.
    generation: u32,
}

impl Session {
    /// Turns the camera off and makes any camera still opening unwanted.
    fn stop(&mut self) {
        self.generation = self.generation.wrapping_add(1);
        self.camera = None;
    }
}

/// The status line's sentence.
fn status(words: &Words, phase: Phase, read: usize) -> String {
    let count = (read > 0).then(|| words.count(Key::CAMERA_READ, read, &[]));
    let then = |next: String| match &count {
        Some(count) => format!("{count} {next}"),
        None => next,
    };
    match phase {
        Phase::Off if read > 0 => then(words.get(Key::CAMERA_OFF).to_owned()),
        Phase::Off => String::new(),
        Phase::Starting => words.get(Key::CAMERA_STARTING).to_owned(),
        Phase::Scanning if read > 0 => then(words.get(Key::CAMERA_NEXT).to_owned()),
        Phase::Scanning => words.get(Key::CAMERA_SCANNING).to_owned(),
        Phase::Unavailable(error) => {
            then(words.fill(Key::CAMERA_FAILED, &[("error", words.get(error.key()))]))
        }
    }
}

#[component]
pub fn QrScanner(QrScannerProps { on_code, on_close }: &QrScannerProps) -> Html {
    let words = use_words();
    let phase = use_state_eq(|| Phase::Off);
    let read = use_state_eq(|| 0_usize);
    let session = use_mut_ref(Session::default);
    let video = use_node_ref();

    // Leaving the page turns the camera off, even while it is still opening.
    {
        let session = Rc::clone(&session);
        use_effect_with((), move |()| move || session.borrow_mut().stop());
    }

    // Once the camera is open, its picture goes into the preview. Only on
    // that change: giving a video its stream again reloads the picture.
    let scanning = *phase == Phase::Scanning;
    {
        let session = Rc::clone(&session);
        let video = video.clone();
        use_effect_with(scanning, move |&scanning| {
            if let (true, Some(element), Some(camera)) = (
                scanning,
                video.cast::<web_sys::HtmlVideoElement>(),
                session.borrow().camera.as_ref(),
            ) {
                camera.show_in(&element);
            }
        });
    }

    // While scanning, a frame is read every few hundred milliseconds. The
    // timer belongs to this effect, so it stops when scanning stops or the
    // component goes (and restarts, harmlessly, with a new `on_code`).
    {
        let session = Rc::clone(&session);
        let video = video.clone();
        let read = read.clone();
        use_effect_with((scanning, on_code.clone()), move |(scanning, on_code)| {
            let on_code = on_code.clone();
            let ticker = scanning.then(|| {
                Interval::new(FRAME_INTERVAL_MS, move || {
                    scan_frame(&session, &video, &read, &on_code);
                })
            });
            move || drop(ticker)
        });
    }

    let on_start = {
        let phase = phase.clone();
        let read = read.clone();
        let session = Rc::clone(&session);
        Callback::from(move |_: MouseEvent| {
            let generation = {
                let mut session = session.borrow_mut();
                session.stop();
                session.seen.clear();
                session.generation
            };
            phase.set(Phase::Starting);
            read.set(0);
            let phase = phase.clone();
            let session = Rc::clone(&session);
            wasm_bindgen_futures::spawn_local(async move {
                let opened = Camera::open().await;
                let mut session = session.borrow_mut();
                if session.generation != generation {
                    // Stopped or left meanwhile: dropping `opened` turns
                    // the camera off again.
                    return;
                }
                match opened {
                    Ok(camera) => {
                        session.camera = Some(camera);
                        phase.set(Phase::Scanning);
                    }
                    Err(error) => phase.set(Phase::Unavailable(error)),
                }
            });
        })
    };
    let on_stop = {
        let phase = phase.clone();
        let session = Rc::clone(&session);
        let on_close = on_close.clone();
        Callback::from(move |_: MouseEvent| {
            session.borrow_mut().stop();
            phase.set(Phase::Off);
            on_close.emit(());
        })
    };

    let active = matches!(*phase, Phase::Starting | Phase::Scanning);
    // One button whose job changes, so that keyboard focus stays on it.
    let (label, onclick) = match *phase {
        Phase::Starting | Phase::Scanning => (Key::CAMERA_STOP, on_stop),
        Phase::Unavailable(error) if !error.may_retry() => (Key::CAMERA_CLOSE, on_stop),
        Phase::Unavailable(_) => (Key::CAMERA_RETRY, on_start),
        Phase::Off => (Key::CAMERA_START, on_start),
    };
    html! {
        <div class={classes!("qr-scanner", active.then_some("qr-scanner--active"))}>
            <p class="hint">
                { words.get(Key::CAMERA_PRIVACY) }
            </p>
            <button type="button" class="button" {onclick}>{ words.get(label) }</button>
            if active {
                <video
                    class="qr-scanner__preview"
                    ref={video}
                    aria-label={words.get(Key::CAMERA_PICTURE).to_owned()}
                    muted=true
                    playsinline=true
                    autoplay=true
                />
            }
            <p
                class={classes!(
                    "qr-scanner__status",
                    matches!(*phase, Phase::Unavailable(_)).then_some("qr-scanner__status--error"),
                )}
                role="status"
            >
                { status(&words, *phase, *read) }
            </p>
        </div>
    }
}

/// Reads one frame and passes on the texts not read before.
fn scan_frame(
    session: &RefCell<Session>,
    video: &NodeRef,
    read: &UseStateHandle<usize>,
    on_code: &Callback<String>,
) {
    let Some(element) = video.cast::<web_sys::HtmlVideoElement>() else {
        return;
    };
    let frame = match &session.borrow().camera {
        Some(camera) => camera.frame(&element),
        None => return,
    };
    let Some(frame) = frame else {
        return;
    };
    for text in read_codes(frame.width, frame.height, &frame.luma) {
        // No borrow is held while the callback runs: it may well end the
        // scan (and so borrow the session) before it returns.
        let seen = {
            let mut session = session.borrow_mut();
            session
                .seen
                .insert(text.clone())
                .then(|| session.seen.len())
        };
        if let Some(count) = seen {
            read.set(count);
            on_code.emit(text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A picture of `text` as [`QrCode`](super::super::QrCode) draws it: its
    /// SVG path painted at `scale` pixels per module, quiet zone included,
    /// with `margin` more pixels around (the rest of the camera's view); dark
    /// modules at luminance `dark`, everything else at `light`.
    fn picture(text: &str, scale: usize, margin: usize, dark: u8, light: u8) -> (usize, Vec<u8>) {
        use super::super::qr_code::modules_path;
        use crate::qr::{dark_modules, matrix, QUIET_ZONE};
        let (modules, width) = dark_modules(&matrix(text).unwrap());
        let side = (width + 2 * QUIET_ZONE) * scale + 2 * margin;
        let mut luma = vec![light; side * side];
        // Each rectangle of the path is `M{x} {y}h{run}v1h-{run}z`.
        for rectangle in modules_path(&modules, width).split_terminator('z') {
            let numbers: Vec<usize> = rectangle
                .split(|c: char| !c.is_ascii_digit())
                .filter_map(|n| n.parse().ok())
                .collect();
            let [x, y, run, ..] = numbers[..] else {
                panic!("unexpected rectangle {rectangle}");
            };
            for py in margin + y * scale..margin + (y + 1) * scale {
                let row = py * side + margin;
                luma[row + x * scale..row + (x + run) * scale].fill(dark);
            }
        }
        (side, luma)
    }

    #[test]
    fn a_drawn_code_reads_back_as_the_same_text() {
        let code = "T1-TAR5V-GRSAE-MW9SB-JMEG6-V";
        let (side, luma) = picture(code, 4, 0, 0, 255);
        assert_eq!(read_codes(side, side, &luma), vec![code.to_owned()]);
    }

    #[test]
    fn a_full_code_reads_back_small_and_grey_in_a_larger_view() {
        // A projector seen by a laptop camera: 3 pixels per module, washed
        // out contrast, lots of wall around it.
        let code = "T1-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXX";
        let (side, luma) = picture(code, 3, 120, 70, 190);
        assert_eq!(read_codes(side, side, &luma), vec![code.to_owned()]);
    }

    #[test]
    fn a_lower_case_code_is_read_upper_cased() {
        let (side, luma) = picture("t1-tar5v-grsae-mw9sb-jmeg6-v", 4, 8, 0, 255);
        assert_eq!(
            read_codes(side, side, &luma),
            vec!["T1-TAR5V-GRSAE-MW9SB-JMEG6-V".to_owned()]
        );
    }

    #[test]
    fn the_status_says_what_is_happening() {
        let english = Words::english(crate::assessment::language::plain_number);
        assert_eq!(
            status(&english, Phase::Scanning, 0),
            "Point the camera at a participant's QR code."
        );
        assert_eq!(
            status(&english, Phase::Scanning, 3),
            "Read 3 codes. Point the camera at the next participant's QR code."
        );
        assert_eq!(
            status(&english, Phase::Off, 1),
            "Read 1 code. The camera is off."
        );
        assert!(
            status(&english, Phase::Unavailable(CameraError::Insecure), 0)
                .starts_with("The camera cannot be used here")
        );
        assert!(
            status(&english, Phase::Unavailable(CameraError::Insecure), 0)
                .contains("paste the codes or links, or import")
        );
    }
}
