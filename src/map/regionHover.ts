/**
 * The region a click would select, outlined under the pointer before the click (regions tab),
 * and the region whose choropleth value the tooltip tells. Its layers are in the base style
 * (`highlight-hover-*`, ./basemap/style.ts), on the boundary sources, under the labels; here only
 * their filters change.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { RegionLevel } from '../model/analysis';
import { regionHoverFilter, type RegionSource } from './basemap/style';

const SOURCE: Record<RegionLevel, RegionSource> = { province: 'provinces', prefecture: 'prefectures', county: 'counties' };

export function setRegionHover(map: MaplibreMap, hover: { level: RegionLevel; code: string } | null): void {
  for (const [level, src] of Object.entries(SOURCE) as [RegionLevel, RegionSource][]) {
    const filter = regionHoverFilter(hover && hover.level === level ? hover.code : null);
    for (const id of [`highlight-hover-${src}-casing`, `highlight-hover-${src}`]) if (map.getLayer(id)) map.setFilter(id, filter);
  }
}
