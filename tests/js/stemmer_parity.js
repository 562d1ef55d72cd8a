// Checks a browser stemmer (themes/default/static/stemmers/<lang>.js) against the Rust one
// (rust-stemmers, as the index uses it).
//
// usage: node stemmer_parity.js <lang> <reference.tsv>
// Each line of the file is `word<TAB>expected stem`, the word lower-cased, the stem being what
// rust_stemmers gives for it. Prints the first 20 mismatches, then "N passed, M failed" as the
// last line; exits 1 if any failed (or if the file has no words at all).
'use strict';
const fs = require('fs');
const path = require('path');

const [lang, file] = process.argv.slice(2);
if (!lang || !file || !/^[a-z]{2,3}$/.test(lang)) {
  console.error('usage: node stemmer_parity.js <lang> <reference.tsv>');
  process.exit(2);
}
const stem = require(path.join(__dirname, '../../themes/default/static/stemmers', `${lang}.js`));
if (globalThis.CausebookStemmers[lang] !== stem) {
  console.error(`stemmers/${lang}.js does not register itself as CausebookStemmers.${lang}`);
  process.exit(2);
}
let passed = 0;
let failed = 0;
for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
  if (line === '') continue;
  const tab = line.indexOf('\t');
  const word = tab < 0 ? line : line.slice(0, tab);
  const expected = tab < 0 ? '' : line.slice(tab + 1);
  const got = stem(word);
  if (got === expected) {
    passed += 1;
  } else {
    failed += 1;
    if (failed <= 20) console.log(`MISMATCH ${JSON.stringify(word)}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
