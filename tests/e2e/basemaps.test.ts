/**
 * Issue 7 — base maps, as a person switches them in the production build. The online providers
 * are stood in for by routes that answer with one-colour tiles (or refuse), so the tests know
 * what the screen must show and run without a network:
 * - by default nothing is requested off the app's origin;
 * - OpenStreetMap replaces the embedded ground (tile colour on screen, attribution, link) and
 *   the plan's overlays stay and are picked where they are;
 * - an unreachable online base map falls back to the embedded one with a notice;
 * - Tianditu uses the person's key in its tile requests but never in the link;
 * - a MapLibre style URL is fetched and drawn; one that is not a style gives a message;
 * - over AMap (GCJ-02) the overlays are drawn shifted by the GCJ-02 offset at Daxing airport,
 *   and back on the embedded map they return to their WGS-84 place.
 * Tile layers ("data too large for the browser"): a PMTiles archive served with HTTP range
 * requests is drawn where its features are and survives a reload; a local .pmtiles file too;
 * over AMap the vector tile layers are moved to their GCJ-02 place and a click there finds
 * their feature; broken addresses give their message; a layer whose tiles fail is marked and
 * reported. Over AMap a story chapter is flown to its GCJ-02 place.
 * One browser; the tests run in order on the same page.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import gcoord from 'gcoord';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FeatureCollection } from 'geojson';
import { geojsonToPmtiles } from '../../scripts/geojson-to-pmtiles';
import type { Page, Route } from 'playwright-core';
import { BASEMAP_COLORS } from '../../src/map/basemap/style';
import { hashParams, openApp, pickAt, projectToDevice, screenshotImage, waitForIdle, waitForMapIdle, type AppSession } from './harness';
import { colorDistance, hexToRgb, pixel, solidPng, type RGB } from './png';

const VIEWPORT = { width: 1280, height: 800 };
const DAXING_AIRPORT: [number, number] = [116.4106, 39.5092]; // geodata/plan/items.geojson, WGS-84
// Places with no overlay on them, for reading the base map's colour.
const OPEN_GROUND: [number, number][] = [
  [114.3, 38.3],
  [117.6, 41.6],
  [114.9, 37.0],
];
// the default story's first chapter (its camera is WGS-84)
const STORY_FIRST = (JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../geodata/story/default.json'), 'utf8')) as { chapters: { id: string; camera: { center: [number, number] } }[] }).chapters[0]!;
const SEA: [number, number] = [120.2, 38.9]; // the Bohai, east of Caofeidian

const OSM_COLOUR: RGB = [225, 40, 200];
const TIANDITU_COLOUR: RGB = [240, 200, 30];
const STYLE_COLOUR: RGB = [40, 190, 90];
const AMAP_COLOUR: RGB = [40, 180, 230];

const tile = (colour: RGB) => solidPng(256, 256, colour);

async function fulfilTiles(route: Route, colour: RGB): Promise<void> {
  await route.fulfill({ status: 200, contentType: 'image/png', headers: { 'access-control-allow-origin': '*' }, body: tile(colour) });
}

/** Click a choice (not `check()`: a failing base map may switch back before Playwright looks). */
async function choose(page: Page, kind: string): Promise<void> {
  await page.getByTestId(`basemap-${kind}`).click();
}

async function waitForStatus(page: Page, re: RegExp): Promise<void> {
  await page.getByTestId('basemap-status').filter({ hasText: re }).waitFor({ timeout: 30_000 });
}

async function groundColours(page: Page): Promise<RGB[]> {
  await waitForIdle(page);
  const img = await screenshotImage(page);
  const out: RGB[] = [];
  for (const ll of OPEN_GROUND) {
    const { x, y } = await projectToDevice(page, ll);
    out.push(pixel(img, Math.round(x), Math.round(y)));
  }
  return out;
}

function near(a: RGB, b: RGB, tol = 40): boolean {
  return colorDistance(a, b) < tol;
}

async function onlineLayerIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.jjjAtlas!.map.getStyle().layers.filter((l) => l.id.startsWith('online:')).map((l) => l.id));
}

