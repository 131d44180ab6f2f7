/**
 * Cartography at the regional scale, as drawn in the production build: the sites around Beijing
 * are separable zoomed out to the region (no two dots overlap, each is picked where it is drawn), and
 * a schematic line is drawn dashed. One browser; the user palette's ΔE is a unit test
 * (tests/unit/model/userPalette.test.ts).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, projectToDevice, screenshotImage, waitForIdle, waitForMapIdle, type AppSession } from './harness';
import { pixel, type RGB } from './png';

const ROOT = path.resolve(import.meta.dirname, '../..');
const items = JSON.parse(readFileSync(path.join(ROOT, 'geodata/plan/items.geojson'), 'utf8')) as {
  features: { geometry: { type: string; coordinates: unknown } | null; properties: { id: string; location: { precision: string } } }[];
};
/** src/map/planLayers.ts SITE_RADIUS */
const SITE_RADIUS = 6;
/** src/map/planSitesLayer.ts GAP: the clear space the map keeps between two dots */
const GAP = 4;
const TRANSPORT: RGB = [213, 94, 0]; // src/model/planColors.ts g3-transport

interface Drawn {
  id: string;
  at: [number, number];
}

/** The sites as deck draws them now (their on-screen place, moved or not), from the plan's sites layer. */
async function drawnSites(page: Page): Promise<Drawn[]> {
  return page.evaluate(() => {
    const overlay = window.jjjAtlas!.overlay as unknown as { _deck: { layerManager: { getLayers: () => { id: string; state?: { placed?: unknown[] } }[] } } };
    const layer = overlay._deck.layerManager.getLayers().find((l) => l.id === 'plan-lines-sites');
    const placed = (layer?.state?.placed ?? []) as { geometry: { type: string; coordinates: [number, number] }; properties: { id: string } }[];
    return placed.filter((f) => f.geometry.type === 'Point').map((f) => ({ id: f.properties.id, at: f.geometry.coordinates }));
  });
}

async function screen(page: Page, ll: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((p) => window.jjjAtlas!.map.project(p), ll);
}

