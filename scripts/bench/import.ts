/**
 * Bench: importing a file, app vs the floor, in headless Chromium on the production build.
 *
 * Four generated files (points over the capital region, never committed): GeoJSON of 100,000
 * and 800,000 points, CSV of 100,000 and 1,000,000 rows. For each, in the same run and
 * interleaved (≥ 3 repetitions, alternating which goes first; a fresh browser profile each):
 *
 * - app: the file chosen in the data tab (2 s after it opened, as a file dialog takes) → the
 *   layer listed (its row in the list) → drawn (deck has the layer's points, a frame later) →
 *   pixels (the GPU has finished that frame: a WebGL fence, polled without blocking); the
 *   longest main-thread task (Long Tasks API) from the choice until 2 s after drawn; the peak
 *   main-thread JS heap (CDP Runtime.getHeapUsage, every 100 ms); then the person comes back
 *   (the same profile in a new browser): navigation → the stored layer drawn, and the app's
 *   restore mark → drawn and → pixels.
 * - floor: the same file read whole in a worker (`file.text()`), `JSON.parse` or papaparse, the
 *   coordinates copied into a Float64Array and transferred to the page.
 * - peer: loaders.gl in a worker, called as kepler.gl's file handler calls it (./peer-page/), the
 *   coordinates copied and transferred as in the floor: where kepler.gl's loader stands.
 *
 * Prints app ÷ floor for listed and drawn, app ÷ peer (drawn), and restore → drawn vs import → drawn.
 */
import path from 'node:path';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { launch } from '../../tests/e2e/browser';
import { serveDist } from '../../tests/e2e/server';
import { instrument, waitForMapIdle, waitForStoredLayers } from '../../tests/e2e/harness';
import { build } from 'vite';
import { median, type BenchModule, type BenchTable } from './types';

export const IMPORT_RATIO_TARGET = 2;
export const HEAP_TARGET_MB = 60;
export const TASK_TARGET_MS = 50;
export const RELOAD_RATIO_TARGET = 0.3;

interface BenchFile {
  label: string;
  name: string;
  n: number;
  write: (file: string) => void;
}

const at = (j: number) => [(114 + (j % 2000) / 500).toFixed(5), (38 + Math.floor(j / 2000) / 160).toFixed(5)] as const;

function writeLines(file: string, n: number, head: string, line: (j: number) => string, sep: string, tail: string): void {
  const fd = openSync(file, 'w');
  writeSync(fd, head);
  for (let i = 0; i < n; i += 20_000) {
    const parts: string[] = [];
    for (let j = i; j < Math.min(n, i + 20_000); j++) parts.push(line(j));
    writeSync(fd, (i > 0 ? sep : '') + parts.join(sep));
  }
  writeSync(fd, tail);
  closeSync(fd);
}

const geojson = (n: number) => (file: string) =>
  writeLines(file, n, '{"type":"FeatureCollection","features":[', (j) => `{"type":"Feature","geometry":{"type":"Point","coordinates":[${at(j).join(',')}]},"properties":{"i":${j},"name":"point ${j}"}}`, ',', ']}');
const csv = (n: number) => (file: string) => writeLines(file, n, 'name,lon,lat,i\n', (j) => `point ${j},${at(j).join(',')},${j}`, '\n', '\n');

const FILES: BenchFile[] = [
  { label: 'GeoJSON, 100,000 points', name: 'points-100k.geojson', n: 100_000, write: geojson(100_000) },
  { label: 'CSV, 100,000 rows', name: 'rows-100k.csv', n: 100_000, write: csv(100_000) },
  { label: 'GeoJSON, 800,000 points', name: 'points-800k.geojson', n: 800_000, write: geojson(800_000) },
  { label: 'CSV, 1,000,000 rows', name: 'rows-1m.csv', n: 1_000_000, write: csv(1_000_000) },
];

