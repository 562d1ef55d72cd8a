// Printing in Debian's Chromium. The navigator's link to the printout carries the answers; the
// printout shows them, the causes that fit first, the numbered warning signs with what to do,
// the disclaimer, the review dates and the site's address, and prints on one sheet of A4 and of
// US Letter; with JavaScript off it still lists every cause with its signs. A cause page and the
// comparison table print without the navigation and with nothing cut off at the page's edge.
// The PDFs are written to <out-dir>, and their first pages as PNG when pdftoppm is installed.
//
// usage: node print.js <built-site-dir> <paged-site-dir> <out-dir>
// <paged-site-dir> is the same site with three more signs, built with a small `[lists]
// page_size`, so the printout reads its causes from the navigator's data file and has to shrink
// its type (and, if the whole signs still do not fit, print the headlines of the long ones) to
// keep to one sheet.
// Prints one line per check and a closing `N passed, M failed` line; exits 1 on any failure.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { serve, launch, axe } = require('./server');
const { check, finish } = require('./report');

const [site, paged, out] = process.argv.slice(2, 5).map((p) => path.resolve(p));
// Worse lying flat, not eased by raising the legs, eased by hanging them down: the answers of
// a reader with rest pain from narrowed arteries.
const ANSWERS = { lying_flat: 'yes', legs_raised: 'no', legs_dangling: 'yes' };
const PAD = 'Peripheral artery disease (PAD)';
// The printable width of A4 with the theme's margins (210 mm less 2 × 14 mm), in CSS pixels,
// upright and (for the wide tables) across.
const mm = (n) => Math.floor((n / 25.4) * 96);
const [A4_WIDTH, A4_ACROSS] = [mm(182), mm(269)];

/** The number of pages of a PDF Chromium wrote (its page objects). */
function pageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) || []).length;
}

/** Renders the first page of `pdf` to `<name>.png` beside it, if pdftoppm is installed. */
function firstPageImage(pdf) {
  try {
    execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, pdf.replace(/\.pdf$/, '')]);
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
}

/** Prints the current page to `<out>/<name>.pdf` on `format` paper, turned as the page's CSS
 * asks (as a browser's print dialog does); resolves to its page count. */
async function print(page, name, format) {
  const file = path.join(out, `${name}.pdf`);
  const pdf = await page.pdf({ path: file, format, printBackground: true, preferCSSPageSize: true });
  firstPageImage(file);
  return pageCount(pdf);
}

/** In print media at the printable width of A4: anything wider than the sheet, the navigation
 * shown, or the emergency card hidden. */
async function printLayout(page, width) {
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: width || A4_WIDTH, height: 1000 });
  const r = await page.evaluate(() => {
    const shown = (sel) => Array.prototype.some.call(document.querySelectorAll(sel), (e) => e.getClientRects().length > 0);
    const wide = Array.prototype.filter.call(document.querySelectorAll('main table, main pre, main img'), (e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1);
    return {
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      wide: wide.map((e) => e.tagName + '.' + e.className),
      nav: shown('.site-header nav, .header-search, .skip-link'),
      tools: shown('.print-tools, .print-offer, button'),
      emergency: shown('main .care-card--emergency'),
      disclaimer: shown('#disclaimer'),
    };
  });
  // Back to no emulation (not 'screen': page.pdf would then print the screen's styles).
  await page.emulateMedia({ media: null });
  await page.setViewportSize({ width: 1280, height: 900 });
  return r;
}

async function navigatorLink(page, base) {
  await page.goto(base + 'navigator/', { waitUntil: 'networkidle' });
  for (const [situation, answer] of Object.entries(ANSWERS)) {
    await page.check(`input[name="${situation}"][value="${answer}"]`);
  }
  const href = await page.getAttribute('#navigator-print', 'href');
  const query = new URLSearchParams(new URL(href, base).search);
  check('the navigator\'s print link carries the answers', Object.entries(ANSWERS).every(([s, a]) => query.get(s) === a) && [...query.keys()].length === 3, href);
  await page.click('#navigator-print');
  await page.waitForSelector('#printout[data-ready]');
}

