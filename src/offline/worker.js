// causebook's service worker: keeps the site's shell and each page a reader opens, so they can
// be read with no connection. Written by `causebook build` (src/offline/): the settings below
// are this build's, and their version is a hash of every other file of the build, so a new
// build is a new worker. It asks the network first: a connected reader always gets the current
// page, and the copy kept is replaced with it. A new worker fetches again every page the reader
// kept under the old one (so no old warning sign is read from a copy) and drops the old copies.
'use strict';
const CONFIG = /*CONFIG*/{};
const SCOPE = self.registration.scope;
// Cache names carry the site's address: two sites on one host never drop each other's copies.
const PREFIX = 'causebook ' + SCOPE + ' ';
const CACHE = PREFIX + CONFIG.version;
// When a copy was kept: shown on a page read offline.
const SAVED = 'X-Causebook-Saved';
const at = (path) => new URL(path, SCOPE).href;

// A copy of `response` stamped with the time it was kept.
function stamped(response) {
  const headers = new Headers(response.headers);
  headers.set(SAVED, new Date().toISOString());
  return response.blob().then((body) => new Response(body, { status: response.status, statusText: response.statusText, headers: headers }));
}

function keep(cache, url, response) {
  return stamped(response).then((copy) => cache.put(url, copy));
}

// Keeps a copy in this build's cache, unless a newer worker has dropped it meanwhile (a copy
// put there now would bring back the old cache).
function keepIfCurrent(url, response) {
  return caches.has(CACHE).then((current) => current && caches.open(CACHE).then((cache) => keep(cache, url, response)));
}

// A page is kept under its address without the query (`search/?q=...` is the search page).
function key(request, page) {
  const url = new URL(request.url);
  url.hash = '';
  if (page) url.search = '';
  return url.href;
}

function isPage(url) {
  const path = new URL(url).pathname;
  return path.endsWith('/') || path.endsWith('.html');
}

self.addEventListener('install', (event) => {
  // Every file of the shell or none: a failed install leaves the old worker (or none) in place.
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(CONFIG.precache.map((path) =>
    fetch(at(path), { cache: 'no-cache' }).then((r) => {
      if (!r.ok) throw new Error(path + ': ' + r.status);
      return keep(cache, at(path), r);
    }),
  ))).then(() => self.skipWaiting()));
});

// The pages kept under an older build, fetched again from this one; one that cannot be
// fetched is dropped with the old copies rather than kept out of date.
function refresh(name, cache) {
  return caches.open(name).then((old) => old.keys()).then((requests) => Promise.all(requests
    .filter((r) => isPage(r.url))
    .map((r) => cache.match(r.url).then((have) => have || fetch(r.url, { cache: 'no-cache' })
      .then((fresh) => (fresh.ok ? keep(cache, r.url, fresh) : undefined))
      .catch(() => undefined)))));
}

self.addEventListener('activate', (event) => {
  event.waitUntil(Promise.all([caches.keys(), caches.open(CACHE)]).then(([names, cache]) => {
    const old = names.filter((n) => n.startsWith(PREFIX) && n !== CACHE);
    return Promise.all(old.map((n) => refresh(n, cache))).then(() => Promise.all(old.map((n) => caches.delete(n))));
  }).then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE) || key(request, false) === at(CONFIG.worker)) return;
  // A stream (the live reload of `causebook serve` at the same address) goes straight to the
  // network: one passed through here would keep this worker busy, so a new one (serve's, that
  // removes it) would wait for it forever.
  if (/text\/event-stream/.test(request.headers.get('Accept') || '')) return;
  const page = request.mode === 'navigate';
  event.respondWith(fetch(request).then((response) => {
    // A response the server says not to store (`causebook serve`'s preview) is never kept.
    if (response.ok && response.type === 'basic' && !/no-store/i.test(response.headers.get('Cache-Control') || '')) {
      // The copy is taken now: the page reads the response's body as soon as it gets it.
      event.waitUntil(keepIfCurrent(key(request, page), response.clone()));
    }
    return response;
  }, () => fromCache(request, page)));
});

// The settings of the language a page is in: a further language's, for a page under its
// folder (`de/`), or else the site's own.
function language(url) {
  const path = url.slice(SCOPE.length);
  return (CONFIG.languages || []).find((l) => path.startsWith(l.prefix)) || CONFIG;
}

// With no connection: the kept copy (a page with a note of when it was kept), or for a page
// never kept the offline page of its language, which lists the pages that were.
function fromCache(request, page) {
  const lang = language(key(request, page));
  return caches.open(CACHE).then((cache) => cache.match(key(request, page)).then((copy) => {
    if (copy) return page ? noted(copy, lang) : copy;
    if (!page) return Response.error();
    return cache.match(at(lang.offline)).then((offline) => offline || Response.error());
  }));
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
}

// A date as the site writes dates (its strings table's months and order).
function longDate(d, lang) {
  if (lang.months.length !== 12) return d.toISOString().slice(0, 10);
  return lang.date_format.replace('{day}', d.getDate()).replace('{month}', lang.months[d.getMonth()]).replace('{year}', d.getFullYear());
}

// The kept page with a line at the top of its main content: offline, and the date of the copy.
function noted(copy, lang) {
  const date = longDate(new Date(copy.headers.get(SAVED) || Date.now()), lang);
  const note = '<p class="offline-note" id="offline-note" role="status">' + escapeHtml(lang.note.replace('{date}', date)) + '</p>';
  const headers = new Headers(copy.headers);
  headers.delete('Content-Length');
  return copy.text().then((html) => new Response(html.replace(/<main\b[^>]*>/, (open) => open + note), { status: 200, headers: headers }));
}