const FLOOR_WORKER = `
onmessage = async (e) => {
  const file = e.data;
  const text = await file.text();
  let xy;
  if (file.name.endsWith('.csv')) {
    const rows = Papa.parse(text, { skipEmptyLines: true }).data;
    xy = new Float64Array((rows.length - 1) * 2);
    for (let i = 1; i < rows.length; i++) { xy[2 * i - 2] = +rows[i][1]; xy[2 * i - 1] = +rows[i][2]; }
  } else {
    const fs = JSON.parse(text).features;
    xy = new Float64Array(fs.length * 2);
    for (let i = 0; i < fs.length; i++) { const c = fs[i].geometry.coordinates; xy[2 * i] = c[0]; xy[2 * i + 1] = c[1]; }
  }
  postMessage(xy, [xy.buffer]);
};`;
const FLOOR_PAGE = `<!doctype html><meta charset="utf-8"><input type="file" id="f"><script src="floor-page.js"></script>`;
const FLOOR_PAGE_JS = `
const w = new Worker('floor.worker.js');
document.getElementById('f').addEventListener('change', (e) => {
  const t0 = performance.now();
  w.onmessage = (m) => { window.__floor = { ms: performance.now() - t0, n: m.data.length / 2 }; };
  w.postMessage(e.target.files[0]);
});`;

interface AppRun {
  listedMs: number;
  drawnMs: number;
  /** until the GPU had finished the frame that first drew the layer */
  pixelsMs: number;
  longestTaskMs: number;
  peakHeapMb: number;
  reloadDrawnMs: number;
  reloadPixelsMs: number;
  /** from the app's restore mark (User Timing 'jjj-atlas:restore', the stored layers asked for) */
  restoreDrawnMs: number;
  restorePixelsMs: number;
  /** from the restore mark to the layer's row in the list (the stored table read and in the store) */
  restoreListedMs: number;
  reloadLongestTaskMs: number;
  /** the longest task that began after the restore mark */
  restoreLongestTaskMs: number;
  /** the same profile reopened with nothing stored: navigation → the plan's layers drawn, → pixels */
  baseDrawnMs: number;
  basePixelsMs: number;
  /** … and its longest task after the restore mark: the app's start alone */
  baseLongestTaskMs: number;
}

interface Reopened {
  drawnAt: number;
  pixelsAt: number;
  listedAt: number;
  lt: [number, number][];
  mark: number;
}

/**
 * The person coming back: the same profile in a new browser, the link loaded, until `layer` (the
 * stored user layer, or the plan's layers when nothing is stored) is drawn and its frame is on
 * screen. Not page.reload(): on SwiftShader a page being left waits for its queued frames before
 * its GL context goes (DestroyCommandBuffer), so a reload's clock would mostly time the old
 * page's software rendering, not the restore.
 */
async function reopen(profileDir: string, url: string, layer: 'user' | 'plan'): Promise<Reopened> {
  const { context, close } = await launch({ viewport: { width: 1280, height: 800 }, profileDir });
  try {
    await instrument(context);
    await context.addInitScript({ content: watchDrawn(layer) });
    const page = context.pages()[0] ?? (await context.newPage());
    // drawn is timed from the navigation; the load event itself may come late on a busy machine
    await page.goto(url, { waitUntil: 'commit', timeout: 300_000 });
    await page.waitForFunction(() => (window as unknown as { __drawnAt?: number }).__drawnAt, null, { timeout: 300_000, polling: 100 });
    await page.waitForTimeout(2_000);
    await page.waitForFunction(() => (window as unknown as { __pixelsAt?: number }).__pixelsAt, null, { timeout: 300_000, polling: 100 });
    return await page.evaluate(() => {
      const w = window as unknown as { __drawnAt: number; __pixelsAt: number; __listedAt: number; __lt: [number, number][] };
      const mark = performance.getEntriesByName('jjj-atlas:restore')[0]?.startTime ?? Number.NaN;
      return { drawnAt: w.__drawnAt, pixelsAt: w.__pixelsAt, listedAt: w.__listedAt, lt: w.__lt, mark };
    });
  } finally {
    await close();
  }
}

