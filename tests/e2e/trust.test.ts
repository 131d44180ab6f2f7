/**
 * Trust, as a person meets it in the production build: a story from a link is labelled as the
 * link author's and only whole clauses of the release are shown as the plan's quotes; story
 * edits survive a reload, a deleted chapter can be put back and the plan's story restored; a link
 * naming an online base map asks before anything is requested from that server, remembers the
 * answer per host, refuses http:// and shows a remote style's attribution (and its TileJSON's) as
 * plain text without requesting anything it names; a failing map overlay leaves the rest of the
 * app working and says what failed.
 * One browser for the file; pages of the same origin share localStorage, so tests run in order.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Route } from 'playwright-core';
import { openApp, waitForMapIdle, type AppSession } from './harness';
import { solidPng } from './png';
import { storyToLink } from '../../src/model/story/io';
import type { Story } from '../../src/model/story/schema';

const ROOT = path.resolve(import.meta.dirname, '../..');
const STORY = JSON.parse(readFileSync(path.join(ROOT, 'geodata/story/default.json'), 'utf8')) as Story;
const VIEWPORT = { width: 1440, height: 900 };
const FORGED_CAPTION = '经研究决定，雄安新区建设自2019年7月起全面暂停，相关资金转入北京城市副中心。';
const TILE = solidPng(256, 256, [200, 120, 200]);

/** The plan's story with a forged caption and a one-character "quote" in its first chapter. */
function forgedStory(): Story {
  const s = structuredClone(STORY);
  s.chapters[0] = { ...s.chapters[0]!, caption_zh: FORGED_CAPTION, quote: '京' };
  return s;
}

async function openStoryTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '演示', exact: true }).click();
  await page.getByTestId('chapter-list').waitFor();
}

/** Open the app from a link as a new visit (not a hash change in the open page). */
async function openLink(page: Page, url: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
  await waitForMapIdle(page);
}

async function chapterTitles(page: Page): Promise<string[]> {
  return page.getByTestId('chapter-list').locator('.chapter-link').allTextContents();
}

const tileRoute = (seen: string[]) => (r: Route) => {
  seen.push(r.request().url());
  return r.fulfill({ status: 200, contentType: 'image/png', headers: { 'access-control-allow-origin': '*' }, body: TILE });
};

