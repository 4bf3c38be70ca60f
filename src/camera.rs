//! The device's camera, for reading participants' QR codes: opening it,
//! showing its picture in a `<video>`, and taking small grayscale frames from
//! that picture for the decoder. Frames stay in this browser's memory; no
//! picture is stored or sent anywhere.
//!
//! A [`Camera`] owns its `MediaStream` and stops every track when it is
//! dropped, so the camera light goes off as soon as the scanner stops or
//! leaves the page.

use crate::assessment::language::Key;
use wasm_bindgen::{JsCast, JsValue};

/// Frames are scaled down so that their longer side is at most this many
/// pixels: a QR code held up to the camera still has several pixels per
/// module, and the decoder stays fast in WebAssembly.
pub const MAX_FRAME_SIDE: u32 = 640;

/// Why there is no camera picture; [`CameraError::key`] says it to the
/// person at the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CameraError {
    /// The page is not a secure context (https or this computer), where
    /// browsers offer no camera at all.
    Insecure,
    /// The browser has no camera interface (`navigator.mediaDevices`).
    Unsupported,
    /// The person, or the browser's or system's settings, refused the camera.
    Refused,
    /// The device has no camera.
    NotFound,
    /// The camera is there but could not start, usually because another app
    /// is using it.
    Busy,
    /// Anything else the browser reported.
    Failed,
}

impl CameraError {
    /// Whether asking again could work without changing anything else (the
    /// person closed the permission prompt, or closed the other app).
    pub fn may_retry(self) -> bool {
        matches!(
            self,
            CameraError::Refused | CameraError::Busy | CameraError::Failed
        )
    }

    fn from_exception(error: &JsValue) -> CameraError {
        let name = error
            .dyn_ref::<web_sys::DomException>()
            .map(web_sys::DomException::name)
            .unwrap_or_default();
        match name.as_str() {
            "NotAllowedError" | "SecurityError" => CameraError::Refused,
            "NotFoundError" | "OverconstrainedError" => CameraError::NotFound,
            "NotReadableError" | "AbortError" => CameraError::Busy,
            _ => CameraError::Failed,
        }
    }
}

impl CameraError {
    /// The message that says what went wrong and what to do.
    pub fn key(self) -> Key {
        match self {
            CameraError::Insecure => Key::CAMERA_ERROR_INSECURE,
            CameraError::Unsupported => Key::CAMERA_ERROR_UNSUPPORTED,
            CameraError::Refused => Key::CAMERA_ERROR_REFUSED,
            CameraError::NotFound => Key::CAMERA_ERROR_NOT_FOUND,
            CameraError::Busy => Key::CAMERA_ERROR_BUSY,
            CameraError::Failed => Key::CAMERA_ERROR_FAILED,
        }
    }
}

/// A grayscale picture: one byte of luminance per pixel, row by row.
pub struct Frame {
    pub width: usize,
    pub height: usize,
    pub luma: Vec<u8>,
}

/// An open camera. Dropping it turns the camera off.
pub struct Camera {
    stream: web_sys::MediaStream,
    /// Where frames are drawn to be read back; never added to the page.
    canvas: web_sys::HtmlCanvasElement,
    context: web_sys::CanvasRenderingContext2d,
}

impl Camera {
    /// Asks for the camera (the browser may ask the person first),
    /// preferring the one on the back of a phone.
    pub async fn open() -> Result<Camera, CameraError> {
        let window = web_sys::window().ok_or(CameraError::Unsupported)?;
        if !window.is_secure_context() {
            return Err(CameraError::Insecure);
        }
        // Outside secure contexts and in old browsers the property is
        // missing, which web-sys hands over as `undefined`.
        let devices = window
            .navigator()
            .media_devices()
            .ok()
            .filter(|devices| !devices.is_undefined())
            .ok_or(CameraError::Unsupported)?;
        // The canvas comes first: if frames cannot be read here, the camera
        // is never switched on.
        let (canvas, context) = frame_canvas().ok_or(CameraError::Unsupported)?;
        let constraints = web_sys::MediaStreamConstraints::new();
        constraints.set_audio(&JsValue::FALSE);
        constraints.set_video(&object(&[
            ("facingMode", JsValue::from_str("environment")),
            ("width", object(&[("ideal", JsValue::from(1280))])),
        ]));
        let promise = devices
            .get_user_media_with_constraints(&constraints)
            .map_err(|e| CameraError::from_exception(&e))?;
        let stream = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .map_err(|e| CameraError::from_exception(&e))?
            .dyn_into()
            .map_err(|_| CameraError::Failed)?;
        Ok(Camera {
            stream,
            canvas,
            context,
        })
    }

