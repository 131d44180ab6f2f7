/**
 * The filtered plan, derived once from the store and shared by the map layers, the legend
 * counts and the list — one truth for all three. It carries the person's own layers
 * filtered by the same text and region filters (../model/userFilters.ts), so their drawn features,
 * counts, legends and regional numbers agree too.
 */
import { useEffect, useMemo, useState } from 'react';
import type { PlanItem } from '../data/plan/schema';
import type { Region } from '../data/regions/regions';
import { buildSearchIndex, filterPlan, layerKeyOf } from '../model/filters';
import { useAppStore } from './store';
import type { FilteredPlan, FilteredUserPart } from '../model/filteredPlan';
import type { Filters } from '../model/state';
import { withFeatures } from './useRegionAnalysis';
import { featureRegionsFromSummaries, filterUserLayers, userItemsOf, type UserItems } from '../model/userFilters';



const EMPTY_ITEMS: PlanItem[] = [];

export function useFilteredPlan(): FilteredPlan | null {
  const data = useAppStore((s) => s.data);
  const filters = useAppStore((s) => s.filters);
  const userLayers = useAppStore((s) => s.userLayers);
  const items = data.state === 'ready' ? data.items : EMPTY_ITEMS;
  const regions = data.state === 'ready' ? data.regions : null;
  const index = useMemo(() => (regions ? buildSearchIndex(items, { regionNames: regionNameMap(regions) }) : null), [items, regions]);
  const planPart = useMemo(() => {
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

  // Rebuilt when layers change; the engine's copy only when one is added or removed (UserItems.version).
  const userItems = useMemo(() => userItemsOf(userLayers), [userLayers]);
  const featureRegions = useUserFeatureRegions(items, userItems, filters.regions.length > 0 && userItems.total > 0);
  const users = useMemo<FilteredUserPart>(() => {
    const filtered = filterUserLayers(userLayers, filters, (id) => featureRegions?.get(id));
    const visibleIds = new Set(userLayers.filter((l) => l.visible).map((l) => l.id));
    return { layers: userLayers, items: userItems, filtered, visibleIds, key: `${filtered.version}|${[...visibleIds].join(',')}` };
  }, [userLayers, userItems, filters, featureRegions]);

  return useMemo(() => (planPart ? { ...planPart, users } : null), [planPart, users]);
}

/**
 * Which prefectures (and provinces) each user feature touches, from the aggregation engine,
 * asked for only while a region filter is on. Undefined until the answer for these layers is in.
 */
function useUserFeatureRegions(planItems: readonly PlanItem[], users: UserItems, wanted: boolean): Map<string, string[][]> | undefined {
  const [answer, setAnswer] = useState<{ version: string; regions: Map<string, string[][]> } | null>(null);
  useEffect(() => {
    if (!wanted || answer?.version === users.version) return;
    let cancelled = false;
    withFeatures(planItems, users, 'prefecture')
      .then(async (agg) => {
        const mask = new Uint8Array(planItems.length + users.total);
        mask.fill(1, planItems.length);
        const r = await agg.aggregateFeatures('prefecture', { key: `users-all@${users.version}`, mask });
        if (!cancelled) setAnswer({ version: users.version, regions: featureRegionsFromSummaries(r.regions, users.spans) });
      })
      .catch(() => {
        // The layers stay pending (hidden under the region filter); the region panel reports engine errors.
      });
    return () => {
      cancelled = true;
    };
  }, [wanted, planItems, users, answer]);
  return answer?.version === users.version ? answer.regions : undefined;
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
