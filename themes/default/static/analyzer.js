// The search text analyzer, a line-for-line port of the tantivy analyzer in
// src/search/analyzer.rs: SimpleTokenizer -> RemoveLongFilter(40) -> LowerCaser, then for
// English AsciiFoldingFilter -> Stemmer(English), for another language its Snowball stemmer
// (stemmers/<code>.js, loaded by the page) -> AsciiFoldingFilter, and for the plain analyzer
// folding alone. German compounds also split into the index's words (src/search/compound.rs).
// The browser looks terms up in an index built by that Rust code, so it must turn a query into
// exactly the same terms, or the browser's results and ranking would drift from `causebook
// search`. tests/js/analyzer_parity.js checks this against the Rust analyzer's output. No
// dependencies; ES2018.
(function () {
  'use strict';

  // AsciiFoldingFilter (Lucene's table): canonical decomposition without marks covers most
  // accented letters; compatibility decomposition is used only for the blocks Lucene folds
  // that way (super/subscripts, enclosed alphanumerics, ligatures, fullwidth forms).
  var COMPAT = /[\u00b2\u00b3\u00b9\u1d62-\u1d65\u2070-\u2094\u2460-\u24ff\u2c7c\ufb00-\ufb04\ufb06\uff00-\uffef]/u;
  // Letters that do not decompose to ASCII, as runs: "hex first code point, then one folding
  // per consecutive code point" ('-' = none). Includes Lucene's quirks (U+01E5, U+01E7 -> G).
  var FOLD = {};
  ('df ss,e6 ae,f0 d,f8 o,fe th,111 d,127 h,131 i - ij,138 q,140 l - l,149 n - n,153 oe,167 t,' +
    '17f s b - - b,188 c,18c d,192 f - - hv,199 k l,19e n,1a5 p,1ab t - t,1b4 y - z,1bf w,' +
    '1c6 dz - - lj - - nj,1dd e,1e3 ae - G - G,1f3 dz,1fd ae - o,21d z,221 d - ou - z,' +
    '234 l n t j db qp - - c - - s z,247 e - j - q - r - y a - - b o c d d e a a e e e e j g g G - - ' +
    'h h - i - I l l l - m m m n n N o OE,27c r r r r R R s - j - - t t u - v v w y Y z z,' +
    '297 C - B e G H j k L q - - dz - dz ts - tc - ls lz - - h h,1d00 A AE ae B C D D E e i J K L M N O O,' +
    '1d14 oe OU o o P R R T U,1d20 V W Z,1d6b ue b d f m n p r r s t z g - g th I i p U - b d f g k l m n ' +
    'p r s - v x z a - d e e e a i o - u,1e9a a f s s,1efb ll,1eff y,2094 a,2184 c,' +
    '24eb 11 12 13 14 15 16 17 18 19 20 1 2 3 4 5 6 7 8 9 10 0,' +
    '2776 1 2 3 4 5 6 7 8 9 10 1 2 3 4 5 6 7 8 9 10 1 2 3 4 5 6 7 8 9 10,2c61 l,2c65 a t - h - k - z,' +
    '2c71 v - w v - h - e - o E,a729 tz,a730 F S - aa - ao - au - av - av - ay - c - k - k - k - l - l - ' +
    'o - o - oo - p - p - p - q - q - r,a75f v - vy - z,a767 th,a77a d - f - - g - l - r - S,a7fb F p M I M'
  ).split(',').forEach(function (run) {
    var f = run.split(' '), cp = parseInt(f[0], 16);
    for (var i = 1; i < f.length; i += 1) if (f[i] !== '-') FOLD[cp + i - 1] = f[i];
  });

  function foldChar(c) {
    var f = FOLD[c.codePointAt(0)];
    if (f !== undefined) return f;
    var d = c.normalize(COMPAT.test(c) ? 'NFKD' : 'NFD').replace(/\p{M}/gu, '');
    return d && /^[\x00-\x7f]+$/.test(d) ? d : c;
  }

  // Snowball English (Porter2) stemmer, in the older revision rust-stemmers 1.2 implements.
  // Words are lower case; 'Y' marks a consonant y. Suffix regexes anchored at $ find the
  // longest listed suffix (the leftmost match), as Snowball's `among` does.
  var EXC = { skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie', idly: 'idl',
    gently: 'gentl', ugly: 'ugli', early: 'earli', only: 'onli', singly: 'singl', sky: 'sky',
    news: 'news', howe: 'howe', atlas: 'atlas', cosmos: 'cosmos', bias: 'bias', andes: 'andes' };
  var EXC2 = /^(inning|outing|canning|herring|earring|proceed|exceed|succeed)$/;
  var S2 = { tional: 'tion', enci: 'ence', anci: 'ance', abli: 'able', entli: 'ent', izer: 'ize',
    ization: 'ize', ational: 'ate', ation: 'ate', ator: 'ate', alism: 'al', aliti: 'al', alli: 'al',
    fulness: 'ful', ousli: 'ous', ousness: 'ous', iveness: 'ive', iviti: 'ive', biliti: 'ble',
    bli: 'ble', ogi: 'og', fulli: 'ful', lessli: 'less', li: '' };
  var S3 = { tional: 'tion', ational: 'ate', alize: 'al', icate: 'ic', iciti: 'ic', ical: 'ic',
    ful: '', ness: '', ative: '' };
  function suffixes(o) { return new RegExp('(' + Object.keys(o).join('|') + ')$'); }
  var R2 = suffixes(S2), R3 = suffixes(S3);
  var R4 = /(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ism|ate|iti|ous|ive|ize|ion)$/;

  function isV(w, i) { return i >= 0 && i < w.length && 'aeiouy'.indexOf(w.charAt(i)) >= 0; }
  // Does w[0..n) end in a short syllable?
  function shortV(w, n) {
    return n >= 2 && !isV(w, n - 1) && isV(w, n - 2) &&
      (n === 2 || (!isV(w, n - 3) && 'wxY'.indexOf(w.charAt(n - 1)) < 0));
  }
  // Position after the first non-vowel that follows a vowel, from `from` on (R1/R2 start).
  function region(w, from) {
    var m = /[aeiouy][^aeiouy]/.exec(w.slice(from));
    return m ? from + m.index + 2 : w.length;
  }

  function stemBmp(w) {
    if (Object.prototype.hasOwnProperty.call(EXC, w)) return EXC[w];
    if (w.length < 3) return w;
    w = w.replace(/^y/, 'Y').replace(/([aeiouy])y/g, '$1Y');
    var m = /^(gener|commun|arsen)/.exec(w);
    var p1 = m ? m[0].length : region(w, 0), p2 = region(w, p1), s;

    // Step 1a
    if (/sses$/.test(w)) w = w.slice(0, -2);
    else if (/ie[ds]$/.test(w)) w = w.slice(0, -3) + (w.length > 4 ? 'i' : 'ie');
    else if (/[^us]s$/.test(w) && /[aeiouy]/.test(w.slice(0, -2))) w = w.slice(0, -1);
    if (EXC2.test(w)) return w;

    // Step 1b
    if ((m = /(eed|eedly|ed|edly|ing|ingly)$/.exec(w))) {
      s = m.index;
      if (/^eed/.test(m[1])) {
        if (s >= p1) w = w.slice(0, s) + 'ee';
      } else if (/[aeiouy]/.test(w.slice(0, s))) {
        w = w.slice(0, s);
        if (/(at|bl|iz)$/.test(w)) w += 'e';
        else if (/(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(w)) w = w.slice(0, -1);
        else if (w.length === p1 && shortV(w, w.length)) w += 'e';
      }
    }
    // Step 1c
    if (w.length > 2 && /[^aeiouy][yY]$/.test(w)) w = w.slice(0, -1) + 'i';
    // Step 2
    if ((m = R2.exec(w)) && (s = m.index) >= p1) {
      if (m[1] === 'ogi' ? w.charAt(s - 1) === 'l' : m[1] !== 'li' || 'cdeghkmnrt'.indexOf(w.charAt(s - 1)) >= 0) {
        w = w.slice(0, s) + S2[m[1]];
      }
    }
    // Step 3
    if ((m = R3.exec(w)) && (s = m.index) >= p1 && (m[1] !== 'ative' || s >= p2)) {
      w = w.slice(0, s) + S3[m[1]];
    }
    // Step 4
    if ((m = R4.exec(w)) && (s = m.index) >= p2 && (m[1] !== 'ion' || /[st]/.test(w.charAt(s - 1)))) {
      w = w.slice(0, s);
    }
    // Step 5
    s = w.length - 1;
    if (w.charAt(s) === 'e' ? s >= p2 || (s >= p1 && !shortV(w, s)) : /ll$/.test(w) && s >= p2) {
      w = w.slice(0, s);
    }
    return w.replace(/Y/g, 'y');
  }

  // Snowball counts characters; run on BMP text with each astral character as one stand-in
  // (the stemmer only ever edits ASCII suffixes, so they come back in order).
  function stem(word) {
    var astral = [];
    var w = stemBmp(word.replace(/[\ud800-\udbff][\udc00-\udfff]/g, function (c) {
      astral.push(c);
      return '\u0000';
    }));
    return astral.length ? w.replace(/\u0000/g, function () { return astral.shift(); }) : w;
  }

  function fold(w) { return w.replace(/[^\x00-\x7f]/gu, foldChar); }

  // The stemmer of a language code (meta.json's `language`): English is built in, the others
  // come from stemmers/<code>.js (a script tag on the page, or require() in Node).
  function stemmerOf(lang) {
    if (!lang || lang === 'en') return function (lower) { return stem(fold(lower)); };
    if (lang === 'plain') return fold;
    var all = globalThis.CausebookStemmers || {};
    var s = all[lang] || (typeof module !== 'undefined' ? require('./stemmers/' + lang + '.js') : null);
    if (!s) throw new Error('no stemmer for ' + lang);
    return function (lower) { return fold(s(lower)); };
  }

  // Tokens: maximal runs of Rust `char::is_alphanumeric` characters; dropped at >= 40 UTF-8
  // bytes; lower-cased per character (so no final-sigma rule; only U+03A3 has one). Each says
  // whether a clause ends after it: a character of analyzer.rs `CLAUSE_ENDS` before the next
  // kept token (or the end of the text); and whether a sentence does (analyzer.rs
  // `ends_sentence`: a line break, ! or ?, or a full stop with a space).
  function tokens(text) {
    var str = String(text), out = [], re = /[\p{Alphabetic}\p{N}]+/gu, m;
    while ((m = re.exec(str)) !== null) {
      var t = m[0], bytes = 0;
      for (var i = 0; i < t.length; i += 1) {
        var c = t.charCodeAt(i);
        bytes += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 2 : 3;
      }
      if (bytes < 40) out.push({ lower: t.replace(/\u03a3/g, '\u03c3').toLowerCase(), from: m.index, to: m.index + t.length });
    }
    return out.map(function (t, k) {
      var next = k + 1 < out.length ? out[k + 1].from : str.length;
      var gap = str.slice(t.to, next);
      return { lower: t.lower, end: /[,;.!?:\n]/.test(gap), sent: /[!?\n]/.test(gap) || (/\./.test(gap) && /\s/.test(gap)) };
    });
  }

  function analyze(text, lang) {
    var s = stemmerOf(lang);
    return tokens(text).map(function (t) {
      return { lower: t.lower, folded: fold(t.lower), stem: s(t.lower), end: t.end, sent: t.sent };
    });
  }

  // A piece of a compound as it stands, then (unless it ends the word) without each linking
  // element it ends in, if at least `min` letters are left.
  function variants(piece, last, c) {
    var out = [piece];
    if (!last) c.linking.forEach(function (l) {
      var rest = piece.slice(0, -l.length);
      if (piece.endsWith(l) && Array.from(rest).length >= c.min) out.push(rest);
    });
    return out;
  }

  // A compound's parts (src/search/compound.rs): pieces of at least `min` letters whose stems
  // are part terms (`isPart`), the longest first piece that leads to a whole split first; a
  // piece other than the last may also lose a linking element. [] if the word does not split.
  function split(lower, lang, c, isPart) {
    var chars = Array.from(lower), n = chars.length, min = c.min, dead = {};
    if (n < 2 * min) return [];
    var s = stemmerOf(lang);
    function from(at) {
      if (dead[at]) return null;
      for (var end = n; end >= at + min; end -= 1) {
        if ((at === 0 && end === n) || (end < n && n - end < min)) continue;
        var vs = variants(chars.slice(at, end).join(''), end === n, c);
        for (var k = 0; k < vs.length; k += 1) {
          var st = s(vs[k]);
          if (!isPart(st)) continue;
          if (end === n) return [st];
          var rest = from(end);
          if (rest) return [st].concat(rest);
        }
      }
      dead[at] = true;
      return null;
    }
    return from(0) || [];
  }

  // Every stem `split` may ask about (any piece from any letter), so that the caller can fetch
  // their shards first.
  function splitCandidates(lower, lang, c) {
    var chars = Array.from(lower), n = chars.length, s = stemmerOf(lang), out = [];
    if (n < 2 * c.min) return out;
    for (var at = 0; at + c.min <= n; at += 1) {
      for (var end = at + c.min; end <= n; end += 1) {
        variants(chars.slice(at, end).join(''), end === n, c).forEach(function (v) { out.push(s(v)); });
      }
    }
    return out;
  }

  // Whether a declared phrase's stems stand at `start` of `words` in one sentence: no word but
  // its last ends one (synonyms.rs `Synonym::matches`).
  function phraseAt(words, start, stems) {
    if (start < 0 || start + stems.length > words.length) return false;
    return stems.every(function (st, k) {
      var w = words[start + k];
      return w.stem === st && (k === stems.length - 1 || !w.sent);
    });
  }

  var api = { analyze: analyze, stem: stem, foldChar: foldChar, fold: fold, split: split, splitCandidates: splitCandidates, phraseAt: phraseAt };
  globalThis.CausebookAnalyzer = api;
  if (typeof module !== 'undefined') module.exports = api;
})();
