/**
 * Presenting as a presenter meets it, in the production build: readable in both themes (axe-core's
 * color-contrast rule in explore and in presentation), laid out without overlaps or overflow on
 * a wide screen and a phone, every default chapter framed so that what it is about lies in the
 * part of the map nothing covers, and presenting (or previewing a chapter) leaving the explorer
 * exactly as it was. One browser for the file; the tests run in order on the same page, with
 * reduced motion so that each chapter's camera is reached at once.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, waitForMapIdle, type AppSession } from './harness';
import type { Story } from '../../src/model/story/schema';
import type { PlanItem } from '../../src/data/plan/schema';
import { chapterSubject } from '../../src/model/story/framing';

const ROOT = path.resolve(import.meta.dirname, '../..');
const readJson = <T>(p: string): T => JSON.parse(readFileSync(path.join(ROOT, p), 'utf8')) as T;
const STORY = readJson<Story>('geodata/story/default.json');
const ITEMS = readJson<{ features: PlanItem[] }>('geodata/plan/items.geojson').features;
const REGION_BBOX = new Map(
  readJson<{ features: { properties: { adcode?: string; bbox?: [number, number, number, number] } }[] }>('geodata/basemap/jjj_admin_labels.geojson').features.flatMap((f) =>
    f.properties.adcode && f.properties.bbox ? [[f.properties.adcode, f.properties.bbox] as const] : [],
  ),
);
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
];
/** The explorer's state as a link, a camera, an open tab and a details card show it. */
const START_HASH = '#map=8.40/39.7000/116.6000&layers=g1,g3-transport&months=3-9&sel=g3-jingzhang-railway';

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
const overlaps = (a: Rect, b: Rect) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
const show = (r: Rect) => `[${[r.left, r.top, r.right, r.bottom].map((v) => v.toFixed(0)).join(',')}]`;

async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await openStoryTab(page);
  await page.getByTestId(`theme-${theme}`).check();
  await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
}

async function openStoryTab(page: Page): Promise<void> {
  if (!(await page.getByTestId('sidebar').isVisible())) await page.getByTestId('sidebar-toggle').click();
  await page.locator('#tab-story').click();
  await page.getByTestId('chapter-list').waitFor();
}

/** Present from the first chapter to the chapter `id` at the viewport `vp`. */
async function presentAt(page: Page, vp: { width: number; height: number }, id: string): Promise<void> {
  await page.setViewportSize(vp);
  await openStoryTab(page);
  await page.getByTestId('start-presentation').click();
  await page.getByTestId('presentation').waitFor();
  for (let i = STORY.chapters.findIndex((c) => c.id === id); i > 0; i--) await page.keyboard.press('ArrowRight');
  await page.waitForFunction((want) => document.querySelector('[data-testid="chapter-caption"]')?.getAttribute('data-chapter') === want, id);
}

async function leavePresentation(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByTestId('presentation').waitFor({ state: 'detached' });
}

/** The camera at rest (with reduced motion a chapter's camera is reached at once; tiles need not be drawn). */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForFunction(() => !window.jjjAtlas!.map.isMoving(), null, { polling: 50 });
}

/** axe-core's color-contrast rule over the page as it is: the failures, with their ratios. */
async function contrastFailures(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    type Node = { target: string[]; any: { data?: { contrastRatio?: number; expectedContrastRatio?: string } }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { nodes: Node[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] }, resultTypes: ['violations'] });
    return r.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')} ${n.any[0]?.data?.contrastRatio ?? '?'}:1 < ${n.any[0]?.data?.expectedContrastRatio ?? '?'}`));
  });
}

/** What presenting must leave as it found: the link, the camera, the open tab, the details card. */
async function explorerState(page: Page) {
  return page.evaluate(() => {
    const m = window.jjjAtlas!.map;
    const c = m.getCenter();
    return {
      hash: location.hash,
      camera: [c.lng, c.lat, m.getZoom(), m.getBearing(), m.getPitch()].map((v) => Number(v.toFixed(6))),
      tab: document.querySelector('[role="tab"][aria-selected="true"]')?.id ?? null,
      details: document.querySelector('[data-testid="detail-panel"] h2')?.textContent ?? null,
    };
  });
}

