// Snowball Hungarian stemmer, in the revision rust-stemmers 1.2 implements (the index's
// stemmer), so that the browser stems a query exactly as the index did. Checked against
// rust-stemmers by tests/js/stemmer_parity.js (tests/integration/stemmers.rs). No dependencies;
// ES2018.
//
// Input: one lower-cased word, not accent-folded.
(function () {
  'use strict';

  var VOWELS = 'aeiouáéíóöúüőű';
  function isV(w, i) { return i >= 0 && i < w.length && VOWELS.indexOf(w.charAt(i)) >= 0; }

  // R1: after a word-initial vowel, after the first consonant (a digraph counting as one);
  // after a word-initial consonant, after the first vowel.
  function region1(w) {
    var i;
    if (isV(w, 0)) {
      for (i = 1; i < w.length; i += 1) {
        if (!isV(w, i)) {
          var m = /^(cs|dzs|gy|ly|ny|sz|ty|zs)/.exec(w.slice(i));
          return i + (m ? m[0].length : 1);
        }
      }
      return w.length;
    }
    for (i = 1; i < w.length; i += 1) if (isV(w, i)) return i + 1;
    return w.length;
  }

  // Tables: ending -> what replaces it ('' deletes it), for space-separated groups.
  function table(groups) {
    var t = {};
    for (var i = 0; i < groups.length; i += 2) {
      groups[i].split(' ').forEach(function (s) { t[s] = groups[i + 1]; });
    }
    t.list = Object.keys(t);
    return t;
  }
  var CASE = table([
    'ba be ra re ig nak nek val vel ul ül ből ről től ból ról tól nál nél n an en ban ben képpen ' +
    'képp on ön kor t at et ot öt ként anként enként onként ért hez hoz höz vá vé', '']);
  var CASE_SPECIAL = table(['én', 'e', 'án ánként', 'a']);
  var CASE_OTHER = table(['astul estül stul stül', '', 'ástul', 'a', 'éstül', 'e']);
  var OWNED = table(['aké eké oké öké ké éi é', '', 'éké ééi éé', 'e', 'áké áéi', 'a']);
  var SING_OWNER = table([
    'unk ünk nk juk jük uk ük am em om m ad ed od öd d ja je a e o', '',
    'ánk ájuk ám ád á', 'a', 'énk éjük ém éd é', 'e']);
  var PLUR_OWNER = table([
    'jaim jeim aim eim im jaid jeid aid eid id jai jei ai ei i jaink jeink aink eink jeitek ink ' +
    'jaitok eitek aitok itek jaik jeik aik eik ik', '',
    'áim áid ái áink áitok áik', 'a', 'éim éid éi éink éitek éik', 'e']);
  var PLURAL = table(['ök ak ok ek k', '', 'ák', 'a', 'ék', 'e']);
  var DOUBLE = /(bb|cc|dd|ff|gg|jj|kk|ll|mm|nn|pp|rr|ccs|ss|zzs|tt|vv|ggy|lly|nny|tty|ssz|zz)$/;

  function stemBmp(w) {
    var p1 = region1(w);
    // The longest ending of `t` that w ends with; false if none.
    function ending(t) {
      var best = '';
      t.list.forEach(function (s) { if (s.length > best.length && w.endsWith(s)) best = s; });
      return best || false;
    }
    // Replaces the longest ending of `t` if it lies in R1; tells whether it did.
    function step(t) {
      var s = ending(t);
      if (s === false || w.length - s.length < p1) return false;
      w = w.slice(0, w.length - s.length) + t[s];
      return true;
    }
    // -al -el (instrumental) and -á -é (factive) after a double consonant, which is undoubled.
    function afterDouble(re) {
      var m = re.exec(w);
      if (!m || m.index < p1 || !DOUBLE.test(w.slice(0, m.index))) return;
      w = w.slice(0, m.index);
      w = w.slice(0, -2) + w.slice(-1);
    }

    afterDouble(/(al|el)$/);
    if (step(CASE) && /[áé]$/.test(w) && w.length - 1 >= p1) w = w.slice(0, -1) + (w.endsWith('á') ? 'a' : 'e');
    step(CASE_SPECIAL);
    step(CASE_OTHER);
    afterDouble(/[áé]$/);
    step(OWNED);
    step(SING_OWNER);
    step(PLUR_OWNER);
    step(PLURAL);
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
  globalThis.CausebookStemmers.hu = stem;
  if (typeof module !== 'undefined') module.exports = stem;
})();
