/**
 * Export: the plan items that pass the current filters and have a location, and the
 * user layers that are shown, as one GeoJSON or CSV file. Each feature gets a `jjj_layer`
 * property naming where it came from (`plan:<layer>` or the user layer's name). The writers
 * (src/data/export) load on first use.
 */
import type { Feature } from 'geojson';
import type { FilteredPlan } from './filteredPlan';
import type { UserLayer } from './userLayer';

export type ExportFormat = 'geojson' | 'csv';

export function exportedFeatures(plan: FilteredPlan, userLayers: readonly UserLayer[]): Feature[] {
  const out: Feature[] = [];
  plan.items.forEach((item, i) => {
    if (!plan.visible[i] || !item.geometry) return;
    out.push({ type: 'Feature', geometry: item.geometry, properties: { jjj_layer: `plan:${plan.layerOf(item)}`, ...item.properties } });
  });
  for (const l of userLayers) {
    if (!l.visible) continue;
    // the user features that pass the text and region filters, as on the map
    const shown = plan.users.filtered.byLayer.get(l.id)?.shown;
    l.features.forEach((f, i) => {
      if (!shown || shown[i]) out.push({ type: 'Feature', geometry: f.geometry, properties: { jjj_layer: l.name, ...f.properties } });
    });
  }
  return out;
}
