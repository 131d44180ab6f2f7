/**
 * Bench (issue 4): time from a filter change to the next rendered frame, in headless Chromium,
 * for the plan data and for the plan data plus 100,000 synthetic points in an extra deck layer
 * that takes part in the filter, against the time of an empty frame in the same page.
 *
 * The page (scripts/bench/filter-page → dist-bench/filter/) mounts the real app; see its
 * main.tsx for how the synthetic layer joins without changing the app. Per sample:
 * - change: in a fresh animation frame, performance.now(), click the layer checkbox #layer-g1
 *   (alternately off/on) → the first map `render` event after the app handed the overlay its
 *   new layers (maplibre fires `render` after the frame's custom layers, i.e. deck, have been
 *   drawn), plus a 1×1 readPixels so the time includes the GPU executing the frame;
 * - empty: in a fresh animation frame, performance.now(), map.triggerRepaint() → next `render`
 *   (+ readPixels).
 * Before each: the map has stopped rendering (no `render` for 2 animation frames) and the GPU
 * is drained. Without the readPixels the GPU backlog of one measurement (SwiftShader runs on
 * the CPU, asynchronously) lands in the next one and the figures are meaningless.
 * Changes and empty frames are interleaved; 4 warm-up pairs are discarded. frames = median
 * change / median empty frame of the same page.
 *
 *   npm run bench -- filter          as part of the runner (scripts/bench/run.ts)
 *   npx tsx scripts/bench/filter.ts  standalone (needs nothing built: builds its own page)
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { launch } from '../../tests/e2e/browser';
import { serveDist } from '../../tests/e2e/server';
import { formatTable, median, type BenchContext, type BenchModule, type BenchOutcome } from './types';
import type { FilterBenchResult } from './filter-page/main';

export const FILTER_FRAMES_TARGET = 2; // a filter change with 100,000 points costs < 2 frames
const CHANGES = 50;
const VARIANTS = [0, 100_000];

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

async function runVariant(url: string, points: number): Promise<FilterBenchResult> {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
    });
    await page.goto(`${url}?points=${points}`);
    await page.waitForFunction(() => window.__filterBenchReady === true, null, { timeout: 90_000, polling: 100 });
    const result = await page.evaluate((n) => window.__filterBench!(n), CHANGES);
    if (errors.length) throw new Error(`bench page errors: ${errors.join('; ')}`);
    if (points > 0 && !result.syntheticDrawn) throw new Error('the synthetic layer never reached the overlay');
    return result;
  } finally {
    await close();
  }
}

export async function runFilterBench(ctx: BenchContext): Promise<BenchOutcome> {
  await build({ configFile: path.join(ctx.root, 'scripts/bench/vite.filter.config.ts'), logLevel: 'warn' });
  const server = await serveDist(path.join(ctx.root, 'dist-bench/filter'));
  const results: FilterBenchResult[] = [];
  try {
    for (const n of VARIANTS) {
      const r = await runVariant(server.url, n);
      results.push(r);
      process.stderr.write(`  ${n.toLocaleString('en')} points: change median ${fmt(median(r.samples.map((s) => s.changeMs)))} ms, empty ${fmt(median(r.samples.map((s) => s.emptyMs)))} ms\n`);
    }
  } finally {
    await server.close();
  }
  const planEmpty = median(results[0]!.samples.map((s) => s.emptyMs));
  const rows = results.map((r) => {
    const change = r.samples.map((s) => s.changeMs);
    const empty = median(r.samples.map((s) => s.emptyMs));
    const c = median(change);
    return {
      points: r.points,
      empty,
      change: c,
      frames: c / empty,
      framesVsPlanEmpty: c / planEmpty,
      p90: [...change].sort((a, b) => a - b)[Math.floor(change.length * 0.9)]!,
      max: Math.max(...change),
    };
  });
  const big = rows.find((r) => r.points === 100_000)!;
  const met = big.frames < FILTER_FRAMES_TARGET;
  return {
    tables: [
      {
        title: `Filter change → next rendered frame, headless Chromium (SwiftShader WebGL), medians of ${CHANGES} changes`,
        headers: ['data', 'empty frame ms', 'filter change ms', 'frames', 'frames vs plan-only empty', 'change p90 ms', 'change max ms'],
        rows: rows.map((r) => [
          r.points ? `plan + ${r.points.toLocaleString('en')} synthetic points` : 'plan only',
          fmt(r.empty),
          fmt(r.change),
          r.frames.toFixed(2),
          r.framesVsPlanEmpty.toFixed(2),
          fmt(r.p90),
          fmt(r.max),
        ]),
        notes: [
          `${results[0]!.userAgent.replace(/^Mozilla\/5\.0 /, '')}; canvas ${results[0]!.canvas.width}×${results[0]!.canvas.height}`,
          'change = click #layer-g1 (alternately off/on; the synthetic points are split over the 8 plan layers, so 1/8 of them toggle too) → first map `render` after the overlay got the new layers, + 1×1 readPixels (GPU done); empty = triggerRepaint → next `render` + readPixels; both started in a fresh animation frame on a settled map with the GPU drained, so both include the wait for the next frame',
          'frames = filter change / empty frame of the same page (the empty frame there draws the same scene)',
          `with 100,000 points: ${big.frames.toFixed(2)} frames; target < ${FILTER_FRAMES_TARGET} → ${met ? 'MET' : 'NOT MET'}`,
        ],
      },
    ],
    targets: [{ name: `filter change with 100,000 points < ${FILTER_FRAMES_TARGET} frames`, met, value: `${big.frames.toFixed(2)} frames (${fmt(big.change)} / ${fmt(big.empty)} ms)` }],
  };
}

export const filter: BenchModule = {
  name: 'filter',
  description: 'filter change → next frame, plan data and plan + 100,000 points, vs an empty frame (Chromium)',
  run: (ctx) => runFilterBench(ctx),
};

// standalone: npx tsx scripts/bench/filter.ts
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const root = path.resolve(import.meta.dirname, '../..');
  const out = await runFilterBench({ root, runs: 5 });
  for (const t of out.tables) console.log(formatTable(t) + '\n');
}
