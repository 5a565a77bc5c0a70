// Runs the benchmarks of scripts/bench.sh in headless Chromium and prints one line per result.
//   node bench/run.mjs <wasm-bindgen output dir> <app dist/ built for /app/>
// Serves, on a free loopback port: the bench page (bench/), the bound engine (/pkg/), this
// repository's node_modules (Arquero, DuckDB-Wasm: no CDN) and the release app (/app/).
// The bench page is cross-origin isolated (COOP/COEP) for the browser's 5 µs timer; the app
// is served as deployed.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { change } from './change.mjs';

const [pkgDir, appDir] = process.argv.slice(2).map(p => resolve(p));
const repo = resolve(new URL('..', import.meta.url).pathname);
const ROOTS = {
  '/bench/': join(repo, 'bench'),
  '/pkg/': pkgDir,
  '/node_modules/': join(repo, 'node_modules'),
  '/app/': appDir,
};
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.map': 'application/json',
  '.csv': 'text/csv', '.md': 'text/markdown', '.txt': 'text/plain',
};
const SIZES = [49, 489, 1954];          // years per museum and metric: ~100k, 1M and 4M facts
const APP_LOADS = 10;
const CHANGES = 30;

/** The file under one of ROOTS that `url` names, or undefined. */
async function fileFor(url) {
  const path = decodeURIComponent(new URL(url, 'http://x').pathname);
  const prefix = Object.keys(ROOTS).find(p => path.startsWith(p));
  if (!prefix) return undefined;
  const root = ROOTS[prefix];
  let file = normalize(join(root, path.slice(prefix.length)));
  if (!file.startsWith(root)) return undefined;
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) file = join(file, 'index.html');
  return { file, isolated: prefix !== '/app/' };
}

function serve() {
  const server = createServer(async (request, response) => {
    const found = await fileFor(request.url);
    const body = found && await readFile(found.file).catch(() => undefined);
    if (!body) { response.writeHead(404).end('not found'); return; }
    const headers = { 'Content-Type': TYPES[extname(found.file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' };
    if (found.isolated) Object.assign(headers, { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' });
    response.writeHead(200, headers).end(body);
  });
  return new Promise(done => server.listen(0, '127.0.0.1', () => done(server)));
}

const ms = x => x.toFixed(3);
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
};

async function engines(browser, origin) {
  const page = await browser.newPage();
  page.on('pageerror', e => console.error(`bench page: ${e}`));
  await page.goto(`${origin}/bench/`);
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 60000 });
  if (!await page.evaluate(() => crossOriginIsolated)) throw new Error('the bench page is not cross-origin isolated');
  for (const years of SIZES) {
    const r = await page.evaluate(y => window.benchSize(y), years);
    console.log(`facts=${r.facts} engine_ms=${ms(r.engine.ms)} arquero_ms=${ms(r.arquero.ms)} ` +
      `duckdb_ms=${ms(r.duckdb.ms)} js_floor_ms=${ms(r.js_floor.ms)} cells=${r.cells} ` +
      `engine_bytes_per_fact=${r.engine_bytes_per_fact.toFixed(1)} js_columns_bytes_per_fact=${r.js_bytes_per_fact}` +
      (r.duckdb_memory ? ` duckdb_memory="${r.duckdb_memory}"` : ''));
  }
  await page.close();
}

/** Time to performance.mark("app-ready") over fresh loads (a new browser context each). */
async function appReady(browser, app) {
  const ready = [], fcp = [];
  for (let i = 0; i < APP_LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(app);
    await page.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0, null, { timeout: 30000 });
    const t = await page.evaluate(() => ({
      ready: performance.getEntriesByName('app-ready')[0].startTime,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    }));
    ready.push(t.ready); fcp.push(t.fcp);
    await context.close();
  }
  console.log(`app_ready_ms p50=${percentile(ready, 50).toFixed(1)} p95=${percentile(ready, 95).toFixed(1)} ` +
    `fcp_p50=${percentile(fcp, 50).toFixed(1)} loads=${APP_LOADS}`);
}


// Two ways to make the changes. With the controls panel closed (the controls changed
// through the DOM), the chart is in view and must be redrawn in the change's frame: the
// harder case. With it open, as a reader changes them, the panel pushes the chart and the
// table below the fold, so the app draws both just after the frame (core::redraw).
async function latencies(browser, app, { open }) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', e => console.error(`app: ${e}`));
  const kinds = open ? ['metric', 'museum', 'year'] : ['noop', 'metric', 'museum', 'year', 'chart'];
  for (const kind of kinds) {
    await page.goto(app);
    await page.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0, null, { timeout: 30000 });
    if (open) await page.click('#controls-toggle');
    const times = [], busy = [], mutations = [], later = [], laterMutations = [], urls = new Set();
    for (let i = 0; i < CHANGES; i++) {
      const r = await page.evaluate(change({ kind, i }));
      times.push(r.ms); busy.push(r.busyMs); mutations.push(r.mutations); urls.add(r.url);
      later.push(r.laterBusyMs); laterMutations.push(r.laterMutations);
      await page.waitForTimeout(30);
    }
    if (kind !== 'noop' && urls.size < 2) throw new Error(`${kind}: the changes did not change the view`);
    const oneFrame = busy.filter(ms => ms <= 1000 / 60).length;
    console.log(`change=${kind} controls=${open ? 'open' : 'closed'} p50_ms=${percentile(times, 50).toFixed(1)} p95_ms=${percentile(times, 95).toFixed(1)} ` +
      `busy_p50_ms=${percentile(busy, 50).toFixed(1)} busy_p95_ms=${percentile(busy, 95).toFixed(1)} ` +
      `one_frame=${oneFrame}/${CHANGES} mutations_p50=${percentile(mutations, 50)} mutations_max=${Math.max(...mutations)} ` +
      `after_frame_busy_p50_ms=${percentile(later, 50).toFixed(1)} after_frame_busy_p95_ms=${percentile(later, 95).toFixed(1)} ` +
      `after_frame_mutations_p50=${percentile(laterMutations, 50)} after_frame_mutations_max=${Math.max(...laterMutations)}`);
  }
  await page.close();
}

const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  console.log(`chromium ${browser.version()}`);
  if (!process.env.BENCH_SKIP_ENGINES) await engines(browser, origin);
  if (appDir && !process.env.BENCH_SKIP_APP) {
    await appReady(browser, `${origin}/app/`);
    await latencies(browser, `${origin}/app/`, { open: false });
    await latencies(browser, `${origin}/app/`, { open: true });
  }
} finally {
  await browser.close();
  server.close();
}
