// causebook's service worker when offline reading is off (and always under `causebook serve`):
// a reader whose browser installed the offline worker of an earlier build gets this one on
// their next visit. It deletes the copies that worker kept and unregisters itself, so no page
// is ever read from an old copy; with no fetch handler, every request goes to the network.
'use strict';
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  const prefix = 'causebook ' + self.registration.scope + ' ';
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith(prefix)).map((n) => caches.delete(n))))
    .then(() => self.registration.unregister()));
});
