// The checking scripts' report: one `ok`/`FAIL` line per check, then `N passed, M failed`.
'use strict';
const counts = { passed: 0, failed: 0 };

/** Records one check and prints its line (with `detail` when it failed). */
function check(name, ok, detail) {
  if (ok) counts.passed += 1;
  else counts.failed += 1;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
}

/** Prints the closing line and exits, 1 on any failure (`crashed` counts as one more). */
function finish(crashed) {
  const failed = counts.failed + (crashed ? 1 : 0);
  console.log(`${counts.passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

module.exports = { check, finish };
