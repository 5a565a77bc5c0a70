// The journalist's tasks from the home page, each counted in actions (a click, a choice in
// a list, a key press), keyboard-only use, the phone layout, print, and axe-core on every
// page state in light and dark mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, cell, gotoApp, openPage, useBrowser, waitForView } from './helpers.mjs';
import { axeViolations } from './axe.mjs';

const session = useBrowser();
const open = (query, viewport) => openPage(session.browser, query, viewport);

/** Counts the reader's actions: each `act` is one click, one choice or one key press. */
function counter(page) {
  const counted = { actions: 0 };
  counted.click = async selector => { counted.actions += 1; await page.click(selector); };
  counted.choose = async (selector, value) => { counted.actions += 1; await page.selectOption(selector, value); };
  return counted;
}

/** The embedded data, read like any reader of the published file would. */
async function publishedData() {
  const response = await fetch(new URL('data/explorer-data.json', BASE));
  return response.json();
}

/** The value a museum published for a metric and a year (start year), from the data file. */
function valueOf(data, metricId, museumId, startYear) {
  const metric = data.metrics.findIndex(m => m.id === metricId);
  const museum = data.museums.findIndex(m => m.id === museumId);
  const { facts } = data;
  const index = facts.metric.findIndex((m, i) => m === metric && facts.museum[i] === museum && facts.year[i] === startYear);
  return index < 0 ? undefined : facts.value[index];
}

