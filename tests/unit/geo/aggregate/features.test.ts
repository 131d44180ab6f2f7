import { describe, expect, it } from 'vitest';
import { area, circle, length, lineString } from '@turf/turf';
import type { Geometry } from 'geojson';
import {
  aggregateFeatures,
  aggregateInArea,
  buildRegionIndex,
  circlePolygon,
  LruCache,
  type AggregatableItem,
  type FeatureAggregates,
  type ItemTouches,
} from '../../../../src/geo/aggregate';
import { handRegions, loadRegions, rect } from './fixtures';

const KM_PER_DEG_MERIDIAN = (6371008.8 * Math.PI) / 180 / 1000;
const R_KM = 6371.0088;
const rectKm2 = (x0: number, y0: number, x1: number, y1: number) =>
  ((R_KM * R_KM * ((x1 - x0) * Math.PI)) / 180) * (Math.sin((y1 * Math.PI) / 180) - Math.sin((y0 * Math.PI) / 180));

function item(
  id: string,
  group: number,
  kind: string,
  geometry: Geometry | null,
  extra: { theme?: string; regions?: string[] } = {},
): AggregatableItem {
  return { type: 'Feature', id, properties: { id, group, kind, theme: extra.theme, regions: extra.regions ?? [] }, geometry };
}

const items: AggregatableItem[] = [
  item('s1', 1, 'site', { type: 'Point', coordinates: [0.5, 0.5] }),
  item('s2', 3, 'site', { type: 'Point', coordinates: [1, 0.5] }, { theme: 'transport' }),
  item('l1', 3, 'line', { type: 'LineString', coordinates: [[0.3, 0.5], [0.3, 1.75]] }, { theme: 'transport' }),
  item('a1', 2, 'area', { type: 'Polygon', coordinates: [rect(0.25, 0.25, 1.5, 0.75)] }),
  item('n1', 4, 'programme', null, { regions: ['W'] }),
  item('x1', 5, 'site', { type: 'Point', coordinates: [50, 50] }),
  // overlaps E by a sliver of ~0.01 km² only: touches W, not E
  item('a2', 2, 'area', { type: 'Polygon', coordinates: [rect(0.5, 0.1, 1.000001, 0.9)] }),
];

