/**
 * Two tabs of the app in one browser stay in step without a reload: a layer imported in one
 * tab appears in the other, a rename there reaches the first, a deletion in either drops it in
 * both, and no change is echoed back and forth (each tab announces its own changes only); a
 * name being typed is not overwritten by a rename from the other tab; a chapter added to the
 * story in one tab shows in the other, but not over a story the other opened from a link.
 * One browser, two pages of the same origin.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, waitForMapIdle, type AppSession } from './harness';
import { storyToLink } from '../../src/model/story/io';
import type { Story } from '../../src/model/story/schema';

const ROOT = path.resolve(import.meta.dirname, '../..');
const STORY = JSON.parse(readFileSync(path.join(ROOT, 'geodata/story/default.json'), 'utf8')) as Story;
const chapters = (page: Page) => page.getByTestId('chapter-list').locator('> li');

// Counts what each page posts on BroadcastChannel (a string: tsx would wrap a function in `__name`).
const COUNT_POSTS = `(() => {
  window.__posts = [];
  if (typeof BroadcastChannel === 'undefined') return;
  const post = BroadcastChannel.prototype.postMessage;
  BroadcastChannel.prototype.postMessage = function (m) {
    window.__posts.push(JSON.stringify(m));
    return post.call(this, m);
  };
})();`;

async function openDataTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /^数据$|^Data$/ }).click();
  await page.getByTestId('import-input').waitFor({ state: 'attached' });
}

const names = (page: Page) => page.locator('[data-testid="user-layer-name"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
const posts = (page: Page) => page.evaluate(() => (window as unknown as { __posts: string[] }).__posts.map((p) => JSON.parse(p) as { kind: string; id: string }));

/** The ids of the layers in IndexedDB (shared by the tabs). */
const storedIds = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const req = indexedDB.open('jjj-atlas');
        req.onerror = () => reject(new Error('open failed'));
        req.onsuccess = () => {
          const db = req.result;
          const all = db.transaction('userLayers', 'readonly').objectStore('userLayers').getAllKeys();
          all.onsuccess = () => {
            db.close();
            resolve(all.result.map(String));
          };
        };
      }),
  );

/** Wait until the page lists exactly these layer names (polling the page, no fixed sleep). */
async function waitForNames(page: Page, want: string[], timeout = 10_000): Promise<void> {
  await page
    .waitForFunction(
      (w) => JSON.stringify([...document.querySelectorAll('[data-testid="user-layer-name"]')].map((e) => (e as HTMLInputElement).value)) === JSON.stringify(w),
      want,
      { timeout, polling: 100 },
    )
    .catch(async () => assert.fail(`expected layers ${JSON.stringify(want)}, the page lists ${JSON.stringify(await names(page))}`));
}

