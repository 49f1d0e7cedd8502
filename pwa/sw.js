// FirstLine's service worker: it keeps a copy of the whole app and its
// content so FirstLine works offline after the first visit.
//
// This file is a template. `cargo xtask pwa DIR` (a post-build hook in
// Trunk.toml) fills in the two placeholders below from the files trunk built
// and writes the result to DIR/sw.js. Edit this template, never the output.
//
// What it never does: touch localStorage or IndexedDB. Progress lives in
// localStorage, and no version of the app may clear it.

// A hash of every precached file (and of this template): a new build gets a
// new version, so its files go into a fresh cache and never mix with the old.
const VERSION = '__FIRSTLINE_VERSION__';

// Every file the app can need, relative to the worker's scope (so the site
// also works under a sub-path). "./" is the app shell, index.html.
const PRECACHE = /* __FIRSTLINE_PRECACHE__ */ [];

// Where the worker is installed, e.g. "https://example.org/firstline/".
const SCOPE = self.registration.scope;

// Cache names carry the scope's path so two FirstLine sites on one origin
// never delete each other's caches, and the version so each build has its own.
const PREFIX = 'firstline:' + new URL(SCOPE).pathname + ':';
const CACHE = PREFIX + VERSION;

// The single-page app's shell: every page is index.html plus client routing.
const SHELL = new URL('./', SCOPE).href;

// How long a page navigation waits for the network before the cached shell
// is used instead: long enough for a slow connection, short enough that a
// dead one (captive portal, "lie-fi") does not leave a blank screen.
const NAVIGATION_TIMEOUT_MS = 3000;

// Paths whose network responses are worth keeping for offline use if they
// were somehow not precached (for example content added between builds).
const RUNTIME_CACHED = [new URL('content/', SCOPE).href, new URL('pkg/', SCOPE).href];

self.addEventListener('install', (event) => {
  // `cache: 'reload'` skips the browser's HTTP cache, so a new version never
  // precaches a stale copy of a file that kept its name (pkg/*.js, content).
  // addAll is all-or-nothing: if one file fails, this version does not
  // install and the previous one keeps working.
  //
  // No skipWaiting() here: while an older version controls open pages, this
  // one waits until the user chooses "Reload to update" (see register.js), so
  // a page never runs old code against new files.
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(PRECACHE.map((path) => new Request(new URL(path, SCOPE), { cache: 'reload' }))),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Delete the caches of older FirstLine versions in this scope only;
      // other caches on the origin are not ours to touch.
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) {
          await caches.delete(name);
        }
      }
      // Take control of pages opened before the worker existed (the first
      // visit), so they work offline without a reload.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  // The page's "Reload to update" button: stop waiting and take over.
  if (event.data && event.data.type === 'skip-waiting') {
    self.skipWaiting();
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  // Only GETs for this site; anything else goes to the network untouched.
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) {
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(navigate(request));
  } else {
    event.respondWith(cacheFirst(event));
  }
});

// Pages: the network first, so an online visit sees the newest index.html;
// offline, or when the network is too slow, the cached shell, whatever the
// path and query (/practice/session?x=1 is index.html plus routing).
async function navigate(request) {
  const network = fetch(request);
  // A late network answer is dropped; this avoids an unhandled rejection.
  network.catch(() => {});
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(resolve, NAVIGATION_TIMEOUT_MS);
  });
  try {
    const response = await Promise.race([network, timeout]);
    if (response) {
      return response;
    }
  } catch (error) {
    // Offline: fall through to the shell.
  } finally {
    clearTimeout(timer);
  }
  const cached = await caches.match(SHELL, { cacheName: CACHE });
  // With no cached shell (should not happen once installed), let the
  // network answer or fail as it would without a worker.
  return cached || network;
}

// Everything else: this version's cache first, so the code and content a
// page runs always belong together; the network for anything not cached.
async function cacheFirst(event) {
  const request = event.request;
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) {
    return cached;
  }
  const response = await fetch(request);
  if (response.ok && RUNTIME_CACHED.some((prefix) => request.url.startsWith(prefix))) {
    // Keep a copy for next time offline while the page reads the original;
    // waitUntil keeps the worker alive until the copy is stored.
    event.waitUntil(cache.put(request, response.clone()).catch(() => {}));
  }
  return response;
}