describe('aggregateFeatures', () => {
  const index = buildRegionIndex(handRegions(), { id: 'hand' });
  const get = (res: FeatureAggregates, id: string) => res.regions[index.byId.get(id)!]!;

  it('counts items touching each region by group, theme and kind, with km of lines and km² of areas', () => {
    const res = aggregateFeatures(index, items);
    expect(res.considered).toBe(7);
    expect(res.unplaced).toBe(1);
    const w = get(res, 'W');
    expect(w.itemIds).toEqual(['s1', 's2', 'l1', 'a1', 'n1', 'a2']);
    expect(w.items).toBe(6);
    expect(w.byGroup).toEqual({ '1': 1, '2': 2, '3': 2, '4': 1 });
    expect(w.byTheme).toEqual({ transport: 2 });
    expect(w.byKind).toEqual({ site: 2, line: 1, area: 2, programme: 1 });
    expect(w.byGeometry).toBe(5);
    expect(w.byName).toBe(1);
    expect(w.lineKm).toBeCloseTo(0.5 * KM_PER_DEG_MERIDIAN, 9);
    expect(w.lines).toEqual([{ id: 'l1', km: expect.closeTo(0.5 * KM_PER_DEG_MERIDIAN, 9) as number }]);
    expect(w.areas.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(w.areas[0]!.km2).toBeCloseTo(rectKm2(0.25, 0.25, 1, 0.75), 6);
    expect(w.areaKm2).toBeCloseTo(rectKm2(0.25, 0.25, 1, 0.75) + rectKm2(0.5, 0.1, 1, 0.9), 6);

    const e = get(res, 'E');
    expect(e.itemIds).toEqual(['s2', 'a1']); // the a2 sliver is below minOverlapKm2 (0.1)
    expect(e.areaKm2).toBeCloseTo(rectKm2(1, 0.25, 1.5, 0.75), 6);
    const n = get(res, 'N');
    expect(n.itemIds).toEqual(['l1']);
    expect(n.lineKm).toBeCloseTo(0.75 * KM_PER_DEG_MERIDIAN, 9);
    expect(get(res, 'H').items).toBe(0);
  });

  it('counts the sliver when minOverlapKm2 is 0', () => {
    const res = aggregateFeatures(index, items, undefined, { minOverlapKm2: 0 });
    expect(get(res, 'E').itemIds).toEqual(['s2', 'a1', 'a2']);
  });

  it('applies filters by ids, mask and predicate', () => {
    expect(get(aggregateFeatures(index, items, { key: 'ids', ids: ['l1', 'a1'] }), 'W').itemIds).toEqual(['l1', 'a1']);
    const mask = Uint8Array.from([1, 0, 0, 0, 1, 0, 0]);
    expect(get(aggregateFeatures(index, items, { key: 'mask', mask }), 'W').itemIds).toEqual(['s1', 'n1']);
    const res = aggregateFeatures(index, items, { key: 'g3', predicate: (f) => f.properties.group === 3 });
    expect(get(res, 'W').itemIds).toEqual(['s2', 'l1']);
    expect(res.considered).toBe(2);
    expect(res.filterKey).toBe('g3');
  });

  it('caches per (data version, region set, filter key), bounded in size', () => {
    const cache = new LruCache<FeatureAggregates>(2);
    const a = aggregateFeatures(index, items, { key: 'all' }, { cache, dataVersion: 'v1' });
    expect(a.cached).toBe(false);
    const b = aggregateFeatures(index, items, { key: 'all' }, { cache, dataVersion: 'v1' });
    expect(b.cached).toBe(true);
    expect(b.regions).toBe(a.regions);
    expect(aggregateFeatures(index, items, { key: 'all' }, { cache, dataVersion: 'v2' }).cached).toBe(false);
    expect(aggregateFeatures(index, items, { key: 'g1', ids: ['s1'] }, { cache, dataVersion: 'v2' }).cached).toBe(false);
    expect(cache.size).toBe(2);
    // v1 was the least recently used: evicted
    expect(aggregateFeatures(index, items, { key: 'all' }, { cache, dataVersion: 'v1' }).cached).toBe(false);
  });
});

describe('the geometric part cached across filters (touchCache)', () => {
  it('gives the same results as computing afresh, for each filter', () => {
    const index = buildRegionIndex(handRegions(), { id: 'hand' });
    const touchCache = new LruCache<ItemTouches>(4);
    const filters = [undefined, { key: 'g3', predicate: (f: AggregatableItem) => f.properties.group === 3 }, { key: 'ids', ids: ['a1', 'n1'] }];
    for (const f of filters) {
      const cached = aggregateFeatures(index, items, f, { touchCache, dataVersion: 'v1' });
      const fresh = aggregateFeatures(index, items, f);
      expect(cached.regions).toEqual(fresh.regions);
    }
    expect(touchCache.size).toBe(1);
    aggregateFeatures(index, items, undefined, { touchCache, dataVersion: 'v2' });
    expect(touchCache.size).toBe(2);
  });
});

describe('items without geometry count toward the regions they name, and those regions’ ancestors', () => {
  const named = [
    item('sanhe', 1, 'programme', null, { regions: ['131082'] }),
    item('hebei', 2, 'programme', null, { regions: ['130000'] }),
    item('bj', 2, 'programme', null, { regions: ['110105'] }),
  ];
  it.each([
    ['counties', { '131082': ['sanhe'], '110105': ['bj'] }],
    ['prefectures', { '131000': ['sanhe'], '110000': ['bj'] }],
    ['provinces', { '130000': ['sanhe', 'hebei'], '110000': ['bj'] }],
  ] as const)('%s', (name, expected) => {
    const index = buildRegionIndex(loadRegions(name), { id: name });
    const res = aggregateFeatures(index, named);
    const got = Object.fromEntries(res.regions.filter((r) => r.items > 0).map((r) => [r.id, r.itemIds]));
    expect(got).toEqual(expected);
  });
});

describe('aggregateInArea', () => {
  it('aggregates inside a 30 km circle: the site, a chord of the line, the overlap of the area', () => {
    const c = circlePolygon([0.5, 0.5], 30);
    const res = aggregateInArea(items, c);
    expect(res.itemIds).toEqual(['s1', 'l1', 'a1', 'a2']);
    expect(res.withoutGeometry).toBe(1);
    expect(res.considered).toBe(7);
    // the line x = 0.3 passes 0.2° (22.24 km) west of the centre and starts level with it:
    // half a chord, √(30² − 22.24²) ≈ 20.13 km (a little less on the 64-gon)
    expect(res.lines[0]!.km).toBeGreaterThan(19.9);
    expect(res.lines[0]!.km).toBeLessThan(20.14);
    const circleKm2 = area(c) / 1e6;
    expect(res.areas[0]!.km2).toBeGreaterThan(0.8 * circleKm2);
    expect(res.areas[0]!.km2).toBeLessThan(circleKm2);
    expect(res.byGroup).toEqual({ '1': 1, '2': 2, '3': 1 });
  });

  it('measures a line of known length wholly inside a drawn square', () => {
    const res = aggregateInArea(
      [item('l', 3, 'line', { type: 'LineString', coordinates: [[0.3, 0.5], [0.3, 1.75]] }, { theme: 'transport' })],
      { type: 'Polygon', coordinates: [rect(0, 0, 1, 2)] },
    );
    expect(res.lineKm).toBeCloseTo(length(lineString([[0.3, 0.5], [0.3, 1.75]])), 9);
    expect(res.byTheme).toEqual({ transport: 1 });
  });

  it('circlePolygon is turf.circle in km', () => {
    expect(circlePolygon([116.4, 39.9], 50).geometry).toEqual(circle([116.4, 39.9], 50, { units: 'kilometers', steps: 64 }).geometry);
  });
});
