// Build-time half of offline use, called by tools/post-build.mjs on the
// staged build: the page code that registers the service worker, and sw.js
// itself with the build's file list and version. Pure functions apart from
// the file reads and the one write, so e2e/tests/offline-build.test.js can
// check them without a browser.

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const read = (name) => readFileSync(new URL(name, import.meta.url), 'utf8');

/**
 * `code` without its whole-line comments and blank lines: what visitors
 * download, with a first line that says where the commented source is. (The
 * sources here put no comment after code on a line.)
 */
export function shipped(code, source) {
  const lines = code.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('//'));
  return [`// Tandem: ${source} (commented there).`, ...lines, ''].join('\n');
}

/** The worker's file name, at the root of the build so its scope is the app's folder. */
export const WORKER = 'sw.js';

/** What the loader runs after the app has started: registers WORKER. */
export const registration = () => `\n${shipped(read('./register.js'), 'tools/offline/register.js')}`;

/** The worker's code, as shipped after its VERSION and FILES. */
const workerCode = () => shipped(read('./service-worker.js'), 'tools/offline/service-worker.js');

/**
 * Files a host may put beside the build, or replace, without a new build: a
 * consultant's tandem.config.json. The build ships one holding `null` (no
 * configuration, site/tandem.config.json), so a site without its own
 * answers that request with the file, never a 404. The worker asks the
 * server for these first and keeps its last answer for when there is no
 * network, so they are not among the build's files it keeps.
 */
export const SITE_FILES = ['tandem.config.json'];

/**
 * Every file of the build in `dir`, relative to it with `/` separators and
 * sorted: what the worker keeps. The worker itself is never among them (the
 * browser fetches it afresh to look for updates), nor the site's files.
 */
export function buildFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join('/'))
    .filter((file) => file !== WORKER && !SITE_FILES.includes(file))
    .sort();
}

/**
 * The build's version: a hash of every file's name and contents and of the
 * worker's code, so any change to what a visitor runs makes a new cache.
 */
export function cacheVersion(dir, files, workerCode) {
  const hash = createHash('sha256');
  for (const file of files) {
    const contents = createHash('sha256').update(readFileSync(path.join(dir, file))).digest('hex');
    hash.update(`${file}\0${contents}\n`);
  }
  hash.update(workerCode);
  return hash.digest('hex').slice(0, 16);
}

/** sw.js for a build: its version and files, then the worker's code. */
export function serviceWorker(version, files, code = workerCode()) {
  return (
    `const VERSION = ${JSON.stringify(version)};\nconst FILES = ${JSON.stringify(files)};\n` +
    `const SITE_FILES = ${JSON.stringify(SITE_FILES)};\n\n${code}`
  );
}

/**
 * Writes sw.js into the build in `dir`: with `offline` the worker that keeps
 * the build's files, otherwise the one that retires any worker an earlier
 * build left behind. Returns what it wrote.
 */
export function writeServiceWorker(dir, { offline = true } = {}) {
  if (!offline) {
    writeFileSync(path.join(dir, WORKER), shipped(read('./retire.js'), 'tools/offline/retire.js'));
    return { offline, files: [], version: null };
  }
  const code = workerCode();
  const files = buildFiles(dir);
  const version = cacheVersion(dir, files, code);
  writeFileSync(path.join(dir, WORKER), serviceWorker(version, files, code));
  return { offline, files, version };
}
