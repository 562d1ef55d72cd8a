// The printout for an appointment (navigator/print/): the page is filled in the reader's browser
// from the answers in its address (?lying_flat=yes&moving=no, as the navigator's link gives
// them), so nothing leaves the device and nothing is stored. The causes are grouped as the
// navigator groups them (navigator.js's `classify`): those that fit the answers, best fit first;
// those not ruled out; and, by name only, those described differently. Each shows its own
// warning signs by number (the numbered signs are printed once, in full where they fit) and its
// review.
// A site with many causes keeps them in the navigator's data file (the page's data-src): the
// script builds the same items from it.
(function () {
  'use strict';
  var root = document.getElementById('printout');
  var nav = window.CausebookNavigator;
  if (!root || !nav) return;
  var words = root.dataset;
  var params = new URLSearchParams(window.location.search);
  var $ = function (id) { return document.getElementById(id); };
  function fill(tpl, vals) { return (tpl || '').replace(/\{(\w+)\}/g, function (m, k) { return k in vals ? vals[k] : m; }); }

  // Today in the site's own date format (the strings table's months and order).
  function today() {
    var d = new Date();
    var months = (words.months || '').split(' ');
    if (months.length !== 12) return d.toISOString().slice(0, 10);
    return fill(words.dateFormat, { day: d.getDate(), month: months[d.getMonth()], year: d.getFullYear() });
  }

  // The answers in the address, shown in the answers list; [{situation, yesMeans, label, answer}].
  function answers() {
    var given = [];
    Array.prototype.forEach.call(root.querySelectorAll('#print-answers [data-situation]'), function (row) {
      var a = params.get(row.dataset.situation);
      if (a !== 'yes' && a !== 'no') return;
      row.hidden = false;
      row.querySelector('dd').textContent = a === 'yes' ? words.yes : words.no;
      given.push({ situation: row.dataset.situation, yesMeans: row.dataset.yesMeans, label: row.dataset.label, answer: a });
    });
    return given;
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text) e.textContent = text;
    return e;
  }

  // A cause of the data file as the page's own list item:
  // [title, url, [effect per situation], category, [sign number], review line, clinical review].
  function itemFrom(c, data) {
    var li = el('li');
    li.dataset.title = c[0];
    data.situations.forEach(function (s, i) { li.setAttribute('data-' + s, data.effects[c[2][i]]); });
    var h = el('h3');
    var a = el('a', '', c[0]);
    a.href = c[1];
    h.appendChild(a);
    h.appendChild(document.createTextNode(' '));
    h.appendChild(el('span', 'match'));
    li.appendChild(h);
    li.dataset.signs = (c[4] || []).join(' ');
    var refs = data.levels.map(function (level, n) {
      var numbers = (c[4] || []).filter(function (k) { return data.signs[k - 1] === n; });
      return numbers.length ? [level, numbers.join(', ')] : null;
    }).filter(Boolean);
    if (refs.length) {
      var p = el('p', 'print-refs');
      p.appendChild(el('span', 'print-refs-label', words.signs));
      refs.forEach(function (r, i) {
        p.appendChild(document.createTextNode(' '));
        p.appendChild(el('span', 'urgency--' + r[0][0], r[0][1]));
        p.appendChild(document.createTextNode(' ' + r[1] + (i + 1 < refs.length ? ';' : '')));
      });
      li.appendChild(p);
    }
    var meta = el('p', 'print-meta');
    if (c[5]) {
      meta.appendChild(el('span', 'print-reviewed', c[5] + (c[6] ? '' : ' ' + words.notClinical) + '.'));
      meta.appendChild(document.createTextNode(' '));
    }
    meta.appendChild(el('span', 'print-url', c[1]));
    li.appendChild(meta);
    return li;
  }

  function effectsOf(item) {
    var effects = {};
    Array.prototype.forEach.call(root.querySelectorAll('#print-answers [data-situation]'), function (row) {
      effects[row.dataset.situation] = item.getAttribute('data-' + row.dataset.situation);
    });
    return effects;
  }

  // Sorts the causes into the page's groups as the navigator does.
  function place(items, given) {
    var scored = items.map(function (item) { return { item: item, r: nav.classify(effectsOf(item), given) }; });
    scored.sort(function (a, b) {
      return b.r.matched - a.r.matched || a.r.differs.length - b.r.differs.length ||
        a.item.dataset.title.localeCompare(b.item.dataset.title);
    });
    var lists = { fit: $('print-fit'), open: $('print-open') };
    var count = { fit: 0, open: 0 };
    var differs = [];
    scored.forEach(function (s) {
      if (s.r.group === 'differs') {
        differs.push(s.item.dataset.title);
        if (s.item.parentNode) s.item.parentNode.removeChild(s.item);
        return;
      }
      // The "not ruled out" heading says it for each of its causes.
      s.item.querySelector('.match').textContent = s.r.group === 'fit' ? nav.describe(s.r, given.length, words) : '';
      lists[s.r.group].appendChild(s.item);
      count[s.r.group] += 1;
    });
    $('print-fit-heading').textContent = words.fitHeading;
    lists.fit.parentNode.hidden = count.fit === 0;
    $('print-open-block').hidden = count.open === 0;
    $('print-differs').textContent = differs.join(', ');
    $('print-differs-block').hidden = differs.length === 0;
  }

  // Addresses in full, so they can be typed in from paper.
  function absolute() {
    Array.prototype.forEach.call(root.querySelectorAll('.print-url, #print-address'), function (e) {
      e.textContent = new URL(e.textContent, window.location.href).href;
    });
  }

  // One sheet of A4 or of US Letter, whichever the reader's printer takes: the printable area
  // the two papers share (the narrower width, the shorter height) less the page's margins.
  var SHEET_MM = { width: 210, height: 279.4 };
  // The smallest scale of the page's type: below it, the signs would be too small to read, and
  // the printout takes a second sheet instead.
  var SMALLEST = 0.8;

  // The print styles (the theme's `@media print` rules) and the printout's page margins.
  function printRules() {
    var rules = [];
    var margins = { top: 10, right: 10, bottom: 10, left: 10 };
    Array.prototype.forEach.call(document.styleSheets, function (sheet) {
      var list;
      try { list = sheet.cssRules; } catch (e) { return; }
      Array.prototype.forEach.call(list || [], function (rule) {
        if (!rule.media || rule.media.mediaText !== 'print') return;
        rules.push(rule);
        Array.prototype.forEach.call(rule.cssRules, function (inner) {
          if (inner.selectorText !== 'printout' || !inner.style) return;
          ['top', 'right', 'bottom', 'left'].forEach(function (side) {
            var v = inner.style.getPropertyValue('margin-' + side);
            if (/mm$/.test(v)) margins[side] = parseFloat(v);
          });
        });
      });
    });
    return { rules: rules, margins: margins };
  }

  // The numbered signs that may print as their headlines, in the order they give up their whole
  // text when one sheet cannot hold it: first those of causes that do not fit the answers,
  // then those that go with any cause, then those of the causes that fit, and the most urgent
  // level's signs last. Each step is a list of the signs' items; a sign without a headline
  // stays whole.
  function shorteningSteps() {
    var fitting = {};
    Array.prototype.forEach.call($('print-fit').children, function (li) {
      (li.dataset.signs || '').split(' ').forEach(function (n) { if (n) fitting[n] = true; });
    });
    var steps = [[], [], [], []];
    Array.prototype.forEach.call(root.querySelectorAll('.print-cards .care-card'), function (card, level) {
      Array.prototype.forEach.call(card.querySelectorAll('li'), function (li) {
        if (!li.querySelector('.sign-headline')) return;
        var fit = fitting[li.getAttribute('value')];
        steps[level === 0 ? 3 : fit ? 2 : li.querySelector('.flag-causes') ? 1 : 0].push(li);
      });
    });
    return steps.filter(function (step) { return step.length; });
  }

  // Scales the printout's type (--sheet) to the largest that fits one sheet. Print layout
  // cannot be measured when printing starts (a PDF export fires no event first), so the page
  // is laid out now as paper lays it out: the print rules turned on for all media, the body as
  // wide as the sheet, within one task (nothing is painted in between), then turned back.
  function fitSheet() {
    var print = printRules();
    if (!print.rules.length) return;
    var m = print.margins;
    var px = 96 / 25.4;
    var width = (SHEET_MM.width - m.left - m.right) + 'mm';
    var room = (SHEET_MM.height - m.top - m.bottom) * px;
    var body = document.body;
    var html = document.documentElement;
    var fits = function (scale) {
      html.style.setProperty('--sheet', String(scale));
      return body.getBoundingClientRect().height <= room;
    };
    print.rules.forEach(function (r) { r.media.mediaText = 'all'; });
    body.style.width = width;
    body.style.minHeight = '0';
    try {
      // The whole signs first; then, step by step, the headlines of the signs that matter
      // least to this reader, only as far as one sheet needs.
      var steps = shorteningSteps();
      for (var step = 0; step < steps.length && !fits(SMALLEST); step++) {
        steps[step].forEach(function (li) { li.classList.add('sign-short'); });
        $('print-shortened').hidden = false;
      }
      var low = SMALLEST;
      var high = 1;
      if (!fits(high)) {
        for (var i = 0; i < 7; i++) {
          var mid = (low + high) / 2;
          if (fits(mid)) low = mid; else high = mid;
        }
        html.style.setProperty('--sheet', low.toFixed(3));
      }
    } finally {
      print.rules.forEach(function (r) { r.media.mediaText = 'print'; });
      body.style.width = '';
      body.style.minHeight = '';
    }
  }

  function start(items) {
    var given = answers();
    place(items, given);
    absolute();
    var status = $('print-status');
    status.textContent = words.noAnswers;
    status.hidden = given.length > 0;
    $('print-answers-block').hidden = given.length === 0;
    $('print-date').textContent = fill(words.printed, { date: today() });
    var change = $('print-change');
    change.href = change.getAttribute('href') + window.location.search;
    $('print-button').addEventListener('click', function () { window.print(); });
    $('print-tools').hidden = false;
    fitSheet();
    root.setAttribute('data-ready', '');
  }

  if (!words.src) {
    start(Array.prototype.slice.call($('print-fit').children));
    return;
  }
  fetch(words.src).then(function (r) {
    if (!r.ok) throw new Error(words.src + ': ' + r.status);
    return r.json();
  }).then(function (data) {
    start(data.causes.map(function (c) { return itemFrom(c, data); }));
  }).catch(function () { /* the page keeps saying it needs the data file */ });
})();
