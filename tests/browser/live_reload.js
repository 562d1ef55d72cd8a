// Checks `causebook serve`'s live reload in Debian's Chromium: an edit reloads the open page
// that shows it, keeping the scroll position, and leaves other pages alone; a build error shows
// over the page and fixing the file clears it.
//
// usage: node live_reload.js <preview-url> <site-root>
// Prints one line per check and a closing `N passed, M failed` line; exits 1 on any failure.
'use strict';
const { launch } = require('./server');
const fs = require('fs');
const path = require('path');

const base = process.argv[2];
const file = path.join(process.argv[3], 'content/causes/vein.md');
const { check, finish } = require('./report');
const edit = (from, to) => fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(from, to));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

(async () => {
  const browser = await launch();
  try {
    // A short window so the page can scroll.
    const context = await browser.newContext({ viewport: { width: 800, height: 240 } });
    const errors = [];
    const open = async (url) => {
      const page = await context.newPage();
      // Failed requests are reported by URL below (the browser's own favicon request aside).
      page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`${url}: ${m.text()}`); });
      page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${url}: ${r.status()} ${r.url()}`); });
      page.on('pageerror', (e) => errors.push(`${url}: ${e.message}`));
      await page.goto(base + url);
      await page.evaluate(() => { window.notReloaded = true; });
      return page;
    };
    const vein = await open('causes/vein/');
    const artery = await open('causes/artery/');
    await vein.evaluate(() => window.scrollTo(0, 150));
    const scrolled = await vein.evaluate(() => window.scrollY);
    check('the page can scroll', scrolled > 100, `scrollY ${scrolled}`);

    edit('A heavy ache.', 'A heavy, dull ache.');
    await vein.waitForFunction(() => document.body.textContent.includes('dull ache'), null, { timeout: 15000 })
      .then(() => check('an edit reloads the page that shows it', true))
      .catch((e) => check('an edit reloads the page that shows it', false, e.message));
    await vein.waitForFunction((y) => window.scrollY === y, scrolled, { timeout: 5000 })
      .then(() => check('the reload keeps the scroll position', true))
      .catch(async () => check('the reload keeps the scroll position', false, `scrollY ${await vein.evaluate(() => window.scrollY)}`));
    await sleep(1000);
    check('a page the edit does not change is not reloaded', await artery.evaluate(() => window.notReloaded === true));

    edit('category: circulation', 'category: circulaton');
    await vein.waitForSelector('#causebook-overlay', { timeout: 15000 })
      .then(async (el) => {
        const text = await el.textContent();
        check('a build error shows over the page', text.includes('vein.md:3:1') && text.includes('circulaton'), text);
      })
      .catch((e) => check('a build error shows over the page', false, e.message));
    edit('category: circulaton', 'category: circulation');
    await vein.waitForSelector('#causebook-overlay', { state: 'detached', timeout: 15000 })
      .then(() => check('fixing the file clears the error', true))
      .catch((e) => check('fixing the file clears the error', false, e.message));
    check('no console errors', errors.length === 0, errors.join('; '));
  } finally {
    await browser.close();
  }
  finish(false);
})().catch((e) => {
  console.log(`FAIL live reload script: ${e.stack}`);
  finish(true);
});
