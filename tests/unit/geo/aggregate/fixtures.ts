/** Shared fixtures for the aggregation engine tests: real boundaries, hand-made regions, a seeded PRNG. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

export { prng, randomPoints } from '../../../support/random';

const root = path.resolve(import.meta.dirname, '../../../..');
export type RegionFC = FeatureCollection<Polygon | MultiPolygon>;

export function loadRegions(name: 'counties' | 'prefectures' | 'provinces'): RegionFC {
  return JSON.parse(readFileSync(path.join(root, `geodata/basemap/jjj_${name}.geojson`), 'utf8')) as RegionFC;
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

