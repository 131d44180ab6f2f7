/**
 * Online base maps: what each one is and how it becomes MapLibre sources and layers.
 * Pure: no map, no network. ./switch.ts puts the result on the live map; see ./README.md for why
 * they are merged under the app's layers instead of replacing the style.
 *
 * - OpenStreetMap standard tiles (WGS-84 / Web Mercator), under the OSM tile usage policy.
 * - 天地图 Tianditu vector map + Chinese annotation (CGCS2000, treated as WGS-84: they differ by
 *   centimetres), with the person's own key.
 * - 高德 AMap/Gaode road map, drawn in GCJ-02: overlays are shifted for display (src/geo/displayCrs.ts).
 * - Any MapLibre style (version 8) by https URL: its sources and layers, glyphs and sprite.
 */
import type { LayerSpecification, SourceSpecification, SpriteSpecification, StyleSpecification } from 'maplibre-gl';
import type { DisplayCrs } from '../../geo/displayCrs';
import type { BaseMapSource } from '../../model/state';
import { attributionAsHtmlText } from '../../model/attributionText';

export type OnlineKind = 'osm' | 'tianditu' | 'amap';

export interface RasterBaseMap {
  kind: OnlineKind;
  /** Tile URL templates ({z}/{x}/{y}); `{key}` is replaced by the person's key. */
  tiles: string[][];
  attribution: string;
  crs: DisplayCrs;
  maxzoom: number;
  needsKey: boolean;
}

export const RASTER_BASEMAPS: Record<OnlineKind, RasterBaseMap> = {
  osm: {
    kind: 'osm',
    tiles: [['https://tile.openstreetmap.org/{z}/{x}/{y}.png']],
    attribution: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    crs: 'wgs84',
    maxzoom: 19,
    needsKey: false,
  },
  tianditu: {
    kind: 'tianditu',
    // Two layers: the vector map (vec) and its Chinese annotation (cva), Web Mercator ("_w").
    tiles: ['vec', 'cva'].map((layer) =>
      [0, 1, 2, 3, 4, 5, 6, 7].map(
        (n) =>
          `https://t${n}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}`,
      ),
    ),
    attribution: '© <a href="https://www.tianditu.gov.cn/">天地图 Tianditu</a> (国家地理信息公共服务平台)',
    crs: 'wgs84',
    maxzoom: 18,
    needsKey: true,
  },
  amap: {
    kind: 'amap',
    tiles: [[1, 2, 3, 4].map((n) => `https://webrd0${n}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}`)],
    attribution: '© <a href="https://www.amap.com/">高德地图 AMap</a> (GCJ-02)',
    crs: 'gcj02',
    maxzoom: 18,
    needsKey: false,
  },
};

/** Ids of everything an online base map adds to the style start with this. */
export const ONLINE_PREFIX = 'online:';

export interface OnlineStyleParts {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
  glyphs?: string;
  sprite?: SpriteSpecification;
}

/** Sources and layers for a raster base map (one raster layer per tile set, bottom first). */
export function rasterBaseMapParts(kind: OnlineKind, key = ''): OnlineStyleParts {
  const def = RASTER_BASEMAPS[kind];
  const sources: Record<string, SourceSpecification> = {};
  const layers: LayerSpecification[] = [];
  def.tiles.forEach((tiles, i) => {
    const id = `${ONLINE_PREFIX}${kind}-${i}`;
    sources[id] = {
      type: 'raster',
      tiles: tiles.map((t) => t.replace('{key}', encodeURIComponent(key))),
      tileSize: 256,
      maxzoom: def.maxzoom,
      // the attribution once, on the first tile set
      ...(i === 0 ? { attribution: def.attribution } : {}),
    };
    layers.push({ id, type: 'raster', source: id });
  });
  return { sources, layers };
}

