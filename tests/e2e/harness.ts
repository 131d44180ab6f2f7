/**
 * What every e2e test file needs: the production build served on 127.0.0.1, a fresh headless
 * Chromium, and a page instrumented to record what a person would not see but should never
 * happen — requests to other origins, uncaught errors, console errors, CSP violations, map
 * `error` events — plus helpers to wait for the map's `idle` and read screen pixels.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launch, type LaunchOptions } from './browser';
import { serveDist } from './server';
import { decodePng, type Image } from './png';

/** What the init script records in the page (see `instrument`). */
export interface Probe {
  /** performance.now() at the map's first `idle` event (ms since navigation start) */
  idleAt: number | null;
  cspViolations: string[];
  mapErrors: string[];
  /** `source/tile key` of every tile the map finished laying out, in order (a reloaded tile comes again) */
  tileLoads: string[];
}

declare global {
  interface Window {
    __e2e?: Probe;
  }
}

export interface OwnResponse {
  status: number;
  contentType: string;
}

export interface AppSession {
  url: string;
  origin: string;
  context: BrowserContext;
  page: Page;
  /** URLs the page tried to load from anywhere but the app's origin (all were aborted) */
  foreignRequests: string[];
  /** every URL requested from the app's own origin, with its HTTP status (0 = failed) and content type */
  ownResponses: Map<string, OwnResponse>;
  pageErrors: string[];
  consoleErrors: string[];
  close: () => Promise<void>;
}

/**
 * Serve dist/, launch Chromium, open a page with all recorders attached, and go to the app.
 * Does not wait for the map: call `waitForMapIdle`.
 */
