// Snowball Danish stemmer, in the revision rust-stemmers 1.2 implements (the index's stemmer),
// so that the browser stems a query exactly as the index did. Checked against rust-stemmers by
// tests/js/stemmer_parity.js (tests/integration/stemmers.rs). No dependencies; ES2018.
//
// Input: one lower-cased word, not accent-folded.
(function () {
  'use strict';

  var VOWELS = 'aeiouyæåø';
  function isV(w, i) { return i >= 0 && i < w.length && VOWELS.indexOf(w.charAt(i)) >= 0; }

  // R1: after the first non-vowel that follows a vowel, but no sooner than after the third letter.
  function region1(w) {
    if (w.length < 3) return w.length;
    for (var i = 1; i < w.length; i += 1) if (isV(w, i - 1) && !isV(w, i)) return Math.max(i + 1, 3);
    return w.length;
  }

  // The longest suffix of `list` that w ends with and that starts at `from` or later, or ''.
  function longest(w, list, from) {
    var best = '';
    for (var i = 0; i < list.length; i += 1) {
      var s = list[i];
      if (s.length > best.length && w.length - s.length >= from && w.endsWith(s)) best = s;
    }
    return best;
  }

  var MAIN = ('hed ethed ered e erede ende erende ene erne ere en heden eren er heder erer heds es ' +
    'endes erendes enes ernes eres ens hedens erens ers ets erets et eret s').split(' ');
  var S_ENDING = 'abcdfghjklmnoprtvyzå';

  function stemBmp(w) {
    var p1 = region1(w);
    function consonantPair() {
      if (/(gd|dt|gt|kt)$/.test(w) && w.length - 2 >= p1) w = w.slice(0, -1);
    }
    // Step 1: the longest main ending within R1; -s only after a valid s-ending.
    var s = longest(w, MAIN, p1), at = w.length - s.length;
    if (s === 's' ? at > 0 && S_ENDING.indexOf(w.charAt(at - 1)) >= 0 : s) w = w.slice(0, at);
    // Step 2: gd dt gt kt in R1 lose the last letter.
    consonantPair();
    // Step 3: -igst loses st; other endings within R1 (then step 2 again); løst -> løs.
    if (/igst$/.test(w)) w = w.slice(0, -2);
    s = longest(w, ['ig', 'lig', 'elig', 'els', 'løst'], p1);
    if (s === 'løst') {
      w = w.slice(0, -1);
    } else if (s) {
      w = w.slice(0, -s.length);
      consonantPair();
    }
    // Step 4: a final non-vowel in R1 doubled before it is undoubled.
    var n = w.length;
    if (n - 1 >= p1 && n >= 2 && !isV(w, n - 1) && w.charAt(n - 2) === w.charAt(n - 1)) w = w.slice(0, -1);
    return w;
  }

  // Snowball counts characters: stem with each astral character as one stand-in that no rule
  // treats as a letter; distinct characters get distinct stand-ins (private use code points the
  // word does not hold), as step 4 compares letters.
  function stem(word) {
    word = String(word);
    var to = {}, from = {}, next = 0xe000;
    var w = stemBmp(word.replace(/[\ud800-\udbff][\udc00-\udfff]/g, function (c) {
      if (!to[c]) {
        while (word.indexOf(String.fromCharCode(next)) >= 0) next += 1;
        to[c] = String.fromCharCode(next);
        from[to[c]] = c;
        next += 1;
      }
      return to[c];
    }));
    return next === 0xe000 ? w : w.replace(/[\ue000-\uf8ff]/g, function (c) { return from[c] || c; });
  }

  globalThis.CausebookStemmers = globalThis.CausebookStemmers || {};
  globalThis.CausebookStemmers.da = stem;
  if (typeof module !== 'undefined') module.exports = stem;
})();