/** Serve a byte array the way object storage does: HTTP range requests (206), CORS open. */
async function serveBytes(route: Route, bytes: Uint8Array): Promise<void> {
  const m = /bytes=(\d+)-(\d*)/.exec(route.request().headers()['range'] ?? '');
  const cors = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'content-range, content-length, etag' };
  if (!m) return route.fulfill({ status: 200, contentType: 'application/octet-stream', headers: cors, body: Buffer.from(bytes) });
  const start = Number(m[1]);
  const end = Math.min(m[2] ? Number(m[2]) : bytes.length - 1, bytes.length - 1);
  await route.fulfill({
    status: 206,
    contentType: 'application/octet-stream',
    headers: { ...cors, 'content-range': `bytes ${start}-${end}/${bytes.length}` },
    body: Buffer.from(bytes.subarray(start, end + 1)),
  });
}

// A square and three points on open ground in Hebei (south-west of Shijiazhuang), as tiles.
const SQUARE_CENTRE: [number, number] = [114.3, 38.3];
const TILE_DATA: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: '测试方块', id: 1 }, geometry: { type: 'Polygon', coordinates: [[[114.2, 38.2], [114.4, 38.2], [114.4, 38.4], [114.2, 38.4], [114.2, 38.2]]] } },
    ...[114.6, 114.7, 114.8].map((x, i) => ({ type: 'Feature' as const, properties: { name: `点${i + 1}`, id: i + 2 }, geometry: { type: 'Point' as const, coordinates: [x, 38.1] } })),
  ],
};

/** Features the map renders at a place, from tile layers only. */
async function tileFeaturesAt(page: Page, ll: [number, number]): Promise<{ layer: string; name: unknown }[]> {
  return page.evaluate((at) => {
    const map = window.jjjAtlas!.map;
    const layers = map.getStyle().layers.filter((l) => l.id.startsWith('tiles:')).map((l) => l.id);
    if (layers.length === 0) return [];
    return map.queryRenderedFeatures(map.project(at), { layers }).map((f) => ({ layer: f.layer.id, name: f.properties?.name }));
  }, ll);
}

async function openDataTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /^数据$|^Data$/ }).click();
  await page.getByTestId('tile-layers').waitFor();
}

async function jumpTo(page: Page, center: [number, number], zoom: number): Promise<void> {
  await page.evaluate(({ c, z }) => window.jjjAtlas!.map.jumpTo({ center: c, zoom: z }), { c: center, z: zoom });
  await waitForIdle(page);
}

