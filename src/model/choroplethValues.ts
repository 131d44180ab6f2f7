/**
 * The value a choropleth shows for each region, from the engine's per-region summaries:
 * item counts (all, or one group), km of line inside, or the share of the region's area that
 * the plan's area items cover.
 */
import type { RegionSummary } from '../geo/aggregate/features';
import type { ChoroplethMeasure } from './analysis';

export function choroplethValue(s: RegionSummary, measure: ChoroplethMeasure, regionAreaKm2: number | undefined): number {
  switch (measure) {
    case 'items':
      return s.items;
    case 'lineKm':
      return Math.round(s.lineKm * 10) / 10;
    case 'areaShare':
      return regionAreaKm2 && regionAreaKm2 > 0 ? Math.round((Math.min(s.areaKm2, regionAreaKm2) / regionAreaKm2) * 1000) / 10 : 0;
    default:
      return s.byGroup[measure.slice('group-'.length)] ?? 0;
  }
}
