/**
 * Slide- and print-quality maps, as a presenter uses them (one browser, 1440×900, zh):
 * the base map reaches past every view (no straight data edge at the widest zoom), links to
 * places off the map end at the region's frame with an arrow and a label, the 2019 timeline
 * draws the Jing-Zhang railway as planned in March and as built in December, an overview export
 * is centred on the region, and the print renders the whole region for an A4 page with the
 * sidebar's counts in its legend.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASEMAP_COLORS, DATA_BOUNDS, JJJ_BOUNDS } from '../../src/map/basemap/style';
import { PLAN_LAYER_COLORS } from '../../src/model/planColors';
import { openApp, screenshotImage, waitForMapIdle, type AppSession } from './harness';
import { colorDistance, hexToRgb, pixel, type Image } from './png';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const items = (JSON.parse(readFileSync(path.join(ROOT, 'geodata/plan/items.geojson'), 'utf8')) as { features: { properties: { id: string }; geometry: { type: string; coordinates: unknown } | null }[] }).features;

let app: AppSession;

async function idle(): Promise<void> {
  await app.page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.jjjAtlas!.map;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

async function screenAt(lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return app.page.evaluate((ll) => {
    const map = window.jjjAtlas!.map;
    const p = map.project(ll);
    const r = map.getCanvas().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, lngLat);
}

describe('slide maps: base map edge, links off the map, timeline, export and print', () => {
  before(async () => {
    app = await openApp({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await waitForMapIdle(app.page);
    await app.page.getByTestId('counts-total').waitFor();
  });
  after(async () => {
    await app?.close();
  });

  test('zoomed out as far as it goes, the view stays inside the data and the land and sea go on past the old clip box', async () => {
    const page = app.page;
    await page.evaluate(() => window.jjjAtlas!.map.jumpTo({ center: [116.5, 39], zoom: 3 }));
    await idle();
    const b = await page.evaluate(() => window.jjjAtlas!.map.getBounds().toArray());
    const [[w, s], [e, n]] = DATA_BOUNDS;
    assert.ok(b[0]![0] >= w && b[0]![1] >= s && b[1]![0] <= e && b[1]![1] <= n, `the view ${JSON.stringify(b)} lies inside the data ${JSON.stringify(DATA_BOUNDS)}`);
    const img = await screenshotImage(page);
    // Beyond the old box (lon 112.5–120.5, lat 35.5–43.0): Shanxi land to the west, the Yellow Sea to the south-east.
    const land = await screenAt([111.0, 38.5]);
    const sea = await screenAt([123.0, 35.0]);
    assert.ok(colorDistance(pixel(img, land.x, land.y), hexToRgb(BASEMAP_COLORS.neighbour)) <= 12, `land west of the old box is drawn as land: ${pixel(img, land.x, land.y).join(',')}`);
    assert.ok(colorDistance(pixel(img, sea.x, sea.y), hexToRgb(BASEMAP_COLORS.sea)) <= 12, `sea east of the old box is drawn as sea: ${pixel(img, sea.x, sea.y).join(',')}`);
    // Across the old box's west edge at several latitudes, land continues with the same colour (no cut).
    for (const lat of [37, 38, 39.5, 41]) {
      const a = await screenAt([112.3, lat]);
      const c = await screenAt([112.7, lat]);
      assert.ok(colorDistance(pixel(img, a.x, a.y), pixel(img, c.x, c.y)) <= 12, `no edge at lon 112.5, lat ${lat}: ${pixel(img, a.x, a.y).join(',')} vs ${pixel(img, c.x, c.y).join(',')}`);
    }
  });

  test('the links to the Yangtze River Delta and the Greater Bay Area end at the region with an arrow and a label in view', async () => {
    const page = app.page;
    await page.evaluate((bounds) => window.jjjAtlas!.map.fitBounds(bounds, { padding: 24, animate: false }), JJJ_BOUNDS);
    await idle();
    const labels = await page.evaluate(() => {
      const map = window.jjjAtlas!.map;
      const c = map.getCanvas();
      return map.queryRenderedFeatures([[0, 0], [c.clientWidth, c.clientHeight]], { layers: ['edge-link-label', 'edge-link-arrow'] }).map((f) => `${f.layer.id}:${String(f.properties.to_zh)}`);
    });
    for (const want of ['edge-link-label:长三角', 'edge-link-label:粤港澳大湾区', 'edge-link-arrow:长三角', 'edge-link-arrow:粤港澳大湾区']) {
      assert.ok(labels.includes(want), `${want} is drawn in the overview (${labels.join(', ')})`);
    }
  });

  test('timeline: in March the Jing-Zhang railway is planned (faded, dashed), in December built; the milestone list names the item', async () => {
    const page = app.page;
    await page.getByRole('tab', { name: '演示', exact: true }).click();
    await page.getByTestId('timeline-toggle').check();
    const rail = items.find((f) => f.properties.id === 'g3-jingzhang-railway')!.geometry!.coordinates as [number, number][];
    const lons = rail.map((p) => p[0]);
    const lats = rail.map((p) => p[1]);
    await page.evaluate((c) => window.jjjAtlas!.map.jumpTo({ center: c, zoom: 8 }), [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2] as [number, number]);
    const mids: [number, number][] = rail.slice(1).map((p, i) => [(p[0] + rail[i]![0]) / 2, (p[1] + rail[i]![1]) / 2]);
    // The line is schematic, so dashed: each segment is read along 25 px around its middle, where
    // one pixel could fall in a gap.
    const inked = async (img: Image) => {
      let n = 0;
      for (const [i, m] of mids.entries()) {
        const s = await screenAt(m);
        const a = await screenAt(rail[i]!);
        const b = await screenAt(rail[i + 1]!);
        const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
        const along = [-12, -9, -6, -3, 0, 3, 6, 9, 12].map((k) => ({ x: s.x + ((b.x - a.x) / len) * k, y: s.y + ((b.y - a.y) / len) * k }));
        if (along.some((q) => colorDistance(pixel(img, q.x, q.y), PLAN_LAYER_COLORS['g3-transport']) <= 40)) n++;
      }
      return n;
    };
    await page.getByTestId('timeline-month').fill('3');
    await idle();
    const march = await inked(await screenshotImage(page));
    await page.getByTestId('timeline-month').fill('12');
    await idle();
    const december = await inked(await screenshotImage(page));
    assert.ok(december >= Math.ceil(mids.length * 0.8), `December: built along ${december} of ${mids.length} segments`);
    assert.ok(march <= Math.ceil(mids.length * 0.35), `March: mostly planned, ${march} of ${mids.length} segments in full colour`);
    const list = await page.getByTestId('timeline-milestones').innerText();
    assert.match(list, /2019-06-30 北京大兴国际机场：竣工验收/);
    assert.match(list, /2019-12-31 京张铁路：建成通车/);
    await page.getByTestId('timeline-toggle').uncheck();
  });

  test('an overview is exported centred on the region; print on A4 renders the whole region with the sidebar counts in one-bullet legend rows', async () => {
    const page = app.page;
    await page.evaluate((bounds) => window.jjjAtlas!.map.fitBounds(bounds, { padding: 24, animate: false }), JJJ_BOUNDS);
    await idle();
    // Record the camera centres the export renders at.
    await page.evaluate(() => {
      const w = window as Window & { __centres?: [number, number][] };
      w.__centres = [];
      window.jjjAtlas!.map.on('move', () => w.__centres!.push(window.jjjAtlas!.map.getCenter().toArray() as [number, number]));
    });
    await page.getByTestId('export-scale').selectOption('2');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-image').click()]);
    assert.equal(download.suggestedFilename(), 'jjj-atlas-2x.png');
    const centres = await page.evaluate(() => (window as Window & { __centres?: [number, number][] }).__centres!);
    const [[w, s], [e, n]] = JJJ_BOUNDS;
    assert.ok(centres.some(([lon, lat]) => Math.abs(lon - (w + e) / 2) < 0.01 && Math.abs(lat - (s + n) / 2) < 0.01), `the export was rendered centred on the region (${JSON.stringify(centres.slice(0, 3))})`);

    await page.evaluate(() => {
      window.print = () => undefined; // headless: keep the page's print image for the checks
    });
    await page.getByTestId('print-paper').selectOption('a4');
    await page.getByTestId('print-map').click();
    const img = page.getByTestId('print-map-image');
    await img.waitFor({ state: 'attached', timeout: 60_000 });
    const size = await img.evaluate((el: HTMLImageElement) => ({ w: el.naturalWidth, h: el.naturalHeight }));
    assert.ok(Math.abs(size.w / size.h - 277 / 150) < 0.01, `the print image has the A4 map box's shape: ${size.w}×${size.h}`);
    await page.emulateMedia({ media: 'print' });
    const legend = await page.locator('.print-legend li').evaluateAll((lis) => lis.map((li) => ({ key: li.getAttribute('data-legend'), text: li.textContent ?? '', marker: getComputedStyle(li.parentElement!).listStyleType })));
    const attribButton = await page.locator('.maplibregl-ctrl-attrib-button').evaluateAll((els) => els.map((el) => getComputedStyle(el).display));
    await page.emulateMedia({ media: 'screen' });
    assert.ok(attribButton.every((d) => d === 'none'), `no stray ▼ in print (${attribButton.join(',')})`);
    assert.ok(legend.length >= 8, `every layer in the print legend (${legend.length})`);
    await page.getByRole('tab', { name: '图层与筛选', exact: true }).click();
    const planRows = legend.filter((r) => r.key?.startsWith('g'));
    assert.ok(planRows.length === 8, `every plan layer is in the print legend (${planRows.length})`);
    for (const row of planRows) {
      assert.equal(row.marker, 'none', `one bullet per legend row: ${row.text}`);
      const counts = page.getByTestId(`counts-${row.key}`);
      const shown = Number((await counts.textContent())!.split('/')[0]!.trim());
      assert.ok(row.text.trim().endsWith(`(${shown})`), `print legend "${row.text}" has the sidebar's count ${shown}`);
    }
  });
});
