// The text analyzer of causebook's search index, in JavaScript. It mirrors the tantivy analyzer
// used by `causebook build` and `causebook search` (src/search/analyzer.rs): tokens are runs of
// letters and digits, tokens of 40 UTF-8 bytes or more are dropped, then lower-casing, folding of
// accented Latin letters to ASCII and the Snowball English (Porter2) stemmer. The browser must
// produce the same terms as the index, or it cannot rank as the CLI does; tests compare both on
// Debian's 104,000-word list.
(function () {
  'use strict';
  var TOKEN = /[\p{Alphabetic}\p{N}]+/gu;
  var LATIN = /[\u00c0-\u024f\u1e00-\u1eff]/;
  var SPECIAL = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ł': 'l', 'ı': 'i',
    'ŀ': 'l', 'ŧ': 't', 'ħ': 'h', 'ŋ': 'n', 'ſ': 's', 'ƒ': 'f', 'ĳ': 'ij', 'ĸ': 'q', 'ŉ': 'n', 'ɐ': 'a' };

  function utf8Length(s) {
    var n = 0;
    for (var i = 0; i < s.length; i += 1) {
      var c = s.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c < 0xdc00) { n += 4; i += 1; }
      else n += 3;
    }
    return n;
  }

  function fold(word) {
    var out = '';
    Array.from(word).forEach(function (ch) {
      var lower = ch.toLowerCase();
      if (SPECIAL[lower]) { out += SPECIAL[lower]; return; }
      if (LATIN.test(lower)) lower = lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += lower;
    });
    return out;
  }

  // ---- Snowball English (Porter2) ----
  var EXCEPTIONS = { skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie', idly: 'idl', gently: 'gentl',
    ugly: 'ugli', early: 'earli', only: 'onli', singly: 'singl', sky: 'sky', news: 'news', howe: 'howe', atlas: 'atlas',
    cosmos: 'cosmos', bias: 'bias', andes: 'andes' };
  var AFTER_1A = { inning: 1, outing: 1, canning: 1, herring: 1, earring: 1, proceed: 1, exceed: 1, succeed: 1 };
  var STEP2 = [['ization', 'ize'], ['ational', 'ate'], ['fulness', 'ful'], ['ousness', 'ous'], ['iveness', 'ive'],
    ['tional', 'tion'], ['biliti', 'ble'], ['lessli', 'less'], ['entli', 'ent'], ['ation', 'ate'], ['alism', 'al'],
    ['aliti', 'al'], ['ousli', 'ous'], ['iviti', 'ive'], ['fulli', 'ful'], ['enci', 'ence'], ['anci', 'ance'],
    ['abli', 'able'], ['izer', 'ize'], ['ator', 'ate'], ['alli', 'al'], ['bli', 'ble'], ['ogi', 'og'], ['li', '']];
  var STEP3 = [['ational', 'ate'], ['tional', 'tion'], ['alize', 'al'], ['icate', 'ic'], ['iciti', 'ic'],
    ['ative', ''], ['ical', 'ic'], ['ness', ''], ['ful', '']];
  var STEP4 = ['ement', 'ance', 'ence', 'able', 'ible', 'ment', 'ant', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive',
    'ize', 'ion', 'al', 'er', 'ic'];

  function isVowel(c) { return 'aeiouy'.indexOf(c) >= 0 && c !== ''; }
  function endsWith(w, s) { return w.length >= s.length && w.slice(w.length - s.length) === s; }

  // Region after the first non-vowel that follows a vowel, from position `start`.
  function region(w, start) {
    for (var i = start + 1; i < w.length; i += 1) {
      if (!isVowel(w[i]) && isVowel(w[i - 1])) return i + 1;
    }
    return w.length;
  }

  function shortSyllableAt(w, i) { // syllable ending at index i (inclusive)
    if (i === 1) return isVowel(w[0]) && !isVowel(w[1]);
    return i >= 2 && !isVowel(w[i - 2]) && isVowel(w[i - 1]) && !isVowel(w[i]) && 'wxY'.indexOf(w[i]) < 0;
  }

  function stem(word) {
    if (word.length <= 2) return word;
    if (Object.prototype.hasOwnProperty.call(EXCEPTIONS, word)) return EXCEPTIONS[word];
    var w = word.charAt(0) === "'" ? word.slice(1) : word;
    var chars = w.split('');
    for (var i = 0; i < chars.length; i += 1) {
      if (chars[i] === 'y' && (i === 0 || isVowel(chars[i - 1]))) chars[i] = 'Y';
    }
    w = chars.join('');
    var p1 = /^(gener|commun|arsen)/.test(w) ? w.match(/^(gener|commun|arsen)/)[0].length : region(w, 0);
    var p2 = region(w, p1);

    // Step 0
    if (endsWith(w, "'s'")) w = w.slice(0, -3);
    else if (endsWith(w, "'s")) w = w.slice(0, -2);
    else if (endsWith(w, "'")) w = w.slice(0, -1);
    // Step 1a
    if (endsWith(w, 'sses')) w = w.slice(0, -2);
    else if (endsWith(w, 'ied') || endsWith(w, 'ies')) w = w.slice(0, -3) + (w.length > 4 ? 'i' : 'ie');
    else if (endsWith(w, 'us') || endsWith(w, 'ss')) { /* unchanged */ }
    else if (endsWith(w, 's') && /[aeiouy]/.test(w.slice(0, -2))) w = w.slice(0, -1);
    if (AFTER_1A[w]) return w;
    // Step 1b
    var m = w.match(/(eedly|ingly|edly|eed|ing|ed)$/);
    if (m) {
      var base = w.slice(0, w.length - m[1].length);
      if (m[1] === 'eed' || m[1] === 'eedly') {
        if (w.length - m[1].length >= p1) w = base + 'ee';
      } else if (/[aeiouy]/.test(base)) {
        w = base;
        if (endsWith(w, 'at') || endsWith(w, 'bl') || endsWith(w, 'iz')) w += 'e';
        else if (/(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(w)) w = w.slice(0, -1);
        else if (p1 >= w.length && shortSyllableAt(w, w.length - 1)) w += 'e';
      }
    }
    // Step 1c
    if (w.length > 2 && (endsWith(w, 'y') || endsWith(w, 'Y')) && !isVowel(w[w.length - 2])) w = w.slice(0, -1) + 'i';
    // Step 2
    w = replaceIn(w, STEP2, p1, function (s, stemPart) {
      if (s === 'ogi') return endsWith(stemPart, 'l');
      if (s === 'li') return /[cdeghkmnrt]$/.test(stemPart);
      return true;
    });
    // Step 3
    w = replaceIn(w, STEP3, p1, null, p2);
    // Step 4
    for (var j = 0; j < STEP4.length; j += 1) {
      var s4 = STEP4[j];
      if (endsWith(w, s4)) {
        var start = w.length - s4.length;
        if (start >= p2 && (s4 !== 'ion' || /[st]$/.test(w.slice(0, start)))) w = w.slice(0, start);
        break;
      }
    }
    // Step 5
    if (endsWith(w, 'e')) {
      var e = w.length - 1;
      if (e >= p2 || (e >= p1 && !shortSyllableAt(w, e - 1))) w = w.slice(0, -1);
    } else if (endsWith(w, 'll') && w.length - 1 >= p2) {
      w = w.slice(0, -1);
    }
    return w.replace(/Y/g, 'y');
  }

  // Replaces the longest listed suffix if it lies in the region from `p1` (and passes `check`);
  // `ative` in step 3 also needs R2 (`p2`).
  function replaceIn(w, table, p1, check, p2) {
    var best = null;
    table.forEach(function (pair) {
      if (endsWith(w, pair[0]) && (!best || pair[0].length > best[0].length)) best = pair;
    });
    if (!best) return w;
    var start = w.length - best[0].length;
    if (start < p1) return w;
    if (best[0] === 'ative' && start < p2) return w;
    if (check && !check(best[0], w.slice(0, start))) return w;
    return w.slice(0, start) + best[1];
  }

  function analyze(text) {
    var out = [];
    (String(text).match(TOKEN) || []).forEach(function (token) {
      if (utf8Length(token) >= 40) return;
      var folded = fold(token);
      out.push({ folded: folded, stem: stem(folded) });
    });
    return out;
  }

  var api = { analyze: analyze, stem: stem };
  if (typeof module !== 'undefined') module.exports = api;
  else globalThis.CausebookAnalyzer = api;
})();
