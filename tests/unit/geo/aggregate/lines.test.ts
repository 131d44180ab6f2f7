import { describe, expect, it } from 'vitest';
import { along, bbox as turfBbox, booleanPointInPolygon, feature, length, lineSplit } from '@turf/turf';
import type { Feature, LineString, MultiLineString, Position } from 'geojson';
import { buildRegionIndex, lineLengthInRegions } from '../../../../src/geo/aggregate';
import { handRegions, loadRegions, prng, type RegionFC } from './fixtures';

/** Turf's radius (m) for distance/length: a meridian degree is R·π/180. */
const KM_PER_DEG_MERIDIAN = (6371008.8 * Math.PI) / 180 / 1000;

describe('lineLengthInRegions on hand-made regions', () => {
  const index = buildRegionIndex(handRegions(), { id: 'hand' });
  const km = (line: LineString | MultiLineString) => {
    const r = lineLengthInRegions(index, line);
    return { ...r, byId: Object.fromEntries(r.touched.map((i) => [index.ids[i]!, r.km[i]!])) };
  };

  it('splits a meridian line at the shared edge y = 1: 0.5° in W, 0.75° in N', () => {
    const r = km({ type: 'LineString', coordinates: [[0.3, 0.5], [0.3, 1.75]] });
    expect(r.byId.W).toBeCloseTo(0.5 * KM_PER_DEG_MERIDIAN, 9);
    expect(r.byId.N).toBeCloseTo(0.75 * KM_PER_DEG_MERIDIAN, 9);
    expect(r.totalKm).toBeCloseTo(1.25 * KM_PER_DEG_MERIDIAN, 9);
    expect(r.outsideKm).toBeCloseTo(0, 9);
    expect(Object.keys(r.byId).sort()).toEqual(['N', 'W']);
  });

  it('measures a line leaving the regions, through a hole (into the island) and out again', () => {
    const r = km({ type: 'LineString', coordinates: [[3.25, -1], [3.25, 0.75], [4, 0.75], [4, 3]] });
    // 3.25,0 → 3.25,0.75 (0.75° in H), → 3.5,0.75 in H, → 4,0.75 in I, up 4,0.75 → 4,1.5 in I, → 4,2 in H
    expect(r.byId.I).toBeGreaterThan(0);
    expect(r.byId.H).toBeGreaterThan(0);
    const { distance } = { distance: (a: Position, b: Position) => length(feature({ type: 'LineString', coordinates: [a, b] })) };
    expect(r.byId.H).toBeCloseTo(distance([3.25, 0], [3.25, 0.75]) + distance([3.25, 0.75], [3.5, 0.75]) + distance([4, 1.5], [4, 2]), 6);
    expect(r.byId.I).toBeCloseTo(distance([3.5, 0.75], [4, 0.75]) + distance([4, 0.75], [4, 1.5]), 6);
    expect(r.outsideKm).toBeCloseTo(distance([3.25, -1], [3.25, 0]) + distance([4, 2], [4, 3]), 6);
  });

  it('counts a stretch along a shared edge in both regions, and a touch at a point as touching with 0 km', () => {
    const along = km({ type: 'LineString', coordinates: [[1, 0.2], [1, 0.6]] });
    expect(along.byId.W).toBeCloseTo(0.4 * KM_PER_DEG_MERIDIAN, 9);
    expect(along.byId.E).toBeCloseTo(0.4 * KM_PER_DEG_MERIDIAN, 9);
    const touch = km({ type: 'LineString', coordinates: [[2.5, 1.5], [2, 1], [2.5, 0.5]] });
    expect(touch.byId).toEqual({ E: 0 });
  });

  it('adds up the parts of a MultiLineString, e.g. in both parts of a MultiPolygon', () => {
    const r = km({ type: 'MultiLineString', coordinates: [[[6.5, 0.1], [6.5, 0.6]], [[8.5, -0.5], [8.5, 0.5]]] });
    expect(r.byId.M).toBeCloseTo(KM_PER_DEG_MERIDIAN, 9);
  });
});

/**
 * Careful reference: each segment split by each region with turf.lineSplit, each piece
 * classified by its midpoint (turf.along + booleanPointInPolygon) and measured with turf.length.
 * Per segment, because lineSplit on a whole multi-vertex line that crosses itself loses pieces
 * (seen on 3 of ~540 line/county pairs of random 4-vertex lines).
 */
