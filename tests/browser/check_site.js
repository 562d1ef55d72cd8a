// Checks a built causebook site in Debian's Chromium (driven by playwright-core):
// axe-core (WCAG 2.2 AA) on every page type in light and dark mode, no console errors, and the
// interactive features end to end: search, table sorting and filtering, the navigator, a
// confused-with link, and the pages without JavaScript.
//
// usage: node check_site.js <built-site-dir>
// Prints one line per check and a closing `N passed, M failed` line; exits 1 on any failure.
'use strict';
const path = require('path');

const root = path.resolve(process.argv[2]);
const { serve, launch, axe, open } = require('./server');
const PAGES = ['', 'causes/', 'causes/peripheral-artery-disease/', 'causes/acute-limb-ischaemia/', 'relief/', 'relief/raise-your-legs/',
  'categories/', 'categories/circulation/', 'sources/', 'compare/', 'compare/chronic-venous-insufficiency-vs-peripheral-artery-disease/',
  'navigator/', 'navigator/print/?lying_flat=yes&moving=no', 'offline.html', 'red-flags/', 'search/?q=charley+horse', 'about/', 'disclaimer/', 'no-such-page/'];
const { check, finish } = require('./report');


async function main() {
  const server = await serve(root);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await launch();
  try {
    for (const scheme of ['light', 'dark']) {
      const context = await browser.newContext({ colorScheme: scheme });
      for (const p of PAGES) {
        const page = await context.newPage();
        const errors = [];
        page.on('console', (m) => { if (m.type() === 'error' && !/404 \(Not Found\)/.test(m.text())) errors.push(m.text()); });
        page.on('pageerror', (e) => errors.push(String(e)));
        const external = [];
        page.on('request', (r) => { if (!r.url().startsWith(base)) external.push(r.url()); });
        await open(page, base + p);
        const violations = await axe(page);
        check(`axe ${scheme} /${p}`, violations.length === 0, violations.join(' | '));
        if (scheme === 'light') {
          check(`no console errors /${p}`, errors.length === 0, errors.join(' | '));
          check(`no external requests /${p}`, external.length === 0, external.join(' '));
          check(`one h1 /${p}`, (await page.locator('h1').count()) === 1);
        }
        await page.close();
      }
      await context.close();
    }
    await flows(browser, base);
  } finally {
    await browser.close();
    server.close();
  }
  finish(false);
}