    /// Shows the camera's picture in `video`.
    pub fn show_in(&self, video: &web_sys::HtmlVideoElement) {
        video.set_muted(true);
        video.set_src_object(Some(&self.stream));
        // `autoplay` starts it too; playing may be refused (for example in a
        // background tab), which the next frame simply waits out.
        if let Ok(promise) = video.play() {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }

    /// The picture `video` shows now, in grayscale and at most
    /// [`MAX_FRAME_SIDE`] pixels on its longer side; `None` while there is
    /// no picture yet.
    pub fn frame(&self, video: &web_sys::HtmlVideoElement) -> Option<Frame> {
        // HAVE_CURRENT_DATA: a picture is there to draw.
        if video.ready_state() < 2 {
            return None;
        }
        let (width, height) = frame_size(video.video_width(), video.video_height())?;
        if self.canvas.width() != width || self.canvas.height() != height {
            self.canvas.set_width(width);
            self.canvas.set_height(height);
        }
        self.context
            .draw_image_with_html_video_element_and_dw_and_dh(
                video,
                0.0,
                0.0,
                f64::from(width),
                f64::from(height),
            )
            .ok()?;
        let pixels = self
            .context
            .get_image_data(0.0, 0.0, f64::from(width), f64::from(height))
            .ok()?
            .data();
        Some(Frame {
            width: width as usize,
            height: height as usize,
            luma: luma_from_rgba(&pixels),
        })
    }
}

impl Drop for Camera {
    fn drop(&mut self) {
        stop_tracks(&self.stream);
    }
}

fn stop_tracks(stream: &web_sys::MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Some(track) = track.dyn_ref::<web_sys::MediaStreamTrack>() {
            track.stop();
        }
    }
}

/// A canvas that is never added to the page, and its 2D context, to draw
/// frames on and read them back.
fn frame_canvas() -> Option<(
    web_sys::HtmlCanvasElement,
    web_sys::CanvasRenderingContext2d,
)> {
    let document = web_sys::window()?.document()?;
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").ok()?.dyn_into().ok()?;
    // Tells the browser the pixels are read back often, so it keeps the
    // canvas in memory instead of on the graphics card.
    let options = object(&[("willReadFrequently", JsValue::TRUE)]);
    let context = canvas
        .get_context_with_context_options("2d", &options)
        .ok()??
        .dyn_into()
        .ok()?;
    Some((canvas, context))
}

/// A plain JavaScript object with the given properties.
fn object(properties: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in properties {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

/// The size of a frame taken from a `width` × `height` picture: scaled down,
/// keeping its shape, so that the longer side is at most
/// [`MAX_FRAME_SIDE`]; `None` for an empty picture.
pub fn frame_size(width: u32, height: u32) -> Option<(u32, u32)> {
    if width == 0 || height == 0 {
        return None;
    }
    let longer = width.max(height);
    if longer <= MAX_FRAME_SIDE {
        return Some((width, height));
    }
    let scale =
        |side: u32| (u64::from(side) * u64::from(MAX_FRAME_SIDE) / u64::from(longer)).max(1) as u32;
    Some((scale(width), scale(height)))
}

/// Luminance of RGBA pixels (ITU-R BT.601 weights, in integers), one byte
/// per pixel; alpha is ignored, since camera frames are opaque.
pub fn luma_from_rgba(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|p| {
            ((299 * u32::from(p[0]) + 587 * u32::from(p[1]) + 114 * u32::from(p[2]) + 500) / 1000)
                as u8
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_are_scaled_down_keeping_their_shape() {
        assert_eq!(frame_size(1280, 720), Some((640, 360)));
        assert_eq!(frame_size(720, 1280), Some((360, 640)));
        assert_eq!(frame_size(640, 480), Some((640, 480)));
        assert_eq!(frame_size(320, 240), Some((320, 240)));
        assert_eq!(frame_size(100_000, 1), Some((640, 1)));
        assert_eq!(frame_size(0, 480), None);
    }

    #[test]
    fn luma_weighs_green_most() {
        let pixels = [
            0, 0, 0, 255, // black
            255, 255, 255, 255, // white
            255, 0, 0, 255, // red
            0, 255, 0, 0, // green, transparent
            0, 0, 255, 255, // blue
        ];
        assert_eq!(luma_from_rgba(&pixels), vec![0, 255, 76, 150, 29]);
        // A trailing partial pixel is ignored, not read past.
        assert_eq!(luma_from_rgba(&[1, 2, 3]), Vec::<u8>::new());
    }

    #[test]
    fn every_refusal_has_a_sentence() {
        for error in [
            CameraError::Insecure,
            CameraError::Unsupported,
            CameraError::Refused,
            CameraError::NotFound,
            CameraError::Busy,
            CameraError::Failed,
        ] {
            assert!(error.key().in_english().ends_with('.'));
        }
    }
}
