/**
 * Regional analysis state: which regions are selected for the region panel and
 * comparison, the choropleth, and the drawn areas. Pure types and helpers.
 */
export type RegionLevel = 'province' | 'prefecture' | 'county';
export type RegionLevelChoice = 'auto' | RegionLevel;

/** The level that follows the zoom: provinces when the whole region is in view, counties close up. */
export function levelForZoom(zoom: number): RegionLevel {
  if (zoom < 6.6) return 'province';
  if (zoom < 8.2) return 'prefecture';
  return 'county';
}

export function resolveLevel(choice: RegionLevelChoice, zoom: number): RegionLevel {
  return choice === 'auto' ? levelForZoom(zoom) : choice;
}

/** Measures a choropleth can show. `group-N`: items of one group. */
export type ChoroplethMeasure = 'items' | 'group-1' | 'group-2' | 'group-3' | 'group-4' | 'group-5' | 'lineKm' | 'areaShare';
export const CHOROPLETH_MEASURES: ChoroplethMeasure[] = ['items', 'group-1', 'group-2', 'group-3', 'group-4', 'group-5', 'lineKm', 'areaShare'];

export interface ChoroplethSettings {
  level: RegionLevel;
  measure: ChoroplethMeasure;
  method: 'quantile' | 'natural';
  classes: number;
}

/** Tiananmen: the default centre for distances (the traditional centre of Beijing). */
export const TIANANMEN: [number, number] = [116.3975, 39.9087];
