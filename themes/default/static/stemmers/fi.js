// Snowball Finnish stemmer, in the revision rust-stemmers 1.2 implements (the index's stemmer),
// so that the browser stems a query exactly as the index did. Checked against rust-stemmers by
// tests/js/stemmer_parity.js (tests/integration/stemmers.rs). No dependencies; ES2018.
//
// Input: one lower-cased word, not accent-folded.
(function () {
  'use strict';

  var V1 = 'aeiouyäö';
  function isV(w, i) { return i >= 0 && i < w.length && V1.indexOf(w.charAt(i)) >= 0; }
  function isC(w, i) { return i >= 0 && i < w.length && V1.indexOf(w.charAt(i)) < 0; }

  // Position just after the first non-vowel that follows a vowel, at or after `from`.
  function region(w, from) {
    for (var i = from + 1; i < w.length; i += 1) if (isV(w, i - 1) && !isV(w, i)) return i + 1;
    return w.length;
  }

  // The longest suffix of `list` that w ends with, starts at `from` or later and, if `ok` is
  // given, passes ok(suffix, start); or ''.
  function longest(w, list, from, ok) {
    var best = '';
    for (var i = 0; i < list.length; i += 1) {
      var s = list[i], at = w.length - s.length;
      if (s.length > best.length && at >= from && w.endsWith(s) && (!ok || ok(s, at))) best = s;
    }
    return best;
  }
  function words(s) { return s.split(' '); }

  // A long vowel (aa ee ii oo uu ää öö) ending at `at`, not starting before `from`.
  function long(w, at, from) {
    return at - 2 >= from && /^(aa|ee|ii|oo|uu|ää|öö)$/.test(w.slice(at - 2, at));
  }

  var PARTICLES = words('pa kaan han kin hän kään ko pä kö sti');
  var POSSESSIVES = words('nsa mme nne ni si an en än nsä');
  var CASES = words('a lla na ssa ta lta sta tta lle ine ksi n han den seen hen tten hin siin hon ' +
    'hän hön ä llä nä ssä tä ltä stä ttä');
  var ILLATIVE_VOWEL = { han: 'a', hen: 'e', hin: 'i', hon: 'o', hän: 'ä', hön: 'ö' };
  var OTHERS = words('mma mpa mmi mpi mmä mpä eja imma impa immi impi ejä immä impä');

  function stemBmp(w) {
    var p1 = region(w, 0), p2 = region(w, p1), removed = false, s, at;
    function end(n) { return w.length - n; }
    function cut(n) { w = w.slice(0, w.length - n); }

    // Particles and -sti (in R2), all within R1.
    s = longest(w, PARTICLES, p1);
    at = end(s.length);
    if (s === 'sti' ? at >= p2 : s && at > 0 && 'aeinotuyäö'.indexOf(w.charAt(at - 1)) >= 0) cut(s.length);

    // Possessive suffixes within R1.
    s = longest(w, POSSESSIVES, p1);
    at = end(s.length);
    var before = w.slice(0, at);
    if (s === 'si') {
      if (w.charAt(at - 1) !== 'k') cut(2);
    } else if (s === 'ni') {
      cut(2);
      if (w.endsWith('kse')) w = w.slice(0, -1) + 'i';
    } else if (s === 'an') {
      if (/(lla|na|ssa|ta|lta|sta)$/.test(before)) cut(2);
    } else if (s === 'än') {
      if (/(llä|nä|ssä|tä|ltä|stä)$/.test(before)) cut(2);
    } else if (s === 'en') {
      if (/(lle|ine)$/.test(before)) cut(2);
    } else if (s) {
      cut(s.length);
    }

    // Case endings within R1; -den -tten -siin need i after a vowel, -seen a long vowel before it,
    // all inside R1 (else they count as -n).
    s = longest(w, CASES, p1, function (suffix, start) {
      if (suffix === 'den' || suffix === 'tten' || suffix === 'siin') {
        return start - 2 >= p1 && w.charAt(start - 1) === 'i' && 'aeiouäö'.indexOf(w.charAt(start - 2)) >= 0;
      }
      return suffix !== 'seen' || long(w, start, p1);
    });
    at = end(s.length);
    var drop = 0; // letters before the ending deleted with it
    var ok = s !== '';
    if (ILLATIVE_VOWEL[s]) ok = w.charAt(at - 1) === ILLATIVE_VOWEL[s];
    else if (s === 'a' || s === 'ä') ok = isV(w, at - 1) && isC(w, at - 2);
    else if (s === 'tta' || s === 'ttä') ok = w.charAt(at - 1) === 'e';
    else if (s === 'n' && at >= 1 && (long(w, at, 0) || w.slice(at - 2, at) === 'ie')) drop = 1;
    if (ok) {
      cut(s.length + drop);
      removed = true;
    }

    // Other endings within R2.
    s = longest(w, OTHERS, p2);
    if (s && !(/^m[mp][aiä]$/.test(s) && w.slice(0, end(3)).endsWith('po'))) cut(s.length);

    if (removed) {
      // Plural i, j within R1.
      if (/[ij]$/.test(w) && end(1) >= p1) cut(1);
    } else if (w.endsWith('t') && end(2) >= p1 && isV(w, end(2))) {
      // Plural t after a vowel within R1, then -mma (not after po) or -imma within R2.
      cut(1);
      s = longest(w, ['mma', 'imma'], p2);
      if (s && !(s === 'mma' && w.slice(0, end(3)).endsWith('po'))) cut(s.length);
    }

    // Tidying up, when R1 is still there.
    if (w.length >= p1) {
      if (long(w, w.length, p1)) cut(1);
      if (end(2) >= p1 && 'aeiä'.indexOf(w.charAt(end(1))) >= 0 && isC(w, end(2))) cut(1);
      if (end(2) >= p1 && /[ou]j$/.test(w)) cut(1);
      if (end(2) >= p1 && /jo$/.test(w)) cut(1);
      // The last non-vowel, if it doubles the letter before it, goes.
      for (var i = w.length - 1; i >= 0; i -= 1) {
        if (!isV(w, i)) {
          if (i >= 1 && w.charAt(i - 1) === w.charAt(i)) w = w.slice(0, i) + w.slice(i + 1);
          break;
        }
      }
    }
    return w;
  }

  // Snowball counts characters: stem with each astral character as one stand-in that no rule
  // treats as a letter; distinct characters get distinct stand-ins (private use code points the
  // word does not hold), as the last step compares letters.
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
  globalThis.CausebookStemmers.fi = stem;
  if (typeof module !== 'undefined') module.exports = stem;
})();
