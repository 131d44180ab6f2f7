/**
 * What a planner asks of the map, in the production build: the search finds what people type
 * (twenty queries, tests/support/searchQueries.ts) and never filters behind their back; region
 * clicks follow the zoom and show the region under the pointer first; the choropleth follows
 * the chosen level and tells a region's value on hover; the region numbers group lines by kind
 * and explain counts that could look inconsistent; hovering prefers a located item over a
 * cooperation link that crosses it. One browser for the file; tests run in order on one page.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { hashParams, openApp, pickAt, waitForIdle, waitForMapIdle, type AppSession } from './harness';
import { SEARCH_QUERIES } from '../support/searchQueries';

const VIEWPORT = { width: 1280, height: 800 };
// Away from plan sites and lines (asserted: nothing is picked there).
const LANGFANG: [number, number] = [116.62, 39.15];
/** In Langfang (Wen'an County) with nothing of the plan within reach, not even an area: where the layers tab's hover finds the region. */
const LANGFANG_CLEAR: [number, number] = [116.45, 38.95];
// The Jing-Xiong intercity's vertices (geodata/plan/items.geojson): Beijing West, the bend, the airport.
const INTERCITY: [number, number][] = [
  [116.32206, 39.89491],
  [116.32527, 39.71944],
  [116.40993, 39.51392],
];

/** Move the camera; `settle` waits for the base map's tiles (not needed for picking or the panel's level). */
async function jumpTo(page: Page, center: [number, number], zoom: number, settle = false): Promise<void> {
  await page.evaluate(([c, z]) => window.jjjAtlas!.map.jumpTo({ center: c, zoom: z }), [center, zoom] as const);
  if (settle) await waitForIdle(page);
}

/** Move the mouse over a place on the map (page coordinates). */
async function hoverAt(page: Page, lngLat: [number, number]): Promise<void> {
  const box = (await page.getByTestId('map').boundingBox())!;
  const p = await page.evaluate((ll) => window.jjjAtlas!.map.project(ll), lngLat);
  await page.mouse.move(box.x + p.x - 3, box.y + p.y - 3);
  await page.mouse.move(box.x + p.x, box.y + p.y);
}

/** The code the region hover outline shows at a level (the layer's filter), or null. */
async function hoverOutline(page: Page, src: 'provinces' | 'prefectures' | 'counties'): Promise<string | null> {
  return page.evaluate((id) => {
    const f = window.jjjAtlas!.map.getFilter(id) as unknown[] | undefined;
    return Array.isArray(f) && f[0] === '==' ? String(f[2]) : null;
  }, `highlight-hover-${src}`);
}

/** Open a region's panel from the search box (it flies there and opens the panel, no filter). */
async function openRegion(page: Page, query: string, code: string): Promise<void> {
  await page.getByTestId('search-input').fill(query);
  await page.locator(`.search-option[data-id="${code}"]`).first().click();
  await page.locator(`.region-column[data-region="${code}"]`).waitFor();
}

const regionTab = (page: Page) => page.getByRole('tab', { name: '地区', exact: true }).click();

/** The first search result for a query: its item id or region code (waiting up to 3 s for the expected one, as the aliases load on focus). */
async function firstResult(page: Page, query: string, expected: string): Promise<string | null> {
  await page.getByTestId('search-input').fill(query);
  const first = page.locator('.search-option').first();
  await first.waitFor();
  await page
    .waitForFunction((id) => document.querySelector('.search-option')?.getAttribute('data-id') === id, expected, { timeout: 3000, polling: 50 })
    .catch(() => undefined);
  return first.getAttribute('data-id');
}

