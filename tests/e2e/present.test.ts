/**
 * Issue 6 — presenting, in the production build, as a presenter does it: the plan's default
 * story walked through with the keyboard (every chapter reaching `idle` with its camera, layers
 * and highlight), a story edited and round-tripped through a file and a link, broken story files
 * rejected with a message, the 2019 timeline (milestones and the Jing-Zhang railway drawn at the
 * year end), image export at 1× and 2× (size, content, legend, overlay position), and print.
 * One browser for the file; tests run in order on the same page.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { TFunction } from 'i18next';
import { hashParams, openApp, pickAt, screenshotImage, waitForIdle, waitForMapIdle, type AppSession } from './harness';
import { colorDistance, decodePng, luma, pixel, type Image, type RGB } from './png';
import { estimateTextWidth, layoutExport, scaleBarFor, type ExportLayout, type LayoutOptions, type MeasureText } from '../../src/map/exportImage';
import { PLAN_LAYER_COLORS } from '../../src/model/planColors';
import { PLAN_LAYER_KEYS, type PlanLayerKey } from '../../src/model/state';
import { layerKeyOf } from '../../src/model/filters';
import type { PlanItem } from '../../src/data/plan/schema';
import { planLayerLabel } from '../../src/model/labels';
import { resources } from '../support/i18nResources';
import { BASEMAP_ATTRIBUTION } from '../../src/map/attribution';
import type { Story } from '../../src/model/story/schema';
import { storyFromLink } from '../../src/model/story/io';

declare global {
  interface Window {
    __lastExport?: Blob;
    __moves?: number;
  }
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const VIEWPORT = { width: 1280, height: 800 };
const DAXING_AIRPORT: [number, number] = [116.4106, 39.5092];
// The Jing-Zhang railway as built: the transport layer's colour, drawn at full strength.
const RAIL_INK: RGB = PLAN_LAYER_COLORS['g3-transport'];
const EXPORT_FONT = "'Noto Sans SC', sans-serif";

const readJson = <T>(p: string): T => JSON.parse(readFileSync(path.join(ROOT, p), 'utf8')) as T;
const STORY_JSON = readFileSync(path.join(ROOT, 'geodata/story/default.json'), 'utf8');
const STORY = JSON.parse(STORY_JSON) as Story;
type Geometry = { type: string; coordinates: unknown };
const ITEMS = readJson<{ features: PlanItem[] }>('geodata/plan/items.geojson').features;
const itemById = new Map(ITEMS.map((i) => [i.properties.id, i]));
/** Layers that have items with a geometry (groups 4 and 5 have none: nothing of theirs is drawn). */
const DRAWABLE_LAYERS = new Set(ITEMS.filter((i) => i.geometry !== null).map(layerKeyOf));

/** The zh UI strings, as the app's `t` would give them (for legend labels). */
const zh = resources.zh.translation as unknown as Record<string, unknown>;
const tZh = ((key: string) => {
  const v = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], zh);
  assert.equal(typeof v, 'string', `UI string ${key}`);
  return v;
}) as unknown as TFunction;
const layerLabel = (k: PlanLayerKey) => planLayerLabel(k, tZh);

/** The layers a chapter switches on, in the app's order (all when it sets none). */
function chapterLayers(i: number): PlanLayerKey[] {
  const on = STORY.chapters[i]!.filters?.layers;
  return on ? PLAN_LAYER_KEYS.filter((k) => on.includes(k)) : [...PLAN_LAYER_KEYS];
}

/** A place on an item where a pick must find it: a point, or the middle of a line's middle segment. */
function pickPlace(g: Geometry): [number, number] | null {
  if (g.type === 'Point') return g.coordinates as [number, number];
  const line = g.type === 'LineString' ? (g.coordinates as [number, number][]) : g.type === 'MultiLineString' ? (g.coordinates as [number, number][][])[0]! : null;
  if (!line) return null;
  const k = Math.floor((line.length - 1) / 2);
  const [a, b] = [line[k]!, line[k + 1]!];
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}

/** Count the map's finished movements, so a test can wait for the flight a key press starts. */
async function countMoves(page: Page): Promise<void> {
  await page.evaluate(() => {
    if (window.__moves !== undefined) return;
    window.__moves = 0;
    window.jjjAtlas!.map.on('moveend', () => {
      window.__moves = (window.__moves ?? 0) + 1;
    });
  });
}

/** Do something that makes the map fly, then wait for the flight to end and the map to be idle. */
async function andFly(page: Page, action: () => Promise<void>): Promise<void> {
  const before = await page.evaluate(() => window.__moves!);
  await action();
  await page.waitForFunction((n) => window.__moves! > n && !window.jjjAtlas!.map.isMoving(), before, { timeout: 20_000, polling: 100 });
  await waitForIdle(page);
}