test('one museum\'s figure for one year: 2 actions from the home page', async () => {
  const { page, errors } = await open('');
  const reader = counter(page);
  await reader.click('#controls-toggle');
  await reader.click('[data-only="tate-gallery-group"]');
  await waitForView(page, /museums=tate-gallery-group/);
  assert.equal(await page.locator('tbody tr').count(), 1);
  const expected = valueOf(await publishedData(), 'uk_loan_venues', 'tate-gallery-group', 2019);
  assert.equal(Number(await cell(page, 'tate-gallery-group', '2019-20').getAttribute('data-value')), expected);
  assert.ok(await cell(page, 'tate-gallery-group', '2019-20').isVisible());
  assert.ok(reader.actions <= 3, `${reader.actions} actions`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('which museum led in 2023/24: no action needed, rank and summary say it', async () => {
  const { page, errors } = await open('');
  const data = await publishedData();
  const metric = data.metrics.findIndex(m => m.id === 'uk_loan_venues');
  const { facts } = data;
  let leader;
  facts.metric.forEach((m, i) => {
    const museum = data.museums[facts.museum[i]];
    if (m !== metric || facts.year[i] !== 2023 || museum.is_aggregate || facts.value[i] == null) return;
    if (!leader || facts.value[i] > leader.value) leader = { id: museum.id, name: museum.name, value: facts.value[i] };
  });
  const first = page.locator('td.rank[data-rank="1"]');
  assert.equal(await first.count(), 1);
  assert.equal(await first.locator('xpath=..').locator('th').textContent(), leader.name);
  assert.match(await page.locator('#view-summary').textContent(), new RegExp(`highest in 2023/24 was ${leader.name}`));
  // The rank sits beside the name, in the first screen of the table, not past 16 years.
  const name = await first.locator('xpath=..').locator('th').boundingBox();
  const rank = await first.boundingBox();
  assert.ok(rank.x - name.x < 700, `rank ${rank.x - name.x}px right of the name`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('two museums over ten years: 4 actions from the home page', async () => {
  const { page, errors } = await open('');
  const reader = counter(page);
  await reader.click('#controls-toggle');
  await reader.click('[data-only="tate-gallery-group"]');
  await waitForView(page, /museums=tate-gallery-group/);
  await reader.click('#museum-national-gallery');
  await waitForView(page, /museums=national-gallery,tate-gallery-group/);
  await reader.choose('#year-from', '2014-15');
  await waitForView(page, /from=2014-15/);
  assert.match(page.url(), /museums=national-gallery,tate-gallery-group&from=2014-15&to=2023-24/);
  assert.equal(await page.locator('tbody tr').count(), 2);
  assert.equal(await page.locator('thead th[data-year]').count(), 10);
  assert.equal(await page.locator('.line-chart').count(), 1);
  // Shares: of the two, and of every reporting museum.
  const share = await page.locator('td.share[data-share-pct]').first().getAttribute('data-share-pct');
  const shareAll = await page.locator('td[data-share-all-pct]').first().getAttribute('data-share-all-pct');
  assert.ok(Number(share) > Number(shareAll), `${share}% of two > ${shareAll}% of all`);
  assert.match(await page.locator('thead').textContent(), /Share of the 2 selected museums, 2023\/24/);
  assert.match(await page.locator('thead').textContent(), /Share of all \d+ reporting museums, 2023\/24/);
  assert.ok(reader.actions <= 4, `${reader.actions} actions`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('total change between two years, with the published-total check: 2 actions', async () => {
  const { page, errors } = await open('');
  const reader = counter(page);
  await reader.click('#controls-toggle');
  await reader.choose('#compare', '2015-16');
  await waitForView(page, /compare=2015-16/);
  const total = page.locator('td[data-change-museum="total"]');
  const [base, latest] = await Promise.all(['2015-16', '2023-24'].map(async y => Number(await cell(page, 'total', y).getAttribute('data-value'))));
  assert.equal(await total.getAttribute('data-change-pct'), ((latest - base) / base * 100).toFixed(1));
  assert.equal(Number(await total.getAttribute('data-change-abs')), latest - base);
  // The published total is beside it; where the two differ, the total cell says so.
  for (const year of ['2015-16', '2023-24']) {
    const published = await cell(page, 'published-total', year).getAttribute('data-value');
    const recomputed = await cell(page, 'total', year).getAttribute('data-value');
    const flagged = await cell(page, 'total', year).locator('.differs').count();
    assert.ok(published !== '' && (published === recomputed || flagged === 1), `${year}: ${published} vs ${recomputed}`);
  }
  assert.ok(reader.actions <= 4, `${reader.actions} actions`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('select none says so; select all brings every museum back; the filter narrows', async () => {
  const { page, errors } = await open('');
  await page.click('#controls-toggle');
  const all = await page.locator('tbody tr').count();
  await page.click('[data-action="select-none"]');
  await waitForView(page, /museums=none/);
  assert.match(await page.locator('#no-museums').textContent(), /Pick at least one museum/);
  assert.equal(await page.locator('tbody tr').count(), 0);
  assert.equal(await page.locator('.museums input[type=checkbox]:checked').count(), 0);
  await page.click('[data-action="select-all"]');
  await waitForView(page, u => !/museums=/.test(u.search));
  assert.equal(await page.locator('tbody tr').count(), all);
  await page.fill('#museum-filter', 'geffrye');
  assert.deepEqual(await page.locator('.museum-item:visible label').allTextContents(), ['Museum of the Home']);
  // A metric with no museum rows says so rather than "(0)".
  await page.selectOption('#metric', 'loans_display');
  await waitForView(page, /metric=loans_display/);
  assert.match(await page.locator('#museum-status').textContent(), /no figures for individual museums/);
  assert.deepEqual(errors, []);
  await page.close();
});

/** Presses Tab until the focus is inside `selector`; returns the number of presses. */
async function tabsUntil(page, selector, limit = 300) {
  for (let presses = 1; presses <= limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(s => document.activeElement?.closest(s) != null, selector)) return presses;
  }
  return Infinity;
}

test('keyboard: the skip link comes first and the table is a few Tabs away', async () => {
  const { page, errors } = await open('');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'skip-to-results');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'results');
  assert.match(page.url(), /\?v=1|\/$/, 'the skip link keeps the view');
  // Table-only view: every stop before the table counted.
  await gotoApp(page, '?view=table');
  const presses = await tabsUntil(page, '.table-wrap');
  assert.ok(presses <= 25, `table reached in ${presses} Tabs`);
  // The default line chart: once the chart is a single tab stop ([data-chart-focus]), the
  // table must be as close there too.
  await gotoApp(page, '');
  if (await page.locator('[data-chart-focus]').count() > 0) {
    const withChart = await tabsUntil(page, '.table-wrap');
    assert.ok(withChart <= 25, `table reached in ${withChart} Tabs past the chart`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('on a phone (360 × 780) the chart starts in the first screen', async () => {
  const { page, errors } = await open('', { width: 360, height: 780 });
  const top = await page.locator('figure.chart').evaluate(f => f.getBoundingClientRect().top + window.scrollY);
  assert.ok(top <= 800, `chart top at ${top}px`);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360, 'no sideways scrolling');
  assert.equal(await page.locator('#controls').isVisible(), false, 'controls folded away');
  assert.match(await page.locator('#choice-summary').textContent(), /UK loan venues; all \d+ museums; 2008\/09 to 2023\/24/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the printed A4 page holds every year of the table and no controls', async () => {
  const { page, errors } = await open('?compare=2015-16');
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  assert.ok(pdf.length > 10000 && pdf.subarray(0, 5).toString() === '%PDF-');
  // The same layout as the PDF, checked in the DOM: A4 landscape (297 mm) at 96 px per
  // inch, less the stylesheet's 8 mm margins, is 1062 px wide.
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 1062, height: 700 });
  const layout = await page.evaluate(() => {
    const table = document.querySelector('.results-table');
    const years = [...table.querySelectorAll('thead th[data-year]')];
    return {
      years: years.length,
      outside: years.filter(th => th.getBoundingClientRect().right > window.innerWidth + 0.5).map(th => th.dataset.year),
      tableRight: table.getBoundingClientRect().right,
      controlsShown: [...document.querySelectorAll('button, select, #controls, .page-nav')].filter(e => e.offsetParent !== null).length,
      permalink: document.querySelector('.print-permalink')?.offsetParent != null,
    };
  });
  assert.equal(layout.years, 16);
  assert.deepEqual(layout.outside, [], 'every year column inside the printed page');
  assert.ok(layout.tableRight <= 1062.5, `table right edge ${layout.tableRight}`);
  assert.equal(layout.controlsShown, 0, 'no controls or buttons printed');
  assert.ok(layout.permalink, 'the permalink is printed');
  assert.deepEqual(errors, []);
  await page.close();
});

test('printed from a dark screen, the page is dark ink on white paper', async () => {
  const page = await session.browser.newPage({ viewport: { width: 1062, height: 700 }, colorScheme: 'dark' });
  await gotoApp(page, '?compare=2015-16');
  const onScreen = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(onScreen, 'rgb(255, 255, 255)', 'dark on screen');
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => [document.body, document.querySelector('.results-table thead th'),
    document.querySelector('.results-table tbody th')].map(e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color]));
  const [body, head, name] = printed;
  assert.equal(body[0], 'rgb(255, 255, 255)');
  for (const [background, color] of [head, name]) {
    assert.ok(['rgb(255, 255, 255)', 'rgba(0, 0, 0, 0)'].includes(background), `cell background ${background}`);
    assert.ok(Math.max(...color.match(/\d+/g).slice(0, 3).map(Number)) < 60, `cell ink ${color}`);
  }
  await page.close();
});

test('moving to another page scrolls to the top and focuses its summary', async () => {
  const { page, errors } = await open('?page=headlines');
  const link = page.getByText('See these figures in the explorer').last();
  await link.scrollIntoViewIfNeeded();
  assert.ok(await page.evaluate(() => window.scrollY) > 300);
  await link.click();
  await page.waitForFunction(() => !/page=headlines/.test(location.search));
  await page.waitForFunction(() => document.activeElement?.id === 'view-summary');
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an echoed id is cut short and isolated', async () => {
  const { page } = await open(`?metric=${'x'.repeat(20000)}&museums=abc%E2%80%AEdef`);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 1280);
  const echoes = await page.locator('#url-notices bdi').allTextContents();
  assert.ok(echoes.length >= 2 && echoes.every(e => e.length <= 61), echoes.join(' | '));
  assert.ok(echoes.includes('abcdef'));
  await page.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no violations (${colorScheme})`, async () => {
    const states = ['', '?view=bar&from=2019-20&to=2019-20', '?view=table&compare=2015-16',
      '?museums=tate-gallery-group,national-gallery', '?museums=none', '?metric=loans_display',
      '?page=headlines', '?embed=1', '?embed=1&view=table'];
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme });
    const found = [];
    for (const query of states) {
      await gotoApp(page, query);
      found.push(...(await axeViolations(page)).map(v => `${query || 'home'}: ${v}`));
    }
    await page.click('#controls-toggle').catch(() => {});
    await gotoApp(page, '');
    await page.click('#controls-toggle');
    found.push(...(await axeViolations(page)).map(v => `controls open: ${v}`));
    assert.deepEqual(found, []);
    await page.close();
  });
}
