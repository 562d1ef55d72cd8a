// causebook serve: reloads the page after each rebuild (keeping the scroll position) and shows
// build errors over the page until they are fixed. Injected by the preview server only.
(function () {
  'use strict';
  var KEY = 'causebook-scroll:' + location.pathname;
  var saved = sessionStorage.getItem(KEY);
  if (saved !== null) {
    sessionStorage.removeItem(KEY);
    window.addEventListener('load', function () { window.scrollTo(0, Number(saved)); });
  }
  function overlay(text) {
    var el = document.getElementById('causebook-overlay');
    if (!text) { if (el) el.remove(); return; }
    if (!el) {
      el = document.createElement('div');
      el.id = 'causebook-overlay';
      el.setAttribute('role', 'alertdialog');
      el.setAttribute('aria-label', 'Build errors');
      el.style.cssText = 'position:fixed;inset:0;z-index:99999;overflow:auto;background:rgba(20,20,20,.94);color:#fff;padding:2rem;font:14px/1.5 monospace;white-space:pre-wrap';
      document.body.appendChild(el);
    }
    var none = document.title === 'Not built yet';
    el.textContent = (none ? 'Build failed: the site has not built yet.' : 'Build failed: the last good version of the site is still served.') + '\n\n' + text;
  }
  // The server says whether this page, or a stylesheet or script, changed since it was
  // served, so an edit reloads only the pages that show it.
  var me = document.currentScript;
  var query = me && me.dataset.page
    ? '?page=' + encodeURIComponent(me.dataset.page) + '&since=' + encodeURIComponent(me.dataset.version)
    : '';
  var source = new EventSource('/__causebook/events' + query);
  source.addEventListener('state', function (e) {
    var data = JSON.parse(e.data);
    overlay(data.errors);
    if (data.reload && !data.errors) {
      source.close();
      sessionStorage.setItem(KEY, String(window.scrollY));
      location.reload();
    }
  });
})();
