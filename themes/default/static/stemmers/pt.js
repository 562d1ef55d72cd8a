// Snowball Portuguese stemmer, in the revision rust-stemmers 1.2 implements (the index's
// stemmer), so that the browser stems a query exactly as the index did. Checked against
// rust-stemmers by tests/js/stemmer_parity.js (tests/integration/stemmers.rs). No dependencies;
// ES2018.
//
// Input: one lower-cased word, not accent-folded.
(function () {
  'use strict';

  var VOWELS = 'aeiouáâéêíóôú';
  function isV(w, i) { return i >= 0 && i < w.length && VOWELS.indexOf(w.charAt(i)) >= 0; }

  // Position just after the first non-vowel that follows a vowel, at or after `from`.
  function region(w, from) {
    for (var i = from + 1; i < w.length; i += 1) if (isV(w, i - 1) && !isV(w, i)) return i + 1;
    return w.length;
  }

  // RV: if the second letter is a consonant, after the next vowel; if the first two are
  // vowels, after the next consonant; otherwise (consonant, vowel) after the third letter.
  function regionV(w) {
    var n = w.length, i;
    if (n < 2) return n;
    if (isV(w, 0) && isV(w, 1)) {
      for (i = 2; i < n; i += 1) if (!isV(w, i)) return i + 1;
      return n;
    }
    if (!isV(w, 1)) {
      for (i = 2; i < n; i += 1) if (isV(w, i)) return i + 1;
      return n;
    }
    return Math.min(3, n);
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
  function words(s) { return s.split(' '); }
  function table(groups) {
    var t = {};
    groups.forEach(function (g) { words(g[0]).forEach(function (s) { t[s] = g[1]; }); });
    return t;
  }

  // Nasal vowels are written a~ and o~ while stemming, as in the Snowball source.
  var STANDARD = table([
    ['eza ezas ico ica icos icas ismo ismos ável ível ista istas oso osa osos osas amento amentos ' +
      'imento imentos adora ador aça~o adoras adores aço~es ante antes ância', 'del'],
    ['logia logias', 'log'], ['uça~o uço~es', 'u'], ['ência ências', 'ente'], ['amente', 'amente'],
    ['mente', 'mente'], ['idade idades', 'idade'], ['iva ivo ivas ivos', 'iva'], ['ira iras', 'ira']
  ]);
  var STANDARD_LIST = Object.keys(STANDARD);
  var VERB = words('ada ida ia aria eria iria ara era ira ava asse esse isse aste este iste ei arei ' +
    'erei irei am iam ariam eriam iriam aram eram iram avam em arem erem irem assem essem issem ' +
    'ado ido ando endo indo ara~o era~o ira~o ar er ir as adas idas ias arias erias irias aras eras ' +
    'iras avas es ardes erdes irdes ares eres ires asses esses isses astes estes istes is ais eis ' +
    'areis ereis ireis áreis éreis íreis ásseis ésseis ísseis áveis íeis aríeis eríeis iríeis ' +
    'ados idos amos áramos éramos íramos ávamos íamos aríamos eríamos iríamos emos aremos eremos ' +
    'iremos ássemos êssemos íssemos imos armos ermos irmos ámos arás erás irás eu iu ou ará erá irá');
  var RESIDUAL = words('a i o os á í ó');

  function stemBmp(word) {
    var w = word.replace(/ã/g, 'a~').replace(/õ/g, 'o~');
    var pV = regionV(w), p1 = region(w, 0), p2 = region(w, p1);
    function end(n) { return w.length - n; }
    function cut(n, add) { w = w.slice(0, w.length - n) + (add || ''); }
    // Deletes a just-found `suffix` if it lies in R2; tells whether it did.
    function inR2(suffix) {
      if (!suffix || end(suffix.length) < p2) return false;
      cut(suffix.length);
      return true;
    }

    // Step 1: standard suffixes. False when the longest one found does not apply.
    function standard() {
      var s = longest(w, STANDARD_LIST, 0), at = end(s.length), t;
      if (!s) return false;
      var kind = STANDARD[s];
      if (kind === 'amente' ? at < p1 : kind === 'ira' ? at < pV || w.charAt(at - 1) !== 'e' : at < p2) {
        return false;
      }
      switch (kind) {
        case 'del': cut(s.length); break;
        case 'log': case 'u': case 'ente': cut(s.length, kind); break;
        case 'amente':
          cut(s.length);
          t = longest(w, ['ic', 'ad', 'os', 'iv'], 0);
          if (inR2(t) && t === 'iv' && w.endsWith('at')) inR2('at');
          break;
        case 'mente': cut(s.length); inR2(longest(w, ['ante', 'avel', 'ível'], 0)); break;
        case 'idade': cut(s.length); inR2(longest(w, ['ic', 'abil', 'iv'], 0)); break;
        case 'iva': cut(s.length); if (w.endsWith('at')) inR2('at'); break;
        default: cut(s.length, 'ir'); // (e)ira(s)
      }
      return true;
    }

    // Step 2: verb endings within RV.
    function verb() {
      var s = longest(w, VERB, pV);
      if (s) cut(s.length);
      return s !== '';
    }

    if (standard() || verb()) {
      // Step 3: i after c, in RV
      if (/ci$/.test(w) && end(1) >= pV) cut(1);
    } else {
      // Step 4: residual suffixes in RV
      var r = longest(w, RESIDUAL, 0);
      if (r && end(r.length) >= pV) cut(r.length);
    }

    // Step 5: e é ê in RV, then u after g or i after c in RV; ç -> c.
    if (/[eéê]$/.test(w)) {
      if (end(1) >= pV) {
        cut(1);
        if (/(gu|ci)$/.test(w) && end(1) >= pV) cut(1);
      }
    } else if (w.endsWith('ç')) {
      cut(1, 'c');
    }

    return w.replace(/a~/g, 'ã').replace(/o~/g, 'õ');
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
  globalThis.CausebookStemmers.pt = stem;
  if (typeof module !== 'undefined') module.exports = stem;
})();
