// `causebook serve` never lets a service worker keep its pages: a reader's browser that
// installed the offline worker of a built site at the same address (here: the built site served
// on a port, then `serve` started on that port) gets every preview page from `serve`, keeps
// none of them, and on its next update check loses the worker and everything it kept, because
// `serve`'s sw.js is the worker that removes itself.
//
// usage: node serve_worker.js <built-site-dir> <causebook-binary> <site-root>
// Prints one line per check and a closing `N passed, M failed` line; exits 1 on any failure.
'use strict';
const path = require('path');
const http = require('http');
const { spawn } = require('child_process');
const { serve, launch } = require('./server');
const { check, finish } = require('./report');

const built = path.resolve(process.argv[2]);
const [binary, root] = [process.argv[3], path.resolve(process.argv[4])];

/** Polls `probe` (async, in Node) every 100 ms for up to 20 s; resolves to its last answer. */
async function until(probe) {
  let last;
  for (let tries = 0; tries < 200; tries += 1) {
    last = await probe();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  return last;
}

function get(url) {
  return new Promise((resolve) => {
    http.get(url, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    }).on('error', () => resolve(null));
  });
}

async function main() {
  const site = await serve(built);
  const port = site.address().port;
  const base = `http://127.0.0.1:${port}/`;
  const browser = await launch();
  const context = await browser.newContext();
  let preview = null;
  try {
    const page = await context.newPage();
    // A built site installs its worker, which keeps the pages read.
    await page.goto(base, { waitUntil: 'networkidle' });
    const kept = await until(() => page.evaluate(async () => Boolean(navigator.serviceWorker.controller) && (await caches.keys()).length === 1));
    check('the built site installed its worker', kept);

    // `serve` takes over the address.
    site.closeAllConnections();
    await new Promise((r) => site.close(r));
    preview = spawn(binary, ['serve', '--root', root, '--port', String(port)], { stdio: 'ignore' });
    const up = await until(async () => { const r = await get(base); return r && r.status === 200 && r; });
    check('serve answers at the same address', Boolean(up));
    const worker = await get(base + 'sw.js');
    check('serve\'s sw.js is the worker that removes itself', worker && /unregister\(\)/.test(worker.body) && !/CONFIG/.test(worker.body), worker && worker.body.slice(0, 200));

    await page.goto(base + 'causes/', { waitUntil: 'domcontentloaded' });
    check('a preview page comes from serve (live reload), not from a kept copy', (await page.locator('script[src*="livereload"]').count()) === 1);
    check('a preview page registers no worker', (await page.locator('script[src$="offline.js"]').count()) === 0);
    const copies = await page.evaluate(async () => {
      const out = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const r of await cache.keys()) {
          const text = await (await cache.match(r)).text();
          if (/livereload/.test(text)) out.push(r.url);
        }
      }
      return out;
    });
    check('the old worker kept no preview page', copies.length === 0, copies.join(' '));

    // The browser checks for a new worker (as it does on navigations): serve's removes itself.
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r && r.update()).catch(() => {}));
    const gone = await until(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length === 0 && (await caches.keys()).length === 0));
    check('the worker and every copy it kept are gone', gone);
  } finally {
    await browser.close();
    if (preview) preview.kill();
  }
  finish(false);
}

main().catch((e) => { console.error(e); finish(true); });
