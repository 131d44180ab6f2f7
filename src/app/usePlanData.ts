import { useEffect, useRef } from 'react';
import { basemapUrls } from '../map/basemap/sources';
import { useAppStore } from './store';

/**
 * Load the plan dataset and the region table once, as soon as the base map has drawn its first
 * frame (or has failed to start: the list still needs the data). The loaders, zod and the
 * parsing of the data would otherwise compete with the base map for the CPU. A failure is
 * shown, never thrown.
 */
export function usePlanData(): void {
  const setData = useAppStore((s) => s.setData);
  const canStart = useAppStore((s) => s.baseMapDrawn || s.mapStatus.state === 'failed');
  const started = useRef(false);
  useEffect(() => {
    if (!canStart || started.current) return;
    started.current = true;
    let cancelled = false;
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
  }, [setData, canStart]);
}
