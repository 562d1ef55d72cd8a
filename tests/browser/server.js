// What the checking scripts share: a tiny static file server for a built site on a free local
// port (with the site's own 404 page for anything missing), the browser launch and the axe run.
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.xml': 'application/xml', '.txt': 'text/plain', '.svg': 'image/svg+xml' };

/** Starts serving `root` (on `port`, or a free one); resolves to the listening server. Setting
 * `server.root` serves another folder from then on (a new build at the same address), and
 * `server.offline = true` drops every connection, as a network that is down would. */
function serve(root, port) {
  const server = http.createServer((req, res) => {
    if (server.offline) {
      req.socket.destroy();
      return;
    }
    const top = server.root;
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (p.endsWith('/')) p += 'index.html';
    const file = path.join(top, p);
    if (!file.startsWith(top) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { 'Content-Type': TYPES['.html'] });
      res.end(fs.readFileSync(path.join(top, '404.html')));
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  server.root = root;
  server.offline = false;
  return new Promise((resolve) => server.listen(port || 0, '127.0.0.1', () => resolve(server)));
}

/** Debian's Chromium, headless, with the flags this closed network needs (no background calls). */
function launch() {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The page's WCAG 2.2 AA violations found by axe-core. It is evaluated through the DevTools
 * protocol, which the pages' Content-Security-Policy does not govern: an injected <script> tag
 * would be refused, as it should be. */
async function axe(page) {
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return r.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join('; ')}`);
  });
}

/** Opens `url` and waits for the first work of its scripts: the search page's status line and
 * the printout's `data-ready` mark; every other page is done at `load`, its scripts having run
 * before it. Waiting instead for the network to stay idle for half a second costs that on every
 * page. */
async function open(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => {
    const form = document.getElementById('search-page-form');
    const status = document.getElementById('search-status');
    // With a query in the address, the status says "type a few words" until the search runs.
    const asked = new URLSearchParams(location.search).get('q');
    const text = status ? status.textContent.trim() : '';
    const searching = form && status && (!text || (asked && asked.trim() && text === form.dataset.empty));
    const printout = document.getElementById('printout');
    return !searching && !(printout && !printout.hasAttribute('data-ready'));
  });
}

module.exports = { serve, launch, axe, open };
