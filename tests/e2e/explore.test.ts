/**
 * Issue 4 — explore and filter, as a person does it in the production build: toggling layers,
 * filters, search, details, list ↔ map, URL state, language, keyboard, and an axe audit.
 * One browser per `describe`; tests inside run in order on the same page.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { hashParams, openApp, pickAt, waitForIdle, waitForMapIdle, type AppSession } from './harness';

const ROOT = path.resolve(import.meta.dirname, '../..');
const VIEWPORT = { width: 1280, height: 800 };
const DAXING_AIRPORT: [number, number] = [116.41, 39.51];

async function listIds(page: Page): Promise<string[]> {
  await page.getByRole('tab', { name: /列表|List/ }).click();
  const ids = await page.locator('.list-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item-id') ?? ''));
  await page.getByRole('tab', { name: /图层与筛选|Layers/ }).click();
  return ids;
}

describe('explore: layers, filters, search, details, list', () => {
  let app: AppSession;
  before(async () => {
    // The camera's flights (search, list rows, parts) are part of what is tested here: the one
    // file that keeps full motion, where the other files jump (see tests/e2e/browser.ts).
    app = await openApp({ viewport: VIEWPORT, locale: 'zh-CN', reducedMotion: 'no-preference' });
    await waitForMapIdle(app.page);
    await app.page.getByTestId('counts-total').waitFor();
  });
  after(async () => {
    await app?.close();
  });

  let allRecords = 0;
  test('counts read shown / described / declared and add up to the plan', async () => {
    allRecords = (await listIds(app.page)).length;
    const g1 = await app.page.getByTestId('counts-g1').textContent();
    assert.match(g1 ?? '', /^\d+ \/ \d+ \/ 14$/);
    const total = await app.page.getByTestId('counts-total').textContent();
    const [shown, described, declared] = (total ?? '').split('/').map((s) => Number(s.trim()));
    assert.equal(declared, 90);
    assert.equal(shown, described, 'with no filter everything described is shown');
    assert.ok(described! > 40 && described! <= 90, `described ${described}`);
  });

  test('toggling the transport theme removes Daxing airport from the map and the counts', async () => {
    const page = app.page;
    await page.evaluate((ll) => window.jjjAtlas!.map.jumpTo({ center: ll, zoom: 9 }), DAXING_AIRPORT);
    await waitForIdle(page);
    assert.equal(await pickAt(page, DAXING_AIRPORT), 'g3-daxing-airport', 'the airport is drawn where it is');
    const before = await page.getByTestId('counts-g3-transport').textContent();
    assert.notEqual(before?.split('/')[0]?.trim(), '0');

    await page.locator('#layer-g3-transport').uncheck();
    await waitForIdle(page);
    assert.equal(await pickAt(page, DAXING_AIRPORT), null, 'nothing is drawn there once transport is off');
    assert.match((await page.getByTestId('counts-g3-transport').textContent()) ?? '', /^0 \//);
    assert.equal(hashParams(page).get('layers')?.includes('g3-transport'), false);
    assert.ok((await page.getByTestId('active-filters').textContent())?.includes('图层'));

    await page.locator('#layer-g3-transport').check();
    await waitForIdle(page);
    assert.equal(await pickAt(page, DAXING_AIRPORT), 'g3-daxing-airport');
  });

  test('a filter combination yields the expected items, and clear all resets it', async () => {
    const page = app.page;
    // Lines that concern Zhangjiakou: the Jing-Zhang railway, the Jingli expressway, the Yongding river.
    for (const k of ['地点', '区域', '计划/机制']) await page.getByLabel(k, { exact: true }).uncheck();
    await page.locator('#filter-region').selectOption('130700');
    const ids = (await listIds(page)).sort();
    assert.deepEqual(ids, ['g3-jingli-expressway-yanchong', 'g3-jingzhang-railway', 'g3-yongding-river']);
    assert.equal(hashParams(page).get('regions'), '130700');
    await page.getByTestId('clear-all').click();
    assert.equal((await listIds(page)).length, allRecords, 'clear all shows every record again');
    assert.equal(hashParams(page).get('regions'), null);
  });

  test('the month range keeps only items with milestones in it', async () => {
    const page = app.page;
    await page.getByLabel('按节点月份筛选').check();
    await page.getByLabel('2019年节点月份: 从').selectOption('6');
    await page.getByLabel('2019年节点月份: 到').selectOption('6');
    assert.deepEqual(await listIds(page), ['g3-daxing-airport']);
    await page.getByLabel('2019年节点月份: 从').selectOption('10');
    await page.getByLabel('2019年节点月份: 到').selectOption('12');
    assert.deepEqual(await listIds(page), ['g3-jingzhang-railway']);
    await page.getByTestId('clear-all').click();
  });

  test('search by name with the keyboard flies to the item and opens its details', async () => {
    const page = app.page;
    const input = page.getByTestId('search-input');
    await input.fill('大兴国际机场');
    await input.press('ArrowDown');
    await input.press('ArrowUp');
    await input.press('Enter');
    const panel = page.getByTestId('detail-panel');
    await panel.waitFor();
    assert.match((await panel.textContent()) ?? '', /北京大兴国际机场/);
    assert.match((await panel.textContent()) ?? '', /2019-06-30/);
    assert.match((await panel.textContent()) ?? '', /实现6月底竣工验收/);
    await page.waitForFunction(() => !window.jjjAtlas!.map.isMoving());
    await waitForIdle(page);
    const center = await page.evaluate(() => window.jjjAtlas!.map.getCenter().toArray());
    assert.ok(Math.abs(center[0]! - DAXING_AIRPORT[0]) < 0.05 && Math.abs(center[1]! - DAXING_AIRPORT[1]) < 0.05, `centre ${center}`);
    assert.equal(hashParams(page).get('sel'), 'g3-daxing-airport');
  });

  test('search by region name opens the region without filtering; 只看此地区 filters on request', async () => {
    const page = app.page;
    const input = page.getByTestId('search-input');
    await input.fill('廊坊');
    await page.getByRole('option', { name: /廊坊市/ }).first().click();
    // the region's panel opens; no filter is set behind the person's back
    await page.locator('.region-column[data-region="131000"]').waitFor();
    assert.equal(hashParams(page).get('regions'), null);
    await page.getByTestId('region-only').click();
    assert.equal(hashParams(page).get('regions'), '131000');
    const ids = await listIds(page);
    assert.ok(ids.includes('g2-tongzhou-n3c-coordination') && ids.includes('g3-daxing-airport'), ids.join(','));
    assert.ok(!ids.includes('g3-jingzhang-railway'));
    await page.getByTestId('clear-all').click();
    await page.getByRole('tab', { name: /地区|Regions/ }).click();
    await page.getByRole('button', { name: /^(清除所选地区|Clear the selected regions)$/ }).click();
    await page.getByRole('tab', { name: /图层与筛选|Layers/ }).click();
  });

  // (Daxing District itself is not in the filter's list, which stops at prefectures; the unit tests
  // check that the airport's regions hold 110115.)
  test('a region filter on 北京市 keeps the Daxing airport (its terminal is in Daxing District)', async () => {
    const page = app.page;
    await page.locator('#filter-region').selectOption('110000');
    assert.equal(hashParams(page).get('regions'), '110000');
    assert.ok((await listIds(page)).includes('g3-daxing-airport'));
    await page.getByTestId('clear-all').click();
  });

  test('the details of 「三城一区」 list its four parts, each drawn on the map from an outside source', async () => {
    const page = app.page;
    const input = page.getByTestId('search-input');
    await input.fill('三城一区');
    await page.getByRole('option', { name: /“三城一区”主平台建设/ }).first().click();
    const panel = page.getByTestId('detail-panel');
    const parts = panel.getByTestId('detail-parts').locator('li');
    await parts.first().waitFor();
    assert.deepEqual(
      await parts.evaluateAll((lis) => lis.map((li) => `${li.getAttribute('data-part')} ${li.getAttribute('data-located')}`)),
      ['g4-zhongguancun-science-city true', 'g4-huairou-science-city true', 'g4-future-science-city true', 'g4-beijing-etdz true'],
    );
    // Each part is on the map, as a dashed outline in a layer of its own: picked on its edge (the
    // northernmost vertex of Huairou, which borders Hebei only), not inside.
    const huairou = (JSON.parse(readFileSync(path.join(ROOT, 'geodata/plan/items.geojson'), 'utf8')) as { features: { id: string; geometry: { coordinates: unknown } }[] }).features.find(
      (f) => f.id === 'g4-huairou-science-city',
    )!;
    const vertices = (JSON.stringify(huairou.geometry.coordinates).match(/-?\d+\.?\d*,-?\d+\.?\d*/g) ?? []).map((p) => p.split(',').map(Number) as [number, number]);
    const edge = vertices.reduce((a, b) => (b[1] > a[1] ? b : a));
    const inside: [number, number] = [116.55, 40.75];
    await page.evaluate((ll) => window.jjjAtlas!.map.jumpTo({ center: ll, zoom: 9 }), edge);
    await waitForIdle(page);
    const pickOutside = (ll: [number, number]) =>
      page.evaluate((p) => {
        const { map, overlay } = window.jjjAtlas!;
        const xy = map.project(p);
        const o = overlay!.pickObject({ x: xy.x, y: xy.y, radius: 4, layerIds: ['plan-outside-areas'] })?.object as { properties?: { id?: string } } | undefined;
        return o?.properties?.id ?? null;
      }, ll);
    assert.equal(await pickOutside(edge), 'g4-huairou-science-city', `its outline at ${edge}`);
    await page.evaluate((ll) => window.jjjAtlas!.map.jumpTo({ center: ll, zoom: 9 }), inside);
    await waitForIdle(page);
    assert.equal(await pickOutside(inside), null, 'unfilled: nothing is picked inside the district');
    await parts.nth(1).getByRole('button').click();
    await panel.getByText('怀柔科学城', { exact: true }).waitFor();
    const origin = panel.getByTestId('place-origin');
    assert.equal(await origin.getAttribute('data-from-release'), 'false');
    assert.match((await origin.textContent()) ?? '', /新闻稿以外的公开来源/);
    assert.match((await page.getByTestId('legend-outside-places').textContent()) ?? '', /新闻稿以外/);
    await panel.getByRole('button', { name: '关闭详情' }).click();
    // only there while a filter is set: a click on a missing button would wait out its 30 s timeout
    const clearAll = page.getByTestId('clear-all');
    if (await clearAll.isVisible()) await clearAll.click();
  });

  test('a list row selects the item on the map, and a click on the map selects the row', async () => {
    const page = app.page;
    await page.getByRole('tab', { name: '列表' }).click();
    await page.locator('tr[data-item-id="g3-jingzhang-railway"] button').click();
    await page.getByTestId('detail-panel').getByText('京张铁路', { exact: true }).waitFor();
    assert.equal(hashParams(page).get('sel'), 'g3-jingzhang-railway');
    await page.waitForFunction(() => !window.jjjAtlas!.map.isMoving());
    await waitForIdle(page);

    // Click the airport on the map.
    await page.evaluate((ll) => window.jjjAtlas!.map.jumpTo({ center: ll, zoom: 9 }), DAXING_AIRPORT);
    await waitForIdle(page);
    const box = (await page.getByTestId('map').boundingBox())!;
    const p = await page.evaluate((ll) => window.jjjAtlas!.map.project(ll), DAXING_AIRPORT);
    await page.mouse.move(box.x + p.x, box.y + p.y);
    await page.getByTestId('tooltip').waitFor();
    assert.match((await page.getByTestId('tooltip').textContent()) ?? '', /北京大兴国际机场/);
    await page.mouse.click(box.x + p.x, box.y + p.y);
    await page.waitForFunction(() => location.hash.includes('sel=g3-daxing-airport'));
    const row = page.locator('tr[data-item-id="g3-daxing-airport"]');
    assert.equal(await row.getAttribute('aria-selected'), 'true');
    await page.getByRole('tab', { name: '图层与筛选' }).click();
  });

  test('switching the language changes UI strings and labels', async () => {
    const page = app.page;
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { name: /^Plan layers/ }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal(hashParams(page).get('lang'), 'en');
    await waitForIdle(page);
    const field = await page.evaluate(() => JSON.stringify(window.jjjAtlas!.map.getLayoutProperty('label-prefecture', 'text-field')));
    assert.ok(field.indexOf('name_en') < field.indexOf('"name"'), 'English name first');
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { name: /^规划图层/ }).waitFor();
  });
});

