// Runs the browser search (themes/default/static/search.js) in Node against a built site's
// search/ folder and prints, per query, the top-10 slugs. Used by the parity test, which
// compares them with `causebook search --json`.
//
// usage: node search_topk.js <site-output-dir> <queries-file>   (one query per line)
// prints one JSON object per line:
//   {"query": ..., "slugs": [...], "docs": [...], "matches": N, "scores": [...], "stems": [...], "corrected": [...],
//    "unknown": [...], "showing": ..., "cue": ..., "files": [...], "bytes": N, "gzip_bytes": N,
//    "settings_gzip_bytes": N}
// where slugs are the matches and then the other results, and matches is how many are matches
// where bytes are what a browser would download for this query alone (index files, no scripts),
// and settings_gzip_bytes the part of gzip_bytes that is the site's search settings (meta.json:
// the same for every query, and growing with the content's synonyms and cues).
'use strict';
const fs = require('fs');
const zlib = require('zlib');
const path = require('path');
const { Searcher } = require('../../themes/default/static/search.js');

const [outDir, queriesFile] = process.argv.slice(2);
const queries = fs.readFileSync(queriesFile, 'utf8').split('\n').filter((q) => q.trim() && !q.startsWith('#'));

async function main() {
  for (const q of queries) {
    let bytes = 0;
    let gzipBytes = 0;
    let settingsGzipBytes = 0;
    const files = [];
    const s = new Searcher((p) => {
      const text = fs.readFileSync(path.join(outDir, 'search', p));
      files.push(p);
      bytes += text.length;
      const gz = zlib.gzipSync(text, { level: 9 }).length;
      gzipBytes += gz;
      if (p === 'meta.json') settingsGzipBytes += gz;
      return Promise.resolve(p.endsWith('.bin') ? new Uint8Array(text) : JSON.parse(text));
    });
    const r = await s.search(q.split('\t')[0], 10);
    const all = r.hits.concat(r.others);
    console.log(JSON.stringify({
      query: q.split('\t')[0], slugs: all.map((h) => h.slug), docs: all.map((h) => h.doc), matches: r.hits.length, scores: all.map((h) => h.score),
      stems: r.stems, corrected: r.corrected, unknown: r.unknown, showing: r.corrected.length ? r.showing : null,
      synonyms: r.synonyms, negated: r.negated, signs: r.signs, cue: r.cue ? { level: r.cue.level, urgency: r.cue.urgency, label: r.cue.label, heading: r.cue.heading, action: r.cue.action, sign: r.cue.sign, cause: r.cue.cause || null } : null, files, bytes, gzip_bytes: gzipBytes,
      settings_gzip_bytes: settingsGzipBytes,
    }));
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
