// Checks a causebook site built with a small `[lists] page_size` in Debian's Chromium: axe-core
// on the numbered pages, the pager links, the comparison filters on a later page (and the
// matches they list from the other pages), and the navigator reading its data file.
//
// usage: node paged.js <built-site-dir>
// Prints one line per check and a closing `N passed, M failed` line; exits 1 on any failure.
'use strict';
const path = require('path');

const root = path.resolve(process.argv[2]);
const { serve, launch, axe } = require('./server');
const { check, finish } = require('./report');
const PAGES = ['causes/page/2/', 'compare/page/2/', 'relief/page/2/', 'categories/circulation/', 'navigator/', ''];


async function main() {
  const server = await serve(root);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await launch();
  try {
    const context = await browser.newContext();
    for (const p of PAGES) {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      await page.goto(base + p, { waitUntil: 'networkidle' });
      const violations = await axe(page);
      check(`axe /${p}`, violations.length === 0, violations.join(' | '));
      check(`no console errors /${p}`, errors.length === 0, errors.join(' | '));
      check(`disclaimer on /${p}`, await page.isVisible('#disclaimer'));
      await page.close();
    }
    const page = await context.newPage();

    // The pager: where the page is, and on to the next page.
    await page.goto(base + 'compare/');
    check('pager: says which causes the page shows', /Showing 1 to 5 of \d+\./.test(await page.textContent('.pager__showing')));
    await page.click('.pager a[rel="next"]');
    check('pager: next leads to page 2', page.url().endsWith('/compare/page/2/'), page.url());
    check('pager: page 2 is marked current', (await page.textContent('.pager a[aria-current="page"]')) === '2');

    // The comparison table's filters and sorting work on a later page.
    const titles = () => page.$$eval('#compare-table tbody tr:not([hidden]) th a', (as) => as.map((a) => a.textContent));
    const before = await titles();
    await page.click('#compare-table th[data-sort="title"] button');
    await page.click('#compare-table th[data-sort="title"] button');
    const desc = await titles();
    check('compare page 2: sorting by cause, descending', JSON.stringify(desc) === JSON.stringify([...before].sort((a, b) => b.localeCompare(a))), desc.join(', '));
    await page.selectOption('select[data-filter="legs_raised"]', 'worse');
    const filtered = await titles();
    check('compare page 2: a filter narrows the rows', filtered.length < before.length, filtered.join(', '));

    // A filter also lists the matching causes of every other page, read from the data file:
    // the same causes a reader would find by filtering each page in turn.
    await page.click('#filter-reset');
    await page.selectOption('select[data-filter="category"]', 'circulation');
    await page.waitForSelector('#compare-elsewhere:not([hidden])');
    const listed = (await page.$$eval('#compare-elsewhere li a', (as) => as.map((a) => a.getAttribute('href')))).sort();
    const pagesOfTable = [...new Set(await page.$$eval('.pager a:not([aria-current])', (as) => as.map((a) => a.href)))];
    const expected = [];
    const other = await context.newPage();
    for (const url of pagesOfTable) {
      await other.goto(url);
      expected.push(...await other.$$eval('#compare-table tr[data-category="circulation"] th a', (as) => as.map((a) => a.getAttribute('href'))));
    }
    await other.close();
    expected.sort();
    check('compare page 2: the other pages\' matches are listed', expected.length > 0 && JSON.stringify(listed) === JSON.stringify(expected), `${listed} vs ${expected}`);
    check('compare page 2: and counted', (await page.textContent('#compare-elsewhere-status')).startsWith(`${expected.length} causes on other pages`));
    await page.click('#filter-reset');
    check('compare page 2: no filter, no list of other pages', await page.isHidden('#compare-elsewhere'));

    // The navigator builds its list from data/navigator.json and ranks it as the page would.
    await page.goto(base + 'navigator/');
    await page.waitForFunction(() => document.querySelectorAll('#navigator-results li').length > 0);
    const total = await page.$$eval('#navigator-results li', (li) => li.length);
    check('navigator: every cause of the data file is listed', total >= 16, String(total));
    await page.check('fieldset[data-situation="legs_dangling"] input[value="yes"]');
    await page.check('fieldset[data-situation="legs_raised"] input[value="no"]');
    const shown = await page.$$eval('#navigator-results li:not([hidden]) a', (as) => as.map((a) => a.textContent));
    check('navigator: hanging down helps + raising does not -> PAD first', /Peripheral artery/.test(shown[0] || ''), shown.join(', '));
    await page.click('#navigator-results li a');
    check('navigator: a result leads to its cause page', /\/causes\/peripheral-artery-disease\/$/.test(page.url()), page.url());
    await context.close();

    // Without JavaScript the navigator says where every cause is listed.
    const nojs = await browser.newContext({ javaScriptEnabled: false });
    const p2 = await nojs.newPage();
    await p2.goto(base + 'navigator/');
    check('no JS: the navigator points to the comparison table', /comparison table/.test(await p2.textContent('#navigator-status')));
    await nojs.close();
  } finally {
    await browser.close();
    server.close();
  }
  finish(false);
}

main().catch((e) => { console.error(e); finish(true); });