describe('URL state', () => {
  test('a shared URL opened in a fresh browser restores view, filters, selection and language', async () => {
    const hash = '#map=8.00/40.6000/115.6000&layers=g3-ecology,g3-transport&kinds=line&sel=g3-jingzhang-railway&lang=en&base=-counties';
    const app = await openApp({ viewport: VIEWPORT, locale: 'zh-CN', hash });
    try {
      await waitForMapIdle(app.page);
      const page = app.page;
      await page.getByRole('heading', { name: 'Beijing–Zhangjiakou high-speed railway' }).waitFor();
      const view = await page.evaluate(() => {
        const m = window.jjjAtlas!.map;
        return { zoom: m.getZoom(), c: m.getCenter().toArray() };
      });
      assert.ok(Math.abs(view.zoom - 8) < 0.01 && Math.abs(view.c[0]! - 115.6) < 1e-3 && Math.abs(view.c[1]! - 40.6) < 1e-3, JSON.stringify(view));
      assert.equal(await page.locator('#layer-g1').isChecked(), false);
      assert.equal(await page.locator('#layer-g3-transport').isChecked(), true);
      assert.equal(await page.locator('#basemap-counties').isChecked(), false);
      assert.equal(await page.evaluate(() => window.jjjAtlas!.map.getLayoutProperty('county-border', 'visibility')), 'none');
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      const ids = await listIds(page);
      assert.deepEqual(ids.sort(), ['g3-chaobai-river', 'g3-jingli-expressway-yanchong', 'g3-jingxiong-intercity', 'g3-jingzhang-railway', 'g3-north-canal', 'g3-yongding-river'].sort());
      assert.equal(app.pageErrors.length, 0, app.pageErrors.join('\n'));
    } finally {
      await app.close();
    }
  });

  test('a garbage hash falls back to defaults for the broken parts with a notice', async () => {
    const app = await openApp({ viewport: VIEWPORT, locale: 'zh-CN', hash: '#map=abc&layers=g9,g1&sel=nonexistent&months=13-2&%E0%A4%A' });
    try {
      await waitForMapIdle(app.page);
      const page = app.page;
      const notice = page.getByTestId('notices');
      await notice.getByRole('status').first().waitFor();
      assert.match((await notice.textContent()) ?? '', /map/);
      assert.equal(await page.locator('#layer-g1').isChecked(), true, 'the good part (g1) is kept');
      assert.equal(await page.locator('#layer-g2').isChecked(), false);
      assert.equal(await page.getByTestId('detail-panel').count(), 0);
      assert.equal(app.pageErrors.length, 0, app.pageErrors.join('\n'));
    } finally {
      await app.close();
    }
  });
});

