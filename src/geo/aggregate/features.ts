/**
 * Aggregates of plan items (or any features shaped like them) per region, and inside an
 * arbitrary polygon: the numbers a region panel, a comparison and a choropleth show.
 *
 * An item touches a region when:
 * - Point / MultiPoint: a point lies in the region (boundary included, as Turf);
 * - LineString / MultiLineString: the line crosses, enters or meets the region; its km inside
 *   the region are measured (lineLengthInRegions);
 * - Polygon / MultiPolygon: the overlap is larger than `minOverlapKm2` (default 0.1 km², as
 *   src/geo/regionsOf.ts, so a neighbour that only shares a border — or a sliver left by rounded
 *   coordinates — does not count); its km² inside the region are measured (areaInRegions);
 * - no geometry: the region's id is one of `properties.regions`, or the province or prefecture
 *   of one of them (adcode prefixes: 131082 → 131000 → 130000; for Beijing and Tianjin the
 *   prefecture-level unit is the municipality 110000/120000). A province named alone does not
 *   count toward each of its counties.
 */
import { circle as turfCircle } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, Polygon, Position } from 'geojson';
import { areaInRegions, type AreaGeometry } from './areas';
import { aggregateKey, type LruCache } from './cache';
import { lineLengthInRegions } from './lines';
import { buildRegionIndex, regionsAt, type RegionIndex } from './regionIndex';

/** The part of a PlanItem (src/data/plan/schema.ts) the engine reads. */
export interface AggregatableItem {
  type: 'Feature';
  id?: string | number;
  properties: {
    id: string;
    group: number;
    theme?: string | null;
    kind?: string;
    regions?: readonly string[];
    /**
     * Regions a named source adds to what the geometry computes (the Daxing airport's terminal
     * is in Daxing District, but computes into Langfang in the generalised boundaries).
     */
    regions_added?: readonly string[];
  };
  geometry: Geometry | null;
}

/** Which items to aggregate. All given conditions must hold. */
export interface FeatureFilter {
  /** Identifies the filter in cache keys: equal keys must mean equal filters. */
  key: string;
  /** Only items with these ids. */
  ids?: readonly string[] | null;
  /** One flag per feature, parallel to the features (non-zero = included). */
  mask?: ArrayLike<number> | null;
  /** Any test (not available through the worker: functions cannot be posted). */
  predicate?: ((item: AggregatableItem, i: number) => boolean) | null;
}

export interface AreaSummary {
  /** Items touching the region. */
  items: number;
  /** Items by group ('1' … '5'). */
  byGroup: Record<string, number>;
  /** Items by theme (group 3 items; others have none). */
  byTheme: Record<string, number>;
  /** Items by kind (site, line, area, programme, …). */
  byKind: Record<string, number>;
  /** Items counted from their geometry / from properties.regions (no geometry). */
  byGeometry: number;
  byName: number;
  /** km of all line items inside, and km² of all area items inside (over the touching items). */
  lineKm: number;
  areaKm2: number;
  /** Ids of the touching items, in feature order. */
  itemIds: string[];
  /** km inside, per line item touching the region (0 if it only meets it at a point). */
  lines: { id: string; km: number }[];
  /** km² inside, per area item touching the region. */
  areas: { id: string; km2: number }[];
}

export interface RegionSummary extends AreaSummary {
  /** Region number in the index. */
  region: number;
  /** Region id (adcode). */
  id: string;
}

export interface FeatureAggregates {
  regionSetId: string;
  dataVersion: string | null;
  filterKey: string | null;
  /** One per region, in index order. */
  regions: RegionSummary[];
  /** Items that passed the filter. */
  considered: number;
  /** Items that passed the filter and touch no region. */
  unplaced: number;
  /** Time it took to compute (for a cached result: the original computation's time). */
  ms: number;
  /** Served from the cache. */
  cached: boolean;
}

/** Per feature: the regions its geometry touches with km/km² inside (filled on demand). */
export type ItemTouches = ([region: number, km: number | null, km2: number | null][] | undefined)[];

export interface AggregateFeaturesOptions {
  /** Cache results here, keyed by (dataVersion, index.id, filter.key); needs dataVersion. */
  cache?: LruCache<FeatureAggregates>;
  /**
   * Cache the geometric part (which regions each item touches, km and km² inside) per
   * (dataVersion, index.id, minOverlapKm2), whatever the filter: a new filter then only re-sums.
   */
  touchCache?: LruCache<ItemTouches>;
  dataVersion?: string;
  /** Polygon items touch a region when their overlap exceeds this (km²). Default 0.1. */
  minOverlapKm2?: number;
}

