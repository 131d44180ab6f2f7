/**
 * The viewer inside a map saved as one HTML file (README "Save the map as one HTML file"): it reads
 * the state the app wrote into the page (../model/savedMap.ts) and shows the map as it was saved —
 * the embedded base map in the saved language and theme, the plan's items as filtered, the person's
 * layers in their styles, drawn areas — lets the viewer pan, click for details and play the story
 * full screen. A composition root like ../main.tsx, without React: it reuses the map modules (the
 * base-map style, the deck.gl layer builders) and nothing that stores, imports or fetches.
 *
 * Built on its own into dist/atlas-viewer.html (scripts/viewer-template.ts): one classic script,
 * MapLibre's worker carried as text and started from a blob: URL, since a page opened from disk
 * can load nothing else. Every string from the state reaches the page through `textContent`.
 */
import { Map as MaplibreMap, AttributionControl, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import type { StyleSpecification } from 'maplibre-gl';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import workerSource from 'maplibre-gl/dist/maplibre-gl-worker.mjs?raw';
import 'maplibre-gl/dist/maplibre-gl.css';
import './viewer.css';
import { buildBasemapStyle, MAX_BOUNDS, type BasemapUrls, type FontFaces } from '../map/basemap/style';
import { recolorStyle, BASEMAP_PALETTES } from '../map/themes';
import { buildPlanLayers, USER_LAYER_PREFIX, type PlanLayerInput } from '../map/planLayers';
import { BASEMAP_ATTRIBUTION } from '../map/attribution';
import { labelFadeMs, prefersReducedMotion } from '../map/motion';
import { MAX_ZOOM, MIN_ZOOM } from '../model/zoomRange';
import { SAVED_MAP_ELEMENT_ID, type SavedItem, type SavedMap } from '../model/savedMap';
import type { ImportedFeature } from '../data/import/types';
import type { PlanItem, PlanLink } from '../data/plan/schema';

const state = JSON.parse(document.getElementById(SAVED_MAP_ELEMENT_ID)?.textContent ?? 'null') as SavedMap;
const T = (key: string) => state.texts[key] ?? key;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

// ---- page, fonts
document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
document.documentElement.dataset.theme = state.theme;
document.title = T('documentTitle');
// The page's text takes the regular subsets only, bold synthesised: with any bold face in the family a
// browser looks for bold characters in the bold faces alone, and those cover only the province labels.
for (const f of state.fonts) {
  if (/Bold/.test(f.name)) continue;
  document.fonts.add(new FontFace('Noto Sans SC', `url(${f.url})`, { unicodeRange: f.range.join(',') }));
}
const fontFaces: FontFaces = {};
for (const f of state.fonts) (fontFaces[f.name] ??= []).push({ url: f.url, 'unicode-range': f.range });

// ---- layout
const app = el('div', { class: 'viewer' });
const mapEl = el('div', { class: 'viewer-map', role: 'region', 'aria-label': T('mapLabel') });
const details = el('aside', { class: 'viewer-details', 'aria-live': 'polite', hidden: '' });
const storyBar = el('div', { class: 'viewer-story', hidden: '' });
const footer = el('footer', { class: 'viewer-footer', 'data-testid': 'viewer-footer' });
app.append(mapEl, details, storyBar, footer);
document.body.append(app);

const saved = new Date(state.savedAt);
const savedText = Number.isNaN(saved.getTime()) ? state.savedAt : saved.toLocaleString(state.lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
footer.append(
  el('strong', {}, T('what')),
  el('span', {}, `${T('savedAt')} ${savedText}`),
  el('span', {}, `${T('dataFrom')} ${state.dataSource}`),
  ...(state.userLayers.length ? [el('span', {}, `${T('userLayers')} ${state.userLayers.map((l) => l.name).join('、')}`)] : []),
  el('span', { class: 'viewer-app' }, `${T('savedWith')} · ${state.app.from}`),
);

// ---- map
const blob = new Blob([workerSource.replace(/\/\/# sourceMappingURL=\S+\s*$/, '')], { type: 'text/javascript' });
setWorkerUrl(URL.createObjectURL(blob));

/** Each base-map source is named by its key; the style gets the data itself in place of a URL. */
const keys = Object.keys(state.basemapData);
const urls = Object.fromEntries(keys.map((k) => [k, `saved:${k}`])) as unknown as BasemapUrls;
let style: StyleSpecification = buildBasemapStyle(urls, fontFaces, { lang: state.lang, ...state.basemap });
for (const source of Object.values(style.sources)) {
  if (source.type === 'geojson' && typeof source.data === 'string' && source.data.startsWith('saved:')) source.data = state.basemapData[source.data.slice(6)] as never;
}
if (state.theme === 'dark') style = recolorStyle(style, BASEMAP_PALETTES.dark);

const map = new MaplibreMap({
  container: mapEl,
  style,
  center: state.camera.center,
  zoom: state.camera.zoom,
  bearing: state.camera.bearing,
  pitch: state.camera.pitch,
  maxBounds: MAX_BOUNDS,
  minZoom: MIN_ZOOM,
  maxZoom: MAX_ZOOM,
  attributionControl: false,
  boxZoom: false,
  fadeDuration: labelFadeMs(),
});
map.addControl(new NavigationControl({ visualizePitch: true }), 'top-right');
map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
map.addControl(new AttributionControl({ compact: true, customAttribution: BASEMAP_ATTRIBUTION }), 'bottom-right');

// ---- what deck draws: the saved filters, or a chapter's
let visible = state.visible;
let selectedId = state.selectedId;
let version = 0;
const users = state.userLayers.map((l) => ({ id: l.id, features: l.features, color: l.color, style: l.style, shown: new Uint8Array(l.features.length).fill(1), filterVersion: 'saved' }));
function layers() {
  const input: PlanLayerInput = {
    drawn: state.items,
    links: state.links,
    linkItemIndex: state.linkItemIndex,
    linkLayers: state.linkLayers,
    visible,
    filterVersion: String(version),
    selectedId,
    drawnAreas: state.drawnAreas,
    userLayers: users,
    theme: state.theme,
  };
  return buildPlanLayers(input);
}
const overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
map.on('load', () => {
  // the attribution starts folded (its ⓘ opens it): unfolded it covers a phone's map
  const attribution = mapEl.querySelector('.maplibregl-ctrl-attrib');
  attribution?.classList.remove('maplibregl-compact-show');
  attribution?.removeAttribute('open');
  map.addControl(overlay);
  overlay.setProps({ layers: layers() });
});
function redraw() {
  version++;
  overlay.setProps({ layers: layers() });
}

// ---- details on click
const itemById = new Map([...state.items.map((i) => i.properties), ...state.linkedItems].map((p) => [p.id, p]));
function showDetails(title: string, rows: [string, string][], quote?: string) {
  details.replaceChildren();
  const close = el('button', { type: 'button', class: 'viewer-close', 'aria-label': T('close') }, '×');
  close.addEventListener('click', () => {
    details.hidden = true;
  });
  details.append(close, el('h2', {}, title));
  if (quote) details.append(el('blockquote', { lang: 'zh-CN' }, quote));
  if (rows.length) {
    const dl = el('dl');
    for (const [k, v] of rows) dl.append(el('dt', {}, k), el('dd', {}, v));
    details.append(dl);
  }
  details.hidden = false;
}
function itemDetails(p: PlanItem['properties']) {
  const rows: [string, string][] = [[T('kind'), T(`kind.${p.kind}`)]];
  if (state.lang === 'en') rows.push([T('summary'), p.summary_en]);
  for (const m of p.milestones) rows.push([T('milestone'), `${m.date} ${state.lang === 'zh' ? m.label_zh : m.label_en}`]);
  showDetails(state.lang === 'zh' ? p.name_zh : p.name_en, rows, p.quotes.join(' … '));
}
function featureDetails(layerName: string, f: ImportedFeature) {
  const rows = Object.entries(f.properties).map(([k, v]): [string, string] => [k, v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)]);
  showDetails(layerName, rows);
}
map.on('click', (e) => {
  const info = overlay.pickObject({ x: e.point.x, y: e.point.y, radius: 4 });
  const id = info?.layer?.id ?? '';
  if (info?.object && id.startsWith(USER_LAYER_PREFIX)) {
    const layer = state.userLayers.find((l) => id.startsWith(USER_LAYER_PREFIX + l.id));
    featureDetails(layer?.name ?? '', info.object as ImportedFeature);
    return;
  }
  const obj = info?.object as Partial<SavedItem> | PlanLink | undefined;
  const itemId = obj && 'properties' in obj && obj.properties ? ('item' in obj.properties ? obj.properties.item : (obj.properties as SavedItem['properties']).id) : null;
  const item = itemId ? itemById.get(itemId) : undefined;
  if (item) itemDetails(item);
  else details.hidden = true;
});
map.on('mousemove', (e) => {
  map.getCanvas().style.cursor = overlay.pickObject({ x: e.point.x, y: e.point.y, radius: 4 }) ? 'pointer' : '';
});

// ---- the story, full screen
const story = state.story;
let chapter = -1;
if (story && story.chapters.length) {
  const play = el('button', { type: 'button', class: 'viewer-play', 'data-testid': 'viewer-play' }, `▶ ${T('play')}`);
  footer.prepend(play);
  play.addEventListener('click', () => startStory());
}
const reduceMotion = prefersReducedMotion();
function showChapter(i: number) {
  if (!story) return;
  chapter = Math.max(0, Math.min(story.chapters.length - 1, i));
  const ch = story.chapters[chapter]!;
  visible = ch.visible;
  selectedId = ch.highlight;
  redraw();
  const camera = { center: ch.camera.center, zoom: ch.camera.zoom, bearing: ch.camera.bearing, pitch: ch.camera.pitch };
  if (reduceMotion) map.jumpTo(camera);
  else map.flyTo({ ...camera, duration: 1800, essential: false });
  storyBar.replaceChildren();
  const prev = el('button', { type: 'button', 'aria-label': T('previous') }, '‹');
  const next = el('button', { type: 'button', 'aria-label': T('next') }, '›');
  const exit = el('button', { type: 'button', class: 'viewer-close', 'aria-label': T('exit') }, '×');
  prev.disabled = chapter === 0;
  next.disabled = chapter === story.chapters.length - 1;
  prev.addEventListener('click', () => showChapter(chapter - 1));
  next.addEventListener('click', () => showChapter(chapter + 1));
  exit.addEventListener('click', () => stopStory());
  const body = el('div', { class: 'viewer-chapter' });
  body.append(el('p', { class: 'viewer-count', 'data-testid': 'viewer-chapter-count' }, `${chapter + 1} / ${story.chapters.length} · ${story.title}`), el('h2', { 'data-testid': 'viewer-chapter-title' }, ch.title));
  if (ch.caption) body.append(el('p', {}, ch.caption));
  if (ch.quote) body.append(el('blockquote', { lang: 'zh-CN' }, ch.quote));
  storyBar.append(prev, body, next, exit);
  storyBar.hidden = false;
}
function startStory() {
  app.classList.add('presenting');
  details.hidden = true;
  // Full screen is asked for but not required (a browser may refuse it); the story plays either way.
  void document.documentElement.requestFullscreen?.().catch(() => undefined);
  showChapter(0);
}
function stopStory() {
  app.classList.remove('presenting');
  storyBar.hidden = true;
  chapter = -1;
  visible = state.visible;
  selectedId = state.selectedId;
  redraw();
  map.jumpTo({ center: state.camera.center, zoom: state.camera.zoom, bearing: state.camera.bearing, pitch: state.camera.pitch });
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
}
document.addEventListener('fullscreenchange', () => {
  if (!document.fullscreenElement && chapter >= 0) stopStory();
});
document.addEventListener('keydown', (e) => {
  if (chapter < 0) return;
  if (['ArrowRight', 'PageDown', ' '].includes(e.key)) showChapter(chapter + 1);
  else if (['ArrowLeft', 'PageUp'].includes(e.key)) showChapter(chapter - 1);
  else if (e.key === 'Home') showChapter(0);
  else if (e.key === 'End') showChapter(Infinity);
  else if (e.key === 'Escape') stopStory();
  else return;
  e.preventDefault();
});

declare global {
  interface Window {
    /** The saved map's live map and overlay, for the e2e tests. */
    jjjAtlasViewer?: { map: MaplibreMap; overlay: MapLibreOverlay; chapter: () => number };
  }
}
window.jjjAtlasViewer = { map, overlay, chapter: () => chapter };