/** The time a person takes to choose a file once the data tab is open, at least. */
const FILE_DIALOG_MS = 2_000;

/**
 * In the page: record when a user layer's points are in deck (checked every frame), and when the
 * GPU has finished the frame that drew them. "Drawn" is the frame after deck had the points, so
 * the layer's draw has been issued; on a software renderer the GPU process then draws the frame
 * for seconds more (800,000 points: ~4 s as the app's point list, ~16 s as deck's instanced
 * quads before it), so the fence says when the pixels are there.
 */
function watchDrawn(layer: 'user' | 'plan'): string {
  const isDrawn =
    layer === 'user'
      ? "(l) => l.id.startsWith('user-layer-') && l.id.endsWith('-points') && l.props.data && l.props.data.length > 0"
      : "(l) => l.id.startsWith('plan-')";
  return `(() => {
  window.__lt = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([e.startTime, e.duration]); }).observe({ type: 'longtask' });
  const tick = () => {
    const deck = window.jjjAtlas && window.jjjAtlas.overlay && window.jjjAtlas.overlay._deck;
    const layers = deck && deck.layerManager ? deck.layerManager.getLayers() : [];
    const ready = layers.some(${isDrawn});
    if (!window.__listedAt && document.querySelector('[data-testid="user-layer"]')) window.__listedAt = performance.now();
    if (ready && !window.__drawing) {
      window.__drawing = true;
      requestAnimationFrame(() => {
        window.__drawnAt = performance.now();
        const gl = window.jjjAtlas.map.painter.context.gl;
        const fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
        gl.flush();
        const poll = () => {
          if (gl.getSyncParameter(fence, gl.SYNC_STATUS) !== gl.SIGNALED) return setTimeout(poll, 20);
          window.__pixelsAt = performance.now();
          gl.deleteSync(fence);
        };
        setTimeout(poll, 0);
      });
    }
    // a restored layer can be drawn before its row is listed: keep looking for the row
    if (!window.__drawing || (${layer === 'user'} && !window.__listedAt)) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;
}

async function openDataTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /^数据$|^Data$/ }).click();
  await page.getByTestId('import-input').waitFor({ state: 'attached' });
}

async function appRun(url: string, file: string, n: number): Promise<AppRun> {
  const profileDir = mkdtempSync(path.join(tmpdir(), 'jjj-bench-profile-'));
  let { context, close } = await launch({ viewport: { width: 1280, height: 800 }, profileDir });
  try {
    await instrument(context);
    let page = await context.newPage();
    await page.goto(url);
    await waitForMapIdle(page);
    // The first visit's offline copy (the service worker's precache of ~10 MB, v8 code caches
    // made for its scripts) is finished first: traced, it kept a thread busy 0.5 s (0.3 s of CPU)
    // during a 0.4 s import, so the bench timed the install. A person's first visit rarely brings
    // a file in its first seconds.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await openDataTab(page);
    // A person spends seconds in the file dialog, and what opening the tab starts (the points'
    // shaders, the import worker) is ready by then; choosing the file the moment the tab opened
    // timed that start-up as part of the import.
    await page.waitForTimeout(FILE_DIALOG_MS);
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 5_000 })));
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    let peak = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const h = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
        peak = Math.max(peak, h.usedSize);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    await page.evaluate(watchDrawn('user'));
    const t0 = await page.evaluate(() => performance.now());
    await page.getByTestId('import-input').setInputFiles(file);
    await page.waitForFunction(() => (window as unknown as { __drawnAt?: number }).__drawnAt, null, { timeout: 300_000, polling: 100 });
    await page.waitForTimeout(2_000);
    sampling = false;
    await page.waitForFunction(() => (window as unknown as { __pixelsAt?: number }).__pixelsAt, null, { timeout: 300_000, polling: 100 });
    await sampler;
    const r = await page.evaluate(() => {
      const w = window as unknown as { __listedAt: number; __drawnAt: number; __pixelsAt: number; __lt: [number, number][] };
      return { listedAt: w.__listedAt, drawnAt: w.__drawnAt, pixelsAt: w.__pixelsAt, lt: w.__lt };
    });
    const longest = Math.max(0, ...r.lt.filter(([s]) => s >= t0).map(([, d]) => d));
    // stored: the record says every feature is in
    const stored = await waitForStoredLayers(page, { complete: true, featureCount: n }, 120_000);
    if (!stored) throw new Error(`${path.basename(file)}: not stored complete within 120 s`);
    const reloadUrl = page.url();
    await close();
    const re = await reopen(profileDir, reloadUrl, 'user');
    // the same profile without the layer: what the app's start alone costs, for the restore's share
    ({ context, close } = await launch({ viewport: { width: 1280, height: 800 }, profileDir }));
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(reloadUrl);
    await page.getByTestId('user-layer-remove').click();
    const emptied = await waitForStoredLayers(page, { empty: true }, 60_000);
    if (!emptied) throw new Error(`${path.basename(file)}: the layer was not removed from storage within 60 s`);
    await close();
    close = async () => {};
    const base = await reopen(profileDir, reloadUrl, 'plan');
    return {
      listedMs: r.listedAt - t0,
      drawnMs: r.drawnAt - t0,
      pixelsMs: r.pixelsAt - t0,
      longestTaskMs: longest,
      peakHeapMb: peak / 1e6,
      reloadDrawnMs: re.drawnAt,
      reloadPixelsMs: re.pixelsAt,
      restoreDrawnMs: re.drawnAt - re.mark,
      restorePixelsMs: re.pixelsAt - re.mark,
      restoreListedMs: re.listedAt - re.mark,
      reloadLongestTaskMs: Math.max(0, ...re.lt.map(([, d]) => d)),
      restoreLongestTaskMs: Math.max(0, ...re.lt.filter(([t]) => t >= re.mark).map(([, d]) => d)),
      baseDrawnMs: base.drawnAt,
      basePixelsMs: base.pixelsAt,
      baseLongestTaskMs: Math.max(0, ...base.lt.filter(([t]) => t >= base.mark).map(([, d]) => d)),
    };
  } finally {
    await close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

/**
 * The floor's or loaders.gl's page (each sets `window[key]` to the time from the choice to the
 * coordinates back on the page, or to the error): the file chosen, the time read.
 */
async function pageRun(url: string, file: string, key: '__floor' | '__peer'): Promise<number> {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('#f').setInputFiles(file);
    const h = await page.waitForFunction((k) => (window as unknown as Record<string, object | undefined>)[k], key, { timeout: 300_000, polling: 50 });
    const r = (await h.jsonValue()) as { ms: number } | { error: string };
    if ('error' in r) throw new Error(`${key}: ${r.error}`);
    return r.ms;
  } finally {
    await close();
  }
}

const s = (ms: number) => (ms / 1000).toFixed(2);
const range = (xs: number[], f: (x: number) => string) => `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;

export const importBench: BenchModule = {
  name: 'import',
  description: 'file chosen → layer listed / drawn, app vs JSON.parse/papaparse floor and loaders.gl (kepler.gl’s way); heap, long tasks, reload',
  run: async ({ root }) => {
    const reps = Math.max(3, Number(process.env.BENCH_IMPORT_REPS ?? 3) || 3);
    const only = process.env.BENCH_IMPORT_FILES?.split(',');
    const files = only ? FILES.filter((f) => only.includes(f.name)) : FILES;
    const dir = path.join(tmpdir(), `jjj-bench-import-${process.pid}`);
    const floorDir = path.join(dir, 'floor');
    mkdirSync(floorDir, { recursive: true });
    writeFileSync(path.join(floorDir, 'index.html'), FLOOR_PAGE);
    writeFileSync(path.join(floorDir, 'floor-page.js'), FLOOR_PAGE_JS);
    writeFileSync(path.join(floorDir, 'floor.worker.js'), readFileSync(path.join(root, 'node_modules/papaparse/papaparse.min.js'), 'utf8') + FLOOR_WORKER);
    await build({ configFile: path.join(root, 'scripts/bench/vite.peer.config.ts'), logLevel: 'warn' });
    const app = await serveDist(path.join(root, 'dist'));
    const floor = await serveDist(floorDir);
    const peer = await serveDist(path.join(root, 'dist-bench/peer'));
    const rows: BenchTable['rows'] = [];
    const targets: { name: string; met: boolean; value: string }[] = [];
    try {
      for (const f of files) {
        const file = path.join(dir, f.name);
        f.write(file);
        const apps: AppRun[] = [];
        const floors: number[] = [];
        const peers: number[] = [];
        for (let i = 0; i < reps; i++) {
          const order = [['app', 'floor', 'peer'], ['floor', 'peer', 'app'], ['peer', 'app', 'floor']][i % 3]!;
          for (const v of order) {
            if (v === 'app') {
              const r = await appRun(app.url, file, f.n);
              apps.push(r);
              process.stderr.write(`  ${f.name} app ${i + 1}/${reps}: listed ${s(r.listedMs)} s, drawn ${s(r.drawnMs)} s, pixels ${s(r.pixelsMs)} s, longest task ${Math.round(r.longestTaskMs)} ms, heap ${r.peakHeapMb.toFixed(0)} MB, reopened→drawn ${s(r.reloadDrawnMs)} s (restore→listed ${s(r.restoreListedMs)} s, →drawn ${s(r.restoreDrawnMs)} s, →pixels ${s(r.restorePixelsMs)} s, longest task after the restore began ${Math.round(r.restoreLongestTaskMs)} ms)\n`);
            } else if (v === 'floor') {
              floors.push(await pageRun(floor.url, file, '__floor'));
              process.stderr.write(`  ${f.name} floor ${i + 1}/${reps}: ${s(floors.at(-1)!)} s\n`);
            } else {
              peers.push(await pageRun(peer.url, file, '__peer'));
              process.stderr.write(`  ${f.name} loaders.gl ${i + 1}/${reps}: ${s(peers.at(-1)!)} s\n`);
            }
          }
        }
        rmSync(file, { force: true });
        const fl = median(floors);
        const listed = apps.map((a) => a.listedMs);
        const drawn = apps.map((a) => a.drawnMs);
        const pixels = apps.map((a) => a.pixelsMs);
        const listedRatio = median(listed) / fl;
        const drawnRatio = median(drawn) / fl;
        const heap = median(apps.map((a) => a.peakHeapMb));
        const task = Math.max(...apps.map((a) => a.longestTaskMs));
        const reloadTask = Math.max(...apps.map((a) => a.restoreLongestTaskMs));
        const reloadRatio = median(apps.map((a) => a.restoreDrawnMs)) / median(drawn);
        // the restore's own share: how much later the layer is drawn than the plan is in a reopen
        // of the same profile with nothing stored
        const beyondStart = apps.map((a) => a.reloadDrawnMs - a.baseDrawnMs);
        const beyondStartPixels = apps.map((a) => a.reloadPixelsMs - a.basePixelsMs);
        rows.push([
          f.label,
          range(listed, s),
          range(drawn, s),
          range(pixels, s),
          range(floors, s),
          range(peers, s),
          listedRatio.toFixed(1) + '×',
          drawnRatio.toFixed(1) + '×',
          (median(pixels) / fl).toFixed(1) + '×',
          (median(drawn) / median(peers)).toFixed(1) + '×',
          heap.toFixed(0),
          `${Math.round(task)} / ${Math.round(reloadTask)}`,
          range(apps.map((a) => a.reloadDrawnMs), s),
          range(apps.map((a) => a.restoreListedMs), s),
          range(apps.map((a) => a.restoreDrawnMs), s),
          range(apps.map((a) => a.restorePixelsMs), s),
          reloadRatio.toFixed(2),
          range(apps.map((a) => a.baseDrawnMs), s),
          `${range(beyondStart, s)} / ${range(beyondStartPixels, s)}`,
          (median(beyondStart) / median(drawn)).toFixed(2),
          `${Math.round(reloadTask)} / ${Math.round(Math.max(...apps.map((a) => a.baseLongestTaskMs)))}`,
        ]);
        targets.push({ name: `${f.name}: app ÷ floor (drawn) ≤ ${IMPORT_RATIO_TARGET}`, met: drawnRatio <= IMPORT_RATIO_TARGET, value: drawnRatio.toFixed(1) });
        if (f.n === 800_000) targets.push({ name: `${f.name}: main-thread heap ≤ ${HEAP_TARGET_MB} MB`, met: heap <= HEAP_TARGET_MB, value: heap.toFixed(0) });
        targets.push({ name: `${f.name}: longest task (import / restore) ≤ ${TASK_TARGET_MS} ms`, met: Math.max(task, reloadTask) <= TASK_TARGET_MS, value: `${Math.round(task)} / ${Math.round(reloadTask)}` });
        targets.push({ name: `${f.name}: restore→drawn ÷ import→drawn ≤ ${RELOAD_RATIO_TARGET}`, met: reloadRatio <= RELOAD_RATIO_TARGET, value: reloadRatio.toFixed(2) });
      }
    } finally {
      await app.close();
      await floor.close();
      await peer.close();
      rmSync(dir, { recursive: true, force: true });
    }
    return {
      tables: [
        {
          title: `Import, headless Chromium (SwiftShader), ${reps} interleaved repetitions, median (min–max) s`,
          headers: ['file', 'app: listed', 'app: drawn', 'app: pixels', 'floor', 'loaders.gl (kepler’s way)', 'listed ÷ floor', 'drawn ÷ floor', 'pixels ÷ floor', 'drawn ÷ loaders.gl', 'peak heap MB', 'longest task ms (import / restore)', 'reopened → drawn', 'restore → listed', 'restore → drawn', 'restore → pixels', 'restore ÷ import', 'reopened with nothing stored → plan drawn', 'restore beyond the app’s start: drawn / pixels', 'beyond the start ÷ import', 'longest task after the restore mark: with the layer / nothing stored'],
          rows,
          notes: [
            'floor: the file read whole in a worker, JSON.parse or papaparse, coordinates copied into a Float64Array and transferred.',
            'loaders.gl: parseInBatches with JSONLoader and CSVLoader and kepler.gl’s options (object rows, jsonpaths $ and $.features), the rows collected as kepler does, then copied and transferred as in the floor; kepler’s own processing of the rows is not included.',
            'app: from choosing the file in the data tab. Reopened: the same profile in a new browser (see appRun); reopened → drawn counts from the navigation, so it includes the app’s own start; restore → drawn counts from the app asking storage for its layers (User Timing mark jjj-atlas:restore), and the restore’s longest task is the longest that began after that mark.',
            'longest task includes the GPU upload and first draw of the layer (SwiftShader: the CPU does the GPU’s work).',
            'nothing stored: the same profile reopened after the layer was removed, timed to the plan’s layers drawn; "beyond the app’s start" is reopened → layer drawn (or on screen) minus that, per repetition: the restore’s own share of the reopen.',
            'drawn: the frame after deck had the layer’s points (its draw is issued); pixels: the GPU has finished that frame (a WebGL fence). On SwiftShader the GPU process draws that frame for seconds (the map, and the points as one point list); on a GPU the two are a frame apart.',
          ],
        },
      ],
      targets,
    };
  },
};
