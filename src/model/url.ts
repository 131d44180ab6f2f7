/**
 * The URL state codec (pure, no DOM): UrlState <-> location hash.
 * Why one long file: the link's format is documented here and every parameter's writer and
 * reader sit in one table below it; split, the format and its codec would drift apart.
 *
 * Format (parameters in this order, each omitted when it has its default value, except `lang`):
 *
 *   map=6.20/39.5000/116.4000   view: zoom (2 decimals) / lat / lon (4 decimals), the OSM/MapLibre
 *                               convention; omitted when view is null
 *   layers=g1,g3-transport      plan layers on, in PLAN_LAYER_KEYS order; `layers=none` = all off;
 *                               omitted when all are on. Decoding also accepts `g3` for its 4 themes
 *   kinds=site,line             kinds shown, in FILTER_KINDS order; `kinds=none` = none; omitted = all
 *   regions=110000,131000       region codes, sorted; omitted = any region
 *   months=6-9                  milestone month range, inclusive; decoding also accepts `6` for 6-6
 *   q=%E6%9C%BA%E5%9C%BA        search text, encodeURIComponent (so & = # % + , are escaped);
 *                               a literal '+' stays '+', it is not read as a space
 *   sel=daxing-airport          selected item id
 *   lang=en                     UI language; always written, so a shared link opens in the
 *                               sender's language (absent on decode = ctx.defaultLang)
 *   base=-counties,-rivers      base-map layers switched off (`-name`); decoding also accepts
 *                               `name` / `+name` for on; omitted when all are on
 *   bm=osm                      an online base map: osm | tianditu | amap |
 *                               style:<encodeURIComponent(https URL)>; omitted = the embedded map.
 *                               A Tianditu key is never written (it stays in the browser)
 *   areas=名称;c;116.4;39.9;50  drawn areas: circles (`;c;lon;lat;km`) and polygons (`;p;lon,lat,…`),
 *                               `|`-separated, names percent-encoded
 *   rsel=131000,130600          regions open in the region panel, in column order (two or more
 *                               are compared); county codes allowed; omitted = none
 *   level=prefecture            the region level chosen for clicks: province | prefecture | county;
 *                               omitted = auto (follows the zoom)
 *   choro=items/prefecture/natural/5   the choropleth: measure / level / method (quantile |
 *                               natural) / classes (2–9); omitted = off
 *   tab=regions                 the side panel's open tab: list | regions | story | data;
 *                               omitted = layers
 *   panel=closed                the side panel is closed; omitted = as the device opens it
 *   tl=7                        the 2019 timeline at month 7 (1–12); omitted = timeline off
 *   ch=3                        presenting the story, at chapter 3 (1-based); omitted = not presenting
 *   measure=116.4,39.9,117.2,39.1   the measured path, lon,lat pairs (4 decimals), ≥ 2 points
 *   story=…                     a story sent as a link (src/model/story/io.ts); read, never written
 *
 * Links written before rsel … measure existed simply lack them: they open as they always did.
 *
 * Each parameter is declared once, in PARAMS below: how it is written and how it is read.
 *
 * Decoding never throws. Every broken part falls back to its default, the good parts are kept,
 * and each broken part is reported as a UrlProblem:
 * - 'malformed': not parseable (bad number, bad percent-encoding in a name or value, an empty
 *   value (except `q=`, the empty text) or list (`layers=,`), a part without '=', a repeated
 *   parameter (the first one wins), a region that is not six digits);
 * - 'unknown': well-formed but not known (an unknown parameter name, layer key, kind, base-map
 *   layer, language, item id in `sel`, region code not in ctx.regionCodes (in `regions` and
 *   `rsel`), level, choropleth measure or method, tab, panel state);
 * - 'out-of-range': zoom outside 0–24, lat outside ±90, lon outside ±180, month outside 1–12
 *   or a reversed month range, choropleth classes outside 2–9, a chapter below 1, a measured
 *   point outside ±180/±90.
 * In lists (layers, kinds, regions, base) each bad entry is reported and dropped, the rest is
 * kept; if no valid entry is left, the whole list takes its default. Unknown parameters are
 * reported (so an outdated link is noticed) and otherwise ignored. Reported values are decoded
 * where possible and cut to 100 characters.
 *
 * Round trip: decodeUrlState(encodeUrlState(s)) gives back s with no problems for every valid
 * state in canonical form (normalizeFilters; view values at the URL's precision; text without
 * lone surrogates, which are replaced by U+FFFD).
 */