export const DEFAULT_MIN_OVERLAP_KM2 = 0.1;

function emptySummary(): AreaSummary {
  return {
    items: 0,
    byGroup: {},
    byTheme: {},
    byKind: {},
    byGeometry: 0,
    byName: 0,
    lineKm: 0,
    areaKm2: 0,
    itemIds: [],
    lines: [],
    areas: [],
  };
}

const bump = (rec: Record<string, number>, key: string) => {
  rec[key] = (rec[key] ?? 0) + 1;
};

/** Per touched region: km of line, km² of area (when measured). */
interface Touch {
  km?: number;
  km2?: number;
}

function touchesOfGeometry(index: RegionIndex, g: Geometry, minOverlapKm2: number, out: Map<number, Touch>): void {
  const add = (r: number, km?: number, km2?: number) => {
    const t = out.get(r) ?? {};
    if (km !== undefined) t.km = (t.km ?? 0) + km;
    if (km2 !== undefined) t.km2 = (t.km2 ?? 0) + km2;
    out.set(r, t);
  };
  switch (g.type) {
    case 'Point':
      for (const r of regionsAt(index, g.coordinates[0]!, g.coordinates[1]!)) add(r);
      break;
    case 'MultiPoint':
      for (const p of g.coordinates) for (const r of regionsAt(index, p[0]!, p[1]!)) add(r);
      break;
    case 'LineString':
    case 'MultiLineString': {
      const res = lineLengthInRegions(index, g);
      for (const r of res.touched) add(r, res.km[r]!);
      break;
    }
    case 'Polygon':
    case 'MultiPolygon': {
      const res = areaInRegions(index, g);
      for (const r of res.touched) if (res.km2[r]! > minOverlapKm2) add(r, undefined, res.km2[r]!);
      break;
    }
    case 'GeometryCollection':
      for (const sub of g.geometries) touchesOfGeometry(index, sub, minOverlapKm2, out);
      break;
  }
}

/** Region numbers an item without geometry counts toward: its named codes and their ancestors. */
function namedRegions(index: RegionIndex, codes: readonly string[]): number[] {
  const out = new Set<number>();
  for (const code of codes) {
    const candidates = /^\d{6}$/.test(code) ? [code, code.slice(0, 4) + '00', code.slice(0, 2) + '0000'] : [code];
    for (const c of candidates) {
      const r = index.byId.get(c);
      if (r !== undefined) out.add(r);
    }
  }
  return [...out].sort((a, b) => a - b);
}

function passes(filter: FeatureFilter | undefined, idSet: Set<string> | null, item: AggregatableItem, i: number): boolean {
  if (!filter) return true;
  if (idSet && !idSet.has(item.properties.id)) return false;
  if (filter.mask && !filter.mask[i]) return false;
  if (filter.predicate && !filter.predicate(item, i)) return false;
  return true;
}

function addItem(s: AreaSummary, item: AggregatableItem, touch: Touch | null): void {
  const p = item.properties;
  s.items++;
  bump(s.byGroup, String(p.group));
  if (p.theme) bump(s.byTheme, p.theme);
  if (p.kind) bump(s.byKind, p.kind);
  if (touch) s.byGeometry++;
  else s.byName++;
  s.itemIds.push(p.id);
  if (touch?.km !== undefined) {
    s.lineKm += touch.km;
    s.lines.push({ id: p.id, km: touch.km });
  }
  if (touch?.km2 !== undefined) {
    s.areaKm2 += touch.km2;
    s.areas.push({ id: p.id, km2: touch.km2 });
  }
}

/**
 * Per region: the items that touch it by group, theme and kind, the km of line items and km²
 * of area items inside it. With `opts.cache` and `opts.dataVersion`, results are cached per
 * (dataVersion, index.id, filter.key).
 */
