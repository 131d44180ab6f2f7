/** The bounding box of any GeoJSON geometry (pure). */
import type { Geometry } from 'geojson';

/** [west, south, east, north] of a geometry, or null when it has no coordinates. */
export function featureBbox(g: Geometry | null): [number, number, number, number] | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      w = Math.min(w, c[0]); e = Math.max(e, c[0]); s = Math.min(s, c[1]); n = Math.max(n, c[1]);
      return;
    }
    for (const x of c) visit(x);
  };
  const walk = (x: Geometry | null) => {
    if (!x) return;
    if (x.type === 'GeometryCollection') x.geometries.forEach(walk);
    else visit(x.coordinates);
  };
  walk(g);
  return Number.isFinite(w) ? [w, s, e, n] : null;
}
