/**
 * "Save as HTML": the map as it is now, written into the viewer template (dist/atlas-viewer.html,
 * scripts/viewer-template.ts) and downloaded as one file that opens from disk with no network.
 * Loaded on first use (the button's click), like the template itself.
 *
 * What goes in (../model/savedMap.ts): the camera, theme, language and base-map switches; the base
 * map's GeoJSON; the plan's drawn items with the filters' mask, and each story chapter's mask
 * computed here with the chapter's own filters, so the viewer needs no filter code; the user
 * layers that are switched on, with only the features the filters show; the drawn areas as
 * polygons; and the Noto Sans SC subsets that the saved text needs (the base map's labels, the
 * plan's and the story's words, the viewer's own), as data: URLs.
 */
import type { TFunction } from 'i18next';
import fontFaces from 'virtual:font-faces';
import { basemapUrls } from '../map/basemap/sources';
import { absoluteUrls } from '../map/basemap/apply';
import { FONT_BOLD, FONT_REGULAR } from '../map/basemap/style';
import { BASEMAP_ATTRIBUTION } from '../map/attribution';
import { filterPlan, layerKeyOf } from '../model/filters';
import { chapterFilters, cameraFromView } from '../model/story/chapter';
import { drawnAreaGeometry } from '../model/drawnArea';
import { fillViewerTemplate, rangesUsed, SAVED_MAP_FORMAT, type SavedFont, type SavedItem, type SavedMap } from '../model/savedMap';
import type { FilteredPlan } from '../model/filteredPlan';
import type { AppState } from './store';
import { regionNameMap } from './useFilteredPlan';
import { downloadBlob } from './download';

/** The template's address beside index.html, wherever the app is hosted (relative base). */
const TEMPLATE_URL = 'atlas-viewer.html';

/** Words of the viewer, in the saved language (the keys it reads). */
const VIEWER_TEXT_KEYS = ['documentTitle', 'mapLabel', 'what', 'savedAt', 'dataFrom', 'userLayers', 'savedWith', 'play', 'previous', 'next', 'exit', 'close', 'kind', 'summary', 'milestone'] as const;
const KINDS = ['site', 'line', 'area', 'programme', 'target', 'mechanism'] as const;

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
}

