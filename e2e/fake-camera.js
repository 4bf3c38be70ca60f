// A fake camera for browser tests of QR scanning. Chromium started with
//   --use-fake-ui-for-media-stream --use-fake-device-for-media-stream
//   --use-file-for-fake-video-capture=<file.y4m>
// answers getUserMedia with that video, looped, and no permission prompt.
//
// qrPixels() takes the pixels of a QR code the app drew (an <svg> on the
// page); writeY4m() turns pixels into such a video file. No dependencies.

import { writeFile } from 'node:fs/promises';

/**
 * Writes `frames` identical frames of an RGBA picture (`width` × `height`,
 * 4 bytes a pixel, row by row) as a Y4M video at 30 frames a second, YUV
 * 4:2:0 with full-range BT.601 (JPEG) colours, which Chromium's fake camera
 * plays. Odd sizes are padded with white to even ones, as 4:2:0 needs.
 * Transparent pixels are drawn over white.
 */
export async function writeY4m(path, rgbaPixels, width, height, frames = 10) {
  if (rgbaPixels.length !== width * height * 4) {
    throw new Error(`expected ${width * height * 4} RGBA bytes for ${width}x${height}, got ${rgbaPixels.length}`);
  }
  const w = width + (width % 2);
  const h = height + (height % 2);
  // Opaque RGB over white, padded.
  const rgb = new Float64Array(w * h * 3).fill(255);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4;
      const alpha = rgbaPixels[i + 3] / 255;
      for (let c = 0; c < 3; c += 1) {
        rgb[(y * w + x) * 3 + c] = rgbaPixels[i + c] * alpha + 255 * (1 - alpha);
      }
    }
  }
  const clamp = (v) => Math.max(0, Math.min(255, Math.round(v)));
  const luma = Buffer.alloc(w * h);
  for (let p = 0; p < w * h; p += 1) {
    const [r, g, b] = [rgb[p * 3], rgb[p * 3 + 1], rgb[p * 3 + 2]];
    luma[p] = clamp(0.299 * r + 0.587 * g + 0.114 * b);
  }
  // Chroma: one sample per 2×2 block, the block's average.
  const cw = w / 2;
  const ch = h / 2;
  const cb = Buffer.alloc(cw * ch);
  const cr = Buffer.alloc(cw * ch);
  for (let y = 0; y < ch; y += 1) {
    for (let x = 0; x < cw; x += 1) {
      let [r, g, b] = [0, 0, 0];
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) {
        const p = ((2 * y + dy) * w + 2 * x + dx) * 3;
        r += rgb[p] / 4;
        g += rgb[p + 1] / 4;
        b += rgb[p + 2] / 4;
      }
      cb[y * cw + x] = clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
      cr[y * cw + x] = clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
    }
  }
  const header = Buffer.from(`YUV4MPEG2 W${w} H${h} F30:1 Ip A1:1 C420jpeg\n`, 'ascii');
  const frame = Buffer.concat([Buffer.from('FRAME\n', 'ascii'), luma, cb, cr]);
  await writeFile(path, Buffer.concat([header, ...Array(frames).fill(frame)]));
}

/**
 * Centres an RGBA picture on a white `frameWidth` × `frameHeight` one (a
 * camera's view around the code); larger pictures are cropped to fit.
 * Returns `{ width, height, data }`.
 */
export function onWhite({ width, height, data }, frameWidth = 640, frameHeight = 480) {
  const out = new Uint8Array(frameWidth * frameHeight * 4).fill(255);
  const left = Math.floor((frameWidth - width) / 2);
  const top = Math.floor((frameHeight - height) / 2);
  for (let y = 0; y < height; y += 1) {
    const fy = top + y;
    if (fy < 0 || fy >= frameHeight) continue;
    for (let x = 0; x < width; x += 1) {
      const fx = left + x;
      if (fx < 0 || fx >= frameWidth) continue;
      out.set(data.subarray((y * width + x) * 4, (y * width + x) * 4 + 4), (fy * frameWidth + fx) * 4);
    }
  }
  return { width: frameWidth, height: frameHeight, data: out };
}

/**
 * The pixels of the `<svg>` that `locator` finds, drawn in the page at
 * `scale` pixels per SVG unit (one QR module is one unit): the SVG is
 * serialised with its computed fills written in (the app colours it by CSS
 * classes, which a standalone SVG image does not see), loaded as an image,
 * drawn on a canvas and read back. Resolves to `{ width, height, data }`,
 * `data` a Uint8Array of RGBA bytes.
 */
export async function qrPixels(page, locator, scale = 6) {
  const { width, height, base64 } = await locator.evaluate(async (svg, scale) => {
    const copy = svg.cloneNode(true);
    const originals = [svg, ...svg.querySelectorAll('*')];
    [copy, ...copy.querySelectorAll('*')].forEach((element, i) => {
      element.removeAttribute('class');
      element.setAttribute('fill', getComputedStyle(originals[i]).fill);
    });
    const box = svg.viewBox.baseVal;
    const width = Math.round(box.width * scale);
    const height = Math.round(box.height * scale);
    copy.setAttribute('width', String(width));
    copy.setAttribute('height', String(height));
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    context.imageSmoothingEnabled = false;
    context.drawImage(image, 0, 0, width, height);
    const bytes = context.getImageData(0, 0, width, height).data;
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    }
    return { width, height, base64: btoa(binary) };
  }, scale);
  return { width, height, data: new Uint8Array(Buffer.from(base64, 'base64')) };
}