describe('planner finish: search, regions, numbers, picking', () => {
  let app: AppSession;
  /** The view the app opens with (the three provinces). */
  let home: { center: [number, number]; zoom: number };
  before(async () => {
    app = await openApp({ viewport: VIEWPORT, locale: 'zh-CN' });
    await waitForMapIdle(app.page);
    await app.page.getByTestId('counts-total').waitFor();
    home = await app.page.evaluate(() => ({ center: window.jjjAtlas!.map.getCenter().toArray() as [number, number], zoom: window.jjjAtlas!.map.getZoom() }));
  });
  after(async () => {
    await app?.close();
  });

  test('twenty queries people type each find the expected first result', async () => {
    const page = app.page;
    await page.getByTestId('search-input').focus();
    const wrong: string[] = [];
    for (const { query, first } of SEARCH_QUERIES) {
      const got = await firstResult(page, query, first);
      if (got !== first) wrong.push(`${query} → ${got} (expected ${first})`);
    }
    assert.deepEqual(wrong, []);
    await page.getByTestId('search-input').fill('');
  });

  test('大兴 + Enter opens Daxing District without a filter: the airport stays listed and on the map', async () => {
    const page = app.page;
    const input = page.getByTestId('search-input');
    await input.fill('大兴');
    await page.locator('.search-option[data-id="110115"]').first().waitFor();
    // the airport is among the results, shown as an item
    assert.equal(await page.locator('.search-option[data-id="g3-daxing-airport"][data-kind="item"]').count(), 1);
    await input.press('Enter');
    await page.locator('.region-column[data-region="110115"]').waitFor();
    assert.equal(hashParams(page).get('regions'), null, 'no region filter');
    await page.getByRole('tab', { name: '列表', exact: true }).click();
    assert.equal(await page.locator('.list-table tbody tr[data-item-id="g3-daxing-airport"]').count(), 1);
    await page.getByRole('tab', { name: '地区', exact: true }).click();
  });

  test('the click level follows the zoom (6.5 / 8.5), outlined under the pointer before the click; the chooser overrides it', async () => {
    const page = app.page;
    await regionTab(page);
    const level = () => page.getByTestId('click-level').getAttribute('data-level');
    await jumpTo(page, [116.4, 39.3], 6.2);
    assert.equal(await level(), 'province');
    await hoverAt(page, LANGFANG);
    await page.waitForFunction(() => (window.jjjAtlas!.map.getFilter('highlight-hover-provinces') as unknown[] | undefined)?.[2] === '130000');
    await jumpTo(page, [116.4, 39.3], 7.5);
    assert.equal(await level(), 'prefecture');
    assert.equal(await pickAt(page, LANGFANG, ['plan-lines-sites']), null, 'no plan site or line where we point');
    // …but a plan area within the pick's reach (Yongqing County's edge, drawn for the Yizhuang–Yongqing
    // zone): in the regions tab it does not take the hover from the region, as it does not take the click.
    assert.equal(await pickAt(page, LANGFANG), 'g3-yizhuang-yongqing-zone', 'a plan area is within reach where we point');
    await hoverAt(page, LANGFANG);
    await page.waitForFunction(() => (window.jjjAtlas!.map.getFilter('highlight-hover-prefectures') as unknown[] | undefined)?.[2] === '131000');
    assert.equal(await hoverOutline(page, 'provinces'), null, 'one level outlined at a time');
    // …and the click selects what was outlined
    await page.mouse.down();
    await page.mouse.up();
    await page.locator('.region-column[data-region="131000"]').waitFor();
    await jumpTo(page, [116.4, 39.3], 8.8);
    assert.equal(await level(), 'county');
    // the chooser wins over the zoom, and says so
    await page.getByRole('radio', { name: '地级', exact: true }).check();
    assert.equal(await level(), 'prefecture');
    await page.getByRole('radio', { name: '随缩放', exact: true }).check();
    assert.equal(await level(), 'county');
  });

  test('the choropleth defaults to prefectures, follows the chosen level at once, and tells the value on hover and in the legend', async () => {
    const page = app.page;
    const visible = (id: string) => page.evaluate((l) => window.jjjAtlas!.map.getLayoutProperty(l, 'visibility'), id);
    await page.getByTestId('choropleth-toggle').check();
    assert.equal(await page.getByTestId('choropleth-level').getAttribute('data-level'), 'prefecture');
    await page.waitForFunction(() => window.jjjAtlas!.map.getLayoutProperty('choropleth-prefectures', 'visibility') === 'visible', null, { timeout: 30_000 });
    await page.getByRole('radio', { name: '县级', exact: true }).check();
    assert.equal(await page.getByTestId('choropleth-level').getAttribute('data-level'), 'county');
    await page.waitForFunction(() => window.jjjAtlas!.map.getLayoutProperty('choropleth-counties', 'visibility') === 'visible', null, { timeout: 30_000 });
    assert.equal(await visible('choropleth-prefectures'), 'none');
    await page.getByRole('radio', { name: '随缩放', exact: true }).check();
    await page.waitForFunction(() => window.jjjAtlas!.map.getLayoutProperty('choropleth-prefectures', 'visibility') === 'visible', null, { timeout: 30_000 });

    // hover Langfang from the layers tab: the tooltip and the legend give its value
    await jumpTo(page, [116.4, 39.3], 7.5);
    await page.getByRole('tab', { name: '图层与筛选', exact: true }).click();
    // (away from Yongqing County's edge: out of the regions tab a plan area within reach takes the hover)
    assert.equal(await pickAt(page, LANGFANG_CLEAR), null, 'nothing of the plan where we point');
    await hoverAt(page, LANGFANG_CLEAR);
    const tip = page.locator('[data-testid="region-tooltip"][data-region="131000"]');
    await tip.waitFor();
    const value = Number(await tip.getAttribute('data-value'));
    assert.ok(value > 0, `Langfang's item count ${value}`);
    assert.match((await tip.textContent()) ?? '', new RegExp(`廊坊市：${value}`));
    await regionTab(page);
    await hoverAt(page, [LANGFANG[0] + 0.01, LANGFANG[1]]);
    await page.waitForFunction((v) => document.querySelector('[data-testid="legend-hover"]')?.textContent?.includes(`廊坊市：${v}`), value);
    assert.equal(await page.locator('.choropleth-legend li.legend-hovered').count(), 1, 'its class is marked in the legend');
    await page.getByTestId('choropleth-toggle').uncheck();
  });

  test('Langfang and Hebei: lines grouped by kind with totals that add up; counts that differ say why', async () => {
    const page = app.page;
    const col = page.locator('.region-column[data-region="131000"]');
    await col.getByTestId('region-items').waitFor();
    await col.getByTestId('region-items-note').waitFor();
    const groups = await col.getByTestId('region-line-kind').evaluateAll((gs) =>
      gs.map((g) => ({
        kind: g.getAttribute('data-kind'),
        km: Number(g.getAttribute('data-km')),
        lines: [...g.querySelectorAll('[data-testid="region-line"]')].map((l) => l.textContent ?? ''),
      })),
    );
    assert.ok(groups.length >= 2, JSON.stringify(groups));
    const kinds = groups.map((g) => g.kind);
    assert.deepEqual(kinds, [...kinds].sort((a, b) => ['railway', 'road', 'river', 'other'].indexOf(a!) - ['railway', 'road', 'river', 'other'].indexOf(b!)));
    for (const g of groups) {
      const sum = g.lines.reduce((s, l) => s + Number(/([\d.,]+) 公里$/.exec(l)![1]!.replace(/,/g, '')), 0);
      assert.equal(Math.round(sum * 10) / 10, g.km, `${g.kind}: its lines add up to its total`);
    }
    assert.ok(!groups.find((g) => g.kind === 'railway')!.lines.some((l) => /河/.test(l)), 'no river among the railways');
    const total = Number(await col.getByTestId('region-lines-total').getAttribute('data-km'));
    assert.equal(total, Math.round(groups.reduce((s, g) => s + g.km, 0) * 10) / 10);

    // Hebei (opened from the search, as a person would): the plan's own task count next to the record count, and why they differ
    await openRegion(page, '河北', '130000');
    const hebei = page.locator('.region-column[data-region="130000"]');
    await hebei.getByTestId('region-share').waitFor();
    await hebei.getByTestId('region-share-note').waitFor();
    assert.match((await hebei.getByTestId('region-share-note').textContent()) ?? '', /按任务/);
  });

  test('the Daxing airport counts in Beijing and in Daxing District', async () => {
    const page = app.page;
    await openRegion(page, '北京市', '110000');
    const beijing = page.locator('.region-column[data-region="110000"]');
    await beijing.getByTestId('region-items').waitFor();
    assert.match((await beijing.locator('.region-items').textContent()) ?? '', /北京大兴国际机场/);
    await openRegion(page, '大兴区', '110115');
    const daxing = page.locator('.region-column[data-region="110115"]');
    await daxing.getByTestId('region-items').waitFor();
    assert.match((await daxing.locator('.region-items').textContent()) ?? '', /北京大兴国际机场/);
    await page.getByRole('button', { name: /^清除所选地区$/ }).click();
    await page.getByRole('radio', { name: '随缩放', exact: true }).check();
  });

  test('the list says why its rows outnumber the layer panel’s tasks; both from the same counts', async () => {
    const page = app.page;
    await page.getByRole('tab', { name: '列表', exact: true }).click();
    const note = page.getByTestId('list-count-note');
    await note.waitFor();
    const rows = await page.locator('.list-table tbody tr').count();
    const tasks = Number(await note.getAttribute('data-tasks'));
    const parts = Number(await note.getAttribute('data-parts'));
    assert.equal(tasks + parts, rows);
    assert.match((await page.getByTestId('list-count').textContent()) ?? '', new RegExp(String(rows)));
    await page.getByRole('tab', { name: '图层与筛选', exact: true }).click();
    const total = (await page.getByTestId('counts-total').textContent()) ?? '';
    assert.equal(Number(total.split('/')[0]), tasks, `layer panel ${total}`);
  });

  test('hovering the Jing-Xiong intercity picks and outlines it, not a cooperation link drawn across it', async () => {
    const page = app.page;
    // the view the app opens with: there the links' arcs cross the line
    await jumpTo(page, home.center, home.zoom, true);
    // points along the line where nothing else located is within reach (a site on the line is a fair pick)
    const candidates: [number, number][] = [];
    for (let i = 0; i + 1 < INTERCITY.length; i++) {
      const [a, b] = [INTERCITY[i]!, INTERCITY[i + 1]!];
      for (let t = 0.1; t < 0.95; t += 0.1) candidates.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
    }
    const probed = await page.evaluate((pts) => {
      const { map, overlay } = window.jjjAtlas!;
      return pts.map((ll) => {
        const p = map.project(ll);
        const all = overlay!.pickMultipleObjects({ x: p.x, y: p.y, radius: 4, depth: 6 });
        const located = all.filter((i) => i.layer?.id !== 'plan-links').map((i) => (i.object as { properties: { id: string } }).properties.id);
        return { ll, top: overlay!.pickObject({ x: p.x, y: p.y, radius: 4 })?.layer?.id ?? null, located };
      });
    }, candidates);
    const along = probed.filter((p) => p.located.length === 1 && p.located[0] === 'g3-jingxiong-intercity');
    // deck's own topmost pick is a link at some of them: what the preferred pick must overrule
    assert.ok(along.some((p) => p.top === 'plan-links'), `a link is on top somewhere along the line: ${JSON.stringify(probed)}`);
    for (const { ll } of along) {
      await hoverAt(page, ll);
      await page.waitForFunction(() => {
        const layers = ((window.jjjAtlas!.overlay as unknown as { _props: { layers?: unknown[] } })._props.layers ?? []) as { id: string; props: { data: { properties: { id: string } }[] } }[];
        return layers.find((l) => l?.id === 'plan-hover')?.props.data[0]?.properties.id === 'g3-jingxiong-intercity';
      }, null, { timeout: 5000 }).catch(async (e: unknown) => {
        const tip = await page.getByTestId('tooltip').textContent().catch(() => null);
        throw new Error(`at ${ll.join(',')}: tooltip ${tip}; ${String(e)}`);
      });
      assert.match((await page.getByTestId('tooltip').textContent()) ?? '', /京雄城际铁路/, `at ${ll}`);
    }
    await page.mouse.move(5, 5);
  });

  test('a cooperation link is drawn along its raised arc, picked as its link, and hidden with its item\'s layer', async () => {
    const page = app.page;
    await jumpTo(page, home.center, home.zoom, true);
    // The Beijing–Tangshan medical link (public services): the top of its arc, on screen (deck's
    // viewport projects the raised vertex), and what a 1 px pick finds there.
    const pickTop = () =>
      page.evaluate(() => {
        const { overlay } = window.jjjAtlas!;
        type Links = { id: string; props: { data: { properties: { id: string } }[] }; state: { arcs: { startIndices: Uint32Array; attributes: { getPath: { value: Float64Array } } } } };
        const deck = (overlay as unknown as { _deck: { layerManager: { getLayers(): Links[] }; getViewports(): { project(p: number[]): number[] }[] } })._deck;
        const layer = deck.layerManager.getLayers().find((l) => l.id === 'plan-links')!;
        const i = layer.props.data.findIndex((l) => l.properties.id === 'link-medical-tangshan');
        const { startIndices, attributes } = layer.state.arcs;
        const top = Math.floor((startIndices[i]! + startIndices[i + 1]!) / 2);
        const [lon, lat, z] = attributes.getPath.value.slice(top * 3, top * 3 + 3);
        const [x, y] = deck.getViewports()[0]!.project([lon!, lat!, z!]);
        const picked = overlay!.pickObject({ x: x!, y: y!, radius: 1, layerIds: ['plan-links'] });
        return { z: z!, id: (picked?.object as { properties?: { id?: string } } | undefined)?.properties?.id ?? null };
      });
    // the layers reach deck on its next frame
    const pickSettles = async (want: string | null, what: string) => {
      let got: string | null = null;
      for (const t0 = Date.now(); Date.now() - t0 < 5000; await page.waitForTimeout(100)) if ((got = (await pickTop()).id) === want) return;
      assert.equal(got, want, what);
    };
    const shown = await pickTop();
    assert.ok(shown.z > 20000, `the arc is raised at its top: ${shown.z} m`);
    assert.equal(shown.id, 'link-medical-tangshan');
    const publicServices = page.locator('#layer-g3-public-services');
    await publicServices.uncheck();
    try {
      await pickSettles(null, 'hidden with its item\'s layer');
    } finally {
      await publicServices.check();
    }
    await pickSettles('link-medical-tangshan', 'back with its item\'s layer');
  });
});
