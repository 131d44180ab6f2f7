import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import type { EdgeLink } from '../model/edgeLinks';

/**
 * The arrowheads and labels of the links that lead off the map (../model/edgeLinks.ts), drawn by
 * the base style's `edge-link-*` symbol layers above every label: MapLibre draws their glyphs from
 * the bundled font, and they follow the label language like the rest of the base map.
 */
export function setEdgeLinks(map: MaplibreMap, links: readonly (EdgeLink & { color: string })[]): void {
  const source = map.getSource<GeoJSONSource>('edgeLinks');
  if (!source) return;
  const data: GeoJSON.FeatureCollection = {
    type: 'FeatureCollection',
    features: links.map((l) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: l.end },
      properties: { id: l.linkId, bearing: l.bearing, color: l.color, to_zh: l.to_zh, to_en: l.to_en },
    })),
  };
  // setData re-lays out the source in MapLibre's worker and redraws the map, even for the same
  // links: a filter change that leaves them as they were does not pay for that.
  const key = JSON.stringify(data);
  if (lastSet.get(source) === key) return;
  lastSet.set(source, key);
  source.setData(data);
}

const lastSet = new WeakMap<GeoJSONSource, string>();
