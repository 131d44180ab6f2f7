/** Shared fixtures for the aggregation engine tests: real boundaries, hand-made regions, a seeded PRNG. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

const root = path.resolve(import.meta.dirname, '../../../..');
export type RegionFC = FeatureCollection<Polygon | MultiPolygon>;

export function loadRegions(name: 'counties' | 'prefectures' | 'provinces'): RegionFC {
  return JSON.parse(readFileSync(path.join(root, `geodata/basemap/jjj_${name}.geojson`), 'utf8')) as RegionFC;
}

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const rect = (x0: number, y0: number, x1: number, y1: number): Position[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

export function region(adcode: string, geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> {
  return { type: 'Feature', properties: { adcode }, geometry };
}

/**
 * Hand-made regions, all on a 1° grid near the equator:
 * - 'W' [0,0]–[1,1] and 'E' [1,0]–[2,1] share the edge x = 1;
 * - 'H' [3,0]–[5,2] with a hole [3.5,0.5]–[4.5,1.5]; 'I' the island filling the hole exactly
 *   (like 朝阳区's enclave in 顺义);
 * - 'M' a MultiPolygon of [6,0]–[7,1] and the detached [8,0]–[9,1] (like Langfang and the
 *   North Three Counties);
 * - 'N' [0,1]–[1,2] north of 'W'.
 */
export function handRegions(): RegionFC {
  return {
    type: 'FeatureCollection',
    features: [
      region('W', { type: 'Polygon', coordinates: [rect(0, 0, 1, 1)] }),
      region('E', { type: 'Polygon', coordinates: [rect(1, 0, 2, 1)] }),
      region('H', { type: 'Polygon', coordinates: [rect(3, 0, 5, 2), rect(3.5, 0.5, 4.5, 1.5).reverse()] }),
      region('I', { type: 'Polygon', coordinates: [rect(3.5, 0.5, 4.5, 1.5)] }),
      region('M', { type: 'MultiPolygon', coordinates: [[rect(6, 0, 7, 1)], [rect(8, 0, 9, 1)]] }),
      region('N', { type: 'Polygon', coordinates: [rect(0, 1, 1, 2)] }),
    ],
  };
}

/** Random points (lon,lat interleaved) uniform in a bbox. */
export function randomPoints(n: number, bbox: readonly number[], seed: number): Float64Array {
  const r = prng(seed);
  const [x0, y0, x1, y1] = bbox as [number, number, number, number];
  const out = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    out[i * 2] = x0 + r() * (x1 - x0);
    out[i * 2 + 1] = y0 + r() * (y1 - y0);
  }
  return out;
}
