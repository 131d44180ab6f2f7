/**
 * The plan filters applied to the person's own layers. Pure, no DOM.
 *
 * A user-layer feature passes when:
 * - `filters.text` is blank, or every term (normalised as in ./filters.ts) occurs in the text of
 *   one of its property values (property names do not count);
 * - `filters.regions` is empty, or one of the regions the feature lies in or touches is one of
 *   them. Which regions a feature touches comes from the aggregation engine (prefectures, each
 *   with its province; see useUserFeatureRegions); until that is known for a layer, the layer
 *   shows nothing while a region filter is on (`pending`), so what is drawn and what is counted
 *   always agree.
 * - none of the layer's legend classes it is in is switched off (`hiddenClasses`, the classes of
 *   the layer's style by attribute).
 * The plan's layer, kind and month filters do not apply to user layers.
 */
import type { ImportedFeature } from '../data/import/types';
import type { AggregatableItem } from '../geo/aggregate/features';
import { normalizeSearchText, parseSearchTerms } from './filters';
import type { Filters } from './state';
import { hiddenClassMask, styledUserLayer, type UserLayerStyle } from './userLayerStyle';

/** Region codes per feature of a layer: each prefecture it touches and that prefecture's province. */
export type FeatureRegions = readonly (readonly string[])[];

export interface UserLayerFilter {
  /** Per feature: 1 = passes the filters. */
  shown: Uint8Array;
  /** Features that pass. */
  count: number;
  /** A region filter is on and the layer's regions are not known yet. */
  pending: boolean;
}

export interface FilteredUserLayers {
  byLayer: Map<string, UserLayerFilter>;
  /** Changes whenever any `shown` does (for deck.gl updateTriggers and cache keys). */
  version: string;
}

/** A property value as searchable text. */
function valueText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** The normalised text a feature is searched in: its property values, one per line. */
export function userFeatureText(properties: Record<string, unknown> | null): string {
  if (!properties) return '';
  return normalizeSearchText(Object.values(properties).map(valueText).join('\n'));
}

const textIndexes = new WeakMap<readonly ImportedFeature[], string[]>();
/** userFeatureText of every feature, computed once per features array. */
export function userTextIndex(features: readonly ImportedFeature[]): string[] {
  let t = textIndexes.get(features);
  if (!t) {
    t = features.map((f) => userFeatureText(f.properties));
    textIndexes.set(features, t);
  }
  return t;
}

interface LayerLike {
  id: string;
  features: readonly ImportedFeature[];
  /** for the legend classes switched off */
  color?: string;
  style?: UserLayerStyle;
  hiddenClasses?: readonly string[];
}

export function filterUserLayers(
  layers: readonly LayerLike[],
  filters: Pick<Filters, 'text' | 'regions'>,
  regionsOf: (layerId: string) => FeatureRegions | undefined,
): FilteredUserLayers {
  const terms = parseSearchTerms(filters.text);
  const regionSet = filters.regions.length > 0 ? new Set(filters.regions) : null;
  const byLayer = new Map<string, UserLayerFilter>();
  const known: string[] = [];
  for (const l of layers) {
    const n = l.features.length;
    const shown = new Uint8Array(n);
    const regions = regionSet ? regionsOf(l.id) : undefined;
    const pending = regionSet !== null && (regions === undefined || regions.length !== n);
    if (regions && !pending) known.push(l.id);
    let count = 0;
    const styled = l.hiddenClasses?.length ? styledUserLayer({ features: l.features, color: l.color ?? '#000000', ...(l.style ? { style: l.style } : {}) }) : null;
    const hiddenClass = styled ? hiddenClassMask(styled, l.hiddenClasses) : null;
    if (!pending && terms.length === 0 && !regionSet && !hiddenClass) {
      shown.fill(1);
      count = n;
    } else if (!pending) {
      const text = terms.length > 0 ? userTextIndex(l.features) : null;
      for (let i = 0; i < n; i++) {
        if (hiddenClass && hiddenClass[styled!.classOf[i]!]) continue;
        if (text) {
          const t = text[i]!;
          if (!terms.every((term) => t.includes(term))) continue;
        }
        if (regionSet) {
          const codes = regions![i]!;
          let any = false;
          for (let j = 0; j < codes.length && !any; j++) any = regionSet.has(codes[j]!);
          if (!any) continue;
        }
        shown[i] = 1;
        count++;
      }
    }
    byLayer.set(l.id, { shown, count, pending });
  }
  const version = JSON.stringify([
    terms,
    regionSet ? [...regionSet].sort() : [],
    layers.map((l) => `${l.id}:${l.features.length}${l.hiddenClasses?.length ? `:${JSON.stringify(l.style)}:${[...l.hiddenClasses].sort().join('|')}` : ''}`),
    known,
  ]);
  return { byLayer, version };
}

/** The id a user-layer feature has in the aggregation engine, and back. */
export function userItemId(layerId: string, index: number): string {
  return `user:${layerId}:${index}`;
}
export function parseUserItemId(id: string): { layerId: string; index: number } | null {
  const m = /^user:(.+):(\d+)$/.exec(id);
  return m ? { layerId: m[1]!, index: Number(m[2]) } : null;
}

