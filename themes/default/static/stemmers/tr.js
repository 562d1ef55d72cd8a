// Snowball Turkish stemmer, in the revision rust-stemmers 1.2 implements (the index's stemmer),
// so that the browser stems a query exactly as the index did. Checked against rust-stemmers by
// tests/js/stemmer_parity.js (tests/integration/stemmers.rs). No dependencies; ES2018.
//
// Input: one lower-cased word, not accent-folded (ç ğ ı ö ş ü as such; the dotless ı and the
// dotted i are different letters).
//
// The stemmer strips suffixes from the end, a chain at a time. Each "mark" below looks for one
// suffix ending at a point c of the word and gives the point where it starts (or -1); the word is
// only changed by del(from, to).
(function () {
  'use strict';

  var VOWELS = 'aeıioöuü';
  var U = 'ıiuü';
  function isV(w, i) { return i >= 0 && i < w.length && VOWELS.indexOf(w.charAt(i)) >= 0; }
  function words(s) { return s.split(' '); }

  // The vowels that may come before a vowel, by vowel harmony.
  var HARMONY = { a: 'aıou', e: 'eiöü', ı: 'aı', i: 'ei', o: 'ou', ö: 'öü', u: 'ou', ü: 'öü' };
  var POSSESSIVES = words('m n miz niz muz nuz mız nız müz nüz');

  function stemBmp(w) {
    function del(from, to) { w = w.slice(0, from) + w.slice(to); }

    // Vowel harmony before c: the last vowel before c has, somewhere before it, a vowel that
    // may precede it.
    function harmony(c) {
      for (var j = c - 1; j >= 0; j -= 1) {
        if (isV(w, j)) {
          var may = HARMONY[w.charAt(j)];
          for (var k = j - 1; k >= 0; k -= 1) if (may.indexOf(w.charAt(k)) >= 0) return true;
          return false;
        }
      }
      return false;
    }
    // The start of the longest of `list` ending at c, or -1.
    function ends(c, list) {
      var best = -1, head = w.slice(0, c);
      list.forEach(function (s) { if (head.endsWith(s) && c - s.length < (best < 0 ? c + 1 : best)) best = c - s.length; });
      return best;
    }
    // A suffix that takes a buffer letter x (n, s or y) after a vowel: the letter before the
    // suffix's start c must be preceded by a vowel; if it is x, it goes with the suffix.
    function buffer(c, x) {
      if (c < 0 || !isV(w, c - 2)) return -1;
      return w.charAt(c - 1) === x ? c - 1 : c;
    }
    // A suffix that takes a buffer vowel (ı i u ü) after a consonant, the same way.
    function bufferU(c) {
      if (c < 0 || c < 2 || isV(w, c - 2)) return -1;
      return U.indexOf(w.charAt(c - 1)) >= 0 ? c - 1 : c;
    }
    function harmonic(c, list) { return harmony(c) ? ends(c, list) : -1; }

    var mark = {
      possessives: function (c) { return bufferU(ends(c, POSSESSIVES)); },
      sU: function (c) { return harmony(c) && U.indexOf(w.charAt(c - 1)) >= 0 && c >= 1 ? buffer(c - 1, 's') : -1; },
      lArI: function (c) { return ends(c, ['leri', 'ları']); },
      yU: function (c) { return harmony(c) && U.indexOf(w.charAt(c - 1)) >= 0 && c >= 1 ? buffer(c - 1, 'y') : -1; },
      nU: function (c) { return harmonic(c, ['nı', 'ni', 'nu', 'nü']); },
      nUn: function (c) { return buffer(harmonic(c, ['ın', 'in', 'un', 'ün']), 'n'); },
      yA: function (c) { return buffer(harmonic(c, ['a', 'e']), 'y'); },
      nA: function (c) { return harmonic(c, ['na', 'ne']); },
      DA: function (c) { return harmonic(c, ['da', 'de', 'ta', 'te']); },
      ndA: function (c) { return harmonic(c, ['nda', 'nde']); },
      DAn: function (c) { return harmonic(c, ['dan', 'den', 'tan', 'ten']); },
      ndAn: function (c) { return harmonic(c, ['ndan', 'nden']); },
      ylA: function (c) { return buffer(harmonic(c, ['la', 'le']), 'y'); },
      ki: function (c) { return ends(c, ['ki']); },
      ncA: function (c) { return buffer(harmonic(c, ['ca', 'ce']), 'n'); },
      yUm: function (c) { return buffer(harmonic(c, ['ım', 'im', 'um', 'üm']), 'y'); },
      sUn: function (c) { return harmonic(c, ['sın', 'sin', 'sun', 'sün']); },
      yUz: function (c) { return buffer(harmonic(c, ['ız', 'iz', 'uz', 'üz']), 'y'); },
      sUnUz: function (c) { return ends(c, ['sınız', 'siniz', 'sunuz', 'sünüz']); },
      lAr: function (c) { return harmonic(c, ['lar', 'ler']); },
      nUz: function (c) { return harmonic(c, ['nız', 'niz', 'nuz', 'nüz']); },
      DUr: function (c) { return harmonic(c, words('tır tir tur tür dır dir dur dür')); },
      cAsInA: function (c) { return ends(c, ['casına', 'cesine']); },
      yDU: function (c) {
        return buffer(harmonic(c, words('tım tim tum tüm dım dim dum düm tın tin tun tün dın din dun dün ' +
          'tık tik tuk tük dık dik duk dük tı ti tu tü dı di du dü')), 'y');
      },
      ysA: function (c) { return buffer(ends(c, words('sam san sak sem sen sek sa se')), 'y'); },
      ymUs: function (c) { return buffer(harmonic(c, ['mış', 'miş', 'muş', 'müş']), 'y'); },
      yken: function (c) { return buffer(ends(c, ['ken']), 'y'); }
    };
    // The first of the named marks that recognises a suffix ending at c.
    function first(c, names) {
      for (var i = 0; i < names.length; i += 1) {
        var p = mark[names[i]](c);
        if (p >= 0) return p;
      }
      return -1;
    }
    // Deletes the suffix `name` if it ends at c (the end); gives where it started, or -1.
    function cut(c, names) {
      var p = first(c, names);
      if (p >= 0) del(p, c);
      return p;
    }
    // -lAr then the chain before -ki, both optional.
    function larThenChain(c) {
      var p = cut(c, ['lAr']);
      if (p >= 0) chainBeforeKi(p);
    }

    // Nominal verb suffixes (the predicate endings). False when the noun suffixes must not be
    // stripped afterwards (after -lAr).
    function nominalVerb() {
      var n = w.length, c, d;
      if ((c = first(n, ['ymUs', 'yDU', 'ysA', 'yken'])) >= 0) { del(c, n); return true; }
      if ((c = mark.cAsInA(n)) >= 0) {
        var before = first(c, ['sUnUz', 'lAr', 'yUm', 'sUn', 'yUz']);
        if ((d = mark.ymUs(before >= 0 ? before : c)) >= 0) { del(d, n); return true; }
      }
      if ((c = cut(n, ['lAr'])) >= 0) {
        cut(c, ['DUr', 'yDU', 'ysA', 'ymUs']);
        return false;
      }
      if ((c = mark.nUz(n)) >= 0 && (d = first(c, ['yDU', 'ysA'])) >= 0) { del(d, n); return true; }
      if ((c = cut(n, ['sUnUz', 'yUz', 'sUn', 'yUm'])) >= 0) {
        cut(c, ['ymUs']);
        return true;
      }
      if ((c = cut(n, ['DUr'])) >= 0) {
        var e = first(c, ['sUnUz', 'lAr', 'yUm', 'sUn', 'yUz']);
        if ((d = mark.ymUs(e >= 0 ? e : c)) >= 0) del(d, c);
      }
      return true;
    }

    // The suffixes before -ki, which may repeat (evdekilerinki...). `c` is where -ki would end;
    // false (nothing changed) if no chain is there.
    function chainBeforeKi(c) {
      var k = mark.ki(c), p, r;
      if (k < 0) return false;
      if ((p = mark.DA(k)) >= 0) {
        del(p, c);
        if ((r = cut(p, ['lAr'])) >= 0) {
          chainBeforeKi(r);
        } else if ((r = cut(p, ['possessives'])) >= 0) {
          larThenChain(r);
        }
        return true;
      }
      if ((p = mark.nUn(k)) >= 0) {
        del(p, c);
        if (cut(p, ['lArI']) < 0) {
          if ((r = cut(p, ['possessives', 'sU'])) >= 0) larThenChain(r);
          else chainBeforeKi(p);
        }
        return true;
      }
      if ((p = mark.ndA(k)) < 0) return false;
      // -ndA goes with a -lArI or -sU before it, else stays.
      if ((r = mark.lArI(p)) >= 0) {
        del(r, c);
        return true;
      }
      if ((r = mark.sU(p)) >= 0) {
        del(r, c);
        larThenChain(r);
        return true;
      }
      return chainBeforeKi(p);
    }

    // Noun suffixes (case, possessive, plural), the first pattern that fits.
    function noun() {
      var n = w.length, c, r, s;
      if ((c = cut(n, ['lAr'])) >= 0) {
        chainBeforeKi(c);
        return;
      }
      if ((c = cut(n, ['ncA'])) >= 0) {
        if (cut(c, ['lArI']) >= 0) return;
        if ((r = cut(c, ['possessives', 'sU'])) >= 0) larThenChain(r);
        else if ((r = cut(c, ['lAr'])) >= 0) chainBeforeKi(r);
        return;
      }
      if ((c = first(n, ['ndA', 'nA'])) >= 0) {
        if ((r = mark.lArI(c)) >= 0) { del(r, n); return; }
        if ((r = mark.sU(c)) >= 0) { del(r, n); larThenChain(r); return; }
        if (chainBeforeKi(c)) return;
      }
      if ((c = first(n, ['ndAn', 'nU'])) >= 0) {
        if ((r = mark.sU(c)) >= 0) { del(r, n); larThenChain(r); return; }
        if (mark.lArI(c) >= 0) return;
      }
      if ((c = cut(n, ['DAn'])) >= 0) {
        if ((r = cut(c, ['possessives'])) >= 0) larThenChain(r);
        else if ((r = cut(c, ['lAr'])) >= 0) chainBeforeKi(r);
        else chainBeforeKi(c);
        return;
      }
      if ((c = cut(n, ['nUn', 'ylA'])) >= 0) {
        if ((r = cut(c, ['lAr'])) >= 0) {
          if (chainBeforeKi(r)) return;
          c = r;
        }
        if ((r = cut(c, ['possessives', 'sU'])) >= 0) larThenChain(r);
        else chainBeforeKi(c);
        return;
      }
      if (cut(n, ['lArI']) >= 0) return;
      if (chainBeforeKi(n)) return;
      if ((c = cut(n, ['DA', 'yU', 'yA'])) >= 0) {
        if ((r = cut(c, ['possessives'])) >= 0) {
          s = cut(r, ['lAr']);
          chainBeforeKi(s >= 0 ? s : r);
        } else if ((r = cut(c, ['lAr'])) >= 0) {
          chainBeforeKi(r);
        }
        return;
      }
      if ((c = cut(n, ['possessives', 'sU'])) >= 0) larThenChain(c);
    }

    // Only words of two syllables or more are stemmed.
    if ((w.match(/[aeıioöuü]/g) || []).length < 2) return w;
    if (!nominalVerb()) return w;
    noun();

    // Postlude (not for the words ad and soyad): a vowel goes back after a final d or g, by
    // harmony with the last vowel; then a final b c d ğ becomes p ç t k.
    if (w === 'ad' || w === 'soyad') return w;
    if (/[dg]$/.test(w)) {
      var last = (w.match(/[aeıioöuü](?=[^aeıioöuü]*$)/) || [''])[0];
      var add = { a: 'ı', ı: 'ı', e: 'i', i: 'i', o: 'u', u: 'u', ö: 'ü', ü: 'ü' }[last];
      if (add) w += add;
    }
    var hard = { b: 'p', c: 'ç', d: 't', ğ: 'k' }[w.charAt(w.length - 1)];
    if (hard) w = w.slice(0, -1) + hard;
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
  globalThis.CausebookStemmers.tr = stem;
  if (typeof module !== 'undefined') module.exports = stem;
})();
