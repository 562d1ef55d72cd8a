// Snowball Arabic stemmer, in the revision rust-stemmers 1.2 implements (the index's stemmer),
// so that the browser stems a query exactly as the index did. Checked against rust-stemmers by
// tests/js/stemmer_parity.js (tests/integration/stemmers.rs). No dependencies; ES2018.
//
// Input: one lower-cased word. The stemmer normalises it first (drops diacritics and tatweel,
// turns presentation forms into letters and Arabic-Indic digits into ASCII ones).
//
// The steps keep a cursor: suffix steps work back from it and prefix steps forward from it,
// and where a step leaves it matters to the next one (as in the Snowball source). Length
// conditions count the characters of the whole word as it is when the step starts.
(function () {
  'use strict';

  // Suffix steps: [endings, least word length] pairs; the longest ending that fits decides.
  var NOUN_1A = [['ك ه ي', 4], ['كم هم هن نا ها', 5], ['كما هما', 6]];
  var NOUN_1B = [['ن', 6]];
  var NOUN_2A = [['و ي ا', 5]];
  var NOUN_2B = [['ات', 5]];
  var NOUN_2C1 = [['ت', 4]];
  var NOUN_2C2 = [['ة', 4]];
  var NOUN_3 = [['ي', 3]];
  var VERB_1 = [['ك ه', 4], ['كم هم كن هن ني نا ها', 5], ['كمو كما هما', 6]];
  var VERB_2A = [['ت ن ي ا', 4], ['تن نا تا', 5], ['ون ين ان', 6], ['تما', 6]];
  var VERB_2B = [['تم وا', 5]];
  var VERB_2C = [['و', 4], ['تمو', 6]];

  function stemBmp(w) {
    var isNoun = true, isVerb = true, isDefined = false, wordLen = 0, c;

    // Checks: a word with the article is a noun.
    var art = /^(بال|كال|ال|لل)/.exec(w);
    if (art && w.length > (art[0].length === 3 ? 4 : 3)) {
      isVerb = false;
      isDefined = true;
    }

    // Normalisation before stemming.
    w = w.replace(/[!"%*,./:;?\\،؛؟ـ\u064b-\u0652٪٫٬]/g, '')
      .replace(/[٠-٩]/g, function (d) { return String(d.charCodeAt(0) - 0x660); })
      .replace(/[\ufe80-\ufefc]/g, function (f) { return f.normalize('NFKC'); });

    // A suffix step at the cursor c: deletes the longest ending of `table` that ends at c if the
    // word is long enough for it, and leaves the cursor where it began.
    function suffix(table) {
      wordLen = w.length;
      var best = null;
      table.forEach(function (group) {
        group[0].split(' ').forEach(function (s) {
          if ((!best || s.length > best[0].length) && w.slice(0, c).endsWith(s)) best = [s, group[1]];
        });
      });
      if (!best || wordLen < best[1]) return false;
      w = w.slice(0, c - best[0].length) + w.slice(c);
      c -= best[0].length;
      return true;
    }

    function verbSuffixes() {
      if (!isVerb) return false;
      var n = 0;
      while (suffix(VERB_1)) n += 1;
      if (n > 0) {
        if (suffix(VERB_2A) || suffix(VERB_2C)) return true;
        if (c > 0) {
          c -= 1; // passes over the last letter
          return true;
        }
      }
      c = w.length;
      if (suffix(VERB_2B)) return true;
      c = w.length;
      return suffix(VERB_2A);
    }

    function nounSuffixes() {
      if (!isNoun) return false;
      (function () {
        if (suffix(NOUN_2C2)) return;
        c = w.length;
        if (!isDefined && suffix(NOUN_1A)) {
          if (suffix(NOUN_2A) || suffix(NOUN_2B) || suffix(NOUN_2C1)) return;
          if (c > 0) {
            c -= 1; // passes over the last letter: step 3 then looks before it
            return;
          }
        }
        c = w.length;
        if (suffix(NOUN_1B) && (suffix(NOUN_2A) || suffix(NOUN_2B) || suffix(NOUN_2C1))) return;
        c = w.length;
        if (!isDefined && suffix(NOUN_2A)) return;
        c = w.length;
        if (suffix(NOUN_2B)) return;
        c = w.length;
      })();
      return suffix(NOUN_3);
    }

    c = w.length;
    if (!verbSuffixes()) {
      c = w.length;
      if (!nounSuffixes()) {
        // alef maqsura -> ya
        c = w.length;
        wordLen = w.length;
        if (w.endsWith('ى')) w = w.slice(0, -1) + 'ي';
      }
    }

    // Prefix steps, forward from the cursor c. A step replaces (or deletes) the longest prefix
    // of `table` starting at c if the word is longer than `more`, and moves the cursor after
    // what it put there.
    function prefix(table, more) {
      wordLen = w.length;
      var best = '';
      Object.keys(table).forEach(function (p) {
        if (p.length > best.length && w.startsWith(p, c)) best = p;
      });
      if (!best || wordLen <= more(best)) return false;
      w = w.slice(0, c) + table[best] + w.slice(c + best.length);
      c += table[best].length;
      return true;
    }
    function over(n) { return function () { return n; }; }

    c = 0;
    prefix({ أأ: 'أ', أآ: 'آ', أؤ: 'أ', أا: 'ا', أإ: 'إ' }, over(3)) || (c = 0);
    var at = c;
    wordLen = w.length;
    if (w.startsWith('فا', c) || w.startsWith('وا', c) || !prefix({ ف: '', و: '' }, over(3))) c = at;
    at = c;
    if (!prefix({ بال: '', كال: '', ال: '', لل: '' }, function (p) { return p.length === 3 ? 5 : 4; })) {
      c = at;
      var noun = isNoun && !w.startsWith('با', c) && prefix({ ب: '', بب: 'ب', كك: 'ك' }, over(3));
      if (isNoun && !noun) wordLen = w.length; // step 3b counted the word, then failed
      c = at;
      if (!noun && isVerb) {
        if (!prefix({ سي: 'ي', ست: 'ت', سن: 'ن', سأ: 'أ' }, over(4))) c = at;
        if (prefix({ تست: 'است', نست: 'است', يست: 'است' }, over(4))) {
          isVerb = true;
          isNoun = false;
        }
      }
    }

    // Normalisation after stemming: a final hamza seat becomes hamza; then, in as many letters
    // from the start as the last step counted in the word, the seats become their letters.
    if (/[آأإؤئ]$/.test(w)) w = w.slice(0, -1) + 'ء';
    var n = Math.min(wordLen, w.length);
    return w.slice(0, n).replace(/[آأإ]/g, 'ا').replace(/ؤ/g, 'و').replace(/ئ/g, 'ي') + w.slice(n);
  }

  // Snowball counts characters: stem with each astral character as one stand-in that is no
  // letter of any rule (its rules only touch BMP letters, so they come back in order).
  function stem(word) {
    var astral = [];
    var w = stemBmp(String(word).replace(/[\ud800-\udbff][\udc00-\udfff]/g, function (c) {
      astral.push(c);
      return '\u0000';
    }));
    return astral.length ? w.replace(/\u0000/g, function () { return astral.shift(); }) : w;
  }

  globalThis.CausebookStemmers = globalThis.CausebookStemmers || {};
  globalThis.CausebookStemmers.ar = stem;
  if (typeof module !== 'undefined') module.exports = stem;
})();
