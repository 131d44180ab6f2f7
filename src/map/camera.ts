import type { Map as MaplibreMap } from 'maplibre-gl';
import type { PlanItem } from '../data/plan/schema';

export type Bbox = [number, number, number, number];

/** Bounding box of an item's geometry, or null when it has none. */
export function itemBbox(item: PlanItem): Bbox | null {
  const g = item.geometry;
  if (!g) return null;
  const pts: number[][] =
    g.type === 'Point' ? [g.coordinates] : g.type === 'LineString' ? g.coordinates : g.type === 'MultiLineString' || g.type === 'Polygon' ? g.coordinates.flat() : g.coordinates.flat(2);
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const [x, y] of pts) {
    if (x === undefined || y === undefined) continue;
    w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y);
  }
  return [w, s, e, n];
}

/** Move the camera to a bbox; a point (or a tiny box) gets a sensible zoom instead of the max. */
export function flyToBbox(map: MaplibreMap, bbox: Bbox, padding = 60): void {
  const [w, s, e, n] = bbox;
  const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  if (e - w < 0.02 && n - s < 0.02) {
    map.flyTo({ center: [(w + e) / 2, (s + n) / 2], zoom: Math.max(map.getZoom(), 10), essential: true, animate: !reduced });
    return;
  }
  map.fitBounds([[w, s], [e, n]], { padding, maxZoom: 11, animate: !reduced, essential: true });
}