/** Ids of the plan items drawn (pickable) anywhere in the map's view, with their layers. */
async function pickableInView(page: Page): Promise<{ id: string; layer: string }[]> {
  return page.evaluate(() => {
    const { map, overlay } = window.jjjAtlas!;
    const c = map.getCanvas();
    // plan-outside-areas: the dashed outlines of places from outside the release (group 4's three cities and one zone,
    // the district outlines of the relocations and the Green Heart). plan-selection: the selected item's outline over
    // them, which is what is seen where two records share one outline (the Green Heart and its three buildings: Tongzhou).
    const infos = overlay!.pickObjects({ x: 0, y: 0, width: c.clientWidth, height: c.clientHeight, layerIds: ['plan-lines-sites', 'plan-areas', 'plan-outside-areas', 'plan-selection'] });
    return infos.map((i) => {
      const p = (i.object as { properties: { id: string; layer: string } }).properties;
      return { id: p.id, layer: p.layer };
    });
  });
}

async function waitForText(loc: Locator, re: RegExp, what: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  let text = '';
  while (Date.now() < deadline) {
    text = ((await loc.count()) > 0 ? await loc.first().textContent() : '') ?? '';
    if (re.test(text)) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.match(text, re, what);
  return text;
}

async function storyTab(page: Page): Promise<void> {
  if (await page.getByTestId('presentation').isVisible()) {
    await page.keyboard.press('Escape');
    await page.getByTestId('presentation').waitFor({ state: 'detached' });
  }
  await page.getByRole('tab', { name: '演示', exact: true }).click();
  await page.getByTestId('chapter-list').waitFor();
}

async function chapterTitles(page: Page): Promise<string[]> {
  return page.locator('[data-testid="chapter-list"] .chapter-link').allTextContents();
}

/** Open a story file through the hidden file input. */
async function openStoryFile(page: Page, text: string, name = 'story.json'): Promise<void> {
  await page.getByTestId('open-story').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
}

/** The editor's zh caption (its accessible name also holds the text, so it is found by its label's text). */
const captionZh = (page: Page) => page.locator('.chapter-editor label', { hasText: '中文说明' }).locator('textarea');

/** The chapter the story editor shows: its caption (zh) after choosing it in the list. */
async function captionOf(page: Page, index: number): Promise<string> {
  await page.locator('[data-testid="chapter-list"] .chapter-link').nth(index).click();
  await page.waitForFunction((i) => document.querySelectorAll('[data-testid="chapter-list"] li')[i]?.classList.contains('current'), index);
  return captionZh(page).inputValue();
}

/** Layers tab → clear all filters and the selection, back to the present tab. */
async function resetFilters(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '图层与筛选', exact: true }).click();
  const clear = page.getByTestId('clear-all');
  if (await clear.isVisible()) await clear.click();
  await page.getByText('无筛选', { exact: true }).waitFor();
  const close = page.getByRole('button', { name: '关闭详情' });
  if (await close.isVisible()) await close.click();
  await storyTab(page);
  await page.waitForFunction(() => !/(?:^#|&)(?:layers|sel)=/.test(location.hash));
}

async function jumpTo(page: Page, center: [number, number], zoom: number): Promise<void> {
  await page.evaluate(([c, z]) => window.jjjAtlas!.map.jumpTo({ center: c, zoom: z, bearing: 0, pitch: 0 }), [center, zoom] as const);
  await waitForIdle(page);
}

/** Export an image at a scale through the UI; returns the PNG, the download's name and the map's CSS size. */
async function exportAt(page: Page, scale: 1 | 2 | 4): Promise<{ png: Buffer; name: string; css: { w: number; h: number } }> {
  await page.getByTestId('export-scale').selectOption(String(scale));
  await page.evaluate(() => delete window.__lastExport);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-image').click()]);
  await page.waitForFunction(() => window.__lastExport !== undefined, null, { timeout: 30_000 });
  const b64 = await page.evaluate(async () => {
    const bytes = new Uint8Array(await window.__lastExport!.arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  });
  const png = Buffer.from(b64, 'base64');
  const file = readFileSync((await download.path())!);
  assert.ok(file.equals(png), 'the downloaded file is the exported image');
  const css = await page.evaluate(() => ({ w: window.jjjAtlas!.map.getCanvas().clientWidth, h: window.jjjAtlas!.map.getCanvas().clientHeight }));
  await page.getByTestId('export-image').and(page.locator(':enabled')).waitFor();
  return { png, name: download.suggestedFilename(), css };
}

/**
 * The export's layout as the app computes it, with text measured by the page's canvas in the
 * export font (the fonts are loaded by then): measure what the layout asks for, repeat until
 * every width it asks for is a real one.
 */
async function exactLayout(page: Page, opts: LayoutOptions): Promise<ExportLayout> {
  const widths = new Map<string, number>();
  const key = (t: string, size: number, weight: number) => `${weight}|${size.toFixed(2)}|${t}`;
  for (let pass = 0; pass < 8; pass++) {
    const missing: [string, number, 400 | 700][] = [];
    const measure: MeasureText = (t, size, weight) => {
      const w = widths.get(key(t, size, weight));
      if (w !== undefined) return w;
      missing.push([t, size, weight]);
      return estimateTextWidth(t, size, weight);
    };
    const layout = layoutExport(opts, measure);
    if (missing.length === 0) return layout;
    const measured = await page.evaluate(
      ([list, font]) => {
        const ctx = document.createElement('canvas').getContext('2d')!;
        return list.map(([t, size, weight]) => {
          ctx.font = `${weight} ${size.toFixed(2)}px ${font}`;
          return ctx.measureText(t).width;
        });
      },
      [missing, EXPORT_FONT] as const,
    );
    missing.forEach(([t, s, w], i) => widths.set(key(t, s, w), measured[i]!));
  }
  throw new Error('the export layout did not settle');
}

function distinctColors(img: Image): number {
  const seen = new Set<number>();
  for (let o = 0; o < img.data.length; o += 4) seen.add((img.data[o]! << 16) | (img.data[o + 1]! << 8) | img.data[o + 2]!);
  return seen.size;
}

/** Checks the legend of an exported image: panel, one swatch of the right colour and a label per layer on. */
async function checkLegend(page: Page, img: Image, scale: 1 | 2, css: { w: number; h: number }, layers: PlanLayerKey[]): Promise<void> {
  const view = await page.evaluate(() => {
    const map = window.jjjAtlas!.map;
    return { zoom: map.getZoom(), lat: map.getCenter().lat, bearing: map.getBearing() };
  });
  const layout = await exactLayout(page, {
    width: css.w,
    height: css.h,
    scale,
    title: tZh('app.title'),
    subtitle: tZh('app.subtitle'),
    legend: layers.map((k) => ({ label: layerLabel(k), color: PLAN_LAYER_COLORS[k] })),
    scaleBar: scaleBarFor(view.zoom, view.lat),
    bearing: view.bearing,
    date: new Date().toISOString().slice(0, 10),
    attribution: BASEMAP_ATTRIBUTION.join(' · '),
    font: EXPORT_FONT,
    theme: 'light',
  });
  assert.equal(layout.pixelWidth, img.width);
  assert.equal(layout.pixelHeight, img.height);
  const legend = layout.legend;
  assert.ok(legend, 'the layout has a legend');
  assert.equal(legend.rows.length, layers.length, 'a legend row for every layer shown');
  assert.equal(legend.omitted, 0);
  const at = (x: number, y: number) => pixel(img, x * scale, y * scale);
  // The panel: light, nearly opaque white in the gap between the swatches and the box edge.
  const box = legend.box;
  for (const [x, y] of [[box.x + 3, box.y + box.h / 2], [box.x + box.w / 2, box.y + 3], [box.x + box.w - 3, box.y + box.h - 3]] as const) {
    assert.ok(luma(at(x, y)) > 215, `legend panel at ${x.toFixed(0)},${y.toFixed(0)} is light: ${at(x, y)}`);
  }
  for (const [i, row] of legend.rows.entries()) {
    const s = row.swatch;
    for (const [fx, fy] of [[0.5, 0.5], [0.25, 0.25], [0.75, 0.75]] as const) {
      const c = at(s.x + s.w * fx, s.y + s.h * fy);
      assert.ok(colorDistance(c, PLAN_LAYER_COLORS[layers[i]!]) <= 2, `legend swatch ${i + 1} (${layers[i]}) is ${PLAN_LAYER_COLORS[layers[i]!]}: got ${c} at ${fx},${fy}`);
    }
    // The label: dark ink on the panel, within the label's line.
    const l = row.label;
    let ink = 0;
    for (let y = Math.round((l.y - l.size) * scale); y <= Math.round(l.y * scale); y++) {
      for (let x = Math.round(l.x * scale); x < Math.round((l.x + l.width) * scale); x++) if (luma(pixel(img, x, y)) < 110) ink++;
    }
    assert.ok(ink > 15 * scale * scale, `legend label "${l.text}" is written (${ink} dark pixels)`);
  }
}

describe('present: presentation mode, story editing, timeline, export, print', () => {
  let app: AppSession;
  const pages: Page[] = [];
  before(async () => {
    assert.equal(STORY.chapters.length, 16, 'the default story has 16 chapters');
    app = await openApp({ viewport: VIEWPORT, locale: 'zh-CN' });
    await waitForMapIdle(app.page);
    await app.page.getByTestId('counts-total').waitFor();
    await countMoves(app.page);
    await storyTab(app.page);
  });
  after(async () => {
    await app?.close();
  });

  test('presentation mode walks every default chapter with the keyboard; each reaches idle with its camera, layers and highlight', async () => {
    const page = app.page;
    const n = STORY.chapters.length;
    assert.deepEqual(await chapterTitles(page), STORY.chapters.map((c) => c.title_zh), 'the default story is loaded');

    const expectChapter = async (i: number, how: string, full = true) => {
      const c = STORY.chapters[i]!;
      const where = `chapter ${i + 1} "${c.id}" (after ${how})`;
      const caption = page.getByTestId('chapter-caption');
      assert.equal(await caption.getAttribute('data-chapter'), c.id, where);
      assert.equal(await caption.locator('h2').textContent(), c.title_zh, `${where}: title`);
      assert.equal(await caption.locator('p').textContent(), c.caption_zh, `${where}: caption`);
      if (c.quote) assert.equal(await caption.locator('blockquote').textContent(), c.quote, `${where}: quote`);
      assert.equal((await page.getByTestId('chapter-progress').textContent())?.trim(), `${i + 1} / ${n}`, `${where}: progress`);

      const cam = await page.evaluate(() => {
        const m = window.jjjAtlas!.map;
        return { center: m.getCenter().toArray(), zoom: m.getZoom(), bearing: m.getBearing(), pitch: m.getPitch(), moving: m.isMoving() };
      });
      assert.equal(cam.moving, false, `${where}: at rest`);
      // The centre and zoom frame the chapter's subject in the uncovered map (checked at four
      // viewports by presenter-finish.test.ts); the chapter's zoom is the closest it comes.
      assert.ok(cam.zoom <= c.camera.zoom + 0.02, `${where}: zoom ${cam.zoom} ≤ ${c.camera.zoom}`);
      assert.ok(Math.abs(cam.bearing - c.camera.bearing) < 0.5, `${where}: bearing ${cam.bearing} ≈ ${c.camera.bearing}`);
      assert.ok(Math.abs(cam.pitch - c.camera.pitch) < 0.5, `${where}: pitch ${cam.pitch} ≈ ${c.camera.pitch}`);
      if (!full) return;

      // Layers: the legend of the presentation, the URL, and what is drawn in view.
      const layers = chapterLayers(i);
      const legend = (await page.locator('.present-legend li[data-kind="plan"]').allTextContents()).map((s) => s.trim());
      assert.deepEqual(legend, layers.map(layerLabel), `${where}: legend`);
      assert.equal(hashParams(page).get('layers'), c.filters?.layers ? layers.join(',') : null, `${where}: layers in the URL`);
      const drawn = await pickableInView(page);
      if (layers.some((k) => DRAWABLE_LAYERS.has(k))) assert.ok(drawn.length > 0, `${where}: plan items are drawn in view`);
      const stray = drawn.filter((d) => !layers.includes(d.layer as PlanLayerKey));
      assert.deepEqual(stray, [], `${where}: only the chapter's layers are drawn`);

      // The highlight: selected (in the URL), and drawn where it is.
      const h = c.highlight?.item ?? null;
      assert.equal(hashParams(page).get('sel'), h, `${where}: highlighted item`);
      const g = h ? itemById.get(h)?.geometry : null;
      if (h && g) {
        const place = pickPlace(g);
        if (place) assert.equal(await pickAt(page, place), h, `${where}: ${h} is drawn at ${place}`);
        else assert.ok(drawn.some((d) => d.id === h), `${where}: ${h} (${g.type}) is drawn in view`);
      }
    };

    // Every chapter is checked; the problems of all chapters are reported together at the end.
    const problems: string[] = [];
    const check = async (i: number, how: string, full = true) => {
      try {
        await expectChapter(i, how, full);
      } catch (e) {
        if (!(e instanceof assert.AssertionError)) throw e;
        problems.push(e.message.split('\n')[0]!);
      }
    };

    const t0 = Date.now();
    try {
      await andFly(page, () => page.getByTestId('start-presentation').click());
      await page.getByTestId('presentation').waitFor();
      assert.equal(await page.getByTestId('sidebar').isVisible(), false, 'panels are hidden while presenting');
      await check(0, 'start');
      const forward = ['ArrowRight', 'Space', 'PageDown'];
      for (let i = 1; i < n; i++) {
        const key = forward[(i - 1) % forward.length]!;
        await andFly(page, () => page.keyboard.press(key));
        await check(i, key);
      }
      // At the end, forward stays on the last chapter.
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.getByTestId('chapter-caption').getAttribute('data-chapter'), STORY.chapters[n - 1]!.id, 'no chapter after the last');
      for (const [key, i] of [['PageUp', n - 2], ['ArrowLeft', n - 3], ['Home', 0], ['End', n - 1]] as const) {
        await andFly(page, () => page.keyboard.press(key));
        await check(i, key, false); // seen in full on the way forward
      }
      console.log(`presentation walk: ${((Date.now() - t0) / 1000).toFixed(1)} s for ${n + 4} flights`);
    } finally {
      await page.keyboard.press('Escape');
    }
    await page.getByTestId('presentation').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('sidebar').isVisible(), true, 'the panels are back after Esc');
    await page.waitForFunction(() => !window.jjjAtlas!.map.isMoving());
    await waitForIdle(page);
    assert.deepEqual(problems, [], 'every chapter shows as it should');
  });

  let editedCaption = '';
  test('an edited story round-trips through a saved file and through a link', async () => {
    const page = app.page;
    await storyTab(page);
    // Edit the caption of the Daxing chapter, then add the current view after it.
    const daxing = STORY.chapters.findIndex((c) => c.id === 'daxing-airport');
    await andFly(page, () => page.locator('[data-testid="chapter-list"] .chapter-link').nth(daxing).click());
    editedCaption = `演示者改写的说明：大兴机场 ${Date.now()}`;
    await captionZh(page).fill(editedCaption);
    // The view the chapter framed (around its subject, clear of the details card): what "add" takes.
    const cam = await page.evaluate(() => {
      const m = window.jjjAtlas!.map;
      return { center: m.getCenter().toArray(), zoom: m.getZoom(), bearing: m.getBearing(), pitch: m.getPitch() };
    });
    await page.getByTestId('add-chapter').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="chapter-list"] li').length === n, STORY.chapters.length + 1);
    await waitForIdle(page);
    const titles = await chapterTitles(page);
    const expectedTitles = [...STORY.chapters.slice(0, daxing + 1).map((c) => c.title_zh), `第${STORY.chapters.length + 1}章`, ...STORY.chapters.slice(daxing + 1).map((c) => c.title_zh)];
    assert.deepEqual(titles, expectedTitles, 'the new chapter follows the current one');

    // Save.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-story').click()]);
    assert.equal(download.suggestedFilename(), 'jjj-atlas-story.json');
    const saved = readFileSync((await download.path())!, 'utf8');
    const story = JSON.parse(saved) as Story;
    assert.equal(story.chapters.length, STORY.chapters.length + 1);
    assert.equal(story.chapters[daxing]!.caption_zh, editedCaption);
    const added = story.chapters[daxing + 1]!;
    assert.ok(Math.abs(added.camera.center[0] - cam.center[0]!) < 0.001 && Math.abs(added.camera.center[1] - cam.center[1]!) < 0.001, `the added chapter has the current view: ${JSON.stringify(added.camera)}`);
    assert.ok(Math.abs(added.camera.zoom - cam.zoom) < 0.01 && Math.abs(added.camera.pitch - cam.pitch) < 0.5 && Math.abs(added.camera.bearing - cam.bearing) < 0.5, JSON.stringify(added.camera));
    assert.deepEqual(added.filters?.layers, ['g3-transport'], 'and the current layers');

    // A fresh page opens the file.
    await page.goto('about:blank');
    await page.goto(app.url);
    await waitForMapIdle(page);
    await countMoves(page);
    await storyTab(page);
    // edits are saved in the browser: the fresh page keeps them until the plan's story is restored
    assert.deepEqual(await chapterTitles(page), expectedTitles, 'a fresh page keeps the edited story');
    await page.getByTestId('reset-story').click();
    await page.getByTestId('reset-story-yes').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="chapter-list"] li').length === n, STORY.chapters.length);
    assert.deepEqual(await chapterTitles(page), STORY.chapters.map((c) => c.title_zh), 'reset gives the default story');
    await openStoryFile(page, saved, 'jjj-atlas-story.json');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="chapter-list"] li').length === n, STORY.chapters.length + 1);
    assert.equal(await page.getByTestId('story-error').count(), 0, 'no error');
    assert.deepEqual(await chapterTitles(page), expectedTitles, 'the saved chapters come back');
    assert.equal(await captionOf(page, daxing), editedCaption, 'with the edited caption');
    assert.equal(await captionOf(page, daxing + 1), '', 'and the new chapter');

    // The link.
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    await page.getByTestId('copy-story-link').click();
    await waitForText(page.locator('.notices'), /故事链接已复制/, 'the link is copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(link.startsWith(`${app.origin}/#story=`), `a story link: ${link.slice(0, 80)}…`);
    const inLink = storyFromLink(link.slice(link.indexOf('#story=') + '#story='.length));
    assert.ok(inLink.ok, `the link decodes: ${inLink.ok ? '' : inLink.error}`);
    assert.deepEqual(inLink.story, story, 'the link carries the saved story');

    const other = await app.context.newPage();
    pages.push(other);
    other.on('pageerror', (e) => app.pageErrors.push(`(link page) ${e.stack ?? e.message}`));
    other.on('console', (m) => {
      if (m.type() === 'error') app.consoleErrors.push(`(link page) ${m.text()}`);
    });
    try {
      await other.setViewportSize(VIEWPORT);
      await other.goto(link);
      await waitForMapIdle(other);
      await storyTab(other);
      assert.deepEqual(await chapterTitles(other), expectedTitles, `the link opens its story (notices: ${await other.locator('.notices').textContent()}; URL now ${other.url().slice(0, 60)})`);
      assert.equal(await captionOf(other, daxing), editedCaption, 'with the edited caption');
      assert.equal(await other.getByTestId('story-error').count(), 0);
    } finally {
      await other.close();
    }
  });

  test('a broken story file is rejected with a clear message and the story is unchanged', async () => {
    const page = app.page;
    await storyTab(page);
    const before = await chapterTitles(page);
    const current = await page.locator('[data-testid="chapter-list"] li.current').count();
    assert.equal(current, 1);
    const error = page.getByTestId('story-error');
    const unchanged = async (what: string) => {
      assert.deepEqual(await chapterTitles(page), before, `${what}: the chapters are unchanged`);
    };

    // Cut short.
    await openStoryFile(page, STORY_JSON.slice(0, Math.floor(STORY_JSON.length / 2)), 'cut.json');
    await error.waitFor();
    assert.equal(await error.getAttribute('role'), 'alert');
    await waitForText(error, /^无法打开此故事文件：not valid JSON: .+。当前故事未改变。$/, 'truncated JSON');
    await unchanged('truncated JSON');

    // An item that does not exist.
    const unknown = JSON.parse(STORY_JSON) as Story;
    const daxing = unknown.chapters.findIndex((c) => c.id === 'daxing-airport');
    unknown.chapters[daxing]!.highlight = { item: 'g3-no-such-airport' };
    await openStoryFile(page, JSON.stringify(unknown), 'unknown-item.json');
    await waitForText(error, new RegExp(`chapter ${daxing + 1} \\("daxing-airport"\\), highlight\\.item: unknown item "g3-no-such-airport"。当前故事未改变。$`), 'unknown item');
    await unchanged('unknown item');

    // A field that is wrong in form (zoom out of range).
    const zoom = JSON.parse(STORY_JSON) as Story;
    zoom.chapters[0]!.camera.zoom = 20;
    await openStoryFile(page, JSON.stringify(zoom), 'zoom.json');
    await waitForText(error, /chapter 1 \("overview"\), camera\.zoom: zoom must be between 5 and 13 \(got 20\)/, 'zoom out of range');
    await unchanged('zoom out of range');

    // A quote that is not in the plan (the story format says quotes are verbatim from the plan).
    const quote = JSON.parse(STORY_JSON) as Story;
    quote.chapters[0]!.quote = '全面取消京津冀三地之间的行政边界';
    await openStoryFile(page, JSON.stringify(quote), 'quote.json');
    await waitForText(error, /chapter 1 \("overview"\), quote: not found verbatim in the plan text/, 'a quote not in the plan');
    await unchanged('a quote not in the plan');
  });

  test('timeline: June shows the Daxing acceptance, December all three milestones and the Jing-Zhang railway drawn', async () => {
    const page = app.page;
    await resetFilters(page);
    const toggle = page.getByTestId('timeline-toggle');
    if (!(await toggle.isChecked())) await toggle.check();
    const month = page.getByTestId('timeline-month');
    const milestones = async () =>
      page.locator('[data-testid="timeline-milestones"] li[data-item]').evaluateAll((lis) => lis.map((li) => `${li.getAttribute('data-item')} ${li.querySelector('time')?.getAttribute('datetime')}`));
    const setMonth = async (m: number) => {
      await month.fill(String(m));
      assert.equal(await month.inputValue(), String(m));
      await waitForText(page.locator('#timeline-heading ~ .timeline-row span'), new RegExp(`^${m}月$`), `month ${m}`);
      await waitForIdle(page);
    };

    await setMonth(5);
    assert.deepEqual(await milestones(), [], 'nothing before June');
    await setMonth(6);
    assert.deepEqual(await milestones(), ['g3-daxing-airport 2019-06-30'], 'June: the Daxing acceptance only');
    await setMonth(12);
    assert.deepEqual(await milestones(), ['g3-daxing-airport 2019-06-30', 'g3-daxing-airport 2019-09-30', 'g3-jingzhang-railway 2019-12-31'], 'December: all three');

    // The Jing-Zhang railway: built (full transport colour) at December; in January still planned,
    // dashed and faded, with only its first stretch grown. (Behaviour changed: it used to be drawn
    // over in near-black in December only, covering labels.)
    const rail = itemById.get('g3-jingzhang-railway')!.geometry!;
    assert.equal(rail.type, 'LineString');
    const line = rail.coordinates as [number, number][];
    const lons = line.map((p) => p[0]);
    const lats = line.map((p) => p[1]);
    await jumpTo(page, [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2], 8);
    // A schematic line is dashed, so each segment is read along 25 px around its middle, not at
    // one pixel that may fall in a gap.
    const samples = await page.evaluate((pts) => {
      const map = window.jjjAtlas!.map;
      const r = map.getCanvas().getBoundingClientRect();
      return pts.map(([a, b]) => {
        const p = map.project([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]);
        const pa = map.project(a);
        const pb = map.project(b);
        const len = Math.hypot(pb.x - pa.x, pb.y - pa.y) || 1;
        const along = [-12, -9, -6, -3, 0, 3, 6, 9, 12].map((k) => ({ x: r.left + p.x + ((pb.x - pa.x) / len) * k, y: r.top + p.y + ((pb.y - pa.y) / len) * k }));
        return { x: r.left + p.x, y: r.top + p.y, along, inside: p.x > 20 && p.y > 20 && p.x < r.width - 20 && p.y < r.height - 20 };
      });
    }, line.slice(1).map((p, i) => [line[i]!, p] as const));
    const onMap = samples.filter((s) => s.inside);
    assert.ok(onMap.length >= 6, `the railway is in view (${onMap.length} of ${samples.length} segment middles)`);
    const dark = (img: Image) => onMap.map((s) => s.along.some((q) => colorDistance(pixel(img, q.x, q.y), RAIL_INK) <= 40));
    const december = await screenshotImage(page);
    await setMonth(1);
    assert.deepEqual(await milestones(), [], 'January: no milestone yet');
    const january = await screenshotImage(page);
    const drawnDec = dark(december).filter(Boolean).length;
    const drawnJan = dark(january).filter(Boolean).length;
    assert.ok(drawnDec >= Math.ceil(onMap.length * 0.8), `December: the railway is drawn at ${drawnDec} of ${onMap.length} places: ${onMap.map((s) => pixel(december, s.x, s.y).join(',')).join(' | ')}`);
    assert.ok(drawnJan <= Math.ceil(onMap.length * 0.2), `January: at most its first stretch in full colour (${drawnJan} of ${onMap.length}): ${onMap.map((s) => pixel(january, s.x, s.y).join(',')).join(' | ')}`);
    await toggle.uncheck();
  });

  test('export at 2× and 1×: twice the pixels, not blank, with the legend; the overlay lands where it is on screen', async () => {
    const page = app.page;
    await resetFilters(page);
    await jumpTo(page, DAXING_AIRPORT, 9);
    assert.equal(await pickAt(page, DAXING_AIRPORT), 'g3-daxing-airport', 'the airport is drawn on screen');

    const two = await exportAt(page, 2);
    assert.equal(two.name, 'jjj-atlas-2x.png');
    const img2 = decodePng(two.png);
    assert.equal(img2.width, two.css.w * 2, `width ${img2.width} = 2 × ${two.css.w}`);
    assert.equal(img2.height, two.css.h * 2, `height ${img2.height} = 2 × ${two.css.h}`);
    const colours2 = distinctColors(img2);
    assert.ok(colours2 > 2000, `the 2× image is not blank: ${colours2} distinct colours`);
    await checkLegend(page, img2, 2, two.css, [...PLAN_LAYER_KEYS]);

    const one = await exportAt(page, 1);
    assert.equal(one.name, 'jjj-atlas-1x.png');
    const img1 = decodePng(one.png);
    assert.equal(img1.width, one.css.w);
    assert.equal(img1.height, one.css.h);
    assert.ok(distinctColors(img1) > 1000, 'the 1× image is not blank');
    await checkLegend(page, img1, 1, one.css, [...PLAN_LAYER_KEYS]);

    // The airport, in the transport colour, where the map shows it.
    await waitForIdle(page);
    const screen = await screenshotImage(page);
    const at = await page.evaluate((ll) => {
      const map = window.jjjAtlas!.map;
      const p = map.project(ll);
      const r = map.getCanvas().getBoundingClientRect();
      return { x: p.x, y: p.y, left: r.left, top: r.top };
    }, DAXING_AIRPORT);
    // (Its dot has a 6 px radius; a link's arc starts at its centre, so count the dot's colour around it.)
    const transport = PLAN_LAYER_COLORS['g3-transport'];
    const dotPixels = (img: Image, cx: number, cy: number, r: number) => {
      let k = 0;
      for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) if (dx * dx + dy * dy <= r * r && colorDistance(pixel(img, cx + dx, cy + dy), transport) <= 16) k++;
      return k;
    };
    const onScreen = dotPixels(screen, at.left + at.x, at.top + at.y, 5);
    const inImage = dotPixels(img1, at.x, at.y, 5);
    assert.ok(onScreen >= 20, `on screen the airport's dot is drawn in ${transport} (${onScreen} px)`);
    assert.ok(inImage >= 20 && Math.abs(inImage - onScreen) <= 10, `in the 1× image too, at the same place (${inImage} px; ${onScreen} on screen)`);
    // Around it, the image matches the screen (same place, same drawing).
    let diff = 0;
    let count = 0;
    for (let dy = -15; dy <= 15; dy++) {
      for (let dx = -15; dx <= 15; dx++) {
        diff += colorDistance(pixel(screen, at.left + at.x + dx, at.top + at.y + dy), pixel(img1, at.x + dx, at.y + dy));
        count++;
      }
    }
    assert.ok(diff / count < 8, `the 1× image matches the screen around the airport (mean difference ${(diff / count).toFixed(1)})`);
    // At 2× the airport is at twice the coordinates.
    const inImage2 = dotPixels(img2, at.x * 2, at.y * 2, 10);
    assert.ok(inImage2 >= 80, `in the 2× image the airport's dot is at twice its coordinates (${inImage2} px)`);
  });

  test('print: the legend and the visible items, without the controls', async () => {
    const page = app.page;
    await resetFilters(page);
    // Transport off: its items leave the list and the legend.
    await page.getByRole('tab', { name: '图层与筛选', exact: true }).click();
    await page.locator('#layer-g3-transport').uncheck();
    await page.getByRole('tab', { name: '列表', exact: true }).click();
    const listed = await page.locator('.list-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item-id') ?? ''));
    assert.ok(listed.length > 20 && !listed.includes('g3-daxing-airport'), `the list without transport: ${listed.length}`);
    await storyTab(page);

    assert.equal(await page.locator('.print-legend').isVisible(), false, 'the print sheet is hidden on screen');
    await page.emulateMedia({ media: 'print' });
    try {
      const legend = page.locator('.print-legend');
      const items = page.locator('.print-items');
      assert.ok(await legend.isVisible(), 'the legend is printed');
      assert.ok(await items.isVisible(), 'the list is printed');
      const layers = PLAN_LAYER_KEYS.filter((k) => k !== 'g3-transport');
      const legendRows = (await legend.locator('li').allTextContents()).map((s) => s.trim().replace(/\s*\(\d+\)$/, ''));
      assert.deepEqual(legendRows, layers.map(layerLabel), 'the legend lists the layers shown');
      const printed = (await items.locator('li').allTextContents()).map((s) => s.trim().split(' — ')[0]!);
      const names = listed.map((id) => itemById.get(id)!.properties.name_zh);
      assert.deepEqual([...printed].sort(), [...names].sort(), 'the printed list is the items shown');
      assert.match((await items.locator('h2').textContent()) ?? '', new RegExp(`\\(${listed.length}\\)$`));
      for (const sel of ['[data-testid="sidebar-toggle"]', '[data-testid="lang-switch"]', '[data-testid="search-input"]', '[data-testid="sidebar"]']) {
        assert.equal(await page.locator(sel).isVisible(), false, `${sel} is not printed`);
      }
      assert.ok(await page.locator('.app-title h1').isVisible(), 'the title is printed');
      assert.ok(await page.getByTestId('map').isVisible(), 'the map is printed');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    await resetFilters(page);
  });

  test('no page errors or console errors', () => {
    assert.deepEqual(app.pageErrors, [], app.pageErrors.join('\n'));
    assert.deepEqual(app.consoleErrors, [], app.consoleErrors.join('\n'));
    assert.deepEqual(app.foreignRequests, [], 'requests to other origins');
  });
});
