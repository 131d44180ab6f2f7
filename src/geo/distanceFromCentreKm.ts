/**
 * Geodesic distance in km from a centre (e.g. Tiananmen) to an item's geometry: to the point,
 * to the nearest point of a line, and 0 inside an area (else to its nearest edge). Pure (Turf).
 */
import { booleanPointInPolygon, distance, lineString, point, pointToLineDistance } from '@turf/turf';
import type { Geometry, Position } from 'geojson';


export function distanceFromCentreKm(centre: Position, geometry: Geometry): number {
  const from = point(centre);
  const toLine = (coords: Position[]) => pointToLineDistance(from, lineString(coords), { units: 'kilometers' });
  switch (geometry.type) {
    case 'Point':
      return distance(from, point(geometry.coordinates), { units: 'kilometers' });
    case 'MultiPoint':
      return Math.min(...geometry.coordinates.map((c) => distance(from, point(c), { units: 'kilometers' })));
    case 'LineString':
      return toLine(geometry.coordinates);
    case 'MultiLineString':
      return Math.min(...geometry.coordinates.map(toLine));
    case 'Polygon':
      if (booleanPointInPolygon(from, geometry)) return 0;
      return Math.min(...geometry.coordinates.map(toLine));
    case 'MultiPolygon':
      if (booleanPointInPolygon(from, geometry)) return 0;
      return Math.min(...geometry.coordinates.flat().map(toLine));
    case 'GeometryCollection':
      return Math.min(...geometry.geometries.map((g) => distanceFromCentreKm(centre, g)));
  }
}
