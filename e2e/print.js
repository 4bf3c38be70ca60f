// Printing a page as a person hands it over: the browser prints it
// (page.pdf), pdf.js reads each page's text and draws it as a PNG (kept in
// e2e/artifacts/print/).

import { mkdir, writeFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ARTIFACTS } from './harness.js';

/** Runs of white space as one space, trimmed. */
export const squeeze = (text) => text.replace(/\s+/g, ' ').trim();

/**
 * Prints `page` to A4 and reads it back: per page its text (squeezed) and
 * what of it is drawn near the paper's edge. Each page is also written as
 * a PNG, `name`-N.png, under e2e/artifacts/print/.
 */
export async function printed(page, name) {
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const folder = new URL('./print/', ARTIFACTS);
  await mkdir(folder, { recursive: true });
  const pages = [];
  for (let n = 1; n <= document.numPages; n += 1) {
    const sheet = await document.getPage(n);
    const content = await sheet.getTextContent();
    const viewport = sheet.getViewport({ scale: 1 });
    const { canvas, context } = document.canvasFactory.create(viewport.width, viewport.height);
    await sheet.render({ canvasContext: context, viewport, canvas }).promise;
    await writeFile(new URL(`${name}-${n}.png`, folder), canvas.toBuffer('image/png'));
    // Ink within 10 mm of the edge: the page margin is 15 mm, so anything
    // there has run off the layout.
    const band = Math.round((10 / 25.4) * 72);
    const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
    let edgeInk = 0;
    let ink = 0;
    for (let y = 0; y < height; y += 2) {
      for (let x = 0; x < width; x += 2) {
        const i = 4 * (y * width + x);
        const dark = data[i + 3] > 0 && data[i] + data[i + 1] + data[i + 2] < 600;
        if (!dark) continue;
        ink += 1;
        if (x < band || y < band || x >= width - band || y >= height - band) edgeInk += 1;
      }
    }
    // A line's pieces run on (a ligature splits a word into pieces); a line
    // ends in a space.
    const text = squeeze(content.items.map((i) => i.str + (i.hasEOL ? ' ' : '')).join(''));
    pages.push({ n, text, ink, edgeInk });
  }
  return pages;
}

