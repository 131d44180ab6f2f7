/**
 * Keeps the base map's arrowheads and labels for links that lead off the map (model/edgeLinks.ts)
 * in step with the filtered plan: shown while the link's item is shown, in its layer's colour.
 * Over a GCJ-02 base map they are not shifted: ~600 m is far below a pixel at the zooms where the
 * region's frame is in view.
 */
import { useEffect, type RefObject } from 'react';
import { edgeLinks } from '../../model/edgeLinks';
import { PLAN_LAYER_COLORS } from '../../model/planColors';
import type { FilteredPlan } from '../../model/filteredPlan';
import type { MapHandle } from '../../map/MapView';
import { setEdgeLinks } from '../../map/edgeLinks';

const hex = (rgb: readonly number[]) => '#' + rgb.map((v) => v.toString(16).padStart(2, '0')).join('');

export function useEdgeLinks(handle: RefObject<MapHandle | null>, ready: boolean, plan: FilteredPlan | null): void {
  useEffect(() => {
    const map = ready ? handle.current?.map : null;
    if (!map || !plan) return;
    const index = new Map(plan.items.map((it, i) => [it.properties.id, i]));
    const shown = edgeLinks(plan.links).flatMap((l) => {
      const i = index.get(l.itemId);
      if (i === undefined || !plan.visible[i]) return [];
      return [{ ...l, color: hex(PLAN_LAYER_COLORS[plan.layerOf(plan.items[i]!)]) }];
    });
    setEdgeLinks(map, shown);
  }, [handle, ready, plan]);
}
