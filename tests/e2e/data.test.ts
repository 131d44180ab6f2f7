/**
 * Issue 7 — bring your own data, as a person does it in the production build: import a
 * GeoJSON, a CSV and a KML from the corpus (each a user layer with its feature count, drawn
 * where its features are); every broken file gives its message and leaves the earlier layers
 * alone; a property holding markup shows as text; a large import shows progress and can be
 * cancelled; layers survive a reload (IndexedDB); export → import gives the same features.
 * One browser; tests run in order on the same page.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import i18next from 'i18next';
import { hashParams, openApp, pickAt, projectToDevice, screenshotImage, waitForIdle, waitForMapIdle, type AppSession } from './harness';
import { decodePng } from './png';
import { importData } from '../../src/data/import/importData';
import type { ImportOptions } from '../../src/data/import/types';
import { withImportIssueTexts } from '../../src/i18n/importIssues';
import { resources } from '../support/i18nResources';
import { issueText, type Translator } from '../../src/i18n/importIssueText';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/import');
const VIEWPORT = { width: 1280, height: 800 };
/** counts as the app writes them: grouped digits (800,000) */
const g = (n: number) => n.toLocaleString('en-US');
const DAXING_AIRPORT: [number, number] = [116.41, 39.51];

interface Expected {
  ok: boolean;
  code?: string;
  message?: string;
  kept?: number;
  total?: number;
  opts?: Record<string, unknown>;
  retry?: { opts: Record<string, unknown>; kept: number; total: number };
}
const manifest = JSON.parse(readFileSync(path.join(FIXTURES, 'manifest.json'), 'utf8')) as { files: Record<string, Expected> };

const zhI18n = i18next.createInstance();
const zhReady = zhI18n.init({ resources: withImportIssueTexts(resources), lng: 'zh', fallbackLng: false, interpolation: { escapeValue: false } });
const zhT = zhI18n.t as unknown as Translator['t']; // keys built at run time
const zhTr: Translator = { t: (key, options) => zhT(key, options), exists: (key, options) => zhI18n.exists(key, options) };

/** What the page should say in Chinese for the issue whose English message holds `exp.message` (import core in Node). */
function zhMessages(file: string, exp: Expected): string[] {
  const r = importData(new Uint8Array(readFileSync(path.join(FIXTURES, file))), path.basename(file), exp.opts as ImportOptions | undefined);
  const issues = r.ok ? r.warnings : [r.error, ...r.warnings];
  const issue = issues.find((i) => i.message.includes(exp.message!));
  assert.ok(issue, `${file}: no issue says "${exp.message}"`);
  // the report gives a summary's counts once and then each dropped row once, in its own list
  const zh = issueText(issue, zhTr, { listed: true });
  assert.match(zh, /[\u4e00-\u9fff]/, `${file}: a Chinese text for ${issue.code}`);
  const row = issue.details?.find((d) => d.message.includes(exp.message!));
  return row ? [zh, issueText(row, zhTr)] : [zh];
}

interface LayerRow {
  id: string;
  name: string;
  count: number;
}

async function userLayers(page: Page): Promise<LayerRow[]> {
  return page.locator('[data-testid="user-layer"]').evaluateAll((rows) =>
    rows.map((r) => ({
      id: r.getAttribute('data-layer-id') ?? '',
      name: (r.querySelector('[data-testid="user-layer-name"]') as HTMLInputElement | null)?.value ?? '',
      count: Number(r.getAttribute('data-count')),
    })),
  );
}

/** Import a file through the hidden file input; resolves with the result box's text. */
async function importFile(page: Page, file: string): Promise<{ ok: boolean; text: string }> {
  await page.getByTestId('import-input').setInputFiles(file);
  const result = page.locator(`[data-testid="import-result"][data-file="${path.basename(file)}"]`);
  await result.waitFor({ timeout: 30_000 });
  return { ok: (await result.getAttribute('data-ok')) === 'true', text: (await result.textContent()) ?? '' };
}

/** The properties of the feature deck picks at a place, in one user layer only (null if none). */
async function pickUser(page: Page, layerId: string, lngLat: [number, number]): Promise<Record<string, unknown> | null> {
  return page.evaluate(
    ({ id, ll }) => {
      const { map, overlay } = window.jjjAtlas!;
      const p = map.project(ll);
      const info = overlay!.pickObject({ x: p.x, y: p.y, radius: 4, layerIds: [`user-layer-${id}`] });
      const o = info?.object as { properties?: Record<string, unknown> } | undefined;
      return o?.properties ?? null;
    },
    { id: layerId, ll: lngLat },
  );
}

async function openDataTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /^数据$|^Data$/ }).click();
  await page.getByTestId('import-input').waitFor({ state: 'attached' });
}

/** long tasks [start ms after the 100 MB import's result was shown, duration ms] */
let hundredMbAfter: [number, number][] | null = null;
/** Point #j of the 100 MB file is at (114 + (j % 2000) / 500, 38 + ⌊j / 2000⌋ / 160): one picked at zoom 8 near #481400 (116.8, 39.5). */
function assertNearPoint481400(picked: Record<string, unknown> | null): void {
  const j = Number(picked?.i);
  assert.ok(Number.isInteger(j), `a point of the layer is picked: ${JSON.stringify(picked)}`);
  const [lon, lat] = [114 + (j % 2000) / 500, 38 + Math.floor(j / 2000) / 160];
  assert.ok(Math.abs(lon - 116.8) < 0.05 && Math.abs(lat - 39.5) < 0.05, `point #${j} at ${lon}, ${lat}`);
}
/** the 100 MB layer, kept for the reload test (which removes it) */
let hundredMb: { id: string; layersBefore: number } | null = null;

