// Offline revisits (public/sw.js): after one visit, the app and its data come from the
// service worker's cache when the network is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { BASE, BASE_PATH, cell, collectErrors, gotoApp, useBrowser } from './helpers.mjs';

const session = useBrowser();

test('after one visit, another permalink renders offline', async () => {
  const context = await session.browser.newContext();
  const page = await context.newPage();
  const errors = collectErrors(page, { consoleErrors: true });
  await gotoApp(page, '?metric=uk_loan_venues');
  const worker = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;   // installed: the cache is complete
    const names = await caches.keys();
    const cached = names.length === 1 ? (await (await caches.open(names[0])).keys()).map(r => new URL(r.url).pathname) : [];
    return { scope: new URL(registration.scope).pathname, names, cached };
  });
  assert.equal(worker.scope, BASE_PATH, 'scoped to the base path');
  assert.equal(worker.names.length, 1);
  assert.match(worker.names[0], /^explorer-[0-9a-f]{16}$/);
  for (const part of [BASE_PATH, `${BASE_PATH}index.html`, `${BASE_PATH}data/explorer-data.json`, `${BASE_PATH}data/dcms_kpi/values.csv`])
    assert.ok(worker.cached.includes(part), `${part} cached`);
  for (const kind of [/_bg\.wasm$/, /^[^_]+\.js$/, /\.css$/])
    assert.ok(worker.cached.some(path => kind.test(path.slice(BASE_PATH.length))), `${kind} cached`);

  await context.setOffline(true);
  const response = await page.goto(BASE + '?metric=objects_display&from=2019-20&to=2019-20');
  assert.ok(response.fromServiceWorker(), 'the page came from the service worker');
  await page.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0, null, { timeout: 15000 });
  assert.equal(await cell(page, 'all-national-museums', '2019-20').getAttribute('data-value'), '71205');
  assert.equal(await page.locator('#app-failure').count(), 0);
  const data = await page.evaluate(async () => (await fetch('data/dcms_kpi/values.csv')).status);
  assert.equal(data, 200, 'the data files too');
  assert.deepEqual(errors, []);
  const uncached = await page.evaluate(() => fetch('not-in-the-cache.txt').then(r => r.status, () => 'failed'));
  assert.equal(uncached, 'failed', 'the network is really gone (online this is a 404)');
  await context.close();
});

test("the worker's version is the hash of exactly the files it caches, as served", async () => {
  // A deploy that changes any byte of any cached file therefore ships a new sw.js, which the
  // browser installs as a new worker with a new cache (the old one is deleted on activation).
  const source = await (await fetch(BASE + 'sw.js')).text();
  const version = JSON.parse(source.match(/^const VERSION = (".*");$/m)[1]);
  const files = JSON.parse(source.match(/^const FILES = (\[.*\]);$/m)[1]);
  assert.equal(files[0], './');
  const digest = createHash('sha256');
  for (const file of files.slice(1)) {
    const response = await fetch(BASE + file);
    assert.equal(response.status, 200, file);
    digest.update(file).update('\0').update(Buffer.from(await response.arrayBuffer()));
  }
  assert.equal(version, digest.digest('hex').slice(0, 16));
  const page = await (await fetch(BASE)).text();
  for (const asset of page.matchAll(/(?:src|href)="\/[^"]*?\/([^"/]+-[0-9a-f]{16}(?:_bg)?\.(?:js|wasm|css))"/g))
    assert.ok(files.includes(asset[1]), `${asset[1]}, which the page loads, is cached`);
  assert.ok(!files.includes('sw.js'));
});
