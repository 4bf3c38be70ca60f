// The test harness: a static file server for the release build (dist/), the
// system Chromium driven by playwright-core, and a fresh browser context per
// journey that records anything the app must never do (ask another host for
// anything, throw, log an error, or request a file the build lacks).
//
// A test file can also have pages of another site that embed Tandem served
// beside it (see useTandem's `hostPages`).
//
// Environment:
//   TANDEM_DIST  absolute path of the release build folder (required)
//   CHROMIUM     the Chromium binary (default /usr/bin/chromium)

import { after, before } from 'node:test';
import { createReadStream, existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

/** Content types of the files a Trunk build contains; anything else is 404. */
export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

/** Content types of the extra files a test may serve beside the build. */
const EXTRA_TYPES = { ...CONTENT_TYPES, '.png': 'image/png' };

/**
 * The file a consultant may put beside the app. Tandem asks for it on every
 * start; the build ships one holding `null` (no configuration), which a
 * test replaces by serving its own.
 */
export const CONFIG_FILE = '/tandem.config.json';

/** Where screenshots of failed journeys go (ignored by git). */
export const ARTIFACTS = new URL('./artifacts/', import.meta.url);

/**
 * The release build folder from TANDEM_DIST, checked; throws a message that
 * says what to do when it is missing.
 */
export function distFolder() {
  const dist = process.env.TANDEM_DIST;
  if (!dist) {
    throw new Error(
      'TANDEM_DIST is not set. Set it to the absolute path of the release build folder, e.g.\n' +
        '  cargo xtask build && TANDEM_DIST=$PWD/dist node --test --test-concurrency=1 e2e/tests/',
    );
  }
  const root = path.resolve(dist);
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(
      `TANDEM_DIST=${dist} has no index.html: build the app first with \`cargo xtask build\` ` +
        '(or `trunk build --release`) and point TANDEM_DIST at its dist/ folder.',
    );
  }
  return root;
}

/** Where Tandem is served. */
export const APP_ADDRESS = '127.0.0.1';
/**
 * Where pages that embed Tandem are served: another loopback address, so
 * another origin and another site, as a blog embedding Tandem would be.
 */
export const HOST_ADDRESS = '127.0.0.2';

/**
 * The security headers the README recommends, sent with every file of the
 * app: every journey runs under this strict policy, and a violation is a
 * console error that fails it. Only `frame-ancestors` differs, to let the
 * test pages on HOST_ADDRESS embed Tandem.
 */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "frame-src 'self'",
    "base-uri 'self'",
    "form-action 'none'",
    `frame-ancestors 'self' http://${HOST_ADDRESS}:*`,
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
};

/**
 * Serves `root` on `address` (default 127.0.0.1) at an ephemeral port, with
 * `headers` on every file. GET and HEAD only; "/" is index.html; unknown
 * types, missing files and anything outside `root` are 404. `files` maps a
 * path (such as '/tandem.config.json') to extra contents (text or a Buffer)
 * served as if it were beside the build, the way a host adds files to the
 * dist/ folder. `folders` lists sub-paths (such as '/tandem-a/') that serve
 * the same build again, as two copies of Tandem deployed on one host would
 * be. Resolves to `{ origin, requests, serve(folder), unreachable(flag),
 * close() }`: `requests` lists the path of every request received, in
 * order; `serve(folder)` serves another folder from then on (a new deploy,
 * say); while `unreachable(true)` holds, every request is still listed but
 * its connection is dropped unanswered, as for a device with no network.
 * (Chromium's offline emulation, which `context.setOffline` sets, covers a
 * page's own requests but not, in every version, those its service worker
 * makes.) With `compress`, the build's files go gzip -9 to a browser that
 * accepts it, as a web host sends them (the benchmark's Lighthouse runs).
 */