describe('data: import, user layers, export', () => {
  let app: AppSession;
  const dialogs: string[] = [];
  const tmp = mkdtempSync(path.join(tmpdir(), 'jjj-data-e2e-'));
  before(async () => {
    await zhReady;
    app = await openApp({ viewport: VIEWPORT, locale: 'zh-CN' });
    app.page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    await waitForMapIdle(app.page);
    await app.page.waitForFunction(() => !!window.jjjAtlas?.overlay, null, { timeout: 60_000 });
    await app.page.evaluate(() => window.jjjAtlas!.map.jumpTo({ center: [116.8, 39.5], zoom: 8 }));
    await waitForIdle(app.page);
    await openDataTab(app.page);
  });
  after(async () => {
    await app?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const valid: { file: string; count: number; at: [number, number]; name: string }[] = [
    { file: 'valid/sites.geojson', count: 3, at: [116.397, 39.909], name: '天安门' },
    { file: 'valid/points.csv', count: 3, at: [117.2, 39.13], name: '天津, 滨海' },
    { file: 'valid/places.kml', count: 3, at: [116.397, 39.909], name: '' },
  ];
  let validLayers: LayerRow[] = [];

  test('a GeoJSON, a CSV and a KML each become a layer with its features, drawn where they are', async () => {
    const page = app.page;
    for (const v of valid) {
      const before = await userLayers(page);
      const r = await importFile(page, path.join(FIXTURES, v.file));
      assert.ok(r.ok, r.text);
      assert.match(r.text, new RegExp(`保留 ${g(v.count)} / ${g(v.count)} 个要素`));
      const after = await userLayers(page);
      assert.equal(after.length, before.length + 1, `${v.file} adds one layer`);
      const layer = after.at(-1)!;
      assert.equal(layer.count, v.count, `${v.file}: feature count`);
      assert.equal(layer.name, path.basename(v.file).replace(/\.[^.]+$/, ''));
      await waitForIdle(page);
      const picked = await pickUser(page, layer.id, v.at);
      assert.ok(picked, `${v.file}: a feature is drawn at ${v.at}`);
      if (v.name) assert.equal(picked.name, v.name);
    }
    validLayers = await userLayers(page);
    assert.equal(validLayers.length, 3);
    // Nowhere near a feature, nothing is picked.
    assert.equal(await pickUser(page, validLayers[0]!.id, [115.3, 40.4]), null);
  });

  test('every broken file gives its message; the layers already there are unchanged', async () => {
    const page = app.page;
    assert.equal(validLayers.length, 3, 'the first test imported the three valid layers (this test needs them: run the file whole)');
    const broken = Object.entries(manifest.files).filter(([f]) => f.startsWith('broken/'));
    assert.ok(broken.length >= 20);
    for (const [file, exp] of broken) {
      const before = await userLayers(page);
      const r = await importFile(page, path.join(FIXTURES, file));
      assert.equal(r.ok, exp.ok, `${file}: ${r.text}`);
      if (exp.message) {
        // the page is in Chinese: the issue whose English message the manifest names, in Chinese
        for (const zh of zhMessages(file, exp)) assert.ok(r.text.includes(zh), `${file}: "${zh}" (for "${exp.message}") not in "${r.text}"`);
      }
      const after = await userLayers(page);
      assert.deepEqual(after.slice(0, before.length), before, `${file}: earlier layers intact`);
      if (exp.ok) {
        assert.equal(after.length, before.length + 1, `${file}: one new layer`);
        assert.equal(after.at(-1)!.count, exp.kept, `${file}: kept`);
        assert.match(r.text, new RegExp(`保留 ${g(exp.kept!)} / ${g(exp.total!)} 个要素`), file);
      } else {
        assert.equal(after.length, before.length, `${file}: no layer added`);
        assert.match(r.text, /未能导入，已有图层不受影响/, file);
      }
      if (exp.retry) {
        // The suggested fix, offered as a button, imports it again.
        await page.getByTestId('import-fix').click();
        const again = page.locator(`[data-testid="import-result"][data-file="${path.basename(file)}"][data-ok="true"]`);
        await again.waitFor({ timeout: 30_000 });
        const fixed = await userLayers(page);
        assert.equal(fixed.length, before.length + 1, `${file}: fixed import adds a layer`);
        assert.equal(fixed.at(-1)!.count, exp.retry.kept);
      }
    }
    // The valid layers from before are still there and still drawn.
    const now = await userLayers(page);
    assert.deepEqual(now.slice(0, 3), validLayers);
    await waitForIdle(page);
    for (const [i, v] of valid.entries()) assert.ok(await pickUser(page, validLayers[i]!.id, v.at), `${v.file} still drawn`);
  });

  test('coordinate columns that are not detected can be chosen', async () => {
    const page = app.page;
    const file = path.join(tmp, 'stations.csv');
    writeFileSync(file, 'station,east,north\n北京南站,116.379,39.865\n天津站,117.21,39.136\n');
    const r = await importFile(page, file);
    assert.equal(r.ok, false);
    assert.match(r.text, /没有找到坐标列/);
    await page.getByTestId('lon-column').selectOption('east');
    await page.getByTestId('lat-column').selectOption('north');
    const before = await userLayers(page);
    await page.getByTestId('column-choice').getByRole('button').click();
    await page.locator('[data-testid="import-result"][data-file="stations.csv"][data-ok="true"]').waitFor();
    const after = await userLayers(page);
    assert.equal(after.length, before.length + 1);
    assert.equal(after.at(-1)!.count, 2);
  });

  test('the app still works: plan items are picked and the list is there', async () => {
    const page = app.page;
    await page.evaluate((ll) => window.jjjAtlas!.map.jumpTo({ center: ll, zoom: 9 }), DAXING_AIRPORT);
    await waitForIdle(page);
    assert.equal(await pickAt(page, DAXING_AIRPORT), 'g3-daxing-airport');
    await page.getByRole('tab', { name: '列表' }).click();
    assert.ok((await page.locator('.list-table tbody tr').count()) > 20);
    await openDataTab(page);
  });

  test('markup in a property shows as text in the tooltip, and runs nothing', async () => {
    const page = app.page;
    assert.equal(validLayers.length, 3, 'the first test imported the three valid layers (this test needs them: run the file whole)');
    const layers = await userLayers(page);
    const xss = layers.find((l) => l.name === 'xss-property');
    assert.ok(xss, 'the xss-property layer was imported');
    // Only the XSS layer is shown (switching the others off also takes them off the map).
    for (const l of layers) if (l.id !== xss.id) await page.locator(`#user-layer-${l.id}`).uncheck();
    const at: [number, number] = [116.4, 39.9];
    await page.evaluate((ll) => window.jjjAtlas!.map.jumpTo({ center: ll, zoom: 10 }), at);
    await waitForIdle(page);
    assert.equal(await pickUser(page, validLayers[0]!.id, [116.397, 39.909]), null, 'a switched-off layer is not drawn');
    const box = (await page.getByTestId('map').boundingBox())!;
    const p = await page.evaluate((ll) => window.jjjAtlas!.map.project(ll), at);
    await page.mouse.move(box.x + p.x - 20, box.y + p.y - 20);
    await page.mouse.move(box.x + p.x, box.y + p.y);
    const tip = page.getByTestId('user-tooltip');
    await tip.waitFor();
    const text = (await tip.textContent()) ?? '';
    assert.ok(text.includes('<img src=x onerror=alert(1)>'), text);
    assert.ok(text.includes('<script>alert(1)</script>'), text);
    assert.equal(await tip.locator('img, script').count(), 0, 'no element was made from the property');
    await page.waitForTimeout(300);
    assert.deepEqual(dialogs, []);
    await page.mouse.move(box.x + 5, box.y + box.height - 5);
    for (const l of layers) if (l.id !== xss.id) await page.locator(`#user-layer-${l.id}`).check();
  });

  test('a large file shows a progress bar and can be cancelled, changing nothing', async () => {
    const page = app.page;
    const file = path.join(tmp, 'large.geojson');
    const n = 250_000;
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(`{"type":"Feature","geometry":{"type":"Point","coordinates":[${(115 + (i % 1000) / 500).toFixed(4)},${(39 + Math.floor(i / 1000) / 250).toFixed(4)}]},"properties":{"i":${i},"name":"point number ${i}"}}`);
    writeFileSync(file, `{"type":"FeatureCollection","features":[${parts.join(',')}]}`);
    const before = await userLayers(page);
    await page.getByTestId('import-input').setInputFiles(file);
    await page.getByTestId('import-progress').locator('progress').waitFor();
    // clicked as it is shown: Playwright's click first waits for the button to hold still over two
    // animation frames, which in software rendering outlasted the 250,000-point import itself
    await page.getByTestId('import-cancel').evaluate((b) => (b as HTMLButtonElement).click());
    const result = page.locator('[data-testid="import-result"][data-file="large.geojson"]');
    await result.waitFor();
    assert.match((await result.textContent()) ?? '', /已取消导入/);
    assert.deepEqual(await userLayers(page), before);
  });

  test('layers survive a reload (IndexedDB)', async () => {
    const page = app.page;
    const before = await userLayers(page);
    await page.getByTestId('user-layer-name').first().fill('我的地点');
    await page.getByTestId('user-layer-name').first().press('Enter');
    // The link names the data tab: the reopened page shows that tab from its first render, and
    // lists the stored layers there, not once the plan's data has loaded (after the base map's
    // first frame), as it did when a link's tab waited for that data.
    assert.equal(hashParams(page).get('tab'), 'data');
    await page.addInitScript(() => {
      const w = window as unknown as { __dataTabAt?: number };
      new MutationObserver((_, observer) => {
        if (!document.querySelector('#tab-data[aria-selected="true"]')) return;
        w.__dataTabAt = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true, attributes: true });
    });
    // Writes are asynchronous: give IndexedDB a moment, then reload.
    await page.waitForTimeout(500);
    await page.reload();
    await waitForMapIdle(page);
    await page.waitForFunction(() => !!window.jjjAtlas?.overlay, null, { timeout: 60_000 });
    const order = await page.evaluate(() => ({
      tab: (window as unknown as { __dataTabAt?: number }).__dataTabAt,
      plan: performance.getEntriesByType('resource').find((r) => /items[^/]*\.geojson/.test(r.name))?.startTime,
    }));
    assert.ok(order.tab !== undefined && order.plan !== undefined && order.tab < order.plan, `the data tab shown at ${order.tab} ms, the plan's items asked for at ${order.plan} ms`);
    await openDataTab(page);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="user-layer"]').length === n, before.length, { timeout: 15_000 });
    const after = await userLayers(page);
    assert.deepEqual(
      after.map((l) => [l.id, l.count]),
      before.map((l) => [l.id, l.count]),
    );
    assert.equal(after[0]!.name, '我的地点');
    await page.evaluate(() => window.jjjAtlas!.map.jumpTo({ center: [116.8, 39.5], zoom: 8 }));
    await waitForIdle(page);
    assert.ok(await pickUser(page, after[0]!.id, [116.397, 39.909]), 'the restored layer is drawn');
    // Removing a layer removes it for good.
    const last = after.at(-1)!;
    await page.locator(`[data-layer-id="${last.id}"] [data-testid="user-layer-remove"]`).click();
    assert.equal((await userLayers(page)).length, after.length - 1);
  });

  for (const format of ['geojson', 'csv'] as const) {
    test(`export as ${format} → import gives the same features`, async () => {
      const page = app.page;
      const hint = (await page.getByTestId('export-hint').textContent()) ?? '';
      const [planCount, userCount] = [...hint.matchAll(/(\d+) 个/g)].map((m) => Number(m[1]));
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${format}`).click()]);
      const file = path.join(tmp, `export-round-trip.${format}`);
      await download.saveAs(file);
      const expected = planCount! + userCount!;
      if (format === 'geojson') {
        const fc = JSON.parse(readFileSync(file, 'utf8')) as { features: unknown[] };
        assert.equal(fc.features.length, expected);
      }
      const r = await importFile(page, file);
      assert.ok(r.ok, r.text);
      assert.match(r.text, new RegExp(`保留 ${g(expected)} / ${g(expected)} 个要素`));
      const layers = await userLayers(page);
      assert.equal(layers.at(-1)!.count, expected);
      // the round trip is not exported again next time
      await page.locator(`#user-layer-${layers.at(-1)!.id}`).uncheck();
    });
  }

  test('a 100 MB GeoJSON imports with a progress bar, and the page never blocks for more than 200 ms', { timeout: 180_000 }, async (t) => {
    const page = app.page;
    // ~100 MB of points over the capital region (generated here, never committed)
    const file = path.join(tmp, 'hundred-mb.geojson');
    const n = 800_000;
    const fd = openSync(file, 'w');
    writeSync(fd, '{"type":"FeatureCollection","features":[');
    for (let i = 0; i < n; i += 20_000) {
      const parts: string[] = [];
      for (let j = i; j < Math.min(n, i + 20_000); j++) {
        parts.push(`{"type":"Feature","geometry":{"type":"Point","coordinates":[${(114 + (j % 2000) / 500).toFixed(5)},${(38 + Math.floor(j / 2000) / 160).toFixed(5)}]},"properties":{"i":${j},"name":"point ${j}"}}`);
      }
      writeSync(fd, (i > 0 ? ',' : '') + parts.join(','));
    }
    writeSync(fd, ']}');
    closeSync(fd);
    const bytes = statSync(file).size;
    assert.ok(bytes >= 100e6, `the file has ${bytes} bytes`);
    const layersBefore = await userLayers(page);

    // long tasks and the progress bar, recorded in the page from before the import
    await page.evaluate(() => {
      const w = window as unknown as { __longTasks: [number, number][]; __progress: [number, number | null, number, string][]; __progressTimer: number };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask' });
      // input delay of the clicks (Event Timing: from the input to its handlers running); only events
      // that take 16 ms or more are reported, so an empty list means every delay was under 16 ms
      const ew = window as unknown as { __inputDelays: [string, number][] };
      ew.__inputDelays = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as PerformanceEventTiming[]) ew.__inputDelays.push([e.name, e.processingStart - e.startTime]);
      }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);
      w.__progress = [];
      // when the result is shown: the import is over, the layer goes to the map and IndexedDB
      const seen = new MutationObserver(() => {
        if (!document.querySelector('[data-testid="import-result"][data-file="hundred-mb.geojson"]')) return;
        (window as unknown as { __resultAt: number }).__resultAt = performance.now();
        seen.disconnect();
      });
      seen.observe(document.body, { childList: true, subtree: true });
      w.__progressTimer = window.setInterval(() => {
        const bar = document.querySelector<HTMLProgressElement>('[data-testid="import-progress"] progress');
        if (!bar) return;
        const phase = document.querySelector('[data-testid="import-progress"] .fine-print')?.textContent?.trim() ?? '';
        w.__progress.push([performance.now(), bar.hasAttribute('value') ? bar.value : null, bar.max, phase]);
      }, 50);
    });
    const t0 = await page.evaluate(() => performance.now());
    const started = Date.now();
    await page.getByTestId('import-input').setInputFiles(file);
    await page.getByTestId('import-progress').locator('progress').waitFor({ timeout: 30_000 });

    // the page answers while the file is imported: switch to the list tab and back
    const clickAt = Date.now();
    await page.getByRole('tab', { name: /^列表$/ }).click({ timeout: 5_000 });
    await page.waitForFunction(() => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent?.trim() === '列表', null, { timeout: 5_000 });
    // wall time as the test sees it (Playwright's checks and round trips included, so it grows when the
    // two cores are busy with the parse and SwiftShader): reported, not asserted; the page's own input
    // delay is asserted below
    const tabMs = Date.now() - clickAt;
    const inputDelays = await page.evaluate(() => (window as unknown as { __inputDelays: [string, number][] }).__inputDelays.slice());
    await openDataTab(page);
    // back on the data tab, the import is still running: the switch happened during it
    const stillImporting = (await page.getByTestId('import-progress').count()) > 0;

    const result = page.locator('[data-testid="import-result"][data-file="hundred-mb.geojson"]');
    await result.waitFor({ timeout: 150_000 });
    const importMs = Date.now() - started;
    const text = (await result.textContent()) ?? '';
    assert.equal(await result.getAttribute('data-ok'), 'true', text);
    assert.match(text, new RegExp(`保留 ${g(n)} / ${g(n)} 个要素`));
    const after = await userLayers(page);
    assert.equal(after.length, layersBefore.length + 1);
    assert.equal(after.at(-1)!.count, n);
    // drawn, and kept (IndexedDB) in the background: keep watching for a while
    await waitForIdle(page);
    await page.waitForTimeout(4_000);
    const { longTasks, progress, resultAt } = await page.evaluate((from) => {
      const w = window as unknown as { __longTasks: [number, number][]; __progress: [number, number | null, number, string][]; __progressTimer: number; __resultAt: number };
      clearInterval(w.__progressTimer);
      return { longTasks: w.__longTasks.filter(([start]) => start >= from), progress: w.__progress, resultAt: w.__resultAt };
    }, t0);
    // the import: from choosing the file until the result is shown (read, parse, check, transfer)
    const during = longTasks.filter(([start]) => start < resultAt);
    const longest = Math.max(0, ...during.map(([, d]) => d));
    hundredMbAfter = longTasks.filter(([start]) => start >= resultAt).map(([s, d]) => [s - resultAt, d]);
    const fmt = (list: [number, number][], from: number) => list.map(([s, d]) => `${(s - from).toFixed(0)}+${d.toFixed(0)}`).join(', ') || 'none';
    const clickDelay = Math.max(0, ...inputDelays.filter(([name]) => /^(pointerdown|pointerup|mousedown|mouseup|click)$/.test(name)).map(([, d]) => d));
    t.diagnostic(`${(bytes / 1e6).toFixed(1)} MB, ${n} features: imported in ${importMs} ms; tab switch during the import ${tabMs} ms as seen by the test, input delay in the page ${inputDelays.length ? `${clickDelay.toFixed(0)} ms` : '< 16 ms'}`);
    t.diagnostic(`long tasks (> 50 ms) during the import: ${during.length}, longest ${longest.toFixed(0)} ms (start+duration ms from the file chosen): ${fmt(during, t0)}`);
    t.diagnostic(`long tasks after the result is shown (the layer drawn and stored): ${fmt(hundredMbAfter, 0)}`);
    const phases = [...new Set(progress.map((p) => p[3]))];
    t.diagnostic(`progress samples: ${progress.length}, phases: ${phases.join(' → ')}`);

    // the bar was there and moved
    const values = progress.filter((p) => p[1] !== null).map((p) => p[1]! / p[2]);
    assert.ok(values.length >= 3, `progress values: ${values.length}`);
    assert.ok(values.some((v, i) => i > 0 && v > values[i - 1]!), 'the progress value advances');
    assert.ok(stillImporting, 'the tab switch happened during the import');
    assert.ok(clickDelay <= 200, `the tab click waited ${clickDelay.toFixed(0)} ms for the main thread`);
    assert.ok(longest <= 200, `a main-thread task of ${longest.toFixed(0)} ms`);

    // it is drawn: deck picks a point next to (116.8, 39.5) (#481400 is there) as its feature
    hundredMb = { id: after.at(-1)!.id, layersBefore: layersBefore.length };
    rmSync(file, { force: true });
    assertNearPoint481400(await pickUser(page, hundredMb.id, [116.8, 39.5]));
  });

  // deck.gl used to build the layer's attributes through accessors in one frame (~0.7–1.4 s of CPU for
  // 800,000 points); points are now drawn from typed arrays filled in slices (src/map/userFeaturesLayer.ts).
  // Then luma.gl's synchronous program read-back, when the layer's render pipeline was created next to
  // the upload of 800,000 points, waited 0.4–1.1 s for SwiftShader; an empty stand-in layer now creates
  // the pipeline while the points are still being built (~60 ms tasks since).
  test('after a 100 MB import, drawing and storing the layer never blocks for more than 200 ms', () => {
    assert.ok(hundredMbAfter, 'the 100 MB import ran');
    const longest = Math.max(0, ...hundredMbAfter.map(([, d]) => d));
    assert.ok(longest <= 200, `a main-thread task of ${longest.toFixed(0)} ms after the import`);
  });

  // Not a speed test (npm run bench -- import measures the reload): it fails when the stored layer is
  // not restored whole, not drawn where it was, or when the restore freezes the page for seconds.
  // The aim of no task over 200 ms is not met yet: the app's own start on SwiftShader has tasks of
  // 0.8–1.2 s without any user layer, and the restore overlaps it (the diagnostic shows the figures).
  test('after a reload, the stored 100 MB layer is read whole, listed and picked where it was, without freezing the page', { timeout: 180_000 }, async (t) => {
    assert.ok(hundredMb, 'the 100 MB import ran');
    const page = app.page;
    const { id, layersBefore } = hundredMb;
    // IndexedDB writes it in the background: wait until the record says all 800,000 are in (polled
    // inside the page: waitForFunction takes a returned Promise as truthy and would not wait)
    const stored = await page.evaluate(async (layerId) => {
      // no named functions in here: tsx would wrap them in a helper the page does not have
      for (const end = Date.now() + 120_000; Date.now() < end; await new Promise((r) => setTimeout(r, 500))) {
        const done = await new Promise<boolean>((resolve) => {
          const req = indexedDB.open('jjj-atlas');
          req.onerror = () => resolve(false);
          req.onsuccess = () => {
            const get = req.result.transaction('userLayers').objectStore('userLayers').get(layerId) as IDBRequest<{ featureCount?: number } | undefined>;
            get.onsuccess = () => {
              req.result.close();
              resolve(get.result?.featureCount === 800_000);
            };
            get.onerror = () => resolve(false);
          };
        });
        if (done) return true;
      }
      return false;
    }, id);
    assert.ok(stored, 'the 800,000 features are stored');
    // long tasks from the start of the new page (the observer is set up before the app's scripts run)
    await page.evaluate(() => sessionStorage.setItem('jjj-e2e-longtasks', '1'));
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('jjj-e2e-longtasks')) return;
      const w = window as unknown as { __longTasks: [number, number][] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask' });
    });
    await page.reload();
    await waitForMapIdle(page);
    await page.waitForFunction(() => !!window.jjjAtlas?.overlay, null, { timeout: 60_000 });
    await openDataTab(page);
    await page.locator(`[data-layer-id="${id}"]`).waitFor({ timeout: 120_000 });
    const restoredAt = await page.evaluate(() => performance.now());
    assert.equal(Number(await page.locator(`[data-layer-id="${id}"]`).getAttribute('data-count')), 800_000);
    await waitForIdle(page);
    await page.waitForTimeout(2_000);
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: [number, number][] }).__longTasks);
    await page.evaluate(() => sessionStorage.removeItem('jjj-e2e-longtasks'));
    t.diagnostic(`layer listed ${restoredAt.toFixed(0)} ms after navigation; long tasks (start+duration ms from navigation): ${longTasks.map(([s, d]) => `${s.toFixed(0)}+${d.toFixed(0)}`).join(', ') || 'none'}`);
    assertNearPoint481400(await pickUser(page, id, [116.8, 39.5]));
    // before the layer: the app's own start (base map, plan, fonts), which a reload without it has too
    const longest = Math.max(0, ...longTasks.filter(([s]) => s >= restoredAt - 5_000).map(([, d]) => d));
    t.diagnostic(`longest task from 5 s before the layer is listed: ${longest.toFixed(0)} ms`);

    // remove it again: the tests after this one do not need 800,000 points
    await page.locator(`[data-layer-id="${id}"] [data-testid="user-layer-remove"]`).evaluate((b) => (b as HTMLButtonElement).click());
    await page.waitForFunction((k) => document.querySelectorAll('[data-testid="user-layer"]').length === k, layersBefore, { timeout: 30_000 });
    assert.ok(longest <= 5_000, `a main-thread task of ${longest.toFixed(0)} ms while the stored layer was read and drawn`);
  });

  test('no page errors, console errors or dialogs', () => {
    assert.deepEqual(app.pageErrors, []);
    assert.deepEqual(app.consoleErrors, []);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(app.foreignRequests, []);
  });
});

