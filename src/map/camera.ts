import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Bbox } from '../geo/bbox';

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
