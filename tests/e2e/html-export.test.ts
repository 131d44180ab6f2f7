/**
 * "Save as HTML", as a person uses it: in the app, import a layer and save the map from the Data
 * tab (a download); then open the downloaded file from disk (file://) in a fresh browser where
 * every request is recorded and anything but the file itself, data: and blob: is refused. The map
 * must be drawn (pixels: the land and the imported point in its colour), the imported feature
 * picked where it is drawn with its properties shown as text, and the story walked with the
 * keyboard in full screen — with no failed request, no CSP violation and no page error.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { launch } from './browser';
import { openApp, waitForMapIdle, type AppSession } from './harness';
import { colorDistance, decodePng, hexToRgb, pixel, type RGB } from './png';
import { SAVED_MAP_ELEMENT_ID, type SavedMap } from '../../src/model/savedMap';
import { BASEMAP_COLORS } from '../../src/map/basemap/style';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results');
const TMP = mkdtempSync(path.join(tmpdir(), 'jjj-html-export-'));
/** A point in the default view away from the plan's sites, with a property that looks like markup. */
const POINT: [number, number] = [114.0, 38.6];
const HOSTILE = '<img src=x onerror="window.__pwned=1">';
const LAYER_FILE = path.join(TMP, 'meeting-sites.geojson');
writeFileSync(
  LAYER_FILE,
  JSON.stringify({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: POINT }, properties: { name: '张北会场', note: HOSTILE } }],
  }),
);

/** The state inside a saved file, as the viewer will read it. */
function savedState(html: string): SavedMap {
  const m = new RegExp(`<script type="application/json" id="${SAVED_MAP_ELEMENT_ID}">([\\s\\S]*?)</script>`).exec(html);
  assert.ok(m, 'the file carries its state');
  return JSON.parse(m[1]!) as SavedMap;
}

async function viewerIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => window.jjjAtlasViewer?.map.loaded() === true, null, { timeout: 60_000, polling: 100 });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.jjjAtlasViewer!.map;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

/** The colour nearest to `want` within `r` device pixels of (x, y). */
function nearest(img: ReturnType<typeof decodePng>, x: number, y: number, want: RGB, r = 4): number {
  let best = Infinity;
  for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) best = Math.min(best, colorDistance(pixel(img, Math.round(x + dx), Math.round(y + dy)), want));
  return best;
}

