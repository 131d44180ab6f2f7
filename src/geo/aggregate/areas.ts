/**
 * Area of overlap between a polygon and each region: turf.intersect + turf.area (geodesic,
 * km²), on the regions whose bbox meets the polygon's (flatbush). The result for a region is
 * exactly the naive Turf computation's.
 */
import { area, bbox as turfBbox, feature, featureCollection, intersect } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { regionsInBox, type Bbox, type RegionIndex } from './regionIndex';

export type AreaGeometry = Polygon | MultiPolygon;

/** 1 km² = 1,500 mu (亩; 1 mu = 666.67 m²). */
export const MU_PER_KM2 = 1500;
export const km2ToMu = (km2: number): number => km2 * MU_PER_KM2;
export const muToKm2 = (mu: number): number => mu / MU_PER_KM2;

export interface AreaOverlap {
  /** km² of overlap with each region (by region number). */
  km2: Float64Array;
  /** Regions with a positive overlap, ascending. */
  touched: number[];
  /** Area of the polygon itself, km² (turf.area). */
  totalKm2: number;
  /** km² of the polygon in no region (total minus the sum of overlaps; ≥ 0). */
  outsideKm2: number;
}

function asFeature(polygon: AreaGeometry | Feature<AreaGeometry>): Feature<AreaGeometry> {
  return polygon.type === 'Feature' ? polygon : feature(polygon);
}

/** km² of overlap between two (multi)polygons with Turf (0 if they do not overlap). */
export function overlapKm2(a: Feature<AreaGeometry>, b: Feature<AreaGeometry>): number {
  const x = intersect(featureCollection<AreaGeometry>([a, b]));
  return x ? area(x) / 1e6 : 0;
}

export function areaInRegions(index: RegionIndex, polygon: AreaGeometry | Feature<AreaGeometry>): AreaOverlap {
  const f = asFeature(polygon);
  const km2 = new Float64Array(index.size);
  const touched: number[] = [];
  const totalKm2 = area(f) / 1e6;
  let inside = 0;
  for (const r of regionsInBox(index, turfBbox(f) as Bbox)) {
    const v = overlapKm2(f, index.features[r]!);
    km2[r] = v;
    inside += v;
    if (v > 0) touched.push(r);
  }
  return { km2, touched, totalKm2, outsideKm2: Math.max(0, totalKm2 - inside) };
}
