// The release build's sizes, and the one place that says which files a first
// visit downloads before its first screen and how much that may weigh.
//
// `cargo xtask build` prints the table (node tools/sizes.mjs dist);
// `cargo xtask test` adds --check, which fails when the first screen is over
// its budget; `cargo xtask bench` prints the same table (e2e/bench.js).
// Bytes are deterministic, so the budget may be a test; timings are not and
// stay in the benchmark.
//
// gzip -9 is what the budget counts: it is what every static host serves.
// Brotli 11 is shown beside it for hosts that compress better.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

/** Everything the first screen needs, gzip -9, at most (bytes). */
export const FIRST_SCREEN_BUDGET = 140_000;

/**
 * What part of a visit downloads a file of the build: `first` before the
 * first screen; `after` once it is showing (the rest of the code, fetched by
 * tools/split/loader.js, and the service worker, registered by
 * tools/offline/register.js); `language` only when a person reads Tandem in
 * that language (lang/de.json: English is in the first module); `demo`
 * never (the embed demo ships beside Tandem for people to try).
 */
export function partOf(name) {
  const base = path.basename(name);
  if (base.startsWith('embed-demo.')) return 'demo';
  if (/^lang[/\\][a-z]+\.json$/.test(name)) return 'language';
  if (/^rest-[0-9a-f]+\.wasm$|^sw\.js$/.test(base)) return 'after';
  return 'first';
}

/** Each file of `dist` with its raw, gzip -9 and brotli 11 sizes, and the totals. */
export async function measure(dist) {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dist, path.join(entry.parentPath ?? entry.path, entry.name)))
    .sort();
  const files = [];
  const totals = { first: [0, 0, 0], after: [0, 0, 0], language: [0, 0, 0], demo: [0, 0, 0] };
  for (const name of names) {
    const content = await readFile(path.join(dist, name));
    const sizes = [
      content.length,
      zlib.gzipSync(content, { level: 9 }).length,
      zlib.brotliCompressSync(content, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }).length,
    ];
    const part = partOf(name);
    sizes.forEach((n, i) => (totals[part][i] += n));
    files.push({ name, part, sizes });
  }
  const whole = totals.first.map((n, i) => n + totals.after[i]);
  return { files, firstScreen: totals.first, whole };
}

const bytes = (n) => `${n.toLocaleString('en-GB')} B`;

/** Rows of text, the first column left-aligned and the others right-aligned. */
export function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  const lines = [];
  for (const [index, row] of rows.entries()) {
    const cells = row.map((cell, column) =>
      column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]),
    );
    lines.push(`  ${cells.join('  ')}`);
    if (index === 0) lines.push(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  }
  return lines.join('\n');
}

/** The table of `measure`'s figures, as printed by build and bench. */
export function report({ files, firstScreen, whole }) {
  const rows = [['file', 'raw', 'gzip -9', 'brotli 11']];
  for (const { name, part, sizes } of files) {
    const label = {
      first: name,
      after: `${name} (after the first screen)`,
      language: `${name} (only in that language)`,
      demo: `(${name}, not loaded)`,
    }[part];
    rows.push([label, ...sizes.map(bytes)]);
  }
  rows.push(['first screen', ...firstScreen.map(bytes)]);
  rows.push(['whole app', ...whole.map(bytes)]);
  return (
    'Release build sizes ("first screen" is everything a first visit loads before its first screen;' +
    ' "whole app" adds what it fetches after):\n' +
    table(rows)
  );
}

/** The budget's verdict on `firstScreen`, and whether it holds. */
export function budget(firstScreen) {
  const gzip = firstScreen[1];
  const held = gzip <= FIRST_SCREEN_BUDGET;
  const line = `first screen: ${bytes(gzip)} gzip -9, budget ${bytes(FIRST_SCREEN_BUDGET)}`;
  return {
    held,
    message: held
      ? `${line}: within it by ${bytes(FIRST_SCREEN_BUDGET - gzip)}`
      : `${line}: over it by ${bytes(gzip - FIRST_SCREEN_BUDGET)}. ` +
        'Find what grew with `cargo xtask build` before and after the change; code the landing ' +
        'page does not run belongs in the rest (run `cargo xtask profile`), and a new dependency ' +
        'may have a smaller alternative. Raise FIRST_SCREEN_BUDGET in tools/sizes.mjs only as a ' +
        'decision, with the reason in the commit.',
  };
}

// As a command: node tools/sizes.mjs DIST [--check]
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dist, flag] = process.argv.slice(2);
  if (!dist || (flag && flag !== '--check')) {
    console.error('usage: node tools/sizes.mjs DIST [--check]');
    process.exit(2);
  }
  try {
    const figures = await measure(dist);
    console.log(report(figures));
    const verdict = budget(figures.firstScreen);
    console.log(verdict.message);
    if (flag === '--check' && !verdict.held) process.exit(1);
  } catch (error) {
    console.error(`sizes: cannot measure ${dist}: ${error.message}`);
    process.exit(1);
  }
}
