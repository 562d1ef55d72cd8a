// Checks a built causebook site's layout in Debian's Chromium at a phone width (390 px) and a
// desktop width (1280 px): no page scrolls sideways, the footer reaches the bottom of the window, the
// phone header stays short, and on the comparison table the cause names
// stay in view while the table scrolls and the most urgent warning sign is on screen without
// scrolling. Writes a full-page and a first-screen screenshot of each page type at both widths
// into <shots-dir>, so a reviewer can look at what a reader sees.
//
// usage: node layout.js <built-site-dir> <shots-dir>
// Prints one line per check and a closing `N passed, M failed` line; exits 1 on any failure.
'use strict';
const fs = require('fs');
const path = require('path');
const { serve, launch } = require('./server');
const { check, finish } = require('./report');

const root = path.resolve(process.argv[2]);
const shots = path.resolve(process.argv[3]);
const WIDTHS = [390, 1280];
const PAGES = {
  home: '', causes: 'causes/', cause: 'causes/peripheral-artery-disease/', emergency: 'causes/acute-limb-ischaemia/',
  relief_index: 'relief/', relief: 'relief/raise-your-legs/', categories: 'categories/', category: 'categories/circulation/',
  sources: 'sources/', compare: 'compare/', pair: 'compare/chronic-venous-insufficiency-vs-peripheral-artery-disease/',
  navigator: 'navigator/', printout: 'navigator/print/?lying_flat=yes&moving=no', offline: 'offline.html', red_flags: 'red-flags/', search: 'search/?q=cramp', about: 'about/', not_found: 'no-such-page/',
};

/** True when the page is no wider than the window: nothing to scroll sideways. */
function noSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

/** The on-screen box of each cause name and the first urgent-sign cell, in window coordinates. */
function tableBoxes(page) {
  return page.evaluate(() => {
    const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; };
    const names = Array.from(document.querySelectorAll('#compare-table tbody th[scope="row"]')).map(box);
    const flag = document.querySelector('#compare-table tbody td.col-flag');
    return { names, flag: flag ? box(flag) : null, width: window.innerWidth, height: window.innerHeight };
  });
}

async function compareTable(page, width) {
  await page.goto(page.url().replace(/[^/]*$/, ''));
  const before = await tableBoxes(page);
  check(`${width}px compare: urgent-sign column on screen without scrolling`,
    before.flag !== null && before.flag.left >= 0 && before.flag.right <= before.width, JSON.stringify(before.flag));
  const scrolled = await page.evaluate(() => {
    const s = document.querySelector('.table-scroll');
    s.scrollLeft = s.scrollWidth;
    return s.scrollLeft;
  });
  const after = await tableBoxes(page);
  const visible = after.names.every((n) => n.left >= 0 && n.right <= after.width && n.right > n.left);
  check(`${width}px compare: cause names stay in view while the table scrolls (${scrolled}px)`,
    after.names.length > 0 && visible, JSON.stringify(after.names.slice(0, 2)));
  const folded = await page.evaluate(() => !document.getElementById('compare-controls').open);
  check(`${width}px compare: filters ${width < 600 ? 'folded away' : 'open'}`, folded === width < 600);
  // Choosing columns: untick "Lying flat" (the third column) and its cells go.
  await page.click('details.columns summary');
  await page.uncheck('#col-3');
  const shown = await page.$$eval('#compare-table tr > :nth-child(3)', (cells) => cells.filter((c) => c.offsetParent !== null).length);
  check(`${width}px compare: an unticked column is hidden`, shown === 0, String(shown));
  await page.check('#col-3');
  // The reader's question on a phone: which causes get worse lying flat, and how urgent is each?
  await page.evaluate(() => { document.getElementById('compare-controls').open = true; document.querySelector('.table-scroll').scrollLeft = 0; });
  await page.selectOption('select[data-filter="lying_flat"]', 'worse');
  const rows = await page.$$eval('#compare-table tbody tr:not([hidden])', (trs) => trs.map((tr) => {
    const r = tr.querySelector('.col-flag').getBoundingClientRect();
    return { lying: tr.dataset.lying_flat, flag: r.right <= window.innerWidth && r.left >= 0 };
  }));
  check(`${width}px compare: "worse lying flat" leaves only those causes, each with its sign in view`,
    rows.length > 0 && rows.every((r) => r.lying === 'worse' && r.flag), JSON.stringify(rows));
}

async function main() {
  fs.mkdirSync(shots, { recursive: true });
  const server = await serve(root);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await launch();
  try {
    for (const width of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 } });
      const page = await context.newPage();
      for (const [name, p] of Object.entries(PAGES)) {
        await page.goto(base + p, { waitUntil: 'networkidle' });
        check(`${width}px no sideways scrolling /${p}`, await noSideways(page),
          String(await page.evaluate(() => document.documentElement.scrollWidth)));
        const box = await page.evaluate(() => ({
          header: document.querySelector('.site-header').getBoundingClientRect().height,
          footer: document.querySelector('.site-footer').getBoundingClientRect().bottom + window.scrollY,
          page: document.documentElement.scrollHeight,
          window: window.innerHeight,
        }));
        check(`${width}px footer reaches the bottom of the window /${p}`, box.footer >= Math.min(box.page, box.window) - 1, JSON.stringify(box));
        if (width < 600) check(`${width}px header at most 160 px tall /${p}`, box.header <= 160, String(box.header));
        await page.screenshot({ path: path.join(shots, `${name}-${width}.png`), fullPage: true });
        await page.screenshot({ path: path.join(shots, `${name}-${width}-first-screen.png`) });
      }
      await page.goto(base + 'compare/', { waitUntil: 'networkidle' });
      await compareTable(page, width);
      await context.close();
    }
    // Without JavaScript the column chooser still works: it is CSS on checkboxes.
    const nojs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await nojs.newPage();
    await page.goto(base + 'compare/');
    await page.click('details.columns summary');
    await page.uncheck('#col-3');
    const shown = await page.$$eval('#compare-table tr > :nth-child(3)', (cells) => cells.filter((c) => c.offsetParent !== null).length);
    check('390px no JS compare: an unticked column is hidden', shown === 0, String(shown));
    await nojs.close();
  } finally {
    await browser.close();
    server.close();
  }
  finish(false);
}

main().catch((e) => { console.error(e); finish(true); });
