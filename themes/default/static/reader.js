// How the browser reads a query for the warning signs, as `causebook search` does
// (src/search/reading.rs and reading/, numbers.rs, safety.rs and signs.rs): what the reader
// negates, a recent onset, a child's age and a temperature of a fever, the most urgent sign
// whose cue the query holds, and the general signs it names. Used by search.js; the data comes
// from the index's `search/meta.json`.
(function () {
  'use strict';
  var A = typeof module !== 'undefined' ? require('./analyzer.js') : globalThis.CausebookAnalyzer;
  // Which words the reader negates (reading/negation.rs `negated`): after a negating word that
  // begins no synonym's phrase, common words until another word, then it (with the whole of a
  // synonym's phrase it begins) and the words that follow it, joined by nothing or a joining word or, after a carrier, common words, up to 4, and
  // not past the end of a clause unless a list goes on.
  function negated(words, reading, stop, synonyms) {
    var marks = words.map(function () { return false; });
    var neg = reading.negation || [], joins = reading.joins || [], carriers = reading.carriers || [];
    // A list goes on after a clause end: one other word, then another clause end, the end of
    // the query or a joining word (reading/negation.rs `list_goes_on`).
    var listGoesOn = function (k) {
      var w = words[k];
      return !!w && !stop[w.stem] && (w.end || k + 1 >= words.length || joins.indexOf(words[k + 1].lower) >= 0);
    };
    // A negating word inside a declared phrase of more than one word ("no feeling", "doing
    // nothing") negates nothing; a one-word phrase ("haven't") only spells a word (synonyms.rs
    // `covers`).
    var inPhrase = function (i) {
      return synonyms.some(function (s) {
        if (!/\s/.test(s[2].trim())) return false;
        var stems = s[0], n = stems.length;
        for (var start = Math.max(0, i - n + 1); start <= i; start += 1) {
          if (A.phraseAt(words, start, stems)) return true;
        }
        return false;
      });
    };
    // A declared phrase that begins a negated word is negated whole: "not short of breath"
    // (synonyms.rs `span_at`).
    var spanAt = function (i) {
      return synonyms.reduce(function (most, s) {
        var stems = s[0], n = stems.length;
        var fits = A.phraseAt(words, i, stems);
        return fits && n > most ? n : most;
      }, 0);
    };
    var conjunctions = reading.conjunctions || [], links = reading.links || [], lists = reading.lists || [];
    // A joining word goes on over one common word before the next word ("no headache or any
    // trouble breathing"), and so does that common word (reading/negation.rs goes_over).
    var content = function (k) { return k < words.length && !stop[words[k].stem]; };
    var common = function (k) {
      var n = words[k];
      return !!n && !!stop[n.stem] && !n.end && conjunctions.indexOf(n.lower) < 0 && neg.indexOf(n.lower) < 0;
    };
    var afterJoin = function (j) { return j > 0 && joins.indexOf(words[j - 1].lower) >= 0; };
    var beforeWord = function (j) {
      return content(j + 1) || joins.indexOf(words[j].lower) >= 0 && common(j + 1) && content(j + 2);
    };
    words.forEach(function (w, i) {
      // A negating word that ends its clause ("probably nothing, calf swollen"), or that a
      // conjunction follows ("when i havent and my wee is dark"), negates nothing.
      var beforeConjunction = i + 1 < words.length && conjunctions.indexOf(words[i + 1].lower) >= 0;
      if (neg.indexOf(w.lower) < 0 || inPhrase(i) || w.end || beforeConjunction) return;
      var j = i + 1, taken = 0, carried = false;
      while (j < words.length && stop[words[j].stem] && neg.indexOf(words[j].lower) < 0) {
        j = words[j].end ? words.length : j + 1;
      }
      while (j < words.length && taken < 4) {
        if (!stop[words[j].stem]) {
          var last = Math.min(j + Math.max(spanAt(j), 1), words.length) - 1;
          for (var m = j; m <= last; m += 1) marks[m] = true;
          j = last;
          taken += 1;
          carried = carried || carriers.indexOf(words[j].stem) >= 0;
        }
        else if (conjunctions.indexOf(words[j].lower) >= 0) break;
        else if (!carried && !((joins.indexOf(words[j].lower) >= 0 || afterJoin(j) || taken > 0 && links.indexOf(words[j].stem) >= 0) &&
            beforeWord(j))) {
          // A joining word before a carrier joins what the carrier carries to (reading/negation.rs).
          var toCarrier = j + 1 < words.length && carriers.indexOf(words[j + 1].stem) >= 0;
          if (!(joins.indexOf(words[j].lower) >= 0 && toCarrier)) break;
          carried = true;
        }
        if (words[j].end && !listGoesOn(j + 1)) break;
        j += 1;
      }
    });
    // A cleared phrase negates its own words but its last ("breathing ok"), or else the word
    // before it; then the words joined before the first of them ("chest or breathing ok";
    // reading/negation.rs `mark_cleared`).
    var clearedPhrases = unpacked(reading, 'cleared');
    words.forEach(function (w, p) {
      var len = -1;
      clearedPhrases.some(function (c) { len = startsAt(words, p, c); return len > 0; });
      if (len <= 0) return;
      var own = [];
      for (var i = p; i < p + len - 1; i += 1) if (!stop[words[i].stem] && links.indexOf(words[i].stem) < 0) own.push(i);
      var j, taken;
      if (own.length) { j = own[0]; taken = own.length; }
      else if (p > 0 && !stop[words[p - 1].stem]) { j = p - 1; taken = 1; }
      else return;
      own.forEach(function (i) { marks[i] = true; });
      marks[j] = true;
      while (taken < 4 && j >= 2) {
        var before = !stop[words[j - 2].stem];
        var joined = before && joins.indexOf(words[j - 1].lower) >= 0;
        // "arms and speech are fine": the list's last item joined to a first that begins a
        // clause (reading/negation.rs `mark_cleared`).
        var lastItem = before && lists.indexOf(words[j - 1].lower) >= 0 &&
          !words[j - 2].end && (j === 2 || words[j - 3].end);
        if (!(joined || lastItem)) break;
        j -= 2;
        marks[j] = true;
        taken += 1;
      }
    });
    return marks;
  }

  // Cues and reading phrases come packed (packed.rs): words by spaces, a word's alternatives by
  // '/', an alternative's stems by '+'.
  function unpack(packed) {
    return packed.split(' ').map(function (w) {
      return w.split('/').map(function (a) { return a.split('+'); });
    });
  }
  // A reading's list of phrases, unpacked once, on its first use.
  function unpacked(reading, key) {
    var cache = reading.unpacked || (reading.unpacked = {});
    if (!cache[key]) cache[key] = (reading[key] || []).map(unpack);
    return cache[key];
  }
  // How many words a phrase takes when it begins at word `at`, or -1 (reading.rs `starts`): the
  // first alternative of each of its words that leads to a whole match.
  function startsAt(words, at, p, k) {
    k = k || 0;
    if (k === p.length) return 0;
    for (var a = 0; a < p[k].length; a += 1) {
      var alt = p[k][a];
      var fits = at + alt.length <= words.length && alt.every(function (st, j) {
        // A phrase word written '=turned' is that word as typed.
        return st.charAt(0) === '=' ? words[at + j].lower === st.slice(1) : words[at + j].stem === st;
      });
      var rest = fits ? startsAt(words, at + alt.length, p, k + 1) : -1;
      if (rest >= 0 && alt.length + rest > 0) return alt.length + rest;
    }
    return -1;
  }
  // Whether one of the reading's `key` phrases is among the words (reading.rs `contains`).
  function hasPhrase(words, reading, key) {
    return unpacked(reading, key).some(function (p) {
      return words.some(function (w, at) { return startsAt(words, at, p) > 0; });
    });
  }
  // Whether the words voice a worry and describe what the reader has too: more than 3 content
  // words (reading.rs `worries`, `DESCRIBED`).
  function worries(words, reading, stop) {
    var described = words.filter(function (w) { return !stop[w.stem]; }).length;
    return hasPhrase(words, reading, 'worries') && described > 3;
  }
  // The onset stem when a recent-onset phrase is among the words and no ordinary one is
  // (reading/beyond.rs `onset_of`). An ordinary phrase the reader only guesses at does not count: a
  // guess phrase ends at most 2 words before it, in the same clause (`guessed`, `GUESS_REACH`).
  function guessed(words, at, reading) {
    var before = words.slice(0, at);
    return unpacked(reading, 'guesses').some(function (g) {
      for (var from = 0; from < at; from += 1) {
        var len = startsAt(before, from, g);
        var clause = words.slice(from, at).every(function (w) { return !w.end; });
        if (len > 0 && at - from - len <= 2 && clause) return true;
      }
      return false;
    });
  }
  function onsetOf(words, reading) {
    // The places where phrases of `kind` begin, those the reader only guesses at left out
    // unless `guesses` count.
    var found = function (kind, guesses) {
      var phrases = unpacked(reading, kind), at = [];
      words.forEach(function (w, i) {
        var starts = phrases.some(function (p) { return startsAt(words, i, p) > 0; });
        if (starts && (guesses || !guessed(words, i, reading))) at.push(i);
      });
      return at;
    };
    // The sentence of each word: how many sentences end before it.
    var sentence = function (at) { return words.slice(0, at).filter(function (w) { return w.sent; }).length; };
    var lasting = found('lasting', false).map(sentence);
    var recent = found('recent', true).some(function (at) { return lasting.indexOf(sentence(at)) < 0; });
    return reading.onset && recent && found('ordinary', false).length === 0 ? reading.onset : null;
  }

  // The child stem when the words give a child's age (numbers.rs `has_child_age`): a number in
  // digits or words, then an `ages` phrase, its first word next or joined to the digits.
  function childOf(words, reading) {
    var numbers = reading.numbers || [];
    var found = reading.child && words.some(function (w, i) {
      var m = /^[0-9]+/.exec(w.lower);
      var age = m ? parseInt(m[0], 10) : numbers.indexOf(w.lower) + 1;
      var rest = m ? w.lower.slice(m[0].length) : '';
      var tail = (rest ? [rest] : []).concat(words.slice(i + 1).map(function (n) { return n.stem; }));
      // ... or a whole number that ends its clause after a `told_ages` phrase ("she's 4,").
      var ends = !rest && (w.end || i + 1 === words.length);
      var told = ends && (reading.told_ages || []).some(function (p) {
        return p.length <= i && p.every(function (st, k) { return words[i - p.length + k].stem === st; });
      });
      return age >= 1 && age <= numbers.length && (told || (reading.ages || []).some(function (p) {
        return p.length <= tail.length && p.every(function (st, k) { return tail[k] === st; });
      }));
    });
    return found ? reading.child : null;
  }

  // The numbers of a query read as body temperatures (numbers.rs): each number not joined to the
  // word before it ("b12"), with its tenths and its unit ('c', 'f', '*' for "degrees", '' for
  // none, null when joined to the word after it: "38yo").
  var UNITS = [['centigrade', 'c'], ['fahrenheit', 'f'], ['celsius', 'c'], ['degrees', '*'], ['degree', '*'], ['deg', '*'],
    ['\u00b0c', 'c'], ['\u00b0f', 'f'], ['\u00b0', '*'], ['c', 'c'], ['f', 'f']];
  function numbersIn(query) {
    var text = query.toLowerCase(), out = [];
    var alnum = /[0-9a-z\u0080-\uffff]/;
    var re = /[0-9]+(?:[.,][0-9]+)?/g, m;
    while ((m = re.exec(text))) {
      if (m.index > 0 && alnum.test(text[m.index - 1])) continue;
      var end = m.index + m[0].length;
      var rest = text.slice(end).replace(/^\s+/, '');
      var unit = null;
      for (var k = 0; k < UNITS.length && unit === null; k++) {
        var u = UNITS[k][0];
        var after = rest.charAt(u.length);
        if (rest.slice(0, u.length) === u && !(after && /[0-9a-z]/.test(after))) unit = UNITS[k][1];
      }
      if (unit === null && !/[0-9a-z]/.test(text.charAt(end))) unit = '';
      out.push({ value: parseFloat(m[0].replace(',', '.')), decimal: /[.,]/.test(m[0]), unit: unit });
    }
    return out;
  }

  // Whether a number is a body temperature within the Celsius and Fahrenheit ranges [lo, hi):
  // with its unit, or, in Celsius, with its tenths ("39.5"); "im 39" is an age (numbers.rs `within`).
  function within(n, cLo, cHi, fLo, fHi) {
    var c = n.value >= cLo && n.value < cHi, f = n.value >= fLo && n.value < fHi;
    return n.unit === 'c' ? c : n.unit === 'f' ? f : n.unit === '*' ? (c || f) : (n.unit === '' && n.decimal && c);
  }
  function isFever(n) { return within(n, 38, 44, 100.4, 112); }
  function isNormal(n) { return within(n, 36, 37.5, 96.8, 99.5); }
  function isTemperature(n) { return within(n, 30, 44, 86, 112); }

  // The fever stem when the query gives a body temperature of a fever: 38 °C or more, or
  // 100.4 °F or more (numbers.rs `has_fever`).
  function feverOf(query, reading) {
    if (!reading.fever) return null;
    return numbersIn(query).some(isFever) ? reading.fever : null;
  }

  // Marks in `marks` the words for a temperature when the query gives one and every one it
  // gives is normal, 36 to 37.4 °C ("temp 36.8"): they tell of no fever (reading/beyond.rs
  // `normal_temperature`).
  function markNormalTemperature(words, query, reading, marks) {
    var temps = reading.temperatures || [];
    var all = numbersIn(query).filter(isTemperature);
    if (!temps.length || all.length === 0 || !all.every(isNormal)) return;
    words.forEach(function (w, i) { if (temps.indexOf(w.stem) >= 0) marks[i] = true; });
  }

  // The general warning signs that hold every content word of the query (signs.rs `hits`).
  function signHits(meta, words) {
    var stop = {};
    meta.stop_words.forEach(function (w) { stop[w] = true; });
    var typed = words.filter(function (w) { return !w.added; });
    var content = typed.filter(function (w) { return !stop[w.stem]; });
    var units = [];
    (content.length ? content : typed).forEach(function (w) {
      if (!units.some(function (u) { return u.stem === w.stem; })) units.push(w);
    });
    if (!units.length) return [];
    return (meta.signs || []).filter(function (d) {
      var has = function (s) { return d.stems.indexOf(s) >= 0; };
      return units.every(function (u) {
        return has(u.stem) || (u.parts.length > 0 && u.parts.every(has));
      });
    }).map(function (d) {
      return { id: d.id, sign: d.sign, url: d.url, level: d.level, urgency: d.urgency, label: d.label };
    });
  }

  function knowsSign(meta, stem) {
    return (meta.signs || []).some(function (d) { return d.stems.indexOf(stem) >= 0; });
  }

  // Whether the query's `places` (stem -> places, -1 for the query as a whole) hold one
  // alternative of each word of `cue`; its first `close` words within `window` words of each
  // other when it is near (`close` not null), the words after them anywhere; for a sign of
  // something new, no word at a place of `gradualAt` (told as lasting months or years; held.rs
  // `holds`).
  function holds(cue, places, close, window, pastAt, gradualAt) {
    if (cue.length === 0) return false;
    var lists = [], now = false;
    for (var k = 0; k < cue.length; k += 1) {
      var found = null, anywhere = false;
      cue[k].forEach(function (alt) {
        if (!alt.every(function (s) { return places[s] !== undefined; })) return;
        if (alt.some(function (s) { return places[s].indexOf(-1) >= 0; })) anywhere = true;
        found = (found || []).concat.apply(found || [], alt.map(function (s) { return places[s]; }));
      });
      if (found !== null && gradualAt && !anywhere) found = found.filter(function (p) { return !gradualAt[p]; });
      if (found === null || (!anywhere && found.length === 0)) return false;
      // One of its words outside the clauses told of the past (held.rs `holds`).
      now = now || anywhere || found.some(function (p) { return !pastAt[p]; });
      if (!anywhere && close !== null && k < close) lists.push(found);
    }
    if (!now) return false;
    if (lists.length === 0) return true;
    return [].concat.apply([], lists).some(function (start) {
      return lists.every(function (l) { return l.some(function (p) { return p >= start && p < start + window; }); });
    });
  }

  // How many of the first words of cue `i` of `d` must stand close together: null unless it is
  // near, all of them unless it has a context (safety.rs `close_of`).
  function closeOf(d, i, c) {
    var k = (d.near || []).indexOf(i);
    if (k < 0) return null;
    return d.close && d.close[k] !== undefined ? d.close[k] : c.length;
  }

  // The most urgent sign one of whose cues the query holds (`held`: [stem, place, past,
  // gradual] for its stems and its words as typed, '=word', held.rs `exact`; place -1 for what
  // the query says as a whole; past when its clause tells of the past, gradual when it is told
  // as lasting months or years), whatever the results (safety.rs
  // `cue`): the instruction comes first on an emergency or urgent query. A query that `asks`
  // about a condition (reading.rs `asks`) does not hold the cues that only name it. Its causes
  // are the sign's own (`docs`), then (`also`) those of the other signs held at its level.
  function cue(meta, held, asks) {
    var places = {}, pastAt = {}, gradualAt = {}, window = (meta.reading || {}).cue_window;
    held.forEach(function (h) {
      (places[h[0]] = places[h[0]] || []).push(h[1]);
      if (h[2]) pastAt[h[1]] = true;
      if (h[3]) gradualAt[h[1]] = true;
    });
    // Each definition is unpacked once, on its first search.
    var hits = (meta.cues || []).filter(function (d) {
      if (!d.unpacked) {
        d.unpacked = { stems: d.stems.map(unpack), names: (d.names || []).map(unpack), unless: (d.unless || []).map(unpack) };
      }
      // A cue written with words that cancel it (`!`) is not held when one of them is (safety.rs `holds`).
      var cancelled = function (i) {
        var k = (d.unless_at || []).indexOf(i);
        // A word that cancels counts in a clause told of the past too (held.rs `mentions`).
        return k >= 0 && d.unpacked.unless[k].some(function (w) { return holds([w], places, null, window, {}); });
      };
      // A sign of something new holds no word told as lasting months or years, and a name's
      // words stand close together, as a phrase (held.rs `holds`, safety.rs `cue`).
      var long = d.new ? gradualAt : null;
      return d.unpacked.stems.some(function (c, i) { return holds(c, places, closeOf(d, i, c), window, pastAt, long) && !cancelled(i); }) ||
        (!asks && d.unpacked.names.some(function (c) { return holds(c, places, c.length, window, pastAt, long); }));
    });
    var best = null;
    hits.forEach(function (d) { if (best === null || d.level < best.level) best = d; });
    if (best === null) return null;
    var own = best.docs || [], also = [];
    hits.forEach(function (d) {
      if (d.level !== best.level) return;
      (d.docs || []).forEach(function (n) { if (own.indexOf(n) < 0 && also.indexOf(n) < 0) also.push(n); });
    });
    // The level's texts (urgency, label, heading, action) are stored once per level.
    var out = {}, texts = (meta.levels || [])[best.level] || {};
    Object.keys(texts).forEach(function (k) { out[k] = texts[k]; });
    Object.keys(best).forEach(function (k) { if (k !== 'unpacked') out[k] = best[k]; });
    out.also = also;
    return out;
  }

  var api = {
    negated: negated, hasPhrase: hasPhrase, worries: worries, onsetOf: onsetOf, childOf: childOf, feverOf: feverOf,
    markNormalTemperature: markNormalTemperature, unpacked: unpacked, startsAt: startsAt,
    signHits: signHits, knowsSign: knowsSign, cue: cue,
  };
  if (typeof module !== 'undefined') module.exports = api;
  else globalThis.CausebookReading = api;
})();
