/**
 * The region a click would select, outlined under the pointer before the click (regions tab),
 * and the region whose choropleth value the tooltip tells. Runtime layers on the base map's own
 * boundary sources, under the labels: a white casing and a dark dashed line, legible on the light
 * and the dark theme and over any choropleth colour.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { RegionLevel } from '../model/analysis';
import { FIRST_LABEL_LAYER } from './basemap/style';

const SOURCE: Record<RegionLevel, string> = { province: 'provinces', prefecture: 'prefectures', county: 'counties' };
const NONE = ['in', ['get', 'adcode'], ['literal', []]];

function ensureLayers(map: MaplibreMap): void {
  for (const src of Object.values(SOURCE)) {
    // ids start with highlight-: kept over an online base map like the other highlights
    const casing = `highlight-hover-${src}-casing`;
    if (map.getLayer(casing) || !map.getSource(src)) continue;
    const before = map.getLayer(FIRST_LABEL_LAYER) ? FIRST_LABEL_LAYER : undefined;
    map.addLayer({ id: casing, type: 'line', source: src, filter: NONE as never, paint: { 'line-color': '#ffffff', 'line-width': 5, 'line-opacity': 0.9 } }, before);
    map.addLayer(
      { id: `highlight-hover-${src}`, type: 'line', source: src, filter: NONE as never, paint: { 'line-color': '#1a1a1a', 'line-width': 2.2, 'line-dasharray': [2, 1] } },
      before,
    );
  }
}

export function setRegionHover(map: MaplibreMap, hover: { level: RegionLevel; code: string } | null): void {
  ensureLayers(map);
  for (const [level, src] of Object.entries(SOURCE) as [RegionLevel, string][]) {
    const filter = hover && hover.level === level ? ['==', ['get', 'adcode'], hover.code] : NONE;
    for (const id of [`highlight-hover-${src}-casing`, `highlight-hover-${src}`]) if (map.getLayer(id)) map.setFilter(id, filter as never);
  }
}
