/**
 * Colour provinces, prefectures or counties by a value. The base style carries one
 * hidden fill layer per level (choropleth-<source>); this sets its colours with a `match` on
 * the adcode and shows it. Pure style expressions; the classes come from src/geo/classify.ts.
 */
import type { ExpressionSpecification, Map as MaplibreMap } from 'maplibre-gl';
import type { RegionLevel } from '../model/analysis';

const LAYER: Record<RegionLevel, string> = {
  province: 'choropleth-provinces',
  prefecture: 'choropleth-prefectures',
  county: 'choropleth-counties',
};

/** A `match` expression giving each region code its class colour (transparent otherwise). */
export function choroplethColorExpression(colors: ReadonlyMap<string, string>): ExpressionSpecification | string {
  if (colors.size === 0) return 'rgba(0,0,0,0)';
  const pairs: string[] = [];
  for (const [code, color] of colors) pairs.push(code, color);
  return ['match', ['get', 'adcode'], ...pairs, 'rgba(0,0,0,0)'] as unknown as ExpressionSpecification;
}

export function showChoropleth(map: MaplibreMap, level: RegionLevel | null, colors: ReadonlyMap<string, string>): void {
  for (const [l, id] of Object.entries(LAYER) as [RegionLevel, string][]) {
    if (!map.getLayer(id)) continue;
    if (l === level) {
      map.setPaintProperty(id, 'fill-color', choroplethColorExpression(colors));
      map.setLayoutProperty(id, 'visibility', 'visible');
    } else {
      map.setLayoutProperty(id, 'visibility', 'none');
    }
  }
}
