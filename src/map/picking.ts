import type { ImportedFeature } from '../data/import/types';
import type { PickingInfo } from '@deck.gl/core';

/** The deck.gl layer that draws the selected plan item over the others. */
export const SELECTION_LAYER = 'plan-selection';

/** The user layer id and feature under the pointer, from a deck picking result. */
export function pickedUserFeature(info: PickingInfo): { layerId: string; feature: ImportedFeature } | null {
  const id = info.layer?.id;
  if (!info.picked || !id?.startsWith('user-layer-') || !info.object) return null;
  return { layerId: id.slice('user-layer-'.length), feature: info.object as ImportedFeature };
}

/** The id of the plan item under the pointer, from a deck picking result. */
export function pickedItemId(info: PickingInfo): string | null {
  // The person's own layers may have an `id` property of their own: not a plan item.
  if (info.layer?.id.startsWith('user-layer-')) return null;
  const o = info.object as { properties?: { id?: unknown; item?: unknown } } | undefined;
  if (!o?.properties) return null;
  if (info.layer?.id === 'plan-links' && typeof o.properties.item === 'string') return o.properties.item;
  return typeof o.properties.id === 'string' ? o.properties.id : null;
}

/** What `pickPreferred` needs of the overlay (deck's MapLibreOverlay). */
export interface Picker {
  pickMultipleObjects(opts: { x: number; y: number; radius?: number; depth?: number }): PickingInfo[];
  pickObject(opts: { x: number; y: number; radius?: number; layerIds?: string[] }): PickingInfo | null;
}

/**
 * How much a picked layer means to a person: their own data, then the plan's sites and lines, then
 * the selected item's outline (drawn over the areas: where two records share one outline, as the
 * City Green Heart and its three buildings share Tongzhou's, the selected one is the one seen and
 * meant), then areas; links last.
 */
function rankOf(layerId: string): number {
  if (layerId.startsWith('user-layer-')) return 0;
  if (layerId === 'plan-lines-sites') return 1;
  if (layerId === SELECTION_LAYER) return 2;
  if (layerId === 'plan-areas' || layerId.startsWith('plan-outside')) return 3;
  return 4;
}

/**
 * The most meaningful thing under the pointer. deck's own pick is the topmost object, and a
 * cooperation link is drawn as a raised arc: at the Jing-Xiong intercity's midpoint it covered the
 * line and won the pick, though it is a schematic "A works with B", not a place. So: every object
 * within a few pixels, ranked (the person's data, then sites and lines, then areas); a link only
 * when nothing located is near, and only right on its own line (1 px), where a person means it.
 */
export function pickPreferred(picker: Picker, x: number, y: number, radius = 4): PickingInfo | null {
  let best: PickingInfo | null = null;
  for (const info of picker.pickMultipleObjects({ x, y, radius, depth: 6 })) {
    const id = info.layer?.id;
    if (!id || id === 'plan-links' || !info.object) continue;
    if (!best || rankOf(id) < rankOf(best.layer!.id)) best = info;
  }
  if (best) return best;
  const link = picker.pickObject({ x, y, radius: 1, layerIds: ['plan-links'] });
  return link?.picked ? link : null;
}
