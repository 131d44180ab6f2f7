/**
 * The link carries the whole state, every name in both languages, chips that say what they
 * filter, and import / base-map messages a person can act on — in the production build, as a
 * person uses it. State is set through the UI, the link is taken from the address bar and
 * opened in a fresh browser (its own profile), and what that browser shows is compared.
 * One browser for the file (plus a fresh one per link opened); tests run in order on its page.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launch } from './browser';
import { hashParams, openApp, recordPage, regionColumnCodes as columnCodes, waitForIdle, waitForMapIdle, type AppSession } from './harness';

const VIEWPORT = { width: 1280, height: 720 };
const LANGFANG: [number, number] = [116.62, 39.15];
const BAODING: [number, number] = [115.3, 38.7];
const CJK = /[\u4e00-\u9fff]/;

async function jumpTo(page: Page, center: [number, number], zoom: number): Promise<void> {
  await page.evaluate(([c, z]) => window.jjjAtlas!.map.jumpTo({ center: c, zoom: z }), [center, zoom] as const);
  await waitForIdle(page);
}

async function clickMap(page: Page, lngLat: [number, number], opts: { shift?: boolean } = {}): Promise<void> {
  const box = (await page.getByTestId('map').boundingBox())!;
  const p = await page.evaluate((ll) => window.jjjAtlas!.map.project(ll), lngLat);
  const x = box.x + p.x;
  const y = box.y + p.y;
  await page.mouse.move(x, y);
  if (opts.shift) await page.keyboard.down('Shift');
  try {
    await page.mouse.click(x, y);
  } finally {
    if (opts.shift) await page.keyboard.up('Shift');
  }
}

const chips = (page: Page) => page.getByTestId('filter-chip').evaluateAll((bs) => bs.map((b) => (b.textContent ?? '').trim()));

/** What a page shows of the analysis state. */
async function visibleState(page: Page) {
  await page.locator('[data-testid="region-panel"] .region-column').first().waitFor({ timeout: 30_000 });
  await page.getByTestId('measure-km').waitFor({ timeout: 30_000 });
  // the choropleth's classes come from the region numbers, computed after the regions are shown
  if (await page.getByTestId('choropleth-toggle').isChecked()) await page.getByTestId('choropleth-legend').locator('li').first().waitFor({ timeout: 30_000 });
  return {
    tab: await page.getByRole('tab', { selected: true }).textContent(),
    columns: await columnCodes(page),
    level: await page.locator('input[name="region-level"]:checked').getAttribute('value'),
    choropleth: await page.getByTestId('choropleth-toggle').isChecked(),
    measure: await page.getByTestId('choropleth-measure').inputValue(),
    method: await page.getByTestId('choropleth-method').inputValue(),
    classes: await page.locator('label:has-text("级数") select').inputValue(),
    legend: await page.getByTestId('choropleth-legend').locator('li').count(),
    measureKm: (await page.getByTestId('measure-km').textContent())?.trim(),
  };
}

