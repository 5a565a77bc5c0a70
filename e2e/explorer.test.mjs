// End-to-end: the release build served under a base path, in headless Chromium.
//   BASE_URL=http://127.0.0.1:PORT/some-repo/ node --test e2e/     (scripts/e2e.sh sets it up)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, BASE_PATH, cell, openPage, useBrowser, waitForView } from './helpers.mjs';

const session = useBrowser();

/** A page at `query` with console errors collected; resolves once the app is ready. */
const open = (query, viewport) => openPage(session.browser, query, viewport);

test('a deep permalink under the base path restores its view', async () => {
  const { page, errors } = await open('?metric=uk_loan_venues&museums=british-museum,tate-gallery-group&from=2016-17&to=2023-24');
  assert.equal(await cell(page, 'british-museum', '2019-20').getAttribute('data-value'), '195');
  assert.equal((await cell(page, 'british-museum', '2019-20').locator('.figure').textContent()).trim(), '195');
  assert.equal(await page.locator('tbody tr').count(), 2);
  assert.equal(await page.locator('td[data-museum="total"]').count(), 8);
  assert.equal(await page.locator('#loading').count(), 0, 'loading message replaced');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the 2017/18 recomputed total is shown beside DCMS\'s published total', async () => {
  const { page, errors } = await open('?metric=uk_loan_venues&from=2017-18&to=2017-18');
  assert.equal(await cell(page, 'total', '2017-18').getAttribute('data-value'), '1279');
  assert.equal(await cell(page, 'published-total', '2017-18').getAttribute('data-value'), '1336');
  assert.match(await cell(page, 'total', '2017-18').textContent(), /14 of 15 museums reported/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('controls add history entries; back and forward restore the view', async () => {
  const { page, errors } = await open('?metric=uk_loan_venues');
  await page.click('#controls-toggle');
  await page.selectOption('#metric', 'objects_display');
  await waitForView(page, /metric=objects_display/);
  await cell(page, 'all-national-museums', '2019-20').waitFor();
  assert.equal(await cell(page, 'all-national-museums', '2019-20').getAttribute('data-value'), '71205');
  assert.equal(await page.locator('td[data-museum="total"]').count(), 0);
  await page.goBack();
  await waitForView(page, /metric=uk_loan_venues/);
  await cell(page, 'british-museum', '2019-20').waitFor();
  assert.equal(await page.locator('#metric').inputValue(), 'uk_loan_venues');
  await page.goForward();
  await waitForView(page, /metric=objects_display/);
  await cell(page, 'all-national-museums', '2019-20').waitFor();
  assert.ok(new URL(page.url()).pathname.startsWith(BASE_PATH), 'stays under the base path');
  // Keyboard: the museum boxes are reachable and toggle with Space.
  await page.selectOption('#metric', 'uk_loan_venues');
  await waitForView(page, /metric=uk_loan_venues/);
  await page.focus('#museum-british-museum');
  await page.keyboard.press('Space');
  await waitForView(page, /museums=/);
  assert.equal(await page.locator('td[data-museum="british-museum"]').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a broken link shows what was dropped and still renders', async () => {
  const { page, errors } = await open('?metric=nonsense&museums=zzz&from=1066-67');
  const notices = await page.locator('#url-notices').textContent();
  assert.match(notices, /There is no metric 'nonsense'/);
  assert.match(notices, /There is no museum 'zzz'/);
  assert.ok(await page.locator('td[data-museum="total"]').count() > 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the data files are served beside the app, and the page works without scripts', async () => {
  const json = await (await fetch(BASE + 'data/explorer-data.json')).json();
  assert.equal(json.format_version, 1);
  assert.equal(json.facts.museum.length, json.facts.value.length);
  const csv = await fetch(BASE + 'data/dcms_kpi/values.csv');
  assert.equal(csv.status, 200);
  const html = await (await fetch(BASE)).text();
  assert.match(html, /<noscript>[\s\S]*data\/explorer-data\.json/);
  assert.match(html, /Loading the explorer/);
});

test('readable on a 360 px wide screen', async () => {
  // A long link (many museums) must wrap in the citation, not widen the page.
  const { page, errors } = await open('?metric=uk_loan_venues&museums=british-museum,science-museum-group,tate-gallery-group,victoria-and-albert-museum&from=2012-13&to=2023-24&compare=2016-17', { width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px (only the table may)`);
  // The table scrolls sideways inside its box; its title must not: it wraps within the
  // box's visible width, so every word of it is on screen before any scrolling.
  const caption = await page.evaluate(() => {
    const box = document.querySelector('.table-wrap').getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('#results-caption'));
    const text = range.getBoundingClientRect();
    return { textRight: text.right, boxRight: box.right, lines: range.getClientRects().length };
  });
  assert.ok(caption.textRight <= caption.boxRight + 0.5, `the table's title runs ${caption.textRight - caption.boxRight}px past its box`);
  assert.ok(caption.lines >= 2, 'at 360 px the title wraps');
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/narrow.png`, fullPage: false });
  assert.deepEqual(errors, []);
  await page.close();
});
