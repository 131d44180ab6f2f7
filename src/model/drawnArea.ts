/**
 * Drawn areas: what a person draws on the map (polygon, rectangle, circle) to get the same
 * numbers as a region. One geometry for the map, the aggregates and the export; the circle's
 * polygon comes from Turf, passed in so that Turf loads only when an area exists.
 */
import type { FeatureCollection, Polygon } from 'geojson';

/** A drawn area: a polygon (drawn or rectangle) or a circle of a radius around a centre. */
export type DrawnShape =
  | { kind: 'polygon'; coordinates: [number, number][] } // outer ring, closed
  | { kind: 'circle'; center: [number, number]; radiusKm: number };

export interface DrawnArea {
  id: string;
  name: string;
  shape: DrawnShape;
}

type Circle = (center: [number, number], radiusKm: number) => Polygon;

let areaSeq = 0;
/** An id unique in this page and across reloads (the areas are kept in the link). */
export function newAreaId(): string {
  areaSeq += 1;
  return `area-${Date.now().toString(36)}-${areaSeq}`;
}

/** The area as a polygon: a drawn ring as it is, a circle as its polygon. */
export function drawnAreaGeometry(area: DrawnArea, circle: Circle): Polygon {
  return area.shape.kind === 'circle' ? circle(area.shape.center, area.shape.radiusKm) : { type: 'Polygon', coordinates: [area.shape.coordinates] };
}

/** The area as a one-feature GeoJSON file: its name, and a circle's centre and radius. */
export function drawnAreaFeatureCollection(area: DrawnArea, circle: Circle): FeatureCollection<Polygon> {
  const circleProps = area.shape.kind === 'circle' ? { center: area.shape.center, radius_km: area.shape.radiusKm } : {};
  return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: area.name, ...circleProps }, geometry: drawnAreaGeometry(area, circle) }] };
}

/** A name usable as a file name on every system (characters Windows refuses become "_"). */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|]+/g, '_');
}
