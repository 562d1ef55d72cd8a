// Snowball Swedish stemmer, in the revision rust-stemmers 1.2 implements (the index's stemmer),
// so that the browser stems a query exactly as the index did. Checked against rust-stemmers by
// tests/js/stemmer_parity.js (tests/integration/stemmers.rs). No dependencies; ES2018.
//
// Input: one lower-cased word, not accent-folded.
(function () {
  'use strict';

  var VOWELS = 'aeiouyäåö';
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

  var MAIN = ('a arna erna heterna orna ad e ade ande arne are aste en anden aren heten ern ar er ' +
    'heter or as arnas ernas ornas es ades andes ens arens hetens erns at andet het ast s').split(' ');
  var S_ENDING = 'bcdfghjklmnoprtvy';

  function stemBmp(w) {
    var p1 = region1(w);
    // Step 1: the longest main ending within R1; -s only after a valid s-ending.
    var s = longest(w, MAIN, p1), at = w.length - s.length;
    if (s === 's' ? at > 0 && S_ENDING.indexOf(w.charAt(at - 1)) >= 0 : s) w = w.slice(0, at);
    // Step 2: a final consonant pair in R1 loses its last letter.
    if (/(dd|gd|nn|dt|gt|kt|tt)$/.test(w) && w.length - 2 >= p1) w = w.slice(0, -1);
    // Step 3: other endings within R1.
    s = longest(w, ['ig', 'lig', 'els', 'löst', 'fullt'], p1);
    if (s === 'löst' || s === 'fullt') w = w.slice(0, -1);
    else if (s) w = w.slice(0, -s.length);
    return w;
  }

  // Snowball counts characters: stem with each astral character as one stand-in that is no
  // letter of any rule (endings are BMP letters, so they come back in order).
  function stem(word) {
    var astral = [];
    var w = stemBmp(String(word).replace(/[\ud800-\udbff][\udc00-\udfff]/g, function (c) {
      astral.push(c);
      return '\u0000';
    }));
    return astral.length ? w.replace(/\u0000/g, function () { return astral.shift(); }) : w;
  }

  globalThis.CausebookStemmers = globalThis.CausebookStemmers || {};
  globalThis.CausebookStemmers.sv = stem;
  if (typeof module !== 'undefined') module.exports = stem;
})();