async function printoutContent(page, base) {
  const answers = await page.$$eval('#print-answers div:not([hidden])', (rows) => rows.map((r) => r.textContent.replace(/\s+/g, ' ').trim()));
  check('printout: the three answers, as given', answers.length === 3 && /lie flat\?\s*Yes/.test(answers.join('|')) && /raising your legs help\?\s*No/.test(answers.join('|')), answers.join(' | '));
  const fit = await page.$$eval('#print-fit > li', (lis) => lis.map((li) => li.querySelector('h3 a').textContent));
  check('printout: the causes that fit, best first', fit[0] === PAD, fit.join(', '));
  const first = await page.textContent('#print-fit > li');
  check('printout: each cause with its warning signs by number', /Warning signs:\s*Emergency \d/.test(first), first);
  check('printout: each cause with its review date and address', /Reviewed \d+ \w+ \d{4}/.test(first) && first.includes(base + 'causes/peripheral-artery-disease/'), first);
  const emergency = await page.textContent('.print-cards .care-card--emergency');
  check('printout: the emergency signs in full, with what to do', /999/.test(emergency) && /suddenly changes/.test(emergency), emergency.slice(0, 120));
  const short = await shortening(page);
  check('printout: the emergency signs and those of the causes that fit print whole; any other shortened only with a note of where to read it whole', short.topWhole && short.fitWhole && short.ordered && short.noted, JSON.stringify(short));
  const source = await page.textContent('.print-source');
  check('printout: the site\'s address and the date', source.includes(base) && /Printed on \d+ \w+ \d{4}/.test(source), source);
  check('printout: the disclaimer', await page.isVisible('#disclaimer'));
  const differs = await page.textContent('#print-differs');
  check('printout: causes described differently are named, not ruled out', /Chronic venous insufficiency/.test(differs), differs);
  check('printout: the change link keeps the answers', /navigator\/\?lying_flat=yes/.test(await page.getAttribute('#print-change', 'href')));
  const violations = await axe(page);
  check('printout: axe', violations.length === 0, violations.join(' | '));
}

/** Which numbered signs print as their headlines: the emergency signs (the first card) are the
 * last to be shortened, after those of the causes that fit the answers, after the signs that go
 * with any cause, after the rest; and a shortened sign comes with the note of where to read it
 * whole. */
async function shortening(page) {
  return page.evaluate(() => {
    const fitting = new Set();
    document.querySelectorAll('#print-fit > li').forEach((li) => (li.dataset.signs || '').split(' ').filter(Boolean).forEach((n) => fitting.add(n)));
    const signs = [];
    document.querySelectorAll('.print-cards .care-card').forEach((card, level) => card.querySelectorAll('li').forEach((li) => {
      if (!li.querySelector('.sign-headline')) return;
      const fit = fitting.has(li.getAttribute('value'));
      const rank = level === 0 ? 3 : fit ? 2 : li.querySelector('.flag-causes') ? 1 : 0;
      const whole = li.querySelector('.sign-whole').getClientRects().length > 0;
      const headline = li.querySelector('.sign-headline').getClientRects().length > 0;
      signs.push({ level, fit, rank, short: !whole && headline, shown: whole !== headline });
    }));
    const short = signs.filter((s) => s.short);
    const note = document.getElementById('print-shortened');
    const noteText = note.hidden ? '' : note.textContent.trim();
    return {
      signs: signs.length,
      fitSigns: signs.filter((s) => s.fit).length,
      shortened: short.length,
      // Each sign shows one of its two forms.
      ordered: signs.every((s) => s.shown) && short.every((a) => signs.every((b) => b.short || b.rank >= a.rank)),
      topWhole: signs.every((s) => s.level !== 0 || !s.short),
      fitWhole: signs.every((s) => !s.fit || !s.short),
      noted: short.length === 0 ? noteText === '' : (/red-flags\/$/.test(noteText) && noteText.includes('http')),
    };
  });
}

