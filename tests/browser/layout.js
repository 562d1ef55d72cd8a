// Checks a built causebook site's layout in Debian's Chromium at phone widths (320, 360 and
// 390 px) and a desktop width (1280 px), for a site in any language: no page scrolls sideways,
// the page's `lang` is the site's language and long words hyphenate by it (breaking anywhere
// only where hyphenation cannot help), no table outside the comparison views is cut off (the
// cause page's details column, both causes of a pair page), the footer reaches the bottom of the
// window, the phone header stays short, and on the comparison table the cause names stay in
// view while the table scrolls and the most urgent warning sign is on screen without scrolling.
// Writes a full-page and a first-screen screenshot of each page type at 390 and 1280 px into
// <shots-dir>, so a reviewer can look at what a reader sees.
//
// usage: node layout.js <built-site-dir> <shots-dir> <site.json>
// <site.json> (tests/browser/sites/*.json) names the site's language, one page of each type,
// and a situation of its comparison table to filter by.
// Prints one line per check and a closing `N passed, M failed` line; exits 1 on any failure.
'use strict';
const fs = require('fs');
const path = require('path');
const { serve, launch, open } = require('./server');
const { check, finish } = require('./report');

const root = path.resolve(process.argv[2]);
const shots = path.resolve(process.argv[3]);
const site = JSON.parse(fs.readFileSync(process.argv[4], 'utf8'));
const WIDTHS = [320, 360, 390, 1280];
/** The widths screenshots are taken at: a phone and a desktop (every width is checked). */
const SHOTS = [390, 1280];
const PHONE = 600;

/** True when the page is no wider than the window: nothing to scroll sideways. */
function noSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

/** Tables that must fit their box (all but the comparison table, the relief matrix and the
 * navigator's answers table, grids of causes by situations
 * that scroll inside their box by design), each with how many pixels of it are cut off. */
function clippedTables(page) {
  return page.evaluate(() => Array.from(document.querySelectorAll('.table-scroll'))
    .filter((s) => !s.querySelector('table.compare, table.matrix') && !s.closest('.answers-table') && s.offsetParent !== null)
    .map((s) => ({ table: s.querySelector('table').className, cut: s.scrollWidth - s.clientWidth }))
    .filter((t) => t.cut > 0));
}

/** Whether this Chromium hyphenates the site's language: a long word in a narrow box with
 * `hyphens: auto` and no other way to break wraps onto more lines only if it does. */
function hyphenates(page, word) {
  return page.evaluate((w) => {
    const probe = document.createElement('div');
    probe.lang = document.documentElement.lang;
    probe.style.cssText = 'position:absolute;visibility:hidden;width:4em;hyphens:auto;-webkit-hyphens:auto;overflow-wrap:normal;word-break:normal';
    probe.textContent = w;
    document.body.appendChild(probe);
    const lines = Math.round(probe.getBoundingClientRect().height / parseFloat(getComputedStyle(probe).lineHeight || '20'));
    probe.remove();
    return lines > 1;
  }, word);
}

/** Language and hyphenation of the page: `lang` from site.toml, headings and the comparison
 * table's names hyphenated by it, broken anywhere only as a fallback. */
async function language(page, width, name) {
  const styles = await page.evaluate(() => {
    const el = document.querySelector('h1');
    const s = el ? getComputedStyle(el) : null;
    return { lang: document.documentElement.lang, hyphens: s && (s.hyphens || s.webkitHyphens), wrap: s && s.overflowWrap };
  });
  check(`${width}px /${name}: lang="${site.language}", headings hyphenate and wrap as a fallback`,
    styles.lang === site.language && styles.hyphens === 'auto' && styles.wrap === 'break-word', JSON.stringify(styles));
}

