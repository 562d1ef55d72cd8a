// Comparison table, enhanced: sortable columns and filters. The state lives in the URL
// (?category=...&lying_flat=worse&sort=title&dir=asc) so that a filtered view can be shared.
// On a table split into pages, the filters also list the matching causes of the other pages.
// Without JavaScript the page is a complete table; nothing here is needed to read it.
(function () {
  'use strict';
  // Interface words come from the page (the site's strings table), with {name} slots.
  function fill(tpl, vals) { return (tpl || '').replace(/\{(\w+)\}/g, function (m, k) { return k in vals ? vals[k] : m; }); }
  var table = document.getElementById('compare-table');
  var controls = document.getElementById('compare-controls');
  if (!table || !controls) return;
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var selects = Array.prototype.slice.call(controls.querySelectorAll('select[data-filter]'));
  var headers = Array.prototype.slice.call(table.querySelectorAll('th[data-sort]'));
  var status = document.getElementById('compare-status');
  // Most telling first when sorting by a situation: worse, then better, then the rest.
  var EFFECT_ORDER = { worse: 0, better: 1, varies: 2, no_change: 3, unknown: 4 };
  var state = { sort: '', dir: 'asc', filters: {} };
  // Titles sort as a reader expects in the page's language: case and accents ignored.
  var collator = new Intl.Collator(document.documentElement.lang || undefined, { sensitivity: 'base', numeric: true });

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (sel) {
      var wanted = params.get(sel.dataset.filter) || '';
      var known = Array.prototype.some.call(sel.options, function (o) { return o.value === wanted; });
      sel.value = known ? wanted : '';
      state.filters[sel.dataset.filter] = sel.value;
    });
    var sort = params.get('sort') || '';
    state.sort = headers.some(function (th) { return th.dataset.sort === sort; }) ? sort : '';
    state.dir = params.get('dir') === 'desc' ? 'desc' : 'asc';
  }

  function writeUrl() {
    var params = new URLSearchParams();
    Object.keys(state.filters).forEach(function (k) {
      if (state.filters[k]) params.set(k, state.filters[k]);
    });
    if (state.sort) {
      params.set('sort', state.sort);
      params.set('dir', state.dir);
    }
    var query = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (query ? '?' + query : '') + window.location.hash);
  }

  function sortKey(row, column) {
    if (column === 'title') return row.dataset.title;
    if (column === 'category') return row.dataset.category;
    if (column === 'urgency') return Number(row.dataset.urgency);
    var effect = row.getAttribute('data-' + column);
    return effect in EFFECT_ORDER ? EFFECT_ORDER[effect] : 9;
  }

  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var ok = Object.keys(state.filters).every(function (k) {
        return !state.filters[k] || row.getAttribute('data-' + k) === state.filters[k];
      });
      row.hidden = !ok;
      if (ok) shown += 1;
    });
    var ordered = rows.slice();
    if (state.sort) {
      ordered.sort(function (a, b) {
        var x = sortKey(a, state.sort);
        var y = sortKey(b, state.sort);
        var c = typeof x === 'string' ? collator.compare(x, y) : x < y ? -1 : x > y ? 1 : 0;
        if (state.dir === 'desc') c = -c;
        return c || collator.compare(a.dataset.title, b.dataset.title);
      });
    }
    ordered.forEach(function (row) { tbody.appendChild(row); });
    headers.forEach(function (th) {
      var active = th.dataset.sort === state.sort;
      th.setAttribute('aria-sort', active ? (state.dir === 'asc' ? 'ascending' : 'descending') : 'none');
    });
    status.textContent = fill(status.dataset.template, { shown: shown, total: rows.length }) +
      (shown === 0 ? ' ' + (status.dataset.none || '') : '');
    writeUrl();
    elsewhere();
  }

  // A table split into pages filters one page at a time; the causes of the other pages that
  // match are listed below it, from the navigator's data file (fetched once, on first use).
  var others = document.getElementById('compare-elsewhere');
  var data = null;
  var asked = 0;
  var LISTED = 100;
  function matches(c) {
    return Object.keys(state.filters).every(function (k) {
      var want = state.filters[k];
      if (!want) return true;
      if (k === 'category') return data.categories[c[3]] === want;
      var i = data.situations.indexOf(k);
      return i >= 0 && data.effects[c[2][i]] === want;
    });
  }
  function showOthers(ticket) {
    if (ticket !== asked) return;
    var here = {};
    rows.forEach(function (row) { here[row.querySelector('th a').getAttribute('href')] = true; });
    var found = data.causes.filter(function (c) { return !here[c[1]] && matches(c); });
    var list = others.querySelector('ul');
    list.textContent = '';
    found.slice(0, LISTED).forEach(function (c) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = c[1];
      a.textContent = c[0];
      li.appendChild(a);
      list.appendChild(li);
    });
    var text = fill(others.dataset.template, { count: found.length });
    if (found.length > LISTED) text += ' ' + fill(others.dataset.more, { shown: LISTED });
    document.getElementById('compare-elsewhere-status').textContent = text;
    others.hidden = false;
  }
  function elsewhere() {
    if (!others) return;
    var ticket = ++asked;
    var active = Object.keys(state.filters).some(function (k) { return state.filters[k]; });
    if (!active) { others.hidden = true; return; }
    if (data) { showOthers(ticket); return; }
    fetch(others.dataset.url)
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (d) { data = d; showOthers(ticket); })
      // Without the data file (a page opened from disk), the page's own filters still work.
      .catch(function () { others.hidden = true; });
  }

  headers.forEach(function (th) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', function () {
      var column = th.dataset.sort;
      state.dir = state.sort === column && state.dir === 'asc' ? 'desc' : 'asc';
      state.sort = column;
      apply();
    });
  });
  selects.forEach(function (sel) {
    sel.addEventListener('change', function () {
      state.filters[sel.dataset.filter] = sel.value;
      apply();
    });
  });
  document.getElementById('filter-reset').addEventListener('click', function () {
    selects.forEach(function (sel) { sel.value = ''; state.filters[sel.dataset.filter] = ''; });
    state.sort = '';
    state.dir = 'asc';
    rows.forEach(function (row) { tbody.appendChild(row); });
    apply();
  });
  controls.hidden = false;
  // Filters folded away on a phone, so the table comes first; open where there is room.
  if (window.matchMedia('(min-width: 48rem)').matches) controls.open = true;
  readUrl();
  apply();
})();
