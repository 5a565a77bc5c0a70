// The Content-Security-Policy of the release build: what the page carries, and that the
// policy watch of helpers.mjs (which fails any test whose pages break it) really sees breaches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { BASE, openInContext, policyBreaches, useBrowser } from './helpers.mjs';

const session = useBrowser();

/** Waits until the policy watch has recorded `count` breaches, and takes them out. */
async function takeBreaches(count) {
  for (let i = 0; i < 50 && policyBreaches.length < count; i++) await new Promise(r => setTimeout(r, 100));
  await new Promise(r => setTimeout(r, 300));   // the browser's own console report may follow
  return policyBreaches.splice(0);
}

test('the page carries the strict policy first, with the hash of the inline loader', async () => {
  const html = await (await fetch(BASE)).text();
  const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/g)];
  assert.equal(metas.length, 1);
  const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)];
  assert.equal(inline.length, 1, "Trunk's one inline loader");
  const hash = createHash('sha256').update(inline[0][1]).digest('base64');
  assert.equal(metas[0][1], "default-src 'none'; " +
    `script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash}'; ` +
    "style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; base-uri 'self'; form-action 'none'");
  assert.ok(html.indexOf(metas[0][0]) < html.indexOf('<script'), 'the policy comes before every script');
  assert.ok(html.indexOf(metas[0][0]) < html.indexOf('<link'), 'and before every stylesheet');
  assert.doesNotMatch(html, /\sstyle="/, 'no style attributes in the page');
  assert.doesNotMatch(html, /<style/, 'no style elements');
});

test('the watch records a violation: inline script and style attributes are blocked', async () => {
  const { page, context } = await openInContext(session.browser, '?metric=uk_loan_venues');
  const effects = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    const box = document.createElement('div');
    box.setAttribute('style', 'width: 123px');
    document.body.append(box);
    await new Promise(r => setTimeout(r, 100));
    return { ran: window.__inlineRan === true, width: box.getBoundingClientRect().width };
  });
  assert.deepEqual({ ran: effects.ran, styled: effects.width === 123 }, { ran: false, styled: false });
  const seen = await takeBreaches(2);
  assert.ok(seen.some(b => /CSP violation: script-src/.test(b)), JSON.stringify(seen));
  assert.ok(seen.some(b => /CSP violation: style-src/.test(b)), JSON.stringify(seen));
  await context.close();
});

test('the watch records a request to another origin', async () => {
  // A page without the site's policy (about:blank), so the request is really made.
  const context = await session.browser.newContext();
  const page = await context.newPage();
  await page.setContent('<img src="http://localhost:9/elsewhere.png" alt="">');
  const seen = await takeBreaches(1);
  assert.deepEqual(seen, ['request to another origin: http://localhost:9/elsewhere.png']);
  await context.close();
});
