// Offline revisits. Registered by boot.js from the base path, so its scope is the app's own
// folder (e.g. /some-repo/) and nothing else on the host.
//
// scripts/postprocess-dist.mjs replaces the two placeholders below in the release build: the
// list of every file of this deploy (app shell, JS, Wasm, CSS, data files) and a version made
// from their contents. A deploy that changes any byte changes this file, so the browser
// installs the new worker, which caches the new deploy complete under its own name before it
// takes over; the old cache is deleted only then.
//
// No stale mix: the page itself and the unhashed files (data/*) are fetched from the network
// first, so an online reader always gets the current deploy; the cache only answers when the
// network does not, and then it answers from one complete deploy. Hashed files (name-<16 hex>.
// js/wasm/css) never change under their name, so they are served from the cache first.
'use strict';

const VERSION = '__EXPLORER_VERSION__';
const FILES = '__EXPLORER_FILES__';
const CACHE = 'explorer-' + VERSION;
const SCOPE = new URL(self.registration.scope);
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

self.addEventListener('install', event => {
  // A worker whose placeholders were not filled in (not a release build) caches nothing.
  if (!Array.isArray(FILES)) return;
  // cache: 'reload' skips the HTTP cache, which may still hold the previous deploy's page.
  const requests = FILES.map(file => new Request(new URL(file, SCOPE), { cache: 'reload' }));
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(requests)));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys().then(names => Promise.all(
    names.filter(name => name.startsWith('explorer-') && name !== CACHE).map(name => caches.delete(name)))));
});

/** The cached copy: any URL of the page itself (its query is the view) is the app shell. */
function fromCache(request) {
  if (request.mode === 'navigate') return caches.match(SCOPE.href, { cacheName: CACHE });
  return caches.match(request, { cacheName: CACHE, ignoreSearch: true });
}

async function networkFirst(request) {
  try {
    return await fetch(request);
  } catch (offline) {
    const cached = await fromCache(request);
    if (cached) return cached;
    throw offline;
  }
}

async function cacheFirst(request) {
  return (await fromCache(request)) ?? fetch(request);
}

self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  if (!Array.isArray(FILES)) return;
  event.respondWith(HASHED.test(url.pathname) ? cacheFirst(request) : networkFirst(request));
});
