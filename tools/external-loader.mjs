// Moves the inline <script type="module"> that Trunk writes into index.html
// to a file of its own, loader-HASH.js, so the app runs under a
// Content-Security-Policy with `script-src 'self'` and no inline script.
// Called by tools/post-build.mjs on the staged build.

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Asks for a consultant's tandem.config.json at once, while the wasm module
 * downloads and compiles, instead of after the app has started; the app
 * takes the answer from here (src/hosting.rs). It never rejects: a failed
 * request is `null`.
 */
export const EARLY_CONFIG_REQUEST =
  "window.tandemConfigFile = fetch('./tandem.config.json').catch(() => null);\n";

/**
 * Rewrites `staging`/index.html to load the loader from a file, with
 * `prepend` (code to run before the app starts) and `append` (code to run
 * once it has started) added to it. Returns the file's name.
 */
export function externaliseLoader(staging, { prepend = EARLY_CONFIG_REQUEST, append = '' } = {}) {
  const page = path.join(staging, 'index.html');
  const html = readFileSync(page, 'utf8');
  // Minified or not, Trunk writes exactly one inline module script.
  const inline = /<script type="?module"?>([\s\S]*?)<\/script>/g;
  const found = [...html.matchAll(inline)];
  if (found.length !== 1) {
    throw new Error(`expected one inline module script in index.html, found ${found.length}`);
  }
  const [whole, trunkCode] = found[0];
  const code = prepend + trunkCode + append;
  const digest = (algorithm, encoding) => createHash(algorithm).update(code).digest(encoding);
  const name = `loader-${digest('sha256', 'hex').slice(0, 16)}.js`;
  writeFileSync(path.join(staging, name), code);
  const integrity = `sha384-${digest('sha384', 'base64')}`;
  writeFileSync(
    page,
    html.replace(whole, `<script type="module" src="./${name}" integrity="${integrity}"></script>`),
  );
  return name;
}
