/**
 * Issue 5 — regional analysis in the production build, as a person uses it: click a region
 * in the "地区" tab and compare, the choropleth and its legend, a drawn circle kept in the URL,
 * and measuring a path. Every number the page shows is checked against the aggregation engine
 * (src/geo/aggregate) run here, in the test process, on the committed boundaries and items.
 * One browser for the file; tests run in order on the same page.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import {
  aggregateFeatures,
  aggregateInArea,
  buildRegionIndex,
  circlePolygon,
  regionsAt,
  type AggregatableItem,
  type RegionIndex,
  type RegionSummary,
} from '../../src/geo/aggregate';
import { hashParams, openApp, pickAt, regionColumnCodes as columnCodes, waitForIdle, waitForMapIdle, type AppSession } from './harness';

const ROOT = path.resolve(import.meta.dirname, '../..');
const VIEWPORT = { width: 1280, height: 800 };

// Places chosen away from plan sites and lines (asserted below: nothing is picked there). Only
// sites and lines take a click in the regions tab; a plan area may lie under or near the pointer
// and lets the click through to the region: Yongqing County's edge (drawn for the Yizhuang–Yongqing
// zone) is ~1.2 km from LANGFANG, Baodi District's (the Jing-Jin science city) ~1.1 km from TIANJIN.
const LANGFANG: [number, number] = [116.62, 39.15]; // south Langfang, near Bazhou
const BAODING: [number, number] = [115.3, 38.7]; // Baoding, between Xiong'an and the city
const HEBEI: [number, number] = [115.5, 38.3]; // Hengshui, Hebei
const TIANJIN: [number, number] = [117.45, 39.35]; // Tianjin, north of the centre
const SUB_CENTER: [number, number] = [116.6527, 39.9014];

type Level = 'provinces' | 'prefectures' | 'counties';

const readJson = <T>(p: string): T => JSON.parse(readFileSync(path.join(ROOT, p), 'utf8')) as T;
const items = readJson<{ features: (AggregatableItem & { properties: { name_zh: string } })[] }>('geodata/plan/items.geojson').features;
const nameOf = new Map(items.map((i) => [i.properties.id, i.properties.name_zh]));

const indexes = new Map<Level, RegionIndex>();
function indexOf(level: Level): RegionIndex {
  let idx = indexes.get(level);
  if (!idx) {
    idx = buildRegionIndex(readJson<FeatureCollection<Polygon | MultiPolygon>>(`geodata/basemap/jjj_${level}.geojson`), { id: level });
    indexes.set(level, idx);
  }
  return idx;
}

/** The engine's numbers for every region of a level, all items, no filter. */
function engine(level: Level): Map<string, RegionSummary> {
  return new Map(aggregateFeatures(indexOf(level), items).regions.map((s) => [s.id, s]));
}

function regionAt(level: Level, [lon, lat]: [number, number]): string {
  const idx = indexOf(level);
  const hits = regionsAt(idx, lon, lat).map((r) => idx.ids[r]!);
  assert.equal(hits.length, 1, `${lon},${lat} lies in exactly one ${level} region: ${hits.join(',')}`);
  return hits[0]!;
}

/** As the panel rounds km (RegionPanel's fmt: one decimal, the browser's locale). */
const km1 = (v: number) => (Math.round(v * 10) / 10).toLocaleString('zh-CN');

/** Length of the meridian arc between two latitudes on the WGS84 ellipsoid (km), by Simpson's rule. */
function meridianArcKm(lat1: number, lat2: number): number {
  const a = 6378.137;
  const f = 1 / 298.257223563;
  const e2 = f * (2 - f);
  const m = (phi: number) => (a * (1 - e2)) / (1 - e2 * Math.sin(phi) ** 2) ** 1.5;
  const n = 1000;
  const p1 = (lat1 * Math.PI) / 180;
  const h = ((lat2 - lat1) * Math.PI) / 180 / n;
  let sum = m(p1) + m(p1 + n * h);
  for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * m(p1 + i * h);
  return Math.abs((sum * h) / 3);
}