describe('keyboard and screen readers', () => {
  let app: AppSession;
  before(async () => {
    app = await openApp({ viewport: VIEWPORT, locale: 'en-US' });
    await waitForMapIdle(app.page);
    await app.page.getByTestId('counts-total').waitFor();
  });
  after(async () => {
    await app?.close();
  });

  test('the layer list and the search work from the keyboard alone', async () => {
    const page = app.page;
    // Tab from the top of the page to the first group's switch.
    await page.locator('body').focus();
    let reached = false;
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'layer-g1');
    }
    assert.ok(reached, 'Tab reaches the first group switch');
    await page.keyboard.press('Space');
    assert.equal(await page.locator('#layer-g1').isChecked(), false);
    await page.keyboard.press('Space');
    assert.equal(await page.locator('#layer-g1').isChecked(), true);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    assert.notEqual(outline, 'none', 'focus is visible');

    await page.getByTestId('search-input').focus();
    await page.keyboard.type('Beijing–Zhangjiakou');
    await page.keyboard.press('Enter');
    await page.getByTestId('detail-panel').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'detail-title', 'focus moves to the details');
  });

  test('axe-core finds no serious or critical violations in the main views', async () => {
    const page = app.page;
    const axe = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axe); // evaluated through the DevTools protocol, not as a page script: the CSP stays on
    const audit = async (what: string) => {
      const result = await page.evaluate(async () => {
        const r = await (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
          resultTypes: ['violations'],
        });
        return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      });
      assert.deepEqual(result, [], `${what}: ${result.join('\n')}`);
    };
    await audit('layers view with details');
    await page.getByRole('tab', { name: 'List' }).click();
    await audit('list view');
    await page.getByTestId('search-input').fill('Xiong');
    await audit('search results open');
  });
});
