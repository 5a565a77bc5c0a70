// Shared by the end-to-end tests (not a test file itself: `node --test e2e/` only runs
// *.test.mjs): the browser, where the app is served, opening a view once the app is ready,
// and reading the table and the downloads.
import { before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
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
 * What any page of the session did against the site's policy: each Content-Security-Policy
 * violation (the `securitypolicyviolation` event, and the browser's own console report of a
 * blocked load) and each request to another origin. useBrowser fails the test in which
 * one happens; a test that provokes one on purpose takes it out with `splice`.
 */
export const policyBreaches = [];

/** In every page and frame before its own scripts: reports violations to the console. */
function reportViolations() {
  addEventListener('securitypolicyviolation', e => console.error(
    `CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'} at ${e.sourceFile}:${e.lineNumber}`));
}

const CSP_CONSOLE = /Content[- ]Security[- ]Policy|CSP violation/i;

/** The site's own origins: BASE's, and any a test serves a copy of the site from. */
export const ownOrigins = new Set([new URL(BASE).origin]);

async function watchPolicy(context) {
  await context.addInitScript(reportViolations);
  context.on('console', m => { if (m.type() === 'error' && CSP_CONSOLE.test(m.text())) policyBreaches.push(m.text()); });
  context.on('request', request => {
    const url = new URL(request.url());
    if (/^(https?|wss?):$/.test(url.protocol) && !ownOrigins.has(url.origin)) policyBreaches.push(`request to another origin: ${url.href}`);
  });
}

/** `browser` whose every new context and page is watched by watchPolicy. */
function watched(browser) {
  const newContext = async options => {
    const context = await browser.newContext(options);
    await watchPolicy(context);
    return context;
  };
  // Like Browser.newPage: a page in a context of its own, closed with the page.
  const newPage = async options => {
    const context = await newContext(options);
    const page = await context.newPage();
    page.on('close', () => context.close().catch(() => {}));
    return page;
  };
  return new Proxy(browser, {
    get(target, name) {
      if (name === 'newContext') return newContext;
      if (name === 'newPage') return newPage;
      const value = Reflect.get(target, name);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Launches headless Chromium before the calling file's tests and closes it after them.
 * Returns a session whose `browser` is set once launched. Each test fails if a page it opened
 * broke the site's policy (see policyBreaches). `launchArgs` are added to Chromium's own.
 */
export function useBrowser({ launchArgs = [] } = {}) {
  const session = { browser: undefined };
  before(async () => {
    const browser = await chromium.launch({ ...LAUNCH_OPTIONS, args: [...LAUNCH_OPTIONS.args, ...launchArgs] });
    session.browser = watched(browser);
  });
  afterEach(() => {
    assert.deepEqual(policyBreaches.splice(0), [], 'Content-Security-Policy violations or requests to other origins');
  });
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

/**
 * In the page: resolves in a task queued from the next frame's requestAnimationFrame, so the
 * frame is drawn and what the app left until just after a frame has run too (the history
 * entry, and the chart and the results table when they are out of view: `core::redraw`). Sent to the page as
 * source, so it must use nothing from this module.
 */
export function drawn() {
  return new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)));
}

/** Until the address bar matches `url` (as `page.waitForURL`) and the view is drawn. */
export async function waitForView(page, url, options = {}) {
  await page.waitForURL(url, options);
  await page.evaluate(drawn);
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

/** RFC 4180 parser for the CSV downloads: quoted fields, doubled quotes, CRLF; the `#`
 * comment lines before the table are left out. */
export function parseCsv(text) {
  const rows = [];
  let field = '', row = [], quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows.filter(r => !r[0].startsWith('#'));
}