async function dataUrl(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:font/woff2;base64,${btoa(bin)}`;
}

/**
 * The font subsets a saved map needs: for each face, those covering a character of its text. The
 * bold face draws only the province labels; the page's own text takes the regular face (headings
 * in a synthesised bold), so its subsets follow everything else shown.
 */
async function fontsFor(textOf: Record<string, string>): Promise<SavedFont[]> {
  const entries = Object.entries(fontFaces).flatMap(([name, faces]) => faces.map((f) => ({ name, url: f.url, range: f['unicode-range'] })));
  const wanted = entries.filter((e) => rangesUsed([e.range], textOf[e.name] ?? '')[0]);
  // A subset that cannot be had (saving offline, not yet cached) is left out: its characters fall back to the system's fonts.
  const got = await Promise.all(wanted.map((e) => dataUrl(new URL(e.url, document.baseURI).href).then((url) => ({ name: e.name, range: e.range, url }), () => null)));
  return got.filter((f): f is SavedFont => f !== null);
}

/** The names the base map's labels show (both languages: a label has the other beneath). */
function labelNames(basemapData: Record<string, unknown>, keep: (p: Record<string, unknown>) => boolean = () => true): string {
  let out = '';
  for (const fc of Object.values(basemapData)) {
    for (const f of (fc as { features?: { properties?: Record<string, unknown> | null }[] }).features ?? []) {
      const p = f.properties;
      if (p && keep(p)) out += `${String(p.name ?? '')}${String(p.name_en ?? '')}`;
    }
  }
  return out;
}

export function savedMapFileName(savedAt: Date): string {
  return `jjj-atlas-map-${savedAt.toISOString().slice(0, 16).replace(/[T:]/g, '-')}.html`;
}

/** Build the saved map's state from the app as it is. */
export async function buildSavedMap(plan: FilteredPlan, s: AppState, t: TFunction, savedAt: Date): Promise<SavedMap> {
  if (s.data.state !== 'ready') throw new Error('the plan has not loaded');
  const lang = s.lang;
  const meta = s.data.meta;
  const items = s.data.items;

  const basemapTexts = await Promise.all(Object.entries(absoluteUrls(basemapUrls)).map(async ([k, url]) => [k, await fetchText(url)] as const));
  const basemapData = Object.fromEntries(basemapTexts.map(([k, text]) => [k, JSON.parse(text) as unknown]));

  const drawn: SavedItem[] = items.flatMap((item, index) => (item.geometry ? [{ type: 'Feature' as const, geometry: item.geometry, properties: { ...item.properties, index, layer: layerKeyOf(item) } }] : []));
  const ids = new Map(items.map((it, i) => [it.properties.id, i]));

  const ctx = { regionNames: regionNameMap(plan.regions) };
  // The story being presented or edited, else the plan's own (the app loads it only for the Present tab).
  const source = s.story ?? (await import('./defaultStory').then(({ loadDefaultStory }) => loadDefaultStory()).then((r) => (r.ok ? r.story : null)));
  const story = source
    ? {
        title: lang === 'zh' ? source.title_zh : source.title_en,
        chapters: source.chapters.map((ch) => ({
          title: lang === 'zh' ? ch.title_zh : ch.title_en,
          caption: lang === 'zh' ? ch.caption_zh : ch.caption_en,
          ...(ch.quote ? { quote: ch.quote } : {}),
          camera: ch.camera,
          visible: filterPlan(items, chapterFilters(ch), ctx).visible,
          highlight: ch.highlight?.item ?? null,
        })),
      }
    : null;

  const userLayers = plan.users.layers
    .filter((l) => l.visible)
    .map((l) => {
      const shown = plan.users.filtered.byLayer.get(l.id)?.shown;
      return { id: l.id, name: l.name, color: l.color, ...(l.style ? { style: l.style } : {}), features: l.features.filter((_, i) => shown?.[i] === 1) };
    });

  let drawnAreas: SavedMap['drawnAreas'] = [];
  if (s.drawnAreas.length) {
    const { circlePolygon } = await import('../geo/aggregate/features');
    drawnAreas = s.drawnAreas.map((a) => ({ id: a.id, geometry: drawnAreaGeometry(a, (c, km) => circlePolygon(c, km).geometry) as SavedMap['drawnAreas'][number]['geometry'] }));
  }

  const texts: Record<string, string> = {};
  for (const k of VIEWER_TEXT_KEYS) texts[k] = t(`savedHtml.${k}`);
  for (const k of KINDS) texts[`kind.${k}`] = t(`kinds.${k}`);

  const view = s.view ?? { lon: 116.9, lat: 39.3, zoom: 6.5 };
  const state: SavedMap = {
    format: SAVED_MAP_FORMAT,
    savedAt: savedAt.toISOString(),
    app: { from: location.origin + location.pathname },
    lang,
    theme: s.theme,
    camera: cameraFromView(view),
    basemap: { ...s.basemap },
    basemapData,
    fonts: [],
    dataSource: lang === 'zh' ? `${meta.publisher_zh}《${meta.title_zh}》（${meta.published}）` : `${meta.publisher_en}, “${meta.title_en}” (${meta.published})`,
    items: drawn,
    links: s.data.links,
    linkedItems: [...new Set(s.data.links.map((l) => l.properties.item))].flatMap((id) => {
      const item = items[ids.get(id) ?? -1];
      return item && !item.geometry ? [item.properties] : [];
    }),
    linkItemIndex: s.data.links.map((l) => ids.get(l.properties.item) ?? -1),
    linkLayers: items.map(layerKeyOf),
    visible: plan.visible,
    selectedId: s.selected,
    userLayers,
    drawnAreas,
    story,
    texts,
  };
  // The map's labels come from the base map's names; the page's words from everything else shown.
  const pageText = JSON.stringify({ story, texts, items: drawn.map((d) => [d.properties.name_zh, d.properties.name_en, d.properties.quotes, d.properties.milestones]), dataSource: state.dataSource, names: userLayers.map((l) => l.name), attribution: BASEMAP_ATTRIBUTION });
  state.fonts = await fontsFor({
    [FONT_REGULAR]: labelNames(basemapData) + pageText + savedAt.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB'),
    [FONT_BOLD]: labelNames(basemapData, (p) => p.kind === 'province'),
  });
  return state;
}

/** Save the map as one HTML file; resolves with the file's name and size in bytes. */
export async function saveMapAsHtml(plan: FilteredPlan, s: AppState, t: TFunction): Promise<{ name: string; bytes: number }> {
  const savedAt = new Date();
  const [template, state] = await Promise.all([fetchText(new URL(TEMPLATE_URL, document.baseURI).href), buildSavedMap(plan, s, t, savedAt)]);
  const html = fillViewerTemplate(template, state);
  const blob = new Blob([html], { type: 'text/html;charset=utf-8' });
  const name = savedMapFileName(savedAt);
  downloadBlob(blob, name);
  return { name, bytes: blob.size };
}
