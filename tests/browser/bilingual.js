// Checks a built site in two languages (tests/fixtures/bilingual) in Debian's Chromium: axe and
// no console errors on each page type in both languages, the language switcher (links with
// `hreflang` and `lang`, the reader's language marked, a missing translation said in the
// reader's words), the search page of each language finding its own pages with its own
// analyzer and emergency line, and no German page scrolling sideways at 320 and 390 px.
//
// usage: node bilingual.js <built-site-dir>
// Prints one line per check and a closing `N passed, M failed` line; exits 1 on any failure.
'use strict';
const path = require('path');
const { serve, launch, axe } = require('./server');
const { check, finish } = require('./report');

const root = path.resolve(process.argv[2]);
const PAGES = ['', 'causes/', 'causes/bppv/', 'causes/orthostatic-hypotension/', 'compare/', 'relief/stand-up-slowly/',
  'de/', 'de/ursachen/', 'de/ursachen/orthostatische-hypotonie/', 'de/vergleich/', 'de/was-hilft/langsam-aufstehen/',
  'de/navigator/', 'de/red-flags/', 'de/suche/?q=Schwindel', 'de/categories/inner-ear/'];

async function main() {
  const server = await serve(root);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await launch();
  try {
    const context = await browser.newContext();
    for (const p of PAGES) await pageChecks(context, base, p);
    await switcher(context, base);
    await onlyInEnglish(context, base);
    await search(context, base);
    await layout(browser, base);
    await offline(browser, server, base);
  } finally {
    await browser.close();
    server.close();
  }
  finish(false);
}

/** axe, console errors and the page's language on one page. */
async function pageChecks(context, base, p) {
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error' && !/404 \(Not Found\)/.test(m.text())) errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base + p, { waitUntil: 'networkidle' });
  const violations = await axe(page);
  check(`axe /${p}`, violations.length === 0, violations.join(' | '));
  check(`no console errors /${p}`, errors.length === 0, errors.join(' | '));
  const lang = await page.getAttribute('html', 'lang');
  check(`html lang /${p}`, lang === (p.startsWith('de/') ? 'de-DE' : 'en-GB'), lang);
  await page.close();
}

/** The switcher of a translated page and of a page in English only. */
async function switcher(context, base) {
  const page = await context.newPage();
  await page.goto(base + 'de/ursachen/dehydration/');
  const nav = page.locator('nav.languages');
  check('switcher: a nav named in German', (await nav.getAttribute('aria-label')) === 'Sprachen');
  const en = nav.locator('a[hreflang="en-GB"][lang="en-GB"]');
  check('switcher: links the English page', (await en.getAttribute('href')).endsWith('/causes/dehydration/'));
  check('switcher: the reader\'s language is current',
    (await nav.locator('a[aria-current="page"]').textContent()) === 'Deutsch');
  await en.click();
  await page.waitForURL(/\/causes\/dehydration\/$/);
  check('switcher: leads to the English page', (await page.getAttribute('html', 'lang')) === 'en-GB');
  await page.goto(base + 'causes/bppv/');
  const missing = await page.locator('nav.languages .not-translated').textContent();
  check('switcher: a missing translation is said in English', missing === 'Deutsch: not translated', missing);
  check('switcher: no link to a German page that does not exist',
    (await page.locator('nav.languages a[hreflang="de-DE"]').count()) === 0);
  await page.close();
}

