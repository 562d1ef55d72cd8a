// Offline reading in Debian's Chromium: the service worker of a built site keeps the pages a
// reader opens and serves them with no network, with a note of the date of the copy; a page
// never opened shows the offline page; a search runs offline; a new build's worker replaces
// every kept copy (a changed warning sign is never read from an old copy) and drops the old
// cache. The network goes down both ways: the browser is set offline and the server drops
// every connection.
//
// usage: node offline.js <first-build-dir> <second-build-dir> <changed-sign-text> <screenshot-dir>
// The second build is the first with one warning sign reworded to <changed-sign-text>.
// Prints one line per check and a closing `N passed, M failed` line; exits 1 on any failure.
'use strict';
const fs = require('fs');
const path = require('path');
const { serve, launch } = require('./server');
const { check, finish } = require('./report');

const [first, second] = [path.resolve(process.argv[2]), path.resolve(process.argv[3])];
const changed = process.argv[4];
const shots = path.resolve(process.argv[5]);
const PAD = 'causes/peripheral-artery-disease/';
const ALI = 'causes/acute-limb-ischaemia/';
// The sign's words before the second build reworded it.
const OLD = 'A leg or foot that suddenly changes';

/** The version of a build's worker (a hash of the build's other files). */
function version(dir) {
  return JSON.parse(/const CONFIG = (\{.*\});/.exec(fs.readFileSync(path.join(dir, 'sw.js'), 'utf8'))[1]).version;
}

/** The names of the caches the site's worker keeps. */
const cacheNames = (page) => page.evaluate(() => caches.keys());

/** Waits until a worker of version `v` controls the page and its cache is the site's only one
 * (polled from here: a predicate that returns a promise counts as true at once). */
async function settled(page, v) {
  for (let tries = 0; tries < 200; tries += 1) {
    const done = await page.evaluate(async (v) => {
      const names = await caches.keys();
      return Boolean(navigator.serviceWorker.controller) && names.length === 1 && names[0].endsWith(' ' + v);
    }, v);
    if (done) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

async function main() {
  fs.mkdirSync(shots, { recursive: true });
  const server = await serve(first);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await launch();
  const context = await browser.newContext();
  const errors = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));

    // Online: the home page registers the worker, which keeps the shell; two cause pages read.
    await page.goto(base, { waitUntil: 'networkidle' });
    check('the worker controls the site after one visit', await settled(page, version(first)));
    await page.goto(base + PAD, { waitUntil: 'networkidle' });
    await page.goto(base + ALI, { waitUntil: 'networkidle' });
    check('an online page carries no offline note', (await page.locator('#offline-note').count()) === 0);

    // The network goes down.
    server.offline = true;
    await context.setOffline(true);
    await page.goto(base + PAD);
    const h1 = await page.textContent('h1');
    check('offline: a page read before loads', /Peripheral artery disease/.test(h1), h1);
    const note = await page.textContent('#offline-note').catch(() => '');
    check('offline: the page says it is the saved copy, with its date', /You are offline/.test(note) && /\d{4}/.test(note), note);
    check('offline: the copy keeps its styles', await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')).backgroundColor !== 'rgba(0, 0, 0, 0)'));
    await page.screenshot({ path: path.join(shots, 'offline-page.png'), fullPage: false });

    await page.goto(base + 'causes/sciatica/');
    check('offline: a page never opened shows the offline page', /You are offline/.test(await page.textContent('h1')));
    await page.waitForFunction(() => document.querySelectorAll('#offline-saved a').length > 0);
    const saved = await page.$$eval('#offline-saved a', (as) => as.map((a) => a.textContent));
    check('offline: the offline page lists the pages saved', saved.some((t) => /Peripheral artery/.test(t)) && !saved.some((t) => /Sciatica/.test(t)), saved.join(', '));
    check('offline: the offline page shows the emergency card', /999/.test(await page.textContent('.care-card--emergency')));
    await page.screenshot({ path: path.join(shots, 'offline-unsaved.png'), fullPage: false });

    await page.goto(base + 'search/?q=cramp+at+night');
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0 || /could not/.test(document.getElementById('search-status').textContent), null, { timeout: 10000 });
    const hits = await page.$$eval('#search-results li a', (as) => as.map((a) => a.textContent));
    check('offline: a search runs on the saved index', /Night leg cramps/.test(hits[0] || ''), hits.join(', ') + ' / ' + await page.textContent('#search-status'));

    // A new build at the same address, with one warning sign reworded; the reader comes back online.
    server.root = second;
    server.offline = false;
    await context.setOffline(false);
    await page.goto(base, { waitUntil: 'networkidle' });
    await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.update()));
    check('a new build: its worker takes over and the old cache is dropped', await settled(page, version(second)));
    const names = await cacheNames(page);
    check('a new build: one cache, named with the new version', names.length === 1 && names[0].endsWith(version(second)) && version(first) !== version(second), names.join(', '));

    server.offline = true;
    await context.setOffline(true);
    // Read offline, each page must be its own saved copy (not the offline page, whose
    // emergency card shows the reworded sign too), in the new words only.
    for (const [name, p, title] of [['a page kept before the update', ALI, /Sudden loss of blood flow/], ['a page read after it', PAD, /Peripheral artery disease/]]) {
      await page.goto(base + p);
      const h = await page.textContent('h1');
      const text = await page.textContent('main');
      const ok = title.test(h) && (await page.locator('#offline-note').count()) === 1 && text.includes(changed) && !text.includes(OLD);
      check(`a new build: ${name} is read offline in its new words only`, ok, `${h}: ${text.slice(0, 300)}`);
    }
    check('no errors in the pages', errors.length === 0, errors.join(' | '));
  } finally {
    await browser.close();
    server.offline = false;
    server.close();
  }
  finish(false);
}

main().catch((e) => { console.error(e); finish(true); });