async function flows(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();

  // Search: type, see the expected cause first, reach it with the keyboard.
  await page.goto(base + 'search/');
  // The folded card of emergency signs opens with one tap.
  check('search: the emergency signs are folded under their heading', !(await page.isVisible('#emergency li')));
  await page.click('#emergency summary');
  check('search: one tap on the heading shows the emergency signs', await page.isVisible('#emergency li'));
  await page.fill('#search-page-input', 'urge to move my legs');
  await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0);
  const first = await page.textContent('#search-results li:first-child a');
  check('search: "urge to move my legs" finds restless legs first', /Restless legs/.test(first), first);
  const category = await page.textContent('#search-results li:first-child .result-category');
  check('search: the category is not wrapped in a second pair of brackets', !category.trim().startsWith('('), category);
  await page.fill('#search-page-input', 'peripherl artery diesease');
  await page.waitForFunction(() => /peripher/.test(document.getElementById('search-status').textContent));
  check('search: typos are corrected', /Peripheral artery/.test(await page.textContent('#search-results li:first-child a')));
  check('search: query kept in the URL', page.url().includes('q=peripherl'));
  check('search: says what it searched for', /Showing results for “peripheral artery disease”/.test(await page.textContent('#search-status')));
  await page.click('#search-status a');
  await page.waitForFunction(() => /left out/.test(document.getElementById('search-status').textContent));
  check('search: "search instead for" searches the words as typed', page.url().includes('exact=1') &&
    /left out: peripherl, diesease/.test(await page.textContent('#search-status')));
  await page.fill('#search-page-input', 'sudden leg pain leg is white and cold');
  await page.waitForFunction(() => !document.querySelector('.search-emergency').hidden);
  check('search: emergency instruction shown first', /999/.test(await page.textContent('.search-emergency')));
  check('search: weaker results listed apart', await page.isVisible('.search-others li'));
  await page.focus('#search-page-input');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  check('search: results reachable by keyboard', await page.evaluate(() => document.activeElement.closest('#search-results') !== null));

  // Comparison table: sort with the keyboard, filter, state in the URL.
  await page.goto(base + 'compare/');
  const titles = () => page.$$eval('#compare-table tbody tr:not([hidden]) th a', (as) => as.map((a) => a.textContent));
  const before = await titles();
  await page.focus('#compare-table th[data-sort="title"] button');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  const desc = await titles();
  check('compare: sorting by cause, descending', JSON.stringify(desc) === JSON.stringify([...before].sort((a, b) => b.localeCompare(a))), desc.join(', '));
  check('compare: aria-sort set', (await page.getAttribute('#compare-table th[data-sort="title"]', 'aria-sort')) === 'descending');
  await page.selectOption('select[data-filter="category"]', 'circulation');
  await page.selectOption('select[data-filter="legs_dangling"]', 'better');
  const filtered = await titles();
  check('compare: filters narrow the rows', filtered.length > 0 && filtered.length < before.length && filtered.some((t) => /Peripheral artery/.test(t)), filtered.join(', '));
  check('compare: state kept in the URL', /category=circulation/.test(page.url()) && /legs_dangling=better/.test(page.url()), page.url());
  await page.goto(page.url());
  check('compare: a shared URL restores the view', JSON.stringify(await titles()) === JSON.stringify(filtered));

  // Navigator: answers narrow and rank the causes.
  await page.goto(base + 'navigator/');
  await page.check('fieldset[data-situation="legs_dangling"] input[value="yes"]');
  await page.check('fieldset[data-situation="legs_raised"] input[value="no"]');
  const shown = await page.$$eval('#navigator-results li:not([hidden]) a', (as) => as.map((a) => a.textContent));
  check('navigator: hanging down helps + raising does not -> PAD first', /Peripheral artery/.test(shown[0] || ''), shown.join(', '));
  check('navigator: says it does not diagnose', /does not diagnose/.test(await page.textContent('main')));
  // Hanging the legs down eases PAD's night pain (its sources), so PAD fits that answer.
  await page.goto(base + 'navigator/?legs_dangling=yes');
  const kept = await page.$$eval('#navigator-results li a, #navigator-open li a', (as) => as.map((a) => a.textContent));
  check('navigator: hanging the legs down helps -> PAD is listed above the causes that differ', kept.some((t) => /Peripheral artery/.test(t)), kept.join(', '));
  await page.goto(base + 'navigator/?moving=yes');
  const status = await page.textContent('#navigator-status');
  const fitCount = Number((/^(\d+) of/.exec(status) || [])[1]);
  check('navigator: "fit" counts only causes that match an answer', fitCount < 17 && /not ruled out/.test(status), status);
  const order = await page.evaluate(() => {
    const card = document.querySelector('.care-card--emergency');
    const results = document.getElementById('navigator-results');
    return Boolean(card.compareDocumentPosition(results) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  check('navigator: emergency signs above the results', order);

  // Confused-with link.
  await page.goto(base + 'causes/peripheral-artery-disease/');
  await page.click('#confused-with a[href*="chronic-venous-insufficiency"]');
  check('confused-with link leads to the other cause', /chronic-venous-insufficiency/.test(page.url()));
  await context.close();

  // Without JavaScript: complete table, a search page that points elsewhere.
  const nojs = await browser.newContext({ javaScriptEnabled: false });
  const p2 = await nojs.newPage();
  await p2.goto(base + 'compare/');
  const rows = await p2.$$eval('#compare-table tbody tr', (trs) => trs.filter((t) => !t.hidden).length);
  check('no JS: comparison table lists every cause', rows >= 16, String(rows));
  await p2.goto(base + 'search/?q=cramp');
  check('no JS: search page links to the comparison table', await p2.isVisible('#search-js-note a[href$="compare/"]'));
  await nojs.close();
}

main().catch((e) => { console.error(e); finish(true); });
