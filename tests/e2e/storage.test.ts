/**
 * Stored data cannot brick the app: damaged records written straight into IndexedDB and
 * localStorage (a feature chunk holding null, a layer name that is an object, a half-written
 * layer, a tile layer whose name is an object, one with an http URL) and a storage whose `open`
 * never answers. After a reload the page is whole, names what it set aside or removed, draws
 * nothing from those records, requests nothing over http, and keeps the good layer. And a page
 * reloaded after an import but before its save: the next start says the layer was lost.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { openApp, waitForMapIdle, waitForStoredLayerComplete, waitForStoredLayers, type AppSession } from './harness';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCREENSHOT = path.join(tmpdir(), 'jjj-corrupt-store.png');

async function openDataTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /^数据$|^Data$/ }).click();
  await page.getByTestId('import-input').waitFor({ state: 'attached' });
}

async function layerNames(page: Page): Promise<string[]> {
  return page.locator('[data-testid="user-layer-name"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
}

async function notices(page: Page): Promise<string> {
  return (await page.getByTestId('notices').textContent()) ?? '';
}

/** The ids in the IndexedDB layer store, and the keys of the feature chunks. */
async function stored(page: Page): Promise<{ layers: { id: string; complete?: boolean }[]; chunks: string[] }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('jjj-atlas');
        req.onerror = () => reject(new Error('open failed'));
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['userLayers', 'userLayerFeatures'], 'readonly');
          const a = tx.objectStore('userLayers').getAll();
          const b = tx.objectStore('userLayerFeatures').getAllKeys();
          tx.oncomplete = () => {
            db.close();
            resolve({ layers: (a.result as { id: string; complete?: boolean }[]).map((l) => ({ id: l.id, complete: l.complete })), chunks: b.result.map((k) => JSON.stringify(k)) });
          };
        };
      }),
  );
}

// A string, not a function: tsx/esbuild would wrap its named helpers in a `__name` the page lacks.
const SEED_DAMAGE = `new Promise((resolve, reject) => {
  const stats = { format: 'geojson', encoding: 'utf-8', bom: false, crs: 'wgs84', bytes: 1, total: 1, kept: 1, dropped: 0, geometryTypes: { Point: 1 } };
  const meta = (id, name, addedAt) => ({ id, name, color: '#123456', visible: true, columns: [], stats, bbox: [116, 39, 117, 40], addedAt });
  const point = { type: 'Feature', geometry: { type: 'Point', coordinates: [116.4, 39.9] }, properties: {} };
  localStorage.setItem('jjj-atlas:tile-layers', JSON.stringify([
    { id: 't-obj', name: { evil: 1 }, url: 'https://tiles.example/a.pmtiles', kind: 'pmtiles-vector', sourceLayers: ['x'], color: '#ff0000', visible: true },
    { id: 't-http', name: '明文瓦片', url: 'http://insecure.example/{z}/{x}/{y}.png', kind: 'xyz-raster', sourceLayers: [], color: '#00ff00', visible: true },
  ]));
  const r = indexedDB.open('jjj-atlas');
  r.onerror = () => reject(new Error('open failed'));
  r.onsuccess = () => {
    const tx = r.result.transaction(['userLayers', 'userLayerFeatures'], 'readwrite');
    const layers = tx.objectStore('userLayers');
    const chunks = tx.objectStore('userLayerFeatures');
    layers.put({ ...meta('bad-null', '坏图层', 10), schemaVersion: 3, complete: true, featureChunks: 1, featureCount: 1 });
    chunks.put([null], ['bad-null', 0]);
    layers.put({ ...meta('obj-name', { evil: 1 }, 11), featureChunks: 1, featureCount: 1 });
    chunks.put([point], ['obj-name', 0]);
    // what a reload during the storing phase left (the version-2 marker)
    layers.put({ ...meta('half', '半截图层', 12), featureChunks: 0, featureCount: -1 });
    chunks.put([point], ['half', 0]);
    tx.oncomplete = () => { r.result.close(); resolve(); };
  };
})`;

