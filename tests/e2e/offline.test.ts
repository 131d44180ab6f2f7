/**
 * Take it anywhere, in the production build served under a sub-path (/atlas/), as a shared
 * static host would: one visit installs the service worker; with the server stopped, the same
 * browser profile opens the app again with the base map, the plan layers, the Present tab and
 * a layer the person imported, and no request fails. Then a new version is deployed: the app
 * offers to reload, hides the offer while a presentation runs, and reloads only on request.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launch } from './browser';
import { serveDist, DIST_DIR } from './server';
import { failedOwnResponses, pickAt, probe, recordPage, waitForMapIdle, waitForStoredLayerComplete, type AppSession } from './harness';
import { pwaStrings } from '../../src/i18n/pwa';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BASE = '/atlas/';
const SITES = path.join(ROOT, 'tests/fixtures/import/valid/sites.geojson');
const SHOTS = path.join(ROOT, 'test-results');
/** A plan site drawn in the default view (Daxing airport). */
const DAXING_AIRPORT: [number, number] = [116.4106, 39.5092];

type Browser = Awaited<ReturnType<typeof launch>>;

/** Resolves once a service worker controls the page (after its precache finished installing). */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 60_000, polling: 200 });
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
}

async function userLayerCount(page: Page): Promise<number> {
  return page.locator('[data-testid="user-layer"]').count();
}

async function openDataTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /^数据$|^Data$/ }).click();
  await page.getByTestId('import-input').waitFor({ state: 'attached' });
}

/** Problems a person would not see but that must not happen (as in the other e2e files). */
async function silentProblems(app: Omit<AppSession, 'url' | 'close'>): Promise<string[]> {
  const p = await probe(app.page);
  return [
    ...app.foreignRequests.map((u) => `foreign request ${u}`),
    ...app.pageErrors.map((e) => `page error ${e}`),
    ...app.consoleErrors.map((e) => `console error ${e}`),
    ...p.cspViolations.map((v) => `CSP ${v}`),
    ...p.mapErrors.map((e) => `map error ${e}`),
    ...failedOwnResponses({ ...app, url: '', close: async () => {} }),
  ];
}

