/**
 * Display coordinates for a base map in another datum. The app's data is WGS-84;
 * AMap/Gaode tiles are drawn in GCJ-02, so over them every overlay is shifted into GCJ-02 for
 * display (gcoord's published transform; it is the identity outside China), and positions read
 * off the map (clicks, the camera) are shifted back. Pure functions; results for a given input
 * array are cached, so switching back and forth does not convert twice.
 */
import gcoord from 'gcoord';
import type { Geometry, Position } from 'geojson';

export type DisplayCrs = 'wgs84' | 'gcj02';

/** A WGS-84 position in the display datum. */
export function toDisplayPosition<P extends Position>(p: P, crs: DisplayCrs): P {
  if (crs === 'wgs84') return p;
  const [x, y] = gcoord.transform([p[0]!, p[1]!], gcoord.WGS84, gcoord.GCJ02);
  return (p.length > 2 ? [x, y, ...p.slice(2)] : [x, y]) as P;
}

/** A position read off a map drawn in `crs`, back in WGS-84 (iterative inverse, centimetres). */
export function fromDisplayPosition<P extends Position>(p: P, crs: DisplayCrs): P {
  if (crs === 'wgs84') return p;
  const [x, y] = gcoord.transform([p[0]!, p[1]!], gcoord.GCJ02, gcoord.WGS84);
  return (p.length > 2 ? [x, y, ...p.slice(2)] : [x, y]) as P;
}

type Coords = Position | Coords[];
function mapCoords(c: Coords, crs: DisplayCrs): Coords {
  return typeof c[0] === 'number' ? toDisplayPosition(c as Position, crs) : (c as Coords[]).map((x) => mapCoords(x, crs));
}

/** A geometry in the display datum (a new object; the input is not changed). */
export function toDisplayGeometry<G extends Geometry>(g: G, crs: DisplayCrs): G {
  if (crs === 'wgs84') return g;
  if (g.type === 'GeometryCollection') return { ...g, geometries: g.geometries.map((x) => toDisplayGeometry(x, crs)) };
  return { ...g, coordinates: mapCoords(g.coordinates as Coords, crs) } as G;
}

/** A bbox [w, s, e, n] in the display datum (its corners converted). */
export function toDisplayBbox(b: readonly [number, number, number, number], crs: DisplayCrs): [number, number, number, number] {
  if (crs === 'wgs84') return [...b];
  const [w, s] = toDisplayPosition([b[0], b[1]], crs);
  const [e, n] = toDisplayPosition([b[2], b[3]], crs);
  return [w!, s!, e!, n!];
}

const featureCache = new WeakMap<readonly object[], readonly object[]>();

/**
 * Features (anything with a `geometry`) in the display datum: new feature objects with the same
 * properties. For 'gcj02' the result is cached per input array.
 */
export function toDisplayFeatures<F extends { geometry: Geometry | null }>(features: readonly F[], crs: DisplayCrs): readonly F[] {
  if (crs === 'wgs84') return features;
  const hit = featureCache.get(features);
  if (hit) return hit as readonly F[];
  const out = features.map((f) => (f.geometry ? { ...f, geometry: toDisplayGeometry(f.geometry, crs) } : f));
  featureCache.set(features, out);
  return out;
}
