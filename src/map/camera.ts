import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Bbox } from '../geo/bbox';
import { JJJ_BOUNDS } from './basemap/style';

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

/**
 * The region's bounds when the whole region is in view (an overview), else null: an export or a
 * print of an overview is framed on the region, centred, rather than on wherever the screen's
 * panels pushed it; a closer view is kept as it is.
 */
export function regionFrame(map: Pick<MaplibreMap, 'getBounds'>): [[number, number], [number, number]] | null {
  const b = map.getBounds();
  const [[w, s], [e, n]] = JJJ_BOUNDS;
  const inView = b.getWest() <= w && b.getEast() >= e && b.getSouth() <= s && b.getNorth() >= n;
  return inView ? JJJ_BOUNDS : null;
}
