// The harness itself: the static server serves the build with the right types
// and nothing else, and the off-host guard really catches a request.

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import http from 'node:http';
import { test } from 'node:test';
import { CONTENT_TYPES, SECURITY_HEADERS, assertClean, distFolder, useTandem } from '../harness.js';
import { Tandem } from '../tandem.js';

const tandem = useTandem();

/** A raw GET, with the path sent exactly as given (no URL normalisation). */
function get(origin, path) {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const request = http.get({ hostname, port, path }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode,
          type: response.headers['content-type'],
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
    });
    request.on('error', reject);
  });
}

test('the server serves dist/ with the right content types and refuses the rest', async () => {
  const origin = tandem.origin;
  const files = readdirSync(distFolder());
  const index = await get(origin, '/');
  assert.equal(index.status, 200);
  assert.equal(index.type, CONTENT_TYPES['.html']);
  assert.match(index.body.toString(), /<html/i);

  for (const ext of ['.wasm', '.js', '.css']) {
    const file = files.find((f) => f.endsWith(ext));
    assert.ok(file, `the build has a ${ext} file`);
    const response = await get(origin, `/${file}`);
    assert.equal(response.status, 200, file);
    assert.equal(response.type, CONTENT_TYPES[ext], file);
  }
  const wasm = files.find((f) => f.endsWith('.wasm'));
  const module = await get(origin, `/${wasm}`);
  assert.deepEqual([...module.body.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d], 'wasm magic number');

  for (const path of [
    '/no-such-file.js',
    '/../Cargo.toml',
    '/..%2fCargo.toml',
    '/%2e%2e/Cargo.toml',
    '/%2e%2e%2f%2e%2e%2fetc/passwd',
    '/..\\Cargo.toml',
    '/index.html%00.js',
  ]) {
    const response = await get(origin, path);
    assert.equal(response.status, 404, `${path} is refused`);
  }
  assert.equal((await get(origin, '/%E0%A4%A')).status, 400, 'a malformed path is refused');
});

test('the guard records and blocks a request to another host', async (t) => {
  await tandem.journey(t, async ({ page, origin, problems }) => {
    const app = new Tandem(page, origin);
    await app.open();
    assert.deepEqual(problems.offHost, [], 'the app itself asked no other host');
    // The page's own policy stops a script's requests first (see below); a
    // navigation is what the policy leaves to the guard.
    const outcome = await page.goto('http://example.com/collect').then(
      () => 'sent',
      () => 'blocked',
    );
    assert.equal(outcome, 'blocked');
    assert.deepEqual(problems.offHost, ['http://example.com/collect']);
    assert.throws(() => assertClean(problems), /request to another host: http:\/\/example\.com\/collect/);
    // Clean up what this test caused on purpose, so the journey ends clean.
    problems.offHost.length = 0;
  });
});

test('every journey runs under the strict policy, and a violation makes it unclean', async (t) => {
  await tandem.journey(t, async ({ page, origin, problems }) => {
    const index = await get(origin, '/');
    assert.equal(index.headers['content-security-policy'], SECURITY_HEADERS['Content-Security-Policy']);
    const app = new Tandem(page, origin);
    await app.open();
    assert.deepEqual(problems.consoleErrors, [], 'the app itself broke no rule');
    // What the policy exists to stop: inline script and inline style.
    const refused = page.waitForEvent('console', (m) => /Content Security Policy/.test(m.text()));
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.append(script);
      document.body.setAttribute('style', 'background: red');
      return { script: window.inlineRan === true, style: document.body.style.background };
    });
    assert.deepEqual(ran, { script: false, style: '' });
    await refused;
    assert.throws(() => assertClean(problems), /console error: .*Content Security Policy/);
    problems.consoleErrors.length = 0;
  });
});