/** The German list names, after its own entries, the causes that exist only in English. */
async function onlyInEnglish(context, base) {
  const page = await context.newPage();
  await page.goto(base + 'de/ursachen/');
  const group = page.locator('section.only-in');
  check('only in English: a labelled group', (await group.getAttribute('aria-labelledby')) === 'only-in-heading'
    && (await page.textContent('#only-in-heading')) === 'Nur auf Englisch');
  const after = await page.evaluate(() => {
    const list = document.querySelector('ul.cause-list');
    const g = document.querySelector('section.only-in');
    return !!(list.compareDocumentPosition(g) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  check('only in English: after the German entries', after);
  const link = group.locator('a[hreflang="en-GB"][lang="en-GB"]');
  check('only in English: links the English page', (await link.count()) === 1 && /\/causes\/bppv\/$/.test(await link.getAttribute('href')));
  await link.click();
  await page.waitForURL(/\/causes\/bppv\/$/);
  check('only in English: leads to the English page', (await page.getAttribute('html', 'lang')) === 'en-GB');
  await page.close();
}

/** Each language's search page finds its own pages, with its own analyzer and emergency line. */
async function search(context, base) {
  const page = await context.newPage();
  const first = () => page.locator('#search-results li:first-child a');
  const results = () => page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0);
  await page.goto(base + 'search/');
  await page.fill('#search-page-input', 'dried out and dizzy');
  await results();
  check('search en: finds dehydration', /Dehydration/.test(await first().textContent()));
  check('search en: links the English page', /^\/causes\/dehydration\/$/.test(await first().getAttribute('href')));
  await page.goto(base + 'de/suche/');
  await page.fill('#search-page-input', 'Austrocknung beim Aufstehen');
  await results();
  check('search de: finds Flüssigkeitsmangel', /Flüssigkeitsmangel/.test(await first().textContent()));
  check('search de: links the German page', /^\/de\/ursachen\/dehydration\/$/.test(await first().getAttribute('href')));
  await page.fill('#search-page-input', 'Kreislaufprobleme');
  await page.waitForFunction(() => /Orthostatische/.test(document.querySelector('#search-results li:first-child a').textContent));
  check('search de: German stems find the German aliases', /Orthostatische/.test(await first().textContent()));
  check('search de: links the page under its German slug',
    /^\/de\/ursachen\/orthostatische-hypotonie\/$/.test(await first().getAttribute('href')));
  await page.fill('#search-page-input', 'hängender Mundwinkel');
  await page.waitForFunction(() => !document.querySelector('.search-emergency').hidden);
  check('search de: the emergency line sends German readers to 112', /112/.test(await page.textContent('.search-emergency')));
  await page.close();
}

/** The one copy of the theme's files at the top of the site serves the German pages, and the
 * one worker there keeps them for reading offline. */
async function offline(browser, server, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const loaded = [];
  page.on('response', (r) => loaded.push(new URL(r.url()).pathname));
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(base + 'de/suche/?q=Austrocknung', { waitUntil: 'networkidle' });
  check('statics: German pages load the theme\'s files from the top of the site',
    ['/style.css', '/search.js', '/stemmers/de.js'].every((f) => loaded.includes(f)) && !loaded.some((f) => /^\/de\/.*\.(js|css|svg)$/.test(f)),
    loaded.filter((f) => /\.(js|css|svg)$/.test(f)).join(', '));
  check('statics: no CSP or script errors on the German search page', errors.length === 0, errors.join(' | '));
  let controlled = false;
  for (let tries = 0; tries < 200 && !controlled; tries += 1) {
    controlled = await page.evaluate(async () => Boolean(navigator.serviceWorker.controller) && (await caches.keys()).length === 1);
    if (!controlled) await new Promise((r) => setTimeout(r, 100));
  }
  check('offline: the worker at the top controls a German page', controlled);
  await page.goto(base + 'de/ursachen/dehydration/', { waitUntil: 'networkidle' });
  server.offline = true;
  await context.setOffline(true);
  try {
    await page.goto(base + 'de/ursachen/dehydration/');
    const h1 = (await page.textContent('h1')).replace(/\u00ad/g, '');
    check('offline: a German page read before loads', /Flüssigkeitsmangel/.test(h1), h1);
    check('offline: it keeps its styles', await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')).backgroundColor !== 'rgba(0, 0, 0, 0)'));
    const note = await page.textContent('#offline-note').catch(() => '');
    check('offline: the note on a German copy is in German', /^Sie sind offline/.test(note.trim()), note);
    await page.goto(base + 'de/ursachen/orthostatische-hypotonie/');
    const lang = await page.getAttribute('html', 'lang');
    const title = (await page.textContent('h1')).replace(/\u00ad/g, '');
    check('offline: a German page never read shows the German offline page', /^de/.test(lang || '') && title.trim() === 'Sie sind offline', lang + ' ' + title);
  } finally {
    server.offline = false;
    await context.close();
  }
}

/** No German page of the site scrolls sideways on a phone. */
async function layout(browser, base) {
  for (const width of [320, 390]) {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    for (const p of ['de/', 'de/ursachen/orthostatische-hypotonie/', 'de/vergleich/', 'causes/bppv/']) {
      await page.goto(base + p, { waitUntil: 'networkidle' });
      const fits = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
      check(`no sideways scroll at ${width} px /${p}`, fits);
    }
    await context.close();
  }
}

main().catch((e) => { console.error(e); finish(true); });
