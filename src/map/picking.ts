import type { PickingInfo } from '@deck.gl/core';

/** The id of the plan item under the pointer, from a deck picking result. */
export function pickedItemId(info: PickingInfo): string | null {
  const o = info.object as { properties?: { id?: unknown; item?: unknown } } | undefined;
  if (!o?.properties) return null;
  if (info.layer?.id === 'plan-links' && typeof o.properties.item === 'string') return o.properties.item;
  return typeof o.properties.id === 'string' ? o.properties.id : null;
}