import type { DrawnArea } from './drawnArea';
import { CHOROPLETH_MEASURES, type ChoroplethMeasure, type ChoroplethSettings, type RegionLevel } from './analysis';
import { LANGUAGES, type Language } from '../i18n/language';
import { normalizeFilters } from './filters';
import { isHttpsUrl } from './remoteUrl';
import { roundCoordinate } from '../geo/roundCoordinates';
import { DEFAULT_BASEMAP, DEFAULT_FILTERS, FILTER_KINDS, PLAN_LAYER_KEYS, SIDEBAR_TABS, type SidebarTabKey, type BaseMapSource, type BasemapLayers, type FilterKind, type MapView, type PlanLayerKey, type UrlState } from './state';

export type UrlProblemReason = 'malformed' | 'unknown' | 'out-of-range';

export interface UrlProblem {
  /** The parameter name as found in the URL (e.g. 'map', 'layers', or an unknown name). */
  param: string;
  /** The offending value (a whole value, or one list entry), decoded if possible, ≤ 100 chars. */
  value: string;
  reason: UrlProblemReason;
}

export interface UrlDecodeContext {
  /** Ids of the plan items (for `sel`); null before the data has loaded (see checkAgainstData). */
  itemIds: ReadonlySet<string> | null;
  /** Region codes that may be filtered by (for `regions`); null before the data has loaded. */
  regionCodes: ReadonlySet<string> | null;
  /** The language when the URL has none (the browser's). */
  defaultLang: Language;
}

/** The URL parameters, in the order they are written. */
export const URL_PARAMS = [
  'map', 'layers', 'kinds', 'regions', 'months', 'q', 'sel', 'lang', 'base', 'bm', 'areas',
  'rsel', 'level', 'choro', 'tab', 'panel', 'tl', 'ch', 'measure', 'story',
] as const;
export type UrlParam = (typeof URL_PARAMS)[number];

export const VIEW_LIMITS = { zoom: [0, 24], lat: [-90, 90], lon: [-180, 180] } as const;

const BASEMAP_KEYS: (keyof BasemapLayers)[] = ['counties', 'labels', 'rivers'];
const NONE = 'none';
const MAX_PROBLEM_VALUE = 100;

/** The state of an empty hash. */
export function defaultUrlState(lang: Language): UrlState {
  return {
    view: null,
    filters: normalizeFilters(DEFAULT_FILTERS),
    basemap: { ...DEFAULT_BASEMAP },
    selected: null,
    lang,
  };
}

/** Replaces lone surrogates by U+FFFD (encodeURIComponent throws on them). */
function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function encodeList<T extends string>(on: readonly T[], all: readonly T[]): string | null {
  const set = new Set<string>(on);
  const list = all.filter((k) => set.has(k));
  if (list.length === all.length) return null;
  return list.length === 0 ? NONE : list.join(',');
}


function safeDecode(s: string): string | null {
  try {
    return wellFormed(decodeURIComponent(s));
  } catch {
    return null;
  }
}

function shorten(s: string): string {
  const w = wellFormed(s);
  if (w.length <= MAX_PROBLEM_VALUE) return w;
  // Do not cut a surrogate pair in half.
  return wellFormed(w.slice(0, MAX_PROBLEM_VALUE - 1)).replace(/\uFFFD$/, '') + '…';
}

