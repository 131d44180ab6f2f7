/**
 * Which administrative units a geometry concerns: the county-level units it lies in or
 * passes through, plus their prefecture and province. Pure (Turf only).
 *
 * - Point: the county that contains it.
 * - (Multi)LineString: every county the line intersects.
 * - (Multi)Polygon: every county whose overlap with it is larger than `minOverlapKm2`
 *   (so a neighbour that only shares a border is not counted).
 */
import { area, bbox, booleanIntersects, booleanPointInPolygon, feature, featureCollection, intersect } from '@turf/turf';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';

export interface CountyUnit {
  adcode: string;
  /** prefecture-level code (for Beijing and Tianjin, the municipality itself) */
  city_adcode: string;
  province_adcode: string;
  geometry: Polygon | MultiPolygon;
}

type Box = [number, number, number, number];

function boxesOverlap(a: Box, b: Box): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

const LEVEL_ORDER = (code: string): number => (code.endsWith('0000') ? 0 : code.endsWith('00') ? 1 : 2);

/** Codes sorted province → prefecture → county, then by code. */
export function sortRegionCodes(codes: Iterable<string>): string[] {
  return [...new Set(codes)].sort((a, b) => LEVEL_ORDER(a) - LEVEL_ORDER(b) || a.localeCompare(b));
}

export function regionsOf(geometry: Geometry, counties: readonly CountyUnit[], minOverlapKm2 = 0.1): string[] {
  const g = feature(geometry);
  const gBox = bbox(g) as Box;
  const hits: CountyUnit[] = [];
  for (const county of counties) {
    const cFeature = feature(county.geometry) as Feature<Polygon | MultiPolygon>;
    if (!boxesOverlap(gBox, bbox(cFeature) as Box)) continue;
    switch (geometry.type) {
      case 'Point':
        if (booleanPointInPolygon(geometry.coordinates, cFeature)) hits.push(county);
        break;
      case 'MultiPoint':
        if (geometry.coordinates.some((p) => booleanPointInPolygon(p, cFeature))) hits.push(county);
        break;
      case 'LineString':
      case 'MultiLineString':
        if (booleanIntersects(g, cFeature)) hits.push(county);
        break;
      case 'Polygon':
      case 'MultiPolygon': {
        const overlap = intersect(featureCollection([g as Feature<Polygon | MultiPolygon>, cFeature]));
        if (overlap && area(overlap) / 1e6 > minOverlapKm2) hits.push(county);
        break;
      }
      default:
        throw new Error(`regionsOf: unsupported geometry type ${geometry.type}`);
    }
  }
  return sortRegionCodes(hits.flatMap((c) => [c.province_adcode, c.city_adcode, c.adcode]));
}
