// How the browser reads when and of whom a story tells, as `causebook search` does
// (src/search/reading/beyond.rs `mark_past`, reading/others.rs `mark_others`): the clauses of a
// query, the words told of the past, and the words set aside from the warning-sign cues (an
// event told of the past, a clause that tells what someone else has). Used by search.js; the
// phrases come from the index's `search/meta.json`, unpacked by reader.js.
(function () {
  'use strict';
  var R = typeof module !== 'undefined' ? require('./reader.js') : globalThis.CausebookReading;
  var unpacked = R.unpacked, startsAt = R.startsAt;

  // The clauses of the words, each as [start, end): a clause ends at a comma or full stop, or
  // before a conjunction not inside a declared phrase (`w.joined`, "pins and needles";
  // reading/beyond.rs `clauses`).
  function clauses(words, reading) {
    var conj = reading.conjunctions || [], start = 0, out = [];
    words.forEach(function (w, end) {
      var next = words[end + 1];
      if (!(w.end || !next || (!w.joined && conj.indexOf(next.lower) >= 0))) return;
      out.push([start, end + 1]);
      start = end + 1;
    });
    return out;
  }
  // The length of the first of a list of unpacked phrases that begins at word `i`, or 0
  // (phrases.rs `starts_any`).
  function phraseLength(words, list, i) {
    for (var k = 0; k < list.length; k += 1) {
      var len = startsAt(words, i, list[k]);
      if (len > 0) return len;
    }
    return 0;
  }
  // Whether one of a list of unpacked phrases begins at word `i` of `words`.
  function phraseAt(words, list, i) { return phraseLength(words, list, i) > 0; }

  // Marks the words told of the past (`w.past`; reading/beyond.rs `mark_past`): in each clause, the
  // words before its first `present` phrase, when a `past` phrase lies among them; an `events`
  // word among them is set aside (`w.aside`).
  function markPast(words, reading) {
    var past = unpacked(reading, 'past'), present = unpacked(reading, 'present'), events = reading.events || [];
    var years = reading.years || [];
    // "In 2018": one of `years` and a year tells of the past (reading/beyond.rs `year_at`).
    var yearAt = function (clause, j) {
      var y = clause[j + 1];
      return !!y && years.indexOf(clause[j].lower) >= 0 && /^(19|20)[0-9][0-9]$/.test(y.lower);
    };
    clauses(words, reading).forEach(function (r) {
      var clause = words.slice(r[0], r[1]), now = clause.length;
      for (var i = 0; i < clause.length; i += 1) if (phraseAt(clause, present, i)) { now = i; break; }
      var before = clause.slice(0, now);
      if (!before.some(function (c, j) { return phraseAt(clause, past, j) || yearAt(clause, j); })) return;
      // An event told of the past is set aside (reading/beyond.rs `mark_past`).
      before.forEach(function (c) { c.past = true; c.aside = c.aside || events.indexOf(c.stem) >= 0; });
    });
  }

  // Marks the words told as lasting months or years (`w.gradual`; reading/beyond.rs
  // `mark_gradual`): nothing when a `recent` phrase or the onset word is anywhere; else in a
  // clause with a `gradual` phrase, or a `habitual` one when the last start told up to it was
  // long ago, the words before the phrase, or the whole clause when the phrase opens it; and a
  // clause of only `recap` words but its phrase marks what it looks back on (`look_back`), never
  // back over a clause that dates a start lately or tells of an event.
  function markGradual(words, reading) {
    var onset = words.some(function (w) { return w.stem === reading.onset; });
    if (onset || R.hasPhrase(words, reading, 'recent')) return;
    var gradual = unpacked(reading, 'gradual'), habitual = unpacked(reading, 'habitual');
    var conj = reading.conjunctions || [], events = reading.events || [], recap = reading.recap || [];
    var old = false, anew = 0;
    // Whether a clause dates a start lately or tells of an event (beyond.rs `tells_a_start`).
    var startsAnew = function (clause) {
      return clause.some(function (w) { return events.indexOf(w.stem) >= 0; }) || R.hasPhrase(clause, reading, 'lately');
    };
    // Whether the last start told up to and in a clause was long ago (beyond.rs `dated_long_ago`).
    var dated = function (clause) {
      return R.hasPhrase(clause, reading, 'long_ago') || (old && !startsAnew(clause));
    };
    // The first lasting phrase of a clause as [start, length] (beyond.rs `lasting_at`).
    var lastingAt = function (clause) {
      for (var i = 0; i < clause.length; i += 1) {
        var len = phraseLength(clause, gradual, i) || (old ? phraseLength(clause, habitual, i) : 0);
        if (len > 0) return [i, len];
      }
      return null;
    };
    // Whether a clause's words but its phrase are all recap words or conjunctions (beyond.rs `recaps`).
    var recaps = function (clause, at) {
      return recap.length > 0 && clause.every(function (w, j) {
        return (j >= at[0] && j < at[0] + at[1]) || recap.indexOf(w.lower) >= 0 || conj.indexOf(w.lower) >= 0;
      });
    };
    clauses(words, reading).forEach(function (r) {
      var clause = words.slice(r[0], r[1]);
      old = dated(clause);
      var anewHere = startsAnew(clause), at = lastingAt(clause);
      if (at) {
        var opens = at[0] === 0 || (at[0] === 1 && conj.indexOf(clause[0].lower) >= 0);
        var start = recaps(clause, at) ? Math.max(lookBack(words, r[0]), anew) : r[0];
        words.slice(start, opens ? r[1] : r[0] + at[0]).forEach(function (c) { c.gradual = true; });
      }
      if (anewHere) anew = r[1];
    });
  }
  // Where a clause that begins at `start` looks back to: the start of its sentence, or of the
  // sentence before when it opens its own (beyond.rs `look_back`).
  function lookBack(words, start) {
    var sentence = function (before) {
      for (var i = before - 1; i >= 0; i -= 1) if (words[i].sent) return i + 1;
      return 0;
    };
    var from = sentence(start);
    return from === start ? sentence(Math.max(start - 1, 0)) : from;
  }

  // Sets aside each `grown` word that an adult's age (18 to 120) follows within 3 words, the age
  // ending its clause or followed by a list word or a conjunction (others.rs `mark_grown`).
  function markGrown(words, reading) {
    var grown = reading.grown || [], joins = (reading.lists || []).concat(reading.conjunctions || []);
    var adult = function (w, next) {
      var n = /^[0-9]+$/.test(w.lower) ? parseInt(w.lower, 10) : 0;
      return n >= 18 && n <= 120 && (w.end || !next || joins.indexOf(next.lower) >= 0);
    };
    words.forEach(function (w, i) {
      if (grown.indexOf(w.stem) < 0) return;
      for (var j = i + 1; j < Math.min(words.length, i + 5); j += 1) {
        if (adult(words[j], words[j + 1])) { w.aside = true; return; }
      }
    });
  }

  // Marks the words of each clause that tells what someone else has (`w.aside`;
  // reading/others.rs `mark_others`): from an `others` phrase, or a `kin` phrase whose last word
  // is not that of the one the query is about, to the end of its clause, when a `having` phrase
  // follows within 3 words and no `reported` word follows it; on over a list ("and numb feet"),
  // not over "and" before one of `subjects`.
  function markOthers(words, reading) {
    var having = unpacked(reading, 'having'), others = unpacked(reading, 'others'), kin = unpacked(reading, 'kin');
    var own = unpacked(reading, 'own'), reported = reading.reported || [], subjects = reading.subjects || [];
    var lists = reading.lists || [], possessive = reading.possessive || [];
    markGrown(words, reading);
    if (!having.length) return;
    // Who the query is about: the first last word of a kin phrase, or the writer when an own
    // phrase comes first (others.rs `first_named`).
    var nouns = {};
    kin.forEach(function (p) { p[p.length - 1].forEach(function (alt) { nouns[alt[alt.length - 1]] = true; }); });
    // A relative of whom a `history` phrase follows within 3 words, when an own phrase comes
    // later, is passed over (`first_named`).
    // Only a relative named before the first own phrase is weighed: "later" is "anywhere".
    var history = unpacked(reading, 'history');
    var tellsOwn = words.some(function (w, j) { return phraseAt(words, own, j); });
    var historyBeforeOwn = function (i) {
      if (!tellsOwn) return false;
      for (var k = i + 1; k < Math.min(words.length, i + 5); k += 1) if (phraseAt(words, history, k)) return true;
      return false;
    };
    var about = null;
    for (var i = 0; i < words.length; i += 1) {
      if (phraseAt(words, own, i)) break;
      if (nouns[words[i].stem] && !historyBeforeOwn(i)) { about = words[i].stem; break; }
    }
    var named = function (clause, i, list, ownToo) {
      for (var k = 0; k < list.length; k += 1) {
        var len = startsAt(clause, i, list[k]);
        if (len > 0) return ownToo || clause[i + len - 1].stem !== about ? len : -1;
      }
      return -1;
    };
    // A name typed possessive ("mums", or "mum" and "s") tells what is theirs (`possessive_at`).
    var owner = function (clause, j) {
      var w = clause[j], n = clause[j + 1];
      return possessive.some(function (e) { return w.lower === w.stem + e || (!!n && n.lower === e); });
    };
    var hasWhat = function (rest) {
      for (var k = 0; k < Math.min(rest.length, 4); k += 1) {
        for (var h = 0; h < having.length; h += 1) {
          var len = startsAt(rest, k, having[h]);
          if (len > 0) {
            var n = rest[k + len];
            if (!n || reported.indexOf(n.stem) < 0) return true;
            break;
          }
        }
      }
      return false;
    };
    var told = false;
    clauses(words, reading).forEach(function (r) {
      var clause = words.slice(r[0], r[1]);
      var goesOn = clause.length > 1 && lists.indexOf(clause[0].lower) >= 0 && subjects.indexOf(clause[1].lower) < 0;
      if (told && goesOn) {
        told = !clause[clause.length - 1].end;
        clause.forEach(function (w) { w.aside = true; });
        return;
      }
      var someone = -1;
      for (var i = 0; i < clause.length && someone < 0; i += 1) {
        var len = named(clause, i, others, true);
        if (len < 0) len = named(clause, i, kin, false);
        if (len > 0 && (owner(clause, i + len - 1) || hasWhat(clause.slice(i + len)))) someone = i;
      }
      told = someone >= 0 && !clause[clause.length - 1].end;
      if (someone >= 0) clause.slice(someone).forEach(function (w) { w.aside = true; });
    });
  }

  var api = { markPast: markPast, markGradual: markGradual, markOthers: markOthers };
  if (typeof module !== 'undefined') module.exports = api;
  else globalThis.CausebookStory = api;
})();