async function jumpTo(page: Page, center: [number, number], zoom: number): Promise<void> {
  await page.evaluate(([c, z]) => window.jjjAtlas!.map.jumpTo({ center: c, zoom: z }), [center, zoom] as const);
  await waitForIdle(page);
}

/** Page coordinates of a place on the map. */
async function screenPoint(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  const box = (await page.getByTestId('map').boundingBox())!;
  const p = await page.evaluate((ll) => window.jjjAtlas!.map.project(ll), lngLat);
  assert.ok(p.x > 0 && p.y > 0 && p.x < box.width && p.y < box.height, `${lngLat} is on the map (${p.x}, ${p.y})`);
  return { x: box.x + p.x, y: box.y + p.y };
}

async function clickMap(page: Page, lngLat: [number, number], opts: { shift?: boolean } = {}): Promise<void> {
  const { x, y } = await screenPoint(page, lngLat);
  await page.mouse.move(x, y);
  if (opts.shift) await page.keyboard.down('Shift');
  try {
    await page.mouse.click(x, y);
  } finally {
    if (opts.shift) await page.keyboard.up('Shift');
  }
}

const column = (page: Page, code: string) => page.locator(`[data-testid="region-panel"] .region-column[data-region="${code}"]`);

/** What a region column (or drawn area) shows: items, per group, lines. */
async function shownNumbers(scope: ReturnType<Page['locator']>): Promise<{ items: number; groups: number[]; lines: string[] }> {
  await scope.getByTestId('region-items').waitFor();
  const items = Number(await scope.getByTestId('region-items').textContent());
  const groups: number[] = [];
  for (let g = 1; g <= 5; g++) groups.push(Number(await scope.getByTestId(`region-group-${g}`).textContent()));
  // (lines are grouped by kind in the panel: compared as a set)
  const lines = (await scope.getByTestId('region-line').evaluateAll((ls) => ls.map((l) => (l.textContent ?? '').trim()))).sort();
  return { items, groups, lines };
}

function expectedNumbers(s: { items: number; byGroup: Record<string, number>; lines: { id: string; km: number }[] }): { items: number; groups: number[]; lines: string[] } {
  return {
    items: s.items,
    groups: [1, 2, 3, 4, 5].map((g) => s.byGroup[String(g)] ?? 0),
    lines: s.lines.map((l) => `${nameOf.get(l.id) ?? l.id}: ${km1(l.km)} 公里`).sort(),
  };
}