/** The presentation's layout: overflow, controls off screen, overlays on one another. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const de = document.documentElement;
    if (de.scrollWidth > vw || document.body.scrollWidth > vw) out.push(`horizontal overflow: ${de.scrollWidth} > ${vw}`);
    for (const el of document.querySelectorAll('.presentation button, .presentation select, .maplibregl-ctrl button, .maplibregl-ctrl-attrib, .maplibregl-ctrl-scale')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.left < -0.5 || r.top < -0.5 || r.right > vw + 0.5 || r.bottom > vh + 0.5) out.push(`${el.className || el.tagName} outside the viewport: ${[r.left, r.top, r.right, r.bottom].map(Math.round)}`);
    }
    const overlays = [...document.querySelectorAll('.present-panel, .maplibregl-ctrl-group, .maplibregl-ctrl-scale, .maplibregl-ctrl-attrib, .notice')].map((el) => ({ name: (el.className as string).split(' ')[0]!, r: el.getBoundingClientRect() }));
    for (let i = 0; i < overlays.length; i++)
      for (let j = i + 1; j < overlays.length; j++) {
        const [a, b] = [overlays[i]!.r, overlays[j]!.r];
        if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5) out.push(`${overlays[i]!.name} overlaps ${overlays[j]!.name}`);
      }
    return out;
  });
}

interface Framed {
  id: string;
  subject: Rect;
  map: Rect;
  covers: Rect[];
}

/**
 * Every chapter in turn, from the first (shown) to the last, walked inside the page (→ as a key
 * press, then the chapter's camera): each subject's box as drawn (its corners projected) with
 * the map's box and the overlays' boxes. One round trip per viewport: the map need not draw
 * each chapter for its camera to be read.
 */
async function walkFraming(page: Page, subjects: { id: string; bbox: [number, number, number, number] }[]): Promise<Framed[]> {
  return page.evaluate(async (chapters) => {
    const map = window.jjjAtlas!.map;
    const out: Framed[] = [];
    for (const [i, c] of chapters.entries()) {
      if (i > 0) {
        const moved = new Promise((r) => {
          map.once('moveend', r);
          setTimeout(r, 5000);
        });
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
        await moved;
      }
      const shown = document.querySelector('[data-testid="chapter-caption"]')?.getAttribute('data-chapter') ?? '?';
      const box = map.getContainer().getBoundingClientRect();
      const b = c.bbox;
      const pts = [[b[0], b[1]], [b[0], b[3]], [b[2], b[1]], [b[2], b[3]]].map((p) => map.project(p as [number, number]));
      out.push({
        id: shown,
        subject: {
          left: box.left + Math.min(...pts.map((p) => p.x)),
          right: box.left + Math.max(...pts.map((p) => p.x)),
          top: box.top + Math.min(...pts.map((p) => p.y)),
          bottom: box.top + Math.max(...pts.map((p) => p.y)),
        },
        map: { left: box.left, top: box.top, right: box.right, bottom: box.bottom },
        covers: [...document.querySelectorAll('.maplibregl-ctrl, .present-panel')].map((el) => el.getBoundingClientRect()).map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom })),
      });
    }
    return out;
  }, subjects);
}

