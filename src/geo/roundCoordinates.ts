/**
 * Round every coordinate of a geometry to `decimals` places (5 ≈ 1 m), dropping
 * consecutive duplicate positions that rounding creates (rings stay closed). Pure.
 */
import type { Geometry, Position } from 'geojson';

function roundPosition(p: Position, f: number): Position {
  return [Math.round(p[0]! * f) / f, Math.round(p[1]! * f) / f];
}

function roundPath(path: Position[], f: number): Position[] {
  const out: Position[] = [];
  for (const p of path) {
    const r = roundPosition(p, f);
    const last = out[out.length - 1];
    if (!last || last[0] !== r[0] || last[1] !== r[1]) out.push(r);
  }
  return out;
}

export function roundCoordinates<G extends Geometry>(geometry: G, decimals = 5): G {
  const f = 10 ** decimals;
  switch (geometry.type) {
    case 'Point':
      return { ...geometry, coordinates: roundPosition(geometry.coordinates, f) };
    case 'MultiPoint':
      return { ...geometry, coordinates: geometry.coordinates.map((p) => roundPosition(p, f)) };
    case 'LineString':
      return { ...geometry, coordinates: roundPath(geometry.coordinates, f) };
    case 'MultiLineString':
      return { ...geometry, coordinates: geometry.coordinates.map((l) => roundPath(l, f)) };
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.map((r) => roundPath(r, f)).filter((r) => r.length >= 4) };
    case 'MultiPolygon':
      return {
        ...geometry,
        coordinates: geometry.coordinates
          .map((poly) => poly.map((r) => roundPath(r, f)).filter((r) => r.length >= 4))
          .filter((poly) => poly.length > 0),
      };
    default:
      throw new Error(`roundCoordinates: unsupported geometry type ${geometry.type}`);
  }
}
