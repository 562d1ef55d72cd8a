// Browser search over the index exported from tantivy (search/meta.json, t/*.json, d/*.bin).
// It follows the same steps as `causebook search` (src/search/query.rs): same analyzer
// (analyzer.js), same stop words and typo correction (spelling.js), and tantivy's BM25 (exported as each
// document's impact per term; topk.js finds the exact top results reading only the blocks
// that matter), so the browser's top 10 equals the CLI's. Works from any static host; no server.
(function () {
  'use strict';
  // Interface words come from the page (the site's strings table), with {name} slots.
  function fill(tpl, vals) { return (tpl || '').replace(/\{(\w+)\}/g, function (m, k) { return k in vals ? vals[k] : m; }); }
  var A = typeof module !== 'undefined' ? require('./analyzer.js') : globalThis.CausebookAnalyzer;
  var K = typeof module !== 'undefined' ? require('./topk.js') : globalThis.CausebookTopK;
  var R = typeof module !== 'undefined' ? require('./reader.js') : globalThis.CausebookReading;
  var S = typeof module !== 'undefined' ? require('./story.js') : globalThis.CausebookStory;
  var T = typeof module !== 'undefined' ? require('./spelling.js') : globalThis.CausebookSpelling;
  var correct = T.correct, byCodePoint = T.byCodePoint;
  var f = Math.fround;

  function fnv1a(s) {
    var bytes = new TextEncoder().encode(s);
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i += 1) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h >>> 0;
  }

  // The site's synonyms as meta.json packs them (synonyms.rs `to_json`), unpacked once per
  // index: `[stems, [[lower, stem], ...], phrase, means, sense]` each, in declaration order; a
  // phrase packed with no stems is its own stems.
  function synonymsOf(meta) {
    if (!meta.unpackedSynonyms) {
      var packed = meta.synonyms || { means: [], phrases: [] };
      var adds = function (text) {
        return text ? text.split(' ').map(function (a) { var x = a.split('+'); return [x[0], x.length > 1 ? x[1] : x[0]]; }) : [];
      };
      var means = packed.means.map(function (m) { return [m[0], adds(m[1]), m[2]]; });
      // A phrase written with alternatives comes once, its stems packed (synonyms.rs
      // `to_json`): each combination, the first word's alternatives outermost, is one phrase
      // (phrases.rs `alternatives`); one without stems is left out.
      meta.unpackedSynonyms = [];
      packed.phrases.forEach(function (p) {
        var m = means[p[2]];
        var texts = p[0].trim().split(/\s+/).map(function (w) { return w.split('/').filter(function (a) { return a; }); });
        var stems = (p[1] || p[0]).split(' ').map(function (w) {
          return w.split('/').map(function (a) { return a ? a.split('+') : []; });
        });
        var combos = [[[], []]];
        texts.forEach(function (alts, k) {
          var next = [];
          combos.forEach(function (c) {
            alts.forEach(function (a, j) { next.push([c[0].concat([a]), c[1].concat(stems[k][j])]); });
          });
          combos = next;
        });
        combos.forEach(function (c) {
          if (c[1].length) meta.unpackedSynonyms.push([c[1], m[1], c[0].join(' '), m[0], m[2]]);
        });
      });
    }
    return meta.unpackedSynonyms;
  }

  // Marks the words joined to the next inside a declared phrase of more than one word
  // (`w.joined`; synonyms.rs `mark_joined`): no clause ends inside "pins and needles".
  function markJoined(words, synonyms) {
    words.forEach(function (w, start) {
      var len = 0;
      synonyms.forEach(function (s) {
        var stems = s[0], n = stems.length;
        if (n < 2 || n <= len) return;
        if (A.phraseAt(words, start, stems)) len = n;
      });
      for (var k = start; k < start + len - 1; k += 1) words[k].joined = true;
    });
  }

  // The site's synonyms (src/search/synonyms.rs): a phrase matching consecutive words by stem
  // adds its words right after them and covers them.
  function expand(words, synonyms) {
    var covered = words.map(function () { return false; });
    var sense = words.map(function () { return false; });
    var after = words.map(function () { return []; });
    var used = [];
    words.forEach(function (w, end) {
      synonyms.forEach(function (s) {
        var stems = s[0], n = stems.length;
        if (!A.phraseAt(words, end + 1 - n, stems)) return;
        for (var i = 0; i < n; i += 1) {
          covered[end + 1 - n + i] = true;
          sense[end + 1 - n + i] = sense[end + 1 - n + i] || s[4] === 1;
        }
        after[end].push([s, end + 1 - n]);
        used.push([s[2], s[3]]);
      });
    });
    var out = [];
    words.forEach(function (w, i) {
      out.push({ lower: w.lower, folded: w.folded, stem: w.stem, covered: covered[i], added: false, parts: [], sense: sense[i], sent: w.sent, past: w.past, gradual: w.gradual, aside: w.aside });
      after[i].forEach(function (m) {
        // A synonym inside a sense ("hot" = "warm" in "hot wire") adds words of no cue (synonyms.rs `expand`).
        var s = m[0], within = sense.slice(m[1], i + 1).every(function (x) { return x; });
        s[1].forEach(function (a) {
          out.push({ lower: a[0], folded: A.fold(a[0]), stem: a[1], covered: false, added: true, parts: [], sense: within && s[4] !== 1 });
        });
      });
    });
    return { words: out, used: used };
  }

  // Each word followed by its parts if it is a compound (query.rs `split_compounds`): the parts
  // are searched as added words and the compound, covered by them, is never a typo.
  function withParts(words, lang, c, isPart) {
    var out = [];
    words.forEach(function (w) {
      var parts = A.split(w.lower, lang, c, isPart);
      w.covered = w.covered || parts.length > 0;
      w.parts = parts;
      out.push(w);
      parts.forEach(function (p) { out.push({ lower: p, folded: p, stem: p, covered: false, added: true, parts: [], sense: w.sense }); });
    });
    return out;
  }

  // The stems a cue may use, each with its word's place in the query, whether its clause tells
  // of the past and whether it is told as lasting months or years, and each word as typed
  // (held.rs `place_words`): an added word stands where the words it comes from end, a phrase
  // of `[search.senses]` holds no cue with its own words, and the end of a sentence counts as
  // half the near cues' `window` of words.
  function placed(words, window) {
    var out = [], at = 0, gap = 0, past = false, gradual = false, aside = false;
    words.forEach(function (w, i) {
      if (!w.added && i > 0) { at += 1 + gap; gap = 0; }
      if (!w.added) {
        past = !!w.past;
        gradual = !!w.gradual;
        aside = !!w.aside;
        if (w.sent) gap = Math.floor(window / 2);
      }
      // The words set aside (told of someone else, or an event told of the past), and what
      // they add, hold no cue (held.rs `place_words`).
      if (w.sense || aside) return;
      out.push([w.stem, at, past, gradual]);
      if (!w.added) out.push(['=' + w.lower, at, past, gradual]);
    });
    return out;
  }

  /** A searcher over the files under `search/`, fetched with `load(path) -> Promise`: parsed JSON for `.json`, a Uint8Array for `.bin`. */
  function Searcher(load) {
    this.load = load;
    this.cache = {};
  }
  Searcher.prototype.get = function (path) {
    if (!this.cache[path]) this.cache[path] = this.load(path);
    return this.cache[path];
  };
  Searcher.prototype.entry = function (meta, stem) {
    return this.get('t/' + (fnv1a(stem) % meta.term_shards) + '.json').then(function (shard) {
      return Object.prototype.hasOwnProperty.call(shard, stem) ? shard[stem] : null;
    });
  };
  Searcher.prototype.isWord = function (meta, stem) {
    if (!meta.dict_shards) return Promise.resolve(false);
    return this.get('dict/' + (fnv1a(stem) % meta.dict_shards) + '.json').then(function (list) {
      return list.indexOf(stem) >= 0;
    });
  };
  // The words with compounds split: the part-term shards of every piece are fetched first.
  Searcher.prototype.splitAll = function (meta, words) {
    var c = meta.compounds, self = this;
    if (!c) return Promise.resolve(words);
    var shards = {};
    words.forEach(function (w) {
      A.splitCandidates(w.lower, meta.language, c).forEach(function (st) {
        shards[fnv1a(Array.from(st).slice(0, 2).join('')) % c.shards] = true;
      });
    });
    var ids = Object.keys(shards);
    return Promise.all(ids.map(function (k) { return self.get('parts/' + k + '.json'); })).then(function (lists) {
      var known = {};
      lists.forEach(function (l) { l.forEach(function (t) { known[t] = true; }); });
      return withParts(words, meta.language, c, function (st) { return known[st] === true; });
    });
  };
  // Typos read before the phrases (query.rs `correct_before_phrases`): a word in no field that
  // is no common word, no real word and no word of a declared phrase or a general sign, whose
  // closest term is a word of a declared phrase, is read as that term from the start. Not where
  // compounds are split. In query order, fetching shards and the vocabulary only if needed.
  Searcher.prototype.correctEarly = function (meta, words, stop, exact) {
    var self = this, out = [];
    if (exact || meta.compounds) return Promise.resolve(out);
    if (!meta.phraseStems) {
      meta.phraseStems = {};
      synonymsOf(meta).forEach(function (syn) { syn[0].forEach(function (st) { meta.phraseStems[st] = true; }); });
    }
    var inPhrase = function (st) { return meta.phraseStems[st] === true; };
    var chain = Promise.resolve();
    words.forEach(function (w) {
      chain = chain.then(function () {
        if (stop[w.stem] || inPhrase(w.stem) || R.knowsSign(meta, w.stem)) return null;
        return self.entry(meta, w.stem).then(function (e) {
          return e ? null : self.closest(meta, w);
        }).then(function (c) {
          if (!c || !inPhrase(c.term)) return;
          if (!out.some(function (o) { return o.word === w.lower; })) out.push({ word: w.lower, term: c.term, shown: c.shown });
          w.stem = c.term;
        });
      });
    });
    return chain.then(function () { return out; });
  };
  // The closest indexed term to a word in no field (spelling.js `correct`) with how it is shown,
  // or null for a real word or one close to no term; the terms are sorted once per searcher.
  Searcher.prototype.closest = function (meta, w) {
    var self = this;
    return this.isWord(meta, w.stem).then(function (real) {
      if (real) return null;
      return self.get('vocab.json').then(function (v) {
        if (!self.sortedTerms) self.sortedTerms = Object.keys(v).sort(byCodePoint);
        var term = correct(w, v, self.sortedTerms);
        return term === null ? null : { term: term, shown: v[term][1] };
      });
    });
  };
  /** Searches like `causebook search`; `exact` turns typo correction off. */
  Searcher.prototype.search = function (query, limit, exact) {
    var self = this;
    return this.get('meta.json').then(function (meta) {
      var stop = {};
      meta.stop_words.forEach(function (w) { stop[w] = true; });
      var analyzed = A.analyze(query, meta.language);
      return self.correctEarly(meta, analyzed, stop, exact).then(function (early) {
        return self.searchWords(meta, query, analyzed, stop, early, limit, exact);
      });
    });
  };
  // The rest of `search`, with the typos read before the phrases already corrected.
  Searcher.prototype.searchWords = function (meta, query, analyzed, stop, early, limit, exact) {
    var self = this, reading = meta.reading || {};
    markJoined(analyzed, synonymsOf(meta));
    S.markPast(analyzed, reading);
    S.markGradual(analyzed, reading);
    S.markOthers(analyzed, reading);
    var marks = R.negated(analyzed, reading, stop, synonymsOf(meta));
    R.markNormalTemperature(analyzed, query, reading, marks);
    // The words not negated, in runs that the negated words part: a synonym's phrase never
    // spans one (query.rs `without_negated`).
    var runs = [[]];
    analyzed.forEach(function (w, i) { if (marks[i]) runs.push([]); else runs[runs.length - 1].push(w); });
    var typed = [].concat.apply([], runs);
    var onset = R.onsetOf(analyzed, reading);
    var child = R.childOf(analyzed, reading);
    var fever = R.feverOf(query, reading);
    // A question, or a worry that also describes what the reader has, shows no cue that only
    // names a condition (query.rs).
    var asks = R.hasPhrase(analyzed, reading, 'questions') || R.worries(analyzed, reading, stop);
    var expanded = { words: [], used: [] };
    runs.forEach(function (run) {
      var e = expand(run, synonymsOf(meta));
      expanded.words = expanded.words.concat(e.words);
      expanded.used = expanded.used.concat(e.used);
    });
    // A child's age is searched as the child word too (query.rs).
    [child, fever].forEach(function (added) {
      if (added) expanded.words.push({ lower: added, folded: added, stem: added, covered: false, added: true, parts: [], sense: false });
    });
    return self.splitAll(meta, expanded.words).then(function (all) {
      var content = all.filter(function (w) { return !stop[w.stem]; }).length;
      var words = all.filter(function (w) { return !(content > 0 && stop[w.stem]); });
      return Promise.all(words.map(function (w) { return self.entry(meta, w.stem); })).then(function (entries) {
        return self.resolve(meta, words, entries, exact);
      }).then(function (resolved) {
        resolved.words = typed.map(function (w) { return w.lower; });
        resolved.synonyms = expanded.used;
        resolved.negated = analyzed.filter(function (w, i) { return marks[i]; }).map(function (w) { return w.lower; });
        var held = placed(all, reading.cue_window);
        resolved.corrected.forEach(function (c) {
          // A corrected word stands where it was typed (held.rs `place_corrected`).
          held.forEach(function (h) { if (h[0] === '=' + c.word) held.push([c.term, h[1], h[2]]); });
        });
        [onset, child, fever].forEach(function (s) { if (s) held.push([s, -1]); });
        resolved.corrected = early.concat(resolved.corrected);
        resolved.cue = R.cue(meta, held, asks);
        resolved.signs = R.signHits(meta, all);
        resolved.language = meta.language;
        return self.rank(meta, resolved, Math.min(Math.max(limit || 10, 1), 100));
      });
    });
  };
  // Applies the real-word check and typo correction in query order, fetching dictionary
  // shards and the vocabulary only if needed.
  Searcher.prototype.resolve = function (meta, words, entries, exact) {
    var self = this;
    var out = { stems: [], entries: [], corrected: [], unknown: [], showing: null };
    var chain = Promise.resolve();
    words.forEach(function (w, i) {
      chain = chain.then(function () {
        if (out.stems.indexOf(w.stem) >= 0) return null;
        if (entries[i]) { out.stems.push(w.stem); out.entries.push(entries[i]); return null; }
        if (w.covered || w.added || R.knowsSign(meta, w.stem)) return null;
        if (exact) { out.unknown.push(w.lower); return null; }
        return self.closest(meta, w).then(function (c) {
          if (!c) { out.unknown.push(w.lower); return null; }
          if (out.stems.indexOf(c.term) >= 0) return null;
          out.corrected.push({ word: w.lower, term: c.term, shown: c.shown });
          out.stems.push(c.term);
          return self.entry(meta, c.term).then(function (e) { out.entries.push(e); });
        });
      });
    });
    return chain.then(function () { return out; });
  };
  // The top results with their documents, split into matches and others at the cut-off; the
  // causes the cue's sign most often means are matches, first for an emergency sign and right
  // after the best match by words otherwise (query.rs `split`).
  Searcher.prototype.rank = function (meta, q, limit) {
    var self = this;
    return K.topk(this.get.bind(this), meta, q.entries, limit).then(function (top) {
      var scores = {};
      top.forEach(function (r) { scores[r.doc] = r.score; });
      // The sign's causes in order, then the other held signs' causes, best match first.
      var also = ((q.cue && q.cue.also) || []).slice().sort(function (a, b) {
        return K.ranking({ doc: a, score: scores[a] || 0 }, { doc: b, score: scores[b] || 0 });
      });
      var lead = ((q.cue && q.cue.docs) || []).concat(also);
      var rest = top.map(function (r) { return r.doc; }).filter(function (d) { return lead.indexOf(d) < 0; });
      var keepBest = q.cue && q.cue.level !== 0 && top.length > 0 && lead.indexOf(top[0].doc) < 0;
      var docs = keepBest ? [rest[0]].concat(lead, rest.slice(1)) : lead.concat(rest);
      var floor = top.length ? f(top[0].score * f(meta.cutoff)) : 0;
      return self.rows(meta, q, docs.slice(0, limit), scores, floor, lead);
    });
  };
  Searcher.prototype.rows = function (meta, q, docs, scores, floor, lead) {
    var self = this;
    var per = meta.docs_per_shard;
    return Promise.all(docs.map(function (d) { return self.get('d/' + Math.floor(d / per) + '.bin'); }))
      .then(function (shards) {
        var all = docs.map(function (d, i) {
          var row = K.docAt(shards[i], d % per).row;
          return { doc: d, score: scores[d] || 0, slug: row[0], title: row[1], url: row[2], category_label: row[3],
            summary: row[4], emergency_signs: row[5] ? row[5].split('\n') : [], emergency_cause: row[6] === '1' };
        });
        var match = function (h) { return lead.indexOf(h.doc) >= 0 || h.score >= floor; };
        q.hits = all.filter(match);
        q.others = all.filter(function (h) { return !match(h); });
        q.showing = q.words.map(function (w) {
          var c = q.corrected.filter(function (x) { return x.word === w; })[0];
          return c ? c.shown : w;
        }).join(' ');
        return q;
      });
  };

  var api = { Searcher: Searcher, fnv1a: fnv1a, levenshtein: T.levenshtein, cue: R.cue, fill: fill };
  if (typeof module !== 'undefined') module.exports = api;
  else globalThis.CausebookSearch = api;
})();