export function isUrlParam(key: string): key is UrlParam {
  return (URL_PARAMS as readonly string[]).includes(key);
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

type Report = (value: string, reason: UrlProblemReason) => void;

function decodeView(value: string, report: Report): MapView | null {
  const parts = value.split('/');
  if (parts.length !== 3 || !parts.every((p) => DECIMAL.test(p))) {
    report(value, 'malformed');
    return null;
  }
  // + 0 turns -0 into 0.
  const [zoom, lat, lon] = parts.map((p) => Number(p) + 0) as [number, number, number];
  const inRange = (x: number, [lo, hi]: readonly [number, number]) => Number.isFinite(x) && x >= lo && x <= hi;
  if (!inRange(zoom, VIEW_LIMITS.zoom) || !inRange(lat, VIEW_LIMITS.lat) || !inRange(lon, VIEW_LIMITS.lon)) {
    report(value, 'out-of-range');
    return null;
  }
  return { zoom, lat, lon };
}

/** Entries of a list value; empty entries (",,") are skipped; a list without entries is malformed. */
function listEntries(value: string, report: Report): string[] {
  const entries = value.split(',').filter((t) => t !== '');
  if (entries.length === 0) report(value, 'malformed');
  return entries;
}

function decodeKeyList<T extends string>(
  value: string,
  all: readonly T[],
  aliases: ReadonlyMap<string, readonly T[]>,
  report: Report,
): T[] | null {
  if (value === NONE) return [];
  const on = new Set<string>();
  for (const entry of listEntries(value, report)) {
    const alias = aliases.get(entry);
    if (alias !== undefined) for (const k of alias) on.add(k);
    else if ((all as readonly string[]).includes(entry)) on.add(entry);
    else report(entry, 'unknown');
  }
  if (on.size === 0) return null;
  return all.filter((k) => on.has(k));
}

const LAYER_ALIASES = new Map<string, readonly PlanLayerKey[]>([
  ['g3', PLAN_LAYER_KEYS.filter((k) => k.startsWith('g3-'))],
]);
const NO_ALIASES = new Map<string, readonly FilterKind[]>();

function decodeRegions(value: string, ctx: UrlDecodeContext, report: Report): string[] | null {
  const codes = new Set<string>();
  for (const entry of listEntries(value, report)) {
    if (!/^\d{6}$/.test(entry)) report(entry, 'malformed');
    else if (ctx.regionCodes && !ctx.regionCodes.has(entry)) report(entry, 'unknown');
    else codes.add(entry);
  }
  return codes.size === 0 ? null : [...codes].sort();
}

function decodeMonths(value: string, report: Report): [number, number] | null {
  const m = /^(\d{1,2})(?:-(\d{1,2}))?$/.exec(value);
  if (m === null) {
    report(value, 'malformed');
    return null;
  }
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (from < 1 || from > 12 || to < 1 || to > 12 || from > to) {
    report(value, 'out-of-range');
    return null;
  }
  return [from, to];
}

function encodeBaseMapSource(source: BaseMapSource | undefined): string | null {
  if (!source || source.kind === 'embedded') return null;
  return source.kind === 'style' ? `style:${encodeURIComponent(wellFormed(source.url))}` : source.kind;
}

function decodeBaseMapSource(value: string, report: Report): BaseMapSource | null {
  if (value === 'osm' || value === 'tianditu' || value === 'amap' || value === 'embedded') return { kind: value };
  if (value.startsWith('style:')) {
    const url = value.slice('style:'.length);
    if (isHttpsUrl(url)) return { kind: 'style', url };
    report(value, 'malformed');
    return null;
  }
  report(value, 'unknown');
  return null;
}

function decodeBasemap(value: string, report: Report): BasemapLayers | null {
  const basemap = { ...DEFAULT_BASEMAP };
  let valid = 0;
  for (const entry of listEntries(value, report)) {
    const m = /^([+-]?)(.*)$/s.exec(entry)!;
    const name = m[2]!;
    if ((BASEMAP_KEYS as string[]).includes(name)) {
      basemap[name as keyof BasemapLayers] = m[1] !== '-';
      valid++;
    } else report(entry, 'unknown');
  }
  return valid === 0 ? null : basemap;
}

/**
 * Drawn areas: `areas=<area>|<area>…`, each `<name>;c;<lon>;<lat>;<radius km>` (a circle) or
 * `<name>;p;<lon>,<lat>,<lon>,<lat>…` (a polygon's outer ring, not repeating the first point).
 * Names are percent-encoded, so `|` and `;` inside a name cannot break the list.
 */
function encodeAreas(areas: readonly DrawnArea[]): string {
  const n = (v: number) => String(roundCoordinate(v, 4));
  return areas
    .map((a) => {
      const name = encodeURIComponent(wellFormed(a.name)).replace(/[;|]/g, encodeURIComponent);
      if (a.shape.kind === 'circle') return `${name};c;${n(a.shape.center[0])};${n(a.shape.center[1])};${n(a.shape.radiusKm)}`;
      const ring = a.shape.coordinates.slice(0, -1);
      return `${name};p;${ring.map(([x, y]) => `${n(x)},${n(y)}`).join(',')}`;
    })
    .join('|');
}

function decodeAreas(raw: string, report: Report): DrawnArea[] | null {
  const out: DrawnArea[] = [];
  const okLonLat = (x: number, y: number) => Number.isFinite(x) && Number.isFinite(y) && Math.abs(x) <= 180 && Math.abs(y) <= 90;
  for (const entry of raw.split('|')) {
    const fields = entry.split(';');
    const name = safeDecode(fields[0] ?? '');
    if (name === null || fields.length < 3) {
      report(safeDecode(entry) ?? entry, 'malformed');
      continue;
    }
    const id = `area-${out.length + 1}`;
    if (fields[1] === 'c' && fields.length === 5) {
      const [x, y, r] = fields.slice(2).map(Number) as [number, number, number];
      if (okLonLat(x, y) && Number.isFinite(r) && r > 0 && r <= 2000) {
        out.push({ id, name, shape: { kind: 'circle', center: [x, y], radiusKm: r } });
        continue;
      }
      report(name, 'out-of-range');
      continue;
    }
    if (fields[1] === 'p' && fields.length === 3) {
      const nums = fields[2]!.split(',').map(Number);
      const ring: [number, number][] = [];
      for (let i = 0; i + 1 < nums.length; i += 2) ring.push([nums[i]!, nums[i + 1]!]);
      if (nums.length % 2 === 0 && ring.length >= 3 && ring.every(([x, y]) => okLonLat(x, y))) {
        out.push({ id, name, shape: { kind: 'polygon', coordinates: [...ring, ring[0]!] } });
        continue;
      }
      report(name, 'malformed');
      continue;
    }
    report(name, 'malformed');
  }
  return out.length > 0 ? out : null;
}

const REGION_LEVELS: readonly RegionLevel[] = ['province', 'prefecture', 'county'];
const CHOROPLETH_METHODS: readonly ChoroplethSettings['method'][] = ['quantile', 'natural'];
/** The class counts a choropleth can have (the panel offers 3–7; a link may say 2–9). */
export const CHOROPLETH_CLASSES = [2, 9] as const;

/** Regions in the order given (the comparison's column order), each once. */
function decodeRegionSelection(value: string, ctx: UrlDecodeContext, report: Report): string[] | null {
  const codes: string[] = [];
  for (const entry of listEntries(value, report)) {
    if (!/^\d{6}$/.test(entry)) report(entry, 'malformed');
    else if (ctx.regionCodes && !ctx.regionCodes.has(entry)) report(entry, 'unknown');
    else if (!codes.includes(entry)) codes.push(entry);
  }
  return codes.length === 0 ? null : codes;
}

function decodeChoropleth(value: string, report: Report): ChoroplethSettings | null {
  const parts = value.split('/');
  if (parts.length !== 4 || !/^\d{1,2}$/.test(parts[3]!)) {
    report(value, 'malformed');
    return null;
  }
  const [measure, level, method] = parts as [string, string, string];
  const classes = Number(parts[3]);
  if (!(CHOROPLETH_MEASURES as string[]).includes(measure) || !(REGION_LEVELS as string[]).includes(level) || !(CHOROPLETH_METHODS as string[]).includes(method)) {
    report(value, 'unknown');
    return null;
  }
  if (classes < CHOROPLETH_CLASSES[0] || classes > CHOROPLETH_CLASSES[1]) {
    report(value, 'out-of-range');
    return null;
  }
  return { measure: measure as ChoroplethMeasure, level: level as RegionLevel, method: method as ChoroplethSettings['method'], classes };
}

/** A positive whole number up to `max`, or null (reported). */
function decodeWhole(value: string, max: number, report: Report): number | null {
  if (!/^\d{1,4}$/.test(value)) {
    report(value, 'malformed');
    return null;
  }
  const n = Number(value);
  if (n < 1 || n > max) {
    report(value, 'out-of-range');
    return null;
  }
  return n;
}


function decodeMeasure(value: string, report: Report): [number, number][] | null {
  const nums = value.split(',');
  if (nums.length < 4 || nums.length % 2 !== 0 || !nums.every((n) => DECIMAL.test(n))) {
    report(value, 'malformed');
    return null;
  }
  const path: [number, number][] = [];
  for (let i = 0; i < nums.length; i += 2) path.push([Number(nums[i]) + 0, Number(nums[i + 1]) + 0]);
  if (!path.every(([x, y]) => Math.abs(x) <= 180 && Math.abs(y) <= 90)) {
    report(value, 'out-of-range');
    return null;
  }
  return path;
}

/**
 * Every parameter, declared once: how it is written (null = left out, it has its default) and
 * how it is read. `read` gets the percent-decoded value (never empty but for `q`) and the raw
 * one; it sets what it reads on the state and reports what it cannot use.
 */
interface UrlParamCodec {
  write: (state: UrlState) => string | null;
  read: (value: string, raw: string, state: UrlState, ctx: UrlDecodeContext, report: Report) => void;
  /** An empty value is the default, not a broken one (`q=` is the empty text). */
  emptyIsValue?: boolean;
}

const PARAMS: Record<UrlParam, UrlParamCodec> = {
  map: {
    write: ({ view }) => (view === null ? null : `${view.zoom.toFixed(2)}/${view.lat.toFixed(4)}/${view.lon.toFixed(4)}`),
    read: (v, _raw, state, _ctx, report) => {
      state.view = decodeView(v, report);
    },
  },
  layers: {
    write: ({ filters }) => encodeList(filters.layers, PLAN_LAYER_KEYS),
    read: (v, _raw, state, _ctx, report) => {
      state.filters.layers = decodeKeyList(v, PLAN_LAYER_KEYS, LAYER_ALIASES, report) ?? state.filters.layers;
    },
  },
  kinds: {
    write: ({ filters }) => encodeList(filters.kinds, FILTER_KINDS),
    read: (v, _raw, state, _ctx, report) => {
      state.filters.kinds = decodeKeyList(v, FILTER_KINDS, NO_ALIASES, report) ?? state.filters.kinds;
    },
  },
  regions: {
    write: ({ filters }) => (filters.regions.length > 0 ? [...new Set(filters.regions)].sort().map(encodeURIComponent).join(',') : null),
    read: (v, _raw, state, ctx, report) => {
      state.filters.regions = decodeRegions(v, ctx, report) ?? state.filters.regions;
    },
  },
  months: {
    write: ({ filters }) => (filters.months !== null ? `${filters.months[0]}-${filters.months[1]}` : null),
    read: (v, _raw, state, _ctx, report) => {
      state.filters.months = decodeMonths(v, report);
    },
  },
  q: {
    write: ({ filters }) => (filters.text !== '' ? encodeURIComponent(wellFormed(filters.text)) : null),
    read: (v, _raw, state) => {
      state.filters.text = v;
    },
    emptyIsValue: true,
  },
  sel: {
    write: ({ selected }) => (selected !== null ? encodeURIComponent(wellFormed(selected)) : null),
    read: (v, _raw, state, ctx, report) => {
      if (!ctx.itemIds || ctx.itemIds.has(v)) state.selected = v;
      else report(v, 'unknown');
    },
  },
  // always written, so a shared link opens in the sender's language
  lang: {
    write: ({ lang }) => encodeURIComponent(lang),
    read: (v, _raw, state, _ctx, report) => {
      if ((LANGUAGES as string[]).includes(v)) state.lang = v as Language;
      else report(v, 'unknown');
    },
  },
  base: {
    write: ({ basemap }) => {
      const off = BASEMAP_KEYS.filter((k) => !basemap[k]);
      return off.length > 0 ? off.map((k) => `-${k}`).join(',') : null;
    },
    read: (v, _raw, state, _ctx, report) => {
      state.basemap = decodeBasemap(v, report) ?? state.basemap;
    },
  },
  bm: {
    write: ({ source }) => encodeBaseMapSource(source),
    read: (v, _raw, state, _ctx, report) => {
      const source = decodeBaseMapSource(v, report);
      if (source && source.kind !== 'embedded') state.source = source;
    },
  },
  areas: {
    write: ({ areas }) => (areas && areas.length > 0 ? encodeAreas(areas) : null),
    read: (_v, raw, state, _ctx, report) => {
      const areas = decodeAreas(raw, report);
      if (areas) state.areas = areas;
    },
  },
  rsel: {
    write: ({ regionSelection }) => (regionSelection && regionSelection.length > 0 ? regionSelection.map(encodeURIComponent).join(',') : null),
    read: (v, _raw, state, ctx, report) => {
      const codes = decodeRegionSelection(v, ctx, report);
      if (codes) state.regionSelection = codes;
    },
  },
  level: {
    write: ({ regionLevel }) => (regionLevel && regionLevel !== 'auto' ? regionLevel : null),
    read: (v, _raw, state, _ctx, report) => {
      if ((REGION_LEVELS as string[]).includes(v)) state.regionLevel = v as RegionLevel;
      else if (v !== 'auto') report(v, 'unknown');
    },
  },
  choro: {
    write: ({ choropleth: c }) => (c ? `${c.measure}/${c.level}/${c.method}/${c.classes}` : null),
    read: (v, _raw, state, _ctx, report) => {
      const c = decodeChoropleth(v, report);
      if (c) state.choropleth = c;
    },
  },
  tab: {
    write: ({ tab }) => (tab && tab !== 'layers' ? tab : null),
    read: (v, _raw, state, _ctx, report) => {
      if ((SIDEBAR_TABS as readonly string[]).includes(v)) {
        if (v !== 'layers') state.tab = v as SidebarTabKey;
      } else report(v, 'unknown');
    },
  },
  panel: {
    write: ({ panelOpen }) => (panelOpen === false ? 'closed' : null),
    read: (v, _raw, state, _ctx, report) => {
      if (v === 'closed') state.panelOpen = false;
      else if (v !== 'open') report(v, 'unknown');
    },
  },
  tl: {
    write: ({ timelineMonth }) => (timelineMonth !== undefined ? String(timelineMonth) : null),
    read: (v, _raw, state, _ctx, report) => {
      const m = decodeWhole(v, 12, report);
      if (m !== null) state.timelineMonth = m;
    },
  },
  // 1-based in the link, as the presentation counts chapters; the story decides how many there are
  ch: {
    write: ({ chapter }) => (chapter !== undefined ? String(chapter + 1) : null),
    read: (v, _raw, state, _ctx, report) => {
      const n = decodeWhole(v, 9999, report);
      if (n !== null) state.chapter = n - 1;
    },
  },
  measure: {
    write: ({ measure }) => (measure && measure.length >= 2 ? measure.map(([x, y]) => `${roundCoordinate(x, 4)},${roundCoordinate(y, 4)}`).join(',') : null),
    read: (v, _raw, state, _ctx, report) => {
      const path = decodeMeasure(v, report);
      if (path) state.measure = path;
    },
  },
  // A story travelling in a link: taken when the page opens and checked by the story loader
  // (quotes against the release). It is not written back: once open, the story is the person's.
  story: {
    write: () => null,
    read: (_v, raw, state) => {
      state.story = raw;
    },
  },
};

/** The hash (without '#') for a state. Equal states (up to list order) give equal strings. */
export function encodeUrlState(state: UrlState): string {
  const parts: string[] = [];
  for (const key of URL_PARAMS) {
    const value = PARAMS[key].write(state);
    if (value !== null) parts.push(`${key}=${value}`);
  }
  return parts.join('&');
}

function decodeParts(hash: string, ctx: UrlDecodeContext, state: UrlState, problems: UrlProblem[]): void {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const seen = new Set<string>();
  for (const part of body.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    const decodedKey = safeDecode(rawKey);
    const key = decodedKey ?? rawKey;
    const decoded = safeDecode(rawValue);
    const problem = (value: string, reason: UrlProblemReason) => problems.push({ param: shorten(key), value: shorten(value), reason });
    if (decodedKey === null) {
      problem(decoded ?? rawValue, 'malformed');
      continue;
    }
    if (!isUrlParam(key)) {
      problem(decoded ?? rawValue, 'unknown');
      continue;
    }
    if (seen.has(key)) {
      problem(decoded ?? rawValue, 'malformed');
      continue;
    }
    seen.add(key);
    if (decoded === null) {
      problem(rawValue, 'malformed');
      continue;
    }
    if (eq < 0 || (decoded === '' && !PARAMS[key].emptyIsValue)) {
      problem('', 'malformed');
      continue;
    }
    PARAMS[key].read(decoded, rawValue, state, ctx, problem);
  }
}

/**
 * The state in a hash (with or without the leading '#'). Never throws: broken parts take their
 * defaults and are listed in `problems` (see the top of this file).
 */
export function decodeUrlState(hash: string, ctx: UrlDecodeContext): { state: UrlState; problems: UrlProblem[] } {
  const state = defaultUrlState(ctx.defaultLang);
  const problems: UrlProblem[] = [];
  try {
    decodeParts(String(hash), ctx, state, problems);
    return { state, problems };
  } catch {
    // Not expected (the decoders do not throw); kept so that no input can crash the app.
    return {
      state: defaultUrlState(ctx.defaultLang),
      problems: [{ param: '', value: shorten(String(hash)), reason: 'malformed' }],
    };
  }
}

/**
 * The parts of a state decoded before the data loaded (ids and region codes unknown then) that
 * the data does not know: the selection, filter regions and opened regions it lacks are dropped and reported,
 * as decodeUrlState with the data would have. The link is decoded once, when the page opens.
 */
export function checkAgainstData(state: UrlState, data: { itemIds: ReadonlySet<string>; regionCodes: ReadonlySet<string> }): { state: UrlState; problems: UrlProblem[] } {
  const problems: UrlProblem[] = [];
  let selected = state.selected;
  if (selected !== null && !data.itemIds.has(selected)) {
    problems.push({ param: 'sel', value: shorten(selected), reason: 'unknown' });
    selected = null;
  }
  const regions = state.filters.regions.filter((code) => {
    if (data.regionCodes.has(code)) return true;
    problems.push({ param: 'regions', value: shorten(code), reason: 'unknown' });
    return false;
  });
  const opened = state.regionSelection?.filter((code) => {
    if (data.regionCodes.has(code)) return true;
    problems.push({ param: 'rsel', value: shorten(code), reason: 'unknown' });
    return false;
  });
  const checked: UrlState = { ...state, selected, filters: { ...state.filters, regions } };
  if (opened !== undefined) {
    if (opened.length > 0) checked.regionSelection = opened;
    else delete checked.regionSelection;
  }
  return { state: checked, problems };
}
