// Trunk post-build hook (Trunk.toml): moves the inline <script type="module">
// that Trunk writes into index.html to a file of its own, loader-HASH.js, so
// the app runs under a Content-Security-Policy with `script-src 'self'` and
// no inline script. Runs on the staged build, before Trunk moves it to dist/.

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('external-loader: TRUNK_STAGING_DIR is not set; run this as a Trunk hook');
  process.exit(1);
}
const page = path.join(staging, 'index.html');
const html = readFileSync(page, 'utf8');
// Minified or not, Trunk writes exactly one inline module script.
const inline = /<script type="?module"?>([\s\S]*?)<\/script>/g;
const found = [...html.matchAll(inline)];
if (found.length !== 1) {
  console.error(`external-loader: expected one inline module script in index.html, found ${found.length}`);
  process.exit(1);
}
const [whole, code] = found[0];
const digest = (algorithm, encoding) => createHash(algorithm).update(code).digest(encoding);
const name = `loader-${digest('sha256', 'hex').slice(0, 16)}.js`;
writeFileSync(path.join(staging, name), code);
const integrity = `sha384-${digest('sha384', 'base64')}`;
writeFileSync(
  page,
  html.replace(whole, `<script type="module" src="./${name}" integrity="${integrity}"></script>`),
);
console.log(`external-loader: index.html loads ${name} instead of an inline script`);
