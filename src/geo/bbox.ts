/** Bounding boxes of GeoJSON geometries (pure): the one implementation every caller uses. */
import type { Geometry } from 'geojson';

/** [west, south, east, north] */
export type Bbox = [number, number, number, number];

/** A box that any extension replaces (not finite until something is added). */
export function emptyBbox(): Bbox {
  return [Infinity, Infinity, -Infinity, -Infinity];
}

/** Grow `b` (in place) to cover a geometry's coordinates; returns `b`. */
export function extendBbox(b: Bbox, g: Geometry | null): Bbox {
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      if (c[0] < b[0]) b[0] = c[0];
      if (c[1] < b[1]) b[1] = c[1];
      if (c[0] > b[2]) b[2] = c[0];
      if (c[1] > b[3]) b[3] = c[1];
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
  return b;
}

/** The box of a geometry, or null when it has no coordinates. */
export function geometryBbox(g: Geometry | null): Bbox | null {
  return finiteOrNull(extendBbox(emptyBbox(), g));
}

/** The box covering several boxes (missing ones skipped), or null when there are none. */
export function unionBboxes(boxes: readonly (readonly [number, number, number, number] | null | undefined)[]): Bbox | null {
  const b = emptyBbox();
  for (const x of boxes) {
    if (!x) continue;
    b[0] = Math.min(b[0], x[0]);
    b[1] = Math.min(b[1], x[1]);
    b[2] = Math.max(b[2], x[2]);
    b[3] = Math.max(b[3], x[3]);
  }
  return finiteOrNull(b);
}

export function finiteOrNull(b: Bbox): Bbox | null {
  return Number.isFinite(b[0]) ? b : null;
}
