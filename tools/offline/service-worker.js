// Tandem's service worker: it keeps this build's own files so that Tandem
// loads and works with no network after the first visit.
//
// tools/offline/build.mjs writes it into dist/sw.js at build time, after
// three constants:
//   VERSION     a hash of every file of the build and of this code;
//   FILES       every file of the build, relative to sw.js (never another
//               host);
//   SITE_FILES  the files a host may put beside the build or replace
//               without a new build (a consultant's tandem.config.json).
//
// Updates. A new build is a new sw.js, which the browser finds when it checks
// for one (on every visit). The new worker fetches the new files into a cache
// of its own and then waits: the old worker goes on serving every open
// Tandem page, so a page never loads half of one build and half of another.
// The new worker takes over when every Tandem page has closed, or at once
// when the person chooses "Reload" in the notice a page shows (the page then
// sends it 'activate'; see register.js). Taking over, it deletes the caches
// of older builds. Saved data written by a newer Tandem is refused by an
// older one (src/assessment/saved.rs), so a page still running the old build
// never reads it, or writes over it, unawares.

// Caches are per origin, and another copy of Tandem may live under another
// folder of the same host: every name carries this worker's scope.
const PREFIX = `tandem:${self.registration.scope}:`;
const CACHE = PREFIX + VERSION;
// The folder Tandem is served from, such as "/" or "/tools/tandem/".
const ROOT = new URL(self.registration.scope).pathname;
// The site's files (SITE_FILES) and the logo a configuration names change
// without a new build. They are asked of the server first, and its last
// answer (a 404 included: the site has no such file) is kept for when there
// is no network. The configuration, which Tandem asks for on every start
// (CONFIG_FILE in src/app/mod.rs), is kept from the first visit on;
// anything else from its first request through this worker.

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

async function precache() {
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(
      FILES.map(async (file) => {
        // Checked with the server: a copy in the HTTP cache could be older
        // and mix two builds. Where the host sends ETag or Last-Modified
        // (most do), the copy the page itself just loaded is confirmed
        // rather than downloaded a second time.
        const response = await fetch(file, { cache: 'no-cache' });
        if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
        // A host that redirects (say, index.html to the folder) gives a
        // redirected response, which a browser refuses as the answer to a
        // page load; a copy of it is not marked redirected.
        await cache.put(file, response.redirected ? new Response(response.body, response) : response);
      }),
    );
  } catch (error) {
    // Nothing half-kept: the browser tries the whole install again later.
    await caches.delete(CACHE);
    throw error;
  }
  // The first visit asked for these before this worker was there.
  await Promise.all(SITE_FILES.map((file) => latest(file, cache).catch(() => undefined)));
}

// The server's answer for a site file, kept when it says what the site has
// (the file, or that there is none); the kept answer when the network fails.
async function latest(file, cache, request = new Request(file, { cache: 'no-cache' })) {
  try {
    const response = await fetch(request);
    if (response.ok || response.status === 404 || response.status === 410) {
      await cache.put(file, response.clone());
    }
    return response;
  } catch (error) {
    const kept = await cache.match(file);
    if (kept) return kept;
    throw error;
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      // The first visit's page, loaded before there was a worker, comes
      // under this one, so it already works offline.
      await self.clients.claim();
    })(),
  );
});

// The page's "Reload" on "A new version of Tandem is ready".
self.addEventListener('message', (event) => {
  if (event.data === 'activate') self.skipWaiting();
});

// Cache first for the build's own files; network first for other files of
// the app's folder. Everything else (another host, another folder of this
// host, a page of the folder that is not Tandem's, anything but GET) is left
// to the browser, exactly as if there were no worker.
self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (!url.pathname.startsWith(ROOT)) return;
  // The folder itself is the app's page; a query (?embed) changes no file.
  const file = url.pathname.slice(ROOT.length) || 'index.html';
  if (FILES.includes(file)) {
    event.respondWith(cached(file, request));
  } else if (request.mode !== 'navigate') {
    event.respondWith(caches.open(CACHE).then((cache) => latest(file, cache, request)));
  }
});

async function cached(file, request) {
  const cache = await caches.open(CACHE);
  // The browser may have evicted the cache under storage pressure: then
  // the network, as on a first visit.
  return (await cache.match(file)) ?? fetch(request);
}
