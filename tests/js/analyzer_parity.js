// Compares the browser analyzer (themes/default/static/analyzer.js) with tantivy's on a file of
// `input<TAB>expected stems` lines produced by the Rust side. Prints the first mismatches and a
// closing `N passed, M failed` line; exits 1 on any mismatch.
'use strict';
const fs = require('fs');
const { analyze } = require('../../themes/default/static/analyzer.js');

const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l.length);
let passed = 0;
let failed = 0;
for (const line of lines) {
  const tab = line.lastIndexOf('\t');
  const input = line.slice(0, tab);
  const expected = line.slice(tab + 1);
  const got = analyze(input).map((w) => w.stem).join(' ');
  if (got === expected) passed += 1;
  else {
    failed += 1;
    if (failed <= 20) console.log(`mismatch: ${JSON.stringify(input)}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
