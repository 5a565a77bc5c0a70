// The core journeys of e2e/journeys.mjs in headless Firefox (chromium.test.mjs: in Chromium),
// with the same watch on the site's policy: no CSP violation, no request to another origin.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { journeys } from './journeys.mjs';
import { startFirefox, webdriverDriver } from './drivers/webdriver.mjs';

let firefox;
before(async () => { firefox = await startFirefox(); });
after(async () => { await firefox?.quit(); });
afterEach(() => {
  assert.deepEqual(firefox.breaches.splice(0), [], 'Content-Security-Policy violations or requests to other origins');
  assert.deepEqual(firefox.errors.splice(0), [], 'uncaught errors');
});

for (const journey of journeys) {
  test(`Firefox: ${journey.name}`, () => journey.run(webdriverDriver(firefox)));
}

test('Firefox: the policy watch sees a violation (so its silence above means something)', async () => {
  const d = webdriverDriver(firefox);
  await d.open('?metric=uk_loan_venues');
  const ran = await firefox.driver.executeAsyncScript(`const done = arguments[arguments.length - 1];
    const s = document.createElement('script'); s.textContent = 'window.__inlineRan = true'; document.head.append(s);
    setTimeout(() => done(window.__inlineRan === true), 200);`);
  assert.equal(ran, false, 'the CSP blocked an inline script');
  for (let i = 0; i < 50 && !firefox.breaches.length; i++) await new Promise(r => setTimeout(r, 100));
  const seen = firefox.breaches.splice(0);
  assert.equal(seen.length, 1, JSON.stringify(seen));
  assert.match(seen[0], /CSP violation: script-src/);
  // Firefox also logs the blocked script as an error of its own: expected here, and only that.
  for (const error of firefox.errors.splice(0)) assert.match(error, /Content-Security-Policy|CSP/i, error);
});