function referenceKm(fc: RegionFC, line: Feature<LineString>): number[] {
  const cs = line.geometry.coordinates;
  return fc.features.map((region) => {
    const rb = turfBbox(region);
    let km = 0;
    for (let s = 0; s + 1 < cs.length; s++) {
      const seg = feature<LineString>({ type: 'LineString', coordinates: [cs[s]!, cs[s + 1]!] });
      const lb = turfBbox(seg);
      if (rb[0] > lb[2] || rb[2] < lb[0] || rb[1] > lb[3] || rb[3] < lb[1]) continue;
      const pieces = lineSplit(seg, region).features;
      for (const p of pieces.length ? pieces : [seg]) {
        const len = length(p);
        if (len > 0 && booleanPointInPolygon(along(p, len / 2), region)) km += len;
      }
    }
    return km;
  });
}

/** Second reference: the line cut into ~20 m steps, each step counted by its midpoint. */
function densifiedKm(fc: RegionFC, line: Feature<LineString>, stepKm = 0.02): number[] {
  const out = fc.features.map(() => 0);
  const cs = line.geometry.coordinates;
  const index = buildRegionIndex(fc);
  for (let s = 0; s + 1 < cs.length; s++) {
    const [ax, ay] = cs[s] as [number, number];
    const [bx, by] = cs[s + 1] as [number, number];
    const segKm = length(feature({ type: 'LineString', coordinates: [cs[s]!, cs[s + 1]!] }));
    const n = Math.max(1, Math.ceil(segKm / stepKm));
    for (let k = 0; k < n; k++) {
      const t = (k + 0.5) / n;
      const p: Position = [ax + (bx - ax) * t, ay + (by - ay) * t];
      // a different path to the same answer: Turf per candidate region
      for (const r of index.tree.search(p[0]!, p[1]!, p[0]!, p[1]!)) {
        if (booleanPointInPolygon(p, fc.features[r]!)) out[r]! += segKm / n;
      }
    }
  }
  return out;
}

describe('lineLengthInRegions on the real 199 counties', () => {
  const counties = loadRegions('counties');
  const index = buildRegionIndex(counties, { id: 'counties' });
  const r = prng(11);
  const randomLine = (n: number): Position[] =>
    Array.from({ length: n }, () => [114 + r() * 5, 37 + r() * 4.5] as Position);
  const lines: [string, Position[]][] = [
    ['Tiananmen → Xiongan', [[116.3975, 39.9087], [115.95, 39.03]]],
    ['Beijing → Langfang → Tianjin', [[116.42, 39.86], [116.7, 39.52], [117.2, 39.13]]],
    ['Zhangjiakou → Beijing → Chengde', [[114.88, 40.77], [116.35, 40.0], [117.96, 40.95]]],
    ['through the North Three Counties and the airport enclave', [[116.5, 40.2], [116.59, 40.07], [117.0, 39.95], [117.2, 39.6]]],
    ['random 6-vertex line', randomLine(6)],
  ];

  it.each(lines)('%s: km per county = lineSplit reference within 0.1%%', (_name, coords) => {
    const line = feature<LineString>({ type: 'LineString', coordinates: coords });
    const mine = lineLengthInRegions(index, line);
    const ref = referenceKm(counties, line);
    let crossed = 0;
    ref.forEach((km, i) => {
      expect(Math.abs(mine.km[i]! - km), `${index.ids[i]}: ${mine.km[i]} vs ${km}`).toBeLessThanOrEqual(Math.max(1e-3 * km, 1e-4));
      if (km > 0) crossed++;
    });
    expect(crossed).toBeGreaterThanOrEqual(2);
    expect(mine.totalKm).toBeCloseTo(length(line), 9);
    // pieces are measured as Turf measures a split line (great circle per piece), so on long
    // segments their sum exceeds the segment's own great-circle length by a few 1e-5
    const inside = mine.km.reduce((s, v) => s + v, 0);
    expect(Math.abs(inside + mine.outsideKm - mine.totalKm) / mine.totalKm).toBeLessThan(1e-4);
  });

  it('20 random 4-vertex lines (self-crossing too): km per county = reference within 1e-9', () => {
    let pairs = 0;
    for (let k = 0; k < 20; k++) {
      const line = feature<LineString>({ type: 'LineString', coordinates: randomLine(4) });
      const mine = lineLengthInRegions(index, line);
      referenceKm(counties, line).forEach((km, i) => {
        expect(Math.abs(mine.km[i]! - km), index.ids[i]).toBeLessThanOrEqual(1e-9 * Math.max(km, 1));
        if (km > 0) pairs++;
      });
    }
    expect(pairs).toBeGreaterThan(300);
  });

  it('agrees with a densified (20 m step) reference too', () => {
    const line = feature<LineString>({ type: 'LineString', coordinates: lines[1]![1] });
    const mine = lineLengthInRegions(index, line);
    densifiedKm(counties, line).forEach((km, i) => {
      expect(Math.abs(mine.km[i]! - km), index.ids[i]).toBeLessThanOrEqual(0.05); // ≤ 2 steps per crossing
    });
  });
});
