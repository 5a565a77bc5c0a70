// End-to-end: the coverage, revisions and published-totals pages in the release build: each
// loads from its link, follows one link into the explorer, passes axe with no violations,
// and its CSV and JSON downloads parse back to the rows on screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations } from './axe.mjs';
import { download, openInContext, parseCsv, useBrowser, waitForView } from './helpers.mjs';

const session = useBrowser();
const open = (query, contextOptions) => openInContext(session.browser, query, contextOptions);

const PAGES = {
  coverage: { query: '?v=1&metric=uk_loan_venues&page=coverage', rows: 'td.coverage-cell[data-status]' },
  revisions: { query: '?v=1&metric=uk_loan_venues&page=revisions', rows: 'tr[data-old][data-new]' },
  totals: { query: '?v=1&metric=uk_loan_venues&page=totals', rows: 'tr[data-verdict]' },
};


for (const [name, { query }] of Object.entries(PAGES)) {
  for (const colorScheme of ['light', 'dark']) {
    test(`${name} page has no axe violations (${colorScheme})`, async () => {
      const { page, context, errors } = await open(query, { colorScheme });
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('coverage: a cell links to the explorer view of that museum and year; downloads equal the grid', async () => {
  const { page, context } = await open(PAGES.coverage.query);
  const cells = await page.$$eval('td.coverage-cell', tds => tds.map(td => [td.dataset.museum, td.dataset.year.replace('-', '/'), td.dataset.status]));
  const csv = parseCsv((await download(page, 'csv')).bytes.toString('utf8'));
  const [header, ...rows] = csv;
  const col = Object.fromEntries(header.map((h, i) => [h, i]));
  assert.deepEqual(rows.map(r => [r[col.museum_id], r[col.year], r[col.status]]), cells);
  const json = JSON.parse((await download(page, 'json')).bytes.toString('utf8'));
  assert.deepEqual(json.rows.map(r => [r.museum_id, r.year, r.status]), cells);
  await page.click('td[data-museum="british-museum"][data-year="2019-20"] a');
  await page.waitForSelector('#results-table td[data-museum="british-museum"][data-year="2019-20"]');
  await waitForView(page, /\?v=1&metric=uk_loan_venues&museums=british-museum&from=2019-20&to=2019-20$/);  // pushed after the frame
  await context.close();
});

test('revisions: downloads equal the rows on screen; a row links into the explorer', async () => {
  const { page, context } = await open(PAGES.revisions.query);
  const onScreen = await page.$$eval('tr[data-old][data-new]', trs => trs.map(tr => [tr.dataset.museum, tr.dataset.year.replace('-', '/'), tr.dataset.metric, tr.dataset.old, tr.dataset.new]));
  assert.equal(onScreen.length, 33, '32 revised and one only in the 2018/19 release (revisions.csv)');
  const [header, ...rows] = parseCsv((await download(page, 'csv')).bytes.toString('utf8'));
  const col = Object.fromEntries(header.map((h, i) => [h, i]));
  assert.deepEqual(rows.map(r => [r[col.museum_id], r[col.year], r[col.metric_id], r[col.value_2018_19_release], r[col.value_2023_24_release]]), onScreen);
  const json = JSON.parse((await download(page, 'json')).bytes.toString('utf8'));
  assert.equal(json.rows.length, onScreen.length);
  await page.selectOption('#revisions-museum', 'imperial-war-museums');
  await page.waitForFunction(() => location.search.includes('only-museum=imperial-war-museums'));
  assert.equal(await page.locator('#revisions-table tr[data-old]').count(), 12, 'IWM: 12 revised loan venue figures');
  await page.click('#revisions-table tr[data-year="2017-18"] th a');
  await page.waitForSelector('#results-table td[data-museum="imperial-war-museums"][data-year="2017-18"]');
  await waitForView(page, /museums=imperial-war-museums&from=2017-18&to=2017-18$/);
  await context.close();
});

test('totals: the explorer\'s [t] marker leads to its audit row; downloads equal the rows; a row links back', async () => {
  const { page, context } = await open('?v=1&metric=uk_loan_venues&from=2017-18&to=2017-18');
  await page.click('td[data-museum="published-total"][data-year="2017-18"] a.marker-link');
  await page.waitForSelector('tr.highlighted[data-metric="uk_loan_venues"][data-year="2017-18"]');
  const row = page.locator('tr[data-year="2017-18"]');
  assert.equal(await row.getAttribute('data-published'), '1336');
  assert.equal(await row.getAttribute('data-recomputed'), '1279');
  assert.equal(await row.getAttribute('data-verdict'), 'differs');
  const onScreen = await page.$$eval('tr[data-verdict]', trs => trs.map(tr => [tr.dataset.metric, tr.dataset.year.replace('-', '/'), tr.dataset.published, tr.dataset.recomputed, tr.dataset.verdict]));
  assert.equal(onScreen.length, 16);
  const [header, ...rows] = parseCsv((await download(page, 'csv')).bytes.toString('utf8'));
  const col = Object.fromEntries(header.map((h, i) => [h, i]));
  assert.deepEqual(rows.map(r => [r[col.metric_id], r[col.year], r[col.published_total], r[col.recomputed_sum], r[col.verdict]]), onScreen);
  const json = JSON.parse((await download(page, 'json')).bytes.toString('utf8'));
  assert.deepEqual(json.rows.map(r => [r.metric_id, r.year, String(r.published_total), String(r.recomputed_sum), r.verdict]), onScreen);
  await row.locator('a', { hasText: 'See the museum rows' }).click();
  await page.waitForSelector('#results-table');
  await waitForView(page, /\?v=1&metric=uk_loan_venues&from=2017-18&to=2017-18$/);
  await context.close();
});
