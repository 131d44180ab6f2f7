/**
 * The default view of the production build in headless Chromium: what a person sees.
 * One server, one browser and one page load for the whole file; tests run in order.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BASEMAP_COLORS, FIRST_LABEL_LAYER, JJJ_BOUNDS } from '../../src/map/basemap/style';
import { layerGroupId } from '../../src/map/deckLayerGroups';
import { failedOwnResponses, openApp, probe, projectToDevice, screenshotImage, waitForMapIdle, type AppSession } from './harness';
import { colorDistance, decodePng, hexToRgb, luma, pixel, toHex, type Image, type RGB } from './png';
import { DIST_DIR } from './server';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCREENSHOT = path.join(ROOT, 'docs/screenshot.png');
const VIEWPORT = { width: 1280, height: 800 };

/** Known places, chosen away from lines, labels and the faded edge of the data rectangle. */
const SEA: [number, number] = [119.0, 38.5]; // the middle of the Bohai
const LAND: [number, number][] = [
  [115.0, 39.6], // Hebei, between Zhangjiakou and Baoding
  [115.3, 37.9], // Hebei, near Xinji
];
const BEIJING: [number, number] = [116.8, 40.6]; // Miyun, Beijing
const TOLERANCE = 4; // per channel, 0–255: software rendering rounds a little

const HEBEI_PREFECTURES = ['石家庄市', '唐山市', '秦皇岛市', '邯郸市', '邢台市', '保定市', '张家口市', '承德市', '沧州市', '廊坊市', '衡水市'];

let app: AppSession;
let idleMs: number;
let shot: Image;

/** Every pixel of a (2r+1)² patch around a place, from the settled screenshot. */
async function patch(lngLat: [number, number], r = 2): Promise<{ at: { x: number; y: number }; colors: RGB[] }> {
  const at = await projectToDevice(app.page, lngLat);
  const colors: RGB[] = [];
  for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) colors.push(pixel(shot, at.x + dx, at.y + dy));
  return { at, colors };
}

async function assertColorAt(what: string, lngLat: [number, number], hex: string): Promise<void> {
  const expected = hexToRgb(hex);
  const { at, colors } = await patch(lngLat);
  const off = colors.filter((c) => colorDistance(c, expected) > TOLERANCE);
  assert.equal(
    off.length,
    0,
    `${what} at ${lngLat.join(',')} (screen ${Math.round(at.x)},${Math.round(at.y)}) should be ${hex} ±${TOLERANCE}; ` +
      `found ${[...new Set(colors.map(toHex))].join(' ')}`,
  );
}