export async function serveStatic(
  root,
  { address = APP_ADDRESS, headers = {}, files = {}, folders = [], compress = false } = {},
) {
  const requests = [];
  let folder = root;
  let down = false;
  const server = http.createServer((request, response) => {
    requests.push(request.url);
    if (down) {
      request.socket.destroy();
      return;
    }
    const mount = folders.find((f) => request.url?.startsWith(f));
    if (mount) {
      request.url = request.url.slice(mount.length - 1);
    }
    const extra = request.url?.split(/[?#]/, 1)[0];
    if (Object.hasOwn(files, extra) && (request.method === 'GET' || request.method === 'HEAD')) {
      const body = Buffer.from(files[extra]);
      response.writeHead(200, {
        ...headers,
        'Content-Type': EXTRA_TYPES[path.extname(extra).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    respond(folder, request, response, headers, compress).catch((error) => {
      if (!response.headersSent) {
        response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      }
      response.end(`500 ${error.message}\n`);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, address, resolve);
  });
  const { port } = server.address();
  return {
    origin: `http://${address}:${port}`,
    requests,
    serve: (another) => {
      folder = path.resolve(another);
    },
    unreachable: (flag) => {
      down = flag;
      if (flag) server.closeAllConnections();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function respond(root, request, response, headers, compress) {
  const fail = (status, text) => {
    response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end(request.method === 'HEAD' ? undefined : `${status} ${text}\n`);
  };
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return fail(405, 'Method Not Allowed');
  }
  // Only the path, without query or fragment; decoded once.
  const rawPath = (request.url ?? '/').split(/[?#]/, 1)[0];
  let decoded;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return fail(400, 'Bad Request');
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) {
    return fail(404, 'Not Found');
  }
  // Refuse traversal outright rather than normalising it away.
  if (decoded.split('/').some((segment) => segment === '..')) {
    return fail(404, 'Not Found');
  }
  const relative = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const file = path.resolve(root, `.${relative}`);
  if (file !== root && !file.startsWith(root + path.sep)) {
    return fail(404, 'Not Found');
  }
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()];
  if (!type) {
    return fail(404, 'Not Found');
  }
  let info;
  try {
    info = await stat(file);
  } catch {
    return fail(404, 'Not Found');
  }
  if (!info.isFile()) {
    return fail(404, 'Not Found');
  }
  const kept = {
    ...headers,
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
  if (compress && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
    const body = gzipSync(await readFile(file), { level: 9 });
    response.writeHead(200, { ...kept, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding', 'Content-Length': body.length });
    response.end(request.method === 'HEAD' ? undefined : body);
    return;
  }
  response.writeHead(200, { ...kept, 'Content-Length': info.size });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  const stream = createReadStream(file);
  stream.pipe(response);
  await new Promise((resolve, reject) => {
    stream.once('end', resolve);
    stream.once('error', reject);
  });
}

/** Chromium's flags for every run: headless-friendly, nothing that phones home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** The system Chromium from CHROMIUM (default /usr/bin/chromium). */
export const chromiumPath = () => process.env.CHROMIUM || '/usr/bin/chromium';

/** The system Chromium, headless, with nothing that phones home. */
export function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...extraArgs, ...CHROMIUM_ARGS],
  });
}

/**
 * Registers `before`/`after` hooks for one test file: starts the server
 * (serving `files` beside the build and the build again at each of
 * `folders`, see serveStatic) and the browser once, and returns `{ origin, hostOrigin, journey }` where
 * `journey(t, body)` runs `body({ page, context, origin, hostOrigin,
 * problems, freshContext })` in a fresh browser context (fresh storage) and
 * then asserts that nothing left the browser and nothing went wrong in the
 * page. With `hostPages`, a function from Tandem's origin to pages
 * (`{ 'name.html': html }`), those pages are served from HOST_ADDRESS at
 * `hostOrigin`, which the guard lets through as well.
 * `freshContext()` opens another fresh, equally guarded context and resolves
 * to `{ context, page }`; it is closed with the journey. `freshBrowser(args)`
 * does the same in a separate browser launched with the extra Chromium
 * `args` (closed with the journey too). `server` is the app's server (see
 * serveStatic), for a test that watches its requests or deploys another build.
 *
 * Journeys run with service workers blocked, so that every page load comes
 * from the server; `journey(t, body, { serviceWorkers: 'allow' })` lets
 * Tandem's worker run, for offline use. Every context's browser prefers
 * British English, whatever the machine's own locale, unless a journey
 * names another (`{ locale: 'de-DE' }`), which sets `navigator.languages`.
 */
export function useTandem({ hostPages, files = {}, folders = [] } = {}) {
  const root = distFolder();
  const state = { server: null, host: null, hostFolder: null, browser: null };

  before(async () => {
    state.server = await serveStatic(root, { headers: SECURITY_HEADERS, files, folders });
    if (hostPages) {
      state.hostFolder = await mkdtemp(path.join(tmpdir(), 'tandem-host-'));
      for (const [name, html] of Object.entries(hostPages(state.server.origin))) {
        await writeFile(path.join(state.hostFolder, name), html);
      }
      state.host = await serveStatic(state.hostFolder, { address: HOST_ADDRESS });
    }
    state.browser = await launchBrowser();
  });
  after(async () => {
    await state.browser?.close();
    await state.host?.close();
    await state.server?.close();
    if (state.hostFolder) {
      await rm(state.hostFolder, { recursive: true, force: true });
    }
  });

  /**
   * A fresh browser context (fresh storage) with its first page, guarded:
   * a request for another host is refused, and it, page errors, console
   * errors and failed responses are recorded in `problems`.
   */
  async function guardedContext(problems, browser = state.browser, serviceWorkers = 'block', locale = 'en-GB') {
    const { origin } = state.server;
    const allowed = new Set([state.server.origin, state.host?.origin].filter(Boolean));
    const context = await browser.newContext({
      viewport: { width: 1024, height: 800 },
      serviceWorkers,
      locale,
    });
    context.setDefaultTimeout(15_000);
    const blocked = new Set();
    // Every request the page makes goes through here: the app's own files
    // (and the test's host pages) pass, anything for another host is refused
    // and recorded.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (allowed.has(new URL(url).origin)) {
        return route.continue();
      }
      problems.offHost.push(url);
      blocked.add(url);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.on('websocket', (socket) => problems.offHost.push(socket.url()));
    page.on('pageerror', (error) => problems.pageErrors.push(String(error)));
    page.on('console', (message) => {
      // A blocked request is already reported, as a request to another host.
      const url = message.location().url;
      if (message.type() === 'error' && !blocked.has(url)) {
        problems.consoleErrors.push(message.text());
      }
    });
    // No request fails, the configuration file's included: the build ships
    // one that says "no configuration" (site/tandem.config.json).
    page.on('response', (response) => {
      if (response.status() >= 400) {
        problems.failedResponses.push(`${response.status()} ${response.url()}`);
      }
    });
    return { context, page };
  }

  async function journey(t, body, { serviceWorkers = 'block', locale = 'en-GB' } = {}) {
    const { origin } = state.server;
    const hostOrigin = state.host?.origin;
    const problems = {
      offHost: [],
      pageErrors: [],
      consoleErrors: [],
      failedResponses: [],
    };
    const { context, page } = await guardedContext(problems, state.browser, serviceWorkers, locale);
    const others = [];
    // Another fresh profile in the same journey (a second device, say), under
    // the same guard; closed with the journey.
    const freshContext = async ({ locale: otherLocale } = {}) => {
      const other = await guardedContext(problems, state.browser, 'block', otherLocale);
      others.push(other.context);
      return other;
    };
    // A fresh profile in a browser of its own, launched with `extraArgs`
    // (a fake camera, say); same guard, closed with the journey.
    const browsers = [];
    const freshBrowser = async (extraArgs) => {
      const browser = await launchBrowser(extraArgs);
      browsers.push(browser);
      const other = await guardedContext(problems, browser);
      others.push(other.context);
      return other;
    };

    try {
      await body({ page, context, origin, hostOrigin, problems, freshContext, freshBrowser });
      assertClean(problems);
    } catch (error) {
      await screenshot(page, t.name);
      if (error.code !== 'ERR_TANDEM_NOT_CLEAN') {
        // What the page did wrong often explains why a step failed.
        try {
          assertClean(problems);
        } catch (unclean) {
          error.message += `\n(also: ${unclean.message})`;
        }
      }
      throw error;
    } finally {
      for (const other of others) await other.close();
      for (const browser of browsers) await browser.close();
      await context.close();
    }
  }

  return {
    get origin() {
      return state.server.origin;
    },
    get hostOrigin() {
      return state.host?.origin;
    },
    get server() {
      return state.server;
    },
    journey,
  };
}

/** Fails, listing everything recorded, unless the journey stayed clean. */
export function assertClean(problems) {
  const lines = [
    ...problems.offHost.map((u) => `request to another host: ${u}`),
    ...problems.pageErrors.map((e) => `uncaught error in the page: ${e}`),
    ...problems.consoleErrors.map((e) => `console error: ${e}`),
    ...problems.failedResponses.map((r) => `failed response: ${r}`),
  ];
  if (lines.length > 0) {
    const error = new Error(`the journey was not clean:\n  ${lines.join('\n  ')}`);
    error.code = 'ERR_TANDEM_NOT_CLEAN';
    throw error;
  }
}

async function screenshot(page, name) {
  try {
    const dir = fileURLToPath(ARTIFACTS);
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}.png`);
    await page.screenshot({ path: file, fullPage: true, timeout: 5_000 });
    process.stderr.write(`  screenshot of the failure: ${file}\n`);
  } catch {
    // The page may be gone; the assertion's own message is what matters.
  }
}
