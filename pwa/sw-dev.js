// FirstLine's service worker for development builds (`trunk serve`, debug
// profile): `cargo xtask pwa --profile debug` copies this file to sw.js
// instead of generating the caching worker from sw.js.
//
// A development build must show every rebuild at once, so nothing is cached.
// This worker only clears up after a release worker that may have been
// installed on the same address earlier (`cargo xtask serve --release`):
// it takes over at once, deletes that worker's caches and unregisters
// itself. With no fetch handler, every request goes to the network.
// Like the release worker, it never touches localStorage or IndexedDB.

self.addEventListener('install', () => {
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const prefix = 'firstline:' + new URL(self.registration.scope).pathname + ':';
      for (const name of await caches.keys()) {
        if (name.startsWith(prefix)) {
          await caches.delete(name);
        }
      }
      await self.registration.unregister();
    })(),
  );
});
