// Snowball Romanian stemmer, in the revision rust-stemmers 1.2 implements (the index's stemmer),
// so that the browser stems a query exactly as the index did. Checked against rust-stemmers by
// tests/js/stemmer_parity.js (tests/integration/stemmers.rs). No dependencies; ES2018.
//
// Input: one lower-cased word, not accent-folded. This revision knows ş and ţ with a cedilla
// (U+015F, U+0163) only: words written with the comma below (ș, ț) keep those endings.
(function () {
  'use strict';

  var VOWELS = 'aeiouâîă';
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

  // Step 0: plurals and articles, in R1 (the value replaces the ending; 'ile' not after ab).
  var STEP0 = table([
    ['ul ului', ''], ['aua', 'a'], ['ea ele elor', 'e'], ['ii iua iei iile iilor ilor', 'i'],
    ['ile', 'ile'], ['atei', 'at'], ['aţie aţia', 'aţi']
  ]);
  var STEP0_LIST = Object.keys(STEP0);
  // Combined suffixes, in R1, reduced to their first part.
  var COMBO = table([
    ['abilitate abilitati abilităi abilităţi', 'abil'], ['ibilitate', 'ibil'],
    ['ivitate ivitati ivităi ivităţi', 'iv'],
    ['icitate icitati icităi icităţi icator icatori iciv iciva icive icivi icivă ical icala icale ' +
      'icali icală', 'ic'],
    ['ativ ativa ative ativi ativă aţiune atoare ator atori ătoare ător ători', 'at'],
    ['itiv itiva itive itivi itivă iţiune itoare itor itori', 'it']
  ]);
  var COMBO_LIST = Object.keys(COMBO);
  // Standard suffixes, in R2.
  var STANDARD = table([
    ['at ata ată ati ate ut uta ută uti ute it ita ită iti ite ic ica ice ici ică abil abila abile ' +
      'abili abilă ibil ibila ibile ibili ibilă atori itate itati ităţi ităi os osi oşi oasa oasă ' +
      'oase ant anta ante anti antă ator iv iva ive ivi ivă', ''],
    ['iune iuni', 'iune'], ['ist ista iste isti istă işti ism isme', 'ist']
  ]);
  var STANDARD_LIST = Object.keys(STANDARD);
  // Verb endings, in RV; the first set only after a non-vowel or u.
  var VERB = table([
    ['are ere ire âre ind ând indu ându eze ească ez ezi ează esc ăsc eşte ăşte eşti ăşti ea ia ' +
      'ai eai iai ui âi ase ise use âse aşi aseşi iseşi useşi âseşi işi uşi âşi eaţi iaţi ' +
      'arăţi aserăţi iserăţi userăţi âserăţi irăţi urăţi ârăţi am eam iam asem isem usem âsem ' +
      'arăm aserăm iserăm userăm âserăm irăm urăm ârăm au eau iau ară aseră iseră useră âseră ' +
      'iră ură âră', 'after'],
    ['se sese sei seşi seseşi aţi eţi iţi serăţi seserăţi âţi em sesem im ăm serăm seserăm âm ' +
      'seră seseră', 'any']
  ]);
  var VERB_LIST = Object.keys(VERB);

  function stemBmp(word) {
    // Prelude: u and i between vowels are consonants (upper case).
    var a = word.split('');
    for (var c = 0; c + 2 < a.length; c += 1) {
      var n = a[c + 1], w0 = a.join('');
      if ((n === 'u' || n === 'i') && isV(w0, c) && isV(w0, c + 2)) a[c + 1] = n.toUpperCase();
    }
    var w = a.join('');

    var pV = regionV(w), p1 = region(w, 0), p2 = region(w, p1), s, at;
    function end(k) { return w.length - k; }
    function cut(k, add) { w = w.slice(0, w.length - k) + (add || ''); }

    // Step 0
    s = longest(w, STEP0_LIST, 0);
    at = end(s.length);
    if (s && at >= p1) {
      if (s !== 'ile') cut(s.length, STEP0[s]);
      else if (!w.slice(0, at).endsWith('ab')) cut(3, 'i');
    }

    // Step 1: combined suffixes, as long as one applies; then step 2, a standard suffix.
    var removed = false;
    for (;;) {
      s = longest(w, COMBO_LIST, 0);
      if (!s || end(s.length) < p1) break;
      cut(s.length, COMBO[s]);
      removed = true;
    }
    s = longest(w, STANDARD_LIST, 0);
    at = end(s.length);
    if (s && at >= p2) {
      if (STANDARD[s] === 'ist') {
        cut(s.length, 'ist');
        removed = true;
      } else if (STANDARD[s] === 'iune') {
        if (w.charAt(at - 1) === 'ţ') {
          cut(s.length + 1, 't');
          removed = true;
        }
      } else {
        cut(s.length);
        removed = true;
      }
    }

    // Step 3: verb endings within RV, if no suffix went.
    if (!removed) {
      s = longest(w, VERB_LIST, pV);
      at = end(s.length);
      if (s && (VERB[s] === 'any' || (at - 1 >= pV && (!isV(w, at - 1) || w.charAt(at - 1) === 'u')))) cut(s.length);
    }

    // Step 4: a final vowel in RV.
    s = longest(w, ['a', 'e', 'i', 'ie', 'ă'], 0);
    if (s && end(s.length) >= pV) cut(s.length);

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
  globalThis.CausebookStemmers.ro = stem;
  if (typeof module !== 'undefined') module.exports = stem;
})();