export async function openApp(opts: LaunchOptions & { hash?: string; base?: string } = {}): Promise<AppSession> {
  const server = await serveDist(undefined, { base: opts.base ?? '/' });
  const browser = await launch(opts).catch(async (e: unknown) => {
    await server.close();
    throw e;
  });
  const recorded = await recordPage(browser.context, new URL(server.url).origin);
  await recorded.page.goto(server.url + (opts.hash ?? ''));
  return {
    ...recorded,
    url: server.url,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Attach every recorder to a browser context and open a blank page in it: requests off
 * `origin` are aborted and listed, own responses, page errors, console errors, CSP violations
 * and map errors are kept. For tests that drive the server and the browser themselves.
 */
export async function recordPage(context: BrowserContext, origin: string): Promise<Omit<AppSession, 'url' | 'close'>> {
  const foreignRequests: string[] = [];
  const ownResponses = new Map<string, OwnResponse>();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];

  await context.route('**/*', async (route) => {
    const url = route.request().url();
    const scheme = url.slice(0, url.indexOf(':'));
    if (scheme === 'data' || scheme === 'blob') return route.continue();
    if (new URL(url).origin !== origin) {
      foreignRequests.push(url);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  await instrument(context);

  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.stack ?? e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.text()} (${m.location().url}:${m.location().lineNumber})`);
  });
  page.on('requestfinished', (r) => {
    if (new URL(r.url()).origin !== origin) return;
    r.response()
      .then((res) => ownResponses.set(r.url(), { status: res?.status() ?? 0, contentType: res?.headers()['content-type'] ?? '' }))
      // a request that finishes while the browser closes has no response to read: nothing to record
      .catch(() => undefined);
  });
  page.on('requestfailed', (r) => {
    if (r.url().startsWith(origin)) ownResponses.set(r.url(), { status: 0, contentType: '' });
  });
  return { origin, context, page, foreignRequests, ownResponses, pageErrors, consoleErrors };
}

/**
 * Before any page script runs: record CSP violations, and hook the map the moment the app
 * publishes it on `window.jjjAtlas` (synchronously after `new Map`), so the first `idle` and
 * every map `error` event are caught.
 */
export async function instrument(context: BrowserContext): Promise<void> {
  // A string, not a function: tsx/esbuild would wrap named functions in a `__name` helper
  // that does not exist in the page.
  await context.addInitScript({ content: INIT_SCRIPT });
}

const INIT_SCRIPT = `(() => {
  const probe = { idleAt: null, cspViolations: [], mapErrors: [], tileLoads: [] };
  window.__e2e = probe;
  document.addEventListener('securitypolicyviolation', (e) => {
    probe.cspViolations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' at ' + e.sourceFile + ':' + e.lineNumber);
  });
  let handle;
  Object.defineProperty(window, 'jjjAtlas', {
    configurable: true,
    enumerable: true,
    get: () => handle,
    set: (v) => {
      handle = v;
      if (!v || !v.map) return;
      v.map.once('idle', () => { if (probe.idleAt === null) probe.idleAt = performance.now(); });
      v.map.on('sourcedata', (e) => { if (e.tile) probe.tileLoads.push(e.sourceId + '/' + e.tile.tileID.key); });
      v.map.on('error', (ev) => {
        probe.mapErrors.push((ev && ev.error && ev.error.message) || 'map error event without message');
      });
    },
  });
})();`;

/**
 * Wait until the map has gone `idle` (style, sources, tiles and glyphs loaded, nothing
 * moving), then force one more frame and wait for `idle` again, so the screen is settled.
 * Returns ms from navigation start to the first `idle`.
 */
export async function waitForMapIdle(page: Page, timeout = 60_000): Promise<number> {
  await page.waitForFunction(() => window.__e2e?.idleAt != null, null, { timeout, polling: 100 });
  // The plan's deck.gl overlay joins after the base map's first idle (src/map/MapView.tsx).
  await page.waitForFunction(() => window.jjjAtlas?.overlay != null && window.jjjAtlas.layerCount > 0, null, { timeout, polling: 100 });
  await page.evaluate(
    (ms) =>
      new Promise<void>((resolve, reject) => {
        const map = window.jjjAtlas?.map;
        if (!map) return reject(new Error('window.jjjAtlas is gone'));
        const timer = setTimeout(() => reject(new Error(`no second idle within ${ms} ms`)), ms);
        map.once('idle', () => {
          clearTimeout(timer);
          resolve();
        });
        map.triggerRepaint();
      }),
    // a camera still flying (a chapter opened from a link) comes to rest within this on a loaded machine
    30_000,
  );
  return page.evaluate(() => window.__e2e!.idleAt!);
}

export async function screenshotImage(page: Page, path?: string): Promise<Image> {
  return decodePng(await page.screenshot(path ? { path } : {}));
}

/** Screen position of [lon, lat] in device pixels of a page screenshot. */
export async function projectToDevice(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const map = window.jjjAtlas!.map;
    const p = map.project(ll);
    const r = map.getCanvas().getBoundingClientRect();
    const dpr = window.devicePixelRatio;
    return { x: (r.left + p.x) * dpr, y: (r.top + p.y) * dpr };
  }, lngLat);
}

/**
 * Own-origin responses that are failures, including the ones `vite preview` hides: for a
 * missing file it answers 200 with index.html (SPA fallback), so anything but a page that
 * comes back as text/html is a missing file.
 */
export function failedOwnResponses(app: AppSession): string[] {
  return [...app.ownResponses]
    .filter(([url, r]) => {
      const { pathname } = new URL(url);
      const isPage = pathname.endsWith('/') || pathname.endsWith('.html');
      return r.status === 0 || r.status >= 400 || (!isPage && r.contentType.startsWith('text/html'));
    })
    .map(([url, r]) => `${r.status} ${r.contentType} ${url}`);
}

export function probe(page: Page): Promise<Probe> {
  return page.evaluate(() => window.__e2e!);
}

/**
 * The plan item deck.gl picks at a place on the map (sites, lines, areas; null if none), within the
 * app's pick radius. `layerIds` narrows it: ['plan-lines-sites'] for what takes a click in the regions tab.
 */
export async function pickAt(page: Page, lngLat: [number, number], layerIds: string[] = ['plan-lines-sites', 'plan-areas']): Promise<string | null> {
  return page.evaluate(
    ([ll, ids]) => {
      const { map, overlay } = window.jjjAtlas!;
      const p = map.project(ll);
      const info = overlay!.pickObject({ x: p.x, y: p.y, radius: 4, layerIds: ids });
      const o = info?.object as { properties?: { id?: string } } | undefined;
      return o?.properties?.id ?? null;
    },
    [lngLat, layerIds] as const,
  );
}

/** Wait for the next `idle` (forcing a frame first when the map is already at rest). */
export async function waitForIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.jjjAtlas!.map;
        if (!map.isMoving() && map.loaded()) {
          map.once('idle', () => resolve());
          map.triggerRepaint();
        } else map.once('idle', () => resolve());
      }),
  );
}

/** The app's URL state (the hash) as search params. */
export function hashParams(page: Page): URLSearchParams {
  return new URLSearchParams(new URL(page.url()).hash.slice(1));
}

/** What `waitForStoredLayers` waits for: a complete record (of `featureCount` features), one still marked unfinished, or none at all. */
export type StoredLayersWanted = { complete: true; featureCount?: number } | { unfinished: true } | { empty: true };

/**
 * Poll IndexedDB's user-layer records until `want` holds of them; false when `timeout` ms pass
 * first. Polled inside the page: page.waitForFunction takes a returned Promise itself as truthy,
 * so it would read IndexedDB once and go on before the layer is saved.
 */
export function waitForStoredLayers(page: Page, want: StoredLayersWanted, timeout: number): Promise<boolean> {
  return page.evaluate(
    async ({ want, timeout }) => {
      for (const end = Date.now() + timeout; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
        const done = await new Promise<boolean>((resolve) => {
          const r = indexedDB.open('jjj-atlas');
          r.onerror = () => resolve(false);
          r.onsuccess = () => {
            const g = r.result.transaction('userLayers').objectStore('userLayers').getAll();
            g.onsuccess = () => {
              r.result.close();
              const records = g.result as { complete?: boolean; featureCount?: number }[];
              if ('empty' in want) resolve(records.length === 0);
              else if ('unfinished' in want) resolve(records.some((l) => l.complete === false));
              else resolve(records.some((l) => l.complete === true && (want.featureCount === undefined || l.featureCount === want.featureCount)));
            };
          };
        });
        if (done) return true;
      }
      return false;
    },
    { want, timeout },
  );
}

/**
 * Wait until IndexedDB holds a user layer whose record is marked complete. A layer is saved
 * after it is listed; closing or reloading before its record is complete leaves a half-written
 * layer, which the next start rightly removes.
 */
export async function waitForStoredLayerComplete(page: Page, timeout = 20_000): Promise<void> {
  if (!(await waitForStoredLayers(page, { complete: true }, timeout))) throw new Error(`no user layer stored complete within ${timeout} ms`);
}

/** The region codes of the region panel's columns, in the order shown. */
export function regionColumnCodes(page: Page): Promise<string[]> {
  return page.locator('[data-testid="region-panel"] .region-column').evaluateAll((cols) => cols.map((c) => c.getAttribute('data-region') ?? ''));
}
