// The core journeys, written once and run in every browser: chromium.test.mjs runs them in
// Chromium (Playwright), firefox.test.mjs in Firefox (WebDriver via geckodriver). Not a test
// file itself. Each journey gets a driver `d` with this small interface:
//   d.open(query)            load BASE + query, resolve once the app marks itself ready
//   d.select(css, value)     choose an option as a reader would (fires change)
//   d.click(css)             click an element
//   d.attr(css, name)        an attribute of the first match, waiting for it to exist
//   d.count(css)             how many elements match now
//   d.waitForUrl(regex)      until the address bar matches and the next frame is drawn (an
//                            off-screen chart or table is redrawn just after it: see
//                            core::redraw)
//   d.url()                  the address bar
//   d.back(), d.forward()    the browser's history buttons
//   d.download(kind)         click [data-export=kind]; resolves to { name, bytes } of the file
import assert from 'node:assert/strict';

/** The table cell of one museum (or `total`, …) and year slug. */
const cell = (museum, year) => `td[data-museum="${museum}"][data-year="${year}"]`;

const PERMALINK = '?metric=uk_loan_venues&museums=british-museum,tate-gallery-group&from=2016-17&to=2023-24';
const DOWNLOAD_VIEW = '?v=1&metric=uk_loan_venues&from=2015-16&to=2023-24&view=line';
const DOWNLOAD_NAME = 'uk_loan_venues_2015-16_to_2023-24';

export const journeys = [
  {
    name: 'a permalink restores its view',
    async run(d) {
      await d.open(PERMALINK);
      assert.equal(await d.attr(cell('british-museum', '2019-20'), 'data-value'), '195');
      assert.equal(await d.count('tbody tr'), 2);
      assert.equal(await d.count('td[data-museum="total"]'), 8);
      assert.equal(await d.count('#loading'), 0, 'loading message replaced');
    },
  },
  {
    name: 'metric, museums and years change the view; back and forward restore it',
    async run(d) {
      await d.open('?metric=uk_loan_venues');
      // The controls are folded under "Change what is shown"; a reader opens them first.
      await d.click('#controls-toggle');
      await d.select('#metric', 'objects_display');
      await d.waitForUrl(/metric=objects_display/);
      assert.equal(await d.attr(cell('all-national-museums', '2019-20'), 'data-value'), '71205');
      await d.back();
      await d.waitForUrl(/metric=uk_loan_venues/);
      assert.equal(await d.attr(cell('british-museum', '2019-20'), 'data-value'), '195');
      await d.forward();
      await d.waitForUrl(/metric=objects_display/);
      assert.equal(await d.attr(cell('all-national-museums', '2019-20'), 'data-value'), '71205');
      await d.back();
      await d.waitForUrl(/metric=uk_loan_venues/);
      // Museums: unticking one leaves the others, in the URL and the table.
      await d.attr(cell('british-museum', '2019-20'), 'data-value');
      await d.click('#museum-british-museum');
      await d.waitForUrl(/museums=/);
      assert.equal(await d.count('td[data-museum="british-museum"]'), 0);
      assert.ok(await d.count('td[data-museum="tate-gallery-group"]') > 0);
      // Years: the range follows the two selects.
      await d.select('#year-from', '2018-19');
      await d.waitForUrl(/from=2018-19/);
      await d.select('#year-to', '2019-20');
      await d.waitForUrl(/to=2019-20/);
      assert.equal(await d.count('td[data-museum="tate-gallery-group"]'), 2);
      await d.back();
      await d.waitForUrl(/from=2018-19(?!.*to=2019-20)/);
      assert.ok(await d.count('td[data-museum="tate-gallery-group"]') > 2);
    },
  },
  {
    name: 'CSV and JSON downloads hold the view',
    async run(d) {
      await d.open(DOWNLOAD_VIEW);
      const csv = await d.download('csv');
      assert.equal(csv.name, `${DOWNLOAD_NAME}.csv`);
      const text = csv.bytes.toString('utf8');
      assert.match(text, /^# title: UK loan venues by museum, 2015\/16 to 2023\/24/);
      assert.match(text, /\r\ntotal,[^\r\n]*,2017\/18,uk_loan_venues,[^\r\n]*,1279,/);
      const json = await d.download('json');
      assert.equal(json.name, `${DOWNLOAD_NAME}.json`);
      const data = JSON.parse(json.bytes.toString('utf8'));
      assert.equal(data.metric.id, 'uk_loan_venues');
      assert.equal(data.cells.find(c => c.museum_id === 'total' && c.year === '2017/18').value, 1279);
    },
  },
  {
    name: 'SVG and PNG downloads hold the chart',
    async run(d) {
      await d.open(DOWNLOAD_VIEW);
      const svg = await d.download('svg');
      assert.equal(svg.name, `${DOWNLOAD_NAME}.svg`);
      const text = svg.bytes.toString('utf8');
      assert.match(text, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      assert.match(text, /UK loan venues, 2015\/16 to 2023\/24/);
      // One points path per series (two with hollow points), as on screen.
      const paths = text.match(/data-years="[^"]*"/g) ?? [];
      assert.ok(paths.length > 0);
      assert.equal(paths.length, await d.count('#chart-svg path.points'));
      assert.equal(paths[0], `data-years="${await d.attr('#chart-svg path.points', 'data-years')}"`);
      const png = await d.download('png');
      assert.equal(png.name, `${DOWNLOAD_NAME}.png`);
      assert.deepEqual([...png.bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
      assert.ok(png.bytes.length > 5000, `PNG of ${png.bytes.length} bytes`);
    },
  },
];
