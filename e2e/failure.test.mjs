// When the app cannot start or stops, the page says so plainly (public/boot.js): what
// happened, the data files, and a link to retry this view. Never a frozen page or an endless
// "Loading…".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, collectErrors, useBrowser } from './helpers.mjs';

const VIEW = '?v=1&metric=uk_loan_venues&from=2019-20&to=2023-24';
const session = useBrowser();

/** Loads VIEW in `browser` (after `prepare(page)`), waits for the failure message, reads it. */
async function failurePage(browser, prepare = async () => {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = collectErrors(page);
  await prepare(page);
  await page.goto(BASE + VIEW);
  const box = page.locator('#app-failure');
  await box.waitFor({ timeout: 15000 });
  const message = {
    kind: await box.getAttribute('data-failure'),
    role: await box.getAttribute('role'),
    text: await box.textContent(),
    retry: await box.locator('a', { hasText: 'reload this view' }).evaluate(a => a.href),
    files: await box.locator('a[href^="data/"]').evaluateAll(links => links.map(a => a.getAttribute('href'))),
    loading: await page.locator('#loading').count(),
    app: await page.locator('#metric').count(),
    url: page.url(),
  };
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/failure-${message.kind}.png` });
  await context.close();
  return { message, errors };
}

function assertCommonParts(message) {
  assert.equal(message.role, 'alert');
  assert.equal(message.retry, message.url, 'the retry link is this view');
  assert.deepEqual(message.files, ['data/explorer-data.json', 'data/dcms_kpi/values.csv', 'data/partnership/facts.csv', 'data/README.md']);
  assert.equal(message.loading, 0, '"Loading…" is gone');
  assert.equal(message.app, 0, 'the app that no longer responds is gone');
}

test('a panic replaces the page with the message', async () => {
  const { message, errors } = await failurePage(session.browser,
    page => page.addInitScript(() => { window.__explorerTestPanic = true; }));
  assert.equal(message.kind, 'stopped');
  assert.match(message.text, /The explorer stopped because of an error in its own code/);
  assertCommonParts(message);
  assert.ok(errors.some(e => /unreachable/.test(e)), `the abort reached the page: ${errors}`);
});

test('a .wasm that does not arrive gives the message instead of "Loading…"', async () => {
  const { message } = await failurePage(session.browser, page => page.route('**/*.wasm', route => route.abort()));
  assert.equal(message.kind, 'no-start');
  assert.match(message.text, /Part of the explorer could not be downloaded or started in this browser/);
  assertCommonParts(message);
});

test('a browser without WebAssembly gives the message', async () => {
  // As in a browser where WebAssembly is switched off (V8's --noexpose_wasm no longer takes
  // effect in Chromium 156): the global is gone before any script of the page runs.
  const { message } = await failurePage(session.browser,
    page => page.addInitScript(() => { delete globalThis.WebAssembly; }));
  assert.equal(message.kind, 'no-start');
  assert.match(message.text, /This browser does not run WebAssembly/);
  assertCommonParts(message);
});
