/**
 * The regional aggregates for the region panel, the choropleth and the drawn areas, computed
 * by the aggregation engine in its Web Worker (src/geo/aggregate). The worker starts only when
 * a person first asks for regional numbers, and every answer is for the same filtered set the
 * map and the list show (the filter mask is the `visible` array).
 */
import { useEffect, useMemo, useState } from 'react';
import type { Aggregator } from '../geo/aggregate/client';
import type { AreaAggregate, RegionSummary } from '../geo/aggregate/features';
import type { AreaGeometry } from '../geo/aggregate/areas';
import type { RegionSetInfo } from '../geo/aggregate/protocol';
import { basemapUrls } from '../map/basemap/sources';
import { absoluteUrls } from '../map/basemap/apply';
import type { FilteredPlan } from './useFilteredPlan';
import type { DrawnArea, RegionLevel } from './analysis';
import { useAppStore } from './store';

const SETS: Record<RegionLevel, keyof typeof basemapUrls> = { province: 'provinces', prefecture: 'prefectures', county: 'counties' };

let shared: Promise<{ agg: Aggregator; ready: Map<string, Promise<RegionSetInfo>> }> | null = null;
/** One worker for the page, created on first use. */
export function getAggregator(): Promise<{ agg: Aggregator; ready: Map<string, Promise<RegionSetInfo>> }> {
  shared ??= import('../geo/aggregate/client').then(({ createAggregator }) => ({ agg: createAggregator(), ready: new Map() }));
  return shared;
}

async function regionSet(level: RegionLevel): Promise<Aggregator> {
  await regionSetInfo(level);
  return (await getAggregator()).agg;
}

/** Index a level's regions in the worker once; its ids in index order. */
export async function regionSetInfo(level: RegionLevel): Promise<RegionSetInfo> {
  const { agg, ready } = await getAggregator();
  let p = ready.get(level);
  if (!p) {
    p = agg.setRegions(level, absoluteUrls(basemapUrls)[SETS[level]]);
    ready.set(level, p);
  }
  return p;
}

let featuresVersion: string | null = null;
async function withFeatures(plan: FilteredPlan, level: RegionLevel): Promise<Aggregator> {
  const agg = await regionSet(level);
  const version = `plan@${plan.items.length}:${plan.items[0]?.properties.id ?? ''}`;
  if (featuresVersion !== version) {
    await agg.setFeatures(version, plan.items);
    featuresVersion = version;
  }
  return agg;
}

function filterOf(plan: FilteredPlan) {
  return { key: plan.version, mask: Uint8Array.from(plan.visible, (v) => (v ? 1 : 0)) };
}

/** Which regions of a level contain a point (for clicks on the map). */
export async function regionsAtPoint(level: RegionLevel, lon: number, lat: number): Promise<string[]> {
  const agg = await regionSet(level);
  return agg.regionsAt(level, lon, lat);
}

export function areaGeometry(area: DrawnArea, circle: (c: [number, number], km: number) => AreaGeometry): AreaGeometry {
  return area.shape.kind === 'circle' ? circle(area.shape.center, area.shape.radiusKm) : { type: 'Polygon', coordinates: [area.shape.coordinates] };
}

export interface RegionAnalysis {
  /** Per region code, by level, for the current filters; a level is missing while it computes. */
  byLevel: Partial<Record<RegionLevel, Map<string, RegionSummary>>>;
  /** The level clicks select at (the chooser, or the zoom's). */
  level: RegionLevel;
  areas: Map<string, AreaAggregate>;
  error: string | null;
}

const ALL_LEVELS: RegionLevel[] = ['province', 'prefecture', 'county'];

export function useRegionAnalysis(plan: FilteredPlan | null, level: RegionLevel, levels: readonly RegionLevel[]): RegionAnalysis {
  const drawnAreas = useAppStore((s) => s.drawnAreas);
  const [results, setResults] = useState<{ version: string; byLevel: Partial<Record<RegionLevel, Map<string, RegionSummary>>> }>({ version: '', byLevel: {} });
  const [areas, setAreas] = useState<Map<string, AreaAggregate>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const wanted = ALL_LEVELS.filter((l) => levels.includes(l)).join(',');

  useEffect(() => {
    if (!plan || !wanted) return;
    let cancelled = false;
    for (const l of wanted.split(',') as RegionLevel[]) {
      withFeatures(plan, l)
        .then((agg) => agg.aggregateFeatures(l, filterOf(plan)))
        .then((r) => {
          if (cancelled) return;
          const map = new Map(r.regions.map((s) => [s.id, s]));
          setResults((prev) => ({ version: plan.version, byLevel: { ...(prev.version === plan.version ? prev.byLevel : {}), [l]: map } }));
          setError(null);
        })
        .catch((e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)));
    }
    return () => {
      cancelled = true;
    };
  }, [plan, wanted]);

  useEffect(() => {
    if (!plan || drawnAreas.length === 0) return;
    let cancelled = false;
    Promise.all([withFeatures(plan, level), import('../geo/aggregate/features')])
      .then(async ([agg, { circlePolygon }]) => {
        const circle = (c: [number, number], km: number) => circlePolygon(c, km).geometry;
        const entries = await Promise.all(drawnAreas.map(async (a) => [a.id, await agg.aggregateInArea(areaGeometry(a, circle), filterOf(plan))] as const));
        if (!cancelled) setAreas(new Map(entries));
      })
      .catch((e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [plan, drawnAreas, level]);

  const version = plan?.version ?? '';
  return useMemo(
    () => ({ byLevel: results.version === version ? results.byLevel : {}, level, areas, error }),
    [results, version, level, areas, error],
  );
}