/** The cause page's tables fit, and a pair page shows both causes side by side. */
async function tables(page, width, name, p) {
  const clipped = await clippedTables(page);
  check(`${width}px /${p}: no table cut off`, clipped.length === 0, JSON.stringify(clipped));
  if (name !== 'pair') return;
  const heads = await page.$$eval('table.pair thead th', (ths) => ths.map((th) => {
    const r = th.getBoundingClientRect();
    return { left: Math.round(r.left), right: Math.round(r.right), text: th.textContent.trim() };
  }));
  const inView = heads.length === 3 && heads.every((h) => h.left >= 0 && h.right <= width);
  check(`${width}px /${p}: both causes of the pair on screen`, inView, JSON.stringify(heads));
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

async function compareTable(page, width, canHyphenate) {
  const before = await tableBoxes(page);
  check(`${width}px compare: urgent-sign column on screen without scrolling`,
    before.flag !== null && before.flag.left >= 0 && before.flag.right <= before.width, JSON.stringify(before.flag));
  const names = await page.$$eval('#compare-table tbody th[scope="row"] a', (as) => as.map((a) => {
    const s = getComputedStyle(a);
    return { hyphens: s.hyphens || s.webkitHyphens, wrap: s.overflowWrap, wordBreak: s.wordBreak };
  }));
  // Hyphenation first; breaking a name mid-word only where the browser cannot hyphenate it.
  check(`${width}px compare: names hyphenate by the page's language before they break${canHyphenate ? '' : ' (this Chromium has no hyphenation dictionary: the fallback breaks shown)'}`,
    names.length > 0 && names.every((n) => n.hyphens === 'auto' && n.wrap === 'break-word' && n.wordBreak !== 'break-all'), JSON.stringify(names[0]));
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
  check(`${width}px compare: filters ${width < PHONE ? 'folded away' : 'open'}`, folded === width < PHONE);
  // Choosing columns: untick the third column (the first situation) and its cells go.
  await page.click('details.columns summary');
  await page.uncheck('#col-3');
  const shown = await page.$$eval('#compare-table tr > :nth-child(3)', (cells) => cells.filter((c) => c.offsetParent !== null).length);
  check(`${width}px compare: an unticked column is hidden`, shown === 0, String(shown));
  await page.check('#col-3');
  // The reader's question on a phone: which causes get worse in this situation, and how urgent is each?
  const s = site.situation;
  await page.evaluate(() => { document.getElementById('compare-controls').open = true; document.querySelector('.table-scroll').scrollLeft = 0; });
  await page.selectOption(`select[data-filter="${s}"]`, 'worse');
  const rows = await page.$$eval('#compare-table tbody tr:not([hidden])', (trs, sit) => trs.map((tr) => {
    const r = tr.querySelector('.col-flag').getBoundingClientRect();
    return { effect: tr.getAttribute(`data-${sit}`), flag: r.right <= window.innerWidth && r.left >= 0 };
  }), s);
  check(`${width}px compare: "${s}: worse" leaves only those causes, each with its sign in view`,
    rows.length > 0 && rows.every((r) => r.effect === 'worse' && r.flag), JSON.stringify(rows));
}

/** Every page type at one width: the checks, then its screenshots. */
async function pagesAt(browser, base, width, canHyphenate) {
  const context = await browser.newContext({ viewport: { width, height: width < PHONE ? 844 : 900 } });
  const page = await context.newPage();
  for (const [name, p] of Object.entries(site.pages)) {
    await open(page, base + p);
    check(`${width}px no sideways scrolling /${p}`, await noSideways(page),
      String(await page.evaluate(() => document.documentElement.scrollWidth)));
    const box = await page.evaluate(() => ({
      header: document.querySelector('.site-header').getBoundingClientRect().height,
      footer: document.querySelector('.site-footer').getBoundingClientRect().bottom + window.scrollY,
      page: document.documentElement.scrollHeight,
      window: window.innerHeight,
    }));
    check(`${width}px footer reaches the bottom of the window /${p}`, box.footer >= Math.min(box.page, box.window) - 1, JSON.stringify(box));
    if (width < PHONE) check(`${width}px header at most 160 px tall /${p}`, box.header <= 160, String(box.header));
    await tables(page, width, name, p);
    if (name === 'cause') await language(page, width, p);
    if (name === 'search' && width < PHONE) {
      // The card of emergency signs folds to its heading, so the search box is on the first screen.
      const box = await page.evaluate(() => ({
        input: document.getElementById('search-page-input').getBoundingClientRect().bottom,
        window: window.innerHeight,
        folded: !!document.querySelector('#emergency details:not([open]) summary .care-card__heading'),
      }));
      check(`${width}px search: the box is on the first screen, the emergency card folded to its heading /${p}`,
        box.folded && box.input <= box.window, JSON.stringify(box));
    }
    if (SHOTS.includes(width)) {
      await page.screenshot({ path: path.join(shots, `${name}-${width}.png`), fullPage: true });
      await page.screenshot({ path: path.join(shots, `${name}-${width}-first-screen.png`) });
    }
  }
  await open(page, base + site.pages.compare);
  await compareTable(page, width, canHyphenate);
  await context.close();
}

async function main() {
  fs.mkdirSync(shots, { recursive: true });
  const server = await serve(root);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await launch();
  try {
    const probe = await browser.newPage();
    await probe.goto(base + site.pages.cause);
    const canHyphenate = await hyphenates(probe, site.long_word);
    console.log(`# this Chromium ${canHyphenate ? 'hyphenates' : 'has no hyphenation dictionary for'} ${site.language}`);
    await probe.close();
    for (const width of WIDTHS) await pagesAt(browser, base, width, canHyphenate);
    // Without JavaScript the column chooser still works: it is CSS on checkboxes.
    const nojs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await nojs.newPage();
    await page.goto(base + site.pages.compare);
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
