/**
 * Bench page (built by scripts/bench/vite.aggregate.config.ts into dist-bench/aggregate/):
 * aggregates n seeded random points into the 199 real counties in the engine's Web Worker,
 * through the app's own client, while watching the main thread:
 * - long tasks (PerformanceObserver 'longtask': main-thread tasks over 50 ms);
 * - the largest gap between animation frames.
 * Driven from Node by scripts/bench/aggregate.ts via window.__aggBench.
 */
import countiesUrl from '../../../geodata/basemap/jjj_counties.geojson?url';
import { createAggregator, type Aggregator } from '../../../src/geo/aggregate/client';
import { randomPoints } from '../../../tests/support/random';

export interface BrowserAggRun {
  /** post → result on the main thread, ms */
  wallMs: number;
  /** time spent counting inside the worker, ms */
  workerMs: number;
  /** longest main-thread long task overlapping the run (0 if none), ms */
  longestTaskMs: number;
  longTasks: number;
  /** largest gap between two animation frames during the run, ms */
  maxFrameGapMs: number;
}

export interface BrowserAggResult {
  n: number;
  setupMs: number;
  /** the region index build inside the worker, ms */
  buildMs: number;
  warmup: BrowserAggRun;
  runs: BrowserAggRun[];
  counts: number[];
  outside: number;
  /** control: the long task the observer recorded for a deliberate 120 ms busy loop (0 = missed) */
  controlTaskMs: number;
  userAgent: string;
}

declare global {
  interface Window {
    __aggBench?: (n: number, runs: number, seed: number) => Promise<BrowserAggResult>;
    __aggBenchReady?: boolean;
  }
}

const longTasks: { start: number; end: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
}).observe({ type: 'longtask', buffered: true });

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let agg: Aggregator | null = null;

async function measured(points: Float64Array): Promise<{ run: BrowserAggRun; counts: number[]; outside: number }> {
  await nextFrame();
  await nextFrame();
  // frame gaps while the worker counts
  let last = performance.now();
  let maxGap = 0;
  let watching = true;
  const watch = (t: number) => {
    maxGap = Math.max(maxGap, t - last);
    last = t;
    if (watching) requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
  const t0 = performance.now();
  const res = await agg!.aggregatePoints('counties', points);
  const t1 = performance.now();
  watching = false;
  maxGap = Math.max(maxGap, t1 - last);
  await sleep(200); // let the long-task observer deliver
  const overlapping = longTasks.filter((lt) => lt.end > t0 && lt.start < t1);
  return {
    run: {
      wallMs: t1 - t0,
      workerMs: res.ms,
      longestTaskMs: Math.max(0, ...overlapping.map((lt) => lt.end - lt.start)),
      longTasks: overlapping.length,
      maxFrameGapMs: maxGap,
    },
    counts: Array.from(res.counts),
    outside: res.outside,
  };
}

window.__aggBench = async (n, runs, seed) => {
  const t0 = performance.now();
  agg ??= createAggregator();
  const info = await agg.setRegions('counties', new URL(countiesUrl, location.href).href);
  const setupMs = performance.now() - t0;
  const base = randomPoints(n, info.bbox, seed);
  const warmup = (await measured(randomPoints(Math.min(n, 100_000), info.bbox, seed + 1))).run;
  const out: BrowserAggRun[] = [];
  let counts: number[] = [];
  let outside = 0;
  for (let i = 0; i < runs; i++) {
    const r = await measured(base.slice()); // the copy is transferred to the worker
    out.push(r.run);
    counts = r.counts;
    outside = r.outside;
  }
  // control: a deliberate 120 ms main-thread task must show up as a long task
  await nextFrame();
  const c0 = performance.now();
  while (performance.now() - c0 < 120) {
    /* busy */
  }
  const c1 = performance.now();
  await sleep(200);
  const control = longTasks.filter((lt) => lt.end > c0 && lt.start < c1);
  const controlTaskMs = Math.max(0, ...control.map((lt) => lt.end - lt.start));
  return { n, setupMs, buildMs: info.buildMs, warmup, runs: out, counts, outside, controlTaskMs, userAgent: navigator.userAgent };
};
window.__aggBenchReady = true;
