// Snowball French stemmer, in the revision rust-stemmers 1.2 implements (the index's stemmer),
// so that the browser stems a query exactly as the index did. Checked against rust-stemmers by
// tests/js/stemmer_parity.js (tests/integration/stemmers.rs). No dependencies; ES2018.
//
// Input: one lower-cased word, not accent-folded.
(function () {
  'use strict';

  var VOWELS = 'aeiouyâàëéêèïîôûù';
  function isV(w, i) { return i >= 0 && i < w.length && VOWELS.indexOf(w.charAt(i)) >= 0; }

  // Position just after the first non-vowel that follows a vowel, at or after `from`.
  function region(w, from) {
    for (var i = from + 1; i < w.length; i += 1) if (isV(w, i - 1) && !isV(w, i)) return i + 1;
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
  function words(s) { return s.split(' '); }

  // Step 1 endings, by what is done with them.
  var STANDARD = {};
  [
    ['ance iqUe isme able iste eux ances iqUes ismes ables istes', 'del'],
    ['atrice ateur ation atrices ateurs ations', 'ation'],
    ['logie logies', 'logie'], ['usion ution usions utions', 'ution'], ['ence ences', 'ence'],
    ['ement ements', 'ement'], ['ité ités', 'ite'], ['if ive ifs ives', 'if'], ['eaux', 'eaux'],
    ['aux', 'aux'], ['euse euses', 'euse'], ['issement issements', 'issement'],
    ['amment', 'amment'], ['emment', 'emment'], ['ment ments', 'ment']
  ].forEach(function (g) { words(g[0]).forEach(function (s) { STANDARD[s] = g[1]; }); });
  var STANDARD_LIST = Object.keys(STANDARD);

  var I_VERB = words('îmes ît îtes i ie ies ir ira irai iraIent irais irait iras irent irez iriez ' +
    'irions irons iront is issaIent issais issait issant issante issantes issants isse issent ' +
    'isses issez issiez issions issons it');
  var VERB = {};
  [
    ['ions', 'ions'],
    ['é ée ées és èrent er era erai eraIent erais erait eras erez eriez erions erons eront ez iez', 'del'],
    ['âmes ât âtes a ai aIent ais ait ant ante antes ants as asse assent asses assiez assions', 'a']
  ].forEach(function (g) { words(g[0]).forEach(function (s) { VERB[s] = g[1]; }); });
  var VERB_LIST = Object.keys(VERB);
  var RESIDUAL = words('ion ier ière Ier Ière e ë');
  var KEEP_WITH_S = 'aiousè';

  function stemBmp(word) {
    // Prelude: u, i between vowels, y next to a vowel and u after q are consonants (upper case).
    var a = word.split('');
    for (var c = 0; c < a.length; c += 1) {
      var n = a[c + 1], w0 = a.join('');
      if (isV(w0, c) && (((n === 'u' || n === 'i') && isV(w0, c + 2)) || n === 'y')) {
        a[c + 1] = n.toUpperCase();
      } else if (a[c] === 'y' && isV(w0, c + 1)) {
        a[c] = 'Y';
      } else if (a[c] === 'q' && n === 'u') {
        a[c + 1] = 'U';
      }
    }
    var w = a.join('');

    // RV: after the third letter if the word starts with two vowels or with par, col or tap;
    // otherwise after the first vowel that is not the first letter.
    var pV = w.length, i;
    if (w.length >= 3 && isV(w, 0) && isV(w, 1)) pV = 3;
    else if (/^(par|col|tap)/.test(w)) pV = 3;
    else for (i = 1; i < w.length; i += 1) if (isV(w, i)) { pV = i + 1; break; }
    var p1 = region(w, 0), p2 = region(w, p1);

    function end(n) { return w.length - n; }
    function cut(n, add) { w = w.slice(0, w.length - n) + (add || ''); }

    // Step 1. False when nothing was removed (some endings change the word and still fail,
    // which sends it on to the verb steps).
    function standard() {
      var s = longest(w, STANDARD_LIST, 0), at = end(s.length), t;
      if (!s) return false;
      switch (STANDARD[s]) {
        case 'del':
          if (at < p2) return false;
          cut(s.length);
          return true;
        case 'ation':
          if (at < p2) return false;
          cut(s.length);
          if (w.endsWith('ic')) cut(2, end(2) >= p2 ? '' : 'iqU');
          return true;
        case 'logie': if (at < p2) return false; cut(s.length, 'log'); return true;
        case 'ution': if (at < p2) return false; cut(s.length, 'u'); return true;
        case 'ence': if (at < p2) return false; cut(s.length, 'ent'); return true;
        case 'ement':
          if (at < pV) return false;
          cut(s.length);
          t = longest(w, ['iqU', 'abl', 'Ièr', 'ièr', 'eus', 'iv'], 0);
          at = end(t.length);
          if (t === 'iv') {
            if (at >= p2) {
              cut(2);
              if (w.endsWith('at') && end(2) >= p2) cut(2);
            }
          } else if (t === 'eus') {
            if (at >= p2) cut(3);
            else if (at >= p1) cut(3, 'eux');
          } else if (t === 'abl' || t === 'iqU') {
            if (at >= p2) cut(3);
          } else if (t && at >= pV) {
            cut(3, 'i');
          }
          return true;
        case 'ite':
          if (at < p2) return false;
          cut(s.length);
          t = longest(w, ['abil', 'ic', 'iv'], 0);
          at = end(t.length);
          if (t === 'abil') cut(4, at >= p2 ? '' : 'abl');
          else if (t === 'ic') cut(2, at >= p2 ? '' : 'iqU');
          else if (t === 'iv' && at >= p2) cut(2);
          return true;
        case 'if':
          if (at < p2) return false;
          cut(s.length);
          if (w.endsWith('at') && end(2) >= p2) {
            cut(2);
            if (w.endsWith('ic')) cut(2, end(2) >= p2 ? '' : 'iqU');
          }
          return true;
        case 'eaux': cut(4, 'eau'); return true;
        case 'aux': if (at < p1) return false; cut(3, 'al'); return true;
        case 'euse':
          if (at >= p2) cut(s.length);
          else if (at >= p1) cut(s.length, 'eux');
          else return false;
          return true;
        case 'issement':
          if (at < p1 || at < 1 || isV(w, at - 1)) return false;
          cut(s.length);
          return true;
        case 'amment': if (at >= pV) cut(6, 'ant'); return false;
        case 'emment': if (at >= pV) cut(6, 'ent'); return false;
        default: // ment, ments: after a vowel in RV
          if (isV(w, at - 1) && at - 1 >= pV) cut(s.length);
          return false;
      }
    }

    // Step 2a: verb endings in i, after a non-vowel; all within RV.
    function iVerb() {
      var s = longest(w, I_VERB, pV), at = end(s.length);
      if (!s || at - 1 < pV || isV(w, at - 1)) return false;
      cut(s.length);
      return true;
    }

    // Step 2b: other verb endings, within RV.
    function verb() {
      var s = longest(w, VERB_LIST, pV);
      if (!s) return false;
      if (VERB[s] === 'ions' && end(s.length) < p2) return false;
      cut(s.length);
      if (VERB[s] === 'a' && w.endsWith('e') && end(1) >= pV) cut(1);
      return true;
    }

    // Step 4: residual endings.
    function residual() {
      if (w.endsWith('s') && w.length >= 2 && KEEP_WITH_S.indexOf(w.charAt(w.length - 2)) < 0) cut(1);
      var s = longest(w, RESIDUAL, pV), at = end(s.length);
      if (!s) return;
      if (s === 'ion') {
        if (at >= p2 && at - 1 >= pV && /[st]/.test(w.charAt(at - 1))) cut(3);
      } else if (s === 'e') {
        cut(1);
      } else if (s === 'ë') {
        if (at - 2 >= pV && w.slice(at - 2, at) === 'gu') cut(1);
      } else {
        cut(s.length, 'i');
      }
    }

    if (standard() || iVerb() || verb()) {
      // Step 3
      if (w.endsWith('Y')) cut(1, 'i');
      else if (w.endsWith('ç')) cut(1, 'c');
    } else {
      residual();
    }

    // Step 5: undouble; step 6: un-accent é or è before the final non-vowels.
    if (/(enn|onn|ett|ell|eill)$/.test(w)) cut(1);
    var m = /[éè]([^aeiouyâàëéêèïîôûù]+)$/.exec(w);
    if (m) w = w.slice(0, m.index) + 'e' + m[1];

    return w.replace(/[IUY]/g, function (ch) { return ch.toLowerCase(); });
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
  globalThis.CausebookStemmers.fr = stem;
  if (typeof module !== 'undefined') module.exports = stem;
})();
