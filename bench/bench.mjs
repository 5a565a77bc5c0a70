// The browser side of scripts/bench.sh: the timed view "one metric, 16 years, every museum"
// (1,024 cells) on the same synthetic facts in four engines, checked to agree, then timed.
//   engine   - the explorer's own build_table (examples/bench_wasm.rs, the app's release profile)
//   arquero  - Arquero 7: filter, groupby, rollup(sum)
//   duckdb   - DuckDB-Wasm (its browser worker): a prepared GROUP BY query
//   js_floor - plain JS binary search over the same sorted typed-array columns
// bench/run.mjs drives it: window.benchSize(years) returns one size's numbers.
import init, * as engine from '/pkg/bench_wasm.js';
import * as duckdb from '/node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser.mjs';

const aq = window.aq;
const DUCKDB = '/node_modules/@duckdb/duckdb-wasm/dist/';
const RUNS = 15;
/** Each sample times enough calls to last this long (timer resolution is 5 µs isolated). */
const SAMPLE_MS = 5;
const WARM_UP_CALLS = 20;
const WARM_UP_MS = 200;

/** First index in [lo, hi) whose value is at least `v` (the column is sorted there). */
function lowerBound(column, lo, hi, v) {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (column[mid] < v) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** The floor: the metric's range, each museum's run in it, each run's years; sums per cell. */
function jsFloor(c, metric, from, to) {
  const out = [];
  const lo = lowerBound(c.metric, 0, c.metric.length, metric);
  const hi = lowerBound(c.metric, lo, c.metric.length, metric + 1);
  for (let i = lo; i < hi;) {
    const museum = c.museum[i];
    const end = lowerBound(c.museum, i, hi, museum + 1);
    for (let j = lowerBound(c.year, i, end, from); j < end && c.year[j] <= to;) {
      const year = c.year[j];
      let sum = 0;
      for (; j < end && c.year[j] === year; j++) sum += c.value[j];
      out.push(museum, year, sum);
    }
    i = end;
  }
  return out;
}

/** Cells as sorted "museum year sum" lines, for comparing the engines' answers. */
const lines = triples => {
  const out = [];
  for (let i = 0; i < triples.length; i += 3) out.push(`${triples[i]} ${triples[i + 1]} ${triples[i + 2]}`);
  return out.sort();
};
const rowsOf = rows => lines(rows.flatMap(r => [Number(r.museum), Number(r.year), Number(r.sum)]));

let connection;
async function duckdbConnection() {
  if (connection) return connection;
  const worker = new Worker(`${DUCKDB}duckdb-browser-eh.worker.js`);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(`${DUCKDB}duckdb-eh.wasm`);
  connection = await db.connect();
  return connection;
}

/**
 * Median per-call time (ms) of each of `calls` ({name: [call, isAsync]}): RUNS samples each,
 * a sample being as many calls as SAMPLE_MS needs; the engines take turns sample by sample,
 * so a burst of load elsewhere on the machine hits them alike.
 */
async function timeAll(calls) {
  const batch = async ([call, isAsync], reps) => {
    const t = performance.now();
    if (isAsync) for (let r = 0; r < reps; r++) await call();
    else for (let r = 0; r < reps; r++) call();
    return (performance.now() - t) / reps;
  };
  const reps = {}, samples = {};
  for (const [name, call] of Object.entries(calls)) {
    // Warm up (JIT tiers, caches): at least WARM_UP_CALLS calls and WARM_UP_MS of them.
    for (let i = 0, t = performance.now(); i < WARM_UP_CALLS || performance.now() - t < WARM_UP_MS; i++) await batch(call, 1);
    reps[name] = Math.max(1, Math.min(2000, Math.ceil(SAMPLE_MS / Math.max(await batch(call, 1), 0.001))));
    samples[name] = [];
  }
  for (let s = 0; s < RUNS; s++) {
    for (const [name, call] of Object.entries(calls)) samples[name].push(await batch(call, reps[name]));
  }
  const median = values => [...values].sort((a, b) => a - b)[values.length >> 1];
  return Object.fromEntries(Object.keys(calls).map(name => [name, { ms: median(samples[name]), reps: reps[name] }]));
}

/** Generates the table of `years` years, loads it into every engine, checks, times. */
window.benchSize = async years => {
  const facts = engine.generate(years);
  const [metric, from, to] = engine.timed_query(years);
  const columns = {
    metric: engine.column_metric(), museum: engine.column_museum(),
    year: engine.column_year(), value: engine.column_value(),
  };
  const table = aq.table(columns);
  const conn = await duckdbConnection();
  await conn.query('DROP TABLE IF EXISTS facts');
  await conn.insertArrowFromIPCStream(aq.toArrowIPC(table, { format: 'stream' }), { name: 'facts', create: true });
  const statement = await conn.prepare(
    'SELECT museum, year, sum(value) AS sum FROM facts WHERE metric = ? AND year BETWEEN ? AND ? GROUP BY museum, year');
  const arquero = () => table.params({ metric, from, to })
    .filter((d, $) => d.metric === $.metric && d.year >= $.from && d.year <= $.to)
    .groupby('museum', 'year').rollup({ sum: aq.op.sum('value') });

  // The same groups and sums from all four, or no timing at all.
  const answers = {
    engine: lines(engine.engine_answer()),
    arquero: rowsOf(arquero().objects()),
    duckdb: rowsOf((await statement.query(metric, from, to)).toArray().map(r => r.toJSON())),
    js_floor: lines(jsFloor(columns, metric, from, to)),
  };
  for (const [name, answer] of Object.entries(answers)) {
    if (answer.length !== 1024) throw new Error(`${name}: ${answer.length} cells, not 1,024`);
    if (answer.join('\n') !== answers.engine.join('\n')) throw new Error(`${name} and the engine disagree`);
  }

  const result = {
    facts, cells: answers.engine.length,
    ...await timeAll({
      engine: [() => engine.engine_query(), false],
      arquero: [() => arquero().numRows(), false],
      duckdb: [() => statement.query(metric, from, to), true],
      js_floor: [() => jsFloor(columns, metric, from, to), false],
    }),
  };
  await statement.close();
  result.engine_bytes_per_fact = engine.bytes_per_fact();
  result.js_bytes_per_fact = (columns.metric.BYTES_PER_ELEMENT * 3 + columns.value.BYTES_PER_ELEMENT);
  try {
    const size = (await conn.query('CALL pragma_database_size()')).toArray()[0].toJSON();
    result.duckdb_memory = String(size.memory_usage);
  } catch { /* not reported by this build */ }
  return result;
};

await init({ module_or_path: '/pkg/bench_wasm_bg.wasm' });
window.benchReady = true;
document.getElementById('status').textContent = 'Ready: call benchSize(years).';
