// The journeys' driver (see e2e/journeys.mjs) over a Playwright page: Chromium.
import { download, gotoApp, waitForView } from '../helpers.mjs';

const TIMEOUT = 10000;

/** A driver for `page`, which must accept downloads (its context: acceptDownloads). */
export function playwrightDriver(page) {
  return {
    open: query => gotoApp(page, query),
    select: (css, value) => page.selectOption(css, value).then(() => {}),
    click: css => page.click(css),
    attr: (css, name) => page.locator(css).first().getAttribute(name, { timeout: TIMEOUT }),
    count: css => page.locator(css).count(),
    async waitForUrl(pattern) {
      await waitForView(page, pattern, { timeout: TIMEOUT });
    },
    url: async () => page.url(),
    back: () => page.goBack().then(() => {}),
    forward: () => page.goForward().then(() => {}),
    download: kind => download(page, kind),
  };
}
