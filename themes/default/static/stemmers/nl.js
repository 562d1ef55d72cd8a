// Snowball Dutch stemmer, in the revision rust-stemmers 1.2 implements (the index's stemmer),
// so that the browser stems a query exactly as the index did. Checked against rust-stemmers by
// tests/js/stemmer_parity.js (tests/integration/stemmers.rs). No dependencies; ES2018.
//
// Input: one lower-cased word, not accent-folded.
(function () {
  'use strict';

  var VOWELS = 'aeiouyè';
  function isV(w, i) { return i >= 0 && i < w.length && VOWELS.indexOf(w.charAt(i)) >= 0; }
  // A letter at i that is not one of `set` (false if there is no letter at i).
  function isNot(w, i, set) { return i >= 0 && i < w.length && set.indexOf(w.charAt(i)) < 0; }

  // Position just after the first non-vowel that follows a vowel, at or after `from`.
  function region(w, from) {
    for (var i = from + 1; i < w.length; i += 1) if (isV(w, i - 1) && !isV(w, i)) return i + 1;
    return w.length;
  }

  // The first position at or after UTF-8 byte 3 of w ('\u0000' stands for an astral
  // character, 4 bytes), or w.length + 1 if w is shorter than that.
  function thirdByte(w) {
    for (var k = 0, b = 0; k < w.length; k += 1) {
      var c = w.charCodeAt(k);
      b += c === 0 ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
      if (b >= 3) return k + 1;
    }
    return w.length + 1;
  }

  var UNACCENT = { á: 'a', ä: 'a', é: 'e', ë: 'e', í: 'i', ï: 'i', ó: 'o', ö: 'o', ú: 'u', ü: 'u' };

  function stemBmp(word) {
    // Prelude: accents off (but è); y at the start or after a vowel, and i between vowels, are
    // consonants (upper case).
    var a = word.replace(/[áäéëíïóöúü]/g, function (c) { return UNACCENT[c]; }).split('');
    if (a[0] === 'y') a[0] = 'Y';
    for (var c = 0; c + 1 < a.length; c += 1) {
      var n = a[c + 1], w0 = a.join('');
      if (isV(w0, c) && (n === 'y' || (n === 'i' && isV(w0, c + 2)))) a[c + 1] = n.toUpperCase();
    }
    var w = a.join('');

    // R1 and R2 as usual, but R1 starts no sooner than at the third byte of the word's UTF-8
    // form (this revision compares the position, a byte offset, with 3: after 1 letter of 3
    // bytes or more, after 2 letters when the first has 2 bytes).
    var p1 = w.length, p2 = w.length;
    if (/[aeiouyè][^aeiouyè]/.test(w)) {
      p1 = region(w, 0);
      p2 = region(w, p1);
      p1 = Math.max(p1, thirdByte(w));
    }
    var eFound = false;

    function end(k) { return w.length - k; }
    function cut(k, add) { w = w.slice(0, w.length - k) + (add || ''); }
    function undouble() { if (/(dd|kk|tt)$/.test(w)) cut(1); }
    // -en (just found, at `at`) in R1 after a non-vowel, but not after gem.
    function enEnding(at) {
      if (at < p1 || !isNot(w, at - 1, VOWELS) || w.slice(0, at).endsWith('gem')) return;
      w = w.slice(0, at);
      undouble();
    }
    function eEnding() {
      eFound = false;
      if (!w.endsWith('e') || end(1) < p1 || !isNot(w, end(2), VOWELS)) return;
      cut(1);
      eFound = true;
      undouble();
    }

    // Step 1
    var s = (/(heden|ene|en|se|s)$/.exec(w) || [''])[0], at = end(s.length);
    if (s === 'heden') {
      if (at >= p1) cut(5, 'heid');
    } else if (s === 'en' || s === 'ene') {
      enEnding(at);
    } else if (s && at >= p1 && isNot(w, at - 1, 'aeijouyè')) {
      cut(s.length);
    }

    // Step 2
    eEnding();

    // Step 3a: -heid in R2, not after c, then -en before it.
    if (w.endsWith('heid') && end(4) >= p2 && w.charAt(end(5)) !== 'c') {
      cut(4);
      if (w.endsWith('en')) enEnding(end(2));
    }

    // Step 3b: derivational endings in R2.
    s = (/(end|ing|ig|lijk|baar|bar)$/.exec(w) || [''])[0];
    at = end(s.length);
    if (s && at >= p2) {
      if (s === 'end' || s === 'ing') {
        cut(s.length);
        if (w.endsWith('ig') && end(2) >= p2 && w.charAt(end(3)) !== 'e') cut(2);
        else undouble();
      } else if (s === 'ig') {
        if (w.charAt(at - 1) !== 'e') cut(2);
      } else if (s === 'lijk') {
        cut(4);
        eEnding();
      } else if (s === 'baar' || eFound) {
        cut(s.length);
      }
    }

    // Step 4: a doubled vowel between non-vowels before the end is undoubled.
    var m = /[^aeiouyè](aa|ee|oo|uu)[^Iaeiouyè]$/.exec(w);
    if (m) w = w.slice(0, end(2)) + w.slice(end(1));

    return w.replace(/[IY]/g, function (ch) { return ch.toLowerCase(); });
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
  globalThis.CausebookStemmers.nl = stem;
  if (typeof module !== 'undefined') module.exports = stem;
})();
