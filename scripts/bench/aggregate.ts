/**
 * Bench: the aggregation engine (src/geo/aggregate, issue 5).
 *
 * Node: 10,000 / 100,000 / 1,000,000 seeded random points in the counties' bbox aggregated
 * into the 199 real county polygons, indexed engine (aggregatePoints) against naive Turf
 * (turf.pointsWithinPolygon once per county; only up to 100,000 points: ~8 s a run here),
 * medians of repeated runs, with the ratio; the counts of both are compared.
 *
 * Browser: the bench page (scripts/bench/aggregate-page, built into dist-bench/aggregate/)
 * aggregates 1,000,000 points in the engine's Web Worker through the app's client, in headless
 * Chromium, while a PerformanceObserver records main-thread long tasks (> 50 ms) and a rAF loop
 * the largest gap between frames.
 *
 *   npm run bench -- aggregate                    as part of the runner (scripts/bench/run.ts)
 *   npx tsx scripts/bench/aggregate.ts            standalone
 *   npx tsx scripts/bench/aggregate.ts --node     standalone, Node part only
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { featureCollection, point, pointsWithinPolygon } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { aggregatePoints, buildRegionIndex, type RegionIndex } from '../../src/geo/aggregate';
import { randomPoints } from '../../tests/support/random';
import { formatTable, median, type BenchContext, type BenchModule, type BenchOutcome, type BenchTable } from './types';

export const AGG_RATIO_TARGET = 30; // indexed vs naive at 100,000 points
export const AGG_WORKER_1M_TARGET_MS = 1500;
export const AGG_LONG_TASK_TARGET_MS = 50;

const SEED = 20190101;
const SIZES = [10_000, 100_000, 1_000_000];
const NAIVE_MAX = 100_000;
const BROWSER_N = 1_000_000;
const BROWSER_RUNS = 3;

type Regions = FeatureCollection<Polygon | MultiPolygon>;

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

function naiveCounts(regions: Regions, xy: Float64Array): number[] {
  const pts = featureCollection(Array.from({ length: xy.length / 2 }, (_, i) => point([xy[i * 2]!, xy[i * 2 + 1]!])));
  return regions.features.map((f) => pointsWithinPolygon(pts, f).features.length);
}

interface NodeRow {
  n: number;
  indexedMs: number[];
  naiveMs: number[];
  identical: boolean | null;
  counts: number[];
}

function nodePart(regions: Regions, runs: number): { index: RegionIndex; buildMs: number[]; rows: NodeRow[] } {
  const buildMs: number[] = [];
  let index = buildRegionIndex(regions, { id: 'counties' });
  for (let i = 0; i < runs; i++) {
    const b = time(() => buildRegionIndex(regions, { id: 'counties' }));
    buildMs.push(b.ms);
    index = b.value;
  }
  const rows: NodeRow[] = [];
  for (const n of SIZES) {
    const xy = randomPoints(n, index.bbox, SEED);
    aggregatePoints(index, xy); // warm-up
    const indexedMs: number[] = [];
    let counts: number[] = [];
    for (let i = 0; i < runs; i++) {
      const r = time(() => aggregatePoints(index, xy));
      indexedMs.push(r.ms);
      counts = Array.from(r.value.counts);
    }
    const naiveMs: number[] = [];
    let identical: boolean | null = null;
    if (n <= NAIVE_MAX) {
      // the slowest: 3 runs (each ~1 s at 10,000 and ~8 s at 100,000 points here)
      for (let i = 0; i < 3; i++) {
        const r = time(() => naiveCounts(regions, xy));
        naiveMs.push(r.ms);
        identical = (identical ?? true) && r.value.every((c, k) => c === counts[k]);
        process.stderr.write(`  naive ${n.toLocaleString('en')} run ${i + 1}/3: ${Math.round(r.ms)} ms\n`);
      }
    }
    rows.push({ n, indexedMs, naiveMs, identical, counts });
    process.stderr.write(`  indexed ${n.toLocaleString('en')}: median ${fmt(median(indexedMs))} ms\n`);
  }
  return { index, buildMs, rows };
}

interface BrowserRun {
  wallMs: number;
  workerMs: number;
  longestTaskMs: number;
  longTasks: number;
  maxFrameGapMs: number;
}
interface BrowserResult {
  n: number;
  setupMs: number;
  buildMs: number;
  warmup: BrowserRun;
  runs: BrowserRun[];
  counts: number[];
  outside: number;
  controlTaskMs: number;
  userAgent: string;
}

async function browserPart(root: string): Promise<BrowserResult> {
  const { build } = await import('vite');
  const { launch } = await import('../../tests/e2e/browser');
  const { serveDist } = await import('../../tests/e2e/server');
  await build({ configFile: path.join(root, 'scripts/bench/vite.aggregate.config.ts'), logLevel: 'warn' });
  const server = await serveDist(path.join(root, 'dist-bench/aggregate'));
  const { context, close } = await launch({ webgl: false });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
    });
    await page.goto(server.url);
    await page.waitForFunction(() => window.__aggBenchReady === true, null, { timeout: 30_000 });
    const result = await page.evaluate(
      ([n, runs, seed]) => window.__aggBench!(n, runs, seed),
      [BROWSER_N, BROWSER_RUNS, SEED] as const,
    );
    if (errors.length) throw new Error(`bench page errors: ${errors.join('; ')}`);
    return result;
  } finally {
    await close();
    await server.close();
  }
}

export async function runAggregateBench(ctx: BenchContext, opts: { browser?: boolean } = {}): Promise<BenchOutcome> {
  const regions = JSON.parse(readFileSync(path.join(ctx.root, 'geodata/basemap/jjj_counties.geojson'), 'utf8')) as Regions;
  const runs = Math.max(5, ctx.runs);
  const { index, buildMs, rows } = nodePart(regions, runs);
  const tables: BenchTable[] = [];
  const targets: BenchOutcome['targets'] = [];
  const at100k = rows.find((r) => r.n === 100_000)!;
  const ratio100k = median(at100k.naiveMs) / median(at100k.indexedMs);
  tables.push({
    title: `Points into the ${index.size} real counties, Node ${process.version} (medians; indexed ${runs} runs, naive 3)`,
    headers: ['points', 'indexed ms', 'naive Turf ms', 'ratio', 'same counts', 'indexed runs ms'],
    rows: rows.map((r) => [
      r.n.toLocaleString('en'),
      fmt(median(r.indexedMs)),
      r.naiveMs.length ? fmt(median(r.naiveMs)) : '—',
      r.naiveMs.length ? `${(median(r.naiveMs) / median(r.indexedMs)).toFixed(0)}×` : '—',
      r.identical === null ? '—' : r.identical ? 'yes' : 'NO',
      r.indexedMs.map(fmt).join(' '),
    ]),
    notes: [
      `indexed = aggregatePoints (grid over the region bbox + per-part y-band edge tables; exact, = turf.booleanPointInPolygon); index build median ${fmt(median(buildMs))} ms (${index.stats.edges} edges, ${index.stats.cells} cells, ${index.stats.mixedCells} crossed by a boundary)`,
      `naive = turf.pointsWithinPolygon(points, county) for each of the ${index.size} counties (points FeatureCollection built beforehand, not timed)`,
      `ratio at 100,000 points: ${ratio100k.toFixed(0)}×; target ≥ ${AGG_RATIO_TARGET}× → ${ratio100k >= AGG_RATIO_TARGET ? 'MET' : 'NOT MET'}`,
    ],
  });
  targets.push({ name: `aggregate: indexed/naive at 100,000 points ≥ ${AGG_RATIO_TARGET}×`, met: ratio100k >= AGG_RATIO_TARGET, value: `${ratio100k.toFixed(0)}×` });
  const allSame = rows.every((r) => r.identical !== false);
  targets.push({ name: 'aggregate: indexed counts = naive Turf counts', met: allSame, value: allSame ? 'identical' : 'DIFFER' });

  if (opts.browser !== false) {
    const b = await browserPart(ctx.root);
    const nodeCounts = rows.find((r) => r.n === BROWSER_N)!.counts;
    const same = b.counts.length === nodeCounts.length && b.counts.every((c, i) => c === nodeCounts[i]);
    const wall = median(b.runs.map((r) => r.wallMs));
    const longest = Math.max(...b.runs.map((r) => r.longestTaskMs), b.warmup.longestTaskMs);
    const longCount = b.runs.reduce((s, r) => s + r.longTasks, b.warmup.longTasks);
    const row = (label: string, r: BrowserRun) => [
      label,
      fmt(r.wallMs),
      fmt(r.workerMs),
      r.longTasks,
      fmt(r.longestTaskMs),
      fmt(r.maxFrameGapMs),
    ];
    tables.push({
      title: `${BROWSER_N.toLocaleString('en')} points into ${index.size} counties in the Web Worker, headless Chromium`,
      headers: ['run', 'post → result ms', 'in worker ms', 'long tasks', 'longest task ms', 'max frame gap ms'],
      rows: [row('warm-up (100,000 points)', b.warmup), ...b.runs.map((r, i) => row(`run ${i + 1}`, r))],
      notes: [
        `${b.userAgent.replace(/^Mozilla\/5\.0 /, '')}`,
        `worker setup (fetch + index the 199 counties): ${fmt(b.setupMs)} ms, of which index build ${fmt(b.buildMs)} ms`,
        `counts equal to Node's indexed counts for the same points: ${same ? 'yes' : 'NO'}`,
        `median post → result ${fmt(wall)} ms; target < ${AGG_WORKER_1M_TARGET_MS} ms → ${wall < AGG_WORKER_1M_TARGET_MS ? 'MET' : 'NOT MET'}`,
        `main-thread long tasks during the runs: ${longCount} (longest ${fmt(longest)} ms); target none over ${AGG_LONG_TASK_TARGET_MS} ms → ${longCount === 0 ? 'MET' : 'NOT MET'}`,
        `observer control: a deliberate 120 ms main-thread busy loop was recorded as a ${fmt(b.controlTaskMs)} ms long task${b.controlTaskMs > 0 ? '' : ' — NOT SEEN: the long-task figures above are not trustworthy'}`,
      ],
    });
    targets.push({
      name: `aggregate: 1M points in the worker < ${AGG_WORKER_1M_TARGET_MS} ms`,
      met: wall < AGG_WORKER_1M_TARGET_MS && same,
      value: `${fmt(wall)} ms${same ? '' : ' (counts differ!)'}`,
    });
    targets.push({
      name: `aggregate: no main-thread task > ${AGG_LONG_TASK_TARGET_MS} ms meanwhile`,
      met: longCount === 0 && b.controlTaskMs > 0,
      value: longCount === 0 ? 'none' : `${longCount}, longest ${fmt(longest)} ms`,
    });
  }
  return { tables, targets };
}

export const aggregate: BenchModule = {
  name: 'aggregate',
  description: 'aggregation engine: points into 199 counties, indexed vs naive Turf (Node), 1M points in the worker (Chromium)',
  run: (ctx) => runAggregateBench(ctx),
};

// standalone: npx tsx scripts/bench/aggregate.ts [--node]
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const root = path.resolve(import.meta.dirname, '../..');
  const t0 = Date.now();
  const out = await runAggregateBench({ root, runs: Number(process.env.BENCH_RUNS ?? 5) || 5 }, { browser: !process.argv.includes('--node') });
  for (const t of out.tables) console.log(formatTable(t) + '\n');
  console.log(
    formatTable({ title: 'Targets', headers: ['target', 'value', 'status'], rows: out.targets.map((t) => [t.name, t.value, t.met ? 'met' : 'NOT met']) }),
  );
  process.stderr.write(`[bench] aggregate took ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}
