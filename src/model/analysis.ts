/**
 * Regional analysis state: which regions are selected for the region panel and
 * comparison, the choropleth, and the drawn areas. Pure types and helpers.
 */
export type RegionLevel = 'province' | 'prefecture' | 'county';
export type RegionLevelChoice = 'auto' | RegionLevel;

/**
 * The level that follows the zoom, at round thresholds a person can predict (and the panel
 * states): provinces below 6.5 (the three provinces fill the view), prefectures to 8.5 (a
 * prefecture fills a good part of it), counties closer.
 */
export const LEVEL_ZOOMS = { prefecture: 6.5, county: 8.5 } as const;
export function levelForZoom(zoom: number): RegionLevel {
  if (zoom < LEVEL_ZOOMS.prefecture) return 'province';
  if (zoom < LEVEL_ZOOMS.county) return 'prefecture';
  return 'county';
}

/**
 * The level the choropleth colours for a level choice: the chosen one, and prefectures when the
 * choice follows the zoom (three provinces in five classes say nothing; a choropleth that changed
 * with every zoom would not stay readable).
 */
export function choroplethLevelFor(choice: RegionLevelChoice): RegionLevel {
  return choice === 'auto' ? 'prefecture' : choice;
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
