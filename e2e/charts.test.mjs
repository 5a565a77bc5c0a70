// End-to-end: the charts tell the reports' story and stand alone when downloaded (issue 8),
// and are walked by keyboard from one tab stop (issue 9), against the release build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { download, openInContext, useBrowser } from './helpers.mjs';

const session = useBrowser();

/** A page at `query`, `width` px wide, accepting downloads; resolves once the app is ready. */
const open = (query, width = 1280) =>
  openInContext(session.browser, query, { viewport: { width, height: 900 } });

/** Names of the series the chart on screen draws, as its legend lists them. */
const drawnSeriesNames = page => page.$$eval('.chart-legend [data-legend]', items => items.map(item => item.textContent.trim()));

/**
 * Renders a downloaded SVG on its own in a fresh page and returns its size and every text
 * element's box, so nothing outside the image can hide.
 */
async function renderAlone(svgText) {
  const page = await session.browser.newPage();
  await page.setContent(`<!doctype html><body style="margin:0">${svgText}</body>`);
  const result = await page.$eval('svg', svg => ({
    width: Number(svg.getAttribute('width')),
    height: Number(svg.getAttribute('height')),
    texts: [...svg.querySelectorAll('text')]
      .filter(t => getComputedStyle(t).display !== 'none' && !t.closest('.chart-tooltip'))
      .map(t => { const b = t.getBoundingClientRect(); return { text: t.textContent, left: b.left, right: b.right, top: b.top, bottom: b.bottom }; }),
    sources: [...svg.querySelectorAll('text.source')].map(t => t.textContent),
    legend: [...svg.querySelectorAll('g.legend-entry')].map(g => [...g.querySelectorAll('text')].map(t => t.textContent).join(' ')),
  }));
  await page.close();
  return result;
}

