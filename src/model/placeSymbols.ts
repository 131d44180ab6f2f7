/**
 * How sure a drawn place is, as the map shows it. Two things set a symbol apart from the plain
 * one: a line that is schematic (straight between real stations, or a generalised river) is
 * dashed; a place the release does not give (location.from_release false) is hollow, thin or an
 * unfilled outline. The map (src/map/planLayers.ts) and the legend (./legend.ts) read these, so
 * what is drawn dashed is what the legend explains.
 */
import type { PlanItem } from '../data/plan/schema';

type Located = Pick<PlanItem, 'geometry' | 'properties'>;

export function isSchematicLine(item: Located): boolean {
  const type = item.geometry?.type;
  return (type === 'LineString' || type === 'MultiLineString') && item.properties.location.precision === 'schematic-line';
}

export function isOutsideRelease(item: Located): boolean {
  return item.geometry != null && item.properties.location.from_release === false;
}
