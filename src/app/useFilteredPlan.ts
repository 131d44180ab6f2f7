/**
 * The filtered plan, derived once from the store and shared by the map layers, the legend
 * counts and the list — one truth for all three.
 */
import { useMemo } from 'react';
import type { PlanItem, PlanLink } from '../data/plan/schema';
import type { Region } from '../data/regions/regions';
import { buildSearchIndex, filterPlan, layerKeyOf, type LayerCount } from './filters';
import { useAppStore } from './store';
import type { Filters, PlanLayerKey } from './state';

export interface FilteredPlan {
  items: PlanItem[];
  links: PlanLink[];
  regions: Map<string, Region>;
  visible: boolean[];
  visibleIds: string[];
  countsByLayer: Record<PlanLayerKey, LayerCount>;
  /** A string that changes whenever `visible` does (for deck.gl updateTriggers). */
  version: string;
  layerOf: (item: PlanItem) => PlanLayerKey;
}

const EMPTY_ITEMS: PlanItem[] = [];

export function useFilteredPlan(): FilteredPlan | null {
  const data = useAppStore((s) => s.data);
  const filters = useAppStore((s) => s.filters);
  const items = data.state === 'ready' ? data.items : EMPTY_ITEMS;
  const regions = data.state === 'ready' ? data.regions : null;
  const index = useMemo(() => (regions ? buildSearchIndex(items, { regionNames: regionNameMap(regions) }) : null), [items, regions]);
  return useMemo(() => {
    if (data.state !== 'ready' || !index) return null;
    const result = filterPlan(data.items, filters, { regionNames: regionNameMap(data.regions) }, index);
    return {
      items: data.items,
      links: data.links,
      regions: data.regions,
      visible: result.visible,
      visibleIds: result.visibleIds,
      countsByLayer: result.countsByLayer,
      version: filterKey(filters),
      layerOf: layerKeyOf,
    };
  }, [data, filters, index]);
}

function filterKey(f: Filters): string {
  return JSON.stringify(f);
}

const nameMaps = new WeakMap<Map<string, Region>, Map<string, { zh: string; en: string }>>();
export function regionNameMap(regions: Map<string, Region>): Map<string, { zh: string; en: string }> {
  let m = nameMaps.get(regions);
  if (!m) {
    m = new Map([...regions].map(([code, r]) => [code, { zh: r.name_zh, en: r.name_en }]));
    nameMaps.set(regions, m);
  }
  return m;
}