for (const [name, query, width] of [
  ['UK audience, sector and British Museum', '?metric=audience_display_uk&view=line', 1280],
  ['the default view', '', 1280],
  ['the default view on a phone', '', 360],
]) {
  test(`the SVG download of ${name} stands alone`, async () => {
    const { page, context, errors } = await open(query, width);
    const names = await drawnSeriesNames(page);
    assert.ok(names.length >= 2, names.join(' | '));
    const file = await download(page, 'svg');
    const svg = file.bytes.toString('utf8');
    const alone = await renderAlone(svg);
    assert.deepEqual(alone.legend, names, 'the legend names every drawn series');
    assert.equal(svg.match(/Source:/g).length, 1, 'one source line');
    assert.ok(alone.sources.length >= 1 && alone.sources[0].startsWith('Source:'));
    for (const box of alone.texts) {
      assert.ok(box.left >= -0.5 && box.right <= alone.width + 0.5, `"${box.text}" inside the width (${box.left}–${box.right} of ${alone.width})`);
      assert.ok(box.top >= -0.5 && box.bottom <= alone.height + 0.5, `"${box.text}" inside the height`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the sector series is drawn, in a panel above when it dwarfs the museums', async () => {
  for (const metric of ['audience_display_uk', 'objects_display', 'objects_display_uk']) {
    const { page, context } = await open(`?metric=${metric}&view=line`);
    const years = await page.locator('#chart-svg g[data-series="all-national-museums"] path.points').getAttribute('data-years');
    assert.ok(years.split(' ').length >= 2, `${metric}: ${years}`);
    assert.match(await page.locator('.chart-subtitle').textContent(), /^All national museums, as published/);
    await context.close();
  }
});

test('year and break labels do not overlap at 360 px', async () => {
  const { page, context } = await open('?metric=uk_loan_venues', 360);
  const overlaps = await page.$$eval('#chart-svg', ([svg]) => {
    const boxes = selector => [...svg.querySelectorAll(selector)].map(t => t.getBoundingClientRect());
    const clash = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const pairs = list => list.flatMap((a, i) => list.slice(i + 1).filter(b => clash(a, b)).map(() => 1)).length;
    return { years: pairs(boxes('text.tick-label')), breaks: pairs(boxes('.series-break text')), count: boxes('.series-break text').length };
  });
  assert.ok(overlaps.count > 3, 'the default view has several breaks');
  assert.equal(overlaps.years, 0, 'tick labels overlap');
  assert.equal(overlaps.breaks, 0, 'break labels overlap');
  await context.close();
});

test('the chart is one tab stop; arrow keys walk and announce the points; Escape leaves', async () => {
  const { page, context } = await open('?metric=uk_loan_venues&museums=tate-gallery-group,national-gallery&from=2019-20&to=2023-24&view=line');
  assert.equal(await page.locator('#chart-svg [tabindex]').count(), 0, 'no point is a tab stop');
  await page.focus('[data-chart-focus]');
  await page.keyboard.press('ArrowRight');
  const first = await page.locator('#chart-announce').textContent();
  assert.match(first, /2019\/20: [\d,]+/);
  await page.keyboard.press('ArrowRight');
  assert.match(await page.locator('#chart-announce').textContent(), /2020\/21: [\d,]+ \(covid/i);
  await page.keyboard.press('ArrowDown');
  const across = await page.locator('#chart-announce').textContent();
  assert.match(across, /2020\/21/);
  assert.notEqual(across.split(',')[0], first.split(',')[0], 'another series');
  assert.equal(await page.locator('g.series.highlighted').count(), 1);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('g.series.highlighted').count(), 0);
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'chart-svg');
  await context.close();
});

/**
 * Every series line, point and bar on screen with its WCAG contrast against the colour
 * actually behind the chart (the nearest ancestor with an opaque background).
 */
const seriesContrasts = page => page.$eval('#chart-svg', svg => {
  const rgb = text => text.match(/[\d.]+/g).slice(0, 3).map(Number);
  const luminance = ([r, g, b]) => [r, g, b].map(c => c / 255)
    .map(c => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => { const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x); return (hi + 0.05) / (lo + 0.05); };
  let behind = svg;
  while (behind && (getComputedStyle(behind).backgroundColor === 'rgba(0, 0, 0, 0)')) behind = behind.parentElement;
  const background = rgb(behind ? getComputedStyle(behind).backgroundColor : 'rgb(255, 255, 255)');
  const marks = [...svg.querySelectorAll('g.series path, g.bar rect')];
  return marks.map(mark => {
    const style = getComputedStyle(mark);
    const paint = mark.matches('rect') ? style.fill : style.stroke;
    return { series: mark.closest('[data-series]')?.dataset.series ?? mark.closest('g.bar')?.textContent, paint, ratio: ratio(rgb(paint), background) };
  });
});

for (const colorScheme of ['light', 'dark']) {
  test(`every series keeps 3:1 against the chart's background (${colorScheme})`, async () => {
    for (const query of ['', '?series=total', '?view=bar&from=2019-20&to=2019-20', '?metric=audience_display_uk&view=line']) {
      const { page, context } = await openInContext(session.browser, query, { viewport: { width: 1280, height: 900 }, colorScheme });
      const marks = await seriesContrasts(page);
      // (At least two series, each a line and its points, or bars.)
      assert.ok(marks.length >= 4, `${query}: ${marks.length} marks`);
      const faint = [...new Set(marks.filter(m => m.ratio < 3).map(m => `${m.series} ${m.paint} ${m.ratio.toFixed(2)}:1`))];
      assert.deepEqual(faint, [], `${query || 'home'} (${colorScheme})`);
      await context.close();
    }
  });
}

test('the chart is drawn at about its laid-out size and every label stays inside it, at any width', async () => {
  for (const width of [360, 800, 1000, 1062, 1280, 1440]) {
    const { page, context } = await open('', width);
    const fit = await page.$eval('#chart-svg', svg => {
      const box = svg.getBoundingClientRect();
      const units = Number(svg.getAttribute('viewBox').split(' ')[2]);
      const rights = [...svg.querySelectorAll('text')].filter(t => !t.closest('.chart-tooltip')).map(t => t.getBoundingClientRect().right);
      return { scale: box.width / units, overhang: Math.max(...rights) - box.right, page: document.documentElement.scrollWidth };
    });
    assert.ok(fit.scale > 0.9 && fit.scale < 1.1, `${width} px: drawn at ${fit.scale.toFixed(2)}× its layout`);
    assert.ok(fit.overhang <= 0.5, `${width} px: a label ${fit.overhang.toFixed(1)} px past the chart's right edge`);
    assert.equal(fit.page, width, `${width} px: no sideways scrolling`);
    await context.close();
  }
});

test('a tap on a phone shows the figure of the point nearest to it; the mouse does the same', async () => {
  const query = '?metric=uk_loan_venues&museums=british-museum&from=2017-18&to=2019-20&view=line';
  for (const touch of [true, false]) {
    const options = touch ? { viewport: { width: 360, height: 800 }, hasTouch: true, isMobile: true } : { viewport: { width: 1280, height: 900 } };
    const { page, context } = await openInContext(session.browser, query, options);
    const box = await page.$eval('#chart-svg', svg => {
      svg.scrollIntoView({ block: 'center' });
      const shown = svg.getBoundingClientRect();
      const [, , width] = svg.getAttribute('viewBox').split(' ').map(Number);
      const path = svg.querySelector('path.points[data-museum="british-museum"]');
      const years = path.dataset.years.split(' ');
      const [x, y] = path.getAttribute('d').split('M')[years.indexOf('2018-19') + 1].split('m')[0].split(',').map(Number);
      return { x: shown.left + x * shown.width / width, y: shown.top + y * shown.width / width };
    });
    if (touch) await page.touchscreen.tap(box.x + 2, box.y + 2);
    else await page.mouse.move(box.x + 2, box.y + 2);
    const tooltip = page.locator('#chart-svg .chart-tooltip text');
    await tooltip.waitFor({ timeout: 5000 });
    assert.match(await tooltip.textContent(), /^British Museum, 2018\/19: [\d,]+$/, touch ? 'tap' : 'mouse');
    if (!touch) {
      await page.mouse.move(5, 5);
      await tooltip.waitFor({ state: 'detached', timeout: 5000 });
    }
    await context.close();
  }
});
