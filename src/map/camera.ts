import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Bbox } from '../geo/bbox';
import { JJJ_BOUNDS } from './basemap/style';
import { prefersReducedMotion } from './motion';

/** Move the camera to a bbox; a point (or a tiny box) gets a sensible zoom instead of the max. */
export function flyToBbox(map: MaplibreMap, bbox: Bbox, padding = 60): void {
  const [w, s, e, n] = bbox;
  const reduced = prefersReducedMotion();
  if (e - w < 0.02 && n - s < 0.02) {
    map.flyTo({ center: [(w + e) / 2, (s + n) / 2], zoom: Math.max(map.getZoom(), 10), essential: true, animate: !reduced });
    return;
  }
  map.fitBounds([[w, s], [e, n]], { padding, maxZoom: 11, animate: !reduced, essential: true });
}

/**
 * The camera that shows `bbox` (display coordinates) whole inside the map minus `padding`, at
 * the given bearing, no closer than `maxZoom` (the zoom a chapter was written for: a point or a
 * small place keeps it). Null when the padding leaves no room. The camera is returned, not
 * applied, so that the caller flies to it with its own pitch and duration.
 */
export function frameBbox(map: MaplibreMap, bbox: Bbox, padding: { top: number; right: number; bottom: number; left: number }, opts: { bearing: number; maxZoom: number }): { center: [number, number]; zoom: number } | null {
  const [w, s, e, n] = bbox;
  const fit = map.cameraForBounds([[w, s], [e, n]], { padding, bearing: opts.bearing, maxZoom: opts.maxZoom });
  if (!fit) return null;
  const c = fit.center as { lng: number; lat: number };
  return { center: [c.lng, c.lat], zoom: Math.max(map.getMinZoom(), fit.zoom ?? opts.maxZoom) };
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
