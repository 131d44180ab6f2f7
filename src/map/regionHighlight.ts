import type { Map as MaplibreMap } from 'maplibre-gl';
import { REGION_SOURCES, regionHighlightFilter } from './basemap/style';

/**
 * Highlight regions by code on the base map (the regions a selected item concerns). Only the
 * most specific codes are drawn: an item that names Langfang lists 130000 and 131000, and
 * only Langfang is outlined.
 */
export function mostSpecificRegions(codes: readonly string[], parentOf: (code: string) => string | null): string[] {
  const set = new Set(codes);
  const ancestors = new Set<string>();
  for (const c of codes) {
    let p = parentOf(c);
    while (p) {
      ancestors.add(p);
      p = parentOf(p);
    }
  }
  return [...set].filter((c) => !ancestors.has(c));
}

export function setRegionHighlight(map: MaplibreMap, codes: readonly string[]): void {
  for (const src of REGION_SOURCES) {
    for (const kind of ['fill', 'line']) {
      const id = `highlight-${src}-${kind}`;
      if (map.getLayer(id)) map.setFilter(id, regionHighlightFilter(src, codes));
    }
  }
}
