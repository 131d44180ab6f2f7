import type { Map as MaplibreMap } from 'maplibre-gl';

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
  const filter = ['in', ['get', 'adcode'], ['literal', [...codes]]] as const;
  for (const src of ['provinces', 'prefectures', 'counties']) {
    for (const kind of ['fill', 'line']) {
      const id = `highlight-${src}-${kind}`;
      // Beijing and Tianjin share one code at province and prefecture level: draw them once.
      const f = src === 'prefectures' ? ['all', filter, ['!', ['in', ['get', 'adcode'], ['literal', ['110000', '120000']]]]] : filter;
      if (map.getLayer(id)) map.setFilter(id, f as never); // a valid filter expression, typed loosely by maplibre
    }
  }
}
