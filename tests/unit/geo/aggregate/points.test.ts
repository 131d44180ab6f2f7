import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import type { Position } from 'geojson';
import { aggregatePoints, buildRegionIndex, regionsAt } from '../../../../src/geo/aggregate';
import { handRegions, loadRegions, prng, region } from './fixtures';

/** Region ids containing p by Turf itself, one polygon at a time. */
function naiveIds(fc: ReturnType<typeof handRegions>, p: Position): string[] {
  return fc.features.filter((f) => booleanPointInPolygon(p, f)).map((f) => String(f.properties!.adcode));
}

describe('aggregatePoints on hand-made regions', () => {
  const fc = handRegions();
  const index = buildRegionIndex(fc, { id: 'hand' });
  const ids = (p: Position) => regionsAt(index, p[0]!, p[1]!).map((r) => index.ids[r]!).sort();

  it('counts interior points in their region', () => {
    expect(ids([0.5, 0.5])).toEqual(['W']);
    expect(ids([1.5, 0.5])).toEqual(['E']);
    expect(ids([3.2, 0.2])).toEqual(['H']);
    expect(ids([2.5, 0.5])).toEqual([]);
    expect(ids([-1, -1])).toEqual([]);
  });

  it('counts a point on a shared edge, or a shared corner, in every region that touches it (as Turf)', () => {
    expect(ids([1, 0.5])).toEqual(['E', 'W']);
    expect(ids([1, 1])).toEqual(['E', 'N', 'W']);
    expect(ids([0, 0])).toEqual(['W']);
    expect(ids([0.5, 1])).toEqual(['N', 'W']);
  });

  it('puts a point in a hole in the island, not in the holed region; the hole boundary in both', () => {
    expect(ids([4, 1])).toEqual(['I']);
    expect(ids([3.5, 1])).toEqual(['H', 'I']);
    expect(ids([4.5, 1.5])).toEqual(['H', 'I']);
  });

  it('counts points in either part of a MultiPolygon, and none between the parts', () => {
    expect(ids([6.5, 0.5])).toEqual(['M']);
    expect(ids([8.5, 0.5])).toEqual(['M']);
    expect(ids([7.5, 0.5])).toEqual([]);
  });

  it('returns counts, per-category counts, first region per point, outside and multiple', () => {
    const pts: Position[] = [
      [0.5, 0.5],
      [0.25, 0.75],
      [1, 0.5],
      [4, 1],
      [8.5, 0.5],
      [20, 20],
      [Number.NaN, 0],
    ];
    const r = aggregatePoints(index, pts, { categories: Uint8Array.from([0, 1, 1, 0, 1, 0, 0]), pointRegions: true });
    const byId = Object.fromEntries(index.ids.map((id, i) => [id, r.counts[i]]));
    expect(byId).toEqual({ W: 3, E: 1, H: 0, I: 1, M: 1, N: 0 });
    expect(r.total).toBe(7);
    expect(r.outside).toBe(2);
    expect(r.multiple).toBe(1);
    expect(r.categoryCount).toBe(2);
    const w = index.byId.get('W')!;
    expect([r.byCategory![w * 2], r.byCategory![w * 2 + 1]]).toEqual([1, 2]);
    expect(Array.from(r.pointRegion!)).toEqual([w, w, w, index.byId.get('I'), index.byId.get('M'), -1, -1]);
  });

  it('agrees with Turf on every point of a fine lattice through all edges and corners', () => {
    let checked = 0;
    for (let x = -0.5; x <= 9.5; x += 0.125) {
      for (let y = -0.5; y <= 2.5; y += 0.125) {
        expect(ids([x, y]), `${x},${y}`).toEqual(naiveIds(fc, [x, y]).sort());
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1900);
  });

  it('agrees with Turf on points interpolated along slanted edges (orient2d near zero)', () => {
    const r = prng(3);
    const tri: Position[] = [];
    for (let k = 0; k < 40; k++) tri.push([r() * 10, r() * 10]);
    const ring: Position[] = [...tri.slice(0, 12), tri[0]!];
    const star = { type: 'FeatureCollection' as const, features: [region('S', { type: 'Polygon', coordinates: [ring] })] };
    const idx = buildRegionIndex(star);
    let inside = 0;
    for (let e = 0; e + 1 < ring.length; e++) {
      const [ax, ay] = ring[e] as [number, number];
      const [bx, by] = ring[e + 1] as [number, number];
      for (let k = 0; k < 200; k++) {
        const t = r();
        const p: Position = [ax + (bx - ax) * t, ay + (by - ay) * t];
        const mine = regionsAt(idx, p[0]!, p[1]!).length > 0;
        expect(mine, `${p[0]},${p[1]}`).toBe(booleanPointInPolygon(p, star.features[0]!));
        if (mine) inside++;
      }
    }
    expect(inside).toBeGreaterThan(0);
  });

  it('takes Float64Array and Position[] alike', () => {
    const a = aggregatePoints(index, Float64Array.from([0.5, 0.5, 1, 0.5]));
    const b = aggregatePoints(index, [
      [0.5, 0.5],
      [1, 0.5],
    ]);
    expect(Array.from(a.counts)).toEqual(Array.from(b.counts));
  });
});

describe('points in the real boundaries (enclave, exclave)', () => {
  const counties = buildRegionIndex(loadRegions('counties'), { id: 'counties' });
  const prefectures = buildRegionIndex(loadRegions('prefectures'), { id: 'prefectures' });
  const provinces = buildRegionIndex(loadRegions('provinces'), { id: 'provinces' });
  const at = (idx: typeof counties, p: Position) => regionsAt(idx, p[0]!, p[1]!).map((r) => idx.ids[r]!);

  it('counts the North Three Counties in Langfang (a MultiPolygon part) and Hebei', () => {
    const sanhe: Position = [117.055, 39.946];
    const dachang: Position = [116.932, 39.903];
    const xianghe: Position = [117.036, 39.738];
    expect(at(counties, sanhe)).toEqual(['131082']);
    expect(at(counties, dachang)).toEqual(['131028']);
    expect(at(counties, xianghe)).toEqual(['131024']);
    for (const p of [sanhe, dachang, xianghe]) {
      expect(at(prefectures, p)).toEqual(['131000']);
      expect(at(provinces, p)).toEqual(['130000']);
    }
  });

  it("counts a point at Capital Airport in 朝阳区's enclave, not in 顺义 around it", () => {
    const airport: Position = [116.584, 40.075];
    expect(at(counties, airport)).toEqual(['110105']);
    expect(at(prefectures, airport)).toEqual(['110000']);
  });

  it('counts a vertex of the enclave ring in both 朝阳区 and 顺义 (the hole boundary), as Turf', () => {
    const fc = loadRegions('counties');
    const chaoyang = fc.features.find((f) => f.properties!.adcode === '110105')!;
    const enclave = (chaoyang.geometry as { coordinates: Position[][][] }).coordinates[1]![0]![3]!;
    expect(at(counties, enclave).sort()).toEqual(naiveIds(fc, enclave).sort());
    expect(at(counties, enclave)).toContain('110113');
    expect(at(counties, enclave)).toContain('110105');
  });
});
