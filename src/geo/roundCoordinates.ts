/**
 * Round every coordinate of a geometry to `decimals` places (5 ≈ 1 m), dropping
 * consecutive duplicate positions that rounding creates (rings stay closed). Pure.
 */
import type { Geometry, Position } from 'geojson';

/** One coordinate to `decimals` places: the same rounding for geometries and for a link's numbers. */
export function roundCoordinate(v: number, decimals = 5): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

function roundPosition(p: Position, decimals: number): Position {
  return [roundCoordinate(p[0]!, decimals), roundCoordinate(p[1]!, decimals)];
}

function roundPath(path: Position[], decimals: number): Position[] {
  const out: Position[] = [];
  for (const p of path) {
    const r = roundPosition(p, decimals);
    const last = out[out.length - 1];
    if (!last || last[0] !== r[0] || last[1] !== r[1]) out.push(r);
  }
  return out;
}

export function roundCoordinates<G extends Geometry>(geometry: G, decimals = 5): G {
  switch (geometry.type) {
    case 'Point':
      return { ...geometry, coordinates: roundPosition(geometry.coordinates, decimals) };
    case 'MultiPoint':
      return { ...geometry, coordinates: geometry.coordinates.map((p) => roundPosition(p, decimals)) };
    case 'LineString':
      return { ...geometry, coordinates: roundPath(geometry.coordinates, decimals) };
    case 'MultiLineString':
      return { ...geometry, coordinates: geometry.coordinates.map((l) => roundPath(l, decimals)) };
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.map((r) => roundPath(r, decimals)).filter((r) => r.length >= 4) };
    case 'MultiPolygon':
      return {
        ...geometry,
        coordinates: geometry.coordinates
          .map((poly) => poly.map((r) => roundPath(r, decimals)).filter((r) => r.length >= 4))
          .filter((poly) => poly.length > 0),
      };
    default:
      throw new Error(`roundCoordinates: unsupported geometry type ${geometry.type}`);
  }
}
