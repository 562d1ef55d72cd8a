// Regenerates src/search/dictionary.txt: the stems of the real English words of SCOWL size 50
// (Debian's wamerican and wbritish word lists), so search corrects only words that are neither
// in the index nor real words. Words shorter than 4 letters are left out: they are never
// corrected. Stems come from the browser analyzer, which is tested to equal tantivy's.
//
// usage: node scripts/make_dictionary.js /usr/share/dict/american-english /usr/share/dict/british-english
'use strict';
const fs = require('fs');
const path = require('path');
const A = require('../themes/default/static/analyzer.js');

const stems = new Set();
for (const file of process.argv.slice(2)) {
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!/^[a-z]{4,}$/.test(line)) continue;
    stems.add(A.analyze(line)[0].stem);
  }
}
const header = [
  '# Stems of the lower-case words of 4+ letters in SCOWL size 50 (American and British).',
  '# SCOWL is Copyright 2000-2011 by Kevin Atkinson. Permission to use, copy, modify, distribute',
  '# and sell these word lists, the associated scripts, the output created from the scripts, and',
  '# its documentation for any purpose is hereby granted without fee, provided that the above',
  '# copyright notice appears in all copies and that both that copyright notice and this',
  '# permission notice appear in supporting documentation. Kevin Atkinson makes no',
  '# representations about the suitability of this array for any purpose. It is provided',
  '# "as is" without express or implied warranty.',
  '# Regenerate with scripts/make_dictionary.js.',
];
const out = header.concat(Array.from(stems).sort()).join('\n') + '\n';
fs.writeFileSync(path.join(__dirname, '../src/search/dictionary.txt'), out);
console.log(stems.size + ' stems');
