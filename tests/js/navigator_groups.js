// Runs the navigator's grouping (themes/default/static/navigator.js) in Node on a built site's
// open data, so the Rust tests can check which causes each set of answers keeps.
//
// usage: node navigator_groups.js <site-output-dir> <answers>...
// Each answers argument is a query string as the navigator keeps it in the URL
// (`moving=yes&lying_flat=no`). Prints one JSON object per argument:
//   {"answers": ..., "groups": {"<slug>": {"group": "fit"|"open"|"differs", "matched": N, "open": N,
//    "differs": [...], "label": "..."}}}
'use strict';
const fs = require('fs');
const path = require('path');
const { classify, describe } = require('../../themes/default/static/navigator.js');

const [outDir, ...queries] = process.argv.slice(2);
const data = JSON.parse(fs.readFileSync(path.join(outDir, 'data', 'causes.json'), 'utf8'));
const situations = data.vocabularies.situations;

for (const q of queries) {
  const params = new URLSearchParams(q);
  const given = situations
    .filter((s) => params.get(s.id) === 'yes' || params.get(s.id) === 'no')
    .map((s) => ({ situation: s.id, yesMeans: s.yes_means, label: s.label, answer: params.get(s.id) }));
  const groups = {};
  for (const c of data.causes) {
    const effects = {};
    for (const s of situations) effects[s.id] = c.positional[s.id] ? c.positional[s.id].effect : 'unknown';
    const r = classify(effects, given);
    groups[c.slug] = { group: r.group, matched: r.matched, open: r.open, differs: r.differs, label: describe(r, given.length) };
  }
  console.log(JSON.stringify({ answers: q, groups }));
}
