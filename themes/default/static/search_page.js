// The search page (/search/): live results as the reader types, with the query's own warning
// sign first, the general signs it names, the matches and the weaker results, and the page's
// emergency card folded to its heading once JavaScript runs. The search itself is search.js's.
(function () {
  'use strict';
  var S = globalThis.CausebookSearch;
  var A = globalThis.CausebookAnalyzer;
  if (!S || !A) return;
  var Searcher = S.Searcher;
  var fill = S.fill;
  var form = document.getElementById('search-page-form');
  var input = document.getElementById('search-page-input');
  var list = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  if (!form || !input || !list || !status) return;
  var root = form.getAttribute('data-index');
  var searcher = new Searcher(function (path) {
    return fetch(root + path).then(function (r) {
      if (!r.ok) throw new Error(r.status + ' ' + path);
      return /\.bin$/.test(path) ? r.arrayBuffer().then(function (b) { return new Uint8Array(b); }) : r.json();
    });
  });
  document.getElementById('search-js-note').hidden = true;
  form.hidden = false;
  foldCard();
  var seq = 0, timer = null;

  // With JavaScript, a query's own instruction comes first above its results, so the page's
  // card of emergency signs folds to its heading (one tap opens it) and the search box stays on
  // a phone's first screen. Without JavaScript the card stays open.
  function foldCard() {
    var card = document.querySelector('#emergency .care-card');
    var heading = card && card.querySelector('.care-card__heading');
    var signs = card && card.querySelector('ul');
    if (!heading || !signs) return;
    var details = document.createElement('details');
    var summary = document.createElement('summary');
    summary.appendChild(heading);
    details.appendChild(summary);
    details.appendChild(signs);
    card.appendChild(details);
  }

  function snippet(text, stems, lang) {
    var frag = document.createDocumentFragment();
    text.split(/([\p{Alphabetic}\p{N}]+)/u).forEach(function (part) {
      var words = part ? A.analyze(part, lang) : [];
      if (words.length === 1 && stems.indexOf(words[0].stem) >= 0) {
        var m = document.createElement('mark');
        m.textContent = part;
        frag.appendChild(m);
      } else {
        frag.appendChild(document.createTextNode(part));
      }
    });
    return frag;
  }

  // Boxes the page template does not have: the emergency notice (before the status line)
  // and the list of weaker results (after the matches).
  var alarm = document.createElement('div');
  alarm.className = 'care-card care-card--emergency search-emergency';
  alarm.dataset.rank = '0';
  alarm.setAttribute('role', 'alert');
  alarm.hidden = true;
  status.parentNode.insertBefore(alarm, status);
  // A hidden heading and its list of results (`search-results` and `className`).
  function headedList(title, className) {
    var heading = document.createElement('h2');
    heading.textContent = title;
    heading.hidden = true;
    var ul = document.createElement('ul');
    ul.className = 'search-results ' + className;
    return [heading, ul];
  }
  // General warning signs that match, between the notice and the causes.
  var signsBox = headedList(form.dataset.signs, 'search-signs');
  var signsHeading = signsBox[0], signs = signsBox[1];
  list.parentNode.insertBefore(signsHeading, list);
  list.parentNode.insertBefore(signs, list);
  var othersBox = headedList(form.dataset.others, 'search-others');
  var othersHeading = othersBox[0], others = othersBox[1];
  list.parentNode.insertBefore(others, list.nextSibling);
  list.parentNode.insertBefore(othersHeading, others);

  function signItem(h) {
    var li = document.createElement('li');
    li.className = 'care-card--' + h.urgency;
    var label = document.createElement('strong');
    label.textContent = h.label + ': ';
    var a = document.createElement('a');
    a.href = h.url;
    a.textContent = h.sign;
    li.appendChild(label); li.appendChild(a);
    return li;
  }

  function item(h, stems, withSummary, lang) {
    var li = document.createElement('li');
    var a = document.createElement('a');
    a.href = h.url;
    a.textContent = h.title;
    var cat = document.createElement('span');
    cat.className = 'result-category';
    cat.textContent = ' · ' + h.category_label;
    li.appendChild(a); li.appendChild(cat);
    if (withSummary) {
      var p = document.createElement('p');
      p.appendChild(snippet(h.summary, stems, lang));
      li.appendChild(p);
    }
    return li;
  }

  function showAlarm(result) {
    var c = result.cue;
    alarm.textContent = '';
    alarm.hidden = !c;
    if (!c) return;
    alarm.className = 'care-card care-card--' + c.urgency + ' search-emergency';
    alarm.dataset.rank = String(c.level);
    var heading = document.createElement('p');
    heading.className = 'care-card__heading';
    heading.textContent = c.heading;
    var body = document.createElement('p');
    body.textContent = c.sign + (c.cause ? ' (' + c.cause + ')' : '');
    alarm.appendChild(heading); alarm.appendChild(body);
  }

  // Status line: counts, "showing results for", synonyms used and words left out.
  function describe(result, query) {
    var parts = [];
    var words = form.dataset;
    if (!query.trim()) return [document.createTextNode(words.empty)];
    if (result.corrected.length) {
      // One sentence with the link to the uncorrected search at its {exact} place.
      var sentence = fill(words.showing, { showing: result.showing });
      var at = sentence.indexOf('{exact}');
      var exact = document.createElement('a');
      exact.href = '?q=' + encodeURIComponent(query) + '&exact=1';
      exact.textContent = fill(words.exact, { query: query });
      if (at < 0) at = sentence.length;
      parts.push(document.createTextNode(sentence.slice(0, at)), exact,
        document.createTextNode(sentence.slice(at + '{exact}'.length) + ' '));
    }
    var n = result.hits.length, k = (result.signs || []).length;
    var text = n === 0 && k > 0 ? fill(k === 1 ? words.signOne : words.signMany, { n: k, query: query })
      : fill(n === 0 ? words.none : n === 1 ? words.one : words.many, { n: n, query: query });
    result.synonyms.forEach(function (s) { text += ' ' + fill(words.synonym, { word: s[1], for: s[0] }); });
    if ((result.negated || []).length) text += ' ' + fill(words.negated, { words: result.negated.join(', ') });
    if (result.unknown.length) text += ' ' + fill(words.unknown, { words: result.unknown.join(', ') });
    parts.push(document.createTextNode(text));
    return parts;
  }

  function show(result, query, meta) {
    list.textContent = '';
    others.textContent = '';
    signs.textContent = '';
    (result.signs || []).forEach(function (h) { signs.appendChild(signItem(h)); });
    signsHeading.hidden = !(result.signs || []).length;
    result.hits.forEach(function (h) { list.appendChild(item(h, result.stems, true, result.language)); });
    (result.others || []).forEach(function (h) { others.appendChild(item(h, result.stems, false, result.language)); });
    othersHeading.hidden = !(result.others || []).length;
    showAlarm(result, meta || {});
    status.textContent = '';
    describe(result, query).forEach(function (n) { status.appendChild(n); });
  }

  function run() {
    var query = input.value;
    var mine = (seq += 1);
    var params = new URLSearchParams(window.location.search);
    if (query) params.set('q', query); else params.delete('q');
    var qs = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (qs ? '?' + qs : ''));
    var exact = params.get('exact') === '1';
    if (!query.trim()) { show({ hits: [], others: [], signs: [], corrected: [], stems: [], synonyms: [], unknown: [] }, query); return; }
    Promise.all([searcher.search(query, 10, exact), searcher.get('meta.json')]).then(function (r) {
      if (mine === seq) show(r[0], query, r[1]);
    }, function () {
      status.textContent = form.dataset.failed;
    });
  }
  input.addEventListener('input', function () {
    // A new query is corrected again: drop "search instead for" from the address.
    var params = new URLSearchParams(window.location.search);
    if (params.has('exact')) {
      params.delete('exact');
      window.history.replaceState(null, '', window.location.pathname + '?' + params.toString());
    }
    window.clearTimeout(timer);
    timer = window.setTimeout(run, 120);
  });
  form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
  input.value = new URLSearchParams(window.location.search).get('q') || '';
  run();
})();
