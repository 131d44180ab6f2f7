/**
 * The indexed engine against naive Turf on the real 199 counties (and the prefectures and
 * provinces): identical counts per region and identical membership per point, for random
 * points, for boundary vertices (shared by two or more counties) and for points at a vertex's
 * latitude (where the crossing rule's degenerate cases are).
 */
import { describe, expect, it } from 'vitest';
import { featureCollection, point, pointsWithinPolygon } from '@turf/turf';
import type { Position } from 'geojson';
import { aggregatePoints, buildRegionIndex, regionsAt } from '../../../../src/geo/aggregate';
import { loadRegions, prng, randomPoints, type RegionFC } from './fixtures';

/** Per region: the point numbers Turf's pointsWithinPolygon returns for it. */
function naiveMembers(fc: RegionFC, xy: Float64Array): number[][] {
  const pts = featureCollection(
    Array.from({ length: xy.length / 2 }, (_, i) => point([xy[i * 2]!, xy[i * 2 + 1]!], { i })),
  );
  return fc.features.map((f) => pointsWithinPolygon(pts, f).features.map((p) => (p.properties as { i: number }).i));
}

function indexedMembers(fc: RegionFC, xy: Float64Array): { members: number[][]; counts: number[] } {
  const index = buildRegionIndex(fc);
  const members: number[][] = fc.features.map(() => []);
  for (let i = 0; i < xy.length / 2; i++) for (const r of regionsAt(index, xy[i * 2]!, xy[i * 2 + 1]!)) members[r]!.push(i);
  return { members, counts: Array.from(aggregatePoints(index, xy).counts) };
}

function ringVertices(fc: RegionFC): Position[] {
  const out: Position[] = [];
  for (const f of fc.features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const rings of polys) for (const ring of rings) out.push(...ring);
  }
  return out;
}

function flat(ps: Position[]): Float64Array {
  return Float64Array.from(ps.flatMap((p) => [p[0]!, p[1]!]));
}

function compare(fc: RegionFC, xy: Float64Array) {
  const naive = naiveMembers(fc, xy);
  const { members, counts } = indexedMembers(fc, xy);
  expect(counts).toEqual(naive.map((m) => m.length));
  fc.features.forEach((f, r) => expect(members[r], String(f.properties!.adcode)).toEqual(naive[r]));
  return naive;
}

describe('indexed engine = naive Turf on the real boundaries', () => {
  const counties = loadRegions('counties');
  const bbox = buildRegionIndex(counties).bbox;

  it('199 counties: 5,000 random points, identical counts and members', () => {
    expect(counties.features).toHaveLength(199);
    const naive = compare(counties, randomPoints(5000, bbox, 42));
    expect(naive.reduce((s, m) => s + m.length, 0)).toBeGreaterThan(2000);
  });

  it('199 counties: boundary vertices (in 2+ counties) and points at vertex latitudes', () => {
    const r = prng(7);
    const vertices = ringVertices(counties);
    const sample: Position[] = [];
    for (let i = 0; i < vertices.length; i += 3) sample.push(vertices[i]!);
    // the same latitude as a vertex, random longitude near it: the ray passes through vertices
    for (let i = 3; i < vertices.length; i += 11) sample.push([vertices[i]![0]! + (r() - 0.5) * 0.2, vertices[i]![1]!]);
    // the same longitude and latitude as two different vertices
    for (let i = 5; i < vertices.length; i += 13) sample.push([vertices[i]![0]!, vertices[(i * 31) % vertices.length]![1]!]);
    const naive = compare(counties, flat(sample));
    const multi = new Map<number, number>();
    naive.forEach((m) => m.forEach((i) => multi.set(i, (multi.get(i) ?? 0) + 1)));
    expect([...multi.values()].filter((n) => n >= 2).length).toBeGreaterThan(1000);
  });

  it('13 prefectures and 3 provinces: 3,000 random points and their vertices', () => {
    for (const name of ['prefectures', 'provinces'] as const) {
      const fc = loadRegions(name);
      compare(fc, randomPoints(3000, bbox, 99));
      const vs = ringVertices(fc).filter((_, i) => i % 5 === 0);
      compare(fc, flat(vs));
    }
  });

  it('the same result whatever the grid resolution', () => {
    const xy = randomPoints(20000, bbox, 5);
    const a = aggregatePoints(buildRegionIndex(counties, { gridCells: 64 }), xy, { pointRegions: true });
    const b = aggregatePoints(buildRegionIndex(counties, { gridCells: 400_000 }), xy, { pointRegions: true });
    expect(Array.from(a.counts)).toEqual(Array.from(b.counts));
    expect(Array.from(a.pointRegion!)).toEqual(Array.from(b.pointRegion!));
  });
});