describe('base maps: online choices, fallback and GCJ-02', () => {
  let app: AppSession;
  const requested: string[] = [];
  /** the view before zooming in to street level over OpenStreetMap */
  let overview: { center: [number, number]; zoom: number } | null = null;
  before(async () => {
    app = await openApp({ viewport: VIEWPORT, locale: 'zh-CN' });
    await waitForMapIdle(app.page);
    app.page.on('request', (r) => {
      if (r.url().startsWith('https://')) requested.push(r.url());
    });
  });
  after(async () => {
    await app?.close();
  });

  test('by default the embedded map is drawn and nothing is requested off the origin', async () => {
    await app.page.getByTestId('basemap-chooser').waitFor();
    assert.equal(await app.page.getByTestId('basemap-embedded').isChecked(), true);
    assert.deepEqual(app.foreignRequests, []);
    assert.deepEqual(await onlineLayerIds(app.page), []);
  });

  test('OpenStreetMap replaces the embedded ground; overlays stay where they are', async () => {
    await app.context.route('https://tile.openstreetmap.org/**', (r) => fulfilTiles(r, OSM_COLOUR));
    const before = await groundColours(app.page);
    for (const c of before) assert.ok(!near(c, OSM_COLOUR), `embedded ground before: ${c.join(',')}`);
    await choose(app.page, 'osm');
    await waitForStatus(app.page, /OpenStreetMap/);
    await app.page.getByTestId('basemap-status').filter({ hasText: /正在显示/ }).waitFor();
    const after = await groundColours(app.page);
    for (const c of after) assert.ok(near(c, OSM_COLOUR), `OSM tile colour on open ground: ${c.join(',')}`);
    assert.ok(requested.some((u) => u.startsWith('https://tile.openstreetmap.org/')), 'tiles were requested from OSM');
    assert.match((await app.page.locator('.maplibregl-ctrl-attrib').textContent()) ?? '', /OpenStreetMap/);
    assert.equal(hashParams(app.page).get('bm'), 'osm');
    assert.equal(await pickAt(app.page, DAXING_AIRPORT), 'g3-daxing-airport', 'the plan overlay is still picked at Daxing airport');
    const style = await app.page.evaluate(() => {
      const m = window.jjjAtlas!.map;
      return { sea: m.getLayoutProperty('sea', 'visibility'), border: m.getLayoutProperty('province-border', 'visibility') };
    });
    assert.deepEqual(style, { sea: 'none', border: 'visible' }, 'embedded ground hidden, province borders kept');
    // street-level tiles: the map zooms past the embedded map's 13
    overview = await app.page.evaluate(() => ({ center: window.jjjAtlas!.map.getCenter().toArray() as [number, number], zoom: window.jjjAtlas!.map.getZoom() }));
    await jumpTo(app.page, DAXING_AIRPORT, 16);
    assert.equal(await app.page.evaluate(() => window.jjjAtlas!.map.getZoom()), 16);
  });

  test('back to the embedded map: its colours return and the online layers are gone', async () => {
    await choose(app.page, 'embedded');
    await app.page.waitForFunction(() => !window.jjjAtlas!.map.getStyle().layers.some((l) => l.id.startsWith('online:')));
    assert.equal(await app.page.evaluate(() => window.jjjAtlas!.map.getZoom()), 13, 'zoomed out to the embedded map’s limit');
    await jumpTo(app.page, overview!.center, overview!.zoom);
    const colours = await groundColours(app.page);
    for (const c of colours) assert.ok(near(c, hexToRgb(BASEMAP_COLORS.land), 30), `embedded land colour: ${c.join(',')}`);
    assert.equal(hashParams(app.page).get('bm'), null);
  });

  test('a link with OpenStreetMap and a street-level view opens at that zoom', async () => {
    // a page of its own, opened from the link
    const page = await app.context.newPage();
    try {
      await page.goto(`${app.page.url().split('#')[0]!}#map=16.00/${DAXING_AIRPORT[1]}/${DAXING_AIRPORT[0]}&bm=osm`);
      await waitForMapIdle(page);
      // a link's online base map waits for the person's consent (tests/e2e/trust.test.ts)
      await page.getByTestId('consent-allow').click();
      await waitForStatus(page, /正在显示OpenStreetMap/);
      await page.waitForFunction(() => Math.abs(window.jjjAtlas!.map.getZoom() - 16) < 1e-6, null, { timeout: 10_000 });
      const c = await page.evaluate(() => window.jjjAtlas!.map.getCenter().toArray());
      assert.ok(Math.abs(c[0]! - DAXING_AIRPORT[0]) < 1e-3 && Math.abs(c[1]! - DAXING_AIRPORT[1]) < 1e-3, `centred as the link says: ${c.join(',')}`);
      await choose(page, 'embedded');
      await page.waitForFunction(() => !window.jjjAtlas!.map.getStyle().layers.some((l) => l.id.startsWith('online:')));
      assert.equal(await page.evaluate(() => window.jjjAtlas!.map.getZoom()), 13, 'back on the embedded map: zoom 13 at most');
    } finally {
      await page.close();
    }
  });

  test('an unreachable online base map falls back to the embedded one with a notice', async () => {
    await app.context.unroute('https://tile.openstreetmap.org/**');
    await app.context.route('https://tile.openstreetmap.org/**', (r) => r.abort('internetdisconnected'));
    await choose(app.page, 'osm');
    const notice = app.page.getByTestId('notices').locator('.notice').filter({ hasText: /无法加载OpenStreetMap/ });
    await notice.waitFor({ timeout: 30_000 });
    assert.match((await notice.textContent()) ?? '', /已切换回内置离线底图/);
    assert.equal(await app.page.getByTestId('basemap-embedded').isChecked(), true, 'the chooser shows the embedded map again');
    assert.deepEqual(await onlineLayerIds(app.page), []);
    assert.equal(hashParams(app.page).get('bm'), null);
    await waitForIdle(app.page);
    const img = await screenshotImage(app.page);
    const sea = await projectToDevice(app.page, SEA);
    assert.ok(near(pixel(img, Math.round(sea.x), Math.round(sea.y)), hexToRgb(BASEMAP_COLORS.sea), 30), 'the embedded sea is drawn');
    assert.equal(await pickAt(app.page, DAXING_AIRPORT), 'g3-daxing-airport', 'the overlays are intact');
    await notice.getByRole('button').click();
  });

  test('Tianditu asks for a key, uses it in its tile requests and keeps it out of the link', async () => {
    const tdt: string[] = [];
    await app.context.route(/^https:\/\/t[0-7]\.tianditu\.gov\.cn\//, (r) => {
      tdt.push(r.request().url());
      return fulfilTiles(r, TIANDITU_COLOUR);
    });
    await choose(app.page, 'tianditu');
    const key = app.page.getByTestId('basemap-key');
    await key.waitFor();
    assert.equal(tdt.length, 0, 'nothing is requested before a key is given');
    await key.fill('test-key-0123');
    await key.press('Enter');
    await waitForStatus(app.page, /正在显示天地图/);
    assert.ok(tdt.length > 0 && tdt.every((u) => u.includes('tk=test-key-0123')), 'tile requests carry the key');
    for (const c of await groundColours(app.page)) assert.ok(near(c, TIANDITU_COLOUR), `Tianditu tile colour: ${c.join(',')}`);
    assert.ok(tdt.some((u) => u.includes('/vec_w/')) && tdt.some((u) => u.includes('/cva_w/')), 'map and annotation layers');
    assert.equal(hashParams(app.page).get('bm'), 'tianditu');
    assert.doesNotMatch(app.page.url(), /test-key/);
    assert.equal(await app.page.evaluate(() => localStorage.getItem('jjj-atlas:tianditu-key')), 'test-key-0123');
  });

  test('a MapLibre style URL is drawn; a URL that is not a style gives a message and changes nothing', async () => {
    const style = {
      version: 8,
      sources: { ground: { type: 'raster', tiles: ['https://tiles.example.test/{z}/{x}/{y}.png'], tileSize: 256, attribution: 'Example tiles' } },
      layers: [{ id: 'ground', type: 'raster', source: 'ground' }],
    };
    await app.context.route('https://styles.example.test/style.json', (r) =>
      r.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: JSON.stringify(style) }),
    );
    await app.context.route('https://styles.example.test/page.html', (r) =>
      r.fulfill({ status: 200, contentType: 'text/html', headers: { 'access-control-allow-origin': '*' }, body: '<!doctype html><title>not a style</title>' }),
    );
    await app.context.route('https://tiles.example.test/**', (r) => fulfilTiles(r, STYLE_COLOUR));

    await choose(app.page, 'style');
    const input = app.page.getByTestId('basemap-style-url');
    await input.fill('http://styles.example.test/style.json');
    await input.press('Enter');
    await app.page.getByRole('alert').filter({ hasText: /https:\/\// }).waitFor();
    assert.equal(hashParams(app.page).get('bm'), 'tianditu', 'an http:// URL is refused before anything changes');

    await input.fill('https://styles.example.test/page.html');
    await input.press('Enter');
    const notice = app.page.getByTestId('notices').locator('.notice').filter({ hasText: /返回的不是 JSON/ });
    await notice.waitFor({ timeout: 30_000 });
    assert.equal(await app.page.getByTestId('basemap-embedded').isChecked(), true);
    await notice.getByRole('button').click();

    await choose(app.page, 'style');
    await input.fill('https://styles.example.test/style.json');
    await input.press('Enter');
    await waitForStatus(app.page, /正在显示MapLibre 样式 URL/);
    for (const c of await groundColours(app.page)) assert.ok(near(c, STYLE_COLOUR), `style tile colour: ${c.join(',')}`);
    assert.deepEqual(await onlineLayerIds(app.page), ['online:ground']);
    assert.equal(hashParams(app.page).get('bm'), 'style:https://styles.example.test/style.json');
    assert.match(app.page.url(), /bm=style:https%3A%2F%2Fstyles.example.test%2Fstyle.json/);
    assert.match((await app.page.locator('.maplibregl-ctrl-attrib').textContent()) ?? '', /Example tiles/);
  });

  test('over AMap (GCJ-02) the overlays are drawn shifted by the GCJ-02 offset at Daxing airport', async () => {
    await app.context.route(/^https:\/\/webrd0[1-4]\.is\.autonavi\.com\//, (r) => fulfilTiles(r, AMAP_COLOUR));
    await jumpTo(app.page, DAXING_AIRPORT, 13);
    assert.equal(await pickAt(app.page, DAXING_AIRPORT), 'g3-daxing-airport', 'before: drawn at its WGS-84 place');

    await choose(app.page, 'amap');
    await waitForStatus(app.page, /GCJ-02/);
    await waitForIdle(app.page);
    const [gx, gy] = gcoord.transform(DAXING_AIRPORT, gcoord.WGS84, gcoord.GCJ02) as [number, number];
    const shiftM = await app.page.evaluate(
      ({ a, b }) => {
        const map = window.jjjAtlas!.map;
        const p = map.project(a);
        const q = map.project(b);
        return Math.hypot(p.x - q.x, p.y - q.y);
      },
      { a: DAXING_AIRPORT, b: [gx, gy] as [number, number] },
    );
    assert.ok(shiftM > 25, `the GCJ-02 offset is ${shiftM.toFixed(1)} px at zoom 13: large enough to tell apart`);
    assert.equal(await pickAt(app.page, [gx, gy]), 'g3-daxing-airport', 'after: drawn at its GCJ-02 place');
    assert.equal(await pickAt(app.page, DAXING_AIRPORT), null, 'after: nothing at the WGS-84 place');
    // The link keeps WGS-84: the view centre written is the airport, not its GCJ-02 shadow.
    await app.page.evaluate(() => window.jjjAtlas!.map.panBy([1, 0], { duration: 0 }));
    await app.page.waitForFunction(() => /[&#]map=/.test(location.hash));
    const [, lat, lon] = (hashParams(app.page).get('map') ?? '').split('/').map(Number);
    assert.ok(Math.abs(lon! - DAXING_AIRPORT[0]) < 0.002 && Math.abs(lat! - DAXING_AIRPORT[1]) < 0.002, `URL centre ${lat},${lon} is WGS-84`);

    // A story chapter's subject (WGS-84) is framed at its GCJ-02 place, so the chapter frames
    // the same ground as over the embedded map: the two cameras differ by the datum's shift.
    const page = app.page;
    // The framing keeps a chapter's subject clear of every control, the attribution included, and
    // AMap's attribution is taller than the embedded map's: hidden in both runs, the two frames
    // have the same room and differ by the datum's shift alone.
    // (through the element's style: the page's CSP refuses an inline style sheet)
    const presentedCentre = async () => {
      await page.evaluate(() => document.querySelectorAll<HTMLElement>('.maplibregl-ctrl-attrib').forEach((el) => (el.style.display = 'none')));
      await page.getByRole('tab', { name: /^演示$/ }).click();
      await page.getByTestId('start-presentation').click();
      await page.getByTestId('presentation').waitFor();
      await page.waitForFunction((id) => document.querySelector('[data-testid="chapter-caption"]')?.getAttribute('data-chapter') === id, STORY_FIRST.id);
      await page.waitForFunction(() => window.jjjAtlas!.map.getZoom() > 0 && !window.jjjAtlas!.map.isMoving(), null, { timeout: 20_000, polling: 200 });
      await waitForIdle(page);
      const c = await page.evaluate(() => window.jjjAtlas!.map.getCenter().toArray());
      await page.keyboard.press('Escape');
      await page.getByTestId('presentation').waitFor({ state: 'detached' });
      await page.getByRole('tab', { name: /^图层与筛选$/ }).click();
      return c;
    };
    const centre = await presentedCentre();

    await choose(app.page, 'embedded');
    await app.page.waitForFunction(() => !window.jjjAtlas!.map.getStyle().layers.some((l) => l.id.startsWith('online:')));
    await waitForIdle(app.page);
    assert.equal(await pickAt(app.page, DAXING_AIRPORT), 'g3-daxing-airport', 'back on WGS-84: at its own place again');
    const plain = await presentedCentre();
    const wanted = gcoord.transform(plain as [number, number], gcoord.WGS84, gcoord.GCJ02) as [number, number];
    const off = (a: number[], b: readonly number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);
    // The shift varies a little across the region the chapter frames: its middle's is close to the box's.
    assert.ok(off(centre, wanted) < 1e-3, `the chapter centre ${centre.join(',')} is the embedded map's ${plain.join(',')} shifted to GCJ-02 ${wanted.join(',')}`);
    assert.ok(off(centre, plain) > 2e-3, 'and not the WGS-84 one');
  });

  test('a PMTiles archive by URL (range requests) is drawn where its features are, and survives a reload', async () => {
    const archive = geojsonToPmtiles(TILE_DATA, { layer: 'squares', minzoom: 0, maxzoom: 10 });
    const ranges: string[] = [];
    await app.context.route('https://data.example.test/jjj.pmtiles', (r) => {
      ranges.push(r.request().headers()['range'] ?? 'none');
      return serveBytes(r, archive);
    });
    await jumpTo(app.page, SQUARE_CENTRE, 9);
    assert.deepEqual(await tileFeaturesAt(app.page, SQUARE_CENTRE), []);
    await openDataTab(app.page);
    await app.page.getByTestId('tile-url').fill('https://data.example.test/jjj.pmtiles');
    await app.page.getByTestId('tile-add').click();
    const row = app.page.locator('[data-testid="tile-layer"][data-status="ready"]');
    await row.waitFor({ timeout: 30_000 });
    assert.match((await row.textContent()) ?? '', /squares|jjj/);
    assert.match((await row.textContent()) ?? '', /PMTiles 矢量/);
    await waitForIdle(app.page);
    await jumpTo(app.page, SQUARE_CENTRE, 9);
    const hits = await tileFeaturesAt(app.page, SQUARE_CENTRE);
    assert.ok(hits.some((h) => h.name === '测试方块' && h.layer.endsWith(':squares:fill')), `the square is drawn at its place: ${JSON.stringify(hits)}`);
    assert.deepEqual(await tileFeaturesAt(app.page, [114.3, 37.7]), [], 'nothing south of it');
    // A click on it shows its properties, as text.
    const at = await app.page.evaluate((ll) => {
      const map = window.jjjAtlas!.map;
      const p = map.project(ll);
      const r = map.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    }, SQUARE_CENTRE);
    await app.page.mouse.click(at.x, at.y);
    const card = app.page.getByTestId('tile-feature-detail');
    await card.waitFor();
    assert.match((await card.textContent()) ?? '', /name测试方块/);
    await card.getByRole('button').click();
    assert.ok(ranges.length > 0 && ranges.every((r) => /^bytes=\d+-\d+$/.test(r)), `the archive is read by ranges: ${ranges.slice(0, 5).join(' ')}`);

    await app.page.reload();
    await waitForMapIdle(app.page);
    await openDataTab(app.page);
    await app.page.locator('[data-testid="tile-layer"][data-status="ready"]').waitFor({ timeout: 30_000 });
    await jumpTo(app.page, SQUARE_CENTRE, 9);
    assert.ok((await tileFeaturesAt(app.page, SQUARE_CENTRE)).some((h) => h.name === '测试方块'), 'drawn again after the reload');
    // The Tianditu key was kept in the browser too: choosing Tianditu draws it straight away.
    await app.page.getByRole('tab', { name: /图层/ }).click();
    await choose(app.page, 'tianditu');
    await waitForStatus(app.page, /正在显示天地图/);
    assert.equal(await app.page.getByTestId('basemap-key').inputValue(), 'test-key-0123', 'the stored key is there to change');
    await choose(app.page, 'embedded');
    await openDataTab(app.page);
  });

  test('a local .pmtiles file becomes a tile layer too', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jjj-tiles-'));
    const file = path.join(dir, 'local-points.pmtiles');
    writeFileSync(file, geojsonToPmtiles(TILE_DATA, { layer: 'local', minzoom: 0, maxzoom: 10 }));
    await app.page.getByTestId('tile-file').setInputFiles(file);
    await app.page.locator('[data-testid="tile-layer"][data-status="ready"]').nth(1).waitFor({ timeout: 30_000 });
    await jumpTo(app.page, SQUARE_CENTRE, 9);
    const hits = await tileFeaturesAt(app.page, SQUARE_CENTRE);
    assert.ok(hits.some((h) => h.layer.includes(':local:fill')), `the local archive is drawn: ${JSON.stringify(hits)}`);
    assert.match((await app.page.locator('[data-testid="tile-layer"]').nth(1).textContent()) ?? '', /本地文件/);
  });

  test('over AMap (GCJ-02) the tile layers are moved onto their GCJ-02 place too, and a click there finds their feature', async () => {
    const page = app.page;
    const POINT: [number, number] = [114.7, 38.1]; // 点2 in TILE_DATA
    const clickFeature = async (ll: [number, number]): Promise<string | null> => {
      const { x, y } = await page.evaluate((at) => {
        const map = window.jjjAtlas!.map;
        const p = map.project(at);
        const r = map.getCanvas().getBoundingClientRect();
        return { x: r.left + p.x, y: r.top + p.y };
      }, ll);
      await page.mouse.click(x, y);
      const card = page.getByTestId('tile-feature-detail');
      try {
        await card.waitFor({ timeout: 3_000 });
      } catch {
        return null;
      }
      const text = (await card.textContent()) ?? '';
      await card.getByRole('button').click();
      return text;
    };
    const colourAt = async (ll: [number, number]): Promise<RGB> => {
      const img = await screenshotImage(page);
      const { x, y } = await projectToDevice(page, ll);
      return pixel(img, Math.round(x), Math.round(y));
    };
    // the local archive's points are drawn last, on top
    const LOCAL = hexToRgb(await page.evaluate(() => String(window.jjjAtlas!.map.getStyle().layers.find((l) => l.id.endsWith(':local:point'))!.paint!['circle-color' as never])));
    await jumpTo(page, POINT, 13);
    assert.match((await clickFeature(POINT)) ?? '', /name点2/, 'on the embedded map: found at its WGS-84 place');

    await page.getByRole('tab', { name: /^图层与筛选$/ }).click();
    await choose(page, 'amap');
    await waitForStatus(page, /GCJ-02/);
    const gcj = gcoord.transform(POINT, gcoord.WGS84, gcoord.GCJ02) as [number, number];
    // the tile layers are moved once the datum has switched (their module loads on demand)
    await page.waitForFunction(() => !!window.jjjAtlas!.map.getPaintProperty(window.jjjAtlas!.map.getStyle().layers.find((l) => l.id.endsWith(':local:point'))!.id, 'circle-translate'));
    await waitForIdle(page);
    await screenshotImage(page, path.join(tmpdir(), 'jjj-tiles-over-amap.png'));
    assert.ok(near(await colourAt(gcj), LOCAL), `over AMap the point is drawn at its GCJ-02 place: ${(await colourAt(gcj)).join(',')} at zoom ${await page.evaluate(() => window.jjjAtlas!.map.getZoom())}`);
    assert.ok(near(await colourAt(POINT), AMAP_COLOUR), 'and not at its WGS-84 coordinates');
    assert.match((await clickFeature(gcj)) ?? '', /name点2/, 'a click where it is drawn shows it');
    assert.equal(await clickFeature(POINT), null, 'a click at its WGS-84 coordinates finds nothing');
    // after a move the offset is taken again where the view is; the point stays where AMap has it
    await jumpTo(page, [114.75, 38.12], 12);
    assert.ok(near(await colourAt(gcj), LOCAL), 'after a move: still at its GCJ-02 place');
    assert.match((await clickFeature(gcj)) ?? '', /name点2/);

    await choose(page, 'embedded');
    await page.waitForFunction(() => !window.jjjAtlas!.map.getStyle().layers.some((l) => l.id.startsWith('online:')));
    await waitForIdle(page);
    assert.ok(!near(await colourAt(gcj), LOCAL), 'back on the embedded map: gone from the GCJ-02 place');
    assert.match((await clickFeature(POINT)) ?? '', /name点2/, 'back on the embedded map: at its WGS-84 place');
    await openDataTab(page);
  });

  test('broken tile addresses give their message and add nothing', async () => {
    await app.context.route('https://data.example.test/missing.pmtiles', (r) => r.fulfill({ status: 404, headers: { 'access-control-allow-origin': '*' }, body: 'not found' }));
    await app.context.route('https://data.example.test/page.pmtiles', (r) => serveBytes(r, new TextEncoder().encode('<!doctype html><title>hello</title>'.padEnd(20000, ' '))));
    const before = await app.page.locator('[data-testid="tile-layer"]').count();
    const cases: [string, string][] = [
      ['https://data.example.test/missing.pmtiles', 'fetch'],
      ['https://data.example.test/page.pmtiles', 'not-pmtiles'],
      ['http://data.example.test/jjj.pmtiles', 'bad-url'],
      ['https://tiles.example.test/{z}/{x}/{y}.pbf', 'needs-source-layer'],
    ];
    for (const [url, code] of cases) {
      await app.page.getByTestId('tile-url').fill(url);
      await app.page.getByTestId('tile-add').click();
      const problem = app.page.locator(`[data-testid="tile-problem"][data-code="${code}"]`);
      await problem.waitFor({ timeout: 20_000 });
      assert.ok(((await problem.textContent()) ?? '').length > 10, `${url}: a message`);
    }
    assert.equal(await app.page.locator('[data-testid="tile-layer"]').count(), before);
  });

  test('a tile layer whose tiles cannot be loaded is marked and reported', async () => {
    await app.context.route('https://dead.example.test/**', (r) => r.abort('connectionrefused'));
    await app.page.getByTestId('tile-url').fill('https://dead.example.test/{z}/{x}/{y}.png');
    await app.page.getByTestId('tile-add').click();
    await app.page.locator('[data-testid="tile-layer"][data-status="failed"]').waitFor({ timeout: 30_000 });
    await app.page.getByTestId('notices').locator('.notice').filter({ hasText: /无法加载/ }).first().waitFor();
    const onMap = await app.page.evaluate(() => window.jjjAtlas!.map.getStyle().layers.filter((l) => l.id.startsWith('tiles:') && l.id.endsWith(':raster')).length);
    assert.equal(onMap, 0, 'the failed layer is taken off the map');
  });

  test('a TileJSON by URL is read once: its tiles, listed relative to it, are drawn; after a reload it is read once again', async () => {
    let reads = 0;
    const tiles: string[] = [];
    await app.context.route('https://tj.example.test/data/layer.json', (r) => {
      reads += 1;
      return r.fulfill({
        status: 200,
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': '*' },
        body: JSON.stringify({ tilejson: '3.0.0', name: '栅格瓦片', tiles: ['t/{z}/{x}/{y}.png'], format: 'png', minzoom: 0, maxzoom: 12, bounds: [113.5, 37.5, 115.5, 39] }),
      });
    });
    await app.context.route('https://tj.example.test/data/t/**', (r) => {
      tiles.push(r.request().url());
      return fulfilTiles(r, STYLE_COLOUR);
    });
    await openDataTab(app.page);
    await app.page.getByTestId('tile-url').fill('https://tj.example.test/data/layer.json');
    await app.page.getByTestId('tile-add').click();
    const row = app.page.locator('[data-testid="tile-layer"]').filter({ hasText: '栅格瓦片' });
    await row.and(app.page.locator('[data-status="ready"]')).waitFor({ timeout: 30_000 });
    await waitForIdle(app.page);
    assert.equal(reads, 1, 'the TileJSON is read once (by the app; MapLibre is handed its tiles)');
    assert.ok(tiles.length > 0, 'its tiles are drawn');
    assert.ok(tiles.every((u) => /^https:\/\/tj\.example\.test\/data\/t\/\d+\/\d+\/\d+\.png$/.test(u)), `at the addresses it lists, resolved against it: ${tiles.slice(0, 3).join(' ')}`);
    const drawnBefore = tiles.length;
    await app.page.reload();
    await waitForMapIdle(app.page);
    await openDataTab(app.page);
    await row.and(app.page.locator('[data-status="ready"]')).waitFor({ timeout: 30_000 });
    await waitForIdle(app.page);
    assert.equal(reads, 2, 'after the reload it is read once more (the stored layer keeps its address, not its tiles)');
    assert.ok(tiles.length > drawnBefore && tiles.every((u) => u.startsWith('https://tj.example.test/data/t/')), 'and its tiles are drawn again from the addresses it lists');
  });

  test('no page errors or CSP violations along the way', async () => {
    const cspViolations = await app.page.evaluate(() => window.__e2e!.cspViolations);
    assert.deepEqual(cspViolations, []);
    assert.deepEqual(app.pageErrors, []);
  });
});
