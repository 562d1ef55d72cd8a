// "What changes your pain?": sorts the causes by how their recorded positional behaviour
// compares with the answers. Answers are kept in the URL (?lying_flat=yes).
// Three groups, and no cause is ever hidden:
// - "fit": at least one answer matches a recorded effect and none contradicts one;
// - "open" (not ruled out): no answer matches or contradicts a recorded effect, because the
//   sources give no clear answer (`varies` or `unknown`) for the situations asked about;
// - "differs": a recorded effect contradicts an answer. Still listed, below the others, because
//   the sources can be incomplete.
// `varies` and `unknown` never count for or against a cause.
// A site with more causes than a page of a list shows puts them in a data file (the list's
// data-src: situation and effect ids, then [title, url, [effect index per situation]] per cause)
// instead of in the page; the script builds the same list items from it.
// The printout for an appointment (printout.js) sorts the causes with the same functions.
(function () {
  'use strict';
  // Interface words come from the page (the site's strings table, as data-* attributes of the
  // status line), with {name} slots; these English ones serve only when there is no page (Node).
  var WORDS = {
    fits: '(fits {n} of {total} answers)',
    fitsOne: '(fits {n} of {total} answer)',
    fitsOpen: '(fits {n} of {total} answers; the sources give no clear answer on {open})',
    open: '(not ruled out: the sources give no clear answer)',
    differs: '(described differently for: {list})',
  };
  function fill(tpl, vals) { return (tpl || '').replace(/\{(\w+)\}/g, function (m, k) { return k in vals ? vals[k] : m; }); }
  var DEFINITE = { worse: true, better: true, no_change: true };

  // effects: situation id -> effect id; given: [{situation, yesMeans, answer: 'yes'|'no', label}].
  function classify(effects, given) {
    var r = { matched: 0, open: 0, differs: [] };
    for (var i = 0; i < given.length; i += 1) {
      var effect = effects[given[i].situation];
      if (!DEFINITE[effect]) r.open += 1;
      else if ((effect === given[i].yesMeans) === (given[i].answer === 'yes')) r.matched += 1;
      else r.differs.push(given[i].label || given[i].situation);
    }
    r.group = r.differs.length ? 'differs' : r.matched ? 'fit' : 'open';
    return r;
  }

  function describe(r, total, words) {
    var w = words || WORDS;
    if (r.group === 'differs') return fill(w.differs, { list: r.differs.join(', ') });
    if (r.group === 'open') return w.open;
    var tpl = r.open ? w.fitsOpen : total === 1 ? w.fitsOne : w.fits;
    return fill(tpl, { n: r.matched, total: total, open: r.open });
  }

  if (typeof module !== 'undefined' && module.exports) {
    module.exports = { classify: classify, describe: describe };
    return;
  }
  // The printout (printout.js) sorts the causes the same way.
  window.CausebookNavigator = { classify: classify, describe: describe };

  var form = document.getElementById('navigator');
  var status = document.getElementById('navigator-status');
  var lists = {
    fit: document.getElementById('navigator-results'),
    open: document.getElementById('navigator-open'),
    differs: document.getElementById('navigator-differs'),
  };
  if (!form || !status || !lists.fit || !lists.open || !lists.differs) return;
  var items = Array.prototype.slice.call(lists.fit.children);
  var words = status.dataset;
  var source = lists.fit.dataset.src;
  var fieldsets = Array.prototype.slice.call(form.querySelectorAll('fieldset[data-situation]'));
  // The printout's link carries the answers, like the navigator's own address.
  var printLink = document.getElementById('navigator-print');
  var printBase = printLink ? printLink.getAttribute('href').split('?')[0] : '';

  function answers() {
    return fieldsets.map(function (fs) {
      var checked = fs.querySelector('input:checked');
      return {
        situation: fs.dataset.situation,
        yesMeans: fs.dataset.yesMeans,
        label: fs.dataset.label,
        answer: checked ? checked.value : '',
      };
    }).filter(function (a) { return a.answer === 'yes' || a.answer === 'no'; });
  }

  function effectsOf(item) {
    var effects = {};
    fieldsets.forEach(function (fs) { effects[fs.dataset.situation] = item.getAttribute('data-' + fs.dataset.situation); });
    return effects;
  }

  function show(id, visible) {
    var el = document.getElementById(id);
    if (el) el.hidden = !visible;
  }

  function update() {
    var given = answers();
    var scored = items.map(function (item) { return { item: item, r: classify(effectsOf(item), given) }; });
    scored.sort(function (a, b) {
      return b.r.matched - a.r.matched || a.r.differs.length - b.r.differs.length ||
        a.item.dataset.title.localeCompare(b.item.dataset.title);
    });
    var count = { fit: 0, open: 0, differs: 0 };
    scored.forEach(function (s) {
      var group = given.length ? s.r.group : 'fit';
      s.item.querySelector('.match').textContent = given.length ? describe(s.r, given.length, words) : '';
      lists[group].appendChild(s.item);
      count[group] += 1;
    });
    show('fit-heading', given.length > 0);
    show('open-block', given.length > 0 && count.open > 0);
    show('differs-block', given.length > 0 && count.differs > 0);
    var n = document.getElementById('differs-count');
    if (n) n.textContent = String(count.differs);
    if (given.length === 0) {
      status.textContent = fill(words.start, { total: items.length });
    } else {
      status.textContent = fill(words.summary, { fit: count.fit, open: count.open, differs: count.differs, total: items.length });
    }
    var params = new URLSearchParams();
    given.forEach(function (a) { params.set(a.situation, a.answer); });
    var query = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (query ? '?' + query : '') + window.location.hash);
    if (printLink) printLink.setAttribute('href', printBase + (query ? '?' + query : ''));
  }

  // The list items of the data file's causes, as the page would have them.
  function itemsFrom(data) {
    return data.causes.map(function (c) {
      var li = document.createElement('li');
      li.dataset.title = c[0];
      data.situations.forEach(function (s, i) { li.setAttribute('data-' + s, data.effects[c[2][i]]); });
      var a = document.createElement('a');
      a.href = c[1];
      a.textContent = c[0];
      var match = document.createElement('span');
      match.className = 'match';
      li.appendChild(a);
      li.appendChild(document.createTextNode(' '));
      li.appendChild(match);
      return li;
    });
  }

  function start() {
    var params = new URLSearchParams(window.location.search);
    fieldsets.forEach(function (fs) {
      var wanted = params.get(fs.dataset.situation);
      var input = fs.querySelector('input[value="' + (wanted === 'yes' || wanted === 'no' ? wanted : '') + '"]');
      if (input) input.checked = true;
    });
    form.addEventListener('change', update);
    form.addEventListener('reset', function () { window.setTimeout(update, 0); });
    update();
  }

  if (!source) {
    start();
    return;
  }
  var before = status.textContent;
  status.textContent = words.loading || '';
  fetch(source).then(function (r) {
    if (!r.ok) throw new Error(source + ': ' + r.status);
    return r.json();
  }).then(function (data) {
    items = itemsFrom(data);
    start();
  }).catch(function () {
    // Back to the page's own words: the comparison table lists every cause.
    status.textContent = before;
  });
})();
