// The build-time half of offline use (tools/offline/build.mjs), without a
// browser: which files the service worker keeps, when its version changes,
// and the sw.js the release build in TANDEM_DIST actually has.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { distFolder } from '../harness.js';
import {
  SITE_FILES,
  WORKER,
  buildFiles,
  cacheVersion,
  registration,
  serviceWorker,
  shipped,
  writeServiceWorker,
} from '../../tools/offline/build.mjs';

const scratch = mkdtempSync(path.join(tmpdir(), 'tandem-offline-build-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A made-up build folder with `files` (name to contents). */
function build(name, files) {
  const dir = path.join(scratch, name);
  for (const [file, contents] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), contents);
  }
  return dir;
}

/** The VERSION and FILES a generated sw.js declares. */
function declared(workerText) {
  const version = workerText.match(/^const VERSION = (".*");$/m);
  const files = workerText.match(/^const FILES = (\[.*\]);$/m);
  assert.ok(version && files, 'sw.js starts by declaring VERSION and FILES');
  return { version: JSON.parse(version[1]), files: JSON.parse(files[1]) };
}

test("the worker keeps every file of the build, sorted, and never itself or the site's own files", () => {
  const dir = build('files', {
    'index.html': '<!doctype html>',
    'app-1.css': 'body {}',
    'tandem-1_bg.wasm': 'wasm',
    'nested/part.js': 'export {}',
    'tandem.config.json': 'null',
    [WORKER]: 'an older worker',
  });
  assert.deepEqual(buildFiles(dir), ['app-1.css', 'index.html', 'nested/part.js', 'tandem-1_bg.wasm']);
});

test("the version changes with any file's name or contents and with the worker's code", () => {
  const files = { 'index.html': 'one', 'a.js': 'two' };
  const versionOf = (dir, code = 'worker') => cacheVersion(dir, buildFiles(dir), code);
  const first = versionOf(build('v1', files));
  assert.match(first, /^[0-9a-f]{16}$/);
  assert.equal(versionOf(build('v1-again', files)), first, 'the same build, the same version');
  assert.notEqual(versionOf(build('changed', { ...files, 'a.js': 'three' })), first);
  assert.notEqual(versionOf(build('renamed', { 'index.html': 'one', 'b.js': 'two' })), first);
  assert.notEqual(versionOf(build('added', { ...files, 'c.css': '' })), first);
  assert.notEqual(versionOf(build('v1-code', files), 'new worker'), first);
});

test('sw.js declares the version and the files, then the worker code follows', () => {
  const text = serviceWorker('0123456789abcdef', ['index.html', 'a.js'], '// the worker\n');
  assert.equal(
    text,
    'const VERSION = "0123456789abcdef";\nconst FILES = ["index.html","a.js"];\n' +
      'const SITE_FILES = ["tandem.config.json"];\n\n// the worker\n',
  );
  const dir = build('written', { 'index.html': 'x', 'a.js': 'y' });
  const written = writeServiceWorker(dir);
  const worker = readFileSync(path.join(dir, WORKER), 'utf8');
  assert.deepEqual(declared(worker), { version: written.version, files: ['a.js', 'index.html'] });
  // Writing again over its own sw.js gives the same worker.
  writeServiceWorker(dir);
  assert.equal(readFileSync(path.join(dir, WORKER), 'utf8'), worker);
});

test('what visitors download leaves out the comments and says where they are', () => {
  const code = '// Why this works.\nconst a = 1;\n\n  // And this.\n  if (a) go(\'http://x\');\n';
  assert.equal(shipped(code, 'tools/x.js'), "// Tandem: tools/x.js (commented there).\nconst a = 1;\n  if (a) go('http://x');\n");
});

test('without offline use, sw.js only retires an earlier worker', () => {
  const dir = build('serve', { 'index.html': 'x' });
  assert.deepEqual(writeServiceWorker(dir, { offline: false }), { offline: false, files: [], version: null });
  const worker = readFileSync(path.join(dir, WORKER), 'utf8');
  assert.doesNotMatch(worker, /FILES|addEventListener\('fetch'/);
  assert.match(worker, /unregister\(\)/);
});

test("the worker primes the configuration file the app asks for on every start", () => {
  const app = readFileSync(new URL('../../src/hosting.rs', import.meta.url), 'utf8');
  const asked = app.match(/pub const CONFIG_FILE: &str = "([^"]+)";/)[1];
  assert.deepEqual(SITE_FILES, [asked]);
  // The build ships that file, saying "no configuration".
  assert.equal(readFileSync(path.join(distFolder(), asked), 'utf8').trim(), 'null');
});

test('the release build registers its worker and keeps exactly its own files', () => {
  const dist = distFolder();
  const worker = readFileSync(path.join(dist, WORKER), 'utf8');
  const { version, files } = declared(worker);
  assert.deepEqual(files, buildFiles(dist));
  for (const kind of [/^index\.html$/, /^loader-.*\.js$/, /^tandem-.*_bg\.wasm$/, /^tandem-.*\.js$/, /^app-.*\.css$/]) {
    assert.ok(files.some((file) => kind.test(file)), `${kind} is kept`);
  }
  assert.ok(files.every((file) => !file.includes(':') && !file.startsWith('/')), 'no other host, no absolute path');
  assert.equal(version, cacheVersion(dist, files, worker.slice(worker.indexOf('\n\n') + 2)));
  // The loader, loaded by index.html, ends with the registration.
  const index = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const loader = index.match(/<script type="module" src="\.\/(loader-[0-9a-f]+\.js)"/)[1];
  assert.ok(readFileSync(path.join(dist, loader), 'utf8').endsWith(registration()));
});
