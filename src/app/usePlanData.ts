import { useEffect } from 'react';
import { basemapUrls } from '../map/basemap/sources';
import { useAppStore } from './store';

/** Load the plan dataset and the region table once, at start. A failure is shown, never thrown. */
export function usePlanData(): void {
  const setData = useAppStore((s) => s.setData);
  useEffect(() => {
    let cancelled = false;
    // The loaders (and zod) are not needed for the base map's first frame: load them alongside.
    Promise.all([import('../data/plan/load'), import('../data/regions/regions')])
      .then(([{ loadPlan }, { loadRegions }]) => Promise.all([loadPlan(), loadRegions(basemapUrls.labels)]))
      .then(([plan, regions]) => {
        if (!cancelled) setData({ state: 'ready', meta: plan.meta, items: plan.items, links: plan.links, regions });
      })
      .catch((e: unknown) => {
        if (!cancelled) setData({ state: 'failed', reason: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      cancelled = true;
    };
  }, [setData]);
}
