// End-to-end: the reports page in the release build — cards at published precision, the
// sector change the explorer computes, and old links to `?page=headlines`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useBrowser, waitForView } from './helpers.mjs';

const session = useBrowser();

test('the reports page gives the UK audience change 2019/20 to 2020/21 as −94.1%', async () => {
  const { page, errors } = await openPage(session.browser, '?page=headlines');
  const card = page.locator('[data-card="audience_display_uk"][data-year="2020-21"]');
  await card.waitFor();
  assert.equal(await card.getAttribute('data-value'), '1300000');
  assert.match(await card.locator('.card-figure').textContent(), /^at least 1\.3 million$/);
  const change = card.locator('[data-change-pct]');
  assert.equal(await change.getAttribute('data-change-pct'), '-94.1');
  assert.match(await change.textContent(), /^\u221294\.1% since 2019\/20/);
  // Related figures sit side by side in one row of cards.
  const row = page.locator('.card-group', { has: page.locator('[data-card="new_partners_uk"][data-year="2020-21"]') });
  assert.equal(await row.locator('[data-card="new_partners_international"]').count(), 1);
  // The checked statements keep their hooks and verdicts.
  const claim = page.locator('[data-claim="chg-2020-21-audience_display_uk"]');
  assert.equal(await claim.getAttribute('data-verdict'), 'reproduced');
  // No quotation marks around the paraphrase; no curator shorthand on the page.
  const body = await page.locator('#headlines').textContent();
  assert.doesNotMatch(body, /“UK loan audience/);
  assert.doesNotMatch(body, /\.csv|note_ids|trust|\[r18\]|\[nc\]|\[tw\]/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a card opens its explorer view at the top of the page', async () => {
  const { page, errors } = await openPage(session.browser, '?page=headlines', { width: 360, height: 800 });
  const card = page.locator('[data-card="objects_display"][data-year="2018-19"]');
  await card.scrollIntoViewIfNeeded();
  await card.getByRole('link', { name: 'See it in the explorer' }).click();
  await page.waitForSelector('#view-summary, table');
  await waitForView(page, /\?v=1&metric=objects_display$/);  // the history entry follows the frame
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  assert.deepEqual(errors, []);
  await page.close();
});
