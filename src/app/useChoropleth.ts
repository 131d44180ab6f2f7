/**
 * The choropleth's classes and colours, from the engine's per-region numbers (the same ones
 * the region panel shows), so the legend, the colours on the map and the values on hover agree.
 */
import { useEffect, useMemo, useState } from 'react';
import { classBreaks, classOf, sequentialPalette } from '../geo/classify';
import type { RegionLevel } from '../model/analysis';
import type { RegionAnalysis } from './useRegionAnalysis';
import { getAggregator, regionSetInfo } from './useRegionAnalysis';
import { choroplethValue } from '../model/choroplethValues';
import { useAppStore } from './store';

export interface ChoroplethLegend {
  level: RegionLevel;
  classes: { from: number; to: number; color: string; count: number }[];
  /** region code → value and colour */
  values: Map<string, { value: number; color: string }>;
}

const areaCache = new Map<RegionLevel, Promise<Map<string, number>>>();
/** km² of every region of a level (the overlap of each region with a box around them all). */
function regionAreas(level: RegionLevel): Promise<Map<string, number>> {
  let p = areaCache.get(level);
  if (!p) {
    p = Promise.all([regionSetInfo(level), getAggregator()]).then(async ([info, { agg }]) => {
      const r = await agg.areaInRegions(level, { type: 'Polygon', coordinates: [[[112, 35], [121, 35], [121, 43.5], [112, 43.5], [112, 35]]] });
      return new Map(info.ids.map((id, i) => [id, r.km2[i] ?? 0]));
    });
    areaCache.set(level, p);
  }
  return p;
}

export function useChoropleth(analysis: RegionAnalysis): ChoroplethLegend | null {
  const settings = useAppStore((s) => s.choropleth);
  const [areas, setAreas] = useState<{ level: RegionLevel; km2: Map<string, number> } | null>(null);
  const level = settings?.level;
  const needAreas = settings?.measure === 'areaShare';
  useEffect(() => {
    if (!level || !needAreas) return;
    let cancelled = false;
    void regionAreas(level).then((km2) => !cancelled && setAreas({ level, km2 }));
    return () => {
      cancelled = true;
    };
  }, [level, needAreas]);

  return useMemo(() => {
    if (!settings) return null;
    const byRegion = analysis.byLevel[settings.level];
    if (!byRegion) return null;
    if (settings.measure === 'areaShare' && areas?.level !== settings.level) return null;
    const values = new Map<string, number>();
    for (const [code, s] of byRegion) values.set(code, choroplethValue(s, settings.measure, areas?.km2.get(code)));
    const breaks = classBreaks([...values.values()], settings.classes, settings.method);
    const palette = sequentialPalette(breaks.length);
    const min = Math.min(...values.values());
    const classes = breaks.map((to, i) => ({ from: i === 0 ? min : breaks[i - 1]!, to, color: palette[i]!, count: 0 }));
    const out = new Map<string, { value: number; color: string }>();
    for (const [code, v] of values) {
      const c = classOf(v, breaks);
      classes[c]!.count++;
      out.set(code, { value: v, color: palette[c]! });
    }
    return { level: settings.level, classes, values: out };
  }, [settings, analysis.byLevel, areas]);
}
