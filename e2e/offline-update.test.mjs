// A new deploy replaces the offline copy whole: the reader keeps the old complete copy until
// the new one is complete, then the old one is deleted. Runs on its own copy of the site
// (SITE_DIR, from scripts/e2e.sh) on its own port, so "deploying" does not disturb other tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { BASE_PATH, ownOrigins, useBrowser } from './helpers.mjs';

const session = useBrowser();
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.json': 'application/json', '.csv': 'text/csv', '.md': 'text/markdown' };

/** A static server for `root` on a free loopback port; resolves to its base URL. */
async function serve(root) {
  const server = createServer(async (request, response) => {
    let path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    if (path.endsWith('/')) path += 'index.html';
    try {
      const body = await readFile(join(root, path));
      response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${server.address().port}${BASE_PATH}` };
}

/** The offline caches of the page's origin, and the text of the data README in each. */
const cacheState = page => page.evaluate(async () => Promise.all((await caches.keys()).map(async name => {
  const readme = await (await caches.open(name)).match('data/README.md');
  return { name, readme: readme ? (await readme.text()).slice(-40) : null };
})));

test('a new deploy replaces the offline copy only once it is complete', { timeout: 60000, skip: !process.env.SITE_DIR && 'needs SITE_DIR (scripts/e2e.sh)' }, async () => {
  const root = await mkdtemp(join(tmpdir(), 'explorer-deploy-'));
  await cp(process.env.SITE_DIR, root, { recursive: true });
  const { server, base } = await serve(root);
  ownOrigins.add(new URL(base).origin);
  const site = join(root, BASE_PATH);
  const context = await session.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(base + '?metric=uk_loan_venues');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();   // a first visit is not yet controlled by the worker; a revisit is
    assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the revisit is served by the worker');
    const [first] = await cacheState(page);

    // The next deploy: a changed data file, and the sw.js scripts/postprocess-dist.mjs writes for it.
    await writeFile(join(site, 'data/README.md'), (await readFile(join(site, 'data/README.md'), 'utf8')) + '\nSecond deploy.\n');
    const worker = await readFile(join(site, 'sw.js'), 'utf8');
    await writeFile(join(site, 'sw.js'), worker.replace(/^const VERSION = ".*";$/m, 'const VERSION = "0000000000000002";'));
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration.update();
      // Installed means its cache is complete; it waits while this page uses the old copy.
      for (let i = 0; i < 200 && !registration.waiting; i++) await new Promise(r => setTimeout(r, 50));
      if (!registration.waiting) throw new Error('the new worker did not install');
    });
    const during = await cacheState(page);
    assert.deepEqual(during.map(c => c.name).sort(), [first.name, 'explorer-0000000000000002'].sort());
    assert.equal(during.find(c => c.name === first.name).readme, first.readme, 'the old copy is untouched while in use');
    assert.match(during.find(c => c.name !== first.name).readme, /Second deploy\.\n$/);

    // Once no page uses the old copy, the new worker takes over and the old copy goes.
    await page.close();
    const next = await context.newPage();
    await next.goto(base + '?metric=objects_display');
    await next.waitForFunction(async () => (await caches.keys()).length === 1, null, { timeout: 10000 });
    const after = await cacheState(next);
    assert.deepEqual(after.map(c => c.name), ['explorer-0000000000000002']);
    await context.setOffline(true);
    await next.goto(base + '?metric=visits_total');
    await next.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0, null, { timeout: 15000 });
    const readme = await next.evaluate(async () => (await fetch('data/README.md')).text());
    assert.match(readme, /Second deploy\.\n$/, 'offline, the data files are the new deploy\'s');
  } finally {
    await context.close();
    server.close();
    await rm(root, { recursive: true, force: true });
  }
});
