// Where a change's time goes: for each change kind of bench/run.mjs, the Chromium
// Performance.getMetrics deltas (script, style recalculation, layout) over 30 changes, with
// the latency and mutation counts. Not part of any test; a tool for latency work.
//   node bench/profile.mjs <app dist/ built for /app/> [kinds...] [--shots=dir]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { change } from './change.mjs';

const args = process.argv.slice(2);
const appDir = resolve(args[0]);
const shots = args.find(a => a.startsWith('--shots='))?.slice(8);
const kinds = args.slice(1).filter(a => !a.startsWith('--'));
const CHANGES = 30;
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.csv': 'text/csv' };

const server = await new Promise(done => {
  const s = createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith('/app/')) { res.writeHead(404).end(); return; }
    let file = normalize(join(appDir, path.slice(5)));
    const info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file).catch(() => undefined);
    if (!body) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' }).end(body);
  });
  s.listen(0, '127.0.0.1', () => done(s));
});
const app = `http://127.0.0.1:${server.address().port}/app/`;
const percentile = (values, p) => { const s = [...values].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p / 100 * s.length) - 1)]; };


const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', e => console.error(`app: ${e}`));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map(m => [m.name, m.value]));
  if (process.env.TRACE) {
    // One Chromium trace over 10 changes of each kind: main-thread self time by event name.
    for (const kind of kinds.length ? kinds : ['metric', 'museum', 'year', 'chart']) {
      await page.goto(app);
      await page.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0, null, { timeout: 30000 });
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'v8'] });
      const n = 10;
      for (let i = 0; i < n; i++) {
        await page.evaluate(i => performance.mark('change-start-' + i), i);
        await page.evaluate(change({ kind, i, tally: true }));
        await page.evaluate(i => performance.mark('change-end-' + i), i);
        await page.waitForTimeout(30);
      }
      const trace = JSON.parse((await browser.stopTracing()).toString());
      const events = trace.traceEvents;
      const marks = events.filter(e => e.name.startsWith('change-'));
      const startTs = Math.min(...marks.filter(e => e.name.startsWith('change-start')).map(e => e.ts));
      // the renderer main thread: the one with the marks
      const main = marks[0];
      const mine = events.filter(e => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts >= startTs);
      // self time: duration minus children's durations (events nest by time on one thread)
      mine.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
      const self = new Map(); const stack = [];
      for (const e of mine) {
        while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
        if (stack.length) stack.at(-1).childDur = (stack.at(-1).childDur ?? 0) + e.dur;
        stack.push(e);
      }
      for (const e of mine) self.set(e.name, (self.get(e.name) ?? 0) + (e.dur - (e.childDur ?? 0)) / 1000);
      console.log(`${kind} trace, ms per change (self time, renderer main thread):`);
      for (const [name, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 18)) console.log(`  ${(t / n).toFixed(2)}  ${name}`);
    }
  }
  for (const kind of kinds.length ? kinds : ['metric', 'museum', 'year', 'chart']) {
    await page.goto(app);
    await page.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0, null, { timeout: 30000 });
    const dom = await page.evaluate(() => document.getElementsByTagName('*').length);
    if (process.env.CPU_PROFILE) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp.send('Profiler.start'); }
    const rows = { ms: [], handler: [], mut: [], script: [], style: [], layout: [], styleN: [], layoutN: [], task: [] };
    for (let i = 0; i < CHANGES; i++) {
      const before = await metrics();
      const r = await page.evaluate(change({ kind, i, tally: true }));
      const after = await metrics();
      const d = k => after[k] - before[k];
      rows.ms.push(r.ms); (rows.raf ??= []).push(r.raf); rows.handler.push(r.handler); rows.mut.push(r.mutations);
      rows.script.push(d('ScriptDuration') * 1000); rows.style.push(d('RecalcStyleDuration') * 1000);
      rows.layout.push(d('LayoutDuration') * 1000); rows.styleN.push(d('RecalcStyleCount')); rows.layoutN.push(d('LayoutCount'));
      rows.task.push(d('TaskDuration') * 1000);
      await page.waitForTimeout(30);
    }
    if (process.env.CPU_PROFILE) {
      const { profile } = await cdp.send('Profiler.stop');
      const self = new Map(); const dt = new Map();
      profile.samples.forEach((id, j) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[j + 1] ?? 0)));
      for (const node of profile.nodes) {
        const name = `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').pop()}`;
        self.set(name, (self.get(name) ?? 0) + (dt.get(node.id) ?? 0) / 1000);
      }
      const top = [...self].filter(([n]) => !n.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.CPU_PROFILE));
      for (const [n, t] of top) console.log(`  ${(t / CHANGES).toFixed(2)} ms/change  ${n.slice(0, 150)}`);
      // The call tree, for the inclusive times and the callers below.
      const byId = new Map(profile.nodes.map(n => [n.id, n])); const parent = new Map();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      if (process.env.INCLUSIVE) {
        const inc = new Map();
        profile.samples.forEach((id, j) => { const t = (profile.timeDeltas[j + 1] ?? 0) / 1000; const seen = new Set(); let p = id;
          while (p) { const f = byId.get(p).callFrame.functionName.replace(/::h[0-9a-f]{16}$/, ''); if (!seen.has(f)) { seen.add(f); inc.set(f, (inc.get(f) ?? 0) + t); } p = parent.get(p); } });
        const re = new RegExp(process.env.INCLUSIVE);
        for (const [n, t] of [...inc].filter(([n]) => re.test(n)).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  incl ${(t / CHANGES).toFixed(2)} ms/change  ${n.slice(0, 140)}`);
      }
      if (process.env.CALLERS) {
        for (const want of process.env.CALLERS.split(',')) {
          const callers = new Map();
          for (const n of profile.nodes) if (n.callFrame.functionName === want) {
            let chain = []; let p = parent.get(n.id);
            while (p && chain.length < 8) { const f = byId.get(p).callFrame.functionName; if (f && !f.startsWith('__wbg') && !f.startsWith('wasm-to-js')) chain.push(f.replace(/::h[0-9a-f]{16}$/, '').slice(0, 90)); p = parent.get(p); }
            const k = chain.join(' < '); callers.set(k, (callers.get(k) ?? 0) + (dt.get(n.id) ?? 0) / 1000);
          }
          console.log(`callers of ${want}:`);
          for (const [k, t] of [...callers].sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log(`   ${(t / CHANGES).toFixed(2)} ${k}`);
        }
      }
    }
    const where = await page.evaluate(() => { const w = window.__where; window.__where = {}; return w; });
    console.log(`  mutations per change by nearest id: ${Object.entries(where).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}=${(v / CHANGES).toFixed(0)}`).join(' ')}`);
    const f = k => `${k}=${percentile(rows[k], 50).toFixed(1)}/${percentile(rows[k], 95).toFixed(1)}`;
    console.log(`${kind} elements=${dom} ${f('ms')} ${f('raf')} ${f('handler')} ${f('script')} ${f('style')} ${f('layout')} ${f('task')} ${f('styleN')} ${f('layoutN')} ${f('mut')}`);
  }
  if (shots) {
    for (const [w, scheme] of [[360, 'light'], [1440, 'light'], [360, 'dark'], [1440, 'dark']]) {
      const p = await browser.newPage({ viewport: { width: w, height: 900 }, colorScheme: scheme });
      await p.goto(app + '?compare=1');
      await p.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0, null, { timeout: 30000 });
      await p.screenshot({ path: `${shots}/page-${w}-${scheme}.png`, fullPage: true });
      await p.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
