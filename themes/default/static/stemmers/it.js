// Snowball Italian stemmer, in the revision rust-stemmers 1.2 implements (the index's stemmer),
// so that the browser stems a query exactly as the index did. Checked against rust-stemmers by
// tests/js/stemmer_parity.js (tests/integration/stemmers.rs). No dependencies; ES2018.
//
// Input: one lower-cased word, not accent-folded.
(function () {
  'use strict';

  var VOWELS = 'aeiouàèìòù';
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

  var PRONOUNS = words('ci gli la le li lo mi ne si ti vi sene gliela gliele glieli glielo gliene ' +
    'mela mele meli melo mene tela tele teli telo tene cela cele celi celo cene vela vele veli velo vene');
  var STANDARD = table([
    ['anza anze ico ici ica ice iche ichi ismo ismi abile abili ibile ibili ista iste isti istà istè ' +
      'istì oso osi osa ose mente atrice atrici ante anti', 'del'],
    ['azione azioni atore atori', 'azione'], ['logia logie', 'log'],
    ['uzione uzioni usione usioni', 'u'], ['enza enze', 'ente'],
    ['amento amenti imento imenti', 'amento'], ['amente', 'amente'], ['ità', 'ita'],
    ['ivo ivi iva ive', 'ivo']
  ]);
  var STANDARD_LIST = Object.keys(STANDARD);
  var VERB = words('ammo ando ano are arono asse assero assi assimo ata ate ati ato ava avamo avano ' +
    'avate avi avo emmo enda ende endi endo erà erai eranno ere erebbe erebbero erei eremmo eremo ' +
    'ereste eresti erete erò erono essero ete eva evamo evano evate evi evo Yamo iamo immo irà irai ' +
    'iranno ire irebbe irebbero irei iremmo iremo ireste iresti irete irò irono isca iscano isce ' +
    'isci isco iscono issero ita ite iti ito iva ivamo ivano ivate ivi ivo ono uta ute uti uto ar ir');
  var ACCENT = { á: 'à', é: 'è', í: 'ì', ó: 'ò', ú: 'ù' };

  function stemBmp(word) {
    // Prelude: acute accents become grave; u after q, and u, i between vowels are consonants
    // (upper case).
    var a = word.replace(/[áéíóú]/g, function (c) { return ACCENT[c]; }).replace(/qu/g, 'qU').split('');
    for (var c = 0; c + 2 < a.length; c += 1) {
      var n = a[c + 1], w0 = a.join('');
      if ((n === 'u' || n === 'i') && isV(w0, c) && isV(w0, c + 2)) a[c + 1] = n.toUpperCase();
    }
    var w = a.join('');

    var pV = regionV(w), p1 = region(w, 0), p2 = region(w, p1);
    function end(n) { return w.length - n; }
    function cut(n, add) { w = w.slice(0, w.length - n) + (add || ''); }
    // Deletes a just-found `suffix` if it lies in R2; tells whether it did.
    function inR2(suffix) {
      if (!suffix || end(suffix.length) < p2) return false;
      cut(suffix.length);
      return true;
    }

    // Step 0: an attached pronoun after -ando -endo (deleted) or -ar -er -ir (becomes e), in RV.
    var pro = longest(w, PRONOUNS, 0);
    if (pro) {
      var before = longest(w.slice(0, end(pro.length)), ['ando', 'endo', 'ar', 'er', 'ir'], 0);
      if (before && end(pro.length + before.length) >= pV) cut(pro.length, before.length === 2 ? 'e' : '');
    }

    // Step 1: standard suffixes. False when the longest one found does not apply.
    function standard() {
      var s = longest(w, STANDARD_LIST, 0), at = end(s.length), t;
      if (!s) return false;
      var kind = STANDARD[s];
      if (kind === 'amente' ? at < p1 : kind === 'amento' ? at < pV : at < p2) return false;
      switch (kind) {
        case 'del': case 'amento': cut(s.length); break;
        case 'azione': cut(s.length); if (w.endsWith('ic')) inR2('ic'); break;
        case 'log': case 'u': case 'ente': cut(s.length, kind); break;
        case 'amente':
          cut(s.length);
          t = longest(w, ['ic', 'abil', 'os', 'iv'], 0);
          if (inR2(t) && t === 'iv' && w.endsWith('at')) inR2('at');
          break;
        case 'ita': cut(s.length); inR2(longest(w, ['ic', 'abil', 'iv'], 0)); break;
        default: // ivo ivi iva ive
          cut(s.length);
          if (w.endsWith('at') && inR2('at') && w.endsWith('ic')) inR2('ic');
      }
      return true;
    }

    // Step 2: verb endings within RV.
    if (!standard()) {
      var v = longest(w, VERB, pV);
      if (v) cut(v.length);
    }

    // Step 3a: a final a e i o à è ì ò in RV, then an i before it in RV.
    if (/[aeioàèìò]$/.test(w) && end(1) >= pV) {
      cut(1);
      if (w.endsWith('i') && end(1) >= pV) cut(1);
    }
    // Step 3b: ch, gh -> c, g in RV.
    if (/[cg]h$/.test(w) && end(2) >= pV) cut(1);

    return w.replace(/[IU]/g, function (ch) { return ch.toLowerCase(); });
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
  globalThis.CausebookStemmers.it = stem;
  if (typeof module !== 'undefined') module.exports = stem;
})();