/** The user layers' features as items of the aggregation engine, all layers in order. */
export interface UserItems {
  /** Built on first use (only regional numbers and the region filter need them). */
  readonly items: AggregatableItem[];
  /** Number of items (features of all layers). */
  total: number;
  /** Changes when a layer is added or removed (not when it is restyled, renamed or switched). */
  version: string;
  /** Per layer: the index of its first feature in `items`, and its feature count. */
  spans: { id: string; start: number; count: number }[];
}

const itemCache = new WeakMap<readonly ImportedFeature[], AggregatableItem[]>();
function itemsOfLayer(l: LayerLike): AggregatableItem[] {
  let items = itemCache.get(l.features);
  if (!items) {
    items = l.features.map((f, i) => ({ type: 'Feature', properties: { id: userItemId(l.id, i), group: 0, kind: geometryKind(f) }, geometry: f.geometry }));
    itemCache.set(l.features, items);
  }
  return items;
}

export type UserGeometryKind = 'point' | 'line' | 'area' | 'other';
export function geometryKind(f: { geometry: { type: string } | null }): UserGeometryKind {
  switch (f.geometry?.type) {
    case 'Point':
    case 'MultiPoint':
      return 'point';
    case 'LineString':
    case 'MultiLineString':
      return 'line';
    case 'Polygon':
    case 'MultiPolygon':
      return 'area';
    default:
      return 'other';
  }
}

export function userItemsOf(layers: readonly LayerLike[]): UserItems {
  const spans: UserItems['spans'] = [];
  let total = 0;
  for (const l of layers) {
    spans.push({ id: l.id, start: total, count: l.features.length });
    total += l.features.length;
  }
  let items: AggregatableItem[] | null = null;
  return {
    get items() {
      if (!items) {
        items = [];
        for (const l of layers) for (const it of itemsOfLayer(l)) items.push(it);
      }
      return items;
    },
    total,
    version: spans.map((s) => `${s.id}:${s.count}`).join(','),
    spans,
  };
}

/** What a region (or drawn area) holds of one user layer. */
export interface UserLayerFigures {
  layerId: string;
  /** Features touching the region. */
  features: number;
  /** Point features in it. */
  points: number;
  /** Line features touching it, and their km inside it. */
  lines: number;
  lineKm: number;
  /** Area features overlapping it, and their km² inside it. */
  areas: number;
  areaKm2: number;
}

/**
 * Per user layer (in `layerIds` order, all of them, zeros included), the figures of a region
 * from the engine's summary of the user features (item ids from userItemId, kinds from
 * geometryKind).
 */
export function userLayerFigures(
  summary: { itemIds: readonly string[]; lines: readonly { id: string; km: number }[]; areas: readonly { id: string; km2: number }[] },
  kindOf: (layerId: string, index: number) => UserGeometryKind,
  layerIds: readonly string[],
): UserLayerFigures[] {
  const by = new Map<string, UserLayerFigures>(layerIds.map((id) => [id, { layerId: id, features: 0, points: 0, lines: 0, lineKm: 0, areas: 0, areaKm2: 0 }]));
  for (const id of summary.itemIds) {
    const p = parseUserItemId(id);
    const f = p && by.get(p.layerId);
    if (!p || !f) continue;
    f.features++;
    const kind = kindOf(p.layerId, p.index);
    if (kind === 'point') f.points++;
    else if (kind === 'line') f.lines++;
    else if (kind === 'area') f.areas++;
  }
  for (const l of summary.lines) {
    const p = parseUserItemId(l.id);
    const f = p && by.get(p.layerId);
    if (f) f.lineKm += l.km;
  }
  for (const a of summary.areas) {
    const p = parseUserItemId(a.id);
    const f = p && by.get(p.layerId);
    if (f) f.areaKm2 += a.km2;
  }
  return [...by.values()];
}

/**
 * Which regions each user feature touches, from the engine's per-region summaries of the user
 * features at prefecture level: per layer, per feature, the prefecture codes and their
 * provinces (adcode prefix: 131000 → 130000; Beijing and Tianjin are both).
 */
export function featureRegionsFromSummaries(
  summaries: readonly { id: string; itemIds: readonly string[] }[],
  spans: UserItems['spans'],
): Map<string, string[][]> {
  const out = new Map<string, string[][]>(spans.map((s) => [s.id, Array.from({ length: s.count }, () => [] as string[])]));
  for (const r of summaries) {
    const province = /^\d{6}$/.test(r.id) ? r.id.slice(0, 2) + '0000' : null;
    for (const id of r.itemIds) {
      const p = parseUserItemId(id);
      const list = p ? out.get(p.layerId)?.[p.index] : undefined;
      if (!list) continue;
      if (!list.includes(r.id)) list.push(r.id);
      if (province && !list.includes(province)) list.push(province);
    }
  }
  return out;
}