/**
 * Issue 7 — user layers beyond import: style by attribute with a legend (kept across a
 * reload), the region panel's numbers for a user layer (and their CSV), the text and region
 * filters on user features, and the search. The fixture `styled/facilities.geojson` has 9
 * features: 3 points in Langfang (131000), 2 in Beijing, 2 in Tianjin, a 14.08 km path and a
 * 14.32 km² park inside Langfang (Turf's length and area; every feature lies within one
 * prefecture, checked with booleanWithin when the fixture was written).
 */
describe('user layers: style, regions, filters, search, region CSV', () => {
  let app: AppSession;
  let layerId = '';
  const tmp = mkdtempSync(path.join(tmpdir(), 'jjj-users-e2e-'));
  const LANGFANG_STATION: [number, number] = [116.7, 39.52]; // 交通
  const LANGFANG_COLLEGE: [number, number] = [116.73, 39.55]; // 学校
  const BEIJING_SOUTH: [number, number] = [116.379, 39.865]; // 交通, in Beijing
  const YONGQING: [number, number] = [116.5, 39.33]; // in Langfang, no feature near

  before(async () => {
    app = await openApp({ viewport: VIEWPORT, locale: 'zh-CN' });
    await waitForMapIdle(app.page);
    await app.page.evaluate(() => window.jjjAtlas!.map.jumpTo({ center: [116.6, 39.6], zoom: 9 }));
    await waitForIdle(app.page);
    await openDataTab(app.page);
    const r = await importFile(app.page, path.join(FIXTURES, 'styled/facilities.geojson'));
    assert.ok(r.ok, r.text);
    layerId = (await userLayers(app.page))[0]!.id;
  });
  after(async () => {
    await app?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const legend = (page: Page) =>
    page.locator(`[data-layer-id="${layerId}"] [data-testid="user-legend"] li`).evaluateAll((lis) =>
      lis.map((li) => ({ label: li.getAttribute('data-label') ?? '', color: li.getAttribute('data-color') ?? '', count: Number(li.getAttribute('data-count')) })),
    );

  /** The screen pixel (device px) at a place, as [r, g, b]. */
  async function pixelAt(page: Page, lngLat: [number, number]): Promise<[number, number, number]> {
    const img = await screenshotImage(page);
    const { x, y } = await projectToDevice(page, lngLat);
    const i = (Math.round(y) * img.width + Math.round(x)) * 4;
    return [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
  }
  const near = (a: [number, number, number], hex: string, tol: number) => {
    const n = Number.parseInt(hex.slice(1), 16);
    const b = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
    return a.every((v, i) => Math.abs(v - b[i]!) <= tol);
  };

  test('style by category: the legend lists the values with counts, the map draws their colours, and it survives a reload', async () => {
    const page = app.page;
    const row = page.locator(`[data-layer-id="${layerId}"]`);
    await row.getByTestId('style-kind').selectOption('category');
    await row.getByTestId('style-property').selectOption('type');
    assert.deepEqual(await legend(page), [
      { label: '交通', color: '#4e79a7', count: 3 },
      { label: '学校', color: '#f28e2b', count: 3 },
      { label: '公园', color: '#59a14f', count: 1 },
      { label: '医院', color: '#e15759', count: 1 },
      { label: '绿道', color: '#b07aa1', count: 1 },
    ]);
    await waitForIdle(page);
    assert.equal((await pickUser(page, layerId, LANGFANG_STATION))?.type, '交通');
    // the centre of a point is its fill (alpha 220 over the base map): close to the category colour
    // (Beijing South, not Langfang station: the city's seat marker is drawn over the latter)
    const station = await pixelAt(page, BEIJING_SOUTH);
    const college = await pixelAt(page, LANGFANG_COLLEGE);
    await page.screenshot({ path: path.join(tmpdir(), 'jjj-user-style-category.png') });
    assert.ok(near(station, '#4e79a7', 45), `交通 drawn blue, got ${station}`);
    assert.ok(near(college, '#f28e2b', 45), `学校 drawn orange, got ${college}`);
    // the area and the line (drawn from binary shapes) are picked as their own features, and the
    // area's inside is filled: a click inside it finds the park
    assert.equal((await pickUser(page, layerId, [116.675, 39.465]))?.name, '廊坊公园');
    assert.equal((await pickUser(page, layerId, [116.66, 39.5]))?.name, '廊坊绿道');
    assert.equal(await pickUser(page, layerId, [116.675, 39.43]), null, 'nothing south of the park');

    // graduated: 7 numbers in 5 quantile classes, the path and the park have none
    await row.getByTestId('style-kind').selectOption('graduated');
    assert.equal(await row.getByTestId('style-property').inputValue(), 'visitors');
    const grad = await legend(page);
    assert.equal(grad.length, 6);
    assert.deepEqual(grad.map((c) => c.count), [2, 1, 2, 1, 1, 2]); // ≤40, ≤60, ≤120, ≤250, ≤300, no value
    assert.equal(grad.at(-1)!.label, '无值');
    await row.getByTestId('style-kind').selectOption('category');
    await row.getByTestId('style-property').selectOption('type');

    await page.waitForTimeout(500); // IndexedDB writes are asynchronous
    await page.reload();
    await waitForMapIdle(page);
    await openDataTab(page);
    await page.locator(`[data-layer-id="${layerId}"] [data-testid="user-legend"]`).waitFor({ timeout: 15_000 });
    assert.equal(await page.locator(`[data-layer-id="${layerId}"]`).getByTestId('style-kind').inputValue(), 'category');
    assert.equal((await legend(page)).length, 5);
    await page.evaluate(() => window.jjjAtlas!.map.jumpTo({ center: [116.6, 39.6], zoom: 9 }));
    await waitForIdle(page);
    assert.ok(near(await pixelAt(page, BEIJING_SOUTH), '#4e79a7', 45), 'the restored style is drawn');
  });

  async function langfangColumn(page: Page) {
    await page.getByRole('tab', { name: '地区' }).click();
    await page.getByRole('radio', { name: '地级', exact: true }).check();
    const col = page.locator('[data-testid="region-panel"] .region-column[data-region="131000"]');
    if ((await col.count()) === 0) {
      const box = (await page.getByTestId('map').boundingBox())!;
      const p = await page.evaluate((ll) => window.jjjAtlas!.map.project(ll), YONGQING);
      await page.mouse.click(box.x + p.x, box.y + p.y);
    }
    await col.locator('[data-testid="region-user-layer"]').waitFor({ timeout: 30_000 });
    return col;
  }
  const userFigures = async (page: Page) => {
    const li = (await langfangColumn(page)).locator(`[data-testid="region-user-layer"][data-layer-id="${layerId}"]`);
    return {
      features: Number(await li.getAttribute('data-features')),
      points: Number(await li.getAttribute('data-points')),
      lineKm: Number(await li.getAttribute('data-line-km')),
      areaKm2: Number(await li.getAttribute('data-area-km2')),
    };
  };

  test("the region panel counts the layer's features in Langfang, and its CSV holds the panel's numbers", async () => {
    const page = app.page;
    assert.deepEqual(await userFigures(page), { features: 5, points: 3, lineKm: 14.1, areaKm2: 14.3 });
    const col = await langfangColumn(page);
    const items = Number(await col.getByTestId('region-items').textContent());
    const groups = await Promise.all([1, 2, 3, 4, 5].map(async (g) => Number(await col.getByTestId(`region-group-${g}`).textContent())));
    const [download] = await Promise.all([page.waitForEvent('download'), col.getByTestId('region-export-csv').click()]);
    assert.equal(download.suggestedFilename(), '廊坊市-131000.csv');
    const file = path.join(tmp, 'langfang.csv');
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    assert.ok(text.startsWith('\uFEFFregion_code,region_zh,region_en,figure_zh,figure_en,value,unit\r\n'), 'UTF-8 BOM and header');
    const rows = text.slice(1).trimEnd().split('\r\n').slice(1).map((l) => l.split(','));
    assert.ok(rows.every((r) => r[0] === '131000' && r[1] === '廊坊市' && r[2] === 'Langfang'));
    const value = (en: string) => rows.filter((r) => r[4] === en).map((r) => Number(r[5]));
    assert.deepEqual(value('Items concerned'), [items]);
    assert.ok(items > 0);
    assert.deepEqual(rows.slice(1, 6).map((r) => Number(r[5])), groups);
    assert.deepEqual(value('My layers: facilities · features'), [5]);
    assert.deepEqual(value('My layers: facilities · points'), [3]);
    assert.deepEqual(value('My layers: facilities · line length inside'), [14.1]);
    assert.deepEqual(value('My layers: facilities · area inside'), [14.3]);
    await page.screenshot({ path: path.join(tmpdir(), 'jjj-user-region-panel.png') });
  });

  test('the region and text filters hide user features: not picked, not counted', async () => {
    const page = app.page;
    await page.getByRole('tab', { name: '图层与筛选' }).click();
    await page.locator('#filter-region').selectOption('131000');
    await openDataTab(page);
    const row = page.locator(`[data-layer-id="${layerId}"]`);
    await page.waitForFunction((id) => document.querySelector(`[data-layer-id="${id}"]`)?.getAttribute('data-shown') === '5', layerId, { timeout: 30_000 });
    assert.match((await row.getByTestId('user-layer-count').textContent()) ?? '', /显示 5 \/ 9 个要素/);
    assert.deepEqual((await legend(page)).map((c) => c.count), [1, 2, 1, 0, 1]); // 交通 学校 公园 医院 绿道 in Langfang
    await page.evaluate(() => window.jjjAtlas!.map.jumpTo({ center: [116.6, 39.7], zoom: 8.5 }));
    await waitForIdle(page);
    assert.equal(await pickUser(page, layerId, BEIJING_SOUTH), null, 'a feature outside Langfang is not drawn');
    assert.equal((await pickUser(page, layerId, LANGFANG_STATION))?.name, '廊坊站');

    await page.getByRole('tab', { name: '图层与筛选' }).click();
    await page.locator('#filter-text').fill('学校');
    await openDataTab(page);
    await page.waitForFunction((id) => document.querySelector(`[data-layer-id="${id}"]`)?.getAttribute('data-shown') === '2', layerId);
    await waitForIdle(page);
    assert.equal(await pickUser(page, layerId, LANGFANG_STATION), null, '交通 is filtered out by the text');
    assert.equal((await pickUser(page, layerId, LANGFANG_COLLEGE))?.name, '廊坊师范学院');
    assert.deepEqual(await userFigures(page), { features: 2, points: 2, lineKm: 0, areaKm2: 0 });

    await page.getByRole('tab', { name: '图层与筛选' }).click();
    await page.getByTestId('clear-all').click();
    await openDataTab(page);
    await page.waitForFunction((id) => document.querySelector(`[data-layer-id="${id}"]`)?.getAttribute('data-shown') === '9', layerId);
  });

  test('a category switched off in the legend is not drawn, counted or exported, and stays off after a reload', async () => {
    const page = app.page;
    await openDataTab(page);
    const row = page.locator(`[data-layer-id="${layerId}"]`);
    const station = row.locator('[data-testid="user-legend"] li[data-label="交通"]');
    await station.getByTestId('legend-class-toggle').uncheck();
    await page.waitForFunction((id) => document.querySelector(`[data-layer-id="${id}"]`)?.getAttribute('data-shown') === '6', layerId);
    assert.equal(await station.getAttribute('data-shown'), 'false');
    assert.deepEqual((await legend(page)).map((c) => c.count), [0, 3, 1, 1, 1]);
    assert.match((await row.getByTestId('user-layer-count').textContent()) ?? '', /显示 6 \/ 9 个要素/);
    await page.evaluate(() => window.jjjAtlas!.map.jumpTo({ center: [116.6, 39.7], zoom: 8.5 }));
    await waitForIdle(page);
    assert.equal(await pickUser(page, layerId, LANGFANG_STATION), null, '交通 is not drawn');
    assert.equal((await pickUser(page, layerId, LANGFANG_COLLEGE))?.name, '廊坊师范学院', '学校 still is');
    // the region panel: Langfang's 5 features less its station
    assert.deepEqual(await userFigures(page), { features: 4, points: 2, lineKm: 14.1, areaKm2: 14.3 });
    // the export holds the 6 shown features
    await openDataTab(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-geojson').click()]);
    const file = path.join(tmp, 'classes-off.geojson');
    await download.saveAs(file);
    const exported = (JSON.parse(readFileSync(file, 'utf8')) as { features: { properties: Record<string, unknown> | null }[] }).features;
    const types = exported.map((f) => f.properties?.type).filter((v) => typeof v === 'string' && ['交通', '学校', '公园', '医院', '绿道'].includes(v));
    assert.equal(types.length, 6, `exported user features: ${types.join(' ')}`);
    assert.ok(!types.includes('交通'));
    await page.screenshot({ path: path.join(tmpdir(), 'jjj-user-legend-off.png') });

    await page.waitForTimeout(500); // IndexedDB writes are asynchronous
    await page.reload();
    await waitForMapIdle(page);
    await openDataTab(page);
    await page.waitForFunction((id) => document.querySelector(`[data-layer-id="${id}"]`)?.getAttribute('data-shown') === '6', layerId, { timeout: 15_000 });
    await page.locator(`[data-layer-id="${layerId}"]`).getByTestId('legend-show-all').click();
    await page.waitForFunction((id) => document.querySelector(`[data-layer-id="${id}"]`)?.getAttribute('data-shown') === '9', layerId);
  });

  test('the search finds a user feature by a property value, flies to it and shows its properties as text', async () => {
    const page = app.page;
    await page.evaluate(() => window.jjjAtlas!.map.jumpTo({ center: [115.5, 38.5], zoom: 7 }));
    const input = page.getByTestId('search-input');
    await input.fill('天津医院');
    const option = page.locator('.search-option[data-kind="user"]').first();
    await option.waitFor();
    assert.match((await option.textContent()) ?? '', /天津医院.*我的图层 · facilities/);
    await option.click();
    const detail = page.getByTestId('user-feature-detail');
    await detail.waitFor();
    const text = (await detail.textContent()) ?? '';
    assert.ok(text.includes('天津医院') && text.includes('医院') && text.includes('80'), text);
    await page.waitForFunction(() => !window.jjjAtlas!.map.isMoving(), null, { timeout: 15_000 });
    await waitForIdle(page);
    const c = await page.evaluate(() => window.jjjAtlas!.map.getCenter().toArray());
    assert.ok(Math.abs(c[0]! - 117.19) < 0.01 && Math.abs(c[1]! - 39.11) < 0.01, `centred on the feature: ${c}`);
    await page.screenshot({ path: path.join(tmpdir(), 'jjj-user-search.png') });
  });

  test('the presentation legend and an exported image list the layer by its classes', async () => {
    const page = app.page;
    await page.getByRole('tab', { name: '演示' }).click();
    // the exported image: every class colour of the layer fills a legend swatch (solid, unblended:
    // the features on the map are drawn translucent, so exact colours come from the legend)
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-image').click()]);
    const img = decodePng(readFileSync((await download.path())!));
    await download.saveAs(path.join(tmpdir(), 'jjj-export-user-legend.png'));
    const exact = new Map<string, number>();
    for (let o = 0; o < img.data.length; o += 4) {
      const hex = `#${[img.data[o]!, img.data[o + 1]!, img.data[o + 2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
      exact.set(hex, (exact.get(hex) ?? 0) + 1);
    }
    for (const hex of ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1']) assert.ok((exact.get(hex) ?? 0) >= 60, `a legend swatch of ${hex} in the image: ${exact.get(hex) ?? 0} pixels`);
    await page.getByTestId('export-image').and(page.locator(':enabled')).waitFor();

    await page.getByTestId('start-presentation').click();
    await page.getByTestId('presentation').waitFor();
    const entries = await page.locator('.present-legend li[data-kind="user"]').allTextContents();
    await page.keyboard.press('Escape');
    await page.getByTestId('presentation').waitFor({ state: 'detached' });
    assert.deepEqual(entries.map((e) => e.trim()), ['facilities · 交通', 'facilities · 学校', 'facilities · 公园', 'facilities · 医院', 'facilities · 绿道']);
  });

  test('no page errors or console errors', () => {
    assert.deepEqual(app.pageErrors, []);
    assert.deepEqual(app.consoleErrors, []);
    assert.deepEqual(app.foreignRequests, []);
  });
});