describe('stored data', () => {
  let app: AppSession;
  const dialogs: string[] = [];
  before(async () => {
    app = await openApp({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    app.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await waitForMapIdle(app.page);
  });
  after(async () => {
    await app?.close();
  });

  test('damaged records: the page stays whole, names them once, keeps the good layer, asks nothing over http', { timeout: 120_000 }, async () => {
    const page = app.page;
    await openDataTab(page);
    await page.getByTestId('import-input').setInputFiles(path.join(ROOT, 'tests/fixtures/import/valid/sites.geojson'));
    await page.locator('[data-testid="import-result"][data-ok="true"]').waitFor({ timeout: 30_000 });
    // saved (complete) before the damage is added
    await waitForStoredLayerComplete(page);
    await page.evaluate(SEED_DAMAGE);

    await page.reload();
    await waitForMapIdle(page);
    await page.getByTestId('notices').getByText('上次未保存完成的图层').waitFor({ timeout: 20_000 });
    const said = await notices(page);
    assert.match(said, /上次未保存完成的图层“半截图层”已移除。/);
    assert.match(said, /已保存的图层“坏图层”, “obj-name”已损坏|已保存的图层“坏图层”, “obj-name”|已保存的图层“坏图层”/);
    assert.match(said, /已保存的瓦片图层“t-obj”, “明文瓦片”无效/);
    await openDataTab(page);
    assert.deepEqual(await layerNames(page), ['sites'], 'the good layer is kept, nothing damaged is drawn');
    const damaged = await page.getByTestId('damaged-layer').allTextContents();
    assert.deepEqual(
      damaged.map((d) => d.replace(/导出可读部分\s*删除$/, '').trim()),
      ['坏图层', 'obj-name'],
    );
    assert.equal(await page.getByTestId('panel-failed').count(), 0, 'no part failed');
    await page.screenshot({ path: SCREENSHOT });
    console.log(`screenshot: ${SCREENSHOT}`);

    const s = await stored(page);
    assert.ok(!s.layers.some((l) => l.id === 'half') && !s.chunks.some((k) => k.includes('"half"')), 'the half-written layer and its chunk are gone');
    assert.ok(s.layers.some((l) => l.id === 'bad-null'), 'a damaged layer stays stored until the person deletes it');

    // what is readable of a damaged layer can be saved first: the one valid point of obj-name, none of bad-null
    for (const [name, count] of [['obj-name', 1], ['坏图层', 0]] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('damaged-layer').filter({ hasText: name }).getByTestId('damaged-layer-export').click()]);
      const fc = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { features: unknown[] };
      assert.equal(fc.features.length, count, `${name}: ${download.suggestedFilename()}`);
    }

    // delete one; after a reload the removal is not reported again, the other damaged one is
    await page.getByTestId('damaged-layer').filter({ hasText: '坏图层' }).getByTestId('damaged-layer-delete').click();
    await page.getByTestId('damaged-layer').filter({ hasText: '坏图层' }).waitFor({ state: 'detached' });
    await page.reload();
    await waitForMapIdle(page);
    await page.getByTestId('notices').getByText('已损坏').waitFor({ timeout: 20_000 });
    const again = await notices(page);
    assert.doesNotMatch(again, /上次未保存完成|坏图层|瓦片图层/);
    assert.match(again, /“obj-name”已损坏/);

    assert.deepEqual(app.pageErrors, []);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(app.foreignRequests.filter((u) => u.startsWith('http:')), [], 'no request over http');
  });

  test('an IndexedDB open that never answers is reported, and the page works', { timeout: 60_000 }, async () => {
    await app.context.addInitScript({ content: 'IDBFactory.prototype.open = function () { return {}; };' });
    const page = app.page;
    await page.reload();
    await waitForMapIdle(page);
    await page.getByTestId('notices').getByText('没有响应').waitFor({ timeout: 15_000 });
    assert.match(await notices(page), /浏览器的存储在 5 秒内没有响应/);
    await openDataTab(page);
    assert.deepEqual(await layerNames(page), []);
    assert.deepEqual(app.pageErrors, []);
  });
});

describe('a page left before its import was saved', () => {
  let app: AppSession;
  before(async () => {
    app = await openApp({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    // the save waits for an idle moment after the first draw; while this flag is set that moment
    // never comes, so the reload below lands where a person closing the tab too soon would
    await app.context.addInitScript({ content: "if (sessionStorage.getItem('jjj-test-hold-save')) window.requestIdleCallback = () => 0;" });
    await waitForMapIdle(app.page);
  });
  after(async () => {
    await app?.close();
  });

  test('the next start says the layer was not saved, and nothing of it is left stored', { timeout: 90_000 }, async () => {
    const page = app.page;
    await page.evaluate(() => sessionStorage.setItem('jjj-test-hold-save', '1'));
    await page.reload();
    await waitForMapIdle(page);
    await openDataTab(page);
    await page.getByTestId('import-input').setInputFiles(path.join(ROOT, 'tests/fixtures/import/valid/sites.geojson'));
    await page.locator('[data-testid="import-result"][data-ok="true"]').waitFor({ timeout: 30_000 });
    assert.deepEqual(await layerNames(page), ['sites']);
    // the layer's record, marked unfinished, is stored at once
    const marked = await waitForStoredLayers(page, { unfinished: true }, 10_000);
    assert.ok(marked, 'a new layer is stored marked unfinished before its features are written');

    // leaving now asks first (the browser's own prompt); staying keeps the page and its layer
    const asked = new Promise<string>((resolve) => {
      page.once('dialog', (d) => {
        resolve(d.type());
        void d.dismiss();
      });
      setTimeout(() => resolve('no prompt within 10 s'), 10_000);
    });
    await page.close({ runBeforeUnload: true });
    assert.equal(await asked, 'beforeunload', 'closing the page while a layer is being saved asks first');
    assert.equal(page.isClosed(), false, 'staying keeps the page');
    assert.deepEqual(await layerNames(page), ['sites']);

    // leaving anyway: the next start says what was lost
    await page.evaluate(() => sessionStorage.removeItem('jjj-test-hold-save'));
    page.once('dialog', (d) => void d.accept());
    await page.reload();
    await waitForMapIdle(page);
    await page.getByTestId('notices').getByText('上次未保存完成的图层').waitFor({ timeout: 20_000 });
    assert.match(await notices(page), /上次未保存完成的图层“sites”已移除。/);
    await openDataTab(page);
    assert.deepEqual(await layerNames(page), []);
    const s = await stored(page);
    assert.deepEqual(s.layers, [], 'the unfinished record is removed');
    assert.deepEqual(s.chunks, []);
    assert.deepEqual(app.pageErrors, []);
  });
});