/** Why a style document cannot be used (English; the UI words it by `code`). */
export class StyleProblem extends Error {
  constructor(
    readonly code: 'not-json' | 'not-a-style' | 'unsupported-url' | 'no-layers' | 'too-large' | 'insecure',
    message: string,
  ) {
    super(message);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The most layers and sources a remote style may add: real base map styles have a few hundred
 * layers and a handful of sources; a style with thousands stops the map drawing for minutes.
 */
export const MAX_STYLE_LAYERS = 1000;
export const MAX_STYLE_SOURCES = 50;

/**
 * Make a URL in a style absolute (relative to the style's own URL); mapbox:// is refused, and so
 * is plain http:// (the page's policy would block it in the page but not in MapLibre's worker).
 */
function absolute(url: string, base: string): string {
  if (/^mapbox:/i.test(url)) throw new StyleProblem('unsupported-url', `mapbox:// URLs need a Mapbox account and are not supported: ${url.slice(0, 80)}`);
  // {z}/{x}/{y} and {fontstack}/{range} placeholders survive new URL() as %7B…%7D: put them back.
  const href = new URL(url, base).href.replace(/%7B/gi, '{').replace(/%7D/gi, '}');
  if (!href.startsWith('https:')) throw new StyleProblem('insecure', `only https:// addresses are loaded; the style names ${href.slice(0, 80)}`);
  return href;
}

/** The hosts an online base map loads from, as far as they are known before loading it. */
export function baseMapHosts(source: BaseMapSource): string[] {
  const urls = source.kind === 'style' ? [source.url] : source.kind === 'embedded' ? [] : RASTER_BASEMAPS[source.kind].tiles.flat();
  const hosts = new Set<string>();
  for (const u of urls) {
    try {
      hosts.add(new URL(u.replace(/[{}]/g, '')).host);
    } catch {
      // not a URL: nothing to name
    }
  }
  return [...hosts];
}

/**
 * The parts of a MapLibre style document fetched from `styleUrl`: its sources and layers with
 * ids prefixed (so they never collide with the app's), relative URLs resolved, and its glyphs
 * and sprite. Throws StyleProblem when the document is not a usable style.
 */
export function externalStyleParts(doc: unknown, styleUrl: string): OnlineStyleParts {
  if (!isRecord(doc) || doc.version !== 8 || !isRecord(doc.sources) || !Array.isArray(doc.layers)) {
    throw new StyleProblem('not-a-style', 'This is not a MapLibre style: it needs "version": 8, "sources" and "layers".');
  }
  const style = doc as unknown as StyleSpecification;
  const nSources = Object.keys(style.sources).length;
  if (style.layers.length > MAX_STYLE_LAYERS || nSources > MAX_STYLE_SOURCES) {
    throw new StyleProblem('too-large', `the style has ${style.layers.length} layers and ${nSources} sources (at most ${MAX_STYLE_LAYERS} and ${MAX_STYLE_SOURCES})`);
  }
  const sources: Record<string, SourceSpecification> = {};
  for (const [id, src] of Object.entries(style.sources)) {
    const s = { ...src } as SourceSpecification & { url?: string; tiles?: string[]; data?: unknown; attribution?: unknown };
    // shown as plain text: no links or images of the style's choosing over the map
    if (typeof s.attribution === 'string') s.attribution = attributionAsHtmlText(s.attribution);
    else delete s.attribution;
    if (typeof s.url === 'string') s.url = absolute(s.url, styleUrl);
    if (Array.isArray(s.tiles)) s.tiles = s.tiles.map((t) => absolute(t, styleUrl));
    if (typeof s.data === 'string') s.data = absolute(s.data, styleUrl);
    sources[ONLINE_PREFIX + id] = s;
  }
  const layers: LayerSpecification[] = [];
  for (const layer of style.layers) {
    if (!isRecord(layer) || typeof layer.id !== 'string' || typeof layer.type !== 'string') continue;
    const out = { ...layer, id: ONLINE_PREFIX + layer.id } as LayerSpecification & { source?: unknown };
    if (typeof out.source === 'string') out.source = ONLINE_PREFIX + out.source;
    layers.push(out);
  }
  if (layers.length === 0) throw new StyleProblem('no-layers', 'The style has no layers to draw.');
  const parts: OnlineStyleParts = { sources, layers };
  if (typeof style.glyphs === 'string') parts.glyphs = absolute(style.glyphs, styleUrl);
  if (typeof style.sprite === 'string') parts.sprite = absolute(style.sprite, styleUrl);
  else if (Array.isArray(style.sprite)) parts.sprite = style.sprite.map((s) => ({ id: s.id, url: absolute(s.url, styleUrl) }));
  return parts;
}

/** Parse a fetched style's text; a clear StyleProblem if it is not JSON. */
export function parseStyleText(text: string, styleUrl: string): OnlineStyleParts {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new StyleProblem('not-json', 'The address did not return JSON (is it a style.json?).');
  }
  return externalStyleParts(doc, styleUrl);
}
