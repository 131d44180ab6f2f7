import type { Map as MaplibreMap } from 'maplibre-gl';
import type { LayersList } from '@deck.gl/core';
import type { MapLibreOverlay } from '@deck.gl/maplibre';

/**
 * deck.gl's interleaved MapLibreOverlay draws each layer inside a custom "layer group" that it adds
 * to MapLibre's style at the layer's `beforeId` (the plan's layers: under the labels). It adds the
 * groups only while `map.isStyleLoaded()`, which is false as long as any source is still loading
 * tiles, and tries again only on the next `styledata`. A layer given in such a moment has no group,
 * and deck draws it after MapLibre's frame, over everything: at the app's start the plan's lines
 * and areas covered the city names in about half the starts (the plan's layers arrive just as the
 * edge links' source loads its new data). So as soon as the style is loaded again (a source's data
 * in, or the map idle) and a group is missing, the overlay is given its layers again, and adds it.
 */
export function keepLayerGroups(map: MaplibreMap, overlay: MapLibreOverlay, layers: () => LayersList): void {
  const check = () => {
    const current = layers();
    if (groupsMissing(map, current) && map.isStyleLoaded()) overlay.setProps({ layers: [...current] });
  };
  map.on('data', check);
  map.on('idle', check);
}

/** The id deck gives the group of a layer with this `beforeId` (@deck.gl/maplibre's layer-utils). */
export function layerGroupId(beforeId: string | undefined): string {
  return beforeId ? `deck-maplibre-layer-group-before:${beforeId}` : 'deck-maplibre-layer-group-last';
}

function groupsMissing(map: MaplibreMap, layers: LayersList): boolean {
  return layers.some((layer) => {
    if (Array.isArray(layer)) return groupsMissing(map, layer as LayersList);
    if (!layer) return false;
    const beforeId = (layer.props as { beforeId?: string }).beforeId; // deck 9.4's prop types lack interleaved `beforeId`
    return !map.getLayer(layerGroupId(beforeId));
  });
}