describe('link and language', () => {
  let app: AppSession;
  const fresh: { close: () => Promise<void>; errors: string[] }[] = [];
  const tmp = mkdtempSync(path.join(tmpdir(), 'jjj-link-e2e-'));

  /** Open a link in a browser that has never seen the app (its own profile). */
  async function openFresh(link: string, locale = 'zh-CN'): Promise<Page> {
    const b = await launch({ viewport: VIEWPORT, locale });
    const rec = await recordPage(b.context, app.origin);
    fresh.push({ close: b.close, errors: rec.pageErrors });
    // a link into the presentation flies to its chapter; with reduced motion it jumps, so the map
    // comes to rest as soon as it is drawn
    await rec.page.emulateMedia({ reducedMotion: 'reduce' });
    await rec.page.goto(link);
    await waitForMapIdle(rec.page);
    return rec.page;
  }

  before(async () => {
    app = await openApp({ viewport: VIEWPORT, locale: 'zh-CN' });
    await waitForMapIdle(app.page);
    await app.page.getByTestId('counts-total').waitFor();
  });
  after(async () => {
    for (const f of fresh) await f.close();
    await app?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  test('regions, comparison, level, choropleth, timeline, tab and a measured path come back from the link in a fresh browser', async () => {
    const page = app.page;
    // the timeline first (its tab), then the regions tab, which stays open
    await page.getByRole('tab', { name: '演示', exact: true }).click();
    await page.getByTestId('timeline-toggle').check();
    await page.getByTestId('timeline-month').fill('7');
    await page.waitForFunction(() => /[#&]tl=7(&|$)/.test(location.hash));

    await page.getByRole('tab', { name: '地区', exact: true }).click();
    await page.getByRole('radio', { name: '地级', exact: true }).check();
    await jumpTo(page, [116.0, 39.0], 7.6);
    await clickMap(page, LANGFANG);
    await clickMap(page, BAODING, { shift: true });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="region-panel"] .region-column').length === 2);
    await page.getByTestId('choropleth-toggle').check();
    await page.getByTestId('choropleth-measure').selectOption('lineKm');
    await page.getByTestId('choropleth-method').selectOption('natural');
    await page.getByTestId('choropleth-legend').waitFor();
    await page.getByTestId('tool-measure').click();
    // terra-draw loads on first use: the button says when it takes clicks
    await page.locator('[data-testid="tool-measure"][data-ready="true"]').waitFor({ timeout: 30_000 });
    await clickMap(page, [116.0, 39.3]);
    await clickMap(page, [116.5, 39.6]);
    await clickMap(page, [116.5, 39.6]); // a click on the last point finishes the line
    await page.getByTestId('measure-km').waitFor();

    const h = hashParams(page);
    assert.equal(h.get('rsel'), '131000,130600', 'the opened regions in column order');
    assert.equal(h.get('level'), 'prefecture');
    assert.match(h.get('choro') ?? '', /^lineKm\/prefecture\/natural\/5$/);
    assert.equal(h.get('tab'), 'regions');
    assert.equal(h.get('tl'), '7');
    assert.match(h.get('measure') ?? '', /^116,39\.3,116\.5,39\.6(,116\.5,39\.6)?$/);
    const here = await visibleState(page);
    assert.deepEqual(here.columns, ['131000', '130600']);

    const link = page.url();
    const other = await openFresh(link);
    const there = await visibleState(other);
    assert.deepEqual(there, here, 'the fresh browser shows the same tab, regions, level, choropleth and measured length');
    // the timeline month is in its tab
    await other.getByRole('tab', { name: '演示', exact: true }).click();
    assert.equal(await other.getByTestId('timeline-month').inputValue(), '7');
    assert.equal(new URL(other.url()).hash.includes('tl=7'), true);

    // leave the main page as it was
    await page.getByTestId('tool-measure').click();
    await page.getByTestId('choropleth-toggle').uncheck();
  });

  test('the presentation chapter comes back from the link', async () => {
    const page = app.page;
    await page.getByRole('tab', { name: '演示', exact: true }).click();
    await page.getByTestId('start-presentation').click();
    await page.getByTestId('presentation').waitFor();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => /[#&]ch=3(&|$)/.test(location.hash));
    const chapter = await page.getByTestId('chapter-caption').getAttribute('data-chapter');
    const other = await openFresh(page.url());
    await other.getByTestId('presentation').waitFor({ timeout: 30_000 });
    assert.equal(await other.getByTestId('chapter-caption').getAttribute('data-chapter'), chapter);
    await page.keyboard.press('Escape');
    await page.getByTestId('presentation').waitFor({ state: 'detached' });
    assert.equal(hashParams(page).get('ch'), null, 'leaving the presentation leaves the link');
    await page.getByTestId('timeline-toggle').uncheck();
  });

  test('a link with bad values: a notice names each part as a person knows it, the good parts are kept', async () => {
    const other = await openFresh(`${app.url}#rsel=131000,999999&choro=votes/prefecture/quantile/5&tab=regions&level=prefecture`);
    const notice = other.getByTestId('notices').locator('.notice').first();
    await notice.waitFor({ timeout: 30_000 });
    const text = (await notice.textContent()) ?? '';
    assert.match(text, /打开或比较的地区（rsel=999999）/);
    assert.match(text, /专题图（choro=votes\/prefecture\/quantile\/5）/);
    await other.locator('[data-testid="region-panel"] .region-column').first().waitFor();
    assert.deepEqual(await columnCodes(other), ['131000'], 'Langfang is kept');
    assert.equal(await other.getByRole('radio', { name: '地级', exact: true }).isChecked(), true);
    assert.equal(await other.getByTestId('choropleth-toggle').isChecked(), false);
  });

  test('a link opened in the running page (pasted over the address) moves the map to its view, with its selection', async () => {
    const page = app.page;
    const before = await page.evaluate(() => window.jjjAtlas!.map.getZoom());
    assert.ok(Math.abs(before - 11.5) > 1, `the map starts elsewhere (zoom ${before})`);
    await page.evaluate(() => (location.hash = '#map=11.50/39.5100/116.4100&sel=g3-daxing-airport'));
    await page.getByTestId('detail-panel').waitFor();
    await page.waitForFunction(() => {
      const m = window.jjjAtlas!.map;
      const c = m.getCenter();
      return Math.abs(m.getZoom() - 11.5) < 0.01 && Math.abs(c.lng - 116.41) < 1e-3 && Math.abs(c.lat - 39.51) < 1e-3;
    }, null, { timeout: 10_000 });
    await waitForIdle(page);
    assert.equal(hashParams(page).get('map'), '11.50/39.5100/116.4100', 'the link keeps the view it named');
  });

  test('chips say what they filter in both languages, each removable on its own', async () => {
    const page = app.page;
    await page.getByRole('tab', { name: '图层与筛选', exact: true }).click();
    // the presentation's last chapter left its filters: start from none
    if (await page.getByTestId('clear-all').isVisible()) await page.getByTestId('clear-all').click();
    await page.locator('#layer-g4').uncheck();
    await page.getByRole('checkbox', { name: '区域', exact: true }).uncheck();
    await page.locator('#filter-region').selectOption('131000');
    await page.getByRole('checkbox', { name: '按节点月份筛选' }).check();
    await page.getByRole('combobox', { name: '2019年节点月份: 从' }).selectOption('6');
    await page.getByRole('combobox', { name: '2019年节点月份: 到' }).selectOption('9');
    assert.deepEqual(await chips(page), ['图层：隐藏改革创新 ×', '类型：隐藏区域 ×', '地区：廊坊市 ×', '月份：6–9月 ×']);

    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    // the document's language is set before the panels render again: wait for the chips' own words
    await page.waitForFunction(() => document.querySelector('[data-testid="filter-chip"]')?.textContent?.startsWith('Layers'), null, { timeout: 10_000 }).catch(() => undefined);
    assert.deepEqual(await chips(page), ['Layers: hiding Reform & innovation ×', 'Kinds: hiding Area ×', 'Regions: Langfang ×', 'Months: Jun–Sep ×']);

    // two regions (from a link): one chip each, each removes only its own
    await page.evaluate(() => (location.hash = location.hash.replace(/regions=[^&]*/, 'regions=110000,131000')));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="filter-chip"]').length === 5);
    await page.getByRole('button', { name: /Regions: Beijing/ }).click();
    assert.deepEqual(await chips(page), ['Layers: hiding Reform & innovation ×', 'Kinds: hiding Area ×', 'Regions: Langfang ×', 'Months: Jun–Sep ×']);
    await page.getByRole('button', { name: /Months: Jun–Sep/ }).click();
    assert.deepEqual(await chips(page), ['Layers: hiding Reform & innovation ×', 'Kinds: hiding Area ×', 'Regions: Langfang ×']);
    assert.equal(hashParams(page).get('months'), null);
    await page.getByTestId('clear-all').click();
    assert.deepEqual(await chips(page), []);
  });

  test('English: layer names on at most two lines at 1280 px; cooperation links in English', async () => {
    const page = app.page;
    // lines = a name's height over the height of the shortest (one-line) name
    const lines = await page.locator('.layer-list .layer-name').evaluateAll((els) => {
      const hs = els.map((el) => el.getBoundingClientRect().height);
      const one = Math.min(...hs);
      return els.map((el, i) => ({ name: (el.textContent ?? '').trim(), lines: Math.round(hs[i]! / one) }));
    });
    assert.ok(lines.length >= 9, `${lines.length} layer names`);
    for (const l of lines) assert.ok(l.lines <= 2, `"${l.name}" takes ${l.lines} lines`);

    await page.evaluate(() => (location.hash = 'lang=en&rsel=130600&tab=regions'));
    const links = page.locator('[data-testid="region-panel"] .region-column[data-region="130600"] ul.fine-print li');
    await links.first().waitFor({ timeout: 30_000 });
    const texts = await links.allTextContents();
    assert.ok(texts.length > 0);
    for (const t of texts) assert.doesNotMatch(t, CJK, `"${t}" is in English`);
    assert.ok(texts.some((t) => /Beijing → /.test(t)), texts.join(' | '));
  });

  test('Chinese: location notes in Chinese', async () => {
    const page = app.page;
    await page.evaluate(() => (location.hash = 'lang=zh&sel=g3-daxing-airport'));
    const note = page.getByTestId('location-note');
    await note.waitFor({ timeout: 30_000 });
    assert.match((await note.textContent()) ?? '', /机场跨北京大兴区和廊坊广阳区/);
    await page.getByRole('button', { name: '关闭详情' }).click();
  });

  test('an import with a swapped row: each dropped row told once, and the fix swaps just that row', async () => {
    const page = app.page;
    const file = path.join(tmp, 'mostly-good.csv');
    writeFileSync(file, 'lon,lat,name\n116.40,39.90,a\n117.20,39.13,b\n39.04,115.47,swapped\n115.48,38.87,c\n');
    await page.getByRole('tab', { name: '数据', exact: true }).click();
    await page.getByTestId('import-input').setInputFiles(file);
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 30_000 });
    const text = (await result.textContent()) ?? '';
    assert.match(text, /保留 3 \/ 4 个要素；舍弃 1 个，原因逐条列在下面。/);
    assert.equal(text.split('第 4 行').length - 1, 1, `row 4 is told once: ${text}`);
    assert.match(text, /第 4 行：纬度 115\.47 超出 −90…90 的范围/);
    const fix = result.getByTestId('import-fix');
    assert.equal(await fix.textContent(), '只交换这 1 个要素的经纬度，重新导入');
    await fix.click();
    await page.locator('[data-testid="import-result"][data-ok="true"]').filter({ hasText: /保留 4 \/ 4 个要素/ }).waitFor({ timeout: 30_000 });
  });

  test('an unreachable online base map: plain words, the technical detail behind a disclosure', async () => {
    const page = app.page;
    await page.getByRole('tab', { name: '图层与筛选', exact: true }).click();
    await page.getByTestId('basemap-osm').click();
    const notice = page.getByTestId('notices').locator('.notice').filter({ hasText: /无法加载OpenStreetMap/ });
    await notice.waitFor({ timeout: 30_000 });
    const detail = notice.locator('details.notice-detail');
    assert.equal(await detail.getAttribute('open'), null, 'the detail starts folded');
    assert.match((await notice.locator('> span').evaluate((s) => s.firstChild?.textContent ?? '')) ?? '', /可能是网络没有连通/);
    await detail.locator('summary').click();
    assert.ok(((await detail.locator('code').textContent()) ?? '').length > 0, 'the technical text is there when asked for');
    assert.equal(await notice.getByRole('button').count(), 1, 'one button: dismiss');
    await notice.getByRole('button').click();
  });

  test('no page errors along the way', () => {
    assert.deepEqual(app.pageErrors, [], app.pageErrors.join('\n'));
    for (const f of fresh) assert.deepEqual(f.errors, [], f.errors.join('\n'));
  });
});