describe('a map saved as one HTML file', () => {
  let app: AppSession;
  let file = '';
  let html = '';

  before(async () => {
    app = await openApp({ viewport: { width: 1280, height: 800 } });
    await waitForMapIdle(app.page);
  });
  after(async () => {
    await app?.close();
    rmSync(TMP, { recursive: true, force: true });
  });

  test('is saved from the Data tab as one download', async () => {
    const page = app.page;
    await page.getByRole('tab', { name: /^数据$|^Data$/ }).click();
    await page.getByTestId('import-input').setInputFiles(LAYER_FILE);
    await page.locator('[data-testid="import-result"][data-ok="true"]').waitFor({ timeout: 30_000 });
    // The default story is in the store once the Present tab's code has loaded it.
    await page.waitForFunction(() => document.querySelector('[data-testid="save-html"]') !== null);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('save-html').click()]);
    assert.match(download.suggestedFilename(), /^jjj-atlas-map-.*\.html$/);
    file = path.join(TMP, download.suggestedFilename());
    await download.saveAs(file);
    html = readFileSync(file, 'utf8');
    // kept beside the other test output, to open by hand
    mkdirSync(SHOTS, { recursive: true });
    copyFileSync(file, path.join(SHOTS, 'saved-map.html'));
    await page.getByTestId('save-html-status').filter({ hasText: /KB|MB/ }).waitFor();

    const state = savedState(html);
    assert.equal(state.lang, 'zh');
    assert.equal(state.userLayers.length, 1, 'the visible imported layer is saved');
    assert.equal(state.userLayers[0]!.features[0]!.properties.note, HOSTILE);
    assert.ok(state.story && state.story.chapters.length >= 3, 'the story is saved');
    assert.ok(state.items.length >= 20 && state.visible.some(Boolean), 'the plan items are saved with the filters’ mask');
    assert.ok(state.fonts.length > 0 && state.fonts.length < 60, `only the font subsets the text needs (${state.fonts.length})`);
    assert.ok(!/<script[^>]*\ssrc=|<link[^>]*\shref=|https?:\/\/[^"' ]*\.(js|css|woff2)/i.test(html), 'nothing is loaded from elsewhere');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/, 'the saved page allows no inline code by default and no network');
  });

  test('opens from disk with no network: drawn, picked, the story walked in full screen', async () => {
    assert.ok(file, 'the file was saved');
    const state = savedState(html);
    const viewer = await launch({ viewport: { width: 1280, height: 800 } });
    try {
      const fileUrl = pathToFileURL(file).href;
      const requests: string[] = [];
      const failed: string[] = [];
      const cspViolations: string[] = [];
      await viewer.context.route('**/*', (route) => {
        const url = route.request().url();
        return url === fileUrl || /^(data|blob):/.test(url) ? route.continue() : route.abort('blockedbyclient');
      });
      await viewer.context.exposeFunction('__csp', (s: string) => cspViolations.push(s));
      await viewer.context.addInitScript({ content: `document.addEventListener('securitypolicyviolation', (e) => window.__csp(e.effectiveDirective + ' ' + e.blockedURI));` });
      const page = await viewer.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => requests.push(r.url()));
      page.on('requestfailed', (r) => failed.push(`${r.url().slice(0, 80)} ${r.failure()?.errorText ?? ''}`));
      await page.goto(fileUrl);
      await viewerIdle(page);
      await page.waitForFunction(() => (window.jjjAtlasViewer?.overlay as unknown as { _deck?: { props: { layers: unknown[] } } })?._deck?.props.layers.length, null, { timeout: 30_000 });
      await viewerIdle(page);

      // Drawn: the land in its colour, and the imported point in the layer's colour where it lies.
      const img = decodePng(await page.screenshot());
      const at = await page.evaluate((ll) => window.jjjAtlasViewer!.map.project(ll), POINT);
      assert.ok(nearest(img, at.x, at.y, hexToRgb(state.userLayers[0]!.color), 3) < 60, 'the imported point is drawn in its colour');
      const land = hexToRgb(BASEMAP_COLORS.land);
      let landPixels = 0;
      for (let y = 50; y < 700; y += 25) for (let x = 50; x < 1200; x += 25) if (colorDistance(pixel(img, x, y), land) < 12) landPixels++;
      assert.ok(landPixels > 100, `the base map is drawn (${landPixels} land samples)`);
      const footer = await page.getByTestId('viewer-footer').innerText();
      assert.match(footer, /已保存的地图/);
      assert.match(footer, /北京市发展和改革委员会/, 'the footer names the data');

      // Picked: a click on the point shows its properties, the markup as text.
      await page.mouse.click(at.x, at.y);
      const details = page.locator('.viewer-details');
      await details.waitFor({ state: 'visible' });
      const text = await details.innerText();
      assert.match(text, /张北会场/);
      assert.ok(text.includes(HOSTILE), 'markup in a property is shown as text');
      assert.equal(await details.locator('img').count(), 0);
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);

      // The story, full screen, with the keyboard.
      const chapters = state.story!.chapters;
      await page.getByTestId('viewer-play').click();
      await page.waitForFunction(() => document.fullscreenElement !== null, null, { timeout: 5000 });
      const title = page.getByTestId('viewer-chapter-title');
      assert.equal(await title.innerText(), chapters[0]!.title);
      await page.keyboard.press('ArrowRight');
      assert.equal(await title.innerText(), chapters[1]!.title);
      await page.waitForFunction(
        (c) => {
          const m = window.jjjAtlasViewer!.map;
          return !m.isMoving() && Math.abs(m.getZoom() - c.zoom) < 0.05 && Math.abs(m.getCenter().lng - c.center[0]) < 0.01;
        },
        chapters[1]!.camera,
        { timeout: 15_000 },
      );
      await page.keyboard.press('End');
      assert.equal(await page.getByTestId('viewer-chapter-count').innerText().then((s) => s.split(' ')[0]), String(chapters.length));
      await page.keyboard.press('ArrowLeft');
      assert.equal(await title.innerText(), chapters[chapters.length - 2]!.title);
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => window.jjjAtlasViewer!.chapter() === -1 && document.fullscreenElement === null, null, { timeout: 5000 });

      const foreign = requests.filter((u) => u !== fileUrl && !/^(data|blob):/.test(u));
      assert.deepEqual(foreign, [], 'the saved page asks for nothing off the file');
      assert.deepEqual(failed, [], 'no request fails');
      assert.deepEqual(cspViolations, [], 'the page keeps to its own CSP');
      assert.deepEqual(errors, []);
    } finally {
      await viewer.close();
    }
  });
});
