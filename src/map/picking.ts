import type { ImportedFeature } from '../data/import/types';
import type { PickingInfo } from '@deck.gl/core';

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