describe('offline after one visit, served under a sub-path', () => {
  const profileDir = mkdtempSync(path.join(tmpdir(), 'jjj-offline-profile-'));
  let port = 0;
  let url = '';

  after(() => rmSync(profileDir, { recursive: true, force: true }));

  test('first visit: the app loads under /atlas/, the worker installs, a layer is imported', async () => {
    const server = await serveDist(DIST_DIR, { base: BASE });
    url = server.url;
    port = Number(new URL(url).port);
    const browser = await launch({ profileDir });
    try {
      const app = await recordPage(browser.context, new URL(url).origin);
      await app.page.goto(url);
      await waitForMapIdle(app.page);
      await waitForServiceWorker(app.page);

      const outside = [...app.ownResponses.keys()].filter((u) => !new URL(u).pathname.startsWith(BASE));
      assert.deepEqual(outside, [], `every request stays under ${BASE}`);
      const scope = await app.page.evaluate(() => navigator.serviceWorker.ready.then((r) => new URL(r.scope).pathname));
      assert.equal(scope, BASE, 'the worker covers the app and nothing above it');

      // Installable: Chromium finds nothing missing in the manifest, icons or worker.
      const cdp = await browser.context.newCDPSession(app.page);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
      assert.deepEqual(installabilityErrors.map((e) => e.errorId), [], 'the app is installable');

      await openDataTab(app.page);
      await app.page.getByTestId('import-input').setInputFiles(SITES);
      await app.page.locator('[data-testid="import-result"][data-ok="true"]').waitFor({ timeout: 30_000 });
      assert.equal(await userLayerCount(app.page), 1, 'the imported layer is listed');
      // The layer is saved after it is listed; closing the browser before its record is marked
      // complete would leave a half-written layer, which the next start rightly removes.
      await waitForStoredLayerComplete(app.page);

      assert.deepEqual(await silentProblems(app), []);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  test('server gone: the same profile opens the map, plan layers, the imported layer and the Present tab', async () => {
    assert.ok(port, 'the first visit ran');
    const browser = await launch({ profileDir });
    try {
      const app = await recordPage(browser.context, new URL(url).origin);
      // Nothing listens on the port any more: only the service worker can answer.
      const offline = await fetch(url).then(
        () => false,
        () => true,
      );
      assert.ok(offline, 'the server is really stopped');
      await app.page.goto(url);
      await waitForMapIdle(app.page);

      assert.ok((await app.page.evaluate(() => window.jjjAtlas!.layerCount)) > 0, 'the plan layers are drawn');
      assert.ok(await pickAt(app.page, DAXING_AIRPORT), 'a plan site is on the map');
      const rendered = await app.page.evaluate(() => {
        const map = window.jjjAtlas!.map;
        const labels = map.queryRenderedFeatures().filter((f) => f.layer.type === 'symbol');
        return { labels: labels.length, areas: map.queryRenderedFeatures().filter((f) => f.layer.type === 'fill').length };
      });
      assert.ok(rendered.areas > 0, 'the base map draws its areas');
      assert.ok(rendered.labels > 0, 'the base map draws its labels (fonts from the cache)');

      await openDataTab(app.page);
      await app.page.locator('[data-testid="user-layer"]').first().waitFor({ timeout: 20_000 });
      assert.equal(await userLayerCount(app.page), 1, 'the imported layer is back, from IndexedDB');

      await app.page.getByRole('tab', { name: '演示', exact: true }).click();
      await app.page.getByTestId('chapter-list').waitFor();
      await app.page.getByTestId('start-presentation').click();
      await app.page.getByTestId('presentation').waitFor();
      await app.page.getByTestId('chapter-caption').waitFor();
      await app.page.keyboard.press('Escape');
      await app.page.getByTestId('presentation').waitFor({ state: 'detached' });
      await waitForMapIdle(app.page);

      await app.page.screenshot({ path: path.join(SHOTS, 'offline.png') });
      const fromWorker = await app.page.evaluate(
        () => performance.getEntriesByType('navigation').map((e) => (e as PerformanceNavigationTiming).workerStart > 0)[0] ?? false,
      );
      assert.ok(fromWorker, 'the page itself came from the service worker');
      assert.deepEqual(await silentProblems(app), []);
    } finally {
      await browser.close();
    }
  });
});

describe('a new version is offered, never forced', () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'jjj-dist-next-'));
  let server: Awaited<ReturnType<typeof serveDist>>;
  let browser: Browser;
  let app: Omit<AppSession, 'url' | 'close'>;

  before(async () => {
    cpSync(DIST_DIR, dist, { recursive: true });
    server = await serveDist(dist, { base: BASE });
    browser = await launch({ locale: 'en-US' });
    app = await recordPage(browser.context, new URL(server.url).origin);
    await app.page.goto(server.url);
    await waitForMapIdle(app.page);
    await waitForServiceWorker(app.page);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  test('deployed update: offered in the UI language, hidden while presenting, applied on request', async () => {
    const { page } = app;
    const prompt = page.getByTestId('pwa-update');
    assert.equal(await prompt.count(), 0, 'no offer while the deployed version is the running one');

    // Deploy a new version: the worker script changes (as its precache list does on any release).
    appendFileSync(path.join(dist, 'sw.js'), '\n// next release\n');
    await page.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await prompt.waitFor({ timeout: 30_000 });
    const lang = await page.evaluate(() => document.documentElement.lang);
    const strings = lang.startsWith('zh') ? pwaStrings.zh : pwaStrings.en;
    assert.match((await prompt.textContent()) ?? '', new RegExp(strings.updateAvailable.replace(/[.]/g, '\\.')));
    await page.screenshot({ path: path.join(SHOTS, 'update-prompt.png') });

    // A talk starts: the offer steps aside and nothing reloads.
    await page.getByRole('tab', { name: /^演示$|^Present$/ }).click();
    await page.getByTestId('start-presentation').click();
    await page.getByTestId('presentation').waitFor();
    await prompt.waitFor({ state: 'detached' });
    await page.waitForTimeout(1500);
    assert.equal(await prompt.count(), 0, 'no offer on screen during the presentation');
    await page.keyboard.press('Escape');
    await page.getByTestId('presentation').waitFor({ state: 'detached' });
    await prompt.waitFor();
    assert.equal(
      await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
      true,
      'the page was never reloaded on its own',
    );

    // The person asks for it: the new worker takes over and the page reloads once.
    await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), page.getByTestId('pwa-update-reload').click()]);
    // The new page's first idle is enough here (what is drawn was checked above).
    await page.waitForFunction(() => window.__e2e?.idleAt != null, null, { timeout: 60_000, polling: 200 });
    const state = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return {
        sameDocument: (window as unknown as { __sameDocument?: boolean }).__sameDocument ?? false,
        waiting: r?.waiting != null,
        controlled: navigator.serviceWorker.controller != null,
      };
    });
    assert.deepEqual(state, { sameDocument: false, waiting: false, controlled: true }, 'reloaded under the new worker');
    const sw = await page.evaluate(() => fetch(navigator.serviceWorker.controller!.scriptURL).then((r) => r.text()));
    assert.ok(sw.includes('// next release'), 'the new version is the one in control');
    assert.equal(await prompt.count(), 0, 'no offer once up to date');
    assert.deepEqual(await silentProblems(app), []);
  });
});

test('the built manifest names the app in both languages and its icons exist', () => {
  const manifest = JSON.parse(readFileSync(path.join(DIST_DIR, 'manifest.webmanifest'), 'utf8')) as {
    name: string;
    short_name: string;
    start_url: string;
    scope: string;
    icons: { src: string; sizes: string; purpose?: string }[];
    translations?: Record<string, { name: string }>;
  };
  assert.match(manifest.name, /京津冀/);
  assert.match(manifest.name, /JJJ Atlas/);
  assert.match(manifest.translations?.en?.name ?? '', /JJJ Atlas/);
  assert.equal(manifest.start_url, './', 'relative, so the app installs from any sub-path');
  for (const icon of manifest.icons) assert.ok(readFileSync(path.join(DIST_DIR, icon.src)).length > 0, icon.src);
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.purpose === 'maskable'), 'a maskable icon');
});
