// Offline reading: registers the site's service worker (sw.js, written by the build, which keeps
// each page the reader opens for reading with no connection), and on the offline page lists the
// pages this device has kept. Loaded by every page when site.toml's [offline] is on.
(function () {
  'use strict';
  var me = document.currentScript;
  if (!me || !('serviceWorker' in navigator)) return;
  var worker = new URL(me.dataset.worker, window.location.href);
  // After the page has loaded, so the worker never slows the first page down. A browser that
  // refuses (a private window, a file:// page) simply has no offline copies.
  window.addEventListener('load', function () {
    navigator.serviceWorker.register(worker.href, { updateViaCache: 'none' }).catch(function () {});
  });

  var list = document.getElementById('offline-saved');
  if (!list || !('caches' in window)) return;
  // The worker names its caches after the site's address (see src/offline/worker.js).
  var prefix = 'causebook ' + new URL('./', worker).href + ' ';
  function isPage(url) {
    var path = new URL(url).pathname;
    return (path.endsWith('/') || path.endsWith('.html')) && !path.endsWith('/offline.html');
  }
  function titled(cache, request) {
    return cache.match(request).then(function (r) { return r.text(); }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, 'text/html');
      var h1 = doc.querySelector('h1');
      return { url: request.url, title: (h1 ? h1.textContent : doc.title).trim() };
    });
  }
  caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n.indexOf(prefix) === 0; }).map(function (n) {
      return caches.open(n).then(function (cache) {
        return cache.keys().then(function (requests) {
          return Promise.all(requests.filter(function (r) { return isPage(r.url); }).map(function (r) { return titled(cache, r); }));
        });
      });
    }));
  }).then(function (groups) {
    var pages = [].concat.apply([], groups).sort(function (a, b) { return a.title.localeCompare(b.title); });
    list.textContent = '';
    pages.forEach(function (p) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = p.url;
      a.textContent = p.title;
      li.appendChild(a);
      list.appendChild(li);
    });
    if (!pages.length) {
      var none = document.createElement('li');
      none.textContent = list.dataset.none;
      list.appendChild(none);
    }
  }).catch(function () {});
})();