export function aggregateFeatures(
  index: RegionIndex,
  features: readonly AggregatableItem[],
  filter?: FeatureFilter,
  opts: AggregateFeaturesOptions = {},
): FeatureAggregates {
  const minOverlap = opts.minOverlapKm2 ?? DEFAULT_MIN_OVERLAP_KM2;
  const key =
    opts.cache && opts.dataVersion !== undefined
      ? aggregateKey(opts.dataVersion, index.id, filter ? filter.key : '*', String(minOverlap))
      : null;
  if (key !== null) {
    const hit = opts.cache!.get(key);
    if (hit) return { ...hit, cached: true };
  }
  const t0 = performance.now();
  const summaries: RegionSummary[] = index.ids.map((id, region) => ({ region, id, ...emptySummary() }));
  const idSet = filter?.ids ? new Set(filter.ids) : null;
  const touchKey =
    opts.touchCache && opts.dataVersion !== undefined
      ? aggregateKey(opts.dataVersion, index.id, '#touches', String(minOverlap))
      : null;
  let itemTouches: ItemTouches | undefined = touchKey !== null ? opts.touchCache!.get(touchKey) : undefined;
  if (!itemTouches || itemTouches.length !== features.length) {
    itemTouches = new Array<ItemTouches[number]>(features.length);
    if (touchKey !== null) opts.touchCache!.set(touchKey, itemTouches);
  }
  let considered = 0;
  let unplaced = 0;
  features.forEach((item, i) => {
    if (!passes(filter, idSet, item, i)) return;
    considered++;
    let placed = false;
    if (item.geometry) {
      let touches = itemTouches[i];
      if (!touches) {
        const m = new Map<number, Touch>();
        touchesOfGeometry(index, item.geometry, minOverlap, m);
        touches = [...m].map(([r, t]) => [r, t.km ?? null, t.km2 ?? null]);
        itemTouches[i] = touches;
      }
      for (const [r, km, km2] of touches) {
        addItem(summaries[r]!, item, { km: km ?? undefined, km2: km2 ?? undefined });
        placed = true;
      }
      // …and the regions a named source adds, counted by name (no km or km² of theirs)
      const added = item.properties.regions_added;
      if (added?.length) {
        const touched = new Set(touches.map(([r]) => r));
        for (const r of namedRegions(index, added)) {
          if (touched.has(r)) continue;
          addItem(summaries[r]!, item, null);
          placed = true;
        }
      }
    } else {
      for (const r of namedRegions(index, item.properties.regions ?? [])) {
        addItem(summaries[r]!, item, null);
        placed = true;
      }
    }
    if (!placed) unplaced++;
  });
  const result: FeatureAggregates = {
    regionSetId: index.id,
    dataVersion: opts.dataVersion ?? null,
    filterKey: filter?.key ?? null,
    regions: summaries,
    considered,
    unplaced,
    ms: performance.now() - t0,
    cached: false,
  };
  if (key !== null) opts.cache!.set(key, result);
  return result;
}

export interface AreaAggregate extends AreaSummary {
  /** Items that passed the filter. */
  considered: number;
  /** Items without geometry that passed the filter (they cannot lie in a drawn area). */
  withoutGeometry: number;
  ms: number;
}

/**
 * The same aggregates for one arbitrary (drawn) polygon or circle. Items without geometry
 * are left out (counted in `withoutGeometry`). Polygon items count when they overlap the
 * area by more than `minOverlapKm2` (default 0: any overlap).
 */
export function aggregateInArea(
  features: readonly AggregatableItem[],
  polygon: AreaGeometry | Feature<AreaGeometry>,
  filter?: FeatureFilter,
  opts: { minOverlapKm2?: number } = {},
): AreaAggregate {
  const t0 = performance.now();
  const f: Feature<AreaGeometry> = polygon.type === 'Feature' ? polygon : { type: 'Feature', properties: {}, geometry: polygon };
  const fc: FeatureCollection<AreaGeometry> = {
    type: 'FeatureCollection',
    features: [{ ...f, properties: { adcode: 'area' } }],
  };
  const index = buildRegionIndex(fc, { id: 'area' });
  const res = aggregateFeatures(index, features, filter, { minOverlapKm2: opts.minOverlapKm2 ?? 0 });
  const s = res.regions[0]!;
  const idSet = filter?.ids ? new Set(filter.ids) : null;
  let withoutGeometry = 0;
  features.forEach((item, i) => {
    if (!item.geometry && passes(filter, idSet, item, i)) withoutGeometry++;
  });
  const { region: _region, id: _id, byName: _byName, ...summary } = s;
  return { ...summary, byName: 0, considered: res.considered, withoutGeometry, ms: performance.now() - t0 };
}

/** A circle of `radiusKm` around `center` as a polygon (turf.circle, geodesic), for aggregateInArea. */
export function circlePolygon(center: Position, radiusKm: number, steps = 64): Feature<Polygon> {
  return turfCircle(center, radiusKm, { steps, units: 'kilometers' });
}