/** WCAG relative luminance of '#rrggbb'. */
function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  assert.ok(m, `a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('regions: panel, comparison, choropleth, drawn areas, measure', () => {
  let app: AppSession;
  before(async () => {
    app = await openApp({ viewport: VIEWPORT, locale: 'zh-CN' });
    await waitForMapIdle(app.page);
    await app.page.getByTestId('counts-total').waitFor();
    await app.page.getByRole('tab', { name: '地区', exact: true }).click();
  });
  after(async () => {
    await app?.close();
  });

  test('a click on Langfang (地级) opens its panel with the engine’s numbers', async () => {
    const page = app.page;
    const code = regionAt('prefectures', LANGFANG);
    assert.equal(code, '131000');
    await page.getByRole('radio', { name: '地级', exact: true }).check();
    await jumpTo(page, [116.2, 39.2], 7.6);
    assert.equal(await pickAt(page, LANGFANG, ['plan-lines-sites']), null, 'no plan site or line where we click');
    await clickMap(page, LANGFANG);
    await column(page, code).waitFor();
    assert.deepEqual(await columnCodes(page), [code]);

    const expected = expectedNumbers(engine('prefectures').get(code)!);
    assert.ok(expected.items > 0 && expected.lines.length > 0, 'Langfang has items and lines to compare');
    assert.deepEqual(await shownNumbers(column(page, code)), expected);
    assert.equal(await column(page, code).getByTestId('region-share').count(), 0, 'no share for Langfang');
  });

  test('Shift-click compares: Baoding beside Langfang, then Hebei 50/90 and Tianjin 31/90 at province level', async () => {
    const page = app.page;
    const baoding = regionAt('prefectures', BAODING);
    assert.equal(baoding, '130600');
    assert.equal(await pickAt(page, BAODING, ['plan-lines-sites']), null, 'no plan site or line where we click');
    await clickMap(page, BAODING, { shift: true });
    await column(page, baoding).waitFor();
    assert.deepEqual(await columnCodes(page), ['131000', baoding], 'shift-click adds, it does not replace');
    const a = (await column(page, '131000').boundingBox())!;
    const b = (await column(page, baoding).boundingBox())!;
    assert.ok(Math.abs(a.y - b.y) < 1 && b.x >= a.x + a.width, `side by side: ${JSON.stringify([a, b])}`);
    assert.deepEqual(await shownNumbers(column(page, baoding)), expectedNumbers(engine('prefectures').get(baoding)!));

    await page.getByRole('radio', { name: '省级', exact: true }).check();
    const provinces = engine('provinces');
    for (const [where, expectCode] of [[HEBEI, '130000'], [TIANJIN, '120000']] as const) {
      assert.equal(regionAt('provinces', where), expectCode);
      assert.equal(await pickAt(page, where, ['plan-lines-sites']), null, `no plan site or line at ${where}`);
      await clickMap(page, where, { shift: true });
      await column(page, expectCode).waitFor();
      assert.deepEqual(await shownNumbers(column(page, expectCode)), expectedNumbers(provinces.get(expectCode)!));
    }
    assert.deepEqual(await columnCodes(page), ['131000', baoding, '130000', '120000']);
    const shares = async (code: string) => column(page, code).getByTestId('region-share').allTextContents();
    const hebei = await shares('130000');
    assert.equal(hebei.length, 1, hebei.join(' | '));
    assert.match(hebei[0]!, /\b50 \/ 90\b/);
    const tianjin = await shares('120000');
    assert.equal(tianjin.length, 1, tianjin.join(' | '));
    assert.match(tianjin[0]!, /\b31 \/ 90\b/);
    assert.deepEqual(await shares('131000'), [], 'no share for Langfang');
    assert.deepEqual(await shares(baoding), [], 'no share for Baoding');

    // A plain click replaces the comparison with the one region.
    await clickMap(page, TIANJIN);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="region-panel"] .region-column').length <= 1);
    assert.deepEqual(await columnCodes(page), ['120000']);
  });

  test('choropleth of items by natural breaks: legend, map colours and engine agree', async () => {
    const page = app.page;
    await page.getByRole('radio', { name: '县级', exact: true }).check();
    await page.getByTestId('choropleth-toggle').check();
    await page.getByTestId('choropleth-measure').selectOption('items');
    await page.getByTestId('choropleth-method').selectOption('natural');
    const values = new Map([...engine('counties')].map(([code, s]) => [code, s.items]));

    // The map's expression once it covers every county (it is set after the legend renders).
    await page.waitForFunction(
      (n) => {
        const e = window.jjjAtlas!.map.getPaintProperty('choropleth-counties', 'fill-color');
        return Array.isArray(e) && e[0] === 'match' && (e.length - 3) / 2 === n && window.jjjAtlas!.map.getLayoutProperty('choropleth-counties', 'visibility') === 'visible';
      },
      values.size,
      { timeout: 30_000, polling: 100 },
    );
    await waitForIdle(page);
    const expr = (await page.evaluate(() => window.jjjAtlas!.map.getPaintProperty('choropleth-counties', 'fill-color'))) as unknown[];
    assert.deepEqual(expr.slice(0, 2), ['match', ['get', 'adcode']]);
    assert.equal(expr[expr.length - 1], 'rgba(0,0,0,0)');
    const colorOf = new Map<string, string>();
    for (let i = 2; i < expr.length - 1; i += 2) colorOf.set(String(expr[i]), String(expr[i + 1]));
    assert.deepEqual([...colorOf.keys()].sort(), [...values.keys()].sort(), 'every county is coloured, and only counties');
    for (const other of ['choropleth-provinces', 'choropleth-prefectures'])
      assert.equal(await page.evaluate((id) => window.jjjAtlas!.map.getLayoutProperty(id, 'visibility'), other), 'none', `${other} is hidden`);

    const legend = await page.locator('[data-testid="choropleth-legend"] li[data-color]').evaluateAll((lis) =>
      lis.map((li) => ({ color: li.getAttribute('data-color') ?? '', text: (li.textContent ?? '').trim() })),
    );
    assert.ok(legend.length >= 3, `several classes: ${JSON.stringify(legend)}`);
    const classes = legend.map(({ color, text }) => {
      const m = /^(\d+)(?:–(\d+))?\s*\((\d+)\)$/.exec(text);
      assert.ok(m, `legend entry "${text}" reads "from–to (count)"`);
      return { color, from: Number(m[1]), to: Number(m[2] ?? m[1]), count: Number(m[3]) };
    });
    for (let i = 1; i < classes.length; i++) {
      assert.equal(classes[i]!.from, classes[i - 1]!.to + 1, `classes are contiguous: ${JSON.stringify(classes)}`);
      assert.ok(luminance(classes[i]!.color) < luminance(classes[i - 1]!.color), 'each class is darker than the one before');
    }
    assert.equal(new Set(classes.map((c) => c.color)).size, classes.length, 'one colour per class');

    // Counts per colour on the map = legend counts.
    const perColor = new Map<string, number>();
    for (const c of colorOf.values()) perColor.set(c, (perColor.get(c) ?? 0) + 1);
    assert.deepEqual(
      Object.fromEntries([...perColor].sort()),
      Object.fromEntries(classes.filter((c) => c.count > 0).map((c) => [c.color, c.count] as const).sort()),
      'regions per colour on the map equal the legend counts',
    );
    // Each county's colour is the class its engine value falls in.
    const wrong: string[] = [];
    for (const [code, v] of values) {
      const cls = classes.find((c) => v >= c.from && v <= c.to);
      if (!cls || colorOf.get(code) !== cls.color) wrong.push(`${code}: ${v} → ${colorOf.get(code)} (legend: ${cls?.color ?? 'no class'})`);
    }
    assert.deepEqual(wrong, [], 'map colour = legend class of the engine value');
    const max = Math.max(...values.values());
    const top = [...values].filter(([, v]) => v === max).map(([c]) => c);
    for (const code of top) assert.equal(colorOf.get(code), classes[classes.length - 1]!.color, `${code} (${max} items, the most) is in the darkest class`);

    await page.getByTestId('choropleth-toggle').uncheck();
    await page.waitForFunction(() => window.jjjAtlas!.map.getLayoutProperty('choropleth-counties', 'visibility') === 'none');
  });

  test('a 50 km circle around the Sub-center: aggregates appear, the URL keeps it, a reload restores it', async () => {
    const page = app.page;
    await jumpTo(page, SUB_CENTER, 8);
    await page.getByTestId('tool-circle').click();
    assert.equal(await page.getByTestId('tool-circle').getAttribute('aria-pressed'), 'true');
    await page.getByTestId('circle-radius').fill('50');
    await clickMap(page, SUB_CENTER);
    const area = page.getByTestId('drawn-area');
    await area.getByTestId('region-items').waitFor();
    assert.equal(await area.count(), 1);
    const shown = await shownNumbers(area);
    assert.ok(shown.items > 0, `items in the circle: ${shown.items}`);

    // The hash is rewritten on every change of the shareable state; give it a moment.
    const kept = await page.waitForFunction(() => location.hash.includes('areas='), null, { timeout: 5_000, polling: 100 }).then(
      () => true,
      () => false,
    );
    assert.ok(kept, `the URL keeps the drawn area, but the hash is ${new URL(page.url()).hash}`);
    const raw = hashParams(page).get('areas') ?? '';
    const m = /^[^;|]*;c;(-?[\d.]+);(-?[\d.]+);([\d.]+)$/.exec(raw);
    assert.ok(m, `one circle in the URL: ${raw}`);
    const center: [number, number] = [Number(m[1]), Number(m[2])];
    assert.equal(Number(m[3]), 50);
    assert.ok(Math.abs(center[0] - SUB_CENTER[0]) < 0.01 && Math.abs(center[1] - SUB_CENTER[1]) < 0.01, `centre ${center}`);
    const expected = expectedNumbers(aggregateInArea(items, circlePolygon(center, 50)));
    assert.deepEqual(shown, expected, 'the circle’s numbers are the engine’s');
    await page.getByTestId('tool-circle').click();

    const url = page.url();
    await page.reload();
    await waitForMapIdle(page);
    assert.equal(page.url(), url);
    await page.getByRole('tab', { name: '地区', exact: true }).click();
    await area.getByTestId('region-items').waitFor();
    assert.equal(await area.count(), 1, 'the area is back after the reload');
    assert.deepEqual(await shownNumbers(area), expected);
    assert.equal(hashParams(page).get('areas'), raw);
  });

  test('measuring ~1° of latitude shows the geodesic distance within 1 km', async () => {
    const page = app.page;
    const a: [number, number] = [116.0, 39.3];
    const b: [number, number] = [116.0, 40.3];
    await jumpTo(page, [116.0, 39.8], 8.5);
    await page.getByTestId('tool-measure').click();
    assert.equal(await page.getByTestId('tool-measure').getAttribute('aria-pressed'), 'true');
    // terra-draw is loaded on first use: the button says when it takes clicks
    await page.locator('[data-testid="tool-measure"][data-ready="true"]').waitFor({ timeout: 30_000 });
    const shown = page.getByTestId('measure-km');
    const shownKm = async () => {
      const text = ((await shown.textContent()) ?? '').trim();
      const mm = /^距离：([\d.,]+) 公里$/.exec(text);
      assert.ok(mm, `"${text}" reads 距离：N 公里`);
      return Number(mm[1]!.replace(/,/g, ''));
    };
    const geodesic = meridianArcKm(a[1], b[1]);
    await clickMap(page, a);
    await clickMap(page, b);
    // the readout appears with the first point (0 km); the second point is in once it moves
    await page.waitForFunction(() => {
      const t = document.querySelector('[data-testid="measure-km"]')?.textContent ?? '';
      return /[1-9]/.test(t);
    }, undefined, { timeout: 10_000 }).catch(() => undefined);
    const whileDrawing = await shownKm(); // two points clicked: the path so far
    await clickMap(page, b); // a click on the last point finishes the line
    await page.mouse.move(100, 400); // moving away must not change a finished line
    await page.waitForTimeout(300);
    const finished = await shownKm();
    assert.ok(Math.abs(finished - geodesic) <= 1, `finished line: shown ${finished} km, geodesic ${geodesic.toFixed(2)} km`);
    assert.ok(Math.abs(whileDrawing - geodesic) <= 1, `after clicking the two points: shown ${whileDrawing} km, geodesic ${geodesic.toFixed(2)} km`);
    await page.getByTestId('tool-measure').click();
  });

  test('no page errors or console errors along the way', () => {
    assert.deepEqual(app.pageErrors, [], app.pageErrors.join('\n'));
    assert.deepEqual(app.consoleErrors, [], app.consoleErrors.join('\n'));
  });
});
