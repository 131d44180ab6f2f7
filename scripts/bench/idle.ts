/**
 * Bench: time from navigation to the map's first `idle` in headless Chromium, for the app
 * (dist/) and for a bare page that loads only maplibre with the same embedded base map
 * (scripts/bench/bare → dist-bench/). Cold loads: a fresh browser profile for every load;
 * app and bare interleaved (alternating which goes first); one discarded warm-up of each.
 * The bare page gets a viewport the size of the app's map, so both draw the same area.
 */
import path from 'node:path';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { launch } from '../../tests/e2e/browser';
import { serveDist } from '../../tests/e2e/server';
import { instrument } from '../../tests/e2e/harness';
import { initialChunks } from './initial-js';
import { median, type BenchModule } from './types';

export const IDLE_RATIO_TARGET = 1.3;
const TIMEOUT = 90_000;

type Variant = 'app' | 'bare';
interface Load {
  idleMs: number;
  mapSize: { width: number; height: number };
  /** JS files (path under the origin) requested before idle */
  scripts: string[];
}

async function coldLoad(variant: Variant, url: string, viewport: { width: number; height: number }): Promise<Load> {
  const { context, close } = await launch({ viewport });
  try {
    if (variant === 'app') await instrument(context);
    const page: Page = await context.newPage();
    const scripts: string[] = [];
    let idle = false;
    const onRequest = (r: { url: () => string }) => {
      const u = new URL(r.url());
      if (!idle && u.pathname.endsWith('.js')) scripts.push(u.pathname.slice(1));
    };
    page.on('request', onRequest);
    context.on('request', onRequest); // worker requests
    await page.goto(url);
    const idleAt =
      variant === 'app'
        ? await page.waitForFunction(() => window.__e2e?.idleAt ?? null, null, { timeout: TIMEOUT, polling: 50 }).then((h) => h.jsonValue())
        : await page.waitForFunction(() => window.__benchIdleAt ?? null, null, { timeout: TIMEOUT, polling: 50 }).then((h) => h.jsonValue());
    idle = true;
    if (typeof idleAt !== 'number') throw new Error(`${variant}: no idle time recorded`);
    const idleMs = idleAt;
    const mapSize = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas')!;
      return { width: c.clientWidth, height: c.clientHeight };
    });
    return { idleMs, mapSize, scripts: [...new Set(scripts)] };
  } finally {
    await close();
  }
}

export const idle: BenchModule = {
  name: 'idle',
  description: 'navigation → map idle, app vs bare maplibre page, cold loads',
  run: async ({ root, runs }) => {
    await build({ configFile: path.join(root, 'scripts/bench/vite.bare.config.ts'), logLevel: 'warn' });
    const app = await serveDist(path.join(root, 'dist'));
    const bare = await serveDist(path.join(root, 'dist-bench'));
    const appViewport = { width: 1280, height: 800 };
    const times: Record<Variant, number[]> = { app: [], bare: [] };
    const appScripts = new Set<string>();
    try {
      // warm-up (discarded): server and OS caches; and the app's map size for the bare page
      const warm = await coldLoad('app', app.url, appViewport);
      const bareViewport = warm.mapSize;
      await coldLoad('bare', bare.url, bareViewport);
      for (let i = 0; i < runs; i++) {
        const order: Variant[] = i % 2 === 0 ? ['app', 'bare'] : ['bare', 'app'];
        for (const v of order) {
          const load = await coldLoad(v, v === 'app' ? app.url : bare.url, v === 'app' ? appViewport : bareViewport);
          times[v].push(load.idleMs);
          if (v === 'app') load.scripts.forEach((s) => appScripts.add(s));
          process.stderr.write(`  ${v} load ${i + 1}/${runs}: ${Math.round(load.idleMs)} ms\n`);
        }
      }
      const appMedian = median(times.app);
      const bareMedian = median(times.bare);
      const ratio = appMedian / bareMedian;
      const met = ratio <= IDLE_RATIO_TARGET;
      const expected = new Set(initialChunks(path.join(root, 'dist')).map((c) => c.file));
      const unexpected = [...appScripts].filter((s) => !expected.has(s));
      const row = (v: Variant) => [
        v === 'app' ? 'app (dist/)' : 'bare maplibre (dist-bench/)',
        String(Math.round(median(times[v]))),
        String(Math.round(Math.min(...times[v]))),
        String(Math.round(Math.max(...times[v]))),
        times[v].map((t) => Math.round(t)).join(' '),
      ];
      return {
        tables: [
          {
            title: `Navigation → map idle, headless Chromium (SwiftShader WebGL), ${runs} cold loads each, interleaved`,
            headers: ['page', 'median ms', 'min ms', 'max ms', 'all loads ms'],
            rows: [row('app'), row('bare')],
            notes: [
              `app map ${appViewport.width}×${appViewport.height} viewport; bare page sized to the app's map: ${bareViewport.width}×${bareViewport.height}`,
              `ratio app/bare (medians): ${ratio.toFixed(2)}; target ≤ ${IDLE_RATIO_TARGET} → ${met ? 'MET' : 'NOT MET'}`,
              unexpected.length
                ? `JS requested by the app before idle but not counted in initial-js: ${unexpected.join(', ')}`
                : 'every JS file the app requested before idle is counted in initial-js',
            ],
          },
        ],
        targets: [{ name: `idle ratio app/bare ≤ ${IDLE_RATIO_TARGET}`, met, value: ratio.toFixed(2) }],
      };
    } finally {
      await app.close();
      await bare.close();
    }
  },
};