describe('tabs in step', () => {
  let app: AppSession;
  let other: Page;
  const otherErrors: string[] = [];
  const tmp = mkdtempSync(path.join(tmpdir(), 'jjj-cross-tab-'));
  const file = path.join(tmp, '津冀站点.geojson');
  writeFileSync(
    file,
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [117.2, 39.13] }, properties: { name: '天津站' } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [115.46, 38.87] }, properties: { name: '保定站' } },
      ],
    }),
  );

  before(async () => {
    app = await openApp({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    other = await app.context.newPage();
    other.on('pageerror', (e) => otherErrors.push(e.stack ?? e.message));
    await other.goto(app.url);
    await Promise.all([waitForMapIdle(app.page), waitForMapIdle(other)]);
    await Promise.all([app.page.evaluate(COUNT_POSTS), other.evaluate(COUNT_POSTS)]);
    await Promise.all([openDataTab(app.page), openDataTab(other)]);
  });
  after(async () => {
    if (app) {
      assert.deepEqual(app.pageErrors, [], 'no uncaught page error in the first tab');
      assert.deepEqual(otherErrors, [], 'no uncaught page error in the second tab');
    }
    await app?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  test('a layer imported in one tab is listed in the other, with its features', async () => {
    await app.page.getByTestId('import-input').setInputFiles(file);
    await waitForNames(app.page, ['津冀站点']);
    await waitForNames(other, ['津冀站点']);
    assert.equal(await other.getByTestId('user-layer').getAttribute('data-count'), '2');
    assert.equal(await other.getByTestId('user-layer').getAttribute('data-layer-id'), await app.page.getByTestId('user-layer').getAttribute('data-layer-id'));
  });

  test('a rename in the second tab reaches the first; neither tab stores it back', async () => {
    const name = other.getByTestId('user-layer-name');
    await name.fill('京津冀站点');
    await name.press('Enter');
    await waitForNames(app.page, ['京津冀站点']);
    assert.equal(await app.page.getByTestId('user-layer').getAttribute('data-count'), '2', 'the features are kept');
    const id = (await app.page.getByTestId('user-layer').getAttribute('data-layer-id'))!;
    // the first tab told of its import only; the second of its rename only (no echo)
    assert.deepEqual(await posts(app.page), [{ kind: 'layer-saved', id, features: true }]);
    assert.deepEqual(await posts(other), [{ kind: 'layer-saved', id, features: false }]);
  });

  test('a deletion in the second tab drops the layer in the first, and nothing of it stays stored', async () => {
    const id = (await other.getByTestId('user-layer').getAttribute('data-layer-id'))!;
    await other.getByTestId('user-layer-remove').click();
    await waitForNames(other, []);
    await waitForNames(app.page, []);
    assert.deepEqual((await posts(other)).at(-1), { kind: 'layer-deleted', id });
    assert.equal((await posts(app.page)).length, 1, 'the first tab did not delete or store anything itself');
    assert.deepEqual(await storedIds(app.page), []);
  });

  test('a layer imported and then deleted in the first tab is dropped in the second', async () => {
    await app.page.getByTestId('import-input').setInputFiles(file);
    await waitForNames(other, ['津冀站点']);
    await app.page.getByTestId('user-layer-remove').click();
    await waitForNames(other, []);
  });

  test('a name being typed in one tab is kept when a rename arrives from the other; committed, it is the name in both', async () => {
    await app.page.getByTestId('import-input').setInputFiles(file);
    await waitForNames(other, ['津冀站点']);
    const typing = app.page.getByTestId('user-layer-name');
    await typing.fill('我正在输入的名字');
    const theirs = other.getByTestId('user-layer-name');
    await theirs.fill('另一个标签页的名字');
    await theirs.press('Enter');
    // the first tab has the other's rename (its remove button is labelled with it) …
    await app.page.locator('[data-testid="user-layer-remove"][aria-label="删除图层 另一个标签页的名字"]').waitFor({ timeout: 10_000 });
    // … and the typing is still there, still being typed
    assert.equal(await typing.inputValue(), '我正在输入的名字');
    assert.ok(await typing.evaluate((e) => e === document.activeElement), 'the name field keeps the focus');
    await typing.press('Enter');
    await waitForNames(other, ['我正在输入的名字']);
    await waitForNames(app.page, ['我正在输入的名字']);
    await app.page.getByTestId('user-layer-remove').click();
    await waitForNames(other, []);
  });

  test('a chapter added to the story in one tab shows in the other', async () => {
    for (const page of [app.page, other]) await page.getByRole('tab', { name: /^演示$/ }).click();
    await Promise.all([chapters(app.page).first().waitFor(), chapters(other).first().waitFor()]);
    const n = await chapters(other).count();
    assert.equal(await chapters(app.page).count(), n);
    await app.page.getByTestId('add-chapter').click();
    await other.waitForFunction((want) => document.querySelectorAll('[data-testid="chapter-list"] > li').length === want, n + 1, { timeout: 10_000, polling: 100 });
  });

  test('a story the other tab opened from a link stays when this tab edits the saved story', async () => {
    const outside = structuredClone(STORY);
    outside.chapters = outside.chapters.slice(0, 3);
    await other.goto('about:blank');
    await other.goto(`${app.url}#story=${storyToLink(outside)}`);
    await waitForMapIdle(other);
    await other.getByTestId('outside-story-banner').first().waitFor();
    await chapters(other).first().waitFor();
    assert.equal(await chapters(other).count(), 3);
    const n = await chapters(app.page).count();
    await app.page.getByTestId('add-chapter').click();
    // the first tab's edit is saved where the other tab reads it
    await other.waitForFunction((want) => (JSON.parse(localStorage.getItem('jjj-atlas:story') ?? '{}') as { story?: { chapters: unknown[] } }).story?.chapters.length === want, n + 1, { timeout: 10_000, polling: 100 });
    // the other tab keeps showing the link's story (it took it over within 0.1 s before)
    const replaced = await other
      .waitForFunction(() => document.querySelectorAll('[data-testid="chapter-list"] > li').length !== 3, null, { timeout: 3_000, polling: 100 })
      .then(() => true, () => false);
    assert.equal(replaced, false, `the link's story was replaced: the other tab shows ${await chapters(other).count()} chapters`);
    assert.ok(await other.getByTestId('outside-story-banner').first().isVisible(), 'still labelled as an outside story');
  });
});
