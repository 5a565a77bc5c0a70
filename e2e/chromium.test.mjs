// The core journeys of e2e/journeys.mjs in headless Chromium (firefox.test.mjs: in Firefox).
import { test } from 'node:test';
import { journeys } from './journeys.mjs';
import { playwrightDriver } from './drivers/playwright.mjs';
import { collectErrors, useBrowser } from './helpers.mjs';
import assert from 'node:assert/strict';

const session = useBrowser();

for (const journey of journeys) {
  test(`Chromium: ${journey.name}`, async () => {
    const context = await session.browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page, { consoleErrors: true });
    try {
      await journey.run(playwrightDriver(page));
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
