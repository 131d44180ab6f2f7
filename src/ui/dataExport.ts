/**
 * Export (issue 7): the plan items that pass the current filters and have a location, and the
 * user layers that are shown, as one GeoJSON or CSV file. Each feature gets a `jjj_layer`
 * property naming where it came from (`plan:<layer>` or the user layer's name). The writers
 * (src/data/export) load on first use.
 */
import type { Feature } from 'geojson';
import type { FilteredPlan } from '../app/useFilteredPlan';
import type { UserLayer } from '../app/store';

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

export async function exportFeatures(plan: FilteredPlan, userLayers: readonly UserLayer[], format: ExportFormat): Promise<void> {
  const { toGeoJSON, toCSV } = await import('../data/export');
  const features = exportedFeatures(plan, userLayers);
  const date = new Date().toISOString().slice(0, 10);
  const blob =
    format === 'geojson'
      ? new Blob([toGeoJSON(features)], { type: 'application/geo+json' })
      : new Blob([toCSV(features)], { type: 'text/csv;charset=utf-8' });
  downloadBlob(blob, `jjj-atlas-${date}.${format === 'geojson' ? 'geojson' : 'csv'}`);
}

/** Save a blob as a file (the browser's download). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
