// `cargo xtask profile`, browser half: opens the first screens of an
// instrumented release build (TANDEM_SPLIT_MODE=instrument, see
// tools/split/build.mjs) and writes the names of the functions they ran to
// tools/first-screen.txt. Split builds keep exactly those in the module that
// a first visit downloads; everything else comes after the first screen.
//
// The first screens: the landing page of a first visit, on its own and
// embedded. Someone coming back to saved answers, or following a link to a
// result, starts elsewhere and has the rest loaded at once (from the offline
// copy, once there is one).

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { distFolder, launchBrowser, serveStatic } from './harness.js';
import { Tandem } from './tandem.js';

const dist = distFolder();
const names = readFileSync(path.join(dist, 'profile-names.txt'), 'utf8').split('\n');
const server = await serveStatic(dist);
const browser = await launchBrowser();
const ran = new Set();

/**
 * Adds the functions the page has run so far to `ran`; returns how many it
 * ran. First it lets the page settle for two frames and a little more, so
 * that what runs just after the first screen (effects, observers, timers)
 * is counted: in a split build the rest arrives only about 50 ms after the
 * first screen, and anything the page runs before then must not need it.
 */
async function record(page) {
  await page.evaluate(
    () =>
      new Promise((settled) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(settled, 200))),
      ),
  );
  const indices = await page.evaluate(() => [...(globalThis.tandemProfile ?? [])]);
  if (indices.length === 0) {
    throw new Error('the page recorded no functions: is TANDEM_DIST an instrumented build?');
  }
  for (const index of indices) {
    if (names[index]) ran.add(names[index]);
  }
  return indices.length;
}

/**
 * How many times each first screen is opened, each in a fresh profile. What
 * runs just after a screen appears depends a little on timing (a timer of
 * Yew's scheduler fires in one load and not in the next), so the list is
 * the union of several loads: one missing function sends the landing page
 * to fetch the rest before its time.
 */
const LOADS = 4;

try {
  for (let load = 1; load <= LOADS; load += 1) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const app = new Tandem(page, server.origin);

    await app.open();
    console.log(`  load ${load}, landing page, first visit: ${await record(page)} functions`);

    await page.goto(`${server.origin}/?embed=1`);
    await app.expectLanding();
    console.log(`  load ${load}, landing page, embedded: ${await record(page)} functions`);

    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

const profile = new URL('../tools/first-screen.txt', import.meta.url);
const header = [
  '# The functions Tandem runs to show its first screens, by name without crate',
  '# hashes: a split release build keeps these in the module a first visit',
  '# downloads (tools/wasm-split). Written by `cargo xtask profile`; run it',
  '# again after changing what the first screen runs.',
];
writeFileSync(profile, [...header, ...[...ran].sort(), ''].join('\n'));
console.log(`profile: ${ran.size} functions written to tools/first-screen.txt`);
