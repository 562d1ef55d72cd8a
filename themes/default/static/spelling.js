// Typo correction for the browser's search (src/search/typo.rs): a word in no field of the
// index is replaced by the closest term, with the same order of preference as the CLI, so that
// both correct a word alike.
(function () {
  'use strict';
  function levenshtein(a, b) {
    a = Array.from(a); b = Array.from(b);
    var prev = [], cur = [], i, j;
    for (j = 0; j <= b.length; j += 1) prev[j] = j;
    for (i = 1; i <= a.length; i += 1) {
      cur = [i];
      for (j = 1; j <= b.length; j += 1) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      prev = cur;
    }
    return prev[b.length];
  }

  // How many letters of `typed` a term keeps in order (query.rs `kept`).
  function kept(typed, term) {
    var row = term.map(function () { return 0; }).concat([0]);
    typed.forEach(function (a) {
      var diagonal = 0;
      term.forEach(function (b, j) {
        var above = row[j + 1];
        row[j + 1] = a === b ? diagonal + 1 : Math.max(above, row[j]);
        diagonal = above;
      });
    });
    return row[term.length];
  }

  function maxDistance(len) { return len <= 3 ? 0 : len <= 7 ? 1 : 2; }

  // Closest indexed term to a word missing from the index; same order of preference as Rust.
  function correct(word, vocab, sortedTerms) {
    // Each form is allowed the edits of its own length (typo.rs `correct`).
    var forms = [word.stem, word.folded].map(function (f) { return [f, maxDistance(Array.from(f).length)]; });
    if (forms.every(function (x) { return x[1] === 0; })) return null;
    var best = null, bestKey = null;
    var folded = Array.from(word.folded);
    sortedTerms.forEach(function (term) {
      var d = Infinity;
      forms.forEach(function (x) {
        var e = levenshtein(x[0], term);
        if (e <= x[1] && e < d) d = e;
      });
      if (d === Infinity) return;
      var t = Array.from(term), prefix = 0;
      while (prefix < folded.length && prefix < t.length && folded[prefix] === t[prefix]) prefix += 1;
      var key = [d, -kept(folded, t), -prefix, -vocab[term][0]];
      var k = 0;
      while (bestKey && k < key.length && key[k] === bestKey[k]) k += 1;
      if (!bestKey || (k < key.length && key[k] < bestKey[k])) {
        best = term; bestKey = key;
      }
    });
    return best;
  }

  // Code-point order, as Rust sorts strings.
  function byCodePoint(a, b) {
    var x = Array.from(a), y = Array.from(b);
    for (var i = 0; i < Math.min(x.length, y.length); i += 1) {
      var d = x[i].codePointAt(0) - y[i].codePointAt(0);
      if (d) return d;
    }
    return x.length - y.length;
  }

  var api = { levenshtein: levenshtein, correct: correct, byCodePoint: byCodePoint };
  if (typeof module !== 'undefined') module.exports = api;
  else globalThis.CausebookSpelling = api;
})();
