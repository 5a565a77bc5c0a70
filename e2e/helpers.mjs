// Shared by the end-to-end tests (not a test file itself: `node --test e2e/` only runs
// *.test.mjs): the browser, where the app is served, opening a view once the app is ready,
// and reading the table and the downloads.
import { before, after } from 'node:test';
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

/** The release build under its base path, as scripts/e2e.sh serves it. */
export const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';
/** The base path alone (`/some-repo/`): every URL of the app must stay under it. */
export const BASE_PATH = new URL(BASE).pathname;

const LAUNCH_OPTIONS = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', // Debian's, no download
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

/**
 * Launches headless Chromium before the calling file's tests and closes it after them.
 * Returns a session whose `browser` is set once launched.
 */
export function useBrowser() {
  const session = { browser: undefined };
  before(async () => { session.browser = await chromium.launch(LAUNCH_OPTIONS); });
  after(async () => { await session.browser?.close(); });
  return session;
}

/**
 * Collects the page's uncaught errors into the returned array, and its console errors too
 * when `consoleErrors` is set.
 */
export function collectErrors(page, { consoleErrors = false } = {}) {
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  if (consoleErrors) page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  return errors;
}

/** Loads the app at `query` (relative to BASE) and resolves once the app marks itself ready. */
export async function gotoApp(page, query) {
  await page.goto(BASE + query);
  await page.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0, null, { timeout: 15000 });
}

/** A page at `query` with page and console errors collected; resolves once the app is ready. */
export async function openPage(browser, query, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const errors = collectErrors(page, { consoleErrors: true });
  await gotoApp(page, query);
  return { page, errors };
}

/**
 * A page at `query` in a context of its own that accepts downloads (`contextOptions` adds
 * to it, e.g. permissions), with page errors collected; resolves once the app is ready.
 */
export async function openInContext(browser, query, contextOptions = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...contextOptions });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await gotoApp(page, query);
  return { page, context, errors };
}

/** The table cell of one museum (or `total`, `published-total`, …) and year slug. */
export const cell = (page, museum, year) => page.locator(`td[data-museum="${museum}"][data-year="${year}"]`);

/** Every value cell of the table: data attributes and words. */
export const tableCells = page => page.$$eval('td[data-museum][data-year]', tds => tds.map(td => ({
  museum: td.dataset.museum, year: td.dataset.year, value: td.dataset.value,
  text: td.querySelector('.figure').textContent.trim(), markers: td.querySelectorAll('.marker').length,
})));

/** Clicks the export button of `kind` and returns the downloaded file's name and bytes. */
export async function download(page, kind) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${kind}"]`)]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}