describe('cartography', () => {
  let app: AppSession;
  before(async () => {
    app = await openApp({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await waitForMapIdle(app.page);
  });
  after(async () => {
    await app?.close();
  });

  test('zoomed out to the region, the sites around Beijing are separable: no two dots overlap, and each is picked where it is drawn', async () => {
    const { page } = app;
    // Zoomed out far enough that the two Olympic venues in Beijing (about 22 km apart) would be closer than the
    // clearance the map keeps between dots at their true places (the sites that remain are few and far apart).
    await page.evaluate(() => window.jjjAtlas!.map.jumpTo({ center: [116.9, 39.6], zoom: 5.3 }));
    await waitForIdle(page);
    const sites = await drawnSites(page);
    const trueSites = items.features.filter((f) => f.geometry?.type === 'Point');
    assert.equal(sites.length, trueSites.length, 'every site is drawn');
    // the test bites: at their true places some dots would be closer than the clearance at this zoom
    const truePx = await Promise.all(trueSites.map((f) => screen(page, f.geometry!.coordinates as [number, number])));
    let closestTrue = Infinity;
    for (let i = 0; i < truePx.length; i++) for (let j = i + 1; j < truePx.length; j++) closestTrue = Math.min(closestTrue, Math.hypot(truePx[i]!.x - truePx[j]!.x, truePx[i]!.y - truePx[j]!.y));
    assert.ok(closestTrue < 2 * SITE_RADIUS + GAP, `at their true places two dots are ${closestTrue.toFixed(1)} px apart`);

    const px = await Promise.all(sites.map((s) => screen(page, s.at)));
    for (let i = 0; i < px.length; i++)
      for (let j = i + 1; j < px.length; j++) {
        const d = Math.hypot(px[i]!.x - px[j]!.x, px[i]!.y - px[j]!.y);
        assert.ok(d >= 2 * SITE_RADIUS + GAP - 0.5, `${sites[i]!.id} and ${sites[j]!.id} are drawn ${d.toFixed(1)} px apart`);
      }
    for (const s of sites) {
      const id = await page.evaluate((ll) => {
        const { map, overlay } = window.jjjAtlas!;
        const p = map.project(ll);
        const info = overlay!.pickObject({ x: p.x, y: p.y, radius: 0, layerIds: ['plan-lines-sites'] });
        return (info?.object as { properties?: { id?: string } } | undefined)?.properties?.id ?? null;
      }, s.at);
      assert.equal(id, s.id, `${s.id} is picked where it is drawn`);
    }
  });

  test('zoomed in on Beijing, the Olympic venues are back at their true places', async () => {
    const { page } = app;
    await page.evaluate(() => window.jjjAtlas!.map.jumpTo({ center: [116.26, 39.96], zoom: 9 }));
    await waitForIdle(page);
    const sites = await drawnSites(page);
    for (const id of ['g3-national-speed-skating-oval', 'g3-big-air-shougang']) {
      const drawn = sites.find((s) => s.id === id)!;
      const real = items.features.find((f) => f.properties.id === id)!.geometry!.coordinates as [number, number];
      assert.deepEqual(drawn.at, real, `${id} at its place`);
    }
  });

  test('a schematic line is drawn dashed: along the Jing-Zhang railway the line colour comes and goes', async () => {
    const { page } = app;
    const jingzhang = items.features.find((f) => f.properties.id === 'g3-jingzhang-railway')!;
    assert.equal(jingzhang.properties.location.precision, 'schematic-line');
    const stations = jingzhang.geometry!.coordinates as [number, number][];
    // Changping → Badaling Great Wall, with only the transport layer on
    const [a, b] = [stations[2]!, stations[3]!];
    await page.evaluate(() => {
      location.hash = 'layers=g3-transport';
    });
    await page.evaluate(([x, y]) => window.jjjAtlas!.map.jumpTo({ center: [(x[0] + y[0]) / 2, (x[1] + y[1]) / 2], zoom: 10 }), [a, b] as const);
    await waitForIdle(page);
    await page.waitForTimeout(300);
    const img = await screenshotImage(page, process.env.SHOT_DIR ? path.join(process.env.SHOT_DIR, 'cartography-dash.png') : undefined);
    const pa = await projectToDevice(page, a);
    const pb = await projectToDevice(page, b);
    const len = Math.hypot(pb.x - pa.x, pb.y - pa.y);
    assert.ok(len > 150, `the segment is ${len.toFixed(0)} px long`);
    const [nx, ny] = [-(pb.y - pa.y) / len, (pb.x - pa.x) / len];
    const runs: boolean[] = [];
    for (let t = 0.1; t <= 0.9; t += 1 / len) {
      const x = Math.round(pa.x + (pb.x - pa.x) * t);
      const y = Math.round(pa.y + (pb.y - pa.y) * t);
      // on the line: a transport-coloured pixel on the centre line or a pixel across it (not along it)
      let on = false;
      for (const k of [0, 1, -1]) {
        const [r, g, bl] = pixel(img, Math.round(x + nx * k), Math.round(y + ny * k));
        if (Math.hypot(r - TRANSPORT[0], g - TRANSPORT[1], bl - TRANSPORT[2]) < 70) on = true;
      }
      runs.push(on);
    }
    const share = runs.filter(Boolean).length / runs.length;
    let gaps = 0;
    for (let i = 1; i < runs.length; i++) if (runs[i - 1] && !runs[i]) gaps++;
    assert.ok(share > 0.25 && share < 0.85, `the line colour covers ${(share * 100).toFixed(0)}% of the segment: neither missing nor solid (${runs.map((r) => (r ? '#' : '.')).join('')}) from ${JSON.stringify(pa)} to ${JSON.stringify(pb)}`);
    assert.ok(gaps >= 5, `${gaps} gaps along ${len.toFixed(0)} px`);
  });

  test('the layer panel explains the dashed line', async () => {
    const note = app.page.getByTestId('legend-schematic-lines');
    assert.match((await note.textContent()) ?? '', /虚线/);
  });
});
