// Checks that the browser analyzer (themes/default/static/analyzer.js) gives the same terms as
// the Rust one (src/search/analyzer.rs).
//
// usage: node analyzer_parity.js <reference.tsv> [language code, English by default]
// Each line of the file is `input<TAB>expected`, expected being the stems the Rust analyzer
// produces for input, joined by single spaces. Prints the first 20 mismatches, then
// "N passed, M failed" as the last line; exits 1 if any failed.
'use strict';
const fs = require('fs');
const { analyze } = require('../../themes/default/static/analyzer.js');

const file = process.argv[2];
const lang = process.argv[3] || 'en';
if (!file) {
  console.error('usage: node analyzer_parity.js <reference.tsv>');
  process.exit(2);
}
let passed = 0;
let failed = 0;
for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
  if (line === '') continue;
  const tab = line.indexOf('\t');
  const input = tab < 0 ? line : line.slice(0, tab);
  const expected = tab < 0 ? '' : line.slice(tab + 1);
  const got = analyze(input, lang).map((w) => w.stem).join(' ');
  if (got === expected) {
    passed += 1;
  } else {
    failed += 1;
    if (failed <= 20) console.log(`MISMATCH ${JSON.stringify(input)}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