describe('trust: provenance, kept stories, consent, a failing overlay', () => {
  let app: AppSession;
  before(async () => {
    app = await openApp({ viewport: VIEWPORT, locale: 'zh-CN', hash: `#story=${storyToLink(forgedStory())}` });
    await waitForMapIdle(app.page);
  });
  after(async () => {
    await app?.close();
  });

  test('a story from a link is labelled as its author’s; a one-character quote is not shown as the plan’s', async () => {
    const page = app.page;
    const banner = page.getByTestId('outside-story-banner');
    await banner.waitFor({ timeout: 30_000 });
    assert.match((await banner.textContent()) ?? '', /此演示由链接作者编写，说明文字不是规划原文/);
    await page.getByTestId('start-presentation').click();
    const caption = page.getByTestId('chapter-caption');
    await caption.waitFor();
    const shown = page.getByTestId('presentation');
    assert.match((await shown.getByTestId('outside-story-banner').textContent()) ?? '', /此演示由链接作者编写/, 'the banner stays in the presentation');
    assert.match((await shown.locator('.present-title h1').textContent()) ?? '', /^外部演示/, 'the title says it is an outside story');
    assert.match((await caption.getByTestId('author-caption').textContent()) ?? '', /作者的话.*全面暂停/, 'the caption reads as the author’s words');
    assert.equal(await caption.locator('blockquote').count(), 0, '「京」 is not shown in the plan’s quote style');
    assert.match((await caption.getByTestId('unverified-quote').textContent()) ?? '', /未能核对/);
    // the next chapter's quote is a whole clause of the release: shown as the plan's text
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((id) => document.querySelector('[data-testid="chapter-caption"]')?.getAttribute('data-chapter') === id, STORY.chapters[1]!.id);
    assert.match((await caption.locator('blockquote.source-quote').textContent()) ?? '', new RegExp(STORY.chapters[1]!.quote!.slice(0, 12)));
    // back to the plan's own story: no banner, no label
    await shown.getByTestId('back-to-plan-story').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="outside-story-banner"]') === null);
    assert.equal(await shown.locator('.outside-label').count(), 0);
    assert.equal(await caption.getAttribute('data-chapter'), STORY.chapters[0]!.id);
    assert.equal(await caption.locator('blockquote.source-quote').textContent(), STORY.chapters[0]!.quote);
    await page.keyboard.press('Escape');
    await shown.waitFor({ state: 'detached' });
  });

  test('story edits survive a reload; a deleted chapter comes back with Undo; reset restores the plan’s story', async () => {
    const page = await app.context.newPage();
    try {
      await page.goto(app.url);
      await waitForMapIdle(page);
      await openStoryTab(page);
      assert.equal(await page.getByTestId('outside-story-banner').count(), 0, 'the plan’s own story has no banner');
      const title = page.locator('.chapter-editor input').first();
      await title.fill('我的第一章');
      await page.getByTestId('chapter-list').getByText('我的第一章').waitFor();

      await page.reload();
      await waitForMapIdle(page);
      await openStoryTab(page);
      await page.getByTestId('chapter-list').getByText('我的第一章').waitFor({ timeout: 20_000 });
      const before = await chapterTitles(page);
      assert.equal(before.length, STORY.chapters.length);

      await page.getByRole('button', { name: `删除此章: ${STORY.chapters[2]!.title_zh}` }).click();
      assert.equal((await chapterTitles(page)).length, STORY.chapters.length - 1);
      const toast = page.getByTestId('undo-toast');
      assert.match((await toast.textContent()) ?? '', new RegExp(`已删除章节“${STORY.chapters[2]!.title_zh}”.*撤销`));
      await toast.getByTestId('undo-remove').click();
      assert.deepEqual(await chapterTitles(page), before, 'undo puts the chapter back in its place');

      await page.getByTestId('reset-story').click();
      await page.getByTestId('reset-confirm').waitFor();
      assert.deepEqual(await chapterTitles(page), before, 'nothing changes before the confirmation');
      await page.getByTestId('reset-story-yes').click();
      await page.getByTestId('chapter-list').getByText(STORY.chapters[0]!.title_zh, { exact: true }).waitFor();
      assert.deepEqual(await chapterTitles(page), STORY.chapters.map((c) => c.title_zh));
      await page.reload();
      await waitForMapIdle(page);
      await openStoryTab(page);
      assert.deepEqual(await chapterTitles(page), STORY.chapters.map((c) => c.title_zh), 'reset is kept after a reload');
    } finally {
      await page.close();
    }
  });

  test('a link naming OpenStreetMap asks first, loads after “load”, and remembers the host', async () => {
    const osm: string[] = [];
    await app.context.route('https://tile.openstreetmap.org/**', tileRoute(osm));
    const page = await app.context.newPage();
    try {
      await openLink(page, `${app.url}#bm=osm`);
      const prompt = page.getByTestId('basemap-consent');
      await prompt.waitFor();
      assert.match((await prompt.getByTestId('consent-hosts').textContent()) ?? '', /tile\.openstreetmap\.org/);
      await page.waitForTimeout(1000);
      assert.deepEqual(osm, [], 'nothing is requested before the person agrees');
      await prompt.getByTestId('consent-allow').click();
      await page.getByTestId('basemap-status').filter({ hasText: /正在显示OpenStreetMap/ }).waitFor({ timeout: 30_000 });
      assert.ok(osm.length > 0, 'tiles are requested once agreed');
      // the attribution is plain text: the link's words and its host, no link element
      const attrib = page.locator('.maplibregl-ctrl-attrib-inner');
      assert.match((await attrib.textContent()) ?? '', /OpenStreetMap \(www\.openstreetmap\.org\)/);
      assert.equal(await attrib.locator('a, img').count(), 0);

      await openLink(page, `${app.url}#bm=osm`);
      await page.getByTestId('basemap-status').filter({ hasText: /正在显示OpenStreetMap/ }).waitFor({ timeout: 30_000 });
      assert.equal(await page.getByTestId('basemap-consent').count(), 0, 'the host was allowed before: not asked again');
    } finally {
      await page.close();
    }
  });

  test('“don’t load” keeps the offline map and is remembered; http:// is refused with the reason', async () => {
    const amap: string[] = [];
    await app.context.route(/^https:\/\/webrd0[1-4]\.is\.autonavi\.com\//, tileRoute(amap));
    const page = await app.context.newPage();
    try {
      await openLink(page, `${app.url}#bm=amap`);
      await page.getByTestId('basemap-consent').getByTestId('consent-deny').click();
      await page.getByTestId('basemap-consent').waitFor({ state: 'detached' });
      await openLink(page, `${app.url}#bm=amap`);
      await page.getByTestId('notices').getByText(/已按你之前的选择，未加载链接中的在线底图/).waitFor();
      assert.equal(await page.getByTestId('basemap-consent').count(), 0);
      assert.deepEqual(amap, [], 'AMap was never contacted');

      await openLink(page, `${app.url}#bm=style:http%3A%2F%2Fstyles.example.test%2Fstyle.json`);
      await page.getByTestId('notices').getByText(/不加密的 http:\/\/，已拒绝/).waitFor();
      assert.equal(await page.getByTestId('basemap-consent').count(), 0, 'an http:// base map is not even offered');
    } finally {
      await page.close();
    }
  });

  test('a remote style’s attribution, and its TileJSON’s, is plain text (no phishing link, no image ever requested); a 10,000-layer style is refused', async () => {
    const tiles: string[] = [];
    await app.context.route('https://tiles.hostile.test/**', tileRoute(tiles));
    // any request to the attribution's image host is a failure, even one cut short at once
    const phish: string[] = [];
    await app.context.route('https://phish.example/**', (r) => {
      phish.push(r.request().url());
      return r.abort('blockedbyclient');
    });
    const hostile = {
      version: 8,
      sources: {
        ground: {
          type: 'raster',
          tiles: ['https://tiles.hostile.test/{z}/{x}/{y}.png'],
          tileSize: 256,
          attribution: '<a href="https://phish.example/login">点击验证账户</a><img src="https://phish.example/big.png" width="256" height="256">',
        },
        // a source that names a TileJSON: MapLibre would read its attribution itself
        overlay: { type: 'raster', url: 'https://tiles.hostile.test/tile.json', tileSize: 256 },
      },
      layers: [
        { id: 'ground', type: 'raster', source: 'ground' },
        { id: 'overlay', type: 'raster', source: 'overlay', paint: { 'raster-opacity': 0.2 } },
      ],
    };
    const tileJson = {
      tilejson: '3.0.0',
      tiles: ['https://tiles.hostile.test/o/{z}/{x}/{y}.png'],
      attribution: '<a href="https://phish.example/tj">瓦片署名</a><img src="https://phish.example/tilejson.png" width="256" height="256" onerror="window.__pwned=1">',
    };
    const huge = { ...hostile, layers: Array.from({ length: 10_000 }, (_, i) => ({ id: `l${i}`, type: 'raster', source: 'ground' })) };
    const serve = (doc: unknown) => (r: Route) => r.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: JSON.stringify(doc) });
    let tileJsonReads = 0;
    await app.context.route('https://tiles.hostile.test/tile.json', (r) => {
      tileJsonReads += 1;
      return serve(tileJson)(r);
    });
    await app.context.route('https://styles.hostile.test/style.json', serve(hostile));
    await app.context.route('https://styles.hostile.test/huge.json', serve(huge));
    const page = await app.context.newPage();
    try {
      await openLink(page, `${app.url}#bm=style:${encodeURIComponent('https://styles.hostile.test/style.json')}`);
      const prompt = page.getByTestId('basemap-consent');
      assert.match((await prompt.textContent()) ?? '', /styles\.hostile\.test/);
      await prompt.getByTestId('consent-allow').click();
      await page.getByTestId('basemap-status').filter({ hasText: /正在显示/ }).waitFor({ timeout: 30_000 });
      const attrib = page.locator('.maplibregl-ctrl-attrib');
      assert.match((await attrib.textContent()) ?? '', /点击验证账户 \(phish\.example\)/, 'the link shows where it goes');
      assert.equal(await attrib.locator('a[href*="phish"], img').count(), 0, 'no link or image of the style’s choosing');
      await page.waitForFunction(() => /瓦片署名/.test(document.querySelector('.maplibregl-ctrl-attrib')?.textContent ?? ''), null, { timeout: 30_000, polling: 100 });
      assert.match((await attrib.textContent()) ?? '', /瓦片署名 \(phish\.example\)/, 'the TileJSON’s link shows where it goes');
      await waitForMapIdle(page);
      assert.ok(tiles.some((u) => u.includes('/o/')), 'the TileJSON’s tiles were drawn');
      assert.equal(tileJsonReads, 1, 'the TileJSON is read once (by the app; MapLibre is handed its tiles)');
      assert.deepEqual(phish, [], 'nothing requested from the attribution’s hosts');
      assert.equal(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned), undefined);

      await openLink(page, `${app.url}#bm=style:${encodeURIComponent('https://styles.hostile.test/huge.json')}`);
      await page.getByTestId('notices').getByText(/样式的图层或数据源过多/).waitFor({ timeout: 30_000 });
      assert.equal(await page.evaluate(() => window.jjjAtlas!.map.getStyle().layers.filter((l) => l.id.startsWith('online:')).length), 0);
    } finally {
      await page.close();
    }
  });

  test('a failing map overlay is replaced by a message naming it; the rest of the app keeps working', async () => {
    const page = app.page;
    await page.evaluate(() => {
      const overlay = window.jjjAtlas!.overlay! as unknown as { setProps: () => void };
      overlay.setProps = () => {
        throw new Error('overlay test failure');
      };
    });
    await page.getByRole('tab', { name: '图层与筛选', exact: true }).click();
    await page.locator('#layer-g3-transport').click();
    const failed = page.locator('[data-testid="panel-failed"][data-part="map"]');
    await failed.waitFor({ timeout: 10_000 });
    assert.match((await failed.textContent()) ?? '', /“地图”部分出错.*overlay test failure/);
    // the header, the panels and the language switch still work
    await page.getByRole('tab', { name: '列表', exact: true }).click();
    await page.getByTestId('lang-switch').click();
    await page.getByRole('tab', { name: 'List', exact: true }).waitFor();
    assert.match((await failed.textContent()) ?? '', /“Map” part failed/);
  });
});
