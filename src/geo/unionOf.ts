/**
 * The union of administrative polygons (e.g. 雄县 + 容城 + 安新 for Xiong'an), as one
 * Polygon or MultiPolygon. Pure (Turf only).
 */
import { featureCollection, feature, union } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';

export function unionOf(polygons: readonly (Polygon | MultiPolygon)[]): Polygon | MultiPolygon {
  if (polygons.length === 0) throw new Error('unionOf: no polygons given');
  if (polygons.length === 1) return polygons[0]!;
  const merged = union(featureCollection(polygons.map((p) => feature(p))));
  if (!merged) throw new Error('unionOf: the union is empty');
  return merged.geometry;
}