async function printoutOnPaper(page) {
  const layout = await printLayout(page);
  check('printout on paper: no navigation or buttons', !layout.nav && !layout.tools, JSON.stringify(layout));
  check('printout on paper: nothing wider than the sheet', layout.overflow <= 0 && layout.wide.length === 0, JSON.stringify(layout));
  for (const [format, name] of [['A4', 'printout-a4'], ['Letter', 'printout-letter']]) {
    const pages = await print(page, name, format);
    check(`printout: one sheet of ${format}`, pages === 1, `${pages} pages`);
  }
}

async function withoutScript(browser, base) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const query = new URLSearchParams(ANSWERS).toString();
  await page.goto(`${base}navigator/print/?${query}`);
  const items = await page.$$eval('#print-fit > li', (lis) => lis.length);
  const causes = await page.$$eval('.cause-list a, #print-fit h3 a', (as) => as.length);
  check('printout without JavaScript: every cause, with its signs', items >= 10 && items === causes && (await page.textContent('.print-cards')).includes('999'), `${items} causes`);
  check('printout without JavaScript: says why the answers are missing', /not running JavaScript/.test(await page.textContent('#print-status')));
  await context.close();
}

async function pagePrints(page, base, p, name, most, width) {
  await page.goto(base + p, { waitUntil: 'networkidle' });
  const layout = await printLayout(page, width);
  check(`${name} on paper: no navigation, emergency card and disclaimer kept`, !layout.nav && layout.emergency && layout.disclaimer, JSON.stringify(layout));
  check(`${name} on paper: nothing wider than the sheet`, layout.overflow <= 0 && layout.wide.length === 0, JSON.stringify(layout));
  const pages = await print(page, name, 'A4');
  check(`${name}: prints on A4 in at most ${most} pages`, pages >= 1 && pages <= most, `${pages} pages`);
}

async function fromDataFile(browser, base) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}navigator/print/?${new URLSearchParams(ANSWERS)}`, { waitUntil: 'networkidle' });
  await page.waitForSelector('#printout[data-ready]', { timeout: 10000 }).catch(() => {});
  const fit = await page.$$eval('#print-fit > li h3 a', (as) => as.map((a) => a.textContent));
  const first = fit.length ? await page.textContent('#print-fit > li') : '';
  check('printout from the navigator\'s data file: the same causes first, with signs and review', fit[0] === PAD && /Warning signs:\s*Emergency \d/.test(first) && /Reviewed/.test(first), fit.join(', ') + ' / ' + first);
  // This site has three more signs than the shipped one: the type shrinks to fit, no further
  // than the smallest scale the script allows.
  const scale = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--sheet')) || 1);
  check('printout of a site with more signs: a smaller type, not below 0.8', scale < 1 && scale >= 0.8, String(scale));
  // Signs whose whole text cannot fit even in that type print their headlines, those that
  // matter least to the answers first, and the sheet says where each is given in full.
  const short = await shortening(page);
  check('printout of a site with more signs: some signs shortened, the least relevant first, with a note of where to read them whole; the emergency signs and those of the causes that fit whole', short.shortened > 0 && short.fitSigns > 0 && short.topWhole && short.fitWhole && short.ordered && short.noted, JSON.stringify(short));
  for (const [format, name] of [['A4', 'printout-paged-a4'], ['Letter', 'printout-paged-letter']]) {
    check(`printout of a site with more signs: one sheet of ${format}`, (await print(page, name, format)) === 1);
  }
  check('printout from the data file: no errors', errors.length === 0, errors.join(' | '));
  await page.close();
}

async function main() {
  fs.mkdirSync(out, { recursive: true });
  const server = await serve(site);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await navigatorLink(page, base);
    await printoutContent(page, base);
    await printoutOnPaper(page);
    check('printout: no errors', errors.length === 0, errors.join(' | '));
    await withoutScript(browser, base);
    await pagePrints(page, base, 'causes/peripheral-artery-disease/', 'cause-page', 8);
    await pagePrints(page, base, 'compare/', 'compare', 8, A4_ACROSS);
    await pagePrints(page, base, 'relief/', 'relief', 8, A4_ACROSS);
    server.root = paged;
    await fromDataFile(browser, base);
  } finally {
    await browser.close();
    server.close();
  }
  finish(false);
}

main().catch((e) => { console.error(e); finish(true); });
