/**
 * A name beside the place a chapter is about, so that a highlighted point is never an
 * unlabelled dot. A plain element over the map (its text set as text, never as HTML), moved
 * with the camera; no MapLibre marker, so this module needs only MapLibre's types.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';

/** Show `text` above `at` (display coordinates); returns the function that removes it. */
export function showCallout(map: MaplibreMap, at: [number, number], text: string): () => void {
  const el = document.createElement('div');
  el.className = 'map-callout';
  el.setAttribute('aria-hidden', 'true'); // the caption names it for screen readers
  el.dataset.testid = 'map-callout';
  el.textContent = text;
  map.getContainer().appendChild(el);
  const place = () => {
    const p = map.project(at);
    // centred over the place, but never past the map's edges (a long name near an edge)
    const half = el.offsetWidth / 2;
    const x = Math.min(Math.max(p.x, half + 4), map.getContainer().clientWidth - half - 4);
    el.style.transform = `translate(${Math.round(x)}px, ${Math.round(p.y)}px) translate(-50%, calc(-100% - 12px))`;
  };
  place();
  map.on('move', place);
  return () => {
    map.off('move', place);
    el.remove();
  };
}
