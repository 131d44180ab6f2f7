import type { Map as MaplibreMap, StyleSpecification } from 'maplibre-gl';

type LayoutKey = Parameters<MaplibreMap['getLayoutProperty']>[1];
import type { BasemapUrls } from './style';

/** Resolve asset paths against the page, so maplibre's worker fetches them from our origin. */
export function absoluteUrls(urls: BasemapUrls, base: string = document.baseURI): BasemapUrls {
  const out = { ...urls };
  for (const k of Object.keys(out) as (keyof BasemapUrls)[]) out[k] = new URL(out[k], base).href;
  return out;
}

/**
 * Bring a live map's base-map layers in line with `target` (language, visibility) by setting
 * layout properties in place. `map.setStyle` is avoided: it would drop deck's interleaved layers.
 */
export function applyBasemapOptions(map: MaplibreMap, target: StyleSpecification): void {
  for (const layer of target.layers) {
    if (!map.getLayer(layer.id) || !('layout' in layer) || !layer.layout) continue;
    // shown, hidden and coloured at run time (../choropleth.ts), not by the options
    if (layer.id.startsWith('choropleth-')) continue;
    for (const [k, value] of Object.entries(layer.layout)) {
      const key = k as LayoutKey; // keys come from a typed LayerSpecification's layout
      const current: unknown = map.getLayoutProperty(layer.id, key);
      if (JSON.stringify(current) !== JSON.stringify(value)) {
        map.setLayoutProperty(layer.id, key, value);
      }
    }
  }
}

type PaintKey = Parameters<MaplibreMap['getPaintProperty']>[1];

/** Like applyBasemapOptions, for paint properties (colours of a theme). */
export function applyBasemapPaint(map: MaplibreMap, target: StyleSpecification): void {
  for (const layer of target.layers) {
    if (!map.getLayer(layer.id) || !('paint' in layer) || !layer.paint) continue;
    if (layer.id.startsWith('choropleth-') || layer.id.startsWith('highlight-')) continue; // set at run time
    for (const [k, value] of Object.entries(layer.paint)) {
      const key = k as PaintKey; // keys come from a typed LayerSpecification's paint
      if (JSON.stringify(map.getPaintProperty(layer.id, key)) !== JSON.stringify(value)) map.setPaintProperty(layer.id, key, value);
    }
  }
}
