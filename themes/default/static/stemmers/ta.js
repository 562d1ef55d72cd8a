// Snowball Tamil stemmer, in the revision rust-stemmers 1.2 implements (the index's stemmer),
// so that the browser stems a query exactly as the index did. Checked against rust-stemmers by
// tests/js/stemmer_parity.js (tests/integration/stemmers.rs). No dependencies; ES2018.
//
// Input: one lower-cased word. Tamil letters are code points: a consonant, then a vowel sign or
// the pulli (்). Lists marked "in order" try their endings one after the other (the first that
// the word ends with decides), as the Snowball source does; the others take the longest.
(function () {
  'use strict';

  var PULLI = '்';
  var VOWEL_SIGNS = 'ாிீுூெேை';
  var HARD = 'கசடதபற';
  var VOWELS = 'அஆஇஈஉஊஎஏஐஒஓஔ';
  function words(s) { return s.split(' '); }

  function stemBmp(w) {
    var vetrumai = false; // a case ending went (read by fixEnding)
    var matched = false;
    var length = 0;

    function at(i) { return i >= 0 ? w.charAt(i) : ''; }
    // The letter before an ending of n letters.
    function before(n) { return at(w.length - n - 1); }
    function replaceEnd(n, by) { w = w.slice(0, w.length - n) + by; }
    function hasMinLength() {
      length = w.length;
      return length > 4;
    }
    // The longest of `list` that w ends with, or ''.
    function longest(list) {
      var best = '';
      list.forEach(function (s) { if (s.length > best.length && w.endsWith(s)) best = s; });
      return best;
    }
    // The first of `list` (in order) that w ends with and whose condition holds, or ''. An entry
    // is an ending or [ending, condition on the letter before it].
    function first(list) {
      for (var i = 0; i < list.length; i += 1) {
        var e = list[i], s = typeof e === 'string' ? e : e[0];
        if (w.endsWith(s) && (typeof e === 'string' || e[1](before(s.length), s))) return s;
      }
      return '';
    }
    function notIn(set) { return function (c) { return c === '' || set.indexOf(c) < 0; }; }
    function isIn(set) { return function (c) { return c !== '' && set.indexOf(c) >= 0; }; }

    // At the start: வோ வொ வு வூ become ஓ ஒ உ ஊ.
    function fixVaStart() {
      var m = /^வ[ோொுூ]/.exec(w);
      if (m) w = { 'ோ': 'ஓ', 'ொ': 'ஒ', 'ு': 'உ', 'ூ': 'ஊ' }[m[0].charAt(1)] + w.slice(2);
    }

    // Repairs the end of the word; true if it changed something.
    function fixEnding() {
      if (w.length <= 3) return false;
      var n = w.length, s;
      if ((s = longest(['ந்', 'ந்த', 'ந்த்']))) replaceEnd(s.length, '');
      else if (w.endsWith('ய்') && isIn('ைிீ')(before(2))) replaceEnd(2, '');
      else if (w.endsWith('ட்ப்') || w.endsWith('ட்க்')) replaceEnd(4, 'ள்');
      else if (w.endsWith('ன்ற்') || w.endsWith('ற்க்')) replaceEnd(4, 'ல்');
      else if (w.endsWith('ட்ட்')) replaceEnd(4, 'டு');
      else if (vetrumai && w.endsWith('த்த்') && before(4) !== 'ை') replaceEnd(4, 'ம்');
      else if ((s = first(['ுக்', 'ுக்க்']))) replaceEnd(s.length, PULLI);
      else if (at(n - 1) === PULLI && isIn(HARD)(at(n - 2)) && at(n - 3) === PULLI && isIn(HARD)(at(n - 4))) {
        replaceEnd(4, '');
      }
      else if (at(n - 1) === PULLI && isIn(HARD)(at(n - 2))) replaceEnd(2, '');
      else if (at(n - 1) === PULLI && isIn('யரலளழவஙஞணநனம')(at(n - 2)) && at(n - 3) === PULLI) replaceEnd(3, PULLI);
      else if ((s = longest(['வ', 'ய', 'வ்']))) replaceEnd(s.length, '');
      else if (w.endsWith('னு') && notIn(VOWEL_SIGNS)(before(2))) replaceEnd(2, '');
      else if (w.endsWith('ங்') && before(2) !== 'ை') replaceEnd(2, 'ம்');
      else if (w.endsWith('ங்')) replaceEnd(2, '');
      else if (at(n - 1) === PULLI && isIn(VOWEL_SIGNS + PULLI)(at(n - 2))) replaceEnd(1, '');
      else return false;
      return true;
    }
    function fixEndings() { while (fixEnding()) { /* again */ } }

    var COMMON = ['ுடன்', 'ில்லை', 'ிடம்', 'ின்றி', 'ாகி', 'ாகிய', 'ென்று', 'ுள்ள', 'ுடைய', 'ுடை', 'ெனும்',
      ['ல்ல', notIn(VOWEL_SIGNS)], 'ென', 'ாகி'];
    var COMMON_WORDS = words('படு பட்ட பட்டு பட்டது பட்டண குரிய பற்றி விடு விட்டு படிதான படி தான ெல்லாம்');
    var CASE_TO_PULLI = ['ொடு', 'ோடு', 'ில்', 'ிற்', ['ின்', function (c) { return c !== 'ம'; }], 'ின்று',
      'ிருந்து', 'விட', ['ிடம்', function () { return length >= 7; }], 'ால்', 'ுடை', 'ாமல்',
      ['ல்', notIn(VOWEL_SIGNS)], 'ுள்'];
    var CASE_WORDS = ['கண்', 'முன்', 'மேல்', 'மேற்', 'கீழ்', 'பின்', ['து', notIn(VOWEL_SIGNS)]];
    var TENSE_DELETE = ['மார்', 'மின்', 'னன்', 'னான்', 'னாள்', 'னார்', ['வன்', notIn(VOWELS)], 'னள்', 'வள்',
      'னர்', 'வர்', 'ன', 'ப', 'க', 'த', 'ய', 'பன்', 'பள்', 'பர்', ['து', notIn(VOWEL_SIGNS)], 'ிற்று',
      'பம்', 'னம்', 'தும்', 'றும்', 'கும்', 'னென்', 'னை', 'வை'];
    var TENSE_TO_PULLI = [['ான்', function (c) { return c !== 'ச'; }], 'ாள்', 'ார்', 'ேன்', 'ா', 'ாம்', 'ெம்',
      'ேம்', 'ோம்', 'கும்', 'தும்', 'டும்', 'றும்', 'ாய்', 'னென்', 'னிர்', 'ீர்', 'ீயர்'];

    // Steps, in the order of the Snowball source.
    fixEnding();
    if (!hasMinLength()) return w;

    // A question prefix எ + consonant + pulli; then a pronoun prefix அ இ உ + consonant + pulli.
    if (/^எ[கசதவநபமயஙஞ]்/.test(w)) {
      w = w.slice(3);
      fixVaStart();
    }
    if (/^[அஇஉ][கசதவநபமயஙஞ]்/.test(w)) {
      w = w.slice(3);
      fixVaStart();
    }

    // Question suffixes ோ ே ா become pulli.
    if (hasMinLength()) {
      if (/[ோோ]$/.test(w)) replaceEnd(1, PULLI);
      fixEndings();
    }
    // -ும் becomes pulli.
    if (hasMinLength() && w.endsWith('ும்')) {
      replaceEnd(3, PULLI);
      fixEnding();
    }
    // Words that attach to others.
    if (hasMinLength()) {
      var c = first(COMMON), d;
      if (c) replaceEnd(c.length, PULLI);
      else if ((d = longest(COMMON_WORDS))) replaceEnd(d.length, '');
      if (c || d) fixEndings();
    }
    // Case endings (vetrumai urupukal).
    vetrumai = false;
    if (hasMinLength()) {
      var done = true, s;
      if (w.endsWith('னை')) replaceEnd(2, '');
      else if (w.endsWith('ினை')) replaceEnd(3, PULLI);
      else if (w.endsWith('ை') && (notIn(HARD)(before(1)) || at(w.length - 3) === PULLI)) replaceEnd(1, PULLI);
      else if ((s = first(CASE_TO_PULLI))) replaceEnd(s.length, PULLI);
      else if ((s = first(CASE_WORDS))) replaceEnd(s.length, '');
      else if (w.endsWith('ீ')) replaceEnd(1, 'ி');
      else done = false;
      if (done) {
        vetrumai = true;
        if (w.endsWith('ின்')) replaceEnd(3, PULLI);
        fixEndings();
      }
    }
    // Plural -கள்.
    if (w.endsWith('ுங்கள்') && notIn(HARD)(before(6))) replaceEnd(6, PULLI);
    else if (w.endsWith('ற்கள்')) replaceEnd(5, 'ல்');
    else if (w.endsWith('ட்கள்')) replaceEnd(5, 'ள்');
    else if (w.endsWith('கள்')) replaceEnd(3, '');
    // Command suffixes பி வி.
    if (hasMinLength() && /(பி|வி)$/.test(w)) replaceEnd(2, '');
    // Tense suffixes, as long as one goes.
    matched = true;
    while (matched) {
      matched = false;
      if (!hasMinLength()) break;
      var t;
      if ((t = longest(['கொண்டிர்', 'படு']))) {
        replaceEnd(t.length, '');
        matched = true;
      } else if ((t = first(TENSE_DELETE))) {
        replaceEnd(t.length, '');
        matched = true;
      } else if ((t = first(TENSE_TO_PULLI))) {
        replaceEnd(t.length, PULLI);
        matched = true;
      } else if (/(கு|து)$/.test(w) && before(2) === PULLI) {
        replaceEnd(2, '');
        matched = true;
      }
      if ((t = longest(['ாநின்ற', 'ாநின்ற்', 'கின்ற', 'கின்ற்', 'கிற', 'கிற்']))) {
        replaceEnd(t.length, '');
        matched = true;
      }
      fixEndings();
    }
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
  globalThis.CausebookStemmers.ta = stem;
  if (typeof module !== 'undefined') module.exports = stem;
})();
