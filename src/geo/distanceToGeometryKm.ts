/**
 * Shortest distance in km from a point to a Point, (Multi)LineString geometry. Pure (Turf).
 * Used to check sites and lines against independent reference coordinates.
 */
import { distance, lineString, point, pointToLineDistance } from '@turf/turf';
import type { Geometry, Position } from 'geojson';

export function distanceToGeometryKm(p: Position, geometry: Geometry): number {
  const from = point(p);
  switch (geometry.type) {
    case 'Point':
      return distance(from, point(geometry.coordinates), { units: 'kilometers' });
    case 'LineString':
      return pointToLineDistance(from, lineString(geometry.coordinates), { units: 'kilometers' });
    case 'MultiLineString':
      return Math.min(
        ...geometry.coordinates.map((l) => pointToLineDistance(from, lineString(l), { units: 'kilometers' })),
      );
    default:
      throw new Error(`distanceToGeometryKm: unsupported geometry type ${geometry.type}`);
  }
}
