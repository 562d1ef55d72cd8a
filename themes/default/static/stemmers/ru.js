// Snowball Russian stemmer, in the revision rust-stemmers 1.2 implements (the index's stemmer),
// so that the browser stems a query exactly as the index did. Checked against rust-stemmers by
// tests/js/stemmer_parity.js (tests/integration/stemmers.rs). No dependencies; ES2018.
//
// Input: one lower-cased word, not accent-folded. This revision does not treat ё as е (a word
// with ё keeps the endings that follow it, and ё is no vowel for the regions).
(function () {
  'use strict';

  var VOWELS = 'аеиоуыэюя';
  function isV(w, i) { return i >= 0 && i < w.length && VOWELS.indexOf(w.charAt(i)) >= 0; }

  // Position just after the first non-vowel that follows a vowel, at or after `from`.
  function region(w, from) {
    for (var i = from + 1; i < w.length; i += 1) if (isV(w, i - 1) && !isV(w, i)) return i + 1;
    return w.length;
  }

  function words(s) { return s.split(' '); }
  // Endings that go only after а or я (which stays), and endings that go anyway.
  var GERUND_A = words('в вши вшись');
  var GERUND = words('ив ивши ившись ыв ывши ывшись');
  var ADJECTIVE = words('ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая ' +
    'яя ою ею');
  var PARTICIPLE_A = words('ем нн вш ющ щ');
  var PARTICIPLE = words('ивш ывш ующ');
  var VERB_A = words('ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно');
  var VERB = words('ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ' +
    'ыт ены ить ыть ишь ую ю');
  var NOUN = words('а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах ' +
    'иях ях ы ь ию ью ю ия ья я');

  function stemBmp(w) {
    // RV after the first vowel; R2 as usual. Every rule works inside RV.
    var pV = w.length, i;
    for (i = 0; i < w.length; i += 1) if (isV(w, i)) { pV = i + 1; break; }
    var p2 = region(w, region(w, 0));

    // The longest of the lists' endings inside RV: [ending, index of its list], or null.
    function find() {
      var best = null;
      for (var k = 0; k < arguments.length; k += 1) {
        arguments[k].forEach(function (s) {
          if ((!best || s.length > best[0].length) && w.length - s.length >= pV && w.endsWith(s)) best = [s, k];
        });
      }
      return best;
    }
    // Removes the longest ending of a pair of lists (the first only after а or я in RV).
    function remove(afterA, any) {
      var f = find(afterA, any);
      if (!f) return false;
      var at = w.length - f[0].length;
      if (f[1] === 0 && !(at - 1 >= pV && /[ая]/.test(w.charAt(at - 1)))) return false;
      w = w.slice(0, at);
      return true;
    }

    // Step 1: a perfective gerund; else a reflexive ending, then an adjectival (adjective and
    // perhaps participle), verb or noun ending.
    if (!remove(GERUND_A, GERUND)) {
      if (find(['ся', 'сь'])) w = w.slice(0, -2);
      if (find(ADJECTIVE)) {
        w = w.slice(0, w.length - find(ADJECTIVE)[0].length);
        remove(PARTICIPLE_A, PARTICIPLE);
      } else if (!remove(VERB_A, VERB)) {
        var n = find(NOUN);
        if (n) w = w.slice(0, w.length - n[0].length);
      }
    }

    // Step 2: и; step 3: -ост(ь) in R2.
    if (find(['и'])) w = w.slice(0, -1);
    var d = find(['ост', 'ость']);
    if (d && w.length - d[0].length >= p2) w = w.slice(0, w.length - d[0].length);

    // Step 4: -ейш(е), then нн -> н; or нн -> н; or a final ь.
    var t = find(['ейш', 'ейше', 'н', 'ь']);
    if (t && t[0] === 'ь') {
      w = w.slice(0, -1);
    } else if (t) {
      if (t[0] !== 'н') w = w.slice(0, w.length - t[0].length);
      if (find(['нн'])) w = w.slice(0, -1);
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
  globalThis.CausebookStemmers.ru = stem;
  if (typeof module !== 'undefined') module.exports = stem;
})();
