// End-to-end: each export of the view on screen, the copy-link control, the embed view and
// old-form links, against the release build served under a base path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, BASE_PATH, download, openInContext, parseCsv, tableCells, useBrowser } from './helpers.mjs';

const VIEW = '?v=1&metric=uk_loan_venues&from=2015-16&to=2023-24&view=line';
const session = useBrowser();

/** A page at `query` in its own download-accepting context; resolves once the app is ready. */
const open = (query, options) => openInContext(session.browser, query, options);


test('CSV export equals the table cells, with statuses, flags and metadata', async () => {
  const { page, context, errors } = await open(VIEW);
  const { name, bytes } = await download(page, 'csv');
  assert.equal(name, 'uk_loan_venues_2015-16_to_2023-24.csv');
  const text = bytes.toString('utf8');
  assert.match(text, /^# title: UK loan venues by museum, 2015\/16 to 2023\/24/);
  assert.match(text, /# permalink: http:\/\/127\.0\.0\.1:\d+\/[^\r\n]*\?v=1&metric=uk_loan_venues&from=2015-16&to=2023-24&view=line\r\n/);
  assert.match(text, /# data version: [0-9a-f]{16}\r\n/);
  assert.match(text, /# licence: Contains public sector information licensed under the Open Government Licence v3\.0/);
  const [header, ...rows] = parseCsv(text);
  assert.deepEqual(header.slice(0, 9), ['museum_id', 'museum', 'row_kind', 'year', 'metric_id', 'metric', 'unit', 'value', 'status']);
  const col = Object.fromEntries(header.map((h, i) => [h, i]));
  const cells = await tableCells(page);
  assert.equal(rows.length, cells.length, 'one CSV row per table cell');
  for (const cell of cells) {
    const year = cell.year.replace('-', '/');
    const row = rows.find(r => r[col.museum_id] === cell.museum && r[col.year] === year);
    assert.ok(row, `${cell.museum} ${year} in the CSV`);
    assert.equal(row[col.value], cell.value, `${cell.museum} ${year} value`);
    if (cell.value === '') assert.equal(row[col.status], cell.text, `${cell.museum} ${year} status words`);
    assert.equal(row[col.flags] !== '', cell.markers > 0, `${cell.museum} ${year} flags`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('JSON export has the documented shape and the same cells', async () => {
  const { page, context } = await open(VIEW);
  const { name, bytes } = await download(page, 'json');
  assert.equal(name, 'uk_loan_venues_2015-16_to_2023-24.json');
  const json = JSON.parse(bytes.toString('utf8'));
  for (const key of ['title', 'permalink', 'data_version', 'attribution', 'metric', 'years', 'cells', 'notes']) assert.ok(key in json, key);
  assert.equal(json.metric.id, 'uk_loan_venues');
  assert.equal(json.years.length, 9);
  assert.equal(json.cells.length, (await tableCells(page)).length);
  const total = json.cells.find(c => c.museum_id === 'total' && c.year === '2017/18');
  assert.equal(total.value, 1279);
  await context.close();
});

test('SVG and PNG exports carry the chart as shown', async () => {
  const { page, context } = await open(VIEW);
  const svg = await download(page, 'svg');
  assert.equal(svg.name, 'uk_loan_venues_2015-16_to_2023-24.svg');
  const text = svg.bytes.toString('utf8');
  assert.match(text, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(text, /UK loan venues, 2015\/16 to 2023\/24/);
  assert.match(text, /data-break-year="2016-17"/);
  // Issue 8: "Source:" once, then the publication (the attribution's own wording).
  assert.match(text, /Source: DCMS, DCMS-Sponsored Museums and Galleries Annual Performance Indicators/);
  assert.equal(text.match(/Source:/g).length, 1);
  // The points as drawn on screen: each series' years, in the same order.
  const pointsIn = markup => (markup.match(/data-years="[^"]*"/g) ?? []).join(' ');
  const onScreen = pointsIn(await page.locator('#chart-svg .chart-marks').innerHTML());
  assert.ok(onScreen.length > 0);
  assert.equal(pointsIn(text), onScreen);
  const png = await download(page, 'png');
  assert.equal(png.name, 'uk_loan_venues_2015-16_to_2023-24.png');
  assert.deepEqual([...png.bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  assert.ok(png.bytes.length > 5000, `PNG of ${png.bytes.length} bytes`);
  await context.close();
});

test('copy link puts the permalink on the clipboard; the embed snippet renders', async () => {
  const origin = new URL(BASE).origin;
  const { page, context } = await open(VIEW, { permissions: ['clipboard-read', 'clipboard-write'] });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await page.click('[data-action="copy-link"]');
  await page.locator('.share-status', { hasText: 'Link copied.' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, page.url());
  assert.match(await page.locator('#citation').textContent(), /\(accessed \d{1,2} [A-Z][a-z]+ \d{4}\)\.$/);
  const snippet = await page.locator('#embed-snippet').inputValue();
  const src = snippet.match(/src="([^"]+)"/)[1];
  assert.ok(src.endsWith('&amp;embed=1'), src);
  assert.doesNotMatch(src, /&(?!amp;)/, 'every & in the attribute is written &amp;');
  const embed = await context.newPage();
  await embed.setContent(snippet);
  const frame = embed.frameLocator('iframe');
  await frame.locator('#embed-view').waitFor({ timeout: 15000 });
  assert.ok(await frame.locator('path.points[data-museum]').count() > 0);
  assert.match(await frame.locator('#embed-source').textContent(), /Open Government Licence/);
  await context.close();
});

test('an old-form link is upgraded in place through the base path', async () => {
  const { page, context } = await open('?metric=visits_total&museums=Geffrye%20Museum,tate&from=2019/20&to=2021/22');
  const url = new URL(page.url());
  assert.equal(url.pathname, BASE_PATH);
  assert.equal(url.search, '?v=1&metric=visits_total&museums=museum-of-the-home,tate-gallery-group&from=2019-20&to=2021-22');
  // about:blank and this page: the upgrade replaced the entry instead of adding one.
  assert.equal(await page.evaluate(() => history.length), 2);
  assert.equal(await page.locator('tbody tr').count(), 2);
  await context.close();
});
