// The sw.js of a build made without offline use (`cargo xtask serve`): if a
// build served from the same address earlier left Tandem's worker behind,
// the browser finds this one when it checks for an update. It replaces that
// worker at once, deletes its caches and unregisters, so every page from
// then on comes from the server; a page still open says that a new version
// is ready (see register.js).

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const prefix = `tandem:${self.registration.scope}:`;
      for (const name of await caches.keys()) {
        if (name.startsWith(prefix)) await caches.delete(name);
      }
      await self.registration.unregister();
    })(),
  );
});
