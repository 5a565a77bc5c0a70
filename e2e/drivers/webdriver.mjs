// The journeys' driver (see e2e/journeys.mjs) over WebDriver: headless Firefox through
// geckodriver (Playwright cannot drive Debian's Firefox). WebDriver BiDi watches the site's
// policy as helpers.mjs does in Chromium: a script run in every page before its own reports
// Content-Security-Policy violations to the console, and every request's origin is checked.
//   env: GECKODRIVER_PATH (default .tools/bin/geckodriver), FIREFOX_PATH (default /usr/bin/firefox-esr)
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, By, until } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { Select } from 'selenium-webdriver/lib/select.js';
import getLogInspector from 'selenium-webdriver/bidi/logInspector.js';
import getScriptManager from 'selenium-webdriver/bidi/scriptManager.js';
import { Network } from 'selenium-webdriver/bidi/network.js';
import { BASE, drawn } from '../helpers.mjs';

const TIMEOUT = 10000;
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Reports CSP violations to the console, in every page before the page's own scripts. */
const REPORT_VIOLATIONS = `() => addEventListener('securitypolicyviolation', e => console.error(
  'CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline code') + ' at ' + e.sourceFile + ':' + e.lineNumber))`;

/**
 * Starts headless Firefox. Resolves to { driver, downloads, breaches, errors, quit }:
 * `breaches` collects CSP violations and requests to other origins, `errors` uncaught errors.
 */
export async function startFirefox() {
  const downloads = await mkdtemp(join(tmpdir(), 'explorer-firefox-'));
  const options = new firefox.Options()
    .addArguments('-headless')
    .setBinary(process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr')
    .setPreference('browser.download.folderList', 2)
    .setPreference('browser.download.dir', downloads)
    .setPreference('browser.download.useDownloadDir', true)
    .setPreference('browser.download.always_ask_before_handling_new_types', false)
    .setPreference('browser.download.alwaysOpenPanel', false)
    .setPreference('browser.helperApps.neverAsk.saveToDisk', 'text/csv,application/json,image/svg+xml,image/png')
    .enableBidi();
  const service = new firefox.ServiceBuilder(process.env.GECKODRIVER_PATH ?? '.tools/bin/geckodriver');
  const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
  await driver.manage().window().setRect({ width: 1280, height: 900 });
  const breaches = [], errors = [];
  const logs = await getLogInspector(driver);
  await logs.onConsoleEntry(entry => { if (/CSP violation/.test(entry.text)) breaches.push(entry.text); });
  await logs.onJavascriptLog(entry => { if (entry.level === 'error') errors.push(entry.text); });
  await (await getScriptManager([], driver)).addPreloadScript(REPORT_VIOLATIONS);
  const origin = new URL(BASE).origin;
  await (await Network(driver)).beforeRequestSent(event => {
    if (!event?.request?.url) return;   // seen while the browser shuts down
    const url = new URL(event.request.url);
    if (/^(https?|wss?):$/.test(url.protocol) && url.origin !== origin) breaches.push(`request to another origin: ${url.href}`);
  });
  const quit = async () => { await driver.quit(); await rm(downloads, { recursive: true, force: true }); };
  return { driver, downloads, breaches, errors, quit };
}

/** The newest finished file in `dir` that was not in `before`, once its size stops changing. */
async function newDownload(dir, before) {
  const deadline = Date.now() + TIMEOUT;
  let last = { name: undefined, size: -1 };
  while (Date.now() < deadline) {
    const names = (await readdir(dir)).filter(n => !before.has(n));
    const done = names.filter(n => !n.endsWith('.part'));
    if (done.length === 1 && names.length === 1) {
      const size = (await stat(join(dir, done[0]))).size;
      if (size > 0 && last.name === done[0] && last.size === size) return done[0];
      last = { name: done[0], size };
    }
    await sleep(100);
  }
  throw new Error(`no download finished in ${dir}`);
}

/** A driver for a Firefox started by startFirefox. */
export function webdriverDriver({ driver, downloads }) {
  const find = css => driver.wait(until.elementLocated(By.css(css)), TIMEOUT);
  return {
    async open(query) {
      await driver.get(BASE + query);
      await driver.wait(() => driver.executeScript("return performance.getEntriesByName('app-ready').length > 0"), 15000);
    },
    select: async (css, value) => new Select(await find(css)).selectByValue(value),
    click: async css => (await find(css)).click(),
    attr: async (css, name) => (await find(css)).getDomAttribute(name),
    count: async css => (await driver.findElements(By.css(css))).length,
    async waitForUrl(pattern) {
      await driver.wait(async () => pattern.test(await driver.getCurrentUrl()), TIMEOUT);
      await driver.executeAsyncScript(`(${drawn})().then(arguments[arguments.length - 1])`);
    },
    url: () => driver.getCurrentUrl(),
    back: () => driver.navigate().back(),
    forward: () => driver.navigate().forward(),
    async download(kind) {
      const before = new Set(await readdir(downloads));
      await (await find(`[data-export="${kind}"]`)).click();
      const name = await newDownload(downloads, before);
      return { name, bytes: await readFile(join(downloads, name)) };
    },
  };
}
