// Snowball Spanish stemmer, in the revision rust-stemmers 1.2 implements (the index's stemmer),
// so that the browser stems a query exactly as the index did. Checked against rust-stemmers by
// tests/js/stemmer_parity.js (tests/integration/stemmers.rs). No dependencies; ES2018.
//
// Input: one lower-cased word, not accent-folded.
(function () {
  'use strict';

  var VOWELS = 'aeiouáéíóúü';
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

  var PRONOUNS = words('me se sela selo selas selos la le lo las les los nos');
  // What stands before a pronoun: the accented forms lose the accent with the pronoun.
  var BEFORE_PRONOUN = { iéndo: 'iendo', ándo: 'ando', ár: 'ar', ér: 'er', ír: 'ir',
    ando: '', iendo: '', ar: '', er: '', ir: '', yendo: '' };
  var BEFORE_PRONOUN_LIST = Object.keys(BEFORE_PRONOUN);

  var STANDARD = table([
    ['anza anzas ico ica icos icas ismo ismos able ables ible ibles ista istas oso osa osos osas ' +
      'amiento amientos imiento imientos', 'del'],
    ['adora ador ación adoras adores aciones ante antes ancia ancias', 'ador'],
    ['logía logías', 'log'], ['ución uciones', 'u'], ['encia encias', 'ente'],
    ['amente', 'amente'], ['mente', 'mente'], ['idad idades', 'idad'], ['iva ivo ivas ivos', 'iva']
  ]);
  var STANDARD_LIST = Object.keys(STANDARD);
  var Y_VERB = words('ya ye yan yen yeron yendo yo yó yas yes yais yamos');
  var VERB = table([
    ['en es éis emos', 'gu'],
    ['arían arías arán arás aríais aría aréis aríamos aremos ará aré erían erías erán erás ' +
      'eríais ería eréis eríamos eremos erá eré irían irías irán irás iríais iría iréis iríamos ' +
      'iremos irá iré aba ada ida ía ara iera ad ed id ase iese aste iste an aban ían aran ' +
      'ieran asen iesen aron ieron ado ido ando iendo ió ar er ir as abas adas idas ías aras ' +
      'ieras ases ieses ís áis abais íais arais ierais aseis ieseis asteis isteis ados idos amos ' +
      'ábamos íamos imos áramos iéramos iésemos ásemos', 'del']
  ]);
  var VERB_LIST = Object.keys(VERB);
  var RESIDUAL = words('os a o á í ó e é');
  var UNACCENT = { á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u' };

  function stemBmp(w) {
    var pV = regionV(w), p1 = region(w, 0), p2 = region(w, p1);
    function end(n) { return w.length - n; }
    function cut(n, add) { w = w.slice(0, w.length - n) + (add || ''); }
    // Deletes a just-found `suffix` if it lies in R2.
    function inR2(suffix) {
      if (!suffix || end(suffix.length) < p2) return;
      cut(suffix.length);
    }

    // Step 0: an attached pronoun after a gerund or infinitive (that lies in RV).
    var pro = longest(w, PRONOUNS, 0);
    if (pro) {
      var base = w.slice(0, end(pro.length));
      var verbEnd = longest(base, BEFORE_PRONOUN_LIST, 0), at = base.length - verbEnd.length;
      if (verbEnd && at >= pV && (verbEnd !== 'yendo' || base.charAt(at - 1) === 'u')) {
        w = BEFORE_PRONOUN[verbEnd] ? base.slice(0, at) + BEFORE_PRONOUN[verbEnd] : base;
      }
    }

    // Step 1: standard suffixes. False when the longest one found does not apply.
    function standard() {
      var s = longest(w, STANDARD_LIST, 0), at = end(s.length), t;
      if (!s) return false;
      var kind = STANDARD[s];
      if (kind === 'amente' ? at < p1 : at < p2) return false;
      switch (kind) {
        case 'del': cut(s.length); break;
        case 'ador': cut(s.length); if (w.endsWith('ic')) inR2('ic'); break;
        case 'log': case 'u': case 'ente': cut(s.length, kind); break;
        case 'amente':
          cut(s.length);
          t = longest(w, ['iv', 'os', 'ic', 'ad'], 0);
          if (t && end(2) >= p2) {
            cut(2);
            if (t === 'iv' && w.endsWith('at')) inR2('at');
          }
          break;
        case 'mente': cut(s.length); inR2(longest(w, ['ante', 'able', 'ible'], 0)); break;
        case 'idad': cut(s.length); inR2(longest(w, ['abil', 'ic', 'iv'], 0)); break;
        default: cut(s.length); if (w.endsWith('at')) inR2('at'); // iva ivo ivas ivos
      }
      return true;
    }

    // Step 2a: verb endings in y (within RV), after u.
    function yVerb() {
      var s = longest(w, Y_VERB, pV);
      if (!s || w.charAt(end(s.length) - 1) !== 'u') return false;
      cut(s.length);
      return true;
    }

    // Step 2b: other verb endings, within RV; -en -es -éis -emos take a u after g with them.
    function verb() {
      var s = longest(w, VERB_LIST, pV);
      if (!s) return false;
      var at = end(s.length);
      if (VERB[s] === 'gu' && at >= 2 && w.slice(at - 2, at) === 'gu') cut(s.length + 1);
      else cut(s.length);
      return true;
    }

    if (!standard() && !yVerb()) verb();

    // Step 3: residual suffixes in RV; after -e or -é, also a u of gu in RV.
    var r = longest(w, RESIDUAL, 0), rAt = end(r.length);
    if (r && rAt >= pV) {
      cut(r.length);
      if ((r === 'e' || r === 'é') && /gu$/.test(w) && end(1) >= pV) cut(1);
    }

    return w.replace(/[áéíóú]/g, function (c) { return UNACCENT[c]; });
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
  globalThis.CausebookStemmers.es = stem;
  if (typeof module !== 'undefined') module.exports = stem;
})();
