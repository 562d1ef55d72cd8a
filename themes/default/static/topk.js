// The exact top results of a query over the browser's split postings (see docs/search.md,
// "Impacts and blocks"): reads the term's impact blocks, document chunks and documents through
// `get(path) -> Promise<object>` only as far as they can change the top, so a first query at
// 100,000 articles downloads tens of kilobytes, not whole posting lists. Used by search.js.
(function () {
  'use strict';
  var f = Math.fround;

  // Reads the unsigned LEB128 varint at `pos.at` of `bytes` (seven bits a byte, low first).
  function varint(bytes, pos) {
    var v = 0, mul = 1, b;
    do { b = bytes[pos.at++]; v += (b & 127) * mul; mul *= 128; } while (b & 128);
    return v;
  }
  // Calls add(doc, x, table) for each posting of a term shard's inline block (JSON `[delta, x,
  // ...]`, with the entry's exact impacts `table` if it has them) or of a binary block or chunk
  // (a varint count of exact impacts, those f32, then runs: a varint `delta * 2 + more`, a byte,
  // and when `more` a varint count of the documents that follow one by one with the same byte),
  // documents counted from `base`. With a table, x is an impact's place in it; else a level.
  function eachPosting(src, base, table, add) {
    var doc = base, i, pos = { at: 0 };
    if (Array.isArray(src)) {
      for (i = 0; i < src.length; i += 2) { doc += src[i]; add(doc, src[i + 1], table); }
      return;
    }
    var view = new DataView(src.buffer, src.byteOffset, src.byteLength), n = varint(src, pos);
    table = [];
    for (i = 0; i < n; i += 1) { table.push(view.getFloat32(pos.at, true)); pos.at += 4; }
    while (pos.at < src.length) {
      var v = varint(src, pos), x = src[pos.at++], more = v % 2 ? varint(src, pos) : 0;
      doc += Math.floor(v / 2);
      add(doc, x, table);
      for (i = 0; i < more; i += 1) { doc += 1; add(doc, x, table); }
    }
  }
  // Document `index` of a binary document shard: per document a varint length and its JSON
  // row, then a varint count of `[varint term number delta, f32 little-endian]` exact impacts.
  function docAt(bytes, index) {
    var pos = { at: 0 }, view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (var k = 0; ; k += 1) {
      var len = varint(bytes, pos), start = pos.at;
      pos.at += len;
      var n = varint(bytes, pos);
      if (k < index) { for (var j = 0; j < n; j += 1) { varint(bytes, pos); pos.at += 4; } continue; }
      var exact = {}, id = 0;
      for (var i = 0; i < n; i += 1) { id += varint(bytes, pos); exact[id] = view.getFloat32(pos.at, true); pos.at += 4; }
      return { row: JSON.parse(new TextDecoder().decode(bytes.subarray(start, start + len))), exact: exact };
    }
  }

  // One query term's postings as far as fetched (an impact is a document's BM25 for the term,
  // summed over fields, computed by the export in f32). `lo`/`hi` bound each seen document's
  // impact: equal (exact, and the document in `ex`) for a term whose whole list is inline or
  // for a block with a table of exact impacts, else coarse (a level times the step `e.s`) for a
  // spilled term, whose exact impacts come with each document. Impact blocks come
  // highest first; `bound` is the highest impact not read yet. `chunks` are the document chunks
  // read: a document in one of them and not in `lo` does not have the term.
  // `tail` is the lowest impact read exactly from an impact block: blocks come highest
  // first, so nothing unread is above it (tighter than the next block's coarse bound when a
  // block ends in a run of equal impacts, as tied documents make).
  function TermState(entry) {
    this.e = entry;
    this.lo = {};
    this.hi = {};
    this.ex = {};
    this.next = 1;
    this.chunks = {};
    this.tail = Infinity;
    this.add(entry.p, 0, true);
  }
  TermState.prototype.add = function (src, base, ranked) {
    var self = this, step = this.e.s;
    eachPosting(src, base, this.e.x, function (doc, x, table) {
      if (step && !(table && table.length)) {
        if (doc in self.ex) return; // known exactly from an impact block: keep it
        self.lo[doc] = x * step;
        self.hi[doc] = (x + 1) * step;
        return;
      }
      var impact = f(table && table.length ? table[x] : x);
      self.lo[doc] = self.hi[doc] = impact;
      self.ex[doc] = true;
      if (ranked && impact < self.tail) self.tail = impact;
    });
  };
  TermState.prototype.exhausted = function () { return this.next > (this.e.m || []).length; };
  TermState.prototype.bound = function () {
    return this.exhausted() ? 0 : Math.min(this.e.m[this.next - 1] * this.e.s, this.tail);
  };
  // Postings in the next impact block: they double from twice the inline block up to a cap.
  TermState.prototype.nextSize = function (sizes) {
    return Math.min(sizes[0] * Math.pow(2, this.next), sizes[1]);
  };
  TermState.prototype.chunkOf = function (doc) { return Math.floor(doc / this.e.c); };
  // Whether `doc`'s impact is known to lie in [lo, hi] (0 when it lacks the term).
  TermState.prototype.known = function (doc) {
    return doc in this.lo || this.exhausted() || this.chunks[this.chunkOf(doc)] === true;
  };
  // Whether `doc`'s impact is known exactly without its document: read exact, or known absent.
  TermState.prototype.settled = function (doc) {
    return doc in this.ex || (this.known(doc) && !(doc in this.lo));
  };
  // The exact impact of a document that is settled here or whose spilled terms' impacts are
  // known (`exact`, by id, when its document was fetched).
  TermState.prototype.exact = function (doc, exact) {
    if (doc in this.ex) return this.lo[doc];
    if (this.e.s && exact) return exact[this.e.i] || 0;
    return 0;
  };

  // Scores within float rounding of each other count as equal and rank by document, as the
  // CLI ranks them (the index may add a document's term scores in another order).
  function ranking(a, b) {
    var d = b.score - a.score;
    return Math.abs(d) <= 1e-5 * Math.max(Math.abs(a.score), Math.abs(b.score)) ? a.doc - b.doc : d;
  }

  // Each seen document's score: exact once its own impacts are fetched (`exact[doc]`) or when
  // every term's impact on it is exact; else bounds, and the terms it may still have unseen.
  function candidates(terms, exact) {
    var seen = {};
    terms.forEach(function (t) { Object.keys(t.lo).forEach(function (d) { seen[d] = true; }); });
    return Object.keys(seen).map(function (key) {
      var doc = Number(key), score = 0, lo = 0, hi = 0, settled = true, missing = [];
      terms.forEach(function (t) {
        if (exact[doc] || t.settled(doc)) {
          var x = t.exact(doc, exact[doc]);
          score = f(score + x); lo += x; hi += x;
        } else if (t.known(doc)) {
          settled = false;
          lo += t.lo[doc] || 0;
          hi += t.hi[doc] || 0;
        } else {
          settled = false;
          hi += t.bound();
          missing.push(t);
        }
      });
      return settled ? { doc: doc, score: score, lo: score, hi: score, missing: missing }
        : { doc: doc, lo: lo, hi: hi, missing: missing };
    });
  }

  // The sum of the terms' bounds: the most their unread impacts can add to a score.
  function sum(terms) { return terms.reduce(function (s, t) { return s + t.bound(); }, 0); }

  // Exact top `limit` by BM25 without reading whole posting lists: a threshold algorithm
  // (Fagin, Lotem and Naor) over impact-ordered blocks, with document chunks and documents as
  // random access. The `limit`-th best lower bound is a floor the top must reach (less a margin
  // for the rounding ties of `ranking`); `left` are the documents not exact whose upper bound
  // reaches it. See docs/search.md.
  function topk(get, meta, entries, limit) {
    var exact = {}, per = meta.docs_per_shard, sizes = meta.block_sizes;
    var terms = entries.filter(Boolean).map(function (e) { return new TermState(e); });
    function deepen(t) {
      var path = 'b/' + t.e.i + '/' + t.next + '.bin';
      t.next += 1;
      return get(path).then(function (flat) { t.add(flat, 0, true); return step(); });
    }
    function readChunks(wanted) {
      return Promise.all(wanted.map(function (w) {
        w.t.chunks[w.j] = true;
        return get('r/' + w.t.e.i + '/' + w.j + '.bin');
      })).then(function (flats) {
        flats.forEach(function (flat, k) { wanted[k].t.add(flat, wanted[k].j * wanted[k].t.e.c, false); });
        return step();
      });
    }
    function settle(docs) {
      return Promise.all(docs.map(function (d) { return get('d/' + Math.floor(d / per) + '.bin'); }))
        .then(function (shards) {
          docs.forEach(function (d, k) { exact[d] = docAt(shards[k], d % per).exact; });
          return step();
        });
    }
    // The impact block that rules out documents for the fewest postings read, if any: the
    // documents missing its term whose upper bound falls below the floor with its bound.
    function bestBlock(left, floor) {
      var best = null, bestCost = Infinity;
      terms.forEach(function (t) {
        if (t.exhausted()) return;
        var drop = t.bound() - (t.next < t.e.m.length ? t.e.m[t.next] * t.e.s : 0);
        var out = left.filter(function (r) { return r.missing.indexOf(t) >= 0 && r.hi - drop < floor; }).length;
        if (out && t.nextSize(sizes) / out < bestCost) { best = t; bestCost = t.nextSize(sizes) / out; }
      });
      return { t: best, cost: bestCost };
    }
    // The document chunks of the terms the documents may have unseen: for a document that the
    // floor could rule out, enough of them (highest bounds first) to do so; for a contender,
    // those whose bound is not negligible. Cheapest per document first.
    function bestChunks(left, floor, eps) {
      var wanted = {}, list = [];
      left.forEach(function (r) {
        var hi = r.hi, contender = r.hi - sum(r.missing) >= floor;
        r.missing.slice().sort(function (a, b) { return b.bound() - a.bound(); }).forEach(function (t) {
          if (contender ? t.bound() <= eps : hi < floor) return;
          hi -= t.bound();
          var key = t.e.i + '/' + t.chunkOf(r.doc);
          if (!wanted[key]) { wanted[key] = { t: t, j: t.chunkOf(r.doc), docs: 0 }; list.push(wanted[key]); }
          wanted[key].docs += 1;
        });
      });
      list.forEach(function (w) { w.cost = w.t.e.c * w.t.e.n / meta.docs / w.docs; });
      return list.sort(function (a, b) { return a.cost - b.cost; });
    }
    // The document chunks that would give `docs` their exact scores, one read per term and
    // chunk (a chunk is exact when its impacts are few enough to name by a byte, as a run of
    // tied documents makes them); null when one of them was read already and was not exact,
    // so only the document itself can settle it.
    function chunksToSettle(docs) {
      var wanted = {}, list = [];
      var stuck = docs.some(function (r) {
        return terms.some(function (t) {
          if (!t.e.s || t.settled(r.doc)) return false;
          var j = t.chunkOf(r.doc), key = t.e.i + '/' + j;
          if (t.chunks[j]) return true;
          if (!wanted[key]) { wanted[key] = { t: t, j: j, docs: 0 }; list.push(wanted[key]); }
          wanted[key].docs += 1;
          return false;
        });
      });
      return stuck ? null : list;
    }
    function step() {
      var all = candidates(terms, exact);
      var open = sum(terms);
      var lows = all.map(function (r) { return r.lo; }).sort(function (a, b) { return b - a; });
      var floor = lows.length >= limit ? lows[limit - 1] : -Infinity;
      floor -= 1e-4 * Math.abs(floor);
      // Documents not seen yet could reach the floor: read on in the term with the highest bound.
      if (open > 0 && open >= floor) {
        return deepen(terms.reduce(function (a, t) { return t.bound() > a.bound() ? t : a; }));
      }
      var left = all.filter(function (r) { return r.score === undefined && r.hi >= floor; });
      if (!left.length) {
        return Promise.resolve(all.filter(function (r) { return r.score !== undefined; }).sort(ranking).slice(0, limit));
      }
      // A contender (it reaches the floor even if the terms it may still have unseen add
      // nothing) with a term of some weight unseen: fetch it for its exact score, which raises
      // the floor; it is most likely a result, whose row the results need anyway.
      left.sort(function (a, b) { return b.hi - a.hi || a.doc - b.doc; });
      var eps = 1e-3 * Math.abs(floor);
      var contenders = left.filter(function (r) {
        return r.hi - sum(r.missing) >= floor && r.missing.some(function (t) { return t.bound() > eps; });
      });
      // Only as many as the top still has room for: past that, contenders tie with the
      // results (as copies of one article do), and their chunks settle them by the hundred.
      var room = limit - all.filter(function (r) { return r.score !== undefined && r.score >= floor; }).length;
      if (contenders.length && room > 0) {
        var batch = contenders.slice(0, room), reads = chunksToSettle(batch);
        if (reads && reads.length < batch.length) return readChunks(reads);
        return settle(batch.map(function (r) { return r.doc; }));
      }
      // The others: bound what they may still have unseen, by an impact block or by document
      // chunks, whichever rules them out for fewer postings read. Exact scores come last, best
      // upper bounds first, when only near ties of the results are left.
      var chunks = bestChunks(left, floor, eps);
      if (chunks.length) {
        var block = bestBlock(left, floor);
        if (block.t && block.cost <= chunks[0].cost) return deepen(block.t);
        return readChunks(chunks.slice(0, 2 * limit));
      }
      // Only near ties of the results are left. Their chunks of the terms they may still have
      // (negligible as those are) settle them a hundred at a time when they tie exactly, as
      // copies of one article do; fetching each document is the last resort.
      var near = bestChunks(left, floor, -Infinity);
      if (near.length) return readChunks(near.slice(0, 2 * limit));
      return settle(left.slice(0, limit).map(function (r) { return r.doc; }));
    }
    return step();
  }
  var api = { topk: topk, ranking: ranking, docAt: docAt };
  if (typeof module !== 'undefined') module.exports = api; else globalThis.CausebookTopK = api;
})();
