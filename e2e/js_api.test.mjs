// End-to-end: the console API, `explorer.query("?metric=…")`, against the release build under
// its base path and its Content-Security-Policy (Playwright's page.evaluate runs as the console
// does; the policy forbids inline scripts, not the console).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gotoApp, openPage, tableCells, useBrowser } from './helpers.mjs';

const session = useBrowser();

/** The cells as the table shows them: row key, year slug, data-value ('' for none). */
const asTable = cells => cells.map(c => ({
  museum: c.museum_id, year: c.year.replace('/', '-'), value: c.value === null ? '' : String(c.value),
}));
const key = c => `${c.museum} ${c.year}`;
const sorted = cells => [...cells].sort((a, b) => key(a).localeCompare(key(b)));

for (const view of [
  '?v=1&metric=uk_loan_venues&from=2015-16&to=2023-24',
  '?v=1&metric=objects_display&museums=british-museum,tate-gallery-group,science-museum-group&from=2019-20&to=2023-24&compare=2019-20',
  '?v=1&metric=uk_loan_venues&museums=none',
]) {
  test(`explorer.query answers with the cells the table shows: ${view}`, async () => {
    // Asked from another view: the answer is the query's, not the screen's.
    const { page, errors } = await openPage(session.browser, '?metric=visits_total');
    const answer = await page.evaluate(query => window.explorer.query(query), view);
    await gotoApp(page, view);
    const table = (await tableCells(page)).map(({ museum, year, value }) => ({ museum, year, value }));
    assert.ok(table.length > 0 || view.includes('museums=none'), 'the table shows cells');
    assert.deepEqual(sorted(asTable(answer.cells)), sorted(table));
    // The page rewrites an old or partly unusable link to its canonical form; so does the API.
    assert.equal(answer.permalink, page.url());
    if (table.length > 0) assert.equal(answer.title, (await page.locator('#results-caption').textContent()).trim());
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('explorer.query says what it dropped in the console and refuses a non-string', async () => {
  const { page } = await openPage(session.browser, '?metric=uk_loan_venues');
  const warnings = [];
  page.on('console', m => { if (m.type() === 'warning') warnings.push(m.text()); });
  const answer = await page.evaluate(() => window.explorer.query('metric=uk_loan_venues&museums=british-museum,atlantis'));
  assert.ok(answer.cells.some(c => c.museum_id === 'british-museum'));
  assert.ok(answer.cells.every(c => c.row_kind !== 'museum' || c.museum_id === 'british-museum'));
  await page.waitForTimeout(100);
  assert.ok(warnings.some(w => w.includes('atlantis')), warnings.join('\n'));
  const refused = await page.evaluate(() => { try { window.explorer.query(42); return null; } catch (e) { return `${e.name}: ${e.message}`; } });
  assert.match(refused, /^TypeError: explorer\.query takes the query string of a view/);
  await page.close();
});