describe('default view of the production build', () => {
  before(async () => {
    app = await openApp({ viewport: VIEWPORT });
    idleMs = await waitForMapIdle(app.page);
    shot = await screenshotImage(app.page);
  });
  after(async () => {
    await app?.close();
  });

  test('the map reaches idle with style, sources and tiles loaded', async () => {
    assert.ok(idleMs > 0 && idleMs < 60_000, `idle after ${idleMs} ms`);
    const state = await app.page.evaluate(() => {
      const map = window.jjjAtlas!.map;
      return { loaded: map.loaded(), tiles: map.areTilesLoaded(), style: map.isStyleLoaded(), moving: map.isMoving() };
    });
    assert.deepEqual(state, { loaded: true, tiles: true, style: true, moving: false });
    console.log(`# map idle ${Math.round(idleMs)} ms after navigation`);
  });

  test('the start lays out each base-map tile once: nothing is added to the style or refiltered after it loads', async () => {
    // MapLibre re-lays out every loaded tile of a source when a layer is added to it or a filter
    // on it changes; on a 2-core machine that re-parse and its frames delayed the plan's layers.
    const loads = await app.page.evaluate(() => window.__e2e!.tileLoads);
    const times = new Map<string, number>();
    for (const k of loads) times.set(k, (times.get(k) ?? 0) + 1);
    const boundaries = loads.filter((k) => /^(provinces|prefectures|counties)\//.test(k));
    assert.ok(boundaries.length > 0, `no boundary tiles recorded among ${loads.length} tile loads`);
    // The links' arrowheads are the one source filled at run time: laid out empty, then with the plan's links.
    const again = [...times].filter(([k, n]) => n > (k.startsWith('edgeLinks/') ? 2 : 1));
    assert.deepEqual(again, [], `tiles laid out more than once: ${again.map(([k, n]) => `${k} ×${n}`).join(', ')}`);
  });

  test("the plan's layers are drawn under the labels: deck's layer group sits right before the first label layer", async () => {
    // Without its group in the style, deck draws a layer after MapLibre's frame, over the city names.
    const group = layerGroupId(FIRST_LABEL_LAYER);
    const order = await app.page.evaluate(() => window.jjjAtlas!.map.getLayersOrder());
    assert.ok(order.includes(group), `${group} is not in the style (${order.filter((id) => id.startsWith('deck')).join(', ') || 'no deck group'})`);
    assert.equal(order.indexOf(group), order.indexOf(FIRST_LABEL_LAYER) - 1);
  });

  // Issue 2: "Initial view fits the three provinces" (at 1280×800, the README screenshot's size).
  test('the initial view shows all of Beijing, Tianjin and Hebei', async () => {
    const view = await app.page.evaluate(() => window.jjjAtlas!.map.getBounds().toArray());
    const [[w, s], [e, n]] = JJJ_BOUNDS;
    const [[vw, vs], [ve, vn]] = view as [[number, number], [number, number]];
    assert.ok(vw <= w && vs <= s && ve >= e && vn >= n, `view ${JSON.stringify(view)} should contain ${JSON.stringify(JJJ_BOUNDS)}`);
  });

  test('sea and land have the base-map colours', async () => {
    assert.equal(shot.width, VIEWPORT.width * (await app.page.evaluate(() => window.devicePixelRatio)));
    await assertColorAt('sea (Bohai)', SEA, BASEMAP_COLORS.sea);
    for (const p of LAND) await assertColorAt('land (Hebei)', p, BASEMAP_COLORS.land);
    await assertColorAt('Beijing', BEIJING, BASEMAP_COLORS.beijing);
  });

  test('rendered labels name Beijing, Tianjin and the Hebei prefectures', async () => {
    const names = await app.page.evaluate(() => {
      const map = window.jjjAtlas!.map;
      const feats = map.queryRenderedFeatures({ layers: ['label-province', 'label-prefecture'] });
      return [...new Set(feats.map((f) => String(f.properties['name'])))];
    });
    assert.ok(names.includes('北京市'), `北京市 among rendered labels: ${names.join(' ')}`);
    assert.ok(names.includes('天津市'), `天津市 among rendered labels: ${names.join(' ')}`);
    const hebei = HEBEI_PREFECTURES.filter((n) => names.includes(n));
    assert.ok(hebei.length >= 8, `at least 8 of 11 Hebei prefectures labelled, got ${hebei.length}: ${hebei.join(' ')}`);
  });

  test('labels are drawn with glyphs from the bundled font', async () => {
    // The label is placed, and there are dark text pixels around it on screen.
    const label = await app.page.evaluate(() => {
      const map = window.jjjAtlas!.map;
      const f = map.queryRenderedFeatures({ layers: ['label-province'] }).find((x) => x.properties['name'] === '北京市');
      if (!f || f.geometry.type !== 'Point') return null;
      return f.geometry.coordinates as [number, number];
    });
    assert.ok(label, 'a rendered label-province feature for 北京市');
    const { colors, at } = await patch(label, 22);
    const dark = colors.filter((c) => luma(c) < 110).length;
    assert.ok(dark >= 40, `dark text pixels in a 45×45 box around the 北京市 label at ${Math.round(at.x)},${Math.round(at.y)}: ${dark}`);
    // …and the map drew them from the Noto Sans SC subsets the app ships (its style's
    // `font-faces`), not from a system font: this machine may have CJK fonts that would hide
    // a missing bundled font, and the app's UI CSS loads the same files for HTML text.
    const faceUrls = await app.page.evaluate(() => {
      const style = window.jjjAtlas!.map.getStyle() as { 'font-faces'?: Record<string, { url: string }[]> };
      return Object.values(style['font-faces'] ?? {}).flatMap((list) => list.map((f) => new URL(f.url, document.baseURI).href));
    });
    assert.ok(faceUrls.length > 0, 'the map style declares font-faces');
    const fetched = faceUrls.filter((u) => app.ownResponses.has(u)).map((u) => [u, app.ownResponses.get(u)!] as const);
    assert.ok(fetched.length > 0, 'the map fetched some of its font-faces subsets');
    const bad = fetched.filter(([, r]) => r.status !== 200 || r.contentType !== 'font/woff2');
    assert.deepEqual(bad.map(([u, r]) => `${r.status} ${r.contentType} ${u}`), [], 'every font subset is a woff2 served with 200');
  });

  test('no request leaves the app origin', () => {
    assert.deepEqual(app.foreignRequests, [], `requests to other origins (aborted): ${app.foreignRequests.join(', ')}`);
    assert.ok(app.ownResponses.size > 0, 'the recorder saw the app’s own requests');
  });

  test('no page errors, console errors, CSP violations or map errors', async () => {
    const { cspViolations, mapErrors } = await probe(app.page);
    assert.deepEqual(app.pageErrors, [], 'uncaught page errors');
    assert.deepEqual(app.consoleErrors, [], 'console errors');
    assert.deepEqual(cspViolations, [], 'CSP violations');
    assert.deepEqual(mapErrors, [], 'map error events');
    assert.deepEqual(failedOwnResponses(app), [], 'failed or missing files on the app origin');
  });

  test('a screenshot of the default view is written to docs/screenshot.png', async () => {
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await app.page.screenshot({ path: SCREENSHOT });
    const img = decodePng(readFileSync(SCREENSHOT));
    assert.deepEqual([img.width, img.height], [VIEWPORT.width, VIEWPORT.height]);
  });

  test('the built index.html carries a strict Content-Security-Policy, and the page runs under it', async () => {
    const html = readFileSync(path.join(ROOT, DIST_DIR, 'index.html'), 'utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    assert.ok(csp, 'CSP meta tag in dist/index.html');
    const directives = new Map(csp.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }));
    assert.deepEqual(directives.get('script-src'), ["'self'"], 'script-src is only self');
    // Own origin, plus https: for the opt-in online base maps (issue 7) — never http: or *.
    assert.deepEqual(directives.get('connect-src'), ["'self'", 'https:'], 'connect-src is self and https: only');
    assert.deepEqual(directives.get('img-src'), ["'self'", 'data:', 'blob:', 'https:'], 'img-src is self, data:, blob: and https: only');
    for (const d of ['script-src', 'style-src', 'font-src', 'worker-src']) assert.doesNotMatch(directives.get(d)!.join(' '), /https:|\*/, `${d} has no remote hosts`);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    // The live page has the same policy, and it is enforced: an inline script does not run.
    const live = await app.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.equal(live, csp);
    const ran = await app.page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.head.append(s);
      await new Promise((r) => setTimeout(r, 100));
      return (window as { __inlineRan?: boolean }).__inlineRan === true;
    });
    assert.equal(ran, false, 'an injected inline script must be blocked by the CSP');
    const { cspViolations } = await probe(app.page);
    assert.ok(cspViolations.some((v) => v.startsWith('script-src')), `the block was reported: ${cspViolations.join('; ')}`);
  });
});
