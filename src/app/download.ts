/**
 * Files the person saves: the one place that turns a blob into a browser download, and the
 * exports that build one (filtered features, a drawn area). The writers (src/data/export) and
 * Turf's circle load on first use.
 */
import type { FilteredPlan } from '../model/filteredPlan';
import type { UserLayer } from '../model/userLayer';
import { exportedFeatures, type ExportFormat } from '../model/dataExport';
import { drawnAreaFeatureCollection, safeFileName, type DrawnArea } from '../model/drawnArea';

/** Save a blob as a file (the browser's download). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  // a large image needs a moment longer than the click to be handed to the download
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

/** The plan items and user features that pass the filters, as one GeoJSON or CSV file. */
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

/** A drawn area as a GeoJSON file (a circle as its 64-gon, with its centre and radius). */
export async function exportDrawnArea(area: DrawnArea): Promise<void> {
  const { circlePolygon } = await import('../geo/aggregate/features');
  const fc = drawnAreaFeatureCollection(area, (c, km) => circlePolygon(c, km).geometry);
  downloadBlob(new Blob([JSON.stringify(fc, null, 2)], { type: 'application/geo+json' }), `${safeFileName(area.name) || 'area'}.geojson`);
}
