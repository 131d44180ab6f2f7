/**
 * The regional aggregates for the region panel, the choropleth and the drawn areas, computed
 * by the aggregation engine in its Web Worker (src/geo/aggregate). The worker starts only when
 * a person first asks for regional numbers, and every answer is for the same filtered set the
 * map and the list show (the filter mask is the `visible` array).
 *
 * The engine holds the plan's items followed by the features of every user layer
 * (../model/userFilters.ts userItemsOf). Plan numbers use a mask with the plan's filtered items only;
 * user numbers a mask with the user features that pass the filters in layers that are shown.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Aggregator } from '../geo/aggregate/client';
import type { AggregatableItem, AreaAggregate, RegionSummary } from '../geo/aggregate/features';
import type { PlanItem } from '../data/plan/schema';
import type { UserItems } from '../model/userFilters';
import type { RegionSetInfo } from '../geo/aggregate/protocol';
import { basemapUrls } from '../map/basemap/sources';
import { absoluteUrls } from '../map/basemap/apply';
import type { FilteredPlan } from '../model/filteredPlan';
import type { RegionLevel } from '../model/analysis';
import { drawnAreaGeometry } from '../model/drawnArea';
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
/** The engine's features: the plan's items, then every user layer's features. */
export async function withFeatures(items: readonly PlanItem[], users: UserItems, level: RegionLevel): Promise<Aggregator> {
  const agg = await regionSet(level);
  const version = `plan@${items.length}:${items[0]?.properties.id ?? ''}|users@${users.version}`;
  if (featuresVersion !== version) {
    featuresVersion = version;
    const all: readonly AggregatableItem[] = users.total === 0 ? items : [...items, ...users.items];
    await agg.setFeatures(version, all);
  }
  return agg;
}

/** The plan's filtered items (user features masked out). */
function filterOf(plan: FilteredPlan) {
  const mask = new Uint8Array(plan.items.length + plan.users.items.total);
  plan.visible.forEach((v, i) => (mask[i] = v ? 1 : 0));
  return { key: plan.version, mask };
}

/** The user features that pass the filters, in layers that are shown (plan items masked out); null when none are. */
export function userFilterOf(plan: FilteredPlan): { key: string; mask: Uint8Array } | null {
  const n = plan.items.length;
  const mask = new Uint8Array(n + plan.users.items.total);
  let any = false;
  for (const span of plan.users.items.spans) {
    const f = plan.users.filtered.byLayer.get(span.id);
    if (!f || !plan.users.visibleIds.has(span.id)) continue;
    mask.set(f.shown, n + span.start);
    any ||= f.count > 0;
  }
  return any ? { key: `users:${plan.users.key}`, mask } : null;
}

/** Which regions of a level contain a point (for clicks on the map). */
export async function regionsAtPoint(level: RegionLevel, lon: number, lat: number): Promise<string[]> {
  const agg = await regionSet(level);
  return agg.regionsAt(level, lon, lat);
}

export interface RegionAnalysis {
  /** Per region code, by level, for the current filters; a level is missing while it computes. */
  byLevel: Partial<Record<RegionLevel, Map<string, RegionSummary>>>;
  /** The same for the user layers' features that are shown (empty maps when none are). */
  userByLevel: Partial<Record<RegionLevel, Map<string, RegionSummary>>>;
  /** The level clicks select at (the chooser, or the zoom's). */
  level: RegionLevel;
  areas: Map<string, AreaAggregate>;
  /** Per drawn area: the user features inside (absent when no user feature is shown). */
  userAreas: Map<string, AreaAggregate>;
  error: string | null;
}

const ALL_LEVELS: RegionLevel[] = ['province', 'prefecture', 'county'];

export function useRegionAnalysis(plan: FilteredPlan | null, level: RegionLevel, levels: readonly RegionLevel[]): RegionAnalysis {
  const drawnAreas = useAppStore((s) => s.drawnAreas);
  const [results, setResults] = useState<{ version: string; byLevel: Partial<Record<RegionLevel, Map<string, RegionSummary>>>; userByLevel: Partial<Record<RegionLevel, Map<string, RegionSummary>>> }>({
    version: '',
    byLevel: {},
    userByLevel: {},
  });
  const [areas, setAreas] = useState<{ plan: Map<string, AreaAggregate>; users: Map<string, AreaAggregate> }>({ plan: new Map(), users: new Map() });
  const [error, setError] = useState<string | null>(null);
  const wanted = ALL_LEVELS.filter((l) => levels.includes(l)).join(',');

  useEffect(() => {
    if (!plan || !wanted) return;
    let cancelled = false;
    const version = analysisVersion(plan);
    const users = userFilterOf(plan);
    for (const l of wanted.split(',') as RegionLevel[]) {
      withFeatures(plan.items, plan.users.items, l)
        .then((agg) => Promise.all([agg.aggregateFeatures(l, filterOf(plan)), users ? agg.aggregateFeatures(l, users) : null]))
        .then(([r, u]) => {
          if (cancelled) return;
          const map = new Map(r.regions.map((s) => [s.id, s]));
          const userMap = new Map(u ? u.regions.map((s) => [s.id, s]) : []);
          setResults((prev) => {
            const same = prev.version === version;
            return { version, byLevel: { ...(same ? prev.byLevel : {}), [l]: map }, userByLevel: { ...(same ? prev.userByLevel : {}), [l]: userMap } };
          });
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
    const users = userFilterOf(plan);
    Promise.all([withFeatures(plan.items, plan.users.items, level), import('../geo/aggregate/features')])
      .then(async ([agg, { circlePolygon }]) => {
        const circle = (c: [number, number], km: number) => circlePolygon(c, km).geometry;
        const entries = await Promise.all(
          drawnAreas.map(async (a) => {
            const g = drawnAreaGeometry(a, circle);
            return [a.id, await agg.aggregateInArea(g, filterOf(plan)), users ? await agg.aggregateInArea(g, users) : null] as const;
          }),
        );
        if (cancelled) return;
        setAreas({
          plan: new Map(entries.map(([id, p]) => [id, p])),
          users: new Map(entries.flatMap(([id, , u]) => (u ? [[id, u] as const] : []))),
        });
      })
      .catch((e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [plan, drawnAreas, level]);

  const version = plan ? analysisVersion(plan) : '';
  return useMemo(() => {
    const current = results.version === version;
    return { byLevel: current ? results.byLevel : {}, userByLevel: current ? results.userByLevel : {}, level, areas: areas.plan, userAreas: areas.users, error };
  }, [results, version, level, areas, error]);
}

/** Changes when the plan's filtered set or the user features shown do. */
function analysisVersion(plan: FilteredPlan): string {
  return `${plan.version}|${plan.users.key}`;
}
