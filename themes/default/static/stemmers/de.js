// Snowball German stemmer, in the revision rust-stemmers 1.2 implements (the index's stemmer),
// so that the browser stems a query exactly as the index did. Checked against rust-stemmers by
// tests/js/stemmer_parity.js (tests/integration/stemmers.rs). No dependencies; ES2018.
//
// Input: one lower-cased word, not accent-folded (ä ö ü ß are seen as such).
// Output: the stem; as in this revision, ß becomes ss and ä ö ü lose their umlaut.
(function () {
  'use strict';

  var VOWELS = 'aeiouyäöü';
  function isV(w, i) { return i >= 0 && i < w.length && VOWELS.indexOf(w.charAt(i)) >= 0; }

  // Position just after the first non-vowel that follows a vowel, at or after `from`.
  function region(w, from) {
    for (var i = from + 1; i < w.length; i += 1) if (isV(w, i - 1) && !isV(w, i)) return i + 1;
    return w.length;
  }

  // Letters that may stand before a deleted -s, and before a deleted -st.
  var S_ENDING = 'bdfghklmnrt';
  var ST_ENDING = 'bdfghklmnt';

  // The longest of `list` that w ends with (list ordered longest first), or ''.
  function suffix(w, list) {
    for (var i = 0; i < list.length; i += 1) if (w.endsWith(list[i])) return list[i];
    return '';
  }

  function stemBmp(w) {
    // Prelude: ß -> ss; u and y between vowels become consonants (marked U, Y).
    w = w.replace(/ß/g, 'ss');
    for (var i = 1; i + 1 < w.length; i += 1) {
      var c = w.charAt(i);
      if ((c === 'u' || c === 'y') && isV(w, i - 1) && isV(w, i + 1)) {
        w = w.slice(0, i) + c.toUpperCase() + w.slice(i + 1);
      }
    }

    // R1 starts after the first non-vowel following a vowel, but no sooner than after the
    // third letter; R2 is found the same way from R1's unadjusted start.
    var r1 = region(w, 0), p2 = region(w, r1), p1 = w.length < 3 ? w.length : Math.max(r1, 3);
    var s, start;

    // Step 1: the longest of these endings decides; it must lie in R1.
    s = suffix(w, ['ern', 'em', 'en', 'er', 'es', 'e', 's']);
    start = w.length - s.length;
    if (s && start >= p1) {
      if (s === 'em' || s === 'ern' || s === 'er') {
        w = w.slice(0, start);
      } else if (s === 's') {
        if (S_ENDING.indexOf(w.charAt(start - 1)) >= 0 && start > 0) w = w.slice(0, start);
      } else {
        w = w.slice(0, start);
        if (/niss$/.test(w)) w = w.slice(0, -1);
      }
    }

    // Step 2: -en -er -est, and -st after a valid ending itself after at least three letters.
    s = suffix(w, ['est', 'en', 'er', 'st']);
    start = w.length - s.length;
    if (s && start >= p1) {
      if (s !== 'st') w = w.slice(0, start);
      else if (start >= 4 && ST_ENDING.indexOf(w.charAt(start - 1)) >= 0) w = w.slice(0, start);
    }

    // Step 3: derivational endings in R2.
    s = suffix(w, ['lich', 'isch', 'heit', 'keit', 'end', 'ung', 'ig', 'ik']);
    start = w.length - s.length;
    if (s && start >= p2) {
      if (s === 'end' || s === 'ung') {
        w = w.slice(0, start);
        // then -ig, not after e, in R2
        if (/ig$/.test(w) && w.charAt(start - 3) !== 'e' && start - 2 >= p2) w = w.slice(0, start - 2);
      } else if (s === 'ig' || s === 'ik' || s === 'isch') {
        if (w.charAt(start - 1) !== 'e') w = w.slice(0, start);
      } else if (s === 'lich' || s === 'heit') {
        w = w.slice(0, start);
        // then -er or -en in R1
        if (/e[rn]$/.test(w) && start - 2 >= p1) w = w.slice(0, start - 2);
      } else {
        // -keit, then -lich or -ig in R2
        w = w.slice(0, start);
        var t = suffix(w, ['lich', 'ig']);
        if (t && start - t.length >= p2) w = w.slice(0, start - t.length);
      }
    }

    // Postlude: undo the markers, drop the umlauts.
    return w.replace(/[UYäöü]/g, function (c) { return { U: 'u', Y: 'y', ä: 'a', ö: 'o', ü: 'u' }[c]; });
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
  globalThis.CausebookStemmers.de = stem;
  if (typeof module !== 'undefined') module.exports = stem;
})();