describe('presenter finish: themes, responsive presentation, framing, presenting as a mode', () => {
  let app: AppSession;
  before(async () => {
    app = await openApp({ viewport: VIEWPORTS[1], locale: 'zh-CN', hash: START_HASH });
    await app.page.emulateMedia({ reducedMotion: 'reduce' });
    await waitForMapIdle(app.page);
    await app.page.getByTestId('counts-total').waitFor();
    await app.page.evaluate(readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  });
  after(async () => {
    await app?.close();
  });

  test('presenting, and previewing chapters in the editor, leave the explorer exactly as it was', async () => {
    const page = app.page;
    await page.getByTestId('detail-panel').waitFor();
    await page.evaluate(() => window.jjjAtlas!.map.jumpTo({ bearing: 12, pitch: 15 }));
    await settle(page);
    await openStoryTab(page);
    const before = await explorerState(page);
    assert.match(before.hash, /layers=g1,g3-transport/);
    assert.equal(before.tab, 'tab-story');

    await page.getByTestId('start-presentation').click();
    await page.getByTestId('presentation').waitFor();
    for (const key of ['ArrowRight', 'ArrowRight', 'End']) {
      await page.keyboard.press(key);
      await settle(page);
    }
    assert.notEqual(await explorerState(page).then((s) => s.hash), before.hash, 'the chapters changed the view');
    await page.keyboard.press('Escape');
    await page.getByTestId('presentation').waitFor({ state: 'detached' });
    await settle(page);
    await page.waitForFunction((h) => location.hash === h, before.hash, { timeout: 5000 }).catch(() => undefined);
    assert.deepEqual(await explorerState(page), before, 'after Esc');

    // The exit button does the same.
    await page.getByTestId('start-presentation').click();
    await settle(page);
    await page.getByTestId('exit-presentation').click();
    await settle(page);
    await page.waitForFunction((h) => location.hash === h, before.hash, { timeout: 5000 }).catch(() => undefined);
    assert.deepEqual(await explorerState(page), before, 'after the exit button');

    // Previewing chapters from the editor, then going to another tab.
    const links = page.locator('[data-testid="chapter-list"] .chapter-link');
    await links.nth(STORY.chapters.findIndex((c) => c.id === 'daxing-airport')).click();
    await settle(page);
    assert.equal(await page.getByTestId('map-callout').textContent(), '北京大兴国际机场', 'the highlighted point is named on the map');
    await links.nth(3).click();
    await settle(page);
    assert.notEqual((await explorerState(page)).hash, before.hash, 'the preview changed the view');
    await page.locator('#tab-layers').click();
    await settle(page);
    // the link names the open tab: the layers tab is the default, so it is left out
    const afterPreview = { ...before, tab: 'tab-layers', hash: before.hash.replace(/&tab=story/, '') };
    await page.waitForFunction((h) => location.hash === h, afterPreview.hash, { timeout: 5000 }).catch(() => undefined);
    assert.deepEqual(await explorerState(page), afterPreview, 'after leaving the preview');
    assert.equal(await page.getByTestId('map-callout').count(), 0, 'the name goes with the chapter');
  });

  test('explore and presentation pass the color-contrast audit in both themes', async () => {
    const page = app.page;
    const problems: string[] = [];
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      await page.locator('#tab-layers').click();
      await settle(page);
      problems.push(...(await contrastFailures(page)).map((f) => `explore, ${theme}: ${f}`));
      await openStoryTab(page);
      problems.push(...(await contrastFailures(page)).map((f) => `story tab, ${theme}: ${f}`));
      await page.getByTestId('start-presentation').click();
      await page.getByTestId('presentation').waitFor();
      await settle(page);
      problems.push(...(await contrastFailures(page)).map((f) => `presentation, ${theme}: ${f}`));
      await page.keyboard.press('Escape');
      await page.getByTestId('presentation').waitFor({ state: 'detached' });
    }
    assert.deepEqual(problems, []);
  });

  test('at every viewport the presentation fits, nothing overlaps, and every chapter frames its subject in the uncovered map', async () => {
    const page = app.page;
    const problems: string[] = [];
    const subjects = STORY.chapters.map((c) => {
      const bbox = chapterSubject(c, ITEMS, (code) => REGION_BBOX.get(code) ?? null);
      assert.ok(bbox, `${c.id}: a subject`);
      return { id: c.id, bbox };
    });
    const t0 = Date.now();
    for (const vp of VIEWPORTS) {
      await page.setViewportSize(vp);
      await openStoryTab(page);
      await page.getByTestId('start-presentation').click();
      await page.getByTestId('presentation').waitFor();
      await settle(page);
      problems.push(...(await layoutProblems(page)).map((p) => `${vp.width}×${vp.height} ${STORY.chapters[0]!.id}: ${p}`));
      const framed = await walkFraming(page, subjects);
      for (const [i, f] of framed.entries()) {
        const where = `${vp.width}×${vp.height} ${STORY.chapters[i]!.id}`;
        assert.equal(f.id, STORY.chapters[i]!.id, `${where}: the chapter shown`);
        const s = f.subject;
        if (s.left < f.map.left || s.right > f.map.right || s.top < f.map.top || s.bottom > f.map.bottom) problems.push(`${where}: subject ${show(s)} leaves the map ${show(f.map)}`);
        for (const c of f.covers) if (overlaps(s, c)) problems.push(`${where}: subject ${show(s)} is under an overlay ${show(c)}`);
      }
      // The last chapter has one of the longest captions.
      await settle(page);
      problems.push(...(await layoutProblems(page)).map((p) => `${vp.width}×${vp.height} ${STORY.chapters.at(-1)!.id}: ${p}`));
      if (vp.width < 500) {
        const inView = await page.evaluate(() => {
          const r = document.querySelector('[data-testid="present-panel"]')!.getBoundingClientRect();
          const m = window.jjjAtlas!.map.getContainer().getBoundingClientRect();
          return { sheetTop: r.top, mapBottom: m.bottom, sheetW: r.width };
        });
        assert.ok(inView.sheetTop >= inView.mapBottom - 0.5, `phone: the text is a sheet under the map (${JSON.stringify(inView)})`);
        assert.equal(Math.round(inView.sheetW), vp.width, 'phone: the sheet spans the width');
      }
      await page.keyboard.press('Escape');
      await page.getByTestId('presentation').waitFor({ state: 'detached' });
    }
    console.log(`framing: ${VIEWPORTS.length} viewports × ${STORY.chapters.length} chapters in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    assert.deepEqual(problems, []);
  });

  test('the presentation legend lists what the print legend lists, the marks drawn over the layers included', async () => {
    const page = app.page;
    await presentAt(page, VIEWPORTS[0]!, 'daxing-airport');
    const keys = (sel: string) => page.locator(sel).evaluateAll((lis) => lis.map((li) => li.getAttribute('data-legend')));
    const shown = await keys('.present-legend li');
    assert.ok(shown.includes('mark-selected'), `the highlighted airport's outline is in the presentation legend: ${shown.join(', ')}`);
    assert.deepEqual(shown, await keys('.print-legend li'), 'one legend on screen and on paper');
    await leavePresentation(page);
  });

  test('a narrow sidecar keeps ← and → on one row; a long place name stays on a phone map', async () => {
    const page = app.page;
    await presentAt(page, VIEWPORTS[1]!, STORY.chapters[0]!.id);
    const tops = await page.locator('.present-controls > .button').evaluateAll((bs) => bs.slice(0, 2).map((b) => Math.round(b.getBoundingClientRect().top)));
    assert.equal(tops[0], tops[1], `← and → on one row at 1280 px: ${tops.join(' vs ')}`);
    await leavePresentation(page);

    // The English name of the Jing-Xiong intercity is wider than a phone.
    await page.setViewportSize(VIEWPORTS[3]!);
    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await presentAt(page, VIEWPORTS[3]!, 'jingxiong-intercity');
    await settle(page);
    const box = await page.getByTestId('map-callout').evaluate((el) => {
      const r = el.getBoundingClientRect();
      const m = el.parentElement!.getBoundingClientRect();
      return { left: r.left - m.left, right: m.right - r.right, text: el.textContent };
    });
    assert.ok(box.left >= 0 && box.right >= 0, `the callout "${box.text}" inside the map: ${JSON.stringify(box)}`);
    await leavePresentation(page);
    if (await page.getByTestId('sidebar').isVisible()) await page.getByTestId('sidebar-toggle').click();
    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang.startsWith('zh'));
  });

  test('Ctrl+P prints the composed page (the whole region for the A4 map box), as the Print button does', async () => {
    const page = app.page;
    await page.setViewportSize(VIEWPORTS[0]!);
    await setTheme(page, 'dark');
    await page.evaluate(() => {
      window.print = () => undefined; // headless: keep the page's print image for the checks
    });
    await page.keyboard.press('Control+P');
    const img = page.getByTestId('print-map-image');
    await img.waitFor({ state: 'attached', timeout: 60_000 });
    const size = await img.evaluate((el: HTMLImageElement) => ({ w: el.naturalWidth, h: el.naturalHeight }));
    assert.ok(Math.abs(size.w / size.h - 277 / 150) < 0.01, `the A4 map box's shape: ${size.w}×${size.h}`);
    // paper is white: the legend is printed dark on it even when the screen is in the dark theme
    await page.emulateMedia({ media: 'print' });
    const ink = await page.locator('.print-legend li').first().evaluate((li) => getComputedStyle(li).color);
    await page.emulateMedia({ media: 'screen' });
    const [r, g, b] = ink.match(/\d+/g)!.map(Number);
    assert.ok(r! + g! + b! < 3 * 110, `the printed legend's ink is dark: ${ink}`);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await img.waitFor({ state: 'detached' });
  });

  test('on a phone the details sheet, the scale bar and the attribution do not overlap', async () => {
    const page = app.page;
    await page.setViewportSize(VIEWPORTS[3]!);
    await openStoryTab(page);
    await page.locator('#tab-layers').click();
    await page.getByTestId('sidebar-toggle').click();
    await page.getByTestId('sidebar').waitFor({ state: 'hidden' });
    await page.evaluate(() => (location.hash = '#map=9.00/39.9000/116.4000&sel=g3-daxing-airport'));
    await page.getByTestId('detail-panel').waitFor();
    await settle(page);
    const rects = await page.evaluate(() =>
      ['[data-testid="detail-panel"]', '.maplibregl-ctrl-scale', '.maplibregl-ctrl-attrib', '.maplibregl-ctrl-group'].map((sel) => {
        const r = document.querySelector(sel)!.getBoundingClientRect();
        return { sel, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }),
    );
    for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) assert.ok(!overlaps(rects[i]!, rects[j]!), `${rects[i]!.sel} ${show(rects[i]!)} overlaps ${rects[j]!.sel} ${show(rects[j]!)}`);
  });
});
